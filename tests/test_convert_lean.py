"""Taiwan and Hong Kong conversion on the merged phrase table: the same text as OpenCC's own
configuration gives, with the phrase tables in memory once."""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import convert as convert_module
from reader.core.convert import (
    UNION_FILE,
    UNION_MANIFEST,
    UNION_SOURCES,
    ScriptConverter,
    lean_config,
    opencc_share_dir,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"
LEAN = ("s2twp", "s2hk")


REBUILD = ("rebuild it with `python packaging/opencc_union.py` under the OpenCC pinned in "
           "pyproject.toml, or pin the version its manifest names")


def table_mismatch() -> str | None:
    """Why the installed OpenCC is not the one the merged table was built from, or None."""
    manifest = json.loads(UNION_MANIFEST.read_text(encoding="utf-8"))
    if manifest["opencc_version"] != opencc.__version__:
        return (f"reader/core/dictionaries was built from OpenCC {manifest['opencc_version']}, "
                f"OpenCC {opencc.__version__} is installed")
    share = opencc_share_dir()
    changed = [n for n in UNION_SOURCES
               if hashlib.sha256((share / n).read_bytes()).hexdigest() != manifest["built_from"][n]]
    if changed:
        return (f"the installed OpenCC's {', '.join(changed)} differ from the tables "
                "reader/core/dictionaries was built from")
    return None


def test_the_installed_opencc_is_the_one_the_merged_table_was_built_from() -> None:
    # A mismatch silently turns the 16 MB saving off (convert.py falls back to OpenCC's own
    # configuration), so it fails here rather than passing unnoticed.
    mismatch = table_mismatch()
    assert mismatch is None, f"{mismatch}: {REBUILD}"


@pytest.fixture(scope="module")
def lean_and_stock() -> dict[str, tuple[ScriptConverter, opencc.OpenCC]]:
    mismatch = table_mismatch()
    if mismatch is not None:
        pytest.fail(f"{mismatch}: {REBUILD}", pytrace=False)
    out = {}
    for config in LEAN:
        lean = ScriptConverter(config)
        lean.convert_text("用户")
        out[config] = (lean, opencc.OpenCC(config))
    return out


def sample_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.glob("*.txt"))]
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


def test_taiwan_and_hong_kong_use_the_merged_table_and_simpler_ones_do_not(
        lean_and_stock) -> None:
    for config in LEAN:
        assert lean_config(config) is not None
        converter = ScriptConverter(config)
        assert converter.convert_text("用户信息") in ("使用者資訊", "用户信息", "用戶信息")
        assert converter.uses_union_file
    for config in ("t2s", "s2t"):  # the union appears once, or not at all: nothing to save
        assert lean_config(config) is None


def test_same_text_as_opencc_on_the_fixtures_and_seeds(lean_and_stock) -> None:
    for config, (lean, stock) in lean_and_stock.items():
        assert lean.uses_union_file
        for text in sample_texts():
            assert lean._opencc().convert(text) == stock.convert(text), config


def _han(text: str) -> list[str]:
    return sorted({ch for ch in text if "\u4e00" <= ch <= "\u9fff"})


HAN = _han("".join(sample_texts())) + list("用户信息网络软件打印机鼠标视频质量程序")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(HAN), min_size=1, max_size=60))
def test_same_text_as_opencc_on_random_han_runs(lean_and_stock, text: str) -> None:
    for config, (lean, stock) in lean_and_stock.items():
        assert lean._batch([text]) == [stock.convert(text)], config


def _dump(name: str, tmp: Path) -> list[str]:
    """The keys of one of OpenCC's tables, through the opencc_dict tool of its wheel."""
    clib = opencc_share_dir().parents[1]
    tool = clib / "bin" / "opencc_dict"
    if not tool.is_file():
        pytest.skip(f"OpenCC's opencc_dict tool is not in this wheel ({tool})")
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(
        str(p) for p in (clib / "lib64", clib / "lib") if p.is_dir()))
    out = tmp / f"{name}.txt"
    subprocess.run([str(tool), "-i", str(opencc_share_dir() / name), "-o", str(out),
                    "-f", "ocd2", "-t", "text"], check=True, env=env, capture_output=True)
    return [line.split("\t", 1)[0] for line in out.read_text(encoding="utf-8").splitlines()]


def test_same_text_as_opencc_where_every_phrase_meets_others(lean_and_stock, tmp_path) -> None:
    # Every phrase of the tables, and of the Taiwan and Hong Kong ones, run together in a
    # random order with no separators: segmentation is tested at every boundary.
    keys = [k for name in (*UNION_SOURCES, "TWPhrases.ocd2", "HKVariantsPhrases.ocd2")
            for k in _dump(name, tmp_path)]
    rng = random.Random(7)
    rng.shuffle(keys)
    runs = ["".join(keys[i:i + 150]) for i in range(0, len(keys), 150)]
    rng.shuffle(keys)
    runs += ["".join(rng.sample(keys, 12)) for _ in range(2000)]
    for config, (lean, stock) in lean_and_stock.items():
        differ = [r for r in runs if lean._batch([r])[0] != stock.convert(r)]
        assert differ == [], (config, differ[:1])


def test_tables_other_than_those_of_the_merged_file_mean_opencc_own_configuration(
        tmp_path, monkeypatch) -> None:
    manifest = json.loads(UNION_MANIFEST.read_text(encoding="utf-8"))
    manifest["built_from"]["STPhrases.ocd2"] = "0" * 64  # as after an OpenCC upgrade
    other = tmp_path / "STPhrasesUnion.json"
    other.write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(convert_module, "UNION_MANIFEST", other)
    lean_config.cache_clear()
    try:
        assert lean_config("s2twp") is None
        converter = ScriptConverter("s2twp")
        assert converter.convert_text("用户") == "使用者"
        assert not converter.uses_union_file
    finally:
        lean_config.cache_clear()


def test_the_merged_file_ships_with_the_package() -> None:
    assert UNION_FILE.is_file() and UNION_FILE.stat().st_size > 500_000
    assert json.loads(UNION_MANIFEST.read_text(encoding="utf-8"))["entries"] > 40_000
