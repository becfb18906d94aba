"""The pages' templates and static files, both shipped inside the package.

Autoescape is on for every template, so stored text reaches a page only escaped. Static files are read once
into memory by name: a request names one of them, never a path on disk.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from detente.analysis.brief import FILTERS
from detente.serve import present

STATIC_TYPES = {".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png",
                ".ico": "image/x-icon", ".js": "text/javascript; charset=utf-8"}


def _environment() -> Environment:
    # "analysis/NAME": the analysis package's templates (the brief's body), shown inside this site's layout
    loader = ChoiceLoader([PackageLoader("detente.serve", "templates"),
                           PrefixLoader({"analysis": PackageLoader("detente.analysis", "templates")})])
    env = Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(FILTERS)
    env.globals.update(safe_url=present.safe_url, period=present.period, names=present.names,
                       place=present.place, map_point=present.map_point, highlighted=present.highlighted,
                       tone=present.tone, precision_note=present.precision_note, event_title=present.event_title)
    return env


templates = _environment()


def render(name: str, **context: Any) -> str:
    return templates.get_template(name).render(**context)


def _static() -> dict[str, tuple[bytes, str]]:
    files: dict[str, tuple[bytes, str]] = {}
    for entry in resources.files("detente.serve").joinpath("static").iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1] if "." in entry.name else ""
        if entry.is_file() and suffix in STATIC_TYPES:
            files[entry.name] = (entry.read_bytes(), STATIC_TYPES[suffix])
    return files


STATIC = _static()
