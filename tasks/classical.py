"""Pure parsing of classical titles: composer, work type, numbers, key and catalogue number.

Discogs titles a classical pressing in its own language ("Symphonie Nr. 7 A-dur Op. 92",
"Concerto pour piano n° 2 en sol mineur"); Spotify names the work in English with the composer
in front ("Beethoven: Symphony No. 7 in A Major, Op. 92"). Both sides are parsed into a `Work`
so they can be compared on what identifies a work, and so a search can use words Spotify has.
A small translation table covers the words that matter; anything else is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Surname forms on sleeves (German, French, Russian transliterations) -> Spotify's spelling.
_COMPOSER_FORMS = {
    "bach": "Bach", "beethoven": "Beethoven", "mozart": "Mozart", "haydn": "Haydn",
    "handel": "Handel", "haendel": "Handel", "vivaldi": "Vivaldi", "schubert": "Schubert",
    "schumann": "Schumann", "brahms": "Brahms", "chopin": "Chopin", "liszt": "Liszt",
    "mendelssohn": "Mendelssohn", "mendelssohn bartholdy": "Mendelssohn",
    "tchaikovsky": "Tchaikovsky", "tschaikowsky": "Tchaikovsky", "tchaikowsky": "Tchaikovsky",
    "tschaikowski": "Tchaikovsky", "tchaikovski": "Tchaikovsky", "chaikovsky": "Tchaikovsky",
    "cajkovskij": "Tchaikovsky", "ciaikovski": "Tchaikovsky", "dvorak": "Dvořák",
    "mahler": "Mahler", "bruckner": "Bruckner", "debussy": "Debussy", "ravel": "Ravel",
    "stravinsky": "Stravinsky", "strawinsky": "Stravinsky", "stravinski": "Stravinsky",
    "prokofiev": "Prokofiev", "prokofieff": "Prokofiev", "prokofjew": "Prokofiev",
    "prokofiew": "Prokofiev", "shostakovich": "Shostakovich",
    "schostakowitsch": "Shostakovich", "chostakovitch": "Shostakovich",
    "sjostakovitsj": "Shostakovich", "rachmaninoff": "Rachmaninoff",
    "rachmaninov": "Rachmaninoff", "rachmaninow": "Rachmaninoff", "rakhmaninov": "Rachmaninoff",
    "grieg": "Grieg", "sibelius": "Sibelius", "verdi": "Verdi", "puccini": "Puccini",
    "rossini": "Rossini", "wagner": "Wagner", "strauss": "Strauss", "bizet": "Bizet",
    "berlioz": "Berlioz", "saint saens": "Saint-Saëns", "faure": "Fauré", "elgar": "Elgar",
    "holst": "Holst", "vaughan williams": "Vaughan Williams", "britten": "Britten",
    "bartok": "Bartók", "janacek": "Janáček", "smetana": "Smetana",
    "mussorgsky": "Mussorgsky", "mussorgski": "Mussorgsky", "moussorgsky": "Mussorgsky",
    "mussorgskij": "Mussorgsky", "moussorgski": "Mussorgsky",
    "rimsky korsakov": "Rimsky-Korsakov", "rimski korsakow": "Rimsky-Korsakov",
    "rimsky korsakoff": "Rimsky-Korsakov", "borodin": "Borodin", "telemann": "Telemann",
    "purcell": "Purcell", "monteverdi": "Monteverdi", "pergolesi": "Pergolesi",
    "scarlatti": "Scarlatti", "corelli": "Corelli", "albinoni": "Albinoni",
    "paganini": "Paganini", "satie": "Satie", "gershwin": "Gershwin", "copland": "Copland",
    "orff": "Orff", "part": "Pärt", "palestrina": "Palestrina", "allegri": "Allegri",
    "tallis": "Tallis", "byrd": "Byrd", "buxtehude": "Buxtehude", "rameau": "Rameau",
    "couperin": "Couperin", "lully": "Lully", "boccherini": "Boccherini", "hummel": "Hummel",
    "weber": "Weber", "bruch": "Bruch", "franck": "Franck", "offenbach": "Offenbach",
    "mascagni": "Mascagni", "leoncavallo": "Leoncavallo", "donizetti": "Donizetti",
    "bellini": "Bellini", "massenet": "Massenet", "gounod": "Gounod", "poulenc": "Poulenc",
    "messiaen": "Messiaen", "hindemith": "Hindemith", "schoenberg": "Schoenberg",
    "schonberg": "Schoenberg", "webern": "Webern", "korngold": "Korngold",
    "glazunov": "Glazunov", "glasunow": "Glazunov", "glinka": "Glinka", "scriabin": "Scriabin",
    "skrjabin": "Scriabin", "khachaturian": "Khachaturian", "chatschaturjan": "Khachaturian",
    "respighi": "Respighi", "albeniz": "Albéniz", "granados": "Granados", "falla": "Falla",
    "rodrigo": "Rodrigo", "villa lobos": "Villa-Lobos", "pachelbel": "Pachelbel",
    "gluck": "Gluck", "nielsen": "Nielsen", "reger": "Reger", "zelenka": "Zelenka",
    "biber": "Biber", "gesualdo": "Gesualdo", "ligeti": "Ligeti", "penderecki": "Penderecki",
    "gorecki": "Górecki", "arvo part": "Pärt", "chausson": "Chausson", "lalo": "Lalo",
    "delius": "Delius", "walton": "Walton", "tippett": "Tippett", "ives": "Ives",
    "barber": "Barber", "bernstein": "Bernstein", "glass": "Glass", "reich": "Reich",
    # Melodiya pressings credit composers in Cyrillic.
    "рахманинов": "Rachmaninoff", "чаиковскии": "Tchaikovsky", "шостакович": "Shostakovich",
    "прокофьев": "Prokofiev", "мусоргскии": "Mussorgsky", "стравинскии": "Stravinsky",
    "римскии корсаков": "Rimsky-Korsakov", "бородин": "Borodin", "глинка": "Glinka",
    "скрябин": "Scriabin", "хачатурян": "Khachaturian", "глазунов": "Glazunov",
    "бетховен": "Beethoven", "моцарт": "Mozart", "бах": "Bach", "шопен": "Chopin",
}
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
    "orkestr orchestr orkiestra оркестр хор ансамбль квартет капелла"
)
_ENSEMBLE_WORDS = frozenset(_ENSEMBLE_TEXT.split())

_KEY_NOTES = {"c": "c", "d": "d", "e": "e", "f": "f", "g": "g", "a": "a", "h": "b", "b": "b flat"}
_SOLFEGE = {"do": "c", "ut": "c", "re": "d", "mi": "e", "fa": "f", "sol": "g", "la": "a",
            "si": "b"}
_ACCIDENTALS = {"diese": "sharp", "diesis": "sharp", "sostenido": "sharp", "bemol": "flat",
                "bemolle": "flat", "sharp": "sharp", "flat": "flat"}
_MODES = {"dur": "major", "moll": "minor", "majeur": "major", "mineur": "minor",
          "maggiore": "major", "minore": "minor", "mayor": "major", "menor": "minor",
          "major": "major", "minor": "minor"}

# Work words (accents folded, lower case) -> English work type. Compounds first.
_WORK_WORDS: tuple[tuple[str, str], ...] = (
    (r"klavierkonzert(?:e|s)?", "piano concerto"), (r"violinkonzert(?:e|s)?", "violin concerto"),
    (r"(?:violon)?cellokonzert(?:e|s)?", "cello concerto"), (r"hornkonzert(?:e)?", "horn concerto"),
    (r"klarinettenkonzert(?:e)?", "clarinet concerto"), (r"flotenkonzert(?:e)?", "flute concerto"),
    (r"oboenkonzert(?:e)?", "oboe concerto"), (r"trompetenkonzert(?:e)?", "trumpet concerto"),
    (r"doppelkonzert", "double concerto"), (r"tripelkonzert", "triple concerto"),
    (r"streichquartett(?:e)?", "string quartet"), (r"streichquintett(?:e)?", "string quintet"),
    (r"streichtrio", "string trio"),
    (r"klavierquartett(?:e)?", "piano quartet"), (r"klavierquintett(?:e)?", "piano quintet"),
    (r"klaviertrio(?:s)?", "piano trio"), (r"klaviersonate(?:n)?", "piano sonata"),
    (r"violinsonate(?:n)?", "violin sonata"), (r"cellosonate(?:n)?", "cello sonata"),
    (r"brandenburgische(?:n)? konzerte?", "brandenburg concerto"),
    (r"matthaus ?passion", "st matthew passion"), (r"johannes ?passion", "st john passion"),
    (r"weihnachtsoratorium|christmas oratorio", "christmas oratorio"),
    (r"goldberg ?variation(?:en|s)|variations goldberg", "goldberg variations"),
    # Works and nicknames known by name, in the languages sleeves use.
    (r"mein vaterland|ma vlast|my country|my fatherland", "ma vlast"),
    (r"glagolska mse|glagolitic mass|glagolitische messe|messe glagolitique", "glagolitic mass"),
    (r"(?:le )?sacre du printemps|fruhlingsopfer|rite of spring|sagra della primavera",
     "rite of spring"),
    (r"petr(?:u|ou)(?:s|sh|sch|ch)ka", "petrushka"),
    (r"peter (?:and|und) (?:the |der )?wolf|pierre et le loup|pierino e il lupo",
     "peter and the wolf"),
    (r"aus der neuen welt|from the new world|du nouveau monde|dal nuovo mondo|new world",
     "new world"),
    (r"unvollendete|unfinished|inachevee|incompiuta", "unfinished"),
    (r"mondschein|moonlight|clair de lune sonata|al chiaro di luna", "moonlight"),
    (r"pathetique|patetica", "pathetique"), (r"appassionata", "appassionata"),
    (r"waldstein", "waldstein"), (r"kreutzer", "kreutzer"), (r"eroica|heroique", "eroica"),
    (r"pastorale?|pastoral", "pastoral"), (r"jupiter", "jupiter"),
    (r"der tod und das madchen|death and the maiden|la jeune fille et la mort", "death and "
     "the maiden"),
    (r"forellenquintett|forelle|trout|la truite", "trout"),
    (r"auferstehung|resurrection", "resurrection"), (r"titan", "titan"),
    (r"tragische|tragic|tragique", "tragic"), (r"rheinische|rhenish", "rhenish"),
    (r"italienische|italian|italienne", "italian"), (r"schottische|scottish|ecossaise",
                                                    "scottish"),
    (r"kaiserkonzert|emperor|empereur", "emperor"), (r"fruhlingssonate|spring sonata", "spring"),
    (r"rokoko ?variationen|rococo variations|variations rococo|variations on a rococo theme",
     "rococo variations"),
    (r"die zauberflote|the magic flute|la flute enchantee|il flauto magico|zauberflote|"
     r"magic flute", "magic flute"),
    (r"(?:die )?winterreise|winter journey", "winterreise"),
    (r"carmina burana", "carmina burana"), (r"(?:die |the )?planeten|the planets|les planetes",
                                            "planets"),
    (r"bilder einer ausstellung|pictures at an exhibition|tableaux d une exposition",
     "pictures at an exhibition"),
    (r"scheherazade|sheherazade|sheherazade", "scheherazade"),
    (r"wohltemperierte(?:s)? klavier|well tempered clavier|clavier bien tempere",
     "well tempered clavier"),
    (r"(?:die )?vier jahreszeiten|(?:les )?quatre saisons|(?:le )?quattro stagioni|"
     r"(?:las )?cuatro estaciones", "four seasons"),
    (r"symphonie(?:n|s)?|sinfonie(?:n)?|symphon(?:y|ies)|sinfonia|symfoni(?:e|a)?|"
     r"symphonia", "symphony"),
    (r"konzert(?:e)?|concert(?:o|os|i)?", "concerto"),
    (r"streichquartett|quatuors? a cordes|quartett(?:o|i) per archi|string quartets?",
     "string quartet"),
    (r"quartett(?:e)?|quatuors?|quartett(?:o|i)|quartets?", "quartet"),
    (r"sonate(?:n|s)?|sonat(?:a|as|e)", "sonata"),
    (r"messe|missa|mass|messa", "mass"), (r"requiem", "requiem"),
    (r"ouverture(?:n|s)?|overtures?", "overture"), (r"suite(?:n|s)?", "suite"),
    (r"симфони[яиюей]", "symphony"), (r"концерт(?:ы|а)?", "concerto"),
    (r"соната|сонаты", "sonata"), (r"квартет", "quartet"),
    (r"kantate(?:n)?|cantat(?:a|as|e)", "cantata"), (r"oratorium|oratorio", "oratorio"),
    (r"variationen|variations|variazioni", "variations"),
    (r"praludien|preludes|preludi", "preludes"), (r"etuden|etudes|studi", "etudes"),
    (r"nocturnes?|notturni", "nocturnes"), (r"walzer|valses|waltzes", "waltzes"),
)
GENERIC_TYPES = frozenset({
    "symphony", "concerto", "quartet", "string quartet", "string quintet", "string trio",
    "piano quartet", "piano quintet", "piano trio", "sonata", "mass", "overture", "suite",
    "cantata", "oratorio", "variations", "preludes", "etudes", "nocturnes", "waltzes",
    *(f"{i} {kind}" for i in ("piano", "violin", "cello", "horn", "clarinet", "flute", "oboe",
                              "trumpet", "double", "triple") for kind in ("concerto", "sonata",
                                                                          "suite")),
})
_INSTRUMENT_WORDS = {"klavier": "piano", "piano": "piano", "pianoforte": "piano",
                     "violon": "violin", "violino": "violin", "violine": "violin",
                     "violin": "violin", "violoncelle": "cello", "violoncello": "cello",
                     "cello": "cello", "cor": "horn", "corno": "horn", "horn": "horn",
                     "clarinette": "clarinet", "clarinetto": "clarinet", "klarinette": "clarinet",
                     "flute": "flute", "flauto": "flute", "flote": "flute",
                     "trumpet": "trumpet", "trompete": "trumpet", "trompette": "trumpet",
                     "tromba": "trumpet", "фортепиано": "piano", "скрипки": "violin",
                     "виолончели": "cello"}
_INSTRUMENT_NAMES = frozenset(_INSTRUMENT_WORDS.values()) | {"string", "oboe"}
_WORK_RE = re.compile(r"\b(?:" + "|".join(f"(?P<w{i}>{rx})" for i, (rx, _) in
                                           enumerate(_WORK_WORDS)) + r")\b")
_SOLO_RE = re.compile(
    r"\b(?:pour|per|fur|for|para|для)\s+(?:(?:le|la|il|das|die|the)\s+)?(\w+)")

_NUMBER_RE = re.compile(
    r"(?:\b(?:nr|nrn|nos?|n|num|numero|nummer)\.?|[°º№])\s*(\d+)"
    r"((?:\s*(?:,|&|\+|-|and|und|et|e|y)\s*(?:(?:nr|no|n)\.?\s*)?\d+)*)")
_ORDINAL_RE = re.compile(r"\b(\d{1,2})\.\s*(?=[a-z])")
_CATALOGUE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Op. 27 No. 2": the work is Op. 27's second; the sub-number is not the work's number.
    ("op", re.compile(r"\bop(?:us)?\.?\s*(\d+[a-z]?)\b(?:,?\s*(?:nos?|nr|n)\.?\s*\d+)?")),
    ("bwv", re.compile(r"\bbwv\.?\s*(\d+[a-z]?)\b")),
    ("k", re.compile(r"\bk(?:v|\.v\.)?\.?\s*(\d+[a-z]?)\b")),
    ("d", re.compile(r"\bd\.?\s+(\d{1,3}[a-z]?)\b|\bd\.(\d{1,3}[a-z]?)\b")),
    ("hob", re.compile(r"\bhob\.?\s*([ivxl]+[a-z]?\s*:\s*\d+)")),
    ("rv", re.compile(r"\brv\.?\s*(\d+[a-z]?)\b")),
    ("s", re.compile(r"\bs\.\s*(\d{1,3}[a-z]?)\b")),
    ("hwv", re.compile(r"\bhwv\.?\s*(\d+[a-z]?)\b")),
    ("woo", re.compile(r"\bwoo\.?\s*(\d+)\b")),
)
_GERMAN_KEY_RE = re.compile(r"\b([a-h])(is|es|s)?[\s-](dur|moll)\b")
_ENGLISH_KEY_RE = re.compile(r"\b([a-g])(?:[\s-](flat|sharp))?[\s-](major|minor)\b")
_ROMANCE_KEY_RE = re.compile(
    r"\b(do|ut|re|mi|fa|sol|la|si)(?:\s+(diese|diesis|sostenido|bemol|bemolle))?\s+"
    r"(majeur|mineur|maggiore|minore|mayor|menor)\b")


@dataclass(frozen=True)
class Work:
    """What identifies a classical work in a title (any field may be empty)."""

    composer: str | None = None
    types: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    key: str | None = None  # "a major", "e flat minor"
    catalogue: frozenset[tuple[str, str]] = frozenset()  # {("op", "92")}

    @property
    def identified(self) -> bool:
        """True when the title names a work (a type with a number, or a catalogue number)."""
        return bool(self.catalogue) or bool(self.types and (self.numbers or self.key)) or bool(
            self.named)

    @property
    def named(self) -> frozenset[str]:
        """Works and nicknames known by name ("four seasons", "moonlight", "requiem")."""
        return frozenset(t for t in self.types if t not in GENERIC_TYPES)

    def search_words(self) -> str:
        """Words of the work for an album filter that survive Spotify's plurals ("Piano
        Concertos", "Symphonies Nos. 5 & 7"): the instrument and the number ("Piano 4", "7"),
        else the work's name ("Rite Of Spring"); "" when nothing safe is left."""
        instruments = sorted({t.split()[0] for t in self.types if t in GENERIC_TYPES
                              and len(t.split()) == 2 and t.split()[0] in _INSTRUMENT_NAMES})
        instrument = instruments[0].title() if len(instruments) == 1 else ""
        if self.numbers:
            number = min(self.numbers, key=lambda n: int(n))
            return f"{instrument} {number}".strip()
        if self.named:
            return sorted(self.named, key=lambda n: (-len(n), n))[0].title()
        return instrument

    def catalogue_words(self) -> str:
        """The catalogue number as Spotify writes it, notation-proof: "92", "1007", "550"."""
        if not self.catalogue:
            return ""
        kind, number = sorted(self.catalogue)[0]
        return number.replace(":", " ") if kind == "hob" else number


