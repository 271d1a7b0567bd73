"""DRCD dev in simplified characters (Shao et al., 2018) as a retrieval task (see ``squad``)."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.gold import RetrievalCase
from assistant.evaluation.squad import write_squad_corpus


def write_drcd_corpus(source: Path, folder: Path) -> list[RetrievalCase]:
    """1,000 paragraphs (383 articles) as documents; 3,524 questions whose gold is their own paragraph."""
    return write_squad_corpus(source, folder, "drcd")
