"""message + history -> Query: the one place a message is understood.

standalone   a follow-up carries the history's topic (rewrite rules; the 1.5B model's
             rewrites were not reliable enough to put in front of retrieval)
route        a logistic probe over the dense query vector, trained on labelled examples (examples.yaml)
off_topic    the same, every example above against messages the documents are not about (天气, 挂号 …)
small_talk   the same, greetings and thanks (你好, 谢谢, 你能做什么) against every other example
asked        the same, for the asked kinds
scope        the gazetteer: places named, the division or not
speaker      a writer speaking for a business (我们厂, 我开了家店) is never sent to a student's search, one
             speaking for a school (我们职校, 我是老师) never to the enterprise benefits
profiles     the reader: a student's majors, level, places, window, kinds; an enterprise's
             types, activities and place (a follow-up keeps what earlier messages said); an
             enterprise's activities also by a probe over each clause (activity_examples.yaml)
topic        words rare in general language (jieba's bundled IDF), not everyday speech
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant.places import places_in, scope_of
from assistant.types import Persona, Turn
from assistant.understand.classify import OTHER, Embed, ExampleClassifier, Scores, examples
from assistant.understand.majors import MajorMatcher
from assistant.understand.query import OUTCOMES_SHARE, Asked, Query, Route
from assistant.understand.reader import (
    OF_SCHOOLS,
    PROGRAMS,
    TRAINING,
    Detail,
    EnterpriseReading,
    StudentReading,
    asks_fees,
    asks_for_businesses,
    asks_for_organisations,
    asks_for_perk,
    asks_for_someone_who,
    asks_ways,
    clauses,
    helps_businesses,
    names_graduates,
    names_the_platform,
    names_the_report,
    read_enterprise,
    read_student,
    refuses,
    school_details,
    seeks_kind,
    seeks_students,
    self_described,
    sought_first,
    speaks_for_enterprise,
    speaks_for_school,
    speaks_of_their_own,
    wishes_to_go,
)
from assistant.understand.rewrite import (
    A_NOT_A,
    MAX_FOLLOW_UP,
    asking_text,
    standalone_question,
    without_asking_frames,
)
from assistant.understand.topic import topic_words
from assistant.understand.vocabulary import vocabulary

_PIECES = re.compile(r"[^，,；;？?！!。]+[，,；;？?！!。]?")  # clauses, each with the mark that ends it
# Chinese asks with a closed class of words (wh-words, A-not-A, sentence-final particles) or a question
# mark: a clause with none describes the situation ("上班快半年了") and is no part of the question
_INTERROGATIVE = re.compile(
    r"[？?]$|什么|多少|几|哪|谁|怎么|怎样|如何|为什么|吗|呢|是否|能否|可否|有没有|是不是|能不能|多久|多长|啥|咋"
)
# 几 after a wish and before what it counts is "a few", no question ("想招几个学厨师的学生", "打算带几个徒弟", the
# wish's object before it: "想从职校招几个实习生", "想找职校合作要几个实习生"); 几 ending its clause asks ("计划新开
# 几个？"), so does one after a wish to know (想知道 / 想问 / 想了解 open a question); 要 is left out, it also says
# must ("按规定要设几个学徒岗"). So is 几 right after a request for some (推荐几个学校, 介绍几家企业, 列几个)
_MEASURE, _STOP = "个名位天家批所", "，,；;。！!？?\\s"
_A_FEW = re.compile(
    rf"(?:(?:想|打算|准备|计划|希望)(?!知道|问|了解)[^{_STOP}几]{{1,6}}|推荐|介绍|列举?)几"
    rf"(?=[{_MEASURE}]?[^{_STOP}{_MEASURE}])"
)
_COUNT_WORD = re.compile(r"几|多少")
_LAST_CLAUSE = re.compile(r"[，,；;！!。]")  # a question mark ends a question, not a clause
VALUE_KINDS = frozenset({Asked.unit, Asked.amount, Asked.date, Asked.frequency, Asked.duration, Asked.how_many})


# the route probe is sure when its best route is at least four times as likely as the next: on the dev
# sets (answers and routing) the policy questions it leans to opportunities without naming a major or a
# kind (what programs the plan will develop, what a junior-high school offers) stand at 1.0-3.1, the one
# opportunity-seeking message of that kind (a training in a field no catalog major names) at 6.7
SURE_ROUTE = 4.0
# the platform probe's share (balanced, against every route example) above which a message asks for the
# information platform's records. The dense model tells a question on what the plan says of cooperation
# ("师里打算拉多少家企业进来一起办学", 0.56) from one asking for the records ("有没有企业在找学校帮忙解决技术
# 问题", 0.80) only roughly: every question of the dev answer and routing sets reads at most 0.62, so a
# message goes to the platform only above that (evals/README.md, ninth session)
PLATFORM_SHARE = 0.65
# the user messages of a conversation read back (what a student or a business said of themselves; the latest wins):
# all a conversation keeps (the API and the chat take 20 turns, 10 of them the user's)
EARLIER_MESSAGES = 10
PLATFORM_NAMED_SHARE = 0.5  # even odds: the platform probe's share for a message naming the platform as where to look
# the platform kind of the records on graduates (assistant/platform/records.py PlatformKind.graduates; that
# layer sits above this one)
GRADUATES = "graduates"
REPORT = "report"  # the platform-kind probe's label for the yearly report (sums, not records)
# a value is clearly asked when its kind is at least this many times as likely as the next kind (the answer's
# "资料中没有写明具体的X" needs it too: answer/stages.py ABSENCE_LEAD)
CLEAR_LEAD = 2.0
# the two sides of one market on the platform (PlatformKind.tech_need / .resource): an enterprise's technical needs
# and what schools offer (技术服务与合作资源). The writer's side decides which one they look for
TECH_NEED, RESOURCE = "tech_need", "resource"
TALENT_DEMAND = "talent_demand"
OFF_TOPIC = 0.5  # the off-topic probe's share above which a message is about something no document covers


class Understander:
    """Understands messages with the dense model's query side and the labelled examples."""

    # probe strengths (scikit-learn's C) chosen on the dev sets: see evals/README.md (understanding)
    ROUTE_STRENGTH = 10.0
    ASKED_STRENGTH = 100.0
    ASKED_FORM_SHARE = 0.5  # the character probe's share (0.2 / 0.35 / 0.5: 110 / 109 / 111 of 146 dev kinds)
    SCOPE_STRENGTH = 10.0  # the off-topic probe: scikit-learn's default order of magnitude, not swept
    ACTIVITY_STRENGTH = 10.0  # swept 1 / 10 / 30 / 100 on the dev enterprises (evals/README.md, opportunities)
    PART_SHARE = 0.5

    def __init__(self, embed: Embed, majors: Callable[[], MajorMatcher], examples_embed: Embed | None = None) -> None:
        """``embed`` reads messages; ``examples_embed`` (the same model, cached on disk) the examples."""
        self.embed = embed
        self.majors = majors
        self.routes = ExampleClassifier(examples()["routes"], examples_embed or embed, self.ROUTE_STRENGTH)
        self.asked = ExampleClassifier(
            examples()["asked"], examples_embed or embed, self.ASKED_STRENGTH, form_share=self.ASKED_FORM_SHARE
        )
        self.scope = ExampleClassifier(examples()["scope"], examples_embed or embed, self.SCOPE_STRENGTH, balanced=True)
        self.activities = ExampleClassifier(examples()["activities"], examples_embed or embed, self.ACTIVITY_STRENGTH)
        self.talk = ExampleClassifier(examples()["small_talk"], examples_embed or embed, self.SCOPE_STRENGTH, True)
        self.contact = ExampleClassifier(
            examples()["contact"], examples_embed or embed, self.ASKED_STRENGTH, True, form_share=self.ASKED_FORM_SHARE
        )
        self.bears = ExampleClassifier(
            examples()["bears"], examples_embed or embed, self.ASKED_STRENGTH, True, form_share=self.ASKED_FORM_SHARE
        )
        self.platform = ExampleClassifier(examples()["platform"], examples_embed or embed, self.SCOPE_STRENGTH, True)
        self.outcomes = ExampleClassifier(
            examples()["outcomes"], examples_embed or embed, self.SCOPE_STRENGTH, True, form_share=self.ASKED_FORM_SHARE
        )
        self.platform_kinds = ExampleClassifier(
            examples()["platform_kinds"], examples_embed or embed, self.ROUTE_STRENGTH
        )
        # a trade or a status, of who the writer says they are (held-back words: 40 of 40 read right at this C)
        self.who = ExampleClassifier(examples()["who_one_is"], examples_embed or embed, self.SCOPE_STRENGTH, True)

    def understand(
        self,
        message: str,
        history: Sequence[Turn] = (),
        today: dt.date | None = None,
        persona: Persona = Persona.unknown,
    ) -> Query:
        """``persona``: who the asker said they are (the chat's 我是); the message's own words count first."""
        # what is asked, without a clause only saying that someone asks (有群众问，…; 我想问一下，…)
        message = without_asking_frames(message)
        standalone = standalone_question(message, list(history))
        vector = self.embed([standalone])[0]
        # what is asked: the message's own words, unless it only names a new subject ("那104团呢？"
        # asks what the question before it asked)
        asking = asking_text(message, list(history))
        asking_vector = self.embed([asking])[0]
        routes, asked = self.routes.scores(vector), self.asked.scores(asking_vector, asking)
        asked_labels = with_contact(asked.labels, self.contact.scores(asking_vector, asking).share("contact"))
        # who bears it (a liability, a cost), read only of a unit asked: a plan task's lead unit is no answer to it
        unit = asked_labels[0][0] == Asked.unit.value
        bears = self.bears.scores(asking_vector, asking).share("bears") if unit else 0.0
        if asked_labels[0][0] == Asked.how_many.value and not asks_a_count(asking):
            asked_labels = (*asked_labels[1:], (Asked.how_many.value, 0.0))  # its 几 only says "a few"
        off_topic = self.scope.scores(vector).share("out")
        # the conversation's earlier messages, all it keeps: "那昌吉有没有？" four messages after "我是中职学汽修的，
        # 寒假想找个实习" (then 包吃住, 工资, 第二个) lost the major, the level and the window when only three were read
        earlier = [t.content for t in history if t.role == "user"][-EARLIER_MESSAGES:]
        # a business writer stays one over the conversation, until a message seeks for the writer or their
        # own ("那我儿子想学汽修，有什么学校推荐", "我自己想去考个电工证" after "我开了个汽修店，想带两个徒弟";
        # "我家闺女…想在乌鲁木齐找个幼儿园实习" names one of theirs, and the questions after it are hers) (likewise
        # one who chose 企业, unless their words speak for a school or of someone of theirs)
        school = any(map(speaks_for_school, [message, *earlier]))
        chose_enterprise = persona is Persona.enterprise and not school
        side = _latest_side(earlier)
        owner = speaks_for_enterprise(message) or (
            (side if side is not None else chose_enterprise)
            and not wishes_to_go(message)
            and not speaks_of_their_own(message)
        )
        # a student, a parent or a school, by their words or their choice, is no enterprise (unless the message
        # speaks for a business: a parent who runs a shop)
        no_business = not owner and (persona in (Persona.student, Persona.school) or school)
        platform = self.platform.scores(vector).share("platform")
        outcomes = self.outcomes.scores(vector, standalone).share("outcomes")
        # a follow-up of a question on the platform's records or report ("那五家渠呢" after "哪些岗位最缺人" after
        # "今年师里的人才供需报告在哪看"; 岗位 there read as a student's search, which the refinement then went on)
        after_platform = platform >= PLATFORM_SHARE and standalone != message and self._follows_platform(list(history))
        route, student, platform_kind, takes, narrows = self._route(
            message,
            earlier,
            platform,
            routes,
            off_topic,
            owner,
            no_business,
            today,
            outcomes >= OUTCOMES_SHARE,
            after_platform,
        )
        if student.trades:  # who a worker said they are, a status, is no trade they look for (退伍军人)
            statuses = {w for text in [message, *earlier] for w in self.statuses(text)}
            student = replace(student, trades=[t for t in student.trades if t not in statuses])
        # a business writer asking on about what was matched for it ("要满足什么条件", "需要什么材料" after
        # "…想和职校合作培养电焊工，能享受什么优惠？": the probe read the carried words as a policy question, the
        # quotes were of the schools' teacher conditions): the benefits again, each matched support with its
        # conditions and lead unit (a rule's quotes first only when of a matched entry's clause)
        on_benefits = False
        if route in (Route.policy, Route.benefits) and owner and not no_business and standalone != message:
            on_benefits = self._asked_on_benefits(list(history))
            route = Route.benefits if on_benefits else route
        # the yearly report named by its name, and no value clearly asked of it: the report ("今年师里的人才供需报告
        # 出来没有" read 0.53 on the platform probe and was refused); its lead unit or how often it comes out
        # ("…是哪个部门负责的", "多久发布一次") are the plan's rules. Named by the question a follow-up carries too
        # ("那乌鲁木齐呢" right after "今年师里的人才供需报告在哪看" went to the policy route)
        if route is not Route.platform and names_the_report(standalone) and not clearly_asks_value(asked_labels):
            route, platform_kind, student = Route.platform, REPORT, StudentReading()
        # the platform named as where to look, the platform probe past even odds (not tuned) and no value clearly
        # asked ("我们学校想找企业合作开个新能源汽车的订单班，平台上有合适的企业吗", 0.64 under its 0.65 cut, was a
        # student's search for programs); what the plan says of the platform ("信息平台是哪个部门负责建的") asks a
        # value, and an employer looking for students keeps the schools' answer. So does a business or a school
        # asking which schools or businesses offer or need something ("我们养殖场遇到技术难题，哪个学校能提供技术
        # 服务？", 0.63: the lead unit of the platform was its answer; "那有没有企业需要技术服务的" after a school's
        # question on the platform quoted the national plan): who the records list
        elif (
            route is not Route.platform
            and not takes
            and platform >= PLATFORM_NAMED_SHARE
            and (
                names_the_platform(message)
                or ((owner or school) and asks_for_organisations(message))
                # anyone asking for someone who does something, no search of theirs ("师里有没有帮企业解决技术难题
                # 的" read 0.64 on the platform probe and quoted the schools' funding)
                or (route is not Route.opportunities and not owner and asks_for_someone_who(message))
            )
            # which schools or businesses the records list is no value of the plan ("平台上有没有学校提供电工培训
            # 服务？" read 谁, a unit, and stayed a search for trainings)
            and (
                not clearly_asks_value(asked_labels)
                or asks_for_organisations(message)
                or (not owner and asks_for_someone_who(message))
            )
        ):
            route, student = Route.platform, StudentReading()
        if route is Route.platform and not platform_kind and (owner or school):
            platform_kind = self._side_sought(vector, owner, message)
        elif route is Route.platform and not platform_kind:
            platform_kind = self._market_side(vector, message)
        enterprise = EnterpriseReading()
        if route is Route.benefits or takes:
            enterprise = _merged_enterprise(self.read_enterprise(message), [self.read_enterprise(t) for t in earlier])
        return Query(
            message=message,
            standalone=standalone,
            route=route,
            asked=Asked(asked_labels[0][0]),
            scope=scope_of(standalone),
            route_scores=routes.labels,
            asked_scores=asked_labels,
            topic=tuple(topic_words(standalone)),
            off_topic=off_topic,
            bears=bears,
            outcomes=outcomes if route is Route.opportunities else 0.0,
            small_talk=self.talk.scores(self.embed([message])[0]).share("talk"),
            student=student,
            enterprise=enterprise,
            follow_up=standalone != message,
            parts=self._parts(message),
            for_enterprise=owner,
            platform_kind=platform_kind,
            takes_students=takes,
            narrows_students=narrows,
            on_benefits=on_benefits,
            platform=platform,
        )

    def _route(
        self,
        message: str,
        earlier: list[str],
        platform: float,
        routes: Scores,
        off_topic: float,
        owner: bool,
        no_business: bool,
        today: dt.date | None,
        outcomes: bool = False,
        after_platform: bool = False,
    ) -> tuple[Route, StudentReading, str, bool, bool]:
        """The capability a message needs, from the route probe's reading and who is writing: the route, the
        student's profile (read only for a search: time words cost) and the platform record kind when the
        writer decides it (``owner``: the writer speaks for a business; ``no_business``: for a student, a parent or
        a school, by their words or their choice); whether the writer's business looks for students to take in
        (:attr:`Query.takes_students`) and whether the message only narrows them (:attr:`Query.narrows_students`)."""
        # a student, a parent, a teacher or a school (我们职校…, 我是初中老师) is no enterprise: the benefit catalog
        # is what an enterprise may claim ("贵单位" and its tax relief would answer a school asking about its part)
        barred = (Route.benefits,) if no_business else ()
        route = _next_best(routes, *barred)
        # a bare refinement of a student's search, naming only where, what or when ("那昌吉有没有？" after a search
        # and two questions on what was listed, whose topic the rewrite carried: the probe read it as a policy
        # question on 工资): the search goes on. So does an employer's narrowing of the students of a kind it looks
        # for ("那104团的呢" after "我们厂想招电工实习生" quoted a rule on 中高职贯通; not "那昌吉的呢" after "我们是做
        # 物流的企业，在五家渠，有什么补贴", whose 物流 is its trade): the branch below reads the business's side
        if (
            route is not Route.opportunities
            and self._only_refines(message, earlier, today)
            and (not owner or _merged(StudentReading(), earlier, self.majors(), today).kinds)
        ):
            route = Route.opportunities
        if (
            platform >= PLATFORM_SHARE
            and not (
                route is Route.opportunities and not after_platform and self._refines_search(message, earlier, today)
            )
            and (owner or not self._asks_for_programs(message, today))
        ):
            route = Route.platform
        # asking whether there is one of a kind or who recruits one ("有哪些企业在招实习生", "有没有招学徒的企业":
        # the probe reads a business's duties to interns, benefits), wishing for one ("我想半工半读") or asking for
        # one by what it offers ("有没有包吃住的") or what a school costs ("孩子读中职一年要交多少钱": the
        # programs' 学费 lines say it; the probe reads a rule's amount) or how long it takes ("读技校要几年": their
        # 学制; the probe quoted teachers' month a year in a business; "在职校读书能拿到什么证", their 证书) or what
        # ways there are at a level ("娃今年初三，成绩一般，以后能干啥" quoted the part-time rule) by a writer not
        # speaking for a business: a search; so is the same asked of another school right after ("那高职呢？")
        school = school_details(message, self.majors())
        if self._fees_go_on(message, earlier):
            school |= {Detail.fees}
        if (
            route in (Route.policy, Route.benefits)
            and not owner
            and (seeks_kind(message) or asks_for_perk(message) or school or asks_ways(message))
        ):
            route = Route.opportunities
        # how a major's graduates fare ("哪个专业就业率高", "学护理出来好就业吗"; the outcomes probe), asked by no
        # business writer: the programs, each with its school's graduate row, by the share in work. Before, such
        # a message listed postings by place and deadline, or quoted a rule on graduates' equal treatment. The
        # platform's own reading stays (its graduate rows and the yearly report answer it there too)
        if outcomes and not owner and route is not Route.platform:
            route = Route.opportunities
        student, platform_kind, takes, narrows = StudentReading(), "", False, False
        # a business looking for the people the platform's graduate records count ("我们公司缺电工，有没有今年
        # 毕业的学生可以推荐"): the talent supply, per school and major, not a student's search or the talent
        # demand (the platform-kind probe alone reads "想每年固定接收一批高职酒店专业的实习生" as graduates too,
        # 0.21 against 0.19: the words decide)
        # and so is the same business narrowing the students it looks for right after one looking for them ("那有没有
        # 学畜牧的" after "我们是养牛的合作社，想找个懂兽医的学生来帮忙" went to the benefit catalog)
        if owner and names_graduates(message) and route in (Route.opportunities, Route.platform):
            route, platform_kind = Route.platform, GRADUATES
        elif owner and self._narrows_students(message, earlier, today):
            route, platform_kind = Route.platform, GRADUATES
        if route is Route.opportunities:  # the profile a route needs, read only then (time words cost)
            own = read_student(message, self.majors(), today)
            student = _merged(own, earlier, self.majors(), today)
            student = replace(student, details=(student.details - OF_SCHOOLS) | school)  # this message's, or carried
            # nobody to recommend for ("中职以后开几个专业" names a level, not what to look for; "想给一线
            # 工人搞在岗培训，…哪个局带头管" a kind alone, of what the writer's enterprise runs): a policy or
            # benefits question, unless the probe is sure (:data:`SURE_ROUTE`) of a message about the
            # documents' matters (a weekend trip's weather is refused as out of scope on the policy route).
            # On the dev sets, messages reading no major lean to opportunities 1.0-3.1 when they are policy
            # questions, 4.4-13 when they look for something ("寒假想找个实习", "头屯河那边有没有焊工的短期培训班")
            sure = routes.labels[0][1] >= SURE_ROUTE * routes.labels[1][1] and off_topic < OFF_TOPIC
            if not student.seeks_someone and not sure and not outcomes:
                # a seeker's words (想学, 想去) by no business writer: never the enterprise's catalog
                seeker = (Route.benefits,) if student.going and not owner else ()
                route = _next_best(routes, Route.opportunities, *barred, *seeker)
                # the platform's records past even odds (not tuned), by no business writer and with no kind of
                # item named: the opportunities the probe read, counted rather than recommended ("师里今年缺哪方面的
                # 人？" 0.61 under the platform cut quoted a funding rule; the yearly report answers it). A kind or a
                # school named ("十二师职校2024年又新开了哪些专业？") asks of the catalog, which the rules answer or not
                schools = any(w in message for w in vocabulary().schools)
                on_topic = off_topic < OFF_TOPIC  # a vaccine's whereabouts are refused as out of scope
                if platform >= PLATFORM_NAMED_SHARE and on_topic and not owner and not student.kinds and not schools:
                    route = Route.platform
            # a writer speaking for a business ("我开了个汽修店，想带两个徒弟") offers the places a student
            # looks for: what they get for it is a benefits question, whatever the probe's certainty (the
            # dense model reads the trade and the kind, 汽修 and 徒弟, the words of a student's search)
            # Not when it asks whether or where there is a training ("我们合作社有几台棉花采摘机，想找人学维修，哪里
            # 有培训？" was given the duty to fund staff training): a service the business buys, the trainings listed
            elif owner and not (set(student.kinds) == {TRAINING} and student.asks_for_kind):
                route = _next_best(routes, Route.opportunities)
            # such a writer naming a trade or a kind of student looks for the students too: the schools that
            # train them belong in the answer. Not a training alone ("我们汽修厂想给工人搞技能培训"): a service
            # the business buys for its own workers, not students it takes in; nor what a kind is paid or costs
            # ("实习一般给多少钱" after "我们厂想招几个职校的实习生" asks the going rate, not for the schools again);
            # nor a question of the rules after it ("找哪个部门？", "申请要什么材料？" after "我们…想招学徒，有什么
            # 补贴？": the message seeks nobody itself and refines no search, the schools were said or not asked)
            narrows = owner and self._only_refines(message, earlier, today)
            takes = (
                owner
                and student.seeks
                and (own.seeks or narrows)
                and set(student.kinds) != {TRAINING}
                and not student.details & {Detail.pay, Detail.fees, Detail.length}
            )
        # a business looking for students of no kind or catalog major, nobody to recommend for ("我们是养牛的合作社，
        # 想找个懂兽医的学生来帮忙" was refused on the policy route; "我们厂缺几个懂电的学生，哪里能找到" led with a
        # rule's lead unit, then, on the platform, got the yearly report): the schools' graduate rows. One the search
        # reads ("我在五家渠开了个餐馆，想招几个学厨师的学生") gets what it may claim, with the schools (above)
        if owner and route in (Route.policy, Route.platform) and seeks_students(message):
            route, platform_kind, student = Route.platform, GRADUATES, StudentReading()
        return route, student, platform_kind, takes, takes and narrows

    def _parts(self, message: str) -> tuple[tuple[str, Asked], ...]:
        """The parts of a question that each ask for a value ("从哪年开始，每年培养多少人？");
        () when it asks one thing. A part is a clause between punctuation that asks (a question mark
        or an interrogative word) and that the asked probe reads as asking a value with at least
        ``PART_SHARE`` of its probability."""
        clauses = [p.strip().rstrip("，,；;！!。") for p in _PIECES.findall(message)]  # a question keeps its mark
        pieces = [c for c in clauses if len(c.rstrip("？?")) >= 4 and _INTERROGATIVE.search(c)]
        if len(pieces) < 2:
            return ()
        vectors = self.embed(pieces)
        found = []
        for piece, vector in zip(pieces, vectors):
            scores = self.asked.scores(vector, piece)
            kind = Asked(scores.best)
            if kind in VALUE_KINDS and scores.labels[0][1] >= self.PART_SHARE:
                found.append((piece, kind))
        return tuple(found) if len(found) >= 2 else ()

    def statuses(self, text: str) -> list[str]:
        """Who the writer says they are (reader.self_described) when the probe reads a status, not a trade: 退伍军人 in
        "我是退伍军人，有没有活" is who they are, 电焊工 in "我是电焊工，哪里招人" the work they would do."""
        said = self_described(text, self.majors())
        return [w for w, v in zip(said, self.embed(said) if said else []) if self.who.scores(v).best == "status"]

    def read_enterprise(self, text: str) -> EnterpriseReading:
        """An enterprise's types, activities and place: the vocabulary's words (reader.py), and
        each clause's activity as the activity probe reads it (给车间工人办培训班 -> 职工培训), unless
        the clause denies or declines it."""
        reading = read_enterprise(text)
        found = reading.activities + [a for a in self.activities_in(text) if a not in reading.activities]
        return replace(reading, activities=found)

    def activities_in(self, text: str) -> list[str]:
        """The activities the probe reads in the text's clauses, in order (a clause names the one
        it ranks first; 其他 names none; a clause that denies or declines is skipped)."""
        pieces = [c for c in clauses(text) if len(c) >= 4 and not refuses(c)]
        labels = [self.activities.scores(vector).best for vector in self.embed(pieces)] if pieces else []
        return list(dict.fromkeys(label for label in labels if label != OTHER))

    def _asked_on_benefits(self, history: list[Turn]) -> bool:
        """Whether the exchange a follow-up leans on is about a business's benefits (the route probe's reading)."""
        return _exchange_reads(
            history, lambda text: _next_best(self.routes.scores(self.embed([text])[0])) is Route.benefits
        )

    def _follows_platform(self, history: list[Turn]) -> bool:
        """Whether the exchange a follow-up leans on asks for the platform's records or its yearly report (naming the
        report, or read past :data:`PLATFORM_SHARE` by the platform probe)."""
        return _exchange_reads(
            history,
            lambda text: (
                names_the_report(text)
                or self.platform.scores(self.embed([text])[0]).share("platform") >= PLATFORM_SHARE
            ),
        )

    def _refines_search(self, message: str, earlier: list[str], today: dt.date | None) -> bool:
        """A short message naming what or where a student looks for ("有没有五家渠的", "高职的有吗") after a
        student's search: the search goes on (alone, the platform probe reads 有没有五家渠的 as talent demand). A
        writer saying they speak for a school ("我是学校管就业的老师，想了解今年企业都缺什么人" after a parent's
        search: its 今年 refined the search) starts a matter of their own."""
        if not earlier or len(message) > MAX_FOLLOW_UP or speaks_for_school(message):
            return False
        if not read_student(message, self.majors(), today).says_anything:
            return False
        return _merged(StudentReading(), earlier, self.majors(), today).seeks_someone

    def _only_refines(self, message: str, earlier: list[str], today: dt.date | None) -> bool:
        """:meth:`_refines_search`, every topic word of the message a place, a level, a kind, a major or a time (no
        other matter asked: "实习期间受伤了谁负责" after a search names 受伤, a question of its own)."""
        return self._names_only_a_search(message, today) and self._refines_search(message, earlier, today)

    def _names_only_a_search(self, message: str, today: dt.date | None, studied: bool = False) -> bool:
        """Whether every topic word of the message is a place, a level, a kind, a major or a time (or, ``studied``,
        a subject it says is studied: 畜牧 in 那有没有学畜牧的)."""
        words = topic_words(message)
        # a piece of a place's name is the place (jieba cuts 104团 into 104 and 团)
        places = [name for place in places_in(message) for name in place.names if name in message]
        subjects = read_student(message, self.majors(), today).studies if studied else []
        return bool(words) and all(
            any(w in p for p in places) or w in subjects or read_student(w, self.majors(), today).says_anything
            for w in words
        )

    def _narrows_students(self, message: str, earlier: list[str], today: dt.date | None) -> bool:
        """A short message naming only whom or where, right after a message looking for students ("那有没有学畜牧的",
        "高职的有吗" after "我们是养牛的合作社，想找个懂兽医的学生来帮忙"): the students sought, narrowed."""
        if not earlier or not seeks_students(earlier[-1]) or len(message) > MAX_FOLLOW_UP:
            return False
        return self._names_only_a_search(message, today, studied=True)

    @staticmethod
    def _fees_go_on(message: str, earlier: list[str]) -> bool:
        """A message only naming another school level, place or major ("那高职呢？", "昌吉的呢") right after a question
        on what a school costs asks the same of it (alone, the probe reads 高职多少钱 as a rule's amount); a question
        of its own ("实习期间受伤了谁负责") does not."""
        if not earlier:
            return False
        asked = asking_text(message, [Turn(role="user", content=earlier[-1])])
        return asked != message.strip() and asks_fees(asked)

    def _asks_for_programs(self, message: str, today: dt.date | None) -> bool:
        """A message asking which schools teach a major, where or at a level ("哪些学校有护理专业": the platform
        probe reads it as the schools' graduates, 0.71; "五家渠有什么技校" as the yearly report): a search for
        programs, unless it names graduates (an employer's question). Nothing said of what, where or for whom
        ("哪些学校和企业合作办了订单班") is left to the probe."""
        reading = read_student(message, self.majors(), today)
        said = reading.majors or reading.locations or reading.level
        return bool(said) and PROGRAMS in reading.kinds and not names_graduates(message)

    def _side_sought(self, vector: np.ndarray, owner: bool, message: str = "") -> str:
        """The platform-kind probe's reading of the standalone question's ``vector`` (already embedded), except
        for a writer speaking for an enterprise or a school asking of technical needs or services: the other
        side of that market. An enterprise with a problem looks for the schools that offer help ("我们公司有个
        技术难题想找学校合作研发，平台上有没有能做的学校" listed other firms' needs), a school for the firms that
        need it."""
        kind = self.platform_kinds.scores(vector).best
        if kind == GRADUATES and not owner and asks_for_businesses(message):
            # a school asking which businesses ("我们职校想知道，有哪些企业愿意接收学生实习": graduates 0.22, the
            # report 0.18): the records listing businesses, their talent demand, not the schools' graduates
            return TALENT_DEMAND
        if kind not in (TECH_NEED, RESOURCE):
            return kind
        return RESOURCE if owner else TECH_NEED

    def _market_side(self, vector: np.ndarray, message: str) -> str:
        """The platform-kind probe's reading for a writer speaking for no one, except that of the technical market
        the side is the one the message looks for: schools ("想找个学校帮忙搞技术改造" listed firms' technical
        needs), or those helping businesses ("师里有没有帮企业解决技术难题的"), the services and resources they offer;
        businesses, their needs."""
        kind = self.platform_kinds.scores(vector).best
        if kind not in (TECH_NEED, RESOURCE):
            return ""
        sought = sought_first(message)
        if sought == "businesses":
            return TECH_NEED
        return RESOURCE if sought == "schools" or helps_businesses(message) else kind

    def platform_kind(self, text: str) -> str:
        """The kind of platform record a message asks for (``PlatformKind`` values: cooperation, tech_need ...)."""
        return self.platform_kinds.scores(self.embed([text])[0]).best

    def route_scores(self, text: str) -> Scores:
        return self.routes.scores(self.embed([text])[0])

    def asked_scores(self, text: str) -> Scores:
        return self.asked.scores(self.embed([text])[0], text)


