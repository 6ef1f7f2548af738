"""Web pages: the main text without menus, navigation and footers, then the text extractor.

Why BeautifulSoup with lxml and our own boilerplate rules rather than a full article extractor:
project and news pages are small and mostly well marked up (``<main>``, ``<article>``, ``<nav>``,
``<footer>``), the rules below are deterministic and testable, and the two libraries are small
and well kept (trafilatura would add a dozen dependencies, some of them network clients).

Headings become paragraphs of their own (blank-line separated), so the text extractor sees the
same item boundaries a reader sees. The page title and date become document metadata.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from typing import Any

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats import budgets
from coopgraph.loaders.formats.documents import Document, read_bytes
from coopgraph.loaders.formats.sniffing import is_html, looks_binary, source_info
from coopgraph.loaders.text.loader import extract_document
from coopgraph.loaders.structured.values import normalise_timestamp
from coopgraph.records import ExtractionRecord

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: Elements that never hold the page's own text.
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
              "nav", "aside", "select", "input", "head", "object", "embed", "canvas")
#: ARIA landmarks of page furniture.
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu",
               "menubar"}
#: class/id words of page furniture ("main-menu", "site_footer", "breadcrumb").
_FURNITURE = {"nav", "navbar", "navigation", "menu", "footer", "breadcrumb", "breadcrumbs",
              "sidebar", "cookie", "cookies", "share", "sharing", "social", "skip", "banner",
              "pagination", "toolbar", "masthead", "topbar"}
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
           "blockquote", "pre", "figure", "figcaption", "address", "header", "table", "hr",
           "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "caption"}
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
              "dcterms.date", "dcterms.created", "publication_date", "pubdate",
              "article:modified_time")
_SPACE = re.compile(r"\s+")


class HtmlLoader:
    """Loader for HTML pages (recognised by their markup, whatever the file name)."""

    name = "html"

    def sniff(self, path: Path, head: bytes) -> bool:
        if looks_binary(head):
            return False
        return is_html(head) or (path.suffix.lower() in _HTML_SUFFIXES and b"<" in head)

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        """Read the page's main text and extract what it says.

        Raises:
            InputError: the file cannot be read.
            ExtractionError: the page has no readable text (only scripts, styles, menus).
        """
        return extract_document(read_html(path, encoding=encoding))


def read_html(path: Path, *, encoding: str | None = None) -> Document:
    """The page as a :class:`Document`: main text, title and date (from the page's metadata).

    Raises:
        InputError: the file cannot be read.
        ExtractionError: no readable text is left once scripts and page furniture are removed.
    """
    data = read_bytes(path)
    soup = _parse(data, encoding)
    title, date = page_title(soup), page_date(soup)
    notes: list[str] = []
    text = main_text(soup, notes)
    if not text:
        raise ExtractionError(path, "no readable text in this page (only scripts, styles or "
                              "navigation); save the article itself, or its text as .txt")
    return Document(text=text, source=source_info(path, data, "text/html", title=title,
                                                  date=date), warnings=tuple(notes))


def _parse(data: bytes, encoding: str | None) -> Any:
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4's hints (looks like XML / a URL) are not errors here
        return BeautifulSoup(data, "lxml", from_encoding=encoding)


def page_title(soup: Any) -> str | None:
    """The page title: ``og:title``, else ``<title>``, else the first ``<h1>``."""
    meta = soup.find("meta", attrs={"property": "og:title"})
    for candidate in (meta.get("content") if meta else None,
                      soup.title.get_text() if soup.title else None,
                      soup.h1.get_text() if soup.h1 else None):
        if candidate and candidate.strip():
            return _SPACE.sub(" ", candidate).strip()
    return None


def page_date(soup: Any) -> str | None:
    """The publication day from meta tags, JSON-LD or the first ``<time datetime>``."""
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META and meta.get("content"):
            found = normalise_timestamp(meta["content"])
            if found:
                return found
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        found = _json_ld_date(script.string or "")
        if found:
            return found
    time = soup.find("time", attrs={"datetime": True})
    return normalise_timestamp(time["datetime"]) if time else None


def _json_ld_date(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict):
            for key in ("datePublished", "dateCreated", "dateModified"):
                value = item.get(key)
                if isinstance(value, str) and normalise_timestamp(value):
                    return normalise_timestamp(value)
    return None


def main_text(soup: Any, notes: list[str] | None = None) -> str:
    """The page's main text: paragraphs and headings separated by blank lines.

    Past the budgets in loaders/formats/budgets.py (nesting depth, element count) the page is
    read flat or cut, with a line in ``notes``.
    """
    body = soup.body or soup
    _drop_furniture(body)
    root = _main_container(body)
    walk = _Walk()
    walk.run(root, 0)
    walk.flush()  # text after the last block element (or in none at all) is text too
    if notes is not None:
        if walk.flattened:
            notes.append(f"HTML nested more than {budgets.MAX_HTML_DEPTH} elements deep "
                         "(coopgraph's per-document limit): the deeper markup was read as plain "
                         "text")
        if walk.elements > budgets.MAX_HTML_ELEMENTS:
            notes.append(budgets.cut_note("HTML elements", budgets.MAX_HTML_ELEMENTS,
                                          walk.elements))
    return "\n\n".join(walk.blocks)


def _drop_furniture(body: Any) -> None:
    """Remove scripts, menus, headers and the like (with everything inside them).

    Why the set of dropped tags, not bs4's ``tag.decomposed``: for a tag still in the tree that
    property searches all the tag's descendants (bs4 4.15 looks ``_decomposed`` up as a child
    tag's name), which made a page of 3,000 nested elements take seconds."""
    for tag in body.find_all(_DROP_TAGS):
        tag.decompose()
    dropped: set[int] = set()
    for tag in body.find_all(True):
        if id(tag) in dropped:
            continue
        if _is_furniture(tag) or _is_dateline(tag):
            dropped.update(id(inner) for inner in tag.find_all(True))
            tag.decompose()


def _is_dateline(tag: Any) -> bool:
    """A block holding nothing but a ``<time>``: the page date, kept as metadata instead, so
    that it is not read as a heading of the next paragraph."""
    if tag.name not in _BLOCKS:
        return False
    times = tag.find_all("time")
    return bool(times) and tag.get_text(" ", strip=True) == " ".join(t.get_text(" ", strip=True) for t in times)


def _is_furniture(tag: Any) -> bool:
    if (tag.get("role") or "").lower() in _DROP_ROLES or tag.get("aria-hidden") == "true":
        return True
    if tag.name in ("header", "footer") and not tag.find_parent(["article", "main"]):
        return True
    if tag.name in ("main", "article", "body"):
        return False
    words: set[str] = set()
    for value in [*(tag.get("class") or []), tag.get("id") or ""]:
        words.update(w for w in re.split(r"[-_\s]+", str(value).lower()) if w)
    return bool(words & _FURNITURE)


def _main_container(body: Any) -> Any:
    """``<main>`` (or role=main), else the longest ``<article>``, else the body."""
    main = body.find("main") or body.find(attrs={"role": "main"})
    if main is not None:
        return main
    articles = body.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    return body


class _Walk:
    """Collect text; every block element starts and ends a paragraph.

    Counts the elements it meets (all of them, to say how many were left out) and reads an
    element nested deeper than the depth budget as plain text, so the recursion stays bounded.
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.elements = 0
        self.flattened = False

    def run(self, node: Any, depth: int) -> None:
        from bs4.element import Comment, NavigableString, Tag

        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if self.elements <= budgets.MAX_HTML_ELEMENTS:
                    self.line.append(_SPACE.sub(" ", str(child)))  # line breaks are spaces
            elif isinstance(child, Tag):
                self.elements += 1
                if self.elements > budgets.MAX_HTML_ELEMENTS:
                    self.elements += sum(1 for _ in child.find_all(True))
                else:
                    self._element(child, depth + 1)

    def _element(self, child: Any, depth: int) -> None:
        if child.name == "br":
            self.line.append("\n")
        elif depth > budgets.MAX_HTML_DEPTH:
            self.flattened = True
            self.elements += sum(1 for _ in child.find_all(True))
            self.line.append(f' {_SPACE.sub(" ", child.get_text(" "))} ')  # words stay apart
        elif child.name == "tr":
            self.flush()
            cells = [_SPACE.sub(" ", c.get_text(" ")).strip()
                     for c in child.find_all(["td", "th"], recursive=False)]
            row = " | ".join(c for c in cells if c)
            if row:
                self.blocks.append(row)
        elif child.name in _BLOCKS:
            self.flush()
            self.run(child, depth)
            self.flush()
        else:
            self.run(child, depth)

    def flush(self) -> None:
        _flush(self.blocks, self.line)


def _flush(blocks: list[str], line: list[str]) -> None:
    text = "".join(line)
    line.clear()
    lines = [_SPACE.sub(" ", part).strip() for part in text.split("\n")]
    joined = "\n".join(p for p in lines if p)
    if joined:
        blocks.append(joined)
