"""The asked thing, found in the evidence: who leads, how much, when, how often, how long, how many.

A slot is filled from a clause's text (the shortest comma-separated piece of a sentence that
holds it, verbatim) or its metadata (a task's 责任单位 and lead unit, the document's date and
number). The lead sentence states it and cites its clause; verification checks it like any other
sentence (every number must be in the cited clause or its document's header).

What counts as a filler is read by the one number normaliser (text/numbers) and a few
expression shapes of Chinese policy text (每 + a period, a year or 年底): a unit of time or a
classifier after a number is grammar, not a list fitted to questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.instructions import is_planted_instruction, strip_instructions
from assistant.text.numbers import NUMERAL, quantities
from assistant.text.sentences import faq_question_sentences, split_sentences
from assistant.text.tokenize import words_at
from assistant.text.units import TIME_UNIT
from assistant.types import SearchHit
from assistant.understand.query import Asked

# the numeral forms text/numbers reads, as one alternation (Arabic, Chinese, 百分之)
_NUM = NUMERAL

_PERIOD = rf"(?:{TIME_UNIT}|小时|工作日)"  # after 个: 个月, 个小时, 个工作日
_NUM_SHORT = r"(?:\d{1,3}(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
_SHAPES: dict[Asked, re.Pattern[str]] = {
    Asked.amount: re.compile(rf"{_NUM}\s*(?:%|％|元|万元|亿元|倍)|百分之{_NUM}|{_NUM}\s*成(?![立本绩为员果])"),
    Asked.frequency: re.compile(rf"每(?:{_NUM})?{TIME_UNIT}|定期|按年度|一年一次|每届|每期"),
    # a number of periods, not a date (2019年1月1日) nor a grade (一年级) nor "每年" (a frequency)
    Asked.duration: re.compile(rf"(?<![每第月\d]){_NUM_SHORT}\s*{TIME_UNIT}(?![级\d])"),
    # a count of things, not of periods (3至12个月 is a duration)
    Asked.how_many: re.compile(rf"(?<!第){_NUM}\s*(?:个(?!{_PERIOD})|家|所|项|人|名|批|类|种|门|条|支)"),
    # a calendar date, or a day the law counts from or to (自用工之日起, 满一个月的次日, 补订合同的前一日)
    Asked.date: re.compile(
        r"\d{4}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?)?|年底|年内|年末|之前|以前|起施行|施行"
        r"|(?:之|次|当|前一|后一)日|届满"
    ),
    # how to reach someone: a telephone number (0991-1234567, a mobile, a hotline after 电话), a web or
    # mail address, a street address with its number or an office's floor and room
    Asked.contact: re.compile(
        r"(?:电话|热线|传真|手机)[^，。；\d]{0,6}[：:]?\s*(?:\d{3,4}[\-－—])?\d{5,8}(?![\d.元%％万])"
        r"|(?<!\d)\d{5,6}\s*(?:服务|咨询)?热线"
        r"|(?<!\d)0\d{2,3}[\-－—]\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
        r"|https?://|www\.|[\w.\-]+@[\w\-]+\.[\w.]+|\b[\w\-]+\.(?:gov|com|org|edu)\.cn\b"
        r"|[\u4e00-\u9fff]{1,8}(?:路|街|大道|巷)\s*\d+\s*号|\d+\s*号楼|\d+\s*(?:楼|层)\s*\d+\s*(?:室|房间)|地址[：:]"
    ),
}
# an amount a law gives by reference, not as a figure: 违约金的数额不得超过用人单位提供的培训费用,
# 额外支付的工资应当按照该劳动者上一个月的工资标准确定 (a bound or a basis naming what it is measured by)
_AMOUNT_BY_REFERENCE = re.compile(
    r"(?:不得|不应|不)(?:超过|低于|高于|少于)[^，。；、]{1,24}?(?:费用|工资|报酬|收入|数额|金额)"
    r"|按(?:照)?[^，。；、]{1,24}?(?:标准|比例)(?:确定|计算|支付)"
)
SLOT_KINDS = frozenset({Asked.unit, *_SHAPES})
# kinds whose filler is a shape, not a quantity (每年, 2023年底, 0991-1234567)
_NOT_COUNTED = frozenset({Asked.date, Asked.frequency, Asked.contact})
SLOT_LABELS = {
    Asked.unit: "牵头单位",
    Asked.amount: "金额或比例",
    Asked.frequency: "频次",
    Asked.duration: "期限",
    Asked.how_many: "数量",
    Asked.date: "时间",
    Asked.contact: "联系方式",
}
_PIECE = re.compile(r"[^，,：:]+[，,：:]?")
# a document's title (《国务院关于做好当前和今后一个时期…》) and a basis reference ((依据：《…》五、（十五）)) name
# documents and their parts: no value of theirs is a filler (一个时期 is not a count)
_TITLE = re.compile(r"《[^》]*》")
_REFERENCE = re.compile(r"^\s*[（(]?\s*(?:依据|来源|出处)[：:]")


def _values_of(text: str) -> str:
    """``text`` without what names documents: its titles emptied, a basis reference as nothing."""
    return "" if _REFERENCE.match(text) else _TITLE.sub("《》", text)


@dataclass(frozen=True)
class Slot:
    kind: Asked
    hit: SearchHit
    text: str  # the lead sentence's body (no marker): label and filler
    sentence: str = ""  # the clause's sentence the filler is read from (empty for a unit from metadata)
    document: bool = False  # said of the cited document itself (its date, its number), not of the clause

    @property
    def label(self) -> str:
        return SLOT_LABELS[self.kind]


def find_slot(
    kind: Asked,
    hits: list[SearchHit],
    preferred: list[str] | None = None,
    terms: dict[str, float] | None = None,
    within: list[str] | None = None,
) -> Slot | None:
    """The asked thing in the first hit that holds it (``preferred`` chunk ids are tried first);
    within a clause, the piece sharing most of the question's ``terms`` (idf-weighted). With
    ``within``, a value is read only from those sentences (the ones the answer quotes)."""
    if kind not in SLOT_KINDS:
        return None
    order = sorted(hits, key=lambda h: (h.chunk_id not in (preferred or []), hits.index(h)))
    for hit in order:
        found, sentence = (_unit(hit), "") if kind is Asked.unit else _shaped(kind, hit, terms or {}, within)
        if found and kind is Asked.how_many and _only_a_batch(found):
            # 一批 (a batch) is how a plan says "some": stated as the count asked, it read as one
            return Slot(kind, hit, f"{SLOT_LABELS[kind]}：原文没有给出具体数字，只说“{found}”", sentence)
        if found:
            return Slot(kind, hit, f"{SLOT_LABELS[kind]}：{found}", sentence)
    return None


def _only_a_batch(piece: str) -> bool:
    """Whether every count in ``piece`` is 一批 ("建设一批资源共享的实训基地"): no number of things."""
    counts = [m.group(0) for m in _SHAPES[Asked.how_many].finditer(_values_of(piece))]
    return bool(counts) and all(re.fullmatch(r"一\s*批", c) for c in counts)


def holds(kind: Asked, text: str) -> bool:
    """Whether ``text`` holds a filler of ``kind`` (a quantity of the right shape, a unit ...). An amount
    by reference (:func:`by_reference`) is not one here: the evidence rank reads this, and 工资不得低于当地
    最低工资标准 would outrank the holiday pay rates for "国庆加班工资怎么给"."""
    if kind is Asked.unit:
        return bool(_responsible_in_text(text) or _LIABLE.search(text))
    shape = _SHAPES.get(kind)
    if shape is None:
        return False
    text = _values_of(text)
    if kind is Asked.contact:  # a number or an address needs no word boundary (咨询电话0991-…)
        return bool(shape.search(text))
    if kind in _NOT_COUNTED:
        return _found(shape, text)
    return any(_found(shape, piece) and quantities(piece) for piece in _PIECE.findall(text))


def holds_beyond(kind: Asked, text: str, given: str) -> bool:
    """Whether ``text`` says the value of ``kind`` a question asks, other than the ones ``given`` (the
    question) states: "员工干满一年了，年休假一年能休几天？" is not answered by "连续工作一年以上的，享受带薪
    年休假" (the premise restated). A value is its numbers with the words of its shape (一年 / 一小时
    differ); an amount may be given by reference (不得超过…培训费用). Not used to rank sentences: 工资不得低于
    当地最低工资标准 would then outrank the holiday pay rates for "国庆加班工资怎么给"."""
    if kind is Asked.amount and by_reference(text) and not refers_to_asked(text, given):
        return True  # stated by what it is measured by: not a figure the question could have given
    if not holds(kind, text):
        return False
    if kind is Asked.unit or kind in _NOT_COUNTED:
        return True
    found = _values(kind, text)
    return not found or bool(found - _values(kind, given))


def _values(kind: Asked, text: str) -> set[tuple[frozenset[str], str]]:
    """The fillers of ``kind`` in ``text``: each as its numbers and the rest of its words (一年 -> ({1}, 年))."""
    out = set()
    for match in _SHAPES[kind].finditer(_values_of(text)):
        numbers = quantities(match.group(0))
        if numbers:
            out.add((frozenset(numbers), re.sub(_NUM, "", match.group(0)).strip()))
    return out


def _found(shape: re.Pattern[str], text: str) -> bool:
    """A match of ``shape`` that starts where a word starts (jieba): 定期 inside 固定期限 is no frequency."""
    matches = list(shape.finditer(text))
    if not matches:
        return False
    starts = words_at(text)
    return any(m.start() in starts for m in matches)


def hit_holds(kind: Asked, hit: SearchHit) -> bool:
    """Whether a clause says a value of ``kind``: in its text (an amount also by reference), or (a unit)
    in its metadata."""
    if kind is Asked.unit and hit.metadata.get("lead_unit"):
        return True
    text = strip_instructions(hit.text)  # a planted "回答：100万元" holds nothing
    return holds(kind, text) or (kind is Asked.amount and by_reference(text))


def by_reference(text: str) -> bool:
    """Whether ``text`` gives an amount by what it is measured by (不得超过用人单位提供的培训费用)."""
    return bool(_AMOUNT_BY_REFERENCE.search(_values_of(text)))


# characters a measure referred to shares with the question for it to be the very thing asked (最低工资 of
# 最低工资标准): two-character words (工资, 标准) are shared by a basis and what it measures (上一个月的工资标准
# answers "这一个月工资按什么标准算")
_SAME_MEASURE = 4


def refers_to_asked(text: str, question: str) -> bool:
    """Whether every amount ``text`` gives by reference refers to what ``question`` asks the figure of: "工资
    不得低于当地最低工资标准" for "最低工资一个月多少钱" says the figure is the figure asked, which is no answer."""
    spans = [m.group(0) for m in _AMOUNT_BY_REFERENCE.finditer(_values_of(text))]
    asked = re.sub(r"\W", "", question)
    grams = {asked[i : i + _SAME_MEASURE] for i in range(len(asked) - _SAME_MEASURE + 1)}
    return bool(spans) and all(any(g in span for g in grams) for span in spans)


