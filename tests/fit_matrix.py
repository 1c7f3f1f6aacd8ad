"""Walk the classroom screen matrix and list every fit problem (``fit_check``).

Every lesson, in normal and presentation mode, in each language, at each
window size, in this process (whose device pixel ratio is fixed when Qt
starts: run it under ``QT_SCALE_FACTOR=2`` for a 4K / HiDPI screen)::

    python tests/fit_matrix.py [--lang en,zh_CN] [--sizes 1280x800] [--lessons binary]

prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

SIZES = ((1024, 768), (1280, 800), (1366, 768), (1920, 1080))
LANGUAGES = ("en", "zh_CN")


def settle(app, rounds=6):
    """Let the layouts, deferred deletes and repaints run."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(rounds):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


def walk(window, app, sizes=SIZES, languages=LANGUAGES, lessons=None, modes=(False, True)):
    """Every problem at every cell of the matrix, each prefixed with its cell."""
    from fit_check import problems

    from lossexplorer import layouts

    found = []
    for lang in languages:
        window.set_language(lang)
        for w, h in sizes:
            for lesson in lessons or list(layouts.LESSONS):
                for present in modes:
                    window.set_presentation(False)
                    window.showNormal()
                    window.resize(w, h)
                    settle(app)
                    window.lesson_actions[lesson].trigger()
                    if present:
                        window.presentation_action.trigger()
                    settle(app)
                    cell = f"{lesson} {w}x{h} {lang}{' presentation' if present else ''}"
                    if window.size().toTuple() != (w, h):
                        found.append(f"{cell}: the window is {window.width()}x{window.height()}")
                    seen = problems(window)
                    for key in behind_tabs(window):  # what the teacher sees one click away
                        front = [d for d in window.docks.values() if _on_screen(d)]
                        window.docks[key].raise_()
                        settle(app, 2)
                        seen += [f"(tab {key}) {p}" for p in problems(window) if p not in seen]
                        for dock in front:
                            dock.raise_()
                        settle(app, 2)
                    found += [f"{cell}: {p}" for p in seen]
    window.set_presentation(False)
    return found


def _on_screen(dock) -> bool:
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def behind_tabs(window) -> list[str]:
    """The docks of the window's lesson that wait behind another tab."""
    return [
        key
        for key, dock in window.docks.items()
        if not dock.isHidden() and not dock.isFloating() and not _on_screen(dock)
    ]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default=",".join(LANGUAGES))
    ap.add_argument("--sizes", default=",".join(f"{w}x{h}" for w, h in SIZES))
    ap.add_argument("--lessons", default="")
    ap.add_argument("--modes", default="normal,presentation")
    ap.add_argument("--ratio", type=float, default=0, help="fail unless Qt runs at this ratio")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from lossexplorer.mainwindow import MainWindow
    from lossexplorer.style import apply_app_style

    app = QApplication.instance() or QApplication(["lossexplorer"])
    apply_app_style(app)
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    window.show()
    if args.ratio and window.devicePixelRatioF() != args.ratio:
        print(f"the device pixel ratio is {window.devicePixelRatioF()}, not {args.ratio}")
        return 2
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    modes = tuple(m == "presentation" for m in args.modes.split(","))
    lessons = [x for x in args.lessons.split(",") if x]
    found = walk(window, app, sizes, args.lang.split(","), lessons, modes)
    for line in found:
        print(line)
    print(f"{len(found)} problems", file=sys.stderr)
    window.close()
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
