"""What an opening offers besides its pay (住宿, 餐食, 五险一金), and the openings offering what a student asks for
first: "有没有包吃住的实习" listed every internship by place, as if 包吃住 were not said.

The words are the vocabulary's ``perks`` (the words people ask in, 包住 / 管饭, and the words postings state it in,
提供住宿 / 含食宿 / 包工作餐): an item offers a perk when its 待遇, 保险 or 岗位说明 line holds one of them.
"""

from __future__ import annotations

import re

from assistant.opportunities.fit import FEE_REASON, PAY_REASON, Reason
from assistant.opportunities.items import OpportunityItem
from assistant.opportunities.recommend import Recommendation
from assistant.understand.reader import perks_said

# the perk of costing nothing (vocabulary ``perks``): a training's or a program's, stated as 免费 (not 提供免费)
FREE = "免费"
PERK = 1.0  # the score of offering every perk asked (graded like a reason; one missing lists it among the nearest)
_OFFER_LINES = re.compile(r"^(?:待遇|保险|岗位说明|说明|学费)：(.+)$", re.MULTILINE)


def offered(item: OpportunityItem) -> list[str]:
    """The perks ``item`` states (its 待遇, 保险, 岗位说明 and 学费 lines), in the vocabulary's labels."""
    return perks_said("\n".join(m.group(1) for m in _OFFER_LINES.finditer(item.text)))


def stated(perks: list[str]) -> str:
    """How the perks are said after 写明: 提供住宿、餐食; 免费 as it is (提供住宿，免费)."""
    offers = [p for p in perks if p != FREE]
    return "，".join([*(["提供" + "、".join(offers)] if offers else []), *([FREE] if FREE in perks else [])])


def offering_first(recs: list[Recommendation], asked: list[str]) -> list[Recommendation]:
    """``recs`` with a reason saying whether each states the perks ``asked``, those stating all of them first
    (in their order), then those stating some, then the rest; one not stating all is no good fit (it comes
    under the nearest, the reason saying what it does not state)."""
    if not asked:
        return recs

    def met(rec: Recommendation) -> int:
        have = offered(rec.item)
        missing = [p for p in asked if p not in have]
        # a program states its fees (学费), not a pay: what it says is the reason's
        program = bool(rec.item.tuition) and not rec.item.pay
        field, line = (FEE_REASON, rec.item.tuition) if program else (PAY_REASON, rec.item.pay)
        # the line said with it (实习补贴2500-3000元/月，含食宿; 免费培训), stated or not: a pay or fee asked is then
        # not said twice, and not lost when the perk is missing
        said = f"{line}；" if line and not any(r.reason == field for r in rec.reasons) else ""  # a pay asked says it
        # the reason first: what was asked is what a line says before its other reasons (a line shows three)
        if missing:
            rec.fits = False
            rec.reasons.insert(0, Reason(field, f"{said}没有写明{stated(missing)}", 0.0))
        else:
            rec.score += PERK
            rec.reasons.insert(0, Reason(field, f"{said}写明{stated(asked)}", PERK))
        return len(missing)

    counted = [(met(rec), n, rec) for n, rec in enumerate(recs)]
    return [rec for _, _, rec in sorted(counted, key=lambda c: (c[0], c[1]))]
