"""Feedback on answers: stored durably in SQLite, exported as evaluation cases.

Every 有帮助 / 没帮助 click (with an optional comment) is one row holding the question, the
answer shown, whether it was grounded and the clauses it cited. Export turns the rows into
cases in the answers gold format of ``evals/answers_gold.jsonl``
(``{id, persona, question, answerable, facts, doc, clause, notes}``) for a reviewer to
complete: ``facts`` is left empty (a person writes what the answer must contain), ``doc`` and
``clause`` are the first cited clause, and ``notes`` carries the verdict, the comment and the
answer that was shown.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer.types import Answer
from assistant.errors import ConfigError, QueryError
from assistant.types import Persona

MAX_COMMENT_CHARS = 2000
FEEDBACK_FILE = "feedback.sqlite3"


@dataclass
class FeedbackCitation:
    doc_id: str
    title: str
    clause_path: str
    clause_no: str
    chunk_id: str


@dataclass
class Feedback:
    """One verdict on one answer."""

    question: str
    answer: str
    helpful: bool
    comment: str = ""
    persona: Persona = Persona.unknown
    grounded: bool = False
    mode: str = "chat"
    backend: str = ""
    citations: list[FeedbackCitation] = field(default_factory=list)
    id: int | None = None
    created_at: str = ""

    @classmethod
    def for_answer(
        cls, answer: Answer, helpful: bool, comment: str = "", persona: Persona = Persona.unknown
    ) -> Feedback:
        return cls(
            question=answer.question,
            answer=answer.answer,
            helpful=helpful,
            comment=comment,
            persona=persona,
            grounded=answer.grounded,
            mode=answer.mode.value,
            backend=answer.backend,
            citations=[
                FeedbackCitation(c.doc_id, c.title, c.clause_path, c.clause_no, c.chunk_id) for c in answer.citations
            ],
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["persona"] = self.persona.value
        return data

    def to_eval_case(self) -> dict[str, Any]:
        """This feedback as an answers-gold case for a reviewer to complete."""
        first = self.citations[0] if self.citations else None
        verdict = "有帮助" if self.helpful else "没帮助"
        notes = f"用户反馈（{self.created_at}）：{verdict}"
        if self.comment:
            notes += f"；意见：{self.comment}"
        notes += f"；当时回答（{'有依据' if self.grounded else '未找到依据'}，{self.backend}）：{self.answer}"
        return {
            "id": f"fb{self.id:04d}" if self.id is not None else "fb",
            "persona": self.persona.value,
            "question": self.question,
            # A helpful grounded answer shows the documents answer it; otherwise a reviewer decides.
            "answerable": True if (self.helpful and self.grounded) else None,
            "facts": [],
            "doc": first.doc_id if first else "",
            "clause": first.clause_no if first else "",
            "notes": notes,
        }


_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    helpful INTEGER NOT NULL,
    comment TEXT NOT NULL,
    persona TEXT NOT NULL,
    grounded INTEGER NOT NULL,
    mode TEXT NOT NULL,
    backend TEXT NOT NULL,
    citations TEXT NOT NULL
)
"""
_COLUMNS = "id, created_at, question, answer, helpful, comment, persona, grounded, mode, backend, citations"


class FeedbackStore:
    """Feedback rows in ``<data_dir>/feedback.sqlite3``; one short connection per call (thread-safe)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FEEDBACK_FILE

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(f"cannot open the feedback database {self.path}: {exc}") from exc
        with closing(conn):
            with conn:  # one transaction, committed on success
                conn.execute(_SCHEMA)
                yield conn

    def add(self, feedback: Feedback) -> Feedback:
        """Store ``feedback``; returns it with its id and time set."""
        if not feedback.question.strip():
            raise QueryError("feedback needs the question it is about")
        if len(feedback.comment) > MAX_COMMENT_CHARS:
            raise QueryError(
                f"feedback comment must be at most {MAX_COMMENT_CHARS} characters, got {len(feedback.comment)}"
            )
        feedback.created_at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._connect() as conn:
            cursor = conn.execute(
                f"INSERT INTO feedback ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    feedback.created_at,
                    feedback.question,
                    feedback.answer,
                    int(feedback.helpful),
                    feedback.comment.strip(),
                    feedback.persona.value,
                    int(feedback.grounded),
                    feedback.mode,
                    feedback.backend,
                    json.dumps([asdict(c) for c in feedback.citations], ensure_ascii=False),
                ),
            )
            feedback.id = cursor.lastrowid
        return feedback

    def entries(self, limit: int | None = None, helpful: bool | None = None) -> list[Feedback]:
        """Newest first; ``helpful`` keeps only that verdict."""
        sql = f"SELECT {_COLUMNS} FROM feedback"
        params: list[Any] = []
        if helpful is not None:
            sql += " WHERE helpful = ?"
            params.append(int(helpful))
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._connect() as conn:
            return [_row_to_feedback(row) for row in conn.execute(sql, params)]

    def export_cases(self, helpful: bool | None = None) -> list[dict[str, Any]]:
        """Every stored feedback (oldest first) as an answers-gold case."""
        return [f.to_eval_case() for f in reversed(self.entries(helpful=helpful))]


def _row_to_feedback(row: tuple[Any, ...]) -> Feedback:
    (id_, created_at, question, answer, helpful, comment, persona, grounded, mode, backend, citations) = row
    return Feedback(
        id=id_,
        created_at=created_at,
        question=question,
        answer=answer,
        helpful=bool(helpful),
        comment=comment,
        persona=Persona(persona),
        grounded=bool(grounded),
        mode=mode,
        backend=backend,
        citations=[FeedbackCitation(**c) for c in json.loads(citations)],
    )


def cases_to_jsonl(cases: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in cases)
