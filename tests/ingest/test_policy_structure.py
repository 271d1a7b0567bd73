"""The clause tree on the real shared policies: articles, tasks, units, metadata, no chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.chunking import MAX_CHARS
from assistant.ingest.clauses import normalize_label
from assistant.ingest.documents import parse_file
from assistant.store.vectors import embedding_text
from assistant.text.numbers import cn_to_int, int_to_cn
from tests.conftest import LABOR_CONTRACT, PLAN

pytestmark = pytest.mark.integration  # reads the shared policies

CHROME = [
    "网站支持IPv6",
    "关怀版",
    "网站无障碍",
    "中央人民政府",
    "点击数",
    "公开日期",
    "主题分类",
    "seszf-2020-000224",
    "深化 实施方案",
]


@pytest.fixture(scope="module")
def plan(policies_dir: Path):
    return parse_file(PLAN)


@pytest.fixture(scope="module")
def labor_contract(policies_dir: Path):
    return parse_file(LABOR_CONTRACT)


def test_labor_contract_law_has_exactly_its_98_articles(labor_contract) -> None:
    articles: dict[str, list[str]] = {}
    for chunk in labor_contract.chunks:
        if chunk.metadata["article_no"]:
            articles.setdefault(str(chunk.metadata["clause_no"]), []).append(chunk.text)
    assert list(articles) == [f"第{int_to_cn(n)}条" for n in range(1, 99)]
    assert articles["第十四条"][0].startswith("第十四条 无固定期限劳动合同")
    assert "连续订立二次固定期限劳动合同" in "".join(articles["第十四条"])
    assert articles["第九十八条"] == ["第九十八条 本法自2008年1月1日起施行。"]


def test_article_metadata_carries_chapter_path_and_number(labor_contract) -> None:
    chunk = next(c for c in labor_contract.chunks if c.metadata["clause_no"] == "第十九条")
    assert chunk.clause_path == "第二章 劳动合同的订立 > 第十九条"
    dispatch = next(c for c in labor_contract.chunks if c.metadata["clause_no"] == "第五十七条")
    assert dispatch.clause_path == "第五章 特别规定 > 第二节 劳务派遣 > 第五十七条"
    assert chunk.metadata["article_no"] == 19
    assert chunk.metadata["doc_type"] == "law"
    assert chunk.metadata["date"] == "2012-12-28"


def test_article_items_stay_inside_their_article(labor_contract) -> None:
    chunk = next(c for c in labor_contract.chunks if c.metadata["clause_no"] == "第十七条")
    assert "（一）用人单位的名称、住所和法定代表人或者主要负责人" in chunk.text
    assert "（九）法律、法规规定应当纳入劳动合同的其他事项" in chunk.text


def test_plan_metadata_comes_from_page_chrome(plan) -> None:
    doc = plan.doc
    assert doc.title == "十二师深化产教融合的实施方案"
    assert doc.date == "2020-08-09"
    assert doc.doc_number == ""  # the site's index code is not a 文号
    assert doc.extra["internal_number"] == "seszf-2020-000224"
    assert doc.issuer == "新疆生产建设兵团第十二师"
    assert (doc.doc_type, doc.jurisdiction) == ("local_plan", "corps")


def test_no_plan_chunk_contains_page_chrome(plan) -> None:
    for chunk in plan.chunks:
        for marker in CHROME:
            assert marker not in chunk.text, (marker, chunk.clause_path)


def test_plan_has_19_tasks_with_responsible_and_lead_units(plan) -> None:
    tasks = {c.metadata["clause_num"]: c for c in plan.chunks if c.metadata["clause_kind"] == "num"}
    assert sorted(tasks) == list(range(1, 20))
    for number, chunk in tasks.items():
        assert chunk.clause_path.startswith("三、工作任务 > （"), chunk.clause_path
        assert chunk.metadata["responsible_units"], number
        assert chunk.metadata["lead_unit"] == str(chunk.metadata["responsible_units"]).split("、")[0]
    assert tasks[13].metadata["lead_unit"] == "办公室"
    assert tasks[13].metadata["responsible_units"].startswith("办公室、网信办、教育局")
    assert tasks[10].metadata["lead_unit"] == "职校"
    assert tasks[16].clause_path == "三、工作任务 > （五）完善政策支持体系 > 16.财政用地政策方面给予大力支持"
    assert "(责任单位:财政局" in tasks[16].text  # the measure keeps its units line
    assert "30%" in tasks[16].text


def test_plan_goals_guarantees_and_schedule_sections(plan) -> None:
    paths = [c.clause_path for c in plan.chunks]
    assert "一、指导思想" in paths and "二、主要目标" in paths
    assert [p for p in paths if p.startswith("四、组织保障")] == [
        "四、组织保障 > （一）强化组织领导",
        "四、组织保障 > （二）加强督导评估",
        "四、组织保障 > （三）分步推进实施",
    ]
    schedule = next(c for c in plan.chunks if c.clause_path.endswith("分步推进实施"))
    assert "电气技术应用" in schedule.text and "2023年" in schedule.text


def test_spans_point_into_the_source_text(plan, labor_contract) -> None:
    for parsed, path in [(plan, PLAN), (labor_contract, LABOR_CONTRACT)]:
        source = path.read_text(encoding="utf-8")
        for chunk in parsed.chunks:
            start, end = chunk.span
            assert source[start:end].replace("\n", "") == chunk.text.replace("\n", ""), chunk.clause_path


def test_every_shared_policy_parses_into_bounded_chunks(policies_dir: Path) -> None:
    for path in sorted(policies_dir.glob("*.txt")):
        parsed = parse_file(path)
        assert parsed.chunks, path.name
        for chunk in parsed.chunks:
            assert chunk.text.strip()
            assert len(chunk.text) <= MAX_CHARS + 60, (path.name, chunk.clause_path, len(chunk.text))


def test_long_clause_is_split_at_sentence_ends_with_heading_carried(tmp_path: Path) -> None:
    sentence = "企业应当按照规定为参加现代学徒制培训的学徒安排经验丰富的师傅进行指导并支付合理报酬。"
    path = tmp_path / "long.txt"
    path.write_text(
        "一、总则\n（一）学徒培养。" + sentence * 20 + "\n（二）附则。本办法自发布之日起施行。\n", encoding="utf-8"
    )
    chunks = parse_file(path).chunks
    parts = [c for c in chunks if c.clause_path == "一、总则 > （一）学徒培养"]
    assert len(parts) >= 2
    assert all(len(c.text) <= MAX_CHARS for c in parts)
    assert max(len(c.text) for c in parts) - min(len(c.text) for c in parts) <= 2 * len(sentence)  # balanced
    assert parts[0].text.startswith("（一）学徒培养。")
    for before, part in zip(parts, parts[1:]):
        assert part.text.startswith("企业应当") and part.text.endswith("。")
        assert before.text.endswith(part.metadata["context"])  # overlap for the embedder, not in the text
        embedded = embedding_text(part)
        assert "一、总则 > （一）学徒培养" in embedded and part.metadata["context"] in embedded
    assert "".join(c.text for c in parts) == "（一）学徒培养。" + sentence * 20
    assert [c.metadata["part"] for c in parts] == list(range(1, len(parts) + 1))
    assert chunks[-1].clause_path == "一、总则 > （二）附则"


def test_heading_without_body_is_never_a_chunk(tmp_path: Path) -> None:
    path = tmp_path / "outline.txt"
    path.write_text("一、保障措施\n（一）加强领导\n1.成立领导小组。由分管领导任组长。\n", encoding="utf-8")
    chunks = parse_file(path).chunks
    assert [c.clause_path for c in chunks] == ["一、保障措施 > （一）加强领导 > 1.成立领导小组"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("第14条", "第十四条"),
        ("第一百零一条", "第一百零一条"),
        ("(五)", "（五）"),
        ("16．", "16."),
        ("四、", "四、"),
        ("（3）", "（3）"),
    ],
)
def test_labels_normalize(label: str, expected: str) -> None:
    assert normalize_label(label) == expected


def test_chinese_numerals_round_trip() -> None:
    for n in [1, 9, 10, 11, 19, 20, 98, 100, 101, 110, 1000]:
        assert cn_to_int(int_to_cn(n)) == n