def fold(text: str) -> str:
    """Lower case, accents off, for parsing (punctuation kept: "Op. 92", "K.550")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return text.replace("ß", "ss").replace("ø", "o").replace("æ", "ae")


def _words(text: str) -> list[str]:
    return re.sub(r"[\W_]+", " ", fold(text)).split()


@lru_cache(maxsize=1 << 14)
def composer_of(name: str) -> str | None:
    """Spotify's spelling of the composer a credited name is, else None."""
    words = _words(name)
    if not words:
        return None
    for n in (2, 1):
        if len(words) >= n:
            found = _COMPOSER_FORMS.get(" ".join(words[-n:]))
            if found:
                return found
    joined = " ".join(words)
    return _COMPOSER_FORMS.get(joined)


def is_ensemble(name: str) -> bool:
    """True for an orchestra, choir or chamber group, by its words."""
    return any(w in _ENSEMBLE_WORDS or w.endswith(("orchester", "chor", "quartett"))
               for w in _words(name))


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
_GROUP_RE = re.compile(r"quartet|quatuor|trio|quintet|sextet|octet|ensemble|consort|квартет")


def ensemble_kind(name: str) -> str:
    """"choir", "group" (a quartet, a trio, an early-music ensemble) or "orchestra"."""
    folded = " ".join(_words(name))
    if _CHOIR_RE.search(folded):
        return "choir"
    return "group" if _GROUP_RE.search(folded) else "orchestra"


