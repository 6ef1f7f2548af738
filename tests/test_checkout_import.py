"""The Python API works in a fresh interpreter started in the checkout root (issue 15, item 3).

There ./coopgraph comes first on ``sys.path`` and shadows the installed package, which is the
only place pyproject.toml's mapping of loaders/, graph/, … to ``coopgraph.*`` lived.
"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]

SCRIPT = """
import json, sys
import coopgraph
result = coopgraph.build(output_dir=sys.argv[1])
import coopgraph.loaders, coopgraph.viz
try:
    import coopgraph.tests
    tests = "importable"
except ModuleNotFoundError:
    tests = "not importable"
print(json.dumps({"coopgraph": coopgraph.__file__, "loaders": coopgraph.loaders.__file__,
                  "viz": coopgraph.viz.__file__, "tests": tests,
                  "pairs": result.summary["cooperation_pairs"],
                  "written": sorted(p.name for p in result.written)}))
"""


@pytest.mark.slow
def test_build_from_the_checkout_root_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """As a plain ``pip install .`` leaves it: ``-S`` keeps an editable install's finder (a .pth
    file) out, so this fails on a checkout without the layer finder whatever the venv holds."""
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join([*site.getsitepackages(), site.getusersitepackages()])}
    done = subprocess.run([sys.executable, "-S", "-c", SCRIPT, str(tmp_path / "out")],
                          cwd=CHECKOUT, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["coopgraph"] == str(CHECKOUT / "coopgraph" / "__init__.py")
    assert seen["loaders"] == str(CHECKOUT / "loaders" / "__init__.py")
    assert seen["viz"] == str(CHECKOUT / "viz" / "__init__.py")
    assert seen["tests"] == "not importable"
    assert seen["pairs"] > 100
    assert seen["written"] == ["graph.trig", "graph.ttl", "manifest.json", "network.html",
                               "who-cooperated-with-whom.json"]  # the stored answer (issue 14)
