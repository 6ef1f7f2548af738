"""Damaged and hostile documents for the batch, fuzz and budget tests (issue #13).

Each maker writes one file whose failure comes from a different library under the loaders:
zipfile, zlib, lxml, expat's encoding lookup, pdfminer, csv. They are built here, byte by byte,
rather than stored, so a reader sees exactly what is wrong with each.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

SENTENCE = "The ILO held a workshop in Darkhan on 5 May 2017 with the Ministry of Labour."
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
    'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')
_MAIN = "word/document.xml"


def document_xml(*paragraphs: str) -> str:
    """A minimal ``word/document.xml`` holding these paragraphs."""
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'


def docx_bytes(main_xml: str, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A .docx package with the three parts python-docx needs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr(_MAIN, main_xml)
    return buffer.getvalue()


def _local_header(raw: bytes | bytearray, name: str) -> int:
    """Offset of the local file header of member ``name``."""
    wanted = name.encode()
    return next(m.start() for m in re.finditer(rb"PK\x03\x04", raw)
                if raw[m.start() + 30:m.start() + 30 + len(wanted)] == wanted)


def corrupt_deflate_docx(path: Path) -> Path:
    """A .docx whose main part's deflate stream is garbled: ``zlib.error``."""
    raw = bytearray(docx_bytes(document_xml(SENTENCE)))
    start = _local_header(raw, _MAIN) + 30 + len(_MAIN)
    for k in range(start + 2, start + 30):
        raw[k] ^= 0x55
    path.write_bytes(bytes(raw))
    return path


def truncated_member_docx(path: Path) -> Path:
    """A .docx whose main part claims 10 MB more than the file holds: ``EOFError``."""
    raw = bytearray(docx_bytes(document_xml(SENTENCE), zipfile.ZIP_STORED))
    big = struct.pack("<I", 10_000_000)
    local = _local_header(raw, _MAIN)
    raw[local + 18:local + 26] = big + big
    for m in re.finditer(rb"PK\x01\x02", raw):  # the central directory entry says the same
        c = m.start()
        n = struct.unpack("<H", raw[c + 28:c + 30])[0]
        if raw[c + 46:c + 46 + n] == _MAIN.encode():
            raw[c + 20:c + 28] = big + big
    path.write_bytes(bytes(raw))
    return path


def broken_xml_docx(path: Path) -> Path:
    """A .docx whose main part is not well-formed XML: lxml's ``XMLSyntaxError``."""
    path.write_bytes(docx_bytes(f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'
                                "<w:p>unclosed</w:body>"))
    return path


def unknown_encoding_iati(path: Path) -> Path:
    """IATI XML declaring ``encoding="UTF-O"``: expat's ``LookupError``."""
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-O"?>\n<iati-activities version="2.03">'
                     b"<iati-activity/></iati-activities>")
    return path


def broken_pdf(path: Path) -> Path:
    """A PDF whose cross-reference table points nowhere (pdfminer's own errors)."""
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nxref\n"
                     b"0 1\nzzzz\ntrailer << /Root 1 0 R >>\nstartxref\n12345\n%%EOF\n")
    return path


def unterminated_csv(path: Path) -> Path:
    """A CSV register with an unclosed quote (``csv.Error``)."""
    path.write_text(f'title,start,type\n"{SENTENCE},2017-05-05,workshop\n', encoding="utf-8")
    return path


def surrogate_json(path: Path) -> Path:
    """A JSON event register whose strings hold lone surrogates (valid JSON escapes)."""
    path.write_text('[{"title": "Workshop \\ud801 in Darkhan", "start": "2017-05-05", '
                    '"type": "workshop", "organisers": ["ILO \\udc69"], '
                    '"places": ["Darkhan"]}]', encoding="utf-8")
    return path


