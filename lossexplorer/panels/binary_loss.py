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
from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lossexplorer import losses, style
from lossexplorer.formatting import MINUS, fmt_number, fmt_power, superscript
from lossexplorer.model import Z_LIMIT
from lossexplorer.panels.base import GestureSlider, Panel, set_text
from lossexplorer.plotkit import add_live_curve, fix_size, text_size
from lossexplorer.plotkit.fit import (
    GAP,
    MIN_DATA,
    RIGHT_MARGIN,
    HeightForWidth,
    band_height,
    fix_axis_width,
    least_height,
    legend_above,
    legend_size,
    place_legends,
    plot_minimum,
    room_below,
)

# Steps of 0.1 in [-10, 10]: no curve here bends faster than |d²L/dz²| = 1/4,
# so a chord strays at most 0.1² / 32 from the curve, a fraction of a pixel
# even when maximised in the close-up (the tests measure it).  Each point
# costs time on every drag step.
LOSS_Z_GRID = losses.z_grid(201, outer=Z_LIMIT)
VIEWS = {"close": (-1.0, 1.0), "wide": (-10.0, 10.0)}
LOG10_FLOOR = -1000.0  # stands in for log10(0) = -inf (an exact zero gradient)
WRONG_BY = 0.9  # "confidently wrong": |y - σ(z)| > WRONG_BY
HEADROOM = 1.08  # a little room above the curves (the legends are above the data)


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


# ----------------------------------------------------------------- plot fitting


def log_ticks(lo: float, hi: float, most: int = 6):
    """Ticks for a log10 axis over [lo, hi]: labelled decades 1, 10⁻², …; the rest unlabelled.

    Only decades up to 10⁰ get a label: a gradient of a sigmoid output is
    never above 1.  At most ``most`` decades are labelled (every 1st, 2nd,
    5th, 10th, …), so that their labels never run together.
    """
    decades = range(math.ceil(lo), min(math.floor(hi), 0) + 1)
    most = max(most, 2)
    every = next(e for e in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if len(decades) <= e * most)
    major = [(n, "1" if n == 0 else "10" + superscript(n)) for n in decades if n % every == 0]
    minor = [(n, "") for n in decades if n % every != 0]
    return [major, minor]


