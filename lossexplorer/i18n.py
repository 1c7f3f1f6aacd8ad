"""Languages: Qt translators for our strings and Qt's own, and a CJK-capable font.

The translations are ``resources/i18n/lossexplorer_<lang>.ts``, compiled to
``lossexplorer/i18n/lossexplorer_<lang>.qm`` by ``resources/i18n/update_translations.py``.
Qt's own dialogs (standard buttons, the file dialog) use ``qtbase_<lang>.qm``
from Qt's translations folder.

Chinese needs a font with Chinese glyphs.  The system's CJK font is used when
there is one; on a system without any, the subset of WenQuanYi Micro Hei in
``lossexplorer/fonts/`` (only the characters of our translations and Qt's
common dialogs, made by ``resources/i18n/make_font_subset.py``) stands in, so
that Chinese never draws as empty boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QFontDatabase

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
I18N_DIR = Path(__file__).with_name("i18n")
FONT_DIR = Path(__file__).with_name("fonts")
BUNDLED_FONT = FONT_DIR / "lossexplorer-cjk-subset.ttf"
BUNDLED_FAMILY = "lossexplorer CJK subset"  # the subset's own name: never shadows a full font
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
# Code points drawn from a CJK font: CJK radicals, symbols and punctuation,
# kana, ideographs (with extension A), compatibility forms and full-width forms.
CJK_RANGES = (
    (0x2E80, 0x303F),
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)
# The default class names are model data (in English, in saved scenarios and
# CSV files) but are shown in the current language while the user has not
# renamed them.
CLASS_NAMES = (
    QT_TRANSLATE_NOOP("ClassNames", "cat"),
    QT_TRANSLATE_NOOP("ClassNames", "dog"),
    QT_TRANSLATE_NOOP("ClassNames", "bird"),
    QT_TRANSLATE_NOOP("ClassNames", "fish"),
    QT_TRANSLATE_NOOP("ClassNames", "horse"),
    QT_TRANSLATE_NOOP("ClassNames", "frog"),
)

_installed: list[QTranslator] = []
_loaded: dict[str, list[QTranslator]] = {}  # per language, loaded once: switching never leaks
_added_family: str | None = None  # the CJK family install() put first in the app font
_bundled_family: str | None = None  # set once the bundled subset is registered


def class_name(name: str) -> str:
    """How a class name is shown: a default name (``cat`` …) in the current language."""
    if name in CLASS_NAMES:
        return QCoreApplication.translate("ClassNames", name)
    return name


def is_cjk(char: str) -> bool:
    """Whether ``char`` is drawn from a CJK font (an ideograph, CJK punctuation …)."""
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


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
    for translator in _translators(app, lang):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale(lang))
    _set_font_for(app, lang)
    _current[0] = lang
    return lang


_current = ["en"]  # the language installed last


def current_language() -> str:
    """The language ``install`` set last ("en" before any)."""
    return _current[0]


def _translators(app, lang) -> list[QTranslator]:
    """Our translator and Qt's for ``lang`` (none for English), loaded on first use."""
    if lang not in _loaded:
        _loaded[lang] = []
        if lang != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in (
                (f"lossexplorer_{lang}", str(I18N_DIR)),
                (f"qtbase_{lang}", qt_dir),
            ):
                translator = QTranslator(app)
                if translator.load(name, folder):
                    _loaded[lang].append(translator)
    return _loaded[lang]


def _set_font_for(app, lang):
    """Chinese puts a CJK font first in the application font; English takes it out again.

    The previous families follow it, for the characters it lacks; a widget
    font set before the switch falls back to the application font's first
    family, so it draws Chinese too.
    """
    global _added_family
    if not hasattr(app, "setFont"):  # a QCoreApplication has no fonts
        return
    font = app.font()
    families = list(font.families())
    if lang == "zh_CN":
        family = cjk_family()
        if family is None or families[:1] == [family]:
            return
        families = [f for f in families if f not in (family, _added_family)]
        _added_family = family
        font.setFamilies([family, *families])
        app.setFont(font)
    elif _added_family is not None:
        if _added_family in families and len(families) > 1:
            families.remove(_added_family)
            font.setFamilies(families)
            app.setFont(font)
        _added_family = None


def system_cjk_family() -> str | None:
    """The best installed (system) font family that can draw Simplified Chinese."""
    available = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    available.discard(BUNDLED_FAMILY)
    for family in CJK_FONTS:
        if family in available:
            return family
    return sorted(available)[0] if available else None


def bundled_family() -> str | None:
    """Register the bundled CJK subset (once) and return its family; None if unusable."""
    global _bundled_family
    if _bundled_family is None and BUNDLED_FONT.is_file():
        font_id = QFontDatabase.addApplicationFont(str(BUNDLED_FONT))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _bundled_family = families[0] if families else None
    return _bundled_family


def cjk_family() -> str | None:
    """The font family for Chinese: the system's CJK font, else the bundled subset."""
    return system_cjk_family() or bundled_family()


def qt_supplement() -> tuple[str, ...]:
    """Qt's own strings that Qt's Chinese catalogue lacks (Qt 6.11), translated in our .ts.

    They are written out here so that lupdate puts them in our .ts; when
    ``qtbase_zh_CN`` has no translation for a string, Qt asks our translator.
    Returns them in the current language.
    """
    return (
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        QCoreApplication.translate(
            "QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"
        ),
        QCoreApplication.translate("QAbstractFileIconProvider", "File"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Shortcut", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Alias", "macOS Finder"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Unknown"),
    )
