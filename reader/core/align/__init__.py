"""Sentence alignment of a Mandarin turn with its English interpretation; figures that differ."""