CONTACT_SHARE = 0.5  # the contact probe's share above which a message asks how to reach someone


def with_contact(labels: tuple[tuple[str, float], ...], share: float) -> tuple[tuple[str, float], ...]:
    """The asked kinds with ``contact`` first when the contact probe reads the message as asking how to reach
    someone ("人社局的咨询热线是多少"), the other kinds scaled to the rest; as they were otherwise."""
    if share < CONTACT_SHARE:
        return labels
    return ((Asked.contact.value, share), *((label, p * (1 - share)) for label, p in labels))


def asks_a_count(text: str) -> bool:
    """Whether a text asks how many: 几 or 多少 left once every 几 that says "a few" after a wish is set
    aside (想招几个学生 states a plan; 我们厂50个人得设几个 asks)."""
    return bool(_COUNT_WORD.search(_A_FEW.sub("", text)))


def clearly_asks_value(labels: Sequence[tuple[str, float]]) -> bool:
    """Whether the asked-kind probe's reading (labels, most likely first) asks a value (a unit, an amount, a date,
    a frequency, a duration, a count) at least :data:`CLEAR_LEAD` times as likely as the next kind."""
    if not labels:
        return False
    (label, top), second = labels[0], labels[1][1] if len(labels) > 1 else 0.0
    return label in {k.value for k in VALUE_KINDS} and top >= CLEAR_LEAD * second


