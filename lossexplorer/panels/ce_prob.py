"""Cross-entropy over ŷ: seed 003's two −log curves, joined for the current y.

The grid of ŷ values is σ of an even grid of logits, so it is dense near 0
and 1 where −log ŷ and −log(1 − ŷ) climb steeply.  The y range is fixed at
[0, 5]: the view is clipped, never the data, and a note says so when the
current point lies above it.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from lossexplorer import losses, style
from lossexplorer.formatting import fmt_number, fmt_power, fmt_y_hat
from lossexplorer.panels.base import Panel, set_text, set_text_snug
from lossexplorer.plotkit import add_guide, add_live_curve, fix_size, text_size

_EDGE = 1e-4
# ŷ from _EDGE to 1 - _EDGE, dense near 0 and 1
Y_HAT_GRID = np.asarray(losses.sigmoid(np.linspace(math.log(_EDGE), -math.log(_EDGE), 151)))
Y_TOP = 5.0


class CeProbPanel(Panel):
    """−log ŷ, −log(1 − ŷ), their mix for the model's y, and MSE, over ŷ."""

    SIGNAL = "binary_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._curve_y = None
        self._build_plot()
        self._build_readout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
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

        self.legend = pg.LegendItem(
            colCount=1,
            labelTextSize=style.points_css(style.BASE_POINT_SIZE, scale),
        )
        self.legend.setParentItem(self.view_box)
        # in the middle, where the two one-sided curves leave the plot empty
        self.legend.anchor(itemPos=(0.5, 0.5), parentPos=(0.5, 0.5), offset=(0, 0))
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
        for curve in (self.ce_curve, self.mse_curve):
            self.legend.addItem(curve, "")
        # seed 003's two one-sided curves are labelled where they climb
        self.y1_label = pg.TextItem(color=style.OKABE_ITO["sky"], anchor=(0.0, 0.5))
        self.y1_label.setPos(0.07, 4.3)
        self.y0_label = pg.TextItem(color=style.OKABE_ITO["sky"], anchor=(1.0, 0.5))
        self.y0_label.setPos(0.93, 4.0)
        for label in (self.y1_label, self.y0_label):
            label.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
            item.addItem(label)
            style.cache(label)

    def _build_readout(self):
        """ŷ, cross-entropy (with a note when off the plot) and MSE as numbers.

        Three plain labels, not one rich-text label: a drag step repaints
        only the lines that changed, and plain text is far cheaper to draw.
        """
        scale = self.scale
        self.readout = QWidget()
        self.readout.setObjectName("ce_prob_readout")
        self.y_hat_label, self.ce_label, self.mse_label = QLabel(), QLabel(), QLabel()
        self.note_label = QLabel()
        self.note_label.setFont(style.font(style.BASE_POINT_SIZE, scale=scale))
        self.note_label.setStyleSheet(f"color: {style.CE}")
        for label, colour in (
            (self.y_hat_label, style.SIGMOID),
            (self.ce_label, style.CE),
            (self.mse_label, style.MSE),
        ):
            label.setFont(style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=scale))
            label.setStyleSheet(f"color: {colour}")
        # the note follows the number closely; the row has a fixed size, so a
        # new number re-lays out this row only, not the panel
        self.ce_row = QWidget()
        row = QHBoxLayout(self.ce_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.ce_label)
        row.addWidget(self.note_label)
        row.addStretch(1)
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
        """Set the axis titles, legend entries and readout templates."""
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
        tiny = fmt_power(1.0, -434.3)  # ŷ = σ(−1000); no loss here is smaller
        fix_size(self.y_hat_label, self._y_hat_template.format(y_hat=tiny))
        fix_size(self.mse_label, *(self._mse_template.format(mse=v) for v in ("0.500", tiny)))
        fix_size(self.note_label, self._note_text)
        width, height = text_size(
            self.ce_label, *(self._ce_template.format(ce=v) for v in ("1000.000", tiny))
        )
        spacing = self.ce_row.layout().spacing()
        self.ce_row.setFixedSize(width + spacing + self.note_label.width(), height)

    # -------------------------------------------------------------- redraw
    def refresh(self):
        """Redraw for the model's y and move the markers to ŷ = σ(z)."""
        m = self.model
        y = m.y
        if y != self._curve_y:
            self._curve_y = y
            self.ce_curve.setData(Y_HAT_GRID, losses.binary_cross_entropy_prob(Y_HAT_GRID, y))
            self.mse_curve.setData(Y_HAT_GRID, losses.mse_prob(Y_HAT_GRID, y))
        y_hat, ce, mse = m.y_hat, m.bce, m.mse  # ce from z: exact even where ŷ rounds to 0 or 1
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
        set_text_snug(self.ce_label, self._ce_template.format(ce=display.shown(fmt_number(ce))))
        set_text(self.mse_label, self._mse_template.format(mse=display.shown(fmt_number(mse))))
        note = self._note_text if off_scale and not display.numbers_hidden else ""
        set_text(self.note_label, note)

    def readout_text(self) -> str:
        """The numbers under the plot as the user reads them, one line each."""
        ce_line = " ".join(t for t in (self.ce_label.text(), self.note_label.text()) if t)
        return "\n".join((self.y_hat_label.text(), ce_line, self.mse_label.text()))
