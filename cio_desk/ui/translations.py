"""Loading the interface's translations (`.qm` files) for a language.

Catalogues are named `cio_desk_<locale>.qm` (for example `cio_desk_zh_CN.qm`).
A missing catalogue is normal (English needs none): the interface then
stays in its source language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from cio_desk.store.paths import ui_settings_path

CATALOGUE = "cio_desk"
_TRANSLATOR_NAME = "cio-desk-translator"
_LANGUAGE_KEY = "interface/language"


def remembered_language() -> str | None:
    """The language of the last workspace opened, so the window appears in it before
    the workspace is open; None (the system's language) on a first start."""
    value = QSettings(str(ui_settings_path()), QSettings.Format.IniFormat).value(_LANGUAGE_KEY)
    return value if isinstance(value, str) and value else None


def remember_language(language: str) -> None:
    settings = QSettings(str(ui_settings_path()), QSettings.Format.IniFormat)
    settings.setValue(_LANGUAGE_KEY, language)
    settings.sync()


def translation_dirs() -> list[Path]:
    """Where catalogues are looked for: inside the package, then the source tree."""
    package = Path(__file__).resolve().parents[1]
    return [package / "resources" / "translations", package.parent / "resources" / "translations"]


def install_translators(app: QCoreApplication, language: str | None = None) -> bool:
    """Use `language` (e.g. "zh_CN"), or the system's language when None.

    Replaces translators installed earlier by this function. Returns True
    when a CIO Desk catalogue was found for the language.
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    locale = QLocale(language) if language else QLocale.system()
    if language and not QLocale.system().name().startswith(language):
        QLocale.setDefault(locale)  # dates and numbers follow the chosen language too
    found = any(
        _install(app, locale, CATALOGUE, folder) for folder in translation_dirs() if folder.is_dir()
    )
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _install(app, locale, "qtbase", Path(qt_folder))  # Qt's own buttons and dialogs
    return found


def _install(app: QCoreApplication, locale: QLocale, name: str, folder: Path) -> bool:
    translator = QTranslator(app)
    translator.setObjectName(_TRANSLATOR_NAME)
    if translator.load(locale, name, "_", str(folder)):
        app.installTranslator(translator)
        return True
    translator.deleteLater()
    return False
