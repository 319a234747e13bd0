"""Switching the GUI language: Qt translators (our .qm and Qt's own), the Qt-free ``t()``
helper and the locale for dates and numbers. German is the default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from zz_desktop import i18n
from zz_desktop.paths import resource_path

_installed: list[QTranslator] = []


def catalogue_path(lang: str = "de") -> str:
    return str(resource_path("translations", f"zz_desktop_{lang}.qm"))


def set_language(app: QCoreApplication, lang: str) -> None:
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    i18n.set_language(lang)
    if lang == "de":
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        ours = QTranslator(app)
        if ours.load(catalogue_path("de")):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
