"""A real window under Xvfb, dragged with real X pointer events (xdotool).

Skipped, with the reason, when Xvfb or xdotool is missing (CI installs both;
see .ci/run).  Qt's xcb platform needs, on Debian 12: xvfb xauth
libglib2.0-0 libfontconfig1 libdbus-1-3 libegl1 libxkbcommon-x11-0
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

HERE = Path(__file__).parent

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)",
)


@pytest.fixture
def display():
    """A private Xvfb server; yields its DISPLAY value."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def read_line(proc, prefix, timeout=60):
    """The next stdout line of ``proc`` starting with ``prefix`` (JSON after it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            if proc.poll() is not None:
                raise AssertionError(f"the app exited: {proc.stderr.read()[-2000:]}")
            continue
        if line.startswith(prefix):
            return json.loads(line[len(prefix) :])
    raise AssertionError(f"no {prefix!r} line within {timeout} s")


def xdotool(env, *args):
    subprocess.run(["xdotool", *map(str, args)], env=env, check=True, timeout=30)


def test_drag_a_bar_in_a_real_window(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp_path))
    env.pop("WAYLAND_DISPLAY", None)
    commands = tmp_path / "commands"
    commands.write_text("")
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "real_window_driver.py"), str(commands)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        points = read_line(proc, "READY ")
        (x0, y0), (_, y1) = points["0.5"], points["0.1"]
        xdotool(env, "mousemove", x0, y0)
        xdotool(env, "mousedown", 1)
        for i in range(1, 21):  # a hand's drag: many small moves
            xdotool(env, "mousemove", x0, round(y0 + (y1 - y0) * i / 20))
        xdotool(env, "mouseup", 1)
        time.sleep(0.5)
        shot = tmp_path / "screen.png"
        commands.write_text(f"report {shot}")
        state = read_line(proc, "STATE ")
        p = state["probabilities"]
        assert p[0] == pytest.approx(0.1, abs=0.011)
        assert p[1] / p[2] == pytest.approx(2.0, rel=1e-9)  # dog and bird keep 2:1
        assert sum(p) == pytest.approx(1.0, abs=1e-12)
        image = QImage(str(shot))
        assert image.width() == 1280 and image.height() == 1024
        colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 1024, 16)}
        assert len(colours) > 20, "the screenshot is blank"
        commands.write_text("quit")
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        stderr = proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
    assert "Traceback" not in stderr, stderr[-2000:]
