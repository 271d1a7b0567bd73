"""The facade: one object that holds the loaded models and index and does the work.

Edges (CLI, API, web UI) build an :class:`Assistant` once, call :meth:`Assistant.load`
(models and index are read here, not at import or per request) and call its methods.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding

from assistant.answer.answerer import Answerer
from assistant.answer.chat import Capabilities, Chat
from assistant.answer.outcomes import newest_outcomes, with_outcomes
from assistant.answer.similarity import DenseSimilarity
from assistant.answer.types import Answer, AnswerEvent, AnswerMode, Turn
from assistant.config import LLMBackend, RerankMode, Settings
from assistant.embed import embed_queries, load_embedder
from assistant.errors import AssistantError, IndexError_, QueryError
from assistant.feedback import Feedback, FeedbackStore
from assistant.filters import SearchFilters
from assistant.ingest.chunking import CHUNKER_VERSION
from assistant.ingest.limits import Limits
from assistant.ingest.pipeline import (
    FileResult,
    IngestReport,
    Progress,
    delete_document,
    ingest_paths,
    resume_pending,
)
from assistant.ingest.uploads import remove_failed_copies, remove_upload_copy, stage_uploads, uploads_dir
from assistant.llm.base import LLM, LLMGate
from assistant.llm.factory import load_llm, resolve_backend
from assistant.news import parse_time, profile_news
from assistant.opportunities.benefits import (
    BenefitEntry,
    indexed_catalog_files,
    load_catalog,
    register_catalog,
    registered_or_corpus_catalog,
)
from assistant.opportunities.items import OpportunityItem, is_opportunity, item_from_chunk
from assistant.opportunities.match import MatchResult, match_profile, overview
from assistant.opportunities.publish import PublishResult, publish_records, staff_dir, withdraw_record
from assistant.opportunities.recommend import Recommendation, RecommendResult, recommend
from assistant.opportunities.search import OpportunityFilters, OpportunityResults, search_opportunities
from assistant.places import gazetteer
from assistant.platform import Platform
from assistant.platform.loader import recorded_roots, register_platform_files, register_roots
from assistant.platform.records import GraduateOutcome, PlatformKind
from assistant.platform.search import PlatformFilters
from assistant.records import RecordKind
from assistant.retrieve.rerank import build_reranker
from assistant.retrieve.searcher import FusionConfig, FusionMethod, HybridSearcher, SearchMode
from assistant.store.catalog import Catalog, ChunkRow
from assistant.store.check import damaged_files
from assistant.store.index import Index, open_catalog
from assistant.store.leftovers import tidy
from assistant.store.manifest import Manifest
from assistant.store.rebuild import discard, new_index_dir, recorded_sources, replace_index
from assistant.store.summary import describe
from assistant.types import Kind, Persona, SearchHit
from assistant.understand.classify import Embed, examples_digest
from assistant.understand.majors import MajorMatcher
from assistant.understand.profiles import NOTHING_TO_MATCH, EnterpriseProfile, StudentProfile
from assistant.understand.reader import EnterpriseReading
from assistant.understand.understander import Understander, query_embedder

log = logging.getLogger(__name__)


class Assistant:
    """Ingest, inspect and (in later layers) search and answer over one index."""

    def __init__(self, settings: Settings, embedder: BaseEmbedding | None = None) -> None:
        """Cheap: nothing is loaded until :meth:`load`. ``embedder`` reuses a loaded model."""
        self.settings = settings
        self._embedder = embedder
        self._index: Index | None = None
        self._searcher: HybridSearcher | None = None
        self._llms: dict[LLMBackend, LLM | None] = {}
        self._llm_gate = LLMGate(settings.llm_max_concurrency, settings.llm_max_queue, settings.llm_timeout)

        self._benefits: list[BenefitEntry] | None = None
        self._understander: Understander | None = None
        self._query_embed: Embed | None = None
        self._major_matcher: MajorMatcher | None = None
        self._major_version = -1
        self._platform: Platform | None = None
        self._items: list[OpportunityItem] = []
        self._items_version = -1

    def load(self) -> Assistant:
        """Load the embedder and open the index (idempotent)."""
        if self._index is None:
            if not self.settings.chroma_host:  # what a killed rebuild or restore left (put back or removed)
                tidy(self.settings.index_dir)
                tidy(self.settings.data_dir)
            damaged = damaged_files(self.settings.index_dir, embedded_chroma=not self.settings.chroma_host)
            if damaged:
                named = "；".join(map(str, damaged))
                raise IndexError_(
                    f"索引文件损坏：{named}。请重建索引（assistant index rebuild）或从备份恢复（assistant restore）"
                )
            if self._embedder is None:
                self._embedder = load_embedder(self.settings)
            self._index = Index.open(self.settings, self._embedder, CHUNKER_VERSION)
            self._searcher = HybridSearcher(
                self._index,
                build_reranker(self.settings, self._judge()),
                FusionConfig(
                    method=FusionMethod(self.settings.fusion),
                    rrf_k=self.settings.rrf_k,
                    dense_weight=self.settings.dense_weight,
                    sparse_weight=self.settings.sparse_weight,
                    foreign_weight=self.settings.foreign_weight,
                ),
            )
            gazetteer()  # the places beyond its file (jionlp's table, about 1 s) read now, not on the first message
        return self

    @property
    def index(self) -> Index:
        if self._index is None:
            raise AssistantError("Assistant.load() was not called")
        return self._index

    def _judge(self) -> Callable[[str, Sequence[str]], Sequence[float]] | None:
        """The local LLM's relevance judge, loaded only when the settings ask for LLM reranking."""
        if self.settings.rerank is not RerankMode.llm:
            return None
        llm = self.llm(LLMBackend.local.value)
        return llm.judge if llm is not None else None

    def llm(self, backend: str | None = None) -> LLM | None:
        """The LLM of ``backend`` (default: the configured one), loaded once; None = extractive."""
        resolved = resolve_backend(self.settings, backend)
        if resolved not in self._llms:
            self._llms[resolved] = load_llm(self.settings, resolved)
        return self._llms[resolved]

    def load_llm(self) -> None:
        """Load the configured LLM now (at server start), not on the first question."""
        self.llm()

    @property
    def searcher(self) -> HybridSearcher:
        if self._searcher is None:
            raise AssistantError("Assistant.load() was not called")
        return self._searcher

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    # ---- ingestion -------------------------------------------------------------------
    def ingest(
        self,
        paths: list[Path],
        prune: bool = False,
        progress: Progress | None = None,
        on_total: Callable[[int], None] | None = None,
        on_file: Callable[[FileResult], None] | None = None,
    ) -> IngestReport:
        report = ingest_paths(
            self.load().index, paths, prune=prune, progress=progress, on_total=on_total, on_file=on_file
        )
        if register_catalog([Path(p) for p in paths], self.settings.index_dir):
            self._benefits = None  # read again at the next match
        register_platform_files([Path(p) for p in paths], self.settings.index_dir)  # they travel with it too
        register_roots([Path(p) for p in paths], self.settings.index_dir)
        return report

    def ingest_uploads(
        self,
        files: list[Path],
        progress: Progress | None = None,
        on_total: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Check uploaded files, copy the acceptable ones into ``<data_dir>/uploads/`` and ingest them.

        The copy keeps the file's name, so uploading a changed file again updates its document
        (same id). Refused files are never copied; copies that fail to ingest are removed.
        """
        staged = stage_uploads(files, self.settings.data_dir, Limits.of(self.settings))
        report = self.ingest(staged.copies, progress=progress, on_total=on_total) if staged.copies else IngestReport()
        remove_failed_copies(report.files, self.settings.data_dir)
        report.files[:0] = staged.refused
        return report

    def delete_document(self, doc_id: str) -> None:
        """Remove a document from the index, and its uploaded copy from ``uploads/`` if it was one."""
        removed = delete_document(self.load().index, doc_id)
        remove_upload_copy(Path(removed.path), self.settings.data_dir)

    def ensure_index(
        self, progress: Progress | None = None, on_total: Callable[[int], None] | None = None
    ) -> IngestReport | None:
        """Build the index from the configured corpus folders when it holds nothing yet; otherwise finish
        the documents a killed run left pending (at server start: a restart loses no committed write)."""
        index = self.load().index
        if index.documents():
            report = resume_pending(index)
            return report if report.files else None
        return self.ingest(self._corpus_sources(), progress=progress, on_total=on_total)

    def _corpus_sources(self, uploads: bool = False) -> list[Path]:
        """The configured corpus folders, then the staff-published records (and uploads) when present."""
        extra = [staff_dir(self.settings.data_dir)] + ([uploads_dir(self.settings.data_dir)] if uploads else [])
        return [Path(p) for p in self.settings.corpus_dirs] + [p for p in extra if p.is_dir()]

    def rebuild_index(
        self,
        paths: list[Path] | None = None,
        progress: Progress | None = None,
        on_total: Callable[[int], None] | None = None,
        on_file: Callable[[FileResult], None] | None = None,
    ) -> tuple[list[Path], IngestReport]:
        """Build a new index beside the current one and swap it in when whole (a failed rebuild leaves the
        current index as it was). Sources: ``paths``, else the files the catalog recorded, else (catalog
        damaged or missing) the corpus folders, published records and uploads. Stop the server first."""
        index_dir = self.settings.index_dir
        if self.settings.chroma_host:
            raise IndexError_("重建索引只用于本机索引；使用 Chroma 服务器时请导入到新的 ASSISTANT_COLLECTION")
        sources = paths or recorded_sources(index_dir) or self._corpus_sources(uploads=True)
        self.close()
        tidy(index_dir)
        new = new_index_dir(index_dir)
        try:
            builder = Assistant(self.settings.model_copy(update={"index_dir": new}), embedder=self._embedder)
            try:
                register_catalog(indexed_catalog_files(index_dir), new)  # the benefits catalog travels on
                register_platform_files([index_dir], new)  # so do the platform's records and folders
                register_roots(recorded_roots(index_dir), new)
                report = builder.ingest(sources, progress=progress, on_total=on_total, on_file=on_file)
            finally:
                self._embedder = builder._embedder
                builder.close()
            if not report.files or report.nothing_ingested:
                raise IndexError_(
                    f"重建失败：{'、'.join(map(str, sources))} 中没有可导入的文件；原索引 {index_dir} 未改动"
                )
            replace_index(new, index_dir)
        except BaseException:
            discard(new)
            raise
        self._benefits = None
        return sources, report

    # ---- search ----------------------------------------------------------------------
    def search(
        self, query: str, top_k: int = 5, filters: SearchFilters | None = None, mode: SearchMode = SearchMode.hybrid
    ) -> list[SearchHit]:
        return self.load().searcher.search(query, top_k=top_k, filters=filters, mode=mode)

    # ---- answers ---------------------------------------------------------------------
    def understander(self) -> Understander:
        """The one Understander of this index (labelled examples embedded once, at first use)."""
        if self._understander is None:
            embedder = self.load().index.embedder
            batch = functools.partial(embed_queries, embedder)
            cached = self.settings.index_dir / f"understand-examples-{examples_digest()}.npz"
            self._query_embed = query_embedder(batch)
            self._understander = Understander(self._query_embed, self._majors, query_embedder(batch, cache=cached))
        return self._understander

    def _majors(self) -> MajorMatcher:
        """Majors the index knows (program names, the majors postings ask for), rebuilt when it changes."""
        index = self.load().index
        if self._major_matcher is None or self._major_version != index.version:
            names: set[str] = set()
            certificates: dict[str, set[str]] = {}
            codes: dict[str, str] = {}  # major -> its program's 专业代码
            for chunk in index.all_chunks():
                if chunk.metadata.get("record_type") in ("program", "posting"):
                    names.update(m for m in str(chunk.metadata.get("majors", "")).split("、") if m)
                if chunk.metadata.get("record_type") == "program":
                    certs = {c for c in str(chunk.metadata.get("certificates", "")).split("、") if c}
                    certificates.setdefault(str(chunk.metadata.get("majors", "")), set()).update(certs)
                    codes[str(chunk.metadata.get("majors", ""))] = str(chunk.metadata.get("program_code", ""))
            if self._query_embed is None:
                self._query_embed = query_embedder(functools.partial(embed_queries, index.embedder))
            self._major_matcher = MajorMatcher(names, self._query_embed, certificates=certificates, codes=codes)
            self._major_version = index.version
        return self._major_matcher

    def answerer(self, backend: str | None = None, llm: LLM | None = None) -> Answerer:
        """The policy answerer of ``backend`` (``llm`` replaces the backend's model: tests fake it)."""
        resolved = resolve_backend(self.settings, backend)
        understander = self.understander()
        similarity = DenseSimilarity(understander.embed, self.index.embedder.get_text_embedding_batch)
        return Answerer(
            self.searcher,
            llm if llm is not None else self.llm(resolved.value),
            similarity,
            self._llm_gate,
            backend=resolved.value,
        )

    def chat(self, backend: str | None = None, llm: LLM | None = None) -> Chat:
        """Messages answered by the capability they need: policy, benefits or opportunities."""
        self.load()
        capabilities = Capabilities(
            match=self.match,
            overview=self.benefits_overview,
            recommend=lambda profile, top_k: self.recommend(profile, top_k=top_k),
            search=self._search_as_recommendations,
            chunk=self.index.get,
            platform=lambda filters, top_k: self.platform.search("", filters, top_k),
            outcomes=self.program_outcomes,
            items=self.opportunity_items,
            report=lambda year, region: self.platform.report(year, region),
        )
        return Chat(self.understander(), self.answerer(backend, llm), capabilities)

    def _search_as_recommendations(self, query: str, top_k: int, kinds: list[str]) -> list[Recommendation]:
        found = self.search_opportunities(query, OpportunityFilters(kind=kinds), top_k=top_k)
        return [Recommendation(item, item.score) for item in found.items]

    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        mode: AnswerMode = AnswerMode.chat,
        backend: str | None = None,
        persona: Persona = Persona.unknown,
    ) -> Answer:
        """A verified, cited answer (or a plain statement that the documents do not answer). ``persona``: who
        the asker said they are (student, enterprise, school, staff), read with the message's words."""
        return self.chat(backend).answer(question, history, mode, persona)

    def ask_stream(
        self,
        question: str,
        history: list[Turn] | None = None,
        mode: AnswerMode = AnswerMode.chat,
        backend: str | None = None,
        persona: Persona = Persona.unknown,
    ) -> Iterator[AnswerEvent]:
        """Token events as they come, then exactly one final event with the verified answer."""
        return self.chat(backend).stream(question, history, mode, persona)

    # ---- opportunities (assistant/opportunities/) -----------------------------------------
    def search_opportunities(
        self,
        query: str,
        filters: OpportunityFilters | None = None,
        top_k: int = 10,
        include_expired: bool = False,
        today: dt.date | None = None,
    ) -> OpportunityResults:
        """Postings and programs for ``query`` (empty = browse); expired ones hidden and counted."""
        majors = self._majors()
        return search_opportunities(self.load().searcher, query, filters, top_k, include_expired, today, majors)

    def recommend(self, profile: StudentProfile, top_k: int = 10, today: dt.date | None = None) -> RecommendResult:
        """Ranked postings and programs for a student (good fits, then the nearest), each with signed reasons."""
        items, majors = self.opportunity_items(), self._majors()
        result = recommend(items, profile, top_k, today, majors, self._opportunities_by_meaning)
        with_outcomes(result.ranked, self.program_outcomes())  # each program's graduates, as its school published them
        return result

    def program_outcomes(self) -> dict[tuple[str, str], GraduateOutcome]:
        """Each school's newest graduate row per program, from the platform's published records."""
        return newest_outcomes(self.platform.search("", PlatformFilters(kind=[PlatformKind.graduates]), 500))

    def _opportunities_by_meaning(self, words: str, limit: int = 200) -> Iterator[str]:
        """Record ids of the postings and programs nearest in meaning to ``words`` (their stored vectors),
        nearest first, each once. Searched deep enough that the hard facts (a kind left out, a level
        forbidden, a deadline past) leave ``NEAR_IN_MEANING`` to show (the nearest 20 once left one
        internship for a 数控 student); read lazily, so only the chunks looked at are fetched."""
        index = self.load().index
        embed = self._majors().embed  # the query side of the index's model, cached
        if embed is None:
            return
        vector = [float(v) for v in embed([words])[0]]
        seen: set[str] = set()
        for chunk_id, _ in index.search_dense(vector, limit, SearchFilters(kind=[Kind.program, Kind.posting])):
            chunk = index.get(chunk_id)
            record_id = str(chunk.metadata.get("record_id", "")) if chunk is not None else ""
            if record_id and record_id not in seen:
                seen.add(record_id)
                yield record_id

    def opportunity_items(self) -> list[OpportunityItem]:
        """Every posting and program of the index, read once per index version."""
        index = self.load().index
        index.refresh_if_changed()
        if self._items_version != index.version:
            self._items = [item_from_chunk(c) for c in index.all_chunks() if is_opportunity(c.metadata)]
            self._items_version = index.version
        return self._items

    def match(self, profile: EnterpriseProfile) -> MatchResult:
        """Every benefit and obligation that applies to an enterprise, with its source clause.
        Its text, already read for the vocabulary's words, is read by the activity probe too."""
        index = self.load().index
        if profile.text:
            profile = profile.model_copy(deep=True)
            profile.add(EnterpriseReading(activities=self.understander().activities_in(profile.text)))
        if not profile.says_anything:
            raise QueryError(NOTHING_TO_MATCH, field="(body)")
        return match_profile(index, self.benefits_catalog(), profile)

    def benefits_overview(self) -> MatchResult:
        """Every support of the benefit catalog, its conditions to check: for an enterprise that has not said
        what it is or does."""
        return overview(self.load().index, self.benefits_catalog())

    def benefits_catalog(self) -> list[BenefitEntry]:
        """The staff-maintained catalog registered with the index (copied there at ingestion), read once.

        An index built before the catalog was registered falls back to ``benefits/`` under the corpus
        folders, with a warning: that depends on the working folder when they are relative.
        """
        if self._benefits is None:
            self._benefits = load_catalog(
                registered_or_corpus_catalog(self.settings.index_dir, self.settings.corpus_dirs)
            )
        return self._benefits

    def publish_records(self, kind: RecordKind | str, records: list[dict[str, Any]]) -> PublishResult:
        """Publish or update postings or programs (by id); searchable when this returns."""
        return publish_records(self.load().index, self.settings.data_dir, RecordKind(kind), records)

    def withdraw_record(self, record_id: str) -> PublishResult:
        """Withdraw a staff-published posting or program; gone from search when this returns."""
        return withdraw_record(self.load().index, self.settings.data_dir, record_id)

    def profile_news(self, key: str | None, touch: bool = True, today: dt.date | None = None) -> dict[str, Any]:
        """What appeared since a saved profile's last visit: recommended postings (student) or matched
        benefits (enterprise), and platform records that meet it; the visit is then recorded."""
        saved = self.platform.open_profile(key)
        index = self.load().index
        index.refresh_if_changed()

        def changed_at(doc_id: str) -> dt.datetime | None:
            row = index.document(doc_id)
            return parse_time(row.updated_at) if row else None

        news = profile_news(
            saved, self.platform, lambda p: self.recommend(p, top_k=50, today=today), self.match, changed_at, today
        )
        if touch:
            self.platform.profile_visited(saved)
        return news

    @property
    def platform(self) -> Platform:
        """The information service platform (accounts, review, matching, report); needs no model."""
        if self._platform is None:
            self._platform = Platform(self.settings)
        return self._platform

    # ---- inspection (no model needed) ---------------------------------------------------
    @contextmanager
    def _catalog(self) -> Iterator[tuple[Catalog | Index, Manifest | None]]:
        """The loaded index, or (CLI without a model) a short-lived catalog: both list documents and chunks."""
        if self._index is not None:
            yield self._index, self._index.manifest
            return
        catalog, manifest = open_catalog(self.settings)
        try:
            yield catalog, manifest
        finally:
            catalog.close()

    def stats(self) -> dict[str, Any]:
        with self._catalog() as (catalog, manifest):
            return describe(catalog, manifest, self.settings.index_dir)

    def chunks(self, doc_id: str | None = None) -> list[ChunkRow]:
        with self._catalog() as (catalog, _):
            rows = catalog.chunks(doc_id)
            if doc_id is not None and not rows and catalog.document(doc_id) is None:
                raise AssistantError(f"no document {doc_id!r} in the index at {self.settings.index_dir}")
            return rows

    # ---- feedback on answers (no model needed) --------------------------------------------
    @property
    def feedback_store(self) -> FeedbackStore:
        return FeedbackStore(self.settings.data_dir)

    def record_feedback(
        self, answer: Answer, helpful: bool, comment: str = "", persona: Persona = Persona.unknown
    ) -> Feedback:
        """Store a user's verdict on ``answer`` (durable, under ``data_dir``)."""
        return self.feedback_store.add(Feedback.for_answer(answer, helpful, comment, persona))

    def list_feedback(self, limit: int | None = None, helpful: bool | None = None) -> list[Feedback]:
        return self.feedback_store.entries(limit=limit, helpful=helpful)

    def export_feedback(self, helpful: bool | None = None) -> list[dict[str, Any]]:
        """Stored feedback as evaluation cases in the answers gold format (evals/answers_gold.jsonl)."""
        return self.feedback_store.export_cases(helpful=helpful)
