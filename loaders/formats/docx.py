"""Word reports (.docx): paragraphs, headings and tables as text, then the text extractor.

Why python-docx: it is the well-kept reader of the Office Open XML word-processing format, and it
gives paragraphs with their styles (so headings stay item boundaries) and tables cell by cell.
Body paragraphs and tables are read in document order; each table row becomes one line with its
cells separated by `` | ``.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats import budgets
from coopgraph.loaders.formats.documents import Document, read_bytes
from coopgraph.loaders.formats.sniffing import OLE_MAGIC, is_zip, source_info
from coopgraph.loaders.text.loader import extract_document
from coopgraph.loaders.structured.values import date_from_datetime
from coopgraph.records import ExtractionRecord

_MAIN_PART = "word/document.xml"
#: Refuse archives that would unpack to more than this (a zip bomb renamed .docx).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxLoader:
    """Loader for Word .docx files (a zip holding ``word/document.xml``)."""

    name = "docx"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() in {".docx", ".docm"}:
            return True
        return is_zip(head) and _MAIN_PART.encode() in head

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        """Read the report's text and extract what it says.

        Raises:
            InputError: the file cannot be read.
            ExtractionError: not a Word document (a renamed zip, an old .doc) or no text.
        """
        return extract_document(read_docx(path))


def read_docx(path: Path) -> Document:
    """The report as a :class:`Document`: text, title and date from its properties.

    Raises:
        InputError: the file cannot be read.
        ExtractionError: not a .docx package, damaged, or holding no text.
    """
    data = read_bytes(path)
    _check_package(path, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    notes: list[str] = []
    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n\n".join(body_blocks(document, notes))
    # A damaged package fails inside zipfile (bad CRC, a member shorter than its header says:
    # EOFError), zlib (a corrupt deflate stream) or lxml (broken XML in a part).
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError,
            LxmlError) as exc:
        raise ExtractionError(path, f"damaged Word document ({_describe(exc)}); "
                              "open and save it again in Word, or export its text") from None
    if not text:
        raise ExtractionError(path, "this Word document holds no text")
    props = document.core_properties
    return Document(text=text, source=source_info(
        path, data, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        title=(props.title or "").strip() or None,
        date=date_from_datetime(props.created)), warnings=tuple(notes))


def _describe(exc: Exception) -> str:
    """``zlib.error: invalid code lengths set``, ``EOFError: the data ends early``: the kind of
    damage in a few words (the first line of the message only)."""
    kind = type(exc).__name__
    if kind == "error":  # zlib.error, and other C modules' bare "error"
        kind = f"{type(exc).__module__}.error"
    detail = str(exc).strip().split("\n", 1)[0][:160] or "the data ends early"
    return f"{kind}: {detail}"


def _check_package(path: Path, data: bytes) -> None:
    """Refuse what is not a .docx before python-docx sees it, with a message saying what it is.

    Raises:
        ExtractionError: an old binary .doc, not a zip, a zip without ``word/document.xml``,
            or an archive that unpacks to more than ``MAX_UNPACKED_BYTES``.
    """
    if data.startswith(OLE_MAGIC):
        raise ExtractionError(path, "an old Word 97-2003 .doc file; save it as .docx first")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(i.file_size for i in archive.infolist())
    except zipfile.BadZipFile:
        raise ExtractionError(path, "not a Word .docx file (not a zip package); "
                              "save it from Word as .docx") from None
    if _MAIN_PART not in names:
        raise ExtractionError(path, f"a zip archive, but not a Word document (no {_MAIN_PART}); "
                              "unpack it and pass the documents inside")
    if unpacked > MAX_UNPACKED_BYTES:
        raise ExtractionError(path, f"unpacks to {unpacked / 1e6:.0f} MB, over the "
                              f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB limit")


def body_blocks(document: Any, notes: list[str] | None = None) -> list[str]:
    """The body's paragraphs and table rows in document order, empty ones left out.

    Only the first :data:`~coopgraph.loaders.formats.budgets.MAX_DOCX_PARAGRAPHS` paragraphs
    and tables are read (300,000 paragraphs took minutes); the cut is a line in ``notes``.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[str] = []
    children = [c for c in document.element.body.iterchildren() if c.tag in (f"{_W}p", f"{_W}tbl")]
    limit = budgets.MAX_DOCX_PARAGRAPHS
    if len(children) > limit and notes is not None:
        notes.append(budgets.cut_note("paragraphs and tables", limit, len(children)))
    for child in children[:limit]:
        if child.tag == f"{_W}p":
            text = " ".join(Paragraph(child, document).text.split())
            if text:
                blocks.append(text)
        elif child.tag == f"{_W}tbl":
            blocks.extend(table_rows(Table(child, document)))
    return blocks


def table_rows(table: Any) -> list[str]:
    """One line per row, cells joined by `` | `` (merged cells counted once)."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            if any(cell._tc is tc for tc in seen):  # a merged cell repeats its element
                continue
            seen.append(cell._tc)
            text = " ".join(cell.text.split())
            if text:
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows
