"""Build non_latin.json: albums whose Discogs or Spotify names are in a non-Latin script.

Run from anywhere: `python tests/data/match_set/build_non_latin.py`. Discogs often titles these
"原題 = English Title" and credits artists by a romanized name (with the original script as the
ANV the CSV export shows); Spotify names some in the original script, some romanized or
translated. Each `S.add` is one owned release with the Spotify albums a search could bring up.
"""

from __future__ import annotations

from pathlib import Path

from set_builder import MatchSet, release, sp

ABOUT = (
    "Non-Latin albums for the Spotify matcher: Japanese (city pop, rock, anime and film scores, "
    "enka), Korean, Chinese/Cantopop/Mandopop, Russian/Soviet rock, Greek, Arabic, Hebrew, Thai "
    "and Hindi film releases. Album records follow Discogs (romanized artist names or the "
    "original-script ANV as the CSV export shows it, titles with ' = ' translations as "
    "printed); three rows are real rows of public Discogs CSV exports (tags real_csv_row: "
    "conorparnell/TapeShelf discogs-collection.csv release ids 4675070 and 24706742, "
    "russmckendrick/discogs-scraper discogs.csv release id 3490956), kept as the CSV parser "
    "reads them (one artist string, no genres, no track count or master year). A few "
    "catalogue items are old-style (no release_date or total_tracks), as some real answers are. "
    "Catalogue "
    "numbers and years are from the author's knowledge and may be off in places; where the "
    "author could not recall them they are left empty (tag catno_unknown). Spotify names and "
    "artist spellings follow how Spotify lists these artists to the best of the author's "
    "knowledge; ids are synthetic (tasks.fake_apis.spotify_id), popularity and dates plausible. "
    "'acceptable' lists the same album and its remasters/re-editions by the same artist "
    "(an international edition of the same recording under another title counts); [] means "
    "not on Spotify to the author's knowledge. Built by build_non_latin.py."
)

S = MatchSet("nl", "non_latin", ABOUT)


def r(artists: list[str], title: str, year: int | None, master_year: int | None,
      tracks: int | None, fmt: str, labels: str | list[str], catnos: str | list[str],
      genres: str | list[str], styles: str | list[str] = (), display: str | None = None):
    return release(artists, title, year, master_year, tracks, fmt, labels, catnos, styles,
                   genres, display)


def csv_row(artist: str, title: str, year: int, fmt: str, labels: list[str],
            catnos: list[str]):
    """An album record as tasks.discogs reads a CSV export row."""
    return release([artist], title, year, None, None, fmt, labels, catnos, [], [])


# ---------------------------------------------------------------- Japanese
HE = "はっぴいえんど"
HE_KAZE = sp("風街ろまん", HE, "1971-11-20", 12, 46)
HE_1970 = sp("はっぴいえんど", HE, "1970-08-05", 11, 38)
HE_1973 = sp("HAPPY END", HE, "1973-02-25", 10, 30)
HE_CITY = sp("CITY - はっぴいえんどベスト・アルバム", HE, "1974-01-15", 14, 24, "compilation")
HAPPY_END_OTHER = sp("Happy End", "Happy End", "2019-06-14", 9, 12)
PRINCE_FY = sp("For You", "Prince", "1978-04-07", 9, 52)
SELENA_FY = sp("For You", "Selena Gomez", "2014-11-24", 15, 58, "compilation")
PACIFIC = sp("Pacific Breeze: Japanese City Pop, AOR & Boogie 1976-1986", "Various Artists",
             "2019-05-17", 17, 48, "compilation")
TAKEUCHI_VARIETY = sp("VARIETY", "竹内まりや", "1984-04-25", 11, 47)
OHNUKI_SUN = sp("SUNSHOWER", "大貫妙子", "1977-07-25", 10, 44)
OHNUKI_MIG = sp("MIGNONNE", "大貫妙子", "1978-09-21", 10, 40)
OHNUKI_GREY = sp("Grey Skies", "大貫妙子", "1976-09-25", 11, 33)
OHNUKI_BEST = sp("大貫妙子 ベスト", "大貫妙子", "2003-03-19", 16, 22, "compilation")
HOSONO_HOUSE = sp("HOSONO HOUSE", "細野晴臣", "1973-05-25", 11, 42)
HOCHONO = sp("HOCHONO HOUSE", "細野晴臣", "2019-03-06", 11, 39)
HOSONO_TD = sp("トロピカル・ダンディー", "細野晴臣", "1975-06-25", 10, 30)
HOSONO_TAIAN = sp("泰安洋行", "細野晴臣", "1976-07-25", 11, 29)
YMO_SSS = sp("Solid State Survivor", "Yellow Magic Orchestra", "1979-09-25", 8, 50)
ANRI_TIMELY = sp("Timely!!", "杏里", "1983-12-05", 10, 45)
ANRI_BIKINI = sp("Bi・Ki・Ni", "杏里", "1984-06-01", 10, 33)
ANRI_HEAVEN = sp("Heaven Beach", "杏里", "1982-11-21", 10, 31)
ANRI_CATSEYE = sp("CAT'S EYE", "杏里", "1983-08-05", 2, 48, "single")
MATSU_PP = sp("POCKET PARK", "Miki Matsubara", "1980-01-21", 10, 47)
MATSU_DOOR = sp("真夜中のドア〜stay with me", "Miki Matsubara", "1979-11-05", 2, 62, "single")
MATSU_CUPID = sp("Cupid", "Miki Matsubara", "1981-05-21", 10, 28)
RAINYCH_DOOR = sp("Mayonaka no Door / Stay With Me", "Rainych", "2020-10-16", 1, 55, "single")
RINGO_MUZAI = sp("無罪モラトリアム", "椎名林檎", "1999-02-24", 11, 50)
RINGO_SHOSO = sp("勝訴ストリップ", "椎名林檎", "2000-03-31", 13, 49)
RINGO_KALK = sp("加爾基 精液 栗ノ花", "椎名林檎", "2003-02-23", 11, 40)
JIHEN_KYO = sp("教育", "東京事変", "2004-11-25", 11, 45)
FISH_CAMP = sp("空中キャンプ", "Fishmans", "1996-02-01", 8, 49)
FISH_LONG = sp("LONG SEASON", "Fishmans", "1996-10-25", 1, 47)
FISH_UCHU = sp("宇宙 日本 世田谷", "Fishmans", "1997-07-24", 8, 42)
FISH_LIVE = sp("98.12.28 男達の別れ", "Fishmans", "1999-09-29", 14, 44)
HISA = "久石譲"
TOTORO_OST = sp("となりのトトロ サウンドトラック集", HISA, "1988-05-01", 20, 52)
TOTORO_IMG = sp("となりのトトロ イメージ・ソング集", HISA, "1987-11-25", 11, 38)
TOTORO_LULL = sp("Studio Ghibli Lullabies", "Lullaby Baby Trio", "2020-02-14", 14, 30)
HISA_BUDOKAN = sp("Joe Hisaishi in Budokan - Studio Ghibli 25 Years Concert", HISA,
                  "2008-12-24", 19, 35)