def _place_words(name: str) -> set[str]:
    words = (_PLACE_FORMS.get(w, w) for w in _words(transliterate(name)))
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


def surname(name: str) -> str:
    """The word to search a person by: the last word of the name ("Herbert von Karajan")."""
    words = re.sub(r"[\W_]+", " ", name).split()
    return words[-1] if words else ""


def distinctive_word(name: str) -> str:
    """The longest word of an ensemble name that is not an ensemble word ("Amadeus")."""
    words = [w for w in re.sub(r"[\W_]+", " ", name).split()
             if fold(w) not in _ENSEMBLE_WORDS and len(w) > 2]
    return max(words, key=len) if words else ""


def _key(text: str) -> str | None:
    m = _ROMANCE_KEY_RE.search(text)
    if m:
        note = _SOLFEGE[m.group(1)]
        acc = _ACCIDENTALS.get(m.group(2) or "", "")
        return " ".join(x for x in (note, acc, _MODES[m.group(3)]) if x)
    m = _GERMAN_KEY_RE.search(text)
    if m:
        note = _KEY_NOTES[m.group(1)]
        if m.group(2) == "is":
            note = f"{note} sharp"
        elif m.group(2) in ("es", "s"):
            note = f"{note} flat"
        return f"{note} {_MODES[m.group(3)]}"
    m = _ENGLISH_KEY_RE.search(text)
    if m:
        return " ".join(x for x in (m.group(1), m.group(2), m.group(3)) if x)
    return None


