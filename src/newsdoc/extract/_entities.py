"""Named entities: find capitalised names, type them, and group their mentions by referent.

The pipeline, in one pass over the body and one over the candidates:

1. :data:`~newsdoc.extract._tokens.NAME_RUN` finds runs of capitalised tokens.
2. Each run is cut into *segments* at connectors a name does not need (``Syria and
   Iraq`` is two names, ``Bank of America`` one), and a sentence-initial common word
   (``According``, ``The``) is dropped.
3. Each segment is typed by, in order: the shipped name lists, a person title
   (``Lieutenant General``), a head word (``... Forces``, ``... Province``), a known
   nationality or place in front (``US Centcom``), a given name, the shape of the
   word (``MQ-9``, ``NATO``), and the words around it (``in Raqqa``, ``Idlib
   province``, ``Smith said``).
4. Mentions are grouped: surnames join the full name they shorten, aliases the text
   declares (``US Central Command (Centcom)``) and acronyms that spell a name's
   initials join that name, and names of one referent in the name lists join.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from newsdoc._model import Entity, EntityKind, Span
from newsdoc.extract import _fast
from newsdoc.extract._aliases import UnionFind, declared_alias_at, initials
from newsdoc.extract._fast import entity as _entity
from newsdoc.extract._fast import span as _span
from newsdoc.extract._lexicon import LEXICON, Lexicon, word_set
from newsdoc.extract._tokens import (
    _SENTENCE_PUNCT,
    ABBREVIATIONS,
    NAME_RUN,
    PARTICLE_BEFORE,
    is_sentence_start,
)

__all__ = ["Mention", "MentionIndex", "find_entities"]

_new = object.__new__
_set_span_start = _fast.set_span_start
_set_span_end = _fast.set_span_end
_set_span_text = _fast.set_span_text


def _fast_span(start: int, end: int, text: str) -> Span:
    """`newsdoc.extract._fast.span` without its check of :data:`~._fast.CHECKED`."""
    made: Span = _new(Span)
    _set_span_start(made, start)
    _set_span_end(made, end)
    _set_span_text(made, text)
    return made


PERSON = EntityKind.PERSON
ORG = EntityKind.ORGANIZATION
PLACE = EntityKind.PLACE
NATIONALITY = EntityKind.NATIONALITY
EQUIPMENT = EntityKind.EQUIPMENT
EVENT = EntityKind.EVENT
OTHER = EntityKind.OTHER

#: Month and weekday names (and their abbreviations): dates, never entity names.
DATE_WORDS = word_set(
    "January February March April June July August September October November December Jan "
    "Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun"
)

#: Words that end the name of an event (``World Cup``, ``Arab Spring``).
EVENT_HEADS = word_set(
    "War Wars Cup Games Olympics Olympiad Championship Championships Summit Election "
    "Elections Revolution Festival Awards Prize Crisis Conflict Uprising Spring Massacre "
    "Genocide Holocaust Expo Marathon Tournament Series Convention Forum Congress Caucuses "
    "Primary Primaries Debate Offensive Campaign Operation Accord Accords Agreement Treaty"
)

# Particles that may stand inside a person's name.
_NAME_PARTICLES = word_set(
    "de du des del della der den van von da di dos das la le y bin ibn al el ben bint abu"
)
NEST_OF = True
NEST_START = True
_OF_JOINS = frozenset({"of", "for", "on", "of the", "for the", "on the"})
_OF_ONLY = frozenset({"of", "of the"})
# Heads of organisations' names that name a building, a place: "Johnson Space Center",
# "Museum of Flight", "Al Assad University Hospital" (not "Center for ... Studies").
_FACILITY_HEADS = word_set("Center Centre Museum Hospital Airport Stadium Arena")
# Capitalised words that, after "the", stand for an institution (besides the head words
# of organisations' names): "the State", "the Crown", "the Kremlin".
_INSTITUTIONS = word_set("State Crown Church Palace Treasury Pentagon Vatican Kremlin")
_THE = frozenset({"the", "The"})
# Strengths that mark a title or an institution's word standing alone, typed by
# `_Doc.use_context` when "the" goes before it and dropped otherwise.
_TITLE_AFTER_THE = -2
_INSTITUTION_AFTER_THE = -3
# Verbs of saying: a bare unknown name before one is a person.
_SAY_VERBS = word_set(
    "said says say told tells added adds asked stated wrote writes explained argued insisted "
    "warned claimed noted recalled replied responded tweeted posted announced admitted "
    "acknowledged urged believes thinks thought confirmed denied"
)
# Hyphenated suffixes that make an adjective of a name (``US-led``, ``Russia-backed``).
_ADJ_SUFFIXES = word_set(
    "led backed based born made owned run funded controlled held allied style era bound "
    "linked related friendly occupied supported trained sponsored dominated brokered aligned "
    "affiliated inspired oriented centric wide"
)
_EQUIPMENT_CODE = re.compile(r"[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Z]?(s?)\Z")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}\Z|[A-Z][A-Z0-9&]{1,7}(s?)\Z")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")
_INITIALS = re.compile(r"(?:[A-Z]\.)+\Z")
# Plural nouns whose possessive belongs to the name that follows: "People's Party",
# "Children's Hospital", "Women's March".
_GROUP_POSSESSORS = word_set(
    "People Peoples Children Women Men Workers Veterans Farmers Citizens Nations Writers "
    "Teachers Doctors Consumers Taxpayers Mothers Fathers Soldiers Sailors Students"
)
# Words that end the name of a plan or a scheme, not of an organisation or a person.
_PLAN_HEADS = word_set("Program Programme Programs Programmes")
# Words that label a photo or video credit ("Image: Jane Doe").
_CREDIT_LABELS = word_set("Image Images Photo Photos Picture Pictures Video Credit Credits")
# Articles that open a sentence after dotted initials ("in the U.S. The ...").
_ARTICLES = frozenset({"The", "A"})
_STANCE_CAPS = ("Pro-", "Anti-")
_FIRST_SPACE = re.compile(r"[ \u00a0]+")
_HAS_DIGIT = re.compile(r"\d")
# The word that follows, up to a space or the end of the run.
_NEXT_WORD = re.compile(r"[^ \u00a0]+")
# Abbreviations in capitals that name no organisation: times, units, formats, ranks.
_NOT_ORG_ACRONYMS = word_set(
    "VIP VIPs GMT UTC BST CET EST EDT PST PDT HTML PDF URL USB GPS GDP GNP VAT CEO CFO COO "
    "CTO MP MPs MEP MEPs QC KC SC IQ DNA RNA HIV AIDS TV DVD CD PC PM AM OK ID LGBT SUV FAQ "
    "MHz GHz MW KW KM POTUS FLOTUS"
)
# Prefixes that make a stance of the name after them ("pro-Beijing", "anti-war").
_STANCE = re.compile(r"(?<![A-Za-z])(?:pro|anti)\Z")
# Head words that open an organisation's name in other languages ("Instituto Cervantes",
# "Partido Popular", "Banca d'Italia").
_HEAD_FIRST_ORGS = word_set(
    "Instituto Istituto Institut Universidad Università Universidade Universität Université "
    "Partido Partito Parti Partei Movimento Movimiento Mouvement Banco Banca Banque Compañía "
    "Compagnie Grupo Gruppo Fundación Fondazione Fundação Fondation Stiftung Sociedad Società "
    "Société Asociación Associazione Associação Colegio Collegio Liceo Escuela Scuola École "
    "Ministerio Ministero Ministère Frente Fronte Comité Comitato Consejo Consiglio Conseil "
    "Corte Cour Agencia Agenzia Agence Federación Federazione Fédération Ejército Esercito "
    "Armée Policía Polizia Polizei"
)
# A Roman numeral ("World War II", "part XVII").
_ROMAN = re.compile(r"(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\Z")
# A romanised East Asian given name of two syllables: "Wai-ching", "Jong-un", "Joo-Ho".
_ROMANISED = re.compile(r"[A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5}\Z")
_AGE_AFTER = re.compile(r",[ \u00a0]\d{1,3},")
_DETERMINERS = ("The ", "the ")
# Compass words that make a place of the name after them ("Northern Iraq").
_DIRECTIONS = word_set(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater "
    "Northeast Northwest Southeast Southwest Northeastern Northwestern Southeastern "
    "Southwestern Mid Inner Outer"
)
# Capitalised function words that never begin a name (wherever the run stands).
_LEADING_STOP = word_set(
    "In On At For But And Or Of If As By From To With So Yet When While After Before Since "
    "Until During Under Over Into Onto Upon Via Per Than That This These Those It Its He She "
    "We They His Her Their Our My Your An Is Are Was Were Be Not No Yes All Some Any Each "
    "Every Both Many Most More Such What Which Who Why How Where Here There Then Now"
)
# Word endings of place names (Kazakhstan, Evansville, Johannesburg) and of surnames.
_PLACE_ENDINGS = (
    "stan", "ville", "burg", "bourg", "borough", "grad", "abad", "shire", "polis", "pur",
    "nagar", "sk",
)  # fmt: skip
_SURNAME_ENDINGS = (
    "ski", "sky", "wicz", "ovich", "ovic", "enko", "escu", "oglu", "ović", "ić", "sson", "sen",
    "stein", "berger", "ini", "elli", "etti", "ucci", "opoulos", "akis", "idis", "yan", "ian",
)  # fmt: skip
# Word endings of common nouns, not of personal names.
_NOUN_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ism", "ship", "ance", "ence", "ology", "ing",
    "ers", "ies", "ics", "ogy", "ware", "ures", "ents", "ants", "ions", "ways", "works",
)  # fmt: skip
# What stands between two teams in a sports report: "Sweden 1 – 0 South Korea",
# "Belgium beat Panama", "Tunisia lost 1-2 to England".
_MATCH_BETWEEN = re.compile(
    r" (?:(?:drew|draw|draws|lost|loses|beat|beats|won|wins) )?\d{1,2} ?[–—-] ?\d{1,2}"
    r"(?: (?:with|to|over|against))? "
    r"| (?:beat|beats|defeated|defeats|faced|faces|thrashed|edged|drew with|draws with"
    r"|lost to|loses to|vs\.?|v\.?|versus)(?: debutants| hosts| holders| champions| rivals)? "
)
# Verbs whose subject, when it is a country, is its government ("Russia said").
_ACTOR_VERBS = word_set(
    "said says announced condemned urged accused warned stands must agreed signed pledged "
    "reiterated welcomed rejected demanded supports backed insists insisted claimed denied "
    "threatened vowed imposed recognised recognized launched"
)
# Verbs after which "the UK", "the Netherlands" is the state acting ("The UK will ...").
_STATE_VERBS = word_set("is will would remains continues should can could was")
# Words that make an organisation of the person named before them ("the Asad regime").
_REGIME_WORDS = word_set("regime administration government junta")
_REGIME_AFTER = re.compile(r" (regime|administration|government|junta)(?![a-z'’-])")
# Nouns that make a group acting as one of the nationality before them: "Iraqi forces",
# "the Syrian government", "Iraqi state television", "the Afghan team".
_GROUP_HEADS = word_set(
    "forces troops army military government authorities police navy militia militias "
    "opposition regime leadership delegation mission embassy parliament ministry "
    "intelligence team squad insurgency coalition television media"
)
# Heads that name a medium as well as those who run it.
_MEDIA = frozenset({"television", "media"})
# Words that may stand between the nationality and the head ("Iraqi security forces").
_GROUP_MODIFIERS = word_set(
    "security armed military government state special opposition air naval police "
    "intelligence ground federal national coalition rebel border elite defence defense "
    "football cricket rugby hockey olympic news"
)
# The start of a group noun phrase after a name: "-led" (after a country only), then a
# group noun or a modifier ("US-led coalition", "Iraqi security forces").
_GROUP_START = re.compile(
    r"(-(?:led|backed))? (?:"
    + "|".join(sorted(_GROUP_HEADS | _GROUP_MODIFIERS, key=len, reverse=True))
    + r")(?![a-z])"
)
# Lower-case words that may follow such a group (so that the head noun ends the phrase,
# unlike "Russian military aircraft", "Iraqi government officials").
_GROUP_FOLLOW = word_set(
    "and or but of in on at to from for with by as that which who whose while when where "
    "after before since until during against into over under about than is are was were "
    "be been being has have had will would can could should may might must do does did "
    "not also still now then there here say says said told added it its they their them he "
    "she we this these those so if yet because although though took retook made began "
    "fought lost won withdrew came went left held kept broke drove overran ran struck shot "
    "hit sent gave found saw met led"
)
# What joins the names of a list ("Qamenas, Sarmin and Talamenes").
_LIST_JOINS = frozenset({", ", " and ", ", and ", " or ", ", or "})
# Prepositions after which a name guessed to be a person is a place ("in Saratoga Springs").
_IN_PLACE = word_set("in near across throughout inside outside around towards toward into")
# Heads of organisations named "<head> of <place>" ("University of Sheffield").
_OF_PLACE_HEADS = word_set(
    "University Municipality Government Governor Mayor Diocese Archdiocese Bank Port Police"
)
# What may follow a name that declares an alias: "X (Y)", "X [Y]", "X, also known as Y".
_ALIAS_START = re.compile(r" *[(\[,]")
# Prefixes of the group keys `_link` gives people, titles and acting states.
_KEYED = frozenset({"P:", "T:", "O:"})
_PRONOUN_TOKENS = frozenset({"I", "I'm", "I’m", "I'd", "I’d", "I'll", "I’ll", "I've", "I’ve", "O"})


#: Runs of one word that never give a mention (the words `segment` and `single` drop
#: wherever they stand), skipped before any other work.
_NO_NAME = _LEADING_STOP | DATE_WORDS | _PRONOUN_TOKENS | {"A"}
_PARTICLE_GLUE = frozenset("-'’")


class Mention:
    """One name in the body, with what the rules found out about it."""

    __slots__ = (
        "end",
        "group",
        "kind",
        "name",
        "start",
        "strength",
        "text",
        "title",
        "tokens",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: EntityKind | None,
        strength: int,
        name: str,
        tokens: tuple[str, ...] = (),
        title: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        #: 3: a list or a head word says so; 2: a given name, a title, a shape;
        #: 1: a default or a weak context; 0: unknown.
        self.strength = strength
        #: The normalised name (the canonical one for listed names).
        self.name = name
        #: The name's words (for people: without the title).
        self.tokens = tokens
        self.title = title
        #: Key of the referent in the union-find.
        self.group = name

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        kind = self.kind.name if self.kind else "?"
        return f"<{kind}:{self.strength} {self.text!r} name={self.name!r} at {self.start}>"


# A token of a run: (start, end, text).
_Tok = tuple[int, int, str]
# A cached mention: offsets relative to its run, text, kind, strength, name, tokens, title.
_Record = tuple[int, int, str, EntityKind | None, int, str, tuple[str, ...], str | None]

#: Analyses of runs that do not depend on their article: by lexicon, then by whether
#: the run starts a sentence, then by the run's text.  An analysis that asked the
#: article nothing is kept in the first dictionary of the pair (its records alone); one
#: that asked keeps its variants, each with the questions and answers it depends on, in
#: the second.  News repeats names, so most runs are read once per process.
_RunCache = tuple[
    dict[str, tuple[_Record, ...]],
    dict[str, list[tuple[tuple[tuple[str, bool], ...], tuple[_Record, ...]]]],
]
_RUN_CACHES: dict[int, tuple[_RunCache, _RunCache]] = {}
_CACHE_LIMIT = 50_000
#: Analyses kept per run, for articles that answer its questions differently.
_VARIANT_LIMIT = 4

_TOKEN_SPLIT = re.compile(
    r"(?P<poss>['’]s[ \u00a0]+)|[ \u00a0]+(?:(?P<conn>[a-z]+|&)[ \u00a0]+(?:(?P<det>the|la|le|los"
    r"|las|al)[ \u00a0]+)?)?"
)


class _Doc:
    """The state of one extraction."""

    def __init__(self, body: str, lexicon: Lexicon) -> None:
        self.body = body
        self.lex = lexicon
        self.mentions: list[Mention] = []
        #: False once the analysis of the current run depended on more than its words.
        self.cacheable = True
        #: The article's words the current run's analysis asked about, with the answers.
        self.queries: list[tuple[str, bool]] = []
        self._written: dict[str, bool] = {}
        # The body's words, split out once searching for words one by one has
        # cost about sixteen passes over it, what splitting them out costs (a
        # body of many distinct names; most articles never get there).
        self._words: set[str] | None = None
        self._searched = 0

    def written(self, low: str) -> bool:
        """True when ``low`` stands in the body between white space (maybe with ``,``
        or ``.`` after it); answers are remembered."""
        answer = self._written.get(low)
        if answer is None:
            if self._words is None:
                self._searched += len(self.body)
                if self._searched > 16 * len(self.body) + 20_000:
                    self._words = _words_written(self.body)
            if self._words is not None and low and not _has_space(low):
                answer = low in self._words
            else:
                answer = _written(self.body, low)
            self._written[low] = answer
        return answer

    def is_common(self, word: str) -> bool:
        """A common word: in the shipped list, or written in lower case in this article."""
        low = word.lower()
        return low in self.lex.common or self.written_lower(low)

    def written_lower(self, low: str) -> bool:
        """True when the article writes ``low`` in lower case somewhere (as a word of its
        own between white space, maybe followed by a comma or a full stop).

        The answer depends on the article: it is recorded with the run's cached analysis,
        which is reused only where the same questions get the same answers.
        """
        answer = self.written(low)
        self.queries.append((low, answer))
        return answer

    # ------------------------------------------------------------------ runs

    def scan(self) -> None:
        """Find and analyse every run of capitalised tokens in the body."""
        body = self.body
        caches = _RUN_CACHES.get(id(self.lex))
        if caches is None:
            caches = _RUN_CACHES[id(self.lex)] = (({}, {}), ({}, {}))
        mid_plain, mid_asked = caches[0]
        start_plain, start_asked = caches[1]
        mentions = self.mentions
        append = mentions.append
        written = self._written
        new = _new
        mention_class = Mention
        no_name = _NO_NAME
        glue = _PARTICLE_GLUE
        for match in NAME_RUN.finditer(body):
            start, end = match.span()
            text = body[start:end]
            if text in no_name and body[start - 1 : start] not in glue:
                continue  # "But", "He", "Monday": never a name, whatever surrounds it
            if start > 0:
                prev = body[start - 1]
                if prev == " ":
                    if start < 2:
                        sentence_start = True
                    else:
                        before = body[start - 2]
                        if before.isalnum():
                            sentence_start = False
                        elif before in _SENTENCE_PUNCT:
                            sentence_start = True  # ". Syria": what is_sentence_start says
                        else:
                            sentence_start = is_sentence_start(body, start)
                else:
                    if prev.isalnum():
                        continue  # a capital inside a word: iPhone
                    if prev == "-" and _STANCE.search(body, max(0, start - 6), start - 1):
                        # "pro-Beijing camp": a stance, not the place; the run goes on
                        # after that word ("pro-Beijing New People's Party").
                        cut = body.find(" ", start, end)
                        if cut < 0 or not body[cut + 1].isupper():
                            continue
                        start = cut + 1
                        text = body[start:end]
                        sentence_start = False
                    else:
                        if prev in "-'’":
                            particle = PARTICLE_BEFORE.search(body, max(0, start - 5), start)
                            if particle is not None:
                                start = particle.start()  # al-Qaeda
                                text = body[start:end]
                        sentence_start = is_sentence_start(body, start)
            else:
                sentence_start = True
            if "-" in text and text.startswith(_STANCE_CAPS):
                # "For the Pro-Beijing camp": a stance, as after "pro-" in lower case, when
                # a listed name follows the dash (not "Anti-Defamation League").
                found = _FIRST_SPACE.search(text)
                first = text if found is None else text[: found.start()]
                if first[first.index("-") + 1 :] in self.lex.names:
                    if found is None or not text[found.end() : found.end() + 1].isupper():
                        continue
                    start += found.end()
                    text = body[start:end]
                    sentence_start = False
            if body[end : end + 1] == ":":
                # "... at the booth. Image: Jane Doe": a credit's label, no name.
                cut = max(text.rfind(" "), text.rfind("\u00a0")) + 1
                if text[cut:] in _CREDIT_LABELS:
                    if not cut:
                        continue
                    text = text[:cut].rstrip(" \u00a0")  # the spaces before the label
                    end = start + len(text)
            if sentence_start:
                plain, asked = start_plain, start_asked
            else:
                plain, asked = mid_plain, mid_asked
            records = plain.get(text)
            variants = None
            if records is None:
                variants = asked.get(text)
                if variants is not None:
                    for queries, recorded in variants:
                        for low, answer in queries:
                            known = written.get(low)
                            if known is None:
                                known = self.written(low)
                            if known is not answer:
                                break
                        else:
                            records = recorded
                            break
            if records is not None:
                for rel_start, rel_end, said, kind, strength, name, tokens, title in records:
                    m = new(mention_class)
                    m.start = start + rel_start
                    m.end = start + rel_end
                    m.text = said
                    m.kind = kind
                    m.strength = strength
                    m.name = m.group = name
                    m.tokens = tokens
                    m.title = title
                    append(m)
                continue
            mark = len(mentions)
            self.cacheable = True
            self.queries = []
            self.run(start, end, text, sentence_start)
            if self.cacheable:
                if len(plain) + len(asked) >= _CACHE_LIMIT // 2:
                    plain.clear()
                    asked.clear()
                    variants = None
                made = tuple(
                    (
                        m.start - start,
                        m.end - start,
                        m.text,
                        m.kind,
                        m.strength,
                        m.name,
                        m.tokens,
                        m.title,
                    )
                    for m in mentions[mark:]
                )
                if not self.queries:
                    plain[text] = made
                elif variants is None:
                    asked[text] = [(tuple(self.queries), made)]
                elif len(variants) < _VARIANT_LIMIT:
                    variants.append((tuple(self.queries), made))

    def run(self, start: int, end: int, text: str, sentence_start: bool) -> None:
        """Analyse one run ``body[start:end]``: cut it into tokens and segments."""
        body = self.body
        if " " not in text and "\u00a0" not in text:
            if text[-1] == "." and text not in ABBREVIATIONS and not _INITIALS.match(text):
                end -= 1
                text = text[:-1]
            self.segment([(start, end, text)], [], sentence_start)
            return
        tokens: list[_Tok] = []
        joins: list[str] = []
        pos = start
        for sep in _TOKEN_SPLIT.finditer(body, start, end):
            if sep.start() == sep.end():
                continue
            token = body[pos : sep.start()]
            if token[-1] == ".":
                if token not in ABBREVIATIONS and not _INITIALS.match(token):
                    # "... in Iraq. The ...": the run ends with its sentence.
                    tokens.append((pos, sep.start() - 1, token[:-1]))
                    self.cut(tokens, joins, sentence_start)
                    tokens, joins, sentence_start = [], [], True
                    pos = sep.end()
                    continue
                if _INITIALS.match(token) and not sep.group("conn"):
                    after = sep.end()
                    nxt = _NEXT_WORD.match(body, after, end)
                    if nxt is not None and (
                        nxt.group() in _LEADING_STOP or nxt.group() in _ARTICLES
                    ):
                        # "... in the U.S. The ...": dotted initials end the sentence.
                        tokens.append((pos, sep.start(), token))
                        self.cut(tokens, joins, sentence_start)
                        tokens, joins, sentence_start = [], [], True
                        pos = after
                        continue
            tokens.append((pos, sep.start(), token))
            if sep.group("poss"):
                joins.append("'s")
            elif sep.group("conn"):
                det = sep.group("det")
                joins.append(sep.group("conn") + (" " + det if det else ""))
            else:
                joins.append("")
            pos = sep.end()
        token = body[pos:end]
        if token[-1] == "." and token not in ABBREVIATIONS and not _INITIALS.match(token):
            token = token[:-1]
        tokens.append((pos, pos + len(token), token))
        self.cut(tokens, joins, sentence_start)

    def cut(self, tokens: list[_Tok], joins: list[str], sentence_start: bool) -> None:
        """Cut a run into segments at the connectors its names do not need."""
        names = self.lex.names
        seg_tokens = [tokens[0]]
        seg_joins: list[str] = []
        first = sentence_start
        i = 0
        while i < len(joins):
            join = joins[i]
            nxt = tokens[i + 1]
            keep = join == ""
            if not keep:
                left = seg_tokens[-1][2]
                if join in _OF_JOINS:
                    keep = (
                        left in self.lex.org_heads
                        or left in self.lex.place_heads
                        or left in self.lex.title_heads
                        or left in EVENT_HEADS
                    ) and not (
                        # "Kennedy Space Center on April 12", "... on STS-1": a date or a
                        # code after "on" is no part of the name.
                        join[:2] == "on"
                        and (
                            nxt[2] in DATE_WORDS
                            or nxt[2] == "May"
                            or _HAS_DIGIT.search(nxt[2]) is not None
                        )
                    )
                elif join in _NAME_PARTICLES or join == "&":
                    keep = True
                elif join == "'s" and left in _GROUP_POSSESSORS:
                    keep = True  # "People's Liberation Army", "Children's Hospital"
                if not keep:
                    # Keep any connector a listed name needs ("Bosnia and Herzegovina").
                    start = seg_tokens[0][0]
                    for j in range(i + 1, len(tokens)):
                        if self.body[start : tokens[j][1]] in names:
                            keep = True
                            break
            if keep:
                seg_tokens.append(nxt)
                seg_joins.append(join)
            else:
                self.segment(seg_tokens, seg_joins, first)
                first = False
                seg_tokens = [nxt]
                seg_joins = []
            i += 1
        self.segment(seg_tokens, seg_joins, first)

    # -------------------------------------------------------------- segments

    def segment(self, tokens: list[_Tok], joins: list[str], sentence_start: bool) -> None:
        """Trim one segment and type it."""
        lex = self.lex
        # Strip adjective suffixes: "US-led" -> "US".
        last = tokens[-1]
        if "-" in last[2]:
            head, _, tail = last[2].rpartition("-")
            if tail in _ADJ_SUFFIXES and head:
                tokens = [*tokens[:-1], (last[0], last[0] + len(head), head)]
        # Drop sentence-initial common words and leading date words.
        while (
            len(tokens) > 1
            and joins[-1] == ""
            and (tokens[-1][2] in DATE_WORDS or tokens[-1][2] in _LEADING_STOP)
        ):
            tokens, joins = tokens[:-1], joins[:-1]
        while tokens:
            word = tokens[0][2]
            if word in DATE_WORDS or word in _PRONOUN_TOKENS or word in _LEADING_STOP:
                pass
            elif sentence_start:
                text = self.body[tokens[0][0] : tokens[-1][1]]
                if (
                    text in lex.names
                    or word in lex.names
                    or word in lex.title_words
                    or word in lex.first_names
                ):
                    break
                low = word.lower()
                if low not in lex.common:
                    if len(tokens) > 1 and (
                        tokens[1][2] in lex.org_heads or tokens[1][2] in lex.place_heads
                    ):
                        break  # "Air Force", though the article may write "air" too
                    if not self.written_lower(low):
                        break
            else:
                break
            tokens = tokens[1:]
            if joins:
                join = joins[0]
                joins = joins[1:]
                if join:  # "According to" left a connector in front: cut there
                    if tokens:
                        self.segment(tokens, joins, False)
                    return
            sentence_start = False
        if not tokens:
            return
        if len(tokens) == 1:
            self.single(tokens[0], sentence_start)
        else:
            self.multi(tokens, joins)

    def add(
        self,
        start: int,
        end: int,
        kind: EntityKind | None,
        strength: int,
        name: str | None = None,
        tokens: Sequence[str] = (),
        title: str | None = None,
    ) -> Mention:
        text = self.body[start:end]
        mention = Mention(
            start, end, text, kind, strength, name or text, tuple(tokens) or (text,), title
        )
        self.mentions.append(mention)
        return mention

    def single(self, tok: _Tok, sentence_start: bool) -> None:
        start, end, word = tok
        lex = self.lex
        known = lex.names.get(word)
        if known is not None:
            self.add(start, end, known[0], 3, known[1])
            return
        if len(word) == 1 or word in DATE_WORDS or word in _PRONOUN_TOKENS:
            return
        code = _EQUIPMENT_CODE.match(word)
        if code:
            self.add(start, end, EQUIPMENT, 3, word[:-1] if code.group(1) else word)
            return
        if word in lex.title_words or word in lex.org_heads or word in lex.place_heads:
            # "President", "Police": a common noun written with a capital; after "the",
            # an institution's head word stands for the institution ("the Court").
            # A title head after "the" stands for the person holding it ("the President").
            # The word before the run decides: `use_context` does, so that the run's
            # analysis stays the same in every article.
            if word in lex.title_heads:
                self.add(start, end, None, _TITLE_AFTER_THE, word, ())
            elif (word in lex.org_heads or word in _INSTITUTIONS) and word not in _FACILITY_HEADS:
                self.add(start, end, None, _INSTITUTION_AFTER_THE, word)
            return
        if word.endswith(("s", "s.")) and word[:-1] in lex.names:
            kind, canon = lex.names[word[:-1]]
            if kind is NATIONALITY:
                self.add(start, end, kind, 3, canon)
                return
        acronym = _ACRONYM.match(word)
        if acronym:
            if (
                word in _NOT_ORG_ACRONYMS
                or word.lower() in lex.common  # "UNLESS": a word in capitals
                or _ROMAN.match(word)
            ):
                return
            if _HAS_DIGIT.search(word):
                # "IE6", "A380", "MH17": a model, a product, a flight more often than an
                # organisation (the listed ones, "G20", are typed by the list).
                self.add(start, end, OTHER, 1, word)
                return
            self.add(start, end, ORG, 2, word)
            return
        if word in lex.first_names:
            self.add(start, end, PERSON, 2, word, (word,))
            return
        if sentence_start and self.is_common(word):
            return
        low = word.lower()
        if low.endswith(_PLACE_ENDINGS) and len(word) > 5:
            self.add(start, end, PLACE, 1, word)
        elif low.endswith(_SURNAME_ENDINGS) and len(word) > 4:
            self.add(start, end, PERSON, 1, word, (word,))
        else:
            mention = self.add(start, end, None, 0, word)
            if sentence_start:
                mention.strength = -1  # dropped unless the name recurs mid-sentence

    def multi(self, tokens: list[_Tok], joins: list[str]) -> None:
        lex = self.lex
        body = self.body
        start, end = tokens[0][0], tokens[-1][1]
        text = body[start:end]
        known = lex.names.get(text)
        if known is None and text.startswith(_DETERMINERS):
            known = lex.names.get(text[4:])
        if known is not None:
            self.named(tokens, joins, known[0], 3, known[1])
            return
        words = [tok[2] for tok in tokens]
        n = len(words)
        # A title: "Air Force Lieutenant General Alexus Grynkewich", "US Secretary of State".
        head = next((i for i, word in enumerate(words) if word in lex.title_heads), -1)
        if head >= 0 and not (words[-1] in lex.org_heads and head < n - 1):
            self.titled(tokens, joins, words, head)
            return
        last, first = words[-1], words[0]
        first_name = first in lex.first_names and n >= 3 and joins[0] == ""
        inner_head = next(
            (
                i
                for i in range(1, n - 1)
                if words[i] in lex.org_heads and joins[i] in _OF_JOINS and joins[i - 1] == ""
            ),
            -1,
        )
        plan = last in _PLAN_HEADS
        if last in lex.org_heads or inner_head > 0 or plan:
            # "Syrian Democratic Forces", "Andy Warhol Foundation for the Visual Arts";
            # a building is a place ("Kennedy Space Center", "Al Assad University Hospital");
            # a plan is neither ("Space Shuttle Program").
            head_at = n - 1 if inner_head < 0 else inner_head
            facility = words[head_at] in _FACILITY_HEADS and (
                inner_head < 0 or joins[head_at] in _OF_ONLY
            )
            if plan and inner_head < 0:
                self.named(tokens, joins, OTHER, 2)
            else:
                self.named(tokens, joins, PLACE if facility else ORG, 3)
            if first in lex.first_names and head_at >= 2 and joins[0] == "":
                # A person the organisation is named after: "Andy Warhol Foundation",
                # "Andy Warhol Photographic Legacy Program" (given name and surname).
                if head_at > 3:
                    head_at = 2
                person = tokens[:head_at]
                if all(
                    word not in lex.org_heads and word not in lex.names and word[0].isupper()
                    for word in words[1:head_at]
                ) and all(join == "" for join in joins[: head_at - 1]):
                    self.add(
                        person[0][0],
                        person[-1][1],
                        PERSON,
                        2,
                        body[person[0][0] : person[-1][1]],
                        words[:head_at],
                    )
            return
        if (last in lex.place_heads and not first_name) or (
            (first in lex.place_prefix and joins[0] == "")
            or (first in lex.place_prefix_of and joins[0] in _OF_JOINS)
            or (first in _DIRECTIONS and n == 2 and joins[0] == "")
        ):
            self.named(tokens, joins, PLACE, 3 if first not in _DIRECTIONS else 2)
            return
        if first in _HEAD_FIRST_ORGS and joins[0] in ("", "de", "di", "del", "della", "für"):
            self.named(tokens, joins, ORG, 3)  # "Instituto Cervantes", "Partito Democratico"
            return
        if first in lex.org_heads and joins[0] in _OF_JOINS:
            facility = first in _FACILITY_HEADS and joins[0] in _OF_ONLY
            self.named(tokens, joins, PLACE if facility else ORG, 3)  # "Museum of Flight"
            return
        if last in EVENT_HEADS:
            self.named(tokens, joins, EVENT, 3)
            return
        # A known place or nationality in front: "US Centcom", "Syrian Kurdish".
        lead = lex.names.get(first)
        if lead is not None and lead[0] in (PLACE, NATIONALITY) and joins[0] == "":
            rest = words[1:]
            rest_text = body[tokens[1][0] : end]
            rest_known = lex.names.get(rest_text)
            if rest_known is not None and rest_known[0] is ORG:
                # "US Centcom", "British Red Cross": the organisation, its place nested.
                self.named(tokens, joins, ORG, 3, rest_known[1])
                return
            if rest_known is None and (
                rest[-1] in lex.org_heads or (rest[0] in lex.org_heads and joins[1] in _OF_JOINS)
            ):
                self.named(tokens, joins, ORG, 3)
                return
            if (
                len(rest) == 1
                and rest_known is None
                and rest[0] not in lex.first_names
                and not _ACRONYM.match(rest[0])
                and lead[0] is PLACE
            ):
                # "LA Weekly", "Toronto Star": an organisation named after its place.
                self.named(tokens, joins, ORG, 1)
                return
            self.add(tokens[0][0], tokens[0][1], lead[0], 3, lead[1])
            self.segment(tokens[1:], joins[1:], False)
            return
        if first in lex.first_names and words[1] not in lex.names and joins[0] in ("", "de"):
            self.add(start, end, PERSON, 2, text, words)
            return
        if all(_ACRONYM.match(word) for word in words):
            for tok in tokens:
                self.single(tok, False)
            return
        if self.person_like(words, joins) and not (
            lead is not None and lead[0] is ORG and joins[0] == ""
        ):
            # (Not after a known organisation: "Microsoft Teams", "Google Chrome".)
            self.add(start, end, PERSON, 1, text, words)
            return
        if first == "The" and n >= 2:
            self.named(tokens, joins, ORG, 1)  # "The Velvet Underground", "The Straits Times"
            return
        if any(lex.names.get(word, (None,))[0] in (PLACE, NATIONALITY) for word in words[1:]):
            self.named(tokens, joins, ORG, 1)
            return
        self.named(tokens, joins, OTHER, 1)
        if joins[0] == "":
            # A known organisation or an acronym in front ("Vantor Science Fair", "USI
            # Art Collections"): the organisation is a mention of its own.
            lead = lex.names.get(first)
            if lead is not None:
                if lead[0] is ORG:
                    self.add(tokens[0][0], tokens[0][1], ORG, 3, lead[1])
            elif _ACRONYM.match(first) and first not in lex.title_words:
                self.cacheable = False  # the word before the run decides
                if not body[start - 2 : start - 1].isdigit():  # "12 MHZ Polarization": a unit
                    self.add(tokens[0][0], tokens[0][1], ORG, 2, first)

    def person_like(self, words: list[str], joins: list[str]) -> bool:
        """Could these capitalised words be a person's name nobody listed?"""
        if len(words) > 4 or words[0] in ("The", "A"):
            return False
        if not all(join == "" or join in _NAME_PARTICLES for join in joins):
            return False
        common = self.lex.common
        last = len(words) - 1
        for i, word in enumerate(words):
            if i < last and _INITIALS.match(word):
                continue  # "K.C. Maurer"
            if _ACRONYM.match(word) or not word[0].isalpha() or any(c.isdigit() for c in word):
                return False
            low = word.lower()
            if low in common or self.written_lower(low):
                return False
            if low.endswith(_NOUN_ENDINGS) and not (i and _ROMANISED.match(word)):
                return False  # but "Yau Wai-ching", "Kim Jong-un"
            if word in self.lex.org_heads or word in self.lex.place_heads:
                return False
        return True

    def named(
        self,
        tokens: list[_Tok],
        joins: list[str],
        kind: EntityKind,
        strength: int,
        name: str | None = None,
    ) -> None:
        """A name of ``kind``, with a known place inside it as a mention of its own."""
        body = self.body
        start, end = tokens[0][0], tokens[-1][1]
        self.add(start, end, kind, strength, name or _strip_the(body[start:end]))
        names = self.lex.names
        n = len(tokens)
        i = 0
        while i < n:
            if (NEST_START and i == 0) or (NEST_OF and joins[i - 1] in _OF_JOINS):
                for j in range(min(n, i + 3), i, -1):
                    if i == 0 and j == n:
                        continue
                    known = names.get(body[tokens[i][0] : tokens[j - 1][1]])
                    if known is not None and known[0] is PLACE:
                        self.add(tokens[i][0], tokens[j - 1][1], PLACE, 3, known[1])
                        i = j - 1
                        break
                else:
                    if (
                        i == 1
                        and kind is ORG
                        and tokens[0][2] in _OF_PLACE_HEADS
                        and joins[0] == "of"
                        and all(tok[2] not in self.lex.org_heads for tok in tokens[1:])
                        and all(join == "" for join in joins[1:])
                    ):
                        # "University of Sheffield", "Municipality of Livorno": a place.
                        self.add(tokens[1][0], end, PLACE, 1)
                        break
            i += 1

    def titled(self, tokens: list[_Tok], joins: list[str], words: list[str], head: int) -> None:
        """A person named after a title (``Syrian President Bashar al-Assad``), or a title
        standing for a person (``the Foreign Secretary``)."""
        lex = self.lex
        body = self.body
        n = len(words)
        title_start = head
        while (
            title_start > 0
            and words[title_start - 1] in lex.title_words
            and joins[title_start - 1] == ""
        ):
            title_start -= 1
        title_end = head  # the title's last word
        while (
            title_end + 1 < n
            and words[title_end + 1] in lex.title_words
            and (joins[title_end] == "" or joins[title_end] in _OF_JOINS)
        ):
            title_end += 1
        name_from = title_end + 1
        if name_from < n and joins[title_end] in _OF_JOINS:
            # "Minister for the Middle East Tobias Ellwood": the complement runs to a
            # given name, or leaves the last two words for the name.
            name_from = next(
                (i for i in range(name_from + 1, n) if words[i] in lex.first_names), -1
            )
            if name_from < 0:
                name_from = n - 2 if n - title_end - 1 >= 3 else n
        if title_start > 0:
            self.segment(tokens[:title_start], joins[: title_start - 1], False)
        if name_from >= n:
            # A title alone: a person when "the" (or a nationality, a place) goes before it.
            self.cacheable = False  # the word before the run decides
            if title_start == 0 and _prev_word(body, tokens[0][0]).lower() != "the":
                return
            title_text = body[tokens[title_start][0] : tokens[-1][1]]
            mention = self.add(tokens[0][0], tokens[-1][1], PERSON, 2, title_text, ())
            mention.title = title_text
            mention.tokens = ()
            return
        name_tokens = tokens[name_from:]
        name_words = words[name_from:]
        if any(word in lex.org_heads for word in name_words) or name_words[-1] in lex.place_heads:
            # "Justice Department": not a person after all.
            kind = PLACE if name_words[-1] in lex.place_heads else ORG
            self.named(tokens[title_start:], joins[title_start:], kind, 2)
            return
        name_text = body[name_tokens[0][0] : name_tokens[-1][1]]
        known = lex.names.get(name_text)
        if known is not None and known[0] is not PERSON:
            self.add(name_tokens[0][0], name_tokens[-1][1], known[0], 3, known[1])
            return
        title = body[tokens[title_start][0] : tokens[name_from - 1][1]]
        self.add(tokens[0][0], tokens[-1][1], PERSON, 2, name_text, name_words, title=title)

    # ------------------------------------------------------------- context

    def use_context(self) -> None:
        """Type unknown and weakly typed names from the words around them."""
        body = self.body
        lex = self.lex
        votes: dict[str, list[int]] = {}
        words_before: dict[int, str] = {}  # the word before each unknown name, by start
        pending = False
        for m in self.mentions:
            if m.kind is None:
                if m.strength <= _TITLE_AFTER_THE:
                    # A title or an institution's word alone: a name only after "the".
                    pending = True
                    if _prev_word(body, m.start) in _THE:
                        if m.strength == _TITLE_AFTER_THE:
                            m.kind, m.strength, m.title, m.tokens = PERSON, 2, m.text, ()
                        else:
                            m.kind, m.strength = ORG, 1
                    continue
                vote = votes.setdefault(m.text, [0, 0])
                vote[1] += 1
                # "from Assad's inhumanity": the preposition governs what follows.
                word = words_before[m.start] = _prev_word(body, m.start)
                vote[0] += word in lex.place_before
        if pending:
            self.mentions = [m for m in self.mentions if m.strength > _TITLE_AFTER_THE]
        described = lex.described
        place_after = lex.place_after
        org_after = lex.org_after
        place_before = lex.place_before
        lower_word = _LOWER_WORD.match
        age_after = _AGE_AFTER.match
        prev_word = _prev_word
        person_ends: set[int] | None = None  # where people's names end, once asked
        for m in self.mentions:
            kind = m.kind
            if m.strength >= 2 or kind is NATIONALITY or kind is EQUIPMENT:
                continue
            start = m.start
            end = m.end
            after = ""  # the lower-case word right after the name (past one space)
            if body[end : end + 1] == " ":
                found = lower_word(body, end + 1)
                if found is not None:
                    after = found.group()
            before = words_before.get(start)
            if before is None:
                before = prev_word(body, start)
            if before == "of" and (kind is None or kind is OTHER):
                if person_ends is None:
                    person_ends = {p.end for p in self.mentions if p.kind is PERSON}
                if start - 4 in person_ends and body[start - 4] == " ":
                    # "Raymond Chan of People Power": whom the person stands for.
                    m.kind, m.strength = ORG, 1
                    continue
            if after in _REGIME_WORDS and (kind is None or kind is PERSON) and m.title is None:
                continue  # "the Assad regime": see `actors`
            if after in place_after:
                m.kind, m.strength = PLACE, 3
            elif after in org_after:
                m.kind, m.strength = ORG, 3
            elif before in described and kind is not PLACE:
                # "the magazine Zorbo", "state news agency Vanta", "fashion designer Telvik".
                m.kind, m.strength = described[before], 2
                if m.kind is PERSON:
                    m.tokens = tuple(_strip_the(m.text).split())
            elif before == "of" and prev_word(body, start - 3) in lex.place_of:
                m.kind, m.strength = PLACE, 3
            elif body[end : end + 1] == "," and age_after(body, end):
                m.kind, m.strength = PERSON, 2
            elif kind is PERSON:
                # A guessed person: "the Smithsonian" is none, "in Saratoga Springs" a place.
                if before == "the":
                    m.kind = ORG
                elif before in _IN_PLACE:
                    m.kind = PLACE
            elif kind is None:
                if after in _SAY_VERBS:
                    m.kind, m.strength = PERSON, max(m.strength, 1)
                elif before in place_before and m.text != "May":  # "in May": the month
                    vote = votes[m.text]
                    if 2 * vote[0] >= vote[1]:
                        m.kind, m.strength = PLACE, max(m.strength, 1)
        # "Evansville, Indiana" and "Livorno, Tuscany": a name next to a place is one;
        # so is an unknown name listed with places ("in Qamenas, Sarmin and Talamenes").
        mentions = self.mentions
        unknown: list[int] = []
        for i, m in enumerate(mentions):
            if m.kind is not None and m.strength >= 1:
                continue
            if i + 1 < len(mentions):
                nxt = mentions[i + 1]
                if (
                    nxt.kind is PLACE
                    and nxt.strength >= 1
                    and (
                        (between := body[m.end : nxt.start]) == ", "
                        or (m.kind is None and between in _LIST_JOINS and m.text not in _DIRECTIONS)
                    )
                ):
                    m.kind, m.strength = PLACE, 2
                    continue
            if i > 0:
                prv = mentions[i - 1]
                if (
                    prv.kind is PLACE
                    and prv.strength >= 1
                    and (
                        (
                            (between := body[prv.end : m.start]) == ", "
                            and (
                                _next_word(body, m.end) in ("", "and", "or")
                                or body[m.end : m.end + 1] in ",."
                            )
                        )
                        or (
                            m.kind is None
                            and between in _LIST_JOINS
                            and between != ", "
                            and m.text not in _DIRECTIONS
                        )
                    )
                ):
                    m.kind, m.strength = PLACE, 2
                    continue
            if m.kind is None:
                unknown.append(i)
        # Backwards too, for a list whose known place comes last ("Sarmin and Talamenes").
        last = len(mentions) - 1
        for i in reversed(unknown):
            m = mentions[i]
            if i < last and m.kind is None and body[m.end] in ", " and m.text not in _DIRECTIONS:
                nxt = mentions[i + 1]
                between = body[m.end : nxt.start]
                if nxt.kind is PLACE and nxt.strength >= 1 and between in _LIST_JOINS:
                    m.kind, m.strength = PLACE, 2
        self._listed_with_people()

    def _listed_with_people(self) -> None:
        """A name of two or more words, of no kind yet or a weak other one, listed with a
        person is a person: "Ann Keller, Lena Vostrikova and Dries Torvik"."""
        mentions = self.mentions
        body = self.body
        title_words = self.lex.title_words
        names = self.lex.names
        last = len(mentions) - 1
        for i, m in enumerate(mentions):
            if not (m.kind is None or (m.kind is OTHER and m.strength < 2)) or " " not in m.text:
                continue
            words = m.text.split()
            if any(word in title_words for word in words):
                continue  # "a new Prime Minister-designate": a title, not a name
            if names.get(words[0], (None,))[0] is ORG:
                continue  # "Google Chrome": a known organisation's product
            for j in (i - 1, i + 1):
                if 0 <= j <= last:
                    other = mentions[j]
                    between = body[other.end : m.start] if j < i else body[m.end : other.start]
                    if other.kind is PERSON and other.strength >= 1 and between in _LIST_JOINS:
                        m.kind, m.strength = PERSON, 2
                        m.tokens = tuple(words)
                        break

    def short_of_names(self) -> None:
        """An unknown word standing alone that ends an organisation's "<head> of <word>"
        name is that organisation: "the Church of Scientology ... against Scientology".

        A listed name (a place: "University of Sheffield ... Sheffield") is left alone.
        """
        mentions = self.mentions
        ends: dict[str, Mention] = {}
        names = self.lex.names
        for m in mentions:
            if m.kind is ORG and " of " in m.text:
                word = m.text.rpartition(" ")[2]
                if word[:1].isupper() and word not in names and word not in ends:
                    ends[word] = m
        if not ends:
            return
        for m in mentions:
            if m.kind is None and m.strength >= 0:
                org = ends.get(m.text)
                if org is not None:
                    m.kind, m.strength, m.name, m.group = ORG, 1, org.name, org.group

    def surname_before_a_word(self) -> None:
        """A guessed person of two words whose first word is the surname of someone named
        in full, and whose second the article uses as a noun ("the Polaroid camera"), is
        no person: "Andy Warhol ... the Warhol Polaroids".

        A given name as the second word keeps the person ("Leung Yiu-chung", named
        surname first, beside "Leung Kwok-hung"), and so does a second word never
        written after "the" ("Kamala Harris ... Harris Faulkner").
        """
        mentions = self.mentions
        surnames = {
            m.tokens[-1]
            for m in mentions
            if m.kind is PERSON and m.strength >= 2 and len(m.tokens) >= 2
        }
        if not surnames:
            return
        first_names = self.lex.first_names
        body = self.body
        for m in mentions:
            if (
                m.kind is PERSON
                and m.strength <= 1
                and len(m.tokens) == 2
                and m.tokens[0] in surnames
                and m.tokens[1] not in first_names
                and not _ROMANISED.match(m.tokens[1])
                and "the " + m.tokens[1] in body  # a noun: "the Polaroid camera"
            ):
                m.kind = OTHER

    def towns_in_regions(self) -> None:
        """A place, a comma and the country or state it lies in make one mention of the
        first place: ``Houston, Texas``, ``Aleppo, Syria``.

        The region stays a mention of its own, inside the town's.  A list of regions
        (``Ohio, Texas``), a list of places (``Moscow, China and India``) and a town
        inside a longer name (``University of Houston, Texas``) are left alone.
        """
        mentions = self.mentions
        regions = self.lex.regions
        body = self.body
        last = len(mentions) - 1
        reach = -1  # the furthest end of the mentions before the current one
        for i in range(last):
            town = mentions[i]
            nested = reach > town.start  # inside "University of Houston": left alone
            if town.end > reach:
                reach = town.end
            if nested or town.kind is not PLACE or body[town.end : town.end + 2] != ", ":
                continue
            region = mentions[i + 1]
            if (
                region.start == town.end + 2
                and region.kind is PLACE
                and region.name in regions
                and town.name not in regions
                and town.text not in regions
                # ... nor a list ("Moscow, China and India"):
                and not (
                    i + 2 <= last
                    and mentions[i + 2].kind is PLACE
                    and body[region.end : mentions[i + 2].start] in _LIST_JOINS
                )
            ):
                town.end = region.end
                town.text = body[town.start : region.end]

    def groups(self) -> None:
        """A nationality before a noun of a group that acts is an organisation:
        ``Iraqi forces``, ``the Syrian government``, ``Iraqi security forces``.

        The nationality stays a mention of its own, inside the organisation's.
        """
        body = self.body
        match = _LOWER_WORD.match
        peoples = self.lex.peoples
        found: list[tuple[int, Mention]] = []
        countries = self.lex.countries
        candidates = [
            (i, m)
            for i, m in enumerate(self.mentions)
            if m.kind is NATIONALITY or (m.kind is PLACE and m.name in countries)
        ]
        group_start = _GROUP_START.match
        for i, m in candidates:
            start = group_start(body, m.end)
            if start is None:
                continue  # no group noun or modifier next: most names
            pos = m.end
            if m.kind is PLACE:
                # "the US military", "New Zealand police", "the US-led coalition".
                if start.group(1):
                    pos = start.end(1)
                elif m.strength < 3:
                    continue
            elif start.group(1) or m.text != m.name or m.text not in peoples:
                continue
            for _ in range(3):
                word = match(body, pos + 1)
                if word is None:
                    break
                low = word.group()
                end = word.end()
                possessive = low[-2:] in ("'s", "’s")
                if possessive:
                    low = low[:-2]  # "the Afghan team's coach"
                    end -= 2
                if low in _GROUP_HEADS:
                    if low in _MEDIA and _prev_word(body, m.start) in ("on", "in"):
                        break  # "on French television": the medium, not the broadcaster
                    after = (
                        match(body, end + 1)
                        if not possessive and body[end : end + 1] == " "
                        else None
                    )
                    if after is not None:
                        follow = after.group()
                        if follow in _GROUP_HEADS:
                            pos = end  # "Iraqi government forces": the last head ends it
                            continue
                        if follow not in _GROUP_FOLLOW and not follow.endswith(("ed", "ing")):
                            break  # "Russian military aircraft"
                    text = body[m.start : end]
                    org = Mention(m.start, end, text, ORG, 3, text, (m.text, low))
                    found.append((i, org))
                    break
                if (
                    possessive
                    or low not in _GROUP_MODIFIERS
                    or body[word.end() : word.end() + 1] != " "
                ):
                    break
                pos = word.end()
        if found:  # one rebuild of the list, in position order (not one insert each)
            merged: list[Mention] = []
            done = 0
            for i, org in found:
                merged.extend(self.mentions[done:i])
                merged.append(org)
                done = i
            merged.extend(self.mentions[done:])
            self.mentions = merged

    def actors(self) -> None:
        """Names that stand for an organisation where the text makes them act.

        * Countries playing a match are teams: a listed place is a team in the whole
          article once the text has it play another (``Sweden 1 – 0 South Korea``,
          ``Belgium defeated Panama``).
        * A country that says or does what a government does is its government
          (``Russia said``, ``the UK will``, ``announced by Russia and Turkey``).
        * A person's regime or administration is an organisation (``the Asad regime``).

        Mentions after a place preposition (``in England``) stay places.
        """
        body = self.body
        regime = _REGIME_AFTER.match
        places: list[Mention] = []
        rulers: set[str] = set()
        for m in self.mentions:
            kind = m.kind
            if kind is PLACE:
                if m.strength >= 3:
                    places.append(m)
            elif (kind is PERSON or kind is None) and m.strength < 3 and m.title is None:
                found = regime(body, m.end) if body[m.end + 1 : m.end + 2] in "ragj" else None
                if found is not None:
                    if kind is None and " " not in m.text:
                        rulers.add(m.text)  # "Assad" alone, elsewhere, is the ruler
                    m.end = found.end()
                    m.text = body[m.start : m.end]
                    m.kind, m.strength, m.name = ORG, 3, m.text
                    m.tokens = (*m.tokens, found.group(1))
                    m.group = m.name
        if rulers:
            for m in self.mentions:
                if m.text in rulers and m.strength < 2:
                    m.kind, m.strength = PERSON, 2
                    m.tokens = (m.text,)
        if not places:
            return
        teams: set[str] = set()
        for a, b in itertools.pairwise(places):
            if b.start - a.end <= 40 and _MATCH_BETWEEN.fullmatch(body, a.end, b.start):
                teams.add(a.name)
                teams.add(b.name)
        place_before = self.lex.place_before
        countries = self.lex.countries
        acting: Mention | None = None
        for m in places:
            team = m.name in teams
            if not team and m.name not in countries:
                continue
            before = _prev_word(body, m.start)
            if before == "the" or before == "The":
                before = _prev_word(body, m.start - 4)  # "in the UK"
            if not team:
                joined = acting is not None and body[acting.end : m.start] == " and "
                if not joined and not _acts(body, m.start, m.end, before):
                    continue
            if before not in place_before:
                m.kind = ORG
                m.group = "O:" + m.name
                acting = m