class BinaryLossPanel(HeightForWidth, Panel):
    """MSE and cross-entropy over z for the model's y, with gradients on demand.

    The view options (the gradient overlay, its log scale, the close-up or
    wide view) live in ``model.display`` (``view``/``set_view``): the check
    boxes and buttons ask for a change there and the panel shows what the
    display says, so a panel built again (a new presentation scale) starts
    as the old one was.
    """

    SIGNAL = "binary_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._curve_y = None  # the y the curves were last computed for
        self._view = None  # the view options shown: (overlay, log, range)
        self._narrow = None  # the controls and readouts in their narrow form
        self._build_y_slider()
        self._build_plot()
        self._build_overlay()
        self._build_controls()
        self._build_readouts()
        self._lay_out()
        self.view_box.sigRangeChanged.connect(self._place_annotation)
        self.view_box.sigResized.connect(self._fit_view)
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
        self.y_slider.setMinimumWidth(round(60 * self.scale))
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
        # (on a light ground: in a small plot it may have to lie on a curve)
        self.annotation = pg.TextItem(color=style.MSE, fill=pg.mkBrush(255, 255, 255, 150))
        self.annotation.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
        item.addItem(self.annotation, ignoreBounds=True)
        style.cache(self.annotation)
        self.mse_curve = add_live_curve(item, style.pen(style.MSE, scale=scale))
        self.ce_curve = add_live_curve(item, style.pen(style.CE, scale=scale))
        self.mse_marker = self.add_marker(item, style.MSE, 16)
        self.ce_marker = self.add_marker(item, style.CE, 16)
        self.legend = legend_above(self.plot, (self.mse_curve, self.ce_curve), scale)
        # −10, 0 and 10 always (−5 and 5 where there is room): pyqtgraph's own
        # choice runs five labels together in a narrow plot
        item.getAxis("bottom").setTickSpacing(10.0, 5.0)

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
        self.grad_legend = legend_above(self.plot, (self.mse_grad_curve, self.ce_grad_curve), scale)

    def _build_controls(self):
        """The close-up and wide views, and the overlay's check boxes: each asks the display."""
        self.close_button = QPushButton()
        self.close_button.setObjectName("view_close")
        self.wide_button = QPushButton()
        self.wide_button.setObjectName("view_wide")
        self.view_buttons = QButtonGroup(self)
        for key, button in (("close", self.close_button), ("wide", self.wide_button)):
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, key=key: self.set_view(key))
            self.view_buttons.addButton(button)
        display = self.model.display
        self.grad_check = QCheckBox()
        self.grad_check.setObjectName("show_gradient")
        self.grad_check.toggled.connect(lambda on: display.set_view("gradient_overlay", on))
        self.log_check = QCheckBox()
        self.log_check.setObjectName("log_scale")
        self.log_check.toggled.connect(lambda on: display.set_view("gradient_log", on))

    def _build_readouts(self):
        """The two gradients as numbers (in a narrow panel the number under its name)."""
        # as large as the other panels' numbers (a larger one needs a panel too wide to
        # keep both on one line in presentation mode)
        readout_font = style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=self.scale)
        self.readouts = {}  # kind -> (name label, value label)
        for kind, colour in (("mse", style.MSE), ("ce", style.CE)):
            name, value = QLabel(), QLabel()
            for label in (name, value):
                label.setFont(readout_font)
                label.setStyleSheet(f"color: {colour}")
                label.setTextFormat(Qt.TextFormat.PlainText)
            self.readouts[kind] = (name, value)
        self.mse_grad_name, self.mse_grad_label = self.readouts["mse"]
        self.ce_grad_name, self.ce_grad_label = self.readouts["ce"]
        self.mse_grad_label.setObjectName("mse_grad_value")
        self.ce_grad_label.setObjectName("ce_grad_value")

    def _lay_out(self):
        top = QHBoxLayout()
        top.addWidget(self.y_caption)
        top.addWidget(self.y_slider, 1)
        top.addWidget(self.y_value)
        self.controls = QGridLayout()  # one row, or two in a narrow panel (_arrange)
        self.controls.setColumnStretch(4, 1)
        self.readout_box = QWidget()  # one above the other: easy to compare, narrow dock
        self.readout_box.setObjectName("gradient_readouts")
        readouts = QVBoxLayout(self.readout_box)
        readouts.setContentsMargins(0, 0, 0, 0)
        readouts.setSpacing(0)
        for name, value in self.readouts.values():
            readouts.addWidget(name, 0, Qt.AlignmentFlag.AlignLeft)
            readouts.addWidget(value, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        # the controls' and readouts' arrangement follows the width
        # (resizeEvent): the layout must not hold the panel to the wide one's
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(top)
        layout.addWidget(self.plot, 1)
        layout.addLayout(self.controls)
        layout.addWidget(self.readout_box)

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
        """Set every caption, legend entry and readout template; fit the minimum to them."""
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
        self._templates = {
            "mse": self.tr("dMSE/dz = {value}"),
            "ce": self.tr("dCE/dz = {value}"),
        }
        fix_size(self.y_value, self._y_template.format(y="0.00"))
        self._fit_readouts()
        self._fit_minimum()

    def _fit_readouts(self):
        """Fix each readout's size to its widest text, in the wide and the narrow form."""
        widest = (
            fmt_power(-1.0, -888.5),
            f"{MINUS}0.888",
        )  # no |dL/dz| is below 10⁻⁸⁸⁹
        self._readout_forms = {}  # kind -> (name, value template) of the narrow form
        self._readout_sizes = {}  # narrow -> the readouts' size
        sizes = {False: [0, 0], True: [0, 0]}
        for kind, (name, value) in self.readouts.items():
            template = self._templates[kind]
            head, key, rest = template.partition("{value}")
            if key and head.strip():
                self._readout_forms[kind] = (head.rstrip(), key + rest)
            else:  # a translation with no name before the number: no narrow form
                self._readout_forms[kind] = ("", template)
            wide = text_size(value, *(template.format(value=v) for v in widest))
            head_text, value_template = self._readout_forms[kind]
            narrow_value = text_size(value, *(value_template.format(value=v) for v in widest))
            narrow_name = text_size(name, head_text or " ")
            sizes[False][0] = max(sizes[False][0], wide[0])
            sizes[False][1] += wide[1]
            sizes[True][0] = max(sizes[True][0], narrow_value[0], narrow_name[0])
            sizes[True][1] += narrow_value[1] + (narrow_name[1] if head_text else 0)
            self._readout_sizes[kind] = (wide, narrow_name, narrow_value)
        self._readout_box_sizes = {k: QSize(*v) for k, v in sizes.items()}

    def _one_row(self) -> int:
        """The width of the controls in one row."""
        widgets = (self.close_button, self.wide_button, self.grad_check, self.log_check)
        spacing = self.controls.horizontalSpacing()
        return sum(w.sizeHint().width() for w in widgets) + 3 * spacing

    def _forms(self, width: int):
        """(controls in two rows, readouts on two lines each) for a panel ``width`` wide."""
        margins = self.layout().contentsMargins()
        room = width - margins.left() - margins.right()
        return room < self._one_row(), room < self._readout_box_sizes[False].width()

    def _arrange(self, width: int):
        """The controls in one row or two, each readout on one line or two, to fit ``width``.

        The plot's minimum height follows too: its legends take one row or more.
        """
        if not hasattr(self, "_readout_box_sizes"):
            return
        margins = self.layout().contentsMargins()
        size, data = self._plot_minimum(width - margins.left() - margins.right())
        self.view_box.setMinimumSize(*data)
        self.plot.setMinimumSize(size)
        forms = self._forms(width)
        if forms == self._narrow:
            return
        self._narrow = forms
        two_rows, two_lines = forms
        buttons = (self.close_button, self.wide_button)
        checks = (self.grad_check, self.log_check)
        for widget in buttons + checks:
            self.controls.removeWidget(widget)
        for column, widget in enumerate(buttons):
            self.controls.addWidget(widget, 0, column)
        for column, widget in enumerate(checks):
            if two_rows:
                self.controls.addWidget(widget, 1, column)
            else:
                self.controls.addWidget(widget, 0, 2 + column)
        for kind, (name, value) in self.readouts.items():
            wide, narrow_name, narrow_value = self._readout_sizes[kind]
            head_text = self._readout_forms[kind][0]
            name.setVisible(two_lines and bool(head_text))
            name.setText(head_text if two_lines else "")
            if head_text:
                name.setFixedSize(*narrow_name)
            value.setFixedSize(*(narrow_value if two_lines else wide))
        self._show_readouts()

    def _fit_minimum(self):
        """Measure what the minimum depends on: the texts' and the axes' sizes, in this language."""
        item = self.plot.getPlotItem()
        # the right axis shows with the overlay: room for it at the minimum too
        linear = ("0", "0.5", "1.0")
        decades = [n for r in RANGES.values() for n, _ in log_ticks(*r["log"], most=99)[0]]
        logs = ["1" if n == 0 else "10" + superscript(n) for n in decades]
        fix_axis_width(item.getAxis("right"), (*linear, *logs))
        fix_axis_width(item.getAxis("left"), ("0", "0.5", "1.5", "10"))  # the views' ticks
        self._narrow = None
        self._arrange(self.width())
        self.updateGeometry()  # the window reads the minimum again

    def _axes_width(self) -> float:
        """The plot's width outside its data area, with the overlay's axis shown."""
        item = self.plot.getPlotItem()
        left = item.layout.getContentsMargins()[0] + item.getAxis("left").minimumWidth()
        right = max(RIGHT_MARGIN, 2.0 + item.getAxis("right").fixedWidth)
        return left + right + 2 * self.plot.frameWidth()

    def _plot_minimum(self, width: float):
        """The plot's minimum when it is ``width`` wide: both legends fit over its data area.

        The gradient legend counts even while the overlay is off: the
        minimum holds whatever the check boxes say.
        """
        item = self.plot.getPlotItem()
        annotation = self.annotation.boundingRect()
        legends = (self.legend, self.grad_legend)
        narrowest = max(
            MIN_DATA[0],
            annotation.width() + 2 * GAP,
            *(legend_size(g, 1)[0] for g in legends),
        )
        data = max(narrowest, width - self._axes_width())
        height = max(MIN_DATA[1], annotation.height() + 3 * GAP)
        right = max(RIGHT_MARGIN, 2.0 + item.getAxis("right").fixedWidth)
        return plot_minimum(self.plot, (narrowest, height), band_height(legends, data), right)

    def _height_for(self, width: int) -> int:
        """The least height the panel needs at ``width``."""
        layout = self.layout()
        margins = layout.contentsMargins()
        top = layout.itemAt(0).layout().minimumSize().height()
        plot = self._plot_minimum(width - margins.left() - margins.right())[0].height()
        rows = (
            (self.close_button, self.wide_button),
            (self.grad_check, self.log_check),
        )
        row_heights = [max(w.sizeHint().height() for w in row) for row in rows]
        two_rows, two_lines = self._forms(width)
        controls = max(row_heights)
        if two_rows:
            controls = sum(row_heights) + self.controls.verticalSpacing()
        readouts = self._readout_box_sizes[two_lines].height()
        heights = (top, plot, controls, readouts)
        return sum(heights) + layout.spacing() * 3 + margins.top() + margins.bottom()

    def minimumSizeHint(self):
        """The least height at any width up to ``COMPACT_WIDTH`` (or the narrowest), at its width.

        The candidates are the narrowest width and each width where
        something goes onto one line: the controls, the readouts, a legend.
        """
        margins = self.layout().contentsMargins()
        sides = margins.left() + margins.right()
        axes = self._axes_width()
        steps = [self._one_row(), self._readout_box_sizes[False].width()]
        steps += [axes + legend_size(g, 2)[0] for g in (self.legend, self.grad_legend)]
        return least_height(self._height_for, self._narrowest(), [s + sides for s in steps])

    def _narrowest(self) -> int:
        """The least width the panel can show everything at (controls and readouts wrapped)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        top = layout.itemAt(0).layout().minimumSize()
        rows = (
            (self.close_button, self.wide_button),
            (self.grad_check, self.log_check),
        )
        spacing = self.controls.horizontalSpacing()
        row_widths = [sum(w.sizeHint().width() for w in row) + spacing for row in rows]
        width = max(
            top.width(),
            self._plot_minimum(0)[0].width(),
            *row_widths,
            self._readout_box_sizes[True].width(),
        )
        return width + margins.left() + margins.right()

    def resizeEvent(self, event):
        self._arrange(event.size().width())
        super().resizeEvent(event)

    # -------------------------------------------------------------- redraw
    def refresh(self):
        """Redraw from the model: view options and curves when they changed, markers always."""
        display = self.model.display
        view = (
            display.view("gradient_overlay"),
            display.view("gradient_log"),
            display.view("binary_range"),
        )
        if view != self._view:
            self._show_view(view)
        z, y = self.model.z, self.model.y
        if y != self._curve_y:
            self._update_curves()
        self.mse_marker.setPos(z, self.model.mse)
        self.ce_marker.setPos(z, self.model.bce)
        self._update_gradient_markers()
        self._show_readouts()
        with QSignalBlocker(self.y_slider):
            self.y_slider.setValue(round(y * 100))
        set_text(self.y_value, self._y_template.format(y=fmt_number(y, 2)))

    def _show_readouts(self):
        z, y = self.model.z, self.model.y
        grads = (self.model.mse_grad, self.model.bce_grad)
        shown = self.model.display.shown
        for kind, (_name, value) in self.readouts.items():
            narrow = self._narrow is not None and self._narrow[1]
            template = self._readout_forms[kind][1] if narrow else self._templates[kind]
            set_text(value, template.format(value=shown(gradient_text(kind, z, y, grads))))

    def _show_view(self, view):
        """Show the display's view options: the overlay, its scale, the z range."""
        overlay, log, range_key = view
        old = self._view
        self._view = view
        for box, on in ((self.grad_check, overlay), (self.log_check, log)):
            with QSignalBlocker(box):
                box.setChecked(on)
        button = self.close_button if range_key == "close" else self.wide_button
        button.setChecked(True)
        if old is None or old[2] != range_key:
            ranges = RANGES[range_key]
            self.view_box.setRange(xRange=VIEWS[range_key], yRange=ranges["loss"], padding=0)
            self._fit_view()
        if old is None or old[:2] != (overlay, log):
            self._apply_overlay_mode()
            self._update_gradient_curves()
        self._apply_overlay_range()

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
        if self._view[1]:
            return (
                np.maximum(losses.log10_abs_mse_grad(z, y), LOG10_FLOOR),
                np.maximum(losses.log10_abs_bce_grad(z, y), LOG10_FLOOR),
            )
        return (
            np.abs(losses.mse_grad(z, y)),
            np.abs(losses.binary_cross_entropy_grad(z, y)),
        )

    def _update_gradient_curves(self):
        if not self._view[0]:
            return  # computed when the overlay is switched on
        mse_g, ce_g = self._gradient_data(LOSS_Z_GRID)
        self.mse_grad_curve.setData(LOSS_Z_GRID, mse_g)
        self.ce_grad_curve.setData(LOSS_Z_GRID, ce_g)

    def _update_gradient_markers(self):
        if not self._view[0]:
            return
        z = self.model.z
        mse_g, ce_g = self._gradient_data(np.array([z]))
        self.mse_grad_marker.setPos(z, float(mse_g[0]))
        self.ce_grad_marker.setPos(z, float(ce_g[0]))

    def _place_annotation(self, *_):
        """Put the annotation low in the shaded region, at its outer end, above MSE's plateau.

        There the MSE curve lies flat under it and the cross-entropy curve is
        high above it.  It is hidden when too little of the region is in
        view, or when it would not fit inside the plot.
        """
        region = confidently_wrong_region(self.model.y)
        if region is None:
            return
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        px, py = self.view_box.viewPixelSize()
        width = x1 - x0
        shown = min(region[1], x1) - max(region[0], x0)
        rect = self.annotation.boundingRect()
        fits = (rect.width() + 2 * GAP) * px <= width and (rect.height() + 2 * GAP) * py <= y1 - y0
        self.annotation.setVisible(shown > 0.35 * width and fits)
        # MSE's plateau, ½ y² or ½ (1 − y)², is at most ½
        bottom = min(max(y0 + GAP * py, 0.5 + GAP * py), y1 - (rect.height() + GAP) * py)
        if math.isinf(region[0]):  # shaded to the left of its edge
            self.annotation.setAnchor((0.0, 1.0))
            self.annotation.setPos(x0 + GAP * px, bottom)
        else:
            self.annotation.setAnchor((1.0, 1.0))
            self.annotation.setPos(x1 - GAP * px, bottom)

    def _fit_view(self, *_):
        """After a resize: the legends, the room under each axis's 0, and the log ticks."""
        if self._view is None:
            return
        place_legends(self.plot, (self.legend, self.grad_legend))
        item = self.plot.getPlotItem()
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        top = RANGES[self._view[2]]["loss"][1]
        if y1 == top:  # the view as set (not panned): keep 0's label off the z axis's
            pad = -RANGES[self._view[2]]["loss"][0]
            bottom = room_below(self.view_box, item.getAxis("left"), 0.0, top, pad)
            if abs(bottom - y0) > 1e-9 * top:
                self.view_box.setYRange(bottom, top, padding=0)
        self._apply_overlay_range()
        self._place_annotation()

    # ------------------------------------------------------------- controls
    def set_view(self, key: str):
        """Ask for the close-up (seed 003's [−1, 1]) or the wide [−10, 10] view."""
        if key == self.model.display.view("binary_range"):
            # the same view again: back to its range (after a pan)
            self.view_box.setRange(xRange=VIEWS[key], yRange=RANGES[key]["loss"], padding=0)
            self._fit_view()
        self.model.display.set_view("binary_range", key)

    def _apply_overlay_range(self):
        if self._view is None:
            return
        mode = "log" if self._view[1] else "linear"
        lo, hi = RANGES[self._view[2]][mode]
        axis = self.plot.getPlotItem().getAxis("right")
        if mode == "log":
            height = QFontMetricsF(axis.style["tickFont"]).height() * 0.8 + 2
            most = int(max(self.view_box.height(), 1.0) // height)
            ticks = log_ticks(lo, hi, most)
            labelled = [n for n, _ in ticks[0]]
            lowest = min(labelled) if labelled else lo
            lo = min(lo, room_below(self.view_box, axis, lowest, hi, lowest - lo))
        else:
            ticks = None
            lo = room_below(self.view_box, axis, 0.0, hi, -lo)
        if self.overlay.viewRange()[1] != [lo, hi]:
            self.overlay.setRange(yRange=(lo, hi), padding=0)
        axis.setTicks(ticks)

    def _apply_overlay_mode(self):
        shown, log = self._view[0], self._view[1]
        item = self.plot.getPlotItem()
        item.showAxis("right", shown)
        left, top, _right, bottom = item.layout.getContentsMargins()
        item.layout.setContentsMargins(left, top, 2 if shown else 18, bottom)  # the "10" tick
        item.getAxis("right").setLogMode(log)
        self.overlay.setVisible(shown)
        self.grad_legend.setVisible(shown)
        self.log_check.setEnabled(shown)
        place_legends(self.plot, (self.legend, self.grad_legend))

    def _sync_overlay(self):
        self.overlay.setGeometry(self.view_box.mapRectToScene(self.view_box.rect()))
        self.overlay.linkedViewChanged(self.view_box, self.overlay.XAxis)

    def _on_slider(self, value):
        self.model.set_y(value / 100)
