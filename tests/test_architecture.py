"""The package boundaries the tree promises: a pure core, persistence only in db/."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("reader/core"), ids=lambda p: p.name)
def test_core_imports_neither_qt_nor_sqlalchemy(path: Path) -> None:
    forbidden = {"PySide6", "shiboken6", "sqlalchemy", "alembic", "db"}
    assert not (_imports(path) & forbidden), f"{path.relative_to(REPO)} imports {_imports(path) & forbidden}"


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
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed in this environment (it comes with the test extra)")
    proc = subprocess.run([ruff, "check", "--quiet", "."], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_is_type_checked() -> None:
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    if mypy is None:
        pytest.skip("mypy is not installed in this environment (it comes with the test extra)")
    proc = subprocess.run([mypy, "--no-error-summary"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
