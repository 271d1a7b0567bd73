"""The index: Chroma vectors + a SQLite catalog of documents and chunks + a manifest."""