AKIRA_1988 = sp("Symphonic Suite AKIRA", "芸能山城組", "1988-07-25", 7, 40)
AKIRA_2016 = sp("Symphonic Suite AKIRA 2016", "芸能山城組", "2016-05-25", 7, 44)
YAMASHIRO_OTHER = sp("恐山／銅之剣舞", "芸能山城組", "1976-04-25", 4, 20)
AKIRA_LOFI = sp("AKIRA", "Kaneda Beats", "2021-05-07", 8, 18)
SAGISU = "鷺巣詩郎"
EVA_1 = sp("NEON GENESIS EVANGELION", SAGISU, "1995-12-06", 20, 45)
EVA_2 = sp("NEON GENESIS EVANGELION II", SAGISU, "1996-02-21", 16, 38)
EVA_3 = sp("NEON GENESIS EVANGELION III", SAGISU, "1996-05-22", 17, 34)
EVA_THESE = sp("残酷な天使のテーゼ", "高橋洋子", "1995-10-25", 4, 60, "single")
EVA_FINALLY = sp("EVANGELION FINALLY", "Various Artists", "2020-11-18", 19, 41, "compilation")
HIBARI_KAWA = sp("川の流れのように", "美空ひばり", "1989-01-11", 2, 45, "single")
HIBARI_BEST = sp("美空ひばり ベスト", "美空ひばり", "2005-06-22", 20, 38, "compilation")
HIBARI_FUSHICHO = sp("不死鳥 美空ひばり in TOKYO DOME 翔ぶ!! 新しき空に向かって", "美空ひばり",
                     "1988-06-01", 39, 20)
SHIMAZU_KAWA = sp("川の流れのように", "島津亜矢", "2016-01-01", 1, 18, "single")
AKINA_FUSHIGI = sp("不思議", "中森明菜", "1986-08-11", 10, 36)
AKINA_FUSHIGI_R = sp("不思議 (2012 Remaster)", "中森明菜", "2012-06-20", 10, 30)
AKINA_CRIMSON = sp("CRIMSON", "中森明菜", "1986-12-24", 10, 38)
AKINA_BEST = sp("BEST", "中森明菜", "1986-04-01", 12, 41, "compilation")
BORIS_AKUMA = sp("Akuma No Uta", "Boris", "2005-01-25", 6, 34)
BORIS_PINK = sp("Pink", "Boris", "2005-11-15", 11, 45)
BORIS_FLOOD = sp("Flood", "Boris", "2000-04-19", 4, 31)
KYU_UE = sp("上を向いて歩こう", "坂本九", "1961-10-15", 2, 40, "single")
KYU_SUKIYAKI_LP = sp("Sukiyaki and Other Japanese Hits", "Kyu Sakamoto", "1963-06-01", 12, 33)
TASTE_SUKI = sp("Sukiyaki", "A Taste Of Honey", "1981-01-01", 2, 35, "single")
FOURPM_SUKI = sp("Sukiyaki", "4 P.M.", "1994-11-01", 3, 28, "single")

S.add("japanese_title romanized_artist_discogs native_artist_spotify",
      "Discogs credits 'Happy End (2)', Spotify 'はっぴいえんど'; their 1970 debut and the 1973 "
      "'HAPPY END' (a different album) are decoys",
      r(["Happy End"], "風街ろまん", 1971, 1971, 12, "LP, Album", "URC", "URL-1020",
        ["Rock", "Folk, World, & Country"], ["Folk Rock"]),
      [HE_KAZE], [HE_1970, HE_1973, HE_CITY, HAPPY_END_OTHER])
S.add("japanese_title self_titled romanized_artist_discogs",
      "The 1970 debut 'はっぴいえんど' (the band's own name); the 1973 album 'HAPPY END' is a "
      "different record that a romanized query would take",
      r(["Happy End"], "はっぴいえんど", 1970, 1970, 11, "LP, Album", "URC", "URL-1015",
        ["Rock"], ["Folk Rock"]),
      [HE_1970], [HE_1973, HE_KAZE, HE_CITY, HAPPY_END_OTHER])
S.add("japanese_artist not_on_spotify city_pop same_title_other_artist",
      "Tatsuro Yamashita's catalogue is not on Spotify; 'For You' by Prince and Selena Gomez and "
      "city-pop compilations (and his wife's album) are decoys",
      r(["Tatsuro Yamashita"], "For You", 1982, 1982, 10, "LP, Album", "Air Records",
        "RAL-8801", ["Funk / Soul", "Pop"], ["City Pop", "Boogie"]),
      [], [PRINCE_FY, SELENA_FY, PACIFIC, TAKEUCHI_VARIETY])
S.add("japanese_artist native_artist_spotify city_pop",
      "Discogs 'Taeko Ohnuki', Spotify '大貫妙子' with an upper-case title",
      r(["Taeko Ohnuki"], "Sunshower", 1977, 1977, 10, "LP, Album", "Panam", "GW-4029",
        ["Jazz", "Pop"], ["City Pop", "Fusion"]),
      [OHNUKI_SUN], [OHNUKI_MIG, OHNUKI_GREY, OHNUKI_BEST, PACIFIC])
S.add("japanese_artist native_artist_spotify re_recording",
      "Hosono's 1973 debut; his 2019 re-recording 'HOCHONO HOUSE' is not it",
      r(["Haruomi Hosono"], "Hosono House", 1973, 1973, 11, "LP, Album", "Bellwood Records",
        "OFL-10", ["Rock", "Pop"], ["Folk Rock", "Soft Rock"]),
      [HOSONO_HOUSE], [HOCHONO, HOSONO_TD, HOSONO_TAIAN, YMO_SSS])
S.add("japanese_artist native_artist_spotify city_pop csv_anv",
      "CSV export form: the ANV '杏里' (Discogs 'Anri (2)'); Spotify names the artist 杏里",
      r(["杏里"], "Timely!!", 1983, 1983, 10, "LP, Album", "For Life Records", "28K-53",
        ["Pop"], ["City Pop"]),
      [ANRI_TIMELY], [ANRI_BIKINI, ANRI_HEAVEN, ANRI_CATSEYE, PACIFIC])
S.add("japanese_artist csv_anv city_pop romanized_artist_spotify",
      "CSV ANV '松原みき', Spotify 'Miki Matsubara' with 'POCKET PARK'; her famous single and a "
      "2020 cover single are decoys",
      r(["松原みき"], "Pocket Park", 1980, 1980, 10, "LP, Album", "See・Saw", "C25A0081",
        ["Pop"], ["City Pop"]),
      [MATSU_PP], [MATSU_DOOR, MATSU_CUPID, RAINYCH_DOOR, PACIFIC])
