"""Where benefits come from: the staff-maintained catalog and clauses found automatically.

The catalog (``corpus/benefits/*.yaml``) lists benefits and obligations with their source
clause; :func:`load_catalog` validates it and names the file, entry and field of a mistake.
Ingestion registers it with the index (:func:`register_catalog` copies it into the index folder),
so matching reads the same catalog from whatever folder it runs in.
:func:`find_candidates` reads every ingested policy clause for benefit or duty language about
enterprises, so a newly ingested policy contributes without hand work.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import ConfigError, validation_message
from assistant.text.sentences import split_sentences
from assistant.types import StoredChunk
from assistant.understand.profiles import Activity, EnterpriseType

CATALOG_DIR = "benefits"
log = logging.getLogger(__name__)


class Category(str, Enum):
    subsidy = "subsidy"
    tax_deduction = "tax_deduction"
    tax_exemption = "tax_exemption"
    reward = "reward"
    priority_support = "priority_support"
    financing = "financing"
    land = "land"
    support = "support"
    insurance = "insurance"
    insurance_duty = "insurance_duty"
    obligation = "obligation"


class SourceRef(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_id: str = Field(min_length=1)
    clause_path: str = Field(min_length=1)
    title: str = Field("", description="the document's title (from the catalog's `documents:`), shown when not indexed")


class Triggers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    types: list[EnterpriseType] = []
    activities: list[Activity] = []


class Condition(BaseModel):
    """A condition of a benefit; with ``types``/``activities`` the profile can tell whether it holds."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    types: list[EnterpriseType] = []
    activities: list[Activity] = []


class BenefitEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")
    name: str = Field(min_length=1)
    category: Category
    amount: str = ""
    region: str = Field("", description="十二师 = the division only; empty = nationwide")
    lead_unit: str = Field("", description="overrides the lead unit read from the source clause")
    source: SourceRef
    triggers: Triggers
    conditions: list[Condition] = []


def catalog_files(corpus_dirs: list[Path]) -> list[Path]:
    """The catalog files: ``benefits/*.yaml`` under each corpus folder."""
    return sorted(p for d in corpus_dirs for p in (d / CATALOG_DIR).glob("*.y*ml") if p.is_file())


def register_catalog(paths: list[Path], index_dir: Path) -> list[Path]:
    """Copy the catalog files found under ``paths`` (``benefits/*.yaml``) into the index folder.

    The catalog then travels with the index: :func:`indexed_catalog_files` finds it wherever a
    command runs, not relative to the working folder. Each file is validated before it is copied
    (a bad catalog is an error here, at ingestion, not at the first match); the copies keep their
    names, so registering a changed file again replaces it.
    """
    found = catalog_files([p for p in paths if p.is_dir()])
    found += [p for p in paths if p.is_file() and p.parent.name == CATALOG_DIR and p.suffix in (".yaml", ".yml")]
    if not found:
        return []
    load_catalog(found)
    target = index_dir / CATALOG_DIR
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in found:
        dest = target / path.name
        if path.resolve() != dest.resolve():
            shutil.copyfile(path, dest)
        copied.append(dest)
    return copied


def indexed_catalog_files(index_dir: Path) -> list[Path]:
    """The catalog registered with the index at ``index_dir``."""
    return sorted(p for p in (index_dir / CATALOG_DIR).glob("*.y*ml") if p.is_file())


def registered_or_corpus_catalog(index_dir: Path, corpus_dirs: Iterable[str | Path]) -> list[Path]:
    """The catalog registered with the index; for an index built before catalogs were registered, the
    ``benefits/`` under the corpus folders, with a warning: that depends on the working folder when they
    are relative."""
    files = indexed_catalog_files(index_dir)
    if not files:
        files = catalog_files([Path(p).resolve() for p in corpus_dirs])
        log.warning(
            "benefit catalog not registered with the index; read from the corpus folders",
            extra={"files": [str(f) for f in files]},
        )
    return files


def load_catalog(paths: list[Path]) -> list[BenefitEntry]:
    entries: list[BenefitEntry] = []
    for path in paths:
        entries.extend(_load_file(path))
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ConfigError(f"benefits catalog: duplicate id {entry.id!r}")
        seen.add(entry.id)
    return entries


