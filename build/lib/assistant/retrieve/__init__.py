"""Retrieval stages: normalise -> dense + sparse -> structure signals -> fuse -> rerank."""