#: Each bad kind by file name, with the library whose exception it provokes.
BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "zlib.docx": corrupt_deflate_docx,
    "eof.docx": truncated_member_docx,
    "lxml.docx": broken_xml_docx,
    "encoding.xml": unknown_encoding_iati,
    "pdfminer.pdf": broken_pdf,
    "csv.csv": unterminated_csv,
}


def good_docx(path: Path) -> Path:
    """A small valid .docx holding :data:`SENTENCE`."""
    path.write_bytes(docx_bytes(document_xml(SENTENCE)))
    return path


def pdf_bytes(*pages: str) -> bytes:
    """A small valid PDF with one line of Helvetica text on each page (ASCII only)."""
    n = len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
               + f"] /Count {n} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, line in enumerate(pages):
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 10 Tf 50 700 Td ({escaped}) Tj ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       f"<< /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


# --- random documents (benchmarks/fuzz.py and the fuzz test) ----------------------------------

#: Real sentences that make a document worth extracting.
FUZZ_SENTENCES = [
    "The ILO held a workshop in Darkhan on 5 May 2017 with the Ministry of Labour.",
    "SECiM and GIZ projects trained 40 inspectors in Ulaanbaatar in June 2018.",
    "The Green Jobs Project (GJP) project was funded by the European Union.",
    "IOM organised a seminar on labour migration with the Mongolian Employers' Federation.",
    "On 12-14 March 2019, the National Programme on Occupational Safety was discussed.",
]
#: Hostile units, repeated: the issue-13 cases (capitals, acronym lists, runs of capitalised
#: words, blank lines, lone surrogates, control characters, markup).
FUZZ_UNITS = ["A", "ILO, ", "Ministry Labour Social Protection ", "Ministry of ", "\n", " \n",
              "abcdefghij", "Aa", '"A ', "(A) ", "A. ", "2017 ", "\ud801", "\x0b", "\u2028",
              "&amp;", "<b>", "Law on ", "Project for "]
#: The kinds of file a random document is wrapped as.
FUZZ_KINDS = ["txt", "md", "html", "json", "csv", "iati", "docx", "bytes"]


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_document(folder: Path, n: int, kind: str, text: str, *, divs: int = 0,
                   activities: int = 1, raw: bytes = b"") -> Path:
    """``text`` wrapped as a file of ``kind`` (one of :data:`FUZZ_KINDS`) in ``folder``.

    Files hold no lone surrogates (they are replaced), except JSON, whose escapes may carry
    them; ``divs`` wraps HTML text that deep, ``activities`` repeats IATI activities, ``raw``
    is the content of a ``bytes`` file.
    """
    safe = text.encode("utf-8", "replace").decode("utf-8")
    path = folder / f"doc{n}.{ {'iati': 'xml', 'bytes': 'bin'}.get(kind, kind)}"
    if kind in ("txt", "md"):
        path.write_text(safe, encoding="utf-8")
    elif kind == "html":
        path.write_text(f"<html><body>{'<div>' * divs}{safe}</body></html>", encoding="utf-8")
    elif kind == "json":
        path.write_text(json.dumps([{"title": text[:200] or "x", "start": "2017-05-05",
                                     "type": "workshop", "organisers": [text[200:260]]}]),
                        encoding="utf-8")
    elif kind == "csv":
        cells = safe[:300].replace('"', '""')
        path.write_text(f'title,start,type\n"{cells}",2017-05-05,workshop\n', encoding="utf-8")
    elif kind == "iati":
        path.write_text(
            '<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03">'
            + "".join(f"<iati-activity><iati-identifier>XM-{n}-{i}</iati-identifier><title>"
                      f"<narrative>{_escape_xml(safe[:500])}</narrative></title></iati-activity>"
                      for i in range(activities)) + "</iati-activities>",
            encoding="utf-8")
    elif kind == "docx":
        path.write_bytes(docx_bytes(document_xml(*(_escape_xml(p) for p in safe.split("\n")
                                                   if p.strip() and "\x0b" not in p))))
    else:
        path.write_bytes(raw or b"\x00")
    return path
