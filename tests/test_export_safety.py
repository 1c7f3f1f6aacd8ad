"""Exports that keep their promises.

(1) A failed write never destroys what was there: every file is written
atomically (``lossexplorer.atomic``), leaves no debris, and fails in words.
(2) SVG is vector: no embedded bitmaps, every curve a path clipped to its plot.
(3) CSV cells with class names cannot be taken for spreadsheet formulas.
(4) An image shows the lesson as on screen: lines as thick as its scale says,
no passing message from the status bar.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import os
import re
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem, QMessageBox

from lossexplorer import atomic, export
from lossexplorer.model import ExplorerModel

OLD = b"section,name,value\n" + b"old,row,0.125\n" * 3500  # an earlier export, ~47 KB
ENOSPC = "No space left on device"


def _listing(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def disk_full_after(monkeypatch):
    """``disk_full_after(n)``: os.write stores ``n`` more bytes, then fails with ENOSPC."""

    def install(room: int):
        real_write = os.write
        left = [room]

        def write(fd, data):
            if left[0] <= 0:
                raise OSError(errno.ENOSPC, ENOSPC)
            n = real_write(fd, bytes(data[: left[0]]))
            left[0] -= n
            return n

        monkeypatch.setattr(os, "write", write)

    return install


@contextlib.contextmanager
def file_size_limit(nbytes: int):
    """The kernel refuses to grow any file of this process past ``nbytes`` (EFBIG).

    A real full-disk stand-in that does not depend on how a file is written.
    """
    import resource
    import signal

    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


# ------------------------------------------------------------- (1) atomic writes
def test_write_bytes_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "a.csv"
    assert atomic.write_bytes(target, b"first") is None
    atomic.write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert _listing(tmp_path) == ["a.csv"]


def test_a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    mask = os.umask(0o022)
    os.umask(mask)
    fresh = tmp_path / "fresh.csv"
    atomic.write_bytes(fresh, b"x")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's 0600
    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    atomic.write_bytes(kept, b"new")
    assert kept.stat().st_mode & 0o777 == 0o640


def test_write_text_encodes_and_keeps_newlines(tmp_path):
    target = tmp_path / "lesson.lossx"
    atomic.write_text(target, "猫\nline\r\n", encoding="utf-8")
    assert target.read_bytes() == "猫\nline\r\n".encode()


@pytest.mark.parametrize("room", [0, 2048])
def test_a_full_disk_leaves_the_old_file_whole_and_no_debris(tmp_path, disk_full_after, room):
    target = tmp_path / "numbers.csv"
    target.write_bytes(OLD)
    disk_full_after(room)
    with pytest.raises(OSError) as caught:
        atomic.write_bytes(target, b"new contents " * 8000)
    assert str(caught.value) == f"Could not write {target}: {ENOSPC}"
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["numbers.csv"]


def test_a_failed_flush_to_disk_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "numbers.csv"
    target.write_bytes(OLD)

    def fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError, match="Input/output error"):
        atomic.write_bytes(target, b"new")
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["numbers.csv"]


def test_an_interrupted_write_leaves_no_debris(tmp_path, monkeypatch):
    def write(fd, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(tmp_path / "a.png", b"data")
    assert _listing(tmp_path) == []


def test_a_folder_or_a_missing_folder_is_refused_in_words(tmp_path):
    folder = tmp_path / "slides"
    folder.mkdir()
    with pytest.raises(OSError) as caught:
        atomic.write_bytes(folder, b"x")
    assert str(caught.value) == f"Could not write {folder}: it is a folder."
    assert caught.value.errno == errno.EISDIR
    missing = tmp_path / "missing" / "plot.png"
    with pytest.raises(OSError) as caught:
        atomic.write_bytes(missing, b"x")
    assert str(caught.value) == (
        f"Could not write {missing}: the folder {tmp_path / 'missing'} does not exist."
    )
    assert caught.value.errno == errno.ENOENT
    assert _listing(tmp_path) == ["slides"] and _listing(folder) == []


def test_csv_export_on_a_full_disk_keeps_the_old_csv(window, tmp_path, disk_full_after):
    """The issue's case: a 47 KB CSV was left truncated to 2 KB."""
    target = tmp_path / "numbers.csv"
    target.write_bytes(OLD)
    disk_full_after(2048)
    with pytest.raises(OSError, match=re.escape(f"Could not write {target}: {ENOSPC}")):
        export.save_numbers_csv(window.model, target)
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["numbers.csv"]


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE as a full disk")
def test_csv_export_past_the_kernels_file_size_limit_keeps_the_old_csv(window, tmp_path):
    """The same with a real failing write(2), whatever the writing code does."""
    target = tmp_path / "numbers.csv"
    target.write_bytes(OLD)
    with file_size_limit(2048), pytest.raises(OSError) as caught:
        export.save_numbers_csv(window.model, target)
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == ["numbers.csv"]
    assert str(caught.value).startswith(f"Could not write {target}: ")