def _next_best(scores: Scores, *excluded: Route) -> Route:
    """The most likely route not excluded."""
    return Route(next(label for label, _ in scores.labels if label not in {r.value for r in excluded}))


def _exchange_reads(history: list[Turn], reads: Callable[[str], bool]) -> bool:
    """Whether ``reads`` holds of a message of the exchange a follow-up leans on: back from the latest user message,
    through the follow-ups, to the one that stood alone (each read only when reached: a probe costs an embedding)."""
    users = [i for i, turn in enumerate(history) if turn.role == "user"][-EARLIER_MESSAGES:]
    for i in reversed(users):
        text = history[i].content.strip()
        if reads(text):
            return True
        if standalone_question(text, history[:i]) == text:
            return False
    return False


def asks_anything(text: str) -> bool:
    """Whether a text asks anything (a question mark anywhere, an interrogative word or an A-not-A: 会不会, 给不给),
    rather than only describing ("我们是一家做农机维修的小企业，打算跟职校合作办个订单班")."""
    return "？" in text or "?" in text or bool(_INTERROGATIVE.search(text) or A_NOT_A.search(text))


def last_clause(text: str) -> str:
    """The text's last clause (after its last comma or full stop; a question mark stays with it)."""
    parts = [p.strip() for p in _LAST_CLAUSE.split(text) if p.strip()]
    return parts[-1] if parts else text.strip()


