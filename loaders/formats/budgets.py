"""How much of one document coopgraph reads: the per-document budgets, and the warning when one
is reached.

Why budgets and not only the 64 MB file limit: the work per document grows with its text, its
pages, paragraphs, activities or columns, and a single file at the size limit could hold a
batch for many minutes (a 20 MB text ran for over five minutes; 20,000 IATI activities, 2,000
PDF pages or a million CSV columns were all unbounded). The extractor reads about 80,000
characters a second, so the text budget keeps one document to about 12 seconds. What is past a
budget is left out, never half-read, and the record says so in one line.
"""

from __future__ import annotations

from dataclasses import replace

from coopgraph.loaders.formats.documents import Document

#: Characters of text the extractor reads from one document (after format conversion).
MAX_TEXT_CHARS = 1_000_000
#: HTML elements nested inside each other that keep their structure; deeper markup is read as
#: plain text (a page 20,000 elements deep overflowed the walk; real pages stay under 60).
MAX_HTML_DEPTH = 200
#: HTML elements read from one page; the rest of the page is left out.
MAX_HTML_ELEMENTS = 200_000
#: PDF pages read from one document.
MAX_PDF_PAGES = 1_000
#: Paragraphs (and table rows) read from one Word document.
MAX_DOCX_PARAGRAPHS = 50_000
#: Activities read from one IATI file.
MAX_IATI_ACTIVITIES = 5_000
#: Columns and rows read from one CSV register.
MAX_CSV_COLUMNS = 200
MAX_CSV_ROWS = 100_000


def cut_note(what: str, limit: int, total: int | None = None) -> str:
    """The one-line warning for a budget reached: what was cut, at what, and what to do."""
    of = f" of {total:,}" if total is not None else ""
    return (f"only the first {limit:,}{of} {what} were read (coopgraph's per-document limit); "
            "split the document to read the rest")


def cut_text(text: str, limit: int | None = None) -> tuple[str, str | None]:
    """``text`` within ``limit`` characters (:data:`MAX_TEXT_CHARS` when None), cut at the last
    paragraph (else line, else space) break before it, and the warning, or None when it fits."""
    limit = MAX_TEXT_CHARS if limit is None else limit
    if len(text) <= limit:
        return text, None
    at = max(text.rfind("\n\n", 0, limit), 0) or max(text.rfind("\n", 0, limit), 0) \
        or max(text.rfind(" ", 0, limit), 0) or limit
    return text[:at], cut_note("characters", at, len(text))


def within_budget(document: Document) -> Document:
    """``document`` with its text cut to :data:`MAX_TEXT_CHARS`, the cut noted in its warnings."""
    text, note = cut_text(document.text)
    if note is None:
        return document
    return replace(document, text=text, warnings=(*document.warnings, note))