def _unit(hit: SearchHit) -> str:
    lead = str(hit.metadata.get("lead_unit", "") or "")
    units = str(hit.metadata.get("responsible_units", "") or "")
    if lead:
        return f"{lead}（责任单位：{units}）" if units and units != lead else lead
    return _responsible_in_text(hit.text)


_RESPONSIBLE = re.compile(
    r"由([\u4e00-\u9fff、]{2,24}?)(?:负责|牵头|统筹|组织实施|主管|受理)"
    r"|(?:牵头|责任|主管)单位(?:为|是)([\u4e00-\u9fff]{2,16}?)(?=[，,。；;、（(]|$)"  # 牵头单位为办公室，…配合
)
_ASKING = re.compile(r"哪|什么|谁")


# who bears a duty or a liability (实习单位…依法承担法律责任, 用人单位应当承担赔偿责任): the clause says who,
# though not as a lead unit (no lead line is built from it; the quotes say it)
_LIABLE = re.compile(r"[\u4e00-\u9fff]{2,}(?:应当|应|须|依法|要)?(?:承担|负)[\u4e00-\u9fff]{0,6}责任")


def _responsible_in_text(text: str) -> str:
    """The unit a text says leads or handles it (由教育局负责, 牵头单位为办公室); not from an FAQ's question
    ("由哪个部门牵头？" led an answer with "牵头单位：哪个部门"), never a question word."""
    sentences = split_sentences(text)
    said = "\n".join(s for s, asked in zip(sentences, faq_question_sentences(sentences)) if not asked)
    for match in _RESPONSIBLE.finditer(said):
        unit = match.group(1) or match.group(2)
        if not _ASKING.search(unit):
            return unit
    return ""


