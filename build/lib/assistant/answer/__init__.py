"""Grounded answers: verbatim source sentences chosen by retrieval, overlap and the LLM as a judge,
with clause-level citations verified against the source."""
