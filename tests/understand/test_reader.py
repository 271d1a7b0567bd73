"""Reading a person from their words: majors, level, places, time windows, kinds, enterprise facts."""

from __future__ import annotations

import datetime as dt

from assistant.understand.majors import MajorMatcher
from assistant.understand.reader import (
    Detail,
    asks_certificates,
    asks_for_organisations,
    asks_for_perk,
    asks_for_someone_who,
    asks_for_work,
    asks_length,
    asks_ways,
    asks_where_to_learn,
    helps_businesses,
    higher_pay_said,
    main_place,
    names_graduates,
    perks_said,
    read_enterprise,
    read_places,
    read_student,
    recruited_trades,
    recruiters,
    refuses,
    seeks_kind,
    seeks_students,
    self_described,
    sought_first,
    sought_skills,
    speaks_for_enterprise,
    speaks_for_school,
    speaks_of_their_own,
    studied_subjects,
    weighs_schools,
    wishes_to_go,
)
from assistant.understand.timewords import time_window
from assistant.understand.topic import is_topic_word, topic_words

TODAY = dt.date(2026, 12, 2)
CATALOG = MajorMatcher(["汽车运用与维修", "电气技术应用", "护理", "中餐烹饪与营养膳食"])


def test_a_student_message() -> None:
    reading = read_student("娃在技校学修车，下学期想去米东附近找个实习", CATALOG, TODAY)
    assert reading.majors == ["汽车运用与维修"] and reading.level == "技工" and reading.kinds == ["实习"]
    assert (reading.available_from, reading.available_to) == (dt.date(2027, 3, 1), dt.date(2027, 7, 10))
    assert reading.locations[0] == "米东区" and "阜康市" in reading.locations  # 附近: the neighbours too


def test_a_wish_said_in_the_negative() -> None:
    reading = read_student("不想当学徒，想找份厨师的全职工作", CATALOG, TODAY)
    assert reading.wants_apprenticeship is False and reading.kinds == ["全职"]
    assert reading.majors == ["中餐烹饪与营养膳食"]


def test_a_job_named_by_its_field_or_place_is_looking_for_a_job() -> None:
    """ "找个护理方面的工作" / "想找乌鲁木齐的工作": the words between 找 and 工作 are longer than the gap a
    listed phrase allows; 的工作 says it (read nothing, and 工作 became the student's interest)."""
    assert read_student("毕业了想找个护理方面的工作", CATALOG, TODAY).kinds == ["全职"]
    reading = read_student("想找乌鲁木齐的工作", CATALOG, TODAY)
    assert reading.kinds == ["全职"] and reading.locations[0] == "乌鲁木齐市"


def test_describing_a_major_is_not_looking_for_a_program() -> None:
    assert read_student("我是护理专业的学生", CATALOG, TODAY).kinds == []
    assert not read_student("十二师职校以后重点发展哪些专业？", CATALOG, TODAY).seeks


def test_a_pupil_choosing_a_school_is_at_the_junior_high_level() -> None:
    reading = read_student("孩子中考没考好，想上职校学厨师", CATALOG, TODAY)
    assert reading.level == "初中" and reading.majors == ["中餐烹饪与营养膳食"] and reading.kinds == ["专业"]


def test_going_on_to_study_is_looking_for_a_program() -> None:
    for message in (
        "中职学汽修的，有没有在昌吉的专业可以继续读",
        "我中职护理快毕业了，想接着读个高职",
        "职高毕业想去深造，学电工的",
    ):
        assert read_student(message, CATALOG, TODAY).kinds == ["专业"], message
    assert read_student("娃想当厨师，上哪个学校好", CATALOG, TODAY).kinds == ["专业"]  # asking which school
    assert read_student("我想学门手艺，昌吉有培训吗", CATALOG, TODAY).kinds == ["培训"]


def test_an_opening_of_any_kind_is_looking_without_a_kind() -> None:
    reading = read_student("有没有会计岗位？", CATALOG, TODAY)
    assert reading.opening and reading.seeks and reading.kinds == [] and "opening" not in reading.fields()
    assert not read_student("不要岗位，只想问问政策", CATALOG, TODAY).opening
    # 打工 is no opening: a worker says it of the work they do (我在团场的加工厂打工，最低工资是多少)
    assert not read_student("我家老二十五岁，想去亲戚的厂里打工，厂里能招他吗？", CATALOG, TODAY).seeks_someone


def test_time_windows_look_ahead() -> None:
    assert time_window("寒假有空", TODAY) == (dt.date(2027, 1, 15), dt.date(2027, 2, 28))
    assert time_window("暑假", TODAY) == (dt.date(2027, 7, 1), dt.date(2027, 8, 31))
    assert time_window("2027年3月到8月", TODAY) == (dt.date(2027, 3, 1), dt.date(2027, 8, 31))
    assert time_window("4月份以后都行", TODAY) == (dt.date(2027, 4, 1), None)
    assert time_window("学电工", TODAY) is None
    # a window that has begun: what is left of it; "now": from today on
    assert time_window("今年", TODAY) == (TODAY, dt.date(2026, 12, 31))
    assert time_window("上学期", TODAY) == (TODAY, dt.date(2027, 1, 15))
    assert time_window("现在就可以", TODAY) == (TODAY, None)


def test_a_day_of_the_week_or_a_time_of_day_is_a_schedule_not_a_window() -> None:
    """ "有没有数控的培训班，周末上课的那种" read a window of one day (the coming Sunday, jionlp's 周末), and every
    training "started 5 weeks after the student was free"; 周末 / 星期天下午 / 晚上 say when in a week or a day,
    not from when to when. A date stays one (下周一开始), and a season beside a weekday still reads."""
    for message in (
        "有没有数控方面的培训班，周末上课的那种",
        "我周末有空",
        "星期天下午有空",
        "晚上有时间",
        "周六周日都行",
    ):
        assert time_window(message, TODAY) is None, message
    assert time_window("下周一开始有空", TODAY) == (dt.date(2026, 12, 7), None)
    assert time_window("周末和寒假都有空", TODAY) == (dt.date(2027, 1, 15), dt.date(2027, 2, 28))


def test_one_day_said_opens_a_window() -> None:
    """ "明天就能去" and "12月20日有空" read a window of that day alone, and every posting ran past it: a student
    naming a day is free from then."""
    assert time_window("明天就能去", TODAY) == (dt.date(2026, 12, 3), None)
    assert time_window("12月20日有空", TODAY) == (dt.date(2026, 12, 20), None)
    assert time_window("寒假有空", TODAY) == (dt.date(2027, 1, 15), dt.date(2027, 2, 28))  # a span stays one


