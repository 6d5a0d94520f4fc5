"""The typed, immutable data model.

Every class is an ``attrs`` frozen, slotted, keyword-only class with value
equality and hashing.  Changed copies are made with `attrs.evolve`.

The offset space
----------------
Every span in an `Article` (entity mentions and their titles, quotes, speaker
mentions, cues, date mentions) points into `Article.text`: the whole article
in reading order, its parts joined by one blank line (``"\\n\\n"``): the
headline, then each image's caption and, when it has one, its credit, then the
body (the paragraphs, joined the same way).  `Article.parts` says where each
part stands, `Article.part_at` which part an offset falls in, and
`Article.body_start` where the body begins.  ``start`` and ``end`` are Python
``str`` indices (code points), end-exclusive, so
``article.text[span.start:span.end] == span.text`` always holds; the `Article`
constructor checks it.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import enum
import functools
import io
import os
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, repeat
from typing import Any, Literal, TypeAlias, TypeGuard, TypeVar

import attrs

from newsdoc._text import has_line_break

__all__ = [
    "Article",
    "DateMention",
    "DatePrecision",
    "DateValue",
    "Diagnostic",
    "Entity",
    "EntityKind",
    "Image",
    "Location",
    "Mention",
    "Metadata",
    "ParseInfo",
    "Part",
    "PartName",
    "Parts",
    "Quote",
    "Severity",
    "SourceMap",
    "Span",
]

#: The separator between paragraphs in `Article.body`, and between the parts of
#: `Article.text`.
PARAGRAPH_SEPARATOR = "\n\n"

#: The names of the parts of `Article.text`, in reading order.
PartName: TypeAlias = Literal["headline", "caption", "credit", "body"]

#: An article date: a `datetime.date`, or a `datetime.datetime`
#: (a subclass of ``date``) when the text gave a time.
DateValue: TypeAlias = _dt.date

Severity: TypeAlias = Literal["error", "warning"]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Metadata(Mapping[str, str]):
    """An immutable, hashable, insertion-ordered mapping of header fields.

    It compares equal to any mapping with the same items (order is kept for
    writing but ignored by equality, as with ``dict``).
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = (), /) -> None:
        data = dict(items) if type(items) is dict else self._pairs(items)
        if not all(map(str.__instancecheck__, data.values())) or not all(
            map(str.__instancecheck__, data)
        ):
            self._reject(data)
        self._data: dict[str, str] = data
        self._hash: int | None = None

    @staticmethod
    def _pairs(items: object) -> dict[Any, Any]:
        """A dict of a mapping, or of an iterable of ``(key, value)`` pairs."""
        if isinstance(items, Mapping):
            return dict(items)
        if isinstance(items, str | bytes) or not isinstance(items, Iterable):
            raise _type_error("metadata", _PAIRS, items) from None
        data = {}
        for index, pair in enumerate(items):
            if isinstance(pair, str | bytes) or not isinstance(pair, Sequence) or len(pair) != 2:
                raise _type_error(f"metadata: item {index}", "a (key, value) pair", pair) from None
            data[pair[0]] = pair[1]
        return data

    @staticmethod
    def _reject(data: dict[Any, Any]) -> None:
        for key, value in data.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(
                    f"metadata: keys and values must be str, got {describe(key)}: "
                    f"{describe(value)} for key {key!r}"
                ) from None

    @classmethod
    def _adopt(cls, data: dict[str, str]) -> Metadata:
        """Wrap a fresh dict of strings that nobody else holds, without a copy."""
        self = cls.__new__(cls)
        self._data = data
        self._hash = None
        return self

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Metadata):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Metadata({self._data!r})"

    def to_dict(self) -> dict[str, str]:
        """A new, mutable ``dict`` with the same items."""
        return dict(self._data)


#: The one empty `Metadata` (it is immutable, so one serves all).
EMPTY_METADATA = Metadata()


