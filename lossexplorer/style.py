"""Colours, fonts and plot styling shared by every panel.

The palette is Okabe-Ito (safe for colour-blind viewers), used with the same
meaning everywhere: cross-entropy is always blue, MSE always vermillion, the
naive 1 - p always orange, the Brier score always purple.

Sizes here are those of the normal view.  What has a size (a font, a pen, a
plot's axes, a check box) is made at a presentation ``scale``, which the
caller passes: a panel passes its model's ``display.scale`` (see
``lossexplorer.display``).  Sizes are logical pixels, the same apparent size
at any device pixel ratio (a 4K projector at ratio 2): fonts and item
geometry are logical already; a pen's width is made so (see ``pen``).
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QProxyStyle, QStyle

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
APP_POINT_SIZE = BASE_POINT_SIZE - 2  # menus, buttons and captions
# Presentation mode's text: black, and grey on what cannot be used (a
# disabled Pause or Redo), still legible from the back row.
PRESENTATION_TEXT = "#000000"
PRESENTATION_DISABLED_TEXT = "#808080"


class ScaledStyle(QProxyStyle):
    """The application's style with check boxes and radio buttons ``scale`` times bigger.

    Qt's styles draw the indicator of a check box or radio button a fixed
    number of pixels across, whatever the font: at presentation scale it
    would stay small and hard to hit.  On a white window Fusion outlines
    it in a grey too pale to see on a projector: it gets a dark outline.

    Installed only while the scale is not 1 (``set_app_font``): a style
    written in Python is asked for a metric a few dozen times per redraw.
    """

    SCALED = frozenset(
        {
            QStyle.PixelMetric.PM_IndicatorWidth,
            QStyle.PixelMetric.PM_IndicatorHeight,
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
            QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing,
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing,
        }
    )
    INDICATORS = frozenset(
        {
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        }
    )

    def __init__(self, base: str, scale: float):
        super().__init__(base)
        self.scale = scale

    def pixelMetric(self, metric, option=None, widget=None):
        value = super().pixelMetric(metric, option, widget)
        return math.ceil(value * self.scale) if metric in self.SCALED else value

    def drawPrimitive(self, element, option, painter, widget=None):
        super().drawPrimitive(element, option, painter, widget)
        if element in self.INDICATORS and option.palette.window().color().lightness() >= 240:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            outline = QPen(option.palette.windowText().color(), max(1.0, self.scale))
            painter.setPen(outline)  # grey when disabled (the palette's disabled group)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = outline.widthF() / 2
            rect = QRectF(option.rect).adjusted(half, half, -half, -half)
            if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
                painter.drawEllipse(rect)
            else:
                painter.drawRect(rect)
            painter.restore()


def apply_app_style(app, scale: float = 1.0) -> None:
    """Application-wide font, control sizes and pyqtgraph defaults."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    set_app_font(app, scale)


def set_app_font(app, scale: float = 1.0) -> None:
    """The application's font (menus, buttons, captions) and check boxes at ``scale``.

    Widgets built afterwards get the new size of check box (the window
    builds its panels again after a change of scale).  The palette is kept.
    """
    current = app.style()
    if isinstance(current, ScaledStyle):
        if scale == 1.0:
            app.setStyle(current.baseStyle().name())
        else:
            current.scale = float(scale)
    elif scale != 1.0:
        app.setStyle(ScaledStyle(current.name(), float(scale)))
    app.setFont(font(APP_POINT_SIZE, scale=scale))


def apply_presentation_palette(app) -> None:
    """A high-contrast light theme for projectors: pure white, pure black.

    What is disabled keeps grey text, so that it still looks disabled.
    """
    palette = QPalette(app.palette())
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, QColor("#ffffff"))
    text_roles = (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    )
    for role in text_roles:
        palette.setColor(role, QColor(PRESENTATION_TEXT))  # every group
    palette.setColor(QPalette.ColorRole.Highlight, QColor(OKABE_ITO["blue"]))
    disabled = QPalette.ColorGroup.Disabled
    for role in (*text_roles, QPalette.ColorRole.PlaceholderText):
        palette.setColor(disabled, role, QColor(PRESENTATION_DISABLED_TEXT))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#b0b0b0"))
    palette.setColor(disabled, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)


