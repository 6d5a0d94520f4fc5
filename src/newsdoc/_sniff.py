"""What the input is, when it is not a seed-format article.

A user hands newsdoc whatever file is at hand: an article in the seed format
(the usual case, which must cost almost nothing here), newsdoc's own JSON
(read as JSON: the same `Article` that was written), or something else
entirely: other JSON, an HTML page, an executable, an image, an archive.
The last kind is read as text all the same, so that nothing is lost, but an
error-level ``not-seed-format`` diagnostic names what it is, and nothing is
extracted from it.

Each test looks at the first bytes or characters only, so its cost does not
grow with the input.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

__all__ = ["binary_kind", "json_document", "text_kind"]

#: File signatures ("magic numbers") of binary formats, and what they are.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP, WAV or AVI)"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"%PDF-", "a PDF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
    (b"fLaC", "a FLAC file"),
)
# Signatures that are plain letters could open a headline (``MZ Group``,
# ``RIFF``): those count only with a byte text never holds in the first 64.
_NEEDS_CONTROL = frozenset(magic for magic, _ in _MAGIC if magic.isalnum())
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# Characters no text holds: the C0 controls and DEL, but those Python counts
# as white space (tab, line breaks, form feed, the separators 0x1c to 0x1f),
# which the parser strips as layout.  At least 8 of them, and at least one in
# a hundred of the first 4,096 characters, say the input is binary data.
_CONTROL_TEXT = re.compile("[\x00-\x08\x0e-\x1b\x7f]")
_SAMPLE = 4096
_MIN_CONTROLS = 8
_MAX_CONTROL_SHARE = 0.01
# The opening of an HTML or XML document (or of a page's fragment).
_MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|body|\?xml|!--|meta|title|div|p|article|section|"
    r"script|style|span|table|rss|feed)[\s>/]",
    re.IGNORECASE,
)
_LEADING_BLANKS = " \t\r\n\ufeff\u00a0"


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is, when its first bytes are a binary format's signature."""
    head = data[:64]
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (magic not in _NEEDS_CONTROL or _CONTROL.search(head)):
            return kind
    return None


def text_kind(text: str) -> str | None:
    """What decoded ``text`` is, when it is not an article: JSON, HTML, binary data.

    newsdoc's own JSON is not among them: see `json_document`.
    """
    start = text.lstrip(_LEADING_BLANKS)[:1]
    if start in ("{", "[") and _json_value(text) is not None:
        return "JSON"
    if start == "<" and _MARKUP.match(text.lstrip(_LEADING_BLANKS)):
        return "HTML or XML"
    sample = text[:_SAMPLE]
    # One scan in C; clean text has no match at all.
    if _CONTROL_TEXT.search(sample):
        controls = len(_CONTROL_TEXT.findall(sample))
        if controls >= max(_MIN_CONTROLS, _MAX_CONTROL_SHARE * len(sample)):
            return f"binary data ({controls} control characters in the first {len(sample):,})"
    return None


def json_document(data: str | bytes) -> dict[str, Any] | None:
    """The JSON object ``data`` holds when it is newsdoc's own (it has a
    ``schema_version``), else ``None``.

    Given the input as it came, before decoding: JSON carries its text
    exactly, and must not be repaired as seed text is.
    """
    if isinstance(data, bytes):
        data = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
        if data[:1] != b"{":
            return None  # every seed-format article but one odd headline: one look
    elif data.lstrip(_LEADING_BLANKS)[:1] != "{":
        return None
    value = _json_value(data)
    if isinstance(value, dict) and "schema_version" in value:
        return value
    return None


def _json_value(data: str | bytes) -> object | None:
    """``data`` read as JSON (by msgspec, in C), or ``None`` when it is not JSON."""
    try:
        value: object = msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError):
        return None
    return value
