"""The one sentence splitter, and quantities as verification reads them."""

from __future__ import annotations

from assistant.text.numbers import quantities
from assistant.text.sentences import split_sentences


def test_sentences_keep_their_end_punctuation_and_drop_blanks() -> None:
    text = "一、总体要求\n（一）加强统筹。每5年累计不少于6个月；新入职教师前3年应在企业实践！\n\n"
    expected = ["一、总体要求", "（一）加强统筹。", "每5年累计不少于6个月；", "新入职教师前3年应在企业实践！"]
    assert split_sentences(text) == expected


def test_quantities_compare_chinese_and_arabic_numerals() -> None:
    assert quantities("按投资额的百分之三十抵免") == quantities("按投资额的30%抵免") == {"30%"}
    assert quantities("二〇二〇年起，每两年不少于两个月") == {"2020", "2"}
    assert quantities("支付1.50%的费用，共1,000元") == {"1.5%", "1000"}
    assert quantities("（一）加强统筹") == set()  # a clause label is structure, not a quantity
    assert quantities("16. 落实财税政策") == set()
