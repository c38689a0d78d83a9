"""Search snippets: a short lead so the hit shows in a narrow list, Chinese counted as wide,
speech-recognition spaces joined, and marks that always cover the hit."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from reader.core.search_text import find_hits, make_snippet, parse_query

SPACED = ("各 位 好 , 欢 迎 参 加 本 次 电 话 会 议 。 " * 6
          + "本 季 度 我 们 的 营 收 达 到 了 十 亿 元 。 " + "谢 谢 大 家 。 " * 10)


def marked(snip) -> list[str]:
    return [snip.text[s:e] for s, e in snip.marks]


def test_spaced_chinese_is_joined_and_the_hit_marked() -> None:
    hits = find_hits(SPACED, parse_query("营收"))
    snip = make_snippet(SPACED, hits, width=60)
    assert marked(snip)[0] == "营收"
    assert "营收达到了十亿元" in snip.text  # no spaces between Chinese characters


def test_the_hit_comes_early_in_columns() -> None:
    hits = find_hits(SPACED, parse_query("营收"))
    snip = make_snippet(SPACED, hits, width=60)
    lead = snip.text[:snip.marks[0][0]].lstrip("…")
    assert 0 < len(lead) * 2 <= 60 // 6 + 2  # Chinese: two columns a character


def test_english_lead_is_about_a_sixth_of_the_width_from_a_word_start() -> None:
    text = " ".join(f"word{i}" for i in range(80)) + " the funding cost fell " + "tail " * 50
    snip = make_snippet(text, find_hits(text, parse_query('"funding cost"')), width=120)
    lead = snip.text[1:snip.marks[0][0]]
    # A sixth of the width, moved back to the word's start (at most 15 characters).
    assert snip.text.startswith("…word") and len(lead) <= 120 // 6 + 15
    assert marked(snip) == ["funding cost"]


_TEXT = st.text(alphabet=st.sampled_from("ab 营收用户 ,。\n"), min_size=1, max_size=400)


@given(_TEXT, st.data(), st.integers(min_value=8, max_value=200))
def test_marks_show_the_hit_without_its_joined_spaces(text: str, data, width: int) -> None:
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    assume(text[s:e].strip())  # queries are never only spaces
    snip = make_snippet(text, [(s, e)], width=width)
    assert "\n" not in snip.text
    for a, b in snip.marks:
        assert 0 <= a <= b <= len(snip.text)
        shown = snip.text[a:b].replace(" ", "")
        assert shown and shown in text[s:e].replace(" ", "").replace("\n", "")


def test_a_hit_cut_down_to_its_spaces_by_the_edge_is_not_marked() -> None:
    for width in range(1, 40):
        snip = make_snippet("  a。。aa", [(0, 3)], width=width)
        assert all(snip.text[a:b].strip() for a, b in snip.marks), width
