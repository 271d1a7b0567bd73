"""Chinese text tools used by every layer: normalisation, tokens, sentences, numbers."""
