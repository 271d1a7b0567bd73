"""What a message asks, typed: the capability it needs, the thing asked, the place, who is asking."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from assistant.places import Scope
from assistant.understand.reader import EnterpriseReading, StudentReading


class Route(str, Enum):
    """Which capability answers: a policy answer, the benefit matcher, opportunities, or the
    information platform's records (cooperation projects, technical needs, talent demand ...)."""

    policy = "policy"
    benefits = "benefits"
    opportunities = "opportunities"
    platform = "platform"


class Asked(str, Enum):
    """The thing a question asks for (the slot the answer must fill first)."""

    unit = "unit"  # which unit leads / is responsible / where to apply
    amount = "amount"  # money, a ratio, a percentage
    date = "date"  # a date, a deadline, a year
    frequency = "frequency"  # how often
    duration = "duration"  # how long
    how_many = "count"  # how many
    items = "list"  # which items
    yesno = "yesno"  # whether
    howto = "howto"  # how to, the procedure
    definition = "definition"  # what something is
    contact = "contact"  # how to reach someone: a phone number, an address, a website, an office's place


@dataclass(frozen=True)
class Query:
    """One message understood in the light of the conversation."""

    message: str
    standalone: str  # the question to retrieve with (the history's topic carried into a follow-up)
    route: Route
    asked: Asked
    scope: Scope
    route_scores: tuple[tuple[str, float], ...] = ()
    asked_scores: tuple[tuple[str, float], ...] = ()
    topic: tuple[str, ...] = ()  # the message's topic words (rare in general language)
    off_topic: float = 0.0  # probability the message is about something the documents never cover (the weather …)
    small_talk: float = 0.0  # probability the message talks to the assistant (你好, 谢谢) instead of asking
    # the bears probe's share (balanced), for a unit asked: who bears a liability, a cost or a duty ("出了事谁担
    # 责任", "培训费谁出") rather than who leads or handles it; 0 when no unit is asked
    bears: float = 0.0
    # the outcomes probe's share (balanced, on the opportunities route): how a major's graduates fare ("哪个专业
    # 就业率高", "学护理出来好就业吗"), which the programs' graduate rows answer; 0 on the other routes
    outcomes: float = 0.0
    student: StudentReading = field(default_factory=StudentReading)
    enterprise: EnterpriseReading = field(default_factory=EnterpriseReading)
    follow_up: bool = False
    parts: tuple[tuple[str, Asked], ...] = ()  # a question asking two things: each part and what it asks
    # the writer speaks for a business (我们厂…, 我是公司的人事): never told how a student searches
    for_enterprise: bool = False
    # the platform record kind the message asks for when the understanding decided it (an employer naming
    # graduates: "graduates"); empty: the chat reads it from the message
    platform_kind: str = ""
    # the writer's business looks for students to take in, of a trade or a kind a student seeks ("我开了家汽修厂，
    # 想从职校要几个学徒"): the schools training them (the platform's graduate records) belong in the answer
    takes_students: bool = False
    # such a business's message only narrows the students sought by a place, a level, a kind or a major ("那昌吉的
    # 呢？", "有高职的吗" after "我们厂想招几个学电工的实习生"): the schools answer it, not a rule's quotes
    narrows_students: bool = False
    # a business asking on about what was matched for it ("要满足什么条件" after "…能享受什么优惠？"): the matched
    # entries answer it; a rule's quotes only when they are of a matched entry's clause
    on_benefits: bool = False
    # the platform probe's share (balanced): the message asks for the information platform's records rather than not
    platform: float = 0.0

    @property
    def asks_who_bears(self) -> bool:
        """Whether a unit asked is who bears a liability, a cost or a duty (the bears probe past even odds, not
        tuned) rather than who leads or handles it."""
        return self.bears >= BEARS_SHARE

    @property
    def asks_outcomes(self) -> bool:
        """Whether the message asks how a major's graduates fare (the outcomes probe past even odds, not tuned)."""
        return self.outcomes >= OUTCOMES_SHARE

    def asks_also(self, *kinds: Asked) -> bool:
        """Whether the message asks one of ``kinds`` among what it asks: a kind read at least :data:`ALSO_ASKED` of
        the first one's probability and twice an even share ("电工培训多少钱，什么时候开班" reads date 0.32 and amount
        0.26: both asked; "石河子有没有招会计的" reads definition 0.13, unit 0.12, date 0.11: none)."""
        if not self.asked_scores:
            return self.asked in kinds
        scores = dict(self.asked_scores)
        floor = max(ALSO_ASKED * max(scores.values()), 2 / len(Asked))
        return any(scores.get(kind.value, 0.0) >= floor for kind in kinds)


BEARS_SHARE = 0.5
OUTCOMES_SHARE = 0.5
# a kind asked beside another: half the first one's probability (a kind asked alone is twice the next's,
# understander.CLEAR_LEAD), and twice an even share over the kinds (a flat reading asks none); not tuned
ALSO_ASKED = 0.5
