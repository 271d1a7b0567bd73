"""The one Chinese-number normaliser (cn2an): quantities compare by value, whatever the script."""

from __future__ import annotations

import pytest

from assistant.text.numbers import cn_to_int, int_to_cn, normalize_numerals, quantities


@pytest.mark.parametrize(
    ("chinese", "arabic"),
    [
        ("补贴一万二千元", "补贴12000元"),
        ("补贴一万二元", "补贴12000元"),
        ("5万元", "50000元"),
        ("1.5万元", "15000元"),
        ("百分之三十", "30%"),
        ("百分之零点五", "0.5%"),
        ("两年", "2年"),
        ("3亿元", "300000000元"),
        ("二〇二〇年", "2020年"),
        ("二倍的工资", "2倍的工资"),
        ("两倍的工资", "2倍的工资"),
    ],
)
def test_chinese_and_arabic_forms_are_the_same_quantity(chinese: str, arabic: str) -> None:
    assert quantities(chinese) == quantities(arabic) != set()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("补贴一万二千元", "补贴2000元"),  # the old normaliser read 一万二千 as 2000
        ("5万元", "5元"),
        ("1.5万", "1.5"),
        ("一倍", "百分之二百"),  # a multiple is not a percentage
        ("百分之三十", "30"),
        ("两年", "20年"),
    ],
)
def test_different_amounts_never_compare_equal(one: str, other: str) -> None:
    assert quantities(one) != quantities(other)


def test_ranges_give_both_ends() -> None:
    assert quantities("实习补贴2000-2600元/月") == {"2000", "2600"}
    assert quantities("3—12个月") == {"3", "12"}
    assert quantities("三至五年") == {"3", "5"}
    assert quantities("一倍以上三倍以下") == {"1倍", "3倍"}


def test_words_and_labels_are_not_quantities() -> None:
    assert quantities("统一规划，一些企业") == set()
    assert quantities("（一）加强统筹") == set()
    assert quantities("16. 落实财税政策") == set()
    assert quantities("依照本法第十四条第二款") == set()
    assert quantities("十二师") == set()


def test_thousands_separators_and_decimals() -> None:
    assert quantities("共1,000元，费率1.50%") == {"1000", "1.5%"}


def test_normalize_numerals_for_display() -> None:
    assert normalize_numerals("每五年累计不少于六个月") == "每5年累计不少于6个月"
    assert normalize_numerals("统一要求") == "统一要求"


def test_clause_numbers_round_trip() -> None:
    for number in (1, 10, 14, 20, 99, 101, 110, 1000):
        assert cn_to_int(int_to_cn(number)) == number
    assert int_to_cn(14) == "十四" and int_to_cn(101) == "一百零一"
    assert cn_to_int("两") == 2 and cn_to_int("14") == 14
