"""Sigmoid panel: ŷ = σ(z), with a handle to drag the logit z."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from lossexplorer import losses, style
from lossexplorer.formatting import MINUS, fmt_number, fmt_y_hat
from lossexplorer.model import Z_LIMIT
from lossexplorer.panels.base import NumberSpinBox, Panel
from lossexplorer.plotkit import Tag, add_guide
from lossexplorer.plotkit.fit import (
    COMPACT_WIDTH,
    MIN_DATA,
    HeightForWidth,
    fix_axis_width,
    hold_data_area,
    room_below,
)

Z_VIEW = 10.0  # the plot shows z in [-Z_VIEW, Z_VIEW]
SIGMOID_Z_GRID = np.linspace(-Z_VIEW, Z_VIEW, 401)  # where the curve σ(z) is drawn
Y_VIEW = (-0.104, 1.124)  # ŷ's view: the asymptotes 0 and 1 with room round them
GAP = 8  # pixels between the label and the handle or the plot's edge


def _logit_or_edge(p: float, edge: float) -> float:
    """The z where σ(z) = p, or ``edge`` when p is outside (0, 1)."""
    if not 0.0 < p < 1.0:
        return edge
    return float(losses.logit(p))


class _ScrubViewBox(pg.ViewBox):
    """A view that never pans or zooms: a left click or drag anywhere sets z.

    The handle line takes the drag when the pointer is on it; everywhere else
    this view does, so a teacher never has to hit a three-pixel line.
    ``scrubbed(x)`` gives the pointer's x on a click and on every move of a
    drag; ``scrub_started`` and ``scrub_finished`` bracket a drag.
    """

    scrubbed = Signal(float)
    scrub_started = Signal()
    scrub_finished = Signal()

    def __init__(self):
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=False, y=False)

    def _scrub(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        self.scrubbed.emit(self.mapSceneToView(ev.scenePos()).x())

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() == Qt.MouseButton.LeftButton and ev.isStart():
            self.scrub_started.emit()
        self._scrub(ev)
        if ev.button() == Qt.MouseButton.LeftButton and ev.isFinish():
            self.scrub_finished.emit()

    def mouseClickEvent(self, ev):
        self._scrub(ev)

    def wheelEvent(self, ev, axis=None):
        ev.ignore()


class SigmoidPanel(HeightForWidth, Panel):
    """σ(z) over z in [−10, 10] with a draggable handle at the model's z."""

    SIGNAL = "binary_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._shown = None
        self._build_plot()
        row = self._build_spin_row()
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)  # under the row: it wraps in a narrow dock
        self.retranslate()
        self.refresh()

    def _build_plot(self):
        """σ(z), its asymptotes, the handle at z, the point and its label."""
        scale = self.scale
        self.view_box = _ScrubViewBox()
        self.view_box.scrub_started.connect(self.model.begin_gesture)
        self.view_box.scrubbed.connect(self._set_z_from_plot)
        self.view_box.scrub_finished.connect(self.model.end_gesture)
        self.plot = self.make_plot("sigmoid_plot", view_box=self.view_box)
        item = self.plot.getPlotItem()
        # −10, 0 and 10 always; −5 and 5 where there is room (pyqtgraph's own
        # choice, five labels, runs them together in a narrow plot)
        item.getAxis("bottom").setTickSpacing(10.0, 5.0)
        self.view_box.setRange(xRange=(-Z_VIEW, Z_VIEW), yRange=Y_VIEW, padding=0)
        self.view_box.setRange(xRange=(-Z_VIEW, Z_VIEW), padding=0.02)

        dashed = style.pen(style.NEUTRAL, 2, Qt.PenStyle.DashLine, scale=scale)
        self.asymptotes = [add_guide(item, dashed, angle=0, pos=v) for v in (0.0, 1.0)]
        self.curve = item.plot(
            SIGMOID_Z_GRID,
            losses.sigmoid(SIGMOID_Z_GRID),
            pen=style.pen(style.SIGMOID, 4, scale=scale),
        )
        style.cache(self.curve)
        dotted = style.pen(style.SIGMOID, 2, Qt.PenStyle.DotLine, scale=scale)
        self.y_hat_guide = add_guide(item, dotted, angle=0)
        self.handle = pg.InfiniteLine(
            angle=90,
            movable=True,
            pen=style.pen(style.NEUTRAL, 3, scale=scale),
            hoverPen=style.pen("#000000", 6, scale=scale),
            bounds=(-Z_VIEW, Z_VIEW),
        )
        self.handle.setCursor(Qt.CursorShape.SizeHorCursor)
        self.handle.sigDragged.connect(self._on_handle_dragged)
        self.handle.sigPositionChangeFinished.connect(self.model.end_gesture)
        item.addItem(self.handle)
        self.point = self.add_marker(item, style.SIGMOID, 20)
        self.label = Tag(
            "#111111",
            pg.mkBrush(255, 255, 255, 200),
            style.pen(style.NEUTRAL, 1, scale=scale),
        )
        self.label.setFont(style.font(style.BASE_POINT_SIZE + 1, bold=True, scale=scale))
        self.label.setZValue(20)
        item.addItem(self.label, ignoreBounds=True)
        self.view_box.sigResized.connect(self._fit_view)

    def _build_spin_row(self) -> QHBoxLayout:
        """z as a number to type, and a hint."""
        self.spin_caption = QLabel()
        self.spin = NumberSpinBox()
        self.spin.setObjectName("z_spin")
        self.spin.setRange(-Z_LIMIT, Z_LIMIT)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(0.5)
        self.spin.setKeyboardTracking(False)
        # its size hint fits the widest value, −1000.00, in this font
        self.spin.setFont(style.font(style.BASE_POINT_SIZE + 1, bold=True, scale=self.scale))
        self.spin.valueChanged.connect(self.model.set_z)
        self.hint = QLabel()
        self.hint.setObjectName("z_hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {style.NEUTRAL}")

        row = QHBoxLayout()
        row.addWidget(self.spin_caption)
        row.addWidget(self.spin)
        row.addStretch(1)
        return row

    def minimumSizeHint(self):
        """The narrowest width, or the hint's on one line if not too wide; the height for it."""
        narrowest = self._narrowest()
        margins = self.layout().contentsMargins()
        sides = margins.left() + margins.right()
        one_line = self.hint.fontMetrics().horizontalAdvance(self.hint.text()) + sides + 2
        width = one_line if narrowest < one_line <= COMPACT_WIDTH else narrowest
        return QSize(width, self._height_for(width))

    def _narrowest(self) -> int:
        """The least width the panel can show everything at (the hint wrapped)."""
        return super().minimumSizeHint().width()

    def _height_for(self, width: int) -> int:
        """The least height the panel needs at ``width``: the hint wrapped to it."""
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        extra = self.hint.heightForWidth(inner) - self.hint.minimumSizeHint().height()
        return super().minimumSizeHint().height() + max(0, extra)

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the sigmoid ŷ = σ(z) = 1/(1 + e<sup>−z</sup>), which turns "
            "the "
            "network's last number z (the logit) into a probability between 0 and 1. The dashed "
            "lines are the asymptotes 0 and 1: σ gets close but never reaches them.</p>"
            "<p><b>Try:</b> drag the line (or anywhere on the plot), or type z. At z = −6 the "
            "model says ŷ = 0.002: if the picture really is a cat (y = 1), it is confidently "
            "wrong. Notice how flat σ is out there — that flatness is what slows MSE down.</p>"
        )

    def retranslate(self):
        """Set the axis titles, captions and label templates; fit the plot's minimum to them."""
        style.label_axes(self.plot, self.tr("z (the logit)"), self.tr("ŷ = σ(z)"), scale=self.scale)
        self.spin_caption.setText(self.tr("z ="))
        self.hint.setText(self.tr("Drag the line (or anywhere on the plot), or type z."))
        # the label is short (ŷ = σ(z) is the axis title): it fits a small plot
        self._label_template = self.tr("z = {z}\nŷ = {y_hat}")
        self._label_left = self.tr("z = {z}\n(← off the plot)\nŷ = {y_hat}")
        self._label_right = self.tr("z = {z}\n(off the plot →)\nŷ = {y_hat}")
        self._fit_minimum()

    def _fit_minimum(self):
        """A data area that holds the widest and tallest label beside its gaps."""
        shown = self.label.toPlainText()
        width = height = 0.0
        widest_z = (f"{MINUS}{Z_LIMIT:.2f}", f"{MINUS}{Z_VIEW:.2f}")
        widest_y_hat = (fmt_y_hat(-Z_LIMIT), fmt_y_hat(-Z_VIEW), fmt_y_hat(0.0))
        for template in (self._label_template, self._label_left, self._label_right):
            for z in widest_z:
                for y_hat in widest_y_hat:
                    self.label.setText(template.format(z=z, y_hat=y_hat))
                    rect = self.label.rect()
                    width, height = max(width, rect.width()), max(height, rect.height())
        self.label.setText(shown)
        item = self.plot.getPlotItem()
        fix_axis_width(item.getAxis("left"), ("0", "0.5", "1.0"))
        hold_data_area(
            self.plot,
            (max(MIN_DATA[0], width + 2 * GAP), max(MIN_DATA[1], height + 2 * GAP)),
            item.layout.getContentsMargins()[1],
            item.layout.getContentsMargins()[2],
        )
        self.updateGeometry()  # the window reads the minimum again

    # -------------------------------------------------------------- redraw
    def refresh(self):
        """Move the handle, point, guide and label to the model's z."""
        z = self.model.z
        shown = (z, self._label_template, self.model.display.numbers_hidden)
        if shown == self._shown:  # a change of y or η: nothing here moves
            return
        self._shown = shown
        zc = min(max(z, -Z_VIEW), Z_VIEW)
        y_hat = self.model.y_hat
        self.handle.setPos(zc)
        self.point.setPos(zc, y_hat)
        self.y_hat_guide.setPos(y_hat)
        template = self._label_template
        if z < -Z_VIEW:
            template = self._label_left
        elif z > Z_VIEW:
            template = self._label_right
        self.label.setText(template.format(z=fmt_number(z, 2), y_hat=fmt_y_hat(z)))
        self._place_label()
        with QSignalBlocker(self.spin):
            self.spin.setValue(z)

    def _fit_view(self, *_):
        """After a resize: room under ŷ = 0 for its tick label, then the label's place."""
        top = Y_VIEW[1]
        axis = self.plot.getPlotItem().getAxis("left")
        bottom = room_below(self.view_box, axis, 0.0, top, -Y_VIEW[0])
        if self.view_box.viewRange()[1] != [bottom, top]:
            self.view_box.setYRange(bottom, top, padding=0)
        self._place_label()

    def _place_label(self, *_):
        """Put the label beside the handle where the curve cannot be.

        σ rises from left to right, so the space above and left of the curve
        is free (the label's side when z < 0, at the top) and so is the space
        below and right of it (z >= 0, at the bottom).  The label goes on the
        side of the handle with more free room; if even that is too narrow it
        goes to the plot's edge, where the curve lies flat.
        """
        zc = min(max(self.model.z, -Z_VIEW), Z_VIEW)
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        px, py = self.view_box.viewPixelSize()
        rect = self.label.boundingRect()
        width, height = rect.width() * px, rect.height() * py
        gap = GAP * px
        if self.model.z < 0.0:  # the label hangs from the top
            y = y1 - 0.5 * GAP * py
            clear = _logit_or_edge(y - height, x1)  # the curve meets the label's bottom here
            left_room, right_room = zc - x0, clear - zc
            anchor_y = 0.0
        else:  # the label stands on the bottom
            y = y0 + 0.5 * GAP * py
            clear = _logit_or_edge(y + height, x0)
            left_room, right_room = zc - clear, x1 - zc
            anchor_y = 1.0
        if max(left_room, right_room) >= width + gap:
            to_left = left_room >= right_room
            self.label.setAnchor((1.0 if to_left else 0.0, anchor_y))
            self.label.setPos(zc - gap if to_left else zc + gap, y)
        elif self.model.z < 0.0:
            self.label.setAnchor((0.0, anchor_y))
            self.label.setPos(x0 + gap, y)
        else:
            self.label.setAnchor((1.0, anchor_y))
            self.label.setPos(x1 - gap, y)

    # --------------------------------------------------------------- input
    def _set_z_from_plot(self, x):
        self.model.set_z(float(np.clip(x, -Z_VIEW, Z_VIEW)))

    def _on_handle_dragged(self, line):
        if self.model.gesture is None:  # the first move of a handle drag
            self.model.begin_gesture()
        self._set_z_from_plot(line.value())