def _acts(body: str, start: int, end: int, before: str) -> bool:
    """Does the country named at ``body[start:end]`` act as a state here?

    ``Russia said``, ``announced by Russia`` (not ``by US-led forces``), ``the UK
    will``, ``The UK, with its allies,``.
    """
    after = _next_word(body, end)
    if after in _ACTOR_VERBS or (before == "by" and body[end : end + 1] != "-"):
        return True
    return body[start - 4 : start].lower() == "the " and (
        after in _STATE_VERBS or body[end : end + 1] == ","
    )


def _written(body: str, low: str) -> bool:
    """True when ``low`` stands in ``body`` between white space (maybe with ``,`` or ``.``)."""
    size = len(body)
    width = len(low)
    i = body.find(low)
    while i >= 0:
        if i == 0 or body[i - 1].isspace():
            j = i + width
            if j == size or body[j].isspace():
                return True
            if body[j] in ",." and (j + 1 == size or body[j + 1].isspace()):
                return True
        i = body.find(low, i + 1)
    return False


def _words_written(body: str) -> set[str]:
    """Every word `_written` would find in ``body``: each white-space-separated
    token, and the token without a final ``,`` or ``.``."""
    words = set(body.split())
    words.update([word[:-1] for word in words if word[-1] in ",."])
    return words


