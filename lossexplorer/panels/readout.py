"""Loss readout: the current cross-entropy, 1 - p and Brier score, in large type."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from lossexplorer import style
from lossexplorer.display import HIDDEN
from lossexplorer.formatting import fmt_number
from lossexplorer.panels.base import Panel, set_text
from lossexplorer.plotkit import fix_size


class ReadoutPanel(Panel):
    """Three big numbers for the multi-class state, each beside its formula."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        scale = self.scale
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(16)
        self.names = {}
        self.formulas = {}
        self.values = {}
        colours = {"ce": style.CE, "linear": style.LINEAR, "brier": style.BRIER}
        for row, key in enumerate(("ce", "linear", "brier")):
            name = QLabel()
            name.setFont(style.font(style.BASE_POINT_SIZE + 1, bold=True, scale=scale))
            name.setStyleSheet(f"color: {colours[key]}")
            formula = QLabel()
            formula.setFont(style.font(style.BASE_POINT_SIZE + 1, scale=scale))
            formula.setTextFormat(Qt.TextFormat.RichText)
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setFont(style.font(style.BASE_POINT_SIZE * 2.2, bold=True, scale=scale))
            value.setStyleSheet(f"color: {colours[key]}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, row, 0)
            grid.addWidget(formula, row, 1)
            # fixed size (see retranslate): a new number does not re-lay out the panel
            grid.addWidget(value, row, 2, Qt.AlignmentFlag.AlignRight)
            self.names[key], self.formulas[key], self.values[key] = name, formula, value
        self.note = QLabel()
        self.note.setObjectName("infinity_note")
        self.note.setWordWrap(True)
        self.note.setFont(style.font(style.BASE_POINT_SIZE, scale=scale))
        self.note.setStyleSheet(f"color: {style.MSE}")
        grid.addWidget(self.note, 3, 0, 1, 3)
        grid.setRowStretch(4, 1)
        self.retranslate()
        self.refresh()

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
            fix_size(value, "888.888", "∞", HIDDEN)  # −log p ≤ 745.2 for any p > 0
        self.formulas["ce"].setText("−log <i>p</i><sub>true</sub>")
        self.formulas["linear"].setText("1 − <i>p</i><sub>true</sub>")
        self.formulas["brier"].setText(
            "Σ<sub><i>i</i></sub> (<i>p</i><sub><i>i</i></sub> − <i>y</i><sub><i>i</i></sub>)²"
        )

    def refresh(self):
        """Show the model's current readouts."""
        m = self.model
        display = m.display
        ce = m.cross_entropy
        set_text(self.values["ce"], display.shown(fmt_number(ce)))
        set_text(self.values["linear"], display.shown(fmt_number(m.linear_penalty)))
        set_text(self.values["brier"], display.shown(fmt_number(m.brier)))
        if math.isinf(ce) and not display.numbers_hidden:
            self.note.setText(
                self.tr(
                    "p = 0 for the true class: the model has completely ruled out the right "
                    "answer, so the loss is infinite. A model must never do that."
                )
            )
        else:
            self.note.setText(
                self.tr("Numbers hidden: predict the loss, then reveal.")
                if display.numbers_hidden
                else ""
            )
