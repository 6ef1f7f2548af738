"""Where an installed package's files are, and a fingerprint of some of them.

Why one place: the extraction cache, the up-to-date check of a build and the network page all
read files shipped inside coopgraph's packages (rules, reference data, ontology, page assets)
without importing those packages just to find them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path


def package_root(package: str) -> Path | None:
    """The folder of an installed package (``coopgraph.viz``, ``pyvis``), or None."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def files_fingerprint(locations: Iterable[tuple[Path, str]]) -> str:
    """12 hex digits of SHA-256 over the names and bytes of the files matching each (root, glob)."""
    digest = hashlib.sha256()
    for root, pattern in locations:
        for f in sorted(root.glob(pattern)):
            digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def packages_fingerprint(packages: Iterable[tuple[str, tuple[str, ...]]]) -> str:
    """``files_fingerprint`` of the files matching each package's globs (missing packages skipped)."""
    locations: list[tuple[Path, str]] = []
    for package, patterns in packages:
        root = package_root(package)
        if root is not None:
            locations.extend((root, pattern) for pattern in patterns)
    return files_fingerprint(locations)