def _has_space(text: str) -> bool:
    return any(char.isspace() for char in text)


def _strip_the(text: str) -> str:
    return text[4:] if text.startswith(_DETERMINERS) else text


def _next_word(body: str, pos: int) -> str:
    """The lower-case word right after ``pos`` (past one space), or ``""``."""
    if pos < len(body) and body[pos] == " ":
        match = _LOWER_WORD.match(body, pos + 1)
        if match:
            return match.group()
    return ""


def _prev_word(body: str, pos: int) -> str:
    """The word right before ``pos`` (past one space), or ``""``."""
    if pos < 2 or body[pos - 1] != " ":
        return ""
    end = pos - 1
    start = body.rfind(" ", 0, end) + 1
    word = body[start:end]
    if word.isalpha():
        return word  # the usual case: a whole word after a space
    # Only the letters at the end of the token ("(in", "U.S." gives "").
    i = end
    while i > start and body[i - 1].isalpha():
        i -= 1
    return body[i:end]


# ----------------------------------------------------------------- grouping


def _link(doc: _Doc) -> UnionFind:
    """Join the mentions of one referent; returns the union-find over group keys."""
    mentions = doc.mentions
    first_names = doc.lex.first_names
    uf = UnionFind()
    # Persons: key by full name; surnames and given names point at the full name.
    surnames: dict[str, str] = {}
    given: dict[str, str] = {}
    titles: dict[str, str] = {}
    for m in mentions:
        if m.kind is PERSON and len(m.tokens) >= 2:
            m.group = "P:" + m.name
            last = m.tokens[-1]
            surnames[last] = m.group
            if last[2:3] == "-" and last[:2].lower() in ("al", "el"):
                surnames[last[3:]] = m.group  # "Assad" for "al-Assad"
            if m.tokens[0] in first_names:
                given.setdefault(m.tokens[0], m.group)
            if m.title:
                titles[m.title.lower()] = m.group
    confirmed: set[str] = set()
    get_surname = surnames.get
    place_before = doc.lex.place_before
    for m in mentions:
        tokens = m.tokens
        kind = m.kind
        if kind is PERSON and not tokens:  # a title standing for a person
            m.group = titles.get(m.title.lower() if m.title else "", "T:" + m.name.lower())
            continue
        if len(tokens) != 1:
            continue
        word = tokens[0]
        target = get_surname(word)
        if m.strength >= 3:
            # A listed name that is also the surname of someone in the article: the person,
            # unless a place preposition goes before it ("in Paris").
            if target is not None and _prev_word(doc.body, m.start) not in place_before:
                m.kind, m.group = PERSON, target
            continue
        if target is None and (kind is PERSON or kind is None):
            target = given.get(word)
        if target is not None and (kind is None or kind is PERSON or m.strength <= 1):
            m.kind, m.strength, m.group = PERSON, 3, target
            confirmed.add(target)
        elif kind is PERSON:
            m.group = "P:" + m.name
    # The same text keeps one type: the strongest evidence wins.
    if confirmed:
        for m in mentions:
            if m.strength < 2 and m.group in confirmed:
                m.strength = 2  # a weak guess whose surname recurs alone
    best: dict[str, Mention] = {}
    get_seen = best.get
    for m in mentions:
        if m.kind is None:
            continue
        seen = get_seen(m.text)
        if seen is None or m.strength > seen.strength:
            best[m.text] = m
    body = doc.body
    get_best = best.get
    # (The union-find adds a key the first time it is asked about it: no need to add
    # every group here.)
    for m in mentions:
        ref = get_best(m.text)
        if ref is not None and ref.strength > m.strength and ref.kind is not m.kind:
            m.kind, m.strength, m.name, m.group = ref.kind, ref.strength, ref.name, ref.group
        if m.kind is not PERSON and m.group[:2] not in _KEYED:
            m.group = m.name
    by_start: dict[int, Mention] | None = None  # made when a name may declare an alias
    # Aliases the text declares: "US Central Command (Centcom)", "IS [also known as Daesh]".
    acronyms: list[Mention] = []
    declared: dict[str, Mention] = {}
    alias_start = _ALIAS_START.match
    acronym = _ACRONYM.match
    for m in mentions:
        kind = m.kind
        if kind is None:
            continue
        if kind is ORG and m.strength <= 2 and acronym(m.text):
            acronyms.append(m)
        end = m.end
        if body[end : end + 1] == " " and body[end + 1 : end + 2].isalnum():
            continue  # a word next ("Smith said"): no alias declared (most names)
        if alias_start(body, end) is None:
            continue
        if by_start is None:
            by_start = {m.start: m for m in mentions}
        found = declared_alias_at(body, end, by_start)
        if found is None:
            continue
        alias, explicit = found
        if alias.kind is PERSON and kind is not PERSON and alias.strength >= 3:
            continue
        if (
            not explicit
            and alias.kind not in (None, kind)
            and alias.strength >= 3
            and not (alias.kind is ORG and kind is ORG)
        ):
            continue
        uf.union(m.group, alias.group, prefer=m.group)
        alias.kind = kind
        alias.strength = max(alias.strength, m.strength)
        declared[alias.text] = alias
    # Other mentions of a declared alias join it ("... known as Zarmy. Zarmy fighters").
    if declared:
        for m in mentions:
            named = declared.get(m.text)
            if named is not None and m is not named and m.strength < 3:
                m.kind, m.strength = named.kind, named.strength
                uf.union(named.group, m.group, prefer=named.group)
    # Acronyms that spell the initials of a name in the text: "Syrian Democratic Forces" (SDF).
    if acronyms:
        spelled: dict[str, str] = {}
        for m in mentions:
            kind = m.kind
            if (
                (kind is ORG or kind is PLACE or kind is EVENT or kind is OTHER)
                and " " in m.name
                and m.name not in spelled
            ):
                spelled[m.name] = m.group
        by_initials: dict[str, str] = {}
        for name, group in spelled.items():
            by_initials.setdefault(initials(name), group)
        for m in acronyms:
            target = by_initials.get(m.text.replace(".", "").rstrip("s"))
            if target is not None and m.kind is ORG:
                uf.union(target, m.group, prefer=target)
    return uf