def _to_metadata(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> Metadata:
    return value if type(value) is Metadata else Metadata(value)


# Type checks are attrs *converters*: they run in ``__init__`` (objects built by
# hand or by cattrs) and not when msgspec decodes JSON, which checks types in C
# itself.  Value invariants that neither sees live in ``__attrs_post_init__``.

T = TypeVar("T")

_PAIRS = "a mapping of str to str, or (key, value) pairs"


def describe(value: object) -> str:
    """What ``value`` is, for an error message: its type, ``None``, or the class it is."""
    if value is None:
        return "None"
    if isinstance(value, type):
        return f"the class {value.__name__}"
    return type(value).__name__


def _type_error(field: str, expected: str, value: object) -> TypeError:
    return TypeError(f"{field}: expected {expected}, got {describe(value)}")


def argument_error(
    function: str, name: str, expected: str, value: object, hint: str = ""
) -> TypeError:
    """The `TypeError` for argument ``name`` of ``function`` (empty: the first one)."""
    which = f"(): {name}" if name else "() argument"
    message = f"{function}{which} must be {expected}, not {describe(value)}"
    return TypeError(f"{message}; {hint}" if hint else message)


def check_binary_file(function: str, name: str, fp: object, mode: Literal["rb", "wb"]) -> None:
    """Refuse ``fp`` unless it is a binary file object open for ``mode``.

    A path, a text file, a class or an object without the method is refused
    with a hint, before anything is read or written.
    """
    reading = mode == "rb"
    expected = f"a binary file object (opened with {mode!r})"
    hint = ""
    if isinstance(fp, str | bytes | os.PathLike):
        hint = (
            "to read the file at a path, use read()"
            if reading
            else ("open the path with open(path, 'wb') and pass the file")
        )
    elif isinstance(fp, io.TextIOBase):
        hint = f"it is a text file: open the file in binary mode ({mode!r})"
    elif isinstance(fp, type) or not callable(getattr(fp, "read" if reading else "write", None)):
        pass
    elif isinstance(fp, io.IOBase) and not fp.closed:
        if reading and not fp.readable():
            hint = "this one cannot be read"
        elif not reading and not fp.writable():
            hint = "this one cannot be written"
        else:
            return
    else:
        return
    raise argument_error(function, name, expected, fp, hint) from None


def is_int(value: object) -> TypeGuard[int]:
    """True for an ``int`` that is not a ``bool``."""
    return isinstance(value, int) and not isinstance(value, bool)


def _check(value: T, cls: type[T] | tuple[type, ...], field: str, optional: bool = False) -> T:
    if isinstance(value, cls) and (cls is not int or type(value) is not bool):
        return value
    names = cls.__name__ if isinstance(cls, type) else " or ".join(c.__name__ for c in cls)
    raise _type_error(field, names + (" or None" if optional else ""), value) from None


def _check_count(value: int, field: str, least: int) -> int:
    """An ``int`` (not a ``bool``) of at least ``least``."""
    if not is_int(value):
        raise _type_error(field, "int", value) from None
    if value < least:
        raise ValueError(f"{field}: expected an int of at least {least}, got {value}") from None
    return value


E = TypeVar("E", bound=enum.StrEnum)


def _check_enum(value: E | str, cls: type[E], field: str, optional: bool = False) -> E:
    """A member of ``cls``, or the member whose value the string ``value`` is."""
    if type(value) is cls:
        return value
    if isinstance(value, str):
        try:
            return cls(value)
        except ValueError:
            pass
        valid = ", ".join(repr(member.value) for member in cls)
        raise ValueError(f"{field}: expected one of {valid}, got {value!r}") from None
    expected = f"{cls.__name__}, str or None" if optional else f"{cls.__name__} or str"
    raise _type_error(field, expected, value) from None


def line_break_problem(text: str) -> str | None:
    """Why ``text`` cannot be one line of an article (a paragraph, a headline), if it cannot."""
    if "\n\n" in text:
        return "holds a blank line, which separates paragraphs: make it two paragraphs"
    if has_line_break(text):
        return "holds a line break, which the seed format cannot carry"
    return None


def has_minute_offset(value: _dt.date) -> bool:
    """False for a date-time whose UTC offset is not a whole number of minutes.

    ISO 8601 and RFC 3339 write offsets in hours and minutes, so an offset
    with seconds could not be written to JSON or to the seed format as it is.
    """
    if not isinstance(value, _dt.datetime):
        return True
    offset = value.utcoffset()
    return offset is None or offset % _dt.timedelta(minutes=1) == _dt.timedelta(0)


def _check_date(value: _dt.date, field: str) -> _dt.date:
    _check(value, _dt.date, field, optional=True)
    if not has_minute_offset(value):
        raise ValueError(f"{field}: the UTC offset must be a whole number of minutes") from None
    return value


def _check_tuple(value: Iterable[T], cls: type[T], field: str) -> tuple[T, ...]:
    """Accept any iterable (but a bare string) of ``cls`` items, as a tuple."""
    if type(value) is not tuple:
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            raise _type_error(field, f"a sequence of {cls.__name__}", value) from None
        value = tuple(value)
    if all(map(isinstance, value, repeat(cls))):
        return value
    for i, item in enumerate(value):
        if not isinstance(item, cls):
            raise _type_error(f"{field}[{i}]", cls.__name__, item) from None
    return value  # pragma: no cover - the loop above always raises


# One named converter per field, so that type checkers see each field's type.
def _span_start(value: int) -> int:
    return _check(value, int, "Span.start")


def _span_end(value: int) -> int:
    return _check(value, int, "Span.end")


def _span_text(value: str) -> str:
    return _check(value, str, "Span.text")


def _entity_kind(value: EntityKind | str) -> EntityKind:
    return _check_enum(value, EntityKind, "Entity.kind")


def _entity_name(value: str) -> str:
    return _check(value, str, "Entity.name")


def _entity_aliases(value: Iterable[str]) -> tuple[str, ...]:
    return _check_tuple(value, str, "Entity.aliases")


def _entity_title(value: str | None) -> str | None:
    return None if value is None else _check(value, str, "Entity.title", optional=True)


def _entity_mentions(value: Iterable[Mention | Span]) -> tuple[Mention, ...]:
    mentions = _check_tuple(value, Span, "Entity.mentions")
    if all(type(m) is Mention for m in mentions):
        return mentions  # type: ignore[return-value]
    # A plain Span is a mention without a title.
    return tuple(
        m if type(m) is Mention else Mention(start=m.start, end=m.end, text=m.text)
        for m in mentions
    )


def _mention_title(value: Span | None) -> Span | None:
    return None if value is None else _check(value, Span, "Mention.title", optional=True)


def _mention_kind(value: EntityKind | str | None) -> EntityKind | None:
    return None if value is None else _check_enum(value, EntityKind, "Mention.kind")


def _quote_text(value: str) -> str:
    return _check(value, str, "Quote.text")


def _quote_spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return _check_tuple(value, Span, "Quote.spans")


def _quote_speaker_mention(value: Span | None) -> Span | None:
    if value is None:
        return None
    return _check(value, Span, "Quote.speaker_mention", optional=True)


def _quote_cue(value: Span | None) -> Span | None:
    return None if value is None else _check(value, Span, "Quote.cue", optional=True)


def _quote_speaker_index(value: int | None) -> int | None:
    if value is None:
        return None
    return _check(value, int, "Quote.speaker_index", optional=True)


def _datemention_span(value: Span) -> Span:
    return _check(value, Span, "DateMention.span")


def _datemention_value(value: _dt.date | None) -> _dt.date | None:
    return None if value is None else _check_date(value, "DateMention.value")


def _datemention_precision(value: DatePrecision | str | None) -> DatePrecision | None:
    if value is None:
        return None
    return _check_enum(value, DatePrecision, "DateMention.precision", optional=True)


def _image_caption(value: str) -> str:
    return _check(value, str, "Image.caption")


def _image_credit(value: str | None) -> str | None:
    return None if value is None else _check(value, str, "Image.credit", optional=True)


def _headline(value: str) -> str:
    return _check(value, str, "headline")


def _date(value: _dt.date | None) -> _dt.date | None:
    return None if value is None else _check_date(value, "date")


def _paragraphs(value: Iterable[str]) -> tuple[str, ...]:
    return _check_tuple(value, str, "paragraphs")


def _images(value: Iterable[Image]) -> tuple[Image, ...]:
    return _check_tuple(value, Image, "images")


def _id(value: str | None) -> str | None:
    return None if value is None else _check(value, str, "id", optional=True)


def _entities(value: Iterable[Entity]) -> tuple[Entity, ...]:
    return _check_tuple(value, Entity, "entities")


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return _check_tuple(value, Quote, "quotes")


def _date_mentions(value: Iterable[DateMention]) -> tuple[DateMention, ...]:
    return _check_tuple(value, DateMention, "date_mentions")


def _parse_info(value: ParseInfo) -> ParseInfo:
    return _check(value, ParseInfo, "parse_info")


@attrs.frozen(kw_only=True, slots=True)
class Span:
    """A stretch of `Article.text`: ``article.text[start:end] == text``."""

    start: int = attrs.field(converter=_span_start)
    end: int = attrs.field(converter=_span_end)
    text: str = attrs.field(converter=_span_text)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(
                f"Span: need 0 <= start <= end, got start={self.start}, end={self.end}"
            ) from None
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"Span: end - start is {self.end - self.start} but text "
                f"{_short(self.text)!r} has {len(self.text)} characters"
            ) from None


