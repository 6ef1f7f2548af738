"""Import the layer folders as ``coopgraph.*`` when ``coopgraph`` is imported from a checkout.

Why: pyproject.toml maps the folders loaders/, graph/, queries/, viz/, ontology/ and data/ to
``coopgraph.loaders`` … (``[tool.setuptools.package-dir]``). An install, editable or not, knows
that mapping; but a notebook or ``python -c`` started in the checkout root imports ./coopgraph
first (the current directory leads ``sys.path``), which holds none of them, so
``coopgraph.build()`` failed with "No module named 'coopgraph.loaders'". A finder appended to
``sys.meta_path`` answers exactly the mapped names from the same table pyproject.toml holds, and
nothing else (``coopgraph.tests`` stays unimportable).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType


class LayerFinder(importlib.abc.MetaPathFinder):
    """Finds ``coopgraph.<layer>`` in the checkout's ``<layer>/`` folder (top level only;
    the subpackages below follow from the layer package's own ``__path__``)."""

    def __init__(self, layers: dict[str, Path]) -> None:
        self.layers = layers

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        folder = self.layers.get(fullname)
        if folder is None:
            return None
        return importlib.util.spec_from_file_location(
            fullname, folder / "__init__.py", submodule_search_locations=[str(folder)])


def checkout_layers(package_dir: Path) -> dict[str, Path]:
    """The ``coopgraph.*`` names pyproject.toml maps to folders beside ``package_dir``, or
    nothing when ``package_dir`` is not in a source checkout (an installed package)."""
    pyproject = package_dir.parent / "pyproject.toml"
    if not pyproject.is_file():
        return {}
    import tomllib

    try:
        table = tomllib.loads(pyproject.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    mapping = table.get("tool", {}).get("setuptools", {}).get("package-dir", {})
    return {name: package_dir.parent / folder for name, folder in mapping.items()
            if name.startswith("coopgraph.") and (package_dir.parent / folder / "__init__.py").is_file()}


def install_layer_finder(init_file: str) -> None:
    """Append a LayerFinder for the layers of the checkout holding ``init_file`` (coopgraph's
    ``__init__.py``) to ``sys.meta_path``, once; a no-op for an installed package. Appended, so
    an install's own finder (editable or not) keeps answering first."""
    layers = checkout_layers(Path(init_file).resolve().parent)
    if layers and not any(isinstance(f, LayerFinder) for f in sys.meta_path):
        sys.meta_path.append(LayerFinder(layers))