#: ``(start, end, entity index)`` of every mention, sorted by position.
MentionIndex = list[tuple[int, int, int]]


def find_entities(body: str, lexicon: Lexicon = LEXICON) -> tuple[list[Entity], MentionIndex]:
    """The entities named in ``body``, and where each of their mentions stands.

    Returns ``(entities, index)``; ``index`` lists ``(start, end, entity)`` for every
    mention, sorted by position (the quote attribution looks speakers up in it).
    """
    doc = _Doc(body, lexicon)
    doc.scan()
    doc.use_context()
    doc.actors()
    doc.groups()
    # An unknown name at a sentence start that never recurs mid-sentence is no name.
    # A surname of a person named in full is a name wherever it stands ("Smith said").
    mentions = doc.mentions
    doubtful = {m.text for m in mentions if m.strength < 0}
    if doubtful:
        doubtful.difference_update([m.text for m in mentions if m.strength >= 0])
        if doubtful:
            doubtful.difference_update(
                [m.tokens[-1] for m in mentions if m.kind is PERSON and len(m.tokens) >= 2]
            )
            if doubtful:
                doc.mentions = [m for m in mentions if m.strength >= 0 or m.text not in doubtful]
    doc.surname_before_a_word()
    doc.short_of_names()
    uf = _link(doc)
    doc.towns_in_regions()  # after linking, which reads each town's name as written
    return _build(doc, uf)


