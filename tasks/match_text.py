"""How titles and names are compared: comparison forms, numbers, scripts, and the parts of
a title a search or a comparison keeps. Pure; used by the search plan, the scoring and the rules."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from tasks.normalize import normalize_title, strip_edition
from tasks.scripts import kana_to_latin, simplified_chinese, transliterate

# Numbers and roman numerals that tell sequels apart ("Led Zeppelin" versus "Led Zeppelin II").
_NUMBER_WORD_RE = re.compile(r"^(?:\d+|ii|iii|iv|vi|vii|viii|ix|x|xi|xii)$")
_NUMBER_NAMES = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "ii": "2", "iii": "3", "iv": "4", "vi": "6",
    "vii": "7", "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12",
}
# A year alone in brackets, or with the words that date a recording.
_DATE_TAG_RE = re.compile(r"[(\[]\s*(?:(?:live|recorded|recording)\s+(?:in\s+)?)?(?:19|20)\d\d"
                          r"(?:\s+(?:recording|version|mono|stereo))?\s*[)\]]", re.IGNORECASE)
# A bracket naming a concert ("(Live At The Sands Hotel And Casino/1966)"): its numbers are
# dates and places.
_LIVE_BRACKET_RE = re.compile(r"[(\[]\s*(?:live|recorded live)\s+(?:at|in|from)\b[^()\[\]]*"
                              r"[)\]]", re.IGNORECASE)
_SPELLED_NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                              "nine", "ten"})
_SERIES_WORDS = frozenset({"vol", "volume", "volumes", "part", "pt", "no", "number", "chapter",
                           "book", "episode", "act", "volumen", "teil", "folge", "parte",
                           "tome", "deel", "nr"})
# Numbers other languages spell, counted only after a series word ("Volumen Uno", "Teil Zwei"):
# elsewhere they are words ("Un", "Due", "Otto").
_FOREIGN_NUMBERS = {
    "uno": "1", "una": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6",
    "siete": "7", "ocho": "8", "nueve": "9", "diez": "10", "due": "2", "tre": "3",
    "quattro": "4", "cinque": "5", "sei": "6", "sette": "7", "otto": "8", "nove": "9",
    "dieci": "10", "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4",
    "cinq": "5", "sept": "7", "huit": "8", "neuf": "9", "dix": "10", "eins": "1", "zwei": "2",
    "drei": "3", "vier": "4", "funf": "5", "sechs": "6", "sieben": "7", "acht": "8",
    "neun": "9", "zehn": "10"}
BRACKETS_RE = re.compile(r"[(\[{][^()\[\]{}]*[)\]}]")
_TITLE_CUT_RE = re.compile(r"\s+(?:/|=|•|·|-|–|—)\s+")
_JOIN_RE = re.compile(
    r"\s+(?:&|\+|and|feat\.?|featuring|ft\.?|with|vs\.?|x|/|·|meets)\s+|\s*,\s+", re.IGNORECASE
)


def quote_value(value: str) -> str:
    """A value for a single-quoted search filter: quotes inside it would end the filter early."""
    value = re.sub("['\u2018\u2019\"`\u00b4\u201c\u201d]", "", value)
    return " ".join(value.split())


# Sleeve words Spotify drops: "The Original Soundtrack Of X", "Music From The Motion Picture X".
_SOUNDTRACK_LEAD_RE = re.compile(
    r"^(?:the )?(?:original )?(?:motion picture |film |movie )?(?:soundtrack|score) "
    r"(?:from|of|to) (?:the )?(?:(?:motion picture|film|movie|musical) )?"
    r"|^(?:original )?music from the (?:original )?(?:motion picture|film|movie|musical) ",
    re.IGNORECASE)


# "X Original Soundtrack", "X (Original Motion Picture Soundtrack)", "X - Music From The Film":
# the words that say a record is a film's music, around the film's name.
_SOUNDTRACK_TAIL_RE = re.compile(
    r"\s*(?:[-\u2013\u2014:/(\[]\s*)?(?:the )?(?:original |official )?(?:motion picture |film |"
    r"movie |television |tv |broadway |london |original )*(?:(?:cast )?(?:sound ?track|score|"
    r"recording)|music from (?:and inspired by )?(?:the )?(?:original )?(?:motion picture|film|"
    r"movie|musical)|ost|o s t)(?: album)?\s*[)\]]?\s*$", re.IGNORECASE)
_SOUNDTRACK_WORD_RE = re.compile(r"\b(?:sound ?track|score|motion picture|ost|o\.s\.t|cast "
                                 r"recording)\b", re.IGNORECASE)


# "41 Original Hits From The Soundtrack Of American Graffiti": the film named after the words.
_SOUNDTRACK_INNER_RE = re.compile(
    r"\b(?:sound ?track|score) (?:of|from|to|for) (?:the )?(?:(?:original )?(?:motion picture|"
    r"film|movie|musical) )?(?P<film>\w.*)$", re.IGNORECASE)
_NOT_A_FILM = frozenset({"motion picture", "the motion picture", "film", "the film", "movie",
                         "the movie", "musical", "the musical"})


def _inner_film(title: str) -> str:
    """The film a title names after "Soundtrack Of" inside it, "" when it names none."""
    m = _SOUNDTRACK_INNER_RE.search(title)
    film = m.group("film").strip(" -:)]") if m else ""
    return "" if film.casefold() in _NOT_A_FILM else film


def film_title(title: str) -> str:
    """The film's name in a soundtrack's title, "" when the title says nothing of a film."""
    if not _SOUNDTRACK_WORD_RE.search(title) and not _SOUNDTRACK_LEAD_RE.search(title):
        return ""
    core = _SOUNDTRACK_LEAD_RE.sub("", title.strip())
    core = _SOUNDTRACK_TAIL_RE.sub("", core).strip(" -:")
    if core == title.strip():
        core = _inner_film(core)
    return core if core and core != title.strip() else ""


# The format word a sleeve adds after an EP's name ("No Plan EP"), which Spotify leaves out
# ("No Plan") or puts after a dash ("No Plan - EP").
_TRAILING_EP_RE = re.compile(r"\s+E\.?P\.?$")
_TOO_SHORT_FOR_EP = frozenset({"the", "a", "an", "my", "our", "this"})


def without_ep_word(title: str) -> str:
    """The title without a trailing "EP" ("No Plan EP" -> "No Plan"); the title itself when
    nothing of a name would remain ("The EP")."""
    rest = _TRAILING_EP_RE.sub("", title).strip(" -:")
    if rest == title or not usable(rest) or rest.casefold() in _TOO_SHORT_FOR_EP:
        return title
    return rest


def main_title(title: str) -> str:
    """Display title cut to its core for a fallback search: no edition noise, no bracketed part,
    no side B, translation or subtitle ("Deseo = Desire" -> "Deseo"), no trailing "EP"."""
    core = without_ep_word(strip_edition(title))
    core = " ".join(BRACKETS_RE.sub(" ", core).split()) or core
    core = _TITLE_CUT_RE.split(core, maxsplit=1)[0].strip() or core
    core = _SOUNDTRACK_LEAD_RE.sub("", core).strip() or core
    core = _SOUNDTRACK_TAIL_RE.sub("", core).strip() or core
    return _inner_film(core) or core


def main_name(artist: str) -> str:
    """First name of a joined credit: "Prince And The Revolution" -> "Prince"."""
    return _JOIN_RE.split(artist, maxsplit=1)[0].strip() or artist


def usable(value: str) -> str:
    """The value, or "" when it has no letter or digit for the search to match."""
    return value if any(ch.isalnum() for ch in value) else ""


def similarity(a: str, b: str) -> float:
    """0..1 likeness of two comparison forms, also with their words reordered."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), 0.95 * fuzz.token_sort_ratio(a, b)) / 100.0