S.add("japanese_title j_rock romanized_artist_discogs native_artist_spotify",
      "Discogs 'Ringo Sheena', Spotify '椎名林檎'; her other albums and Tokyo Jihen are decoys",
      r(["Ringo Sheena"], "無罪モラトリアム", 1999, 1999, 11, "CD, Album", "Toshiba EMI",
        "TOCT-24067", ["Rock"], ["J-Rock", "Alternative Rock"]),
      [RINGO_MUZAI], [RINGO_SHOSO, RINGO_KALK, JIHEN_KYO])
S.add("japanese_title j_rock catno_unknown",
      "Fishmans 'Kūchū Camp'; 'LONG SEASON' and the live farewell are decoys",
      r(["Fishmans"], "空中キャンプ", 1996, 1996, 8, "CD, Album", "Polydor", [],
        ["Rock", "Reggae"], ["Dub", "Indie Rock"]),
      [FISH_CAMP], [FISH_LONG, FISH_UCHU, FISH_LIVE])
S.add("japanese_title anime_soundtrack romanized_artist_discogs native_artist_spotify "
      "catno_unknown",
      "Totoro soundtrack; the earlier image-song album has the same film in its title",
      r(["Joe Hisaishi"], "となりのトトロ サウンドトラック集", 1988, 1988, 20, "CD, Album",
        "Animage", [], ["Stage & Screen"], ["Soundtrack", "Score"]),
      [TOTORO_OST], [TOTORO_IMG, HISA_BUDOKAN, TOTORO_LULL])
S.add("anime_soundtrack romanized_artist_discogs native_artist_spotify remaster",
      "Discogs 'Geinoh Yamashirogumi', Spotify '芸能山城組'; the 2016 remaster is the same album",
      r(["Geinoh Yamashirogumi"], "Symphonic Suite AKIRA", 1988, 1988, 7, "CD, Album",
        "Victor", "VDR-1502", ["Stage & Screen", "Electronic"], ["Soundtrack"]),
      [AKIRA_1988, AKIRA_2016], [YAMASHIRO_OTHER, AKIRA_LOFI, HISA_BUDOKAN])
S.add("anime_soundtrack volumes romanized_artist_discogs native_artist_spotify",
      "The first Evangelion OST volume; volumes II and III and the opening single are decoys",
      r(["Shiro Sagisu"], "Neon Genesis Evangelion", 1995, 1995, 20, "CD, Album",
        "King Records", "KICA-286", ["Stage & Screen"], ["Soundtrack", "Score"]),
      [EVA_1], [EVA_2, EVA_3, EVA_THESE, EVA_FINALLY])
S.add("japanese_title enka single csv_anv catno_unknown",
      "Hibari's last single; a 2016 cover with the same title and her compilations are decoys",
      r(["美空ひばり"], "川の流れのように", 1989, 1989, 2, "CD, Mini, Single",
        "Nippon Columbia", [], ["Folk, World, & Country"], ["Enka"]),
      [HIBARI_KAWA], [SHIMAZU_KAWA, HIBARI_BEST, HIBARI_FUSHICHO])
S.add("japanese_title japanese_pop romanized_artist_discogs remaster",
      "Akina Nakamori's 'Fushigi' and its 2012 remaster",
      r(["Akina Nakamori"], "不思議", 1986, 1986, 10, "LP, Album", "Reprise Records",
        "L-12650", ["Pop", "Electronic"], ["Synth-pop"]),
      [AKINA_FUSHIGI, AKINA_FUSHIGI_R], [AKINA_CRIMSON, AKINA_BEST])
S.add("japanese_title romanized_title_spotify catno_unknown",
      "Discogs the Japanese 'あくまのうた', Spotify the Southern Lord reissue 'Akuma No Uta'",
      r(["Boris"], "あくまのうた", 2003, 2003, 6, "CD, Album", "Diwphalanx Records",
        [], ["Rock"], ["Stoner Rock", "Drone"]),
      [BORIS_AKUMA], [BORIS_PINK, BORIS_FLOOD])
S.add("japanese_title single retitled_abroad catno_unknown",
      "The original 'Ue o Muite Arukō' 7\"; the US 'Sukiyaki' album and covers called "
      "'Sukiyaki' are decoys",
      r(["Kyu Sakamoto"], "上を向いて歩こう", 1961, 1961, 2, '7", Single', "Toshiba",
        [], ["Pop"], ["Kayōkyoku"]),
      [KYU_UE], [KYU_SUKIYAKI_LP, TASTE_SUKI, FOURPM_SUKI])

# ---------------------------------------------------------------- Korean
BTS_HYY1 = sp("The Most Beautiful Moment in Life Pt.1", "BTS", "2015-04-29", 9, 68)
BTS_HYY2 = sp("The Most Beautiful Moment in Life Pt.2", "BTS", "2015-11-30", 9, 69)
BTS_YF = sp("The Most Beautiful Moment in Life: Young Forever", "BTS", "2016-05-02", 23, 70)
BTS_PROOF = sp("Proof", "BTS", "2022-06-10", 48, 74, "compilation")
BTS_BEST = sp("BTS, THE BEST", "BTS", "2021-06-16", 23, 60, "compilation")
IU_FB1 = sp("A Flower Bookmark", "IU", "2014-05-16", 7, 58, "single")
IU_FB2 = sp("꽃갈피 둘", "IU", "2017-09-22", 6, 55, "single")
IU_PALETTE = sp("Palette", "IU", "2017-04-21", 10, 67)
IU_LILAC = sp("IU 5th Album 'LILAC'", "IU", "2021-03-25", 10, 70)
SJH_RIVERS = sp("Beautiful Rivers and Mountains: The Psychedelic Rock Sound of South Korea's "
                "Shin Joong Hyun 1958-1974", "Shin Joong Hyun", "2011-03-01", 14, 30,
                "compilation")
SJH_MIIN_COVER = sp("미인", "김추자", "1974", 2, 22, "single")
CYP_1 = sp("조용필 1집 (창밖의 여자)", "조용필", "1980-03-20", 12, 35)
CYP_2 = sp("조용필 2집", "조용필", "1980-12-01", 12, 28)
CYP_BOUNCE = sp("Hello", "조용필", "2013-04-23", 10, 40)
NOW_SHANIA = sp("Now", "Shania Twain", "2017-09-29", 12, 55)
NOW_COMP = sp("NOW That's What I Call Music! 100", "Various Artists", "2018-07-27", 44, 60,
              "compilation")
KJM_COMP = sp("Light of Korean Psychedelic Rock", "Various Artists", "2012-01-01", 14, 18,
              "compilation")

