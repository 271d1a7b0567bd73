"""Multi-turn: rewrite a follow-up into a standalone question before retrieval.

"那学徒制呢？" after "企业投资职业教育能享受什么税收优惠？" becomes
"学徒制能享受什么税收优惠？"; "这个比例是多少" after "试点企业投资职业教育能抵免哪些税费"
becomes "试点企业、职业教育、抵免、税费：这个比例是多少" (the previous question's topic words,
not its filler). Rules, not the LLM: the 1.5B
model's rewrites were not reliable enough to put in front of retrieval, and rules are
deterministic and instant.
"""

from __future__ import annotations

import re

from assistant.places import places_in
from assistant.text.tokenize import cut_words, in_dictionary, nominal_flag, tagged_words
from assistant.types import Turn
from assistant.understand.reader import speaks_for_enterprise, speaks_for_school
from assistant.understand.topic import RARE_IDF, general_rarity, named_words, topic_words

# "那X呢" / "X呢" / "那么X怎么样" : a new subject, the rest of the question carried over
_NEW_SUBJECT = re.compile(
    r"^(?:那么?|那|还有|另外|如果是|要是|换成)?\s*(?P<subject>[^，。？?！!]{1,20}?)\s*(?:呢|怎么样|如何)[？?。！!]*$"
)
# anaphora: the follow-up leans on the previous question's subject
_ANAPHORA = re.compile(r"这个|那个|这些|那些|这项|该项|上述|它们?|其中|这里|那里|^这|^那|^该|^还|^再|^又|^同样")
# where the asking part of a question starts: 有什么 / 能享受 / 是多少 / 怎么 ...
_ASKING = re.compile(
    r"(?:能|可以|可|会|要|需要|应当|有|是)?(?:享受|获得|申请|得到|抵免|抵扣)?"
    r"(?:什么|哪些|哪几|多少|怎么|怎样|如何|几|是否|能否|有没有|是不是)"
)
# any word that asks: those, and the ones asking which one, where, who or how long ("找哪个部门"); the asking part
# of a question to carry over starts at one of :data:`_ASKING` ("…找谁申请" is carried whole, not from 谁)
_ASKS = re.compile(_ASKING.pattern + r"|哪|啥|谁|多久|多长")
MAX_FOLLOW_UP = 24
_HOW_IT_IS = ("怎么样", "如何")


_CHAIN = 3  # follow-ups of follow-ups: how many earlier questions are read back
# a message opening with who writes it (我是学校管就业的老师，…; 我们是…) starts a matter of its own: nothing of the
# exchange before is carried into it (not 我是想… / 我是说…, a wish or a rewording)
_INTRODUCES = re.compile(r"^(?:我|我们|咱们|本人)(?:是|属于)(?!想|说|问)")
# a clause only saying that someone asks (有群众问，…; 我想问一下，…; 有企业来电咨询：…): it ends with a verb of
# asking (jieba's words; 疑问 of "有疑问" is a noun of its own), a particle of manner at most after it, never 了
# (我向学校咨询了 says what was done). Short: a frame, not a sentence
_ASKING_VERBS = frozenset({"问", "请问", "问问", "咨询", "打听", "知道", "了解"})
_AFTER_ASKING = frozenset({"一下", "下", "道", "说"})
_FRAME_CHARS = 10
_CLAUSE = re.compile(r"[^，,：:；;。！!？?]+[，,：:；;。！!？?]*")


def without_asking_frames(message: str) -> str:
    """``message`` without the clauses only saying that someone asks (a staff member relaying "有群众问，企业参与
    职业教育能抵多少税": 群众 found the clause on 扫除文盲 of 基层群众性自治组织); the last clause is always kept."""
    clauses = _CLAUSE.findall(message.strip())
    kept = [c for c in clauses[:-1] if not _only_asks(c)] + clauses[-1:]
    rest = "".join(kept)
    return rest if len(clauses) > len(kept) and len(re.sub(r"\W", "", rest)) >= 4 else message.strip()


def _only_asks(clause: str) -> bool:
    text = clause.rstrip("，,：:；;。！!？? ")
    # the writer's own school or business asking ("我们职校想知道，…") says who writes: no frame to drop
    if not text or len(text) > _FRAME_CHARS or speaks_for_school(text) or speaks_for_enterprise(text):
        return False
    words = [w for w, _ in tagged_words(text)]
    while words and words[-1] in _AFTER_ASKING:
        words.pop()
    return bool(words) and words[-1] in _ASKING_VERBS


