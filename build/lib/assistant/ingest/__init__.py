"""Ingestion stages: load -> clean -> parse clauses -> chunk (policies); load -> validate (records)."""
