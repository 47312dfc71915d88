"""Extraction: one module per family, small functions over a spaCy Doc."""