@pytest.mark.parametrize("kind", ["png", "svg", "window"])
def test_image_exports_on_a_full_disk_keep_the_old_image(window, tmp_path, disk_full_after, kind):
    plot = window.panels["penalty"].plot
    target = tmp_path / f"slide.{'svg' if kind == 'svg' else 'png'}"
    target.write_bytes(OLD)
    disk_full_after(2048)
    save = {
        "png": lambda: export.plot_png(plot, target),
        "svg": lambda: export.plot_svg(plot, target),
        "window": lambda: export.window_png(window, target),
    }[kind]
    with pytest.raises(OSError, match=re.escape(f"Could not write {target}: {ENOSPC}")):
        save()
    assert target.read_bytes() == OLD
    assert _listing(tmp_path) == [target.name]


@pytest.mark.parametrize("kind", ["png", "svg", "window", "csv"])
@pytest.mark.parametrize("where", ["folder", "missing"])
def test_exports_onto_a_folder_or_into_a_missing_one_fail_in_words(window, tmp_path, kind, where):
    """No Qt warning (they fail the test), nothing created, an OSError naming the path."""
    plot = window.panels["penalty"].plot
    folder = tmp_path / "slides"
    folder.mkdir()
    path = folder if where == "folder" else tmp_path / "missing" / f"plot.{kind}"
    save = {
        "png": lambda: export.plot_png(plot, path, scale=2.0),
        "svg": lambda: export.plot_svg(plot, path),
        "window": lambda: export.window_png(window, path),
        "csv": lambda: export.save_numbers_csv(window.model, path),
    }[kind]
    with pytest.raises(OSError) as caught:
        save()
    assert str(caught.value).startswith(f"Could not write {path}: ")
    assert _listing(tmp_path) == ["slides"] and _listing(folder) == []


def test_successful_exports_return_none_and_write_readable_files(window, tmp_path):
    plot = window.panels["penalty"].plot
    assert export.plot_png(plot, tmp_path / "p.png", scale=2.0) is None
    assert QImage(str(tmp_path / "p.png")).width() == 2 * plot.width()
    assert export.plot_svg(plot, tmp_path / "p.svg") is None
    assert ET.parse(tmp_path / "p.svg").getroot().tag.endswith("svg")
    assert export.window_png(window, tmp_path / "w.png") is None
    assert QImage(str(tmp_path / "w.png")).width() == window.width()
    assert export.save_numbers_csv(window.model, tmp_path / "n.csv") is None
    assert _listing(tmp_path) == ["n.csv", "p.png", "p.svg", "w.png"]


