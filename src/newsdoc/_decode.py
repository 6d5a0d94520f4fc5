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
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping
from functools import cache
from typing import NamedTuple

from newsdoc._parser import Note

__all__ = ["decode", "decode_str", "repair_mojibake"]

_REPLACEMENT = "\ufffd"
# charset-normalizer needs some text to go on, and must find it coherent.
_MIN_DETECT_BYTES = 200
_MAX_CHAOS = 0.1

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

# What UTF-16 text holds, by ranges of code points: each range names the
# scripts its characters can be written with; an empty set, any script.
# Text is coherent when the sets of its characters have a script in common,
# so one script at most beside ASCII, Latin letters and common punctuation.
# Characters outside every range (controls, symbols, private use, rare
# ideographs ...) are not taken for UTF-16 text: other bytes read as UTF-16
# turn into such characters, or into a mixture of scripts.
_ANY_SCRIPT: frozenset[str] = frozenset()
_HAN, _HANGUL = frozenset({"han"}), frozenset({"hangul"})
_UTF16_RANGES: tuple[tuple[int, int, frozenset[str]], ...] = (
    (0x0009, 0x000A, _ANY_SCRIPT),  # tab and line feed
    (0x000D, 0x000D, _ANY_SCRIPT),  # carriage return
    (0x0020, 0x007E, _ANY_SCRIPT),  # ASCII
    (0x00A0, 0x024F, _ANY_SCRIPT),  # Latin-1 signs and Latin letters
    (0x0300, 0x036F, _ANY_SCRIPT),  # combining accents
    (0x0370, 0x03FF, frozenset({"greek"})),
    (0x0400, 0x052F, frozenset({"cyrillic"})),
    (0x0530, 0x058F, frozenset({"armenian"})),
    (0x0590, 0x05FF, frozenset({"hebrew"})),
    (0x0600, 0x06FF, frozenset({"arabic"})),
    (0x0900, 0x097F, frozenset({"devanagari"})),
    (0x0E00, 0x0E7F, frozenset({"thai"})),
    (0x10A0, 0x10FF, frozenset({"georgian"})),
    (0x1100, 0x11FF, _HANGUL),  # jamo
    (0x1E00, 0x1EFF, _ANY_SCRIPT),  # Latin letters with more accents (Vietnamese)
    (0x1F00, 0x1FFF, frozenset({"greek"})),  # polytonic Greek
    (0x200B, 0x200F, _ANY_SCRIPT),  # zero-width space and direction marks
    (0x2010, 0x2027, _ANY_SCRIPT),  # dashes, quotation marks, bullets, ellipsis
    (0x202F, 0x202F, _ANY_SCRIPT),  # narrow no-break space
    (0x2030, 0x203B, _ANY_SCRIPT),  # per mille, primes, angle quotes, reference mark
    (0x20AC, 0x20AC, _ANY_SCRIPT),  # euro sign
    (0x2116, 0x2116, _ANY_SCRIPT),  # numero sign
    (0x2122, 0x2122, _ANY_SCRIPT),  # trade mark sign
    (0x3000, 0x303F, _HAN | _HANGUL),  # CJK punctuation
    (0x3040, 0x30FF, _HAN),  # hiragana and katakana
    (0x3130, 0x318F, _HANGUL),  # compatibility jamo
    (0x31F0, 0x31FF, _HAN),  # katakana extension
    (0x4E00, 0x9FFF, _HAN),  # CJK unified ideographs
    (0xAC00, 0xD7A3, _HANGUL),  # syllables
    (0xF900, 0xFAFF, _HAN),  # compatibility ideographs
    (0xFF00, 0xFFEF, _HAN | _HANGUL),  # fullwidth and halfwidth forms
)
_UTF16_STARTS = [first for first, _, _ in _UTF16_RANGES]
# Text of a few words has one of these: ASCII read as UTF-16 has none (a
# space or a line break needs a NUL byte), and nor has cp1252 text (CJK
# punctuation needs a control byte).
_UTF16_SEPARATORS = (" ", "\n", "\r", "\u3000", "\u3001", "\u3002", "\uff0c")


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
        if _reads_as_utf16_text(text):
            message = f"No byte-order mark, but the bytes are {codec.upper()}; decoded as such"
            return text, [("encoding", message, 0)]
    return None


