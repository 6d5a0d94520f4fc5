"""A deterministic synthetic corpus of seed-format news articles.

Usage::

    python benchmarks/corpus.py --out DIR                # 10,000 files into DIR
    python benchmarks/corpus.py --out DIR --articles 50 --seed 7

From Python (``benchmarks/`` on the path, as when running a script from it)::

    from corpus import generate
    for name, data in generate(100):     # (file name, UTF-8 bytes)
        ...

Each article is in the canonical layout of ``seeds/000_5034f051d719ed27.txt``:
a ``date`` header line (a few also carry ``source``, ``author`` or ``url``
lines), the headline, a blank line, one photo caption with an agency credit
(``... — Reuters/File``), then 10 to 14 paragraphs, each followed by a blank
line; about 4.5 KB of UTF-8 each.  The text mixes curly (“ ” ‘ ’) and straight
quotes and non-ASCII names (Zoë Ångström, Łukasz Kowalczyk, São Paulo).

Article ``i`` depends only on ``(seed, i)``, never on how many are made, so a
small corpus is the start of a larger one, on any machine and Python version.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
from collections.abc import Sequence
from itertools import repeat

__all__ = ["DEFAULT_ARTICLES", "DEFAULT_SEED", "article", "generate", "write"]

DEFAULT_SEED = 20230709
DEFAULT_ARTICLES = 10_000

#: The mean size of an article in UTF-8 bytes, and its spread.
_TARGET_BYTES = 4500
_SPREAD_BYTES = 300
NBSP = "\u00a0"
#: Header dates fall between these days (as ordinals).
_FIRST_DAY = dt.date(2019, 1, 1).toordinal()
_LAST_DAY = dt.date(2024, 12, 31).toordinal()

# --- Word lists -----------------------------------------------------------------------

_FIRST_NAMES = (
    "Zoë", "Łukasz", "José", "Chloé", "Björn", "Ahmet", "Siobhán", "Mário", "Renée",
    "Ólafur", "Małgorzata", "Amélie", "İlker", "Thandiwe", "Priya", "Wei", "Kateřina",
    "Jürgen", "Inês", "Oğuz", "Anders", "Fatima", "David", "Sarah", "Michael", "Aisha",
    "Tomás", "Nadia", "Hiroshi", "Grace", "Rafael", "Léa", "Emeka", "Ingrid", "Omar",
)  # fmt: skip
_SURNAMES = (
    "Müller", "Ångström", "Kowalczyk", "Ødegaard", "Núñez", "García", "Dvořák", "Şahin",
    "Novák", "Lefèvre", "Żuławski", "Østergaard", "O’Connor", "O'Brien", "al-Masri",
    "Okafor", "Fernández", "Tanaka", "Haddad", "Björklund", "Nguyễn", "Schäfer",
    "Mbeki", "Pereira", "Rahman", "Johnson", "Whitfield", "Castellanos", "Çelik",
)  # fmt: skip
_TITLES = (
    "Finance Minister", "Foreign Minister", "President", "Prime Minister", "Governor",
    "Mayor", "General", "Dr", "Professor", "Senator", "Health Minister", "chief executive",
    "spokesperson", "opposition leader", "central bank governor", "Interior Minister",
)  # fmt: skip
_ORGANISATIONS = (
    "the World Health Organization (WHO)", "the International Monetary Fund (IMF)",
    "the European Commission", "Médecins Sans Frontières (MSF)", "the Red Crescent",
    "Société Générale", "Nestlé", "the Ministry of Finance", "the central bank",
    "the electoral commission", "the port authority", "the United Nations",
    "the Supreme Court", "the national weather service", "Électricité de France (EDF)",
    "the Organisation for Economic Co-operation and Development (OECD)",
    "the ruling party", "the teachers’ union", "the chamber of commerce",
)  # fmt: skip
_PLACES = (
    "São Paulo", "Zürich", "Kraków", "Malmö", "Reykjavík", "Düsseldorf", "Bogotá",
    "Córdoba", "Gdańsk", "Tromsø", "Montréal", "Lagos", "Nairobi", "Karachi", "Geneva",
    "Quetta", "Istanbul", "Jakarta", "Lima", "Cape Town", "Hà Nội", "Brașov", "Łódź",
    "Washington", "Brussels", "Kyiv", "Dhaka", "Ankara", "Mexico City", "Curaçao",
)  # fmt: skip
_TOPICS = (
    "the budget", "the floods", "the election", "trade talks", "energy prices",
    "the ceasefire", "the vaccination drive", "the port strike", "the heatwave",
    "wheat exports", "the pension reform", "fuel subsidies", "the drought",
    "the rail project", "the tax bill", "the currency crisis", "the refugee programme",
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CREDITS = (
    "Reuters", "Reuters/File", "AFP", "AFP/File", "AP", "AP/File", "EPA-EFE", "Getty Images",
    "Anadolu Agency", "Xinhua", "Dawn", "APP", "Online", "Handout",
)  # fmt: skip
_SUBJECTS = (
    "Residents", "Protesters", "Rescue workers", "A woman", "Police officers",
    "Fishermen", "Delegates", "Farmers", "Students", "Commuters", "Volunteers",
    "Firefighters", "Traders", "Children", "Supporters of the ruling party",
)  # fmt: skip
_ACTIONS = (
    "gather outside the parliament", "walk past a damaged building", "wait for food aid",
    "inspect flood damage", "queue at a polling station", "attend a rally",
    "carry sandbags along the river bank", "rest after a long shift",
    "watch the closing ceremony", "unload sacks of wheat at the port",
    "clear debris from a street", "hold candles during a vigil",
)  # fmt: skip
_QUOTES = (
    "We will not accept any further delay in the reconstruction of the port",
    "The figures speak for themselves, and they are not good",
    "This is a historic day for the people of {place}",
    "Nobody should have to choose between heating and eating this winter",
    "We have made it clear that we remain committed to the agreement",
    "Our teams are working around the clock, but the needs are enormous",
    "It’s too early to say whether the measures are working",
    "It's a difficult decision, but it's the right one",
    "The government has listened, and now it must act",
    "We expect the first shipments to arrive within two weeks",
    "There is no plan B, and everybody knows it",
    "I’ve never seen anything like this in thirty years of service",
    "These are not numbers, these are families",
    "The talks were frank, constructive and, at times, difficult",
    "We’re asking everyone to stay indoors until the warning is lifted",
)  # fmt: skip
_FRAGMENTS = (
    "a step in the right direction", "deeply worrying", "unacceptable",
    "the worst in living memory", "on track", "premature", "long overdue",
    "a matter of weeks", "entirely avoidable", "a fragile compromise",
)  # fmt: skip
_VERBS = ("said", "told reporters", "said on {day}", "wrote on social media", "added")
_PRONOUNS = ("he", "she", "they")

# --- Sentence templates ---------------------------------------------------------------
# Slots: {p1} {p2} a person with title, {s1} {s2} their surnames, {org} {org2},
# {place} {place2}, {topic}, {day}, {year}, {num}, {pct}, {money}, {q} a quote,
# {frag} a quoted fragment, {verb} a speech verb, {pron} a pronoun.

_NARRATIVE = (
    "{p1} announced on {day} that the government would review {topic} before the end of the year.",
    "The decision comes days after {org} warned that {topic} could cost the economy {money}.",
    "According to {org}, about {num} people have been affected in {place} and the "
    "surrounding districts.",
    "Officials in {place} said the situation had improved since {day}, although several "
    "roads remained closed.",
    "The measure was first proposed in {year} but stalled after a dispute between "
    "{org} and {org2}.",
    "Critics say the plan does little for the poorest households, who spend about {pct} "
    "percent of their income on food and fuel.",
    "{s1} has faced growing pressure over {topic} since taking office in {year}.",
    "Talks between the two sides resumed in {place2} on {day} after a pause of almost two months.",
    "Prices rose by {pct} percent in the twelve months to June, the highest rate since "
    "{year}, the statistics office said.",
    "The city’s mayor said emergency shelters had been opened in schools and sports halls.",
    "The ministry's figures could not be independently verified.",
    "Analysts at Société Générale expect growth to slow to {pct} percent next year.",
    "{org} has pledged {money} in emergency funding, the largest such package since {year}.",
    "Hundreds of people gathered outside the town hall in {place} on {day} evening, "
    "many of them carrying banners.",
    "The opposition has called for an inquiry into the handling of {topic}.",
    "A spokesperson for {org} declined to comment on the report when contacted on {day}.",
    "Flights from {place} to {place2} were cancelled for a second day, stranding "
    "thousands of travellers.",
    "The agreement, signed in {place2} in {year}, expires at the end of next month.",
    "Local media reported that {num} homes had been damaged, most of them in low-lying "
    "neighbourhoods.",
    "{s2}, who chairs the parliamentary committee on {topic}, is expected to present "
    "the report next week.",
    "Exports fell to {money} in the first quarter, down from {money2} a year earlier.",
    "The storm is expected to move north-east overnight, bringing heavy rain to {place2}.",
    "Both sides have accused each other of breaking the terms of the deal signed in {year}.",
    "The company’s shares fell {pct} percent in early trading after the announcement.",
    "Rescue teams from {place2} arrived on {day} with heavy equipment and medical supplies.",
)
_QUOTED = (
    "{p1} told reporters in {place} on {day}: “{q}.”",
    "“{q},” {s1} said.",
    "“{q},” {pron} added, speaking after a meeting with {org}.",
    '{p2} was quoted as saying: "{q}."',
    '"{q}," {s2} {verb}.',
    "In a statement, {org} said the decision was “{frag}” and called for calm.",
    "{s1} described the proposal as ‘{frag}’ in an interview on {day}.",
    '{p2} said the talks were "{frag}" but that work would continue.',
    "Asked about {topic}, {s2} replied: “{q}. We’ll see what the next weeks bring.”",
    "“{q},” said {p2}. “{q2}.”",
)
_HEADLINES = (
    "{place} braces for {topic} as {short} warns of delays",
    "{p1} defends plan on {topic} amid protests in {place}",
    "Thousands stranded in {place} after storm hits {place2}",
    "{short} pledges {money} to help {place} recover from {topic}",
    "Talks on {topic} resume in {place2} after two-month pause",
    "Prices climb {pct} percent as {topic} bites in {place}",
    "{s1} says ‘no plan B’ on {topic}",
    "Court in {place} halts {topic} after appeal by residents",
)
_AUTHOR_SOURCES = ("Reuters", "AFP", "Dawn", "AP", "Anadolu Agency")


def _person(rng: random.Random) -> tuple[str, str]:
    """A person as ``(title and full name, surname)``."""
    first, last = rng.choice(_FIRST_NAMES), rng.choice(_SURNAMES)
    return f"{rng.choice(_TITLES)} {first} {last}", last


def _money(rng: random.Random) -> str:
    unit = rng.choice(("million", "billion"))
    amount = rng.choice((f"{rng.randint(2, 95)}", f"{rng.randint(1, 9)}.{rng.randint(1, 9)}"))
    return f"{rng.choice(('$', '€', '£'))}{amount} {unit}"


def _slots(rng: random.Random, cast: dict[str, str]) -> dict[str, str]:
    """The values for one sentence: the article's cast plus fresh numbers and quotes."""
    slots = dict(cast)
    slots.update(
        day=rng.choice(_WEEKDAYS),
        year=str(rng.randint(2009, 2022)),
        num=f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}",
        pct=f"{rng.randint(2, 40)}.{rng.randint(0, 9)}",
        money=_money(rng),
        money2=_money(rng),
        frag=rng.choice(_FRAGMENTS),
        verb=rng.choice(_VERBS).replace("{day}", rng.choice(_WEEKDAYS)),
        pron=rng.choice(_PRONOUNS),
    )
    slots["q"] = rng.choice(_QUOTES).replace("{place}", cast["place"])
    slots["q2"] = rng.choice(_QUOTES).replace("{place}", cast["place2"])
    return slots