def test_a_day_that_has_passed_means_the_next_one() -> None:
    """jionlp reads "元旦以后" in December as the past span from 1 January to today; a student free
    "元旦以后" means from the coming New Year on (it used to read as from today)."""
    assert time_window("元旦以后有空", TODAY) == (dt.date(2027, 1, 1), None)
    assert time_window("明年元旦以后", TODAY) == (dt.date(2027, 1, 1), None)
    assert time_window("春节以后", TODAY) == (dt.date(2027, 2, 6), None)  # the lunar date of 2027, not 2026's
    assert time_window("五一以后", TODAY) == (dt.date(2027, 5, 1), None)


def test_a_month_said_in_that_month_means_from_now() -> None:
    """ "12月以后" in December is from now on (it read as next December); "12月到明年2月": jionlp reads only
    明年2月, the window opened in February."""
    assert time_window("12月以后有空", TODAY) == (TODAY, None)
    assert time_window("12月到明年2月", TODAY) == (TODAY, dt.date(2027, 2, 28))
    assert time_window("3月到明年6月", TODAY) == (dt.date(2027, 3, 1), dt.date(2027, 6, 30))
    assert time_window("3月以后", TODAY) == (dt.date(2027, 3, 1), None)  # a month to come: as before


def test_months_named_from_this_one_and_spoken_holidays() -> None:
    """jionlp reads neither "下个月" nor "年后" alone: "下个月开始有空" read no window at all."""
    assert time_window("下个月开始有空", TODAY) == (dt.date(2027, 1, 1), None)
    assert time_window("这个月以后都行", TODAY) == (TODAY, None)
    assert time_window("下个月", TODAY) == (dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    assert time_window("下下个月到明年3月", TODAY) == (dt.date(2027, 2, 1), dt.date(2027, 3, 31))
    assert time_window("过完年以后想找个实习", TODAY) == (dt.date(2027, 2, 6), None)  # after 春节
    assert time_window("年后有空", TODAY) == time_window("春节以后有空", TODAY)
    # only as a whole word: the 年后 of 半年后 and the 开年 of 召开年度 are no holiday
    assert time_window("半年后有空", TODAY) != time_window("年后有空", TODAY)
    assert time_window("召开年度会议", TODAY) is None
    assert time_window("每个月工资多少", TODAY) is None  # a month of each, not one named


def test_an_open_window_from_this_year_said_is_not_next_year_s() -> None:
    """ "今年以后" read as from 1 January 2027: a window that has begun rolled a year on like 寒假."""
    assert time_window("今年以后都有空", TODAY) == (TODAY, None)
    assert time_window("从今年开始", TODAY) == (TODAY, None)
    assert time_window("今年3月以后", TODAY) == (TODAY, None)
    assert time_window("3月以后", TODAY) == (dt.date(2027, 3, 1), None)  # no year said: the coming March


def test_an_enterprise_message() -> None:
    reading = read_enterprise("我们是头屯河区的一家小公司，打算跟职校共建实训基地，也想收几个实习生")
    assert reading.types == ["中小微企业"]
    assert reading.activities == ["共建实训基地", "接收学生实习实训"]
    assert reading.location == "头屯河区"
    assert read_enterprise("我们不打算收实习生，想搞员工培训").activities == ["职工培训"]
    # 国家 says whose money, not where the enterprise is: read as 全国 it dropped every division benefit
    assert read_enterprise("我们是一家做农机维修的小公司，想带两个学徒，国家有啥补贴？").location == ""


def test_a_status_denied_in_its_clause_is_not_the_enterprise_s() -> None:
    assert read_enterprise("公司还不是产教融合试点企业，想收实习生").types == []
    assert read_enterprise("去年报了产教融合型企业，可惜没评上").types == []
    assert read_enterprise("我们是国企，还没有带过学徒").types == ["国有企业"]  # the denial is another clause's
    assert read_enterprise("我们是产教融合试点企业，有没有补贴").types == ["产教融合试点企业"]  # 有没有 asks


def test_who_speaks_for_a_business() -> None:
    """Owning one, being one or running one is speaking for a business; naming one as where to go, working
    there, or a relative running it is not (the student's search goes on)."""
    for owner in (
        "我们厂明年打算招几个学徒",
        "我开了个汽修店，想带两个徒弟",
        "我们是做棉花加工的企业，打算接收中职实习生",
        "我在五家渠开了个餐馆，想招几个学厨师的学生",
        "本公司想和职校合办专业",
        "我们合作社想请学校派些学生来实习",
        "我是汽修厂老板，想带学徒",
        "我是公司的人事，想招实习生",
        "饭店想招厨师专业的应届生，去哪里找",  # what it means to hire, as the message opens
        "公司打算录用一批会计专业毕业的学生",
    ):
        assert speaks_for_enterprise(owner), owner
    for seeker in (
        "我是中职学汽修的，想找个汽修店实习",
        "我是想去汽修厂实习",
        "我是汽修厂的学徒",  # works there
        "我在汽修厂上班，想考个证",
        "我爸开了个饭店，我想学厨师",  # the father runs it
        "我家孩子想去酒店实习",
        "我们班同学都去工厂实习了",
        "我是学人力资源管理的，想找实习",  # a major, not a post
        "厂里在招学徒，我想去",  # it hires: said from outside
        "我想去饭店，饭店想招人吗",  # not how the message opens
    ):
        assert not speaks_for_enterprise(seeker), seeker


def test_a_business_named_with_its_trade_or_size_is_ours() -> None:
    """我们 before the business word only was ours: "我们汽修厂想给工人搞技能培训，哪个局管" was read as a student's
    search for a training. jieba's tags decide what lies between: nouns, an adjective, a demonstrative."""
    for owner in ("我们汽修厂想给工人搞技能培训", "咱们食品公司想招人", "我们这家小超市想招个学徒", "我们物流公司缺人"):
        assert speaks_for_enterprise(owner), owner
    for other in ("我们在饭店打工", "我们家孩子在饭店打工", "我们学校的食堂招人吗", "我们实习的工厂不给工资"):
        assert not speaks_for_enterprise(other), other


def test_who_names_graduates() -> None:
    """Those the platform's graduate records count: an employer naming them looks for the talent supply."""
    for text in ("有没有今年毕业的学生可以推荐", "想招几个应届生", "平台上有没有合适的毕业生"):
        assert names_graduates(text), text
    for text in ("想接收一批实习生", "想带两个徒弟", "招几个学厨师的学生"):
        assert not names_graduates(text), text


def test_who_speaks_for_a_school() -> None:
    for teacher in (
        "我们职校想搞现代学徒制试点，要满足什么条件",
        "我是初中老师，听说师里要组织职业体验活动",
        "我校准备跟医院合作",
        "我在技校当老师",
    ):
        assert speaks_for_school(teacher), teacher
    for other in ("我中职学中餐烹饪的，暑假想找个实习", "我是老师推荐来的", "我们厂想跟职校共建实训基地", "我想上职校"):
        assert not speaks_for_school(other), other


def test_which_clauses_deny_or_decline() -> None:
    assert refuses("还没评上") and refuses("不打算再收实习生") and refuses("公司还不是试点企业")
    assert not refuses("我们跟别的学校合建了实训车间") and not refuses("未来想多接些实习生")
    assert not refuses("有没有补贴") and not refuses("是不是要签协议")


def test_places() -> None:
    assert main_place("在乌鲁木齐市头屯河区，和十二师职业技术学校合作") == "头屯河区"
    assert read_places("昌吉") == ["昌吉市"]


def test_topic_words_are_what_general_language_rarely_says() -> None:
    assert is_topic_word("汽修") and is_topic_word("试用期") and not is_topic_word("准备")
    assert topic_words("我们公司准备作为试点企业参加") == ["试点"]
    majors = CATALOG.resolve("汽修")
    assert majors == ["汽车运用与维修"] and CATALOG.resolve("飞机驾驶") == []


def test_nominal_words_and_dictionary_words() -> None:
    """What a student can be interested in is a word jieba tags as nominal and knows (摄影), not a
    fragment of its search or new-word modes (我想学, 学开)."""
    from assistant.text.tokenize import in_dictionary, nominal_words

    nominal = nominal_words("我想学摄影，也喜欢电脑")
    assert "摄影" in nominal and "电脑" in nominal and "想" not in nominal
    assert in_dictionary("摄影") and not in_dictionary("我想学")


def test_an_action_and_a_little_is_no_noun() -> None:
    """ "我想干点技术活儿，有推荐吗" said back "兴趣：干点": jieba's dictionary lists 干点 (and 学点) as nouns, seen
    three times in its corpus. A verb glued to 点 / 些 ("a little") in an entry that rare is no noun; what follows
    is what is wanted. Words of that shape the dictionary knows well (地点, 看点) stay nouns."""
    from assistant.text.tokenize import a_little_of, nominal_words

    assert "干点" not in nominal_words("我想干点技术活儿，有推荐吗") and "活儿" in nominal_words("我想干点技术活儿")
    assert nominal_words("想学点电工") == ["电工"]
    assert "地点" in nominal_words("实习地点在哪") and not a_little_of("看点") and not a_little_of("电工")


def test_what_a_school_costs_is_asked_of_its_programs() -> None:
    """ "孩子读中职一年要交多少钱" was answered with the double wage owed without a contract: the probe read an
    amount of a rule. Paying for a school level or its programs (vocabulary ``fees``) asks the programs' 学费 lines;
    a grant received (助学金…多少钱), a wage or a rule's training costs are not fees."""
    from assistant.understand.reader import asks_fees

    assert asks_fees("孩子读中职一年要交多少钱") and asks_fees("上技校贵不贵") and asks_fees("职校学费一年多少")
    reading = read_student("上技校贵不贵", CATALOG)
    assert Detail.fees in reading.details and reading.kinds == ["专业"] and reading.seeks_someone
    assert not asks_fees("中职学生的国家助学金每人每年能领多少钱") and not asks_fees("中职毕业工资一般多少钱")
    assert not asks_fees("实习一个月要交多少钱伙食费") and not asks_fees("培训费用指哪些钱")


def test_a_fee_named_without_its_price_asked_is_a_rule_s_matter() -> None:
    """ "职校不退学费怎么办" listed the programs' fees: 学费 named a cost and counted as asking it. A cost named asks
    what attending costs only with its price asked (多少, 贵, 交, 免); a refund, who sets the fees or an
    overcharge is asked of the rules."""
    from assistant.understand.reader import asks_fees

    for text in ("职校不退学费怎么办", "高职学费能退吗", "中职学校收费标准是谁定的", "职校乱收费怎么办"):
        assert not asks_fees(text), text
    for text in ("中职学生上学要交学费吗？", "我想读高职，学费贵吗", "上技校一年学费多少", "中职能免学费吗"):
        assert asks_fees(text), text
    # a training is paid for too (its items state a 费用); a work kind's money is its pay
    assert asks_fees("培训班要交钱吗") and asks_fees("参加培训要交多少钱")
    # how much a training costs, asked right after it (PLC培训多少钱); a subsidy of it is received, not paid
    assert asks_fees("PLC培训多少钱") and asks_fees("电工培训班要多少钱")
    assert not asks_fees("培训补贴多少钱") and not asks_fees("学徒培训多少钱")
    assert not asks_fees("实习一个月要交多少钱伙食费")
    assert not asks_fees("员工离职要交多少培训费")  # owed back to an employer: the labour law's


def test_what_one_learns_is_named_whatever_jieba_tags_it() -> None:
    """ "我是学会计的，想找个实习" read no interest: jieba tags 会计 (and 种植, 开车) as a verb, so the chat said
    "没有读到具体的专业或兴趣". The word after 学 (学的, 学的是) is what the person learns; a negation after 学
    (学不会) is no trade."""
    from assistant.text.tokenize import nominal_words

    assert "会计" in nominal_words("我是学会计的，想找个实习")
    assert "种植" in nominal_words("我女儿学的是种植") and "开车" in nominal_words("想学开车")
    assert "会计" not in nominal_words("会计要做账") and "不会" not in nominal_words("我学不会数学")
    # learning "a little" of it (学点 glued by jieba, 学些, 学一点): "想学点会计，有什么专业" read no interest
    assert "会计" in nominal_words("想学点会计") and "烹饪" in nominal_words("我想学些烹饪")


def test_a_kind_alone_does_not_say_who_looks_for_it() -> None:
    """培训 in "想给一线工人搞在岗培训" is what an enterprise runs; with a level it is a student looking."""
    runs = read_student("我在三坪农场有个小厂，想给一线工人搞在岗培训", CATALOG, TODAY)
    assert runs.kinds == ["培训"] and runs.seeks and not runs.seeks_someone
    assert read_student("我是中职会计专业，明年三月以后有空，想找五家渠的实习", CATALOG, TODAY).seeks_someone


def test_a_school_term_in_a_year_said_is_that_term() -> None:
    """jionlp reads "明年寒假" as the whole of 2027 and "今年寒假" in December as the rest of 2026 (the year,
    not the term); a term followed by 以后 / 开始 has no end."""
    winter = (dt.date(2027, 1, 15), dt.date(2027, 2, 28))
    assert time_window("明年寒假", TODAY) == time_window("今年寒假", TODAY) == winter
    assert time_window("2027年寒假", TODAY) == winter
    assert time_window("寒假以后都有空", TODAY) == (dt.date(2027, 1, 15), None)
    assert time_window("明年寒假以后", TODAY) == (dt.date(2027, 1, 15), None)
    assert time_window("下学期开始有空", TODAY) == (dt.date(2027, 3, 1), None)


def test_a_school_year_is_no_day() -> None:
    """jionlp reads 初三 as the third day of the lunar year and "今年初三" as 今年初 (January and February):
    "孩子初三了，想学汽修" had a one-day window; 正月初三 / 大年初三 are days."""
    assert time_window("孩子初三了，想学汽修", TODAY) is None
    assert time_window("我家娃今年初三，成绩一般", TODAY) is None
    assert time_window("初二的学生暑假能打工吗", TODAY) == (dt.date(2027, 7, 1), dt.date(2027, 8, 31))
    assert read_student("娃初三毕业想学修车", CATALOG, TODAY).level == "初中"
    day = time_window("正月初三以后有空", TODAY)
    assert day is not None and time_window("大年初三以后想找个活", TODAY) == day


def test_a_place_named_after_a_day_is_no_time() -> None:
    """五一 of 五一农场 (a 团场 of the division) was read as 1 May: "我在五一农场，想找个离家近的实习" had its window
    open from 2027-05-01 and the spring internships read as starting too early; "八一钢厂那边有没有招焊工实习的" had
    it from 1 August. A place's name holds no time; the holiday said beside it still is one."""
    assert time_window("我在五一农场，想找个离家近的实习", TODAY) is None
    assert read_student("家在五一农场，学农机的，想找实习", CATALOG, TODAY).available_from is None
    assert time_window("五一以后想去五一农场那边实习", TODAY) == (dt.date(2027, 5, 1), None)
    # a day's numeral heading a noun is a name the gazetteer need not know (八一钢厂, 十一中学); before 以后 a day
    assert time_window("八一钢厂那边有没有招焊工实习的？", TODAY) is None
    assert time_window("十一中学的学生寒假想实习", TODAY) == (dt.date(2027, 1, 15), dt.date(2027, 2, 28))
    assert time_window("八一以后有空", TODAY) == (dt.date(2027, 8, 1), None)


def test_a_time_from_now_opens_a_window_then() -> None:
    """ "一年后有空" read as the whole of 2027 (free from January), "半年后" as June: from then on, no end.
    A month needs 个 to be a count ("3月以后" is March); a time ago is no window."""
    assert time_window("一年后有空", TODAY) == (dt.date(2027, 12, 2), None)
    assert time_window("半年后", TODAY) == (dt.date(2027, 6, 2), None)
    assert time_window("两个月以后", TODAY) == (dt.date(2027, 2, 2), None)
    assert time_window("三周后", TODAY) == (dt.date(2026, 12, 23), None)
    assert time_window("3月以后", TODAY) == (dt.date(2027, 3, 1), None)
    assert time_window("2027年以后", TODAY) == (dt.date(2027, 1, 1), None)
    assert time_window("一年前毕业了", TODAY) is None and time_window("三天前报的名", TODAY) is None


def test_before_a_time_is_from_now_until_then() -> None:
    """ "春节以前" / "年前" / "3月前" read nothing (or March itself): until the day before, from today."""
    assert time_window("春节以前有空", TODAY) == (TODAY, dt.date(2027, 2, 5))
    assert time_window("年前想找个短期的活", TODAY) == (TODAY, dt.date(2027, 2, 5))
    assert time_window("3月前", TODAY) == (TODAY, dt.date(2027, 2, 28))
    assert time_window("年底以前", TODAY) == (TODAY, dt.date(2026, 12, 31))
    # jieba's new-word model glues 前 to the next character (春节前想 -> 前想): still 前
    assert time_window("中职护理，春节前想在昌吉找个短期实习", TODAY) == (TODAY, dt.date(2027, 2, 5))
    assert time_window("我以前学过护理", TODAY) is None
    assert time_window("想找个酒店前台的实习", TODAY) is None  # 前台 holds no 前


def test_what_one_studies_is_read_by_the_verb_and_its_object() -> None:
    """ "学电焊的，寒假能不能去…厂里干两个月？" read nothing a student brings (no catalog major is welding, no kind
    said): what one studies, with a time free, a wish or a kind, seeks. 学 / 读 a word of its own (not of 学校,
    中学, 学徒), and not a level (读中职的)."""
    reading = read_student("学电焊的，寒假能不能去乌鲁木齐附近的厂里干两个月？", CATALOG, TODAY)
    assert reading.studies == ["电焊"] and reading.majors == [] and reading.seeks_someone
    assert read_student("我读的是护理专业", CATALOG, TODAY).majors == ["护理"]
    assert read_student("学汽修的", CATALOG, TODAY).studies == []  # an everyday name of a catalog major
    assert studied_subjects("我学的是数控，想找工作") == ["数控"]
    # nor a question word: "读什么专业好" was read as studying 什么, which the chat then looked for
    for message in (
        "读中职的孩子",
        "学校的老师",
        "中学的老师",
        "我是学徒",
        "学习的时候",
        "读什么专业好",
        "学啥的好就业",
    ):
        assert studied_subjects(message) == [], message
    assert not read_student("我是学会计的，会计证怎么考？", CATALOG, TODAY).seeks_someone  # asks, does not seek


def test_asking_who_recruits_a_trade_seeks_an_opening() -> None:
    """ "石河子有没有招会计的？" was refused on the policy route (会计 is no catalog major, no kind was said): asking
    whether anyone recruits someone of a trade asks for an opening of it. Not a kind (the kind is read), not who
    recruits, not a thing asked of the recruiting, not a business's own hiring."""
    assert recruited_trades("石河子有没有招会计的？") == ["会计"]
    assert recruited_trades("哪里在招电焊工？") == ["电焊工"]
    assert recruited_trades("谁家招服务员啊") == ["服务员"]
    reading = read_student("石河子有没有招会计的？", CATALOG, TODAY)
    assert reading.opening and reading.seeks_someone and reading.locations[0] == "石河子市"
    assert reading.trades == ["会计"]
    for message in ("有没有招学徒的", "有哪些企业在招实习生", "有没有招实习生的补贴", "有没有招标的项目", "学校招生吗"):
        assert recruited_trades(message) == [], message
    assert recruited_trades("我们公司想招三个会计，去哪发布？") == []


def test_a_kind_with_a_wish_to_go_seeks_someone() -> None:
    """A kind alone may be what the writer's enterprise runs ("想给一线工人搞在岗培训"); with a wish to go or to
    join ("厂里在招学徒，我想去") it is a seeker's; 不想去 is no wish."""
    assert read_student("厂里在招学徒，我想去", CATALOG, TODAY).seeks_someone
    assert read_student("想参加个培训，学点技术", CATALOG, TODAY).seeks_someone
    assert read_student("想学个修手机的技术", CATALOG, TODAY).seeks_someone  # a wish to learn
    assert not read_student("想给一线工人搞在岗培训", CATALOG, TODAY).seeks_someone
    assert not read_student("不想去实习", CATALOG, TODAY).going
    assert wishes_to_go("我自己想去考个电工证") and not wishes_to_go("我开了个汽修店，想带两个徒弟")


def test_a_year_that_says_who_the_student_is_gives_way_to_a_later_time() -> None:
    """ "我今年高职二年级，…暑假能去哪实习": 今年 says who the student is, 暑假 when they are free (the year alone
    gave the rest of December); a year with nothing later is still the window."""
    summer = (dt.date(2027, 7, 1), dt.date(2027, 8, 31))
    assert time_window("我今年高职二年级，学机电的，暑假能去哪实习", TODAY) == summer
    assert time_window("我明年毕业，3月以后有空", TODAY) == (dt.date(2027, 3, 1), None)
    assert time_window("今年想找个实习", TODAY) == (TODAY, dt.date(2026, 12, 31))
    assert time_window("明年想找个实习", TODAY) == (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def test_the_least_pay_asked_is_read_after_a_word_of_pay() -> None:
    """jionlp reads an amount only with 元 / 块: "有没有月薪四千以上的实习" read 月薪 as the interest."""
    from assistant.understand.reader import least_pay

    assert least_pay("有没有月薪四千以上的实习") == 4000
    assert least_pay("想找个一个月能拿三千多的活") == 3000
    assert least_pay("月薪3000-5000的岗位") == 3000  # a range: its lower end
    assert least_pay("实习一个月，工资两千五") == 2500
    assert least_pay("月薪4千") == 4000
    assert least_pay("工资最多3000") is None  # a ceiling is no least pay
    assert least_pay("每月3次培训") is None  # no monthly wage
    assert least_pay("学费要交多少钱") is None
    assert read_student("我学护理的，想找个月薪4000以上的工作", CATALOG, TODAY).min_pay == 4000


def test_a_major_both_the_catalog_and_the_vocabulary_name_is_read_once() -> None:
    """The understood line said "专业：电子商务、电子商务" (the catalog's name and the vocabulary's)."""
    assert MajorMatcher(["电子商务"]).in_text("我是中职电子商务专业的，下个月想找个实习") == ["电子商务"]


def test_a_graduation_time_opens_a_window() -> None:
    """ "我儿子…明年三月份毕业，想找个包吃住的工作" read March alone: every job starting in April ran late."""
    assert time_window("我儿子在技校学焊接，明年三月份毕业，想找个包吃住的工作", TODAY) == (dt.date(2027, 3, 1), None)
    assert time_window("6月毕业", TODAY) == (dt.date(2027, 6, 1), None)


def test_a_writer_meaning_to_hire_speaks_for_a_business() -> None:
    """ "我们想招10个电工，怎么在平台上发布" was read as a student's search for 电工 jobs."""
    assert speaks_for_enterprise("我们想招10个电工，怎么在平台上发布")
    assert speaks_for_enterprise("我想招个徒弟学修车")
    assert not speaks_for_enterprise("我们学校想招生") and not speaks_for_enterprise("我们想找个实习")


def test_a_year_of_a_school_stage_is_the_askers_status() -> None:
    """ "孩子今年中考没考好，能上什么职校" read 今年 as the window (the rest of December), and programs, which have
    no dates, were then none of them; a stage's graduation year opens a window from then."""
    assert time_window("孩子今年中考没考好，能上什么职校", TODAY) is None
    assert time_window("我明年高职毕业，想找工作", TODAY) == (dt.date(2027, 1, 1), None)
    assert time_window("我今年中专毕业了，想找工作", TODAY) == (TODAY, None)


def test_asking_which_school_asks_for_programs() -> None:
    assert "专业" in read_student("孩子今年中考没考好，能上什么职校", CATALOG, TODAY).kinds
    assert "专业" in read_student("乌鲁木齐哪所技校好", CATALOG, TODAY).kinds
    assert "专业" not in read_student("我在职校学汽修，想找个实习", CATALOG, TODAY).kinds


def test_a_least_pay_asked_is_a_seekers() -> None:
    """ "乌鲁木齐有没有工资5000以上的工作" was demoted to the policy route (a kind alone may be an enterprise's)."""
    assert read_student("乌鲁木齐有没有工资5000以上的工作", CATALOG, TODAY).seeks_someone
    assert not read_student("想给一线工人搞在岗培训", CATALOG, TODAY).seeks_someone


def test_asking_whether_there_is_one_of_a_kind_seeks_it() -> None:
    """ "有没有包吃住的学徒" names a kind and nothing else a seeker says (no major, level or wish to go) and was
    refused as off-topic. Asked for as what exists, the kind is sought; not when it qualifies what is asked (学徒制
    的补贴) nor in a clause asking who may (有哪些人可以参加培训)."""
    for text in ("有没有包吃住的学徒", "哪里有短期培训班啊", "有没有不加班的工作", "有什么周末能去的实习？"):
        assert read_student(text, CATALOG, TODAY).seeks_someone, text
    for text in (
        "有没有学徒制的补贴",
        "有哪些人可以参加培训",
        "学徒期间有什么待遇",
        "有什么要求才能当学徒？",
        "实习生每天最多工作几个小时",
    ):
        assert not read_student(text, CATALOG, TODAY).seeks_someone, text


def test_asking_who_recruits_a_kind_seeks_it() -> None:
    """ "有哪些企业在招实习生" and "有没有招学徒的企业" were answered with a business's duties to its interns (the route
    probe read benefits): asking who recruits a kind asks for one; the employer word is who is asked for. Not
    when something else is asked of the recruiting (有没有招实习生的补贴 asks for a subsidy)."""
    for text in ("有哪些企业在招实习生", "有没有招学徒的企业", "哪里有招电工学徒的厂？", "有什么公司在招聘实习生吗"):
        assert read_student(text, CATALOG, TODAY).seeks_someone, text
    assert recruiters("有哪些企业在招实习生") == ["企业"] and recruiters("哪里有招电工学徒的厂？") == ["厂"]
    for text in ("有没有招实习生的补贴", "我们厂有哪些实习生要买保险", "企业招学徒有什么补贴"):
        assert not read_student(text, CATALOG, TODAY).seeks_someone, text
        assert recruiters(text) == [], text


def test_a_kind_wished_for_or_asked_after_naming_it_seeks_it() -> None:
    """ "我想半工半读" was refused on the policy route and "孩子想边读书边工作，有这样的吗" answered with the rule on
    part-time work: a message ending on the wish for a kind, or naming it and then asking whether there is one, looks
    for one (working while studying is an apprenticeship, vocabulary ``kinds``). Not when a rule is then asked of
    it, nor when the kind only qualifies what is asked (学徒的补贴)."""
    for text in ("我想半工半读", "孩子想边读书边工作，有这样的吗", "工学交替的有吗", "想参加培训", "实习机会有没有？"):
        reading = read_student(text, CATALOG, TODAY)
        assert reading.seeks_someone and reading.kinds, text
    assert read_student("一边上班一边学习的机会有吗", CATALOG, TODAY).kinds == ["学徒"]
    for text in ("想当学徒，要签合同吗", "学徒的补贴有吗", "我不想当学徒", "实习生的工资有没有最低标准"):
        assert not read_student(text, CATALOG, TODAY).seeks_someone, text


def test_asking_whether_a_kind_is_still_recruited_seeks_it() -> None:
    """ "光伏运维学徒现在还招吗？" was refused on the policy route: asking whether one of a kind is still recruited
    (or still there) looks for one; a rule asked of it does not."""
    for text in ("光伏运维学徒现在还招吗？", "电焊工学徒还招人吗", "护理实习岗位还有吗", "学徒目前还在招吗"):
        reading = read_student(text, CATALOG, TODAY)
        assert reading.seeks_someone and reading.kinds, text
    for text in ("学徒还招的话要签合同吗", "实习还要交钱吗"):
        assert not read_student(text, CATALOG, TODAY).seeks_someone, text


def test_asking_what_a_kind_pays_seeks_it() -> None:
    """ "学徒一个月能拿多少钱" led with a contract rule's double wage: how much one of a kind is paid is what its
    openings pay. Not a subsidy's amount (见习补贴), nor a rule's floor asked of the students' pay."""
    for text in (
        "学徒一个月能拿多少钱",
        "实习生工资一般多少？",
        "当学徒工资高吗",
        "在昌吉实习一个月能拿多少钱",
        "实习工资一般多少钱一个月",  # the period last: led with the double wage too
        "学徒期间一个月能拿多少",
        "实习一般给多少钱",  # a verb of being paid (vocabulary ``paid``): quoted a fine's 一倍以上五倍以下
        "当学徒能挣多少",
    ):
        reading = read_student(text, CATALOG, TODAY)
        assert Detail.pay in reading.details and reading.seeks_someone, text
    for text in (
        "见习补贴一个月能拿多少钱？",
        "顶岗实习学生的报酬最低不能低于多少钱？",
        "学徒培训补贴每人多少钱",
        "顶岗实习的报酬怎么发、最低多少？",
        "实习工资最少多少",
        "实习工资多少算违法",
        "实习生受伤了企业要给多少钱",  # the kind's clause is about something else
        "实习给多少钱算合法",
    ):
        reading = read_student(text, CATALOG, TODAY)
        assert Detail.pay not in reading.details and not reading.seeks_someone, text
    assert Detail.pay not in read_student("培训要给多少钱", CATALOG, TODAY).details  # a training is paid for: its fee


def test_what_an_opening_should_offer_is_read_not_liked() -> None:
    """ "有没有包住的实习" read 包住 as what the student likes: what an opening offers besides pay is a perk
    (vocabulary ``perks``), a word two perks share saying both (吃住: 住宿 and 餐食). Asking whether there is one
    offering it (有没有包吃住的) asks for an opening; asking whether someone gets it (实习生有没有五险一金) does not."""
    assert perks_said("有没有包吃住的实习") == ["住宿", "餐食"]
    assert perks_said("想找个管饭的活") == ["餐食"] and perks_said("要交五险一金的工作") == ["五险一金"]
    assert perks_said("不用包住，离家近就行") == []
    assert read_student("有没有包吃住的", CATALOG, TODAY).opening
    assert asks_for_perk("哪里有管饭的工作？") and not asks_for_perk("实习生有没有五险一金")
    # costing nothing is offered too (a training's 免费培训, a program's 免学费); 有…的…吗 asks whether there is one
    assert perks_said("孩子没考上高中，有没有免费的职业培训") == ["免费"]
    assert perks_said("有没有免学费的专业") == ["免费"]
    assert asks_for_perk("有不要钱的培训吗") and asks_for_perk("有包吃住的实习吗")
    assert not asks_for_perk("有五险一金的工作要交税吗")
    # 活 / 活儿 ending the question is a job (not 活动)
    assert (
        asks_for_perk("哪里有管饭的活")
        and asks_for_perk("有没有管吃住的活儿")
        and not asks_for_perk("有没有管饭的活动")
    )


def test_a_kind_declined_before_or_after_it_and_what_is_declined_of_it() -> None:
    """ "我不想当学徒，有实习吗" listed apprenticeships with the internships (the kind's name in the message counted),
    "学徒不考虑" was not read as declining, and "有不要钱的培训吗" read 不要 as declining the training: what is
    declined across a 的 describes the thing wished for (不要钱的培训, 不用加班的工作)."""
    reading = read_student("我不想当学徒，有实习吗", CATALOG, TODAY)
    assert reading.kinds == ["实习"] and reading.declined == ["学徒"]
    reading = read_student("学徒不考虑，有没有培训", CATALOG, TODAY)
    assert reading.kinds == ["培训"] and reading.declined == ["学徒"] and reading.wants_apprenticeship is False
    assert read_student("实习就算了，想直接上班", CATALOG, TODAY).declined == ["实习"]
    assert read_student("想找实习，不去昌吉", CATALOG, TODAY).kinds == ["实习"]  # the place is declined
    assert read_student("实习不去昌吉，想在米东", CATALOG, TODAY).kinds == ["实习"]
    assert read_student("有不要钱的培训吗", CATALOG, TODAY).kinds == ["培训"]
    assert read_student("不要实习，想找全职", CATALOG, TODAY).kinds == ["全职"]


def test_the_ways_there_are_for_someone_at_a_level_seek_any_kind() -> None:
    """ "孩子初中毕业了成绩一般，有什么出路" was answered with a subsidy for unemployed graduates: asking what ways
    there are (vocabulary ``options``) for someone whose level is said looks for programs and openings alike; 成绩
    says how the child does at school, no interest. Without a level it says nobody to look for."""
    reading = read_student("孩子初中毕业了成绩一般，有什么出路", CATALOG, TODAY)
    assert reading.options and reading.level == "初中" and not reading.kinds and reading.seeks_someone
    assert not read_student("职业教育毕业生的出路有哪些政策保障", CATALOG, TODAY).seeks_someone


def test_asking_which_businesses_or_schools() -> None:
    """Which businesses or schools, or whether there are some, is what the platform's records list; which
    department handles a matter is not (the asked-kind probe reads both as a unit)."""
    for text in (
        "有没有企业在找学校帮忙解决技术问题？",
        "有哪些企业发布了技术需求？",
        "哪些企业需要电工",
        "有什么学校能提供培训",
    ):
        assert asks_for_organisations(text), text
    for text in ("我们学校想跟企业共建实训基地，找哪个部门", "校企合作项目归哪个部门管", "想找学校合作研发，找谁对接"):
        assert not asks_for_organisations(text), text


def test_a_higher_pay_wished_without_a_figure() -> None:
    """ "有没有工资高一点的实习" wishes for the best paid (no figure to grade by); 工资多少 asks how much, 待遇好不好
    whether, 工资不高也行 settles for less, 工资高于… compares, and 每个月休息多 says nothing of pay (每个月 is a
    period)."""
    for text in ("有没有工资高一点的实习", "想找个待遇好点的工作", "收入比较高的", "有没有高薪的学徒"):
        reading = read_student(text, CATALOG, TODAY)
        assert reading.best_paid and reading.min_pay is None and reading.seeks_someone, text
    assert higher_pay_said("孩子想找个收入高点的工作") == ["收入高点"]  # 高点 is no interest
    asked = (
        "这个实习工资多少",
        "待遇好不好",
        "工资不高也行",
        "每个月休息多",
        "月薪四千以上的实习",
        "月工资高于平均工资三倍怎么算",
    )
    for text in asked:
        assert not read_student(text, CATALOG, TODAY).best_paid, text


def test_a_kind_asked_whether_it_can_be_done_is_looked_for() -> None:
    """ "一边上班一边学习可以吗" got a rule on training workers: working while studying said with 一边…一边, then
    whether it can be done, looks for one (an apprenticeship); a rule asked of a kind (实习期间请假可以吗) does not."""
    assert read_student("一边上班一边学习可以吗", CATALOG, TODAY).kinds == ["学徒"]
    for text in ("一边上班一边学习可以吗", "一边工作一边学习，有这样的吗", "半工半读行不行", "当学徒可以吗"):
        assert seeks_kind(text), text
    for text in ("实习期间请假可以吗", "想当学徒，要签合同吗"):
        assert not seeks_kind(text), text


def test_about_a_time_is_either_side_of_it() -> None:
    """ "明年五一前后有空" read as from today to 1 May (jionlp reads 五一前 and drops 后): about a day, a holiday or a
    term is two weeks either side of it, the coming one."""
    assert time_window("明年五一前后有空", TODAY) == (dt.date(2027, 4, 17), dt.date(2027, 5, 15))
    assert time_window("国庆前后能去", TODAY) == (dt.date(2027, 9, 17), dt.date(2027, 10, 15))
    assert time_window("寒假前后", TODAY) == (dt.date(2027, 1, 1), dt.date(2027, 3, 14))
    assert time_window("前后两个学校都问了", TODAY) is None  # 前后 of no time
    assert time_window("五一以后", TODAY) == (dt.date(2027, 5, 1), None)  # 以后 stays open


def test_how_long_one_is_free_ends_the_window() -> None:
    """ "明年4月份开始，能干半年" read as from April on with no end; a length said after the start ends it. A time
    from now (三个月后), one of each (每三个月) or time spent (学了两年) is no length."""
    assert time_window("明年4月份开始，能干半年", TODAY) == (dt.date(2027, 4, 1), dt.date(2027, 9, 30))
    assert time_window("明年3月开始，想实习三个月", TODAY) == (dt.date(2027, 3, 1), dt.date(2027, 5, 31))
    assert time_window("下个月起能干两周", TODAY) == (dt.date(2027, 1, 1), dt.date(2027, 1, 14))
    assert time_window("三个月后有空", TODAY) == (dt.date(2027, 3, 2), None)
    assert time_window("3月以后有空，学了两年汽修", TODAY) == (dt.date(2027, 3, 1), None)
    assert time_window("3月以后有空，每三个月回校一次", TODAY) == (dt.date(2027, 3, 1), None)
    assert time_window("明天就能去，一天干八个小时", TODAY) == (dt.date(2026, 12, 3), None)  # a shift, not a window


def test_the_last_weeks_said_mean_the_coming_ones() -> None:
    """jionlp reads "最近一个月" as the month gone by; a student free "最近一个月" means the coming one."""
    assert time_window("最近一个月都有空", TODAY) == (TODAY, dt.date(2027, 1, 2))


def test_who_the_writer_says_they_are_names_no_major() -> None:
    """ "我是退伍军人，想学个技术，有没有免费的培训" matched trainings "与“退伍军人”意思相近": who the writer is, said
    as a noun phrase ending its clause, is no interest; a major or a subject studied said so is (the reader's)."""
    assert self_described("我是退伍军人，想学个技术，有没有免费的培训", CATALOG) == ["退伍军人"]
    assert self_described("本人是一名下岗职工", CATALOG) == ["下岗职工"]
    assert self_described("我是护理专业学生，想找实习", CATALOG) == []
    assert self_described("我是学电焊的，想找个实习", CATALOG) == []
    assert self_described("我是想去昌吉实习", CATALOG) == []
    assert self_described("有没有适合残疾人的工作", CATALOG) == ["残疾人"]  # whom it should suit


def test_who_speaks_of_someone_of_theirs() -> None:
    assert speaks_of_their_own("我家闺女中专学幼师的，想在乌鲁木齐找个幼儿园实习")
    assert speaks_of_their_own("那我儿子想学汽修") and speaks_of_their_own("我们家孩子今年初中毕业")
    assert not speaks_of_their_own("我们厂想招几个学生") and not speaks_of_their_own("我家饭店想招学徒")


def test_a_wish_to_learn_is_read() -> None:
    assert read_student("我想学开挖掘机，哪里能学", CATALOG, TODAY).learning
    assert read_student("哪里能学电焊", CATALOG, TODAY).learning
    assert not read_student("我是学电焊的，想找个实习", CATALOG, TODAY).learning
    assert not read_student("我不想学了，想直接工作", CATALOG, TODAY).learning


def test_work_asked_for_in_everyday_words() -> None:
    """活 as what there is or is found, anyone recruited: work asked for, its kind not said."""
    for text in (
        "我是一名挖掘机司机，有没有活",
        "哪里有活儿",
        "我会电焊，能找到活吗",
        "暑假有什么活可以干",
        "有活吗",
        "我刚从部队退伍，想找个开车的活",
        "有没有离家近的活",
    ):
        assert asks_for_work(text) and seeks_kind(text), text
    for text in ("我是电焊工，哪里招人", "哪家缺人", "有没有要人的厂", "我是厨师，五家渠哪家饭店缺人"):
        assert asks_for_work(text), text
    for text in ("有没有生活补贴", "他们的活动呢", "我不想干活", "这活累不累", "哪里招生", "招人有补贴吗"):
        assert not asks_for_work(text), text


def test_how_long_attending_a_school_or_a_program_takes() -> None:
    """ "读技校要几年" quoted the teachers' month a year in a business: a school level's or a major's programs,
    their 学制, answer it; a rule's length (学徒期, 实习, a teacher's training, a contract) is no program's."""
    for text in ("读技校要几年", "中专学制几年", "学护理要读几年", "职校的专业一般读多久"):
        reading = read_student(text, CATALOG)
        assert asks_length(text, CATALOG) and Detail.length in reading.details and reading.seeks_someone, text
        assert reading.kinds == ["专业"], text
    for text in ("学徒期一般几年", "实习最长多久", "中职教师培训多长时间", "劳动合同最长签几年", "读技校有什么补贴"):
        assert not asks_length(text, CATALOG), text
    assert asks_certificates("在职校读书能拿到什么证", CATALOG) and asks_certificates("学护理能考什么证", CATALOG)
    assert not asks_certificates("考电工证要什么条件", CATALOG) and not asks_certificates("学徒能拿什么证", CATALOG)
    for text in ("高职院校的老师每年到企业实践多久", "职业学校的学生学习期间能去实习多久"):
        assert not asks_length(text, CATALOG), text


def test_weighing_one_school_against_another_asks_for_their_programs() -> None:
    """ "孩子今年中考没考好，上职高还是技校好" quoted a rule on enterprises' workshops."""
    for text in ("孩子今年中考没考好，上职高还是技校好", "读中专还是上高中，哪个出路好", "技校和职高有什么区别"):
        reading = read_student(text, CATALOG)
        assert weighs_schools(text) and seeks_kind(text) and "专业" in reading.kinds, text
        assert reading.level in (None, "初中"), text  # the schools weighed are no level the student is at
    assert not weighs_schools("中职和技校的学生都能参加吗") and not weighs_schools("学费还是要交的")


def test_where_something_can_be_learnt_asks_for_trainings_and_programs() -> None:
    """ "我家在104团，孩子想学开挖掘机，附近有地方学吗" was refused, "五家渠有没有学做蛋糕的地方" read as out of
    scope."""
    for text in ("我家在104团，孩子想学开挖掘机，附近有地方学吗", "五家渠有没有学做蛋糕的地方", "想学电焊，去哪学"):
        reading = read_student(text, CATALOG)
        assert asks_where_to_learn(text) and seeks_kind(text) and reading.kinds == ["培训", "专业"], text
    for text in ("哪里学费便宜", "哪所学校好", "学徒的地方补贴", "技校毕业算什么学历", "学生在哪里实习"):
        assert not asks_where_to_learn(text), text


def test_someone_asked_for_and_the_side_sought() -> None:
    assert asks_for_someone_who("师里有没有帮企业解决技术难题的") and asks_for_someone_who("想找个学校帮忙搞技术改造")
    assert not asks_for_someone_who("有没有补贴") and not asks_for_someone_who("实习期间受伤了找谁")
    assert not asks_for_someone_who("有没有专门针对小微企业的")  # a policy asked for, not someone
    assert sought_first("有没有企业在找学校帮忙解决技术问题？") == "businesses"
    assert (
        sought_first("想找个学校帮忙搞技术改造，有推荐吗") == "schools"
        and sought_first("哪些学校能给企业做") == "schools"
    )
    assert sought_first("有没有补贴") == "" and helps_businesses("有没有帮企业解决技术难题的")


def test_ways_at_a_level_and_students_sought() -> None:
    assert asks_ways("娃今年初三，成绩一般，以后能干啥") and asks_ways("孩子初中毕业了，有什么出路")
    assert asks_ways("孩子中专毕业了，有什么门路")
    assert not asks_ways("实习生能干什么活") and not asks_ways("这个补贴能干什么用")
    assert seeks_students("我们是养牛的合作社，想找个懂兽医的学生来帮忙") and seeks_students("想招几个职校学生")
    assert seeks_students("我们厂缺几个懂电的学生，哪里能找到") and seeks_students("我们想招几个中专生，哪里找")
    assert not seeks_students("学生实习有什么补贴") and not seeks_students("我是学生，想找实习")
    # a rule asked of the students taken or sought is the rules' (a held-out question moved to the platform)
    assert not seeks_students("我们公司招了几个职校学生，要给他们买保险吗")
    assert not seeks_students("我们厂想招几个职校学生，要签什么协议")
    assert sought_skills("我们是养牛的合作社，想找个懂兽医的学生来帮忙") == ["兽医"]
    assert sought_skills("想找几个会电焊的人") == ["电焊"] and sought_skills("想找中职的学生") == []
