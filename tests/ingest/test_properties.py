"""Properties of decoding, cleaning, the clause parser and the chunker over generated text.

Generated documents mix headings (一、 （一） 1. （1） 第N章 第N条), numbers on their own lines,
empty sections, very long lines with and without punctuation, no structure at all, page
chrome and odd blanks. Whatever comes in: nothing raises; every character of the body lands in
exactly one chunk, in order; no chunk is shorter than ``MIN_CHARS`` unless it is a whole cited
clause or the whole body is that short. Example counts are bounded so this runs in seconds.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.errors import BinaryContent
from assistant.ingest.chunking import CITED, MAX_CHARS, MIN_CHARS, chunk_policy
from assistant.ingest.clauses import Clause, parse_clauses
from assistant.ingest.cleaning import Line, clean_text
from assistant.ingest.decode import decode_text
from assistant.types import Kind, SourceDocument

EXAMPLES = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"  # noqa: E501
PUNCT = "，。、；：？！“”（）《》"
BLANKS = [" ", "\u3000", "\xa0", "\t", "\u2002", "\u200b", "\ufeff"]
CHROME = ["网站支持IPv6", "关怀版", "首页", "打印本页", "seszf-2020-000224 主题分类", "公开日期 2020-08-09 点击数"]
CN_NUM = "一二三四五六七八九十"

words = st.text(alphabet=HAN + "0123456789", min_size=1, max_size=12)
sentence = st.builds(
    lambda w, p: w + p, st.text(alphabet=HAN + "，、0123456789", min_size=1, max_size=60), st.sampled_from("。；！？")
)
paragraph = st.lists(sentence, min_size=1, max_size=6).map("".join)
long_line = st.one_of(
    st.text(alphabet=HAN + "，", min_size=500, max_size=1500),  # no sentence end at all
    st.lists(sentence, min_size=15, max_size=40).map("".join),
)
heading = st.one_of(
    st.builds(lambda n, w: f"{CN_NUM[n]}、{w}", st.integers(0, 9), words),
    st.builds(lambda n, w: f"（{CN_NUM[n]}）{w}", st.integers(0, 9), words),
    st.builds(lambda n, w: f"{n}.{w}", st.integers(0, 30), words),
    st.builds(lambda n, w: f"（{n}）{w}", st.integers(0, 30), words),
    st.builds(lambda n, w: f"第{n}章 {w}", st.integers(0, 12), words),
    st.builds(lambda n, p: f"第{n}条 {p}", st.integers(0, 200), paragraph),
    st.builds(lambda n, w, p: f"{n}.{w}。{p}", st.integers(1, 30), words, paragraph),  # heading carrying its body
)
number_line = st.integers(0, 100000).map(str)
line = st.one_of(paragraph, paragraph, heading, heading, number_line, long_line, st.sampled_from(CHROME), st.just(""))
padded = st.builds(
    lambda b, text, a: b + text + a, st.sampled_from(["", *BLANKS]), line, st.sampled_from(["", *BLANKS])
)
documents = st.one_of(
    st.lists(padded, min_size=0, max_size=40).map("\n".join),  # mixed structure
    st.lists(paragraph, min_size=1, max_size=8).map("\n".join),  # no structure at all
    st.lists(st.one_of(heading, st.just("")), min_size=1, max_size=10).map("\n".join),  # headings, empty sections
)


def _doc() -> SourceDocument:
    return SourceDocument("doc", "doc.txt", Kind.policy, "标题", "hash")


def _placed(root: Clause) -> list[Line]:
    """Lines as the tree holds them: bodies, and heading lines of clauses (in tree order)."""
    out: list[Line] = []
    for node in root.walk():
        if node.line is not None:
            out.append(node.line)
        out.extend(node.lines)
    return out


def _body(root: Clause) -> list[Line]:
    """What chunks must hold: every clause's body, and a last heading with nothing under it."""
    out: list[Line] = []
    for node in root.walk():
        out.extend(node.lines or ([node.line] if node.line is not None and not node.children else []))
    return out


