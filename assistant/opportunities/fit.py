"""How well one posting or program fits a student: graded signals, each a reason with its sign.

Nothing here excludes an item (that is :func:`assistant.opportunities.recommend.excluded`, for hard
facts only). Every signal gives a score and a Chinese reason showing it:

    专业  the student's major (catalog name or everyday name, 汽修 -> 汽车运用与维修) is among the
          item's majors (+3); a major the student is interested in (+2.5); a close major by dense
          similarity of the catalog names (not one the catalog's codes file in another 专业大类),
          a program leading to the same certificate or of the same
          专业大类 by its code, or the one nearest in meaning to a name no catalog or
          everyday name matches (会计 -> 电子商务) (+1.5, 相近专业); an interest word in the item's text (+1.5)
    地点  gazetteer relation of the item's place to the wanted ones: same +2, near +1, region +0.3,
          far +0 ("地点：昌吉市，不在意向范围（+0）")
    时间  starts inside the window +1, less 0.0625 per week the student waits for it (to 0: a month
          waited costs what a week missed costs); weeks early: 1 - 0.25 per week (started before the
          student is free but still running); weeks late: -0.25 per week (to -2); runs past the
          window -0.5; over before the student is free -2
    学徒制 wanted and it is one +1.5; not wanted and it is one -1.5
    层次  a posting meant for a lower level than the student's -0.5, for the student's own level +0.5
          (over one open to anyone: 不限 postings are often meant for workers); a program (专业) at the
          student's own level or below -1 (it is not further study; of their own major, the program they are in,
          also less the major's +3: recommend.score_item); one two levels above -1 (高职 for a
          初中 pupil: one enrols after 中职 or 高中, unless it runs straight through, 五年一贯制)
    待遇  with a wished minimum pay: meets it +0.5, below it -0.5

The weights were chosen on evals/student_profiles.yaml (dev) only; see evals/README.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.opportunities.items import OpportunityItem
from assistant.places import Relation, gazetteer
from assistant.understand.majors import MajorMatcher
from assistant.understand.profiles import StudentProfile
from assistant.understand.reader import main_place

_PARENTHESES = re.compile(r"[（(]([^（）()]+)[）)]")  # a location's clarifier: 乌鲁木齐市（十二师西郊城区）

MAJOR_EXACT = 3.0
MAJOR_INTEREST = 2.5
MAJOR_RELATED = 1.5
INTEREST_TEXT = 1.5
PLACE_SCORE = {Relation.same: 2.0, Relation.near: 1.0, Relation.region: 0.3, Relation.far: 0.0}
PLACE_LABEL = {
    Relation.same: "在意向范围",
    Relation.near: "在意向地点附近",
    Relation.region: "不在意向范围，同在一个省区",
    Relation.far: "",
}
TIME_INSIDE = 1.0
TIME_PER_WEEK = 0.25
TIME_MAX_LATE = 2.0
TIME_RUNS_PAST = 0.5
TIME_OVER_BEFORE = -2.0
APPRENTICE = 1.5
LEVEL_BELOW = -0.5
LEVEL_SAME = 0.5  # a posting meant for the student's own level, over one open to anyone (不限): mirrors LEVEL_BELOW
PROGRAM_NOT_HIGHER = -1.0
PROGRAM_OUT_OF_REACH = -1.0  # two levels above: not the next step, as far off as one not above is beside it
_STRAIGHT_THROUGH = re.compile(r"五年一贯|五年制|3\s*\+\s*2|中高职贯通")  # programs a 初中 pupil enters for both stages
TIME_WAIT_PER_WEEK = 0.0625  # inside the window but starting weeks after the student is free
PAY = 0.5
RELATED_LABEL = "相近专业："
LEVEL_RANK = {"初中": 0, "中职": 1, "技工": 1, "高职": 2, "职业本科": 3, "本科": 3}


DEADLINE_REASON = "截止日期"
OUTCOME_REASON = "毕业生去向"  # where a program's graduates went (answer/outcomes.py: the platform's 毕业生状况)
INFORMING_REASONS = (OUTCOME_REASON,)  # said, never scored
PAY_REASON = "待遇"  # what an opening pays (and a training's 待遇 line)
FEE_REASON = "学费"  # what a program costs
# the reasons that say an item's pay or fee line (a pay asked for, a perk asked of it: perks.py), so a listing
# line need not say it again
LINE_REASONS = (PAY_REASON, FEE_REASON)


@dataclass
class Reason:
    """One signal: what it is (专业 / 地点 / 时间 / 学徒制 / 层次 / 待遇 / 截止日期), what it found, its score."""

    reason: str
    detail: str
    score: float = 0.0

    @property
    def text(self) -> str:
        """``地点：昌吉市，不在意向范围（+0）``: the reason with its signed score."""
        if self.reason == DEADLINE_REASON:
            return self.detail
        if self.reason in INFORMING_REASONS:  # it counts for nothing by design: no "（+0）" to read as a verdict
            return f"{self.reason}：{self.detail}"
        return f"{self.reason}：{self.detail}（{_signed(self.score)}）"

    def to_dict(self) -> dict[str, str | float]:
        return {"reason": self.reason, "detail": self.detail, "score": round(self.score, 2), "text": self.text}


def _signed(score: float) -> str:
    value = f"{abs(score):g}"
    return f"+{value}" if score >= 0 else f"−{value}"


@dataclass
class Wanted:
    """A profile read once for scoring many items: majors resolved to catalog names, places looked up."""

    profile: StudentProfile
    majors: set[str] = field(default_factory=set)
    interest_majors: set[str] = field(default_factory=set)
    inferred: set[str] = field(default_factory=set)  # the catalog major nearest in meaning to a name no word matched
    related: dict[str, float] = field(default_factory=dict)  # catalog major -> best similarity to a wanted one
    related_min: float = 1.0
    shared: dict[str, list[str]] = field(default_factory=dict)  # catalog major -> certificates shared with a wanted one
    fields: dict[str, str] = field(default_factory=dict)  # catalog major -> the 专业大类 it shares with a wanted one
    table: dict[str, tuple[int, str, float]] = field(default_factory=dict)  # major -> (rank, label, score)
    unresolved: list[str] = field(default_factory=list)  # interest words no catalog major is named or near by

    @classmethod
    def read(cls, profile: StudentProfile, matcher: MajorMatcher | None, related_min: float) -> Wanted:
        wanted = cls(profile, related_min=related_min)
        for name in profile.majors:
            named, nearest = _resolved(matcher, name)
            wanted.majors.update(named or ([] if nearest else [name]))
            wanted.inferred.update(nearest)
        for word in profile.interests:
            named, nearest = _resolved(matcher, word)
            wanted.interest_majors.update(named)
            wanted.inferred.update(nearest)
            if not named and not nearest:
                wanted.unresolved.append(word)
        if matcher is not None:
            wanted.related = matcher.related(wanted.majors | wanted.interest_majors)
        wanted.table = {name: (2, RELATED_LABEL, MAJOR_RELATED) for name, sim in wanted.related.items()}
        given = wanted.majors | wanted.interest_majors
        wanted.table = {
            name: kind
            for name, kind in wanted.table.items()
            if wanted.related[name] >= related_min and not (matcher is not None and matcher.apart(name, given))
        }
        if matcher is not None:  # programs leading to the same certificate: related whatever the names read
            wanted.shared = matcher.sharing_certificates(wanted.majors | wanted.interest_majors)
            wanted.table.update({name: (2, RELATED_LABEL, MAJOR_RELATED) for name in wanted.shared})
            # of the same 专业大类 by the catalog's codes (烹饪 and 酒店管理: 旅游大类): the way on to a higher
            # level (major_reason); read for every item, the field is too broad (hotel jobs for a cook)
            wanted.fields = matcher.same_field(wanted.majors | wanted.interest_majors)
        # a major only the dense model relates to the name given (会计 -> 电子商务 at 0.904): close, not 对口
        wanted.table.update({name: (2, RELATED_LABEL, MAJOR_RELATED) for name in wanted.inferred})
        wanted.table.update({name: (1, "与兴趣相符：", MAJOR_INTEREST) for name in wanted.interest_majors})
        wanted.table.update({name: (0, "对口：", MAJOR_EXACT) for name in wanted.majors})
        return wanted


def _resolved(matcher: MajorMatcher | None, name: str) -> tuple[list[str], list[str]]:
    """The catalog majors ``name`` says (as written or an everyday name), else the one nearest in meaning."""
    if matcher is None:
        return [], []
    named = matcher.resolve(name, dense=False)
    return named, [] if named else matcher.nearest(name)


def item_majors(item: OpportunityItem, matcher: MajorMatcher | None, read_courses: bool = False) -> list[str]:
    """The item's majors. With ``read_courses`` (search), a course named by its own title is also
    read for the majors it names (电工技能提升培训 -> 电气技术应用); recommendations leave that out:
    on the dev profiles it listed courses as good fits the gold does not pick (precision_fits
    0.908 -> 0.863, recall unchanged)."""
    if item.majors and (item.record_type == "posting" or item.kind == "专业" or not read_courses):
        return item.majors
    found = matcher.in_text(item.title) if matcher else []
    return [*(item.majors or [item.title]), *(m for m in found if m not in item.majors)]


def major_reason(item: OpportunityItem, majors: list[str], wanted: Wanted) -> Reason | None:
    """The best major relation: the student's own major, an interest's major, a related one, a word."""
    found = [(entry, m) for m in majors if (entry := wanted.table.get(m)) is not None]
    if found:
        best = min(entry[0] for entry, _ in found)
        hits = [m for entry, m in found if entry[0] == best]
        _, label, score = next(entry for entry, _ in found if entry[0] == best)
        certs = sorted({c for m in hits if best == 2 for c in wanted.shared.get(m, [])})
        why = f"（同样可考{'、'.join(certs)}）" if certs else ""
        return Reason("专业", label + "、".join(hits) + why, score)
    on = [m for m in majors if m in wanted.fields] if above_level(item, wanted.profile.level) else []
    if on:  # a program above the student's level in their 专业大类: the way on when their own major has none
        return Reason("专业", RELATED_LABEL + "、".join(on) + f"（同属{wanted.fields[on[0]]}）", MAJOR_RELATED)
    words = [w for w in wanted.profile.interests if w in item.about]
    if words:
        return Reason("专业", "兴趣相关：" + "、".join(words), INTEREST_TEXT)
    return None


def place_reason(item: OpportunityItem, wanted_places: Iterable[str]) -> tuple[Reason, Relation] | None:
    wanted = list(wanted_places)
    if not wanted:
        return None
    if not item.location:
        return Reason("地点", "未注明", 0.0), Relation.far
    best = _best_relation(tuple(wanted), item.location)
    label = PLACE_LABEL[best] or "不在意向范围"
    return Reason("地点", f"{item.location}，{label}", PLACE_SCORE[best]), best


@functools.lru_cache(maxsize=4096)
def _best_relation(wanted: tuple[str, ...], location: str) -> Relation:
    return min((_relation(w, location) for w in wanted), default=Relation.far)


@functools.lru_cache(maxsize=4096)
def _relation(wanted: str, location: str) -> Relation:
    """How an item's ``location`` relates to a ``wanted`` place: its main place, or the unit its parentheses
    name ("乌鲁木齐市（十二师西郊城区）" is in the city and in the division: a student wanting 十二师 is there,
    not "附近"), whichever is closer."""
    atlas = gazetteer()
    place_w = atlas.lookup(wanted) or next(iter(atlas.places_in(wanted)), None)
    name = main_place(location)
    place_o = atlas.lookup(name) if name else None
    if place_w is None or place_o is None:
        return Relation.same if wanted in location else Relation.far
    units = [atlas.lookup(unit) for unit in map(main_place, _PARENTHESES.findall(location)) if unit]
    return min(atlas.relation(place_w, place) for place in [place_o, *units] if place is not None)


def time_reason(item: OpportunityItem, profile: StudentProfile) -> Reason | None:
    return window_reason(item, profile.available_from, profile.available_to)


def window_reason(item: OpportunityItem, free: dt.date | None, until: dt.date | None) -> Reason | None:
    """How well an item can be attended by someone free from ``free`` to ``until`` (either may be open)."""
    start, end = item.start, item.end
    if start is None or not (free or until):
        return None
    if free and end and end < free:
        return Reason("时间", f"{end.isoformat()}已结束，早于可参加时间", TIME_OVER_BEFORE)
    partly = _attendable(start, end, free, until)
    if partly is not None:
        return partly
    if free and start < free:
        weeks = math.ceil((free - start).days / 7)
        return Reason("时间", f"开始时间早于可参加时间{weeks}周", TIME_INSIDE - TIME_PER_WEEK * weeks)
    if until and start > until:
        weeks = math.ceil((start - until).days / 7)
        return Reason("时间", f"开始时间晚于可参加时间{weeks}周", -min(TIME_MAX_LATE, TIME_PER_WEEK * weeks))
    if until and end and end > until:
        detail = f"{start.isoformat()}开始，在可参加时间内，但到{end.isoformat()}结束，超出可参加时间"
        return Reason("时间", detail, TIME_INSIDE - TIME_RUNS_PAST)
    span = f"{start.isoformat()}至{end.isoformat()}" if end else f"{start.isoformat()}起"
    wait = math.floor((start - free).days / 7) if free else 0
    if wait > 0:  # waiting costs a quarter of what a missed week costs, per week
        cost = min(1.0, TIME_WAIT_PER_WEEK * wait)
        return Reason("时间", f"{span}，在可参加时间内，需等{wait}周", TIME_INSIDE - cost)
    return Reason("时间", f"{span}，在可参加时间内", TIME_INSIDE)


def _attendable(start: dt.date, end: dt.date | None, free: dt.date | None, until: dt.date | None) -> Reason | None:
    """A posting that starts before the student is free and runs past the window (the window lies inside
    it): graded by the share of it the student can attend, from TIME_OVER_BEFORE (none) to TIME_INSIDE
    (all). The early-start rule alone read a year-long apprenticeship for a student free in the winter
    holiday (12% of it) as "开始时间早于可参加时间2周（+0.5）", above a course they can attend half of.
    Only this case: grading every partly covered posting by its share (early start or late end alone)
    cost first places on both dev profile sets (team 1.000 -> 0.938, dev2 0.833 -> 0.750)."""
    if end is None or free is None or until is None or not (start < free and until < end):
        return None
    first, last = free, until
    if last <= first:
        return None  # no overlap: before or after the window, said by the rules that follow
    share = (last - first).days / (end - start).days
    attended = f"{first.isoformat()}至{last.isoformat()}"
    detail = f"{start.isoformat()}至{end.isoformat()}，可参加其中约{round(share * 100)}%（{attended}）"
    return Reason("时间", detail, TIME_OVER_BEFORE + (TIME_INSIDE - TIME_OVER_BEFORE) * share)


def apprenticeship_reason(item: OpportunityItem, wish: bool | None) -> Reason | None:
    if wish is None or not item.apprenticeship:
        return None
    if wish:
        return Reason("学徒制", "学徒制项目，符合意愿", APPRENTICE)
    return Reason("学徒制", "学徒制项目，你不想当学徒", -APPRENTICE)


def level_reason(item: OpportunityItem, level: str | None) -> Reason | None:
    """A posting for a lower level than the student's is graded down (one for a higher level is
    excluded); so is a program (专业) at the student's own level or below: it is not further study."""
    if level is None:
        return None
    if item.kind == "专业":
        if not_higher(item, level):
            return Reason("层次", f"{item.level}专业，不高于你目前的层次", PROGRAM_NOT_HIGHER)
        if out_of_reach(item, level):
            step = "、".join(name for name, rank in LEVEL_RANK.items() if rank == LEVEL_RANK.get(level, 0) + 1)
            return Reason("层次", f"{item.level}专业，{level}毕业一般要先读{step}或高中", PROGRAM_OUT_OF_REACH)
        return None
    needed = required_level(item)
    if needed is None or "以上" in item.level:
        return None
    if LEVEL_RANK.get(level, 0) > needed:
        return Reason("层次", f"面向{item.level}", LEVEL_BELOW)
    if LEVEL_RANK.get(level) == needed:
        return Reason("层次", f"面向{item.level}，与你的层次相同", LEVEL_SAME)
    return None