S.add("korean_title translated_title_spotify k_pop",
      "Discogs '화양연화 Pt.1 = The Most Beautiful Moment In Life Pt.1', Spotify the English "
      "name; Pt.2, Young Forever and compilations are decoys",
      r(["BTS"], "화양연화 Pt.1 = The Most Beautiful Moment In Life Pt.1", 2015, 2015, 9,
        "CD, EP", "Big Hit Entertainment", [], ["Hip Hop", "Pop"], ["K-pop"]),
      [BTS_HYY1], [BTS_HYY2, BTS_YF, BTS_PROOF, BTS_BEST])
S.add("korean_title translated_title_spotify k_pop ep_single",
      "IU's remake EP: Spotify the English 'A Flower Bookmark', its sequel keeps the Korean "
      "'꽃갈피 둘'",
      r(["IU"], "꽃갈피 = A Flower Bookmark", 2014, 2014, 7, "CD, EP", "LOEN Entertainment",
        [], ["Pop"], ["K-pop", "Ballad"]),
      [IU_FB1], [IU_FB2, IU_PALETTE, IU_LILAC])
S.add("korean_title not_on_spotify psych_rock compilation_decoy",
      "Shin Joong Hyun & Yup Juns 1974: not on Spotify to the author's knowledge; the Light in "
      "the Attic anthology holds some songs but is a compilation, a 'Miin' single by another "
      "singer is a decoy",
      r(["Shin Jung Hyun & Yup Juns"], "신중현과 엽전들", 1974, 1974, 10, "LP, Album",
        "Jigu Records", [], ["Rock"], ["Psychedelic Rock"]),
      [], [SJH_RIVERS, SJH_MIIN_COVER, KJM_COMP])
S.add("korean_title native_artist_spotify retitled",
      "Cho Yong-pil's 1980 debut, Spotify '조용필 1집 (창밖의 여자)'; his second album and 2013 "
      "'Hello' are decoys",
      r(["Cho Yong Pil"], "창밖의 여자", 1980, 1980, 12, "LP, Album", "Jigu Records", [],
        ["Pop", "Rock"], ["Ballad"]),
      [CYP_1], [CYP_2, CYP_BOUNCE])
S.add("korean_artist not_on_spotify psych_rock same_title_other_artist catno_unknown",
      "Kim Jung Mi's 'Now' (1973, written by Shin Joong Hyun): not on Spotify to the author's "
      "knowledge; Shania Twain's 'Now' and NOW compilations crowd a title search",
      r(["Kim Jung Mi"], "Now", 1973, 1973, 8, "LP, Album", "Sung Eum", [], ["Rock", "Folk"],
        ["Psychedelic Rock", "Folk Rock"]),
      [], [NOW_SHANIA, NOW_COMP, SJH_RIVERS, KJM_COMP])

# ---------------------------------------------------------------- Chinese
FAYE = "王菲"
FAYE_CY = sp("唱遊", FAYE, "1998-09-01", 11, 45)
FAYE_FZ = sp("浮躁", FAYE, "1996-06-01", 10, 42)
FAYE_SELF = sp("王菲", FAYE, "1997-10-01", 11, 47)
FAYE_ZAI = sp("只愛陌生人", FAYE, "1999-09-01", 12, 44)
FAYE_YY = sp("寓言", FAYE, "2000-11-01", 11, 40)
FAYE_BEST = sp("菲靡靡之音", FAYE, "1999-01-01", 14, 36, "compilation")
TENG = "鄧麗君"
TENG_DDYQ = sp("淡淡幽情", TENG, "1983-01-01", 12, 48)
TENG_BEST = sp("鄧麗君 15週年", TENG, "1995-01-01", 30, 40, "compilation")
TENG_MIYUE = sp("月亮代表我的心", TENG, "1977-01-01", 12, 50)
TENG_EN = sp("Teresa Teng Greatest Hits", "Teresa Teng", "2000-01-01", 20, 30, "compilation")
BEYOND_ZD = sp("真的見証", "Beyond", "1989-01-01", 10, 42)
BEYOND_MI = sp("秘密警察", "Beyond", "1988-01-01", 10, 40)
BEYOND_MY = sp("命運派對", "Beyond", "1990-01-01", 10, 39)
BEYOND_GH = sp("光輝歲月", "Beyond", "1991-01-01", 16, 45, "compilation")
BEYOND_OTHER = sp("Beyond", "Beyond The Black", "2023-10-27", 10, 30)
SODA = "蘇打綠"
SODA_WYL = sp("無與倫比的美麗", SODA, "2007-11-02", 12, 45)
SODA_XYZ = sp("小宇宙", SODA, "2006-10-31", 12, 42)
SODA_SPRING = sp("春·日光", SODA, "2009-05-08", 11, 38)
SODA_YDS = sp("冬 未了", "魚丁糸", "2021-12-01", 2, 30, "single")
CUI_XCZ = sp("新长征路上的摇滚", "崔健", "1989-02-01", 9, 38)
CUI_JJ = sp("解决", "崔健", "1991-03-01", 9, 28)
CUI_HQ = sp("红旗下的蛋", "崔健", "1994-01-01", 10, 24)
CUI_YWSY = sp("一无所有", "崔健", "1986-01-01", 1, 40, "single")
JACKY_WB = sp("吻別", "張學友", "1993-03-01", 11, 48)
JACKY_ZQ = sp("真情流露", "張學友", "1992-01-01", 10, 40)
JACKY_ZF = sp("祝福", "張學友", "1993-10-01", 10, 40)
JACKY_WB_COVER = sp("吻別", "Various Artists", "2019-01-01", 1, 15, "single")

S.add("chinese_title cantopop csv_anv",
      "Faye Wong 'Sing and Play'; her 1997 self-titled '王菲' album is the trap for an "
      "artist-heavy query",
      r(["王菲"], "唱遊", 1998, 1998, 11, "CD, Album", "EMI", [], ["Pop"],
        ["Cantopop", "Mandopop"]),
      [FAYE_CY], [FAYE_SELF, FAYE_FZ, FAYE_ZAI, FAYE_YY, FAYE_BEST])
S.add("chinese_title self_titled romanized_artist_discogs",
      "Discogs 'Faye Wong – 王菲': a self-titled album in script; Spotify has it as '王菲' by 王菲",
      r(["Faye Wong"], "王菲", 1997, 1997, 11, "CD, Album", "EMI", [], ["Pop"],
        ["Mandopop"]),
      [FAYE_SELF], [FAYE_CY, FAYE_FZ, FAYE_ZAI, FAYE_BEST])
