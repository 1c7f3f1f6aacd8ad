"""The two runs' curves against the step (the x axis of each plot): loss, accuracy and
the gradient's norm.

Cross-entropy is blue and MSE vermillion, as everywhere.  The gradient norm
is on a log scale: that is where MSE's gradient is seen to collapse from a
confidently wrong start.  Under the plots, each run's line and the step at
which it first got 90% of the points right.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout

from lossexplorer import style
from lossexplorer.formatting import superscript
from lossexplorer.panels.base import Panel, set_text
from lossexplorer.parts.training import LOSSES, MAX_STEPS, TARGET_ACCURACY
from lossexplorer.plotkit import add_guide, add_live_curve, fix_size
from lossexplorer.training_clock import TrainingViewer
from lossexplorer.training_look import (
    LOSS_COLOURS,
    LineSample,
    fix_left_axis,
    hold_data_area,
    minor_step,
    nice_ceiling,
    set_view_option,
    tick_step,
    view_option,
)

LOSS_LOG = "training_loss_log"  # a display view option: the loss plot's log scale
MIN_DATA = (104, 74)  # logical pixels: a little over the smallest readable data area
MAX_DRAWN = 600  # points per curve: a longer run is thinned to about this many
FLOOR = 1e-300  # a value of exactly 0 is drawn here on a log scale, far below the view
PLOTS = ("loss", "accuracy", "gradient")


def decade_label(n: int) -> str:
    """The tick label of 10ⁿ: 0.01, 0.1, 1, 10, 100, else 10ⁿ."""
    return {-2: "0.01", -1: "0.1", 0: "1", 1: "10", 2: "100"}.get(n, "10" + superscript(n))


def thinned(n: int) -> np.ndarray:
    """The steps 0..n to draw: all of them, or every k-th and the last."""
    if n + 1 <= MAX_DRAWN:
        return np.arange(n + 1)
    stride = math.ceil((n + 1) / MAX_DRAWN)
    steps = np.arange(0, n + 1, stride)
    return steps if steps[-1] == n else np.append(steps, n)


def step_range(n: int) -> float:
    """The step axis's end: 50, doubled until it passes ``n``, at most MAX_STEPS."""
    end = 50
    while end < n:
        end *= 2
    return float(min(end, MAX_STEPS))


def log_range(values: np.ndarray) -> tuple[float, float]:
    """Whole decades round the positive values (log10), at least one decade apart."""
    logs = np.log10(np.maximum(values, FLOOR))
    lo, hi = math.floor(float(logs.min())), math.ceil(float(logs.max()))
    return float(lo), float(max(hi, lo + 1))