def _delete_boxes(window):
    for box in window.findChildren(QMessageBox):
        box.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_the_plot_menu_says_when_an_image_was_not_saved(window, tmp_path, monkeypatch, kind):
    plot = window.panels["penalty"].plot
    target = tmp_path / "missing" / f"plot.{kind}"
    monkeypatch.setattr(
        export.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(export.QInputDialog, "getDouble", staticmethod(lambda *a, **k: (2.0, True)))
    ask = export.ask_plot_png if kind == "png" else export.ask_plot_svg
    box = ask(plot)
    try:
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert box.parent() is window  # over the window, not the plot
        assert box.icon() == QMessageBox.Icon.Warning
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert box.windowTitle() == "Could not save the image"
        assert str(target) in box.text() and "does not exist" in box.text()
        assert not box.isModal() or box.windowModality() == Qt.WindowModality.WindowModal
    finally:
        _delete_boxes(window)
    assert _listing(tmp_path) == []


def test_the_plot_menu_saves_quietly_when_all_is_well(window, tmp_path, monkeypatch):
    plot = window.panels["penalty"].plot
    target = tmp_path / "plot.svg"
    monkeypatch.setattr(
        export.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert export.ask_plot_svg(plot) is None
    assert window.findChildren(QMessageBox, "export_error") == []
    assert target.read_bytes().lstrip().startswith(b"<?xml")


# ------------------------------------------------------------- (2) vector SVG
SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
MATRIX = re.compile(r"matrix\(([^)]*)\)")

# (panel, lesson it is shown in)
PLOTTED = [
    ("penalty", "multiclass"),
    ("probabilities", "multiclass"),
    ("logits", "multiclass"),
    ("sigmoid", "binary"),
    ("ce_prob", "binary"),
    ("binary_loss", "binary"),
    ("race", "binary"),
]


def _points(element) -> np.ndarray:
    text = element.get("d") if element.tag == SVG + "path" else element.get("points", "")
    values = [float(v) for v in NUMBER.findall(text or "")]
    return np.array(values[: len(values) // 2 * 2]).reshape(-1, 2)


def _matrix(text) -> np.ndarray:
    if not text:
        return np.eye(3)
    found = MATRIX.fullmatch(text.strip())
    assert found, f"unexpected transform {text!r}"
    a, b, c, d, e, f = (float(v) for v in found.group(1).split(","))
    return np.array([[a, c, e], [b, d, f], [0, 0, 1]])


def _rect(points) -> tuple[float, float, float, float]:
    return (*points.min(axis=0), *points.max(axis=0))


class SvgCurves:
    """The stroked paths of a Qt-written SVG: points in device pixels, stroke, clip rectangle."""

    def __init__(self, data: bytes):
        self.root = ET.fromstring(data)
        parents = {child: parent for parent in self.root.iter() for child in parent}
        clips = {
            c.get("id"): _rect(np.vstack([_points(p) for p in c]))
            for c in self.root.iter(SVG + "clipPath")
        }
        self.images = list(self.root.iter(SVG + "image"))
        self.paths = []
        for element in self.root.iter():
            if element.tag not in (SVG + "path", SVG + "polyline"):
                continue
            if element in {p for c in self.root.iter(SVG + "clipPath") for p in c}:
                continue
            chain, node = [element], element
            while node in parents:
                node = parents[node]
                chain.append(node)
            transform, clip = np.eye(3), None
            for node in reversed(chain):  # outermost first
                transform = transform @ _matrix(node.get("transform"))
                ref = node.get("clip-path")
                if ref:
                    # clip-path coordinates are those of the referring element:
                    # Qt writes them untransformed (device pixels), as checked below
                    assert np.allclose(transform, np.eye(3)), "clip under a transform"
                    x0, y0, x1, y1 = clips[ref[len("url(#") : -1]]
                    if clip is not None:
                        x0, y0 = max(x0, clip[0]), max(y0, clip[1])
                        x1, y1 = min(x1, clip[2]), min(y1, clip[3])
                    clip = (x0, y0, x1, y1)
            points = _points(element)
            device = (transform @ np.c_[points, np.ones(len(points))].T).T[:, :2]
            stroke = next((n.get("stroke") for n in chain if n.get("stroke")), None)
            dashed = any(n.get("stroke-dasharray") for n in chain)
            self.paths.append({"points": device, "stroke": stroke, "dashed": dashed, "clip": clip})


def _show(window, qtbot, key, lesson):
    window.arrange(lesson)
    panel = window.panels[key]
    window.docks[key].raise_()
    if key == "binary_loss":
        panel.grad_check.setChecked(True)  # the gradient overlay: dashed curves
    if key == "race":
        panel.step(25)  # the step plot gets its curves
    QApplication.processEvents()
    plots = [panel.z_plot, panel.step_plot] if key == "race" else [panel.plot]
    for plot in plots:
        qtbot.waitUntil(lambda plot=plot: plot.isVisible() and plot.width() > 150)
    return plots


def _svg(plot, folder) -> bytes:
    path = folder / f"{plot.objectName()}.svg"
    export.plot_svg(plot, path)
    return path.read_bytes()


def _view_rects(plot):
    """The rectangles (widget pixels) of the plot's visible view boxes."""
    to_widget = plot.viewportTransform()
    offset = plot.viewport().pos()
    rects = []
    for item in plot.scene().items():
        if isinstance(item, pg.ViewBox) and item.isVisible():
            r = to_widget.mapRect(item.sceneBoundingRect()).translated(offset.x(), offset.y())
            rects.append((r.left(), r.top(), r.right(), r.bottom()))
    return rects


def _curves(plot):
    """The visible curves of a plot that have enough points to be a curve."""
    return [
        item
        for item in plot.scene().items()
        if isinstance(item, pg.PlotCurveItem)
        and item.isVisible()
        and item.xData is not None
        and len(item.xData) >= 20
    ]


def _state(plot):
    return (
        plot.cacheMode(),
        [
            (item, item.cacheMode(), getattr(item, "_exportOpts", False))
            for item in plot.scene().items()
        ],
    )


@pytest.mark.parametrize(("key", "lesson"), PLOTTED)
def test_svg_export_is_vector_with_every_curve_clipped_to_its_plot(
    window, qtbot, tmp_path, key, lesson
):
    for plot in _show(window, qtbot, key, lesson):
        before = _state(plot)
        svg = SvgCurves(_svg(plot, tmp_path))
        assert _state(plot) == before, "cache and export modes are restored"
        assert svg.images == [], f"{key}: {len(svg.images)} bitmaps in the SVG"
        views = _view_rects(plot)
        assert views
        long_paths = [p for p in svg.paths if len(p["points"]) >= 20]
        curves = _curves(plot)
        if key not in ("probabilities", "logits"):  # those two have bars, not curves
            assert curves, f"{key}: nothing to check"
        for curve in curves:
            pen = curve.opts["pen"]
            dashed = pen.style() != Qt.PenStyle.SolidLine
            match = [
                p for p in long_paths if p["stroke"] == pen.color().name() and p["dashed"] == dashed
            ]
            assert match, f"{key}: no vector path for a curve of {pen.color().name()}"
        for path in long_paths:
            clip = path["clip"]
            assert clip is not None, f"{key}: a curve without a clip"
            assert any(np.allclose(clip, view, atol=1.0) for view in views), (
                f"{key}: a curve clipped to {clip}, not to its plot {views}"
            )
            x0, y0, x1, y1 = _rect(path["points"])
            assert x0 < clip[2] and x1 > clip[0] and y0 < clip[3] and y1 > clip[1], (
                f"{key}: a curve that is not in its plot at all"
            )


def test_the_dashed_gradient_curves_are_clipped_where_they_leave_the_plot(window, qtbot, tmp_path):
    """The issue's case: |dL/dz| curves ran across the axis labels."""
    (plot,) = _show(window, qtbot, "binary_loss", "binary")
    svg = SvgCurves(_svg(plot, tmp_path))
    dashed = [p for p in svg.paths if p["dashed"] and len(p["points"]) >= 20]
    assert len(dashed) == 2
    (view,) = {tuple(v) for v in _view_rects(plot)}
    for path in dashed:
        x0, _y0, x1, _y1 = _rect(path["points"])
        assert x0 < view[0] - 100 and x1 > view[2] + 100  # the data runs far out (|z| to 1000)
        assert np.allclose(path["clip"], view, atol=1.0)  # and the clip cuts it at the axes


def test_the_screen_keeps_its_caches_after_an_export(window, tmp_path):
    plot = window.panels["penalty"].plot
    axes = [plot.getPlotItem().getAxis(side) for side in ("left", "bottom")]
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert all(axis.cacheMode() == cached for axis in axes)
    before = _state(plot)
    export.plot_svg(plot, tmp_path / "p.svg")
    export.plot_png(plot, tmp_path / "p.png")
    assert _state(plot) == before
    assert all(axis.cacheMode() == cached for axis in axes)
    texts = [i for i in plot.scene().items() if "paint" in getattr(i, "__dict__", {})]
    assert texts == []


def test_caches_come_back_even_when_rendering_fails(window, tmp_path, monkeypatch):
    plot = window.panels["penalty"].plot
    before = _state(plot)

    def broken(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(export, "render_widget", broken)
    with pytest.raises(RuntimeError):
        export.plot_png(plot, tmp_path / "p.png")
    assert _state(plot) == before
    assert _listing(tmp_path) == []


# ------------------------------------------------------------- (3) CSV injection
FORMULAS = ["=1+1", "+SUM(A1)", "@cmd", "-x", "cat"]


def test_class_names_cannot_become_formulas_in_a_spreadsheet(qapp):
    model = ExplorerModel()
    model.set_classes(FORMULAS)
    model.set_true_class(0)
    model.set_logits([-0.5, 1.25, 0.0, -2.0, 3.0])
    rows = list(csv.reader(io.StringIO(export.numbers_csv(model))))
    names = [r[1] for r in rows if r and r[0] == "class"]
    assert names[0::2] == [
        "'=1+1 probability",
        "'+SUM(A1) probability",
        "'@cmd probability",
        "'-x probability",
        "cat probability",
    ]
    assert names[1::2][:4] == ["'=1+1 logit", "'+SUM(A1) logit", "'@cmd logit", "'-x logit"]
    true_class = next(r for r in rows if r[:2] == ["multiclass", "true class"])
    assert true_class[2] == "'=1+1"
    # numbers stay numbers: negative values are not quoted
    logits = {r[1]: r[2] for r in rows if r and r[0] == "class" and r[1].endswith("logit")}
    assert float(logits["'=1+1 logit"]) == pytest.approx(model.logits[0])
    assert any(v.startswith("-") for v in logits.values())
    header = rows.index(["z", "sigmoid", "mse", "bce", "mse_grad", "bce_grad"])
    table = rows[header + 1 :]
    assert table[0][0] == "-10.0" and np.isfinite(np.array(table, dtype=float)).all()


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("@cmd", "'@cmd"),
        ("-x", "'-x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("cat", "cat"),
        ("a=b", "a=b"),
        ("猫", "猫"),
    ],
)
def test_text_cells_that_start_like_a_formula_get_a_quote(text, cell):
    assert export.text_cell(text) == cell


# ------------------------------------------------------- (4) what the image shows
def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : 4 * width].reshape(height, width, 4)[:, :, :3].astype(int)


def _status_strip(image: QImage, window) -> np.ndarray:
    """The status bar's pixels in an image of the whole window."""
    bar = window.statusBar().geometry()
    ratio = image.width() / window.width()
    rows = slice(round(bar.top() * ratio), round((bar.bottom() + 1) * ratio))
    columns = slice(round(bar.left() * ratio), round((bar.right() + 1) * ratio))
    return _rgb(image)[rows, columns]


def _ink(strip: np.ndarray) -> int:
    """How many pixels of ``strip`` are text-dark."""
    return int((strip.max(axis=2) < 110).sum())


def test_window_images_leave_out_an_old_message_in_the_status_bar(window, tmp_path):
    bar = window.statusBar()
    bar.clearMessage()
    QApplication.processEvents()
    clean = _status_strip(export.render_widget(window), window)
    message = "Could not export: /media/usb/slide.png: No space left on device"
    bar.showMessage(message, 15000)
    QApplication.processEvents()
    on_screen = _status_strip(window.grab().toImage(), window)
    assert _ink(on_screen) > 50 and _ink(clean) == 0  # the message is there to leave out

    export.window_png(window, tmp_path / "w.png")
    saved = _status_strip(QImage(str(tmp_path / "w.png")), window)
    copied = _status_strip(export.copy_image(window, 1.0), window)
    for image in (saved, copied):
        assert _ink(image) == 0
        assert np.abs(image - clean).max() <= 2  # the bar as it looks with no message
    assert bar.currentMessage() == message  # still shown on screen, for as long as it was
    QApplication.processEvents()
    assert _ink(_status_strip(window.grab().toImage(), window)) > 50


def _line_thickness(image: QImage, scale: float, plot, level: float, colour: str) -> float:
    """The thickness in pixels of a horizontal line at data y ``level`` in an image of ``plot``."""
    view = plot.getPlotItem().getViewBox()
    row = plot.mapFromScene(view.mapViewToScene(pg.Point(5.0, level))).y() * scale
    c = pg.mkColor(colour)
    towards = 255 - np.array([c.blue(), c.green(), c.red()], float)
    near = _rgb(image)[int(row - 12 * scale) : int(row + 12 * scale), 50:-50]
    f = ((255 - near) * towards).sum(axis=2) / (towards**2).sum()
    f = np.where(f > 0.3, np.clip(f, 0, 1), 0)
    columns = f.sum(axis=0)
    return float(np.median(columns[columns > 0.5]))


def test_a_png_for_slides_has_lines_as_thick_as_on_screen(qtbot, tmp_path):
    """At 2x every line covers twice the pixels, as the text does; the screen keeps its pens."""
    from lossexplorer import style
    from lossexplorer.plotkit import add_guide, add_live_curve, make_plot

    plot = make_plot("slide")
    qtbot.addWidget(plot)
    plot.resize(500, 350)
    plot.show()
    qtbot.waitExposed(plot)
    item = plot.getPlotItem()
    item.getViewBox().setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    x = np.linspace(0.0, 10.0, 3)
    lines = {
        "#ff0000": add_live_curve(item, style.pen("#ff0000", 4)),
        "#0000ff": item.plot(pen=style.pen("#0000ff", 4)),
        "#00c000": add_guide(item, style.pen("#00c000", 4), angle=0, pos=7.0),
    }
    lines["#ff0000"].setData(x, np.full_like(x, 2.0))
    lines["#0000ff"].setData(x, np.full_like(x, 4.5))
    levels = {"#ff0000": 2.0, "#0000ff": 4.5, "#00c000": 7.0}
    style.label_axes(plot, "z (the logit)", "loss L")
    axis = item.getAxis("bottom")
    title = dict(axis.labelStyle)
    before = [pen.widthF() for pen in _pens_of(lines)] + [axis.pen().widthF()]
    QApplication.processEvents()
    for scale in (1.0, 2.0):
        export.plot_png(plot, tmp_path / "p.png", scale=scale)
        image = QImage(str(tmp_path / "p.png"))
        for colour, level in levels.items():
            thickness = _line_thickness(image, scale, plot, level, colour)
            assert abs(thickness - 4 * scale) <= 1, (colour, scale, thickness)
        assert _axis_line(image, scale, plot) == pytest.approx(1.5 * scale, abs=1.0)
    # the screen's pens are back, and the axis titles keep their colour
    assert [pen.widthF() for pen in _pens_of(lines)] + [axis.pen().widthF()] == before
    assert axis.labelStyle == title and title["color"] in axis.label.toHtml()


def _axis_line(image: QImage, scale: float, plot) -> float:
    """The thickness in pixels of the bottom axis's line, where no tick crosses it."""
    view = plot.getPlotItem().getViewBox()
    row = plot.mapFromScene(view.mapViewToScene(pg.Point(0.0, 0.0))).y() * scale
    column = plot.mapFromScene(view.mapViewToScene(pg.Point(1.3, 0.0))).x() * scale  # no tick
    strip = _rgb(image)[int(row - 6 * scale) : int(row + 6 * scale), int(column)]
    return float(((255 - strip.max(axis=1)) / (255 - 0x22)).clip(0, 1).sum())


def _pens_of(lines):
    live, fixed, guide = lines.values()
    return [live.opts["pen"], fixed.opts["pen"], fixed.curve.opts["pen"], guide.pen()]
