"""Which text encoding do bytes that are not UTF-8 read credibly in?

`newsdoc._decode` asks, in its order of trust, whether bytes read as UTF-16
text without a byte-order mark (`reads_as_utf16_text`), as cp1252
(`plausible_cp1252`, `merely_plausible_cp1252`), in a Cyrillic or Greek code
page (`legacy_code_page`), or, for the rest, in what charset-normalizer
detects (`detect`).  The tests here judge the text each reading gives by
rules of spelling and script, which tell code pages apart from one short
sentence, where a detector needs hundreds of bytes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

__all__ = [
    "SAMPLE_BYTES",
    "Verdict",
    "decodes",
    "detect",
    "legacy_code_page",
    "merely_plausible_cp1252",
    "plausible_cp1252",
    "reads_as_utf16_text",
]

# Detection needs some text to go on, and must find it coherent.
_MIN_DETECT_BYTES = 200
_MAX_CHAOS = 0.1

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


def reads_as_utf16_text(text: str) -> bool:
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


def decodes(data: bytes, codec: str) -> bool:
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


def plausible_cp1252(data: bytes, western: str) -> bool:
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


def merely_plausible_cp1252(western: str) -> bool:
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
SAMPLE_BYTES = 65_536
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


class Verdict(NamedTuple):
    codec: str | None = None  # the code page, when one is credible
    #: Otherwise the code pages whose readings are clean but cannot be told apart.
    candidates: tuple[str, ...] = ()


def legacy_code_page(data: bytes, sample: bytes) -> Verdict:
    """The code page of ``_CODE_PAGES`` that reads ``data`` credibly, if one
    does, judged on ``sample`` (its start)."""
    counts = [(byte, n) for byte, n in Counter(sample).items() if byte >= 0x80]
    high = sum(n for _, n in counts)
    # Readings with too few letters of their script are not its text.
    enough = max(_MIN_LETTERS, _MIN_LETTER_SHARE * high)
    readings = [r for r in _readings(data, sample, counts) if r.letters.total() >= enough]
    if not readings:
        return Verdict()
    readings.sort(key=lambda reading: (reading.broken, -_log_weight(reading, counts)))
    best = readings[0]
    if best.broken > _TOLERATED + _TOLERATED_PER_WORD * best.words:
        return Verdict()  # no reading is clean text of its script
    if best.letters.total() >= _MIN_FREQUENCY_LETTERS and _distance(best) > _MAX_DISTANCE:
        # Clean, but not letters of the script as its text has them: another
        # script's code page read in this one (Hebrew in cp1255 reads as clean
        # lower-case Cyrillic in cp1251), or no text at all.  Undecided, so that
        # no detector's guess is taken for it either.
        return Verdict(candidates=(best.codec,))
    rivals = [other for other in readings[1:] if other.broken <= 2 * best.broken]
    undecided = Verdict(candidates=tuple(reading.codec for reading in [best, *rivals]))
    if _log_weight(best, counts) < _MIN_MEAN_LOG * high:
        return undecided  # rare letters and symbols: not text of the script
    if all(_outweighs(best, other, counts) for other in rivals):
        return Verdict(best.codec)
    return undecided


def _readings(data: bytes, sample: bytes, counts: list[tuple[int, int]]) -> list[_Reading]:
    """The distinct readings of ``sample`` in the code pages that decode ``data``."""
    readings: list[_Reading] = []
    for codec, script in _CODE_PAGES:
        if not decodes(data, codec):
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


def detect(data: bytes) -> tuple[str, str] | None:
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
