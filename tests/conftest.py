"""Test set-up: offscreen Qt before any QApplication exists, fast pyqtgraph mouse."""

import os

# A 1920×1080 screen (offscreen's own is 800×800): the window opens at its
# default size, which must fit the screen it opens on.
SCREEN = os.path.join(os.path.dirname(__file__), "fixtures", "screen_1920x1080.json")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
os.environ.setdefault("LANG", "en_US.UTF-8")

import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSettings  # noqa: E402

# Deliver every mouse move at once instead of rate-limiting to ~100 Hz.
pg.setConfigOption("mouseRateLimit", -1)


@pytest.fixture(scope="session", autouse=True)
def _app_style(qapp):
    from lossexplorer import gc_guard
    from lossexplorer.style import apply_app_style

    gc_guard.install(qapp)  # as the app does: no collection inside a Qt call
    qapp.setOrganizationName("lossexplorer-tests")
    qapp.setApplicationName("lossexplorer-tests")
    apply_app_style(qapp)
    return qapp


@pytest.fixture
def settings(tmp_path):
    """A private settings file per test."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    """The main window at its default size, shown (offscreen); deleted afterwards."""
    from lossexplorer.mainwindow import MainWindow

    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests():
    """Collect what a test left behind at a safe moment: between tests, not inside Qt."""
    yield
    import gc

    from lossexplorer import i18n

    if i18n.current_language() != "en":  # a test that switched language and failed
        i18n.install("en")
    gc.collect()
