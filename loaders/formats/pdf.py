"""PDF newsletters and reports: text in reading order, then the text extractor.

Why pdfminer.six rather than pypdf: newsletters are set in columns, and pypdf returns text in
content-stream order, which interleaves the lines of side-by-side columns. pdfminer.six's layout
analysis groups characters into positioned text boxes, so the boxes can be put in reading order:
full-width blocks (titles) in place, columns read top to bottom, left to right. It is pure
Python and well kept.

Words hyphenated at a line end are joined again ("orga-" + "nized" → "organized"). A PDF with no
text layer (a scan) or a damaged file gives a clear message; there is no OCR.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coopgraph.errors import ExtractionError
from coopgraph.loaders.formats import budgets
from coopgraph.loaders.formats.documents import Document, read_bytes
from coopgraph.loaders.formats.sniffing import is_pdf, source_info
from coopgraph.loaders.text.loader import extract_document
from coopgraph.loaders.structured.values import normalise_timestamp
from coopgraph.records import ExtractionRecord

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\u00ad": "-"})
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.I)
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
#: Horizontal overlap (points) below which two boxes count as side by side.
_TOLERANCE = 1.0


@dataclass(frozen=True)
class Box:
    """A block of text on a page, with its position (PDF points, origin bottom left)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share some horizontal extent."""
        return min(self.x1, other.x1) - max(self.x0, other.x0) > _TOLERANCE


class PdfLoader:
    """Loader for PDF files (recognised by the ``%PDF-`` header)."""

    name = "pdf"

    def sniff(self, path: Path, head: bytes) -> bool:
        return is_pdf(head)

    def load(self, path: Path, *, encoding: str | None = None) -> ExtractionRecord:
        """Read the PDF's text in reading order and extract what it says.

        Raises:
            InputError: the file cannot be read.
            ExtractionError: truncated or damaged, encrypted, or no text layer (scanned).
        """
        return extract_document(read_pdf(path))


def read_pdf(path: Path) -> Document:
    """The PDF as a :class:`Document`: its text in reading order, title and date.

    Raises:
        InputError: the file cannot be read.
        ExtractionError: truncated or damaged, encrypted, or no text layer (scanned).
    """
    data = read_bytes(path)
    if b"%%EOF" not in data[-2048:]:
        raise ExtractionError(path, "truncated or damaged PDF (no end-of-file marker); "
                              "download or export it again")
    notes: list[str] = []
    pages, info, images = _read_layout(path, data, notes)
    text = "\n\n".join(p for p in (page_text(boxes) for boxes in pages) if p)
    if not text:
        what = "no text layer (a scanned document?)" if images else "no text"
        raise ExtractionError(path, f"{what} in this PDF; coopgraph does no OCR: run OCR first "
                              "(for example ocrmypdf) or use the text version")
    return Document(text=text, source=source_info(
        path, data, "application/pdf", title=_info_text(info.get("Title")),
        date=_pdf_date(info.get("CreationDate"))), warnings=tuple(notes))


def _read_layout(path: Path, data: bytes,
                 notes: list[str] | None = None) -> tuple[list[list[Box]], dict[str, Any], int]:
    """(text boxes per page, the document info dictionary, number of images seen).

    Only the first :data:`~coopgraph.loaders.formats.budgets.MAX_PDF_PAGES` pages are laid
    out (each takes pdfminer about 0.1 s); the cut is a line in ``notes``.

    Raises:
        ExtractionError: pdfminer cannot parse the file, or the file is encrypted.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTFigure, LTImage, LTTextBox
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    pages: list[list[Box]] = []
    images = 0
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = {str(k): resolve1(v) for k, v in (document.info[0] if document.info else {}).items()}
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        for n, page in enumerate(PDFPage.create_pages(document)):
            if n == budgets.MAX_PDF_PAGES:
                if notes is not None:
                    notes.append(budgets.cut_note("pages", n, _page_count(document)))
                break
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append([_box(item) for item in layout if isinstance(item, LTTextBox)])
            images += sum(isinstance(item, (LTFigure, LTImage)) for item in layout)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ExtractionError(path, "encrypted PDF; save an unprotected copy first") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many unrelated types on damaged input
        raise ExtractionError(path, f"damaged PDF ({type(exc).__name__}: {exc}); "
                              "download or export it again") from None
    return pages, info, images


def _page_count(document: Any) -> int | None:
    """The page count the PDF declares (``/Pages /Count``), or None when it says none."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog["Pages"])["Count"])
    except Exception:  # noqa: BLE001 - a damaged page tree only loses the total in the warning
        return None
    return count if isinstance(count, int) else None


def _box(item: Any) -> Box:
    return Box(item.x0, item.y0, item.x1, item.y1, item.get_text())


def page_text(boxes: list[Box]) -> str:
    """A page's paragraphs in reading order, blank-line separated; page numbers dropped."""
    kept = [b for b in boxes if b.text.strip() and not _PAGE_NUMBER.match(b.text.strip())]
    return "\n\n".join(p for p in (join_lines(b.text) for b in reading_order(kept)) if p)


def reading_order(boxes: list[Box]) -> list[Box]:
    """Boxes in reading order: full-width boxes split the page into bands; in each band the
    columns are read one after another, left to right, each top to bottom."""
    top_down = sorted(boxes, key=lambda b: (-b.y1, b.x0))
    ordered: list[Box] = []
    band: list[Box] = []
    for box in top_down:
        if _spans_columns(box, boxes):
            ordered.extend(_read_band(band))
            ordered.append(box)
            band = []
        else:
            band.append(box)
    return ordered + _read_band(band)


def _spans_columns(box: Box, boxes: list[Box]) -> bool:
    """True when the box lies over two boxes that sit side by side (a title over columns)."""
    under = [b for b in boxes if b is not box and box.overlaps(b)]
    return bool(under) and min(b.x1 for b in under) < max(b.x0 for b in under) - _TOLERANCE


def _read_band(band: list[Box]) -> list[Box]:
    """The band's boxes column by column; columns are groups of horizontally overlapping boxes."""
    columns: list[list[Box]] = []
    for box in sorted(band, key=lambda b: b.x0):
        target = next((c for c in columns if any(box.overlaps(b) for b in c)), None)
        if target is None:
            columns.append([box])
        else:
            target.append(box)
    columns.sort(key=lambda c: min(b.x0 for b in c))
    return [b for c in columns for b in sorted(c, key=lambda b: -b.y1)]


def join_lines(text: str) -> str:
    """One paragraph from a box's lines, with words hyphenated at line ends joined again.

    ``orga-`` followed by ``nized`` becomes ``organized``; a hyphen before a capital or a digit
    (``EU-`` / ``Mongolia``) is kept, as it is part of the word.
    """
    lines = [" ".join(line.translate(_LIGATURES).split()) for line in text.split("\n")]
    out = ""
    for line in (ln for ln in lines if ln):
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[0].islower():
            out = out[:-1] + line
        elif out.endswith("-") and line[0].isalnum():
            out += line
        else:
            out += " " + line
    return out


def _info_text(value: Any) -> str | None:
    """A document-info string (PDFDocEncoding or UTF-16 with a byte-order mark)."""
    if isinstance(value, bytes):
        from pdfminer.utils import decode_text

        value = decode_text(value)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _pdf_date(value: Any) -> str | None:
    """The day of a PDF date string (``D:20170630120000+08'00'`` → ``2017-06-30``)."""
    text = _info_text(value)
    m = _PDF_DATE.match(text or "")
    if not m:
        return None
    year, month, day = m.groups()
    return normalise_timestamp("-".join(p for p in (year, month, day) if p))
