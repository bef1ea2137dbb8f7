"""Titles in other scripts, in the forms Spotify may file them under (pure).

A Japanese title in kana is often romanized on Spotify ("あくまのうた" / "Akuma No Uta"); a
Chinese title pressed in traditional characters may be filed in simplified ones
("新長征路上的搖滾" / "新长征路上的摇滚"), and the other way round; a band's name may carry
the word "band" or not ("黑豹" / "黑豹樂隊"). Kana are spelled in Latin letters by their Unicode
names (Hepburn spelling); Chinese is converted by OpenCC's dictionaries. Cyrillic and
Greek letters are spelled in Latin ones (`transliterate`), as Spotify often spells
such names ("Μίκης Θεοδωράκης" / "Mikis Theodorakis").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Unicode names kana in the Kunrei way ("SI", "TU"); Spotify's romanizations are Hepburn.
_HEPBURN = {"si": "shi", "ti": "chi", "tu": "tsu", "hu": "fu", "zi": "ji", "di": "ji",
            "du": "zu", "wo": "o"}
# A consonant and a small ya/yu/yo make one syllable: "kiya" -> "kya", "siya" -> "sha".
# ("~" marks a small ya/yu/yo while spelling, so "kiyo" from a full-size yo stays.)
_YOON_RE = re.compile(r"(sh|ch|j)i~y|([kgnhbpmr])i~")
_KANA_NAME_RE = re.compile(r"^(?:HIRAGANA|KATAKANA) LETTER (SMALL )?([A-Z]+)$")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _is_kana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" and ch != "\u30fb"  # (the middle dot parts words)


def kana_to_latin(text: str) -> str | None:
    """A title in kana (and Latin letters, digits, punctuation) in Latin letters, lower case,
    one word per run of kana ("あくまのうた" -> "akumanouta"); None when there is no kana or
    there are other letters (kanji: their reading is not in the text)."""
    if not any(_is_kana(c) for c in text):
        return None
    out: list[str] = []
    double_next = False
    for ch in text:
        if not _is_kana(ch):
            if ch.isalpha() and not ch.isascii():
                return None
            out.append(" " if ch == "\u30fb" else ch.casefold())
            continue
        if ch == "\u30fc":  # the prolonged sound mark: the vowel again
            prev = next((c for c in reversed(out) if c), "")
            out.append(prev[-1:] if prev[-1:] in "aeiou" else "")
            continue
        m = _KANA_NAME_RE.match(unicodedata.name(ch, ""))
        if not m:
            continue
        small, syllable = m.group(1), m.group(2).lower()
        if small and syllable == "tu":
            double_next = True  # the small tsu doubles the next consonant
            continue
        syllable = _HEPBURN.get(syllable, syllable) if not small else syllable
        if small and syllable in ("ya", "yu", "yo"):
            out.append("~" + syllable)
            continue
        if small and syllable in ("a", "i", "u", "e", "o") and out and out[-1][-1:] == "u":
            out[-1] = out[-1][:-1] + syllable  # "ヴィ" -> "vi", "ファ" -> "fa"
            continue
        if double_next and syllable[0] not in "aeiou":
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double_next = False
        out.append(syllable)
    # "sha" from "shiya", "ja" from "jiya", "kyo" from "kiyo".
    latin = _YOON_RE.sub(lambda m: m.group(1) or m.group(2), "".join(out)).replace("~", "")
    return " ".join(latin.split()) or None


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified_chinese(text: str) -> str | None:
    """A Chinese text in traditional characters in simplified ones; None when nothing changes
    or the text is Japanese (kana: its kanji are neither)."""
    if not _HAN_RE.search(text) or any(_is_kana(c) for c in text):
        return None
    converted = _t2s().convert(text)
    return converted if converted != text else None


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional_chinese(text: str) -> str | None:
    """A Chinese text in simplified characters in traditional ones ("万能青年旅店" ->
    "萬能青年旅店"); None when nothing changes or the text is Japanese."""
    if not _HAN_RE.search(text) or any(_is_kana(c) for c in text):
        return None
    converted = _s2t().convert(text)
    return converted if converted != text else None


# The words "band" and "group" a Chinese band's name may carry or drop.
_BAND_WORD_RE = re.compile(r"(?:乐队|樂隊|乐团|樂團|组合|組合)$")


def chinese_name_core(name: str) -> str | None:
    """A Chinese name in simplified characters without a closing "band" word ("黑豹樂隊" ->
    "黑豹", "張學友" -> "张学友"); None when it is no Chinese name or nothing changes."""
    if not _HAN_RE.search(name) or any(_is_kana(c) for c in name):
        return None
    core = _BAND_WORD_RE.sub("", _t2s().convert(name.strip())).strip() or name.strip()
    return core if core != name.strip() else None


_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                      "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                      "", "e", "yu", "ya"], strict=True))

# Greek letters as Greek names are spelled in Latin ones (ELOT 743 without its digraph rules):
# "Μίκης Θεοδωράκης" -> "mikis theodorakis", "Άξιον Εστί" -> "axion esti".
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
                   "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"], strict=True))


def transliterate(name: str) -> str:
    """Cyrillic and Greek letters in Latin ones, lower case (a rough comparison and search aid:
    "Рихтер" -> "rikhter", "Θεοδωράκης" -> "theodorakis"); other text unchanged."""
    folded = unicodedata.normalize("NFD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFC", folded)
    if any(c in _GREEK for c in folded):
        folded = _greek_digraphs(folded)
    return "".join(_CYRILLIC.get(c, _GREEK.get(c, c)) for c in folded)


# Greek letter pairs spelled as one sound in Latin letters, as Spotify writes Greek names:
# "Σταύρος" -> "stavros", "Ρεμπέτικο" -> "rembetiko", "Ντόρα" -> "dora", "Γκρέκο" -> "greko".
_GREEK_PAIRS = (("αυ", "av"), ("ευ", "ev"), ("ου", "ou"), ("γγ", "ng"))
_GREEK_NASALS_RE = re.compile(r"(\w?)(μπ|ντ|γκ)")
_GREEK_NASALS = {"μπ": ("b", "mb"), "ντ": ("d", "nd"), "γκ": ("g", "ng")}


def _greek_digraphs(text: str) -> str:
    for pair, latin in _GREEK_PAIRS:
        text = text.replace(pair, latin)
    # At a word's start the pair is one voiced sound ("Μπουζούκι" -> "bouzouki"); inside a
    # word Spotify mostly writes both ("Ρεμπέτικο" -> "rembetiko").
    return _GREEK_NASALS_RE.sub(
        lambda m: m.group(1) + _GREEK_NASALS[m.group(2)][1 if m.group(1) else 0], text)
