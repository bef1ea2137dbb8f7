"""Titles in other scripts in the forms Spotify may use (tasks/scripts.py), on literal text."""

import pytest

from tasks.scripts import kana_to_latin, simplified_chinese


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("あくまのうた", "akumanouta"),  # Boris, "Akuma No Uta" on Spotify
        ("はっぴいえんど", "happiiendo"),
        ("しゃしん", "shashin"), ("きょうと", "kyouto"), ("りゅう", "ryuu"),
        ("きよし", "kiyoshi"),  # a full-size yo is a syllable of its own
        ("がっこう", "gakkou"), ("マッチ", "matchi"),  # the small tsu doubles a consonant
        ("ラーメン", "raamen"), ("ヴィ", "vi"), ("ファン", "fan"),
        ("サカナクション", "sakanakushon"), ("ピチカート・ファイヴ", "pichikaato faivu"),
        ("ホール 2", "hooru 2"),
    ],
)
def test_kana_to_latin(kana, latin):
    assert kana_to_latin(kana) == latin


def test_kana_to_latin_needs_kana_only():
    assert kana_to_latin("Boris") is None
    assert kana_to_latin("無罪モラトリアム") is None  # kanji: the reading is not in the text
    assert kana_to_latin("") is None


def test_simplified_chinese():
    assert simplified_chinese("新長征路上的搖滾") == "新长征路上的摇滚"
    assert simplified_chinese("新长征路上的摇滚") is None  # already simplified
    assert simplified_chinese("はっぴいえんど") is None
    assert simplified_chinese("無罪モラトリアム") is None  # Japanese: kana in it
    assert simplified_chinese("Rock") is None
