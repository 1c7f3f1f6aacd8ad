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
from PySide6.QtWidgets import QLabel, QVBoxLayout

from lossexplorer import losses, style
from lossexplorer.formatting import fmt_number
from lossexplorer.panels.base import Panel
from lossexplorer.panels.sigmoid import fmt_y_hat, make_plot

_EDGE = 1e-4
P_GRID = np.asarray(losses.sigmoid(np.linspace(math.log(_EDGE), -math.log(_EDGE), 500)))
Y_TOP = 5.0


class ProbabilityLossPanel(Panel):
    """−log ŷ, −log(1 − ŷ), their mix for the model's y, and MSE, over ŷ."""

    SIGNAL = "binary_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font())
        self._curve_y = None
        self.plot = make_plot("probability_plot")
        item = self.plot.getPlotItem()
        self.view_box = item.getViewBox()
        self.view_box.setMouseEnabled(x=False, y=False)
        self.view_box.setRange(xRange=(0.0, 1.0), yRange=(0.0, Y_TOP), padding=0.02)

        self.legend = pg.LegendItem(
            colCount=2,
            labelTextSize=f"{style.BASE_POINT_SIZE * style.scale:.0f}pt",
            brush=pg.mkBrush(255, 255, 255, 220),
        )
        self.legend.setParentItem(self.view_box)
        self.legend.anchor(itemPos=(0.5, 0.0), parentPos=(0.5, 0.0), offset=(0, 4))
        self.y1_curve = item.plot(
            P_GRID,
            losses.binary_cross_entropy_prob(P_GRID, 1.0),
            pen=style.pen(style.OKABE_ITO["sky"], 2.5, Qt.PenStyle.DashLine),
        )
        self.y0_curve = item.plot(
            P_GRID,
            losses.binary_cross_entropy_prob(P_GRID, 0.0),
            pen=style.pen(style.OKABE_ITO["sky"], 2.5, Qt.PenStyle.DotLine),
        )
        self.ce_curve = item.plot(pen=style.pen(style.CE, 5))
        self.mse_curve = item.plot(pen=style.pen(style.MSE, 3))
        self.guide = pg.InfiniteLine(
            angle=90, pen=style.pen(style.NEUTRAL, 1.5, Qt.PenStyle.DotLine)
        )
        item.addItem(self.guide)
        self.mse_marker = pg.ScatterPlotItem(size=16, pen=style.pen("#ffffff", 2), brush=style.MSE)
        self.ce_marker = pg.ScatterPlotItem(size=20, pen=style.pen("#ffffff", 2), brush=style.CE)
        item.addItem(self.mse_marker)
        item.addItem(self.ce_marker)
        for curve in (self.ce_curve, self.mse_curve):
            self.legend.addItem(curve, "")
        # seed 003's two one-sided curves are labelled where they climb
        self.y1_label = pg.TextItem(color=style.OKABE_ITO["sky"], anchor=(0.0, 1.0))
        self.y1_label.setPos(0.06, 3.4)
        self.y0_label = pg.TextItem(color=style.OKABE_ITO["sky"], anchor=(1.0, 1.0))
        self.y0_label.setPos(0.88, 2.4)
        for label in (self.y1_label, self.y0_label):
            label.setFont(style.font(style.BASE_POINT_SIZE, bold=True))
            item.addItem(label)

        self.readout = QLabel()
        self.readout.setObjectName("probability_readout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setFont(style.font(style.BASE_POINT_SIZE + 2, bold=True))
        self.note = QLabel()
        self.note.setObjectName("off_scale_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {style.CE}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.note)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------- strings
    def retranslate(self):
        """Set the axis titles, legend entries and readout templates."""
        style.label_axes(
            self.plot, self.tr("ŷ (predicted probability of class 1)"), self.tr("loss L")
        )
        self.legend.getLabel(self.ce_curve).setText(self.tr("cross-entropy (current y)"))
        self.legend.getLabel(self.mse_curve).setText(self.tr("MSE"))
        self.y1_label.setText(self.tr("−log ŷ  (y = 1)"))
        self.y0_label.setText(self.tr("−log(1 − ŷ)  (y = 0)"))
        self._y_hat_template = self.tr("ŷ = σ(z) = {y_hat}")
        self._ce_template = self.tr("cross-entropy = {ce}")
        self._mse_template = self.tr("MSE = {mse}")
        self._note_template = self.tr(
            "▲ The point is above the top of the plot: cross-entropy = {ce} at ŷ = {y_hat}."
        )

    # -------------------------------------------------------------- redraw
    def refresh(self):
        """Redraw for the model's y and move the markers to ŷ = σ(z)."""
        m = self.model
        y = m.y
        if y != self._curve_y:
            self._curve_y = y
            self.ce_curve.setData(P_GRID, losses.binary_cross_entropy_prob(P_GRID, y))
            self.mse_curve.setData(P_GRID, losses.mse_prob(P_GRID, y))
        y_hat, ce, mse = m.y_hat, m.bce, m.mse  # ce from z: exact even where ŷ rounds to 0 or 1
        self.guide.setPos(y_hat)
        self.mse_marker.setData([y_hat], [mse])
        ce_text, y_hat_text = fmt_number(ce), fmt_y_hat(m.z)
        if ce > Y_TOP:
            self.ce_marker.setData([y_hat], [0.97 * Y_TOP], symbol="t1")
            self.note.setText(self._note_template.format(ce=ce_text, y_hat=y_hat_text))
        else:
            self.ce_marker.setData([y_hat], [ce], symbol="o")
            self.note.setText("")
        parts = (
            (style.SIGMOID, self._y_hat_template.format(y_hat=y_hat_text)),
            (style.CE, self._ce_template.format(ce=ce_text)),
            (style.MSE, self._mse_template.format(mse=fmt_number(mse))),
        )
        spans = [f'<span style="color:{c}">{t}</span>' for c, t in parts]
        self.readout.setText(f"{spans[0]}<br>{spans[1]} &nbsp; {spans[2]}")