@lru_cache(maxsize=1 << 15)
def parse_work(title: str, artists: tuple[str, ...] = ()) -> Work:
    """The work a title names; the composer from the "Composer:" prefix or the credits."""
    composer = None
    head, sep, _ = title.partition(":")
    if sep:
        composer = composer_of(head)
    if composer is None:
        for a in artists:
            composer = composer_of(a)
            if composer:
                break
    text = fold(title)
    catalogue = set()
    for kind, rx in _CATALOGUE_RES:
        for m in rx.finditer(text):
            value = next(g for g in m.groups() if g)
            catalogue.add((kind, re.sub(r"\s+", "", value)))
    # Keys and catalogue numbers out of the way, then numbers ("No. 5 & 7") and work words.
    rest = _GERMAN_KEY_RE.sub(" ", text)
    for _, rx in _CATALOGUE_RES:
        rest = rx.sub(" ", rest)
    rest = rest.replace("-", " ")  # "Rokoko-Variationen", "Matthäus-Passion"
    numbers = set()
    for m in _NUMBER_RE.finditer(rest):
        numbers.add(m.group(1).lstrip("0") or "0")
        numbers.update(n.lstrip("0") or "0" for n in re.findall(r"\d+", m.group(2) or ""))
    types = set()
    for m in _WORK_RE.finditer(rest):
        kind = next(_WORK_WORDS[int(k[1:])][1] for k, v in m.groupdict().items() if v)
        if kind == "concerto":
            solo = _SOLO_RE.search(rest, m.end(), m.end() + 30)
            if solo and solo.group(1) in _INSTRUMENT_WORDS:
                kind = f"{_INSTRUMENT_WORDS[solo.group(1)]} concerto"
            else:
                before = rest[max(0, m.start() - 12):m.start()].split()
                if before and before[-1] in _INSTRUMENT_WORDS:
                    kind = f"{_INSTRUMENT_WORDS[before[-1]]} concerto"
        elif kind in ("sonata", "suite"):
            solo = _SOLO_RE.search(rest, m.end(), m.end() + 30)
            before = rest[max(0, m.start() - 12):m.start()].split()
            if solo and solo.group(1) in _INSTRUMENT_WORDS:
                kind = f"{_INSTRUMENT_WORDS[solo.group(1)]} {kind}"
            elif before and before[-1] in _INSTRUMENT_WORDS:
                kind = f"{_INSTRUMENT_WORDS[before[-1]]} {kind}"
        elif kind == "quartet" and re.search(r"\b(?:string|cordes|archi|streich)", rest):
            kind = "string quartet"
        types.add(kind)
        if not numbers:
            after = re.match(r"\s*(\d{1,2})\b(?!\s*(?:\.\d|:))", rest[m.end():])
            if after:
                numbers.add(after.group(1))
    if types and not numbers:
        for m in _ORDINAL_RE.finditer(rest):  # German "7. Sinfonie"
            numbers.add(m.group(1))
    return Work(composer, frozenset(types), frozenset(numbers), _key(text),
                frozenset(catalogue))


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
    return list(dict.fromkeys(w for w in words if w))


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
    return "".join(_CYRILLIC.get(c, _GREEK.get(c, c)) for c in unicodedata.normalize("NFC", folded))


