"""ruff and mypy (strict) report nothing on the checkout: .ci/lint, as CI runs it before the tests.

Why a test too: several people merge into main during a day and each runs the fast test loop
before merging; a finding caught here is fixed by whoever made it, not found later by CI. mypy
keeps its cache in .mypy_cache, so after the first run this takes about three seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_lint_and_type_check_find_nothing() -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", str(ROOT / ".ci" / "lint")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All checks passed!" in done.stdout
    assert "Success: no issues found" in done.stdout
