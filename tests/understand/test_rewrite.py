"""Follow-ups become standalone questions before retrieval."""

from __future__ import annotations

from assistant.types import Turn
from assistant.understand.rewrite import asking_text, standalone_question, without_asking_frames


def test_follow_ups_become_standalone_questions() -> None:
    history = [Turn("user", "十二师企业投资职业教育能享受什么税收优惠？"), Turn("assistant", "……")]
    assert standalone_question("那学徒制呢？", history) == "十二师学徒制能享受什么税收优惠？"
    # the previous question's topic words carry over, its filler words do not
    carried = standalone_question("这个比例是多少", history)
    assert carried.endswith("：这个比例是多少") and "十二师" in carried and "税收" in carried
    assert "能享受什么" not in carried
    # a full question stands alone; no history, no change
    full = "劳动合同法规定试用期最长多久？"
    assert standalone_question(full, history) == full
    assert standalone_question("那学徒制呢？", None) == "那学徒制呢？"


def test_a_follow_up_of_a_follow_up_keeps_the_first_questions_topic() -> None:
    history = [
        Turn("user", "我们是一家汽修企业，准备和职校搞学徒制，能享受哪些补贴？"),
        Turn("assistant", "……"),
        Turn("user", "这个找谁申请？"),
        Turn("assistant", "……"),
    ]
    chained = standalone_question("那要是在104团呢？", history)
    assert "学徒制" in chained and "补贴" in chained and "104团" in chained
    # it asks what the question before it asked; a question with its own words asks those
    assert asking_text("那要是在104团呢？", history) == "这个找谁申请？"
    assert asking_text("这个找谁申请？", history[:2]) == "这个找谁申请？"
    assert asking_text("那学徒制呢？", []) == "那学徒制呢？"


def test_a_word_of_reply_before_the_follow_up_does_not_hide_it() -> None:
    history = [Turn("user", "我是护理专业的，想在昌吉找个实习"), Turn("assistant", "……")]
    assert standalone_question("好的，那乌鲁木齐的呢？", history) == standalone_question("那乌鲁木齐的呢？", history)
    assert "护理" in standalone_question("好的，那乌鲁木齐的呢？", history)


def test_a_question_naming_nothing_asks_of_the_one_before() -> None:
    """ "需要什么条件" after a question on apprenticeship subsidies was answered as a greeting (the small-talk
    probe read it): a question with an asking word and no topic word of its own carries the topic before it;
    one addressed to the assistant does not."""
    history = [Turn("user", "我们是米东区的汽修厂，想带两个学徒，有什么补贴"), Turn("assistant", "……")]
    for question in ("需要什么条件", "有什么要求", "需要满足哪些条件"):
        carried = standalone_question(question, history)
        assert carried.endswith("：" + question) and "学徒" in carried and "补贴" in carried
    assert standalone_question("你能做什么", history) == "你能做什么"
    assert standalone_question("学徒制需要什么条件", history) == "学徒制需要什么条件"  # names its own subject


def test_a_question_asking_of_what_was_just_said_carries_the_topic() -> None:
    """ "补贴大概多少钱" after an answer on apprenticeship subsidies was answered with the unemployed's training
    subsidy (补贴 is a topic word, so the question was not elliptical), and "找哪个部门" got the yearly talent
    report (哪个 was no asking word). A short question asking of a topic word the last exchange said carries the
    topic; one on a matter the exchange did not speak of stands alone."""
    history = [Turn("user", "我们是一家汽修厂，想带几个学徒"), Turn("assistant", "……有关企业可按规定享受补贴。")]
    carried = standalone_question("补贴大概多少钱", history)
    assert carried.endswith("：补贴大概多少钱") and "学徒" in carried
    assert standalone_question("找哪个部门", history).endswith("：找哪个部门")
    assert standalone_question("产假有几天", history) == "产假有几天"
    # the exchange's topic already in the question: nothing to carry ("有哪些补贴可以拿" after "有什么补贴")
    asked = [Turn("user", "有什么补贴"), Turn("assistant", "……职业培训补贴……")]
    assert standalone_question("有哪些补贴可以拿", asked) == "有哪些补贴可以拿"
    assert standalone_question("你能做什么", history) == "你能做什么"
    # the asking part carried over still starts at its question word, not at 谁 ("…找谁申请" stays whole)
    asked_who = [Turn("user", "学徒制补贴找谁申请"), Turn("assistant", "……")]
    assert standalone_question("那104团呢", asked_who) == "104团，学徒制补贴找谁申请"


