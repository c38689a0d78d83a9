"""Search quality: English words in their other forms, exact quoted phrases, ranking by bm25
with phrase and proximity boosts, and Chinese matched in either script as before; on both
backends (PostgreSQL ranks with ts_rank and the same boosts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import search_index
from reader.core.search_text import expand_query, index_terms, parse_query, stem
from reader.services.annotations import AnnotationService
from reader.services.search import SearchService

CALL = """Company: Larkfield Freight
Quarter: Q2 2025
Date: 2025-08-14

Operator: Welcome to the Larkfield Freight second quarter call.

Mina Okafor -- Chief Financial Officer:
Our funding costs fell by twelve basis points this quarter as deposits grew.

Mina Okafor -- Chief Financial Officer:
Cost share arrangements with partners kept fleet funding flat, and the cost of fuel rose.

Mina Okafor -- Chief Financial Officer:
We changed several policies on credit. The new policy applies to all lanes from July.

Mina Okafor -- Chief Financial Officer:
Funding for the depot came early; the overall cost of the depot was in line with plan.

Mina Okafor -- Chief Financial Officer:
我们的资金成本环比下降了十二个基点，营收同比增长百分之八。
"""


@pytest.fixture
def service(any_service: AnnotationService) -> AnnotationService:
    return any_service


@pytest.fixture
def search(service: AnnotationService, tmp_path: Path) -> SearchService:
    path = tmp_path / "larkfield_q2_2025.txt"
    path.write_text(CALL, encoding="utf-8")
    service.import_file(path)
    return SearchService(service.db)


def paragraphs(page: object) -> list[str]:
    return [r.snippet for r in page.results if r.kind == "paragraph"]  # type: ignore[attr-defined]


def test_words_match_their_other_forms(search: SearchService) -> None:
    found = paragraphs(search.search("funding cost"))
    assert any("funding costs fell" in s for s in found)
    # The marks fall on the forms found, not only on the word typed.
    page = search.search("cost")
    marked = {r.snippet[s:e].lower() for r in page.results for s, e in r.marks}
    assert {"cost", "costs"} <= marked
    assert paragraphs(search.search("costing")) and paragraphs(search.search("funded"))


def test_quoted_phrases_stay_exact(search: SearchService) -> None:
    assert paragraphs(search.search('"funding cost"')) == []
    assert len(paragraphs(search.search('"funding costs"'))) == 1


def test_prefixes_take_the_forms_of_their_stem(search: SearchService) -> None:
    found = paragraphs(search.search("policy*"))
    assert len(found) == 1 and "policies" in found[0]
    page = search.search("policy*")
    marked = {r.snippet[s:e].lower() for r in page.results for s, e in r.marks}
    assert marked == {"policies", "policy"}
    # A prefix still matches words as written, whatever their stem.
    assert paragraphs(search.search("depo*"))


def test_exact_phrase_ranks_above_scattered_words(search: SearchService) -> None:
    found = paragraphs(search.search("funding cost"))
    assert len(found) == 3
    assert "funding costs fell" in found[0]
    # Words near each other come before words far apart.
    assert "Cost share arrangements" in found[1] and "Funding for the depot" in found[2]


def test_near_words_rank_above_far_ones_in_either_order(search: SearchService) -> None:
    found = paragraphs(search.search("fuel cost"))
    assert len(found) == 1  # both words in one paragraph only
    found = paragraphs(search.search("depot plan"))
    assert found and "depot" in found[0]


def test_chinese_is_matched_in_either_script_as_before(search: SearchService) -> None:
    for query in ("资金成本", "資金成本", "營收", "营收"):
        found = paragraphs(search.search(query))
        assert len(found) == 1 and "资金成本" in found[0].replace(" ", ""), query
    assert paragraphs(search.search("資金費用")) == []


def test_vocabulary_keeps_words_whose_stem_differs() -> None:
    rows = dict(index_terms(["Funding costs ROSE; cost and policies, café déjà vu 2025"]))
    assert rows["costs"] == "cost" and rows["funding"] == "fund"
    assert rows["policies"] == "polici"
    assert "cost" not in rows and "2025" not in rows and "vu" not in rows
    assert stem("operations") == stem("operating")


def test_expansion_uses_the_vocabulary(search: SearchService) -> None:
    with search.db.read() as s:
        forms = search_index.StemForms(s.connection())
        query = expand_query(parse_query("costs funding"), forms)
    assert [sorted(t.tokens[0] for t in g) for g in query.groups] == [
        ["cost", "costs"], ["fund", "funding"]]


def test_pages_cross_rank_windows_without_repeats_or_gaps(
        search: SearchService, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = {(r.transcript_id, r.start, r.kind) for r in search.search("the", limit=1000).results}
    monkeypatch.setattr(search_index, "RANK_WINDOW", 2)  # pages straddle windows
    seen: list[tuple[int, int, str]] = []
    cursor = None
    while True:
        page = search.search("the", limit=3, cursor=cursor)
        seen += [(r.transcript_id, r.start, r.kind) for r in page.results]
        if page.cursor is None:
            break
        cursor = page.cursor
    assert len(seen) == len(set(seen)) and set(seen) == whole and len(whole) >= 4
