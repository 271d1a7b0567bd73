"""Reading a person from what they write: a student's or an enterprise's profile fields.

The same reader serves the chat (a message) and the forms (a field such as ``majors: 汽修`` or
``available_from: 明年春天``), so both understand the same words. Everything it knows comes from
data: the vocabulary (levels, kinds, enterprise types, activities, school terms), the gazetteer
(places; 附近 adds the neighbours), the major catalog (majors), jionlp (time windows).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from assistant.places import gazetteer, places_in
from assistant.text.numbers import parse_number
from assistant.text.tokenize import has_function_word, tagged_words, words_at
from assistant.understand.majors import MajorMatcher
from assistant.understand.timewords import time_window
from assistant.understand.vocabulary import vocabulary

# a word negated by what comes just before it (不想当学徒, 不要实习): the wish is the opposite; not across a 的
# (不要钱的培训, 不用加班的工作: what is declined describes the thing, which is wished for)
_DECLINE = r"不想|不要|不考虑|不用|不去|不愿意?|不打算"
_NEGATION = re.compile(rf"(?:{_DECLINE}|别)[^，。,；;！？!?的]{{0,3}}$")  # 别 only right before the word (别的 ≠ 别)
# or declined after it, ending its clause (学徒不考虑, 实习就算了; not 实习不去昌吉: the place is declined)
_DECLINED_AFTER = re.compile(
    r"^[^，。,；;！？!?的]{0,2}?(?:不考虑|就算了|除外|不去|不想去|不要)[了啦吧]?(?:[，,。；;！？!?]|$)"
)
# a status denied in its own clause (还不是试点企业, 申报过…但没评上, 尚未认定): the enterprise is not that
_DENIED = re.compile(r"(?<!是)不是|(?<!有)没|未(?!来)|并非")  # 是不是 / 有没有 ask, 未来 is a time
_CLAUSE = re.compile(r"[^，,；;。！!？?]+")
_COMMENT_CHARS = 6  # a clause this short names nothing of its own: it comments on the one before
_NEARBY = ("附近", "周边", "周围", "一带", "旁边")
# who speaks for a business: the closed classes of Chinese that say "ours" or "I run" (first-person words, the
# copula, the verbs of running one, measure words); what a business is called comes from the vocabulary
_WE = r"(?:我们|咱们|我家|我们家|咱|本|我)"
_IN_CLAUSE = r"[^，,。；;！!？?想去到找]"  # inside one clause, not a wish to go somewhere (我是想去汽修厂实习)
_CLAUSE_END = r"(?=[，,。；;！!？?\s]|$)"
# a wish to go, to join or to learn, said by who would (想去, 我能去吗, 打算报名, 想学); not 不想去 (a refusal)
_WISH = r"(?<!不)(?:想|要|能|打算|准备)"
_GOING = re.compile(_WISH + r"(?:去|报名|参加|学)")
_LEARNING = re.compile(_WISH + r"学(?!历)")  # a wish to learn; not 学历 (a degree held)
_NOT_KIN = r"[^，,。；;！!？?想去到找爸妈父母叔舅姨姑爷奶哥姐弟妹儿女]"  # 我爸开了个饭店: the father runs it


class Detail(str, Enum):
    """What a message asks of each opening or program, which their lines say (a rule's figure is no answer)."""

    pay = "pay"  # what one of the kinds named pays (学徒一个月能拿多少钱): the openings' 收入
    fees = "fees"  # what a school or its programs cost (读中职一年要交多少钱): the programs' 学费
    length = "length"  # how long a school or its programs take (读技校要几年): their 学制
    certificates = "certificates"  # what studying there leads to (在职校读书能拿到什么证): their 可获证书


# what a school's programs answer (asked with no kind named, the programs are what is asked of)
OF_SCHOOLS = frozenset({Detail.fees, Detail.length, Detail.certificates})


def school_details(text: str, majors: MajorMatcher | None = None) -> frozenset[Detail]:
    """What ``text`` asks of a school or its programs: their fees, length or certificates."""
    asked = {Detail.fees: asks_fees(text), Detail.length: asks_length(text, majors)}
    asked[Detail.certificates] = asks_certificates(text, majors)
    return frozenset(detail for detail, yes in asked.items() if yes)


@dataclass
class StudentReading:
    """What a text says about a student (empty fields: it does not say)."""

    majors: list[str] = field(default_factory=list)
    level: str | None = None
    locations: list[str] = field(default_factory=list)
    available_from: dt.date | None = None
    available_to: dt.date | None = None
    kinds: list[str] = field(default_factory=list)
    declined: list[str] = field(default_factory=list)  # kinds the message declines (不想当学徒, 不要实习)
    wants_apprenticeship: bool | None = None
    opening: bool = False  # asks for an opening without saying its kind (有没有会计岗位)
    # names an opening by its word (岗位, 兼职), not only by a trade or a perk: work, whatever kind was said before
    opening_named: bool = False
    learning: bool = False  # wishes to learn (想学, 哪里能学): a program or a training, whatever work was sought before
    options: bool = False  # asks what ways there are, of any kind (孩子初中毕业了，有什么出路)
    going: bool = False  # wishes to go, to join or to learn (我想去, 想报名, 想学): a seeker's words
    min_pay: int | None = None  # the least monthly pay asked for (月薪四千以上)
    asks_for_kind: bool = False  # asks whether there is one of the kinds named (有没有包吃住的学徒; 想半工半读)
    best_paid: bool = False  # wishes for a higher pay, no figure said (工资高一点的实习)
    details: frozenset[Detail] = frozenset()  # what it asks of each opening or program (their lines say it)
    perks: list[str] = field(default_factory=list)  # what the opening should offer besides pay (包吃住: 住宿, 餐食)
    # what the student says they study that no catalog major is near (学电焊的 where no program teaches welding):
    # still what they bring; the chat looks for items naming it
    studies: list[str] = field(default_factory=list)
    # the trades asked who recruits (电焊工 in 哪里在招电焊工): what the student looks for, no major said
    trades: list[str] = field(default_factory=list)

    def fields(self) -> dict[str, Any]:
        """The profile fields this reading fills (for ``StudentProfile``)."""
        data: dict[str, Any] = {
            "majors": self.majors,
            "level": self.level,
            "locations": self.locations,
            "available_from": self.available_from,
            "available_to": self.available_to,
            "kinds": self.kinds,
            "wants_apprenticeship": self.wants_apprenticeship,
            "min_pay": self.min_pay,
        }
        return {k: v for k, v in data.items() if v not in (None, [], "")}

    @property
    def says_anything(self) -> bool:
        return bool(self.fields())

    @property
    def asks_of_schools(self) -> bool:
        """Asks what a school or its programs cost, take or lead to (:data:`OF_SCHOOLS`)."""
        return bool(self.details & OF_SCHOOLS)

    @property
    def seeks(self) -> bool:
        """Names what the student studies or looks for (a major, a kind of opportunity, an opening of
        any kind): someone to recommend for. A level alone ("中职以后开几个专业") says who, not what."""
        return bool(self.majors or self.kinds or self.opening)

    @property
    def seeks_someone(self) -> bool:
        """Seeks, and says who: a major, an opening, a least pay asked ("乌鲁木齐有没有工资5000以上的工作": what the
        writer wants to earn), or a kind with a level ("我是中职会计专业…想找五家渠的实习") or with a wish to go
        ("厂里在招学徒，我想去") or asked for as such ("有没有包吃住的学徒": the kind is what is asked for, not
        学徒 in 学徒制补贴), or the ways there are for someone at a level ("孩子初中毕业了，有什么出路"). A kind alone
        ("想给一线工人搞在岗培训") may be what the writer's enterprise runs."""
        return bool(
            self.majors
            or self.opening
            or self.min_pay is not None
            or self.best_paid
            or self.asks_of_schools
            or (self.kinds and (self.level or self.going or self.asks_for_kind))
            # what they study, with a wish, a kind or a time free ("学电焊的，寒假能不能去厂里干两个月")
            or (self.studies and (self.going or self.kinds or self.available_from is not None))
            or (self.options and bool(self.level))
        )


@dataclass
class EnterpriseReading:
    types: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    location: str = ""


def read_student(text: str, majors: MajorMatcher, today: dt.date | None = None) -> StudentReading:
    """A student's profile fields from a message (我是中职汽修专业的学生，明年春天想找个实习)."""
    today = today or dt.date.today()
    words = vocabulary()
    reading = StudentReading(majors=majors.in_text(text))
    for subject in studied_subjects(text):
        # by name only: a guess by meaning (会计 -> 电子商务) is no major the student said ("我是学会计的，会计证怎么
        # 考？" listed e-commerce programs); the recommender still reads the subject by meaning as an interest
        found = majors.resolve(subject, dense=False)
        reading.majors += [m for m in found if m not in reading.majors]
        if not found:
            reading.studies.append(subject)
    levels = words.find(words.levels, text)
    reading.level = levels[0] if levels else None
    if reading.level in _SCHOOL_LEVELS and weighs_schools(text):  # the schools weighed, not where the student is
        reading.level = next((lv for lv in levels if lv not in _SCHOOL_LEVELS), None)
    reading.locations = read_places(text)
    window = time_window(text, today)
    if window:
        reading.available_from, reading.available_to = window
    for kind in words.find(words.kinds, text):
        (reading.declined if _negated(text, words.kinds[kind] + (kind,)) else reading.kinds).append(kind)
    if PROGRAMS not in reading.kinds and (_asks_which_school().search(text) or weighs_schools(text)):
        reading.kinds.append(PROGRAMS)  # "能上什么职校", "哪所技校好", "上职高还是技校好": the schools' programs
    if not reading.kinds and asks_where_to_learn(text):
        reading.kinds += [TRAINING, PROGRAMS]  # "附近有地方学吗": what teaches it, trainings and programs
    reading.opening = any(w in text for w in words.openings) and not _negated(text, words.openings)
    reading.opening_named = reading.opening
    reading.going = wishes_to_go(text)
    reading.learning = bool(_LEARNING.search(text))
    reading.options = any(w in text for w in words.options)
    reading.asks_for_kind = bool(reading.kinds) and seeks_kind(text)
    reading.min_pay = least_pay(text)
    reading.best_paid = reading.min_pay is None and wishes_higher_pay(text)
    pay = {Detail.pay} if reading.kinds and asks_kind_pay(text) else set()
    reading.perks = perks_said(text)
    reading.details = frozenset(pay) | school_details(text, majors)
    if reading.details & {Detail.fees, Detail.length} and not reading.kinds:
        # "上技校贵不贵", "读技校要几年", "学护理要读几年": the schools' programs, their 学费 or 学制 lines
        reading.kinds.append(PROGRAMS)
    # "有没有包吃住的": an opening asked for by what it offers, its kind not said; "石河子有没有招会计的": one asked
    # for by the trade recruited
    reading.opening = reading.opening or bool(reading.perks and _perk_asked().search(text))
    reading.trades = recruited_trades(text)
    reading.opening = reading.opening or bool(reading.trades) or asks_for_work(text)
    # who one asking for work says they are (我是电焊工，哪里招人): the trade they look for, still what a refinement
    # looks for ("昌吉有吗" after it); a status (退伍军人) is none, which the understander's probe tells
    if reading.opening and not reading.majors and not reading.studies:
        reading.trades += [who for who in self_described(text, majors) if who not in reading.trades]
    if "学徒" in reading.kinds:
        reading.wants_apprenticeship = True
    elif "学徒" in reading.declined:
        reading.wants_apprenticeship = False
    return reading


# what one studies, said by the verb and its object (学电焊的, 读的是护理专业, 学会计的): 学 / 读 a word of its own
# (not of 学校, 学费, 读书), the subject whole words of two to six characters up to 的, 专业 or 方向
_STUDY_VERBS = ("学", "读", "学习", "念")
_STUDIED = re.compile(
    r"^(?:的是(?P<said>[\u4e00-\u9fff]{2,6}?)(?:专业|方向|[，,。；;！!？?]|$)|(?P<subject>[\u4e00-\u9fff]{2,6}?)(?:的|专业|方向))"
)
_MAJOR_WORDS = ("专业", "方向")


@functools.cache
def _who_or_what() -> frozenset[str]:
    """The words naming a level, a kind, a school, a person or an employer (vocabulary): who or what someone is or
    looks for, never the subject they study or the trade they are recruited for."""
    words = vocabulary()
    said = {w for table in (words.levels, words.kinds) for name, ws in table.items() for w in (name, *ws)}
    return frozenset(said | {*words.schools, *words.people, *words.organisations})


def studied_subjects(text: str) -> list[str]:
    """The subjects ``text`` says its writer studies; not a level, a kind, a school or a person (读中职的,
    学徒: who or what, not a subject)."""
    said = _who_or_what()
    cut, found = words_at(text), []
    ends = {at + len(word) for at, word in cut.items()}
    for start, word in cut.items():
        at = start + len(word)
        # jieba glues a pronoun to the verb (我学, 他读): the closed class of the persons
        if word not in _STUDY_VERBS and not (len(word) == 2 and word[0] in "我你他她" and word[1] in _STUDY_VERBS):
            continue
        match = _STUDIED.match(text[at:])
        group = "said" if match is not None and match.group("said") else "subject"
        if match is None or not (
            at + match.end(group) in ends or text[at + match.end(group) :].startswith(_MAJOR_WORDS)
        ):
            continue
        subject = match.group(group)
        # a question word is no subject (读什么专业好, 学啥的多: jieba tags them pronouns)
        asks = any(flag == "r" for _, flag in tagged_words(subject))
        if len(subject) >= 2 and not asks and not any(w in subject for w in said) and subject not in found:
            found.append(subject)
    return found


# a monthly wage a student would ask for: below it a number after 每月 counts something else (每月3次), above it
# a year's pay or a sum that is no wage
MIN_WAGE, MAX_WAGE = 500, 100_000
_NUMBER = r"\d+(?:\.\d+)?\s*[千万]?|[一二两三四五六七八九十百千万点]{1,6}"
_CEILING = re.compile(r"最多|不超过|不高于|以下|以内|之内")


PROGRAMS = "专业"  # the kind of the schools' programs (vocabulary kinds)
TRAINING = "培训"  # the kind one pays for, not is paid in: a service a business buys for its workers
# the kinds one pays to attend, their items stating a 费用 (a program's 学费, a training's fee): work kinds pay
_CHARGED = (PROGRAMS, TRAINING)
# the training costs a worker owes back on leaving within a service period (劳动合同法第二十二条's 培训费用), not a
# training's fee to attend ("培训班要交钱吗": the trainings' 费用 lines)
_OWED_BACK = "培训费"


@functools.cache
def _asks_which_school() -> re.Pattern[str]:
    """A question word before a school (什么职校, 哪所技校, 哪些中专): asks which schools, so for their programs."""
    return re.compile(rf"(?:什么|啥|哪个|哪所|哪些|哪家|哪几所)\s*{_alternatives(vocabulary().schools)}")


# asking whether there is one (有没有, 哪里有, 有什么): the closed class of Chinese existence questions; what
# follows up to the clause's end is what is asked for
_EXISTS = r"(?:有没有|有无|哪里有|哪儿有|哪有|有什么|有哪些|有啥)"
_ASK_END = r"[的呢吗嘛啊呀吧]*\s*(?:[，,。；;！!？?]|$)"
_IN_ASK = r"[^，,。；;！!？?]"
# a character of a question's clause not starting a rule's words (最低 / 最少, 标准, 规定, 怎么 / 如何 发, 按…) nor
# joining a second question (、)
_PLAIN = r"(?:(?!最|标准|规定|怎么|如何|按|依法)[^，,。；;！!？?、])"
_SOUGHT_KINDS = ("实习", "全职", "学徒", "培训")  # the kinds one looks for by name; 专业's words are phrases


def asks_existence(word: str) -> bool:
    """Whether ``word`` is an existence question's verb (有没有, 哪里有, 有什么)."""
    return bool(re.fullmatch(_EXISTS, word))


@functools.cache
def _kind_asked_pattern() -> re.Pattern[str]:
    """An existence question whose object ends in a kind's word (有没有包吃住的学徒, 哪里有电工培训班？):
    the kind is the thing asked for. Not when the kind only qualifies it (有没有学徒制的补贴 asks for a subsidy)."""
    # between the two, a modifier ending in 的 (包吃住的) and a short noun (电工)
    return re.compile(rf"{_EXISTS}(?:{_IN_ASK}{{0,12}}的)?(?P<noun>{_IN_ASK}{{0,4}}?){_sought_kind()}{_ASK_END}")


def _sought_kind(kinds: tuple[str, ...] = _SOUGHT_KINDS) -> str:
    """The words of the kinds one looks for by name, as one alternation; a kind's word that starts with 的
    (的工作) ends a modifier in a question: 有没有不加班的工作."""
    words = vocabulary()
    return _alternatives(tuple(w.removeprefix("的") for k in kinds for w in (k, *words.kinds[k])))


def asks_for_kind(text: str) -> bool:
    """Whether ``text`` asks whether there is one of a kind (:func:`_kind_asked_pattern`); the short noun before
    the kind is no clause of its own (有哪些人可以参加培训 asks who may: 可以 is a function word). Asking who
    recruits one (有哪些企业在招实习生, 有没有招学徒的厂) asks for one too (:func:`_recruiting_pattern`)."""
    if _recruiting_pattern().search(text):
        return True
    return any(not has_function_word(m.group("noun")) for m in _kind_asked_pattern().finditer(text))


def asks_where_to_learn(text: str) -> bool:
    """Whether ``text`` asks where something can be learnt (哪里能学, 去哪学, 附近有地方学吗, 有没有学做蛋糕的地方): the
    trainings and programs that teach it. Not 学历, 学费, 学校 or 学生."""
    return bool(_WHERE_TO_LEARN.search(text))


_NOT_LEARNING = r"(?!历|费|校|生|徒|院)"
_WHERE_TO_LEARN = re.compile(
    rf"(?:哪里|哪儿|哪|什么地方|哪个地方|地方)(?:能|可以|有|去)?学{_NOT_LEARNING}"
    rf"|学{_NOT_LEARNING}[^，,。；;！!？?]{{1,8}}的地方"
)


_COMPARING = ("区别", "不同", "差别")  # what one school has that another has not


def compared_words(text: str) -> list[str]:
    """The words a message weighing schools compares them by (区别 of 技校和职高有什么区别): no interest."""
    return [w for w in _COMPARING if w in text] if weighs_schools(text) else []


def weighs_schools(text: str) -> bool:
    """Whether ``text`` weighs one school or school level against another (上职高还是技校好, 读中专还是高中, 技校和职高
    有什么区别): what there is at each, their programs and how their graduates fare, answers it."""
    return bool(_schools_weighed().search(text))


@functools.cache
def _schools_weighed() -> re.Pattern[str]:
    words = vocabulary()
    school = _alternatives(tuple({*words.schools, *(w for ws in words.levels.values() for w in ws), "高中", "普高"}))
    attend = r"(?:上|读|念|去|考)?"
    compared = rf"(?:有什么|有啥|的)?(?:{'|'.join(_COMPARING)}|哪个好|哪个强)"
    return re.compile(
        rf"{attend}{school}好?还是{attend}{school}|{attend}{school}(?:和|跟|与){attend}{school}{compared}"
    )


def seeks_kind(text: str) -> bool:
    """Whether ``text`` looks for one of a kind: asks whether there is one (:func:`asks_for_kind`), asks it after
    naming it (孩子想边读书边工作，有这样的吗; 工学交替的有吗), ends on the wish for it (我想半工半读, 想参加培训),
    asks for work in everyday words (:func:`asks_for_work`: 有没有活, 哪里招人) or asks what one pays (学徒一个月能拿
    多少钱): not when something else is then asked of it (想当学徒，要签合同吗 is the probe's to read)."""
    text = text.replace("一边", "边")  # 一边上班一边学习: the kinds' words say 边上班边学
    looks = _kind_then_exists().search(text) or _kind_wished().search(text)
    asked = asks_for_kind(text) or asks_kind_pay(text) or asks_for_work(text) or asks_where_to_learn(text)
    return asked or weighs_schools(text) or bool(looks)


# the levels of a school one attends (读中职, 上技校): not 初中, the level one leaves
_SCHOOL_LEVELS = ("中职", "技工", "高职", "职业本科")


def asks_fees(text: str) -> bool:
    """Whether ``text`` asks what attending a school or a program costs (孩子读中职一年要交多少钱, 上技校贵不贵:
    vocabulary ``fees``; a cost named with its price asked, 职校学费一年多少: ``fee_names`` and ``prices``, not
    职校不退学费怎么办 or 收费标准是谁定的), said of the programs or the trainings (专业, 学费, 读职校, 培训班) or a
    school level, with no work named (实习 / 全职 / 学徒, an opening, a wage: what those pay is
    :func:`asks_kind_pay`'s) and not a rule's fee ("培训费用" a worker owes back is the policy answer's)."""
    words = vocabulary()
    named = any(w in text for w in words.fee_names) and any(w in text for w in words.prices)
    if not named and not any(w in text for w in words.fees) and not _charged_price().search(text):
        return False
    if _OWED_BACK in text:  # 培训费 owed back to an employer (员工离职要交多少培训费): the labour law's matter
        return False
    kinds = words.find(words.kinds, text)
    if any(k not in _CHARGED for k in kinds) or any(w in text for w in (*words.openings, *words.wages)):
        return False
    return bool(kinds) or any(level in _SCHOOL_LEVELS for level in words.find(words.levels, text))


def asks_length(text: str, majors: MajorMatcher | None = None) -> bool:
    """Whether ``text`` asks how long attending a school or a program takes (读技校要几年, 中专学制几年, 学护理要读几年:
    vocabulary ``lengths``), said of studying (:func:`_of_study`)."""
    return any(w in text for w in vocabulary().lengths) and _of_study(text, majors)


def asks_certificates(text: str, majors: MajorMatcher | None = None) -> bool:
    """Whether ``text`` asks what certificates studying at a school or a program leads to (在职校读书能拿到什么证:
    vocabulary ``item_fields.certificates``), said of studying (:func:`_of_study`)."""
    return any(w in text for w in vocabulary().item_fields.get("certificates", ())) and _of_study(text, majors)


def _of_study(text: str, majors: MajorMatcher | None) -> bool:
    """Whether ``text`` is said of studying: the programs, a school or a school level studied at (读, 上, 学制) or a
    major studied, with no work named (学徒期几年, 实习多久: the rules' or the postings' matter), no training and no
    teacher (how long a worker's or a teacher's training or practice lasts is a rule's)."""
    words = vocabulary()
    if any(w in text for w in (*words.openings, *words.teachers)):
        return False
    kinds = words.find(words.kinds, text)
    if any(k != PROGRAMS for k in kinds):
        return False
    studied = bool(_STUDYING.search(text)) or "学制" in text
    if majors is not None and majors.in_text(text) and studied:
        return True
    levels = [level for level in words.find(words.levels, text) if level in _SCHOOL_LEVELS]
    return bool(kinds) or (studied and (bool(levels) or any(w in text for w in (*words.schools, PROGRAMS))))


# studying (学护理, 读个电工, 上技校); not 学徒, 学历, 学费, 学校, 学生, 学院, 上班
_STUDYING = re.compile(r"(?:学|读|念|上)(?!徒|历|费|校|生|院|班)")


@functools.cache
def _charged_price() -> re.Pattern[str]:
    """How much a kind one pays for costs, asked right after it (PLC培训多少钱, 电工培训班要多少钱): not a subsidy
    of it (培训补贴多少钱 names what is received between)."""
    return re.compile(rf"(?:{_sought_kind(_CHARGED)})班?(?:要|需要|得)?(?:交|花)?多少钱")


def perks_said(text: str) -> list[str]:
    """What a message asks an opening to offer besides pay (包吃住: 住宿 and 餐食; vocabulary ``perks``), each
    perk read on its own (a word two perks share, 吃住, says both), not when denied (不用包住)."""
    words = vocabulary()
    return [perk for perk, said in words.perks.items() if words.find({perk: said}, text) and not _negated(text, said)]


def asks_for_work(text: str) -> bool:
    """Whether a message asks for work in everyday words (:func:`_work_asked`): an opening, its kind not said."""
    return bool(_work_asked().search(text))


@functools.cache
def _work_asked() -> re.Pattern[str]:
    """活 (活儿) as what there is or is found (有没有活, 哪里有活儿, 能找到活吗, 有啥活可以干; not 活动, 生活, 干活),
    or anyone recruited (哪里招人, 哪家饭店缺人, 有没有要人的厂): work asked for, by the one who would do it unless the
    writer speaks for a business (the route's reading)."""
    employer = _alternatives(vocabulary().organisations)
    # what the work is may be said before it (找个开车的活, 有没有离家近的活)
    found = (
        rf"(?:{_EXISTS}|有|找到|找得到|找)(?:点|个|份|些)?(?:啥|什么)?(?:{_IN_ASK}{{1,8}}的)?活儿?(?:可以|能)?(?:干|做)?"
        rf"{_ASK_END}"
    )
    where = rf"(?:{_EXISTS}|哪里|哪儿|哪家|哪个|谁)"
    hiring = rf"{where}{employer}?(?:在|还)?(?:招|要|缺)(?:人|工人)的?{employer}?{_ASK_END}"
    return re.compile(rf"{found}|{hiring}")


def asks_for_perk(text: str) -> bool:
    """Whether a message asks whether there is an opening offering a perk (:func:`_perk_asked`)."""
    return bool(_perk_asked().search(text)) and bool(perks_said(text))


@functools.cache
def _perk_asked() -> re.Pattern[str]:
    """Whether there is one offering a perk, as a modifier ending the question (有没有包吃住的, 哪里有管饭的活, or
    opening a clause: 有不要钱的培训吗): not a perk asked of someone (实习生有没有五险一金 asks a right)."""
    words = vocabulary()
    perk, opening = (
        _alternatives(tuple(w for said in words.perks.values() for w in said)),
        _alternatives(words.openings),
    )
    exists = rf"(?:{_EXISTS}|(?:^|[，,])有)"
    # 活 / 活儿 ending the question is a job (哪里有管饭的活): only there, not a word of its own (活动)
    return re.compile(
        rf"{exists}{_IN_ASK}{{0,4}}?{perk}{_IN_ASK}{{0,2}}?的(?:{opening}|{_sought_kind()}|活儿?)?{_ASK_END}"
    )


def asks_kind_pay(text: str) -> bool:
    """Whether ``text`` asks how much one of a kind is paid (:func:`_kind_pay_asked`)."""
    return bool(_kind_pay_asked().search(text))


@functools.cache
def _kind_then_exists() -> re.Pattern[str]:
    """The kind, then whether there is one, whether it is still recruited (光伏运维学徒现在还招吗, 还有吗) or whether
    it can be done, ending the message: the kind may carry an opening's word (实习岗位, 学徒机会), nothing else
    (学徒的补贴有吗 asks for a subsidy; 边上班边学习可以吗 asks for one, 实习期间请假可以吗 asks a rule)."""
    opening = _alternatives((*vocabulary().openings, "机会"))
    still = r"(?:现在|目前)?还(?:在)?招(?:人|聘)?(?:吗|么|不|没)"
    return re.compile(
        rf"{_sought_kind()}(?:的?{opening})?的?[，,]?\s*(?:还?(?:那)?有(?:没有|没|吗|么|这样的|这种的?|这类的?)|{still}|可以吗|行吗|行不行)"
        rf"[的呢吗嘛啊呀吧]*\s*[？?。！!]*\s*$"
    )


@functools.cache
def _kind_pay_asked() -> re.Pattern[str]:
    """How much one of the kind is paid (学徒一个月能拿多少钱, 实习生工资一般多少, 当学徒工资高吗; the period may
    come last, 实习工资一般多少钱一个月): what the openings pay, not a rule's figure; the kind is whose pay it is
    (见习补贴一个月多少 asks a subsidy's, 实习学生的报酬最低不能低于多少 a rule's floor: neither is the kind's own
    pay), and nothing between asks a rule of it (实习的报酬怎么发、最低多少: how it is paid and its floor,
    :data:`_PLAIN`). Or a verb of being paid asks how much, a few words after the kind (实习一般给多少钱, 当学徒能挣
    多少; not 实习生受伤了企业要给多少钱, the kind's clause is about something else)."""
    words = vocabulary()
    wages, paid = _alternatives(words.wages), _alternatives(words.paid)
    # a training is paid for: 培训要给多少钱 asks its fee (Detail.fees)
    earning = _sought_kind(tuple(k for k in _SOUGHT_KINDS if k != TRAINING))
    return re.compile(
        rf"(?:{_sought_kind()}(?:[生工]|期间?)?的?{wages}{_PLAIN}{{0,6}}?(?:多少|几千|几百|高吗|高不高|多不多|怎么样|咋样)"
        rf"|{earning}(?:[生工]|期间?)?{_PLAIN}{{0,3}}?{paid}(?:多少|几千|几百))"
        rf"{_IN_ASK}{{0,2}}(?:{wages})?{_ASK_END}"
    )


@functools.cache
def _kind_wished() -> re.Pattern[str]:
    """Wishing for the kind (想半工半读, 打算找个实习, 想参加培训), ending the message."""
    return re.compile(
        rf"(?<!不)(?:想|要|打算|准备|希望)(?:去|找|当|做|参加|报名?|学|试试)?(?:个|份|一个|一份)?{_sought_kind()}"
        rf"[的呢吧啊呀]*\s*[。！!]*\s*$"
    )


def asks_for_organisations(text: str) -> bool:
    """Whether a message asks which businesses or schools, or whether there are some (有没有企业在找学校帮忙…,
    哪些企业需要电工, 有什么学校能做): who the records list, not the unit handling a matter (找哪个部门)."""
    words = vocabulary()
    return bool(_which_asked((*words.organisations, *words.schools)).search(text))


def asks_for_businesses(text: str) -> bool:
    """Whether a message asks which businesses, or whether there are some (有哪些企业愿意接收学生实习), not schools."""
    return bool(_which_asked(tuple(vocabulary().organisations)).search(text))


def sought_first(text: str) -> str:
    """Who a message asks for or looks for first, "schools" or "businesses" ('' for neither): 有没有企业在找学校帮忙
    asks for businesses (then what they look for), 找个学校帮忙搞技术改造 for a school."""
    words = vocabulary()
    found = []
    for label, names in (("schools", words.schools), ("businesses", words.organisations)):
        asked = _which_asked(tuple(names)).search(text) or _looked_for(tuple(names)).search(text)
        if asked:
            found.append((asked.start(), label))
    return min(found)[1] if found else ""


@functools.cache
def _looked_for(names: tuple[str, ...]) -> re.Pattern[str]:
    """Looking for one of ``names`` (找个学校, 找一家企业)."""
    return re.compile(rf"找(?:个|家|所|一个|一家|一所)?{_alternatives(names)}")


def helps_businesses(text: str) -> bool:
    """Whether a message speaks of helping businesses (帮企业, 给企业, 为企业): a service to them."""
    return bool(re.search(rf"(?:帮|给|为|替)(?:{_alternatives(vocabulary().organisations)})", text))


@functools.cache
def _which_asked(names: tuple[str, ...]) -> re.Pattern[str]:
    """Asking which of ``names`` there are, or whether there are some (哪些企业, 有没有学校, 什么单位)."""
    return re.compile(rf"(?:{_EXISTS}|哪个|哪些|哪家|哪几家|什么)(?:{_alternatives(names)})")


def asks_for_someone_who(text: str) -> bool:
    """Whether a message asks for someone who does a service, naming no one (有没有帮企业解决技术难题的: a headless
    existence question ending in 的), or looks for a school or a business to help (想找个学校帮忙搞技术改造): who the
    platform's records list, when they are what the message is about (its probe reads so)."""
    words = vocabulary()
    return bool(_HEADLESS.search(text)) or bool(_looked_for((*words.organisations, *words.schools)).search(text))


# 有没有 and a service someone does (帮, 解决, 承接, 提供), up to 的 ending the question: the one who does it is asked
# for; not what a rule is for (有没有专门针对小微企业的 asks for a policy)
_HEADLESS = re.compile(
    rf"{_EXISTS}{_IN_ASK}{{0,8}}(?:帮|解决|承接|提供){_IN_ASK}{{0,12}}的[呢吗啊呀吧]*\s*[？?。！!]*\s*$"
)


def recruiters(text: str) -> list[str]:
    """The employer words of a question asking who recruits a kind (企业 in 有哪些企业在招实习生): who is asked
    for, never what the student likes."""
    asked = "".join(m.group(0) for m in _recruiting_pattern().finditer(text))
    return [word for word in vocabulary().organisations if word in asked]


@functools.cache
def _recruiting_pattern() -> re.Pattern[str]:
    """An existence question for those recruiting a kind: 招 (招聘, 招收) and the kind, the question ending in the
    kind or in an employer (vocabulary ``organisations``): 有哪些企业在招实习生, 有没有招电工学徒的厂. Not when
    something else is asked of it (有没有招实习生的补贴 asks for a subsidy)."""
    employer = _alternatives(vocabulary().organisations)
    return re.compile(
        rf"{_EXISTS}{_IN_ASK}{{0,8}}?招(?:聘|收)?{_IN_ASK}{{0,3}}?{_sought_kind()}(?:的?{employer})?{_ASK_END}"
    )


def recruited_trades(text: str) -> list[str]:
    """The trades a question asks who recruits (会计 in 石河子有没有招会计的, 电焊工 in 哪里在招电焊工): an opening
    asked for by the person recruited, its kind not said. Not a kind, a level, a school, a person or an employer
    (有没有招学徒的: the kind; :func:`recruiters`), nor a thing asked of the recruiting (有没有招实习生的补贴)."""
    said = _who_or_what()
    found = []
    for match in _trade_recruited().finditer(text):
        trade = match.group("trade")
        if not any(w in trade for w in said) and trade not in found:
            found.append(trade)
    return found


@functools.cache
def _trade_recruited() -> re.Pattern[str]:
    """An existence or where question (有没有, 哪里, 谁) for those recruiting someone of a trade: 招 (招聘, 招收),
    the trade up to the question's end, 的 or an employer (vocabulary ``organisations``)."""
    employer = _alternatives(vocabulary().organisations)
    where = rf"(?:{_EXISTS}|哪里|哪儿|哪家|谁)"
    trade = r"(?P<trade>(?:(?!的)[\u4e00-\u9fff]){2,6}?)"
    return re.compile(rf"{where}{_IN_ASK}{{0,8}}?在?招(?:聘|收)?{trade}(?:的?{employer}|的)?{_ASK_END}")


def least_pay(text: str) -> int | None:
    """The least monthly pay a message asks for: a number said after a word of pay (月薪四千以上, 工资不低于3000,
    一个月能拿三千多, 月薪3000-5000: the lower end), within its clause and a few characters of it; None when
    none is said, when the number is a ceiling (最多, 以下, 不超过) or is no monthly wage (3 in 每月3次)."""
    for match in _wage_pattern().finditer(text):
        value = parse_number(match.group("number").replace(" ", ""))
        if value is None or _CEILING.search(match.group("between") + text[match.end() : match.end() + 4]):
            continue
        amount = int(value)
        if MIN_WAGE <= amount <= MAX_WAGE:
            return amount
    return None


def wishes_higher_pay(text: str) -> bool:
    """Whether a message wishes for a higher pay without a figure (工资高一点的实习, 待遇好的工作, 收入比较高的): a
    word of pay said high, good or much, a degree word (比较, 很, 高一点) allowed between; not denied (工资不高)."""
    return bool(higher_pay_said(text))


def higher_pay_said(text: str) -> list[str]:
    """The words of ``text`` wishing for a higher pay (:func:`wishes_higher_pay`), with the 一点 / 点 / 些 after them
    (收入高点: 高点 says how much, it is no interest)."""
    return [m.group(0) for m in _higher_pay_pattern().finditer(text)]


@functools.cache
def _higher_pay_pattern() -> re.Pattern[str]:
    # a word of pay, not a period said as one (一个月, 每月: 每个月休息多 says nothing of pay)
    wage = _alternatives(tuple(w for w in vocabulary().wages if not w.endswith("月")))
    degree = r"(?:要|能|比较|很|挺|更|相对|稍微)?"
    # not a question of how much (工资多少) or whether (待遇好不好), nor a comparison (工资高于…)
    said = rf"(?:{wage}{degree}(?:高(?![不于])|多(?![少不于])|好(?![不于])|不错|可观|优厚)|高薪|高工资|高收入)"
    return re.compile(rf"{said}(?:一点|一些|点|些)?")


@functools.cache
def _wage_pattern() -> re.Pattern[str]:
    wage = _alternatives(vocabulary().wages)
    return re.compile(rf"{wage}(?P<between>[^，,。；;！!？?\d一二两三四五六七八九十]{{0,6}}?)(?P<number>{_NUMBER})")


def read_enterprise(text: str) -> EnterpriseReading:
    """An enterprise's types, activities and place from free text (我们是米东区的汽修厂，想带学徒)."""
    words = vocabulary()
    return EnterpriseReading(
        types=[t for t in words.find(words.enterprise_types, text) if not _denied(text, words.enterprise_types[t])],
        activities=[a for a in words.find(words.activities, text) if not _negated(text, words.activities[a])],
        location=main_place(text),
    )


def speaks_for_enterprise(text: str) -> bool:
    """Whether the writer speaks for a business: owns one (我们厂…, 本公司), is one (我们是做棉花加工的企业,
    ending the clause: 我是汽修厂的学徒 works there), holds a post that does (我是汽修厂老板, 我是公司的人事)
    or runs one (我在五家渠开了个餐馆), or opens its message with what the business or the writer means to hire
    (饭店想招…, 公司打算录用…, 我们想招10个电工; 招生 is a school's). A student or a parent seeking a place
    names the business as where to go (想去汽修厂实习), not as theirs, and says it hires (厂里在招学徒), not what
    it means to."""
    return bool(_speaker_pattern().search(text)) or _ours_by_trade(text)


_OURS = frozenset({"我们", "咱们", "咱", "本"})
_OURS_BEFORE = 3  # the words between ours and the business: this one, small, its trade (我们这家小超市, 咱们食品公司)


def _ours_by_trade(text: str) -> bool:
    """Ours, the business named with its trade or size (我们汽修厂, 咱们食品公司, 我们这家小超市), by jieba's
    tags: after 我们 / 咱们, up to :data:`_OURS_BEFORE` words that are nouns, adjectives or a demonstrative, one
    ending in a business word. A verb or a preposition between says someone else's (我们在饭店打工,
    我们家孩子去饭店)."""
    org = tuple(vocabulary().organisations)
    words = tagged_words(text)
    for i, (word, _) in enumerate(words):
        if word not in _OURS:
            continue
        for after, flag in words[i + 1 : i + 1 + _OURS_BEFORE]:
            if after.endswith(org):
                return True
            if not (flag.startswith("n") or flag == "a" or (flag == "r" and after.startswith("这"))):
                break
    return False


def wishes_to_go(text: str) -> bool:
    """Whether a text wishes to go, to join or to learn (想去, 能去吗, 打算报名, 想学): a seeker's words."""
    return bool(_GOING.search(text))


def speaks_of_their_own(text: str) -> bool:
    """Whether the writer speaks of someone of theirs (我家闺女…, 我儿子…, 我同学…; vocabulary ``people`` after 我 or
    我家): a seeker's side, whatever business the writer spoke for before ("我家闺女中专学幼师的，想在乌鲁木齐找个
    幼儿园实习" after "我们是五家渠的一家电子厂…" was read as the factory looking for interns)."""
    return bool(_own_people().search(text))


@functools.cache
def _own_people() -> re.Pattern[str]:
    return re.compile(rf"(?:我|俺)(?:们?家)?的?{_alternatives(vocabulary().people)}")


def names_graduates(text: str) -> bool:
    """Whether a text names those the platform's graduate records count (毕业生, 应届生, 今年毕业的学生)."""
    return any(word in text for word in vocabulary().graduates)


def asks_ways(text: str) -> bool:
    """Whether a message asks what ways there are for someone at a school level (孩子初中毕业了，有什么出路;
    娃今年初三，以后能干啥: vocabulary ``options``): the programs and openings for that level."""
    words = vocabulary()
    return any(w in text for w in words.options) and bool(words.find(words.levels, text))


def seeks_students(text: str) -> bool:
    """Whether a message looks for students or graduates to take in (想找个懂兽医的学生来帮忙, 招几个职校学生): 找, 招,
    要, 请 or 缺 (not 招了: taken already) and, within its clause, a student word (学生, 毕业生, 应届生, 大专生), the
    message ending there or asking where or whether there are some (…，哪里能找到); a business writer's hire. Not
    when it then asks something else of them (…实习生，要签什么协议: a rule)."""
    parts = clauses(text)
    at = next((i for i, part in enumerate(parts) if _students_sought().search(part)), None)
    return at is not None and (at == len(parts) - 1 or all(_WHERE_FOUND.search(p) for p in parts[at + 1 :]))


@functools.cache
def _students_sought() -> re.Pattern[str]:
    """找 / 招 / 要 / 请 / 缺 (not 招了) and, within the clause, a student word or a school level's student (大专生)."""
    levels = _alternatives(tuple(w for ws in vocabulary().levels.values() for w in ws if len(w) == 2))
    return re.compile(rf"(?:找|招|要|请|缺)(?!了)[^，,。；;！!？?]{{0,10}}?(?:学生|毕业生|应届生|{levels}生)")


_WHERE_FOUND = re.compile(r"哪里|哪儿|去哪|在哪|有没有|推荐|能找到|找得到|怎么找")


def sought_skills(text: str) -> list[str]:
    """What the students or people a message looks for know or study (兽医 in 想找个懂兽医的学生, 电焊 in 会电焊的人):
    the trade they are sought for, when it names no catalog major."""
    said = _who_or_what()
    return [m.group("skill") for m in _SKILLED.finditer(text) if not any(w in m.group("skill") for w in said)]


_SKILLED = re.compile(r"(?:懂|会|学过|学)(?P<skill>[\u4e00-\u9fff]{2,6}?)的(?:学生|毕业生|应届生|人)")


def names_the_report(text: str) -> bool:
    """Whether a text names the platform's yearly supply-and-demand report by its name (人才供需报告)."""
    return any(word in text for word in vocabulary().report_names)


def names_the_platform(text: str) -> bool:
    """Whether a text names the information platform as where to look ("平台上有合适的企业吗")."""
    return any(word in text for word in vocabulary().platform_places)


# who the writer says they are, a noun phrase ending its clause (我是退伍军人，…; 本人是一名下岗职工): not "我是学电焊
# 的" (what they study) or "我是想…" (a wish)
_SELF = re.compile(r"(?:我|本人)(?:是|属于)(?:一[名个位]|个)?(?P<who>[^，,。；;！!？?\s的想要在]{2,8})" + _CLAUSE_END)
# whom something is said to suit (适合残疾人的工作): who, like who the writer says they are
_SUITS = re.compile(r"适合(?P<who>[^，,。；;！!？?\s的]{2,8})(?:的|做|干)")


def self_described(text: str, majors: MajorMatcher) -> list[str]:
    """Who the writer says they are, or whom what they ask for should suit (适合残疾人的工作), naming no major (我是退伍
    军人，想学个技术: who, not what they like; "我是护理专业学生" names the major and is not one)."""
    said = [m.group("who") for pattern in (_SELF, _SUITS) for m in pattern.finditer(text)]
    return [who for who in said if not majors.in_text(who) and not studied_subjects(who)]


def speaks_for_school(text: str) -> bool:
    """Whether the writer speaks for a school: ours (我们职校, 我校, 本校) or a post there ending its clause
    (我是初中老师，…; 我在职校当老师). A student says where they study (我中职学烹饪的), not whose it is."""
    return bool(_school_pattern().search(text))


def _alternatives(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


@functools.cache
def _speaker_pattern() -> re.Pattern[str]:
    org, post = _alternatives(vocabulary().organisations), _alternatives(vocabulary().owners)
    return re.compile(
        rf"(?:我们|咱们|咱|本|我家|我们家)(?:这[个家间边]?)?{org}"  # ours
        rf"|{_WE}是{_IN_CLAUSE}{{0,12}}?{org}{_CLAUSE_END}"  # we are one
        rf"|{_WE}是{_IN_CLAUSE}{{0,14}}?{post}{_CLAUSE_END}"  # a post that speaks for one
        rf"|{_WE}{_NOT_KIN}{{0,8}}?(?:开|办|经营|承包)了?[一两]?[家个间所]?{_IN_CLAUSE}{{0,8}}?{org}"  # we run one
        rf"|^{org}(?:这边)?(?:想|打算|准备|计划)(?:招|聘|录用)"  # what it means to hire, as the message opens
        rf"|^{_WE}(?:这边)?(?:想|打算|准备|计划)(?:招|聘|录用)(?!生)"  # or we do (我们想招10个电工; 招生 is a school's)
    )


@functools.cache
def _school_pattern() -> re.Pattern[str]:
    school, post = _alternatives(vocabulary().schools), _alternatives(vocabulary().teachers)
    return re.compile(
        rf"(?:我们|咱们|本)(?:这[个所])?{school}|我校|本校"  # ours
        rf"|(?:我|本人)是{_IN_CLAUSE}{{0,12}}?{post}{_CLAUSE_END}"  # a post there
        rf"|(?:我|本人)在{_IN_CLAUSE}{{0,10}}?(?:当|做|任){post}"  # working there as one
    )


def clauses(text: str) -> list[str]:
    """The text's clauses (between punctuation)."""
    return [c.strip() for c in _CLAUSE.findall(text) if c.strip()]


def refuses(clause: str) -> bool:
    """Whether a clause denies or declines what it names (还不是…, 没评上, 不打算…)."""
    return bool(_DENIED.search(clause) or re.search(_DECLINE, clause))


def main_place(text: str) -> str:
    """Where a text says it is: the first place named, narrowed by the places named inside it
    (乌鲁木齐市头屯河区 -> 头屯河区); '' when it names none. The country is no place of its own
    (国家 in "国家有啥补贴" says whose money, not where the asker is)."""
    atlas = gazetteer()
    named = [p for p in places_in(text) if p.level != "national"]
    if not named:
        return ""
    place = named[0]
    for other in named[1:]:
        if atlas.within(other, place):
            place = other
        else:
            break
    return place.name


def read_places(text: str) -> list[str]:
    """Places a person names; with 附近 / 周边 also their neighbours (gazetteer)."""
    named = places_in(text)
    out = [p.name for p in named]
    if any(word in text for word in _NEARBY):
        for place in named:
            out += [n.name for n in gazetteer().neighbours(place) if n.name not in out]
    return out


def _denied(text: str, words: tuple[str, ...]) -> bool:
    """Every clause naming one of ``words`` denies it (我们还不是试点企业), itself or by a short clause
    right after it that comments on it (报了产教融合型企业，可惜没评上)."""
    parts = clauses(text)
    named = [i for i, c in enumerate(parts) if any(w in c for w in words)]
    after = [parts[i + 1] if i + 1 < len(parts) and len(parts[i + 1]) <= _COMMENT_CHARS else "" for i in named]
    return bool(named) and all(_DENIED.search(parts[i] + tail) for i, tail in zip(named, after))


def _negated(text: str, words: tuple[str, ...]) -> bool:
    for word in words:
        start = text.find(word)
        if start > 0 and _NEGATION.search(text[max(0, start - 8) : start]):
            return True
        if start >= 0 and _DECLINED_AFTER.search(text[start + len(word) :]):
            return True
    return False
