"""PySide6's import hook answered without reading sources: same answers, nothing kept."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_modules_imported_after_pyside_leave_no_source_behind(tmp_path: Path) -> None:
    (tmp_path / "plain_helper.py").write_text("VALUE = 1\n" * 2000, encoding="utf-8")
    (tmp_path / "qt_helper.py").write_text(
        "from PySide6.QtCore import QObject\n\n\nclass Thing(QObject):\n    pass\n",
        encoding="utf-8")
    script = textwrap.dedent(f"""
        import json, linecache, sys
        sys.path.insert(0, {str(tmp_path)!r})
        import reader.ui  # installs the adjusted test
        from reader.ui import pyside_imports
        import plain_helper, qt_helper
        feature = sys.modules["PySide6.support.feature"]
        marks = feature.pyside_feature_dict
        print(json.dumps({{
            "installed": feature.feature_imported.__globals__["_mod_uses_pyside"]
                         is pyside_imports.uses_pyside,
            "kept": [f for f in linecache.cache if f.endswith(("plain_helper.py", "qt_helper.py"))],
            "plain": marks.get("plain_helper"), "qt": marks.get("qt_helper"),
        }}))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                          text=True, timeout=60, env={"QT_QPA_PLATFORM": "offscreen",
                                                      "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.splitlines()[-1])
    # PySide's own test marks a module that names PySide6 with 0, any other with -1.
    assert result == {"installed": True, "kept": [], "plain": -1, "qt": 0}