class EntityKind(enum.StrEnum):
    """What an `Entity` is.  The values are the JSON spellings.

    A member is a ``str`` equal to its value (``EntityKind.PERSON == "person"``),
    and `Entity` takes the value itself too: ``Entity(kind="person", ...)``.
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    #: A nationality, religious or political group used as a name (``Russian``).
    NATIONALITY = "nationality"
    #: Weapons, vehicles and other named equipment (``MQ-9``).
    EQUIPMENT = "equipment"
    #: A named event (``the Syrian conflict``, ``World War II``).
    EVENT = "event"
    #: A name of no kind above.
    OTHER = "other"


@attrs.frozen(kw_only=True, slots=True)
class Mention(Span):
    """One mention of an `Entity`: a `Span` of the name as written, and its title.

    A person's mention is the name without its title (the convention of the
    standard news NER corpora): in ``Centcom chief General Michael Kurilla``
    the mention is ``Michael Kurilla`` and ``title`` is the span of
    ``General``; ``title`` is ``None`` where no title is written before the name.

    ``kind`` is the kind the name has in this mention where it differs from its
    entity's, else ``None``: a country is one entity, a place, but in ``Norway
    said`` it acts as a state, and that mention's ``kind`` is ``organization``.
    ``mention.kind or entity.kind`` is the kind in this mention.
    """

    title: Span | None = attrs.field(default=None, converter=_mention_title)
    kind: EntityKind | None = attrs.field(default=None, converter=_mention_kind)


@attrs.frozen(kw_only=True, slots=True)
class Entity:
    """One real-world referent named in an article, with all its mentions.

    ``name`` is the canonical name (``Michael Kurilla``); ``title`` the title
    split off a person's name (``General``); ``aliases`` the other names the
    text uses for it (``Centcom`` for ``US Central Command``); ``mentions``
    where the text names it, each a `Mention` (a plain `Span` given here
    becomes a `Mention` without a title).
    """

    kind: EntityKind = attrs.field(converter=_entity_kind)
    name: str = attrs.field(converter=_entity_name)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_entity_aliases)
    title: str | None = attrs.field(default=None, converter=_entity_title)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_entity_mentions)


@attrs.frozen(kw_only=True, slots=True)
class Quote:
    """A direct quotation and who said it.

    ``text`` is the quoted words without their quote marks; ``spans`` the
    stretches of `Article.text` holding them (more than one when the quote runs
    over several paragraphs).  ``speaker_mention`` is the speaker as written
    (the ``he`` of ``he added``), ``cue`` the verb or phrase that introduces the
    quote (``said``), and ``speaker_index`` the index in `Article.entities` of
    the entity the speaker resolves to (`Article.speaker_of` returns that
    entity).
    """

    text: str = attrs.field(converter=_quote_text)
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_quote_spans)
    speaker_mention: Span | None = attrs.field(default=None, converter=_quote_speaker_mention)
    cue: Span | None = attrs.field(default=None, converter=_quote_cue)
    speaker_index: int | None = attrs.field(default=None, converter=_quote_speaker_index)

    def __attrs_post_init__(self) -> None:
        index = self.speaker_index
        if index is not None and (type(index) is not int or index < 0):
            raise ValueError(
                f"Quote.speaker_index: expected a non-negative int or None, got {index!r}"
            ) from None


class DatePrecision(enum.StrEnum):
    """How much of a `DateMention`'s value the text fixes.

    A member is a ``str`` equal to its value (``DatePrecision.DAY == "day"``),
    and `DateMention` takes the value itself too: ``precision="day"``.
    """

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    TIME = "time"


@attrs.frozen(kw_only=True, slots=True)
class DateMention:
    """A temporal expression (``announced Sunday``, ``in 2019``) and its value.

    ``value`` is the first day of the period the text names, at ``precision``
    (``in 2019`` gives ``2019-01-01`` at ``YEAR``); it is ``None`` when it
    cannot be resolved, for example without an article date.
    """

    span: Span = attrs.field(converter=_datemention_span)
    value: DateValue | None = attrs.field(default=None, converter=_datemention_value)
    precision: DatePrecision | None = attrs.field(default=None, converter=_datemention_precision)

    @property
    def text(self) -> str:
        """The expression as written."""
        return self.span.text


@attrs.frozen(kw_only=True, slots=True)
class Image:
    """A photo caption and its credit (``Reuters/File``), if any.

    Each is one line of text (a part of `Article.text`): one holding a line
    break is refused with a `ValueError` naming it.
    """

    caption: str = attrs.field(converter=_image_caption)
    credit: str | None = attrs.field(default=None, converter=_image_credit)

    def __attrs_post_init__(self) -> None:
        # Also run by msgspec's decoder, which skips the converters.
        for field, value in (("caption", self.caption), ("credit", self.credit)):
            if value is not None and ("\n" in value or "\r" in value):
                raise ValueError(f"{field}: {line_break_problem(value)}") from None


def _location_pos(value: int) -> int:
    return _check_count(value, "Location.pos", 0)


def _location_lineno(value: int) -> int:
    return _check_count(value, "Location.lineno", 1)


def _location_colno(value: int) -> int:
    return _check_count(value, "Location.colno", 1)


@attrs.frozen(slots=True)
class Location:
    """A position in the decoded input: offset, and 1-based line and column.

    Columns count characters (code points), not bytes.
    """

    pos: int = attrs.field(converter=_location_pos)
    lineno: int = attrs.field(converter=_location_lineno)
    colno: int = attrs.field(converter=_location_colno)

    def __str__(self) -> str:
        return f"line {self.lineno}, column {self.colno}"


def _diagnostic_code(value: str) -> str:
    return _check(value, str, "Diagnostic.code")


def _diagnostic_message(value: str) -> str:
    return _check(value, str, "Diagnostic.message")


def _diagnostic_severity(value: Severity) -> Severity:
    if value == "error" or value == "warning":
        return value
    if not isinstance(value, str):
        raise _type_error("Diagnostic.severity", "str", value) from None
    raise ValueError(f"Diagnostic.severity: expected 'error' or 'warning', got {value!r}") from None


def _diagnostic_pos(value: int) -> int:
    return _check_count(value, "Diagnostic.pos", 0)


def _diagnostic_lineno(value: int) -> int:
    return _check_count(value, "Diagnostic.lineno", 1)


def _diagnostic_colno(value: int) -> int:
    return _check_count(value, "Diagnostic.colno", 1)


@attrs.frozen(kw_only=True, slots=True)
class Diagnostic:
    """Something the parser had to guess, repair, or could not place.

    ``code`` is a stable identifier (listed in the docs), ``severity`` is
    ``"error"`` for content the parser could not interpret (``strict=True``
    raises on these) and ``"warning"`` for what it repaired or guessed.
    """

    code: str = attrs.field(converter=_diagnostic_code)
    message: str = attrs.field(converter=_diagnostic_message)
    severity: Severity = attrs.field(converter=_diagnostic_severity)
    pos: int = attrs.field(converter=_diagnostic_pos)
    lineno: int = attrs.field(converter=_diagnostic_lineno)
    colno: int = attrs.field(converter=_diagnostic_colno)

    def __str__(self) -> str:
        return f"{self.lineno}:{self.colno}: {self.code}: {self.message}"


@attrs.frozen(slots=True)
class Part:
    """Where one part of an article stands in `Article.text`.

    ``name`` is ``"headline"``, ``"caption"``, ``"credit"`` or ``"body"``;
    ``index`` is the image's index in `Article.images` for a caption or a
    credit, and 0 otherwise.  ``article.text[start:end]`` is the part's text.
    """

    name: PartName
    index: int
    start: int
    end: int


@attrs.frozen(slots=True)
class Parts:
    """Offsets of an article's parts in the decoded input (see `SourceMap`)."""

    #: Offset at which each line of the input starts.
    line_starts: tuple[int, ...]
    #: Offset of the headline's first character, or ``None`` without one.
    headline: int | None
    #: Offset of each caption's first character, parallel to ``Article.images``.
    images: tuple[int, ...]
    #: Offset of each credit's first character (``None`` without one), parallel to
    #: ``Article.images``.
    credits: tuple[int | None, ...]
    #: Offset of each paragraph's first character, parallel to ``Article.paragraphs``.
    paragraphs: tuple[int, ...]
    #: Offset of each header line's key, by metadata key (``"date"`` too).
    metadata: Mapping[str, int]