def artist_similarity(a: str, b: str) -> float:
    """Like similarity, but a name wholly inside the other counts ("Stooges" in "Iggy & ...")."""
    if not a or not b:
        return 0.0
    return max(similarity(a, b), 0.85 * fuzz.token_set_ratio(a, b) / 100.0)


def abbreviates(short: str, full: str) -> bool:
    """True when `short` spells `full` with initials: "t rex" / "tyrannosaurus rex",
    "lady a" / "lady antebellum", "elo" / "electric light orchestra"."""
    s_words, f_words = short.split(), full.split()
    if not s_words or s_words == f_words:
        return False
    if len(s_words) == 1 and len(f_words) >= 3 and len(s_words[0]) == len(f_words):
        return s_words[0] == "".join(w[0] for w in f_words)
    if len(s_words) != len(f_words) or not any(len(w) == 1 for w in s_words):
        return False
    return all(a == b or len(a) == 1 and b.startswith(a) for a, b in zip(s_words, f_words,
                                                                          strict=True))


_ALBUM_ORDINAL_RE = re.compile(r"^(?:第)?(\d+)(?:집|輯|辑)$")


def title_numbers(title_norm: str, spelled_anywhere: bool = False) -> set[str]:
    """The numbers and roman numerals of a comparison form, as digits ("ii" -> "2"). A number
    spelled out counts only where it numbers a sequel: after "Volume", "Part", "No." or last
    ("Past Masters Volume One", "Chicago Two"); elsewhere it is a word of the title ("Two
    Wheels Good", "Three Imaginary Boys"), unless `spelled_anywhere`."""
    words = title_norm.split()
    found = set()
    for i, w in enumerate(words):
        ordinal = _ALBUM_ORDINAL_RE.match(w)
        if ordinal:
            # Korean "3집" (the third album), Chinese "第3輯": the artist's album number,
            # which tells it from another numbered one ("Kim Gun Mo 3" / "3집 잘못된 만남"),
            # and says nothing against a sleeve without a number ("창밖의 여자" / "조용필 1집
            # (창밖의 여자)").
            if spelled_anywhere:
                found.add(ordinal.group(1).lstrip("0") or "0")
            continue
        after_series = i > 0 and words[i - 1] in _SERIES_WORDS
        if w in _FOREIGN_NUMBERS and w not in _NUMBER_NAMES:
            if after_series:
                found.add(_FOREIGN_NUMBERS[w])
            continue
        if w in _SPELLED_NUMBERS and not spelled_anywhere and i != len(words) - 1 and (
            not after_series
        ):
            continue
        w = _NUMBER_NAMES.get(w, w)
        if _NUMBER_WORD_RE.match(w):
            found.add(w.lstrip("0") or "0")
    return found