def _build(doc: _Doc, uf: UnionFind) -> tuple[list[Entity], MentionIndex]:
    """One `Entity` per group of mentions, in order of first mention."""
    mentions = doc.mentions
    # The mentions are usually in position order already (sorting keeps that order).
    last_start = last_end = -1
    for m in mentions:
        start = m.start
        if start < last_start or (start == last_start and m.end > last_end):
            mentions = sorted(mentions, key=_by_position)
            break
        last_start, last_end = start, m.end
    groups: dict[str, list[Mention]] = {}
    find = uf.find
    roots: dict[str, str] = {}
    for m in mentions:
        if m.kind is not None:
            group = m.group
            key = roots.get(group)
            if key is None:
                key = roots[group] = find(group)
            members = groups.get(key)
            if members is None:
                groups[key] = [m]
            else:
                members.append(m)
    entities: list[Entity] = []
    index: MentionIndex = []
    checked = _fast.CHECKED
    make_span = _span if checked else _fast_span
    new = _new
    set_start = _set_span_start
    set_end = _set_span_end
    set_text = _set_span_text
    for root, members in groups.items():
        kind = members[0].kind
        assert kind is not None
        number = len(entities)
        if len(members) == 1:
            m = members[0]
            if kind is PERSON:
                name = m.name if root[:2] == "T:" or len(m.tokens) < 2 else " ".join(m.tokens)
                aliases: tuple[str, ...] = ()
            else:
                name = m.name
                alias = m.text[4:] if m.text.startswith(_DETERMINERS) else m.text
                aliases = (
                    (alias,)
                    if alias != name
                    and not (kind is EQUIPMENT or kind is NATIONALITY)
                    and alias not in name.split()
                    and alias[: len(name) + 2] != name + ", "  # "Houston, Texas"
                    else ()
                )
            index.append((m.start, m.end, number))
            entities.append(
                _entity(kind, name, aliases, m.title, (make_span(m.start, m.end, m.text),))
            )
            continue
        for m in members:
            if m.kind is not kind:
                kinds: dict[str, int] = {}
                for m in members:
                    if m.kind is not None:
                        kinds[m.kind.value] = kinds.get(m.kind.value, 0) + m.strength + 1
                kind = EntityKind(max(kinds, key=kinds.__getitem__))  # ties: the first seen
                break
        name = _canonical(root, members, kind)
        title = None
        found: list[str] = []
        seen: set[object] = set()
        spans: list[Span] = []
        last_start = last_end = -1
        words = name.split()
        for m in members:
            if title is None and m.title:
                title = m.title
            if kind is PERSON:
                if len(m.tokens) >= 2 and m.tokens not in seen:
                    seen.add(m.tokens)
                    alias = " ".join(m.tokens)
                    if alias not in name and alias not in found:
                        found.append(alias)
            elif m.text not in seen:
                seen.add(m.text)
                alias = m.text[4:] if m.text.startswith(_DETERMINERS) else m.text
                if (
                    alias != name
                    and alias not in found
                    and not ((kind is EQUIPMENT or kind is NATIONALITY) and m.name != alias)
                    and alias not in words
                    and alias[: len(name) + 2] != name + ", "
                ):
                    found.append(alias)
            start = m.start
            end = m.end
            if start != last_start or end != last_end:
                last_start = start
                last_end = end
                if checked:
                    spans.append(_span(start, end, m.text))
                else:
                    span: Span = new(Span)
                    set_start(span, start)
                    set_end(span, end)
                    set_text(span, m.text)
                    spans.append(span)
                index.append((start, end, number))
        entities.append(_entity(kind, name, tuple(found), title, tuple(spans)))
    index.sort()
    return entities, index


def _by_position(m: Mention) -> tuple[int, int]:
    return (m.start, -m.end)


def _canonical(root: str, members: list[Mention], kind: EntityKind) -> str:
    """The entity's name: a person's fullest name, a listed name's canonical form, ..."""
    if kind is PERSON:
        if root.startswith("T:"):
            return members[0].name
        best = members[0]
        for m in members:
            if len(m.tokens) > len(best.tokens):
                best = m  # the first of the fullest
        return " ".join(best.tokens) if len(best.tokens) > 1 else best.name
    if root.startswith("P:"):
        root = root[2:]
    names = list(dict.fromkeys([m.name for m in members]))
    if root in names:
        if " " in root:
            return root
        long_forms = [n for n in names if " " in n and not _ACRONYM.match(n)]
        if not long_forms:
            return root
        return max(long_forms, key=len)
    return max(names, key=len)
