"""newsdoc: news articles as typed, immutable data."""

from newsdoc._errors import ParseError
from newsdoc._json import SCHEMA_VERSION, JSONError, from_dict, from_json, to_dict, to_json
from newsdoc._model import (
    Article,
    DateMention,
    DatePrecision,
    Diagnostic,
    Entity,
    EntityKind,
    Image,
    Location,
    Mention,
    Metadata,
    ParseInfo,
    Part,
    Quote,
    SourceMap,
    Span,
)
from newsdoc._reader import load, loads, read
from newsdoc._writer import dump, dumps

# ``newsdoc.extract`` is the function; the package of extractors is
# ``newsdoc.extraction`` (its own name, so that neither hides the other).
from newsdoc.extraction import Extractor, RuleExtractor, extract

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "DateMention",
    "DatePrecision",
    "Diagnostic",
    "Entity",
    "EntityKind",
    "Extractor",
    "Image",
    "JSONError",
    "Location",
    "Mention",
    "Metadata",
    "ParseError",
    "ParseInfo",
    "Part",
    "Quote",
    "RuleExtractor",
    "SourceMap",
    "Span",
    "dump",
    "dumps",
    "extract",
    "from_dict",
    "from_json",
    "load",
    "loads",
    "read",
    "to_dict",
    "to_json",
]

__version__ = "0.1.0"

# The public exceptions show under the package's own name in tracebacks.
ParseError.__module__ = __name__
JSONError.__module__ = __name__
