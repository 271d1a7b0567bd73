"""The CMRC 2018 trial set (Cui et al., EMNLP-IJCNLP 2019) as a retrieval task (see ``squad``)."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.gold import RetrievalCase
from assistant.evaluation.squad import write_squad_corpus


def write_cmrc_corpus(source: Path, folder: Path) -> list[RetrievalCase]:
    """256 paragraphs as documents; 1,002 questions whose gold is their own paragraph."""
    return write_squad_corpus(source, folder, "cmrc")