def line_and_column(line_starts: Sequence[int], pos: int) -> tuple[int, int]:
    """The 1-based line and column of offset ``pos``, given where each line starts."""
    index = max(bisect.bisect_right(line_starts, pos) - 1, 0)
    return index + 1, pos - line_starts[index] + 1 if line_starts else pos + 1


class SourceMap:
    """Where each part of a parsed article stands in the decoded input.

    Offsets index the decoded text (after byte decoding; a leading byte-order
    mark is not part of it).  They are worked out from the input the first
    time they are asked for, so parsing pays nothing for them.
    `locate` maps an offset into `Article.text` back to a
    `Location` in the input.
    """

    __slots__ = ("_body_starts", "_locator", "_parts", "text")

    def __init__(self, text: str, locator: Callable[[str], Parts]) -> None:
        _check(text, str, "SourceMap.text")
        _check_callable(locator, "SourceMap.locator")
        #: The decoded input.
        self.text = text
        self._locator = locator
        self._parts: Parts | None = None
        # The paragraphs last located in, and where each starts in their body.
        self._body_starts: tuple[tuple[str, ...], list[int]] = ((), [])

    @property
    def parts(self) -> Parts:
        """The offsets of every part."""
        if self._parts is None:
            self._parts = self._locator(self.text)
        return self._parts

    def location(self, pos: int) -> Location:
        """The line and column of offset ``pos`` in the decoded input."""
        _check_offset(pos, len(self.text), "pos", "the text")
        return Location(pos, *line_and_column(self.parts.line_starts, pos))

    def locate(self, article: Article, offset: int) -> Location:
        """The input location of ``article.text[offset]`` (an offset at the end of a
        part locates that end).

        ``article`` must be the article this map was made for.  Each call takes
        time logarithmic in the number of paragraphs: where each paragraph starts
        in the body is worked out once per article.  An offset outside the text,
        or in a separator between two parts, raises `ValueError`.
        """
        if not isinstance(article, Article):
            raise argument_error("locate", "article", "an Article", article) from None
        if not is_int(offset):
            raise argument_error("locate", "offset", "an int", offset) from None
        part = article.part_at(offset)
        within = offset - part.start
        parts = self.parts
        if part.name == "body":
            return self._locate_in_body(article, within)
        if part.name == "headline":
            start = parts.headline
        elif part.name == "caption":
            start = parts.images[part.index] if part.index < len(parts.images) else None
        else:
            start = parts.credits[part.index] if part.index < len(parts.credits) else None
        if start is None:
            raise ValueError(f"the input holds no {part.name} for offset {offset}") from None
        return self.location(start + within)

    def _locate_in_body(self, article: Article, body_offset: int) -> Location:
        paragraphs = article.paragraphs
        if not paragraphs:
            raise ValueError("the article has no paragraphs") from None
        if self._body_starts[0] is not paragraphs:
            gaps = accumulate((len(p) + len(PARAGRAPH_SEPARATOR) for p in paragraphs), initial=0)
            self._body_starts = (paragraphs, list(gaps))
        starts = self._body_starts[1]
        # The paragraph holding the offset (the end of a paragraph included);
        # an offset inside a separator counts back from the next paragraph.
        index = max(bisect.bisect_right(starts, body_offset + 1, hi=len(paragraphs)) - 1, 0)
        offset = self.parts.paragraphs[index] + body_offset - starts[index]
        return self.location(offset)

    def __repr__(self) -> str:
        return f"<SourceMap of {len(self.text)} characters>"


