"""MSE vs cross-entropy over z: seed 003's loss plot, with the label y on a slider.

The curves are computed once per value of y on a grid that is dense where the
view usually is (|z| <= 10) and sparse out to the model's |z| = 1000, where
every curve is a straight line or a constant.  The optional overlay shows
|dL/dz| on its own right-hand axis; on the log scale it plots
``losses.log10_abs_*_grad`` directly, so it stays smooth (no staircase, no
drop to zero) far into the tails where the gradients underflow.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from lossexplorer import losses, style
from lossexplorer.formatting import MINUS, fmt_number, fmt_power, superscript
from lossexplorer.model import Z_LIMIT
from lossexplorer.panels.base import GestureSlider, Panel, set_text
from lossexplorer.plotkit import add_live_curve, fix_size

# Steps of 0.1 in [-10, 10]: no curve here bends faster than |d²L/dz²| = 1/4,
# so a chord strays at most 0.1² / 32 from the curve, a fraction of a pixel
# even when maximised in the close-up (the tests measure it).  Each point
# costs time on every drag step.
LOSS_Z_GRID = losses.z_grid(201, outer=Z_LIMIT)
VIEWS = {"close": (-1.0, 1.0), "wide": (-10.0, 10.0)}
LOG10_FLOOR = -1000.0  # stands in for log10(0) = -inf (an exact zero gradient)
WRONG_BY = 0.9  # "confidently wrong": |y - σ(z)| > WRONG_BY
HEADROOM = 1.3  # room above the curves for the legend


def confidently_wrong_region(y: float):
    """The z interval where |y − σ(z)| > 0.9, or None when there is none.

    Only a label within 0.1 of 0 or 1 has one: for y = 1 it is z < logit(0.1).
    """
    if y > WRONG_BY:
        return (-math.inf, float(losses.logit(y - WRONG_BY)))
    if y < 1.0 - WRONG_BY:
        return (float(losses.logit(y + WRONG_BY)), math.inf)
    return None


def gradient_text(kind: str, z: float, y: float, grads=None) -> str:
    """dL/dz of ``kind`` ("mse" or "ce") at (z, y) as text that never reads 0.

    Small or underflowing values are written as m × 10ⁿ from
    ``losses.log10_abs_*_grad``.  ``grads``, if given, are the two gradients
    (MSE, CE) at (z, y) already computed.
    """
    if grads is None:
        grads = (losses.mse_grad(z, y), losses.binary_cross_entropy_grad(z, y))
    bce = float(grads[1])
    value = float(grads[0]) if kind == "mse" else bce
    if abs(value) >= 0.5e-3:
        return fmt_number(value)
    log10_abs = losses.log10_abs_mse_grad if kind == "mse" else losses.log10_abs_bce_grad
    exponent = float(log10_abs(z, y))
    if math.isinf(exponent):
        return fmt_number(0.0)
    # σ(z) − y has the sign of the gradient; when it underflows, y = 0 or 1 decides.
    sign = math.copysign(1.0, bce) if bce != 0.0 else (-1.0 if y == 1.0 else 1.0)
    return fmt_power(sign, exponent)


def _window(lo, hi):
    return LOSS_Z_GRID[(LOSS_Z_GRID >= lo) & (LOSS_Z_GRID <= hi)]


def _fitted_ranges(lo, hi):
    """Y ranges that fit the curves of every label y in the z window [lo, hi].

    Both losses and both gradient magnitudes are largest at y = 0 or y = 1
    (cross-entropy is linear in y, the rest convex), so fitting those two
    fits them all, and the view keeps one scale while the y-slider moves.
    The log range goes down to the smallest |dMSE/dz| at y = 0 or 1; for a y
    in between, the dip where σ(z) = y (|dL/dz| = 0) runs off the bottom.
    """
    z = _window(lo, hi)
    top = max(
        float(np.max(f(z, y))) for f in (losses.mse, losses.binary_cross_entropy) for y in (0, 1)
    )
    grad_top = max(float(np.max(np.abs(losses.binary_cross_entropy_grad(z, y)))) for y in (0, 1))
    log_lo = min(float(np.min(losses.log10_abs_mse_grad(z, y))) for y in (0, 1))
    log_hi = max(float(np.max(losses.log10_abs_bce_grad(z, y))) for y in (0, 1))
    log_lo = math.floor(log_lo - 0.2)
    return {
        "loss": (-0.03 * top, top * HEADROOM),
        "linear": (-0.03 * grad_top, grad_top * HEADROOM),
        "log": (log_lo, log_hi + (log_hi - log_lo) * (HEADROOM - 1.0)),
    }


RANGES = {key: _fitted_ranges(*window) for key, window in VIEWS.items()}


def _legend(view_box, scale):
    """A one-row legend at the top centre of ``view_box``, in the headroom."""
    legend = pg.LegendItem(
        colCount=2,
        labelTextSize=style.points_css(style.BASE_POINT_SIZE, scale),
    )  # no fill: the curves stay below it, the shading may show through
    legend.setParentItem(view_box)
    legend.anchor(itemPos=(0.5, 0.0), parentPos=(0.5, 0.0), offset=(0, 4))
    return legend


def log_ticks(lo: float, hi: float):
    """Ticks for a log10 axis over [lo, hi]: labelled decades 1, 10⁻², …; the rest unlabelled.

    Only decades up to 10⁰ get a label: a gradient of a sigmoid output is never above 1.
    """
    decades = range(math.ceil(lo), min(math.floor(hi), 0) + 1)
    every = 1 if len(decades) <= 6 else 2 if len(decades) <= 12 else 5
    major = [(n, "1" if n == 0 else "10" + superscript(n)) for n in decades if n % every == 0]
    minor = [(n, "") for n in decades if n % every != 0]
    return [major, minor]


class BinaryLossPanel(Panel):
    """MSE and cross-entropy over z for the model's y, with gradients on demand."""

    SIGNAL = "binary_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._curve_y = None  # the y the curves were last computed for
        self._view = "wide"
        self._build_y_slider()
        self._build_plot()
        self._build_overlay()
        self._build_controls()
        self._build_readouts()
        self._lay_out()
        self.view_box.sigRangeChanged.connect(self._place_annotation)
        self._apply_overlay_mode()
        self.set_view("wide")
        self.retranslate()
        self.refresh()

    def _build_y_slider(self):
        """The label y: a slider and its value."""
        self.y_caption = QLabel()
        # a whole mouse press, drag or groove click, is one gesture: one undo step
        self.y_slider = GestureSlider(Qt.Orientation.Horizontal)
        self.y_slider.gesture_started.connect(self.model.begin_gesture)
        self.y_slider.gesture_finished.connect(self.model.end_gesture)
        self.y_slider.setObjectName("y_slider")
        self.y_slider.setRange(0, 100)
        self.y_slider.setSingleStep(1)
        self.y_slider.setPageStep(10)
        self.y_slider.valueChanged.connect(self._on_slider)
        self.y_value = QLabel()
        self.y_value.setObjectName("y_value")
        self.y_value.setFont(style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=self.scale))

    def _build_plot(self):
        """The loss curves over z, their markers, and the confidently wrong region."""
        scale = self.scale
        self.plot = self.make_plot("loss_plot", right_axis=True)
        item = self.plot.getPlotItem()
        self.view_box = item.getViewBox()
        self.region = pg.LinearRegionItem(
            (-2.0, -1.0),
            movable=False,
            brush=pg.mkBrush(213, 94, 0, 38),
            pen=style.pen(style.MSE, 1.5, Qt.PenStyle.DashLine, scale=scale),
        )
        self.region.setZValue(-10)
        item.addItem(self.region)
        self.annotation = pg.TextItem(color=style.MSE)
        self.annotation.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
        item.addItem(self.annotation)
        style.cache(self.annotation)
        self.legend = _legend(self.view_box, scale)
        self.mse_curve = add_live_curve(item, style.pen(style.MSE, scale=scale))
        self.ce_curve = add_live_curve(item, style.pen(style.CE, scale=scale))
        self.mse_marker = self.add_marker(item, style.MSE, 16)
        self.ce_marker = self.add_marker(item, style.CE, 16)
        self.legend.addItem(self.mse_curve, "")
        self.legend.addItem(self.ce_curve, "")

    def _build_overlay(self):
        """The gradient overlay: a second view sharing the x axis, on the right axis."""
        scale = self.scale
        item = self.plot.getPlotItem()
        self.overlay = pg.ViewBox(enableMenu=False)
        self.overlay.setMouseEnabled(x=False, y=False)
        self.overlay.disableAutoRange()
        self.overlay.setZValue(-50)  # under the main view: pan/zoom stay with the main view
        item.scene().addItem(self.overlay)
        item.getAxis("right").linkToView(self.overlay)
        self.overlay.setXLink(item)
        self.view_box.sigResized.connect(self._sync_overlay)
        dashed = Qt.PenStyle.DashLine
        self.mse_grad_curve = add_live_curve(
            self.overlay, style.pen(style.MSE, 3, dashed, scale=scale)
        )
        self.ce_grad_curve = add_live_curve(
            self.overlay, style.pen(style.CE, 3, dashed, scale=scale)
        )
        self.mse_grad_marker = self.add_marker(self.overlay, style.MSE, 13, "d")
        self.ce_grad_marker = self.add_marker(self.overlay, style.CE, 13, "d")
        self.grad_legend = _legend(self.view_box, scale)
        self.grad_legend.anchor(itemPos=(0.0, 0.0), parentPos=(0.5, 0.0), offset=(4, 4))
        self.grad_legend.addItem(self.mse_grad_curve, "")
        self.grad_legend.addItem(self.ce_grad_curve, "")

    def _build_controls(self):
        """The close-up and wide views, and the overlay's check boxes."""
        self.close_button = QPushButton()
        self.close_button.setObjectName("view_close")
        self.wide_button = QPushButton()
        self.wide_button.setObjectName("view_wide")
        self.view_buttons = QButtonGroup(self)
        for key, button in (("close", self.close_button), ("wide", self.wide_button)):
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, key=key: self.set_view(key))
            self.view_buttons.addButton(button)
        self.wide_button.setChecked(True)
        self.grad_check = QCheckBox()
        self.grad_check.setObjectName("show_gradient")
        self.grad_check.toggled.connect(self._on_overlay_toggled)
        self.log_check = QCheckBox()
        self.log_check.setObjectName("log_scale")
        self.log_check.toggled.connect(self._on_overlay_toggled)

    def _build_readouts(self):
        """The two gradients as numbers."""
        self.mse_grad_label = QLabel()
        self.mse_grad_label.setObjectName("mse_grad_value")
        self.ce_grad_label = QLabel()
        self.ce_grad_label.setObjectName("ce_grad_value")
        readout_font = style.font(style.BASE_POINT_SIZE + 4, bold=True, scale=self.scale)
        for label, colour in ((self.mse_grad_label, style.MSE), (self.ce_grad_label, style.CE)):
            label.setFont(readout_font)
            label.setStyleSheet(f"color: {colour}")

    def _lay_out(self):
        top = QHBoxLayout()
        top.addWidget(self.y_caption)
        top.addWidget(self.y_slider, 1)
        top.addWidget(self.y_value)
        controls = QHBoxLayout()
        controls.addWidget(self.close_button)
        controls.addWidget(self.wide_button)
        controls.addSpacing(16)
        controls.addWidget(self.grad_check)
        controls.addWidget(self.log_check)
        controls.addStretch(1)
        readouts = QVBoxLayout()  # one above the other: easy to compare, narrow dock
        readouts.setSpacing(0)
        readouts.addWidget(self.mse_grad_label)
        readouts.addWidget(self.ce_grad_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addLayout(controls)
        layout.addLayout(readouts)

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> two losses of the same prediction, over z: MSE ½(y − σ(z))² "
            "and "
            "binary cross-entropy −[y log ŷ + (1 − y) log(1 − ŷ)]. The slider sets the true label "
            "y."
            "</p><p><b>Try:</b> with y = 1, look left of 0. Cross-entropy keeps rising in a "
            "straight "
            "line, MSE flattens out at ½. Tick “Show |dL/dz|” (and the log scale): the shaded "
            "region is where the model is confidently wrong, and there the MSE gradient vanishes "
            "while cross-entropy's stays near 1. Gradient descent follows the gradient, so MSE "
            "learns slowly exactly when the model is most wrong.</p>"
        )

    def retranslate(self):
        """Set every caption, legend entry and readout template."""
        style.label_axes(self.plot, self.tr("z (the logit)"), self.tr("loss L"), scale=self.scale)
        # the axis's own setLabel: PlotItem.setLabel would also show the axis
        self.plot.getPlotItem().getAxis("right").setLabel(
            self.tr("|dL/dz|"), **style.axis_label_css(self.scale)
        )
        self.y_caption.setText(self.tr("True label y:"))
        self._y_template = self.tr("y = {y}")
        self.legend.getLabel(self.mse_curve).setText(self.tr("MSE"))
        self.legend.getLabel(self.ce_curve).setText(self.tr("cross-entropy"))
        self.grad_legend.getLabel(self.mse_grad_curve).setText(self.tr("|dMSE/dz|"))
        self.grad_legend.getLabel(self.ce_grad_curve).setText(self.tr("|dCE/dz|"))
        style.cache_legend(self.legend)
        style.cache_legend(self.grad_legend)
        self.annotation.setText(self.tr("MSE gradient\nvanishes here"))
        self.close_button.setText(self.tr("Close-up"))
        self.wide_button.setText(self.tr("Wide"))
        self.close_button.setToolTip(self.tr("z from −1 to 1, as in seed 003"))
        self.wide_button.setToolTip(self.tr("z from −10 to 10"))
        self.grad_check.setText(self.tr("Show |dL/dz|"))
        self.log_check.setText(self.tr("log scale"))
        self._mse_grad_template = self.tr("dMSE/dz = {value}")
        self._ce_grad_template = self.tr("dCE/dz = {value}")
        fix_size(self.y_value, self._y_template.format(y="0.00"))
        widest = (fmt_power(-1.0, -888.5), f"{MINUS}0.888")  # no |dL/dz| is below 10⁻⁸⁸⁹
        fix_size(self.mse_grad_label, *(self._mse_grad_template.format(value=v) for v in widest))
        fix_size(self.ce_grad_label, *(self._ce_grad_template.format(value=v) for v in widest))

    # -------------------------------------------------------------- redraw
    def refresh(self):
        """Redraw from the model: curves when y changed, markers and numbers always."""
        z, y = self.model.z, self.model.y
        grads = (self.model.mse_grad, self.model.bce_grad)
        if y != self._curve_y:
            self._update_curves()
        self.mse_marker.setPos(z, self.model.mse)
        self.ce_marker.setPos(z, self.model.bce)
        self._update_gradient_markers()
        shown = self.model.display.shown
        set_text(
            self.mse_grad_label,
            self._mse_grad_template.format(value=shown(gradient_text("mse", z, y, grads))),
        )
        set_text(
            self.ce_grad_label,
            self._ce_grad_template.format(value=shown(gradient_text("ce", z, y, grads))),
        )
        with QSignalBlocker(self.y_slider):
            self.y_slider.setValue(round(y * 100))
        set_text(self.y_value, self._y_template.format(y=fmt_number(y, 2)))

    def _update_curves(self):
        """Recompute every curve for the model's y (once per y change)."""
        y = self.model.y
        self._curve_y = y
        self.mse_curve.setData(LOSS_Z_GRID, losses.mse(LOSS_Z_GRID, y))
        self.ce_curve.setData(LOSS_Z_GRID, losses.binary_cross_entropy(LOSS_Z_GRID, y))
        self._update_gradient_curves()
        region = confidently_wrong_region(y)
        self.region.setVisible(region is not None)
        self.annotation.setVisible(region is not None)
        if region is not None:
            lo = max(region[0], -10 * Z_LIMIT)
            hi = min(region[1], 10 * Z_LIMIT)
            self.region.setRegion((lo, hi))
            self._place_annotation()

    def _gradient_data(self, z):
        """|dMSE/dz| and |dCE/dz| at ``z`` (or their log10) for the model's y."""
        y = self.model.y
        if self.log_check.isChecked():
            return (
                np.maximum(losses.log10_abs_mse_grad(z, y), LOG10_FLOOR),
                np.maximum(losses.log10_abs_bce_grad(z, y), LOG10_FLOOR),
            )
        return (
            np.abs(losses.mse_grad(z, y)),
            np.abs(losses.binary_cross_entropy_grad(z, y)),
        )

    def _update_gradient_curves(self):
        if not self.grad_check.isChecked():
            return  # computed when the overlay is switched on
        mse_g, ce_g = self._gradient_data(LOSS_Z_GRID)
        self.mse_grad_curve.setData(LOSS_Z_GRID, mse_g)
        self.ce_grad_curve.setData(LOSS_Z_GRID, ce_g)

    def _update_gradient_markers(self):
        if not self.grad_check.isChecked():
            return
        z = self.model.z
        mse_g, ce_g = self._gradient_data(np.array([z]))
        self.mse_grad_marker.setPos(z, float(mse_g[0]))
        self.ce_grad_marker.setPos(z, float(ce_g[0]))

    def _place_annotation(self, *_):
        """Put the annotation low in the shaded region, at its outer end.

        There the MSE curve lies flat under it and the cross-entropy curve is
        high above it; it is hidden when too little of the region is in view.
        """
        region = confidently_wrong_region(self.model.y)
        if region is None:
            return
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        width = x1 - x0
        shown = min(region[1], x1) - max(region[0], x0)
        self.annotation.setVisible(shown > 0.35 * width)
        height = y0 + 0.1 * (y1 - y0)
        if math.isinf(region[0]):  # shaded to the left of its edge
            self.annotation.setAnchor((0.0, 1.0))
            self.annotation.setPos(x0 + 0.02 * width, height)
        else:
            self.annotation.setAnchor((1.0, 1.0))
            self.annotation.setPos(x1 - 0.02 * width, height)

    # ------------------------------------------------------------- controls
    def set_view(self, key: str):
        """Show the close-up (seed 003's [−1, 1]) or the wide [−10, 10] view."""
        self._view = key
        button = self.close_button if key == "close" else self.wide_button
        button.setChecked(True)
        ranges = RANGES[key]
        self.view_box.setRange(xRange=VIEWS[key], yRange=ranges["loss"], padding=0)
        self._apply_overlay_range()

    def _apply_overlay_range(self):
        mode = "log" if self.log_check.isChecked() else "linear"
        y_range = RANGES[self._view][mode]
        self.overlay.setRange(yRange=y_range, padding=0)
        self.plot.getPlotItem().getAxis("right").setTicks(
            log_ticks(*y_range) if mode == "log" else None
        )

    def _apply_overlay_mode(self):
        shown = self.grad_check.isChecked()
        log = self.log_check.isChecked()
        item = self.plot.getPlotItem()
        item.showAxis("right", shown)
        item.layout.setContentsMargins(2, 10, 2 if shown else 18, 2)  # room for the "10" tick
        item.getAxis("right").setLogMode(log)
        self.overlay.setVisible(shown)
        self.grad_legend.setVisible(shown)
        if shown:  # the two legends side by side, meeting at the centre
            self.legend.anchor(itemPos=(1.0, 0.0), parentPos=(0.5, 0.0), offset=(-4, 4))
        else:
            self.legend.anchor(itemPos=(0.5, 0.0), parentPos=(0.5, 0.0), offset=(0, 4))
        self.log_check.setEnabled(shown)
        self._apply_overlay_range()

    def _on_overlay_toggled(self, _checked):
        self._apply_overlay_mode()
        self._update_gradient_curves()
        self._update_gradient_markers()

    def _sync_overlay(self):
        self.overlay.setGeometry(self.view_box.mapRectToScene(self.view_box.rect()))
        self.overlay.linkedViewChanged(self.view_box, self.overlay.XAxis)

    def _on_slider(self, value):
        self.model.set_y(value / 100)
