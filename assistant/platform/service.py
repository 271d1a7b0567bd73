"""``Platform``: the information service platform behind one object (reached as ``Assistant.platform``).

It holds the platform database (accounts, submissions, audit) under the data directory and reads
the record files: platform samples under ``<corpus>/platform/``, postings and programs from the
corpus folders and the staff-published files (for the report and the matching). Nothing here
needs the embedding model or the index.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import IngestError, QueryError
from assistant.ingest.pipeline import discover_files
from assistant.ingest.records import RowError, load_records
from assistant.platform import accounts, saved, workflow
from assistant.platform.loader import load_platform_records, recorded_roots, registered_or_corpus_files
from assistant.platform.matching import MatchReport, match_demand, match_need, match_school, same_major
from assistant.platform.records import GraduateOutcome, PlatformKind, TalentDemand, TechNeed
from assistant.platform.report import SupplyDemandReport, build_report
from assistant.platform.search import PlatformFilters, PlatformRecord, search_records
from assistant.platform.store import Account, AuditEntry, PlatformStore, Role, SavedProfile, Submission
from assistant.records import Posting, Program, RecordKind

log = logging.getLogger(__name__)
_Signature = tuple[tuple[str, int], ...]


class Platform:
    """Accounts, review, search, matching, the yearly report and "what is new" over the platform records."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.store = PlatformStore(settings.data_dir)
        self.file_errors: list[RowError] = []
        self._corpus: tuple[_Signature, list[PlatformRecord]] | None = None
        self._records: tuple[_Signature, list[Posting], list[Program]] | None = None

    # ---- accounts ------------------------------------------------------------------------
    def add_account(
        self,
        username: str,
        password: str,
        role: Role | str,
        org: str,
        majors: list[str] | None = None,
        fields: list[str] | None = None,
    ) -> str:
        """Create an account; returns its first API token (shown once)."""
        account = Account(username, Role(role), org.strip(), list(majors or []), list(fields or []))
        return accounts.create_account(self.store, account, password)

    def login(self, username: str, password: str) -> tuple[Account, str]:
        return accounts.login(self.store, username, password)

    def authenticate(self, token: str | None) -> Account:
        return accounts.authenticate(self.store, token)

    def accounts(self) -> list[Account]:
        return self.store.accounts()

    # ---- submissions and review ----------------------------------------------------------
    def submit(self, account: Account, kind: str, record: dict[str, Any]) -> Submission:
        taken = {item.id for item in self._corpus_items()}
        return workflow.submit(self.store, account, workflow.parse_kind(kind), record, taken)

    def save(self, account: Account, kind: str, record: dict[str, Any]) -> Submission:
        """Edit when ``record`` carries the id of one of the account's submissions, else submit it."""
        existing = self.store.get(str(record.get("id", ""))) if record.get("id") else None
        if existing is not None and existing.owner == account.username:
            return self.edit(account, existing.id, record)
        return self.submit(account, kind, record)

    def edit(self, account: Account, record_id: str, record: dict[str, Any]) -> Submission:
        return workflow.edit(self.store, account, record_id, record)

    def withdraw(self, account: Account, record_id: str) -> Submission:
        return workflow.withdraw(self.store, account, record_id)

    def approve(self, account: Account, record_id: str) -> Submission:
        return workflow.approve(self.store, account, record_id)

    def send_back(self, account: Account, record_id: str, reason: str) -> Submission:
        return workflow.send_back(self.store, account, record_id, reason)

    def mine(self, account: Account) -> list[Submission]:
        return self.store.submissions(owner=account.username)

    def queue(self, account: Account) -> list[Submission]:
        return workflow.review_queue(self.store, account)

    def audit(self, account: Account, limit: int = 200, record_id: str | None = None) -> list[AuditEntry]:
        accounts.require_role(account, Role.staff)
        return self.store.audit(limit, record_id)

    # ---- records -------------------------------------------------------------------------
    def items(self) -> list[PlatformRecord]:
        """Every public platform record: the corpus samples and the approved submissions."""
        out = list(self._corpus_items())
        for sub in self.store.submissions(public=True):
            kind = PlatformKind(sub.kind)
            record = workflow.validate_record(kind, sub.live or {})
            out.append(PlatformRecord(kind, record, f"submitted:{sub.owner}", sub.published_at))
        return out

    def search(self, query: str = "", filters: PlatformFilters | None = None, top_k: int = 50) -> list[PlatformRecord]:
        if not 1 <= top_k <= 500:
            raise QueryError(f"top_k：须为 1..500，收到 {top_k}")
        return search_records(self.items(), query, filters, top_k)

    def record(self, record_id: str) -> PlatformRecord:
        for item in self.items():
            if item.id == record_id:
                return item
        raise QueryError(f"record_id：没有已发布的记录 {record_id!r}")

    # ---- matching ------------------------------------------------------------------------
    def match(self, record_id: str, top_k: int = 10) -> MatchReport:
        """Technology need -> school resources; talent demand -> programs and graduate pools."""
        item = self.record(record_id)
        items = self.items()
        if isinstance(item.record, TechNeed):
            resources = [i for i in items if i.kind is PlatformKind.resource]
            return match_need(item.record, resources, top_k)
        if isinstance(item.record, TalentDemand):
            _, programs = self.postings_and_programs()
            return match_demand(item.record, programs, _graduates(items), top_k)
        raise QueryError(f"record_id：{record_id} 是{item.kind.label}，只能为技术需求或人才需求做匹配")

    def match_school(self, org: str, top_k: int = 20) -> MatchReport:
        _, programs = self.postings_and_programs()
        return match_school(org, self.items(), programs, top_k)

    # ---- report --------------------------------------------------------------------------
    def report(self, year: int, region: str = "") -> SupplyDemandReport:
        if not 2000 <= year <= 2100:
            raise QueryError(f"year：年份须在 2000..2100，收到 {year}")
        postings, programs = self.postings_and_programs()
        items = self.items()
        demands = [i.record for i in items if isinstance(i.record, TalentDemand)]
        return build_report(year, region.strip(), postings, programs, demands, _graduates(items))

    # ---- what is new ---------------------------------------------------------------------
    def whats_new(self, account: Account, since: dt.date | None = None, touch: bool = True) -> dict[str, Any]:
        """Records and postings published since ``since`` (default: the last visit) matching the account's interests."""
        start = since.isoformat() if since else (account.last_seen or "0000")
        wanted_majors = account.majors
        found = self.new_records(start, account.majors, account.fields, account.org)
        postings, _ = self.postings_and_programs()
        for p in postings:
            published = p.published.isoformat() if p.published else ""
            majors = [m for m in p.majors if any(same_major(m, w) for w in wanted_majors)]
            if published >= start and majors and p.enterprise != account.org:
                found.append(
                    {
                        "id": p.id,
                        "kind": "posting",
                        "kind_label": f"岗位（{p.kind.value}）",
                        "title": p.title,
                        "org": p.enterprise,
                        "published": published,
                        "why": "、".join(majors),
                    }
                )
        found.sort(key=lambda f: (f["published"], f["id"]), reverse=True)
        if touch:
            self.store.touch(account.username, accounts.now_iso())
        return {"since": start, "count": len(found), "items": found}

    def new_records(self, start: str, majors: list[str], fields: list[str], own_org: str = "") -> list[dict[str, Any]]:
        """Published platform records newer than ``start`` whose majors or fields meet the wanted ones, with why."""
        found = []
        for item in self.items():
            if item.published < start or (own_org and item.org == own_org):
                continue
            met = [m for m in _majors(item) if any(same_major(m, w) for w in majors)]
            met += [f for f in getattr(item.record, "fields", []) if any(w in f or f in w for w in fields)]
            if met:
                found.append({**item.to_dict(), "why": "、".join(met)})
        return found

    # ---- saved profiles (no account) -----------------------------------------------------
    def save_profile(self, kind: saved.ProfileKind, data: dict[str, Any]) -> tuple[SavedProfile, str]:
        return saved.save_profile(self.store, kind, data)

    def update_profile(self, key: str | None, kind: saved.ProfileKind, data: dict[str, Any]) -> SavedProfile:
        return saved.update_profile(self.store, key, kind, data)

    def open_profile(self, key: str | None) -> SavedProfile:
        return saved.open_profile(self.store, key)

    def profile_visited(self, profile: SavedProfile) -> None:
        saved.visited(self.store, profile)

    def delete_profile(self, key: str | None) -> SavedProfile:
        return saved.delete_profile(self.store, key)

    # ---- files ---------------------------------------------------------------------------
    def _corpus_items(self) -> list[PlatformRecord]:
        files = registered_or_corpus_files(self.settings.index_dir, self.settings.corpus_dirs)
        signature = _signature(files)
        if self._corpus is None or self._corpus[0] != signature:
            items, errors = [], []
            for path in files:
                try:
                    batch = load_platform_records(path)
                except IngestError as exc:  # a file changed since it was registered: named, the others read
                    errors.append(RowError(str(path), 0, "(file)", exc.problem))
                    continue
                errors += batch.errors
                for _, rec in batch.rows:
                    published = getattr(rec, "published", None)
                    items.append(PlatformRecord(batch.kind, rec, str(path), published.isoformat() if published else ""))
            for error in errors:
                log.warning("platform record rejected: %s", error)
            self.file_errors, self._corpus = errors, (signature, items)
        return self._corpus[1]

    def postings_and_programs(self) -> tuple[list[Posting], list[Program]]:
        """Postings and programs from the corpus record files and the staff-published files."""
        roots = posting_roots(self.settings) + [self.settings.data_dir / "records"]
        found = discover_files(dict.fromkeys(r.resolve() for r in roots if r.is_dir()))
        files = list(dict.fromkeys(f for f in found if f.suffix.lower() in _RECORD_EXT))
        signature = _signature(files)
        if self._records is None or self._records[0] != signature:
            postings: list[Posting] = []
            programs: list[Program] = []
            for path in files:
                try:
                    batch = load_records(path)
                except Exception as exc:  # noqa: BLE001 - a file that is not a record file is skipped
                    log.debug("not a record file: %s (%s)", path, exc)
                    continue
                rows = [row for _, row in batch.rows]
                if batch.kind is RecordKind.posting:
                    postings += [r for r in rows if isinstance(r, Posting)]
                elif batch.kind is RecordKind.program:
                    programs += [r for r in rows if isinstance(r, Program)]
            self._records = (signature, postings, programs)
        return self._records[1], self._records[2]