def test_a_question_naming_a_matter_the_exchange_did_not_say_stands_alone() -> None:
    """ "加班一个月最多能加多少小时？" after an exchange on the probation period carried 试用期 (一个月 was in the
    answer) and was answered with the probation rule; the next question carried both topics in turn. What a
    question names (its nominal topic words) must all have been said for it to pick up the exchange."""
    history = [
        Turn("user", "试用期被辞退了，公司要给补偿吗？"),
        Turn("assistant", "……劳动合同期限三个月以上不满一年的，试用期不得超过一个月……"),
    ]
    assert standalone_question("加班一个月最多能加多少小时？", history) == "加班一个月最多能加多少小时？"
    teacher = "职业学校的老师要有几年企业工作经历才能招进来？"
    chain = [*history, Turn("user", "加班一个月最多能加多少小时？"), Turn("assistant", "……每月不得超过三十六小时……")]
    assert standalone_question(teacher, chain) == teacher
    follow = standalone_question("这个是哪个部门负责的？", [*chain, Turn("user", teacher), Turn("assistant", "……")])
    assert "老师" in follow and "试用期" not in follow and "加班" not in follow


def test_a_word_of_the_same_kind_as_one_just_said_picks_up_the_exchange() -> None:
    """ "有没有补助？" after a parent asked what a 中职 program costs (the answer: 按中职资助政策执行) stood alone
    and got a subsidy for firms' training: 补助 was not in the exchange. A topic word whose head (last character)
    a word of the exchange shares is of the same kind (补助, 资助: aid; 住宿费, 学费: a fee); another matter stands
    alone."""
    history = [
        Turn("user", "孩子初三，想读中职学汽修，学费一年多少钱？"),
        Turn("assistant", "【专业】汽车运用与维修，费用：按国家和兵团中职资助政策执行（符合条件的学生免学费）"),
    ]
    for question in ("有没有补助？", "住宿费多少？"):
        carried = standalone_question(question, history)
        assert carried.endswith("：" + question) and "汽修" in carried, carried
    for question in ("产假有几天", "加班费怎么算"):
        assert (
            standalone_question(
                question, [Turn("user", "我们是一家汽修厂，想带几个学徒"), Turn("assistant", "……可享受补贴。")]
            )
            == question
        )


def test_what_was_asked_of_the_topic_is_not_carried_as_the_topic() -> None:
    """ "要交多少钱？" after "低压电工作业培训班什么时候开班？" was retrieved with 开班 too, "上面都能查到啥信息" after
    "…平台是哪个部门牵头建设的？" with 牵头: from the asking word on, a phrase ending in a verb is what was asked of the
    topic; one ending in a noun is still what it was about (有哪些实习岗位); a noun after a topic word is its head
    (失业人员)."""
    cases = [
        ("低压电工作业培训班什么时候开班？", "要交多少钱？", ["低压电工作业培训班"], ["开班"]),
        ("十二师产教融合信息服务平台是哪个部门牵头建设的？", "上面都能查到啥信息", ["信息服务平台"], ["牵头"]),
        ("产教融合型企业认定以后能享受哪些支持？", "要满足啥条件？", ["产教融合型企业"], ["享受"]),
        ("护理专业有哪些实习岗位？", "这个要找谁？", ["护理", "实习岗位"], []),
        ("失业人员参加技能培训能领补贴吗？", "这个要到哪里办", ["失业人员", "补贴"], []),
    ]
    for before, question, kept, dropped in cases:
        carried = standalone_question(question, [Turn("user", before), Turn("assistant", "……")])
        assert carried.endswith("：" + question), carried
        assert all(w in carried for w in kept) and not any(w in carried for w in dropped), carried


