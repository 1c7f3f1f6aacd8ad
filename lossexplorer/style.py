"""Colours, fonts and plot styling shared by every panel.

The palette is Okabe-Ito (safe for colour-blind viewers), used with the same
meaning everywhere: cross-entropy is always blue, MSE always vermillion, the
naive 1 - p always orange, the Brier score always purple.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
CE = OKABE_ITO["blue"]
MSE = OKABE_ITO["vermillion"]
LINEAR = OKABE_ITO["orange"]
BRIER = OKABE_ITO["purple"]
SIGMOID = OKABE_ITO["green"]
NEUTRAL = "#555555"
# Class bars: a calm colour for a wrong class; the true class is green.
CLASS_BAR = "#9DB7CF"
TRUE_BAR = OKABE_ITO["green"]

BASE_POINT_SIZE = 13
scale = 1.0  # presentation mode raises this


def font(points: float = BASE_POINT_SIZE, bold: bool = False) -> QFont:
    """A font of ``points`` (times the current scale)."""
    f = QFont()
    f.setPointSizeF(points * scale)
    f.setBold(bold)
    return f


def pen(color, width: float = 3.0, style=None):
    """A cosmetic pen of ``width`` pixels (times the current scale)."""
    kw = {"color": color, "width": width * scale}
    if style is not None:
        kw["style"] = style
    return pg.mkPen(**kw)


def style_plot(plot: pg.PlotWidget, x_label: str = "", y_label: str = "") -> None:
    """Big tick labels and axis titles that can be read from the back row."""
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setTickFont(font(BASE_POINT_SIZE - 1))
        axis.setPen(pen("#222222", 1.5))
        axis.setTextPen("#111111")
    label_axes(plot, x_label, y_label)
    item.showGrid(x=True, y=True, alpha=0.15)
    item.hideButtons()
    item.setMenuEnabled(False)


def label_axes(plot: pg.PlotWidget, x_label: str, y_label: str) -> None:
    """Set the axis titles (again, after a language change)."""
    item = plot.getPlotItem()
    css = {"font-size": f"{(BASE_POINT_SIZE + 1) * scale:.0f}pt", "color": "#111111"}
    item.setLabel("bottom", x_label, **css)
    item.setLabel("left", y_label, **css)
