"""The everyday words of the closed sets (levels, kinds, openings, majors, enterprise types, activities,
school terms, spoken time words, the people a message is about, the nouns and posts of a business or a school),
read from ``vocabulary.yaml``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml


@dataclass(frozen=True)
class Vocabulary:
    levels: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]
    majors: dict[str, tuple[str, ...]]
    enterprise_types: dict[str, tuple[str, ...]]
    activities: dict[str, tuple[str, ...]]
    school_terms: dict[str, tuple[str, str]]  # word -> (MM-DD from, MM-DD to)
    openings: tuple[str, ...] = ()  # an opening of any kind (岗位): a student looking, kind not said
    options: tuple[str, ...] = ()  # what ways there are, of any kind (出路): programs and openings alike
    time_words: dict[str, str] = field(default_factory=dict)  # spoken word -> the words jionlp reads
    # who a message is about (女儿, 外甥) and the words saying someone likes something (感兴趣): never an interest
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # a business or an employer (厂, 公司, 店): "我们厂" speaks for one
    owners: tuple[str, ...] = ()  # posts that speak for one (老板, 厂长, 人事)
    schools: tuple[str, ...] = ()  # a school (职校, 学院): "我们职校" speaks for one
    teachers: tuple[str, ...] = ()  # posts at a school (老师, 校长): "我是初中老师" speaks for one
    graduates: tuple[str, ...] = ()  # those the graduate records count (毕业, 应届): an employer's hire
    report_names: tuple[str, ...] = ()  # the yearly supply-and-demand report's name on the platform (供需报告)
    platform_places: tuple[str, ...] = ()  # the platform named as where to look (平台上)
    issuing: tuple[str, ...] = ()  # issuing a document (印发, 出台): its own date is the one asked
    wages: tuple[str, ...] = ()  # what one is paid (月薪, 工资): a number after one is the pay asked for
    paid: tuple[str, ...] = ()  # the verbs of being paid (给, 拿, 挣): how much right after them asks the pay
    fees: tuple[str, ...] = ()  # asking what attending costs (交多少, 贵不贵): a school's or a program's fee asked
    fee_names: tuple[str, ...] = ()  # a cost named (学费, 收费): asks the fee only with a price asked
    prices: tuple[str, ...] = ()  # a price asked of a cost named (多少, 贵, 交)
    lengths: tuple[str, ...] = ()  # asking how long attending takes (几年, 多久, 学制): a program's length asked
    # a law's dated events as its text says them (施行, 修订, 通过) -> the words a question says them in
    law_events: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # what an opening offers besides the pay (住宿, 餐食, 五险一金) -> the words asking for it or stating it
    perks: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # what a listed item states (money: 学费, 费用; contact: 联系方式, 电话): a follow-up asking it of the listing
    item_fields: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def kind_of_part(self, word: str) -> str:
        """The kind whose ways of being said mostly hold ``word``: more of them than all other kinds' together
        (工作: 找工作, 正式工作, 工作机会 are 全职, 边工作边学 alone 学徒); '' when none does or no kind holds
        most (岗位: 实训岗位 is 实习, 就业岗位 全职)."""
        if len(word) < 2:
            return ""
        holding = {kind: sum(word in s for s in said) for kind, said in self.kinds.items()}
        kind, most = max(holding.items(), key=lambda k: k[1])
        return kind if most and most > sum(holding.values()) - most else ""

    def find(self, table: dict[str, tuple[str, ...]], text: str) -> list[str]:
        """Labels of ``table`` whose words occur in ``text``, in order of first occurrence;
        a word inside a longer matched word does not count again (学徒 inside 新型学徒制).
        Only the listed words count (a label is not a word of its own unless listed)."""
        spans: list[tuple[int, int, str]] = []
        words = sorted(((w, label) for label, ws in table.items() for w in ws), key=lambda p: -len(p[0]))
        taken = [False] * len(text)
        for word, label in words:
            for found in _gapped(word).finditer(text):
                start, end = found.span()
                if not any(taken[start:end]):
                    taken[start:end] = [True] * (end - start)
                    spans.append((start, end, label))
        out: list[str] = []
        for _, _, label in sorted(spans):
            if label not in out:
                out.append(label)
        return out


# a listed phrase still counts with a few words between its own (接收学生 in 接收职校学生), inside one clause
_GAP = r"[^，,。；;！!？?\s]{0,4}?"


@functools.cache
def _gapped(word: str) -> re.Pattern[str]:
    """``word`` as a pattern: its jieba words in order, a short gap allowed between them."""
    from assistant.text.tokenize import cut_words

    parts = [p for p in cut_words(word) if p.strip()] if len(word) >= 4 else [word]
    if len(parts) < 2:
        parts = [word]
    return re.compile(_GAP.join(re.escape(p) for p in parts))


@functools.cache
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load((resources.files(__package__) / "vocabulary.yaml").read_text(encoding="utf-8"))

    def table(name: str) -> dict[str, tuple[str, ...]]:
        return {str(k): tuple(str(w) for w in v) for k, v in raw[name].items()}

    def words(name: str) -> tuple[str, ...]:
        return tuple(str(w) for w in raw.get(name, []))

    terms = {str(k): (str(v["from"]), str(v["to"])) for k, v in raw["school_terms"].items()}
    return Vocabulary(
        table("levels"),
        table("kinds"),
        table("majors"),
        table("enterprise_types"),
        table("activities"),
        terms,
        time_words={str(k): str(v) for k, v in raw.get("time_words", {}).items()},
        law_events=table("law_events"),
        perks=table("perks"),
        item_fields=table("item_fields"),
        **{name: words(name) for name in _WORD_LISTS},
    )


# the vocabulary's plain word lists (the Vocabulary fields of that name)
_WORD_LISTS = (
    "openings",
    "options",
    "people",
    "organisations",
    "owners",
    "schools",
    "teachers",
    "graduates",
    "report_names",
    "platform_places",
    "issuing",
    "wages",
    "paid",
    "fees",
    "fee_names",
    "prices",
    "lengths",
)
