"""The README's screenshots show today's page of today's graph (issue 15: docs/network.png said
"50 actors · 193 links" long after the build gave 52 and 183).

``docs/screenshots.py`` records, beside the pictures, the SHA-256 of the page they were taken
from. The page is deterministic, so a fresh build of the bundled corpus must give that page
again; when the graph or the page's code changes, these tests fail until the pictures are taken
again (``python docs/screenshots.py``). The comparison needs no browser; taking the pictures
does (skipped with the install command when Chromium is missing).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from browser import png_colours, require_browser

DOCS = Path(__file__).resolve().parents[1] / "docs"
FIX = "run `python docs/screenshots.py` to take the README's pictures again"


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", DOCS / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return script().build_page(tmp_path_factory.mktemp("screens") / "out")


def record() -> dict:
    return json.loads((DOCS / "screenshots.json").read_text(encoding="utf-8"))


def test_the_pictures_were_taken_from_todays_page(fresh_page: Path) -> None:
    saved = record()
    digest = hashlib.sha256(fresh_page.read_bytes()).hexdigest()
    assert saved["page_sha256"] == digest, f"the page changed since the pictures: {FIX}"
    for name, shot in saved["shots"].items():
        picture = (DOCS / name).read_bytes()
        assert hashlib.sha256(picture).hexdigest() == shot["sha256"], f"docs/{name}: {FIX}"


def test_the_readme_shows_every_picture_with_the_counts_it_shows() -> None:
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    saved = record()
    assert set(re.findall(r"\]\(docs/(\w+\.png)\)", readme)) == set(saved["shots"])
    counts = saved["shots"]["network.png"]["subtitle"]  # "52 actors · 183 cooperation links"
    actors, links = re.fullmatch(r"(\d+) actors · (\d+) cooperation links", counts).groups()
    assert f"wrote coopgraph-out/network.html ({actors} actors, {links} cooperation links)" \
        in readme


@pytest.mark.slow  # runs docs/screenshots.py: a build and two Chromium screenshots
def test_the_script_takes_the_pictures_it_records(fresh_page: Path, tmp_path: Path) -> None:
    require_browser()
    taken = script().take(fresh_page, tmp_path)
    saved = record()
    assert taken["page_sha256"] == saved["page_sha256"]
    for name, shot in taken["shots"].items():
        assert shot["subtitle"] == saved["shots"][name]["subtitle"]
        assert shot["timeline"] == saved["shots"][name]["timeline"]
        assert png_colours((tmp_path / name).read_bytes()) >= 100  # a drawing, not a blank
    assert taken["shots"]["timeline.png"]["timeline"].startswith("Timeline of GASI")
