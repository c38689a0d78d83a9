"""Search normalisation: index columns, query parsing, FTS5 expressions, hits and snippets."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from reader.core.search_text import (
    TermKind,
    cjk_column,
    cjk_variants,
    find_hits,
    fts_expression,
    make_snippet,
    parse_query,
    words_column,
)


def test_english_text_is_indexed_as_itself() -> None:
    assert words_column("Gross margin rose to 41.5%.") is None
    assert cjk_column("Gross margin rose to 41.5%.") is None


def test_chinese_runs_become_simplified_grams_without_asr_spaces() -> None:
    assert cjk_column("營 收 增長") == "营 营收 收 收增 增 增长 长"
    # Latin words next to Han stay words of their own; punctuation ends a run.
    assert words_column("GMV增长，AI平台") is not None
    assert words_column("GMV增长，AI平台").split() == ["GMV", "，AI"]
    assert cjk_column("GMV增长，AI平台") == "增 增长 长 平 平台 台"


def test_query_terms() -> None:
    q = parse_query('rev* "gross margin" year-over-year 營收 OR 利润 ＧＭＶ')
    kinds = [[t.kind for t in g] for g in q.groups]
    assert kinds == [[TermKind.PREFIX], [TermKind.PHRASE], [TermKind.PHRASE],
                     [TermKind.CJK, TermKind.CJK], [TermKind.WORD]]
    assert q.groups[0][0].tokens == ("rev",)
    assert q.groups[2][0].tokens == ("year", "over", "year")
    assert q.groups[3][0].tokens[0] == "营收"
    assert q.groups[4][0].tokens == ("gmv",)  # full-width typed letters


def test_mixed_word_splits_into_latin_and_chinese_terms() -> None:
    q = parse_query("Q3营收")
    assert [(t.kind, t.tokens[0]) for t in q.terms] == [(TermKind.WORD, "q3"),
                                                        (TermKind.CJK, "营收")]


def test_script_variants_cover_taiwan_phrasing_both_ways() -> None:
    assert set(cjk_variants("用户")) >= {"用户", "使用者"}
    assert "用户" in cjk_variants("使用者")
    assert cjk_variants("營收") == ("营收",)


@pytest.mark.parametrize("empty", ["", "   ", '""', "OR", "，。"])
def test_queries_without_terms_are_empty(empty: str) -> None:
    assert parse_query(empty).empty


def _fts(rows: list[str]) -> sqlite3.Connection:
    """An in-memory FTS5 table indexed exactly as the library indexes."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(words, cjk, "
                 "tokenize = 'unicode61 remove_diacritics 2')")
    for i, text in enumerate(rows, start=1):
        words = words_column(text)
        conn.execute("INSERT INTO f (rowid, words, cjk) VALUES (?, ?, ?)",
                     (i, text if words is None else words, cjk_column(text) or ""))
    return conn


ROWS = [
    "本季度营收达到三十二亿元。",        # 1 simplified
    "本季度營收達到二十億港元。",        # 2 traditional
    "在 用 户 方 面 , 活 跃 用 户 增 加",  # 3 speech recognition spacing
    "我們的使用者數量持續增長。",        # 4 Taiwan phrasing
    "Gross margin was 41.5%, up year-over-year.",  # 5
    "Revenue grew; margins held.",      # 6
    "收入，增长",                        # 7 punctuation between 入 and 增
]


@pytest.mark.parametrize(("query", "expected"), [
    ("营收", {1, 2}),
    ("營收", {1, 2}),
    ("用户", {3, 4}),
    ("使用者", {3, 4}),
    ("季", {1, 2}),           # one character
    ("增", {3, 4, 7}),
    ("增长", {4, 7}),          # two characters, either script
    ("营收达到", {1, 2}),      # four characters
    ("入增", set()),           # never across punctuation
    ("收入增长", set()),
    ('"gross margin"', {5}),
    ('"margin gross"', set()),
    ("margin*", {5, 6}),
    ("margin", {5}),
    ("year-over-year", {5}),
    ("rev* held", {6}),
    ("营收 OR revenue", {1, 2, 6}),
])
def test_expressions_match_what_they_should(query: str, expected: set[int]) -> None:
    with closing(_fts(ROWS)) as conn:
        found = {r[0] for r in conn.execute("SELECT rowid FROM f WHERE f MATCH ?",
                                            (fts_expression(parse_query(query)),))}
    assert found == expected


def test_hits_are_source_spans_across_scripts_and_spacing() -> None:
    text = ROWS[2]
    hits = find_hits(text, parse_query("使用者"))
    assert [text[s:e] for s, e in hits] == ["用 户", "用 户"]
    trad = ROWS[1]
    assert [trad[s:e] for s, e in find_hits(trad, parse_query("营收"))] == ["營收"]
    eng = ROWS[4]
    assert [eng[s:e] for s, e in find_hits(eng, parse_query('"gross margin" year*'))] == [
        "Gross margin", "year", "year"]


def test_prefix_and_word_hits_respect_word_edges() -> None:
    text = "Marginal margins; margin."
    assert [text[s:e] for s, e in find_hits(text, parse_query("margin"))] == ["margin"]
    assert [text[s:e] for s, e in find_hits(text, parse_query("margin*"))] == [
        "Marginal", "margins", "margin"]


def test_snippet_centres_on_the_hit_and_marks_it() -> None:
    text = ("word " * 100) + "the guidance for next year\nis unchanged " + ("tail " * 100)
    hits = find_hits(text, parse_query("guidance"))
    snip = make_snippet(text, hits, width=80)
    assert snip.text.startswith("…") and snip.text.endswith("…")
    assert "\n" not in snip.text and len(snip.text) <= 82
    assert [snip.text[s:e] for s, e in snip.marks] == ["guidance"]


def test_short_snippet_is_the_whole_text() -> None:
    snip = make_snippet("Revenue rose.", [(0, 7)])
    assert snip.text == "Revenue rose." and snip.marks == ((0, 7),)
