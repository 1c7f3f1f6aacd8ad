"""Languages: Qt translators for our strings and Qt's own, and a CJK-capable font."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
I18N_DIR = Path(__file__).with_name("i18n")
# Fonts with Simplified Chinese glyphs, best first (Linux, Windows, macOS).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
)

_installed: list[QTranslator] = []


def system_language() -> str:
    """``zh_CN`` when the system locale is Chinese, else ``en``."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def normalise(lang: str | None) -> str:
    """Map user input (``zh``, ``zh-CN``, ``zh_CN``, ``en_US`` …) to a language we ship."""
    if not lang:
        return "en"
    lang = lang.replace("-", "_")
    if lang.lower().startswith("zh"):
        return "zh_CN"
    return "en"


def install(lang: str) -> str:
    """Make ``lang`` the application's language; returns the language set.

    Installing translators sends every widget a LanguageChange event, which
    makes the windows and panels retranslate themselves.
    """
    app = QCoreApplication.instance()
    lang = normalise(lang)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(f"lossexplorer_{lang}", str(I18N_DIR)):
            app.installTranslator(ours)
            _installed.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(lang))
    _set_font_for(app, lang)
    return lang


def _set_font_for(app, lang):
    """Chinese text gets a CJK font first in line; English keeps the default."""
    font = app.font()
    if lang == "zh_CN":
        family = cjk_family()
        if family and font.family() != family:
            font.setFamily(family)
            app.setFont(font)
    elif font.family() in CJK_FONTS:
        font.setFamily(QFont().defaultFamily())
        app.setFont(font)


def cjk_family() -> str | None:
    """The first installed font family that can draw Simplified Chinese."""
    available = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in CJK_FONTS:
        if family in available:
            return family
    return sorted(available)[0] if available else None
