"""Evaluation harness: gold sets, metrics, and the runs behind ``assistant eval``."""
