"""The plain llama-index pipeline, as the outside reference in retrieval evaluations.

Default ``SentenceSplitter`` over each file's raw text, ``VectorStoreIndex`` on an
in-memory Chroma collection with the same embedder: what one gets without any of the
Chinese- and structure-aware work.
"""

from __future__ import annotations

from pathlib import Path

from llama_index.core import Document, StorageContext, VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.node_parser import SentenceSplitter
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.evaluation.retrieval import TOP, Retrieve
from assistant.ingest.documents import doc_id_for
from assistant.ingest.loaders import load_policy_file


def build_default_pipeline(files: list[Path], embedder: BaseEmbedding) -> Retrieve:
    import chromadb

    documents = [Document(text=load_policy_file(path).text, metadata={"doc_id": doc_id_for(path)}) for path in files]
    collection = chromadb.EphemeralClient().get_or_create_collection("llamaindex-default", embedding_function=None)
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    index = VectorStoreIndex.from_documents(
        documents, storage_context=storage, embed_model=embedder, transformations=[SentenceSplitter()]
    )
    retriever = index.as_retriever(similarity_top_k=TOP)

    def run(question: str) -> list[tuple[str, str]]:
        return [(str(n.node.metadata.get("doc_id", "")), n.node.get_content()) for n in retriever.retrieve(question)]

    return run
