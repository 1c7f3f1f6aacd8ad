"""Make lossexplorer/fonts/lossexplorer-cjk-subset.ttf: the Chinese characters the app shows.

On a system without any CJK font, Chinese would draw as empty boxes; the app
then uses this subset of WenQuanYi Micro Hei (Apache-2.0, see
``lossexplorer/fonts/README.txt``).  It holds only the CJK characters
(ideographs and CJK/full-width punctuation) of

* every translation in ``resources/i18n/lossexplorer_*.ts``,
* the Chinese captions of the built-in stories (``lossexplorer/stories.py``), and
* Qt's own Chinese strings (``qtbase_zh_CN.qm``) in the contexts of the
  dialogs, menus and buttons the app can show (``QT_CONTEXTS`` below),

and printable ASCII plus the other symbols in the package's sources (−, σ, ŷ,
Σ, ∞, arrows …) that the font has: a font of full-width glyphs only is taken
for a monospace one, and the Latin text around the Chinese would then be
drawn in a monospace fallback font; with them, even a system without any
fonts at all shows nearly everything.

Run it after the translations gained characters (``tests/test_i18n.py`` fails
and says so), with a Python that has fontTools, on a system with the font
(Debian/Ubuntu: ``apt-get install fonts-wqy-microhei``)::

    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python resources/i18n/make_font_subset.py \\
        --qt-translations "$(python -c 'from PySide6.QtCore import QLibraryInfo as L; \\
            print(L.path(L.LibraryPath.TranslationsPath))')"

(``--qt-translations`` can be left out when PySide6 is importable.)  The
output depends only on the inputs: the same .ts, Qt catalogue and source font
give the same bytes.
"""

from __future__ import annotations

import argparse
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from lossexplorer.i18n import CJK_RANGES  # one definition: the app and the subset agree

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "i18n").glob("lossexplorer_*.ts"))
OUT = ROOT / "lossexplorer" / "fonts" / "lossexplorer-cjk-subset.ttf"
SOURCE_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
SOURCE_FACE = 0  # WenQuanYi Micro Hei (1 is the Mono face)
FAMILY = "lossexplorer CJK subset"  # = lossexplorer.i18n.BUNDLED_FAMILY
# Qt's translation contexts of what the app can show: standard buttons, message
# and input boxes, the file dialog and its model, the context menus of line
# edits, spin boxes and scroll bars, dock tab bars, key names in menus.
QT_CONTEXTS = (
    "QPlatformTheme",
    "QMessageBox",
    "QInputDialog",
    "QDialogButtonBox",
    "QErrorMessage",
    "QFileDialog",
    "QFileSystemModel",
    "QAbstractFileIconProvider",
    "QLineEdit",
    "QWidgetTextControl",
    "QUnicodeControlCharacterMenu",
    "QAbstractSpinBox",
    "QScrollBar",
    "QDockWidget",
    "QTabBar",
    "QShortcut",
)
ASCII = {chr(c) for c in range(0x20, 0x7F)}


def cjk(text: str) -> set[str]:
    """The characters of ``text`` that need a CJK font."""
    return {c for c in text if any(lo <= ord(c) <= hi for lo, hi in CJK_RANGES)}


def source_symbols() -> set[str]:
    """Non-ASCII characters other than CJK in the package's Python files (formulas, arrows)."""
    chars: set[str] = set()
    for path in sorted((ROOT / "lossexplorer").rglob("*.py")):
        chars |= {c for c in path.read_text(encoding="utf-8") if ord(c) > 0x7E}
    return chars - cjk("".join(chars))


STORIES = ROOT / "lossexplorer" / "stories.py"  # the built-in stories' Chinese captions


def story_characters(path: Path = STORIES) -> set[str]:
    """CJK characters of the built-in stories (captions are data, not translations)."""
    return cjk(path.read_text(encoding="utf-8"))


def ts_characters(paths) -> set[str]:
    """CJK characters of every translation in the .ts files."""
    chars: set[str] = set()
    for path in paths:
        for translation in ET.parse(path).getroot().iter("translation"):
            chars |= cjk("".join(translation.itertext()))
    return chars