def standalone_question(question: str, history: list[Turn] | None, depth: int = _CHAIN) -> str:
    """The question to retrieve with: ``question`` itself unless it leans on the history. The
    previous question is taken as it was understood: a follow-up of a follow-up ("这个找谁申请？" then
    "那要是在104团呢？") carries the first question's topic, not the filler of the one before."""
    question = without_asking_frames(question)
    history = history or []
    at = _last_user_turn(history)
    previous = history[at].content.strip() if at is not None else ""
    if previous and depth > 0:
        previous = standalone_question(previous, history[:at], depth - 1)
    if not previous or len(question) > MAX_FOLLOW_UP * 2:
        return question
    match = _new_subject(question)
    if match and len(question) <= MAX_FOLLOW_UP:
        subject = match.group("subject")
        place = _place_named(previous)
        if place and not places_in(subject):
            subject = place + subject
        into = _subject_slot(previous)
        if into is not None:
            return subject + previous[into:]
        # how something is, with nothing asked before to put it into ("光伏运维学徒现在还招吗？" then "待遇怎么样"):
        # what is asked now, of the topic before, not a new topic for the question before ("那乌鲁木齐的呢")
        topic = "、".join(_topic_phrases(previous))
        if topic and _asks_how_it_is(match):
            return f"{topic}：{question}"
        return f"{subject}，{previous}"
    if len(question) > MAX_FOLLOW_UP or _INTRODUCES.match(question):
        return question
    carried = _topic_phrases(previous)
    leans = _ANAPHORA.search(question) or _elliptical(question)
    # picking up the last exchange only when its topic adds to the question ("有哪些补贴可以拿" after "有什么补贴"
    # says it all already)
    adds = any(w not in question for w in carried)
    if leans or (adds and (_picks_up(question, _last_exchange(history, at)) or _too_short_alone(question))):
        # the previous question's topic, not its filler words ("我们公司准备…能享受什么")
        topic = "、".join(carried) or previous.rstrip("？?。！! ")
        return f"{topic}：{question}"
    return question


def _topic_phrases(text: str) -> list[str]:
    """The topic words of ``text`` as the phrases they stand in, in order: words next to each other in the text are one
    phrase (低压电工作业培训班, not 低压、电工、作业、培训班; 双倍工资), with the nouns right after them (失业人员:
    Chinese compounds end in their head, 人员 an everyday word): carried over that way, a follow-up is retrieved with
    the name as it was said."""
    spans = sorted((at, at + len(word)) for word in topic_words(text) if (at := text.find(word)) >= 0)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    tags = _tags_at(text)
    for span in merged:
        while span[1] in tags and tags[span[1]][1] == "n" and in_dictionary(tags[span[1]][0]):
            span[1] += len(tags[span[1]][0])
    # what the question asked of its topic is the question's, not the topic: from its asking word on ("是哪个部门
    # 牵头建设的", "什么时候开班", "能享受哪些支持"), a phrase ending in a verb was what it asked; one ending in a noun
    # is still what it was about ("有哪些实习岗位": the follow-up asks of those)
    asking = _asking_at(text)
    ends = {start + len(word): flag for start, (word, flag) in tags.items()}
    kept = [(start, min(end, asking)) if start < asking else (start, end) for start, end in merged]
    kept = [(start, end) for start, end in kept if start < asking or nominal_flag(ends.get(end, "n"))]
    return list(dict.fromkeys(text[start:end] for start, end in kept))


def _tags_at(text: str) -> dict[int, tuple[str, str]]:
    """jieba's words of ``text`` with their tags, by where each starts ({} when normalising changed its length)."""
    at, found = 0, {}
    for word, flag in tagged_words(text):
        found[at] = (word, flag)
        at += len(word)
    return found if at == len(text) else {}


# an A-not-A question (贵不贵, 能不能, 有没有): what follows it is asked too
A_NOT_A = re.compile(r"(\w)[不没]\1")


def _asking_at(text: str) -> int:
    """Where the asking part of ``text`` starts: its first asking word or A-not-A question; its end when none."""
    found = [m.start() for m in (_ASKS.search(text), A_NOT_A.search(text)) if m]
    return min(found, default=len(text))


# a question this short (its characters but punctuation) naming no term of its own matter says no subject:
# "报名截止到哪天？", "企业这边能拿补贴不？" right after an exchange ask of what it was about; "产假有几天" does not.
# Chosen on the dev follow-ups (evals/conversations_dev.jsonl: those leaning on the exchange have 4-12
# characters, questions of their own 12-30)
SHORT_QUESTION = 10
_YES_NO = re.compile(r"[吗么不没][？?。！!]*$")


def _too_short_alone(question: str) -> bool:
    """A question too short to stand alone: at most :data:`SHORT_QUESTION` characters, asking (an asking word or
    a yes-no question), naming no word as rare as a term (:data:`~assistant.understand.topic.RARE_IDF`: 报名, 补贴
    are words of any matter; 产假, 加班费 a matter), and not addressed to the assistant."""
    short = len(re.sub(r"[\W_]", "", question)) <= SHORT_QUESTION
    asks = bool(_ASKS.search(question) or _YES_NO.search(question.strip()))
    rare = any(general_rarity(word) >= RARE_IDF for word in named_words(question))
    return short and asks and not rare and not _ADDRESSED.search(question)


