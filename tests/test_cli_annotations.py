"""`reader annotate`, `reader highlights` and `reader export`, run as a user runs them: subprocesses."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
# Until reader/cli.py registers these commands, run them through their own small parser.
RUNNER = "import sys; from reader.cli import main; sys.exit(main(sys.argv[1:]))"


def _reader_knows_export() -> bool:
    from reader.cli import build_parser

    return "export" in build_parser().format_help()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TRANSCRIPT_READER_DB": str(tmp_path / "env-library.sqlite3")}


@pytest.fixture
def call(tmp_path: Path) -> Path:
    path = tmp_path / "lanting.txt"
    path.write_bytes((FIXTURES / "quartr_lanting_q2_2024.txt").read_bytes())
    return path


def run(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    cmd = ([sys.executable, "-m", "reader"] if _reader_knows_export()
           else [sys.executable, "-c", RUNNER])
    return subprocess.run([*cmd, *map(str, args)], cwd=REPO, capture_output=True, text=True,
                          encoding="utf-8", env=env)


def one_line_error(proc: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """Exit 2 for the user's input, 3 for a library problem; one line either way."""
    assert proc.returncode == code, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith("reader: ") and proc.stderr.count("\n") == 1, proc.stderr
    return proc.stderr


def test_annotate_then_list(call: Path, env: dict[str, str], tmp_path: Path) -> None:
    proc = run("annotate", call, "--quote", "我们预计下半年放款规模会保持稳定增长", "--tag", "guidance",
               "--tag", "loan volume", "--colour", "Guidance", "--note", "steady *growth*",
               env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("added highlight 1 at ")
    proc = run("annotate", call, "--quote", "Thank you.", "--occurrence", "2", "--colour", "red",
               "--json", env=env)
    added = json.loads(proc.stdout)
    assert added["quote"] == "Thank you." and added["colour_name"] == "Risk"

    listed = json.loads(run("highlights", call, "--json", env=env).stdout)
    assert listed["transcript"]["company"] == "Lanting Digital"
    first, second = sorted(listed["highlights"], key=lambda h: h["id"])
    assert first["quote"] == "我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长"
    assert first["tags"] == ["guidance", "loan-volume"] and first["note"] == "steady *growth*"
    assert first["speaker"] == "Peng Gao" and first["orphaned"] is False
    text = call.read_text(encoding="utf-8")
    assert text[second["start"]:second["end"]] == "Thank you."
    assert second["start"] == text.index("Thank you.", text.index("Thank you.") + 1)

    plain = run("highlights", call, "--tag", "guidance", env=env)
    assert plain.returncode == 0 and plain.stdout.count("\n") == 1
    assert "Peng Gao" in plain.stdout and "#loan-volume" in plain.stdout
    # The library is the one the environment names.
    assert Path(env["TRANSCRIPT_READER_DB"]).exists()


def test_annotate_quote_in_the_other_chinese_script(call: Path, env: dict[str, str]) -> None:
    proc = run("annotate", call, "--quote", "資金成本", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    added = json.loads(proc.stdout)
    assert added["quote"].replace(" ", "") == "资金成本"


def test_annotate_errors(call: Path, env: dict[str, str]) -> None:
    assert "occurs 5 times" in one_line_error(run("annotate", call, "--quote", "Thank you.",
                                                  env=env))
    assert "not found" in one_line_error(run("annotate", call, "--quote", "no one said this",
                                             env=env))
    assert "unknown colour" in one_line_error(run("annotate", call, "--quote", "Q2 2024",
                                                  "--colour", "mauve", env=env))
    assert "tag" in one_line_error(run("annotate", call, "--quote", "Q2 2024", "--tag", "a b!",
                                       env=env))
    assert "no such file" in one_line_error(run("annotate", call.with_name("nope.txt"),
                                                "--quote", "x", env=env))
    usage = run("annotate", call, "--quote", "x", "--occurrence", "0", env=env)
    assert usage.returncode == 2


def test_export_to_stdout_file_and_folder(call: Path, env: dict[str, str], tmp_path: Path
                                          ) -> None:
    run("annotate", call, "--quote", "Total operating expenses were RMB 1.1 billion",
        "--tag", "costs", env=env)
    other = tmp_path / "hoshan.txt"
    other.write_bytes((FIXTURES / "quartr_hoshan_q3_2024_traditional.txt").read_bytes())
    added = run("annotate", other, "--quote", "Hoshan Mobility - Q3 2024", "--occurrence", "1",
                "--tag", "intro", env=env)
    assert added.returncode == 0, added.stderr

    out = run("export", call, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("---\n") and 'company: "Lanting Digital"' in out.stdout
    assert "> Total operating expenses were RMB 1.1 billion" in out.stdout

    note = tmp_path / "notes" / "lanting.md"
    done = run("export", call, "-o", note, env=env)
    assert done.returncode == 0 and done.stdout.strip() == str(note)
    assert note.read_text(encoding="utf-8") == out.stdout

    folder = tmp_path / "all"
    done = run("export", "--all", "-o", folder, env=env)
    assert done.returncode == 0, done.stderr
    written = sorted(folder.iterdir())
    assert len(written) == 2 and all(p.suffix == ".md" for p in written)  # no temp files left
    tagged = tmp_path / "tagged"
    run("export", "--all", "--tag", "intro", "-o", tagged, env=env)
    assert len(list(tagged.iterdir())) == 1

    assert "give FILE" in one_line_error(run("export", env=env))
    assert "give FILE" in one_line_error(run("export", call, "--all", env=env))
    assert "-o FOLDER" in one_line_error(run("export", "--all", env=env))


def test_db_option_before_or_after_the_command(call: Path, env: dict[str, str], tmp_path: Path
                                               ) -> None:
    lib = tmp_path / "explicit.sqlite3"
    if _reader_knows_export():
        before = run("--db", lib, "annotate", call, "--quote", "Q2 2024", "--occurrence", "1",
                     env=env)
    else:
        before = subprocess.run([sys.executable, "-c", RUNNER, "--db", str(lib), "annotate",
                                 str(call), "--quote", "Q2 2024", "--occurrence", "1"],
                                cwd=REPO, capture_output=True, text=True, env=env)
    assert before.returncode == 0, before.stderr
    after = run("highlights", call, "--db", lib, "--json", env=env)
    assert len(json.loads(after.stdout)["highlights"]) == 1
    assert not Path(env["TRANSCRIPT_READER_DB"]).exists()


def test_a_library_from_a_newer_version_is_refused(call: Path, env: dict[str, str]) -> None:
    assert run("highlights", call, env=env).returncode == 0
    with closing(sqlite3.connect(env["TRANSCRIPT_READER_DB"])) as c, c:
        c.execute("UPDATE alembic_version SET version_num = '0999'")
    assert "newer version" in one_line_error(run("highlights", call, env=env), code=3)
