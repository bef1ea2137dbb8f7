"""Build classical.json: classical releases as Discogs lists them, Spotify's side as Spotify does.

Run from anywhere: `python tests/data/match_set/build_classical.py`. Each `S.add` is one owned
Discogs release (the pipeline's album record) with the Spotify albums a search could bring up:
`ok` are the correct links (the same recording and its reissues by the same performers), the
decoys are other recordings of the work (other performers; the same conductor's other cycles,
told apart by year), compilations, the composer's other works and lullaby/karaoke junk. An empty
`ok` means that recording is not on Spotify.
"""

from __future__ import annotations

from pathlib import Path

from set_builder import MatchSet, release, sp

ABOUT = (
    "Classical releases for the Spotify matcher: real Discogs releases (artist credits as the "
    "API gives them, or as the CSV export gives them with the ANV, e.g. 'Beethoven' for "
    "'Ludwig van Beethoven'; titles in the pressing's language: German DG/Archiv/Eterna, French "
    "Erato/Harmonia Mundi/Pathé, Italian, Czech Supraphon, Russian Melodiya in Cyrillic, "
    "English Decca/EMI/CBS/RCA). Catalogue numbers, years and track counts are from the "
    "author's knowledge of the releases and may be off in a few places; the recordings, "
    "performers and works are real. The Spotify side is Spotify's naming style (composer "
    "first, English work names, composer + soloists + orchestra + conductor as artists); its "
    "ids are synthetic (tasks.fake_apis.spotify_id), popularity and dates are plausible "
    "values; two catalogue items are old-style (no release_date or total_tracks), as some "
    "real answers are. 'acceptable' is set by what the records are (the same recording and its "
    "reissues/remasters by the same performers; a coupling reissue or the performers' own "
    "cycle set that carries the same recording counts, an anthology of several artists does "
    "not), never by what a matcher scores; [] means the recording is, to the "
    "author's knowledge, not on Spotify. Built by build_classical.py."
)

S = MatchSet("cl", "classical", ABOUT)
r = release

# Spotify artist names
BEE, MOZ, BACH, VIV = ("Ludwig van Beethoven", "Wolfgang Amadeus Mozart",
                       "Johann Sebastian Bach", "Antonio Vivaldi")
MAH, BRA, TCH = "Gustav Mahler", "Johannes Brahms", "Pyotr Ilyich Tchaikovsky"
DVO = "Antonín Dvořák"
SCHU, HAY, HAN, CHO = "Franz Schubert", "Joseph Haydn", "George Frideric Handel", "Frédéric Chopin"
BPO, VPO, KAR = "Berliner Philharmoniker", "Wiener Philharmoniker", "Herbert von Karajan"
LEN, NYP = "Leonard Bernstein", "New York Philharmonic"
KLE = "Carlos Kleiber"
LULL = "Baby Lullaby Academy"

# ---------------------------------------------------------------- Beethoven
KL57 = sp("Beethoven: Symphonies Nos. 5 & 7", f"{BEE}; {VPO}; {KLE}", "1995-01-01", 8, 64)
KL7_LIVE = sp("Beethoven: Symphony No. 7 in A Major, Op. 92 (Live)",
              f"{BEE}; Bayerisches Staatsorchester; {KLE}", "2006-01-01", 4, 33)
KL4_LIVE = sp("Beethoven: Symphony No. 4 in B-Flat Major, Op. 60 (Live)",
              f"{BEE}; Bayerisches Staatsorchester; {KLE}", "1984-01-01", 4, 30)
K62_5 = sp("Beethoven: Symphony No. 5 in C Minor, Op. 67", f"{BEE}; {BPO}; {KAR}",
           "1962-01-01", 4, 45)
K62_7 = sp("Beethoven: Symphony No. 7 in A Major, Op. 92", f"{BEE}; {BPO}; {KAR}",
           "1962-01-01", 4, 41)
K77_5 = sp("Beethoven: Symphony No. 5 in C Minor, Op. 67", f"{BEE}; {BPO}; {KAR}",
           "1977-01-01", 4, 37)
K77_7 = sp("Beethoven: Symphony No. 7 in A Major, Op. 92", f"{BEE}; {BPO}; {KAR}",
           "1977-01-01", 4, 34)
K62_9 = sp('Beethoven: Symphony No. 9 in D Minor, Op. 125 "Choral"',
           f"{BEE}; Gundula Janowitz; Hilde Rössel-Majdan; Waldemar Kmentt; Walter Berry; "
           f"Wiener Singverein; {BPO}; {KAR}", "1962-01-01", 4, 48)
K77_9 = sp('Beethoven: Symphony No. 9 in D Minor, Op. 125 "Choral"',
           f"{BEE}; Anna Tomowa-Sintow; Agnes Baltsa; Peter Schreier; José van Dam; "
           f"Wiener Singverein; {BPO}; {KAR}", "1977-01-01", 4, 36)
K84_9 = sp('Beethoven: Symphony No. 9 in D Minor, Op. 125 "Choral"',
           f"{BEE}; Janet Perry; Agnes Baltsa; Vinson Cole; José van Dam; Wiener Singverein; "
           f"{BPO}; {KAR}", "1984-01-01", 4, 35)
K84_9G = sp("Beethoven: Symphony No. 9 - Karajan Gold",
            f"{BEE}; Janet Perry; Agnes Baltsa; Vinson Cole; José van Dam; Wiener Singverein; "
            f"{BPO}; {KAR}", "1994-01-01", 4, 27)
K_9SYM = sp("Beethoven: The 9 Symphonies", f"{BEE}; {BPO}; {KAR}", "1963-01-01", 37, 52)
LEN_7 = sp("Beethoven: Symphony No. 7 (Live)", f"{BEE}; {VPO}; {LEN}", "1979-01-01", 4, 31)
LEN_9_1989 = sp("Ode to Freedom - Beethoven: Symphony No. 9 (Live)",
                f"{BEE}; June Anderson; Sarah Walker; Klaus König; Jan-Hendrik Rootering; "
                f"Bavarian Radio Chorus; Symphonieorchester des Bayerischen Rundfunks; {LEN}",
                "1990-01-01", 4, 46)
BOHM_7 = sp("Beethoven: Symphonies Nos. 7 & 8", f"{BEE}; {VPO}; Karl Böhm", "1972-01-01", 8, 24)
ABB_579 = sp("Beethoven: Symphonies Nos. 5 & 7", f"{BEE}; {BPO}; Claudio Abbado",
             "2000-01-01", 8, 32)
HARN_57 = sp("Beethoven: Symphonies Nos. 5 & 7",
             f"{BEE}; Chamber Orchestra of Europe; Nikolaus Harnoncourt", "1991-01-01", 8, 22)
FURT_9_51 = sp('Beethoven: Symphony No. 9 "Choral" (Bayreuth 1951)',
               f"{BEE}; Elisabeth Schwarzkopf; Elisabeth Höngen; Hans Hopf; Otto Edelmann; "
               "Chor der Bayreuther Festspiele; Orchester der Bayreuther Festspiele; "
               "Wilhelm Furtwängler", "1955-01-01", 4, 40)
FURT_9_51R = sp('Beethoven: Symphony No. 9 "Choral" (Remastered 2010)',
                f"{BEE}; Elisabeth Schwarzkopf; Elisabeth Höngen; Hans Hopf; Otto Edelmann; "
                "Chor der Bayreuther Festspiele; Orchester der Bayreuther Festspiele; "
                "Wilhelm Furtwängler", "2010-03-01", 4, 28)
FURT_9_42 = sp("Beethoven: Symphony No. 9 (Berlin 1942)",
               f"{BEE}; {BPO}; Wilhelm Furtwängler", "2012-01-01", 4, 25)
FURT_9_54 = sp("Beethoven: Symphony No. 9 (Lucerne 1954)",
               f"{BEE}; Philharmonia Orchestra; Wilhelm Furtwängler", "2004-01-01", 4, 23)
BEST_BEE = sp("Best of Beethoven", BEE, "2012-03-01", 20, 54, "compilation")
BEE_100 = sp("100 Best Beethoven", f"{BEE}; Various Artists", None, None, 38,
             "compilation")
BABY_BEE = sp("Baby Beethoven: Lullaby Renditions of Beethoven", LULL, "2016-05-06", 14, 26)
MOON_BABY = sp("Moonlight Sonata (Lullaby Version)", LULL, "2019-02-01", 1, 22, "single")

S.add("german_title coupling several_recordings ANV_composer",
      "DG Originals coupling; Kleiber's live Orfeo 7th and other conductors' 5 & 7 are decoys",
      r(["Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"], "Symphonien Nr. 5 & 7",
        1995, 1995, 8, "CD, Comp, RM", "Deutsche Grammophon", "447 400-2", "Classical"),
      [KL57], [KL7_LIVE, ABB_579, HARN_57, K77_5, BEST_BEE, BABY_BEE])
