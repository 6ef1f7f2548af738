"""Reading a document's bytes safely: the checks every loader needs before it sees the text.

Why here and not in each loader: an empty, binary, wrongly encoded or oversized file must give
the same clear one-line error whatever its format, naming the file and what to do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from coopgraph.errors import InputError
from coopgraph.records import SourceInfo

#: Documents larger than this are refused unless the caller raises the limit (bounded memory).
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """A document's decoded text with the facts about its source."""

    text: str
    source: SourceInfo
    #: What was left out or changed on the way (a budget reached), one line each.
    warnings: tuple[str, ...] = ()


def read_bytes(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a file's bytes, refusing what cannot be a document.

    Raises:
        InputError: the path is missing, a directory, empty or larger than ``max_bytes``.
    """
    if not path.exists():
        raise InputError(path, "no such file; check the path")
    if path.is_dir():
        raise InputError(path, "is a directory; pass the files in it or the directory to `build`")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file; nothing to read")
    if size > max_bytes:
        raise InputError(
            path, f"{size / 1e6:.0f} MB is over the {max_bytes / 1e6:.0f} MB limit; "
            "split it into several smaller documents")
    return path.read_bytes()


def guess_encoding(data: bytes) -> str | None:
    """The most likely legacy encoding of ``data`` (e.g. ``cp1251``), or None when unsure.

    Only used to word the error for a file that is not UTF-8: guessing silently could turn a
    document into plausible nonsense, so the user confirms with ``--encoding``. charset-normalizer
    (already required by pdfminer.six) tells Cyrillic cp1251 from Western cp1252, which a
    fixed suggestion got wrong.
    """
    from charset_normalizer import from_bytes

    sample = data[:65536]
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    name = str(best.encoding).replace("_", "-")
    # On short Western text several code pages read equally cleanly (cp1250, cp1257, cp1252):
    # name the common one, cp1252, when it is among the cleanest or reads the same.
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos for m in matches):
        return "cp1252"
    try:
        if sample.decode(name) == sample.decode("cp1252"):
            return "cp1252"
    except (UnicodeDecodeError, LookupError):
        pass
    return name


def decode_text(path: Path, data: bytes, encoding: str | None = None) -> str:
    """Decode document bytes as text (UTF-8 unless told), rejecting binary content.

    Raises:
        InputError: the bytes look binary or are not valid in the encoding.
    """
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks like a binary file (NUL bytes) but is named as text; "
                         "save it as plain text (UTF-8)")
    enc = encoding or "utf-8-sig"
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        guess = guess_encoding(data)
        hint = (f"it looks like {guess}: pass --encoding {guess}" if guess and guess != enc
                else "convert it to UTF-8 or pass --encoding NAME (e.g. cp1252, cp1251, latin-1)")
        raise InputError(
            path, f"not {encoding or 'UTF-8'} (byte 0x{bad} at offset {exc.start}); {hint}"
        ) from None
    except LookupError:
        raise InputError(path, f"unknown encoding {encoding!r}") from None
    if not text.strip():
        raise InputError(path, "contains only white space; nothing to read")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(path: Path | str, *, encoding: str | None = None,
                  max_bytes: int = MAX_DOCUMENT_BYTES, media_type: str = "text/plain") -> Document:
    """Read a text document into a :class:`Document` (text plus name, path and content hash)."""
    p = Path(path)
    data = read_bytes(p, max_bytes)
    text = decode_text(p, data, encoding)
    source = SourceInfo(
        name=p.name, path=str(p), sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type, size=len(data),
    )
    return Document(text=text, source=source)


def document_from_text(text: str, name: str = "text.txt") -> Document:
    """Wrap text already in memory (tests, the Python API) as a :class:`Document`."""
    data = text.encode("utf-8")
    return Document(text=text, source=SourceInfo(
        name=name, path="", sha256=hashlib.sha256(data).hexdigest(), size=len(data)))