def qm_messages(path: Path):
    """(context, source, [translations]) of a .qm file saved with its source texts.

    The .qm format: a 16-byte magic, then (tag, length, data) blocks; block 0x69
    holds the messages as (tag, length, data) items ending in tag 1.
    """
    data = path.read_bytes()
    i, blocks = 16, {}
    while i < len(data):
        tag, length = data[i], struct.unpack(">I", data[i + 1 : i + 5])[0]
        blocks[tag] = data[i + 5 : i + 5 + length]
        i += 5 + length
    items, j, message = blocks.get(0x69, b""), 0, {}
    while j < len(items):
        tag = items[j]
        j += 1
        if tag == 1:  # end of a message
            yield message.get("context"), message.get("source"), message.get("translations", [])
            message = {}
            continue
        if tag == 2:  # obsolete, no payload
            continue
        length = struct.unpack(">I", items[j : j + 4])[0]
        j += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        raw = items[j : j + length]
        j += length
        if tag == 3:
            message.setdefault("translations", []).append(raw.decode("utf-16-be"))
        elif tag == 6:
            message["source"] = raw.decode("utf-8")
        elif tag == 7:
            message["context"] = raw.decode("utf-8")


def qt_characters(translations_dir: Path, contexts=QT_CONTEXTS) -> set[str]:
    """CJK characters of Qt's Chinese strings in ``contexts``."""
    chars: set[str] = set()
    found = set()
    for context, _source, translations in qm_messages(translations_dir / "qtbase_zh_CN.qm"):
        if context in contexts:
            found.add(context)
            for text in translations:
                chars |= cjk(text)
    if not found:
        raise SystemExit("qtbase_zh_CN.qm holds no source texts: cannot pick its dialog strings")
    return chars


def default_qt_translations() -> Path | None:
    try:
        from PySide6.QtCore import QLibraryInfo
    except ImportError:
        return None
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def rename(font) -> None:
    """Give the subset its own name, so that it never stands in for the full font."""
    name = font["name"]
    keep = {0, 7, 8, 11, 12, 13, 14}  # copyright, trademark, vendor, licence
    name.names = [
        r for r in name.names if r.nameID in keep and (r.platformID, r.langID) == (3, 0x409)
    ]
    for name_id, text in (
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{FAMILY}; WenQuanYi Micro Hei 0.2.0-beta"),
        (4, FAMILY),
        (5, "Version 0.2.0-beta; subset"),
        (6, FAMILY.replace(" ", "") + "-Regular"),
        (
            10,
            "A subset of WenQuanYi Micro Hei 0.2.0-beta (only the Chinese characters "
            "lossexplorer shows), renamed; made by lossexplorer's "
            "resources/i18n/make_font_subset.py. Modified from the original font.",
        ),
    ):
        name.setName(text, name_id, 3, 1, 0x409)


def make_subset(source: Path, face: int, chars: set[str], out: Path) -> tuple[int, int]:
    """Write the subset of ``source`` with ``chars``; returns (glyphs, bytes)."""
    from fontTools import subset

    options = subset.Options()
    options.font_number = face
    options.recalc_timestamp = False  # keep the source's date: reproducible bytes
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["FFTM"]  # FontForge's timestamps
    font = subset.load_font(str(source), options, dontLoadGlyphNames=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    missing = sorted(c for c in chars if cjk(c) and ord(c) not in font.getBestCmap())
    if missing:
        raise SystemExit(f"{source} lacks {''.join(missing)}")
    rename(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(out), options)
    return font["maxp"].numGlyphs, out.stat().st_size


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE_FONT, help="WenQuanYi Micro Hei")
    parser.add_argument("--qt-translations", type=Path, help="Qt's translations folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    qt_dir = args.qt_translations or default_qt_translations()
    if qt_dir is None:
        parser.error("PySide6 is not importable here: give --qt-translations")
    ours = ts_characters(TS_FILES) | story_characters()
    qt = qt_characters(qt_dir)
    latin = ASCII | source_symbols()  # the subsetter skips what the font lacks
    chars = ours | qt | latin
    glyphs, size = make_subset(args.source, SOURCE_FACE, chars, args.out)
    print(
        f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
        f"{len(chars)} characters ({len(ours)} from our translations, {len(qt - ours)} more "
        f"from Qt's dialogs, {len(latin)} ASCII and symbols), {glyphs} glyphs, {size} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