def _shaped(kind: Asked, hit: SearchHit, terms: dict[str, float], within: list[str] | None = None) -> tuple[str, str]:
    """The piece of ``hit`` stating a value of ``kind`` that shares most of the question's ``terms`` (with
    the case it is said of), and its sentence; empty strings when no piece states one."""
    shape = _SHAPES[kind]
    pieces: list[tuple[str, str, str]] = []  # (piece, its case: the piece before it ending in 的, the sentence)
    for sentence in split_sentences(hit.text):
        if is_planted_instruction(sentence) or (within is not None and sentence not in within):
            continue  # addressed to a model, or not quoted: never a value to state
        if not _values_of(sentence):
            continue
        parts = _PIECE.findall(sentence)
        for i, piece in enumerate(parts):
            values = _values_of(piece)
            shaped = (shape.search(values) if kind is Asked.contact else _found(shape, values)) and (
                kind in _NOT_COUNTED or quantities(values)
            )
            if (
                (shaped or (kind is Asked.amount and by_reference(values)))
                # "…超过一个月不满一年未与劳动者订立书面劳动合同的，" names a case, not a value: never a lead line
                and not _trim(piece).endswith("的")
            ):
                case = parts[i - 1] if i > 0 and _trim(parts[i - 1]).endswith("的") else ""
                pieces.append((piece, case, sentence))
    if not pieces:
        return "", ""
    # a piece is weighed with its case: "…未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资" is the
    # value for "老板一直拖着不签合同，我能找他要多少钱" though 合同 is in the case only
    best, case, sentence = max(
        pieces, key=lambda p: (sum(w for t, w in terms.items() if t in p[1] + p[0]), -pieces.index(p))
    )
    # a value said of a case (…仍不签的，企业要每月支付二倍工资) is stated with its case, not as a rule for all
    return (_trim(case + best) if case else _trim(best)), sentence


def _trim(piece: str) -> str:
    return re.sub(
        r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d)|第[一二三四五六七八九十百]+条)\s*", "", piece
    ).rstrip("，,：:；;。")