def _reads_as_utf16_text(text: str) -> bool:
    if not any(separator in text for separator in _UTF16_SEPARATORS):
        return False  # the usual answer for bytes that are not UTF-16: a few scans in C
    scripts: frozenset[str] | None = None
    for char in set(text):  # each character once: CJK text repeats its characters
        allowed = _utf16_scripts(char)
        if allowed is None:
            return False
        if allowed:
            scripts = allowed if scripts is None else scripts & allowed
            if not scripts:
                return False
    return True


def _utf16_scripts(char: str) -> frozenset[str] | None:
    """The scripts ``char`` belongs to (empty: any), or None if not text."""
    point = ord(char)
    at = bisect_right(_UTF16_STARTS, point) - 1
    if at < 0 or point > _UTF16_RANGES[at][1] or unicodedata.category(char) == "Cn":
        return None
    return _UTF16_RANGES[at][2]


# --- Bytes that are not UTF-8 -----------------------------------------------------------


def _decode_undeclared(data: bytes, error: UnicodeDecodeError) -> tuple[str, list[Note]]:
    """Bytes with no byte-order mark that are not valid UTF-8 (steps 3 to 8)."""
    wide = _utf16_without_bom(data)
    if wide is not None:
        return wide
    # Offsets in a single-byte decoding are byte offsets.
    at, byte = error.start, data[error.start]
    # The code pages are judged on a sample: plenty to tell them apart.
    sample = data[:_SAMPLE_BYTES]
    # The cp1252 reading, unless a byte is undefined there or a control character.
    western = None
    if not _CONTROL.search(data) and _decodes(data, "cp1252"):
        western = sample.decode("cp1252")
    cp1252_note: Note = ("encoding", f"Not valid UTF-8 (byte 0x{byte:02x}); decoded as cp1252", at)
    if western is not None and _plausible(sample, western):
        return data.decode("cp1252"), [cp1252_note]
    verdict = _legacy_code_page(data, sample)
    if verdict.codec is not None:
        message = f"Not valid UTF-8; decoded as {verdict.codec} (detected)"
        return data.decode(verdict.codec), [("encoding", message, at)]
    if western is not None and _merely_plausible(western):
        return data.decode("cp1252"), [cp1252_note]
    if not verdict.candidates:  # the bytes are no Cyrillic or Greek of those code pages
        guessed = _detect(data)
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


def _decodes(data: bytes, codec: str) -> bool:
    """Whether the single-byte ``codec`` defines every byte of ``data``."""
    undefined = _undefined_bytes(codec)
    # ``translate`` deletes them in C: far faster than decoding to find out.
    return not undefined or len(data.translate(None, undefined)) == len(data)


@cache
def _undefined_bytes(codec: str) -> bytes:
    return bytes(byte for byte in range(256) if _decode_or_none(bytes([byte]), codec) is None)


