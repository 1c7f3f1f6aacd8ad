"""Command line, QApplication set-up and the ``lossexplorer`` entry point."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from lossexplorer import version  # also imported from here by tests and tools

NO_DISPLAY_MESSAGE = (
    "lossexplorer: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), "
    "so the window cannot open; --screenshot and --self-test work without one."
)


def no_display(environ=None, platform: str | None = None) -> bool:
    """True on Linux when Qt would look for an X11 or Wayland display and none is set.

    Without a display Qt prints a misleading message about xcb libraries and
    aborts; better to say what is missing.  A platform plugin that needs no
    display (``QT_QPA_PLATFORM=offscreen``, ``eglfs``, ``vnc``...) is left alone.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return False
    qpa = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    return qpa == "" or qpa.startswith(("xcb", "wayland"))


def build_parser() -> argparse.ArgumentParser:
    """The command-line options."""
    from lossexplorer import i18n, layouts, stories

    parser = argparse.ArgumentParser(
        prog="lossexplorer",
        description="Show why classification uses cross-entropy: live, draggable loss plots.",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        help="build the window at its default size, save it as a PNG and exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="build the window offscreen, check every panel and the numbers, exit 0 or 1",
    )
    parser.add_argument(
        "--lang",
        choices=list(i18n.LANGUAGES),
        help="the language (default: the last one chosen, else the system's)",
    )
    parser.add_argument(
        "--lesson",
        choices=list(layouts.LESSONS),
        help="start with this lesson's panels",
    )
    parser.add_argument(
        "--story",
        choices=list(stories.BUILT_IN),
        help="play a built-in story from its first step (PageDown/PageUp step it, Esc leaves)",
    )
    parser.add_argument(
        "--presentation",
        action="store_true",
        help="start in presentation mode (big, high contrast)",
    )
    parser.add_argument(
        "scenario", nargs="?", metavar="FILE.lossx", help="open this scenario file at start"
    )
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--probe-baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"lossexplorer {version()}")
    return parser


def _make_app(argv):
    from pathlib import Path

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from lossexplorer.style import apply_app_style

    app = QApplication.instance() or QApplication([argv[0] if argv else "lossexplorer"])
    from lossexplorer import gc_guard

    gc_guard.install(app)
    app.setOrganizationName("lossexplorer")
    app.setApplicationName("lossexplorer")
    app.setApplicationVersion(version())
    icon = Path(__file__).with_name("icons") / "lossexplorer.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName("lossexplorer")  # matches resources/lossexplorer.desktop
    apply_app_style(app)
    return app


def _scratch_settings():
    """Settings in a throwaway file, so batch runs never touch the user's layout."""
    from PySide6.QtCore import QSettings

    path = os.path.join(tempfile.mkdtemp(prefix="lossexplorer-"), "settings.ini")
    return QSettings(path, QSettings.Format.IniFormat)


def screenshot(path: str, args) -> int:
    """Render the default window to ``path`` (PNG)."""
    from lossexplorer.mainwindow import DEFAULT_SIZE, MainWindow

    settings = _scratch_settings()
    _install_language(args, settings)
    window = MainWindow(settings=settings)
    window.resize(*DEFAULT_SIZE)  # the documented size, whatever screen there is (or none)
    window.arrange(window.lesson)
    _prepare(window, args)
    window.show()
    _settle()
    ok = window.grab().save(path, "PNG")
    window.close()
    if not ok:
        print(f"lossexplorer: could not write {path}", file=sys.stderr)
        return 1
    return 0


def _settle():
    from PySide6.QtCore import QCoreApplication

    for _ in range(5):
        QCoreApplication.processEvents()


def self_test() -> int:
    """Build the window, check that every panel is there and the numbers are right."""
    from lossexplorer import layouts
    from lossexplorer.mainwindow import MainWindow
    from lossexplorer.panels import PANELS

    failures = []
    window = MainWindow(settings=_scratch_settings())
    window.show()
    _settle()
    for spec in PANELS:
        dock = window.docks.get(spec.key)
        try:
            panel = window.ensure_panel(spec.key)  # builds a panel of another lesson
        except Exception as e:
            failures.append(f"panel {spec.key!r} cannot be built: {e!r}")
            continue
        if dock is None or window.dock_host.panel_in_dock(spec.key) is not panel:
            failures.append(f"panel {spec.key!r} is missing")
        elif spec.key in layouts.lesson_keys(window.lesson) and not dock.isVisibleTo(window):
            failures.append(f"panel {spec.key!r} of the {window.lesson} lesson is not shown")
    ce = window.model.cross_entropy
    if abs(ce - 0.35667494393873245) > 1e-12:
        failures.append(f"cross-entropy of seed 000's example is {ce!r}, expected 0.357")
    window.close()
    if failures:
        for f in failures:
            print("self-test FAILED:", f, file=sys.stderr)
        return 1
    print(f"self-test passed: {len(PANELS)} panels, cross-entropy {ce:.3f}")
    return 0


def main(argv=None) -> int:
    """Entry point of ``lossexplorer`` and ``python -m lossexplorer``."""
    argv = sys.argv if argv is None else argv
    args = build_parser().parse_args(argv[1:])
    batch = args.screenshot or args.self_test
    if batch and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not batch and no_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    app = _make_app(argv)
    if args.self_test:
        return self_test()
    if args.screenshot:
        return screenshot(args.screenshot, args)
    if args.startup_probe and args.probe_baseline:
        return _baseline_window(app)
    from PySide6.QtCore import QSettings

    from lossexplorer.mainwindow import MainWindow

    settings = QSettings()
    _install_language(args, settings)
    window = MainWindow(settings=settings)
    _prepare(window, args)
    if args.startup_probe:
        _probe_first_paint(app, window)
    window.show()
    return app.exec()


def _baseline_window(app):
    """The start-up benchmark's yardstick: a minimal one-PlotWidget pyqtgraph window."""
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.plot([0.0, 1.0, 2.0], [0.0, 1.0, 4.0])
    _probe_first_paint(app, plot.viewport())
    plot.show()
    return app.exec()


def _install_language(args, settings):
    """Choose the language before any widget exists (fonts follow it)."""
    from lossexplorer import i18n

    lang = args.lang or settings.value("language") or i18n.system_language()
    return i18n.install(lang if isinstance(lang, str) else "en")


def _prepare(window, args):
    """Language, lesson, look and scenario from the command line (or saved settings)."""
    window.set_language(_install_language(args, window.settings))
    if args.lesson:
        window.arrange(args.lesson)
    if args.presentation:
        window.set_presentation(True)
    if args.scenario:
        window.open_scenario(args.scenario)
    if getattr(args, "story", None):
        window.stories.start_builtin(args.story)


def _peak_rss_kib() -> int:
    """This process's peak resident memory in KiB.

    Linux's VmHWM belongs to this program alone; ``ru_maxrss`` would also
    count the parent's memory inherited through fork before exec.
    """
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _probe_first_paint(app, window):
    """For the start-up benchmark: report peak memory at the first paint, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                print(f"first-paint rss_kib={_peak_rss_kib()}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    probe = FirstPaint(window)
    probe.done = False
    window.installEventFilter(probe)