S.add("chinese_title romanized_artist_discogs native_artist_spotify",
      "Teresa Teng's 'Light Exquisite Feeling' (Song-dynasty poems); Spotify credits 鄧麗君, an "
      "English compilation credits 'Teresa Teng'",
      r(["Teresa Teng"], "淡淡幽情", 1983, 1983, 12, "LP, Album", "Polydor", [],
        ["Pop"], ["Mandopop", "Ballad"]),
      [TENG_DDYQ], [TENG_MIYUE, TENG_BEST, TENG_EN])
S.add("chinese_title cantopop",
      "Beyond's 1989 album; other Beyond albums and the 'Beyond' album by another band are "
      "decoys",
      r(["Beyond"], "真的見証", 1989, 1989, 10, "LP, Album", "Cinepoly", [], ["Rock"],
        ["Cantopop", "Pop Rock"]),
      [BEYOND_ZD], [BEYOND_MI, BEYOND_MY, BEYOND_GH, BEYOND_OTHER])
S.add("chinese_title romanized_artist_discogs renamed_artist",
      "Sodagreen (Discogs) is 蘇打綠 on Spotify; the band now also records as 魚丁糸 (decoy)",
      r(["Sodagreen"], "無與倫比的美麗", 2007, 2007, 12, "CD, Album", "Willlin Music", [],
        ["Rock", "Pop"], ["Indie Pop"]),
      [SODA_WYL], [SODA_XYZ, SODA_SPRING, SODA_YDS])
S.add("chinese_title traditional_vs_simplified romanized_artist_discogs",
      "Discogs traditional '新長征路上的搖滾 = Rock 'N' Roll On The New Long March', Spotify "
      "simplified '新长征路上的摇滚'",
      r(["Cui Jian"], "新長征路上的搖滾 = Rock 'N' Roll On The New Long March", 1989, 1989, 9,
        "CD, Album", "Kolin Records", [], ["Rock"], ["Pop Rock"]),
      [CUI_XCZ], [CUI_JJ, CUI_HQ, CUI_YWSY])
S.add("chinese_title cantopop romanized_artist_discogs",
      "Jacky Cheung's 'Kiss Goodbye'; a cover single with the same title is a decoy",
      r(["Jacky Cheung"], "吻別", 1993, 1993, 11, "CD, Album", "PolyGram", [],
        ["Pop"], ["Mandopop", "Ballad"]),
      [JACKY_WB], [JACKY_ZQ, JACKY_ZF, JACKY_WB_COVER])
S.add("chinese_title not_on_spotify early_pressing",
      "A 1967 Life Records LP of the teenage Teresa Teng: not on Spotify to the author's "
      "knowledge; her famous albums and compilations are decoys",
      r(["鄧麗君"], "鄧麗君之歌 第一集 = 鳳陽花鼓", 1967, None, 12, "LP, Album", "宇宙唱片",
        [], ["Pop"], ["Mandopop"]),
      [], [TENG_MIYUE, TENG_DDYQ, TENG_BEST, TENG_EN])

# ---------------------------------------------------------------- Russian / Soviet
KINO = "КИНО"
KINO_GK = sp("Группа крови", KINO, "1988-01-01", 11, 62)
KINO_GK_R = sp("Группа крови (Remastered 2019)", KINO, "2019-11-01", 11, 45)
KINO_ZVEZDA = sp("Звезда по имени Солнце", KINO, "1989-01-01", 10, 58)
KINO_BLACK = sp("Чёрный альбом", KINO, "1990-01-12", 8, 55)
KINO_LAST = sp("Последний герой", KINO, "1989-06-01", 11, 45, "compilation")
KINO_PROG = sp("Picture", "Kino", "2005-03-21", 10, 15)
AQUA_RA = sp("Радио Африка", "Аквариум", "1983-01-01", 14, 32)
AQUA_TABU = sp("Табу", "Аквариум", "1982-01-01", 10, 27)
AQUA_DEN = sp("День серебра", "Аквариум", "1984-01-01", 10, 30)
AQUA_TRI = sp("Треугольник", "Аквариум", "1981-01-01", 19, 28)
NAU_RAZ = sp("Разлука", "Наутилус Помпилиус", "1986-01-01", 11, 44)
NAU_NEV = sp("Невидимка", "Наутилус Помпилиус", "1985-01-01", 11, 33)
NAU_KT = sp("Князь тишины", "Наутилус Помпилиус", "1988-01-01", 11, 36)
RAZLUKA_OTHER = sp("Разлука", "Сплин", "2020-01-01", 1, 20, "single")
GROB_RPE = sp("Русское поле экспериментов", "Гражданская оборона", "1989-01-01", 8, 45)
GROB_VSE = sp("Всё идёт по плану", "Гражданская оборона", "1988-01-01", 17, 40)
GROB_ARM = sp("Армагеддон-попс", "Гражданская оборона", "1989-06-01", 11, 30)
ZEM_SELF = sp("Земфира", "Земфира", "1999-05-10", 13, 50)
ZEM_PROSTI = sp("Прости меня моя любовь", "Земфира", "2000-03-28", 13, 48)
ZEM_VEN = sp("Вендетта", "Земфира", "2005-03-01", 13, 42)
ZEM_BEST = sp("Земфира. Лучшее", "Земфира", "2012-01-01", 20, 30, "compilation")
SAM_COMP = sp("Самоцветы. Лучшие песни", "Самоцветы", "2008-01-01", 20, 20, "compilation")
SAM_NEW = sp("Мой адрес - Советский Союз", "Самоцветы", "2015-01-01", 12, 15)
PESNYARY = sp("Песняры. Лучшие песни", "Песняры", "2006-01-01", 20, 18, "compilation")

S.add("russian_title cyrillic_artist remaster",
      "Discogs 'Кино', Spotify 'КИНО' (upper case); the 2019 remaster is the same album; a "
      "Latin-script band 'Kino' is a decoy",
      r(["Кино"], "Группа Крови", 1988, 1988, 11, "LP, Album, RE", "Moroz Records", [],
        ["Rock"], ["New Wave", "Post-Punk"]),
      [KINO_GK, KINO_GK_R], [KINO_ZVEZDA, KINO_BLACK, KINO_LAST, KINO_PROG])
S.add("russian_title cyrillic_artist",
      "'Star Called Sun'; 'Группа крови' and the black album are decoys",
      r(["Кино"], "Звезда По Имени Солнце", 1989, 1989, 10, "LP, Album", "Мелодия",
        [], ["Rock"], ["New Wave"]),
      [KINO_ZVEZDA], [KINO_GK, KINO_BLACK, KINO_LAST])
S.add("russian_title cyrillic_artist romanized_artist_discogs",
      "Discogs 'Aquarium (2)' (romanized), Spotify 'Аквариум'",
      r(["Aquarium"], "Радио Африка", 1983, 1983, 14, "LP, Album, RE", "Мелодия", [],
        ["Rock"], ["New Wave", "Art Rock"]),
      [AQUA_RA], [AQUA_TABU, AQUA_DEN, AQUA_TRI])