_RECORD_EXT = {".csv", ".json", ".jsonl", ".yaml", ".yml"}


def posting_roots(settings: Settings) -> list[Path]:
    """The folders the index was built from (recorded at ingestion, found from any working folder), else the
    configured corpus folders, with a warning for each that is not there."""
    roots = [r for r in recorded_roots(settings.index_dir) if r.is_dir()]
    if roots:
        return roots
    missing = tuple(str(f) for f in settings.corpus_dirs if not Path(f).is_dir())
    if missing:
        _warn_missing(missing, str(Path.cwd()))
    return [Path(p) for p in settings.corpus_dirs]


@functools.cache
def _warn_missing(folders: tuple[str, ...], cwd: str) -> None:
    """Said once per process, folder set and working folder (the platform reads its files at every search)."""
    for folder in folders:
        log.warning("corpus folder %s not found from %s: its postings and programs are not read", folder, cwd)


def _signature(files: list[Path]) -> _Signature:
    return tuple((str(f), f.stat().st_mtime_ns) for f in files if f.exists())


def _graduates(items: list[PlatformRecord]) -> list[GraduateOutcome]:
    return [i.record for i in items if isinstance(i.record, GraduateOutcome)]


def _majors(item: PlatformRecord) -> list[str]:
    from assistant.platform.records import record_majors

    return record_majors(item.record)
