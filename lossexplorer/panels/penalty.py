"""Penalty curves: −log p, 1 − p and the Brier penalty against the true class's p."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout

from lossexplorer import losses, style
from lossexplorer.formatting import fmt_number
from lossexplorer.panels.base import Panel
from lossexplorer.plotkit import add_guide, add_live_curve

Y_MAX = 5.0  # the view is clipped here; the data are not
# p of the true class on a grid that is dense near 0, where -log p is steep
# (not np.unique: it imports numpy.ma, a fiftieth of the app's start-up)
P_TRUE_GRID = np.concatenate(
    [np.geomspace(1e-6, 0.02, 300, endpoint=False), np.linspace(0.02, 1.0, 300)]
)
SEED_POINTS = (0.99, 0.5, 0.1, 0.01)  # seed 000's table: 0.01, 0.69, 2.30, 4.61


class PenaltyPanel(Panel):
    """How hard each loss punishes a true-class probability p in (0, 1]."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        scale = self.scale
        self.plot = self.make_plot("penalty_plot")
        item = self.plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.enableAutoRange(False)
        item.setXRange(0.0, 1.0, padding=0.02)
        item.setYRange(0.0, Y_MAX, padding=0.02)
        self.legend = item.addLegend(offset=(-10, 10), labelTextSize=f"{style.BASE_POINT_SIZE}pt")
        self.ce_curve = item.plot(
            P_TRUE_GRID, losses.negative_log(P_TRUE_GRID), pen=style.pen(style.CE, 4, scale=scale)
        )
        self.linear_curve = item.plot(
            P_TRUE_GRID,
            losses.linear_penalty(P_TRUE_GRID),
            pen=style.pen(style.LINEAR, 3, scale=scale),
        )
        self.brier_curve = add_live_curve(item, style.pen(style.BRIER, 3, scale=scale))
        self._build_seed_table(item)
        style.cache(self.ce_curve, self.linear_curve, self.brier_curve)
        self.markers = [self.add_marker(item, c, 18) for c in (style.CE, style.LINEAR, style.BRIER)]
        self.cursor = add_guide(item, style.pen("#333333", 1.5, scale=scale))
        # what is off the top of the chart, said inside the chart
        self.off_scale = pg.TextItem(anchor=(0.0, 0.0), color=style.CE)
        self.off_scale.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
        self.off_scale.setPos(0.04, Y_MAX)
        item.addItem(self.off_scale)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        self._brier = None
        self.retranslate()
        self.refresh()

    def _build_seed_table(self, item):
        """Seed 000's table on the −log p curve: open circles, each with its value."""
        scale = self.scale
        self.seed_points = pg.ScatterPlotItem(
            x=np.array(SEED_POINTS),
            y=losses.negative_log(np.array(SEED_POINTS)),
            size=11,
            brush=pg.mkBrush("w"),
            pen=style.pen(style.CE, 2.5, scale=scale),
        )
        item.addItem(self.seed_points)
        self.seed_labels = []
        for p in SEED_POINTS:
            anchor = (1.1, 1.0) if p > 0.9 else (-0.15, 0.5)  # keep 0.99's label inside
            text = pg.TextItem(
                f"{float(losses.negative_log(p)):.2f}", anchor=anchor, color=style.CE
            )
            text.setFont(style.font(style.BASE_POINT_SIZE - 1, bold=True, scale=scale))
            text.setPos(p, float(losses.negative_log(p)))
            item.addItem(text)
            self.seed_labels.append(text)
        style.cache(self.seed_points, *self.seed_labels)

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

    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the penalty each loss gives as a function of p, the "
            "probability of the true class. The dots are the current prediction; the open circles "
            "are the seed's table (p = 0.99, 0.5, 0.1, 0.01).</p>"
            "<p><b>Try:</b> drag the true bar towards 0. −log p rises without limit; 1 − p and the "
            "Brier score stay below 1 and 2. The chart stops at 5 and says when the dot is above "
            "it.</p><p><b>It shows:</b> cross-entropy punishes confident mistakes far harder.</p>"
        )

    def retranslate(self):
        """Axis titles and legend in the current language."""
        style.label_axes(
            self.plot,
            self.tr("p = probability of the true class"),
            self.tr("penalty"),
            scale=self.scale,
        )
        self.legend.clear()
        self.legend.addItem(self.ce_curve, self.tr("cross-entropy −log p"))
        self.legend.addItem(self.linear_curve, self.tr("naive 1 − p"))
        self.legend.addItem(self.brier_curve, self.tr("Brier score"))
        style.cache_legend(self.legend)

    def refresh(self):
        """Move the markers to the current p and redraw the Brier curve."""
        m = self.model
        p = m.p_true
        brier = self.brier_penalty(P_TRUE_GRID)
        if self._brier is None or not np.array_equal(brier, self._brier):
            self._brier = brier  # unchanged while the true bar is dragged
            self.brier_curve.setData(P_TRUE_GRID, brier)
        ce = m.cross_entropy
        ys = (min(ce, Y_MAX), m.linear_penalty, m.brier)
        for marker, y in zip(self.markers, ys, strict=True):
            marker.setPos(p, y)
        self.cursor.setValue(p)
        hidden = self.model.display.numbers_hidden
        for label in self.seed_labels:
            label.setVisible(not hidden)
        if ce > Y_MAX and not hidden:
            text = (
                self.tr("↑ −log p = ∞, off the top of the chart:\np = 0 can never be forgiven.")
                if math.isinf(ce)
                else self.tr(
                    "↑ −log p = {ce} is off the top of the chart\n(the view stops at {top})."
                )
            )
            self.off_scale.setText(text.format(ce=fmt_number(ce), top=f"{Y_MAX:g}"))
        elif self.off_scale.toPlainText():
            self.off_scale.setText("")