def base_title(title: str) -> str:
    """The title without any bracketed part: "Weezer (Blue Album)" -> "Weezer"."""
    return " ".join(BRACKETS_RE.sub(" ", title).split())


def title_score(q_title: str, c_title: str) -> tuple[float, bool]:
    """Title similarity on comparison forms, with bracketed parts, and per side of "A / B";
    a Chinese title also in simplified characters, a kana title also in Latin letters."""
    score, number_mismatch = _title_score_of(q_title, c_title)
    q_simple, c_simple = simplified_chinese(q_title), simplified_chinese(c_title)
    if q_simple or c_simple:
        # The same title in the other character set: as good as the same spelling, nearly.
        simple, mismatch = _title_score_of(q_simple or q_title, c_simple or c_title)
        if 0.98 * simple > score:
            score, number_mismatch = 0.98 * simple, mismatch
    q_kana, c_kana = kana_to_latin(q_title), kana_to_latin(c_title)
    if q_kana or c_kana:
        # Kana have no spaces between words: compared without spaces ("Akuma No Uta").
        a = (q_kana or normalize_title(q_title)).replace(" ", "")
        b = (c_kana or normalize_title(c_title)).replace(" ", "")
        score = max(score, 0.95 * similarity(a, b))
    return score, number_mismatch


def _title_score_of(q_title: str, c_title: str) -> tuple[float, bool]:
    qn, cn = normalize_title(q_title), normalize_title(c_title)
    score = similarity(qn, cn)
    # Spotify and Discogs disagree on bracketed subtitles ("Weezer (Blue Album)", "★ (Blackstar)").
    q_base, c_base = base_title(q_title), base_title(c_title)
    for a, b in ((q_base, c_title), (q_title, c_base), (q_base, c_base)):
        if a and b and (a, b) != (q_title, c_title):
            score = max(score, 0.9 * similarity(normalize_title(a), normalize_title(b)))
    # Discogs titles a single "A-side / B-side" and a bilingual pressing "Deseo = Desire".
    for sep in (" / ", " = "):
        if sep in q_title:
            for side in q_title.split(sep):
                # Each side as a title of its own: against Spotify's bracketed or soundtrack
                # forms too ("Pakeezah = पाकीज़ा" / "Pakeezah (Original Motion Picture
                # Soundtrack)").
                score = max(score, 0.95 * similarity(normalize_title(side), cn),
                            0.95 * _title_score_of(side, c_title)[0] if side.strip() else 0.0)
        if sep in c_title and sep not in q_title:
            # Spotify names a record by both its titles ("Immigrés / Bitim Rew") where the
            # sleeve gives the first: a little below the whole name.
            first = c_title.split(sep)[0]
            score = max(score, 0.9 * similarity(qn, normalize_title(first)))
    c_named = _SELF_TITLED_TAIL_RE.sub("", c_title).strip()
    if c_named and c_named != c_title.strip():
        # "孫燕姿同名專輯": Spotify calls a Chinese self-titled album "<name>'s self-titled
        # album"; the name is the title.
        score = max(score, 0.95 * similarity(qn, normalize_title(c_named)))
    q_digits, c_digits = roman_as_digits(qn), roman_as_digits(cn)
    if (q_digits, c_digits) != (qn, cn):
        # "ELO II" / "ELO 2": one number, written two ways.
        score = max(score, similarity(q_digits, c_digits))
    q_film, c_film = film_title(q_title), film_title(c_title)
    numbered_q, numbered_c = qn, cn
    if q_film or c_film:
        # "The Original Soundtrack Of Trainspotting" / "Trainspotting (Music From The Motion
        # Picture)": the film's names compared.
        film_score = similarity(normalize_title(q_film or q_title),
                                normalize_title(c_film or c_title))
        score = max(score, 0.95 * film_score)
        if film_score >= 0.9:
            # The same film: its number is the one that counts, not the sleeve's blurb ("41
            # Original Hits From The Soundtrack Of American Graffiti").
            numbered_q = normalize_title(q_film or q_title)
            numbered_c = normalize_title(c_film or c_title)
    q_latin, c_latin = latin_form(q_title), latin_form(c_title)
    if q_latin or c_latin:
        score = max(score, 0.95 * similarity(normalize_title(q_latin or q_title),
                                              normalize_title(c_latin or c_title)))
    if numbered_c is cn and (_DATE_TAG_RE.search(c_title) or _LIVE_BRACKET_RE.search(c_title)):
        # Spotify dates a recording in its name ("Live At The Apollo (1962)", "(1955 Recording)",
        # "(Live At The Regal Theater, Chicago / 1962)"): a date, which the year field
        # compares, not a number of the title.
        numbered_c = normalize_title(_LIVE_BRACKET_RE.sub(" ", _DATE_TAG_RE.sub(" ", c_title)))
    return score, numbers_differ(numbered_q, numbered_c)


