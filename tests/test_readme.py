"""The README's Python example runs as written (against a store in a temporary directory)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT


def test_the_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [code] = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    (tmp_path / "examples").symlink_to(EXAMPLES)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("CONSULT 2023-06-19 ['Wang Yi'] -> ['Antony Blinken'] my-note-1")
    assert "3 new documents;" in out.stdout
    assert any("Malta" in line and "000_69b6d8408b5211e1" in line for line in lines)
    assert any(line.startswith("     ") and "|" in line for line in lines)
    assert (tmp_path / "detente.duckdb").exists()
