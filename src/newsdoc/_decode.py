"""Bytes -> text: byte-order marks, other encodings, and mojibake.

Returns the decoded text and the notes (code, message, offset in the text)
the parser turns into diagnostics.  Nothing here raises on content, and
every guess is reported.

The order of trust:

1. A byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32).
2. Text that is valid UTF-8 is UTF-8 (the seed format's encoding), unless it
   holds NUL bytes and reads as UTF-16 text (see 3).
3. UTF-16 without a byte-order mark, when the bytes decode strictly to text
   of one script (with ASCII and Latin letters beside it) that has a space,
   a line break or CJK punctuation in it.
4. cp1252, when the bytes read as plausible cp1252 text: every byte defined,
   no control characters, no word made only of non-ASCII letters, and fewer
   non-ASCII bytes than ASCII letters.  This is how most scraped news that is
   not UTF-8 was written, and detectors often take it for a neighbour.
5. A single-byte code page of Cyrillic (cp1251, KOI8-R, KOI8-U) or Greek
   (cp1253), when one reading of the bytes is clean text in its script and
   the others are not, or (with enough letters) when its letters follow the
   script's frequencies and beat the other readings' by a wide margin.
6. cp1252 again, when it was merely plausible: a few words of non-ASCII
   letters among the accented ones.
7. charset-normalizer, a well-kept detector, when none of the code pages of
   5 reads the bytes as clean text and it is confident (CJK code pages ...).
   (The tests of steps 3 to 7 live in `newsdoc._codepages`.)
8. Otherwise an error: cp1252 with ``unknown-encoding`` when it decodes every
   byte and there is no control character, else UTF-8 with U+FFFD for each
   undecodable byte (``invalid-utf8``).

Then mojibake (UTF-8 read as cp1252 somewhere upstream: ``â€”`` for ``—``,
``Ã©`` for ``é``) is repaired with ftfy's ``fix_encoding``, which changes
only what it can prove was mis-decoded.  Both libraries are imported only
on these slow paths, so clean UTF-8 pays nothing for them.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from newsdoc._codepages import (
    SAMPLE_BYTES,
    decodes,
    detect,
    legacy_code_page,
    merely_plausible_cp1252,
    plausible_cp1252,
    reads_as_utf16_text,
)
from newsdoc._errors import Note

__all__ = ["decode", "decode_str", "repair_mojibake"]

_REPLACEMENT = "\ufffd"
# charset-normalizer needs some text to go on, and must find it coherent.

# Byte-order marks, longest first: UTF-32 LE starts with UTF-16 LE's mark.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_BOM_STARTS = frozenset(bom[:1] for bom, _, _ in _BOMS)

# C0 controls that plain text does not hold (tab, line feed, form feed and
# carriage return aside): their presence says the bytes are not cp1252 text.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_REPAIR_LINE = 100_000
_REPAIR_CHUNK = 64_000
# Characters whose presence hints at mojibake: cp1252 readings of UTF-8 lead
# bytes (Ã Â â Å Ä Æ Ð Ñ ...) next to a continuation-byte reading.
_LEADS = "\u00c3\u00e2\u00c2"
# What follows a lead: the cp1252 reading of a UTF-8 continuation byte.
_FOLLOWER = re.compile("[\u0080-\u00bf\u2010-\u203a\u0152-\u0192\u02c6\u02dc\u20ac\u2122]")


def decode(data: bytes) -> tuple[str, list[Note]]:
    """Decode seed-format bytes, reporting every guess (see the module docs)."""
    if data[:1] in _BOM_STARTS:
        for bom, codec, name in _BOMS:
            if data.startswith(bom):
                text, notes = _decode_declared(data[len(bom) :], codec, name)
                notes.insert(0, ("bom", f"A {name} byte-order mark was removed", 0))
                if notes[-1][0] == "invalid-bytes":
                    return text, notes  # damaged bytes: nothing to repair
                return _repair(text, notes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text, notes = _decode_undeclared(data, error)
        if notes[-1][0] in ("invalid-utf8", "unknown-encoding"):
            return text, notes  # bytes of no known encoding: nothing to repair
        return _repair(text, notes)
    # UTF-16 text that is also valid UTF-8 (Cyrillic, Latin) has NUL bytes in
    # its spaces and line breaks: one scan in C, on the bytes (for text, ``in``
    # is slow for this character), is all clean UTF-8 pays for the test.
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return _repair(*wide)
    if "\u00c3" in text or "\u00e2" in text or "\u00c2" in text:
        return _repair(text, [])
    return text, []  # clean UTF-8: the usual case


def decode_str(text: str) -> tuple[str, list[Note]]:
    """Text given as ``str``: a leading BOM is removed and mojibake repaired."""
    notes: list[Note] = []
    if text.isascii():
        return text, notes
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append(("bom", "A byte-order mark was removed", 0))
    return _repair(text, notes)


def _decode_declared(data: bytes, codec: str, name: str) -> tuple[str, list[Note]]:
    try:
        return data.decode(codec), []
    except UnicodeDecodeError as error:
        text = data.decode(codec, errors="replace")
        at = _first_replacement(text, data[: error.start].decode(codec, errors="replace"))
        return text, [("invalid-bytes", f"Bytes that are not valid {name} became U+FFFD", at)]


def _first_replacement(text: str, before: str) -> int:
    at = text.find(_REPLACEMENT, len(before))
    return at if at >= 0 else len(before)


# --- UTF-16 without a byte-order mark ---------------------------------------------------


def _utf16_without_bom(data: bytes) -> tuple[str, list[Note]] | None:
    """UTF-16 text with no byte-order mark: little- or big-endian, whichever
    decodes strictly to coherent text (see ``_UTF16_RANGES``)."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)  # strict: a lone surrogate fails
        except UnicodeDecodeError:
            continue
        if reads_as_utf16_text(text):
            message = f"No byte-order mark, but the bytes are {codec.upper()}; decoded as such"
            return text, [("encoding", message, 0)]
    return None