# "同名專輯" / "同名专辑" / "同名大碟": "self-titled album", after the name in Chinese.
_SELF_TITLED_TAIL_RE = re.compile(r"\s*[(\[]?(?:同名(?:專輯|专辑|大碟|唱片)?)[)\]]?\s*$")
_ROMAN = {w: d for w, d in _NUMBER_NAMES.items() if w not in _SPELLED_NUMBERS and w != "x"}


def roman_as_digits(title_norm: str) -> str:
    """A comparison form with its roman numerals in digits ("elo ii" -> "elo 2"); "x" stays a
    letter ("Malcolm X")."""
    return " ".join(_ROMAN.get(w, w) for w in title_norm.split())


def numbers_differ(q_norm: str, c_norm: str) -> bool:
    """The two comparison forms carry other numbers. A number spelled out inside a title is a
    word of it when the other title has no number ("Two Wheels Good" / "Steve McQueen"), and a
    number when it has one ("One Of These Nights" / "Two Of These Nights")."""
    q_all, c_all = title_numbers(q_norm, True), title_numbers(c_norm, True)
    if q_all and c_all:
        return q_all != c_all
    return title_numbers(q_norm) != title_numbers(c_norm)


PLACEHOLDER_TITLES = frozenset({"untitled", "untitled album", "s t", "st", "no title",
                                 "self titled", "sans titre", "ohne titel", "senza titolo"})


def is_latin_text(text: str) -> bool:
    """True when the text has letters and all of them are Latin."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def other_script(text: str) -> bool:
    """A text with letters, not all of them Latin ("ひこうき雲"; not "4½", not "( )")."""
    return any(c.isalpha() for c in text) and not is_latin_text(text)


def latin_form(text: str) -> str | None:
    """A Greek or Cyrillic text in Latin letters ("Μίκης Θεοδωράκης" -> "mikis theodorakis"),
    as Spotify often spells such names and titles; None for any other text."""
    if not text.strip() or is_latin_text(text):
        return None
    latin = transliterate(text)
    return latin if is_latin_text(latin) else None


def scripts_differ(a: str, b: str) -> bool:
    """One name in Latin letters, the other in another script: text cannot compare them."""
    return bool(a.strip() and b.strip()) and is_latin_text(a) != is_latin_text(b)


def _title_forms(title: str) -> set[str]:
    """The comparison forms a title may be filed under: whole, each side of " = " or " / ",
    without and inside its brackets, each also in simplified Chinese."""
    parts = {title, base_title(title)}
    parts |= {m.strip("()[]{} ") for m in BRACKETS_RE.findall(title)}
    for sep in (" = ", " / "):
        for p in list(parts):
            parts |= {side.strip() for side in p.split(sep)}
    parts |= {simplified_chinese(p) or p for p in parts}
    return {normalize_title(p) for p in parts if p} - {""}


def same_title_form(q_title: str, name: str) -> bool:
    """True when a form of the sleeve's title is exactly a form of the candidate's name
    ("창밖의 여자" / "조용필 1집 (창밖의 여자)", "新長征路上的搖滾 = ..." / "新长征路上的摇滚")."""
    return bool(_title_forms(q_title) & _title_forms(name))