S.add("russian_title cyrillic_artist same_title_other_artist",
      "'Separation'; a 'Разлука' single by another band is a decoy",
      r(["Наутилус Помпилиус"], "Разлука", 1986, 1986, 11, "LP, Album, RE", "Мелодия",
        [], ["Rock"], ["New Wave"]),
      [NAU_RAZ], [NAU_NEV, NAU_KT, RAZLUKA_OTHER])
S.add("russian_title cyrillic_artist romanized_artist_discogs",
      "Discogs 'Grazhdanskaya Oborona', Spotify 'Гражданская оборона'",
      r(["Grazhdanskaya Oborona"], "Русское Поле Экспериментов", 1989, 1989, 8, "LP, Album, RE",
        "Выргород", [], ["Rock"], ["Punk", "Post-Punk"]),
      [GROB_RPE], [GROB_VSE, GROB_ARM])
S.add("russian_title self_titled cyrillic_artist",
      "Zemfira's self-titled debut; later albums and a best-of also credit Земфира",
      r(["Земфира"], "Земфира", 1999, 1999, 13, "CD, Album", "Real Records", [],
        ["Rock"], ["Pop Rock"]),
      [ZEM_SELF], [ZEM_PROSTI, ZEM_VEN, ZEM_BEST])
S.add("russian_title not_on_spotify melodiya cyrillic_artist",
      "A 1970s Melodiya LP of VIA Samotsvety: not on Spotify to the author's knowledge; later "
      "best-ofs and re-recordings are decoys",
      r(["Самоцветы"], "Вокально-Инструментальный Ансамбль «Самоцветы»", 1975, None, 12, "LP",
        "Мелодия", [], ["Pop"], ["Vocal"]),
      [], [SAM_COMP, SAM_NEW, PESNYARY])

# ---------------------------------------------------------------- Greek (and Greek-script titles)
HADJ = "Manos Hadjidakis"
HADJ_ME = sp("Ο Μεγάλος Ερωτικός", f"{HADJ}; Flery Dandonaki; Dimitris Psarianos",
             "1972-01-01", 13, 38)
HADJ_NEVER = sp("Never on Sunday (Original Motion Picture Soundtrack)", HADJ, "1960-01-01", 14,
                35)
HADJ_MATO = sp("Ματωμένος Γάμος", HADJ, "1965-01-01", 10, 18)
HADJ_GIOC = sp("Gioconda's Smile", HADJ, "1965-06-01", 10, 30)
THEO = "Mikis Theodorakis"
THEO_AXION = sp("Axion Esti", f"{THEO}; Grigoris Bithikotsis; Manos Katrakis", "1964-01-01", 20,
                36)
THEO_AXION_LIVE = sp("Axion Esti (Live)", f"{THEO}; Giorgos Dalaras", "1992-01-01", 20, 15)
THEO_ZORBA = sp("Zorba the Greek (Original Motion Picture Soundtrack)", THEO, "1964-12-01", 12,
                55)
THEO_ROMIO = sp("Romiosini", f"{THEO}; Grigoris Bithikotsis", "1966-01-01", 9, 22)
TSIT_BEST = sp("Vassilis Tsitsanis - Greatest Hits", "Vassilis Tsitsanis", None, None, 25,
               "compilation")
SYNNEF = sp("Συννεφιασμένη Κυριακή", "Γιώργος Νταλάρας", "1975-01-01", 1, 30, "single")
REMBETIKA = sp("Rembetika: Songs of the Greek Underground 1925-1947", "Various Artists",
               "2000-01-01", 25, 20, "compilation")
XYL_RIZ = sp("Ριζίτικα", "Νίκος Ξυλούρης", "1971-01-01", 12, 30)
XYL_CHRON = sp("Χρονικό", "Νίκος Ξυλούρης", "1975-01-01", 12, 28)
XYL_ITAN = sp("Ήτανε Μια Φορά", "Νίκος Ξυλούρης", "1973-01-01", 12, 26)
MIN = "Ministry"
MIN_PSALM = sp("Psalm 69: The Way to Succeed and the Way to Suck Eggs", MIN, "1992-07-14", 9, 52)
MIN_LAND = sp("The Land of Rape and Honey", MIN, "1988-01-11", 9, 45)
MIN_MIND = sp("The Mind Is a Terrible Thing to Taste", MIN, "1989-11-14", 9, 47)
MIN_FILTH = sp("Filth Pig", MIN, "1996-01-30", 11, 38)
MIN_JESUS = sp("Jesus Built My Hotrod", MIN, "1991-11-01", 3, 35, "single")
MIN_FITS = sp("Greatest Fits", MIN, "2001-06-19", 15, 36, "compilation")
MIN_TWITCH = sp("Twitch", MIN, "1986-03-01", 9, 30)
NADJA_LAB = sp("Labyrinthine", "Nadja", "2022-09-02", 4, 12)
NADJA_ROT = sp("Luminous Rot", "Nadja", "2021-02-26", 6, 18)
NADJA_NALEPA = sp("Nalepa", "Nadja", "2021-08-06", 3, 9)
NADJA_SONN = sp("Sonnborner", "Nadja", "2018-09-07", 4, 11)

S.add("greek_title romanized_artist_discogs",
      "Hadjidakis's 'The Great Erotic' (Greek on both sides); his soundtracks are decoys",
      r(["Manos Hadjidakis"], "Ο Μεγάλος Ερωτικός", 1972, 1972, 13, "LP, Album", "Lyra", [],
        ["Folk, World, & Country", "Classical"], ["Laïkó", "Art Song"]),
      [HADJ_ME], [HADJ_NEVER, HADJ_MATO, HADJ_GIOC])
S.add("greek_title romanized_title_spotify",
      "Discogs Greek 'Άξιον Εστί', Spotify romanized 'Axion Esti'; a later live recording and "
      "Zorba are decoys",
      r(["Μίκης Θεοδωράκης", "Γρηγόρης Μπιθικώτσης", "Μάνος Κατράκης"], "Άξιον Εστί", 1964,
        1964, 20, "LP, Album", "Columbia", [], ["Folk, World, & Country", "Classical"],
        ["Oratorio", "Laïkó"]),
      [THEO_AXION], [THEO_AXION_LIVE, THEO_ZORBA, THEO_ROMIO])
S.add("greek_title not_on_spotify rebetiko unverified_pressing",
      "An old Columbia Greece LP of Tsitsanis's songs: not on Spotify to the author's "
      "knowledge; romanized compilations and Dalaras's cover single are decoys",
      r(["Βασίλης Τσιτσάνης"], "Τα Τραγούδια Του Βασίλη Τσιτσάνη", 1965, None, 12, "LP, Comp",
        "Columbia", [], ["Folk, World, & Country"], ["Rebetiko"]),
      [], [TSIT_BEST, SYNNEF, REMBETIKA])