# --- Bytes that are not UTF-8 -----------------------------------------------------------


def _decode_undeclared(data: bytes, error: UnicodeDecodeError) -> tuple[str, list[Note]]:
    """Bytes with no byte-order mark that are not valid UTF-8 (steps 3 to 8)."""
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    # Offsets in a single-byte decoding are byte offsets.
    at, byte = error.start, data[error.start]
    # The code pages are judged on a sample: plenty to tell them apart.
    sample = data[:SAMPLE_BYTES]
    # The cp1252 reading, unless a byte is undefined there or a control character.
    western = None
    if not _CONTROL.search(data) and decodes(data, "cp1252"):
        western = sample.decode("cp1252")
    cp1252_note: Note = ("encoding", f"Not valid UTF-8 (byte 0x{byte:02x}); decoded as cp1252", at)
    if western is not None and plausible_cp1252(sample, western):
        return data.decode("cp1252"), [cp1252_note]
    verdict = legacy_code_page(data, sample)
    if verdict.codec is not None:
        message = f"Not valid UTF-8; decoded as {verdict.codec} (detected)"
        return data.decode(verdict.codec), [("encoding", message, at)]
    if western is not None and merely_plausible_cp1252(western):
        return data.decode("cp1252"), [cp1252_note]
    if not verdict.candidates:  # the bytes are no Cyrillic or Greek of those code pages
        guessed = detect(data)
        if guessed is not None:
            text, encoding = guessed
            return text, [("encoding", f"Not valid UTF-8; decoded as {encoding} (detected)", 0)]
    if western is not None:
        maybe = f" (perhaps {_either(verdict.candidates)})" if verdict.candidates else ""
        message = (
            f"Not valid UTF-8 (byte 0x{byte:02x}) and no encoding reads it credibly{maybe}; "
            "decoded as cp1252"
        )
        return data.decode("cp1252"), [("unknown-encoding", message, at)]
    return _replaced(data, error)


def _replaced(data: bytes, error: UnicodeDecodeError) -> tuple[str, list[Note]]:
    """UTF-8 with U+FFFD for each undecodable byte, and its ``invalid-utf8`` note."""
    at = len(data[: error.start].decode("utf-8", errors="replace"))
    text = data.decode("utf-8", errors="replace")
    # U+FFFD that the input held already (valid UTF-8: EF BF BD) are not counted.
    count = text.count(_REPLACEMENT) - data.count(_REPLACEMENT.encode())
    message = f"Byte 0x{data[error.start]:02x} is not valid UTF-8"
    if count > 1:
        message += f" ({count} undecodable bytes became U+FFFD)"
    return text, [("invalid-utf8", message, _first_replacement(text, text[:at]))]


def _either(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


# --- Mojibake ---------------------------------------------------------------------------


def _may_hold_mojibake(text: str) -> bool:
    """True when a lead character is followed by one of its cp1252 followers.

    The lead characters are the cp1252 readings of the UTF-8 lead bytes of
    Latin-1 letters (Ã, as in ``Ã©``), of punctuation such as dashes and
    quotes (â, as in ``â€”``) and of Latin-1 signs (Â, as in ``Â°``): almost
    all mojibake in news text.  Each is found with ``str.find`` (a fast scan
    in C); a legitimate one (the â of château) costs one look at the
    character after it.
    """
    for lead in _LEADS:
        at = text.find(lead)
        while at >= 0:
            if _FOLLOWER.match(text, at + 1):
                return True
            at = text.find(lead, at + 1)
    return False


def repair_mojibake(text: str) -> str:
    """``text`` with mojibake repaired (unchanged when there is none).

    Repaired in runs of whole lines of about 64,000 characters, and a single
    line longer than 100,000 characters is left as it is: ftfy's time grows
    faster than the length of what it is given, and mojibake does not span
    lines.
    """
    if not _may_hold_mojibake(text):
        return text
    from ftfy import fix_encoding

    pieces: list[str] = []
    chunk: list[str] = []
    size = 0
    for line in text.split("\n"):
        if size + len(line) > _REPAIR_CHUNK and chunk:
            pieces.append(_repair_chunk("\n".join(chunk), fix_encoding))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    pieces.append(_repair_chunk("\n".join(chunk), fix_encoding))
    repaired = "\n".join(pieces)
    return repaired if repaired != text else text


def _repair_chunk(chunk: str, fix: Callable[[str], str]) -> str:
    if len(chunk) > _MAX_REPAIR_LINE or not _may_hold_mojibake(chunk):
        return chunk
    return fix(chunk)


def _repair(text: str, notes: list[Note]) -> tuple[str, list[Note]]:
    repaired = repair_mojibake(text)
    if repaired is not text and repaired != text:
        at = next(
            (i for i, (a, b) in enumerate(zip(text, repaired, strict=False)) if a != b),
            min(len(text), len(repaired)),
        )
        wrong = text[at : at + 3]
        notes.append(("mojibake", f"Repaired mojibake (such as {wrong!r})", at))
        return repaired, notes
    return text, notes