class TrainingCurvesPanel(TrainingViewer, Panel):
    """Loss, accuracy and gradient norm against the step for both runs; the steps to 90%."""

    SIGNAL = "training_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._loss_log_here = False  # where the display has no view option for it
        self._ranges = {}  # plot -> ((x0, x1), (y0, y1), log) last set
        self._ticks = {}
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self):
        scale = self.scale
        self.log_box = QCheckBox()
        self.log_box.setObjectName("loss_log")
        self.log_box.toggled.connect(self._set_loss_log)
        self.plots = {}
        self.curves = {}
        self.heads = {}
        for name in PLOTS:
            plot = self.make_plot(f"training_{name}_plot")
            view = plot.getPlotItem().getViewBox()
            view.setMouseEnabled(False, False)
            view.sigResized.connect(self._fit_ticks)
            self.plots[name] = plot
            # MSE first: cross-entropy, often on top of it at the start, stays visible
            for loss in ("mse", "ce"):
                pen = style.pen(LOSS_COLOURS[loss], scale=scale)
                self.curves[name, loss] = add_live_curve(plot.getPlotItem(), pen)
                # where the run is now: at step 0 the only thing drawn
                self.heads[name, loss] = self.add_marker(plot.getPlotItem(), LOSS_COLOURS[loss], 9)
        accuracy = self.plots["accuracy"].getPlotItem()
        dashed = Qt.PenStyle.DashLine
        self.target_line = add_guide(
            accuracy, style.pen(style.NEUTRAL, 1.5, dashed, scale=scale), 0, 100 * TARGET_ACCURACY
        )
        self.arrivals = {
            loss: add_guide(accuracy, style.pen(LOSS_COLOURS[loss], 2, dashed, scale=scale))
            for loss in LOSSES
        }
        self.plots["gradient"].getPlotItem().getAxis("left").setLogMode(True)
        self.status = {}
        self.samples = {}
        status_font = style.font(style.BASE_POINT_SIZE, bold=True, scale=scale)
        for loss in ("ce", "mse"):
            label = QLabel()
            label.setObjectName(f"reached_{loss}")
            label.setFont(status_font)
            label.setStyleSheet(f"color: {LOSS_COLOURS[loss]}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.status[loss] = label
            self.samples[loss] = LineSample(style.pen(LOSS_COLOURS[loss], scale=scale), scale)

        self.titles = {}
        plots = QGridLayout()
        plots.setHorizontalSpacing(4)
        plots.setVerticalSpacing(0)
        for column, name in enumerate(PLOTS):
            if name == "loss":  # the loss plot's title is the box that puts it on a log scale
                title = self.log_box
            else:
                title = QLabel()
                title.setObjectName(f"{name}_title")
                title.setTextFormat(Qt.TextFormat.PlainText)
                title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.titles[name] = title
            plots.addWidget(title, 0, column, Qt.AlignmentFlag.AlignHCenter)
            plots.addWidget(self.plots[name], 1, column)
            plots.setColumnStretch(column, 1)
        plots.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(plots, 1)
        for loss in ("ce", "mse"):
            row = QHBoxLayout()
            row.addWidget(self.samples[loss])
            row.addWidget(self.status[loss])
            row.addStretch(1)
            layout.addLayout(row)

    def minimumSizeHint(self):
        layout = self.layout()
        m = layout.contentsMargins()
        plots = [self.plots[name] for name in PLOTS]
        columns = [
            max(self.plots[n].minimumWidth(), self.titles[n].minimumSizeHint().width())
            for n in PLOTS
        ]
        plots_width = sum(columns) + 4 * (len(plots) - 1)
        status_width = max(
            self.samples[loss].width() + layout.spacing() + self.status[loss].width()
            for loss in LOSSES
        )
        width = max(plots_width, status_width)
        heights = (
            max(t.minimumSizeHint().height() for t in self.titles.values())
            + max(p.minimumHeight() for p in plots),
            *(max(self.status[loss].height(), self.samples[loss].height()) for loss in LOSSES),
        )
        height = sum(heights) + layout.spacing() * (len(heights) - 1)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def sizeHint(self):
        return self.minimumSizeHint().expandedTo(QSize(640, 280))

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> for both runs, after each step, the loss, the share of "
            "points the model gets right, and the length of the gradient (log scale). Below: "
            "the step at which each run first got 90% of the points right.</p>"
            "<p><b>Try:</b> a confidently wrong start. Cross-entropy's gradient is large where "
            "the model is wrong, and it gets there in a few steps; MSE's gradient is tiny "
            "(the sigmoid is flat there), so it crawls for hundreds. Raise the start's scale "
            "and watch MSE's gradient fall by orders of magnitude.</p>"
        )

    def retranslate(self):
        """Set the titles and status templates; fit each plot's minimum to them."""
        scale = self.scale
        self.log_box.setText(self.tr("Loss (log scale)"))
        self.log_box.setToolTip(self.tr("Show the loss on a log scale"))
        self.titles["accuracy"].setText(self.tr("Points right (%)"))
        self.titles["gradient"].setText(self.tr("Gradient norm"))
        for plot in self.plots.values():
            # no axis titles: the titles are above the plots, and the steps are plain numbers
            style.label_axes(plot, "", "", scale=scale)
        samples = {
            "loss": ("0.01", decade_label(-300), "500"),
            "accuracy": ("100",),
            "gradient": (decade_label(-300),),
        }
        for name, plot in self.plots.items():
            item = plot.getPlotItem()
            # room right of the data area for the last step's label, centred on its tick
            metrics = QFontMetricsF(item.getAxis("bottom").style["tickFont"])
            left, top, _right, bottom = item.layout.getContentsMargins()
            right = math.ceil(metrics.horizontalAdvance(str(MAX_STEPS)) / 2) + 2
            item.layout.setContentsMargins(left, top, right, bottom)
            fix_left_axis(plot, samples[name])
            hold_data_area(plot, *MIN_DATA)
        self._reached_template = self.tr("{name}: 90% right at step {n}")
        self._not_yet_template = self.tr("{name}: not yet 90% right (step {n})")
        self._names = {"mse": self.tr("MSE"), "ce": self.tr("Cross-entropy")}
        for loss, label in self.status.items():
            texts = [
                template.format(name=self._names[loss], n=MAX_STEPS)
                for template in (self._reached_template, self._not_yet_template)
            ]
            fix_size(label, *texts)
        self._ticks.clear()

    # -------------------------------------------------------------- redraw
    @property
    def loss_log(self) -> bool:
        """Whether the loss plot has a log scale."""
        return view_option(self.model, LOSS_LOG, self._loss_log_here)

    def _set_loss_log(self, on: bool):
        if not set_view_option(self.model, LOSS_LOG, bool(on)):
            self._loss_log_here = bool(on)
            self.refresh()

    def refresh(self):
        part = self.model.training
        n = part.step
        steps = thinned(n)
        log = self.loss_log
        if self.log_box.isChecked() != log:
            self.log_box.blockSignals(True)
            self.log_box.setChecked(log)
            self.log_box.blockSignals(False)
        axis = self.plots["loss"].getPlotItem().getAxis("left")
        if axis.logMode != log:  # setting it, even unchanged, redraws the axis
            axis.setLogMode(log)
        x = steps.astype(np.float64)
        for loss in LOSSES:
            curves = part.run(loss).curves
            loss_values = curves[0, steps]
            if log:
                loss_values = np.log10(np.maximum(loss_values, FLOOR))
            values = {
                "loss": loss_values,
                "accuracy": 100.0 * curves[1, steps],
                "gradient": np.log10(np.maximum(curves[2, steps], FLOOR)),
            }
            for name, y in values.items():
                self.curves[name, loss].setData(x, y)
                self.heads[name, loss].setPos(float(n), float(y[-1]))
            reached = part.run(loss).reached
            self.arrivals[loss].setVisible(reached is not None)
            name = self._names[loss]
            if reached is None:
                set_text(self.status[loss], self._not_yet_template.format(name=name, n=n))
            else:
                self.arrivals[loss].setPos(reached)
                set_text(self.status[loss], self._reached_template.format(name=name, n=reached))
        self._fit_views(n, log)

    def _fit_views(self, n: int, log: bool):
        part = self.model.training
        x_range = (0.0, step_range(n))
        both = np.concatenate([part.run(loss).curves for loss in LOSSES], axis=1)
        if log:
            loss_range = log_range(both[0])
        else:
            loss_range = (0.0, nice_ceiling(max(float(both[0].max()), 1e-300) * 1.05))
        ranges = {
            "loss": (x_range, loss_range, log),
            "accuracy": (x_range, (0.0, 100.0), False),
            "gradient": (x_range, log_range(both[2]), True),
        }
        if ranges != self._ranges:
            self._ranges = ranges
            self._fit_ticks()

    def _fit_ticks(self, *_):
        """Tick spacing for each plot's size and range: labels never run together."""
        for name, ((x0, x1), (y0, y1), log) in self._ranges.items():
            item = self.plots[name].getPlotItem()
            view = item.getViewBox()
            bottom, left = item.getAxis("bottom"), item.getAxis("left")
            metrics = QFontMetricsF(bottom.style["tickFont"])
            widest = metrics.horizontalAdvance("8" * len(str(int(x1))))
            x_step = tick_step(x1 - x0, view.width(), widest)
            label_height = metrics.height() * 0.8
            if log:
                every = max(1, round(tick_step(y1 - y0, view.height(), label_height)))
                decades = range(math.ceil(y0), math.floor(y1) + 1)
                y_ticks = [
                    [(d, decade_label(d)) for d in decades if d % every == 0],
                    [(d, "") for d in decades if d % every != 0],
                ]
            else:
                y_step = tick_step(y1 - y0, view.height(), label_height)
                values = np.arange(math.ceil(y0 / y_step), math.floor(y1 / y_step) + 1) * y_step
                y_ticks = [[(float(v), f"{v:g}") for v in values], []]
            key = (x_step, y_ticks)
            if self._ticks.get(name) != key:
                self._ticks[name] = key
                bottom.setTickSpacing(x_step, minor_step(x_step))
                left.setTicks(y_ticks)
            # room under the lowest label, which the axis centres on its tick
            pad = (y1 - y0) * 0.6 * label_height / max(view.height(), 1.0)
            wanted = [[x0, x1], [y0 - pad, y1 + pad]]
            if view.viewRange() != wanted:
                view.setRange(xRange=(x0, x1), yRange=(y0 - pad, y1 + pad), padding=0)
