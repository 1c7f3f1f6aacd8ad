"""Every lesson fits every classroom screen (the classroom-stage issue's matrix).

For each lesson, in normal and presentation mode, in English and Chinese, at
1024×768, 1280×800, 1366×768 and 1920×1080, and at 1920×1080 logical pixels
on a device pixel ratio of 2 (a 4K projector, or a HiDPI laptop at 200%),
``fit_check`` finds nothing: no scroll bar in a panel, no text cut or hidden,
no plot squashed below 100 × 70 px, no plot text drawn over other text.
The ratio is fixed when Qt starts, so the ratio-2 row runs in a child process.
"""

import json
import os
import subprocess
import sys

import pytest
from fit_matrix import LANGUAGES, SIZES, walk

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_fits_every_screen(window, qapp, lang):
    try:
        found = walk(window, qapp, SIZES, (lang,))
    finally:
        window.set_language("en")
    assert found == [], "\n".join(found)


def test_every_lesson_fits_a_4k_screen_at_ratio_2(tmp_path):
    screen = tmp_path / "4k.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "4k", "x": 0, "y": 0, "width": 3840, "height": 2160}]})
    )
    env = dict(
        os.environ,
        QT_SCALE_FACTOR="2",
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        XDG_CONFIG_HOME=str(tmp_path),
    )
    run = subprocess.run(
        [
            sys.executable,
            os.path.join(HERE, "fit_matrix.py"),
            "--sizes",
            "1920x1080",
            "--ratio",
            "2",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
