"""Build reader/core/dictionaries/STPhrasesUnion.ocd2: OpenCC's two simplified-to-traditional
phrase tables merged into one file.

OpenCC's Taiwan and Hong Kong configurations name the union of STPhrases and
STPhrases_GeneratedFromRegionalPhrases twice, once to segment and once to convert, and
OpenCC builds each union in memory on its own: 16 MB more than the Traditional
configuration, which names it once. One merged file, named in both places, is loaded once
(reader/core/convert.py). The two tables share two keys, with the same values, so the merge
loses nothing; tests/test_convert_lean.py checks that the conversions stay identical.

Run with the OpenCC package the app ships with: `python packaging/opencc_union.py`. It uses
that package's own `opencc_dict` tool and records the hashes of the tables it read, so the
app uses the merged file only beside those very tables.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.convert import UNION_FILE, UNION_MANIFEST, UNION_SOURCES, opencc_share_dir  # noqa: E402


def opencc_dict_tool() -> tuple[Path, dict[str, str]]:
    """The `opencc_dict` program inside the opencc wheel, with the environment it runs in."""
    clib = opencc_share_dir().parents[1]
    tool = clib / "bin" / ("opencc_dict.exe" if os.name == "nt" else "opencc_dict")
    if not tool.is_file():
        raise SystemExit(f"opencc_dict not found at {tool}")
    env = dict(os.environ)
    libs = [str(p) for p in (clib / "lib64", clib / "lib") if p.is_dir()]
    env["LD_LIBRARY_PATH"] = os.pathsep.join([*libs, env.get("LD_LIBRARY_PATH", "")])
    return tool, env


def dump(tool: Path, env: dict[str, str], source: Path, target: Path) -> dict[str, str]:
    subprocess.run([str(tool), "-i", str(source), "-o", str(target), "-f", "ocd2", "-t", "text"],
                   check=True, env=env)
    entries: dict[str, str] = {}
    for line in target.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t", 1)
        entries[key] = values
    return entries


def main() -> int:
    tool, env = opencc_dict_tool()
    share = opencc_share_dir()
    merged: dict[str, str] = {}
    hashes: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in UNION_SOURCES:
            source = share / name
            hashes[name] = hashlib.sha256(source.read_bytes()).hexdigest()
            for key, values in dump(tool, env, source, Path(tmp) / f"{name}.txt").items():
                if merged.setdefault(key, values) != values:
                    raise SystemExit(f"{key}: the tables disagree ({merged[key]} / {values}); "
                                     "a union cannot be one file")
        text = Path(tmp) / "union.txt"
        text.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(merged.items())),
                        encoding="utf-8")
        UNION_FILE.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(tool), "-i", str(text), "-o", str(UNION_FILE), "-f", "text",
                        "-t", "ocd2"], check=True, env=env)
    import opencc

    UNION_MANIFEST.write_text(json.dumps({
        "built_from": hashes,
        "opencc_version": opencc.__version__,
        "entries": len(merged),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"{UNION_FILE.relative_to(REPO)}: {len(merged)} phrases, "
          f"{UNION_FILE.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
