"""The command line in hostile conditions: no display, a scenario file that must be refused."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtGui import QImage

from lossexplorer import app as app_module

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="DISPLAY and WAYLAND_DISPLAY are Linux's"
)


def headless_env(tmp_path, **extra):
    """The environment of an SSH session: no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    for key in ("DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(key, None)
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # never the real settings
    env.update(extra)
    return env


def run(env, *args, timeout=120):
    start = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "lossexplorer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    return r, time.monotonic() - start


# ------------------------------------------------------------------- 5. no display
@linux_only
@pytest.mark.parametrize("args", [(), ("lesson.lossx",), ("--lesson", "binary")])
def test_without_a_display_the_window_says_so_in_one_line(tmp_path, args):
    r, seconds = run(headless_env(tmp_path), *args)
    assert r.returncode == 1, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    line = lines[0]
    assert "no display" in line and "--screenshot" in line and "--self-test" in line
    assert "Traceback" not in r.stderr and "xcb" not in r.stderr
    assert r.stdout == ""
    assert seconds < 30  # no QApplication was made, nothing waited for a display


@linux_only
@pytest.mark.parametrize("platform", ["xcb", "wayland", "wayland;xcb"])
def test_an_explicit_x11_or_wayland_platform_without_a_display_says_so(tmp_path, platform):
    r, _ = run(headless_env(tmp_path, QT_QPA_PLATFORM=platform))
    assert r.returncode == 1 and "no display" in r.stderr and "Traceback" not in r.stderr


@linux_only
def test_without_a_display_the_batch_modes_still_work(tmp_path):
    env = headless_env(tmp_path)
    r, _ = run(env, "--self-test")
    assert r.returncode == 0, r.stderr
    assert "self-test passed" in r.stdout
    shot = tmp_path / "shot.png"
    r, _ = run(env, "--screenshot", str(shot))
    assert r.returncode == 0, r.stderr
    assert QImage(str(shot)).width() == 1280
    for flag in ("--version", "--help"):
        r, _ = run(env, flag)
        assert r.returncode == 0 and r.stdout.startswith(("lossexplorer", "usage")), r.stderr


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland-egl"}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"DISPLAY": ""}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "eglfs"}, "linux", False),
        ({"QT_QPA_PLATFORM": "vnc"}, "linux", False),
        ({}, "darwin", False),
        ({}, "win32", False),
    ],
)
def test_no_display_is_detected_only_where_qt_would_need_one(environ, platform, expected):
    assert app_module.no_display(environ, platform) is expected


# ----------------------------------------------------- 6. a bad scenario at start
HUGE = '{"format": "lossexplorer-scenario", "version": 1, "state": {"z": 1' + "0" * 400 + "}}"

SPY = textwrap.dedent(
    """
    import sys
    from lossexplorer import app, mainwindow

    original = mainwindow.MainWindow.report_error

    def report_error(self, title, message):
        print("REFUSED:", title, "|", message, flush=True)
        return original(self, title, message)

    mainwindow.MainWindow.report_error = report_error
    sys.exit(app.main(["lossexplorer", *sys.argv[1:]]))
    """
)


@pytest.mark.parametrize(
    "content",
    [
        HUGE,
        '{"format": "lossexplorer-scenario", "version": 1, "state": {"<b>x</b>": 1}}',
        "[" * 100000,
        "{not json",
    ],
    ids=["huge-integer", "markup-key", "nested", "not-json"],
)
def test_screenshot_with_a_bad_scenario_opens_the_window_and_reports_it(tmp_path, content):
    bad = tmp_path / "bad.lossx"
    bad.write_text(content, encoding="utf-8")
    shot = tmp_path / "out.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    r = subprocess.run(
        [sys.executable, "-c", SPY, "--screenshot", str(shot), str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert QImage(str(shot)).width() == 1280
    refusals = [line for line in r.stdout.splitlines() if line.startswith("REFUSED:")]
    assert len(refusals) == 1 and "Could not open the scenario" in refusals[0], r.stdout


def test_a_huge_integer_file_on_the_command_line_exits_0(tmp_path):
    bad = tmp_path / "lesson.lossx"
    bad.write_text(HUGE, encoding="utf-8")
    shot = tmp_path / "out.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    r, _ = run(env, "--screenshot", str(shot), str(bad))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and shot.exists()


# ----------------------------------------------------- 7. no import cycle for version
def test_the_window_does_not_import_the_command_line():
    code = (
        "import sys, lossexplorer.mainwindow as m; "
        "print('lossexplorer.app' in sys.modules, callable(m.version))"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "True"]


def test_version_is_still_importable_from_app():
    import lossexplorer
    from lossexplorer.app import version

    assert version is lossexplorer.version and version()[0].isdigit()
