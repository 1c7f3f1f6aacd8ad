"""Penalty curves: −log p, 1 − p and the Brier penalty against the true class's p."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QVBoxLayout

from lossexplorer import losses, style
from lossexplorer.fitting import MinimumForWidth, set_data_minimum
from lossexplorer.formatting import fmt_number
from lossexplorer.panels.base import Panel
from lossexplorer.plotkit import add_guide, add_live_curve

Y_MAX = 5.0  # the view is clipped here; the data are not
X_VIEW = (-0.02, 1.02)  # p in [0, 1], padded
Y_VIEW = (-0.1, Y_MAX + 0.1)
MIN_DATA = (100, 70)  # the smallest data area of any plot, in pixels
LEGEND_OFFSET = 10  # pixels between the legend and the top right corner
GAP = 4  # pixels between two texts, at scale 1
# p of the true class on a grid that is dense near 0, where -log p is steep
# (not np.unique: it imports numpy.ma, a fiftieth of the app's start-up)
P_TRUE_GRID = np.concatenate(
    [np.geomspace(1e-6, 0.02, 300, endpoint=False), np.linspace(0.02, 1.0, 300)]
)
SEED_POINTS = (0.99, 0.5, 0.1, 0.01)  # seed 000's table: 0.01, 0.69, 2.30, 4.61


class PenaltyPanel(MinimumForWidth, Panel):
    """How hard each loss punishes a true-class probability p in (0, 1]."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        scale = self.scale
        self.plot = self.make_plot("penalty_plot")
        item = self.plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.enableAutoRange(False)
        item.setXRange(*X_VIEW, padding=0)
        item.setYRange(*Y_VIEW, padding=0)
        self.legend = item.addLegend(
            offset=(-LEGEND_OFFSET, LEGEND_OFFSET),
            labelTextSize=style.points_css(style.BASE_POINT_SIZE, scale),
        )
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
        # what is off the top of the chart, said inside the chart, under the legend
        self.off_scale = pg.TextItem(
            anchor=(1.0, 0.0), color=style.CE, fill=pg.mkBrush(255, 255, 255, 210)
        )
        self.off_scale.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
        item.addItem(self.off_scale, ignoreBounds=True)
        item.getViewBox().sigResized.connect(self._place_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        self._brier = None
        self._note_sizes = {}  # (text, width): the note's size, measured once
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
        set_data_minimum(self.plot, *self._data_minimum())
        self.updateGeometry()

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
            self._set_note(text.format(ce=fmt_number(ce), top=f"{Y_MAX:g}"))
        elif self.off_scale.toPlainText():
            self._set_note("")

    # ------------------------------------------------------------ placing
    def _notes(self) -> tuple[str, str]:
        """The longest notes the chart may show about a point off its top."""
        return (
            self.tr("↑ −log p = ∞, off the top of the chart:\np = 0 can never be forgiven."),
            self.tr(
                "↑ −log p = {ce} is off the top of the chart\n(the view stops at {top})."
            ).format(ce=fmt_number(745.133), top=f"{Y_MAX:g}"),
        )

    def _note_size(self, text, width=None) -> tuple[float, float]:
        """The note's box with ``text``: unwrapped, or wrapped to ``width`` pixels."""
        key = (text, None if width is None else round(width, 1))
        if key not in self._note_sizes:
            if len(self._note_sizes) > 256:  # the note's number changes on every step of a drag
                self._note_sizes.clear()
            doc = QTextDocument()
            doc.setDocumentMargin(self.off_scale.textItem.document().documentMargin())
            doc.setDefaultFont(self.off_scale.textItem.font())
            doc.setPlainText(text)
            if width is not None:
                doc.setTextWidth(width)
            size = doc.size()  # margins included
            self._note_sizes[key] = size.width(), size.height()
        return self._note_sizes[key]

    def _texts_at(self, width, height, note=None) -> tuple[dict, QRectF | None]:
        """Where the legend and seed labels sit in a data area of ``width`` × ``height``.

        Also where the ``note`` text would go: right-aligned under the legend,
        wrapped to the room right of the steep part of −log p (and of its
        labels), or None when there is no room for its longest word.
        """
        (x0, x1), (y0, y1) = X_VIEW, Y_VIEW

        def px(p, v):
            return (p - x0) / (x1 - x0) * width, (y1 - v) / (y1 - y0) * height

        rects = {}
        for p, label in zip(SEED_POINTS, self.seed_labels, strict=True):
            size = label.textItem.boundingRect()
            x, y = px(p, float(losses.negative_log(p)))
            ax, ay = label.anchor
            rects[p] = QRectF(
                x - ax * size.width(), y - ay * size.height(), size.width(), size.height()
            )
        legend = self.legend.boundingRect()
        rects["legend"] = QRectF(
            width - LEGEND_OFFSET - legend.width(), LEGEND_OFFSET, legend.width(), legend.height()
        )
        if not note:
            return rects, None
        gap = GAP * self.scale
        left = self._free_left(rects, px(0.15, 0.0)[0])
        right = width - LEGEND_OFFSET
        natural, _ = self._note_size(note)
        room = min(natural, right - left)
        longest = max(self._note_size(word)[0] for word in note.split())
        if room < longest:
            return rects, None
        _, height = self._note_size(note, room)
        top = rects["legend"].bottom() + gap
        return rects, QRectF(right - room, top, room, height)

    def _free_left(self, rects, steep) -> float:
        """Where the room right of the steep part of −log p and its two top labels begins."""
        return max(rects[0.1].right(), rects[0.01].right(), steep) + GAP * self.scale

    def _fits(self, width, height) -> bool:
        """Whether every text, and the longest notes, fit a data area of this size.

        The legend and the note keep right of the labels by the steep part of
        −log p, so that no taller data area brings those under them.
        """
        for note in self._notes():
            rects, box = self._texts_at(width, height, note)
            if box is None:
                return False
            steep = (0.15 - X_VIEW[0]) / (X_VIEW[1] - X_VIEW[0]) * width
            if rects["legend"].left() < self._free_left(rects, steep):
                return False
            shown = [r for key, r in rects.items() if key != "legend"] + [rects["legend"], box]
            if box.bottom() > height:
                return False
            for i, a in enumerate(shown):
                for b in shown[i + 1 :]:
                    if a.intersects(b):
                        return False
        return True

    def _data_minimum(self) -> tuple[int, int]:
        """The smallest data area in which no text runs into another, whatever the note says."""

        def least(start, fits) -> int:
            size, step = start, 32  # in big steps, then back in small ones
            while not fits(size) and size < 4000:
                size += step
            while step > 2:
                step //= 2
                if size - step >= start and fits(size - step):
                    size -= step
            return size

        width = least(MIN_DATA[0], lambda w: self._fits(w, 10000))
        return width, least(MIN_DATA[1], lambda h: self._fits(width, h))

    def _set_note(self, text):
        if text != self.off_scale.toPlainText():
            self.off_scale.setText(text)
            self._place_note()

    def _place_note(self):
        """Put the note under the legend, wrapped to the room the chart leaves it."""
        text = self.off_scale.toPlainText()
        if not text:
            return
        view = self.plot.getPlotItem().getViewBox()
        width, height = view.width(), view.height()
        _, box = self._texts_at(width, height, text)
        if box is None:  # smaller than its minimum: at least keep it inside
            box = QRectF(0.0, 0.0, width, height)
        self.off_scale.setTextWidth(box.width())
        (x0, x1), (y0, y1) = view.viewRange()
        self.off_scale.setPos(
            x0 + box.right() / width * (x1 - x0), y1 - box.top() / height * (y1 - y0)
        )

    def inner_minimum_width(self) -> int:
        """The plot's minimum width: its data area (see ``_data_minimum``) and its axes."""
        return self.plot.minimumWidth()

    def inner_height_for(self, width) -> int:
        """The plot's minimum height, whatever the width."""
        return self.plot.minimumHeight()
