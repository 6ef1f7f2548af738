"""The README's screenshots, taken from a real build of the bundled corpus in headless Chromium.

    python docs/screenshots.py

Builds the bundled documents into a temporary folder with ``coopgraph.build`` (what
``coopgraph build`` does), opens the build's ``network.html`` in the headless Chromium the
browser tests use (Debian's chromium and chromium-driver: ``.ci/install-browser``) and writes

- ``docs/network.png``: the page as it opens;
- ``docs/timeline.png``: GASI searched for, its timeline drawn, its training picked (the entry
  with the quoted evidence brought into view);
- ``docs/screenshots.json``: for each picture, the SHA-256 of the page it was taken from, the
  page's subtitle (its counts), the window size and the picture's SHA-256.

Why a record beside the pictures: the page is deterministic (same documents, same bytes), so
``tests/test_screenshots.py`` rebuilds it and compares its SHA-256 with the record. A picture of
an older graph or an older page then fails the tests, with this command as the fix, instead of
showing counts the README no longer prints (as docs/network.png once did).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
RECORD = DOCS / "screenshots.json"
WINDOW = (1280, 800)

#: What each picture shows: a name, and the script run on the page before it is taken.
SHOTS: dict[str, str] = {
    "network.png": "",
    "timeline.png": (
        "var c = window.coopgraph; c.select(c.find('GASI'));"
        "document.querySelector('#cg-timeline a[data-type=training]')"
        ".dispatchEvent(new MouseEvent('click'));"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_page(folder: Path) -> Path:
    """The bundled corpus built into ``folder``; returns its network.html."""
    import coopgraph
    coopgraph.build(output_dir=folder)
    return folder / "network.html"


def take(page: Path, out: Path) -> dict[str, Any]:
    """Take every picture of ``page`` into ``out``; returns the record of what was taken."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import chromium, open_page  # the browser tests' own Chromium

    record: dict[str, Any] = {"page_sha256": sha256(page), "window": list(WINDOW), "shots": {}}
    with chromium() as driver:
        driver.set_window_size(*WINDOW)
        for name, script in SHOTS.items():
            open_page(driver, page)
            if script:
                driver.execute_script(script)
            time.sleep(0.3)  # one more frame for vis-network after the last change
            path = out / name
            path.write_bytes(driver.get_screenshot_as_png())
            record["shots"][name] = {
                "sha256": sha256(path),
                "subtitle": driver.find_element("id", "cg-subtitle").text,
                "timeline": driver.find_element("id", "cg-timeline").text.split("\n")[0],
            }
    return record


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="coopgraph-screenshots-") as work:
        page = build_page(Path(work) / "out")
        record = take(page, DOCS)
    RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for name, shot in record["shots"].items():
        print(f"wrote docs/{name} ({shot['subtitle']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