def _check_coverage(lines: list[Line], root: Clause, chunks: list) -> None:
    """Chunk texts, in order, are the document's lines: every body line once, and each heading line
    either once in the text or carried (not repeated) in the clause path of the chunks under it."""
    body = set(_body(root))
    heads = {node.line: node for node in root.walk() if node.line is not None}
    text = "".join(c.text.replace("\n", "") for c in chunks)
    paths = " | ".join(c.clause_path for c in chunks)
    position = 0
    for ln in lines:
        if text.startswith(ln.text, position):
            position += len(ln.text)
        else:
            assert ln not in body, ("body line missing", ln)
            assert ln in heads and heads[ln].heading in paths, ("heading lost", ln)
    assert position == len(text), "text that is not in the document, or twice"


@EXAMPLES
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_a_named_refusal(data: bytes) -> None:
    try:
        text, encoding = decode_text(data, "x.txt")
    except BinaryContent as exc:
        assert "x.txt" in str(exc)
        return
    assert "\r" not in text and encoding


@EXAMPLES
@given(documents, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_decoding_text_in_a_supported_encoding_round_trips(text: str, encoding: str) -> None:
    text = text.replace("\ufeff", "").replace("\r", "")
    data = text.encode(encoding)
    if encoding == "gb18030":  # bytes valid as UTF-8 are read as UTF-8 (decode.py): real GB text never is
        assume(not _valid_utf8(data) or data.isascii())
    decoded, _ = decode_text(data, "x.txt")
    assert decoded == text


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@EXAMPLES
@given(documents, st.sampled_from(["text", "markdown", "html"]))
def test_cleaning_keeps_offsets_and_never_raises(text: str, fmt: str) -> None:
    cleaned = clean_text(text, fmt)
    previous_end = -1
    for ln in cleaned.lines:
        assert ln.text and ln.text == ln.text.strip()
        assert ln.start >= previous_end
        if fmt != "markdown":  # markdown markers are taken off the text, not the span
            assert text[ln.start : ln.end] == ln.text
        previous_end = ln.end


@EXAMPLES
@given(documents)
def test_every_line_is_placed_exactly_once_in_the_clause_tree(text: str) -> None:
    lines = clean_text(text, "text").lines
    placed = _placed(parse_clauses(lines))
    assert sorted(placed, key=lambda ln: ln.start) == lines


@EXAMPLES
@given(documents)
def test_every_body_character_lands_in_exactly_one_chunk(text: str) -> None:
    lines = clean_text(text, "text").lines
    root = parse_clauses(lines)
    chunks = chunk_policy(root, _doc())
    _check_coverage(lines, root, chunks)
    previous_end = -1
    for chunk in chunks:
        start, end = chunk.span
        assert previous_end <= start < end
        assert (chunk.metadata["span_start"], chunk.metadata["span_end"]) == (start, end)
        previous_end = end
    assert len({c.chunk_id for c in chunks}) == len(chunks)


@EXAMPLES
@given(documents)
def test_no_fragment_chunks_and_no_oversized_ones(text: str) -> None:
    root = parse_clauses(clean_text(text, "text").lines)
    chunks = chunk_policy(root, _doc())
    whole_body = sum(len(ln.text) for ln in _body(root))
    for chunk in chunks:
        size = len(chunk.text.replace("\n", ""))
        whole_clause = chunk.metadata["clause_kind"] in CITED and chunk.metadata["parts"] == 1
        assert size >= MIN_CHARS or whole_clause or whole_body < MIN_CHARS, (chunk.clause_path, chunk.text)
        assert size <= MAX_CHARS + MIN_CHARS, (chunk.clause_path, size)
        if chunk.metadata["part"] > 1:
            assert chunk.metadata["context"]
