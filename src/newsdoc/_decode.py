"""Bytes -> text: byte-order marks and invalid UTF-8.

Returns the decoded text and the notes (code, message, offset in the text)
the parser turns into diagnostics.  Nothing here raises on content.
"""

from __future__ import annotations

from newsdoc._parser import Note

__all__ = ["decode", "decode_str"]

_REPLACEMENT = "\ufffd"


def decode(data: bytes) -> tuple[str, list[Note]]:
    """Decode seed-format bytes: UTF-8, with or without a BOM."""
    notes: list[Note] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = data.decode("utf-8", errors="replace")
        bad = text.find(_REPLACEMENT, len(data[: error.start].decode("utf-8")))
        notes.append(
            ("invalid-utf8", f"Byte 0x{data[error.start]:02x} is not valid UTF-8", max(bad, 0))
        )
    if text.startswith("\ufeff"):
        notes.append(("bom", "A UTF-8 byte-order mark was removed", 0))
        text = text[1:]
    return text, notes


def decode_str(text: str) -> tuple[str, list[Note]]:
    """Text given as ``str``: only a leading BOM is removed."""
    if text.startswith("\ufeff"):
        return text[1:], [("bom", "A byte-order mark was removed", 0)]
    return text, []