def work_agreement(owned: Work, candidate: Work) -> float | None:
    """How surely two titles name the same work(s): 1 same, ~0.1 different, None unknown.

    Catalogue numbers decide first, then work numbers within a work type, then works known by
    name ("Má vlast", "Moonlight"); a key or a work type that differs rules a match out.
    0.65-0.7 means one album holds the other's work and more (a coupling).
    """
    def kinds(w: Work) -> set[str]:
        return {k for k, _ in w.catalogue}

    shared = kinds(owned) & kinds(candidate)
    named_owned, named_cand = owned.named, candidate.named
    if shared:
        mine = {c for c in owned.catalogue if c[0] in shared}
        theirs = {c for c in candidate.catalogue if c[0] in shared}
        if mine == theirs:
            score = 1.0
        elif mine & theirs:
            score = 0.7  # one album holds a work more than the other
        else:
            return 0.1
    elif owned.numbers and candidate.numbers and _same_family(owned, candidate):
        if owned.numbers == candidate.numbers:
            score = 0.95
        elif owned.numbers & candidate.numbers:
            score = 0.65
        else:
            return 0.1
    elif named_owned and named_cand:
        if named_owned == named_cand:
            score = 0.95
        elif named_owned & named_cand:
            score = 0.65
        else:
            return 0.15
    elif owned.types and candidate.types and not owned.numbers and not owned.catalogue and (
        owned.types <= candidate.types or candidate.types <= owned.types
    ):
        # "Requiem" / "Requiem in D Minor, K. 626": the type is all the sleeve says.
        score = 0.85
    elif owned.types and candidate.types and not _same_family(owned, candidate):
        return 0.2
    else:
        return None
    if owned.key and candidate.key and owned.key != candidate.key:
        return 0.1
    if owned.types and candidate.types and not _same_family(owned, candidate):
        score = min(score, 0.5)
    return score


def _same_family(a: Work, b: Work) -> bool:
    """Work types agree when one is unknown or they share a word ("concerto")."""
    if not a.types or not b.types:
        return True
    words_a = {w for t in a.types for w in t.split()}
    words_b = {w for t in b.types for w in t.split()}
    return bool(a.types & b.types) or bool(words_a & words_b - {"st"})
