"""The plain llama-index pipeline, as the outside reference in retrieval evaluations.

Default ``SentenceSplitter`` over each file's raw text, ``VectorStoreIndex`` with its default
in-memory vector store and the same embedder: what one gets without any of the Chinese- and
structure-aware work.
"""

from __future__ import annotations

from pathlib import Path

from llama_index.core import Document, VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.node_parser import SentenceSplitter

from assistant.evaluation.retrieval import TOP, Retrieve
from assistant.ingest.documents import doc_id_for
from assistant.ingest.loaders import load_policy_file


def build_default_pipeline(files: list[Path], embedder: BaseEmbedding) -> Retrieve:
    documents = [Document(text=load_policy_file(path).text, metadata={"doc_id": doc_id_for(path)}) for path in files]
    index = VectorStoreIndex.from_documents(documents, embed_model=embedder, transformations=[SentenceSplitter()])
    retriever = index.as_retriever(similarity_top_k=TOP)

    def run(question: str) -> list[tuple[str, str]]:
        return [(str(n.node.metadata.get("doc_id", "")), n.node.get_content()) for n in retriever.retrieve(question)]

    return run
