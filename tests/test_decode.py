"""Bytes that are not UTF-8: legacy code pages of non-Latin text, UTF-16
without a byte-order mark, cp1252, and bytes no encoding reads credibly."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, ParseError
from newsdoc._decode import decode

NBSP = "\u00a0"
ERRORS = {"unknown-encoding", "invalid-utf8"}

RUSSIAN = (
    "Правительство утвердило план строительства новой линии метро",
    "Работы начнутся весной, а первые станции откроются через четыре года. "
    "По словам мэра, линия соединит северные районы города с центром.",
)
UKRAINIAN = (
    "Верховна Рада ухвалила закон про підтримку фермерів",
    "Депутати проголосували за пільгові кредити для господарств, що постраждали "
    "від посухи. Їх отримають понад дві тисячі підприємств.",
)
BULGARIAN = (
    "Народното събрание прие бюджета за следващата година",
    "Депутатите гласуваха с мнозинство и решиха заплатите на учителите да "
    "се увеличат от първи януари.",
)
GREEK = (
    "Νέα μέτρα για την ακρίβεια ανακοίνωσε η κυβέρνηση",
    "Ο υπουργός Οικονομικών δήλωσε ότι οι τιμές στα τρόφιμα θα μειωθούν "
    "έως το τέλος του καλοκαιριού, ενώ η αγορά περιμένει νέα στοιχεία.",
)
CHINESE = (
    "国务院宣布新的经济刺激计划",
    "国务院周三宣布了一项新的经济刺激计划，以支持小型企业和制造业。分析人士认为，该计划将提振市场信心。",
)
JAPANESE = (
    "東京都、新しい防災計画を発表",
    "東京都は水曜日、大地震に備えた新しい防災計画を発表した。避難所の数を増やし、食料の備蓄も見直す。",
)


def _article(headline: str, paragraph: str) -> str:
    return f" date 2023-07-09 {NBSP}\n{headline}\n\n{paragraph}\n\n"


def _encoding(article: Article) -> str:
    [diagnostic] = [d for d in article.diagnostics if d.code == "encoding"]
    assert diagnostic.severity == "warning"
    return diagnostic.message


def _reads_back(data: bytes, headline: str, paragraph: str) -> Article:
    article = newsdoc.loads(data, extract=False)
    assert article.headline == headline
    assert article.paragraphs == (paragraph,)
    assert not article.errors
    return article


# --- Single-byte code pages of Cyrillic and Greek ---------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        pytest.param(RUSSIAN, "cp1251", "cp1251", id="russian-cp1251"),
        pytest.param(RUSSIAN, "koi8_r", "koi8_r", id="russian-koi8-r"),
        # Russian is the same bytes in KOI8-U as in KOI8-R: named by the older.
        pytest.param(RUSSIAN, "koi8_u", "koi8_r", id="russian-koi8-u"),
        pytest.param(UKRAINIAN, "cp1251", "cp1251", id="ukrainian-cp1251"),
        pytest.param(UKRAINIAN, "koi8_u", "koi8_u", id="ukrainian-koi8-u"),
        pytest.param(BULGARIAN, "cp1251", "cp1251", id="bulgarian-cp1251"),
        pytest.param(GREEK, "cp1253", "cp1253", id="greek-cp1253"),
    ],
)
def test_an_article_in_a_legacy_code_page(text: tuple[str, str], codec: str, named: str) -> None:
    headline, paragraph = text
    data = _article(headline, paragraph).encode(codec)
    article = _reads_back(data, headline, paragraph)
    assert _encoding(article) == f"Not valid UTF-8; decoded as {named} (detected)"


@pytest.mark.parametrize(
    ("sentence", "codec"),
    [
        ("Президент подписал указ о повышении пенсий.", "cp1251"),
        ("Президент подписал указ о повышении пенсий.", "koi8_r"),
        ("Центральный банк сохранил ключевую ставку на уровне 16 процентов.", "cp1251"),
        ("Центральный банк сохранил ключевую ставку на уровне 16 процентов.", "koi8_r"),
        ("Мэр заявил журналистам: «Мост восстановят до конца года».", "cp1251"),
        ("Сборная России обыграла Финляндию со счётом 4:2", "koi8_r"),
        ("Цены на бензин выросли", "cp1251"),
        ("Цены на бензин выросли", "koi8_r"),
        ("Акции Сбербанка подешевели на 3%", "koi8_r"),
        ("Apple и Google представили новые смартфоны в Москве", "cp1251"),
        ("Київ оголосив про нові заходи підтримки", "koi8_u"),
        ("В София започна ремонтът на метростанция „Сердика“.", "cp1251"),
        ("Σεισμός 5,2 Ρίχτερ στην Κρήτη", "cp1253"),
        ("Το Χρηματιστήριο Αθηνών έκλεισε με άνοδο 1,3% την Τρίτη.", "cp1253"),
        ("Ο δήμαρχος Θεσσαλονίκης παρουσίασε το σχέδιο για το μετρό.", "cp1253"),
    ],
)
def test_one_short_sentence_is_enough(sentence: str, codec: str) -> None:
    data = sentence.encode(codec)
    start = next(i for i, byte in enumerate(data) if byte >= 0x80)
    assert decode(data) == (
        sentence,
        [("encoding", f"Not valid UTF-8; decoded as {codec} (detected)", start)],
    )


def test_a_headline_in_capitals_is_read_with_the_body() -> None:
    # Alone, capitals read as well in KOI8-R as in cp1251 (the cases swap):
    # the body, in lower case with capitals, tells them apart.
    headline, paragraph = "ВЫБОРЫ В ГОСДУМУ НАЗНАЧЕНЫ НА СЕНТЯБРЬ", RUSSIAN[1]
    for codec in ("cp1251", "koi8_r"):
        _reads_back(_article(headline, paragraph).encode(codec), headline, paragraph)


def test_an_english_article_quoting_a_cyrillic_name() -> None:
    headline = "Talks in Geneva end without agreement"
    paragraph = "The delegation, led by Сергей Лавров, left before the final session."
    article = _reads_back(_article(headline, paragraph).encode("cp1251"), headline, paragraph)
    assert "cp1251" in _encoding(article)


# --- UTF-16 without a byte-order mark ---------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [CHINESE, JAPANESE, RUSSIAN, GREEK],
    ids=["chinese", "japanese", "russian", "greek"],
)
def test_utf16_without_a_byte_order_mark(text: tuple[str, str], codec: str) -> None:
    headline, paragraph = text
    article = _reads_back(_article(headline, paragraph).encode(codec), headline, paragraph)
    assert _encoding(article) == (
        f"No byte-order mark, but the bytes are {codec.upper()}; decoded as such"
    )


def test_cyrillic_utf16_is_often_valid_utf8() -> None:
    # Every byte below 0x80: valid UTF-8, full of control characters.
    sentence = "Правительство утвердило план строительства метро."
    data = sentence.encode("utf-16-le")
    assert data.decode("utf-8")
    assert decode(data) == (
        sentence,
        [("encoding", "No byte-order mark, but the bytes are UTF-16-LE; decoded as such", 0)],
    )


def test_a_utf16_line_of_cjk_with_no_space_is_read_by_its_punctuation() -> None:
    sentence = "北京今天下雨。"
    assert decode(sentence.encode("utf-16-be"))[0] == sentence


@pytest.mark.parametrize(
    "data",
    [
        b"Hello world\x00",
        b"\x00Hello world",
        b"AB \x00CD",
        b"Headline\n\nBody text.\n\x00",
        b"Headline\n\nThe mayor said\x00 the bridge would reopen in May.\n",
        b"Headline\n\nThe mayor said \x00the bridge would reopen in May.\n",
        b"Headline\n\x00\nThe mayor said the bridge would reopen in May, 2024.\n",
        "Президент \x00подписал указ.".encode(),
    ],
)
def test_a_stray_nul_byte_does_not_make_utf16(data: bytes) -> None:
    assert decode(data) == (data.decode("utf-8"), [])


# --- cp1252 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Café au lait, naïve façade, “quotes” — dash",
        "Grüße aus München",
        "The flat now costs £450 a month, up from £390.",
        "Señor Muñoz dijo que el niño pidió una canción en español.",
        "Les élèves ont reçu leurs diplômes à Besançon.",
        "Où ça?",
        "¿Qué pasó? ¡Éxito total!",
        "Le ministre a déclaré : « Nous créerons 10 000 emplois. »",
        "Conceição e informações sobre as ações",
        "Hyvää yötä, sanoi Säätiö.",
        # A foreign word (Icelandic) among French accents: still cp1252.
        "Il a répondu « þú » au député, et le café était froid.",
    ],
)
def test_cp1252_is_still_cp1252(sentence: str) -> None:
    data = sentence.encode("cp1252")
    text, notes = decode(data)
    assert text == sentence
    [(code, message, _)] = notes
    assert code == "encoding"
    assert re.fullmatch(r"Not valid UTF-8 \(byte 0x[0-9a-f]{2}\); decoded as cp1252", message)


def test_a_cp1252_article() -> None:
    headline, paragraph = "Grüße aus München", "Café au lait, naïve façade, “quotes” — dash; £5."
    article = _reads_back(_article(headline, paragraph).encode("cp1252"), headline, paragraph)
    assert _encoding(article).endswith("decoded as cp1252")


# --- No credible encoding ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        # Capitals alone read as well in KOI8-R as in cp1251 (with no header:
        # the no-break space of the date line differs between the two).
        ("ВЫБОРЫ В ГОСДУМУ\n\nЯВКА СОСТАВИЛА 32 ПРОЦЕНТА\n".encode("cp1251"), "unknown-encoding"),
        # Bytes undefined in cp1252 (0x81, 0x8d, 0x90): U+FFFD.
        (b"Headline\n\n\x81\x8d\x90 \xc3\xa9\xc3 \x90\x81\n", "invalid-utf8"),
        # Symbols and rare letters in every code page.
        (b"Headline\n\n\x01\x80\x81 garbage \xff\xfe bytes \x90\x9d\xc3\n", "invalid-utf8"),
    ],
    ids=["capitals", "undefined-bytes", "garbage"],
)
def test_bytes_no_encoding_reads_credibly_are_an_error(data: bytes, code: str) -> None:
    article = newsdoc.loads(data, extract=False)
    [diagnostic] = [d for d in article.diagnostics if d.code in ERRORS]
    assert (diagnostic.code, diagnostic.severity) == (code, "error")
    assert not any(d.code == "encoding" for d in article.diagnostics)
    with pytest.raises(ParseError) as info:
        newsdoc.loads(data, strict=True, extract=False)
    assert info.value.code == code


def test_unknown_encoding_keeps_every_byte_and_names_the_candidates() -> None:
    data = "ВЫБОРЫ В ГОСДУМУ НАЗНАЧЕНЫ НА СЕНТЯБРЬ".encode("cp1251")
    text, [(code, message, _)] = decode(data)
    assert (code, text) == ("unknown-encoding", data.decode("cp1252"))
    assert message == (
        "Not valid UTF-8 (byte 0xc2) and no encoding reads it credibly "
        "(perhaps cp1251 or koi8_r); decoded as cp1252"
    )


# --- Generated text ---------------------------------------------------------------------

_RUSSIAN_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_GREEK_LETTERS = "αβγδεζηθικλμνξοπρστυφχψω"
_GREEK_ACCENTED = dict(zip("αεηιουω", "άέήίόύώ", strict=True))


@st.composite
def _greek_word(draw: st.DrawFn) -> str:
    """A Greek word spelt as real text is: one accent on a word of two letters
    or more, and the final sigma at its end (the rules the decoder trusts)."""
    letters = list(draw(st.text(_GREEK_LETTERS, min_size=1, max_size=10)))
    if len(letters) > 1:
        vowels = [i for i, letter in enumerate(letters) if letter in _GREEK_ACCENTED]
        if not vowels:
            letters[draw(st.integers(0, len(letters) - 1))] = draw(st.sampled_from("αεηιουω"))
            vowels = [i for i, letter in enumerate(letters) if letter in _GREEK_ACCENTED]
        at = draw(st.sampled_from(vowels))
        letters[at] = _GREEK_ACCENTED[letters[at]]
    word = "".join(letters).replace("ς", "σ")
    return word[:-1] + "ς" if word.endswith("σ") else word


def _sentence(word: st.SearchStrategy[str], shape: str) -> st.SearchStrategy[str]:
    def shaped(words: list[str], end: str) -> str:
        if shape == "upper":
            words = [w.upper() for w in words]
        elif shape == "sentence":
            words = [words[0].capitalize(), *words[1:]]
        return " ".join(words) + end

    return st.builds(shaped, st.lists(word, min_size=2, max_size=10), st.sampled_from(".,;:!?"))


def _texts(word: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    # The first sentence opens with a capital: text whose first bytes are
    # a byte-order mark (cp1251 "юя") is read by the mark, whatever follows.
    first = _sentence(word, "sentence")
    more = st.sampled_from(["sentence", "lower", "upper"]).flatmap(lambda s: _sentence(word, s))
    return st.builds(
        lambda head, rest: " ".join([head, *rest]), first, st.lists(more, max_size=5)
    ).filter(lambda text: len(text) >= 40)


@given(
    st.one_of(
        st.tuples(_texts(st.text(_RUSSIAN_LETTERS, min_size=1, max_size=10)), st.just("cp1251")),
        st.tuples(_texts(st.text(_RUSSIAN_LETTERS, min_size=1, max_size=10)), st.just("koi8_r")),
        st.tuples(_texts(_greek_word()), st.just("cp1253")),
    )
)
def test_generated_text_is_read_back_or_reported_as_an_error(case: tuple[str, str]) -> None:
    text, codec = case
    decoded, notes = decode(text.encode(codec))
    if decoded != text:  # never a warning-level wrong text
        assert {code for code, _, _ in notes} & ERRORS, (decoded, notes)