def _check_callable(value: object, field: str) -> None:
    if isinstance(value, type) or not callable(value):
        raise _type_error(field, "a function", value) from None


def _check_offset(value: object, length: int, name: str, of: str) -> None:
    if not is_int(value):
        raise _type_error(name, "an int", value) from None
    if not 0 <= value <= length:
        raise ValueError(f"{name}: offset {value} is outside {of} (length {length})") from None


def _spans_of(article: Article, named: bool = True) -> Iterator[tuple[str, Span]]:
    """Every span of the article, with its path when ``named``."""
    for i, entity in enumerate(article.entities):
        for j, mention in enumerate(entity.mentions):
            yield (f"entities[{i}].mentions[{j}]" if named else ""), mention
            if mention.title is not None:
                yield (f"entities[{i}].mentions[{j}].title" if named else ""), mention.title
    for i, quote in enumerate(article.quotes):
        for j, span in enumerate(quote.spans):
            yield (f"quotes[{i}].spans[{j}]" if named else ""), span
        if quote.speaker_mention is not None:
            yield (f"quotes[{i}].speaker_mention" if named else ""), quote.speaker_mention
        if quote.cue is not None:
            yield (f"quotes[{i}].cue" if named else ""), quote.cue
    for i, when in enumerate(article.date_mentions):
        yield (f"date_mentions[{i}].span" if named else ""), when.span


