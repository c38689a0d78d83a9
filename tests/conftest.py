"""Shared test fixtures: where the example files live, and isolation from the user's data."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def seeds_dir() -> Path:
    """The real transcripts kept beside the repo; tests that need them skip without them."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"real seed transcripts not found at {seeds} (they live beside the repo, "
                    "in shared/seeds)")
    return seeds


@pytest.fixture
def corpus_dir() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"transcript corpus not found at {corpus}")
    return corpus