def above_level(item: OpportunityItem, level: str | None) -> bool:
    """Whether ``item`` is a program (专业) above the student's ``level``: one enrols in it to go on."""
    rank = LEVEL_RANK.get(item.level)
    return item.kind == "专业" and level is not None and rank is not None and rank > LEVEL_RANK.get(level, 0)


def out_of_reach(item: OpportunityItem, level: str | None) -> bool:
    """Whether ``item`` is a program two levels or more above the student's ``level`` that does not run
    straight through (a 初中 pupil asking what to study was shown 高职 programs as if one could enrol)."""
    rank = LEVEL_RANK.get(item.level)
    own = LEVEL_RANK.get(level or "")
    return (
        item.kind == "专业"
        and rank is not None
        and own is not None
        and rank - own >= 2
        and not _STRAIGHT_THROUGH.search(item.title + item.text)
    )


def not_higher(item: OpportunityItem, level: str | None) -> bool:
    """Whether ``item`` is a program (专业) at the student's ``level`` or below: not further study, no good fit
    (measured on the dev profiles: precision of the good fits 0.791 -> 0.824 and 0.632 -> 0.674, nothing else
    moved; a larger penalty lost an expected item from a dev top 5)."""
    rank = LEVEL_RANK.get(item.level)
    return item.kind == "专业" and level is not None and rank is not None and rank <= LEVEL_RANK.get(level, 0)


def required_level(item: OpportunityItem) -> int | None:
    """The rank a posting asks for (中职 / 高职 / 中职及以上); None when open (不限) or a program."""
    return _required_rank(item.level) if item.record_type == "posting" else None


@functools.lru_cache(maxsize=256)
def _required_rank(level: str) -> int | None:
    if not level or "不限" in level:
        return None
    return next((rank for name, rank in LEVEL_RANK.items() if level.startswith(name)), None)


def pay_reason(item: OpportunityItem, min_pay: int | None) -> Reason | None:
    if min_pay is None:
        return None
    best = item.pay_max or item.pay_min
    if best is None:
        return Reason(PAY_REASON, "未注明金额", 0.0)
    if best >= min_pay:
        return Reason(PAY_REASON, f"{item.pay or best}，达到期望", PAY)
    return Reason(PAY_REASON, f"{item.pay or best}，低于期望的{min_pay}元", -PAY)


def deadline_reason(item: OpportunityItem, today: dt.date) -> Reason | None:
    """Shown, never scored: a closing date must not lift a worse match."""
    if item.deadline is None:
        return None
    days = (item.deadline - today).days
    return Reason(DEADLINE_REASON, f"{item.deadline.isoformat()} 截止（还有{days}天）", 0.0)