_FUNCTION: type = types.FunctionType


def _checked_parse_info(
    diagnostics: Iterable[Diagnostic], text: object, locator: object
) -> tuple[Diagnostic, ...]:
    """The arguments of `ParseInfo`, checked; the diagnostics as a tuple."""
    if text is not None:
        _check(text, str, "ParseInfo.text", optional=True)
    if locator is not None:
        _check_callable(locator, "ParseInfo.locator")
    return _check_tuple(diagnostics, Diagnostic, "ParseInfo.diagnostics")


class ParseInfo:
    """How one article was parsed: its diagnostics and its source map.

    ``ParseInfo(diagnostics, text, locator)``: the source map is made from
    the decoded ``text`` the first time it is asked for.
    """

    __slots__ = ("_locator", "_source", "diagnostics", "text")

    def __init__(
        self,
        diagnostics: tuple[Diagnostic, ...] = (),
        text: str | None = None,
        locator: Callable[[str], Parts] | None = None,
    ) -> None:
        # What the parser passes goes by in four comparisons; the rest is checked.
        if (
            type(diagnostics) is not tuple
            or diagnostics
            or type(text) is not str
            or type(locator) is not _FUNCTION
        ):
            diagnostics = _checked_parse_info(diagnostics, text, locator)
        self.diagnostics = diagnostics
        self.text = text
        self._locator = locator
        self._source: SourceMap | None = None

    @property
    def source(self) -> SourceMap | None:
        """Where each part stood in the decoded input, if it was parsed."""
        if self._source is None and self.text is not None and self._locator is not None:
            self._source = SourceMap(self.text, self._locator)
        return self._source

    def __repr__(self) -> str:
        return f"<ParseInfo with {len(self.diagnostics)} diagnostics>"


