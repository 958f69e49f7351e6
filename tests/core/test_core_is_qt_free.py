"""The core imports without Qt: every studygroup module, in a clean interpreter."""

import pkgutil
import subprocess
import sys

import studygroup


def test_no_studygroup_module_imports_qt():
    names = [
        m.name for m in pkgutil.walk_packages(studygroup.__path__, "studygroup.") if m.name != "studygroup.__main__"
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui.')) or m == 'ui')\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(names) >= 8


def test_no_core_file_names_the_ui():
    """Arrows point from ui/ down into studygroup/, never back up: not even a lazy import."""
    import ast
    from pathlib import Path

    root = Path(studygroup.__file__).parent
    named = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                modules = [node.value] if node.value.startswith("ui.") and " " not in node.value else []
            ui_modules = [m for m in modules if m == "ui" or m.startswith("ui.")]
            named += [f"{path.relative_to(root)}:{node.lineno} {m}" for m in ui_modules]
    assert named == []
