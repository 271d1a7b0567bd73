"""The gazetteer: places named in text, how they relate, the division's ground."""

from __future__ import annotations

from assistant.places import Relation, in_division, lookup, places_in, relation, scope_of


def test_places_are_found_by_any_name_longest_first() -> None:
    assert [p.name for p in places_in("我在五一农场开了个汽修厂")] == ["五一农场"]
    assert [p.name for p in places_in("乌鲁木齐市米东区")] == ["乌鲁木齐市", "米东区"]
    assert [p.name for p in places_in("十二师西郊城区")] == ["西郊城区"]
    assert places_in("我们想招两个学徒") == []


def test_division_ground() -> None:
    assert in_division("十二师五一农场") == "yes"
    assert in_division("104团") == "yes"
    assert in_division("乌鲁木齐市头屯河区") == "maybe"  # the division's units lie in and around Urumqi
    assert in_division("") == "maybe"
    assert in_division("昌吉市") == "no"
    assert in_division("石河子") == "no"
    # an area the division lies in says nothing against it (兵团, 全国): the division's benefits stay
    assert in_division("兵团") == "maybe" and in_division("全国") == "maybe"


def test_relations_grade_places() -> None:
    urumqi = lookup("乌鲁木齐")
    assert urumqi is not None
    assert relation(urumqi, lookup("米东区")) is Relation.same  # type: ignore[arg-type]
    assert relation(urumqi, lookup("昌吉市")) is Relation.near  # type: ignore[arg-type]
    assert relation(urumqi, lookup("喀什")) is Relation.region  # type: ignore[arg-type]
    assert relation(urumqi, lookup("宁波")) is Relation.far  # type: ignore[arg-type]
    # a city's own parts are near one another, as near as the neighbours the city lists; two cities of
    # one prefecture are not
    tianshan = lookup("天山区")
    assert relation(tianshan, lookup("水磨沟区")) is Relation.near  # type: ignore[arg-type]
    assert relation(tianshan, lookup("乌鲁木齐")) is Relation.near  # type: ignore[arg-type]
    assert relation(tianshan, lookup("昌吉市")) is Relation.near  # type: ignore[arg-type]
    assert relation(lookup("222团"), lookup("西郊城区")) is Relation.near  # type: ignore[arg-type]
    assert relation(lookup("阜康"), lookup("昌吉市")) is Relation.region  # type: ignore[arg-type]


def test_scope_tells_the_division_from_other_places() -> None:
    scope = scope_of("宁波规定每两年实践两个月，咱们十二师呢？")
    assert scope.division and [p.name for p in scope.foreign] == ["宁波市"]
    assert not scope_of("企业招用实习生要注意什么？").division
    assert scope_of("团场的职工培训经费怎么提取？").division


def test_spoken_names_of_the_division_count_only_where_a_word_begins() -> None:
    """师里 is how people here say "the division", and also the end of 老师里 / 教师里."""
    for text in ("听说师里要落实这些优惠", "娃在师里职校念书", "咱师里职校能聘多少兼职？", "师部在哪办？"):
        assert scope_of(text).division, text
    for text in ("兼职教师里有几个是企业来的？", "老师里面谁管实习", "工程师里面有几级"):
        assert not scope_of(text).division, text
    # a division question quoting another city: both are named, the division decides the scope
    both = scope_of("宁波的实习补贴按月发，咱师里是怎么发的？")
    assert both.division and [p.name for p in both.foreign] == ["宁波市"]


def test_places_beyond_the_file_are_known_to_be_elsewhere() -> None:
    """A county of China (jionlp's administrative divisions) or a regiment of the corps by number: once
    dropped, or read as what someone wants to do (库尔勒 as an interest)."""
    changji = lookup("昌吉市")
    assert changji is not None
    for text, name in (("我在库尔勒，有没有实习", "库尔勒市"), ("家在奎屯", "奎屯市"), ("我在伊宁市上学", "伊宁市")):
        (place,) = places_in(text)
        assert place.name == name and place.is_local_government, text
        assert relation(changji, place) is Relation.region, text  # the same province: graded, not dropped
    (zhengzhou,) = places_in("我在郑州读的中职")
    assert relation(changji, zhengzhou) is Relation.far
    assert scope_of("我在库尔勒，实习补贴怎么发").foreign  # another place's rules would be its own
    # a regiment by its number, in figures or in words; the division's own are the file's
    (regiment,) = places_in("想找个离家近的活，我在102团")
    assert regiment.name == "102团" and regiment.level == "unit" and in_division("102团") == "no"
    assert [p.name for p in places_in("我在一〇二团")] == ["102团"]
    assert places_in("十百团有多少人") == [] and places_in("零零团") == []  # no number: no regiment, no error
    assert [p.name for p in places_in("一百零四团有没有活")] == ["104团"] and in_division("一百零四团") == "yes"
    # two regiments of the corps are not near for that (the corps spans the province); two of the division are
    assert relation(regiment, lookup("104团")) is not Relation.near  # type: ignore[arg-type]


def test_everyday_words_are_no_places() -> None:
    """Only whole words, and no short name the dictionary holds as an everyday word or that is a county's or a
    district's elsewhere (新建 of 新建区, 温泉 of 温泉县, 合作 of 合作市)."""
    for text in ("新华社报道了", "我们想开展合作", "城区的学校", "学校要新建一栋实训楼", "温泉酒店招服务员", "3团队"):
        assert places_in(text) == [], text
    assert [p.name for p in places_in("我在新建区")] == ["新建区"]