def test_a_short_question_naming_no_matter_of_its_own_asks_of_the_exchange() -> None:
    """ "报名截止到哪天？" after a listing of nursing internships, "企业这边能拿补贴不？" after an exchange on joint
    apprenticeships stood alone and were refused or answered of anything: a question this short that names only
    words of any matter (报名, 补贴) asks of what was just said; one naming a term of its own (产假, 加班费) or a
    longer one does not, nor a compound whose head alone was said (产教融合型企业 after 试点的企业)."""
    listing = [Turn("user", "护理专业有哪些实习岗位？"), Turn("assistant", "【实习】护理临床实习生 — 昌吉仁和综合医院")]
    assert standalone_question("报名截止到哪天？", listing).startswith("护理专业、实习岗位：")
    joint = [Turn("user", "我们想跟职校联合招学徒，要签什么协议？"), Turn("assistant", "……应当签订学徒培养协议。")]
    assert "学徒" in standalone_question("企业这边能拿补贴不？", joint)
    assert standalone_question("现在还能报上名吗", listing) != "现在还能报上名吗"
    for own in ("产假有几天", "加班费怎么算", "你们能查什么？"):
        assert standalone_question(own, joint) == own
    pilot = [
        Turn("user", "试点企业办学投资抵扣教育费附加的比例是多少？"),
        Turn("assistant", "列为产教融合试点的企业举办职业教育的投资，按投资额的30%抵扣当年应缴的教育费附加。"),
    ]
    own = "到2023年全师要培育几家产教融合型企业？"
    assert standalone_question(own, pilot) == own


def test_how_something_is_asked_after_a_question_asking_nothing_is_asked_of_its_topic() -> None:
    """ "待遇怎么样" after "光伏运维学徒现在还招吗？" became "待遇，光伏运维学徒现在还招吗？" (a new subject put
    before the question before): with nothing asked before to put it into, it asks how that is of the topic."""
    history = [Turn("user", "光伏运维学徒现在还招吗？"), Turn("assistant", "在招。J037 光伏运维学徒……")]
    assert standalone_question("待遇怎么样", history) == "光伏运维学徒：待遇怎么样"
    # and what it asks is its own: "没去会怎么样" after "一年要去多久？" was led with the frequency asked before
    practice = [Turn("user", "我是职校老师，学校让我们去企业实践，一年要去多久？"), Turn("assistant", "……")]
    assert asking_text("没去会怎么样", practice) == "没去会怎么样"
    assert (
        asking_text("那104团呢", [Turn("user", "学徒制补贴找谁申请"), Turn("assistant", "……")]) == "学徒制补贴找谁申请"
    )


def test_a_clause_only_saying_that_someone_asks_is_no_part_of_the_question() -> None:
    """A staff member relays "有群众问，企业参与职业教育能抵多少税": 群众 found a clause on 扫除文盲 (基层群众性自治
    组织). A short clause ending in a verb of asking is the frame, the rest the question; a clause saying what was
    done (咨询了) or holding a noun of asking (疑问) is the question's own, and the last clause always stays."""
    assert without_asking_frames("有群众问，企业参与职业教育能抵多少税") == "企业参与职业教育能抵多少税"
    assert without_asking_frames("我想问一下，实习工资怎么算？") == "实习工资怎么算？"
    assert without_asking_frames("有企业来电咨询：招实习生要签什么协议") == "招实习生要签什么协议"
    assert without_asking_frames("我是企业HR，想咨询一下，招实习生有补贴吗") == "我是企业HR，招实习生有补贴吗"
    kept_whole = ("学生对实习安排有疑问，找谁反映", "我向学校咨询了，说不能退学费，合法吗", "请问", "我想了解一下")
    # the writer's own school asking says who writes ("我们职校想知道，…": a school asks which businesses)
    for kept in (*kept_whole, "我们职校想知道，有哪些企业愿意接收学生实习"):
        assert without_asking_frames(kept) == kept
    history = [Turn("user", "有群众问，企业参与职业教育能抵多少税"), Turn("assistant", "……")]
    assert "群众" not in standalone_question("那这个政策从什么时候开始执行", history)


def test_a_message_opening_with_who_writes_it_stands_alone() -> None:
    """ "我是学校管就业的老师，想了解今年企业都缺什么人" right after a question on tax relief was retrieved with
    职业教育、税收优惠 carried (22 characters, under the follow-up length): who writes it opens a matter of its own."""
    history = [Turn("user", "企业投资职业教育能享受什么税收优惠"), Turn("assistant", "……")]
    message = "我是学校管就业的老师，想了解今年企业都缺什么人"
    assert standalone_question(message, history) == message
    assert standalone_question("我是说这个比例是多少", history) != "我是说这个比例是多少"