def _latest_side(earlier: list[str]) -> bool | None:
    """Whether the latest earlier message saying whose side the writer is on speaks for a business (True) or of
    someone of theirs (False: the questions after "我家闺女…想找个幼儿园实习" are hers, whatever factory the writer
    spoke for before it); None when none says."""
    for text in reversed(earlier):
        if speaks_for_enterprise(text):
            return True
        if speaks_of_their_own(text):
            return False
    return None


def _merged(reading: StudentReading, earlier: list[str], majors: MajorMatcher, today: dt.date | None) -> StudentReading:
    """What this message says, completed by what earlier messages said (the latest wins). An opening named now
    ("毕业以后想留在五家渠工作，有什么岗位" after "孩子想学护理，师里哪个学校有这个专业") is work: of the kinds said
    before, only the kinds of work carry (the programs listed before are no 岗位); a wish to learn ("我想学开挖掘
    机，哪里能学" after a search for internships) is a program or a training: only those carry."""
    learned = (PROGRAMS, TRAINING)
    work_now = reading.opening_named and not reading.kinds
    learn_now = reading.learning and not reading.kinds and not work_now
    for text in reversed(earlier):
        before = read_student(text, majors, today)
        wish = reading.wants_apprenticeship
        # programs or trainings asked, now or by the message carried: a trade said before is no longer sought
        learns = bool(reading.kinds) and all(k in learned for k in reading.kinds)
        reading = replace(
            reading,
            # what the student studies or the trade asked for, said now, replaces the major said before (and the
            # other way round): "那昌吉有没有？" after "哪里在招电焊工？" still asks for welders
            majors=reading.majors or ([] if reading.studies or reading.trades else before.majors),
            studies=reading.studies or ([] if reading.majors or reading.trades else before.studies),
            # a trade recruited or worked in is work's: not carried to a question of programs or trainings ("读技校要
            # 几年" after "我是电焊工，哪里招人" listed programs near 电焊工, in the browser)
            trades=reading.trades or ([] if reading.majors or reading.studies or learns else before.trades),
            level=reading.level or before.level,
            locations=reading.locations or before.locations,
            available_from=reading.available_from or before.available_from,
            available_to=reading.available_to or before.available_to,
            kinds=reading.kinds
            or [k for k in before.kinds if not (work_now and k in learned) and not (learn_now and k not in learned)],
            opening=reading.opening or before.opening,
            # a kind asked for before ("有没有实习") is still what is asked for when its kinds carry ("昌吉有吗"
            # after it was refused: the kind alone, not asked for, sought nobody)
            asks_for_kind=reading.asks_for_kind or (not reading.kinds and before.asks_for_kind),
            going=reading.going or before.going,
            wants_apprenticeship=wish if wish is not None else before.wants_apprenticeship,
            min_pay=reading.min_pay or before.min_pay,
            perks=reading.perks or before.perks,
        )
    return reading


