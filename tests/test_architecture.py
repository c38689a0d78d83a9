"""The package boundaries the tree promises (a pure core, persistence only in db/), and the tools that keep them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _modules(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed in this environment (it comes with the test extra)")
    return found


def test_import_contracts_hold() -> None:
    # The contracts live in pyproject.toml [tool.importlinter]: ui > services > db > core,
    # the UI reaching db only through the services, and a core free of Qt and SQLAlchemy.
    # import-linter follows indirect imports and imports inside functions too.
    proc = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=REPO,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_pipeline_loads_without_qt() -> None:
    code = ("import sys; import reader.core.pipeline, reader.core.outline, reader.cli; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'sqlalchemy', 'opencc'))]; "
            "print(bad); raise SystemExit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_module_has_a_docstring() -> None:
    missing = []
    for folder in ("reader", "db"):
        for path in _modules(folder):
            if "migrations/versions" in path.as_posix():
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if path.stat().st_size and ast.get_docstring(tree) is None:
                missing.append(str(path.relative_to(REPO)))
    assert not missing, f"modules without a docstring: {missing}"


def test_ruff_is_clean() -> None:
    proc = subprocess.run([_tool("ruff"), "check", "--quiet", "."], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_services_and_db_are_type_checked() -> None:
    # [tool.mypy] files: reader/core, reader/services and db, strict.
    proc = subprocess.run([_tool("mypy"), "--no-error-summary"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
