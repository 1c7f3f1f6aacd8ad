"""Update the translations: lupdate the package's .py files into the .ts, lrelease it into the .qm.

    python resources/i18n/update_translations.py            # lupdate, then lrelease
    python resources/i18n/update_translations.py --release  # only lrelease (.ts -> .qm)

After lupdate, translate the new or changed messages in
``resources/i18n/lossexplorer_<lang>.ts`` (Qt Linguist, ``pyside6-linguist``,
or any editor: fill in ``<translation>`` and remove ``type="unfinished"``),
then run the script again.  When the Chinese text gained characters, also run
``make_font_subset.py`` (``tests/test_i18n.py`` says so when it is needed).

The compiled ``lossexplorer/i18n/lossexplorer_<lang>.qm`` ships in the package;
it is reproducible: ``lrelease`` of the committed .ts gives the same bytes.
Uses the lupdate and lrelease that come with PySide6 (PySide6-Essentials).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "lossexplorer" / "i18n"
LANGUAGES = ("zh_CN",)
# lrelease: leave out unfinished messages (never ship a draft) and messages
# whose translation is the source text itself (Qt shows the source anyway).
LRELEASE_OPTIONS = ("-silent", "-nounfinished", "-removeidentical")
LUPDATE_OPTIONS = ("-silent", "-no-obsolete", "-locations", "relative")


def tool(name: str) -> str:
    """Path of Qt's ``lupdate`` or ``lrelease`` as shipped inside PySide6."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None  # noqa: N806
    if PySide6 is not None:
        exe = Path(PySide6.__file__).resolve().parent / name
        if exe.is_file():
            return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials")
    return found


def sources() -> list[str]:
    """The package's Python files, relative to the repository root, in a stable order."""
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "lossexplorer").rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TS_DIR / f"lossexplorer_{lang}.ts"


def qm_path(lang: str) -> Path:
    return QM_DIR / f"lossexplorer_{lang}.qm"


def lupdate(ts: Path) -> None:
    """Merge the strings of the sources into ``ts`` (obsolete messages are dropped)."""
    cmd = [tool("lupdate"), *LUPDATE_OPTIONS, *sources(), "-ts", str(ts)]
    subprocess.run(cmd, cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), *LRELEASE_OPTIONS, str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> int:
    """How many messages of ``ts`` still need a translation."""
    import xml.etree.ElementTree as ET

    count = 0
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            count += 1
        elif not (translation.text or "").strip():
            count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files")
    args = parser.parse_args(argv)
    for lang in LANGUAGES:
        ts, qm = ts_path(lang), qm_path(lang)
        if not args.release:
            lupdate(ts)
        lrelease(ts, qm)
        todo = unfinished(ts)
        rel = qm.relative_to(ROOT)
        print(f"{ts.relative_to(ROOT)} -> {rel}: {todo} message(s) still to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