S.add("greek_title greek_artist",
      "Xylouris's Cretan 'Rizitika'; his other albums are decoys",
      r(["Νίκος Ξυλούρης"], "Ριζίτικα", 1971, 1971, 12, "LP, Album", "Columbia", [],
        ["Folk, World, & Country"], ["Cretan"]),
      [XYL_RIZ], [XYL_CHRON, XYL_ITAN])
S.add("greek_script_title real_csv_row cassette translated_title_spotify",
      "Real TapeShelf CSV row (release 4675070): Discogs titles it 'ΚΕΦΑΛΗΞΘ', Spotify by its "
      "common name 'Psalm 69: ...'",
      csv_row("Ministry", "ΚΕΦΑΛΗΞΘ", 1992, "Cass, Album", ["Sire", "Warner Bros. Records"],
              ["9 26727-4"]),
      [MIN_PSALM], [MIN_LAND, MIN_MIND, MIN_FILTH, MIN_JESUS, MIN_FITS, MIN_TWITCH])
S.add("greek_script_title real_csv_row reissue translated_title_spotify",
      "Real discogs-scraper CSV row (release 3490956): the 2011 Rhino LP reissue",
      csv_row("Ministry", "ΚΕΦΑΛΗΞΘ", 2011, "LP, Album, RE, 180", ["Sire", "Rhino Records (2)"],
              ["8122-79760-1"]),
      [MIN_PSALM], [MIN_LAND, MIN_MIND, MIN_JESUS, MIN_FITS])
S.add("cjk_in_title real_csv_row cassette",
      "Real TapeShelf CSV row (release 24706742): Discogs appends '如迷宮' to the title, Spotify "
      "has just 'Labyrinthine'",
      csv_row("Nadja", "Labyrinthine 如迷宮", 2022, "Cass, Album, Ltd",
              ["WV Sorcerer Productions"], ["WV 072"]),
      [NADJA_LAB], [NADJA_ROT, NADJA_NALEPA, NADJA_SONN])

# ---------------------------------------------------------------- Arabic, Hebrew
FAIRUZ_WAHDON = sp("Wahdon", "Fairuz", "1979-01-01", 10, 40)
FAIRUZ_KIFAK = sp("Kifak Inta", "Fairuz", "1991-01-01", 9, 38)
FAIRUZ_AMAL = sp("Eh Fi Amal", "Fairuz", "2010-10-07", 11, 35)
FAIRUZ_BEST = sp("The Very Best of Fairuz", "Fairuz", "2005-01-01", 18, 45, "compilation")
NASSAM_COVER = sp("Nassam Alayna El Hawa", "Various Artists", "2018-01-01", 1, 20, "single")
UMM = "Umm Kulthum"
UMM_ENTA = sp("Enta Omri", UMM, "1964-01-01", 1, 45)
UMM_ALF = sp("Alf Leila We Leila", UMM, "1969-01-01", 1, 40)
UMM_AMAL = sp("Amal Hayati", UMM, "1965-01-01", 1, 35)
OUM_BEST = sp("The Best of Oum Kalthoum", "Oum Kalthoum", None, None, 30, "compilation")
ENTA_INSTR = sp("Enta Omri (Instrumental)", "Oriental Oud Ensemble", "2017-01-01", 1, 18,
                "single")
AHH = "Abdel Halim Hafez"
AHH_QARIA = sp("Qareat El Fengan", AHH, "1976-01-01", 1, 38)
AHH_AHWAK = sp("Ahwak", AHH, "1960-01-01", 1, 30)
AHH_BEST = sp("Best of Abdel Halim Hafez", AHH, "2009-01-01", 15, 32, "compilation")
OFRA_YS = sp("Yemenite Songs", "Ofra Haza", "1984-01-01", 10, 35)
OFRA_FIFTY = sp("Fifty Gates of Wisdom", "Ofra Haza", "1987-01-01", 10, 30)
OFRA_SHADAY = sp("Shaday", "Ofra Haza", "1988-01-01", 10, 38)
OFRA_DESERT = sp("Desert Wind", "Ofra Haza", "1989-01-01", 10, 28)
OFRA_IMNIN = sp("Im Nin'alu", "Ofra Haza", "1988-04-01", 2, 45, "single")
ARIK = "אריק איינשטיין"
ARIK_SHAB = sp("שבלול", ARIK, "1970-01-01", 12, 35)
ARIK_POOZY = sp("פוזי", ARIK, "1969-01-01", 12, 30)
ARIK_ERETZ = sp("ארץ ישראל הישנה והטובה", ARIK, "1973-01-01", 22, 28)
ARIK_BEST = sp("אריק איינשטיין - האוסף", ARIK, "2006-01-01", 40, 33, "compilation")
KAVERET = "כוורת"
KAV_POOGY = sp("סיפורי פוגי", KAVERET, "1973-01-01", 12, 33)
KAV_POOGY_EN = sp("Poogy Tales", "Kaveret", "1974-06-01", 12, 10)
KAV_BEST = sp("כוורת - האוסף", KAVERET, "2005-01-01", 30, 28, "compilation")

S.add("arabic_title translated_title_discogs romanized_title_spotify",
      "Discogs 'وحدن = Wahdon', Spotify romanized 'Wahdon'",
      r(["Fairuz"], "وحدن = Wahdon", 1979, 1979, 10, "LP, Album", "Voix De L'Orient", [],
        ["Folk, World, & Country"], ["Arabic"]),
      [FAIRUZ_WAHDON], [FAIRUZ_KIFAK, FAIRUZ_AMAL, FAIRUZ_BEST])
S.add("arabic_title not_on_spotify single_7inch",
      "A Fairuz 7\": not on Spotify as a release (the song sits on compilations, which are "
      "other albums); a cover single of the same title is a decoy",
      r(["Fairuz"], "نسم علينا الهوى = Nassam Alayna El Hawa", 1971, None, 2, '7", Single',
        "Voix De L'Orient", [], ["Folk, World, & Country"], ["Arabic"]),
      [], [FAIRUZ_BEST, NASSAM_COVER, FAIRUZ_WAHDON])
S.add("arabic_title romanization_variants arabic_artist",
      "Discogs 'أم كلثوم – انت عمري', Spotify 'Umm Kulthum – Enta Omri'; a best-of spells her "
      "'Oum Kalthoum', an oud instrumental single takes the same title",
      r(["أم كلثوم"], "انت عمري", 1964, 1964, 2, "LP", "Sono Cairo", [],
        ["Folk, World, & Country"], ["Arabic", "Tarab"]),
      [UMM_ENTA], [UMM_ALF, UMM_AMAL, OUM_BEST, ENTA_INSTR])
