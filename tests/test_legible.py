"""Text the English model cannot read is coded with a recorded warning (issue 16 rows 12 and 13): before, French,
Russian and Arabic news, and English in capitals or without punctuation, gave few or no events and no word why."""

from __future__ import annotations

import datetime

import pytest

from parley import errors
from parley.model import Document

ENGLISH = ("Russian forces shelled villages near Kharkiv on Tuesday, killing two civilians, Ukrainian officials said. "
           "The United States condemned the attack and said it would send more air defence systems to Kyiv. "
           "China urged both sides to return to talks.")
FRENCH = ("Les forces russes ont bombardé mardi des villages près de Kharkiv, tuant deux civils, selon les autorités "
          "ukrainiennes. Les États-Unis ont condamné l'attaque et promis d'envoyer davantage de défenses aériennes.")
RUSSIAN = ("Российские войска во вторник обстреляли села под Харьковом, погибли двое мирных жителей, сообщили "
           "украинские власти. США осудили нападение и пообещали направить Киеву больше систем ПВО.")
ARABIC = ("قصفت القوات الروسية يوم الثلاثاء قرى قرب خاركيف ما أسفر عن مقتل مدنيين اثنين بحسب مسؤولين أوكرانيين. "
          "وأدانت الولايات المتحدة الهجوم وتعهدت بإرسال المزيد من أنظمة الدفاع الجوي.")
NO_PUNCTUATION = ENGLISH.replace(".", "").replace(",", "")


def _codes(coder, text):
    return [w.code for w in coder.code(Document(text=text, published=datetime.date(2024, 7, 13))).warnings]


@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, ARABIC], ids=["french", "russian", "arabic"])
def test_text_not_in_english_is_warned(coder, text):
    assert _codes(coder, text) == [errors.W_NOT_ENGLISH]


def test_text_in_capitals_is_warned(coder):
    assert _codes(coder, ENGLISH.upper()) == [errors.W_ALL_CAPITALS]


def test_text_without_punctuation_is_warned(coder):
    assert _codes(coder, NO_PUNCTUATION) == [errors.W_NO_PUNCTUATION]


def test_ordinary_english_news_gets_no_warning(coder):
    assert _codes(coder, ENGLISH) == []
    assert _codes(coder, "Biden meets Xi") == []  # a headline is too short to judge
