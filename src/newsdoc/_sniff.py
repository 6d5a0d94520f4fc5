"""What the input is, when it is not a seed-format article.

A user hands newsdoc whatever file is at hand: an article in the seed format
(the usual case, which must cost almost nothing here), newsdoc's own JSON
(read as JSON: the same `Article` that was written), or something else
entirely: other JSON, an HTML page, an executable, an image, an archive.
The last kind is read as text all the same, so that nothing is lost, but an
error-level ``not-seed-format`` diagnostic names what it is, and nothing is
extracted from it.

Each test looks at the first bytes or characters only, but one count of NUL
characters in C, so that an article pays a few microseconds for them.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import msgspec

__all__ = ["Sniffed", "binary_kind", "decoded_kind", "sniff"]

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
_MAGIC_BY_FIRST_BYTE: dict[bytes, list[tuple[bytes, str]]] = {}
for _magic, _kind in _MAGIC:
    _MAGIC_BY_FIRST_BYTE.setdefault(_magic[:1], []).append((_magic, _kind))
# The opening of an HTML or XML document (or of a page's fragment).
_MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|body|\?xml|!--|meta|title|div|p|article|section|"
    r"script|style|span|table|rss|feed)[\s>/]",
    re.IGNORECASE,
)
# Blanks before the first character that tells, then that character.  A match
# at the start, not ``lstrip``: stripping would copy the whole input.
_OPENING = re.compile("[ \t\r\n\ufeff\u00a0]*+([{[<])")
_OPENING_BYTES = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*+([{[<])")


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is, when its first bytes are a binary format's signature."""
    # Looked up by the first byte: most articles start with a byte no
    # signature starts with, and pay one dictionary lookup.
    candidates = _MAGIC_BY_FIRST_BYTE.get(data[:1])
    if candidates is None:
        return None
    head = data[:64]
    for magic, kind in candidates:
        if head.startswith(magic) and (magic not in _NEEDS_CONTROL or _CONTROL.search(head)):
            return kind
    return None


class Sniffed(NamedTuple):
    """What the start of the input says it is: newsdoc's own JSON (``document``),
    something else (``kind``), or, with both ``None``, seed text."""

    document: dict[str, Any] | None = None
    kind: str | None = None
    #: The input starts with ``{`` or ``[``: the decoded text may be other JSON.
    may_be_json: bool = False


_SEED_TEXT = Sniffed()
_MAY_BE_JSON = Sniffed(may_be_json=True)


def sniff(data: str | bytes) -> Sniffed:
    """What ``data``, the input as it came, is: looked at before decoding,
    since JSON carries its text exactly and must not be repaired as seed text is.

    One pattern match at the start and one dictionary lookup settle it for
    almost every article.
    """
    if isinstance(data, bytes):
        found = _OPENING_BYTES.match(data)
        if found is None:
            if data[:1] not in _MAGIC_BY_FIRST_BYTE:
                return _SEED_TEXT  # the usual case: no call for it
            kind = binary_kind(data)
            return _SEED_TEXT if kind is None else Sniffed(kind=kind)
        data = data[found.start(1) :]  # from the opening: msgspec takes no byte-order mark
        start, head = data[:1].decode(), data[:80].decode("latin-1")
    else:
        opening = _OPENING.match(data)
        if opening is None:
            return _SEED_TEXT
        start, head = opening.group(1), data[opening.start(1) : opening.start(1) + 80]
    if start == "<":
        return Sniffed(kind="HTML or XML") if _MARKUP.match(head) else _SEED_TEXT
    value = _json_value(data)
    if isinstance(value, dict) and "schema_version" in value:
        return Sniffed(document=value)
    # Other JSON is told in the decoded text (`decoded_kind`), so that the
    # verdict is the same for the text ``dumps`` writes of it.
    return _MAY_BE_JSON


#: NUL characters that make binary data: a stray one or two in a scraped
#: article (a padding byte) leave it an article.
_MIN_NULS = 4


def decoded_kind(text: str, may_be_json: bool) -> str | None:
    """What the decoded ``text`` is, when it is JSON (not newsdoc's: see `sniff`,
    which says whether it ``may_be_json``) or binary data; ``None`` for seed text.

    No text holds NUL characters: UTF-16 was decoded before this point, so
    `_MIN_NULS` of them are binary data.  They are counted over the whole
    text, so that the verdict is the same for the text ``dumps`` writes.  (On
    ``str`` beyond Latin-1 the count takes some microseconds: a reader of
    bytes asks only when they hold a NUL byte.)
    """
    if may_be_json and _json_value(text) is not None:
        return "JSON"
    nuls = text.count("\x00")
    return f"binary data ({nuls} NUL characters)" if nuls >= _MIN_NULS else None


def _json_value(data: str | bytes) -> object | None:
    """``data`` read as JSON (by msgspec, in C), or ``None`` when it is not JSON."""
    try:
        value: object = msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError):
        return None
    return value