_NO_PARSE_INFO = ParseInfo()


def _part_end(part: Part) -> int:
    return part.end


@attrs.frozen(kw_only=True, slots=True, repr=False)
class Article:
    """One news article.

    ``date`` is a `datetime.date`, or a `datetime.datetime` when
    the header carries a time (aware when it carries an offset), or ``None``.
    ``metadata`` holds the other header fields by lower-case key; it holds
    ``"date"`` only when the header's date could not be read (the raw text is
    then kept there and ``date`` is ``None``).

    The headline and each paragraph are one line of text: one holding a line
    break (``\\n`` or ``\\r``) is refused with a `ValueError` naming it
    (``paragraphs[0]: holds a blank line ...``).  So the paragraphs are always
    ``body.split("\\n\\n")``, every span of the body falls in the paragraphs it
    names, and `newsdoc.dumps` can write each of them as one line.  (What else
    the seed format cannot carry, such as an empty paragraph, `newsdoc.dumps`
    refuses; an article that holds it is still a valid article.)

    `diagnostics` and `source` record how the article was parsed
    (pass them as ``parse_info=ParseInfo(...)``); they are left out of
    equality, hashing and JSON, so an article built by hand equals the same
    article parsed.
    """

    headline: str = attrs.field(converter=_headline)
    date: DateValue | None = attrs.field(default=None, converter=_date)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_paragraphs)
    images: tuple[Image, ...] = attrs.field(default=(), converter=_images)
    metadata: Metadata = attrs.field(default=EMPTY_METADATA, converter=_to_metadata)
    id: str | None = attrs.field(default=None, converter=_id)
    entities: tuple[Entity, ...] = attrs.field(default=(), converter=_entities)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    date_mentions: tuple[DateMention, ...] = attrs.field(default=(), converter=_date_mentions)
    _parse_info: ParseInfo = attrs.field(
        default=_NO_PARSE_INFO,
        eq=False,
        alias="parse_info",
        repr=False,
        converter=_parse_info,
    )

    def __attrs_post_init__(self) -> None:
        headline = self.headline
        if "\n" in headline or "\r" in headline:
            raise ValueError(f"headline: {line_break_problem(headline)}") from None
        # One join and two scans for a character (memchr), cheaper than a loop
        # over the paragraphs or str.count.
        joined = "".join(self.paragraphs)
        if "\n" in joined or "\r" in joined:
            self._reject_paragraphs()
        if self.date is not None and "date" in self.metadata:
            raise ValueError(
                "metadata: 'date' holds an unreadable header date and must be absent "
                "when date is set"
            ) from None
        if self.entities or self.quotes or self.date_mentions:
            self._check_spans()

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """What the parser had to guess, repair, or could not place."""
        return self._parse_info.diagnostics

    @property
    def source(self) -> SourceMap | None:
        """Where each part stood in the parsed input (``None`` if not parsed)."""
        return self._parse_info.source

    def _reject_paragraphs(self) -> None:
        for index, paragraph in enumerate(self.paragraphs):
            problem = line_break_problem(paragraph)
            if problem is not None:
                raise ValueError(f"paragraphs[{index}]: {problem}") from None

    def _check_spans(self) -> None:
        text = self.text
        count = len(self.entities)
        if all(text[s.start : s.end] == s.text for _, s in _spans_of(self, named=False)) and all(
            q.speaker_index is None or q.speaker_index < count for q in self.quotes
        ):
            return  # the common case, without building a path for each span
        for where, span in _spans_of(self):
            if span.end > len(text):
                raise ValueError(
                    f"{where}: span {span.start}:{span.end} runs past the end of the text "
                    f"({len(text)} characters)"
                ) from None
            if text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{where}: text[{span.start}:{span.end}] is "
                    f"{_short(text[span.start : span.end])!r}, not {_short(span.text)!r}"
                ) from None
        for i, quote in enumerate(self.quotes):
            if quote.speaker_index is not None and quote.speaker_index >= count:
                raise ValueError(
                    f"quotes[{i}].speaker_index: {quote.speaker_index} is not an index of "
                    f"entities (the article has {count})"
                ) from None

    @property
    def body(self) -> str:
        """The paragraphs joined by a blank line: the last part of `text`."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    # The whole text and its parts are worked out once per article, on first use
    # (attrs keeps a cached property of a slotted class in a slot of its own; it is
    # not a field, so equality, hashing and JSON never see it).
    @functools.cached_property
    def text(self) -> str:
        """The whole article, the text every span points into.

        The parts in reading order, joined by one blank line: the headline, then
        each image's caption and (when it has one) its credit, then the body.
        Every part is there even when empty (a missing headline is ``""``), so
        the body always starts at `body_start`.
        """
        pieces = [self.headline]
        for image in self.images:
            pieces.append(image.caption)
            if image.credit is not None:
                pieces.append(image.credit)
        pieces.append(self.body)
        return PARAGRAPH_SEPARATOR.join(pieces)

    @functools.cached_property
    def parts(self) -> tuple[Part, ...]:
        """Where each part stands in `text`, in reading order (the body last)."""
        found = []
        start = 0
        gap = len(PARAGRAPH_SEPARATOR)

        def add(name: PartName, index: int, piece: str) -> None:
            nonlocal start
            found.append(Part(name, index, start, start + len(piece)))
            start += len(piece) + gap

        add("headline", 0, self.headline)
        for index, image in enumerate(self.images):
            add("caption", index, image.caption)
            if image.credit is not None:
                add("credit", index, image.credit)
        add("body", 0, self.body)
        return tuple(found)

    @property
    def body_start(self) -> int:
        """The offset in `text` at which the body (the first paragraph) starts."""
        return self.parts[-1].start

    def part_at(self, offset: int) -> Part:
        """The part of `text` that ``offset`` falls in (its end included).

        An offset at the boundary of two parts (only an empty part has one)
        belongs to the earlier part; one in a separator between two parts,
        or outside the text, raises `ValueError`.
        """
        if not is_int(offset):
            raise argument_error("part_at", "", "an int", offset) from None
        parts = self.parts
        index = bisect.bisect_left(parts, offset, key=_part_end)
        if index < len(parts) and parts[index].start <= offset:
            return parts[index]
        if 0 <= offset <= parts[-1].end:
            raise ValueError(f"offset {offset} falls in a separator between two parts") from None
        length = parts[-1].end
        raise ValueError(f"offset {offset} is outside the text (length {length})") from None

    def speaker_of(self, quote: Quote) -> Entity | None:
        """The entity ``quote`` is credited to (``None`` when it has none).

        ``quote`` is one of this article's quotes (any quote whose
        ``speaker_index`` indexes `entities`).
        """
        if not isinstance(quote, Quote):
            raise argument_error("speaker_of", "", "a Quote", quote) from None
        index = quote.speaker_index
        if index is None:
            return None
        if index >= len(self.entities):
            raise ValueError(
                f"speaker_of(): the quote's speaker_index {index} is not an index of entities "
                f"(the article has {len(self.entities)})"
            ) from None
        return self.entities[index]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity ``"error"``."""
        return tuple(d for d in self.diagnostics if d.severity == "error")

    def __repr__(self) -> str:
        parts = [f"headline={_short(self.headline, 60)!r}"]
        if self.date is not None:
            parts.append(f"date={self.date.isoformat()!r}")
        if self.id is not None:
            parts.append(f"id={self.id!r}")
        parts.append(f"paragraphs={len(self.paragraphs)}")
        for name in ("images", "entities", "quotes", "date_mentions", "diagnostics"):
            count = len(getattr(self, name))
            if count:
                parts.append(f"{name}={count}")
        return f"<Article {' '.join(parts)}>"