def _sentence(rng: random.Random, cast: dict[str, str], quoted: bool) -> str:
    template = rng.choice(_QUOTED if quoted else _NARRATIVE)
    text = template.format_map(_slots(rng, cast))
    return text[0].upper() + text[1:]


def _paragraph(rng: random.Random, cast: dict[str, str], budget: int) -> str:
    """Sentences until the paragraph is about ``budget`` UTF-8 bytes long."""
    sentences: list[str] = []
    size = -1
    while True:
        sentence = _sentence(rng, cast, quoted=rng.random() < 0.3)
        grown = size + 1 + len(sentence.encode())
        # Stop before a sentence that would overshoot more than the paragraph lacks.
        if sentences and grown - budget > budget - size:
            break
        sentences.append(sentence)
        size = grown
        if size >= budget:
            break
    return " ".join(sentences)


def article(index: int, seed: int = DEFAULT_SEED) -> tuple[str, str]:
    """Article number ``index``: its file name (``00042_<16 hex>.txt``) and its text."""
    rng = random.Random(seed * 1_000_003 + index)
    name = f"{index:05d}_{rng.getrandbits(64):016x}.txt"
    p1, s1 = _person(rng)
    p2, s2 = _person(rng)
    org, org2 = rng.sample(_ORGANISATIONS, 2)
    place, place2 = rng.sample(_PLACES, 2)
    cast = {
        "p1": p1, "s1": s1, "p2": p2, "s2": s2, "org": org, "org2": org2,
        "place": place, "place2": place2, "topic": rng.choice(_TOPICS),
        "short": org.removeprefix("the ").split(" (")[0],
    }  # fmt: skip
    date = dt.date.fromordinal(rng.randint(_FIRST_DAY, _LAST_DAY))
    header = [f" date {date.isoformat()} {NBSP}\n"]
    if rng.random() < 0.08:  # a few articles carry more header lines
        if rng.random() < 0.5:
            header.append(f" source {rng.choice(_AUTHOR_SOURCES)} {NBSP}\n")
        if rng.random() < 0.5:
            header.append(f" author {rng.choice(_FIRST_NAMES)} {rng.choice(_SURNAMES)} {NBSP}\n")
        slug = cast["topic"].removeprefix("the ").replace(" ", "-")
        header.append(f" url https://news.example.org/{date:%Y/%m/%d}/{slug}-{index} {NBSP}\n")
    headline = rng.choice(_HEADLINES).format_map(_slots(rng, cast))
    headline = headline[0].upper() + headline[1:]
    caption_place = rng.choice((place, place2))
    caption = (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_ACTIONS)} in {caption_place} "
        f"on {rng.choice(_WEEKDAYS)}. \u2014 {rng.choice(_CREDITS)}"
    )
    lead = "".join(header) + f"{headline}\n\n{caption}\n"
    target = max(3600, min(5600, round(rng.gauss(_TARGET_BYTES, _SPREAD_BYTES))))
    count = rng.randint(10, 14)
    budget = (target - len(lead.encode())) // count - 2
    paragraphs = [_paragraph(rng, cast, budget) for _ in range(count)]
    return name, lead + "".join(paragraph + "\n\n" for paragraph in paragraphs)


def generate(count: int = DEFAULT_ARTICLES, seed: int = DEFAULT_SEED) -> list[tuple[str, bytes]]:
    """The first ``count`` articles as ``(file name, UTF-8 bytes)``."""
    return [(name, text.encode()) for name, text in map(article, range(count), repeat(seed))]


def write(directory: str, corpus: Sequence[tuple[str, bytes]]) -> None:
    """Write each ``(file name, bytes)`` of ``corpus`` into ``directory`` (made if absent)."""
    os.makedirs(directory, exist_ok=True)
    for name, data in corpus:
        with open(os.path.join(directory, name), "wb") as fp:
            fp.write(data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", required=True, help="directory to write the files into")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, metavar="N")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    corpus = generate(args.articles, args.seed)
    write(args.out, corpus)
    total = sum(len(data) for _, data in corpus)
    print(f"{len(corpus)} articles, {total / max(len(corpus), 1):.0f} bytes each, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
