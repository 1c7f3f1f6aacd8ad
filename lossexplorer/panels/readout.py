"""Loss readout: the current cross-entropy, 1 - p and Brier score, in large type."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from lossexplorer import style
from lossexplorer.display import HIDDEN
from lossexplorer.fitting import MinimumForWidth
from lossexplorer.formatting import INFINITY, fmt_number, infinity_path
from lossexplorer.panels.base import Panel, set_text
from lossexplorer.plotkit import text_size

NUMBER = "888.888"  # the widest plain value: −log p ≤ 745.2 for any p > 0
# the widest tiny one (a Brier score can be as small as 5e-324), drawn smaller
# to fit the width of NUMBER: a loss near 0 is written as a power of ten
POWER = "8.88 \u00d7 10\u207b\u00b3\u2078\u2078"


class ValueLabel(QLabel):
    """A big number; ∞ is drawn as tall as the digits (fonts draw it half their height)."""

    def infinity_width(self) -> float:
        """The width ∞ takes at the height of the digits, in pixels."""
        return infinity_path(self.font())[1]

    def paintEvent(self, event):
        if self.text() != INFINITY:
            super().paintEvent(event)
            return
        sign, width = infinity_path(self.font())
        # where this label draws its digits: the line centred, right-aligned
        rect = self.contentsRect()
        metrics = QFontMetricsF(self.font())
        baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(rect.right() + 1 - width, baseline)
        painter.fillPath(sign, self.palette().color(self.foregroundRole()))


class ReadoutPanel(MinimumForWidth, Panel):
    """Three big numbers for the multi-class state, each beside its name and formula."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        scale = self.scale
        self.entries = QWidget()
        grid = QGridLayout(self.entries)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        grid.setHorizontalSpacing(round(16 * scale))
        grid.setVerticalSpacing(round(2 * scale))
        self.names = {}
        self.formulas = {}
        self.values = {}
        points = style.BASE_POINT_SIZE * 2.2
        self._value_font = style.font(points, bold=True, scale=scale)
        metrics = QFontMetricsF(self._value_font)
        shrink = metrics.horizontalAdvance(NUMBER) / metrics.horizontalAdvance(POWER)
        self._power_font = style.font(points * shrink, bold=True, scale=scale)
        colours = {"ce": style.CE, "linear": style.LINEAR, "brier": style.BRIER}
        for row, key in enumerate(("ce", "linear", "brier")):
            name = QLabel()
            name.setFont(style.font(style.BASE_POINT_SIZE + 1, bold=True, scale=scale))
            name.setStyleSheet(f"color: {colours[key]}")
            formula = QLabel()
            formula.setFont(style.font(style.BASE_POINT_SIZE + 1, scale=scale))
            formula.setTextFormat(Qt.TextFormat.RichText)
            value = ValueLabel()
            value.setObjectName(f"value_{key}")
            value.setFont(self._value_font)
            value.setStyleSheet(f"color: {colours[key]}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # the name over its formula, the value beside both: narrow enough for half a projector
            grid.addWidget(name, 3 * row, 0, Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(formula, 3 * row + 1, 0, Qt.AlignmentFlag.AlignTop)
            # fixed size (see retranslate): a new number does not re-lay out the panel
            grid.addWidget(value, 3 * row, 1, 2, 1, Qt.AlignmentFlag.AlignRight)
            if row < 2:
                grid.setRowMinimumHeight(3 * row + 2, round(6 * scale))  # between the entries
            self.names[key], self.formulas[key], self.values[key] = name, formula, value
        self.note = QLabel()
        self.note.setObjectName("infinity_note")
        self.note.setWordWrap(True)
        self.note.setFont(style.font(style.BASE_POINT_SIZE, scale=scale))
        self.note.setStyleSheet(f"color: {style.MSE}")
        layout = QVBoxLayout(self)
        layout.addWidget(self.entries)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def _notes(self) -> tuple[str, str]:
        """Every note the panel may show under the numbers."""
        return (
            self.tr(
                "p = 0 for the true class: the model has completely ruled out the right "
                "answer, so the loss is infinite. A model must never do that."
            ),
            self.tr("Numbers hidden: predict the loss, then reveal."),
        )

    def inner_minimum_width(self) -> int:
        """The names, formulas and numbers side by side at their size."""
        return self.entries.minimumSizeHint().width()

    def inner_height_for(self, width) -> int:
        """The numbers, and under them the longest note wrapped at ``width``."""
        metrics = QFontMetrics(self.note.font())
        flags = int(Qt.TextFlag.TextWordWrap)
        note = max(
            metrics.boundingRect(QRect(0, 0, width, 100000), flags, text).height()
            for text in self._notes()
        )
        return self.entries.minimumSizeHint().height() + self.layout().spacing() + note

    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> three ways to score the same prediction.</p>"
            "<p><b>Cross-entropy</b> −log p<sub>true</sub>: what PyTorch's F.cross_entropy "
            "computes. <b>1 − p</b>: the naive penalty. <b>Brier score</b>: the squared distance "
            "between the probabilities and the one-hot label.</p>"
            "<p><b>Try:</b> make the model confidently wrong (p<sub>true</sub> = 0.01). "
            "1 − p barely changes (0.99), −log p jumps to 4.6 — and to ∞ at p = 0.</p>"
        )

    def retranslate(self):
        """Set the labels and formulas in the current language."""
        self.names["ce"].setText(self.tr("Cross-entropy"))
        self.names["linear"].setText(self.tr("Naive penalty"))
        self.names["brier"].setText(self.tr("Brier score"))
        for value in self.values.values():
            value.setFont(self._power_font)
            power = text_size(value, POWER)
            value.setFont(self._value_font)
            number = text_size(value, NUMBER, HIDDEN)
            width = max(power[0], number[0], math.ceil(value.infinity_width()))
            value.setFixedSize(width, max(power[1], number[1]))
        self.formulas["ce"].setText("−log <i>p</i><sub>true</sub>")
        self.formulas["linear"].setText("1 − <i>p</i><sub>true</sub>")
        self.formulas["brier"].setText(
            "Σ<sub><i>i</i></sub> (<i>p</i><sub><i>i</i></sub> − <i>y</i><sub><i>i</i></sub>)²"
        )
        self.updateGeometry()

    def refresh(self):
        """Show the model's current readouts."""
        m = self.model
        display = m.display
        ce = m.cross_entropy
        for key, value in (("ce", ce), ("linear", m.linear_penalty), ("brier", m.brier)):
            text = display.shown(fmt_number(value))
            label = self.values[key]
            font = self._power_font if "\u00d7" in text else self._value_font
            if label.font() != font:
                label.setFont(font)
            set_text(label, text)
        infinite_note, hidden_note = self._notes()
        if math.isinf(ce) and not display.numbers_hidden:
            self.note.setText(infinite_note)
        else:
            self.note.setText(hidden_note if display.numbers_hidden else "")