S.add("arabic_title romanized_title_spotify live",
      "Abdel Halim's 'Qariat al-Fingan' (live, 1976)",
      r(["Abdel Halim Hafez"], "قارئة الفنجان", 1976, 1976, 2, "LP", "Sono Cairo", [],
        ["Folk, World, & Country"], ["Arabic"]),
      [AHH_QARIA], [AHH_AHWAK, AHH_BEST])
S.add("hebrew_title translated_title_discogs international_edition",
      "Discogs 'שירי תימן = Yemenite Songs'; the US 'Fifty Gates of Wisdom' is the same album "
      "under another name, 'Shaday' and 'Im Nin'alu' are decoys",
      r(["Ofra Haza"], "שירי תימן = Yemenite Songs", 1984, 1984, 10, "LP, Album", "Hed Arzi",
        [], ["Folk, World, & Country"], ["Yemenite", "Folk"]),
      [OFRA_YS, OFRA_FIFTY], [OFRA_SHADAY, OFRA_DESERT, OFRA_IMNIN])
S.add("hebrew_title romanized_artist_discogs native_artist_spotify",
      "Discogs 'Arik Einstein', Spotify 'אריק איינשטיין'",
      r(["Arik Einstein"], "שבלול", 1970, 1970, 12, "LP, Album", "Hed Arzi", [], ["Rock"],
        ["Psychedelic Rock", "Folk Rock"]),
      [ARIK_SHAB], [ARIK_POOZY, ARIK_ERETZ, ARIK_BEST])
S.add("hebrew_title other_language_version",
      "Kaveret's Hebrew 'Poogy Tales'; their English-language 'Poogy Tales' is another "
      "recording",
      r(["Kaveret"], "סיפורי פוגי", 1973, 1973, 12, "LP, Album", "Hed Arzi", [], ["Rock"],
        ["Pop Rock"]),
      [KAV_POOGY], [KAV_POOGY_EN, KAV_BEST, ARIK_SHAB])

# ---------------------------------------------------------------- Thai, Hindi film
CARABAO = "คาราบาว"
CAR_MIT = sp("เมด อิน ไทยแลนด์", CARABAO, "1984-01-01", 10, 40)
CAR_WANI = sp("วณิพก", CARABAO, "1983-01-01", 10, 32)
CAR_TOR = sp("ท.ทหารอดทน", CARABAO, "1985-01-01", 10, 30)
CAR_HITS = sp("คาราบาว ฮิต", CARABAO, "2001-01-01", 20, 33, "compilation")
SOUND_SIAM = sp("Sound of Siam: Leftfield Luk Thung, Jazz & Molam in Thailand 1964-1975",
                "Various Artists", "2010-03-01", 20, 25, "compilation")
THAI_DAI = sp("Thai? Dai! The Heavier Side of the Luk Thung Underground", "Various Artists",
              "2011-01-01", 16, 18, "compilation")
CHAWEEWAN_COMP = sp("Chaweewan Dumnern: Queen of Molam", "Chaweewan Dumnern", "2014-01-01", 10,
                    10, "compilation")
RDB = "R. D. Burman"
SHOLAY = sp("Sholay (Original Motion Picture Soundtrack)", f"{RDB}; Kishore Kumar; Lata "
            "Mangeshkar; Manna Dey", "1975-08-15", 7, 48)
SHOLAY_DIA = sp("Sholay (Dialogues)", "Amjad Khan; Amitabh Bachchan; Dharmendra",
                "1975-08-16", 12, 25)
RAMGARH = sp("Ramgarh Ke Sholay (Original Motion Picture Soundtrack)", "Anu Malik",
             "1991-01-01", 6, 12)
YEH_DOSTI = sp("Yeh Dosti", "Kishore Kumar; Manna Dey", "1975-08-01", 1, 40, "single")
DDLJ = sp("Dilwale Dulhania Le Jayenge (Original Motion Picture Soundtrack)",
          "Jatin-Lalit; Lata Mangeshkar; Kumar Sanu; Udit Narayan", "1995-10-20", 7, 60)
DILWALE_2015 = sp("Dilwale (Original Motion Picture Soundtrack)", "Pritam", "2015-11-30", 6, 55)
DTPH = sp("Dil To Pagal Hai (Original Motion Picture Soundtrack)", "Uttam Singh", "1997-09-01",
          10, 50)
TUJHE_COVER = sp("Tujhe Dekha To (Lofi Flip)", "Lofi Bollywood", "2021-02-14", 1, 30, "single")

S.add("thai_title thai_artist",
      "Carabao's 'Made in Thailand', Thai on both sides",
      r(["Carabao"], "เมด อิน ไทยแลนด์", 1984, 1984, 10, "Cass, Album", "Krit Sound", [],
        ["Rock", "Folk, World, & Country"], ["Phleng Phuea Chiwit"]),
      [CAR_MIT], [CAR_WANI, CAR_TOR, CAR_HITS])
S.add("thai_title not_on_spotify unverified_pressing compilation_decoy",
      "A 1970s molam LP by Chaweewan Dumnern: not on Spotify to the author's knowledge; her "
      "compilation and the Soundway/Finders Keepers anthologies are decoys",
      r(["ฉวีวรรณ ดำเนิน"], "หมอลำ ฉวีวรรณ ดำเนิน", 1975, None, 10, "LP", "Onkio", [],
        ["Folk, World, & Country"], ["Mor lam"]),
      [], [CHAWEEWAN_COMP, SOUND_SIAM, THAI_DAI])
S.add("hindi_film soundtrack_suffix",
      "Sholay's songs; the famous dialogue album, the single and 'Ramgarh Ke Sholay' are decoys",
      r(["R.D. Burman"], "Sholay", 1975, 1975, 7, "LP, Album", "Polydor", [],
        ["Stage & Screen"], ["Bollywood", "Soundtrack"]),
      [SHOLAY], [SHOLAY_DIA, RAMGARH, YEH_DOSTI])
S.add("hindi_film soundtrack_suffix devanagari_title",
      "DDLJ songs; the 2015 film 'Dilwale' and YRF's other 1990s soundtrack are decoys",
      r(["Jatin-Lalit"], "दिलवाले दुल्हनिया ले जायेंगे = Dilwale Dulhania Le Jayenge", 1995,
        1995, 7, "Cass, Album", "HMV", [], ["Stage & Screen"], ["Bollywood", "Soundtrack"]),
      [DDLJ], [DILWALE_2015, DTPH, TUJHE_COVER])

if __name__ == "__main__":
    for entry in S.albums:  # say so wherever the author left the catalogue number out
        if not entry["album"]["catnos"] and "catno_unknown" not in entry["tags"]:
            entry["tags"].append("catno_unknown")
    S.write(Path(__file__).with_name("non_latin.json"))
    print(S.summary())