S.add("german_title catalogue_number several_recordings",
      "the original 7th LP; Spotify only has the Originals coupling with the 5th (same "
      "recording); Kleiber's 1982 Munich live 7th is another recording",
      r(["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
        "Symphonie Nr. 7 A-dur Op. 92", 1976, 1976, 4, "LP, Album", "Deutsche Grammophon",
        "2530 706", "Classical"),
      [KL57], [KL7_LIVE, K62_7, K77_7, LEN_7, BOHM_7, BEST_BEE])
S.add("german_title catalogue_number several_recordings",
      "the original 5th LP; only the coupling with the 7th carries this recording",
      r(["Ludwig van Beethoven", "Wiener Philharmoniker", "Carlos Kleiber"],
        "Symphonie Nr. 5 C-moll Op. 67", 1975, 1975, 4, "LP, Album", "Deutsche Grammophon",
        "2530 516", "Classical"),
      [KL57], [K62_5, K77_5, ABB_579, KL4_LIVE, BEE_100, BABY_BEE])
S.add("german_title several_recordings same_conductor year_decides",
      "Karajan's 1962 cycle (the single album and the 1963 cycle set carry it); the 1977 "
      "recording has the very same Spotify name and artists",
      r(["Ludwig van Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Symphonie Nr. 7 A-dur Op. 92", 1962, 1962, 4, "LP, Album, Stereo",
        "Deutsche Grammophon", "SLPM 138 806", "Classical"),
      [K62_7, K_9SYM], [K77_7, KL57, LEN_7, BOHM_7, BEST_BEE])
S.add("german_title several_recordings same_conductor year_decides",
      "Karajan's 1977 cycle; the 1962 recording has the same name and artists",
      r(["Ludwig van Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Symphonie Nr. 7 A-dur Op. 92", 1977, 1977, 4, "LP, Album", "Deutsche Grammophon",
        "2531 107", "Classical"),
      [K77_7], [K62_7, K_9SYM, KL57, KL7_LIVE, BEE_100])
S.add("german_title several_recordings same_conductor year_decides",
      "Karajan 1962 5th (also in the 1963 cycle set); 1977 is a same-name decoy",
      r(["Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Symphonie Nr. 5 C-moll Op. 67", 1962, 1962, 4, "LP, Album, Stereo",
        "Deutsche Grammophon", "SLPM 138 804", "Classical"),
      [K62_5, K_9SYM], [K77_5, KL57, ABB_579, BEST_BEE, BABY_BEE])
S.add("german_title several_recordings same_conductor year_decides",
      "Karajan 1977 5th; 1962 is a same-name decoy",
      r(["Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Symphonie Nr. 5 C-moll Op. 67", 1977, 1977, 4, "LP, Album", "Deutsche Grammophon",
        "2531 105", "Classical"),
      [K77_5], [K62_5, KL57, HARN_57, BEE_100])
S.add("german_title several_recordings same_conductor year_decides opera_sacred_many_artists",
      "Karajan's digital 9th (1984) and its Karajan Gold remaster; the 1962 and 1977 Ninths "
      "are decoys with the same name",
      r(["Ludwig van Beethoven", "Janet Perry", "Agnes Baltsa", "Vinson Cole", "José van Dam",
         "Wiener Singverein", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Symphonie Nr. 9", 1984, 1984, 4, "CD, Album", "Deutsche Grammophon", "410 987-2",
        "Classical"),
      [K84_9, K84_9G], [K62_9, K77_9, LEN_9_1989, FURT_9_51, BEST_BEE])
S.add("german_title several_recordings same_conductor year_decides",
      "Karajan 1962 Ninth on a 1960s German pressing (also in the 1963 cycle set)",
      r(["Ludwig van Beethoven", "Gundula Janowitz", "Hilde Rössel-Majdan", "Waldemar Kmentt",
         "Walter Berry", "Wiener Singverein", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Symphonie Nr. 9 D-moll Op. 125", 1963, 1962, 4, "LP, Album, Stereo",
        "Deutsche Grammophon", "SLPM 138 807", "Classical"),
      [K62_9, K_9SYM], [K77_9, K84_9, K84_9G, FURT_9_51, LEN_9_1989])
S.add("english_title several_recordings same_conductor historical",
      "Furtwängler's Bayreuth 1951 Ninth (and its 2010 remaster); his 1942 and 1954 Ninths "
      "are other recordings",
      r(["Beethoven", "Elisabeth Schwarzkopf", "Elisabeth Höngen", "Hans Hopf", "Otto Edelmann",
         "Bayreuth Festival Orchestra", "Wilhelm Furtwängler"],
        'Symphony No. 9 In D Minor, Op. 125 "Choral"', 1984, 1955, 5, "CD, Album, RE, Mono",
        "EMI", "CDH 7 69801 2", "Classical"),
      [FURT_9_51, FURT_9_51R], [FURT_9_42, FURT_9_54, K62_9, LEN_9_1989, BEST_BEE])
S.add("french_title several_recordings same_conductor historical",
      "French Pathé pressing of the Bayreuth 1951 Ninth",
      r(["Beethoven", "Wilhelm Furtwängler", "Orchestre Du Festival De Bayreuth"],
        "Symphonie N° 9 En Ré Mineur Op. 125", 1955, 1955, 4, "2xLP, Album, Mono",
        "La Voix De Son Maître", "FALP 381/382", "Classical"),
      [FURT_9_51, FURT_9_51R], [FURT_9_42, FURT_9_54, K84_9, K77_9, BEE_100])
S.add("english_title several_recordings live performer_first",
      "Bernstein's Berlin 1989 'Ode to Freedom' Ninth; his other Ninths and Karajan's are not it",
      r(["Leonard Bernstein", "Ludwig van Beethoven"],
        "Ode To Freedom - Beethoven: Symphony No. 9", 1990, 1990, 4, "CD, Album",
        "Deutsche Grammophon", "429 861-2", "Classical"),
      [LEN_9_1989], [K62_9, K84_9, FURT_9_51, LEN_7, BEST_BEE])

# Beethoven concertos, sonatas
KEM_P = f"{BEE}; Wilhelm Kempff; {BPO}; Ferdinand Leitner"
KEM5 = sp('Beethoven: Piano Concerto No. 5 in E-Flat Major, Op. 73 "Emperor"', KEM_P,
          "1962-01-01", 3, 33)
KEM4 = sp("Beethoven: Piano Concerto No. 4 in G Major, Op. 58", KEM_P, "1962-01-01", 3, 26)
KEM45 = sp("Beethoven: Piano Concertos Nos. 4 & 5", KEM_P, "1996-01-01", 6, 29)
KEM5_53 = sp('Beethoven: Piano Concerto No. 5 "Emperor" (Mono)',
             f"{BEE}; Wilhelm Kempff; {BPO}; Paul van Kempen", "1953", 3, 14)
POL5 = sp('Beethoven: Piano Concerto No. 5 "Emperor"', f"{BEE}; Maurizio Pollini; {VPO}; Karl Böhm",
          "1979-01-01", 3, 27)
ARR5 = sp('Beethoven: Piano Concerto No. 5 in E-Flat Major, Op. 73 "Emperor"',
          f"{BEE}; Claudio Arrau; Staatskapelle Dresden; Colin Davis", "1985-01-01", 3, 21)
GIL45 = sp("Beethoven: Piano Concertos Nos. 4 & 5",
           f"{BEE}; Emil Gilels; The Cleveland Orchestra; George Szell", "1968-01-01", 6, 25)
ZIM_LEN4 = sp("Beethoven: Piano Concertos Nos. 3 & 4",
              f"{BEE}; Krystian Zimerman; {VPO}; {LEN}", "1991-01-01", 6, 24)
MUT_BVC80 = sp("Beethoven: Violin Concerto in D Major, Op. 61",
               f"{BEE}; Anne-Sophie Mutter; {BPO}; {KAR}", "1980-01-01", 3, 44)
MUT_BVC02 = sp("Beethoven: Violin Concerto; Romances Nos. 1 & 2 (Live)",
               f"{BEE}; Anne-Sophie Mutter; {NYP}; Kurt Masur", "2002-09-02", 5, 30)
PERL_BVC = sp("Beethoven: Violin Concerto",
              f"{BEE}; Itzhak Perlman; Philharmonia Orchestra; Carlo Maria Giulini",
              "1981-01-01", 3, 28)
HAHN_BVC = sp("Beethoven: Violin Concerto / Bernstein: Serenade",
              f"{BEE}; Hilary Hahn; Baltimore Symphony Orchestra; David Zinman",
              "1999-01-01", 8, 35)
OIS_BVC = sp("Beethoven: Violin Concerto in D Major, Op. 61 (Remastered)",
             f"{BEE}; David Oistrakh; Orchestre National de la Radiodiffusion Française; "
             "André Cluytens", "2009-01-01", 3, 26)
OIS_BVC_SZ = sp("Beethoven: Violin Concerto",
                f"{BEE}; David Oistrakh; Orchestre National de la Radiodiffusion Française; "
                "André Cluytens", "1959-01-01", 3, 19)
KEM_SON = sp('Beethoven: Piano Sonatas Nos. 8 "Pathétique", 14 "Moonlight" & 23 "Appassionata"',
             f"{BEE}; Wilhelm Kempff", "1965-01-01", 9, 40)
KEM_SON_MONO = sp("Beethoven: The Complete Piano Sonatas (Mono Recordings)",
                  f"{BEE}; Wilhelm Kempff", "1956-01-01", 102, 22)
BAR_SON = sp('Beethoven: Piano Sonatas "Pathétique", "Moonlight" & "Appassionata"',
             f"{BEE}; Daniel Barenboim", "1984-01-01", 9, 31)
BRE_SON = sp("Beethoven: Piano Sonatas Nos. 8, 14 & 23", f"{BEE}; Alfred Brendel",
             "1996-01-01", 9, 23)

S.add("german_title catalogue_number several_recordings soloist same_soloist",
      "Kempff/Leitner stereo Emperor; Kempff's 1953 mono Emperor (van Kempen) is another recording",
      r(["Ludwig van Beethoven", "Wilhelm Kempff", "Berliner Philharmoniker", "Ferdinand Leitner"],
        "Klavierkonzert Nr. 5 Es-dur Op. 73", 1962, 1962, 3, "LP, Album, Stereo",
        "Deutsche Grammophon", "SLPM 138 777", "Classical"),
      [KEM5, KEM45], [KEM5_53, POL5, ARR5, GIL45, BEST_BEE])
S.add("german_title catalogue_number soloist",
      "Kempff/Leitner 4th; the Originals 4 & 5 reissue carries it",
      r(["Beethoven", "Wilhelm Kempff", "Berliner Philharmoniker", "Ferdinand Leitner"],
        "Klavierkonzert Nr. 4 G-dur Op. 58", 1962, 1962, 3, "LP, Album, Stereo",
        "Deutsche Grammophon", "SLPM 138 774", "Classical"),
      [KEM4, KEM45], [GIL45, ZIM_LEN4, KEM5_53, POL5, BEE_100])
S.add("german_title catalogue_number performer_first same_soloist soloist",
      "Mutter/Karajan 1980; Mutter's 2002 live recording with Masur is a decoy",
      r(["Anne-Sophie Mutter", "Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Violinkonzert D-dur Op. 61", 1980, 1980, 3, "LP, Album", "Deutsche Grammophon",
        "2531 250", "Classical"),
      [MUT_BVC80], [MUT_BVC02, PERL_BVC, HAHN_BVC, OIS_BVC, BEST_BEE])
S.add("french_title soloist historical",
      "Oistrakh/Cluytens 1958 on a French pressing; the 2009 remaster is the same recording",
      r(["Beethoven", "David Oistrakh", "Orchestre National De La Radiodiffusion Française",
         "André Cluytens"],
        "Concerto Pour Violon Et Orchestre En Ré Majeur Op. 61", 1959, 1959, 3, "LP, Album",
        "La Voix De Son Maître", "FALP 30190", "Classical"),
      [OIS_BVC, OIS_BVC_SZ], [MUT_BVC80, PERL_BVC, HAHN_BVC, BEE_100])
S.add("german_title piano_solo lullaby_decoy",
      "Kempff's stereo sonata coupling; his mono complete set and other pianists are decoys",
      r(["Beethoven", "Wilhelm Kempff"],
        "Pathétique · Mondschein · Appassionata", 1965, 1965, 9, "LP, Comp",
        "Deutsche Grammophon", "139 300", "Classical"),
      [KEM_SON], [KEM_SON_MONO, BAR_SON, BRE_SON, MOON_BABY, BEST_BEE, BABY_BEE])

# ---------------------------------------------------------------- Mozart
MOZ_REQ_K76 = sp("Mozart: Requiem in D Minor, K. 626",
                 f"{MOZ}; Anna Tomowa-Sintow; Agnes Baltsa; Werner Krenn; José van Dam; "
                 f"Wiener Singverein; {BPO}; {KAR}", "1976-01-01", 14, 37)
MOZ_REQ_K87 = sp("Mozart: Requiem in D Minor, K. 626",
                 f"{MOZ}; Anna Tomowa-Sintow; Helga Müller-Molinari; Vinson Cole; "
                 f"Paata Burchuladze; Wiener Singverein; {VPO}; {KAR}", "1987-01-01", 14, 33)
MOZ_REQ_K62 = sp("Mozart: Requiem, K. 626",
                 f"{MOZ}; Wilma Lipp; Hilde Rössel-Majdan; Anton Dermota; Walter Berry; "
                 f"Wiener Singverein; {BPO}; {KAR}", "1962-01-01", 14, 29)
MOZ_REQ_BOHM = sp("Mozart: Requiem", f"{MOZ}; Edith Mathis; Julia Hamari; Wiesław Ochman; "
                  f"Karl Ridderbusch; Wiener Staatsopernchor; {VPO}; Karl Böhm",
                  "1971-01-01", 14, 31)
MOZ_REQ_LEN = sp("Mozart: Requiem (Live)", f"{MOZ}; Marie McLaughlin; Maria Ewing; Jerry Hadley; "
                 f"Cornelius Hauptmann; Symphonieorchester des Bayerischen Rundfunks; {LEN}",
                 "1989-01-01", 14, 34)
MOZ_REQ_GAR = sp("Mozart: Requiem", f"{MOZ}; Monteverdi Choir; English Baroque Soloists; "
                 "John Eliot Gardiner", "1986-01-01", 14, 30)
MOZ_BEST = sp("The Best of Mozart", MOZ, "2011-01-01", 25, 55, "compilation")
MOZ_BABY = sp("Mozart for Babies: Lullabies for Sweet Dreams", LULL, "2017-01-13", 16, 31)
MOZ_ZF_BOHM = sp("Mozart: Die Zauberflöte, K. 620",
                 f"{MOZ}; Fritz Wunderlich; Evelyn Lear; Roberta Peters; "
                 f"Dietrich Fischer-Dieskau; Franz Crass; {BPO}; Karl Böhm", "1964-01-01", 40, 32)
MOZ_ZF_SOLTI = sp("Mozart: Die Zauberflöte", f"{MOZ}; Stuart Burrows; Pilar Lorengar; "
                  f"Cristina Deutekom; Hermann Prey; Martti Talvela; {VPO}; Georg Solti",
                  "1969-01-01", 42, 28)
MOZ_ZF_KLEMP = sp("Mozart: Die Zauberflöte, K. 620 (Remastered)",
                  f"{MOZ}; Nicolai Gedda; Gundula Janowitz; Lucia Popp; Walter Berry; "
                  "Gottlob Frick; Philharmonia Orchestra; Otto Klemperer", "1964-06-01", 38, 27)
MOZ_ZF_KAR = sp("Mozart: Die Zauberflöte", f"{MOZ}; Francisco Araiza; Edith Mathis; "
                f"Karin Ott; Gottfried Hornik; José van Dam; {BPO}; {KAR}", "1980-01-01", 40, 22)
MOZ_ZF_HL = sp("Mozart: The Magic Flute (Highlights)", f"{MOZ}; Various Artists",
               None, None, 24, "compilation")
QUEEN_NIGHT = sp('Die Zauberflöte, K. 620: "Der Hölle Rache kocht in meinem Herzen"',
                 f"{MOZ}; Diana Damrau", "2008-01-01", 1, 45, "single")
MOZ_FIG_BOHM = sp("Mozart: Le nozze di Figaro, K. 492",
                  f"{MOZ}; Dietrich Fischer-Dieskau; Gundula Janowitz; Edith Mathis; "
                  "Hermann Prey; Tatiana Troyanos; Orchester der Deutschen Oper Berlin; Karl Böhm",
                  "1968-01-01", 56, 27)
MOZ_FIG_GIUL = sp("Mozart: Le nozze di Figaro (Remastered)",
                  f"{MOZ}; Eberhard Wächter; Elisabeth Schwarzkopf; Anna Moffo; "
                  "Giuseppe Taddei; Philharmonia Orchestra; Carlo Maria Giulini",
                  "1959-01-01", 52, 22)
MOZ_FIG_SOLTI = sp("Mozart: Le nozze di Figaro", f"{MOZ}; Kiri Te Kanawa; Lucia Popp; "
                   "Thomas Allen; Samuel Ramey; London Philharmonic Orchestra; Georg Solti",
                   "1982-01-01", 58, 20)
MOZ_DG_GIUL = sp("Mozart: Don Giovanni (Remastered)",
                 f"{MOZ}; Eberhard Wächter; Joan Sutherland; Elisabeth Schwarzkopf; "
                 "Graziella Sciutti; Luigi Alva; Giuseppe Taddei; Philharmonia Orchestra; "
                 "Carlo Maria Giulini", "1961-01-01", 48, 30)
MOZ_DG_KRIPS = sp("Mozart: Don Giovanni", f"{MOZ}; Cesare Siepi; Suzanne Danco; Lisa della Casa; "
                  f"{VPO}; Josef Krips", "1955-01-01", 46, 18)
MOZ_DG_FURT = sp("Mozart: Don Giovanni (Salzburg 1954)",
                 f"{MOZ}; Cesare Siepi; Elisabeth Grümmer; Lisa della Casa; {VPO}; "
                 "Wilhelm Furtwängler", "2004-01-01", 42, 16)
MOZ_DG_KAR = sp("Mozart: Don Giovanni", f"{MOZ}; Samuel Ramey; Anna Tomowa-Sintow; "
                f"Agnes Baltsa; Kathleen Battle; {BPO}; {KAR}", "1986-01-01", 48, 19)
MOZ_PC2021_GULDA = sp("Mozart: Piano Concertos Nos. 20 & 21",
                      f"{MOZ}; Friedrich Gulda; {VPO}; Claudio Abbado", "1975-01-01", 6, 36)
MOZ_PC2021_UCH = sp("Mozart: Piano Concertos Nos. 20 & 21",
                    f"{MOZ}; Mitsuko Uchida; English Chamber Orchestra; Jeffrey Tate",
                    "1986-01-01", 6, 30)
MOZ_PC2021_BAR = sp("Mozart: Piano Concertos Nos. 20 & 21 (Remastered)",
                    f"{MOZ}; Daniel Barenboim; English Chamber Orchestra", "1968-01-01", 6, 26)
ELVIRA = sp("Elvira Madigan: Mozart's Greatest Hits", f"{MOZ}; Various Artists",
            "2003-01-01", 16, 28, "compilation")
MOZ_4041_BOHM = sp('Mozart: Symphonies Nos. 40 & 41 "Jupiter"', f"{MOZ}; {BPO}; Karl Böhm",
                   "1962-01-01", 8, 34)
MOZ_4041_BOHM76 = sp("Mozart: Symphonies Nos. 40 & 41", f"{MOZ}; {VPO}; Karl Böhm",
                     "1976-01-01", 8, 25)
MOZ_4041_LEN = sp('Mozart: Symphonies Nos. 40 & 41 "Jupiter" (Live)', f"{MOZ}; {VPO}; {LEN}",
                  "1985-01-01", 8, 29)
MOZ_4041_MACK = sp("Mozart: Symphonies Nos. 40 & 41",
                   f"{MOZ}; Scottish Chamber Orchestra; Charles Mackerras", "2008-01-01", 8, 24)
MOZ_40_KAR = sp("Mozart: Symphony No. 40 in G Minor, K. 550", f"{MOZ}; {BPO}; {KAR}",
                "1970-01-01", 4, 27)

S.add("german_title several_recordings same_conductor year_decides opera_sacred_many_artists",
      "Karajan's 1975 Requiem; his 1961 and 1986 Requiems are decoys of nearly the same name",
      r(["Wolfgang Amadeus Mozart", "Anna Tomowa-Sintow", "Agnes Baltsa", "Werner Krenn",
         "José van Dam", "Wiener Singverein", "Berliner Philharmoniker", "Herbert von Karajan"],
        "Requiem KV 626", 1976, 1976, 14, "LP, Album", "Deutsche Grammophon", "2530 705",
        "Classical"),
      [MOZ_REQ_K76], [MOZ_REQ_K87, MOZ_REQ_K62, MOZ_REQ_BOHM, MOZ_REQ_LEN, MOZ_BEST])
S.add("german_title several_recordings same_conductor year_decides opera_sacred_many_artists",
      "Karajan's 1986 Vienna Requiem; 1961 and 1975 are decoys",
      r(["Mozart", "Anna Tomowa-Sintow", "Helga Müller-Molinari", "Vinson Cole",
         "Paata Burchuladze", "Wiener Singverein", "Wiener Philharmoniker", "Herbert von Karajan"],
        "Requiem", 1987, 1987, 14, "CD, Album", "Deutsche Grammophon", "419 610-2",
        "Classical"),
      [MOZ_REQ_K87], [MOZ_REQ_K76, MOZ_REQ_K62, MOZ_REQ_GAR, MOZ_REQ_LEN, MOZ_BABY])
S.add("german_title opera_sacred_many_artists several_recordings",
      "Böhm's 1964 Zauberflöte; Klemperer's of the same year is another recording",
      r(["Wolfgang Amadeus Mozart", "Fritz Wunderlich", "Evelyn Lear", "Roberta Peters",
         "Dietrich Fischer-Dieskau", "Franz Crass", "Berliner Philharmoniker", "Karl Böhm"],
        "Die Zauberflöte", 1964, 1964, 40, "3xLP, Album, Stereo + Box",
        "Deutsche Grammophon", "SLPM 138 981/83", "Opera"),
      [MOZ_ZF_BOHM], [MOZ_ZF_KLEMP, MOZ_ZF_SOLTI, MOZ_ZF_KAR, MOZ_ZF_HL, QUEEN_NIGHT])
S.add("english_title opera_sacred_many_artists several_recordings",
      "Klemperer's Magic Flute (EMI 1964; the Spotify album is its remaster); Böhm's of the "
      "same year is a decoy",
      r(["Mozart", "Otto Klemperer", "Philharmonia Orchestra", "Nicolai Gedda",
         "Gundula Janowitz", "Lucia Popp", "Walter Berry", "Gottlob Frick"],
        "Die Zauberflöte (The Magic Flute)", 1964, 1964, 38, "3xLP, Album, Stereo + Box",
        "Columbia", "SAX 2511-13", "Opera"),
      [MOZ_ZF_KLEMP], [MOZ_ZF_BOHM, MOZ_ZF_SOLTI, MOZ_ZF_HL, QUEEN_NIGHT])
S.add("italian_title opera_sacred_many_artists several_recordings",
      "Böhm's Figaro (1968) on DG; Giulini and Solti are other recordings",
      r(["Wolfgang Amadeus Mozart", "Dietrich Fischer-Dieskau", "Gundula Janowitz",
         "Edith Mathis", "Hermann Prey", "Tatiana Troyanos",
         "Orchester Der Deutschen Oper Berlin", "Karl Böhm"],
        "Le Nozze Di Figaro", 1968, 1968, 56, "4xLP, Album + Box", "Deutsche Grammophon",
        "2711 007", "Opera"),
      [MOZ_FIG_BOHM], [MOZ_FIG_GIUL, MOZ_FIG_SOLTI, MOZ_BEST, MOZ_ZF_HL])
S.add("italian_title opera_sacred_many_artists several_recordings",
      "Giulini's EMI Don Giovanni (1961) and its remaster; Krips, Furtwängler, Karajan decoys",
      r(["Mozart", "Eberhard Waechter", "Joan Sutherland", "Elisabeth Schwarzkopf",
         "Graziella Sciutti", "Luigi Alva", "Giuseppe Taddei", "Philharmonia Orchestra",
         "Carlo Maria Giulini"],
        "Don Giovanni", 1961, 1961, 48, "4xLP, Album, Stereo + Box", "Columbia", "SAX 2369-72",
        "Opera"),
      [MOZ_DG_GIUL], [MOZ_DG_KRIPS, MOZ_DG_FURT, MOZ_DG_KAR, MOZ_BEST])
S.add("german_title coupling catalogue_number soloist",
      "Gulda/Abbado 20 & 21; same-name couplings by Uchida and Barenboim are decoys",
      r(["Mozart", "Friedrich Gulda", "Wiener Philharmoniker", "Claudio Abbado"],
        "Klavierkonzerte Nr. 20 D-moll KV 466 · Nr. 21 C-dur KV 467", 1975, 1975, 6,
        "LP, Album", "Deutsche Grammophon", "2530 548", "Classical"),
      [MOZ_PC2021_GULDA], [MOZ_PC2021_UCH, MOZ_PC2021_BAR, ELVIRA, MOZ_BEST, MOZ_BABY])
S.add("german_title coupling several_recordings same_conductor year_decides",
      "Böhm's 1962 Berlin 40 & 41; his 1976 Vienna 40 & 41 is a decoy",
      r(["Wolfgang Amadeus Mozart", "Berliner Philharmoniker", "Karl Böhm"],
        "Sinfonie Nr. 40 G-moll KV 550 · Sinfonie Nr. 41 C-dur KV 551 »Jupiter«", 1962, 1962, 8,
        "LP, Album, Stereo", "Deutsche Grammophon", "SLPM 138 815", "Classical"),
      [MOZ_4041_BOHM], [MOZ_4041_BOHM76, MOZ_4041_LEN, MOZ_4041_MACK, MOZ_40_KAR, MOZ_BEST,
                        MOZ_BABY])
S.add("german_title coupling several_recordings live",
      "Bernstein's live Vienna 40 & 41; Böhm's couplings are decoys",
      r(["Mozart", "Wiener Philharmoniker", "Leonard Bernstein"],
        "Symphonien Nr. 40 & 41 »Jupiter«", 1985, 1985, 8,
        "LP, Album", "Deutsche Grammophon", "413 776-1", "Classical"),
      [MOZ_4041_LEN], [MOZ_4041_BOHM, MOZ_4041_BOHM76, MOZ_4041_MACK, MOZ_40_KAR, MOZ_BEST])

# ---------------------------------------------------------------- Bach
GOULD55 = sp("Bach: The Goldberg Variations, BWV 988 (1955 Recording)", f"{BACH}; Glenn Gould",
             "1956-01-01", 32, 47)
GOULD55R = sp("Bach: Goldberg Variations, BWV 988 (1955 Version) [Remastered]",
              f"{BACH}; Glenn Gould", "2012-09-21", 32, 36)
GOULD81 = sp("Bach: The Goldberg Variations, BWV 988 (1981 Recording)", f"{BACH}; Glenn Gould",
             "1982-01-01", 32, 52)
PERAHIA_GV = sp("Bach: Goldberg Variations", f"{BACH}; Murray Perahia", "2000-01-01", 32, 38)
SCHIFF_GV01 = sp("J.S. Bach: Goldberg Variations", f"{BACH}; András Schiff", "2003-01-01", 32, 34)
SCHIFF_GV83 = sp("Bach: Goldberg Variations, BWV 988", f"{BACH}; András Schiff",
                 "1983-01-01", 32, 25)
LANGLANG_GV = sp("Bach: Goldberg Variations", f"{BACH}; Lang Lang", "2020-09-04", 61, 49)
LOUSSIER = sp("Play Bach No. 1", "Jacques Loussier Trio", "1959-01-01", 6, 30)
GV_SLEEP = sp("Goldberg Variations for Deep Sleep", LULL, "2020-03-13", 30, 20)
BACH_BEST = sp("Bach: The Best Of", BACH, "2010-01-01", 24, 50, "compilation")
RICH_MASS = sp("Bach: Mass in B Minor, BWV 232",
               f"{BACH}; Maria Stader; Hertha Töpper; Ernst Haefliger; Dietrich Fischer-Dieskau; "
               "Kieth Engen; Münchener Bach-Chor; Münchener Bach-Orchester; Karl Richter",
               "1961-01-01", 27, 30)
GAR_MASS = sp("Bach: Mass in B Minor, BWV 232",
              f"{BACH}; Monteverdi Choir; English Baroque Soloists; John Eliot Gardiner",
              "1985-01-01", 27, 35)
HER_MASS89 = sp("Bach: Mass in B Minor, BWV 232",
                f"{BACH}; Collegium Vocale Gent; Philippe Herreweghe", "1989-01-01", 27, 24)
HER_MASS12 = sp("Bach: Messe en si mineur, BWV 232",
                f"{BACH}; Collegium Vocale Gent; Philippe Herreweghe", "2012-01-01", 27, 27)
KAR_MASS = sp("Bach: Mass in B Minor, BWV 232", f"{BACH}; Gundula Janowitz; Christa Ludwig; "
              f"Peter Schreier; Robert Kerns; Wiener Singverein; {BPO}; {KAR}",
              "1974-01-01", 27, 20)
KLEMP_MASS = sp("Bach: Mass in B Minor (Remastered)",
                f"{BACH}; Agnes Giebel; Janet Baker; Nicolai Gedda; Hermann Prey; "
                "New Philharmonia Orchestra; Otto Klemperer", "1968-01-01", 27, 15)
RICH_MP58 = sp("Bach: St. Matthew Passion, BWV 244",
               f"{BACH}; Ernst Haefliger; Irmgard Seefried; Hertha Töpper; "
               "Dietrich Fischer-Dieskau; Kieth Engen; Münchener Bach-Chor; "
               "Münchener Bach-Orchester; Karl Richter", "1959-01-01", 68, 29)
RICH_MP79 = sp("Bach: St. Matthew Passion, BWV 244",
               f"{BACH}; Peter Schreier; Edith Mathis; Janet Baker; Dietrich Fischer-Dieskau; "
               "Matti Salminen; Münchener Bach-Chor; Münchener Bach-Orchester; Karl Richter",
               "1980-01-01", 68, 22)
GAR_MP = sp("Bach: St. Matthew Passion", f"{BACH}; Monteverdi Choir; English Baroque Soloists; "
            "John Eliot Gardiner", "1989-01-01", 68, 26)
KLEMP_MP = sp("Bach: St Matthew Passion, BWV 244 (Remastered)",
              f"{BACH}; Peter Pears; Dietrich Fischer-Dieskau; Elisabeth Schwarzkopf; "
              "Christa Ludwig; Philharmonia Orchestra; Otto Klemperer", "1962-01-01", 78, 21)
MP_CHORALES = sp("Bach: Chorales from the St. Matthew Passion", f"{BACH}; Various Artists",
                 "2005-01-01", 15, 12, "compilation")
PIN_BRAND = sp("Bach: Brandenburg Concertos Nos. 1-6, BWV 1046-1051",
               f"{BACH}; The English Concert; Trevor Pinnock", "1982-01-01", 19, 33)
PIN_BRAND07 = sp("Bach: Brandenburg Concertos", f"{BACH}; European Brandenburg Ensemble; "
                 "Trevor Pinnock", "2007-01-01", 19, 27)
RICH_BRAND = sp("Bach: Brandenburg Concertos Nos. 1-6", f"{BACH}; Münchener Bach-Orchester; "
                "Karl Richter", "1968-01-01", 19, 25)
GIARD_BRAND = sp("Bach: Concerti Brandeburghesi", f"{BACH}; Il Giardino Armonico; "
                 "Giovanni Antonini", "1997-01-01", 19, 23)
KAR_BRAND = sp("Bach: Brandenburg Concertos Nos. 1-6", f"{BACH}; {BPO}; {KAR}",
               "1965-01-01", 19, 14)
CASALS_CS = sp("Bach: Cello Suites Nos. 1-6 (Remastered)", f"{BACH}; Pablo Casals",
               "2005-01-01", 36, 33)
MA_CS83 = sp("Bach: The Unaccompanied Cello Suites", f"{BACH}; Yo-Yo Ma", "1983-01-01", 36, 40)
MA_CS97 = sp("Inspired by Bach: The Cello Suites", f"{BACH}; Yo-Yo Ma", "1997-01-01", 36, 32)
MA_CS18 = sp("Six Evolutions - Bach: Cello Suites", f"{BACH}; Yo-Yo Ma", "2018-08-17", 37, 55)
ROSTRO_CS = sp("Bach: Cello Suites", f"{BACH}; Mstislav Rostropovich", "1995-01-01", 36, 37)
FOURNIER_CS = sp("Bach: 6 Suites for Cello Solo, BWV 1007-1012", f"{BACH}; Pierre Fournier",
                 "1961-01-01", 36, 22)
RICHTER_WTC = sp("Bach: The Well-Tempered Clavier, Books I & II",
                 f"{BACH}; Sviatoslav Richter", "1973-01-01", 96, 30)
GOULD_WTC = sp("Bach: The Well-Tempered Clavier, Book I, BWV 846-869", f"{BACH}; Glenn Gould",
               "1965-01-01", 48, 28)
SCHIFF_WTC = sp("Bach: The Well-Tempered Clavier", f"{BACH}; András Schiff", "2012-01-01", 96, 26)
WALCHA_TOC = sp("Bach: Toccata and Fugue in D Minor, BWV 565 & Other Organ Works",
                f"{BACH}; Helmut Walcha", "1963-01-01", 8, 24)
RICH_TOC = sp("Bach: Toccata and Fugue BWV 565; Organ Works", f"{BACH}; Karl Richter",
              "1964-01-01", 6, 28)
TOC_HORROR = sp("Toccata and Fugue in D Minor (Halloween Version)", "Halloween Horror Orchestra",
                "2018-10-12", 1, 25, "single")

S.add("english_title several_recordings same_soloist year_decides piano_solo catalogue_number",
      "Gould's 1955 Goldberg (LP 1956) and its remaster; the 1981 remake has a near-identical name",
      r(["Bach", "Glenn Gould"], "Goldberg Variations", 1956, 1956, 32, "LP, Album, Mono",
        "Columbia Masterworks", "ML 5060", "Baroque"),
      [GOULD55, GOULD55R], [GOULD81, PERAHIA_GV, SCHIFF_GV01, LANGLANG_GV, GV_SLEEP, LOUSSIER])
S.add("english_title several_recordings same_soloist year_decides piano_solo",
      "Gould's 1981 digital remake; the 1955 recording is the decoy",
      r(["Johann Sebastian Bach", "Glenn Gould"], "Bach: The Goldberg Variations", 1982, 1982,
        32, "LP, Album", "CBS Masterworks", "IM 37779", "Baroque"),
      [GOULD81], [GOULD55, GOULD55R, SCHIFF_GV83, PERAHIA_GV, LANGLANG_GV, BACH_BEST])
S.add("german_title opera_sacred_many_artists catalogue_number several_recordings",
      "Richter's 1961 B minor Mass; Gardiner, Herreweghe (twice), Karajan and Klemperer share "
      "the work and almost the name",
      r(["Johann Sebastian Bach", "Maria Stader", "Hertha Töpper", "Ernst Haefliger",
         "Dietrich Fischer-Dieskau", "Kieth Engen", "Münchener Bach-Chor",
         "Münchener Bach-Orchester", "Karl Richter"],
        "Messe h-moll BWV 232", 1961, 1961, 27, "3xLP, Album, Stereo + Box",
        "Archiv Produktion", "SAPM 198 190/92", "Baroque"),
      [RICH_MASS], [GAR_MASS, HER_MASS89, HER_MASS12, KAR_MASS, KLEMP_MASS, BACH_BEST])
S.add("english_title opera_sacred_many_artists several_recordings",
      "Gardiner's 1985 Archiv B minor Mass",
      r(["Bach", "The Monteverdi Choir", "The English Baroque Soloists", "John Eliot Gardiner"],
        "Mass In B Minor · h-moll-Messe", 1985, 1985, 27, "2xCD, Album", "Archiv Produktion",
        "415 514-2", "Baroque"),
      [GAR_MASS], [RICH_MASS, HER_MASS89, HER_MASS12, KAR_MASS, KLEMP_MASS])
S.add("french_title opera_sacred_many_artists several_recordings same_conductor year_decides",
      "Herreweghe's first B minor Mass (Harmonia Mundi 1989); his 2012 remake on his own label "
      "carries the French name",
      r(["Jean-Sébastien Bach", "Collegium Vocale", "Philippe Herreweghe"],
        "Messe En Si Mineur BWV 232", 1989, 1989, 27, "2xCD, Album", "Harmonia Mundi",
        "HMC 901289.90", "Baroque"),
      [HER_MASS89], [HER_MASS12, GAR_MASS, RICH_MASS, KAR_MASS, BACH_BEST])
S.add("german_title opera_sacred_many_artists several_recordings same_conductor year_decides",
      "Richter's first St Matthew Passion (1958/59); his 1979 remake has the same name",
      r(["Johann Sebastian Bach", "Ernst Haefliger", "Irmgard Seefried", "Hertha Töpper",
         "Dietrich Fischer-Dieskau", "Kieth Engen", "Münchener Bach-Chor",
         "Münchener Bach-Orchester", "Karl Richter"],
        "Matthäus-Passion BWV 244", 1959, 1959, 68, "4xLP, Album, Stereo + Box",
        "Archiv Produktion", "SAPM 198 009/12", "Baroque"),
      [RICH_MP58], [RICH_MP79, GAR_MP, KLEMP_MP, MP_CHORALES, BACH_BEST])
S.add("german_title opera_sacred_many_artists several_recordings same_conductor year_decides",
      "Richter's 1979 St Matthew Passion; the 1958 recording is the decoy",
      r(["Bach", "Peter Schreier", "Edith Mathis", "Janet Baker", "Dietrich Fischer-Dieskau",
         "Matti Salminen", "Münchener Bach-Chor", "Münchener Bach-Orchester", "Karl Richter"],
        "Matthäus-Passion", 1980, 1980, 68, "4xLP, Album + Box", "Archiv Produktion",
        "2723 067", "Baroque"),
      [RICH_MP79], [RICH_MP58, GAR_MP, KLEMP_MP, MP_CHORALES])
S.add("german_title catalogue_number several_recordings same_conductor year_decides",
      "Pinnock's 1982 Brandenburgs; his 2007 remake with a new ensemble is a decoy",
      r(["Johann Sebastian Bach", "The English Concert", "Trevor Pinnock"],
        "Brandenburgische Konzerte Nr. 1-6 BWV 1046-1051", 1982, 1982, 19, "2xLP, Album",
        "Archiv Produktion", "2742 003", "Baroque"),
      [PIN_BRAND], [PIN_BRAND07, RICH_BRAND, GIARD_BRAND, KAR_BRAND, BACH_BEST])
S.add("italian_title several_recordings",
      "Il Giardino Armonico's Brandenburgs, Italian title on Spotify too",
      r(["Johann Sebastian Bach", "Il Giardino Armonico", "Giovanni Antonini"],
        "Brandenburgische Konzerte · Concerti Brandeburghesi", 1997, 1997, 19, "2xCD, Album",
        "Teldec Classics", "0630-13141-2", "Baroque"),
      [GIARD_BRAND], [PIN_BRAND, PIN_BRAND07, RICH_BRAND, KAR_BRAND])
S.add("french_title historical several_recordings",
      "Casals' 1936-39 suites on a French Pathé reissue; Spotify's is a remaster of them",
      r(["Jean-Sébastien Bach", "Pablo Casals"],
        "Suites Pour Violoncelle Seul", 1960, None, 36, "3xLP, Comp, Mono + Box",
        "La Voix De Son Maître", "COLH 16-18", "Baroque"),
      [CASALS_CS], [MA_CS83, MA_CS18, ROSTRO_CS, FOURNIER_CS, BACH_BEST])
S.add("english_title several_recordings same_soloist year_decides",
      "Yo-Yo Ma's first Bach suites (1983); his 1997 and 2018 recordings are decoys",
      r(["Bach", "Yo-Yo Ma"], "The Unaccompanied Cello Suites", 1983, 1983, 36,
        "2xLP, Album", "CBS Masterworks", "I2M 37867", "Baroque"),
      [MA_CS83], [MA_CS97, MA_CS18, ROSTRO_CS, CASALS_CS, FOURNIER_CS])
S.add("english_title several_recordings same_soloist year_decides",
      "Yo-Yo Ma's third recording (2018)",
      r(["Yo-Yo Ma", "Johann Sebastian Bach"], "Six Evolutions - Bach: Cello Suites", 2018, 2018,
        37, "3xLP, Album", "Sony Classical", "19075843441", "Baroque"),
      [MA_CS18], [MA_CS83, MA_CS97, ROSTRO_CS, CASALS_CS])
S.add("russian_cyrillic piano_solo melodiya",
      "Richter's Well-Tempered Clavier (Melodiya in Cyrillic; Spotify has the same Salzburg "
      "recordings under the English name)",
      r(["Иоганн Себастьян Бах", "Святослав Рихтер"],
        "Хорошо Темперированный Клавир", 1973, 1973, 96, "5xLP + Box", "Мелодия",
        "С10-04643-52", "Baroque", display="Иоганн Себастьян Бах, Святослав Рихтер"),
      [RICHTER_WTC], [GOULD_WTC, SCHIFF_WTC, BACH_BEST, GV_SLEEP])
S.add("german_title catalogue_number organ junk_decoy",
      "Karl Richter's organ LP; Walcha's and a 'Halloween' single are decoys",
      r(["Johann Sebastian Bach", "Karl Richter"],
        "Toccata Und Fuge D-moll BWV 565 · Orgelwerke", 1964, 1964, 6, "LP, Album",
        "Deutsche Grammophon", "SLPM 138 907", "Baroque"),
      [RICH_TOC], [WALCHA_TOC, TOC_HORROR, BACH_BEST, GOULD_WTC])

# ---------------------------------------------------------------- Vivaldi, Handel
VIV_P = f"{VIV}; I Musici"
MUSICI59 = sp("Vivaldi: The Four Seasons", f"{VIV_P}; Felix Ayo", "1959-01-01", 12, 38)
MUSICI69 = sp("Vivaldi: The Four Seasons", f"{VIV_P}; Roberto Michelucci", "1970-01-01", 12, 29)
MUSICI82 = sp("Vivaldi: The Four Seasons", f"{VIV_P}; Pina Carmirelli", "1982-01-01", 12, 30)
MUSICI88 = sp("Vivaldi: The Four Seasons", f"{VIV_P}; Federico Agostini", "1988-01-01", 12, 26)
MUSICI59_R = sp("Vivaldi: Le quattro stagioni (Remastered 2015)", f"{VIV_P}; Felix Ayo",
                "2015-03-01", 12, 27)
MUTTER_4S84 = sp("Vivaldi: The Four Seasons", f"{VIV}; Anne-Sophie Mutter; {VPO}; {KAR}",
                 "1984-01-01", 12, 34)
MUTTER_4S99 = sp("Vivaldi: The Four Seasons", f"{VIV}; Anne-Sophie Mutter; Trondheim Soloists",
                 "1999-01-01", 13, 40)
KENNEDY_4S = sp("Vivaldi: The Four Seasons", f"{VIV}; Nigel Kennedy; English Chamber Orchestra",
                "1989-01-01", 12, 41)
KENNEDY_4S03 = sp("Vivaldi", f"{VIV}; Nigel Kennedy; {BPO}", "2003-01-01", 16, 22)
SCIMONE_4S = sp("Vivaldi: Les quatre saisons", f"{VIV}; Piero Toso; I Solisti Veneti; "
                "Claudio Scimone", "1971-01-01", 12, 20)
RICHTER_4S = sp("Recomposed By Max Richter: Vivaldi - The Four Seasons",
                "Max Richter; Daniel Hope; Konzerthaus Kammerorchester Berlin; André de Ridder",
                "2012-01-01", 14, 58)
BABY_4S = sp("Vivaldi's Four Seasons for Babies", LULL, "2018-01-01", 12, 21)
VIV_BEST = sp("Vivaldi: Greatest Hits", f"{VIV}; Various Artists", "2010-01-01", 20, 40,
              "compilation")
GLORIA_ALES = sp("Vivaldi: Gloria, RV 589; Magnificat, RV 610", f"{VIV}; Concerto Italiano; "
                 "Rinaldo Alessandrini", "1998-01-01", 17, 22)
GLORIA_KING = sp("Vivaldi: Gloria & Nulla in mundo pax", f"{VIV}; The King's Consort; "
                 "Robert King", "1996-01-01", 14, 18)
GLORIA_KINGS = sp("Vivaldi: Gloria", f"{VIV}; Choir of King's College, Cambridge; "
                  "Stephen Cleobury", "2011-01-01", 12, 20)
DAVIS_MES66 = sp("Handel: Messiah, HWV 56", f"{HAN}; Heather Harper; Helen Watts; "
                 "John Wakefield; John Shirley-Quirk; London Symphony Orchestra and Chorus; "
                 "Colin Davis", "1966-01-01", 53, 26)
DAVIS_MES84 = sp("Handel: Messiah", f"{HAN}; Margaret Marshall; Hanna Schwarz; "
                 "Stefan Dahlberg; Robert Hale; Symphonieorchester des Bayerischen Rundfunks; "
                 "Colin Davis", "1985-01-01", 53, 18)
GAR_MES = sp("Handel: Messiah", f"{HAN}; Monteverdi Choir; English Baroque Soloists; "
             "John Eliot Gardiner", "1983-01-01", 53, 31)
PIN_MES = sp("Handel: Messiah, HWV 56", f"{HAN}; The English Concert; Trevor Pinnock",
             "1988-01-01", 53, 27)
HOG_MES = sp("Handel: Messiah", f"{HAN}; Academy of Ancient Music; Christopher Hogwood",
             "1980-01-01", 53, 25)
HALLELUJAH = sp("Messiah, HWV 56: Hallelujah", f"{HAN}; Various Artists", "2019-11-29", 1, 48,
                "single")
MES_HL = sp("Handel: Messiah (Highlights)", f"{HAN}; Various Artists", "2001-01-01", 18, 22,
            "compilation")
PIN_WM = sp("Handel: Water Music", f"{HAN}; The English Concert; Trevor Pinnock",
            "1983-01-01", 22, 29)
PIN_FW = sp("Handel: Music for the Royal Fireworks", f"{HAN}; The English Concert; "
            "Trevor Pinnock", "1985-01-01", 11, 21)
HARN_WM = sp("Handel: Water Music, HWV 348-350", f"{HAN}; Concentus Musicus Wien; "
             "Nikolaus Harnoncourt", "1978-01-01", 22, 17)
GAR_WM = sp("Handel: Water Music", f"{HAN}; English Baroque Soloists; John Eliot Gardiner",
            "1991-01-01", 22, 19)
SAVALL_WM = sp("Handel: Water Music & Royal Fireworks", f"{HAN}; Le Concert des Nations; "
               "Jordi Savall", "1993-01-01", 33, 24)

S.add("italian_title several_recordings same_ensemble year_decides",
      "I Musici's first Four Seasons (Ayo, 1959) on an Italian pressing; I Musici recorded it "
      "again in 1969, 1982 and 1988 under the same Spotify name",
      r(["Antonio Vivaldi", "I Musici", "Felix Ayo"], "Le Quattro Stagioni", 1959, 1959, 12,
        "LP, Album, Stereo", "Philips", "835 035 AY", "Baroque"),
      [MUSICI59, MUSICI59_R], [MUSICI69, MUSICI82, MUSICI88, KENNEDY_4S, RICHTER_4S, BABY_4S])
S.add("english_title several_recordings same_ensemble year_decides",
      "I Musici with Pina Carmirelli (1982)",
      r(["Vivaldi", "I Musici", "Pina Carmirelli"], "The Four Seasons", 1982, 1982, 12,
        "LP, Album", "Philips", "6514 248", "Baroque"),
      [MUSICI82], [MUSICI59, MUSICI69, MUSICI88, MUTTER_4S84, KENNEDY_4S, VIV_BEST])
S.add("german_title several_recordings same_soloist year_decides performer_first",
      "Mutter/Karajan 1984 (EMI); Mutter's 1999 Trondheim recording is a decoy",
      r(["Anne-Sophie Mutter", "Antonio Vivaldi", "Wiener Philharmoniker", "Herbert von Karajan"],
        "Die Vier Jahreszeiten", 1984, 1984, 12, "LP, Album", "EMI", "1C 067-27 0168 1",
        "Baroque"),
      [MUTTER_4S84], [MUTTER_4S99, MUSICI82, KENNEDY_4S, RICHTER_4S, BABY_4S])
S.add("french_title several_recordings",
      "Scimone/Toso Erato Four Seasons, titled in French on Spotify as well",
      r(["Vivaldi", "I Solisti Veneti", "Claudio Scimone", "Piero Toso"],
        "Les Quatre Saisons", 1971, 1971, 12, "LP, Album", "Erato", "STU 70 640", "Baroque"),
      [SCIMONE_4S], [MUSICI59, MUSICI88, KENNEDY_4S, MUTTER_4S99, VIV_BEST])
S.add("english_title several_recordings same_soloist",
      "Kennedy's 1989 Four Seasons; his 2003 Berlin 'Vivaldi' album is another recording",
      r(["Vivaldi", "Nigel Kennedy", "English Chamber Orchestra"], "The Four Seasons", 1989,
        1989, 12, "LP, Album", "EMI", "EL 7 49557 1", "Baroque"),
      [KENNEDY_4S], [KENNEDY_4S03, MUSICI82, MUTTER_4S84, RICHTER_4S, BABY_4S, VIV_BEST])
S.add("italian_title opera_sacred_many_artists catalogue_number",
      "Alessandrini's Gloria RV 589 coupled with the Magnificat",
      r(["Antonio Vivaldi", "Concerto Italiano", "Rinaldo Alessandrini"],
        "Gloria RV 589 · Magnificat RV 610", 1998, 1998, 17, "CD, Album", "Opus 111",
        "OPS 30-195", "Baroque"),
      [GLORIA_ALES], [GLORIA_KING, GLORIA_KINGS, VIV_BEST, MUSICI59])
S.add("english_title opera_sacred_many_artists several_recordings same_conductor year_decides",
      "Colin Davis's first Messiah (LSO 1966); his 1984 Munich Messiah is a decoy",
      r(["Handel", "Heather Harper", "Helen Watts", "John Wakefield", "John Shirley-Quirk",
         "London Symphony Orchestra", "London Symphony Chorus", "Colin Davis"],
        "Messiah", 1966, 1966, 53, "3xLP, Album + Box", "Philips", "SAL 3528-30", "Baroque"),
      [DAVIS_MES66], [DAVIS_MES84, GAR_MES, PIN_MES, HOG_MES, HALLELUJAH, MES_HL])
S.add("english_title opera_sacred_many_artists several_recordings",
      "Pinnock's 1988 Messiah (Archiv)",
      r(["Georg Friedrich Händel", "The English Concert", "The English Concert Choir",
         "Trevor Pinnock"],
        "Messiah", 1988, 1988, 53, "2xCD, Album", "Archiv Produktion", "423 630-2", "Baroque"),
      [PIN_MES], [GAR_MES, HOG_MES, DAVIS_MES66, HALLELUJAH, MES_HL])
S.add("german_title catalogue_number several_recordings",
      "Harnoncourt's Telefunken Water Music",
      r(["Georg Friedrich Händel", "Concentus Musicus Wien", "Nikolaus Harnoncourt"],
        "Wassermusik HWV 348-350", 1978, 1978, 22, "LP, Album", "Telefunken",
        "6.42368 AW", "Baroque"),
      [HARN_WM], [PIN_WM, GAR_WM, SAVALL_WM, PIN_FW])
S.add("english_title several_recordings same_artist_other_work",
      "Pinnock's Water Music; his Royal Fireworks album is the same artists' other work",
      r(["Handel", "The English Concert", "Trevor Pinnock"], "Water Music", 1983, 1983, 22,
        "LP, Album", "Archiv Produktion", "410 525-1", "Baroque"),
      [PIN_WM], [PIN_FW, HARN_WM, GAR_WM, SAVALL_WM])

# ---------------------------------------------------------------- Haydn, Schubert, Brahms
CREA_K69 = sp("Haydn: Die Schöpfung, Hob. XXI:2",
              f"{HAY}; Gundula Janowitz; Fritz Wunderlich; Werner Krenn; Dietrich Fischer-Dieskau; "
              f"Walter Berry; Christa Ludwig; Wiener Singverein; {BPO}; {KAR}", "1969-01-01", 34,
              27)
CREA_K82 = sp("Haydn: Die Schöpfung (Live)", f"{HAY}; Edith Mathis; Francisco Araiza; "
              f"José van Dam; Wiener Singverein; {VPO}; {KAR}", "1982-08-01", 34, 16)
CREA_LEN = sp("Haydn: Die Schöpfung", f"{HAY}; Judith Blegen; Lucia Popp; Thomas Moser; "
              f"Kurt Moll; Symphonieorchester des Bayerischen Rundfunks; {LEN}",
              "1987-01-01", 34, 15)
CREA_GAR = sp("Haydn: The Creation", f"{HAY}; Monteverdi Choir; English Baroque Soloists; "
              "John Eliot Gardiner", "1996-01-01", 34, 20)
HAY_BEST = sp("Haydn: Greatest Hits", f"{HAY}; Various Artists", "2012-01-01", 20, 30,
              "compilation")
MARS_TPT = sp("Haydn, Hummel & L. Mozart: Trumpet Concertos",
              f"Wynton Marsalis; {HAY}; Johann Nepomuk Hummel; Leopold Mozart; "
              "National Philharmonic Orchestra; Raymond Leppard", "1983-01-01", 9, 36)
MARS_BAROQ = sp("Baroque Music for Trumpets", "Wynton Marsalis; English Chamber Orchestra; "
                "Raymond Leppard", "1988-01-01", 13, 24)
MARS_JAZZ = sp("Think of One", "Wynton Marsalis", "1983-06-01", 8, 33)
BALSOM_TPT = sp("Haydn & Hummel: Trumpet Concertos", f"Alison Balsom; {HAY}; "
                "The English Concert; Trevor Pinnock", "2011-01-01", 12, 27)
ANDRE_TPT = sp("Haydn: Trumpet Concerto; Hummel: Trumpet Concerto", f"Maurice André; {HAY}; "
               "Berliner Philharmoniker; Herbert von Karajan", "1974-01-01", 6, 22)
AMA_OP76 = sp('Haydn: String Quartets Op. 76 Nos. 3 "Emperor" & 4 "Sunrise"',
              f"{HAY}; Amadeus Quartet", "1964-01-01", 8, 25)
AMA_OP76_ALL = sp("Haydn: The Erdödy Quartets, Op. 76 Nos. 1-6", f"{HAY}; Amadeus Quartet",
                  "1989-01-01", 24, 15)
EMER_OP76 = sp("Haydn: String Quartets, Op. 76", f"{HAY}; Emerson String Quartet",
               "2000-01-01", 24, 22)
HAGEN_OP76 = sp('Haydn: String Quartets Op. 76 Nos. 2-4 "Fifths", "Emperor", "Sunrise"',
                f"{HAY}; Hagen Quartett", "2010-01-01", 12, 18)
FD = "Dietrich Fischer-Dieskau"
WR72 = sp("Schubert: Winterreise, D. 911", f"{SCHU}; {FD}; Gerald Moore", "1972-01-01", 24, 34)
WR62 = sp("Schubert: Winterreise, D. 911 (Remastered)", f"{SCHU}; {FD}; Gerald Moore",
          "1962-01-01", 24, 28)
WR66 = sp("Schubert: Winterreise", f"{SCHU}; {FD}; Jörg Demus", "1966-01-01", 24, 20)
WR85 = sp("Schubert: Winterreise, D. 911", f"{SCHU}; {FD}; Alfred Brendel", "1986-01-01", 24, 21)
WR_BOS = sp("Schubert: Winterreise", f"{SCHU}; Ian Bostridge; Thomas Adès", "2019-01-01", 24, 26)
WR_KAUF = sp("Schubert: Winterreise", f"{SCHU}; Jonas Kaufmann; Helmut Deutsch",
             "2014-01-01", 24, 31)
TROUT_GIL = sp('Schubert: Piano Quintet in A Major, D. 667 "Trout"',
               f"{SCHU}; Emil Gilels; Amadeus Quartet; Rainer Zepperitz", "1976-01-01", 5, 27)
TROUT_BREN = sp('Schubert: "Trout" Quintet', f"{SCHU}; Alfred Brendel; Cleveland Quartet",
                "1977-01-01", 5, 23)
TROUT_RICH = sp("Schubert: Trout Quintet", f"{SCHU}; Sviatoslav Richter; Borodin Quartet",
                "1980-01-01", 5, 21)
TROUT_BAR = sp("Schubert: Trout Quintet (Remastered)", f"{SCHU}; Daniel Barenboim; "
               "Itzhak Perlman; Pinchas Zukerman; Jacqueline du Pré; Zubin Mehta",
               "1970-01-01", 5, 29)
KL_SCHU38 = sp('Schubert: Symphonies Nos. 3 & 8 "Unfinished"', f"{SCHU}; {VPO}; {KLE}",
               "1979-01-01", 6, 39)
KAR_SCHU89 = sp('Schubert: Symphonies Nos. 8 "Unfinished" & 9 "The Great"',
                f"{SCHU}; {BPO}; {KAR}", "1978-01-01", 6, 31)
BOHM_SCHU8 = sp('Schubert: Symphony No. 8 "Unfinished"; Symphony No. 5', f"{SCHU}; {BPO}; "
                "Karl Böhm", "1966-01-01", 6, 18)
HARN_SCHU = sp("Schubert: The Symphonies", f"{SCHU}; Royal Concertgebouw Orchestra; "
               "Nikolaus Harnoncourt", "1993-01-01", 34, 14)
ABQ_DTM84 = sp('Schubert: String Quartet No. 14 in D Minor, D. 810 "Death and the Maiden"',
               f"{SCHU}; Alban Berg Quartett", "1984-01-01", 4, 30)
ABQ_DTM97 = sp('Schubert: String Quartet "Death and the Maiden" (Live)',
               f"{SCHU}; Alban Berg Quartett", "1997-01-01", 4, 20)
AMA_DTM = sp('Schubert: String Quartet No. 14 "Death and the Maiden"',
             f"{SCHU}; Amadeus Quartet", "1960-01-01", 4, 17)
EMER_DTM = sp("Schubert: Death and the Maiden", f"{SCHU}; Emerson String Quartet",
              "1988-01-01", 4, 19)
ZIM_IMP = sp("Schubert: Impromptus, D. 899 & D. 935", f"{SCHU}; Krystian Zimerman",
             "1991-01-01", 8, 32)
UCH_IMP = sp("Schubert: Impromptus", f"{SCHU}; Mitsuko Uchida", "1997-01-01", 8, 28)
BREN_IMP = sp("Schubert: Impromptus D. 899 & D. 935", f"{SCHU}; Alfred Brendel",
              "1989-01-01", 8, 24)
LUPU_IMP = sp("Schubert: Impromptus", f"{SCHU}; Radu Lupu", "1983-01-01", 8, 22)
SCHU_BEST = sp("Schubert: The Best of Schubert", f"{SCHU}; Various Artists", "2010-01-01", 20,
               35, "compilation")
KL_BRA4 = sp("Brahms: Symphony No. 4 in E Minor, Op. 98", f"{BRA}; {VPO}; {KLE}",
             "1981-01-01", 4, 40)
KAR_BRA4 = sp("Brahms: Symphony No. 4 in E Minor, Op. 98", f"{BRA}; {BPO}; {KAR}",
              "1978-01-01", 4, 25)
LEN_BRA4 = sp("Brahms: Symphony No. 4 (Live)", f"{BRA}; {VPO}; {LEN}", "1983-01-01", 4, 22)
FURT_BRA4 = sp("Brahms: Symphony No. 4 (1948)", f"{BRA}; {BPO}; Wilhelm Furtwängler",
               "2011-01-01", 4, 15)
KL_BRA2 = sp("Brahms: Symphony No. 2 (Live)", f"{BRA}; {VPO}; {KLE}", "2015-01-01", 4, 19)
BRA_BEST = sp("Best of Brahms", BRA, "2012-01-01", 20, 36, "compilation")
MUT_BRA82 = sp("Brahms: Violin Concerto in D Major, Op. 77",
               f"{BRA}; Anne-Sophie Mutter; {BPO}; {KAR}", "1982-01-01", 3, 33)
MUT_BRA97 = sp("Brahms: Violin Concerto; Double Concerto (Live)",
               f"{BRA}; Anne-Sophie Mutter; {NYP}; Kurt Masur", "1997-01-01", 6, 18)
OIS_BRA = sp("Brahms: Violin Concerto (Remastered)", f"{BRA}; David Oistrakh; "
             "Orchestre National de la Radiodiffusion Française; Otto Klemperer",
             "1961-01-01", 3, 22)
HEIF_BRA = sp("Brahms: Violin Concerto / Tchaikovsky: Violin Concerto", f"{BRA}; Jascha Heifetz; "
              "Chicago Symphony Orchestra; Fritz Reiner", "1955-01-01", 6, 30)
DR_K64 = sp("Brahms: Ein deutsches Requiem, Op. 45", f"{BRA}; Gundula Janowitz; "
            f"Eberhard Waechter; Wiener Singverein; {BPO}; {KAR}", "1964-01-01", 7, 26)
DR_K77 = sp("Brahms: Ein deutsches Requiem, Op. 45 (Remastered)", f"{BRA}; "
            f"Anna Tomowa-Sintow; José van Dam; Wiener Singverein; {BPO}; {KAR}",
            "1977-01-01", 7, 20)
DR_K84 = sp("Brahms: Ein deutsches Requiem", f"{BRA}; Barbara Hendricks; José van Dam; "
            f"Wiener Singverein; {VPO}; {KAR}", "1985-01-01", 7, 19)
DR_KLEMP = sp("Brahms: Ein deutsches Requiem (Remastered)", f"{BRA}; Elisabeth Schwarzkopf; "
              f"{FD}; Philharmonia Orchestra; Otto Klemperer", "1962-01-01", 7, 24)
GIL_BRAPC = sp("Brahms: Piano Concertos Nos. 1 & 2", f"{BRA}; Emil Gilels; {BPO}; Eugen Jochum",
               "1972-01-01", 7, 30)
ZIM_BRAPC = sp("Brahms: Piano Concerto No. 1", f"{BRA}; Krystian Zimerman; {BPO}; Simon Rattle",
               "2005-01-01", 3, 25)
ZIM_LEN_BRA = sp("Brahms: Piano Concerto No. 1 (Live)", f"{BRA}; Krystian Zimerman; {VPO}; {LEN}",
                 "1984-01-01", 3, 20)
POL_BRAPC = sp("Brahms: Piano Concertos Nos. 1 & 2", f"{BRA}; Maurizio Pollini; {VPO}; Karl Böhm",
               "1979-01-01", 7, 19)

S.add("german_title opera_sacred_many_artists catalogue_number several_recordings "
      "same_conductor year_decides",
      "Karajan's 1969 Creation; his 1982 Salzburg live Creation is a decoy",
      r(["Joseph Haydn", "Gundula Janowitz", "Fritz Wunderlich", "Werner Krenn",
         "Dietrich Fischer-Dieskau", "Walter Berry", "Christa Ludwig", "Wiener Singverein",
         "Berliner Philharmoniker", "Herbert von Karajan"],
        "Die Schöpfung Hob. XXI:2", 1969, 1969, 34, "2xLP, Album + Box",
        "Deutsche Grammophon", "2707 044", "Classical"),
      [CREA_K69], [CREA_K82, CREA_LEN, CREA_GAR, HAY_BEST])
S.add("english_title performer_first soloist same_artist_other_work",
      "Marsalis's Haydn/Hummel/L. Mozart concertos; his baroque album and his jazz album of the "
      "same year are decoys",
      r(["Wynton Marsalis", "Joseph Haydn", "Johann Nepomuk Hummel", "Leopold Mozart",
         "National Philharmonic Orchestra", "Raymond Leppard"],
        "Haydn / Hummel / L. Mozart: Trumpet Concertos", 1983, 1983, 9, "LP, Album",
        "CBS Masterworks", "IM 37846", "Classical",
        display="Wynton Marsalis, Haydn, Hummel, L. Mozart, National Philharmonic Orchestra, "
                "Raymond Leppard"),
      [MARS_TPT], [MARS_BAROQ, MARS_JAZZ, BALSOM_TPT, ANDRE_TPT, HAY_BEST])
S.add("german_title chamber catalogue_number",
      "Amadeus Quartet's Kaiser/Sonnenaufgang LP; their complete Op. 76 and other quartets' "
      "Op. 76 are decoys",
      r(["Joseph Haydn", "Amadeus-Quartett"],
        "Streichquartette Op. 76 Nr. 3 »Kaiserquartett« · Nr. 4 »Sonnenaufgang«", 1964, 1964, 8,
        "LP, Album, Stereo", "Deutsche Grammophon", "SLPM 138 886", "Classical"),
      [AMA_OP76], [AMA_OP76_ALL, EMER_OP76, HAGEN_OP76, HAY_BEST])
S.add("german_title lied several_recordings same_soloist year_decides",
      "Fischer-Dieskau/Moore 1971 (DG); the same duo's 1962 EMI Winterreise and his versions "
      "with Demus and Brendel are decoys",
      r(["Franz Schubert", "Dietrich Fischer-Dieskau", "Gerald Moore"], "Winterreise D 911",
        1972, 1972, 24, "2xLP, Album", "Deutsche Grammophon", "2707 028", "Classical"),
      [WR72], [WR62, WR66, WR85, WR_BOS, WR_KAUF])
S.add("english_title lied several_recordings same_soloist year_decides",
      "Fischer-Dieskau/Moore 1962 on HMV (the Spotify album is its remaster); the 1971 DG one "
      "has the same performers",
      r(["Schubert", "Dietrich Fischer-Dieskau", "Gerald Moore"], "Winterreise", 1963, 1962, 24,
        "2xLP, Album, Stereo", "His Master's Voice", "ASD 544-545", "Classical"),
      [WR62], [WR72, WR66, WR85, WR_KAUF, SCHU_BEST])
S.add("german_title chamber several_recordings",
      "Gilels with Amadeus members; Richter's, Brendel's and Barenboim's Trouts are decoys",
      r(["Franz Schubert", "Emil Gilels", "Amadeus-Quartett", "Rainer Zepperitz"],
        "Forellen-Quintett A-dur D 667", 1976, 1976, 5, "LP, Album", "Deutsche Grammophon",
        "2530 646", "Classical"),
      [TROUT_GIL], [TROUT_BREN, TROUT_RICH, TROUT_BAR, SCHU_BEST])
S.add("german_title coupling catalogue_number several_recordings",
      "Kleiber's Schubert 3 & 8; Karajan's 8 & 9 and Böhm's 8 are decoys",
      r(["Schubert", "Wiener Philharmoniker", "Carlos Kleiber"],
        "Sinfonien Nr. 3 D-dur D 200 · Nr. 8 H-moll D 759 »Unvollendete«", 1979, 1979, 6,
        "LP, Album", "Deutsche Grammophon", "2531 124", "Classical"),
      [KL_SCHU38], [KAR_SCHU89, BOHM_SCHU8, HARN_SCHU, SCHU_BEST])
S.add("german_title chamber several_recordings same_ensemble year_decides",
      "Alban Berg Quartett's 1984 studio recording; their 1997 live one is a decoy",
      r(["Franz Schubert", "Alban Berg Quartett"],
        "Streichquartett D 810 »Der Tod Und Das Mädchen«", 1984, 1984, 4, "LP, Album", "EMI",
        "1C 067-27 0113 1", "Classical"),
      [ABQ_DTM84], [ABQ_DTM97, AMA_DTM, EMER_DTM, SCHU_BEST])
S.add("english_title piano_solo several_recordings",
      "Zimerman's Impromptus; Uchida, Brendel and Lupu have the same name",
      r(["Franz Schubert", "Krystian Zimerman"], "Impromptus D 899 & D 935", 1991, 1991, 8,
        "CD, Album", "Deutsche Grammophon", "423 612-2", "Classical"),
      [ZIM_IMP], [UCH_IMP, BREN_IMP, LUPU_IMP, SCHU_BEST])
S.add("german_title catalogue_number several_recordings same_conductor",
      "Kleiber's Brahms 4 (1981); his live Brahms 2 and other conductors' 4ths are decoys",
      r(["Johannes Brahms", "Wiener Philharmoniker", "Carlos Kleiber"],
        "Symphonie Nr. 4 E-moll Op. 98", 1981, 1981, 4, "LP, Album, Digital",
        "Deutsche Grammophon", "2532 003", "Romantic"),
      [KL_BRA4], [KAR_BRA4, LEN_BRA4, FURT_BRA4, KL_BRA2, BRA_BEST])
S.add("german_title performer_first soloist same_soloist year_decides",
      "Mutter/Karajan 1982; Mutter's 1997 live recording with Masur is a decoy",
      r(["Anne-Sophie Mutter", "Johannes Brahms", "Berliner Philharmoniker",
         "Herbert von Karajan"],
        "Violinkonzert D-dur Op. 77", 1982, 1982, 3, "LP, Album, Digital",
        "Deutsche Grammophon", "2532 032", "Romantic"),
      [MUT_BRA82], [MUT_BRA97, OIS_BRA, HEIF_BRA, BRA_BEST])
S.add("german_title opera_sacred_many_artists several_recordings same_conductor year_decides",
      "Karajan's first DG Deutsches Requiem (1964); he recorded it again in 1976 and 1983",
      r(["Johannes Brahms", "Gundula Janowitz", "Eberhard Waechter", "Wiener Singverein",
         "Berliner Philharmoniker", "Herbert von Karajan"],
        "Ein Deutsches Requiem Op. 45", 1964, 1964, 7, "2xLP, Album, Stereo",
        "Deutsche Grammophon", "SLPM 138 928/29", "Romantic"),
      [DR_K64], [DR_K77, DR_K84, DR_KLEMP, BRA_BEST])
S.add("german_title coupling soloist several_recordings",
      "Gilels/Jochum's two concertos; Zimerman's and Pollini's are decoys",
      r(["Johannes Brahms", "Emil Gilels", "Berliner Philharmoniker", "Eugen Jochum"],
        "Klavierkonzerte Nr. 1 & 2", 1972, 1972, 7, "2xLP, Album", "Deutsche Grammophon",
        "2707 064", "Romantic"),
      [GIL_BRAPC], [ZIM_BRAPC, ZIM_LEN_BRA, POL_BRAPC, BRA_BEST])

# ---------------------------------------------------------------- Mahler, Bruckner
LEN_M5_63 = sp("Mahler: Symphony No. 5 in C-Sharp Minor", f"{MAH}; {NYP}; {LEN}",
               "1964-01-01", 5, 30)
LEN_M5_87 = sp("Mahler: Symphony No. 5 (Live)", f"{MAH}; {VPO}; {LEN}", "1988-01-01", 5, 36)
KAR_M5 = sp("Mahler: Symphony No. 5", f"{MAH}; {BPO}; {KAR}", "1973-01-01", 5, 33)
ABB_M5 = sp("Mahler: Symphony No. 5", f"{MAH}; {BPO}; Claudio Abbado", "1993-01-01", 5, 27)
SOLTI_M5 = sp("Mahler: Symphony No. 5", f"{MAH}; Chicago Symphony Orchestra; Georg Solti",
              "1970-01-01", 5, 25)
RATTLE_M5 = sp("Mahler: Symphony No. 5", f"{MAH}; {BPO}; Simon Rattle", "2002-01-01", 5, 29)
ADAGIETTO = sp("Symphony No. 5: IV. Adagietto (Death in Venice)", f"{MAH}; Various Artists",
               "2016-01-01", 1, 42, "single")
MAH_BEST = sp("Mahler: Greatest Hits", f"{MAH}; Various Artists", "2011-01-01", 12, 26,
              "compilation")
LEN_M2_63 = sp('Mahler: Symphony No. 2 in C Minor "Resurrection"', f"{MAH}; Lee Venora; "
               f"Jennie Tourel; Collegiate Chorale; {NYP}; {LEN}", "1963-01-01", 5, 24)
LEN_M2_87 = sp('Mahler: Symphony No. 2 "Resurrection" (Live)', f"{MAH}; Barbara Hendricks; "
               f"Christa Ludwig; Westminster Choir; {NYP}; {LEN}", "1988-01-01", 5, 30)
KLEMP_M2 = sp('Mahler: Symphony No. 2 "Resurrection" (Remastered)', f"{MAH}; "
              "Elisabeth Schwarzkopf; Hilde Rössel-Majdan; Philharmonia Orchestra; "
              "Otto Klemperer", "1962-01-01", 5, 22)
ABB_M2 = sp('Mahler: Symphony No. 2 "Resurrection" (Live)', f"{MAH}; Lucerne Festival Orchestra; "
            "Claudio Abbado", "2003-01-01", 5, 23)
LEN_M9_79 = sp("Mahler: Symphony No. 9 (Live)", f"{MAH}; {BPO}; {LEN}", "1992-01-01", 4, 27)
LEN_M9_85 = sp("Mahler: Symphony No. 9", f"{MAH}; Royal Concertgebouw Orchestra; {LEN}",
               "1985-01-01", 4, 25)
LEN_M9_65 = sp("Mahler: Symphony No. 9 in D Major", f"{MAH}; {NYP}; {LEN}", "1966-01-01", 4, 20)
KAR_M9 = sp("Mahler: Symphony No. 9 (Live)", f"{MAH}; {BPO}; {KAR}", "1984-01-01", 4, 24)
DLVDE_WALT = sp("Mahler: Das Lied von der Erde", f"{MAH}; Kathleen Ferrier; Julius Patzak; "
                f"{VPO}; Bruno Walter", "1952-01-01", 6, 25)
DLVDE_KLEMP = sp("Mahler: Das Lied von der Erde (Remastered)", f"{MAH}; Fritz Wunderlich; "
                 "Christa Ludwig; Philharmonia Orchestra; Otto Klemperer", "1967-01-01", 6, 27)
DLVDE_LEN = sp("Mahler: Das Lied von der Erde", f"{MAH}; James King; {FD}; {VPO}; {LEN}",
               "1966-01-01", 6, 19)
DLVDE_KAUF = sp("Mahler: Das Lied von der Erde", f"{MAH}; Jonas Kaufmann; {VPO}; Jonathan Nott",
                "2017-01-01", 6, 28)
BRU = "Anton Bruckner"
KAR_BR7_89 = sp("Bruckner: Symphony No. 7 in E Major, WAB 107", f"{BRU}; {VPO}; {KAR}",
                "1989-01-01", 4, 29)
KAR_BR7_75 = sp("Bruckner: Symphony No. 7 in E Major, WAB 107", f"{BRU}; {BPO}; {KAR}",
                "1976-01-01", 4, 21)
KAR_BR7_71 = sp("Bruckner: Symphony No. 7 (Remastered)", f"{BRU}; {BPO}; {KAR}",
                "1971-01-01", 4, 16)
JOCH_BR7 = sp("Bruckner: Symphony No. 7", f"{BRU}; {BPO}; Eugen Jochum", "1965-01-01", 4, 14)
CELI_BR7 = sp("Bruckner: Symphony No. 7 (Live)", f"{BRU}; Münchner Philharmoniker; "
              "Sergiu Celibidache", "1997-01-01", 4, 18)

S.add("english_title several_recordings same_conductor year_decides",
      "Bernstein's CBS Mahler 5 (1963); his 1987 Vienna live 5th on DG is a decoy",
      r(["Gustav Mahler", "Leonard Bernstein", "The New York Philharmonic Orchestra"],
        "Symphony No. 5 In C-Sharp Minor", 1964, 1964, 5, "2xLP, Album, Stereo",
        "Columbia Masterworks", "M2S 698", "Romantic"),
      [LEN_M5_63], [LEN_M5_87, KAR_M5, ABB_M5, SOLTI_M5, RATTLE_M5, ADAGIETTO, MAH_BEST])
S.add("german_title several_recordings same_conductor year_decides live",
      "Bernstein's DG Mahler 5 (Vienna 1987); the CBS 1963 is a decoy",
      r(["Mahler", "Wiener Philharmoniker", "Leonard Bernstein"], "Symphonie Nr. 5", 1988, 1988,
        5, "CD, Album", "Deutsche Grammophon", "423 608-2", "Romantic"),
      [LEN_M5_87], [LEN_M5_63, KAR_M5, ABB_M5, RATTLE_M5, ADAGIETTO])
S.add("english_title several_recordings same_conductor same_orchestra year_decides "
      "opera_sacred_many_artists",
      "Bernstein/NY Phil 1963 Resurrection; Bernstein/NY Phil again in 1987 on DG is a decoy",
      r(["Mahler", "Lee Venora", "Jennie Tourel", "The Collegiate Chorale",
         "The New York Philharmonic Orchestra", "Leonard Bernstein"],
        'Symphony No. 2 In C Minor ("Resurrection")', 1963, 1963, 5, "2xLP, Album, Stereo",
        "Columbia Masterworks", "M2S 695", "Romantic"),
      [LEN_M2_63], [LEN_M2_87, KLEMP_M2, ABB_M2, MAH_BEST])
S.add("german_title several_recordings same_conductor same_orchestra year_decides live "
      "opera_sacred_many_artists",
      "Bernstein/NY Phil 1987 Resurrection (DG); the 1963 CBS recording is a decoy",
      r(["Gustav Mahler", "Barbara Hendricks", "Christa Ludwig", "Westminster Choir",
         "New York Philharmonic", "Leonard Bernstein"],
        "Symphonie Nr. 2 »Auferstehung«", 1988, 1988, 5, "2xCD, Album",
        "Deutsche Grammophon", "423 395-2", "Romantic"),
      [LEN_M2_87], [LEN_M2_63, KLEMP_M2, ABB_M2, MAH_BEST])
S.add("german_title several_recordings same_conductor year_decides live",
      "Bernstein's one Berlin Philharmonic concert (1979, issued 1992); his NY and Amsterdam "
      "Ninths and Karajan's Berlin Ninth are decoys",
      r(["Gustav Mahler", "Berliner Philharmoniker", "Leonard Bernstein"], "Symphonie Nr. 9",
        1992, 1992, 4, "2xCD, Album", "Deutsche Grammophon", "435 378-2", "Romantic"),
      [LEN_M9_79], [LEN_M9_85, LEN_M9_65, KAR_M9, MAH_BEST])
S.add("german_title historical several_recordings",
      "Walter/Ferrier/Patzak 1952 Decca; Klemperer, Bernstein and Kaufmann are decoys",
      r(["Gustav Mahler", "Kathleen Ferrier", "Julius Patzak", "Wiener Philharmoniker",
         "Bruno Walter"],
        "Das Lied Von Der Erde", 1952, 1952, 6, "2xLP, Album, Mono", "Decca", "LXT 2721-2722",
        "Romantic"),
      [DLVDE_WALT], [DLVDE_KLEMP, DLVDE_LEN, DLVDE_KAUF, MAH_BEST])
S.add("german_title several_recordings same_conductor year_decides",
      "Karajan's last recording (Vienna 1989); his Berlin 1975 Seventh has the same Spotify name",
      r(["Anton Bruckner", "Wiener Philharmoniker", "Herbert von Karajan"],
        "Symphonie Nr. 7 E-dur", 1990, 1990, 4, "CD, Album", "Deutsche Grammophon",
        "429 226-2", "Romantic"),
      [KAR_BR7_89], [KAR_BR7_75, KAR_BR7_71, JOCH_BR7, CELI_BR7])

# ---------------------------------------------------------------- Czech, Russian
SME, JAN = "Bedřich Smetana", "Leoš Janáček"
CPO = "Czech Philharmonic"
KUB_DVO9 = sp('Dvořák: Symphony No. 9 in E Minor, Op. 95, B. 178 "From the New World"',
              f"{DVO}; {BPO}; Rafael Kubelík", "1973-01-01", 4, 30)
KAR_DVO9_85 = sp('Dvořák: Symphony No. 9 "From the New World"', f"{DVO}; {VPO}; {KAR}",
                 "1985-01-01", 4, 32)
KAR_DVO9_64 = sp('Dvořák: Symphony No. 9 in E Minor, Op. 95 "From the New World"',
                 f"{DVO}; {BPO}; {KAR}", "1964-01-01", 4, 24)
ANC_DVO9 = sp('Dvořák: Symphony No. 9 "From the New World"', f"{DVO}; {CPO}; Karel Ančerl",
              "1961-01-01", 4, 26)
TAL_DVO9 = sp("Dvořák: Symphony No. 9 (Talich Special Edition)", f"{DVO}; {CPO}; Václav Talich",
              "2005-01-01", 4, 15)
KER_DVO9 = sp('Dvořák: Symphony No. 9 "From the New World"', f"{DVO}; London Symphony Orchestra; "
              "István Kertész", "1967-01-01", 4, 28)
DVO_BEST = sp("Dvořák: Greatest Hits", f"{DVO}; Various Artists", "2009-01-01", 18, 30,
              "compilation")
ROS_DVO_KAR = sp("Dvořák: Cello Concerto / Tchaikovsky: Rococo Variations",
                 f"{DVO}; Mstislav Rostropovich; {BPO}; {KAR}", "1969-01-01", 4, 34)
ROS_DVO_TAL = sp("Dvořák: Cello Concerto in B Minor, Op. 104", f"{DVO}; Mstislav Rostropovich; "
                 f"{CPO}; Václav Talich", "1952-01-01", 3, 14)
ROS_DVO_GIU = sp("Dvořák: Cello Concerto (Remastered)", f"{DVO}; Mstislav Rostropovich; "
                 "London Philharmonic Orchestra; Carlo Maria Giulini", "1977-01-01", 3, 19)
DUPRE_DVO = sp("Dvořák: Cello Concerto", f"{DVO}; Jacqueline du Pré; Chicago Symphony Orchestra; "
               "Daniel Barenboim", "1971-01-01", 3, 27)
MA_DVO = sp("Dvořák: Cello Concerto; Silent Woods", f"{DVO}; Yo-Yo Ma; {BPO}; Lorin Maazel",
            "1986-01-01", 4, 22)
KUB_MV90 = sp("Smetana: Má vlast (Live)", f"{SME}; {CPO}; Rafael Kubelík", "1990-01-01", 6, 28)
KUB_MV71 = sp("Smetana: Má vlast", f"{SME}; Boston Symphony Orchestra; Rafael Kubelík",
              "1971-01-01", 6, 22)
KUB_MV84 = sp("Smetana: Má vlast (Live)", f"{SME}; Symphonieorchester des Bayerischen Rundfunks; "
              "Rafael Kubelík", "1985-01-01", 6, 12)
ANC_MV = sp("Smetana: Má vlast", f"{SME}; {CPO}; Karel Ančerl", "1963-01-01", 6, 18)
MOLDAU = sp("Vltava (The Moldau)", f"{SME}; Various Artists", "2014-01-01", 1, 35, "single")
MACK_JAN = sp("Janáček: Sinfonietta; Taras Bulba", f"{JAN}; {VPO}; Charles Mackerras",
              "1980-01-01", 8, 26)
ANC_JAN = sp("Janáček: Sinfonietta, Taras Bulba", f"{JAN}; {CPO}; Karel Ančerl", "1962-01-01",
             8, 17)
KUB_JAN = sp("Janáček: Sinfonietta / Taras Bulba", f"{JAN}; Symphonieorchester des Bayerischen "
             "Rundfunks; Rafael Kubelík", "1970-01-01", 8, 14)
ANC_GLAG = sp("Janáček: Glagolitic Mass", f"{JAN}; {CPO}; Czech Philharmonic Chorus; "
              "Karel Ančerl", "1963-06-01", 8, 16)
MRAV_TCH456 = sp("Tchaikovsky: Symphonies Nos. 4, 5 & 6",
                 f"{TCH}; Leningrad Philharmonic Orchestra; Evgeny Mravinsky", "1961-01-01", 12, 38)
MRAV_TCH6 = sp('Tchaikovsky: Symphony No. 6 in B Minor, Op. 74 "Pathétique"',
               f"{TCH}; Leningrad Philharmonic Orchestra; Evgeny Mravinsky", "1961-06-01", 4, 30)
MRAV_TCH6_56 = sp('Tchaikovsky: Symphony No. 6 "Pathétique" (1956)',
                  f"{TCH}; Leningrad Philharmonic Orchestra; Evgeny Mravinsky", "2013-01-01", 4, 12)
KAR_TCH6_76 = sp('Tchaikovsky: Symphony No. 6 in B Minor, Op. 74 "Pathétique"',
                 f"{TCH}; {BPO}; {KAR}", "1977-01-01", 4, 28)
CURR_TCH6 = sp('Tchaikovsky: Symphony No. 6 "Pathétique"', f"{TCH}; MusicAeterna; "
               "Teodor Currentzis", "2017-10-27", 4, 33)
TCH_BEST = sp("Tchaikovsky: Greatest Hits", f"{TCH}; Various Artists", "2010-01-01", 20, 41,
              "compilation")
ARG_TCH71 = sp("Tchaikovsky: Piano Concerto No. 1 in B-Flat Minor, Op. 23",
               f"{TCH}; Martha Argerich; Royal Philharmonic Orchestra; Charles Dutoit",
               "1971-01-01", 3, 33)
ARG_TCH80 = sp("Tchaikovsky: Piano Concerto No. 1 (Live)", f"{TCH}; Martha Argerich; "
               "Symphonieorchester des Bayerischen Rundfunks; Kirill Kondrashin",
               "1982-01-01", 3, 28)
ARG_TCH94 = sp("Tchaikovsky: Piano Concerto No. 1; The Nutcracker Suite (Live)",
               f"{TCH}; Martha Argerich; {BPO}; Claudio Abbado", "1995-01-01", 8, 27)
CLIB_TCH = sp("Tchaikovsky: Piano Concerto No. 1", f"{TCH}; Van Cliburn; RCA Symphony Orchestra; "
              "Kirill Kondrashin", "1958-06-01", 3, 30)
RICH_TCH = sp("Tchaikovsky: Piano Concerto No. 1; Rachmaninov: Preludes",
              f"{TCH}; Sviatoslav Richter; Wiener Symphoniker; {KAR}", "1962-01-01", 9, 26)
RAC = "Sergei Rachmaninoff"
RICH_RAC2_DG = sp("Rachmaninoff: Piano Concerto No. 2; Preludes", f"{RAC}; Sviatoslav Richter; "
                  "Warsaw Philharmonic Orchestra; Stanisław Wisłocki", "1960-01-01", 9, 35)
RICH_RAC2_MEL = sp("Rachmaninov: Piano Concerto No. 2", f"{RAC}; Sviatoslav Richter; "
                   "Leningrad Philharmonic Orchestra; Kurt Sanderling", "1959-01-01", 3, 19)
ASH_RAC2 = sp("Rachmaninov: Piano Concerto No. 2", f"{RAC}; Vladimir Ashkenazy; "
              "London Symphony Orchestra; André Previn", "1971-01-01", 3, 28)
ZIM_RAC2 = sp("Rachmaninov: Piano Concertos Nos. 1 & 2", f"{RAC}; Krystian Zimerman; "
              "Boston Symphony Orchestra; Seiji Ozawa", "2000-01-01", 6, 27)
RAC_SELF = sp("Rachmaninoff Plays Rachmaninoff: The Piano Concertos", f"{RAC}; "
              "Philadelphia Orchestra; Leopold Stokowski", "1929-01-01", 12, 21)
FULL_MOON = sp("Full Moon and Empty Arms", "Frank Sinatra", "1945", 1, 24, "single")
SHO = "Dmitri Shostakovich"
LEN_SHO5_59 = sp("Shostakovich: Symphony No. 5 in D Minor, Op. 47", f"{SHO}; {NYP}; {LEN}",
                 "1959-01-01", 4, 27)
LEN_SHO5_79 = sp("Shostakovich: Symphony No. 5 (Live in Tokyo)", f"{SHO}; {NYP}; {LEN}",
                 "1979-12-01", 4, 23)
MRAV_SHO5 = sp("Shostakovich: Symphony No. 5", f"{SHO}; Leningrad Philharmonic Orchestra; "
               "Evgeny Mravinsky", "1984-01-01", 4, 18)
HAIT_SHO5 = sp("Shostakovich: Symphony No. 5; Five Fragments", f"{SHO}; "
               "Royal Concertgebouw Orchestra; Bernard Haitink", "1982-01-01", 9, 16)
SHO_WALTZ = sp("Shostakovich: Jazz Suites; Waltz No. 2", f"{SHO}; Royal Concertgebouw Orchestra; "
               "Riccardo Chailly", "1991-01-01", 14, 45)
PRO = "Sergei Prokofiev"
PW_BOHM_DE = sp("Prokofiev: Peter und der Wolf / Saint-Saëns: Karneval der Tiere",
                f"{PRO}; Karlheinz Böhm; {VPO}; Karl Böhm", "1975-01-01", 16, 24)
PW_BOHM_EN = sp("Prokofiev: Peter and the Wolf / Saint-Saëns: Carnival of the Animals",
                f"{PRO}; Hermione Gingold; {VPO}; Karl Böhm", "1975-06-01", 16, 20)
PW_BOWIE = sp("Prokofiev: Peter and the Wolf, Op. 67; Britten: The Young Person's Guide",
              f"{PRO}; David Bowie; Philadelphia Orchestra; Eugene Ormandy", "1978-05-01", 10, 34)
PW_LEN = sp("Prokofiev: Peter and the Wolf; Saint-Saëns: Carnival of the Animals",
            f"{PRO}; {LEN}; {NYP}", "1960-01-01", 16, 26)
PW_STING = sp("Prokofiev: Peter and the Wolf (Sting)", f"{PRO}; Sting; Chamber Orchestra of "
              "Europe; Claudio Abbado", "1990-01-01", 8, 21)
BOWIE_HEROES = sp('"Heroes" (2017 Remaster)', "David Bowie", "1977-10-14", 10, 60)
STRAV = "Igor Stravinsky"
BOUL_SACRE69 = sp("Stravinsky: Le Sacre du printemps", f"{STRAV}; The Cleveland Orchestra; "
                  "Pierre Boulez", "1969-01-01", 14, 24)
BOUL_SACRE91 = sp("Stravinsky: The Rite of Spring; Petrushka", f"{STRAV}; The Cleveland "
                  "Orchestra; Pierre Boulez", "1992-01-01", 19, 30)
LEN_SACRE = sp("Stravinsky: The Rite of Spring", f"{STRAV}; London Symphony Orchestra; {LEN}",
               "1972-01-01", 14, 23)
KAR_SACRE = sp("Stravinsky: Le Sacre du printemps", f"{STRAV}; {BPO}; {KAR}", "1977-01-01", 14, 17)
CURR_SACRE = sp("Stravinsky: The Rite of Spring", f"{STRAV}; MusicAeterna; Teodor Currentzis",
                "2015-09-25", 14, 27)
STRAV_SELF = sp("Stravinsky Conducts Le Sacre du printemps", f"{STRAV}; Columbia Symphony "
                "Orchestra", "1960-01-01", 14, 16)

S.add("german_title catalogue_number several_recordings",
      "Kubelík/BPO New World; Karajan (twice), Ančerl, Talich, Kertész are decoys",
      r(["Antonín Dvořák", "Berliner Philharmoniker", "Rafael Kubelik"],
        "Sinfonie Nr. 9 E-moll Op. 95 »Aus Der Neuen Welt«", 1973, 1973, 4, "LP, Album",
        "Deutsche Grammophon", "2530 415", "Romantic"),
      [KUB_DVO9], [KAR_DVO9_85, KAR_DVO9_64, ANC_DVO9, KER_DVO9, DVO_BEST])
S.add("czech_title supraphon several_recordings",
      "Ančerl's New World on a Czech Supraphon pressing",
      r(["Antonín Dvořák", "Česká Filharmonie", "Karel Ančerl"],
        "Symfonie Č. 9 E Moll »Z Nového Světa«", 1961, 1961, 4, "LP, Album, Stereo",
        "Supraphon", "SUA ST 50380", "Romantic",
        display="Antonín Dvořák, Česká Filharmonie, Karel Ančerl"),
      [ANC_DVO9], [TAL_DVO9, KUB_DVO9, KAR_DVO9_85, KER_DVO9, DVO_BEST])
S.add("english_title coupling soloist same_soloist several_recordings",
      "Rostropovich/Karajan (Dvořák + Rococo); Rostropovich's Talich and Giulini recordings are "
      "decoys",
      r(["Dvořák", "Tchaikovsky", "Mstislav Rostropovich", "Berliner Philharmoniker",
         "Herbert von Karajan"],
        "Cellokonzert · Rokoko-Variationen", 1969, 1969, 4, "LP, Album",
        "Deutsche Grammophon", "139 044", "Romantic"),
      [ROS_DVO_KAR], [ROS_DVO_TAL, ROS_DVO_GIU, DUPRE_DVO, MA_DVO])
S.add("czech_title supraphon several_recordings same_conductor year_decides live",
      "Kubelík's 1990 return to Prague; his Boston and Munich Má vlasts are decoys",
      r(["Bedřich Smetana", "Czech Philharmonic Orchestra", "Rafael Kubelík"], "Má Vlast",
        1990, 1990, 6, "2xCD, Album", "Supraphon", "11 1208-2 031", "Romantic"),
      [KUB_MV90], [KUB_MV71, KUB_MV84, ANC_MV, MOLDAU])
S.add("german_title several_recordings same_conductor year_decides",
      "Kubelík/Boston (DG 1971), German title 'Mein Vaterland'",
      r(["Smetana", "Boston Symphony Orchestra", "Rafael Kubelik"], "Mein Vaterland", 1971, 1971,
        6, "2xLP, Album", "Deutsche Grammophon", "2707 054", "Romantic"),
      [KUB_MV71], [KUB_MV90, KUB_MV84, ANC_MV, MOLDAU])
S.add("english_title coupling several_recordings",
      "Mackerras/VPO Sinfonietta + Taras Bulba; Ančerl and Kubelík couplings are decoys",
      r(["Leoš Janáček", "Wiener Philharmoniker", "Sir Charles Mackerras"],
        "Sinfonietta · Taras Bulba", 1980, 1980, 8, "LP, Album, Digital", "Decca",
        "SXDL 7519", "Modern"),
      [MACK_JAN], [ANC_JAN, KUB_JAN, ANC_GLAG])
S.add("czech_title supraphon opera_sacred_many_artists",
      "Ančerl's Glagolitic Mass with its Czech title",
      r(["Leoš Janáček", "Česká Filharmonie", "Pěvecký Sbor České Filharmonie", "Karel Ančerl"],
        "Glagolská Mše", 1964, 1964, 8, "LP, Album", "Supraphon", "SUA ST 50519", "Modern"),
      [ANC_GLAG], [ANC_JAN, MACK_JAN, KUB_JAN])
S.add("german_title several_recordings same_conductor",
      "Mravinsky's 1960 DG Pathétique (single LP and the 4-6 set carry it); his 1956 "
      "Pathétique is a decoy",
      r(["Peter Tschaikowsky", "Leningrader Philharmonie", "Jewgenij Mrawinskij"],
        "Sinfonie Nr. 6 H-moll Op. 74 »Pathétique«", 1961, 1961, 4, "LP, Album, Stereo",
        "Deutsche Grammophon", "SLPM 138 659", "Romantic"),
      [MRAV_TCH6, MRAV_TCH456], [MRAV_TCH6_56, KAR_TCH6_76, CURR_TCH6, TCH_BEST])
S.add("german_title soloist same_soloist several_recordings year_decides",
      "Argerich/Dutoit 1971; Argerich's 1980 Kondrashin and 1994 Abbado live recordings are "
      "decoys",
      r(["Peter Tschaikowsky", "Martha Argerich", "Royal Philharmonic Orchestra",
         "Charles Dutoit"],
        "Klavierkonzert Nr. 1 B-moll Op. 23", 1971, 1971, 3, "LP, Album",
        "Deutsche Grammophon", "2530 112", "Romantic"),
      [ARG_TCH71], [ARG_TCH80, ARG_TCH94, CLIB_TCH, RICH_TCH, TCH_BEST])
S.add("english_title soloist same_soloist several_recordings year_decides live",
      "Argerich/Kondrashin live 1980 (Philips); her DG 1971 and 1994 recordings are decoys",
      r(["Tchaikovsky", "Martha Argerich", "Symphonie-Orchester Des Bayerischen Rundfunks",
         "Kiril Kondrashin"],
        "Piano Concerto No. 1", 1982, 1982, 3, "LP, Album", "Philips", "6514 118", "Romantic"),
      [ARG_TCH80], [ARG_TCH71, ARG_TCH94, CLIB_TCH, TCH_BEST])
S.add("german_title soloist same_soloist several_recordings",
      "Richter/Wisłocki (DG 1959); Richter's Leningrad recording with Sanderling is a decoy; "
      "a Sinatra song on the same tune is junk",
      r(["Sergej Rachmaninoff", "Swjatoslaw Richter", "Warschauer Philharmonie",
         "Stanislaw Wislocki"],
        "Klavierkonzert Nr. 2 C-moll Op. 18 · Préludes", 1960, 1960, 9, "LP, Album",
        "Deutsche Grammophon", "SLPM 138 076", "Romantic"),
      [RICH_RAC2_DG], [RICH_RAC2_MEL, ASH_RAC2, ZIM_RAC2, RAC_SELF, FULL_MOON])
S.add("russian_cyrillic melodiya soloist same_soloist several_recordings",
      "Richter/Sanderling (Melodiya, Cyrillic); his DG recording with Wisłocki is a decoy",
      r(["С. Рахманинов", "Святослав Рихтер", "Заслуженный Коллектив Республики Академический "
         "Симфонический Оркестр Ленинградской Филармонии", "Курт Зандерлинг"],
        "Концерт № 2 Для Фортепиано С Оркестром", 1959, 1959, 3, "LP, Album", "Мелодия",
        "Д 05018-19", "Romantic"),
      [RICH_RAC2_MEL], [RICH_RAC2_DG, ASH_RAC2, ZIM_RAC2, RAC_SELF])
S.add("english_title several_recordings same_conductor same_orchestra year_decides",
      "Bernstein/NY Phil 1959 studio Fifth; their 1979 Tokyo live Fifth is a decoy",
      r(["Shostakovich", "Leonard Bernstein", "The New York Philharmonic Orchestra"],
        "Symphony No. 5", 1959, 1959, 4, "LP, Album, Stereo", "Columbia Masterworks",
        "MS 6115", "Modern"),
      [LEN_SHO5_59], [LEN_SHO5_79, MRAV_SHO5, HAIT_SHO5, SHO_WALTZ])
S.add("german_title narrated several_recordings same_conductor",
      "Karlheinz Böhm narrates, Karl Böhm conducts (German); the English version with "
      "Hermione Gingold is the same orchestra but another album",
      r(["Sergei Prokofiev", "Camille Saint-Saëns", "Karlheinz Böhm", "Wiener Philharmoniker",
         "Karl Böhm"],
        "Peter Und Der Wolf · Karneval Der Tiere", 1975, 1975, 16, "LP, Album",
        "Deutsche Grammophon", "2530 587", "Modern"),
      [PW_BOHM_DE], [PW_BOHM_EN, PW_BOWIE, PW_LEN, PW_STING])
S.add("english_title narrated performer_first same_artist_other_work",
      "Bowie narrates Peter and the Wolf; his own albums ('Heroes' is the same season) are "
      "decoys",
      r(["David Bowie", "Eugene Ormandy", "The Philadelphia Orchestra"],
        "Prokofiev: Peter And The Wolf / Britten: Young Person's Guide To The Orchestra", 1978,
        1978, 10, "LP, Album", "RCA Red Seal", "ARL1-2743", "Modern",
        display="David Bowie, Eugene Ormandy, The Philadelphia Orchestra"),
      [PW_BOWIE], [BOWIE_HEROES, PW_LEN, PW_BOHM_EN, PW_STING])
S.add("french_title several_recordings same_conductor same_orchestra year_decides",
      "Boulez/Cleveland 1969 (CBS); their 1991 DG recording (with Petrushka) is a decoy",
      r(["Stravinsky", "The Cleveland Orchestra", "Pierre Boulez"], "Le Sacre Du Printemps",
        1969, 1969, 14, "LP, Album", "Columbia Masterworks", "MS 7293", "Modern"),
      [BOUL_SACRE69], [BOUL_SACRE91, LEN_SACRE, KAR_SACRE, CURR_SACRE, STRAV_SELF])
S.add("german_title coupling several_recordings same_conductor same_orchestra year_decides",
      "Boulez/Cleveland 1991 DG coupling; their 1969 CBS Sacre is a decoy",
      r(["Igor Strawinsky", "The Cleveland Orchestra", "Pierre Boulez"],
        "Le Sacre Du Printemps · Petruschka", 1992, 1992, 19, "CD, Album",
        "Deutsche Grammophon", "435 769-2", "Modern"),
      [BOUL_SACRE91], [BOUL_SACRE69, LEN_SACRE, KAR_SACRE, CURR_SACRE])

# ---------------------------------------------------------------- French, Italian opera, Wagner
BER, FAU, DEB, SSA = "Hector Berlioz", "Gabriel Fauré", "Claude Debussy", "Camille Saint-Saëns"
BSO = "Boston Symphony Orchestra"
MUNCH_SF54 = sp("Berlioz: Symphonie fantastique, Op. 14", f"{BER}; {BSO}; Charles Munch",
                "1955-01-01", 5, 18)
MUNCH_SF62 = sp("Berlioz: Symphonie fantastique, Op. 14 (Remastered)", f"{BER}; {BSO}; "
                "Charles Munch", "1962-01-01", 5, 29)
MUNCH_SF67 = sp("Berlioz: Symphonie fantastique", f"{BER}; Orchestre de Paris; Charles Munch",
                "1968-01-01", 5, 31)
KAR_SF = sp("Berlioz: Symphonie fantastique, Op. 14", f"{BER}; {BPO}; {KAR}", "1975-01-01", 5, 20)
DAVIS_SF = sp("Berlioz: Symphonie fantastique", f"{BER}; Royal Concertgebouw Orchestra; "
              "Colin Davis", "1974-01-01", 5, 17)
ABB_SF = sp("Berlioz: Symphonie fantastique", f"{BER}; Chicago Symphony Orchestra; "
            "Claudio Abbado", "1984-01-01", 5, 15)
CLUY_FAU = sp("Fauré: Requiem, Op. 48", f"{FAU}; Victoria de los Ángeles; {FD}; "
              "Orchestre de la Société des Concerts du Conservatoire; André Cluytens",
              "1962-01-01", 7, 25)
HER_FAU88 = sp("Fauré: Requiem; Franck: Symphony", f"{FAU}; La Chapelle Royale; "
               "Collegium Vocale Gent; Philippe Herreweghe", "1988-01-01", 10, 21)
HER_FAU98 = sp("Fauré: Requiem (1901 Version)", f"{FAU}; La Chapelle Royale; Orchestre des "
               "Champs-Élysées; Philippe Herreweghe", "1998-01-01", 7, 19)
RUTTER_FAU = sp("Fauré: Requiem", f"{FAU}; Cambridge Singers; City of London Sinfonia; "
                "John Rutter", "1984-01-01", 7, 17)
PIE_JESU = sp("Pie Jesu", "Sarah Brightman; Paul Miles-Kingston", "1985-01-01", 1, 30, "single")
KAR_DEB = sp("Debussy: La Mer; Prélude à l'après-midi d'un faune; Ravel: Boléro",
             f"{DEB}; Maurice Ravel; {BPO}; {KAR}", "1964-01-01", 6, 31)
KAR_DEB85 = sp("Debussy: La Mer; Ravel: Boléro", f"{DEB}; Maurice Ravel; {BPO}; {KAR}",
               "1986-01-01", 5, 20)
BOUL_DEB = sp("Debussy: La Mer, Nocturnes, Jeux", f"{DEB}; The Cleveland Orchestra; "
              "Pierre Boulez", "1995-01-01", 9, 22)
BOLERO_RIEU = sp("Boléro", "André Rieu", "2008-01-01", 1, 33, "single")
MUNCH_SS3 = sp('Saint-Saëns: Symphony No. 3 "Organ"', f"{SSA}; Berj Zamkochian; {BSO}; "
               "Charles Munch", "1959-01-01", 4, 27)
BAR_SS3 = sp('Saint-Saëns: Symphony No. 3 "Organ"', f"{SSA}; Gaston Litaize; Chicago Symphony "
             "Orchestra; Daniel Barenboim", "1976-01-01", 4, 19)
KAR_SS3 = sp('Saint-Saëns: Symphony No. 3 "Organ"', f"{SSA}; Pierre Cochereau; {BPO}; {KAR}",
             "1982-01-01", 4, 20)
BABE = sp("Babe (Original Motion Picture Soundtrack)", "Nigel Westlake", "1995-01-01", 20, 25)
VER, PUC, WAG = "Giuseppe Verdi", "Giacomo Puccini", "Richard Wagner"
KL_TRAV = sp("Verdi: La traviata", f"{VER}; Ileana Cotrubas; Plácido Domingo; Sherrill Milnes; "
             f"Bayerisches Staatsorchester; {KLE}", "1977-01-01", 34, 28)
CALLAS_TRAV58 = sp("Verdi: La traviata (Live, Lisbon 1958)", f"{VER}; Maria Callas; "
                   "Alfredo Kraus; Franco Ghione", "1980-01-01", 30, 20)
CALLAS_TRAV55 = sp("Verdi: La traviata (Live, La Scala 1955)", f"{VER}; Maria Callas; "
                   "Giuseppe Di Stefano; Carlo Maria Giulini", "2002-01-01", 30, 18)
NETR_TRAV = sp("Verdi: La traviata (Live)", f"{VER}; Anna Netrebko; Rolando Villazón; "
               f"{VPO}; Carlo Rizzi", "2005-10-01", 32, 25)
LIBIAMO = sp('La traviata: "Libiamo ne\' lieti calici"', f"{VER}; Luciano Pavarotti; "
             "Joan Sutherland", "2000-01-01", 1, 42, "single")
SUTH_TRAV = sp("Verdi: La traviata", f"{VER}; Joan Sutherland; Luciano Pavarotti; "
               "National Philharmonic Orchestra; Richard Bonynge", "1981-01-01", 36, 22)
CALLAS_TOSCA53 = sp("Puccini: Tosca", f"{PUC}; Maria Callas; Giuseppe Di Stefano; Tito Gobbi; "
                    "Orchestra del Teatro alla Scala di Milano; Victor de Sabata",
                    "1953-01-01", 30, 29)
CALLAS_TOSCA53R = sp("Puccini: Tosca (1953 - De Sabata) - Callas Remastered",
                     f"{PUC}; Maria Callas; Giuseppe Di Stefano; Tito Gobbi; Orchestra del "
                     "Teatro alla Scala di Milano; Victor de Sabata", "2014-09-22", 30, 31)
CALLAS_TOSCA64R = sp("Puccini: Tosca (1964 - Prêtre) - Callas Remastered",
                     f"{PUC}; Maria Callas; Carlo Bergonzi; Tito Gobbi; Orchestre de la "
                     "Société des Concerts du Conservatoire; Georges Prêtre",
                     "2014-09-22", 30, 22)
KAR_TOSCA = sp("Puccini: Tosca", f"{PUC}; Leontyne Price; Giuseppe Di Stefano; Giuseppe Taddei; "
               f"{VPO}; {KAR}", "1963-01-01", 32, 19)
VISSI = sp('Tosca: "Vissi d\'arte"', f"{PUC}; Maria Callas", "2014-01-01", 1, 38, "single")
KAR_BOH = sp("Puccini: La Bohème", f"{PUC}; Luciano Pavarotti; Mirella Freni; Elizabeth Harwood; "
             f"Rolando Panerai; Nicolai Ghiaurov; {BPO}; {KAR}", "1973-01-01", 41, 34)
BEECH_BOH = sp("Puccini: La Bohème (Remastered)", f"{PUC}; Victoria de los Ángeles; "
               "Jussi Björling; RCA Victor Orchestra; Thomas Beecham", "1956-01-01", 40, 21)
NETR_BOH = sp("Puccini: La Bohème", f"{PUC}; Anna Netrebko; Rolando Villazón; Symphonieorchester "
              "des Bayerischen Rundfunks; Bertrand de Billy", "2008-01-01", 41, 26)
PAV_BEST = sp("The Best of Pavarotti", "Luciano Pavarotti", "2005-01-01", 20, 48, "compilation")
KL_TRIS = sp("Wagner: Tristan und Isolde", f"{WAG}; Margaret Price; René Kollo; "
             f"Brigitte Fassbaender; Kurt Moll; Staatskapelle Dresden; {KLE}", "1982-01-01", 43, 24)
FURT_TRIS = sp("Wagner: Tristan und Isolde (Remastered)", f"{WAG}; Kirsten Flagstad; "
               "Ludwig Suthaus; Philharmonia Orchestra; Wilhelm Furtwängler", "1952-01-01", 42, 20)
BOHM_TRIS = sp("Wagner: Tristan und Isolde (Live)", f"{WAG}; Birgit Nilsson; Wolfgang Windgassen; "
               "Orchester der Bayreuther Festspiele; Karl Böhm", "1966-01-01", 42, 22)
LEN_TRIS = sp("Wagner: Tristan und Isolde", f"{WAG}; Hildegard Behrens; Peter Hofmann; "
              f"Symphonieorchester des Bayerischen Rundfunks; {LEN}", "1983-01-01", 45, 12)
WAG_BEST = sp("Wagner: Greatest Hits", f"{WAG}; Various Artists", "2013-01-01", 16, 34,
              "compilation")

S.add("english_title several_recordings same_conductor same_orchestra year_decides historical",
      "Munch/Boston 1954 mono Fantastique; the 1962 Living Stereo remake (its Spotify album is "
      "'(Remastered)') and Munch's 1967 Paris recording are decoys",
      r(["Hector Berlioz", "Boston Symphony Orchestra", "Charles Munch"],
        "Symphonie Fantastique", 1955, 1955, 5, "LP, Album, Mono", "RCA Victor Red Seal",
        "LM-1900", "Romantic"),
      [MUNCH_SF54], [MUNCH_SF62, MUNCH_SF67, KAR_SF, DAVIS_SF, ABB_SF])
S.add("english_title several_recordings same_conductor same_orchestra year_decides",
      "Munch/Boston 1962 Living Stereo (the 1954 mono and the 1967 Paris are decoys)",
      r(["Berlioz", "Charles Munch", "Boston Symphony Orchestra"], "Symphonie Fantastique",
        1962, 1962, 5, "LP, Album, Stereo", "RCA Victor Red Seal", "LSC-2608", "Romantic"),
      [MUNCH_SF62], [MUNCH_SF54, MUNCH_SF67, KAR_SF, DAVIS_SF])
S.add("french_title several_recordings same_conductor year_decides",
      "Munch's Orchestre de Paris debut recording (1967) on Pathé",
      r(["Hector Berlioz", "Orchestre De Paris", "Charles Munch"],
        "Symphonie Fantastique Op. 14", 1968, 1968, 5, "LP, Album", "Pathé Marconi",
        "C 069-10732", "Romantic"),
      [MUNCH_SF67], [MUNCH_SF54, MUNCH_SF62, KAR_SF, ABB_SF])
S.add("french_title opera_sacred_many_artists several_recordings",
      "Cluytens' 1962 Fauré Requiem; Herreweghe (twice) and Rutter are decoys, 'Pie Jesu' is junk",
      r(["Gabriel Fauré", "Victoria De Los Angeles", "Dietrich Fischer-Dieskau",
         "Orchestre De La Société Des Concerts Du Conservatoire", "André Cluytens"],
        "Requiem Op. 48", 1962, 1962, 7, "LP, Album", "La Voix De Son Maître", "ASDF 804",
        "Romantic"),
      [CLUY_FAU], [HER_FAU88, HER_FAU98, RUTTER_FAU, PIE_JESU])
S.add("french_title coupling several_recordings same_conductor",
      "Karajan's 1964 La Mer / Faune / Boléro; his 1985 digital La Mer + Boléro is a decoy",
      r(["Claude Debussy", "Maurice Ravel", "Berliner Philharmoniker", "Herbert von Karajan"],
        "La Mer · Prélude À L'Après-midi D'un Faune · Boléro", 1965, 1965, 6, "LP, Album",
        "Deutsche Grammophon", "SLPM 138 923", "Impressionist"),
      [KAR_DEB], [KAR_DEB85, BOUL_DEB, BOLERO_RIEU])
S.add("english_title several_recordings junk_decoy",
      "Munch's Organ Symphony; others' Organ Symphonies and the Babe soundtrack (its tune) are "
      "decoys",
      r(["Camille Saint-Saëns", "Boston Symphony Orchestra", "Charles Munch",
         "Berj Zamkochian"],
        'Symphony No. 3 In C Minor, Op. 78 ("Organ")', 1960, 1960, 4, "LP, Album, Stereo",
        "RCA Victor Red Seal", "LSC-2341", "Romantic"),
      [MUNCH_SS3], [BAR_SS3, KAR_SS3, BABE])
S.add("italian_title opera_sacred_many_artists several_recordings",
      "Kleiber's Traviata; Callas's live Traviatas and Netrebko's are decoys",
      r(["Giuseppe Verdi", "Ileana Cotrubas", "Plácido Domingo", "Sherrill Milnes",
         "Bayerisches Staatsorchester", "Carlos Kleiber"],
        "La Traviata", 1977, 1977, 34, "2xLP, Album + Box", "Deutsche Grammophon", "2707 103",
        "Opera"),
      [KL_TRAV], [CALLAS_TRAV58, CALLAS_TRAV55, NETR_TRAV, SUTH_TRAV, LIBIAMO])
S.add("italian_title opera_sacred_many_artists several_recordings same_soloist year_decides",
      "Callas/de Sabata 1953 Tosca (and its Callas Remastered edition); Callas/Prêtre 1964 is "
      "a decoy with the same naming",
      r(["Puccini", "Maria Callas", "Giuseppe Di Stefano", "Tito Gobbi",
         "Orchestra Del Teatro Alla Scala", "Victor De Sabata"],
        "Tosca", 1953, 1953, 30, "2xLP, Album, Mono", "Columbia", "33CX 1094-1095", "Opera"),
      [CALLAS_TOSCA53, CALLAS_TOSCA53R], [CALLAS_TOSCA64R, KAR_TOSCA, VISSI])
S.add("italian_title opera_sacred_many_artists several_recordings same_soloist year_decides",
      "Callas/Prêtre 1964 Tosca",
      r(["Giacomo Puccini", "Maria Callas", "Carlo Bergonzi", "Tito Gobbi",
         "Orchestre De La Société Des Concerts Du Conservatoire", "Georges Prêtre"],
        "Tosca", 1965, 1965, 30, "2xLP, Album, Stereo", "His Master's Voice", "SAN 149-150",
        "Opera"),
      [CALLAS_TOSCA64R], [CALLAS_TOSCA53, CALLAS_TOSCA53R, KAR_TOSCA, VISSI])
S.add("italian_title opera_sacred_many_artists several_recordings",
      "Karajan's Decca Bohème (Pavarotti, Freni); Beecham and Netrebko are decoys",
      r(["Puccini", "Luciano Pavarotti", "Mirella Freni", "Elizabeth Harwood", "Rolando Panerai",
         "Nicolai Ghiaurov", "Berliner Philharmoniker", "Herbert von Karajan"],
        "La Bohème", 1973, 1973, 41, "2xLP, Album + Box", "Decca", "SET 565-6", "Opera"),
      [KAR_BOH], [BEECH_BOH, NETR_BOH, PAV_BEST])
S.add("german_title opera_sacred_many_artists several_recordings",
      "Kleiber's Dresden Tristan; Furtwängler, Böhm, Bernstein are decoys",
      r(["Richard Wagner", "Margaret Price", "René Kollo", "Brigitte Fassbaender", "Kurt Moll",
         "Staatskapelle Dresden", "Carlos Kleiber"],
        "Tristan Und Isolde", 1982, 1982, 43, "5xLP, Album, Digital + Box",
        "Deutsche Grammophon", "2741 006", "Opera"),
      [KL_TRIS], [FURT_TRIS, BOHM_TRIS, LEN_TRIS, WAG_BEST])

# ---------------------------------------------------------------- piano, couplings
LIS = "Franz Liszt"
RUB_NOC65 = sp("Chopin: Nocturnes", f"{CHO}; Arthur Rubinstein", "1965-01-01", 19, 42)
RUB_NOC37 = sp("Chopin: Nocturnes (1936-1937)", f"{CHO}; Arthur Rubinstein", "2001-01-01", 19, 18)
POL_NOC = sp("Chopin: Nocturnes", f"{CHO}; Maurizio Pollini", "2005-01-01", 21, 29)
PIRES_NOC = sp("Chopin: The Nocturnes", f"{CHO}; Maria João Pires", "1996-01-01", 21, 31)
CHO_SLEEP = sp("Chopin for Sleep", LULL, "2019-01-01", 20, 24)
CHO_BEST = sp("Chopin: The Best Of", CHO, "2010-01-01", 20, 45, "compilation")
ZIM_BALL = sp("Chopin: 4 Ballades; Barcarolle; Fantaisie", f"{CHO}; Krystian Zimerman",
              "1988-01-01", 6, 37)
ZIM_CHO_PC = sp("Chopin: Piano Concertos Nos. 1 & 2", f"{CHO}; Krystian Zimerman; "
                "Polish Festival Orchestra", "1999-01-01", 6, 26)
ARG_PREL = sp("Chopin: 24 Préludes, Op. 28", f"{CHO}; Martha Argerich", "1977-01-01", 26, 34)
POL_PREL = sp("Chopin: 24 Préludes, Op. 28", f"{CHO}; Maurizio Pollini", "1975-01-01", 24, 27)
POL_PREL11 = sp("Chopin: Préludes, Op. 28 (Live)", f"{CHO}; Maurizio Pollini", "2011-01-01",
                24, 13)
ZIM_LIS = sp("Liszt: Piano Sonata in B Minor, S. 178; Nuages gris; La lugubre gondola",
             f"{LIS}; Krystian Zimerman", "1991-01-01", 5, 25)
BREN_LIS = sp("Liszt: Piano Sonata in B Minor", f"{LIS}; Alfred Brendel", "1992-01-01", 5, 20)
ARG_LIS = sp("Liszt: Piano Sonata / Schumann: Piano Sonata No. 2", f"{LIS}; Martha Argerich",
             "1972-01-01", 5, 19)
HOR_MOS = sp("Horowitz in Moscow", "Vladimir Horowitz", "1986-01-01", 15, 41)
HOR_MOS_VIDEO = sp("Horowitz in Moscow (Live)", "Vladimir Horowitz", "2017-01-01", 21, 18)
HOR_VIENNA = sp("Horowitz in Vienna", "Vladimir Horowitz", "1991-01-01", 9, 22)
HOR_LAST = sp("Horowitz: The Last Recording", "Vladimir Horowitz", "1990-01-01", 10, 24)
ZIM_GRSC = sp("Grieg & Schumann: Piano Concertos", "Edvard Grieg; Robert Schumann; "
              f"Krystian Zimerman; {BPO}; {KAR}", "1982-01-01", 6, 33)
LUPU_GRSC = sp("Grieg & Schumann: Piano Concertos", "Edvard Grieg; Robert Schumann; Radu Lupu; "
               "London Symphony Orchestra; André Previn", "1974-01-01", 6, 27)
RICH_GRSC = sp("Grieg & Schumann: Piano Concertos (Remastered)", "Edvard Grieg; Robert Schumann; "
               "Sviatoslav Richter; Orchestre National de l'Opéra de Monte-Carlo; "
               "Lovro von Matačić", "1974-06-01", 6, 22)
PERA_GRSC = sp("Schumann & Grieg: Piano Concertos", "Robert Schumann; Edvard Grieg; "
               "Murray Perahia; Symphonieorchester des Bayerischen Rundfunks; Colin Davis",
               "1988-01-01", 6, 20)
GRIEG_PG = sp("Grieg: Peer Gynt Suites Nos. 1 & 2", f"Edvard Grieg; {BPO}; {KAR}", "1982-06-01",
              8, 30)
MUT_MB81 = sp("Bruch: Violin Concerto No. 1 / Mendelssohn: Violin Concerto",
              f"Max Bruch; Felix Mendelssohn; Anne-Sophie Mutter; {BPO}; {KAR}",
              "1981-01-01", 6, 36)
MUT_MEN09 = sp("Mendelssohn: Violin Concerto; Piano Trio (Live)", "Felix Mendelssohn; "
               "Anne-Sophie Mutter; Gewandhausorchester; Kurt Masur", "2009-01-01", 7, 22)
HAHN_MEN = sp("Mendelssohn & Shostakovich: Violin Concertos", "Felix Mendelssohn; "
              "Hilary Hahn; Oslo Philharmonic Orchestra; Hugh Wolff", "2002-01-01", 7, 25)
KEN_MB = sp("Bruch & Mendelssohn: Violin Concertos", "Max Bruch; Felix Mendelssohn; "
            "Nigel Kennedy; English Chamber Orchestra; Jeffrey Tate", "1988-01-01", 6, 19)

S.add("english_title piano_solo several_recordings same_soloist year_decides",
      "Rubinstein's 1965 stereo Nocturnes; his 1936-37 set is a decoy",
      r(["Chopin", "Arthur Rubinstein"], "The Nocturnes", 1965, 1965, 19,
        "2xLP, Album, Stereo", "RCA Victor Red Seal", "LSC-7050", "Romantic"),
      [RUB_NOC65], [RUB_NOC37, POL_NOC, PIRES_NOC, CHO_SLEEP, CHO_BEST])
S.add("french_title piano_solo same_artist_other_work",
      "Zimerman's Ballades (1988); his Chopin concertos are the same pianist's other work",
      r(["Frédéric Chopin", "Krystian Zimerman"], "4 Balladen · Barcarolle · Fantaisie", 1988,
        1988, 6, "CD, Album", "Deutsche Grammophon", "423 090-2", "Romantic"),
      [ZIM_BALL], [ZIM_CHO_PC, CHO_BEST, CHO_SLEEP, PIRES_NOC])
S.add("french_title piano_solo several_recordings same_name_other_performer",
      "Argerich's Préludes; Pollini's have exactly the same Spotify name",
      r(["Chopin", "Martha Argerich"], "24 Préludes Op. 28", 1977, 1977, 26, "LP, Album",
        "Deutsche Grammophon", "2530 721", "Romantic"),
      [ARG_PREL], [POL_PREL, POL_PREL11, CHO_BEST, CHO_SLEEP])
S.add("french_title piano_solo several_recordings same_name_other_performer same_soloist",
      "Pollini's 1975 Préludes; his 2011 live set and Argerich's are decoys",
      r(["Frédéric Chopin", "Maurizio Pollini"], "24 Préludes Op. 28", 1975, 1975, 24,
        "LP, Album", "Deutsche Grammophon", "2530 550", "Romantic"),
      [POL_PREL], [ARG_PREL, POL_PREL11, CHO_BEST, POL_NOC])
S.add("german_title piano_solo catalogue_number several_recordings",
      "Zimerman's Liszt sonata; Brendel and Argerich are decoys",
      r(["Franz Liszt", "Krystian Zimerman"],
        "Klaviersonate H-moll · Nuages Gris · La Lugubre Gondola", 1991, 1991, 5, "CD, Album",
        "Deutsche Grammophon", "431 780-2", "Romantic"),
      [ZIM_LIS], [BREN_LIS, ARG_LIS, ZIM_BALL])
S.add("english_title piano_solo performer_only live",
      "Horowitz's Moscow recital: no composer credited; the later video-soundtrack edition "
      "has the extra encores of the same concert",
      r(["Vladimir Horowitz"], "Horowitz In Moscow", 1986, 1986, 15, "CD, Album",
        "Deutsche Grammophon", "419 499-2", "Romantic"),
      [HOR_MOS, HOR_MOS_VIDEO], [HOR_VIENNA, HOR_LAST])
S.add("german_title coupling soloist several_recordings",
      "Zimerman/Karajan Grieg + Schumann; Lupu, Richter and Perahia couplings have the same or "
      "reversed names",
      r(["Edvard Grieg", "Robert Schumann", "Krystian Zimerman", "Berliner Philharmoniker",
         "Herbert von Karajan"],
        "Klavierkonzerte A-moll", 1982, 1982, 6, "LP, Album, Digital", "Deutsche Grammophon",
        "2532 043", "Romantic"),
      [ZIM_GRSC], [LUPU_GRSC, RICH_GRSC, PERA_GRSC, GRIEG_PG])
S.add("english_title coupling soloist several_recordings",
      "Lupu/Previn Grieg + Schumann (Decca)",
      r(["Grieg", "Schumann", "Radu Lupu", "London Symphony Orchestra", "André Previn"],
        "Piano Concertos", 1974, 1974, 6, "LP, Album", "Decca", "SXL 6624", "Romantic",
        display="Grieg / Schumann, Radu Lupu, London Symphony Orchestra, André Previn"),
      [LUPU_GRSC], [ZIM_GRSC, RICH_GRSC, PERA_GRSC])
S.add("german_title coupling performer_first soloist same_soloist",
      "Mutter/Karajan Bruch + Mendelssohn; Mutter's 2009 Mendelssohn is a decoy",
      r(["Anne-Sophie Mutter", "Max Bruch", "Felix Mendelssohn Bartholdy",
         "Berliner Philharmoniker", "Herbert von Karajan"],
        "Violinkonzerte", 1981, 1981, 6, "LP, Album", "Deutsche Grammophon", "2531 390",
        "Romantic"),
      [MUT_MB81], [MUT_MEN09, HAHN_MEN, KEN_MB])

# ---------------------------------------------------------------- sacred and modern
ORF = "Carl Orff"
JOCH_CB = sp("Orff: Carmina Burana", f"{ORF}; Gundula Janowitz; Gerhard Stolze; {FD}; "
             "Chor der Deutschen Oper Berlin; Orchester der Deutschen Oper Berlin; Eugen Jochum",
             "1968-01-01", 25, 38)
PREV_CB = sp("Orff: Carmina Burana", f"{ORF}; Sheila Armstrong; Gerald English; Thomas Allen; "
             "London Symphony Chorus; London Symphony Orchestra; André Previn",
             "1975-01-01", 25, 27)
RATTLE_CB = sp("Orff: Carmina Burana", f"{ORF}; Sally Matthews; Lawrence Brownlee; "
               f"Christian Gerhaher; Rundfunkchor Berlin; {BPO}; Simon Rattle", "2005-01-01", 25,
               30)
FORTUNA = sp("O Fortuna (Epic Version)", "Epic Trailer Music Orchestra", "2017-01-01", 1, 40,
             "single")
GOR = "Henryk Górecki"
ZIN_GOR = sp('Górecki: Symphony No. 3, Op. 36 "Symphony of Sorrowful Songs"',
             f"{GOR}; Dawn Upshaw; London Sinfonietta; David Zinman", "1992-01-01", 3, 44)
GIBBONS_GOR = sp("Henryk Górecki: Symphony No. 3 (Symphony Of Sorrowful Songs)",
                 "Beth Gibbons; Polish National Radio Symphony Orchestra; Krzysztof Penderecki",
                 "2019-03-29", 3, 41)
KILAR_GOR = sp("Górecki: Symphony No. 3", f"{GOR}; Zofia Kilanowicz; Polish National Radio "
               "Symphony Orchestra; Antoni Wit", "1994-01-01", 3, 20)
PART = "Arvo Pärt"
PART_TR = sp("Arvo Pärt: Tabula Rasa", f"{PART}; Gidon Kremer; Keith Jarrett; Tatjana Grindenko; "
             "Lithuanian Chamber Orchestra; Saulius Sondeckis", "1984-01-01", 5, 43)
PART_ALINA = sp("Arvo Pärt: Alina", f"{PART}; Vladimir Spivakov; Sergej Bezrodny",
                "1999-01-01", 5, 47)
NEUB_TR = sp("Tabula Rasa", "Einstürzende Neubauten", "1993-01-25", 8, 30)
PART_SPIEGEL = sp("Spiegel im Spiegel", f"{PART}; Various Artists", "2015-01-01", 1, 39, "single")
MONT = "Claudio Monteverdi"
GAR_VES90 = sp("Monteverdi: Vespro della Beata Vergine", f"{MONT}; Monteverdi Choir; "
               "English Baroque Soloists; John Eliot Gardiner", "1990-01-01", 26, 25)
GAR_VES74 = sp("Monteverdi: Vespers of 1610", f"{MONT}; Monteverdi Choir; "
               "Philip Jones Brass Ensemble; John Eliot Gardiner", "1974-01-01", 25, 12)
SAVALL_VES = sp("Monteverdi: Vespro della Beata Vergine", f"{MONT}; La Capella Reial de "
                "Catalunya; Le Concert des Nations; Jordi Savall", "1989-01-01", 26, 15)
ALES_VES = sp("Monteverdi: Vespro della Beata Vergine 1610", f"{MONT}; Concerto Italiano; "
              "Rinaldo Alessandrini", "2004-01-01", 26, 16)
TALLIS_MIS = sp("Allegri: Miserere / Mundy: Vox Patris Caelestis / Palestrina: Missa Papae "
                "Marcelli", "Gregorio Allegri; The Tallis Scholars; Peter Phillips",
                "1980-01-01", 9, 35)
TALLIS_MIS05 = sp("Allegri: Miserere (2005 Recording)", "Gregorio Allegri; The Tallis Scholars; "
                  "Peter Phillips", "2005-01-01", 1, 25, "single")
KINGS_MIS = sp("Allegri: Miserere", "Gregorio Allegri; Choir of King's College, Cambridge; "
               "David Willcocks", "1964-01-01", 6, 26)
SIXTEEN_MIS = sp("Allegri: Miserere & Other Choral Works", "Gregorio Allegri; The Sixteen; "
                 "Harry Christophers", "1992-01-01", 12, 20)

S.add("german_title opera_sacred_many_artists catalogue_number several_recordings junk_decoy",
      "Jochum's Carmina Burana (with Orff's blessing); Previn and Rattle are decoys, an 'epic' "
      "trailer single is junk",
      r(["Carl Orff", "Gundula Janowitz", "Gerhard Stolze", "Dietrich Fischer-Dieskau",
         "Chor Der Deutschen Oper Berlin", "Orchester Der Deutschen Oper Berlin", "Eugen Jochum"],
        "Carmina Burana", 1968, 1968, 25, "LP, Album", "Deutsche Grammophon", "139 362",
        "Modern"),
      [JOCH_CB], [PREV_CB, RATTLE_CB, FORTUNA])
S.add("english_title several_recordings same_name_other_performer",
      "Zinman/Upshaw 1992; Beth Gibbons's 2019 live recording and Antoni Wit's are decoys",
      r(["Henryk Mikołaj Górecki", "Dawn Upshaw", "London Sinfonietta", "David Zinman"],
        "Symphony No. 3 (Symphony Of Sorrowful Songs)", 1992, 1992, 3, "CD, Album", "Nonesuch",
        "7559-79282-2", "Contemporary"),
      [ZIN_GOR], [GIBBONS_GOR, KILAR_GOR, PART_TR])
S.add("english_title same_title_other_genre same_artist_other_work",
      "Pärt's ECM Tabula Rasa; Einstürzende Neubauten's 'Tabula Rasa' and Pärt's 'Alina' are "
      "decoys",
      r(["Arvo Pärt", "Gidon Kremer", "Keith Jarrett", "Tatjana Grindenko",
         "Lithuanian Chamber Orchestra", "Saulius Sondeckis"],
        "Tabula Rasa", 1984, 1984, 5, "LP, Album", "ECM Records", "ECM 1275", "Contemporary"),
      [PART_TR], [NEUB_TR, PART_ALINA, PART_SPIEGEL])
S.add("italian_title opera_sacred_many_artists several_recordings same_conductor year_decides",
      "Gardiner's 1989 Venice Vespers; his 1974 Decca recording is a decoy",
      r(["Claudio Monteverdi", "The Monteverdi Choir", "The English Baroque Soloists",
         "His Majesties Sagbutts And Cornetts", "John Eliot Gardiner"],
        "Vespro Della Beata Vergine 1610", 1990, 1990, 26, "2xCD, Album", "Archiv Produktion",
        "429 565-2", "Baroque"),
      [GAR_VES90], [GAR_VES74, SAVALL_VES, ALES_VES])
S.add("english_title opera_sacred_many_artists several_recordings same_ensemble year_decides",
      "Tallis Scholars' 1980 Miserere album; their 2005 re-recording is a decoy",
      r(["Allegri", "Mundy", "Palestrina", "The Tallis Scholars", "Peter Phillips"],
        "Miserere", 1980, 1980, 9, "LP, Album", "Gimell", "1585-03", "Renaissance",
        display="Allegri / Mundy / Palestrina, The Tallis Scholars, Peter Phillips"),
      [TALLIS_MIS], [TALLIS_MIS05, KINGS_MIS, SIXTEEN_MIS])

# ---------------------------------------------------------------- not on Spotify
# Obscure Eterna, Melodiya, Opus, Supraphon and Pathé pressings and private live issues: to the
# author's knowledge these recordings are not on Spotify; a search for the work brings up famous
# recordings instead. Tagged unverified_pressing where the author could not check the exact
# pressing (catalogue number left empty rather than guessed); the performers recorded for
# those labels.
KONW_7 = sp("Beethoven: Symphony No. 7", f"{BEE}; Gewandhausorchester; Franz Konwitschny",
            "2008-01-01", 4, 12)
SUIT_ZF = sp("Mozart: Die Zauberflöte", f"{MOZ}; Peter Schreier; Helen Donath; Sylvia Geszty; "
             "Theo Adam; Staatskapelle Dresden; Otmar Suitner", "1970-01-01", 42, 14)
KOCH_NACHT = sp("Mozart: Eine kleine Nachtmusik; Serenata notturna", f"{MOZ}; "
                "Kammerorchester Berlin; Helmut Koch", "1993-01-01", 7, 10)
KAR_NACHT = sp("Mozart: Eine kleine Nachtmusik; Divertimenti", f"{MOZ}; {BPO}; {KAR}",
               "1966-01-01", 10, 33)
MARR_NACHT = sp("Mozart: Eine kleine Nachtmusik", f"{MOZ}; Academy of St Martin in the Fields; "
                "Neville Marriner", "1985-01-01", 12, 29)
KAR_TCH5 = sp("Tchaikovsky: Symphony No. 5 in E Minor, Op. 64", f"{TCH}; {BPO}; {KAR}",
              "1976-01-01", 4, 24)
GERG_TCH5 = sp("Tchaikovsky: Symphony No. 5", f"{TCH}; {VPO}; Valery Gergiev", "1999-01-01",
               4, 20)
SHO7_LEN = sp('Shostakovich: Symphony No. 7 "Leningrad" (Live)', f"{SHO}; Chicago Symphony "
              f"Orchestra; {LEN}", "1989-01-01", 4, 22)
SHO7_KOND = sp('Shostakovich: Symphony No. 7 "Leningrad"', f"{SHO}; Moscow Philharmonic "
               "Orchestra; Kirill Kondrashin", "1975-01-01", 4, 15)
SHO7_GERG = sp('Shostakovich: Symphony No. 7 "Leningrad"', f"{SHO}; Mariinsky Orchestra; "
               "Valery Gergiev", "2013-01-01", 4, 19)
MUS = "Modest Mussorgsky"
RICH_PICT = sp("Mussorgsky: Pictures at an Exhibition (Live in Sofia 1958)", f"{MUS}; "
               "Sviatoslav Richter", "1958-01-01", 16, 25)
KISS_PICT = sp("Mussorgsky: Pictures at an Exhibition", f"{MUS}; Evgeny Kissin", "2002-01-01",
               16, 19)
KAR_PICT = sp("Mussorgsky: Pictures at an Exhibition (Orch. Ravel)", f"{MUS}; Maurice Ravel; "
              f"{BPO}; {KAR}", "1966-01-01", 15, 26)
ELP_PICT = sp("Pictures at an Exhibition", "Emerson, Lake & Palmer", "1971-11-01", 12, 49)
GLINKA = "Mikhail Glinka"
GERG_RUSLAN = sp("Glinka: Ruslan and Lyudmila", f"{GLINKA}; Kirov Orchestra; Valery Gergiev",
                 "1996-01-01", 38, 12)
RUSLAN_OV = sp("Ruslan and Lyudmila: Overture", f"{GLINKA}; Various Artists", "2012-01-01", 1,
               36, "single")
RUSSIAN_OV = sp("Russian Overtures", f"{GLINKA}; Various Artists", "2006-01-01", 14, 17,
                "compilation")
BOR = "Alexander Borodin"
KAR_POLOV = sp("Borodin: Polovtsian Dances; Rimsky-Korsakov: Scheherazade", f"{BOR}; {BPO}; {KAR}",
               "1967-01-01", 6, 25)
GERG_POLOV = sp("Borodin: Prince Igor", f"{BOR}; Kirov Orchestra; Valery Gergiev", "1995-01-01",
                50, 12)
STRANGER = sp("Stranger in Paradise", "Tony Bennett", "1953", 1, 30, "single")
VIV_AURI = sp("Vivaldi: Les quatre saisons", f"{VIV}; Orchestre de Chambre Jean-François Paillard; "
              "Jean-François Paillard", "1970-01-01", 12, 14)

S.add("unverified_pressing german_title not_on_spotify eterna several_recordings",
      "Bongartz/Dresdner Philharmonie 7th on Eterna: not on Spotify; Konwitschny's Eterna-era "
      "7th and the famous recordings are tempting decoys",
      r(["Ludwig van Beethoven", "Dresdner Philharmonie", "Heinz Bongartz"],
        "Sinfonie Nr. 7 A-dur Op. 92", 1966, None, 4, "LP, Album, Stereo", "ETERNA",
        [], "Classical"),
      [], [KONW_7, KL57, K62_7, K77_7, LEN_7, BOHM_7])
S.add("unverified_pressing german_title not_on_spotify eterna highlights opera_sacred_many_artists",
      "An Eterna highlights LP of a Berlin State Opera Zauberflöte: not on Spotify; complete "
      "recordings (Suitner's Dresden one too) and highlights by others are decoys",
      r(["Wolfgang Amadeus Mozart", "Staatskapelle Berlin", "Hans Löwlein"],
        "Die Zauberflöte (Querschnitt)", 1965, None, 14, "LP, Album", "ETERNA", [],
        "Opera"),
      [], [SUIT_ZF, MOZ_ZF_BOHM, MOZ_ZF_HL, QUEEN_NIGHT, MOZ_ZF_SOLTI])
S.add("unverified_pressing german_title not_on_spotify eterna single_7inch",
      "An Eterna 7\" of Eine kleine Nachtmusik: not on Spotify; Koch's later CD is another "
      "recording, Karajan's and Marriner's crowd the results",
      r(["Mozart", "Kammerorchester Berlin", "Helmut Koch"],
        "Eine Kleine Nachtmusik KV 525", 1962, None, 4, '7", EP', "ETERNA", [],
        "Classical"),
      [], [KOCH_NACHT, KAR_NACHT, MARR_NACHT, MOZ_BEST, MOZ_BABY])
S.add("unverified_pressing russian_cyrillic not_on_spotify melodiya several_recordings",
      "A Gorky Philharmonic Tchaikovsky 5 on Melodiya: not on Spotify; Mravinsky's set, "
      "Karajan, Gergiev are decoys",
      r(["П. Чайковский", "Симфонический Оркестр Горьковской Филармонии", "Израиль Гусман"],
        "Симфония № 5", 1981, None, 4, "LP, Album", "Мелодия", [], "Romantic"),
      [], [MRAV_TCH456, KAR_TCH5, GERG_TCH5, TCH_BEST])
S.add("unverified_pressing russian_cyrillic not_on_spotify melodiya several_recordings",
      "Novosibirsk/Katz Leningrad Symphony on Melodiya: not on Spotify",
      r(["Д. Шостакович", "Симфонический Оркестр Новосибирской Филармонии", "Арнольд Кац"],
        "Симфония № 7 «Ленинградская»", 1985, None, 4, "2xLP, Album", "Мелодия",
        [], "Modern"),
      [], [SHO7_LEN, SHO7_KOND, SHO7_GERG, SHO_WALTZ])
S.add("unverified_pressing russian_cyrillic not_on_spotify melodiya piano_solo junk_decoy",
      "Vera Gornostaeva's Pictures on Melodiya: not on Spotify; Richter's, Kissin's, the Ravel "
      "orchestration and ELP's rock version are decoys",
      r(["М. Мусоргский", "Вера Горностаева"], "Картинки С Выставки", 1976, None, 10,
        "LP, Album", "Мелодия", [], "Romantic"),
      [], [RICH_PICT, KISS_PICT, KAR_PICT, ELP_PICT])
S.add("unverified_pressing russian_cyrillic not_on_spotify melodiya highlights "
      "opera_sacred_many_artists",
      "Bolshoi highlights of Ruslan and Lyudmila on Melodiya: not on Spotify",
      r(["М. Глинка", "Хор И Оркестр Большого Театра СССР", "Борис Хайкин"],
        "Руслан И Людмила (Сцены Из Оперы)", 1970, None, 8, "LP", "Мелодия", [],
        "Opera"),
      [], [GERG_RUSLAN, RUSLAN_OV, RUSSIAN_OV])
S.add("unverified_pressing russian_cyrillic not_on_spotify melodiya single_7inch junk_decoy",
      "A Melodiya 7\" of the Polovtsian Dances: not on Spotify; Karajan's and Gergiev's and "
      "Tony Bennett's 'Stranger in Paradise' (the same tune) are decoys",
      r(["А. Бородин", "Большой Симфонический Оркестр Всесоюзного Радио",
         "Геннадий Рождественский"],
        "Половецкие Пляски Из Оперы «Князь Игорь»", 1963, None, 2, '7", Mono', "Мелодия",
        [], "Romantic"),
      [], [KAR_POLOV, GERG_POLOV, STRANGER])
S.add("unverified_pressing slovak_title not_on_spotify opus several_recordings",
      "Rajter/Slovak Philharmonic New World on Opus: not on Spotify; Ančerl's Supraphon New "
      "World and others are decoys",
      r(["Antonín Dvořák", "Slovenská Filharmónia", "Ľudovít Rajter"],
        "Symfónia Č. 9 E Mol »Z Nového Sveta«", 1974, None, 4, "LP, Album", "OPUS",
        [], "Romantic"),
      [], [ANC_DVO9, KUB_DVO9, KAR_DVO9_85, TAL_DVO9, DVO_BEST])
S.add("unverified_pressing czech_title not_on_spotify supraphon single_10inch",
      "A 1950s Supraphon 10\" of two Má vlast poems by the Czech Radio orchestra: not on "
      "Spotify; the full cycles are decoys",
      r(["Bedřich Smetana", "Symfonický Orchestr Československého Rozhlasu", "Alois Klíma"],
        "Vltava · Z Českých Luhů A Hájů", 1957, None, 2, '10", Mono', "Supraphon", [],
        "Romantic"),
      [], [KUB_MV90, KUB_MV71, ANC_MV, MOLDAU])
S.add("unverified_pressing french_title not_on_spotify several_recordings",
      "Auriacombe/Toulouse Four Seasons on Pathé: not on Spotify; Paillard's and Scimone's "
      "French-named Four Seasons are decoys",
      r(["Vivaldi", "Orchestre De Chambre De Toulouse", "Louis Auriacombe"],
        "Les Quatre Saisons", 1964, None, 12, "LP, Album", "Pathé", [], "Baroque"),
      [], [VIV_AURI, SCIMONE_4S, MUSICI59, KENNEDY_4S, BABY_4S])
S.add("unverified_pressing german_title not_on_spotify eterna opera_sacred_many_artists "
      "several_recordings",
      "Kurt Thomas's B minor Mass with the Thomanerchor on Eterna: not on Spotify",
      r(["Johann Sebastian Bach", "Thomanerchor", "Gewandhausorchester Leipzig", "Kurt Thomas"],
        "Messe H-moll BWV 232", 1959, None, 24, "3xLP, Album, Mono + Box", "ETERNA",
        [], "Baroque"),
      [], [RICH_MASS, GAR_MASS, HER_MASS89, KAR_MASS, BACH_BEST])

S.add("unverified_pressing english_title not_on_spotify private_live same_conductor "
      "same_orchestra",
      "A private CD of Kleiber's Bavarian State Orchestra 7th on tour in Tokyo (1986): not on "
      "Spotify; the Orfeo live 7th (same conductor and orchestra, Munich 1982) is the trap",
      r(["Beethoven", "Bayerisches Staatsorchester", "Carlos Kleiber"],
        "Symphony No. 7 - Live In Tokyo 1986", 1996, None, 5, "CD, Unofficial",
        "Memories", [], "Classical"),
      [], [KL7_LIVE, KL57, K77_7, KL4_LIVE, BEST_BEE])
S.add("unverified_pressing japanese_title not_on_spotify live same_conductor year_decides "
      "opera_sacred_many_artists",
      "Tokyo FM's release of Karajan's 1977 Tokyo concert Ninth: not on Spotify; his DG Ninth "
      "recorded the same year is the trap",
      r(["Ludwig van Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"],
        "ベートーヴェン：交響曲第9番「合唱」", 2000, None, 4, "CD, Album", "Tokyo FM", [],
        "Classical"),
      [], [K77_9, K62_9, K84_9, K84_9G, LEN_9_1989])

S.add("unverified_pressing german_title not_on_spotify eterna soloist several_recordings",
      "An Eterna Violin Concerto by the Berlin radio orchestra's concertmaster: not on Spotify; "
      "Mutter (twice), Perlman, Hahn and Oistrakh crowd the work's results",
      r(["Ludwig van Beethoven", "Egon Morbitzer", "Rundfunk-Sinfonieorchester Berlin",
         "Rolf Kleinert"],
        "Konzert Für Violine Und Orchester D-dur Op. 61", 1968, None, 3, "LP, Album", "ETERNA",
        [], "Classical"),
      [], [MUT_BVC80, MUT_BVC02, PERL_BVC, HAHN_BVC, OIS_BVC])
S.add("unverified_pressing russian_cyrillic melodiya licensed_pressing same_conductor "
      "year_decides",
      "A Melodiya pressing licensed from DG of Karajan's 1977 Fifth, all in Cyrillic: the right "
      "link is the DG 1977 album; the 1962 recording has the same Spotify name",
      r(["Людвиг ван Бетховен", "Берлинский Филармонический Оркестр", "Герберт фон Караян"],
        "Симфония № 5 До Минор, Соч. 67", 1983, 1977, 4, "LP, Album", "Мелодия", [],
        "Classical"),
      [K77_5], [K62_5, KL57, ABB_579, BEST_BEE])

if __name__ == "__main__":
    S.write(Path(__file__).with_name("classical.json"))
    print(S.summary())
