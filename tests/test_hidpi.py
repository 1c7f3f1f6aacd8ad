"""HiDPI: pens, markers and value tags keep their logical size at any device pixel ratio.

On a 4K projector at device pixel ratio 2 every line must cover twice as many
device pixels as at ratio 1, or the curves look half as thick as the text
beside them.  The ratio can only be chosen before the QApplication exists,
so each measurement runs in a child process (this file, run as a script,
with ``QT_SCALE_FACTOR`` 1 or 2, offscreen): it builds one plot with a
known item of each kind, grabs it (``grab()`` gives device pixels) and
prints what it measured, in device pixels, as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What the child measures, in device pixels; each must double from ratio 1 to 2.
SIZES = (
    "live_curve",  # LiveCurve's fast path: square-capped segments mapped to pixels
    "dashed_curve",  # a dashed LiveCurve: pyqtgraph's own path in data coordinates
    "fixed_curve",  # a PlotDataItem (a fixed curve, as penalty's −log p)
    "guide",  # plotkit.Guide, Qt alone
    "marker_outer",  # plotkit.Marker with its outline, over a dark band
    "marker_fill",  # the marker's fill inside its outline
    "scatter_ring",  # a ScatterPlotItem's symbol outline (penalty's open circles)
    "tag_text",  # plotkit.Tag's text height
    "tag_border",  # plotkit.Tag's border
    "axis_font",  # tick label height (fonts were already right: a control)
)


def measure(ratio: int) -> dict:
    """Run this file as a child at device pixel ratio ``ratio``; its measurements."""
    env = dict(os.environ, QT_SCALE_FACTOR=str(ratio), QT_QPA_PLATFORM="offscreen")
    env.pop("QT_SCREEN_SCALE_FACTORS", None)
    env.pop("QT_ENABLE_HIGHDPI_SCALING", None)
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--measure"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # a hung child fails the test instead of the suite
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def measured():
    return {ratio: measure(ratio) for ratio in (1, 2)}


def test_the_children_ran_at_ratios_1_and_2(measured):
    assert measured[1]["ratio"] == 1.0 and measured[2]["ratio"] == 2.0
    assert measured[2]["image"] == [2 * n for n in measured[1]["image"]]


@pytest.mark.parametrize("what", SIZES)
def test_at_ratio_2_everything_covers_twice_the_device_pixels(measured, what):
    one, two = measured[1][what], measured[2][what]
    assert one > 0, (what, measured[1])
    assert abs(two - 2 * one) <= 1, f"{what}: {one} device px at ratio 1, {two} at ratio 2"


@pytest.mark.parametrize("scale", [1, 2])
def test_an_exported_png_has_lines_as_thick_as_its_own_scale_says(measured, scale):
    """A 2x PNG for slides has lines twice as thick in pixels, whatever the screen's ratio."""
    for ratio, m in measured.items():
        for name in LEVELS:
            thickness = m[f"png_{scale}x"][name]
            assert abs(thickness - scale * CURVE_PEN) <= 1, (ratio, scale, name, thickness)


def test_at_ratio_2_curves_are_where_their_numbers_say(measured):
    for ratio, m in measured.items():
        for name in ("live_curve", "dashed_curve", "fixed_curve", "guide"):
            row = m[name + "_row"] / ratio  # in logical pixels
            assert abs(row - m[name + "_expected_row"]) <= 1.0, (ratio, name, m)


# --------------------------------------------------------------- the child

CURVE_PEN = 4  # logical pixels, scale 1 (style.pen's own scale is tested elsewhere)
COLOURS = {
    "live_curve": "#ff0000",
    "dashed_curve": "#0000ff",
    "fixed_curve": "#00c000",
    "guide": "#ff00ff",
    "marker": "#00ffff",
    "scatter": "#ff8000",
    "tag_fill": "#ffff00",
    "tag_border": "#8000ff",
}
SCATTER = (8.0, 7.0)
LEVELS = {"live_curve": 1.0, "dashed_curve": 2.5, "fixed_curve": 4.0, "guide": 5.0}


