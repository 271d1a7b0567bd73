"""The chat: one message understood, then answered by the capability it needs.

    message (+ history) -> understand -> Query
        policy         -> Answerer (cited clauses, verified)
        benefits       -> the matcher on the enterprise the conversation describes (cited benefits)
        opportunities  -> recommendations for the student the conversation describes, else a search
    -> token events, then one final event whose answer says which route answered

Every answer carries ``route``; opportunity answers carry the postings / programs (with reasons),
benefit answers the matched benefits with their conditions and source clauses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer import compose, stages
from assistant.answer.answerer import Answerer, Clock, emit, pieces
from assistant.answer.benefits import MAX_BENEFITS, benefit_answer, matched_fields, with_benefits
from assistant.answer.browse import (
    PAY_LEAD,
    PAY_NONE_LEAD,
    WINDOW_LEAD,
    at_pay,
    best_paid_first,
    in_places,
    in_window,
    none_near,
    pay_range_lead,
)
from assistant.answer.checks import NOT_CHINESE, check_input, lacks_chinese
from assistant.answer.listed_items import (
    ALL_LISTED_LEAD,
    DATES,
    FIELD_LABELS,
    ITEM_LEAD,
    MAX_FOLLOW_UP_CHARS,
    PAST_END,
    Listed,
    last_listing,
    pointed_at,
)
from assistant.answer.opportunity_listing import (
    BROWSE_LEAD,
    LEVEL_NONE_LEAD,
    MEANING_LEAD,
    PERKS_LEAD,
    PERKS_NONE_LEAD,
    money_of,
    offered_by,
    opportunity_answer,
    runs,
)
from assistant.answer.outcomes import OUTCOME_LEAD, by_share_in_work, lacks_outcome, with_outcomes
from assistant.answer.platform_reply import records_answer, yearly_report_answer
from assistant.answer.slots import SLOT_LABELS
from assistant.answer.talent_supply import asks_where_to_find, schools_answer, with_posting_hint, with_schools
from assistant.answer.types import Answer, AnswerEvent, AnswerMode, AnswerSentence
from assistant.opportunities.fit import (
    LEVEL_RANK,
    LEVEL_SAME,
    Reason,
    above_level,
    level_reason,
    pay_reason,
    place_reason,
    required_level,
)
from assistant.opportunities.perks import FREE, offering_first, stated
from assistant.places import Relation
from assistant.platform.records import KIND_LABELS, GraduateOutcome, PlatformKind
from assistant.platform.search import PlatformFilters, PlatformRecord
from assistant.records import WORK
from assistant.retrieve.searcher import MAX_TOP_K
from assistant.text.tokenize import can_do, in_dictionary, nominal_tagged, nominal_words, tagged_words, tokenize
from assistant.types import Persona, StoredChunk, Turn
from assistant.understand.classify import outcome_word
from assistant.understand.profiles import EnterpriseProfile, StudentProfile
from assistant.understand.query import Asked, Query, Route
from assistant.understand.reader import (
    PROGRAMS,
    TRAINING,
    Detail,
    StudentReading,
    asks_existence,
    asks_for_organisations,
    compared_words,
    higher_pay_said,
    read_student,
    recruited_trades,
    recruiters,
    seeks_students,
    weighs_schools,
)
from assistant.understand.rewrite import new_subject
from assistant.understand.topic import named_words
from assistant.understand.understander import REPORT, Understander, asks_anything, last_clause
from assistant.understand.vocabulary import vocabulary

if TYPE_CHECKING:
    from assistant.opportunities.items import OpportunityItem
    from assistant.opportunities.match import MatchResult
    from assistant.opportunities.recommend import Recommendation, RecommendResult
    from assistant.platform.report import SupplyDemandReport

MAX_OPPORTUNITIES = 5
PERK_POOL = 4  # perks asked with a major: this many times the listed ones are ranked, those stating them first
_FEE = "费"  # the noun of what is paid for (学费, 书本费, 住宿费): a cost, never a trade
# a word in Latin letters (part-time, PLC, 1+X's X is one letter and left alone)
_LATIN = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]")
LATIN_NOTICE = (
    "提示：资料是中文的，问题中的英文{words}在资料中没有出现，下面的回答只依据问题的中文部分；"
    "换成中文说法再问会更准确。"
)
# a policy answer that finds no basis, for a message the route probe read as a search and that says where, when or
# what kind ("寒假想在米东打个工": no major, no level, so nobody to recommend for): how to search instead
SEARCH_HINT = (
    "如果你在找实习、工作、培训或专业：说说你学的专业或想做的方向、层次（中职、高职等）、地点和时间，"
    "或到“实习与专业”页按条件查找。"
)
# a message for the enterprise benefits that says nothing to match on ("有什么补贴"): the policy answer, then
# what a match needs
MATCH_HINT = (
    "想知道贵单位能享受哪些支持、要尽哪些义务：说说单位类型（如产教融合型企业、小微企业）和打算做的事"
    "（如接收学生实习、开展学徒制、共建实训基地），或到“政策匹配”页填写。"
)
# a writer asking how to put a need, an offer or a project on the information platform ("我们想招10个电工，怎么在平台
# 上发布"): the policy answer explains what the platform is; where to publish is the 发布 page
PUBLISH_HINT = (
    "在信息服务平台发布人才需求、技术需求、技术服务与合作资源或校企合作项目：用单位账号登录“发布”页填写提交，"
    "审核通过后在“供需信息”页展示。"
)
# the platform named, and someone wishing or asking how to publish on it (first person or a how-word, then a verb
# of publishing, in one clause)
_PLATFORM_WORD = re.compile(r"平台")
_TO_PUBLISH = re.compile(
    r"(?:我们|我|咱们|咱|本单位|我校|我司|怎么|如何|咋|怎样|在哪)[^，,。；;！!？?]{0,14}?(?:发布|发|挂|登记|上传|提交|填报)"
)
# where or how to publish, asked (去哪发布, 怎么登记): with a business's writer, the platform's 发布 page
_WHERE_TO_PUBLISH = re.compile(
    r"(?:怎么|如何|咋|怎样|在哪|去哪|哪里|哪儿)[^，,。；;！!？?]{0,6}?(?:发布|登记|挂出|填报)"
)
# after the unit that handles a matter, what the platform holds of it
PLATFORM_TOO = "信息服务平台上的相关信息："
# a message the route probe sends to opportunities with the policy route nearly as likely ("实习学生要买什么
# 保险？" 0.42 / 0.39) gets the policy answer first and the postings after it. 0.75: above the policy /
# opportunities ratio of every opportunity-seeking message of the dev routing sets (at most 0.61).
POLICY_MIX_SHARE = 0.75
# 你好 / 谢谢 / 你能做什么: what the assistant does, not "not in the documents". 0.5 of the balanced
# small-talk probe; every question of the dev answer and routing sets reads at most 0.22.
SMALL_TALK_SHARE = 0.5
SMALL_TALK = "small_talk"  # Answer.asked of the reply to a greeting (no route label, no "no basis" notice)
# a word only one kind's descriptions use, in this many items or more, is how that kind is written
# (毕业 / 毕业生 in programs), not an interest; below it a rare interest (电脑 in one posting) stays
TEMPLATE_MIN_ITEMS = 3
SMALL_TALK_REPLY = (
    "我是十二师政策与机会助手：依据政策原文回答产教融合、职业教育、劳动用工等问题，帮企业查可享受的支持和应尽的义务，"
    "帮学生和家长找实习、岗位、培训和专业。可以这样问：“我们公司带学徒能享受哪些补贴？”"
    "“我是中职汽修专业的，明年春天想找个实习。”"
)


@dataclass(frozen=True)
class Capabilities:
    """What the chat can call besides the policy answerer (the facade passes these in)."""

    match: Callable[[EnterpriseProfile], MatchResult]
    # every support of the benefit catalog, its conditions to check (an enterprise that said nothing of itself)
    overview: Callable[[], MatchResult]
    recommend: Callable[[StudentProfile, int], RecommendResult]
    # opportunity search (free text, or places only: a browse) within kinds ([] = all), as scored items
    search: Callable[[str, int, list[str]], list[Recommendation]]
    chunk: Callable[[str], StoredChunk | None]
    # the information platform's published records meeting the filters, newest first, at most top_k
    platform: Callable[[PlatformFilters, int], list[PlatformRecord]]
    # each (school, program)'s newest graduate row on the platform (answer/outcomes.py)
    outcomes: Callable[[], dict[tuple[str, str], GraduateOutcome]]
    # every posting and program of the index
    items: Callable[[], list[OpportunityItem]]
    # the yearly talent supply-and-demand report of a year and a region ("" = everywhere)
    report: Callable[[int, str], SupplyDemandReport]


class Chat:
    def __init__(self, understander: Understander, answerer: Answerer, capabilities: Capabilities) -> None:
        self.understander = understander
        self.answerer = answerer
        self.capabilities = capabilities
        self._tail_read: tuple[str, str] = ("", "")  # a message's last clause -> the kind it asks
        self._benefit_vectors: dict[str, np.ndarray] = {}  # a benefit's name -> its vector (the overview's order)

    def answer(
        self,
        question: str,
        history: list[Turn] | None = None,
        mode: AnswerMode = AnswerMode.chat,
        persona: Persona = Persona.unknown,
    ) -> Answer:
        final = None
        for event in self.stream(question, history, mode, persona):
            if event.type == "final":
                final = event.answer
        assert final is not None
        return final

    def stream(
        self,
        question: str,
        history: list[Turn] | None = None,
        mode: AnswerMode = AnswerMode.chat,
        persona: Persona = Persona.unknown,
    ) -> Iterator[AnswerEvent]:
        """Token events as the answer is produced, then exactly one final event. ``persona``: who the asker
        said they are (a hint the understanding reads with the message's words)."""
        question = check_input(question, history)
        unknown = [] if lacks_chinese(question) else self._unknown_latin(question)
        if not unknown:
            yield from self._stream(question, history, mode, persona)
            return
        # a Latin word no indexed text uses (part-time, internship) is not read: said first, not dropped silently
        notice = LATIN_NOTICE.format(words="、".join(f"“{w}”" for w in unknown))
        yield AnswerEvent("token", text=notice + "\n")
        for event in self._stream(question, history, mode, persona):
            if event.type == "final" and event.answer is not None:
                event = AnswerEvent("final", answer=event.answer.with_notice(notice))
            yield event

    def _unknown_latin(self, question: str) -> list[str]:
        """The Latin words of ``question`` whose tokens no indexed text uses (PLC and 1+X are used)."""
        index = self.answerer.searcher.index
        words = dict.fromkeys(m.group() for m in _LATIN.finditer(question))
        return [w for w in words if not any(index.df(t) for t in tokenize(w))]

    def _stream(
        self, question: str, history: list[Turn] | None, mode: AnswerMode, persona: Persona
    ) -> Iterator[AnswerEvent]:
        clock = Clock({})
        if lacks_chinese(question):
            notice = Answer(question, question, NOT_CHINESE, False, mode, self.answerer.backend, timings=clock.timings)
            notice = notice.with_(sentences=[AnswerSentence(NOT_CHINESE, [], "notice", True)])
            yield from emit(notice, pieces(NOT_CHINESE), clock)
            return
        listed = pointed_at(question, history or [])
        if listed is not None:  # "第一个怎么联系？" right after a listing: that item, not a new question
            item = self._listed_item(listed, Answer(question, question, "", False, mode, "recommender"))
            if item is not None:
                item = item.with_(timings=clock.timings)
                yield from emit(item, pieces(item.answer), clock)
                return
        query = self.understander.understand(question, history or [], persona=persona)
        clock.lap("understand")
        asked_of_all = self._listing_asked(question, query, history or [], mode)
        if asked_of_all is not None:  # "学费多少" right after a listing: each listed item's fees, not a rule's
            asked_of_all = asked_of_all.with_(timings=clock.timings)
            yield from emit(asked_of_all, pieces(asked_of_all.answer), clock)
            return
        if query.small_talk >= SMALL_TALK_SHARE and not query.follow_up and not self._names_a_wish(question):
            reply = Answer(
                question, question, SMALL_TALK_REPLY, False, mode, self.answerer.backend, timings=clock.timings
            )
            reply = reply.with_(asked=SMALL_TALK, sentences=[AnswerSentence(SMALL_TALK_REPLY, [], "notice", True)])
            yield from emit(reply, pieces(SMALL_TALK_REPLY), clock)
            return
        base = Answer(
            question,
            query.standalone,
            "",
            False,
            mode,
            self.answerer.backend,
            timings=clock.timings,
            route=query.route.value,
            asked=query.asked.value,
        )
        routed: Answer | None = None
        said = ""  # text already streamed (a written policy answer on the benefits route)
        if query.takes_students:
            routed, said = yield from self._students_sought(query, base)
        elif query.route is Route.benefits:
            routed, said = yield from self._benefits(query, base.with_(route=Route.benefits.value))
        elif query.route is Route.opportunities:
            routed, said = yield from self._opportunities_and_rules(query, base)
        elif query.route is Route.platform:
            routed, said = yield from self._platform_and_rules(query, base)
        publish = asks_to_publish(query.message, query.for_enterprise)
        if routed is not None and publish:  # what is there comes after where to publish
            routed = routed.with_notice(PUBLISH_HINT)
        if routed is not None:
            clock.lap(query.route.value)
            rest = routed.answer[len(said) :] if said and routed.answer.startswith(said) else routed.answer
            yield from emit(routed, pieces(rest) if not said or rest != routed.answer else [], clock)
            return
        events = self.answerer.stream(query, base.with_(route=Route.policy.value))
        if publish:
            yield from with_hint(events, PUBLISH_HINT, always=True)
        elif _looked_like_a_search(query):
            yield from with_hint(events, SEARCH_HINT)
        elif query.route is Route.benefits:  # nothing to match on: what a match needs (to an enterprise's writer
            # whatever the answer: "有什么补贴" finds some clause on 补贴, not the enterprise's)
            yield from with_hint(events, MATCH_HINT, always=query.for_enterprise)
        else:
            yield from events

    # ---- benefits: the enterprise the conversation describes ----------------------------------
    def _benefits(self, query: Query, base: Answer) -> Generator[AnswerEvent, None, tuple[Answer | None, str]]:
        """What applies to the enterprise. A question about one rule or one figure is answered from
        its clause first (the policy answer), the matched benefits follow; when the asked figure is
        not in the documents, that is said first and the matched benefits follow. Yields the policy
        answer's tokens as they are written (the ``openai`` backend streams its generation; the final
        answer replaces them, as on the policy route), returns the answer."""
        found = self._matched(query, base)
        if found is None:
            # nothing to match on. A business asking what support there is ("有什么补贴吗", "有没有补贴": the
            # asked-kind probe reads an amount at 0.32 there, no value clearly asked): the catalog's supports,
            # nearest the question first, then what a match needs; a figure clearly asked or how to do something
            # goes to the policy answerer
            if self._asks_what_there_is(query):
                return self._overview(query, base), ""
            return None, ""
        profile, result, matched = found
        if matched is not None and not query.follow_up and not asks_anything(query.message):
            # a business only describing itself and its plans asks what applies to it: the matched entries, not
            # the quotes its words happen to find (the information platform's FAQ for "…打算跟职校合作办个订单班")
            return matched.with_(**matched_fields(profile, result)), ""
        if matched is None and self._asked_last(query) is Asked.items and self._asks_what_there_is(query):
            # nothing in the catalog is for what was said ("我们小公司有什么扶持政策吗": 中小微企业 triggers no
            # entry), and the list of what there is asked: what there is for any enterprise, not the clause the
            # words found (公开政策清单). One support asked of ("…有社保补贴吗") is the policy answer's
            overview = self._overview(query, base, understood_enterprise(profile))
            if overview is not None:
                return overview.with_(profile=profile.model_dump(mode="json")), ""
        policy, said = yield from self._policy_part(query, base)
        extra = matched_fields(profile, result)
        refused = not (policy.grounded or policy.citations)
        if matched is None and refused and query.for_enterprise and self._clearly_asked_value(query) is None:
            # the documents answer nothing of what was said, how-to included ("我们是做物流的小公司，怎么享受优惠"):
            # what there is for any enterprise and whom to ask, not a refusal
            overview = self._overview(query, base, understood_enterprise(profile))
            if overview is not None:
                return overview.with_(profile=profile.model_dump(mode="json")), ""
        if matched is None:
            return policy.with_(**extra), said
        if policy.grounded and (not query.on_benefits or _quotes_any(policy, result)):
            return with_benefits(policy, matched).with_(**extra), said
        kind = self._clearly_asked_value(query)
        units = lead_units(result) if kind is Asked.unit else ""
        if units:  # who handles it: the catalog names each matched benefit's lead unit
            notice = f"{SLOT_LABELS[Asked.unit]}：{units}。"
            matched = matched.with_(
                answer=notice + "\n" + matched.answer,
                sentences=[AnswerSentence(notice, [], "lead", True), *matched.sentences],
                refer_to=matched.refer_to or units.split("（")[0],
            )
        elif kind is not None:  # the asked figure is not in the documents: say so, then what does apply
            # not grounded: what was asked has no basis in the documents (the UI says so above the
            # answer); the benefits that do apply follow as related information, each with its clause
            notice = f"资料中没有写明具体的{SLOT_LABELS[kind]}。"
            matched = matched.with_(
                answer=notice + matched.answer,
                grounded=False,
                sentences=[AnswerSentence(notice, [], "notice", True), *matched.sentences],
            )
        return matched.with_(**extra), said

    def _matched(self, query: Query, base: Answer) -> tuple[EnterpriseProfile, MatchResult, Answer | None] | None:
        """The enterprise the conversation describes, what the catalog matches for it and that as an answer (None
        when it found nothing to say); None when nothing is known of it to match on."""
        reading = query.enterprise
        if not reading.types and not reading.activities:
            return None
        profile = EnterpriseProfile(
            types=reading.types,  # type: ignore[arg-type]
            activities=reading.activities,  # type: ignore[arg-type]
            location=reading.location,
        )
        result = self.capabilities.match(profile)
        self._nearest_first(query, result)
        return profile, result, benefit_answer(base.with_(backend="matcher"), result, understood_enterprise(profile))

    def _students_sought(self, query: Query, base: Answer) -> Generator[AnswerEvent, None, tuple[Answer, str]]:
        """An employer looking for students to take in (talent_supply.py). Asking where or from whom to find them
        (:func:`asks_where_to_find`) or narrowing the students sought (:attr:`Query.narrows_students`: 那昌吉的呢,
        有高职的吗): the schools first, then what the catalog matches for the business (not a rule's quotes, which
        the words of finding someone pick at random); otherwise the business's answer first (its benefits, or the
        policy answer: "实习协议找谁签" asks a rule) and the schools after. How to post the need on the platform
        last, unless asked (:data:`PUBLISH_HINT` then opens the answer)."""
        majors = self.understander.majors()
        schools = schools_answer(query, base, self.capabilities.platform, self.capabilities.items, majors)
        hint = not asks_to_publish(query.message, query.for_enterprise)
        if schools is not None and (asks_where_to_find(query) or query.narrows_students):
            found = self._matched(query, base)
            schools = with_posting_hint(schools, hint)  # with the schools, above the benefits (a table in the UI)
            if found is not None and found[2] is not None:
                schools = with_benefits(schools, found[2]).with_(**matched_fields(*found[:2]))
            return schools, ""
        routed, said = (yield from self._benefits(query, base)) if query.route is Route.benefits else (None, "")
        if routed is None:
            routed, said = yield from self._policy_part(query, base.with_(route=Route.policy.value))
        if schools is not None and not (routed.grounded or routed.citations or routed.benefits or said):
            # the documents say nothing of it ("咱们养老院…想从职校找几个实习的学生，怎么联系"): the schools answer it
            return with_posting_hint(schools, hint), ""
        return with_posting_hint(with_schools(routed, schools), hint), said

    def _asks_what_there_is(self, query: Query) -> bool:
        """A business asking what support there is: no figure clearly asked, not how to do something."""
        return (
            query.for_enterprise
            and self._asked_last(query) is not Asked.howto
            and self._clearly_asked_value(query) is None
        )

    def _asked_last(self, query: Query) -> Asked:
        """What the message asks, read from its last clause when it first describes the business: "我们是做物流的
        小公司，有什么优惠政策" reads how-to (0.19) over a list (0.18) whole, a list (0.41) in "有什么优惠政策"."""
        tail = self._tail_asked(query.message)
        return query.asked if tail is None else Asked(tail)

    def _tail_asked(self, message: str) -> str | None:
        """The asked kind read from the message's last clause alone; None when that clause is the whole
        message. Read once per message (both the listing and the value checks ask it)."""
        tail = last_clause(message)
        if tail == message.strip():
            return None
        read = self._tail_read  # one tuple, read and replaced whole: requests may share the chat
        if read[0] != tail:
            read = self._tail_read = (tail, self.understander.asked_scores(tail).best)
        return read[1]

    def _overview(self, query: Query, base: Answer, understood: str = "") -> Answer | None:
        """The catalog's supports for a business that said nothing of itself (or nothing an entry is for:
        ``understood`` says what was read), those nearest the question in meaning first (the tax reliefs for
        "能享受什么税收优惠"), then :data:`MATCH_HINT`; None when the catalog lists none."""
        result = self.capabilities.overview()
        self._nearest_first(query, result)
        listed = benefit_answer(base.with_(backend="matcher"), result, understood, overview=True)
        if listed is None:
            return None
        extra = {"benefits": [b.to_dict() for b in result.benefits]}
        return listed.with_notice(MATCH_HINT, first=False, **extra)

    def _nearest_first(self, query: Query, result: MatchResult) -> None:
        """The benefits nearest the question in meaning first (the dense model; cited ones first): the tax reliefs
        for "能享受什么税收优惠", the supports for "能拿到什么补贴" before the duties the same plans bring."""
        if not result.benefits:
            return
        names = [b.name for b in result.benefits if b.name not in self._benefit_vectors]
        if names:  # each name embedded once: the catalog changes with the index, rarely
            self._benefit_vectors.update(zip(names, self.understander.embed(names)))
        question = self.understander.embed([query.standalone])[0]
        near = {b.id: float(question @ self._benefit_vectors[b.name]) for b in result.benefits}
        result.benefits.sort(key=lambda b: (not b.verified, -near[b.id]))

    def _clearly_asked_value(self, query: Query) -> Asked | None:
        """:func:`clearly_asked_value`, when the message's last clause asks it too: a message that first
        describes the enterprise ("我们是104团的一家棉花加工厂，…，有什么政策？" reads count 0.37 from 一家)
        asks in its last clause, and "资料中没有写明具体的数量" would answer a question nobody asked."""
        kind = stages.clearly_asked_value(query)
        if kind is None:
            return None
        tail = self._tail_asked(query.message)
        return kind if tail is None or tail == kind.value else None

    def _policy_part(self, query: Query, base: Answer) -> Generator[AnswerEvent, None, tuple[Answer, str]]:
        """The policy answer to a message another route answers too; with the ``openai`` backend its
        tokens are yielded as they are written (the final answer replaces them). Returns the answer
        and the text streamed."""
        policy: Answer | None = None
        said = ""
        for event in self.answerer.stream(query, base):
            if event.type == "final":
                policy = event.answer
            elif self.answerer.backend == "openai":
                said += event.text
                yield event
        assert policy is not None
        return policy, said

    # ---- opportunities: the student the conversation describes --------------------------------
    def _opportunities_and_rules(self, query: Query, base: Answer) -> Generator[AnswerEvent, None, tuple[Answer, str]]:
        """The postings and programs; when the message reads nearly as well as a question about the
        rules (see :data:`POLICY_MIX_SHARE`), the policy answer first and the postings after it."""
        found = self._opportunities(query, base)
        # no program states its fee, length or certificates (an index of rules only): what the rules say of it, or
        # that they name no figure, rather than an empty search
        student = query.student
        if student.asks_of_schools and not found.opportunities:
            return (yield from self._policy_part(query, base.with_(route=Route.policy.value)))
        # what one of a kind is paid ("学徒一个月能拿多少钱"), what a school costs ("孩子读中职一年要交多少钱"), how
        # long it takes ("读技校要几年"), what it leads to ("在职校读书能拿到什么证") or how two compare ("技校和职高
        # 有什么区别"): the openings and programs say it; a rule's figure (the double wage owed without a contract,
        # the teachers' hiring) is no answer to it
        if student.details or weighs_schools(query.message):
            return found, ""
        if not found.opportunities:  # nothing listed fits ("…政府有没有专门给这种娃的培训"): the empty search said,
            # then what the rules say of it when the calibrated decision says they answer it
            policy, said = yield from self._policy_part(query, base.with_(route=Route.policy.value))
            if not policy.grounded:
                return found, said
            related = policy.with_notice(RELATED_RULES_LEAD).with_notice(found.answer)
            return related.with_(route=Route.opportunities.value, profile=found.profile), said
        if not asks_rules_too(query):
            return found, ""
        policy, said = yield from self._policy_part(query, base.with_(route=Route.policy.value))
        if not policy.grounded:
            return found, said
        if not query.student.majors:
            # postings for "(在乌鲁木齐)实习的学生要买什么保险" would be any internship (there): the rule answers
            # it; what the student studies (护理专业的实习生…) picks postings worth showing after the rule
            return policy, said
        lead = "另外，以下实习、岗位或专业可能与你的问题有关："
        mixed = compose.append_listing(policy, found, lead, MAX_OPPORTUNITIES)
        return mixed.with_(
            route=Route.opportunities.value, opportunities=found.opportunities, profile=found.profile
        ), said

    def _names_a_wish(self, message: str) -> bool:
        """Whether a message names what a student looks for or where ("有没有全职的", "昌吉有吗" after a
        search: the small-talk probe reads 0.53 / 0.68 on such bare words; a greeting names none)."""
        reading = read_student(message, self.understander.majors())
        return reading.says_anything or reading.seeks or bool(reading.perks)  # an opening (有没有兼职) is a wish too

    def _interests(self, query: Query) -> list[str]:
        """The message's topic words that say what the student is interested in: not a place, a kind
        of opportunity, a level or a time (乌鲁木齐 / 实习 / 中职 / 明年 say where, what and when), nor
        the name of a kind, a level or an opening itself (专业 in "职校有啥专业" asks for programs, 岗位 in
        "有什么岗位推荐" for any opening: no interest), nor who the message is about or the word saying they
        like something (女儿 / 外甥 / 感兴趣, vocabulary ``people``: jieba tags them as nouns), and
        only words jieba reads as nominal in the message and knows or the index uses (not 我家 / 学开 /
        读个 / 我想学: fragments of its search mode and new-word model); a verbal noun or a set phrase only when
        the index uses it (直播 is a trade; 有空 in "三月以后有空" says when, 没考上 in "中考没考上" what happened,
        and no posting or clause says them).

        The word an opening or a kind is of is nominal whatever jieba's tag (会计 in 有没有会计岗位).

        Nor a workplace said as where (厂里, 公司里: a business word with 里 or 上).

        Nor a part of what the message's level or kind words already say (毕业 in 初中毕业, a level: as
        an interest it matched every program whose text says 毕业), nor a word naming a kind in other words
        (:func:`kinds_in_other_words`: 工作 in "我是学电焊的，有什么工作" was the interest, and 电工作业 trainings
        were listed for it). An everyday word (汽车, general idf 5.2, below the topic cut) is an interest when
        it names what some items are (their title or a major) and not most of them (技术): what the student
        likes, said in common words; so is an activity heading an opening (销售 in 有没有销售的岗位), named or not."""
        majors = self.understander.majors()
        words = vocabulary()
        names = {*words.kinds, *words.levels, *words.openings, *words.people, *words.wages, *words.options}
        # where one would work, not what (厂里, 公司里, 单位上: "厂里在招学徒，我想去")
        names |= {org + at for org in words.organisations for at in ("里", "上")}
        names |= set(recruiters(query.message))  # who is asked for (有哪些企业在招实习生), not what is liked
        tables = (words.kinds, words.levels, words.perks)  # 包住 / 管饭: what an opening offers, not what it is
        said = [w for table in tables for ws in table.values() for w in ws if w in query.message]
        # 交钱 of 要交钱吗 asks a price, 学制 of 中专学制几年 a length, 区别 of 技校和职高有什么区别 a comparison
        said += [w for w in (*words.fees, *words.fee_names, *words.lengths) if w in query.message]
        said += compared_words(query.message)
        tagged = nominal_tagged(query.message)
        said += [w for w, _ in tagged if words.kind_of_part(w)]  # 工作 of "有什么工作" names 全职
        nominal = [word for word, _ in tagged]
        # the word an opening or a kind is of (会计岗位, 焊工学徒: jieba tags 会计 and 焊工 verbs) names a trade
        headed = self._headed(query.message, names)
        nominal += [word for word, _ in headed]
        # an activity heading an opening (销售的岗位, 设计的工作: jieba's verbal noun) is the trade asked, whether or
        # not an item names it: said back when nothing does (a plain verb heading one, 焊工学徒, as before)
        activities = {word for word, flag in headed if flag == "vn"}
        # the trade asked who recruits (会计 in "石河子有没有招会计的"): the same, jieba's tag aside
        recruited = recruited_trades(query.message)
        nominal += recruited
        activities |= set(recruited)
        verbal = {word for word, flag in tagged if flag in ("vn", "l")}  # 直播; set phrases (没考上) likewise
        index = self.answerer.searcher.index
        topic = [
            w
            for w in query.topic
            if w not in names
            and any(n in w or w in n for n in nominal)
            # a word, not a fragment (我想学): indexed, or known to jieba and not a verbal noun or a set phrase
            and (index.df(w) > 0 or (w not in verbal and in_dictionary(w)))
        ]
        uses = {w: self._item_use(w) for w in dict.fromkeys([*topic, *nominal])}
        # an everyday word naming some items (title or major), not more than a third of them (技术)
        topic += [
            w
            for w in uses
            if w not in topic
            and w not in names
            and len(w) >= 2
            and in_dictionary(w)
            and (0 < uses[w].named <= len(self.capabilities.items()) // 3 or w in activities)
        ]
        topic = [
            w
            for w in topic
            if not any(w in s for s in said)
            and not straddles(w, said, query.message)
            and not uses[w].how_a_kind_is_written
            and not can_do(w)
        ]
        # a word holding a perk (住宿费 after "学费多少": 住宿) names what is paid or offered, not a trade; so
        # does a fee (书本费, 报名费: a noun of 费 names what is paid for)
        perks = [w for ws in words.perks.values() for w in ws if w in query.message]
        topic = [w for w in topic if not any(p in w for p in perks) and not w.endswith(_FEE)]
        # 高薪, 收入高点 say what it pays, not what it is about
        pay_words = higher_pay_said(query.message)
        topic = [w for w in topic if not any(w in said for said in pay_words)]
        # 会计专业 (one word to jieba) names the major 会计: the word 专业 says only that it is one
        topic = list(dict.fromkeys(w.removesuffix(PROGRAMS) if len(w) > len(PROGRAMS) + 1 else w for w in topic))
        # who the writer says they are, a status (退伍军人 in "我是退伍军人，想学个技术"): no interest to match by
        # meaning; a trade is the work they do and look for ("我是电焊工，哪里招人": welding's openings, or that none
        # is, before the nearest ones)
        who = self.understander.statuses(query.message)
        topic = [w for w in topic if not any(w in phrase for phrase in who)]
        readings = [(w, read_student(w, majors)) for w in topic]
        return [w for w, reading in readings if reading.majors or not reading.says_anything]

    @staticmethod
    def _headed(message: str, names: set[str]) -> list[tuple[str, str]]:
        """The words an opening or a kind is of (会计岗位, 焊工学徒), jieba tagging them verbs, with their tags: a trade
        said in a noun phrase; not a negated one (不加班的工作), a description (短期, 附近, 好一点: other tags) or the
        asking verb."""
        words = vocabulary()
        # not a program's words (相关专业, 学什么专业: 专业 is what one studies, said in phrases)
        heads = {*words.openings, *(w for k, ws in words.kinds.items() if k != PROGRAMS for w in (k, *ws))}
        tagged = [(w, f) for w, f in tagged_words(message) if w != "的"]
        padded = [("", ""), ("", ""), *tagged]
        return [
            (w, flag)
            for (_, framed), (before, _), (w, flag), (after, _) in zip(padded, padded[1:], tagged, tagged[1:])
            # a kind said in other words heads an activity only (设计的工作: 全职; 好找 of 好找工作 says how easily)
            if (
                (after in heads and flag in ("v", "vn"))
                or (words.kind_of_part(after) not in ("", PROGRAMS) and flag == "vn")
            )
            and len(w) >= 2
            and w not in names
            and not before.startswith(("不", "没"))
            and not asks_existence(w)  # 有没有 of 有没有兼职 asks, it names nothing
            # the verb of a phrase a preposition opens relates its object (跟电脑有关的实习, 和汽车相关的工作: 电脑 and
            # 汽车 are what is liked), it is no trade
            and framed != "p"
        ]

    def _item_use(self, word: str) -> ItemUse:
        """How the postings and programs use ``word``, in one pass over them."""
        named, kinds = 0, []
        for item in self.capabilities.items():
            if word in item.title or any(word in m for m in item.majors):
                named += 1
            elif word in item.about:
                kinds.append(item.kind)
        return ItemUse(named, kinds)

    def _browse(
        self,
        kinds: list[str],
        places: list[str],
        fitting: bool,
        top_k: int = MAX_OPPORTUNITIES,
        level: str | None = None,
        outcomes: dict[tuple[str, str], GraduateOutcome] | None = None,
    ) -> list[Recommendation]:
        """What there is of the kinds asked, nearest the places asked first, each with its place as the
        reason; one outside the places asked (or any, when not ``fitting``) is listed among the nearest.
        With the student's ``level``, as the recommender grades it: no posting asking a higher one, a program
        not above it after the others ("中职毕业以后有什么出路" listed the 中职 programs first). With the programs'
        graduate rows (``outcomes``: how they fare was asked), the largest share in work first within a level."""
        recs = self.capabilities.search(" ".join(places), MAX_TOP_K if level or outcomes else top_k, kinds)
        if outcomes:
            recs = by_share_in_work(recs, outcomes)
        if level:
            recs = [r for r in recs if not (required_level(r.item) or 0) > LEVEL_RANK.get(level, 0)]
        grade: dict[str, float] = {}  # the level's grade alone reorders them (the search's order otherwise)
        for rec in recs:
            place = place_reason(rec.item, places)
            if place is not None:
                rec.reasons.append(place[0])
            rec.fits = fitting and (place is None or place[1] <= Relation.near)
            graded = level_reason(rec.item, level) or (_further_study(rec.item, level) if level else None)
            if graded is not None:
                rec.reasons.append(graded)
                grade[rec.item.record_id] = graded.score
        if not level:
            return recs[:top_k] if outcomes else recs
        return sorted(recs, key=lambda r: -grade.get(r.item.record_id, 0.0))[:top_k]  # stable: the share kept within

    def _platform_and_rules(self, query: Query, base: Answer) -> Generator[AnswerEvent, None, tuple[Answer, str]]:
        """The platform records; a message clearly asking which unit handles the matter ("我们学校想跟企业共建实训
        基地，找哪个部门": the records name no department), not which businesses or schools, gets the policy answer's
        lead unit first, the records after it, when the documents name one."""
        records = self._platform(query, base)
        # not which businesses or schools: "有没有企业在找学校帮忙解决技术问题" asks for the records (the asked-kind
        # probe reads "which enterprise", a unit); nor where the students a business looks for are ("我们厂缺几个懂电
        # 的学生，哪里能找到" led with the lead unit of a rule on internships): the schools' graduates
        if (
            stages.clearly_asked_value(query) is not Asked.unit
            or asks_for_organisations(query.message)
            or seeks_students(query.message)
        ):
            return records, ""
        policy, said = yield from self._policy_part(query, base.with_(route=Route.policy.value))
        if not policy.grounded or not any(s.source == "slot" for s in policy.sentences):
            return records, said
        mixed = compose.append_listing(policy, records, PLATFORM_TOO, MAX_OPPORTUNITIES)
        return mixed.with_(route=Route.platform.value), said

    def _platform(self, query: Query, base: Answer) -> Answer:
        """The platform records of the kind asked (platform_reply.py), or the yearly report."""
        label = query.platform_kind or kind_named(query.message) or self.understander.platform_kind(query.standalone)
        base = base.with_(route=Route.platform.value, backend="platform")
        if label == REPORT:
            return yearly_report_answer(
                query, base, self.capabilities.report, self.understander.majors(), self.capabilities.platform
            )
        kind = PlatformKind(label)
        return records_answer(query, base, kind, self.capabilities.platform, self.understander.majors())

    def _listed_item(self, listed: Listed, base: Answer) -> Answer | None:
        """The item a follow-up points at, with how to reach it and its deadline; None when the listing's
        line no longer matches an indexed item (the chat then reads the message as any other)."""
        base = base.with_(route=Route.opportunities.value, asked=Asked.contact.value)
        if not listed.found:
            text = PAST_END.format(count=listed.count, n=listed.n)
            text += f"可以说“第1个”到“第{listed.count}个”。" if listed.count > 1 else ""
            return base.with_(answer=text, sentences=[AnswerSentence(text, [], "conversation", True)])
        rec = self._find_listed(listed)
        if rec is None:
            return None
        # the lead says it all (the UI shows the item as a card, not as the listing line): when it runs, what it
        # pays or costs, how to reach it and by when ("第一个培训多长时间？" asks the first of these)
        item = rec.item
        said = [f"{item.title}（{offered_by(item)}）"]
        said += [runs(item)]
        said += [money_of(item), f"联系方式：{item.contact or '资料中没有写明'}"]
        said += [f"可获证书：{item.certificates}"] if item.certificates else []
        said += [f"报名截止{item.deadline.isoformat()}"] if item.deadline else []
        lead = ITEM_LEAD.format(n=listed.n) + "，".join(said) + "。"
        return opportunity_answer(base, [rec], {}, self.capabilities.chunk, lead)

    def _find_listed(self, listed: Listed) -> Recommendation | None:
        """The indexed item a listing's line names (its title, and who offers it), without reasons. A graduate row
        of the platform ("他们的联系方式呢" after an employer's list of schools' graduates) names the school's
        program: its title is the program and its level, who the school."""
        kinds = [listed.kind] if listed.kind in vocabulary().kinds else []
        title = listed.title
        if listed.kind == PlatformKind.graduates.label:
            kinds, title = [PROGRAMS], title.split("（")[0]
        for rec in self.capabilities.search(title, MAX_OPPORTUNITIES, kinds):
            who = offered_by(rec.item)
            if rec.item.title == title and who and listed.rest.startswith(who):
                rec.reasons = []
                return rec
        return None

    def _listing_asked(self, question: str, query: Query, history: list[Turn], mode: AnswerMode) -> Answer | None:
        """A short follow-up asking what the items just listed state ("学费多少", "工资多少", "怎么联系": a field
        of theirs, vocabulary ``item_fields`` and ``wages``; "什么时候开始", "要干多久": when they run, a date or a
        length read first), naming nothing new (no major, place, level, time or kind they are not, no other topic:
        "违约金多少" asks a rule): the same items, each line saying it first. None when it is not such a follow-up
        (the chat reads it as any other message)."""
        lines = last_listing(history) if len(question) <= MAX_FOLLOW_UP_CHARS else []
        field = field_asked(question)
        # "他们的联系方式呢" names the field it asks; when is asked only in words of its own (the question before's 今年
        # is no 时间 asked of the items)
        when = asks_when(query) and not (field and field_asked(new_subject(question)) == field)
        fields = [f for f in (field, DATES if when else "") if f] if lines else []
        if not fields:  # read the message as a student's (time words cost) only when it asks a listed field
            return None
        reading = read_student(question, self.understander.majors())
        if any(names_something_new(reading, query, f, {line.kind for line in lines}) for f in fields):
            return None
        recs = [rec for rec in map(self._find_listed, lines) if rec is not None]
        if not recs:
            return None
        base = Answer(question, question, "", False, mode, "recommender", route=Route.opportunities.value)
        base = base.with_(asked=(Asked.contact if "contact" in fields else query.asked).value)
        lead = ALL_LISTED_LEAD.format(count=len(recs), field="和".join(FIELD_LABELS[f] for f in fields))
        return opportunity_answer(base, recs, {}, self.capabilities.chunk, lead, fields)

    def _opportunities(self, query: Query, base: Answer) -> Answer:
        reading = query.student
        said_now = bool(reading.majors) and bool(read_student(query.message, self.understander.majors()).majors)
        interests = [] if said_now else self._interests(query)
        # a major said only earlier in the conversation gives way to what this message looks for ("公司员工想考
        # 叉车证，有没有培训？" after a search for cooking programs listed them again): its own interest words
        reading = replace(reading, majors=[]) if reading.majors and interests else reading
        # an opening of any kind (岗位, 职位, 兼职) is work: no program, no training, whatever kind's name the
        # message also holds (专业 in "我是会计专业的，有什么岗位推荐吗" is the student's major)
        work = list(WORK) if reading.opening and not reading.kinds else []
        work = work or ([] if reading.kinds else kinds_in_other_words(query.message))  # 有什么工作: 全职
        fields = reading.fields() | ({"kinds": work} if work else {})
        # how a major's graduates fare: the programs answer it (each with its school's graduate row), not postings
        fields = fields | ({"kinds": [PROGRAMS]} if query.asks_outcomes else {})
        # what certificate one obtains ("学汽修能考什么证"): the programs and trainings say theirs, postings do not
        asked_field = field_asked(query.message)
        certificates = asked_field == "certificates"
        if certificates and not reading.kinds and not work and not query.asks_outcomes:
            fields = fields | {"kinds": [PROGRAMS, TRAINING]}
        # none said now: what the student said they study, or the trade asked for, earlier in the conversation
        # ("那昌吉有没有？" after "我是学电焊的，想找个实习" listed anything in 昌吉)
        interests = interests or ([] if reading.majors else list(dict.fromkeys([*reading.studies, *reading.trades])))
        # asked how a major's graduates fare: each program's graduate row, read once; 就业率 in "哪个专业就业率高" is
        # what is asked of the programs, no interest
        graduates = self.capabilities.outcomes() if query.asks_outcomes else None
        if graduates is not None:
            interests = [w for w in interests if not outcome_word(w)]
        recs: list[Recommendation] = []
        no_level = ""  # a school level asked of which the catalog has no program
        suggestions: list[str] = []  # catalog majors closest to words nothing relates to (recommend.py)
        unrelated = ""  # the words nothing relates to, when the items are only the nearest in meaning
        perks = reading.perks  # "有没有包吃住的实习": those stating them first, among more than are shown
        if reading.majors or interests:
            profile = StudentProfile(**fields, interests=interests)
            result = self.capabilities.recommend(profile, MAX_OPPORTUNITIES * (PERK_POOL if perks else 1))
            recs, suggestions, unrelated = result.ranked, result.suggestions, result.unrelated_words
        # no major read and nothing matched ("十二师有哪些专业可以报"): what there is of the kinds named,
        # by their listed words or their own names (with no major, that 专业 means programs), or of the work an
        # opening asks for ("有没有兼职": an empty reply, or the introduction, told of nothing there is), where asked;
        # the lead says it is a list, not a match, and names the interest that matched nothing (then no
        # item counts as a fit: they come under the nearest)
        by_name = [kind for kind in vocabulary().kinds if kind in query.message and kind not in reading.declined]
        named = list(dict.fromkeys([*reading.kinds, *by_name]))
        kinds = [PROGRAMS] if query.asks_outcomes else work or named
        if unrelated:  # only near in meaning: of the kinds named, else what there is of them is listed instead
            recs = [r for r in recs if not kinds or r.item.kind in kinds]
        window = bool(reading.available_from or reading.available_to)
        pay = reading.min_pay
        best_paid = reading.best_paid  # "有没有工资高一点的实习": the best paid first, no figure to grade by
        browse = not recs and not reading.majors and bool(kinds or reading.locations or window or pay or best_paid)
        browse = browse or (not recs and not reading.majors and bool(perks or reading.options))
        paid = [p for p in perks if p != FREE]  # costing nothing is a training's or a program's
        if browse and (pay or best_paid or paid) and not kinds:  # a wage or a perk asked is work: no program or
            kinds = list(WORK)  # training pays one
        every = len(self.capabilities.items()) if pay else MAX_OPPORTUNITIES  # a pay grades them all
        if browse and window:  # what can be attended then ("暑假想找个兼职"), nearest the places asked first
            recs = in_window(
                self.capabilities.items(),
                kinds,
                reading.locations,
                (reading.available_from, reading.available_to),
                dt.date.today(),
                every,
                fitting=not interests,
            )
        elif browse and (pay or best_paid):
            recs = in_places(self.capabilities.items(), kinds, reading.locations, dt.date.today(), not interests)
        elif browse:
            # the level graded only for the ways there are for someone (出路: the level they are at); "我想在十二师读
            # 个中职，有哪些专业可以报" names the level sought, and its programs are what is asked. Perks asked: the
            # most a search gives, for the perks to pick from
            level = reading.level if reading.options else None
            # what a school of a level costs ("我想读高职，学费贵吗"): its programs first, among all there are
            school = reading.level if reading.details & {Detail.fees, Detail.length} else None
            top_k = MAX_TOP_K if perks or school else MAX_OPPORTUNITIES
            recs = self._browse(kinds, reading.locations, not interests, top_k, level, graduates)
            if school:
                recs = sorted(recs, key=lambda r: r.item.level != school)[: top_k if perks else MAX_OPPORTUNITIES]
                # none of that level ("读技校要几年": no 技工 program in the catalog): said before the others
                no_level = "" if any(r.item.level == school for r in recs) else LEVEL_NONE_LEAD.format(level=school)
        if browse and pay:  # "有没有月薪四千以上的实习": those paying it first
            recs = at_pay(recs, pay, MAX_OPPORTUNITIES)
        elif browse and best_paid and not window:
            recs = best_paid_first(recs, MAX_OPPORTUNITIES)
        if not recs:
            recs = self.capabilities.search(query.standalone, MAX_OPPORTUNITIES, kinds)
        if perks:
            recs = offering_first(recs, perks)[:MAX_OPPORTUNITIES]
        recs = named_first(recs, query.message)
        tried = f"（可以试试资料里的这些专业：{'、'.join(suggestions)}）" if suggestions else ""
        missed = f"没有找到与“{'、'.join(interests)}”相关的机会{tried}，" if interests else "没有读到具体的专业或兴趣，"
        lead = WINDOW_LEAD if window else PAY_LEAD if pay or best_paid else BROWSE_LEAD
        if perks and not window and not pay:  # said first: what was asked of them, and whether any states it
            lead = (PERKS_LEAD if any(r.fits for r in recs) else PERKS_NONE_LEAD).format(
                perks=stated(perks), kinds="{kinds}"
            )
        if pay and not any((reason := pay_reason(r.item, pay)) and reason.score > 0 for r in recs):
            lead = PAY_NONE_LEAD  # no opening pays it: said, and the best paid shown
        elif pay and perks and not any(r.fits for r in recs):  # they pay it, none states the perks asked
            lead = PERKS_NONE_LEAD.format(perks=stated(perks), kinds="{kinds}")
        if browse and Detail.pay in reading.details:  # what the openings of the kind pay, over all, before the few
            lead = pay_range_lead(self.capabilities.items(), kinds, reading.locations, dt.date.today()) + lead
        elsewhere = none_near(recs, reading.locations, kinds)  # "我在库尔勒，有没有实习": all are elsewhere
        listed = (
            missed + no_level + elsewhere + lead.format(kinds="、".join(kinds) or "机会", pay=pay)
            if browse and recs
            else ""
        )
        if perks and recs and not browse and not window and not pay:  # matched on a major, perks asked: said first
            listed = lead.format(kinds="、".join(kinds) or "机会")
        if unrelated and recs and not browse:
            listed = MEANING_LEAD.format(words=unrelated, tried=tried)
        if lacks_outcome(recs):  # each program with what became of its graduates, however it was found (the
            # platform's 毕业生状况; the recommender's programs carry it already)
            recs = with_outcomes(recs, self.capabilities.outcomes() if graduates is None else graduates)
        if graduates is not None and recs:  # asked how they fare: the largest share in work first
            if not browse:  # a browse ordered them already, within the level graded
                recs = by_share_in_work(recs, graduates)  # good fits still first
            if not reading.majors:
                listed = (missed if interests else "") + OUTCOME_LEAD.format(kinds=PROGRAMS)
        asks_contact = query.asked is Asked.contact
        # 上技校贵不贵: each one's 费用; "电工培训多少钱，什么时候开班": each one's 费用 and 时间
        asks_money = query.asks_also(Asked.amount) or best_paid or Detail.fees in reading.details
        said = fields | ({"interests": interests} if interests else {})  # what was read, said back in the lead
        # "护理专业毕业能拿什么证书": each line says its 可获证书, those stating some first
        if certificates:
            recs = sorted(recs, key=lambda r: not r.item.certificates)
        asked = {
            "contact": asks_contact,
            "money": asks_money,
            DATES: query.asks_also(Asked.date, Asked.duration) or Detail.length in reading.details,
            "certificates": certificates,
            # "电工实习要求高吗": each line says whom it takes (a posting's 岗位要求)
            "requirements": asked_field == "requirements",
        }
        says = [name for name, yes in asked.items() if yes]
        return opportunity_answer(base.with_(backend="recommender"), recs, said, self.capabilities.chunk, listed, says)


@dataclass(frozen=True)
class ItemUse:
    """How the postings and programs use a word: in how many titles or majors, and the kinds of the
    others whose descriptions use it."""

    named: int
    described_in: list[str]

    @property
    def how_a_kind_is_written(self) -> bool:
        """Only the descriptions of one kind use it, in several items (TEMPLATE_MIN_ITEMS) and in no title
        or major: the way that kind is written (毕业生 in programs' 培养目标), not something a student could
        like (电脑 in one posting's work, 护理 in titles of every kind)."""
        return not self.named and len(self.described_in) >= TEMPLATE_MIN_ITEMS and len(set(self.described_in)) == 1


def straddles(word: str, said: list[str], message: str) -> bool:
    """Whether every place ``word`` stands in ``message`` overlaps a said word (a level, a kind, a fee): a piece
    jieba cut across two words, not a word of the message (职能 of "读中职能免学费吗", across 中职 and 能)."""
    spans = [(m.start(), m.end()) for w in said for m in re.finditer(re.escape(w), message)]
    places = [(m.start(), m.end()) for m in re.finditer(re.escape(word), message)]
    return bool(places) and all(any(a < end and start < b for a, b in spans) for start, end in places)


def kinds_in_other_words(message: str) -> list[str]:
    """The kinds a message names by a word only that kind's ways of being said hold ("有什么工作推荐": 工作 is
    in 找工作, 正式工作 and 工作机会, all 全职), read here after routing: in a policy question 工作 is
    everywhere (工作时间), so the route's reading of a search does not count it. A kind's own name (专业 in
    "有没有相关专业") is no word of this kind: the chat reads it as the kind's name, as before."""
    words = vocabulary()
    found = (words.kind_of_part(w) for w in nominal_words(message) if w not in words.kinds)  # not a kind's name
    return list(dict.fromkeys(kind for kind in found if kind))


def _further_study(item: OpportunityItem, level: str) -> Reason | None:
    """A program above the student's level, in a list of what there is for them: going on to study there fits
    them as an opening for their own level does (the recommender grades neither; a browse weighs them alike)."""
    return Reason("层次", f"{item.level}专业，可以升学", LEVEL_SAME) if above_level(item, level) else None


def _item_fields() -> dict[str, tuple[str, ...]]:
    """The fields a listed item states, in the words a follow-up asks them by (a word of pay asks the money)."""
    words = vocabulary()
    return {**words.item_fields, "money": (*words.item_fields.get("money", ()), *words.wages)}


def field_asked(message: str) -> str:
    """The one field of listed items a message asks ("money": 学费多少, 工资多少; "contact": 怎么联系); '' for none
    or more than one."""
    asked = [name for name, said in _item_fields().items() if any(w in message for w in said)]
    return asked[0] if len(asked) == 1 else ""


def asks_when(query: Query) -> bool:
    """Whether a follow-up asks when the listed items run or for how long ("什么时候开始", "培训多长时间"): a date
    or a length is what it asks first."""
    return query.asked in (Asked.date, Asked.duration)


def names_something_new(reading: StudentReading, query: Query, field: str, listed_kinds: set[str]) -> bool:
    """Whether a follow-up asking ``field`` of the listed items names something they are not: a major, a place, a
    level, a time, a kind the listing is not of, or a topic word that is no field's, no kind's and no word for the
    items themselves (违约金多少 asks a rule)."""
    new = reading.majors or reading.locations or reading.level or reading.available_from or reading.available_to
    if new or not set(reading.kinds) <= listed_kinds:
        return True
    words = vocabulary()
    items = (*words.schools, *words.organisations, *words.openings, *(w for ws in words.kinds.values() for w in ws))
    known = (*_item_fields().get(field, ()), *items, *words.kinds)
    # the message's own words: a topic the conversation carried ("光伏运维学徒：待遇怎么样") is what was listed
    own = set(named_words(query.message))
    return any(not any(t in w or w in t for w in known) for t in query.topic if t in own)


def named_first(recs: list[Recommendation], message: str) -> list[Recommendation]:
    """The items whose enterprise or school the message names ("昌吉职业技术学院的护理专业…") first, the
    rest in their order: a person naming the school means that school's offer, whatever else scores."""
    named = [r for r in recs if any(len(o) >= 4 and o in message for o in (r.item.enterprise, r.item.school))]
    return named + [r for r in recs if r not in named]


def understood_enterprise(profile: EnterpriseProfile) -> str:
    """ "我理解贵单位的情况是（类型：…；事项：…；地点：104团），": what the match was made on."""
    said = [
        f"{label}：{'、'.join(values)}"
        for label, values in (("类型", profile.types), ("事项", profile.activities), ("地点", [profile.location]))
        if any(values)
    ]
    return f"我理解贵单位的情况是（{'；'.join(said)}），" if said else ""


def _quotes_any(answer: Answer, result: MatchResult) -> bool:
    """Whether the answer cites the clause of one of the matched benefits."""
    clauses = {b.citation.chunk_id for b in result.benefits if b.citation.chunk_id}
    return any(c.chunk_id in clauses for c in answer.citations)


def lead_units(result: MatchResult, limit: int = 3) -> str:
    """The lead units of the matched benefits an answer lists, each with the first benefit it leads
    ("教育局（开展现代学徒制、企业新型学徒制的培训补贴）"); '' when the catalog names none."""
    named: dict[str, str] = {}
    for benefit in result.benefits[:MAX_BENEFITS]:
        if benefit.lead_unit and benefit.lead_unit not in named:  # cited or not, the answer lists it
            named[benefit.lead_unit] = benefit.name
    return "；".join(f"{unit}（{name}）" for unit, name in list(named.items())[:limit])


def kind_named(message: str) -> str:
    """The platform record kind a message names by the platform's own name for it ("平台上有没有养老方面的技术需求":
    the kind probe read the yearly report), when it names one; '' otherwise."""
    named = [kind.value for kind, label in KIND_LABELS.items() if label in message]
    return named[0] if len(named) == 1 else ""


# after an empty search, the rules the policy route finds for the same message
RELATED_RULES_LEAD = "以下规定可能与你的问题有关："


def asks_rules_too(query: Query) -> bool:
    """Whether the route probe reads the message nearly as well as a question about the rules."""
    scores = dict(query.route_scores)
    top = scores.get(query.route.value, 0.0)
    return query.route is not Route.policy and scores.get(Route.policy.value, 0.0) >= POLICY_MIX_SHARE * top


def asks_to_publish(message: str, for_enterprise: bool = False) -> bool:
    """Whether a message asks how to publish on the information platform, or says its writer wishes to; a writer
    speaking for a business asking where or how to publish ("我们公司想招三个会计，去哪发布？") asks it too, the
    platform unnamed (the benefit catalog answered it)."""
    if _PLATFORM_WORD.search(message) and _TO_PUBLISH.search(message):
        return True
    return for_enterprise and bool(_WHERE_TO_PUBLISH.search(message))


def _looked_like_a_search(query: Query) -> bool:
    """The route probe read a search and the message says something a student's search uses (a place, a
    time, a kind), but it was answered on the policy route: nobody to recommend for. Not when the writer
    speaks for a business (a student's search is not theirs)."""
    read_as_search = bool(query.route_scores) and query.route_scores[0][0] == Route.opportunities.value
    return read_as_search and query.student.says_anything and not query.for_enterprise


def with_hint(events: Iterator[AnswerEvent], hint: str, always: bool = False) -> Iterator[AnswerEvent]:
    """The events, with ``hint`` after an answer that finds no basis (or any, ``always``), streamed and kept."""
    for event in events:
        if event.type == "final" and event.answer is not None and (always or not event.answer.grounded):
            yield AnswerEvent("token", text="\n" + hint)
            event = AnswerEvent("final", answer=event.answer.with_notice(hint, first=False))
        yield event
