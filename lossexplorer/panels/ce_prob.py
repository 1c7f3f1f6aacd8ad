"""Cross-entropy over ŷ: seed 003's two −log curves, joined for the current y.

The grid of ŷ values is σ of an even grid of logits, so it is dense near 0
and 1 where −log ŷ and −log(1 − ŷ) climb steeply.  The y range is fixed at
[0, 5]: the view is clipped, never the data, and a note says so when the
current point lies above it.

Every text in the plot has a place of its own at any size down to the
panel's minimum: the legend in a band above the data, the two curve labels
in the top corners (one under the other when the plot is narrow), and the
tick labels spaced so that they never run together.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from lossexplorer import losses, style
from lossexplorer.formatting import fmt_number, fmt_power, fmt_y_hat
from lossexplorer.panels.base import Panel, set_text, set_text_snug
from lossexplorer.plotkit import add_guide, add_live_curve, fix_size, text_size
from lossexplorer.plotkit.fit import (
    GAP,
    MIN_DATA,
    RIGHT_MARGIN,
    HeightForWidth,
    band_height,
    fit_title,
    fix_axis_width,
    least_height,
    legend_above,
    legend_size,
    place_legends,
    plot_minimum,
    room_below,
    title_height,
    title_size,
)

_EDGE = 1e-4
# ŷ from _EDGE to 1 - _EDGE, dense near 0 and 1
Y_HAT_GRID = np.asarray(losses.sigmoid(np.linspace(math.log(_EDGE), -math.log(_EDGE), 151)))
Y_TOP = 5.0


# ----------------------------------------------------------------- plot fitting


class CeProbPanel(HeightForWidth, Panel):
    """−log ŷ, −log(1 − ŷ), their mix for the model's y, and MSE, over ŷ."""

    SIGNAL = "binary_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._curve_y = None
        self._build_plot()
        self._build_readout()
        layout = QVBoxLayout(self)
        # the readout's arrangement follows the width (resizeEvent): the
        # layout must not hold the panel to the wide one's minimum
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self.view_box.sigResized.connect(self._fit_view)
        self.retranslate()
        self.refresh()

    def _build_plot(self):
        """The loss curves over ŷ, the markers at ŷ = σ(z), the legend and labels."""
        scale = self.scale
        self.plot = self.make_plot("ce_prob_plot")
        item = self.plot.getPlotItem()
        self.view_box = item.getViewBox()
        self.view_box.setMouseEnabled(x=False, y=False)
        self.view_box.setRange(xRange=(0.0, 1.0), yRange=(0.0, Y_TOP), padding=0.02)
        # 0 and 1 always, the tenths in between where there is room: pyqtgraph's
        # own choice, six labels, runs them together in a narrow plot
        item.getAxis("bottom").setTickSpacing(1.0, 0.2)

        self.y1_curve = item.plot(
            Y_HAT_GRID,
            losses.binary_cross_entropy_prob(Y_HAT_GRID, 1.0),
            pen=style.pen(style.OKABE_ITO["sky"], 2.5, Qt.PenStyle.DashLine, scale=scale),
        )
        self.y0_curve = item.plot(
            Y_HAT_GRID,
            losses.binary_cross_entropy_prob(Y_HAT_GRID, 0.0),
            pen=style.pen(style.OKABE_ITO["sky"], 2.5, Qt.PenStyle.DotLine, scale=scale),
        )
        self.ce_curve = add_live_curve(item, style.pen(style.CE, 5, scale=scale))
        self.mse_curve = add_live_curve(item, style.pen(style.MSE, 3, scale=scale))
        self.guide = add_guide(
            item, style.pen(style.NEUTRAL, 1.5, Qt.PenStyle.DotLine, scale=scale)
        )
        self.mse_marker = self.add_marker(item, style.MSE, 16)
        self.ce_marker = self.add_marker(item, style.CE, 20)
        # stands out on the thick blue curve
        self.ce_marker.setPen(style.pen("#111111", 2, scale=scale))
        style.cache(self.y1_curve, self.y0_curve)
        self.legend = legend_above(self.plot, (self.ce_curve, self.mse_curve), scale)
        # seed 003's two one-sided curves are labelled where they climb
        # (on a light ground: in a small plot a label may have to lie on a curve)
        fill = pg.mkBrush(255, 255, 255, 200)
        self.y1_label = pg.TextItem(color=style.OKABE_ITO["sky"], anchor=(0.0, 0.0), fill=fill)
        self.y0_label = pg.TextItem(color=style.OKABE_ITO["sky"], anchor=(1.0, 0.0), fill=fill)
        for label in (self.y1_label, self.y0_label):
            label.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
            item.addItem(label, ignoreBounds=True)
            style.cache(label)

    def _build_readout(self):
        """ŷ, cross-entropy (with a note when off the plot) and MSE as numbers.

        Plain labels, not one rich-text label: a drag step repaints only the
        lines that changed, and plain text is far cheaper to draw.  In a
        narrow panel "cross-entropy =" goes on a line of its own, above the
        number and its note.
        """
        scale = self.scale
        self.readout = QWidget()
        self.readout.setObjectName("ce_prob_readout")
        self.y_hat_label, self.ce_label, self.mse_label = QLabel(), QLabel(), QLabel()
        self.ce_name = QLabel()
        self.ce_name.setObjectName("ce_name")
        self.note_label = QLabel()
        self.note_label.setFont(style.font(style.BASE_POINT_SIZE, scale=scale))
        self.note_label.setStyleSheet(f"color: {style.CE}")
        for label, colour in (
            (self.y_hat_label, style.SIGMOID),
            (self.ce_name, style.CE),
            (self.ce_label, style.CE),
            (self.mse_label, style.MSE),
        ):
            label.setFont(style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=scale))
            label.setStyleSheet(f"color: {colour}")
        for label in (self.y_hat_label, self.ce_name, self.ce_label, self.mse_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        # the note follows the number closely; the row has a fixed size, so a
        # new number re-lays out this row only, not the panel
        self.ce_row = QWidget()
        self.ce_row.setObjectName("ce_row")
        lines = QVBoxLayout(self.ce_row)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        lines.addWidget(self.ce_name, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.ce_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.note_label, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        lines.addLayout(row)
        self._narrow = None  # the readout's form: "cross-entropy =" on a line of its own
        self._row_sizes = {}  # narrow -> the ce row's fixed size
        column = QVBoxLayout(self.readout)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (self.y_hat_label, self.ce_row, self.mse_label):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the loss as a function of the prediction ŷ itself. The two "
            "thin "
            "curves are the two halves of cross-entropy: −log ŷ when the label is 1 and "
            "−log(1 − ŷ) when it is 0. The thick curve is the combination for the current y; the "
            "orange one is MSE.</p><p><b>Try:</b> move ŷ towards the wrong end: cross-entropy "
            "shoots up without limit, MSE never exceeds ½.</p>"
        )

    def retranslate(self):
        """Set the axis titles, legend entries and readout templates; fit the minimum to them."""
        style.label_axes(
            self.plot,
            self.tr("ŷ (predicted probability of class 1)"),
            self.tr("loss L"),
            scale=self.scale,
        )
        self.legend.getLabel(self.ce_curve).setText(self.tr("cross-entropy (current y)"))
        self.legend.getLabel(self.mse_curve).setText(self.tr("MSE"))
        style.cache_legend(self.legend)
        self.y1_label.setText(self.tr("−log ŷ  (y = 1)"))
        self.y0_label.setText(self.tr("−log(1 − ŷ)  (y = 0)"))
        self._y_hat_template = self.tr("ŷ = σ(z) = {y_hat}")
        self._ce_template = self.tr("cross-entropy = {ce}")
        self._mse_template = self.tr("MSE = {mse}")
        self._note_text = self.tr("▲ off the plot")
        # "cross-entropy =" and "{ce}": the narrow form's two lines
        name, key, rest = self._ce_template.partition("{ce}")
        self._ce_name_text, self._ce_value_template = name.rstrip(), key + rest
        if not (key and self._ce_name_text):  # a translation with no name before the number
            self._ce_name_text, self._ce_value_template = "", self._ce_template
        tiny = fmt_power(1.0, -434.3)  # ŷ = σ(−1000); no loss here is smaller
        fix_size(self.y_hat_label, self._y_hat_template.format(y_hat=tiny))
        fix_size(self.mse_label, *(self._mse_template.format(mse=v) for v in ("0.500", tiny)))
        fix_size(self.ce_name, self._ce_name_text or " ")
        gap = round(QFontMetricsF(self.note_label.font()).horizontalAdvance(" "))
        self.note_label.setContentsMargins(gap, 0, 0, 0)  # a space between number and note
        fix_size(self.note_label, self._note_text)
        note = self.note_label.size()
        for narrow, template in (
            (False, self._ce_template),
            (True, self._ce_value_template),
        ):
            # the note shows only above the plot, where cross-entropy is > 5, never tiny
            big = text_size(self.ce_label, template.format(ce="1000.000"))
            small = text_size(self.ce_label, template.format(ce=tiny))
            width = max(big[0] + note.width(), small[0])
            height = max(big[1], small[1], note.height())
            if narrow:
                width = max(width, self.ce_name.width())
                height += self.ce_name.height()
            self._row_sizes[narrow] = QSize(width, height)
        self._narrow = None
        self._fit_minimum()

    def _fit_minimum(self):
        """Measure what the minimum depends on: the texts' sizes, in this language."""
        item = self.plot.getPlotItem()
        fix_axis_width(item.getAxis("left"), ("0", "2", "4"))
        self._label_sizes = [
            (label.boundingRect().width(), label.boundingRect().height())
            for label in (self.y1_label, self.y0_label)
        ]
        self._arrange(self.width())
        self.updateGeometry()  # the window reads the minimum again

    def _plot_minimum(self, width: float):
        """The plot's minimum when it is ``width`` wide: its legend, title and labels fit that."""
        item = self.plot.getPlotItem()
        left = item.layout.getContentsMargins()[0] + item.getAxis("left").minimumWidth()
        data = width - left - RIGHT_MARGIN - 2 * self.plot.frameWidth()
        (w1, h1), (w2, h2) = self._label_sizes
        narrowest = max(MIN_DATA[0], w1 + 2 * GAP, w2 + 2 * GAP, legend_size(self.legend, 1)[0])
        # side by side at the top (the curves take about a twentieth of the
        # width at each side there), the curves below them
        if w1 + w2 + 3 * GAP <= 0.85 * data:
            height = 2 * max(h1, h2) + 2 * GAP
        else:  # one under the other, and half as much again under them for the curves
            height = 1.5 * (h1 + h2) + 3 * GAP
        data = max(data, narrowest)
        return plot_minimum(
            self.plot,
            (narrowest, max(MIN_DATA[1], height)),
            band_height((self.legend,), data),
            RIGHT_MARGIN,
            title_height(item.getAxis("bottom"), data + 2 * GAP),
        )

    def _height_for(self, width: int) -> int:
        """The least height the panel needs at ``width``."""
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        plot = self._plot_minimum(inner)[0].height()
        readout = self.y_hat_label.height() + self.mse_label.height()
        readout += self._row_sizes[inner < self._row_sizes[False].width()].height()
        return plot + self.layout().spacing() + readout + margins.top() + margins.bottom()

    def minimumSizeHint(self):
        """The least height at any width up to ``COMPACT_WIDTH`` (or the narrowest), at its width.

        The candidates are the narrowest width and each width where a text
        goes onto one line: the readout, the legend, the curve labels, the
        x axis's title.
        """
        margins = self.layout().contentsMargins()
        sides = margins.left() + margins.right()
        item = self.plot.getPlotItem()
        axes = item.layout.getContentsMargins()[0] + item.getAxis("left").minimumWidth()
        axes += RIGHT_MARGIN + 2 * self.plot.frameWidth()
        (w1, _h1), (w2, _h2) = self._label_sizes
        title = title_size(item.getAxis("bottom"))  # its length on one line
        steps = (
            self._row_sizes[False].width(),
            axes + legend_size(self.legend, len(self.legend.items))[0],
            axes + (w1 + w2 + 3 * GAP) / 0.85,
            axes + title.width() + 2 * GAP,
        )
        return least_height(self._height_for, self._narrowest(), [s + sides for s in steps])

    def _narrowest(self) -> int:
        """The least width the panel can show everything at (the readout in two lines)."""
        margins = self.layout().contentsMargins()
        labels = [self.y_hat_label.width(), self.mse_label.width()]
        plot = self._plot_minimum(0)[0].width()
        return max(*labels, self._row_sizes[True].width(), plot) + margins.left() + margins.right()

    def resizeEvent(self, event):
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def _arrange(self, width: int):
        """The readout's form and the plot's minimum height for a panel ``width`` wide."""
        if not self._row_sizes or not hasattr(self, "_label_sizes"):
            return
        margins = self.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        size, data = self._plot_minimum(inner)
        self.view_box.setMinimumSize(*data)
        self.plot.setMinimumSize(size)
        narrow = inner < self._row_sizes[False].width() and bool(self._ce_name_text)
        if narrow != self._narrow:
            self._narrow = narrow
            self.ce_name.setVisible(narrow)
            self.ce_name.setText(self._ce_name_text if narrow else "")
            self.ce_row.setFixedSize(self._row_sizes[narrow])
            self._show_ce()

    def _fit_view(self, *_):
        """After a resize: the legend, the title, the room under 0 and the curve labels."""
        item = self.plot.getPlotItem()
        place_legends(self.plot, (self.legend,))
        fit_title(item.getAxis("bottom"), self.view_box.width() + 2 * GAP)
        axis = item.getAxis("left")
        bottom = room_below(self.view_box, axis, 0.0, Y_TOP, 0.02 * Y_TOP)
        top = Y_TOP * 1.02
        if self.view_box.viewRange()[1] != [bottom, top]:
            self.view_box.setYRange(bottom, top, padding=0)
        self._place_labels()

    def _place_labels(self):
        """−log ŷ in the top left corner, −log(1 − ŷ) in the top right, or under it if they meet.

        Each starts a gap away from where its curve crosses the label's
        bottom edge, so that it stands beside the curve, not on it.
        """
        (x0, x1), (_y0, y1) = self.view_box.viewRange()
        px, py = self.view_box.viewPixelSize()
        left, right = self.y1_label, self.y0_label
        top = y1 - GAP * py
        bottom = top - left.boundingRect().height() * py
        left_x = max(x0, math.exp(-bottom)) + GAP * px
        left.setPos(left_x, top)
        right_top = top
        right_bottom = top - right.boundingRect().height() * py
        right_x = min(x1, -math.expm1(-right_bottom)) - GAP * px
        meet = left_x + (left.boundingRect().width() + right.boundingRect().width() + GAP) * px
        if meet > right_x:  # one under the other
            right_top = bottom - GAP * py
            right_bottom = right_top - right.boundingRect().height() * py
            right_x = min(x1, -math.expm1(-max(right_bottom, 0.0))) - GAP * px
        # inside the data area, even where that is on the curve
        right_x = max(right_x, x0 + (right.boundingRect().width() + GAP) * px)
        right.setPos(right_x, right_top)

    # -------------------------------------------------------------- redraw
    def refresh(self):
        """Redraw for the model's y and move the markers to ŷ = σ(z)."""
        m = self.model
        y = m.y
        if y != self._curve_y:
            self._curve_y = y
            self.ce_curve.setData(Y_HAT_GRID, losses.binary_cross_entropy_prob(Y_HAT_GRID, y))
            self.mse_curve.setData(Y_HAT_GRID, losses.mse_prob(Y_HAT_GRID, y))
        y_hat, ce, mse = (
            m.y_hat,
            m.bce,
            m.mse,
        )  # ce from z: exact even where ŷ rounds to 0 or 1
        self.guide.setPos(y_hat)
        self.mse_marker.setPos(y_hat, mse)
        off_scale = ce > Y_TOP
        if off_scale:
            self.ce_marker.set_symbol("t")
            self.ce_marker.setPos(y_hat, 0.93 * Y_TOP)
        else:
            self.ce_marker.set_symbol("o")
            self.ce_marker.setPos(y_hat, ce)
        set_text(self.y_hat_label, self._y_hat_template.format(y_hat=fmt_y_hat(m.z)))
        display = self.model.display
        set_text(
            self.mse_label,
            self._mse_template.format(mse=display.shown(fmt_number(mse))),
        )
        self._show_ce()

    def _show_ce(self):
        """The cross-entropy line (or its number, in the narrow form) and its note."""
        ce = self.model.bce
        display = self.model.display
        template = self._ce_value_template if self._narrow else self._ce_template
        set_text_snug(self.ce_label, template.format(ce=display.shown(fmt_number(ce))))
        note = self._note_text if ce > Y_TOP and not display.numbers_hidden else ""
        set_text(self.note_label, note)

    def readout_text(self) -> str:
        """The numbers under the plot as the user reads them, one line each."""
        parts = (self.ce_name.text(), self.ce_label.text(), self.note_label.text())
        ce_line = " ".join(t for t in parts if t)
        return "\n".join((self.y_hat_label.text(), ce_line, self.mse_label.text()))
