"""Export: plots as PNG (any scale) or SVG, the window as PNG, the numbers as CSV."""

from __future__ import annotations

import csv
import io

import numpy as np
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from lossexplorer import losses

Z_GRID = np.linspace(-10.0, 10.0, 401)


def render_widget(widget, scale: float = 1.0) -> QImage:
    """Render a widget (with its children) into an image ``scale`` times its size."""
    size = widget.size()
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32
    )
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QWidget.render(widget, painter, QPoint(0, 0))  # QGraphicsView overrides render()
    painter.end()
    return image


def plot_png(plot, path, scale: float = 2.0) -> bool:
    """Save a PlotWidget as a PNG ``scale`` times its on-screen size."""
    return render_widget(plot, scale).save(str(path), "PNG")


def plot_svg(plot, path) -> None:
    """Save a PlotWidget as SVG (vector: sharp at any size).

    Drawn by Qt's own SVG generator: pyqtgraph's SVGExporter cannot parse
    the paths that Qt 6.11 writes.
    """
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(plot.width(), plot.height()))
    generator.setViewBox(QRect(0, 0, plot.width(), plot.height()))
    generator.setTitle("lossexplorer")
    painter = QPainter(generator)
    QWidget.render(plot, painter, QPoint(0, 0))
    painter.end()


def copy_image(widget, scale: float = 2.0) -> QImage:
    """Put an image of ``widget`` on the clipboard (and return it)."""
    image = render_widget(widget, scale)
    QGuiApplication.clipboard().setImage(image)
    return image


def window_png(window, path, scale: float = 1.0) -> bool:
    """Save the whole window as a PNG."""
    return render_widget(window, scale).save(str(path), "PNG")


def numbers_csv(model) -> str:
    """The current numbers, and the binary curves over z, as CSV text."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["section", "name", "value"])
    for name, p, z in zip(model.classes, model.probabilities, model.logits, strict=True):
        w.writerow(["class", f"{name} probability", repr(float(p))])
        w.writerow(["class", f"{name} logit", repr(float(z))])
    w.writerow(["multiclass", "true class", model.classes[model.true_class]])
    w.writerow(["multiclass", "temperature", repr(model.temperature)])
    w.writerow(["multiclass", "cross-entropy", repr(model.cross_entropy)])
    w.writerow(["multiclass", "1 - p_true", repr(model.linear_penalty)])
    w.writerow(["multiclass", "Brier score", repr(model.brier)])
    for name, g in zip(model.classes, model.cross_entropy_grad, strict=True):
        w.writerow(["multiclass", f"dCE/dlogit {name}", repr(float(g))])
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
    """Write ``numbers_csv(model)`` to ``path``."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(numbers_csv(model))


def install_plot_menu(plot) -> None:
    """Right-click on a plot: export PNG (chosen scale), SVG, copy to clipboard."""
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
        plot_png(plot, path, scale)


def ask_plot_svg(plot):
    """Ask for a file name, then export the plot as SVG."""
    path, _ = QFileDialog.getSaveFileName(
        plot,
        QCoreApplication.translate("Export", "Export as SVG"),
        "plot.svg",
        QCoreApplication.translate("Export", "SVG image (*.svg)"),
    )
    if path:
        plot_svg(plot, path)
