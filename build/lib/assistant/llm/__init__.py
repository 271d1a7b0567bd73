"""Local LLM: the bundled Qwen2.5-Coder-1.5B-Instruct GGUF, assembled, verified, run in-process."""
