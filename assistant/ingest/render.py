"""Records -> chunks: one chunk per program, posting or FAQ entry.

The chunk text is a readable Chinese card (what people search and what citations
quote); the record's fields go into metadata for filters and recommendation.
"""

from __future__ import annotations

import datetime as dt

from assistant.records import FaqEntry, Posting, Program, _Record
from assistant.types import Chunk, MetaValue, SourceDocument, content_id


def chunk_record(record: _Record, line: int, doc: SourceDocument) -> Chunk:
    """The chunk of one validated record (``line`` is where it starts in its file)."""
    if isinstance(record, Posting):
        text, heading, meta = _posting(record)
    elif isinstance(record, Program):
        text, heading, meta = _program(record)
    elif isinstance(record, FaqEntry):
        text, heading, meta = _faq(record)
    else:  # pragma: no cover - RECORD_MODELS is closed
        raise TypeError(type(record).__name__)
    path = f"{record.id} {heading}"
    metadata: dict[str, MetaValue] = {
        **doc.metadata(),
        "clause_path": path,
        "clause_no": record.id,
        "clause_labels": record.id,
        "clause_kind": "record",
        "heading": heading,
        "record_id": record.id,
        "line": line,
        "span_start": 0,
        "span_end": 0,
        **meta,
    }
    chunk_id = content_id(doc.doc_id, record.model_dump_json())
    return Chunk(doc.doc_id, text, path, (0, 0), metadata, chunk_id)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _ordinal(value: dt.date | None) -> int:
    return int(value.strftime("%Y%m%d")) if value else 0


def _lines(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"{label}：{value}" for label, value in pairs if value)


def _posting(p: Posting) -> tuple[str, str, dict[str, MetaValue]]:
    heading = f"{p.title}（{p.enterprise}）"
    head = f"【{p.kind.value}】{p.title} — {p.enterprise}（{p.location}）"
    body = _lines(
        [
            ("对口专业", "、".join(p.majors)),
            ("学历要求", p.level),
            ("岗位要求", p.requirements),
            ("岗位说明", p.description),
            ("待遇", p.pay),
            ("保险", p.insurance),
            ("招收人数", str(p.positions) if p.positions else ""),
            ("开始日期", _date(p.start)),
            ("结束日期", _date(p.end)),
            ("报名截止", _date(p.deadline)),
            ("联系方式", p.contact),
        ]
    )
    meta: dict[str, MetaValue] = {
        "record_type": "posting",
        "posting_kind": p.kind.value,
        "enterprise": p.enterprise,
        "location": p.location,
        "majors": "、".join(p.majors),
        "level": p.level,
        "pay_min": p.pay_min if p.pay_min is not None else -1,
        "pay_max": p.pay_max if p.pay_max is not None else -1,
        "start": _date(p.start),
        "end": _date(p.end),
        "deadline": _date(p.deadline),
        "start_ord": _ordinal(p.start),
        "deadline_ord": _ordinal(p.deadline),
        "published": _date(p.published),
        "apprenticeship": p.kind.value == "学徒",
    }
    return f"{head}\n{body}", heading, meta


def _program(p: Program) -> tuple[str, str, dict[str, MetaValue]]:
    heading = f"{p.name}（{p.school}）"
    head = f"【专业】{p.name}（{p.level.value}，{p.duration}）— {p.school}"
    body = _lines(
        [
            ("专业代码", p.code),
            ("地点", p.location),
            ("专业介绍", p.description),
            ("合作企业", "、".join(p.partner_enterprises)),
            ("现代学徒制", "是" if p.apprenticeship else "否"),
            ("招生人数", str(p.enrollment) if p.enrollment is not None else ""),
            ("学费", p.tuition),
            ("可获证书", "、".join(p.certificates)),
            ("联系方式", p.contact),
        ]
    )
    meta: dict[str, MetaValue] = {
        "record_type": "program",
        "program_name": p.name,
        "program_code": p.code,
        "school": p.school,
        "level": p.level.value,
        "duration": p.duration,
        "location": p.location,
        "majors": p.name,
        "enterprise": "、".join(p.partner_enterprises),
        "apprenticeship": p.apprenticeship,
        "certificates": "、".join(p.certificates),
    }
    return f"{head}\n{body}", heading, meta


def _faq(f: FaqEntry) -> tuple[str, str, dict[str, MetaValue]]:
    text = _lines([("问", f.question), ("答", f.answer), ("依据", f.source)])
    return text, f.question, {"record_type": "faq", "category": f.category, "basis": f.source}
