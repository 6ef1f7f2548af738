"""Recognising a file's kind from its first bytes, and describing its source.

Why content sniffing: users rename files, save web pages as ``.txt`` and export registers with
odd suffixes. Each loader's ``sniff`` asks these small predicates about the first bytes, and uses
the suffix only to break ties (a zip is a Word file only if it says so).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from coopgraph.records import SourceInfo

_BOM = b"\xef\xbb\xbf"
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)[\s>/]")
#: The signature of an OLE2 compound file (Word 97-2003 .doc, old .xls).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def strip_bom(head: bytes) -> bytes:
    """The bytes without a UTF-8 byte-order mark."""
    return head[len(_BOM):] if head.startswith(_BOM) else head


def is_pdf(head: bytes) -> bool:
    """True when the bytes open with the PDF header (``%PDF-``, possibly after a little junk)."""
    return b"%PDF-" in head[:1024]


def is_zip(head: bytes) -> bool:
    """True for a zip archive (DOCX, XLSX, ODT and plain zips all start like this)."""
    return head.startswith(b"PK\x03\x04")


def is_html(head: bytes) -> bool:
    """True when the text opens with a doctype, ``<html>``, ``<head>`` or ``<body>`` tag."""
    return bool(_HTML_START.match(strip_bom(head)))


def xml_root(head: bytes) -> str | None:
    """The name of the first element of an XML document, or None if the bytes are not XML-like.

    Skips the XML declaration, comments, processing instructions and a doctype.
    """
    text = strip_bom(head).lstrip()
    if not text.startswith(b"<"):
        return None
    text = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", text, flags=re.S)
    m = _XML_ROOT.search(text)
    return m.group(1).decode("ascii", "replace") if m else None


def looks_binary(head: bytes) -> bool:
    """True when NUL bytes show the content is not text."""
    return b"\x00" in head


def source_info(path: Path, data: bytes, media_type: str, *, title: str | None = None,
                date: str | None = None) -> SourceInfo:
    """Describe a document: its name, path, media type, metadata and the hash of its bytes."""
    return SourceInfo(
        name=path.name, path=str(path), sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type, title=title, date=date, size=len(data),
    )