def _load_file(path: Path) -> list[BenefitEntry]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read benefits catalog: {exc}") from exc
    rows = data.get("benefits") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise ConfigError(f"{path}: expected a top-level list `benefits:`")
    titles = data.get("documents") or {}
    if not isinstance(titles, dict):
        raise ConfigError(f"{path}: `documents:` maps a document id to its title, got {type(titles).__name__}")
    entries = []
    for number, row in enumerate(rows, start=1):
        try:
            entry = BenefitEntry.model_validate(row)
        except ValidationError as exc:
            raise ConfigError(f"{path}: entry {number} ({_id_of(row)}): {validation_message(exc)}") from exc
        entry.source.title = entry.source.title or str(titles.get(entry.source.doc_id, ""))
        entries.append(entry)
    return entries


def _id_of(row: object) -> str:
    return str(row.get("id", "?")) if isinstance(row, dict) else "?"


# ---- automatic candidates -----------------------------------------------------------------
_CATEGORY_TERMS: list[tuple[Category, re.Pattern[str]]] = [
    (Category.tax_deduction, re.compile(r"抵扣|抵免")),
    (Category.tax_exemption, re.compile(r"减免|免征|税收优惠|税费优惠")),
    (Category.subsidy, re.compile(r"补贴|补助|资助")),
    (Category.reward, re.compile(r"奖励|奖补")),
    (Category.financing, re.compile(r"金融|融资|贷款|债权|贴息")),
    (Category.priority_support, re.compile(r"优先")),
    (Category.insurance_duty, re.compile(r"保险")),
    (Category.obligation, re.compile(r"应当|必须|不得")),
]
_ENTERPRISE = re.compile(r"企业|用人单位|用工单位|接纳实习的单位|单位")
_ACTIVITY_TERMS: dict[Activity, re.Pattern[str]] = {
    Activity.invest: re.compile(r"举办职业教育|举办职业学校|办学|投资"),
    Activity.modern_apprenticeship: re.compile(r"学徒"),
    Activity.new_apprenticeship: re.compile(r"学徒"),
    Activity.internships: re.compile(r"实习"),
    Activity.training_base: re.compile(r"实训基地|实习实训"),
    Activity.staff_training: re.compile(r"职工.{0,4}(培训|教育)|在岗培训|岗位培训|培训上岗"),
    Activity.research: re.compile(r"研发|协同创新|成果转化|技术创新"),
}
_TYPE_TERMS: dict[EnterpriseType, re.Pattern[str]] = {
    EnterpriseType.pilot: re.compile(r"试点企业"),
    EnterpriseType.integration: re.compile(r"产教融合型企业"),
    EnterpriseType.state_owned: re.compile(r"国有企业|国有资本"),
    EnterpriseType.sme: re.compile(r"中小微企业|小微企业|中小企业"),
}
_DUTY = re.compile(r"应当|必须|不得")
_LIABILITY = re.compile(r"违反|责令|罚款|处罚|追究")
_AUTHORITY = re.compile(r"政府|部门|学校|机构|院校")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|元|万元|倍)|百分之[一二三四五六七八九十]+")


def _about_enterprises(sentence: str) -> bool:
    """Offers something to enterprises, or binds them (an enterprise, not an authority, is the subject)."""
    if not _ENTERPRISE.search(sentence) or _LIABILITY.search(sentence):
        return False
    duty = _DUTY.search(sentence)
    if duty is None:
        return True
    subject = sentence[: duty.start()][-12:]
    return bool(_ENTERPRISE.search(subject)) and not _AUTHORITY.search(subject[-6:])


@dataclass
class ClauseOffer:
    """A sentence of an ingested clause that offers or requires something of enterprises."""

    chunk: StoredChunk
    sentence: str
    category: Category
    amount: str
    types: list[EnterpriseType]
    activities: list[Activity]


def find_candidates(chunk: StoredChunk) -> list[ClauseOffer]:
    """Benefit and duty sentences about enterprises in one policy clause."""
    found = []
    for sentence in split_sentences(chunk.text):
        sentence = sentence.rstrip("。；;！!？?")
        category = next((c for c, p in _CATEGORY_TERMS if p.search(sentence)), None)
        if category is None or not _about_enterprises(sentence):
            continue
        types = [t for t, p in _TYPE_TERMS.items() if p.search(sentence)]
        activities = [a for a, p in _ACTIVITY_TERMS.items() if p.search(sentence)]
        if types or activities:
            amounts = _AMOUNT.findall(sentence)
            found.append(ClauseOffer(chunk, sentence, category, "、".join(amounts), types, activities))
    return found
