"""Gradient-descent race: MSE and cross-entropy start from the same z.

Both runners take plain gradient-descent steps z ← z − η·dL/dz with the
model's learning rate η, from the model's z, towards the model's y.  The
trajectories are this panel's own animation state; the start (z, y, η) always
comes from the model, and any change to it there restarts the race.

The plots keep their data areas clear of text: the two status lines under
them, each with its runner's line, are the legend.  Tick spacing follows the
plots' sizes and ranges (z runs to ±1000, the steps to 10,000), so that
tick labels never run together, and the buttons wrap onto more rows in a
narrow panel.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lossexplorer import losses, style
from lossexplorer.fitting import FlowLayout
from lossexplorer.formatting import MINUS, superscript
from lossexplorer.model import DEFAULT_Z, LEARNING_RATE_RANGE, Z_LIMIT
from lossexplorer.panels.base import NumberSpinBox, Panel, set_text
from lossexplorer.parts.checks import readonly
from lossexplorer.plotkit import Band, add_guide, add_live_curve, text_size
from lossexplorer.plotkit.fit import (
    GAP,
    MIN_DATA,
    RIGHT_MARGIN,
    HeightForWidth,
    fix_axis_width,
    hold_data_area,
    least_height,
    room_below,
)

MAX_STEPS = 10_000
TARGET = 0.1  # a runner has arrived when |y − σ(z)| < TARGET
TRAIL = 40  # how many recent positions each runner leaves on the curve
LOSS_FLOOR = 1e-300  # a loss of exactly 0 is drawn here, far below the view
LOG_LIMIT = -307.0  # pyqtgraph's log axis shows no decade below −307.6
# the race's small plot needs half the loss plot's resolution in [-10, 10]
RACE_Z_GRID = losses.z_grid(101, outer=Z_LIMIT)


# ----------------------------------------------------------------- plot fitting


def tick_step(span: float, pixels: float, label: float) -> float:
    """The smallest step of 1, 2 or 5 × 10ⁿ whose tick labels, ``label`` pixels long, never meet."""
    if not (span > 0.0 and pixels > 0.0):
        return max(span, 1.0)
    need = (label + 2 * GAP) * span / pixels
    power = 10.0 ** math.floor(math.log10(need))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= need)


def decade_label(n: int) -> str:
    """The tick label of 10ⁿ on a log axis: 0.01, 0.1, 1, 10, 100, else 10ⁿ."""
    return {-2: "0.01", -1: "0.1", 0: "1", 1: "10", 2: "100"}.get(n, "10" + superscript(n))


class _LineSample(QWidget):
    """A runner's line, as in the plots, before its status: the legend, outside the data."""

    def __init__(self, pen, scale: float, height: int):
        super().__init__()
        self._pen = pen
        self.setFixedSize(round(28 * scale), math.ceil(height))  # a line of its status

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        y = round(self.height() / 2)
        painter.drawLine(2, y, self.width() - round(self.width() / 4), y)  # a gap before the text


def target_region(y: float):
    """The z interval where |y − σ(z)| < 0.1 (an end that σ never reaches is ±∞)."""
    lo = float(losses.logit(y - TARGET)) if y > TARGET else -math.inf
    hi = float(losses.logit(y + TARGET)) if y < 1.0 - TARGET else math.inf
    return lo, hi


class _Runner:
    """One trajectory: the z values visited, their losses, when it arrived."""

    def __init__(self, loss, grad):
        self.loss, self.grad = loss, grad
        self.z = np.empty(MAX_STEPS + 1)
        self.losses = np.empty(MAX_STEPS + 1)
        self.arrived = None  # the step at which |y − σ(z)| < TARGET first held

    def start(self, z0, loss0, grad0):
        """Stand at z0, whose loss and dCE/dz = σ(z0) − y are given."""
        self.z[0] = z0
        self.losses[0] = loss0
        self.arrived = 0 if abs(grad0) < TARGET else None

    def advance(self, n0, n1, y, lr):
        """Fill steps n0 + 1 .. n1 from step n0."""
        self.z[n0 + 1 : n1 + 1] = losses.gradient_descent(self.grad, self.z[n0], y, lr, n1 - n0)[1:]
        new = self.z[n0 + 1 : n1 + 1]
        self.losses[n0 + 1 : n1 + 1] = self.loss(new, y)
        if self.arrived is None:
            hit = np.flatnonzero(np.abs(losses.binary_cross_entropy_grad(new, y)) < TARGET)
            if hit.size:
                self.arrived = n0 + 1 + int(hit[0])


