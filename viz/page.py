"""One self-contained HTML page: our template, our script and style, and vis-network, all inline.

Why inline everything: the page must open from a USB stick with no network, so it references no
URL (no CDN, no Bootstrap). vis-network's JavaScript and CSS come from the copy pyvis ships, so
pyvis stays the dependency that provides them; the template and script around them are ours.

Escaping, in one place: text from documents reaches the page only (a) HTML-escaped in the header
and (b) inside the JSON data block, where ``<``, ``>``, ``&``, U+2028 and U+2029 are written as
``\\uXXXX`` so no document text can close the ``<script>`` element or start markup. The script
puts text on the page with ``textContent`` only.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache

from coopgraph._resources import package_root
from coopgraph.errors import CoopgraphError
from coopgraph.viz.payload import JSONObject

#: vis-network as bundled by pyvis 0.3.2 (the version its own templates load).
VIS_DIR = "templates/lib/vis-9.1.2"

#: Our scripts, in load order: label placement and the timeline before the page that uses them.
APP_SCRIPTS = ("labels.js", "timeline.js", "network.js")

_MARKER = re.compile(r"@@CG_([A-Z_]+)@@")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


class AssetError(CoopgraphError):
    """A file the page needs (vis-network from pyvis, our template) is missing from the install."""


def json_for_script(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element of an HTML page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def inline_code(code: str, element: str) -> str:
    """``code`` for an inline ``<script>`` or ``<style>`` element, checked not to end it early.

    Raises:
        AssetError: the code contains ``</script``, ``</style`` or ``<!--`` (it would break out).
    """
    found = re.search(rf"</{element}|<!--", code, flags=re.IGNORECASE)
    if found:
        raise AssetError(f"cannot inline {element} code: it contains {found.group(0)!r}")
    return code


@cache
def _asset(package: str, name: str) -> str:
    """A data file of an installed package, found without importing the package.

    Why not ``importlib.resources.files(package)``: it imports the package, and importing pyvis
    (jinja2, IPython checks) took 0.7 s of every build for two files it ships.
    """
    try:
        root = package_root(package)
        if root is None:
            raise ModuleNotFoundError(f"no package {package!r}")
        return (root / name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as exc:
        raise AssetError(f"{package}/{name} is missing ({exc}); reinstall coopgraph and pyvis") \
            from exc


def render_page(payload: JSONObject, *, title: str, build_date: str | None,
                counts: Mapping[str, int], sources: Sequence[str]) -> str:
    """The complete HTML page for one view's ``payload``.

    Raises:
        AssetError: the template or vis-network is missing from the installation.
    """
    values = {
        "TITLE": html.escape(title),
        "SUBTITLE": html.escape(_subtitle(build_date, counts)),
        "SOURCES": "".join(f"<li>{html.escape(s)}</li>" for s in sources)
                   or "<li>(none recorded)</li>",
        "VIS_CSS": inline_code(_asset("pyvis", f"{VIS_DIR}/vis-network.css"), "style"),
        "APP_CSS": inline_code(_asset("coopgraph.viz", "network.css"), "style"),
        "VIS_JS": inline_code(_asset("pyvis", f"{VIS_DIR}/vis-network.min.js"), "script"),
        "APP_JS": "\n".join(inline_code(_asset("coopgraph.viz", name), "script")
                             for name in APP_SCRIPTS),
        "DATA": json_for_script(payload),
    }
    template = _asset("coopgraph.viz", "network.html")
    return _MARKER.sub(lambda m: values[m.group(1)], template)


def _subtitle(build_date: str | None, counts: Mapping[str, int]) -> str:
    parts = [f"{n} {what}" for what, n in counts.items()]
    if build_date:
        parts.insert(0, f"built {build_date}")
    return " · ".join(parts)
