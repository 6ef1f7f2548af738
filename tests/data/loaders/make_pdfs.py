"""Write the small PDFs of the loader tests (run: python tests/data/loaders/make_pdfs.py).

Why by hand and not with a PDF library: the tests need exact control of where each line sits
(two columns side by side, a word hyphenated at a line end) and no extra dependency. The files
use the standard Helvetica font, so any PDF reader shows them.

- newsletter.pdf: a two-column newsletter page with a full-width title; the left column reports
  a training with "orga-" / "nized" split across lines; the right column a committee meeting.
- scanned.pdf: one page holding only an image (what a scanner produces): no text layer.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent
LINE = 13  # line spacing for 10 pt text


def _escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")


def _text_ops(x: float, y: float, size: float, lines: list[str]) -> bytes:
    out = b""
    for i, line in enumerate(lines):
        out += b"BT /F1 %g Tf 1 0 0 1 %g %g Tm (" % (size, x, y - i * (size + 3)) \
            + _escape(line) + b") Tj ET\n"
    return out


def build_pdf(objects: list[bytes]) -> bytes:
    """A PDF file from numbered objects (object 1 is the catalog), with a correct xref table."""
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref)
    return out


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def newsletter() -> bytes:
    left = [
        "Training for labour inspectors", "",
        "Government Agency for Specialised In-",
        "spection (GASI) with assistance from",
        "SECiM project and International Labour",
        "Organization (ILO) orga-",
        "nized a 2 day training for labour inspec-",
        "tors on 19-20 May 2017 in Ulaanbaatar.",
    ]
    right = [
        "Steering committee meeting", "",
        "The Ministry of Labour and Social Pro-",
        "tection (MoLSP) held the project steering",
        "committee meeting in September 2017",
        "with the European Union (EU).",
    ]
    content = _text_ops(50, 740, 16, ["SECiM Newsletter, second quarter of 2017"])
    content += _text_ops(50, 690, 10, left[:1]) + _text_ops(50, 664, 10, left[2:])
    content += _text_ops(320, 690, 10, right[:1]) + _text_ops(320, 664, 10, right[2:])
    content += _text_ops(300, 40, 8, ["1"])  # page number: page furniture
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _stream(content),
        b"<< /Title (SECiM Newsletter Q2 2017) /CreationDate (D:20170630120000+08'00') >>",
    ])


def scanned() -> bytes:
    pixels = zlib.compress(bytes(range(0, 256, 4)) * 64)  # a 64 x 64 grey ramp
    image = _stream(pixels, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ")
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        image,
        _stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q"),
        b"<< /Title (Scanned report) >>",
    ])


if __name__ == "__main__":
    (HERE / "newsletter.pdf").write_bytes(newsletter())
    (HERE / "scanned.pdf").write_bytes(scanned())