class RacePanel(HeightForWidth, Panel):
    """Two runners descend the MSE and the cross-entropy from the same start."""

    SIGNAL = "binary_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._mse = _Runner(losses.mse, losses.mse_grad)
        self._ce = _Runner(losses.binary_cross_entropy, losses.binary_cross_entropy_grad)
        self._n = 0  # steps taken
        self._start = None  # the model's (z, y, learning rate) this race started from
        self._curve_y = None
        self._shown_learning_rate = None
        self._top_for = (None, 0.0)  # (z range, the top of the loss view for it)
        self._ranges = {}  # the view ranges last set, so unchanged ones are not set again
        self._ticks = {}  # the tick spacing last set, per plot
        self._narrow = None  # the status lines wrapped onto two
        self._status_sizes = {}  # wrapped -> the status labels' size
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._build_controls()
        self._build_z_plot()
        self._build_step_plot()
        self._lay_out()
        self.retranslate()
        self.refresh()

    def _build_controls(self):
        """The start, the learning rate, the speed, play/pause/step/reset, the status."""
        self.scenario_button = QPushButton()
        self.scenario_button.setObjectName("confidently_wrong")
        self.scenario_button.clicked.connect(self._confidently_wrong)
        self.lr_caption = QLabel()
        self.lr_spin = NumberSpinBox()
        self.lr_spin.setObjectName("learning_rate")
        self.lr_spin.setRange(*LEARNING_RATE_RANGE)
        self.lr_spin.setDecimals(3)
        self.lr_spin.setSingleStep(0.1)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(self.model.set_learning_rate)
        self.speed_spin = QSpinBox()
        self.speed_spin.setObjectName("speed")
        self.speed_spin.setRange(1, 60)
        self.speed_spin.setValue(self.model.display.view("race_speed"))
        self.speed_spin.valueChanged.connect(self._on_speed)
        self.play_button = QPushButton()
        self.pause_button = QPushButton()
        self.step_button = QPushButton()
        self.reset_button = QPushButton()
        self.play_button.clicked.connect(self.play)
        self.pause_button.clicked.connect(self.pause)
        self.step_button.clicked.connect(lambda: self.step(1))
        self.reset_button.clicked.connect(self.reset)
        self.mse_status = QLabel()
        self.mse_status.setObjectName("mse_status")
        self.ce_status = QLabel()
        self.ce_status.setObjectName("ce_status")
        status_font = style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=self.scale)
        for label, colour in ((self.mse_status, style.MSE), (self.ce_status, style.CE)):
            label.setFont(status_font)
            label.setStyleSheet(f"color: {colour}")
            label.setTextFormat(Qt.TextFormat.PlainText)
        line = QFontMetricsF(status_font).height()
        self.mse_sample = _LineSample(style.pen(style.MSE, scale=self.scale), self.scale, line)
        self.ce_sample = _LineSample(style.pen(style.CE, scale=self.scale), self.scale, line)

    def _build_z_plot(self):
        """The loss over z, with the runners on the curves and the goal shaded."""
        scale = self.scale
        self.z_plot = self.make_plot("race_z_plot")
        zi = self.z_plot.getPlotItem()
        self.goal = Band(pg.mkBrush(0, 158, 115, 40))
        zi.addItem(self.goal, ignoreBounds=True)
        self.mse_curve = add_live_curve(zi, style.pen(style.MSE, scale=scale))
        self.ce_curve = add_live_curve(zi, style.pen(style.CE, scale=scale))
        self.mse_trail = self._trail(zi, style.MSE)
        self.ce_trail = self._trail(zi, style.CE)
        self.mse_dot = self.add_marker(zi, style.MSE, 20)
        self.ce_dot = self.add_marker(zi, style.CE, 20)

    def _build_step_plot(self):
        """The loss over the steps, on a log scale, with each runner's arrival."""
        scale = self.scale
        self.step_plot = self.make_plot("race_step_plot")
        si = self.step_plot.getPlotItem()
        si.getAxis("left").setLogMode(True)
        self.mse_steps = add_live_curve(si, style.pen(style.MSE, scale=scale))
        self.ce_steps = add_live_curve(si, style.pen(style.CE, scale=scale))
        dashed = Qt.PenStyle.DashLine
        self.mse_arrival = add_guide(si, style.pen(style.MSE, 2, dashed, scale=scale))
        self.ce_arrival = add_guide(si, style.pen(style.CE, 2, dashed, scale=scale))
        for plot in (self.z_plot, self.step_plot):
            view = plot.getPlotItem().getViewBox()
            view.sigResized.connect(self._fit_ticks)

    def _lay_out(self):
        learning_rate = QWidget()  # the caption stays with its box when the row wraps
        pair = QHBoxLayout(learning_rate)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.addWidget(self.lr_caption)
        pair.addWidget(self.lr_spin)
        self.controls = FlowLayout(spacing=None)
        self.controls.setSpacing(6)
        for widget in (
            self.play_button,
            self.pause_button,
            self.step_button,
            self.reset_button,
            self.speed_spin,
            self.scenario_button,
            learning_rate,
        ):
            self.controls.addWidget(widget)
        status = QVBoxLayout()
        status.setSpacing(0)
        for sample, label in (
            (self.ce_sample, self.ce_status),
            (self.mse_sample, self.mse_status),
        ):
            row = QHBoxLayout()
            row.addWidget(sample, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            row.addStretch(1)
            status.addLayout(row)
        self.plots = QSplitter(Qt.Orientation.Horizontal)
        self.plots.addWidget(self.z_plot)
        self.plots.addWidget(self.step_plot)
        self.plots.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        # the status lines' form follows the width (resizeEvent): the layout
        # must not hold the panel to the one-line form's minimum
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(self.controls)
        layout.addWidget(self.plots, 1)
        layout.addLayout(status)

    def _height_for(self, width: int) -> int:
        """The least height the panel needs at ``width``."""
        layout = self.layout()
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        sample = self.ce_sample.width() + layout.spacing()
        narrow = inner < self._status_sizes[False].width() + sample
        heights = (
            self.controls.heightForWidth(inner),
            self.plots.minimumSizeHint().height(),
            2 * self._status_sizes[narrow].height(),
        )
        return sum(heights) + layout.spacing() * 2 + margins.top() + margins.bottom()

    def minimumSizeHint(self):
        """The least height at any width up to ``COMPACT_WIDTH`` (or the narrowest), at its width.

        The candidates are the narrowest width (the plots', the widest
        button's) and each width where the buttons need a row less or a
        status goes onto one line.
        """
        layout = self.layout()
        margins = layout.contentsMargins()
        sides = margins.left() + margins.right()
        sample = self.ce_sample.width() + layout.spacing()
        widths = [item.sizeHint().width() for item in self.controls.items()]
        spacing = self.controls.spacing()
        runs = [
            sum(widths[i:j]) + spacing * (j - i - 1)
            for i in range(len(widths))
            for j in range(i + 1, len(widths) + 1)
        ]
        steps = [*runs, self._status_sizes[False].width() + sample]
        return least_height(self._height_for, self._narrowest(), [w + sides for w in steps])

    def _narrowest(self) -> int:
        """The least width the panel can show everything at (buttons and statuses wrapped)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        width = max(
            self.plots.minimumSizeHint().width(),
            self.controls.minimumSize().width(),
            self._status_sizes[True].width() + self.ce_sample.width() + layout.spacing(),
        )
        return width + margins.left() + margins.right()

    def resizeEvent(self, event):
        self._arrange_status(event.size().width())
        super().resizeEvent(event)

    def _arrange_status(self, width: int):
        """Each status on one line when the panel is wide enough, else wrapped onto two."""
        if not self._status_sizes:
            return
        margins = self.layout().contentsMargins()
        room = width - margins.left() - margins.right() - self.ce_sample.width()
        narrow = room - self.layout().spacing() < self._status_sizes[False].width()
        if narrow != self._narrow:
            self._narrow = narrow
            for label in (self.mse_status, self.ce_status):
                label.setWordWrap(narrow)
                label.setFixedSize(self._status_sizes[narrow])

    def _fit_status(self):
        """The status lines' size: their widest text on one line, or wrapped onto two."""
        texts = [
            template.format(name=self._names[key], n=MAX_STEPS)
            for key in self._names
            for template in (self._reached_template, self._not_yet_template)
        ]
        label = self.ce_status
        shown, wrap = label.text(), label.wordWrap()
        width, height = text_size(label, *texts)
        label.setWordWrap(True)
        narrow = math.ceil(width * 0.6)
        narrow_height = max(self._wrapped_height(label, text, narrow) for text in texts)
        label.setWordWrap(wrap)
        label.setText(shown)
        self._status_sizes = {
            False: QSize(width, height),
            True: QSize(narrow, narrow_height),
        }
        self._narrow = None
        self._arrange_status(self.width())

    @staticmethod
    def _wrapped_height(label, text, width):
        label.setText(text)
        return label.heightForWidth(width)

    @staticmethod
    def _trail(plot_item, colour):
        c = pg.mkColor(colour)
        c.setAlpha(150)
        return plot_item.plot(pen=None, symbol="o", symbolSize=9, symbolPen=None, symbolBrush=c)

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> plain gradient descent on z, twice from the same start with "
            "the "
            "same learning rate: once following the MSE gradient, once the cross-entropy "
            "gradient. Left: the two runners on their loss curves; right: the loss after each "
            "step.</p><p><b>Try:</b> press Play from the confidently wrong start (z = −6, y = 1). "
            "Cross-entropy reaches the goal (|y − σ(z)| &lt; 0.1, the shaded band) in a few "
            "steps; MSE crawls for hundreds. Change the learning rate and race again.</p>"
        )

    def retranslate(self):
        """Set the captions and status templates; fit the plots' minimum to them."""
        scale = self.scale
        style.label_axes(self.z_plot, self.tr("z (the logit)"), self.tr("loss L"), scale=scale)
        # the ticks (0.01, 1, 100) say it is a log scale: a longer title would
        # need a taller plot
        style.label_axes(self.step_plot, self.tr("step"), self.tr("loss L"), scale=scale)
        self.scenario_button.setText(self.tr("Confidently wrong start"))
        self.scenario_button.setToolTip(self.tr("z = −6 and y = 1: sure of the wrong answer"))
        self.lr_caption.setText(self.tr("Learning rate η:"))
        self.speed_spin.setToolTip(self.tr("Speed of the animation, in steps per second"))
        self.speed_spin.setSuffix(self.tr(" steps/s"))
        self.play_button.setText(self.tr("▶ Play"))
        self.pause_button.setText(self.tr("Pause"))
        self.step_button.setText(self.tr("Step"))
        self.reset_button.setText(self.tr("Reset"))
        self._reached_template = self.tr("{name}: reached after {n} steps")
        self._not_yet_template = self.tr("{name}: not yet (step {n})")
        self._names = {"mse": self.tr("MSE"), "ce": self.tr("Cross-entropy")}
        self._fit_status()
        samples = {
            self.z_plot: ("0", "10", "1000"),
            self.step_plot: ("0.01", decade_label(-300)),
        }
        for plot, ticks in samples.items():
            item = plot.getPlotItem()
            fix_axis_width(item.getAxis("left"), ticks)
            top, right = item.layout.getContentsMargins()[1:3]
            hold_data_area(plot, MIN_DATA, top, right)
        self.controls.invalidate()
        self.updateGeometry()  # the window reads the minimum again

    # -------------------------------------------------------------- public
    @property
    def steps_taken(self) -> int:
        """How many steps both runners have taken."""
        return self._n

    @property
    def mse_trajectory(self) -> np.ndarray:
        """The z values the MSE runner visited, starting with the start z (read-only)."""
        return readonly(self._mse.z[: self._n + 1])

    @property
    def ce_trajectory(self) -> np.ndarray:
        """The z values the cross-entropy runner visited, from the start z (read-only)."""
        return readonly(self._ce.z[: self._n + 1])

    @property
    def arrivals(self) -> dict:
        """{"mse": step or None, "ce": step or None}: when |y − σ(z)| < 0.1 first held."""
        return {"mse": self._mse.arrived, "ce": self._ce.arrived}

    def step(self, n: int = 1):
        """Take ``n`` more steps (stops at the cap of 10,000)."""
        n1 = min(self._n + int(n), MAX_STEPS)
        if n1 <= self._n:
            return
        y, lr = self._start[1], self._start[2]
        both_before = self._mse.arrived is not None and self._ce.arrived is not None
        self._mse.advance(self._n, n1, y, lr)
        self._ce.advance(self._n, n1, y, lr)
        self._n = n1
        both_now = self._mse.arrived is not None and self._ce.arrived is not None
        if self._n >= MAX_STEPS or (both_now and not both_before):
            self.pause()
        self._draw_race()

    def reset(self):
        """Put both runners back at the model's z, with the model's y and η."""
        m = self.model
        self.pause()
        self._start = (m.z, m.y, m.learning_rate)
        self._n = 0
        self._mse.start(m.z, m.mse, m.bce_grad)
        self._ce.start(m.z, m.bce, m.bce_grad)
        self._draw_race()

    def play(self):
        """Run the race on a timer (restarts it if it already hit the cap)."""
        if self._n >= MAX_STEPS:
            self.reset()
        if self.isVisible():
            self.timer.start(self._interval())
        self._update_buttons()

    def take_over(self, old):
        """Go on with the old panel's race: the same steps taken, playing if it was."""
        if old._start == self._start and old.steps_taken:
            self.step(old.steps_taken)
        if old.timer.isActive():
            old.pause()
            self.play()

    def pause(self):
        """Stop the timer; the race can continue with Play or Step."""
        self.timer.stop()
        self._update_buttons()

    # -------------------------------------------------------------- redraw
    def refresh(self):
        """Follow the model: a new start (z, y or η) restarts the race."""
        m = self.model
        if m.learning_rate != self._shown_learning_rate:  # setValue repaints, even unchanged
            self._shown_learning_rate = m.learning_rate
            with QSignalBlocker(self.lr_spin):
                self.lr_spin.setValue(m.learning_rate)
        if m.y != self._curve_y:
            self._curve_y = m.y
            self.mse_curve.setData(RACE_Z_GRID, losses.mse(RACE_Z_GRID, m.y))
            self.ce_curve.setData(RACE_Z_GRID, losses.binary_cross_entropy(RACE_Z_GRID, m.y))
            lo, hi = target_region(m.y)
            self.goal.setRegion((lo, hi))
        if self._start != (m.z, m.y, m.learning_rate):
            self.reset()
        else:
            self._draw_race()

    def _draw_race(self):
        n = self._n
        for runner, trail, dot, steps, arrival in (
            (self._mse, self.mse_trail, self.mse_dot, self.mse_steps, self.mse_arrival),
            (self._ce, self.ce_trail, self.ce_dot, self.ce_steps, self.ce_arrival),
        ):
            # at step 0 the trail would be one dot under the runner: hidden, not
            # rebuilt, so that dragging the start (which resets the race) stays cheap
            trail.setVisible(n > 0)
            if n > 0:
                first = max(0, n - TRAIL)
                trail.setData(runner.z[first : n + 1], runner.losses[first : n + 1])
            dot.setPos(runner.z[n], runner.losses[n])
            if n > 0:
                logs = np.log10(np.maximum(runner.losses[: n + 1], LOSS_FLOOR))
                steps.setData(np.arange(n + 1), logs)
            elif steps.xData is None or len(steps.xData):
                steps.setData([], [])  # one point draws no line: cleared once, then left alone
            arrival.setVisible(runner.arrived is not None)
            if runner.arrived is not None:
                arrival.setPos(runner.arrived)
        for key, runner, label in (
            ("mse", self._mse, self.mse_status),
            ("ce", self._ce, self.ce_status),
        ):
            name = self._names[key]
            if runner.arrived is None:
                set_text(label, self._not_yet_template.format(name=name, n=self._n))
            else:
                set_text(label, self._reached_template.format(name=name, n=runner.arrived))
        self._fit_views()
        self._update_buttons()

    def _fit_views(self):
        """Set the view ranges when what they must show has changed (rarely)."""
        zs = np.concatenate([self._mse.z[: self._n + 1], self._ce.z[: self._n + 1]])
        z_lo = min(-10.0, math.floor(float(zs.min())) - 1.0)
        z_hi = max(10.0, math.ceil(float(zs.max())) + 1.0)
        # the largest loss in the window over every y is at y = 0 or 1: one
        # scale for every label, so that the y-slider does not rescale the view
        if self._top_for[0] != (z_lo, z_hi):
            top = 1.35 * max(
                float(losses.binary_cross_entropy(z_lo, 1.0)),
                float(losses.binary_cross_entropy(z_hi, 0.0)),
            )
            self._top_for = ((z_lo, z_hi), top)
        top = self._top_for[1]
        self._set_range(self.z_plot, "z", (z_lo, z_hi), (0.0, top))
        x_hi = 50
        while x_hi < self._n:
            x_hi *= 2
        # whole decades, so that dragging the start z rarely changes the scale
        start = np.log10(np.maximum([self._mse.losses[0], self._ce.losses[0]], LOSS_FLOOR))
        y_top = max(math.ceil(float(start.max())), 1)  # a loss of 10 fits: most starts
        y_bottom = min(-5, math.floor(float(start.min())) - 1)
        y_top += 0.1 * (y_top - y_bottom)  # room above the first step
        self._set_range(self.step_plot, "steps", (0, x_hi), (y_bottom, y_top))

    def _set_range(self, plot, key, x_range, y_range):
        """Show ``x_range`` and ``y_range`` (whose bottom is the lowest tick to label)."""
        if self._ranges.get(key) != (x_range, y_range):
            self._ranges[key] = (x_range, y_range)
            self._fit_ticks()

    def _fit_ticks(self, *_):
        """Ticks spaced for each plot's size and range, and room under the lowest label.

        pyqtgraph spaces ticks by the plot's length alone: at z = 1000 its
        labels ran together ("8001000").  Here a label is never closer to the
        next than its own length and two gaps.
        """
        for key, plot in (("z", self.z_plot), ("steps", self.step_plot)):
            if key not in self._ranges:
                continue
            (x_lo, x_hi), (y_lo, y_hi) = self._ranges[key]
            item = plot.getPlotItem()
            view = item.getViewBox()
            bottom_axis, left_axis = item.getAxis("bottom"), item.getAxis("left")
            metrics = QFontMetricsF(bottom_axis.style["tickFont"])
            digits = len(str(int(max(abs(x_lo), abs(x_hi)))))
            widest = metrics.horizontalAdvance((MINUS if x_lo < 0 else "") + "8" * digits)
            x_step = tick_step(x_hi - x_lo, view.width(), widest)
            # the last label, centred on its tick, must not run off the plot's right edge
            overhang = metrics.horizontalAdvance("8" * digits) / 2 - RIGHT_MARGIN + 2
            if overhang > 0 and view.width() > overhang:
                x_hi += overhang * (x_hi - x_lo) / (view.width() - overhang)
            label_height = metrics.height() * 0.8  # as pyqtgraph measures it
            if key == "z":
                y_step = tick_step(y_hi - y_lo, view.height(), label_height)
                spacing = ((x_step, x_step / 2), (y_step, y_step / 2))
                ticks = None
                y_lo = room_below(view, left_axis, 0.0, y_hi, 0.03 * y_hi)
            else:
                every = tick_step(y_hi - y_lo, view.height(), label_height)
                every = max(1, round(every))
                decades = range(math.ceil(y_lo) + 1, math.floor(y_hi) + 1)
                ticks = [
                    [(n, decade_label(n)) for n in decades if n % every == 0],
                    [(n, "") for n in decades if n % every != 0],
                ]
                spacing = ((x_step, x_step / 2), None)
                lowest = min((n for n, _ in ticks[0]), default=y_lo)
                y_lo = min(y_lo, room_below(view, left_axis, lowest, y_hi, lowest - y_lo))
                if y_lo < LOG_LIMIT:  # pyqtgraph's floor: the labels rise above it instead
                    y_lo = LOG_LIMIT
                    clear = y_lo + (y_lo - room_below(view, left_axis, y_lo, y_hi, 0.0))
                    ticks = [
                        [(n, t) for n, t in ticks[0] if n >= clear],
                        ticks[1] + [(n, "") for n, _ in ticks[0] if n < clear],
                    ]
            if self._ticks.get(key) != (spacing, ticks):
                self._ticks[key] = (spacing, ticks)
                bottom_axis.setTickSpacing(*spacing[0])
                if spacing[1] is None:
                    left_axis.setTicks(ticks)
                else:
                    left_axis.setTickSpacing(*spacing[1])
            if view.viewRange() != [[x_lo, x_hi], [y_lo, y_hi]]:
                view.setRange(xRange=(x_lo, x_hi), yRange=(y_lo, y_hi), padding=0)

    def _update_buttons(self):
        running = self.timer.isActive()
        done = self._n >= MAX_STEPS
        self.play_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.step_button.setEnabled(not running and not done)

    # --------------------------------------------------------------- input
    def _tick(self):
        self.step(1)

    def _interval(self):
        return round(1000 / self.speed_spin.value())

    def _on_speed(self, value):
        self.model.display.set_view("race_speed", value)
        if self.timer.isActive():
            self.timer.setInterval(self._interval())

    def _confidently_wrong(self):
        # one change of the model, so one undo step (set_state is atomic)
        self.model.set_state({"z": DEFAULT_Z, "y": 1.0})

    # --------------------------------------------------------------- Qt
    def hideEvent(self, event):
        self.pause()
        super().hideEvent(event)

    def closeEvent(self, event):
        self.pause()
        super().closeEvent(event)