def font(points: float = BASE_POINT_SIZE, bold: bool = False, *, scale: float = 1.0) -> QFont:
    """A font of ``points`` times ``scale``, with the app's families."""
    f = QFont(QApplication.font())
    f.setPointSizeF(points * scale)
    f.setBold(bold)
    return f


def device_pixel_ratio() -> float:
    """Device pixels per logical pixel on the sharpest screen (1 without an application)."""
    app = QGuiApplication.instance()
    return float(app.devicePixelRatio()) if app is not None else 1.0


def pen(color, width: float = 3.0, style=None, *, scale: float = 1.0):
    """A cosmetic pen ``width`` times ``scale`` logical pixels wide.

    Qt strokes a cosmetic pen (a width that ignores zoom) in device pixels,
    so the width holds the device pixel ratio: at ratio 2 a 3-pixel line
    covers 6 device pixels, as wide as before next to text twice as sharp.
    Exports, which draw at their own ratio, rescale it (``export``).
    """
    kw = {"color": color, "width": width * scale * device_pixel_ratio()}
    if style is not None:
        kw["style"] = style
    return pg.mkPen(**kw)


def points_css(points: float, scale: float = 1.0) -> str:
    """A font size for a style sheet or a pyqtgraph label: "13pt"."""
    return f"{points * scale:.0f}pt"


def axis_label_css(scale: float = 1.0) -> dict:
    """The style of an axis title."""
    return {"font-size": points_css(BASE_POINT_SIZE + 1, scale), "color": "#111111"}


def style_plot(
    plot: pg.PlotWidget, x_label: str = "", y_label: str = "", *, scale: float = 1.0
) -> None:
    """Big tick labels and axis titles that can be read from the back row."""
    item = plot.getPlotItem()
    style_axes(plot, scale=scale)
    label_axes(plot, x_label, y_label, scale=scale)
    item.showGrid(x=True, y=True, alpha=0.15)
    item.hideButtons()
    item.setMenuEnabled(False)


def style_axes(plot: pg.PlotWidget, *, scale: float = 1.0) -> None:
    """The tick labels and lines of every axis of ``plot``, at ``scale``."""
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        set_tick_font(axis, font(BASE_POINT_SIZE - 1, scale=scale))
        axis.setPen(pen("#222222", 1.5, scale=scale))
        axis.setTextPen("#111111")
        # Axes (and the grid they draw) change only when the view range does:
        # cache them as pixmaps so a drag repaints curves, not tick labels.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def set_tick_font(axis, tick_font: QFont) -> None:
    """Set an axis's tick font and make room for it (pyqtgraph does not)."""
    axis.setTickFont(tick_font)
    height = QFontMetrics(tick_font).height()
    if axis.orientation in ("bottom", "top"):
        axis.setStyle(tickTextHeight=height + 2, autoExpandTextSpace=False)
        axis.setHeight(None)


def label_axes(plot: pg.PlotWidget, x_label: str, y_label: str, *, scale: float = 1.0) -> None:
    """Set the axis titles (again, after a language change)."""
    item = plot.getPlotItem()
    css = axis_label_css(scale)
    item.setLabel("bottom", x_label, **css)
    item.setLabel("left", y_label, **css)


def cache(*items) -> None:
    """Cache items that only change with the view range as device pixmaps.

    For a ``PlotDataItem`` its curve and scatter children are cached, for a
    ``TextItem`` its text.  On screen only: exports switch every cache off
    while they paint (``export.exporting``), so an SVG holds vectors, not bitmaps.
    """
    for item in items:
        targets = [item]
        if isinstance(item, pg.PlotDataItem):
            targets = [item.curve, item.scatter]
        elif isinstance(item, pg.TextItem):
            targets = [item, item.textItem]
        for target in targets:
            target.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def cache_legend(legend) -> None:
    """Cache a legend's line samples and texts as device pixmaps.

    Call it again after adding entries.  A legend sits over its curves, so
    without this every redraw of a curve repaints the legend too.
    """
    for sample, label in legend.items:
        for target in (sample, label.item):
            target.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
