"""Performers of a classical record: persons and ensembles told apart, ensemble credits
compared across languages, and the words to search performers by."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from tasks.classical import composer_of, fold, folded_words
from tasks.scripts import transliterate

# Words that make a credited name an ensemble rather than a person.
_ENSEMBLE_TEXT = (
    "orchester orchestra orchestre orkest orkester orquesta philharmoniker philharmonic "
    "philharmonie philharmonia philharmonique filarmonica symphony symphoniker symphonique "
    "sinfonie sinfonieorchester sinfonica sinfonia sinfonietta ensemble quartet quartett "
    "quatuor quartetto trio quintet quintett choir chor chorus choeur coro kammerorchester "
    "consort players soloists academy academie akademie staatskapelle kapelle camerata "
    "singers musici virtuosi concentus collegium musicum capella cappella sinfonieorchesters "
    "rundfunkchor singverein singakademie kantorei radio tolling knabenchor boys filharmonie "
    "filharmonia filharmonii sbor "
    "orkestr orchestr orkiestra kvarteto kvartet kvartett kvartetten kwartet strijkkwartet "
    "оркестр хор ансамбль квартет капелла"
)
_ENSEMBLE_WORDS = frozenset(_ENSEMBLE_TEXT.split())


def is_ensemble(name: str) -> bool:
    """True for an orchestra, choir or chamber group, by its words."""
    return any(w in _ENSEMBLE_WORDS or w.endswith(("orchester", "chor", "quartett"))
               for w in folded_words(name))


# Place words of ensemble names in the languages sleeves and Spotify use, to one form, so that
# "Wiener Philharmoniker" and "Vienna Philharmonic" share a word, "Orchestre de Paris" and the
# "Boston Symphony Orchestra" none.
_PLACE_FORMS = {
    "wiener": "vienna", "wien": "vienna", "berliner": "berlin", "munchner": "munich",
    "munchener": "munich", "munchen": "munich", "muenchner": "munich", "bayerisches": "bavarian",
    "bayerischen": "bavarian", "bayerische": "bavarian", "prager": "prague", "praha": "prague",
    "ceska": "czech", "cesky": "czech", "ceske": "czech", "tschechische": "czech",
    "londoner": "london", "londres": "london", "londra": "london", "dresdner": "dresden",
    "sachsische": "saxon", "leipziger": "leipzig", "moskauer": "moscow", "moskau": "moscow",
    "moscou": "moscow", "moskva": "moscow", "moskovskii": "moscow", "leningrader": "leningrad",
    "kolner": "cologne", "koln": "cologne", "hamburger": "hamburg", "stuttgarter": "stuttgart",
    "frankfurter": "frankfurt", "amsterdamer": "amsterdam", "pariser": "paris",
    "parisien": "paris", "romano": "rome", "romana": "rome", "roma": "rome",
    "koninklijk": "royal", "royale": "royal", "konigliche": "royal", "reale": "royal",
    "staatskapelle": "state", "staatsorchester": "state", "staatsoper": "state", "stadtische":
    "city", "rundfunks": "radio", "rundfunk": "radio", "radiodiffusion": "radio",
    "concertgebouworkest": "concertgebouw", "gewandhausorchester": "gewandhaus",
    # Melodiya credits, transliterated.
    "sssr": "ussr", "gosudarstvennyi": "state", "simfonicheskii": "symphony",
    "akademicheskii": "academic", "orkestr": "orchestra", "filarmonii": "philharmonic",
    "filarmonicheskii": "philharmonic", "kamernyi": "chamber",
}
# Words that name no particular ensemble: its kind, articles and prepositions.
_GENERIC_TEXT = (
    "the of de des du la le les der die das den del della di dei and und et e y i im am in "
    "national nationale nazionale nacional new neue nouvel nouvelle state city radio royal "
    "festival opera oper opera house covent garden chamber kammer youth jugend academic "
    "symphony")
_GENERIC_WORDS = _ENSEMBLE_WORDS | frozenset(_GENERIC_TEXT.split())
_CHOIR_RE = re.compile(r"chor|choir|chorus|choeur|coro|singers|sbor|хор|voices|chorale|"
                      r"singverein|singakademie|kantorei")
_GROUP_RE = re.compile(r"quartet|quatuor|kvartet|kwartet|trio|quintet|sextet|octet|ensemble|"
                       r"consort|квартет")


def ensemble_kind(name: str) -> str:
    """"choir", "group" (a quartet, a trio, an early-music ensemble) or "orchestra"."""
    folded = " ".join(folded_words(name))
    if _CHOIR_RE.search(folded):
        return "choir"
    return "group" if _GROUP_RE.search(folded) else "orchestra"


# A Russian place adjective's ending, transliterated ("Московской" -> "moskovskoi", of
# Moscow; "Ленинградский" -> "leningradskii"): the stem names the place.
_RUSSIAN_ADJECTIVE_RE = re.compile(r"^(\w{4,}?)sk(?:ii|ij|iy|oi|oy|ogo|aya|oe|ie|ikh|im|oj)$")
_RUSSIAN_PLACE_STEMS = {"moskov": "moscow", "sovet": "soviet", "rossii": "russian",
                        "ross": "russian"}


def _place_form(word: str) -> str:
    """A place word in one form: "wiener" -> "vienna", "moskovskoi" -> "moscow"."""
    if word in _PLACE_FORMS:
        return _PLACE_FORMS[word]
    m = _RUSSIAN_ADJECTIVE_RE.match(word)
    if m:
        return _RUSSIAN_PLACE_STEMS.get(m.group(1), m.group(1))
    return word


def _place_words(name: str) -> set[str]:
    words = (_place_form(w) for w in folded_words(transliterate(name)))
    return {w for w in words if w not in _GENERIC_WORDS and len(w) > 2
            and not w.endswith(("orchester", "orchestra", "orkest", "orkester", "chor"))}


def same_ensemble(a: str, b: str) -> bool | None:
    """True when two ensemble credits share a word that names them ("Wiener Philharmoniker",
    "Vienna Philharmonic"), False when both have such words and none is shared ("Orchestre
    de Paris", "Boston Symphony Orchestra"), None when one has none ("Orchestra")."""
    wa, wb = _place_words(a), _place_words(b)
    if not wa or not wb:
        return None
    # "Concertgebouw" inside "Concertgebouworkest", "Warschauer" and "Warsaw": a shared stem
    # is a shared word (a false "same" only keeps a candidate, never drops one).
    return any(x == y or x[:4] == y[:4] or len(x) >= 5 and len(y) >= 5 and (x in y or y in x)
               for x in wa for y in wb)


_SLAVIC_SPELLINGS = (("tsch", "ch"), ("sch", "sh"), ("kh", "ch"), ("ij", "y"), ("w", "v"),
                     ("j", "y"))


def slavic_fold(word: str) -> str:
    """A Russian or Czech name's German, French or English transliteration to one form:
    "Mrawinski" / "Mravinsky", "Rostropowitsch" / "Rostropovich", "Oistrach" / "Oistrakh"."""
    word = fold(word)
    for a, b in _SLAVIC_SPELLINGS:
        word = word.replace(a, b)
    return re.sub(r"(?:ski|skij|skii)$", "sky", re.sub(r"(?:ff|ow)$", "ov", word))


def surname(name: str) -> str:
    """The word to search a person by: the last word of the name ("Herbert von Karajan")."""
    words = re.sub(r"[\W_]+", " ", name).split()
    return words[-1] if words else ""


def distinctive_word(name: str) -> str:
    """The longest word of an ensemble name that is not an ensemble word ("Amadeus")."""
    words = [w for w in re.sub(r"[\W_]+", " ", name).split()
             if fold(w) not in _ENSEMBLE_WORDS and len(w) > 2]
    return max(words, key=len) if words else ""


# Composers who also conducted or played on records: credited, they may be the performer.
_COMPOSER_PERFORMERS = frozenset({"Bernstein", "Britten", "Stravinsky", "Rachmaninoff", "Glass",
                                  "Reich", "Mahler", "Strauss"})


def is_composer_credit(name: str, composer: str | None) -> bool:
    """True when a credited name is a composer of the record rather than a performer."""
    found = composer_of(name)
    if found is None:
        return False
    return found == composer or found not in _COMPOSER_PERFORMERS


def performers(artists: Iterable[str], composer: str | None) -> tuple[list[str], list[str]]:
    """The performers credited: persons (the last credited first: the conductor or the
    accompanist usually closes a Discogs classical credit) and ensembles."""
    persons, ensembles = [], []
    for a in artists:
        if is_composer_credit(a, composer):
            continue
        (ensembles if is_ensemble(a) else persons).append(a)
    return persons[::-1], ensembles


def performer_words(artists: Iterable[str], composer: str | None) -> list[str]:
    """Search words for the performers: surnames of persons, then a word of each ensemble."""
    persons, ensembles = performers(artists, composer)
    words = [surname(a) for a in persons] + [distinctive_word(a) for a in ensembles]
    # Spotify spells performers in Latin letters ("Sviatoslav Richter" for "Святослав Рихтер",
    # which no transliteration scheme reliably gives): Latin-script words first.
    words = sorted(dict.fromkeys(w for w in words if w), key=lambda w: not w.isascii()
                   and not all("LATIN" in unicodedata.name(c, "") for c in w if c.isalpha()))
    return words
