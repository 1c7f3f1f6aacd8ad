"""Export: plots as PNG (any scale) or SVG, the window as PNG, the numbers as CSV.

Every file is written atomically (``lossexplorer.atomic``): an export that
fails raises ``OSError`` with a readable message and leaves whatever file was
there untouched.

An image shows what the screen shows, at its own resolution: lines as thick
next to the text as on screen (``device_pens``), and no passing message from
the status bar (``render_widget``).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QFileDialog,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsTextItem,
    QGraphicsView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QStatusBar,
    QStyle,
    QStyleOption,
    QStyleOptionGraphicsItem,
    QWidget,
)

from lossexplorer import atomic, losses, style

Z_GRID = np.linspace(-10.0, 10.0, 401)


def render_widget(widget, scale: float = 1.0) -> QImage:
    """Render a widget (with its children) into an image ``scale`` times its size.

    Lines keep their thickness relative to the widget (``device_pens``); a
    status bar inside is drawn without its passing message (an old error
    has no place in a picture of the lesson).
    """
    size = widget.size()
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32
    )
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    bars = widget.findChildren(QStatusBar)
    if isinstance(widget, QStatusBar):
        bars.append(widget)
    without_message = _NoStatusMessage()
    for bar in bars:
        bar.installEventFilter(without_message)
    try:
        with device_pens(widget, scale):
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            QWidget.render(widget, painter, QPoint(0, 0))  # QGraphicsView overrides render()
            painter.end()
    finally:
        for bar in bars:
            bar.removeEventFilter(without_message)
    return image


class _NoStatusMessage(QObject):
    """An event filter that paints a status bar as it looks with no message."""

    def eventFilter(self, bar, event):
        if event.type() != QEvent.Type.Paint or not bar.currentMessage():
            return False
        # what QStatusBar.paintEvent draws, less the message (the bar holds
        # no widgets of its own here, so there are no item frames to draw)
        painter = QPainter(bar)
        option = QStyleOption()
        option.initFrom(bar)
        bar.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, bar)
        painter.end()
        return True


@contextlib.contextmanager
def device_pens(widget, ratio: float):
    """Draw the plots in ``widget`` for a device of ``ratio`` device pixels per pixel.

    Pens are cosmetic (their width ignores zoom), which Qt strokes in device
    pixels, and ``style.pen`` makes them for the screen's ratio.  An image at
    another ratio (a PNG at 2x, an SVG at 1) would show lines too thin or too
    thick: inside this block every cosmetic pen in the widget's plots is
    widened by ``ratio`` over the screen's, and set back after.
    """
    factor = ratio / style.device_pixel_ratio()
    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    slots = []
    if abs(factor - 1.0) > 1e-9:
        slots = [slot for view in views for item in view.scene().items() for slot in _pens(item)]
    try:
        for pen, set_pen in slots:
            wider = QPen(pen)
            wider.setWidthF(pen.widthF() * factor)
            set_pen(wider)
        yield
    finally:
        for pen, set_pen in reversed(slots):
            set_pen(pen)


def _pens(item):
    """(pen, setter) for each cosmetic pen of a plot item that has one."""
    if isinstance(item, pg.PlotDataItem):  # sets its curve's and its symbols' pens
        candidates = [
            (item.opts.get("pen"), item.setPen),
            (item.opts.get("shadowPen"), item.setShadowPen),
            (item.opts.get("symbolPen"), item.setSymbolPen),
        ]
    elif isinstance(item.parentItem(), pg.PlotDataItem):
        candidates = []
    elif isinstance(item, pg.PlotCurveItem):  # LiveCurve too
        candidates = [
            (item.opts.get("pen"), item.setPen),
            (item.opts.get("shadowPen"), item.setShadowPen),
        ]
    elif isinstance(item, pg.ScatterPlotItem):
        candidates = [(item.opts.get("pen"), item.setPen)]
    elif isinstance(item, pg.InfiniteLine):
        candidates = [(item.pen, item.setPen), (item.hoverPen, item.setHoverPen)]
    elif isinstance(item, pg.AxisItem):  # make_plot's axes; its setPen recolours the title
        candidates = [(item.pen(), item.set_line_pen)] if hasattr(item, "set_line_pen") else []
    elif isinstance(item, (pg.LegendItem, QAbstractGraphicsShapeItem, QGraphicsLineItem)):
        candidates = [(item.pen(), item.setPen)]  # Guide, Marker, Tag, Band among them
    else:
        candidates = []
    pens = []
    for spec, set_pen in candidates:
        if spec is None:
            continue
        pen = pg.mkPen(spec)
        if pen.isCosmetic() and pen.style() != Qt.PenStyle.NoPen and pen.widthF() > 0:
            pens.append((pen, set_pen))
    return pens


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG, in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, "PNG")
    buffer.close()
    if not ok:
        raise OSError(QCoreApplication.translate("Export", "The image could not be encoded."))
    return bytes(data)


def _save_png(image: QImage, path) -> None:
    data = png_bytes(image)
    atomic.write_bytes(path, data)


@contextlib.contextmanager
def exporting(plot, **options):
    """Paint ``plot`` for export: every item as vectors, at full resolution.

    On screen, axes, legends and fixed curves are cached as device pixmaps
    (``style.cache``) and scatter symbols drawn from a pixmap atlas; in an
    export those would be bitmaps.  Inside this block every item of the
    plot's scene paints itself directly (no cache), and pyqtgraph's items
    are in export mode (``LiveCurve`` then strokes one path in data
    coordinates, which the view box clips).  Everything is restored after.
    """
    scene = plot.scene()
    items = scene.items()
    modes = [(item, item.cacheMode()) for item in items]
    exporters = [item for item in items if hasattr(item, "setExportMode")]
    texts = [  # Qt's own text items (a subclass may paint differently)
        item
        for item in items
        if isinstance(item, QGraphicsTextItem) and type(item).paint is QGraphicsTextItem.paint
    ]
    view_cache = plot.cacheMode()
    patched = []
    try:
        plot.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)  # the background too
        for item, _mode in modes:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        for item in exporters:
            item.setExportMode(True, dict(options))
        for item in texts:
            item.paint = functools.partial(_paint_text_unclipped, item)  # on this item only
            patched.append(item)
        yield
    finally:
        for item in patched:
            del item.paint
        for item in exporters:
            item.setExportMode(False)
        for item, mode in modes:
            item.setCacheMode(mode)
        plot.setCacheMode(view_cache)
        plot.resetCachedContent()


def _paint_text_unclipped(item, painter, option, widget=None):
    # QGraphicsTextItem clips its text to the exposed rectangle between a
    # save() and a restore().  Qt's SVG generator (6.11, SVG 1.1) mishandles
    # that restore: QPainter replays the view box's clip starting with "no
    # clip", which switches the generator's clipping off, and the replayed
    # clip is never written; the next item painted in the view box (a curve)
    # then gets the last clip that was written, the text's box.  With no
    # exposed rectangle the text is drawn unclipped (it stays in its box anyway).
    option = QStyleOptionGraphicsItem(option)
    option.exposedRect = QRectF()
    QGraphicsTextItem.paint(item, painter, option, widget)


def plot_png(plot, path, scale: float = 2.0) -> None:
    """Save a PlotWidget as a PNG ``scale`` times its on-screen size.

    Raises ``OSError`` with a readable message if the file cannot be written.
    """
    with exporting(plot, antialias=True):
        image = render_widget(plot, scale)
    _save_png(image, path)


def svg_bytes(plot) -> bytes:
    """A PlotWidget as an SVG document (vector: sharp at any size).

    Drawn by Qt's own SVG generator (pyqtgraph's SVGExporter cannot parse
    the paths that Qt 6.11 writes), as SVG 1.1: SVG Tiny 1.2, Qt's default,
    has no clipping, and curves would run out of their plots.
    """
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)  # Qt never opens the file: no warnings, no debris
    generator.setSize(QSize(plot.width(), plot.height()))
    generator.setViewBox(QRect(0, 0, plot.width(), plot.height()))
    generator.setTitle("lossexplorer")
    with exporting(plot, antialias=True), device_pens(plot, 1.0):
        painter = QPainter(generator)
        QWidget.render(plot, painter, QPoint(0, 0))
        painter.end()
    buffer.close()
    return bytes(data)


def plot_svg(plot, path) -> None:
    """Save a PlotWidget as SVG (vector: sharp at any size).

    Raises ``OSError`` with a readable message if the file cannot be written.
    """
    atomic.write_bytes(path, svg_bytes(plot))


def copy_image(widget, scale: float = 2.0) -> QImage:
    """Put an image of ``widget`` on the clipboard (and return it)."""
    sharp = exporting(widget) if isinstance(widget, QGraphicsView) else contextlib.nullcontext()
    with sharp:  # a plot: no cached pixmaps scaled up
        image = render_widget(widget, scale)
    QGuiApplication.clipboard().setImage(image)
    return image


def window_png(window, path, scale: float | None = None) -> None:
    """Save the whole window as a PNG, ``scale`` times its size (default: as sharp as the screen).

    Raises ``OSError`` with a readable message if the file cannot be written.
    """
    if scale is None:
        scale = window.devicePixelRatioF()
    _save_png(render_widget(window, scale), path)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    """A cell of text from the user (a class name), safe to open in a spreadsheet.

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return would be taken for a formula (CSV injection); like spreadsheet-safe
    CSV writers, such a cell gets a leading ``'``, which spreadsheets show as
    text.  Numbers never go through here: −0.5 stays a number.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def numbers_csv(model) -> str:
    """The current numbers, and the binary curves over z, as CSV text."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["section", "name", "value"])
    for name, p, z in zip(model.classes, model.probabilities, model.logits, strict=True):
        w.writerow(["class", text_cell(f"{name} probability"), repr(float(p))])
        w.writerow(["class", text_cell(f"{name} logit"), repr(float(z))])
    w.writerow(["multiclass", "true class", text_cell(model.classes[model.true_class])])
    w.writerow(["multiclass", "temperature", repr(model.temperature)])
    w.writerow(["multiclass", "cross-entropy", repr(model.cross_entropy)])
    w.writerow(["multiclass", "1 - p_true", repr(model.linear_penalty)])
    w.writerow(["multiclass", "Brier score", repr(model.brier)])
    for name, g in zip(model.classes, model.cross_entropy_grad, strict=True):
        w.writerow(["multiclass", text_cell(f"dCE/dlogit {name}"), repr(float(g))])
    for name in ("z", "y", "y_hat", "bce", "mse", "bce_grad", "mse_grad", "learning_rate"):
        w.writerow(["binary", name, repr(float(getattr(model, name)))])
    w.writerow([])
    w.writerow(["z", "sigmoid", "mse", "bce", "mse_grad", "bce_grad"])
    y = model.y
    columns = (
        Z_GRID,
        losses.sigmoid(Z_GRID),
        losses.mse(Z_GRID, y),
        losses.binary_cross_entropy(Z_GRID, y),
        losses.mse_grad(Z_GRID, y),
        losses.binary_cross_entropy_grad(Z_GRID, y),
    )
    for row in zip(*columns, strict=True):
        w.writerow([repr(float(v)) for v in row])
    return out.getvalue()


def save_numbers_csv(model, path) -> None:
    """Write ``numbers_csv(model)`` to ``path`` (UTF-8).

    Raises ``OSError`` with a readable message if the file cannot be written.
    """
    atomic.write_text(path, numbers_csv(model), encoding="utf-8")


PLOT_MENU_PROPERTY = "lossexplorer_plot_menu"  # set on a plot once its menu is installed


def install_plot_menu(plot) -> None:
    """Right-click on a plot: export PNG (chosen scale), SVG, copy to clipboard.

    Installs the menu once: calling it again on the same plot does nothing
    (a second connection would open a second menu).
    """
    if plot.property(PLOT_MENU_PROPERTY):
        return
    plot.setProperty(PLOT_MENU_PROPERTY, True)
    plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    plot.customContextMenuRequested.connect(lambda pos: _plot_menu(plot, pos))


def _plot_menu(plot, pos):
    menu = QMenu(plot)
    menu.addAction(
        QCoreApplication.translate("Export", "Export as PNG…"), lambda: ask_plot_png(plot)
    )
    menu.addAction(
        QCoreApplication.translate("Export", "Export as SVG…"), lambda: ask_plot_svg(plot)
    )
    menu.addAction(QCoreApplication.translate("Export", "Copy image"), lambda: copy_image(plot))
    menu.popup(plot.mapToGlobal(pos))
    return menu


def ask_plot_png(plot):
    """Ask for a scale and a file name, then export the plot as PNG."""
    scale, ok = QInputDialog.getDouble(
        plot,
        QCoreApplication.translate("Export", "Export as PNG"),
        QCoreApplication.translate("Export", "Scale (2 for slides):"),
        2.0,
        0.5,
        8.0,
        1,
    )
    if not ok:
        return
    path, _ = QFileDialog.getSaveFileName(
        plot,
        QCoreApplication.translate("Export", "Export as PNG"),
        "plot.png",
        QCoreApplication.translate("Export", "PNG image (*.png)"),
    )
    if path:
        return _export_or_report(plot, plot_png, path, scale)
    return None


def ask_plot_svg(plot):
    """Ask for a file name, then export the plot as SVG."""
    path, _ = QFileDialog.getSaveFileName(
        plot,
        QCoreApplication.translate("Export", "Export as SVG"),
        "plot.svg",
        QCoreApplication.translate("Export", "SVG image (*.svg)"),
    )
    if path:
        return _export_or_report(plot, plot_svg, path)
    return None


def _export_or_report(plot, save, path, *args):
    """``save(plot, path, *args)``; if it fails, say so in a message box (returned)."""
    try:
        save(plot, path, *args)
    except OSError as e:
        return report_failure(plot, str(e))
    return None


def report_failure(widget, message: str) -> QMessageBox:
    """A warning over ``widget``'s window that the image was not saved, and why.

    Not blocking: the lesson goes on behind it.  The box deletes itself when closed.
    """
    box = QMessageBox(widget.window())
    box.setObjectName("export_error")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(QCoreApplication.translate("Export", "Could not save the image"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box