# the assistant addressed (你能做什么, 您是谁): a question about it, not an ellipsis of the one before
_ADDRESSED = re.compile(r"[你您]")


def _elliptical(question: str) -> bool:
    """A question that asks without naming what of ("需要什么条件", "有什么要求", "要交多少钱？", "从哪天开始算？"): no
    topic word of its own (jieba's general idf) that is a word of the language and no asking word (要交, 学完: pieces
    its new-word model glued; 哪天, 多久: what is asked), an asking word, and not addressed to the assistant (你能做什么
    asks of it)."""
    named = [w for w in topic_words(question) if in_dictionary(w) and not _ASKS.search(w)]
    return bool(_ASKS.search(question)) and not named and not _ADDRESSED.search(question)


def _picks_up(question: str, said: str) -> bool:
    """A question asking of something the last exchange said ("补贴大概多少钱" after an answer on apprenticeship
    subsidies: 补贴 is a topic word, so the question is not elliptical, yet it asks of that subsidy): an asking
    word, one of its topic words in the last question or answer, and not addressed to the assistant."""
    if not _ASKS.search(question) or _ADDRESSED.search(question):
        return False
    words = topic_words(question)
    # what the question names (its topic words jieba tags a noun or a verb and knows: 补贴, 加班, 辞职; not 大概, nor
    # a piece its new-word model glued) must all have been said: "加班一个月最多能加多少小时？" after an answer on
    # the probation period names 加班, which it did not say (一个月 it did), and is a question of its own (it
    # carried 试用期 and was answered with the probation rule, and the next question in turn carried both)
    named = named_words(question) or words
    heads = _heads(said)
    # a word of two or three characters shares its head with one said (补助 with 资助, 住宿费 with 学费); a longer
    # compound names one thing, said or not (产教融合型企业 is not 产教融合试点的企业: its head 业 is any 企业's)
    return bool(named) and all(word in said or (2 <= len(word) <= 3 and word[-1] in heads) for word in named)


def _heads(said: str) -> set[str]:
    """The heads (last characters) of the words of two characters or more in ``said`` (jieba's cut): Chinese
    compounds are right-headed, so a question's 补助 shares its head with 资助 (both kinds of 助, aid), and
    "有没有补助？" after an answer saying 中职资助政策 asks of that aid."""
    return {other[-1] for other in cut_words(said) if len(other) >= 2}


def _last_exchange(history: list[Turn], at: int | None) -> str:
    """The last question and what the assistant answered to it."""
    if at is None:
        return ""
    return "\n".join(turn.content for turn in history[at:])


def asking_text(question: str, history: list[Turn] | None, depth: int = _CHAIN) -> str:
    """The words that say what is asked: the question's own, unless it only names a new subject
    ("那要是在104团呢？"), which asks what the question before it asked."""
    question = question.strip()
    history = history or []
    at = _last_user_turn(history)
    match = _new_subject(question)
    if at is None or depth == 0 or not match or len(question) > MAX_FOLLOW_UP:
        return question
    previous = history[at].content.strip()
    # how something is, asked after a question with nothing asked to put it into ("没去会怎么样" after "一年要去
    # 多久？"): the question asks that itself (as standalone_question reads it)
    if _subject_slot(previous) is None and _asks_how_it_is(match):
        return question
    return asking_text(previous, history[:at], depth - 1)


def _subject_slot(previous: str) -> int | None:
    """Where the asking part of the question before starts, when a subject comes before it for a new one to take
    its place ("企业投资职业教育|能享受什么税收优惠"); None when it asks nothing or asks first."""
    asking = _ASKING.search(previous)
    return asking.start() if asking and asking.start() > 0 else None


def _asks_how_it_is(match: re.Match[str]) -> bool:
    """Whether a new-subject match asks how it is ("待遇怎么样", "没去会如何") rather than only naming it (那X呢)."""
    return match.group(0).rstrip("？?。！! ").endswith(_HOW_IT_IS)


def new_subject(question: str) -> str:
    """The subject a "那X呢" follow-up names ("他们的联系方式呢": 他们的联系方式); '' for any other question."""
    match = _new_subject(question)
    return match.group("subject") if match else ""


def _new_subject(question: str) -> re.Match[str] | None:
    """ "那X呢": the whole question, or its last clause after a word of reply ("好的，那乌鲁木齐的呢？")."""
    return _NEW_SUBJECT.match(question) or _NEW_SUBJECT.match(re.split(r"[，,]", question)[-1].strip())


def _place_named(text: str) -> str:
    """The first place ``text`` names, as it is written there ('' when none)."""
    for place in places_in(text):
        return next(name for name in sorted(place.names, key=len, reverse=True) if name in text)
    return ""


def _last_user_turn(history: list[Turn]) -> int | None:
    for at in range(len(history) - 1, -1, -1):
        if history[at].role == "user" and history[at].content.strip():
            return at
    return None
