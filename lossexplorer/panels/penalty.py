"""Penalty curves: −log p, 1 − p and the Brier penalty against the true class's p."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout

from lossexplorer import losses, style
from lossexplorer.formatting import fmt_number
from lossexplorer.panels.base import Panel

Y_MAX = 5.0  # the view is clipped here; the data are not
# p on a grid that is dense near 0, where -log p is steep
P_GRID = np.unique(np.concatenate([np.geomspace(1e-6, 0.02, 300), np.linspace(0.02, 1.0, 300)]))
SEED_POINTS = (0.99, 0.5, 0.1, 0.01)  # seed 000's table: 0.01, 0.69, 2.30, 4.61


class PenaltyPanel(Panel):
    """How hard each loss punishes a true-class probability p in (0, 1]."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.plot = pg.PlotWidget()
        style.style_plot(self.plot)
        item = self.plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.enableAutoRange(False)
        item.setXRange(0.0, 1.0, padding=0.02)
        item.setYRange(0.0, Y_MAX, padding=0.02)
        self.legend = item.addLegend(offset=(-10, 10), labelTextSize=f"{style.BASE_POINT_SIZE}pt")
        self.ce_curve = item.plot(P_GRID, losses.negative_log(P_GRID), pen=style.pen(style.CE, 4))
        self.linear_curve = item.plot(
            P_GRID, losses.linear_penalty(P_GRID), pen=style.pen(style.LINEAR, 3)
        )
        self.brier_curve = item.plot(pen=style.pen(style.BRIER, 3))
        self.seed_points = pg.ScatterPlotItem(
            x=np.array(SEED_POINTS),
            y=losses.negative_log(np.array(SEED_POINTS)),
            size=11,
            brush=pg.mkBrush("w"),
            pen=style.pen(style.CE, 2.5),
        )
        item.addItem(self.seed_points)
        self.seed_labels = []
        for p in SEED_POINTS:
            anchor = (1.1, 1.0) if p > 0.9 else (-0.15, 0.5)  # keep 0.99's label inside
            text = pg.TextItem(f"{float(losses.negative_log(p)):.2f}", anchor=anchor, color=style.CE)
            text.setFont(style.font(style.BASE_POINT_SIZE - 1, bold=True))
            text.setPos(p, float(losses.negative_log(p)))
            item.addItem(text)
            self.seed_labels.append(text)
        self.markers = pg.ScatterPlotItem(size=18, pen=pg.mkPen("k", width=2))
        item.addItem(self.markers)
        self.cursor = pg.InfiniteLine(angle=90, pen=style.pen("#333333", 1.5))
        item.addItem(self.cursor)
        self.off_scale = QLabel()
        self.off_scale.setObjectName("off_scale")
        self.off_scale.setWordWrap(True)
        self.off_scale.setStyleSheet(f"color: {style.CE}; font-weight: bold")
        self.readout = QLabel()
        self.readout.setObjectName("penalty_readout")
        self.readout.setFont(style.font(style.BASE_POINT_SIZE + 1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.off_scale)
        self.retranslate()
        self.refresh()

    def brier_penalty(self, p):
        """Brier score as a function of p_true, the other classes in today's ratio.

        Dragging the true class's bar moves along exactly this curve.
        """
        probs = self.model.probabilities
        others = np.delete(probs, self.model.true_class)
        rest = others.sum()
        share = others / rest if rest > 0 else np.full(len(others), 1.0 / len(others))
        q = 1.0 - np.asarray(p)
        return q * q * (1.0 + np.sum(share * share))

    def retranslate(self):
        """Axis titles and legend in the current language."""
        style.label_axes(
            self.plot, self.tr("p = probability of the true class"), self.tr("penalty")
        )
        self.legend.clear()
        self.legend.addItem(self.ce_curve, self.tr("cross-entropy −log p"))
        self.legend.addItem(self.linear_curve, self.tr("naive 1 − p"))
        self.legend.addItem(self.brier_curve, self.tr("Brier score"))

    def refresh(self):
        """Move the markers to the current p and redraw the Brier curve."""
        m = self.model
        p = m.p_true
        self.brier_curve.setData(P_GRID, self.brier_penalty(P_GRID))
        ce = m.cross_entropy
        ys = [min(ce, Y_MAX), m.linear_penalty, m.brier]
        colours = (style.CE, style.LINEAR, style.BRIER)
        self.markers.setData(
            x=[p, p, p], y=ys, brush=[pg.mkBrush(c) for c in colours],
            symbol=["t1" if ce > Y_MAX else "o", "o", "o"],
        )  # fmt: skip
        self.cursor.setValue(p)
        self.readout.setText(
            self.tr("p = {p}:   −log p = {ce},   1 − p = {lin},   Brier = {brier}").format(
                p=fmt_number(p), ce=fmt_number(ce), lin=fmt_number(m.linear_penalty),
                brier=fmt_number(m.brier),
            )
        )  # fmt: skip
        if ce > Y_MAX:
            text = (
                self.tr("−log p = ∞ is off the top of the chart: p = 0 can never be forgiven.")
                if math.isinf(ce)
                else self.tr("−log p = {ce} is off the top of the chart (the view stops at {top}).")
            )
            self.off_scale.setText(text.format(ce=fmt_number(ce), top=f"{Y_MAX:g}"))
        else:
            self.off_scale.setText("")