def _child() -> None:  # pragma: no cover - runs in the child process
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem

    app = QApplication([])
    from lossexplorer import export, style
    from lossexplorer.plotkit import Tag, add_guide, add_live_curve, add_marker, make_plot

    style.apply_app_style(app)
    plot = make_plot("hidpi")
    plot.resize(600, 420)
    item = plot.getPlotItem()
    view = item.getViewBox()
    view.setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    # few points: where square-capped segments overlap, their antialiased
    # edges are painted twice, which would make the line measure thicker
    x = np.linspace(0, 6, 4)
    pens = {
        "live_curve": style.pen(COLOURS["live_curve"], CURVE_PEN),
        "dashed_curve": style.pen(COLOURS["dashed_curve"], CURVE_PEN, Qt.PenStyle.DashLine),
        "fixed_curve": style.pen(COLOURS["fixed_curve"], CURVE_PEN),
    }
    for name in ("live_curve", "dashed_curve"):
        add_live_curve(item, pens[name]).setData(x, np.full_like(x, LEVELS[name]))
    item.plot(x, np.full_like(x, LEVELS["fixed_curve"]), pen=pens["fixed_curve"])
    guide = add_guide(item, style.pen(COLOURS["guide"], CURVE_PEN), angle=0, pos=LEVELS["guide"])
    guide.setZValue(5)
    dark = QGraphicsRectItem(7.0, 0.5, 2.0, 3.0)  # so that the marker's white outline shows
    dark.setBrush(pg.mkBrush("#000000"))
    dark.setPen(pg.mkPen(None))
    item.addItem(dark, ignoreBounds=True)
    marker = add_marker(item, COLOURS["marker"], 20)
    marker.setPos(8.0, 2.0)
    scatter = pg.ScatterPlotItem(
        x=[SCATTER[0]],
        y=[SCATTER[1]],
        size=30,
        brush=pg.mkBrush("w"),
        pen=style.pen(COLOURS["scatter"], 5),
    )
    item.addItem(scatter)
    tag = Tag("#000000", pg.mkBrush(COLOURS["tag_fill"]), style.pen(COLOURS["tag_border"], 3))
    tag.setFont(style.font(16))
    tag.setText("H")
    tag.setPos(1.0, 9.5)
    item.addItem(tag, ignoreBounds=True)
    plot.show()
    for _ in range(3):
        app.processEvents()

    def pixels(image):  # blue, green, red of every pixel
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        width, height = image.width(), image.height()
        rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
        return rows[:, : 4 * width].reshape(height, width, 4)[:, :, :3].astype(int)

    def coverage(bgr, colour):
        # How much of each pixel the colour covers (antialiased edges count in
        # part): the pixel's way from white to the colour, from 0 to 1.
        c = QColor(colour)
        towards = 255 - np.array([c.blue(), c.green(), c.red()], float)
        away = 255 - bgr
        f = (away * towards).sum(axis=2) / (towards**2).sum()
        off = np.abs(away - f[..., None] * towards).max(axis=2)  # another colour
        return np.where((f > 0.3) & (off < 60), np.clip(f, 0.0, 1.0), 0.0)  # nor the grid

    def logical(x, y):  # a data point, in logical pixels of the plot
        point = plot.viewportTransform().map(view.mapViewToScene(QPointF(x, y)))
        return point + QPointF(plot.viewport().pos())

    def logical_row(level):
        return logical(0.0, level).y()

    def lines(bgr, ratio):
        """Each line's thickness and centre row, in device pixels."""
        found = {}
        x0, x1 = (int(logical(x, 0).x() * ratio) for x in (0.5, 5.5))
        for name in ("live_curve", "dashed_curve", "fixed_curve", "guide"):
            row = logical_row(LEVELS[name]) * ratio
            near = slice(int(row - 12 * ratio), int(row + 12 * ratio))
            f = coverage(bgr, COLOURS[name])[near, x0:x1]
            per_column = f.sum(axis=0)
            found[name] = float(np.median(per_column[per_column > 0.5]))  # the dashes' columns
            rows = np.arange(near.start, near.stop) + 0.5
            found[name + "_row"] = float((f.sum(axis=1) * rows).sum() / f.sum())
        return found

    image = plot.grab().toImage()
    bgr, ratio = pixels(image), image.devicePixelRatio()
    out = {"ratio": ratio, "image": [image.width(), image.height()], **lines(bgr, ratio)}
    for name in LEVELS:
        out[name + "_expected_row"] = logical_row(LEVELS[name])
    with tempfile.TemporaryDirectory() as folder:
        for scale in (1, 2):  # exports draw at their own ratio, whatever the screen's
            path = os.path.join(folder, f"plot{scale}.png")
            export.plot_png(plot, path, scale=float(scale))
            out[f"png_{scale}x"] = lines(pixels(QImage(path)), scale)

    def mask(colour, tolerance=60):
        c = QColor(colour)
        return np.abs(bgr - np.array([c.blue(), c.green(), c.red()])).max(axis=2) <= tolerance

    fill = mask(COLOURS["marker"])
    ys, xs = np.nonzero(fill)
    out["marker_fill"] = int(xs.max() - xs.min() + 1)
    middle_row = bgr[int(round(ys.mean()))]
    light = middle_row.max(axis=1) > 128  # the fill or the outline, not the dark band
    cx = int(round(xs.mean()))
    left = cx - np.flatnonzero(~light[:cx][::-1])[0]
    right = cx + np.flatnonzero(~light[cx:])[0]
    out["marker_outer"] = int(right - left)
    centre = logical(*SCATTER) * ratio
    cx, cy = int(centre.x()), int(centre.y())
    ring = coverage(bgr, COLOURS["scatter"])[cy - 1 : cy + 2, cx - int(30 * ratio) : cx]
    out["scatter_ring"] = float(np.median(ring.sum(axis=1)))  # across its left side
    box = mask(COLOURS["tag_fill"]) | mask(COLOURS["tag_border"])
    ys, xs = np.nonzero(box)
    inner = bgr[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    out["tag_text"] = int((inner.max(axis=2) < 100).any(axis=1).sum())
    border = coverage(bgr, COLOURS["tag_border"])[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    out["tag_border"] = float(np.median(border.sum(axis=0)[border.shape[1] // 3 :][:5]) / 2)
    axis = item.getAxis("bottom")
    rect = axis.parentItem().mapRectToScene(axis.geometry())
    top = plot.mapFromScene(rect.topLeft()).y() + 8  # below the tick marks
    bottom = plot.mapFromScene(rect.bottomLeft()).y()
    strip = bgr[int(top * ratio) : int(bottom * ratio)]
    out["axis_font"] = int((strip.max(axis=2) < 100).any(axis=1).sum())
    print(json.dumps(out))


if __name__ == "__main__" and sys.argv[1:] == ["--measure"]:
    _child()
