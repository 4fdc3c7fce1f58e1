"""The package metadata ships every module and resource the app needs."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_listed() -> None:
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in (ROOT / "cio_desk").rglob("*")
        if folder.is_dir() and "__pycache__" not in folder.parts and any(folder.glob("*.py"))
    }
    folders.add("cio_desk")
    assert folders <= listed, f"add to pyproject.toml packages: {sorted(folders - listed)}"


def test_resources_ship_inside_the_package() -> None:
    setuptools = _pyproject()["tool"]["setuptools"]
    assert setuptools["package-dir"]["cio_desk.resources"] == "resources"
    assert (ROOT / "resources" / "fonts").is_dir()
    assert "cio_desk.resources" in setuptools["package-data"]


def test_migration_template_ships() -> None:
    data = _pyproject()["tool"]["setuptools"]["package-data"]["cio_desk"]
    assert "store/migrations/script.py.mako" in data