def _merged_enterprise(reading: EnterpriseReading, earlier: list[EnterpriseReading]) -> EnterpriseReading:
    for before in reversed(earlier):
        reading = replace(
            reading,
            types=reading.types or before.types,
            activities=reading.activities or before.activities,
            location=reading.location or before.location,
        )
    return reading


def query_embedder(
    embed_many: Callable[[list[str]], list[list[float]]], cache: Path | None = None, max_items: int = 4096
) -> Embed:
    """The e5 query side as a batch function returning unit vectors.

    Vectors are kept in memory (the ``max_items`` most recent); with ``cache`` (a file) they are
    also kept on disk, so the labelled examples are embedded once per model, not at every start.
    """
    known: OrderedDict[str, np.ndarray] = OrderedDict(_load_cache(cache))

    def embed(texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        for start in range(0, len(missing), 64):
            batch = missing[start : start + 64]
            for text, row in zip(batch, embed_many(batch)):
                vector = np.asarray(row, dtype=np.float32)
                known[text] = vector / (np.linalg.norm(vector) or 1.0)
        rows = [known[t] for t in texts]
        if cache is not None and len(missing) > 8:
            _save_cache(cache, known)
        while cache is None and len(known) > max_items:
            known.popitem(last=False)
        return np.stack(rows) if rows else np.zeros((0, 0), dtype=np.float32)

    return embed


def _load_cache(path: Path | None) -> dict[str, np.ndarray]:
    if path is None or not path.exists():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            return {str(t): v for t, v in zip(data["texts"], data["vectors"])}
    except (OSError, ValueError, KeyError):
        return {}


def _save_cache(path: Path, known: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    texts = list(known)
    # a temporary file of this process's own: two processes starting on one index (a server and a CLI
    # command) once wrote the same ".tmp.npz" and the second rename failed with FileNotFoundError
    fd, name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp.npz", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            np.savez(out, texts=np.asarray(texts), vectors=np.stack([known[t] for t in texts]))
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
