"""Write the dashboard's bundled world outline (detente/serve/static/world.svg) from Natural Earth's 110m land.

Run at development time, not at run time: the input is ``land-110m.json`` (TopoJSON) from the npm package
``world-atlas`` (Natural Earth data, public domain; the package is ISC-licensed):

    npm pack world-atlas@2 && tar xzf world-atlas-*.tgz
    python scripts/world_outline.py package/land-110m.json detente/serve/static/world.svg

The SVG is equirectangular with x = longitude + 180 and y = 90 - latitude over a 360 x 180 box, so a page can
put a place on it with no projection code.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

Point = tuple[float, float]


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Absolute (longitude, latitude) points of every arc: quantized deltas undone with the transform."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring from its arc indices (``~i`` is arc ``i`` backwards); shared end points appear once."""
    points: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    if geometry["type"] == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in polygons(g)]
    return []


def unwrapped(points: list[Point]) -> list[list[Point]]:
    """A ring that crosses the antimeridian (a jump of more than 180 degrees) made continuous, drawn twice:
    once as is and once a world-width over, so the box clips each copy where it leaves the map."""
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    if all(-180 <= lon <= 180 for lon, _ in out):
        return [out]
    shift = 360 if min(lon for lon, _ in out) < -180 else -360
    return [out, [(lon + shift, lat) for lon, lat in out]]


def svg_path(rings: list[list[Point]]) -> str:
    parts = []
    for points in (copy for r in rings for copy in unwrapped(r)):
        coords = [f"{lon + 180:.1f} {90 - lat:.1f}" for lon, lat in points]
        deduped = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
        if len(deduped) >= 3:
            parts.append("M" + "L".join(deduped) + "Z")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("topojson", type=Path, help="land-110m.json from the world-atlas npm package")
    parser.add_argument("svg", type=Path, help="where to write the outline")
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    rings = [ring(r, arcs) for polygon in polygons(topology["objects"]["land"]) for r in polygon]
    args.svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180" preserveAspectRatio="none">'
        "<!-- Natural Earth 110m land (public domain), via the world-atlas npm package; "
        "scripts/world_outline.py -->"
        f'<path fill="#f4f1e8" stroke="#a9b4bd" stroke-width="0.3" d="{svg_path(rings)}"/></svg>\n',
        encoding="utf-8")


if __name__ == "__main__":
    main()