def _decode_or_none(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


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


# --- Is it cp1252? ----------------------------------------------------------------------

# Signs of cp1252 that are letters in the Cyrillic and Greek code pages (× and ÷
# are ч and Ч in cp1251, в and В in KOI8-R; ¸ is ё ...): beside an accented
# letter, they count as letters here, since real text never has them there.
_SIGNS = "×÷¨¸¯¢£¤¦§¶·´\xad"
_LETTER = rf"(?:[^\W\d_]|[{_SIGNS}])"
_NON_ASCII_LETTER = rf"(?:[^\W\d_\x00-\x7f]|[{_SIGNS}])"
# A foreign word: two letters or more, none of them ASCII.  In real cp1252
# text (French, German, Spanish, English ...) the accented letters sit among
# ASCII ones ("Café", "Grüße", "façade"), so it has none; Cyrillic or Greek
# read as cp1252 is made of them ("Ïðåçèäåíò").
_FOREIGN_WORD = re.compile(rf"(?<!{_LETTER}){_NON_ASCII_LETTER}{{2,}}(?!{_LETTER})")
# Where a foreign word can be: a simpler pattern, that C scans ten times as fast.
_NON_ASCII_RUN = re.compile("[\x80-\U0010ffff]{2,}")
_LONG_WORD = re.compile(rf"{_LETTER}{{2,}}")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_HIGH_BYTES = bytes(range(0x80, 0x100))
# cp1252 is still merely plausible when foreign words are fewer than this
# share of the words of two letters or more with a non-ASCII letter (an
# Icelandic "þú" among French accents); in Cyrillic or Greek read as cp1252
# they are nearly all of them.
_MAX_FOREIGN_SHARE = 0.5


def _plausible(data: bytes, western: str) -> bool:
    """cp1252 text with no foreign word, whose non-ASCII bytes (accents, quotation
    marks, dashes) are fewer than its ASCII letters."""
    if _has_foreign_word(western):
        return False
    # Counted in C: the bytes that ``translate`` deletes.
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    return len(data) - len(data.translate(None, _HIGH_BYTES)) < ascii_letters


def _has_foreign_word(western: str) -> bool:
    for run in _NON_ASCII_RUN.finditer(western):  # few in real cp1252 text
        # One character on: the pattern must see what follows the run.
        if _FOREIGN_WORD.search(western, run.start(), run.end() + 1):
            return True
    return False


def _merely_plausible(western: str) -> bool:
    """cp1252 text with foreign words, but few of them (see ``_MAX_FOREIGN_SHARE``)."""
    accented = [word for word in _LONG_WORD.findall(western) if not word.isascii()]
    foreign = [word for word in accented if _FOREIGN_WORD.fullmatch(word)]
    return len(foreign) < _MAX_FOREIGN_SHARE * len(accented)


# --- Cyrillic and Greek code pages ------------------------------------------------------
#
# Each code page reads the same bytes as different letters.  The reading in
# the right code page is clean text: its words are lower case, capitalised or
# in capitals, its letters do not touch ASCII letters, it has few symbols, and
# (Greek) its final sigma ends words and its long words carry an accent.  The
# readings in the wrong code pages break these rules (KOI8-R and cp1251 swap
# the cases: "Президент" read in the other becomes "пРЕЗИДЕНТ"), which is
# evidence that random letters cannot fake.  Only when two readings are both
# clean (a text all in capitals, all in lower case) do the letter frequencies
# decide, and only with enough letters, a close fit to the script's
# frequencies and a margin beyond chance.


class _Script(NamedTuple):
    """A script of the single-byte code pages, and what its text looks like."""

    #: Letters (lower case) per thousand letters of news text; the frequencies
    #: decide only between readings the spelling rules cannot tell apart.
    frequencies: Mapping[str, int]
    lower: str  # regular-expression ranges of its lower-case letters
    upper: str  # ... and of its capitals
    #: Spellings the script's text does not have, beyond the shared rules.
    misspelt: tuple[str, ...] = ()


# Russian, Ukrainian and Bulgarian together.
_CYRILLIC = _Script(
    frequencies={
        "о": 105, "е": 83, "а": 80, "и": 72, "н": 67, "т": 60, "с": 53, "р": 47,
        "в": 45, "л": 44, "к": 35, "м": 32, "д": 30, "п": 28, "у": 27, "я": 20,
        "і": 20, "ы": 17, "ь": 17, "г": 17, "з": 17, "б": 16, "ч": 14, "й": 11,
        "х": 10, "ж": 9, "ш": 7, "ю": 6, "ц": 5, "ъ": 5, "щ": 4, "ї": 4,
        "э": 3, "ф": 3, "є": 3, "ё": 2, "ґ": 1, "ў": 1, "ј": 1, "љ": 1,
        "њ": 1, "џ": 1, "ђ": 1, "ћ": 1, "ѓ": 1, "ќ": 1, "ѕ": 1,
    },
    lower="\u0430-\u045f\u0491",
    upper="\u0400-\u042f\u0490",
)  # fmt: skip
_GREEK = _Script(
    frequencies={
        "α": 100, "τ": 80, "ο": 80, "ι": 70, "ε": 70, "ν": 65, "σ": 45, "ρ": 45,
        "η": 40, "π": 40, "κ": 40, "υ": 35, "μ": 35, "λ": 28, "ς": 25, "ά": 20,
        "ό": 20, "δ": 18, "γ": 18, "ί": 16, "έ": 13, "ή": 12, "θ": 12, "χ": 11,
        "ω": 10, "φ": 8, "β": 7, "ύ": 6, "ώ": 5, "ξ": 4, "ζ": 4, "ψ": 2,
        "ϊ": 1, "ϋ": 1, "ΐ": 1, "ΰ": 1,
    },
    lower="\u0390\u03ac-\u03ce",
    upper="\u0386\u0388-\u038f\u0391-\u03ab",
    # A final sigma inside a word, a sigma at its end, and a word of six
    # letters or more, in lower case but for its first, without an accent
    # (monotonic spelling: such words have more than one syllable).
    misspelt=(r"ς(?=[^\W\d_])", r"σ(?![^\W\d_])", r"\b[Α-Ωα-ωϊϋ][α-ωϊϋ]{5,}\b"),
)  # fmt: skip

#: The code pages tried, in order: readings that come out the same keep the
#: first name (Russian in KOI8-U is reported as KOI8-R).
_CODE_PAGES = (
    ("cp1251", _CYRILLIC),
    ("koi8_r", _CYRILLIC),
    ("koi8_u", _CYRILLIC),
    ("cp1253", _GREEK),
)
# Non-ASCII punctuation that may touch letters: quotation marks, dashes,
# ellipsis, soft hyphen, apostrophes, ano teleia, numero and degree signs ...
_NEUTRAL = "\u00a0«»„“”‘’‚‛–—…•·\u0387\u00ad‹›№°§€©®™±\u0384\u02bc"
# Log10 weights, per non-ASCII character, of what is not a letter of the script.
_NEUTRAL_LOG = -2.0
_RARE_LOG = -4.0  # a symbol, or a letter of another script
# Samples this long are plenty to tell the code pages apart.
_SAMPLE_BYTES = 65_536
# A reading is clean when it breaks the rules at most this often (a brand
# such as "МегаФон", a Latin letter typed for a Cyrillic one), and another
# reading is ruled out when it breaks them more than twice as often.
_TOLERATED = 1
_TOLERATED_PER_WORD = 1 / 20
# A reading to go on has this many letters, and they are at least this share
# of its non-ASCII characters (the rest: punctuation, symbols).
_MIN_LETTERS = 4
_MIN_LETTER_SHARE = 0.5
# Text of a script weighs about -1.4 a character, and random letters of the
# script -1.8: a reading below this average is rare letters and symbols.
_MIN_MEAN_LOG = -2.2
# When only frequencies tell two clean readings apart: at least this many
# letters, letter shares within this total-variation distance of the
# script's, and a log10 likelihood ratio of this much once its standard
# deviation (this many times over) is taken off.
_MIN_FREQUENCY_LETTERS = 60
_MAX_DISTANCE = 0.25
_MIN_MARGIN = 3.0
_DEVIATIONS = 3.0

_SCRIPT_OF = dict(_CODE_PAGES)


class _Reading(NamedTuple):
    """The bytes read in one code page."""

    codec: str
    script: _Script
    text: str  # of the sample
    #: How often the spelling rules are broken, and in how many words.
    broken: int
    words: int
    #: Log10 weight of each byte (``_byte_weights``).
    weights: tuple[float, ...]
    #: Letters of the script (lower case) in the sample, and how many.
    letters: Counter[str]


class _Verdict(NamedTuple):
    codec: str | None = None  # the code page, when one is credible
    #: Otherwise the code pages whose readings are clean but cannot be told apart.
    candidates: tuple[str, ...] = ()


def _legacy_code_page(data: bytes, sample: bytes) -> _Verdict:
    """The code page of ``_CODE_PAGES`` that reads ``data`` credibly, if one
    does, judged on ``sample`` (its start)."""
    counts = [(byte, n) for byte, n in Counter(sample).items() if byte >= 0x80]
    high = sum(n for _, n in counts)
    # Readings with too few letters of their script are not its text.
    enough = max(_MIN_LETTERS, _MIN_LETTER_SHARE * high)
    readings = [r for r in _readings(data, sample, counts) if r.letters.total() >= enough]
    if not readings:
        return _Verdict()
    readings.sort(key=lambda reading: (reading.broken, -_log_weight(reading, counts)))
    best = readings[0]
    if best.broken > _TOLERATED + _TOLERATED_PER_WORD * best.words:
        return _Verdict()  # no reading is clean text of its script
    rivals = [other for other in readings[1:] if other.broken <= 2 * best.broken]
    undecided = _Verdict(candidates=tuple(reading.codec for reading in [best, *rivals]))
    if _log_weight(best, counts) < _MIN_MEAN_LOG * high:
        return undecided  # rare letters and symbols: not text of the script
    if all(_outweighs(best, other, counts) for other in rivals):
        return _Verdict(best.codec)
    return undecided


def _readings(data: bytes, sample: bytes, counts: list[tuple[int, int]]) -> list[_Reading]:
    """The distinct readings of ``sample`` in the code pages that decode ``data``."""
    readings: list[_Reading] = []
    for codec, script in _CODE_PAGES:
        if not _decodes(data, codec):
            continue
        text = sample.decode(codec)
        if any(reading.text == text for reading in readings):
            continue
        weights, letter_of = _byte_weights(codec)
        letters: Counter[str] = Counter()
        symbols = 0  # each a break of the rules: text has few
        for byte, n in counts:
            if letter_of[byte]:
                letters[letter_of[byte]] += n
            elif weights[byte] == _RARE_LOG:  # neither a letter nor ``_NEUTRAL``
                symbols += n
        broken = symbols + sum(len(rule.findall(text)) for rule in _rules(codec))
        words = len(text.split())
        readings.append(_Reading(codec, script, text, broken, words, weights, letters))
    return readings


@cache
def _byte_weights(codec: str) -> tuple[tuple[float, ...], tuple[str, ...]]:
    """For each byte, its log10 weight in ``codec`` and the letter of the code
    page's script it is (lower case, or ``""``).  ASCII weighs 0: the same in
    every code page."""
    script = _SCRIPT_OF[codec]
    total = sum(script.frequencies.values())
    weights = [0.0] * 256
    letter_of = [""] * 256
    for byte in range(0x80, 0x100):
        char = bytes([byte]).decode(codec, errors="replace")
        lower = char.lower()
        if lower in script.frequencies:
            weights[byte] = math.log10(script.frequencies[lower] / total)
            letter_of[byte] = lower
        else:
            weights[byte] = _NEUTRAL_LOG if char in _NEUTRAL else _RARE_LOG
    return tuple(weights), tuple(letter_of)


@cache
def _rules(codec: str) -> tuple[re.Pattern[str], ...]:
    """The spelling rules of the script of ``codec``: a match for each break.
    (Several patterns, each a scan in C, are faster than their alternation.)"""
    script = _SCRIPT_OF[codec]
    letters = script.lower + script.upper
    rules = (
        f"[{script.lower}][{script.upper}]",  # a capital after a small letter: "пРЕЗИДЕНТ"
        f"[A-Za-z][{letters}]",  # an ASCII letter beside one: "Cafй"
        f"[{letters}][A-Za-z]",
        *script.misspelt,
    )
    return tuple(re.compile(rule) for rule in rules)


def _log_weight(reading: _Reading, counts: list[tuple[int, int]]) -> float:
    return sum(n * reading.weights[byte] for byte, n in counts)


def _outweighs(best: _Reading, other: _Reading, counts: list[tuple[int, int]]) -> bool:
    """Whether ``best``'s letters are so much likelier than ``other``'s, byte
    for byte, that chance cannot explain it (see ``_MIN_MARGIN``)."""
    letters = best.letters.total()
    if letters < _MIN_FREQUENCY_LETTERS or _distance(best) > _MAX_DISTANCE:
        return False
    gains = [(n, best.weights[byte] - other.weights[byte]) for byte, n in counts]
    total = sum(n for n, _ in gains)
    gain = sum(n * each for n, each in gains)
    variance = max(sum(n * each * each for n, each in gains) - gain * gain / total, 0.0)
    return gain - _DEVIATIONS * math.sqrt(variance) >= _MIN_MARGIN


def _distance(reading: _Reading) -> float:
    """Total-variation distance between the reading's letter shares and its script's."""
    frequencies, letters = reading.script.frequencies, reading.letters
    total, expected = letters.total(), sum(frequencies.values())
    return sum(abs(letters[k] / total - share / expected) for k, share in frequencies.items()) / 2


# --- charset-normalizer -----------------------------------------------------------------

# Encodings judged here already, which the detector is not asked to second-guess.
_JUDGED = frozenset({"ascii", "utf_8", "utf_16", "utf_16_le", "utf_16_be", "cp1252", *_SCRIPT_OF})


def _detect(data: bytes) -> tuple[str, str] | None:
    """An encoding charset-normalizer is confident of, and the text in it."""
    from charset_normalizer import from_bytes

    if len(data) < _MIN_DETECT_BYTES:
        return None  # too little to tell an encoding from noise
    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in _JUDGED or best.chaos > _MAX_CHAOS:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


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
