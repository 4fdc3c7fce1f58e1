"""The layers hold: Qt only in `cio_desk/ui/`, and no network code anywhere.

Imports are read from the source (every `import` and `from ... import`, at any
depth, plus `importlib.import_module("...")` and `__import__("...")` with a
literal name), so a lazy import inside a function is caught too.
"""

from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.core

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "cio_desk"
UI = PACKAGE / "ui"
QT = ("PySide6", "shiboken6")
# The app is offline: nothing may open a connection, Qt's network module included.
NETWORK = ("socket", "urllib", "http", "requests", "PySide6.QtNetwork", "PySide6.QtWebEngine")


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@functools.cache
def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every absolute import anywhere in the file."""
    return list(_imports(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))))


def _imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module
            for alias in node.names:  # `from PySide6 import QtNetwork`
                yield node.lineno, f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


def is_within(module: str, roots: tuple[str, ...]) -> bool:
    return any(module == root or module.startswith(f"{root}.") for root in roots)


def offending_imports(files: list[Path], roots: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}:{line} imports {module}"
        for path in files
        for line, module in imported_modules(path)
        if is_within(module, roots)
    ]


def test_the_scanner_sees_every_kind_of_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "import PySide6.QtCore as core\n"
        "def later():\n"
        "    from PySide6.QtWidgets import QWidget\n"
        "    import importlib\n"
        "    return importlib.import_module('shiboken6')\n"
        "class Lazy:\n"
        "    def run(self):\n"
        "        from http import client\n"
        "        return __import__('socket')\n",
        encoding="utf-8",
    )
    assert [m for _, m in imported_modules(sample) if is_within(m, QT)] == [
        "PySide6.QtCore",
        "PySide6.QtWidgets",
        "PySide6.QtWidgets.QWidget",
        "shiboken6",
    ]
    assert offending_imports([sample], ("http", "socket")) == [
        f"{sample}:9 imports http",
        f"{sample}:9 imports http.client",
        f"{sample}:10 imports socket",
    ]


def test_no_module_outside_ui_imports_qt() -> None:
    outside_ui = [p for p in python_files() if not p.is_relative_to(UI)]
    assert len(outside_ui) > 10  # the scan really looked at the package
    assert offending_imports(outside_ui, QT) == []


def test_the_ui_is_where_qt_is_used() -> None:
    # The other side of the rule: the scan does find Qt where it belongs.
    assert offending_imports([p for p in python_files() if p.is_relative_to(UI)], QT)


def test_no_module_uses_the_network() -> None:
    assert offending_imports(python_files(), NETWORK) == []


def qt_free_modules() -> list[str]:
    """Every importable module outside `ui/`.

    Left out: `__main__` (it runs the app) and the migration scripts, which
    Alembic runs rather than imports.
    """
    migration_scripts = PACKAGE / "store" / "migrations"
    names = []
    for path in python_files():
        if path.is_relative_to(UI) or path.name == "__main__.py":
            continue
        if path.is_relative_to(migration_scripts) and path.name != "__init__.py":
            continue
        parts = path.relative_to(REPO).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_importing_the_core_loads_no_qt() -> None:
    modules = ["cio_desk.cli", "cio_desk.workspace", "cio_desk.services.onboarding"]
    modules += [m for m in qt_free_modules() if m not in modules]
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{list(QT)!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
