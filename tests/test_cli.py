"""The command line: --version, --help, --self-test, --screenshot, bad options."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def run(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "lossexplorer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_version():
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.startswith("lossexplorer ") and r.stdout.strip()[-1].isdigit()


def test_help():
    r = run("--help")
    assert r.returncode == 0
    assert "--screenshot" in r.stdout and "--self-test" in r.stdout


def test_unknown_option_exits_2_with_a_message():
    r = run("--frobnicate")
    assert r.returncode == 2
    assert "unrecognized arguments: --frobnicate" in r.stderr


def test_self_test_passes():
    r = run("--self-test")
    assert r.returncode == 0, r.stderr
    assert "self-test passed" in r.stdout and "0.357" in r.stdout


def test_screenshot_writes_a_png(tmp_path):
    path = tmp_path / "shot.png"
    r = run("--screenshot", str(path))
    assert r.returncode == 0, r.stderr
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}
    assert len(colours) > 3  # not a blank image


def test_screenshot_to_an_unwritable_path_fails_cleanly(tmp_path):
    r = run("--screenshot", str(tmp_path / "no" / "such" / "dir" / "x.png"))
    assert r.returncode == 1
    assert "could not write" in r.stderr


def test_an_unknown_lesson_or_language_is_refused_with_the_choices():
    r = run("--lesson", "chemistry")
    assert r.returncode == 2
    assert "multiclass" in r.stderr and "everything" in r.stderr
    r = run("--lang", "xx")
    assert r.returncode == 2 and "zh_CN" in r.stderr
