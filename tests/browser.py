"""Headless Chromium for tests that look at pages as a person would (Debian's chromium only).

Why Debian's binary and Selenium: no browser is downloaded at test time; `.ci/install-browser`
installs ``chromium`` and ``chromium-driver`` from the Debian archive. When they are missing, the
tests skip with the command to run as the reason (the README's ``pytest`` passes on a fresh
machine); CI sets ``COOPGRAPH_REQUIRE_BROWSER=1`` (.ci/run), which turns the skip into a failure,
so a CI machine without a browser cannot pass them.
"""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,900", "--allow-file-access-from-files",
)


REQUIRE_ENV = "COOPGRAPH_REQUIRE_BROWSER"


def require_browser() -> None:
    """Skip the calling test, with the fix as the reason, when Chromium or its driver is missing.

    Fails instead under ``COOPGRAPH_REQUIRE_BROWSER=1`` (set by .ci/run), where a skip would hide
    that the page was never looked at.
    """
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing:
        return
    reason = (f"browser tests need {' and '.join(missing)}: run .ci/install-browser "
              "(as root; installs Debian's chromium and chromium-driver)")
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def chromium() -> Iterator[object]:
    """A fresh headless Chromium (own profile directory) driven by Selenium; closed on exit."""
    require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="coopgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: object, path: Path) -> None:
    """Open ``path`` and wait until the page says it has drawn (``data-ready``), up to 10 s."""
    import time
    driver.get(path.resolve().as_uri())  # type: ignore[attr-defined]
    for _ in range(100):
        if driver.execute_script(  # type: ignore[attr-defined]
                "return document.body.getAttribute('data-ready')") == "1":
            return
        time.sleep(0.1)
    raise AssertionError(f"{path} did not finish drawing in 10 s")


def png_colours(png: bytes, limit: int = 4096) -> int:
    """How many distinct pixel values a PNG screenshot has (decoded with zlib, no Pillow).

    Handles the 8-bit RGB/RGBA non-interlaced PNGs Chromium writes; stops counting at ``limit``.
    """
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, header = 8, [], b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, "unexpected PNG format"
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    previous = bytearray(stride)
    seen: set[bytes] = set()
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]), previous, bpp)
        for x in range(0, stride, bpp * 3):  # every third pixel is plenty
            seen.add(bytes(line[x:x + bpp]))
        if len(seen) >= limit:
            break
        previous = line
    return len(seen)


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> bytearray:
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = prev[i]
        corner = prev[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
        elif kind == 4:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
            line[i] = (line[i] + pred) & 0xFF
    return line
