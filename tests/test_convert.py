"""Script conversion view: OpenCC output with exact phrase-level maps, and cross-script find."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.cleanup import clean
from reader.core.convert import (
    CONFIGS,
    ScriptConverter,
    convert,
    converter,
    find_all,
    normalize_for_search,
)
from reader.core.offsetmap import MappedText

REPO = Path(__file__).resolve().parents[1]


def assert_map_sound(m: MappedText, source: str) -> None:
    """In bounds, monotonic, whole span covers the source, every derived char has a source."""
    n = len(m.text)
    assert m.source_len == len(source)
    to_src = [m.to_source(i) for i in range(n + 1)]
    assert to_src == sorted(to_src)
    assert to_src[0] == 0 and to_src[-1] == len(source)
    assert m.to_source_span(0, n) == (0, len(source))
    from_src = [m.from_source(p) for p in range(len(source) + 1)]
    assert from_src == sorted(from_src)
    assert all(0 <= d <= n for d in from_src) and from_src[-1] == n
    ends = [m.to_source_end(i) for i in range(n + 1)]
    assert ends == sorted(ends)
    for i in range(n):
        s, e = m.to_source_span(i, i + 1)
        assert 0 <= s < e <= len(source)
        a, b = m.from_source_span(s, e)
        assert a <= i and b >= i + 1


def assert_phrases_exact(m: MappedText, source: str, config: str) -> None:
    """Every unit that changed length converts, on its own, to exactly what it maps to."""
    cc = converter(config)
    e = m.edits
    for s, se, d, de in zip(e.src, e.src_end, e.dst, e.dst_end, strict=True):
        assert cc.convert_text(source[s:se]) == m.text[d:de]
        assert m.to_source_span(d, de) == (s, se)
        assert m.from_source_span(s, se) == (d, de)
        assert [m.to_source(k) for k in range(d, de)] == [s] * (de - d)
        assert [m.from_source(k) for k in range(s, se)] == [d] * (se - s)


# -- examples -----------------------------------------------------------------------------


def test_s2t_maps_char_to_char() -> None:
    source = "我们的客户, 他们 说 Q2 营收会增长。"
    m = convert(source, "s2t")
    assert m.text == "我們的客戶, 他們 說 Q2 營收會增長。"
    assert m.is_identity
    i = source.index("他们")
    assert m.text[i : i + 2] == "他們"
    assert m.to_source_span(i, i + 2) == (i, i + 2)


def test_t2s_of_traditional_sentence() -> None:
    source = "本季營收與資金成本皆改善，謝謝各位。"
    m = convert(source, "t2s")
    assert m.text == "本季营收与资金成本皆改善，谢谢各位。"
    assert_map_sound(m, source)


def test_s2twp_phrases_map_back_exactly() -> None:
    source = "新用户软件下载量上升, 网络信息安全。"
    m = convert(source, "s2twp")
    assert m.text == "新使用者軟體下載量上升, 網路資訊安全。"
    assert_map_sound(m, source)
    assert_phrases_exact(m, source, "s2twp")
    d = m.text.index("使用者")
    s = source.index("用户")
    assert m.to_source_span(d, d + 3) == (s, s + 2)
    assert m.to_source(d + 3) == s + 2  # right after the phrase maps right after it
    assert m.to_source_span(d + 3, d + 5) == (s + 2, s + 4)
    assert source[slice(*m.to_source_span(d + 3, d + 5))] == "软件"
    for k in range(3):  # any part of the phrase stands for the whole phrase
        assert m.to_source_span(d + k, d + k + 1) == (s, s + 2)


def test_long_run_without_punctuation_maps_every_phrase() -> None:
    source = "本季度我们的用户软件在互联网上优化算法并保护网络信息安全营收和资金成本都在改善" * 3
    m = convert(source, "s2twp")
    assert m.text == converter("s2twp").convert_text(source)
    assert_map_sound(m, source)
    assert_phrases_exact(m, source, "s2twp")
    hits = [k.start() for k in re.finditer("用户", source)]
    assert len(hits) == 3
    for s in hits:
        d, de = m.from_source_span(s, s + 2)
        assert m.text[d:de] == "使用者"


@pytest.mark.parametrize(
    ("word", "shown"),
    [("用户", "使用者"), ("软件", "軟體"), ("网络", "網路"), ("信息", "資訊"), ("营收", "營收")],
)
def test_selection_under_s2twp_matches_original_selection(word: str, shown: str) -> None:
    source = "我们的用户在软件里查看网络信息, 营收和资金成本也在改善。"
    m = convert(source, "s2twp")
    s = source.index(word)
    d, de = m.from_source_span(s, s + len(word))
    assert m.text[d:de] == shown
    assert m.to_source_span(d, de) == (s, s + len(word))


def test_none_is_identity_and_unknown_config_fails() -> None:
    source = "用户 users"
    m = convert(source, "none")
    assert m.text == source and m.is_identity
    with pytest.raises(ValueError, match="unknown conversion"):
        ScriptConverter("zh2klingon")


def test_converters_are_built_once() -> None:
    assert converter("s2t") is converter("s2t")
    assert converter("s2t") is not converter("t2s")


def test_s2hk_converts_script() -> None:
    m = convert("他们的软件", "s2hk")
    assert m.text.startswith("他們的")
    assert len(m.text) == 5


def test_importing_convert_does_not_load_opencc() -> None:
    code = (
        "import sys, reader.core.convert, reader.core.cleanup; "
        "raise SystemExit(1 if 'opencc' in sys.modules else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -- search across scripts ----------------------------------------------------------------


def test_normalize_for_search() -> None:
    assert normalize_for_search("營收與資金成本") == "营收与资金成本"
    assert normalize_for_search("Q1 网络") == "Q1 网络"


def test_find_all_across_scripts() -> None:
    haystack = "本季营收增长, 去年營收下降; 营收!"
    hits = find_all(haystack, "營收")
    assert [haystack[s:e] for s, e in hits] == ["营收", "營收", "营收"]
    assert find_all(haystack, "营收") == hits
    assert find_all(haystack, "") == []
    assert find_all(haystack, "利润") == []


def test_find_all_in_text_whose_simplified_form_changes_length() -> None:
    haystack = "網際網路公司的營收與網路成本"
    hits = find_all(haystack, "营收")
    assert [haystack[s:e] for s, e in hits] == ["營收"]
    assert [haystack[s:e] for s, e in find_all(haystack, "成本")] == ["成本"]


# -- properties ---------------------------------------------------------------------------

_TOKENS = [
    *"用户软件网络信息们营收资金成本互联网优化算法智能发布头发",
    *"用戶軟體網路資訊們營收資金網際",
    *["Q1", "ABS", "Karen", "2023", " ", " ", "\u3000", "\n", ",", "。", "，", ".", "·"],
]
_texts = st.lists(st.sampled_from(_TOKENS), max_size=50).map("".join)


@settings(max_examples=200, deadline=None)
@given(_texts, st.sampled_from(CONFIGS))
def test_convert_map_properties(source: str, config: str) -> None:
    m = convert(source, config)
    assert_map_sound(m, source)
    assert_phrases_exact(m, source, config)
    assert m.text == converter(config).convert_text(source)
    for span in re.finditer(r"[^\u3400-\u9fff]+", source):  # non-Han passes through
        d, de = m.from_source_span(*span.span())
        assert m.text[d:de] == span.group()


@settings(max_examples=100, deadline=None)
@given(_texts)
def test_find_all_returns_source_spans_that_match(source: str) -> None:
    for needle in ("营收", "營收", "用户", "网络"):
        key = normalize_for_search(needle)
        for s, e in find_all(source, needle):
            found = source[s:e]
            assert found == needle or normalize_for_search(found) == key


@settings(max_examples=100, deadline=None)
@given(_texts)
def test_clean_then_convert_composes(source: str) -> None:
    """A view that cleans and converts still reaches the source, through both maps."""
    c = clean(source)
    m = convert(c.text, "s2twp")
    for i in range(len(m.text)):
        s, e = m.to_source_span(i, i + 1)
        a, b = c.to_source_span(s, e)
        assert 0 <= a < b <= len(source)


# -- real transcripts ---------------------------------------------------------------------


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@pytest.mark.seeds
@pytest.mark.parametrize("config", ["s2twp", "s2t", "s2hk"])
def test_seed_phrases_map_back_to_source_that_normalises_equal(
    seeds_dir: Path, config: str
) -> None:
    """Each phrase and each Han run maps back to the source text that produced it.

    Under s2t and s2hk the source run t2s-normalises equal to what it maps to. Under s2twp
    that holds unless Taiwan wording replaced a word (用户 -> 使用者, 着 -> 著), which t2s does
    not undo; such a run must then differ from its plain s2t conversion.
    """
    source = (seeds_dir / "quartr_qfin_q1_2023.txt").read_text(encoding="utf-8")
    m = convert(source, config)
    assert_phrases_exact(m, source, config)
    cc, s2t = converter(config), converter("s2t")
    runs = list(_HAN_RUN.finditer(source))
    assert runs
    for run in runs:
        d, de = m.from_source_span(*run.span())
        shown = m.text[d:de]
        assert shown == cc.convert_text(run.group())
        assert m.to_source_span(d, de) == run.span()
        if normalize_for_search(shown) != normalize_for_search(run.group()):
            assert config == "s2twp" and shown != s2t.convert_text(run.group()), run.group()
    if config == "s2twp":
        assert len(m.edits) > 0


@pytest.mark.seeds
def test_seed_clean_then_convert_round_trips(seeds_dir: Path) -> None:
    source = (seeds_dir / "quartr_qfin_q1_2023.txt").read_text(encoding="utf-8")
    c = clean(source)
    assert c.to_source_span(0, len(c.text)) == (0, len(source))
    assert all(source[c.to_source(i)] == ch for i, ch in enumerate(c.text))
    m = convert(c.text, "s2twp")
    assert_phrases_exact(m, c.text, "s2twp")
    for word in ("用户", "营收"):
        for hit in re.finditer(word, source):
            cs, ce = c.from_source_span(*hit.span())
            d, de = m.from_source_span(cs, ce)
            assert c.to_source_span(*m.to_source_span(d, de)) == hit.span()
