"""Calculation: seed 000's four steps with today's numbers, and the PyTorch line."""

from __future__ import annotations

import math
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from lossexplorer import style
from lossexplorer.formatting import MINUS, fmt_fixed, fmt_number
from lossexplorer.panels.base import Panel


def pytorch_line(logits, true_class, temperature) -> str:
    """The equivalent ``F.cross_entropy`` call with the current logits and class."""
    # Python's own minus; a logit that rounds to 0 is written 0.0000, never -0.0000
    values = ", ".join(fmt_fixed(v, 4).replace(MINUS, "-") for v in logits)
    scaled = f" / {temperature:g}" if temperature != 1.0 else ""
    return f"F.cross_entropy(torch.tensor([[{values}]]){scaled}, torch.tensor([{true_class}]))"


class CalculationPanel(Panel):
    """The cross-entropy sum written out step by step, live."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.steps = QLabel()
        self.steps.setObjectName("steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setFont(style.font(style.BASE_POINT_SIZE + 1, scale=self.scale))
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_caption = QLabel()
        self.code = QLabel()
        self.code.setObjectName("code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setWordWrap(True)
        mono = style.font(style.BASE_POINT_SIZE, scale=self.scale)
        mono.setFamily("monospace")
        mono.setStyleHint(mono.StyleHint.Monospace)
        self.code.setFont(mono)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.code_caption)
        layout.addLayout(code_row)
        layout.addStretch(1)
        self.retranslate()
        self.refresh()

    def code_text(self) -> str:
        """The PyTorch snippet for the current state (plain text, runnable)."""
        m = self.model
        return pytorch_line(m.logits, m.true_class, m.temperature)

    def copy_code(self):
        """Put the PyTorch line on the clipboard."""
        QGuiApplication.clipboard().setText(
            "import torch\nimport torch.nn.functional as F\n" + self.code_text() + "\n"
        )

    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the cross-entropy sum written out with today's numbers: "
            "the one-hot label keeps only the true class's term, so the loss is "
            "−log p<sub>true</sub>.</p><p>Below it, the same loss as one line of PyTorch, "
            "with the current logits; Copy puts it on the clipboard to paste into a notebook.</p>"
        )

    def retranslate(self):
        """Captions in the current language."""
        self.code_caption.setText(
            self.tr("The same in PyTorch (softmax, then −log p of the true class):")
        )
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy this line of PyTorch to the clipboard"))

    def refresh(self):
        """Rewrite the four steps and the PyTorch line from the model."""
        self.steps.setText(self.steps_html())
        self.code.setText(escape(self.code_text()))

    def steps_html(self) -> str:
        """Seed 000 section 3's steps as rich text with the current numbers."""
        m = self.model
        probs, k, n = m.probabilities, m.true_class, len(m.probabilities)
        y = [1 if i == k else 0 for i in range(n)]
        i_ = "<i>i</i>"
        y_hat = "<i>ŷ</i>"
        terms1 = " + ".join(
            f"<i>y</i><sub>{i + 1}</sub>·log {y_hat}<sub>{i + 1}</sub>" for i in range(n)
        )
        p_text = [fmt_fixed(v, 3) for v in probs]  # never "−0.000", even for a −0.0
        terms2 = " + ".join(f"{y[i]}·log({p_text[i]})" for i in range(n))
        terms3 = " + ".join(f"log({p_text[i]})" if i == k else "0" for i in range(n))
        ce = m.cross_entropy
        p = p_text[k]
        if math.isinf(ce):
            log_text, result = f"{MINUS}∞", "∞"
        else:
            log_text, result = fmt_number(-ce), fmt_number(ce)
        log_text, result = m.display.shown(log_text), m.display.shown(result)
        label = self.tr("Step {n}")
        sum_text = f"{MINUS}Σ<sub>{i_}</sub> <i>y</i><sub>{i_}</sub> log {y_hat}<sub>{i_}</sub>"
        loss = f"<b style='color:{style.CE}'>{result}</b>"
        rows = [
            (label.format(n=1), f"Loss = {sum_text}"),
            ("", f"= {MINUS}( {terms1} )"),
            (label.format(n=2), f"= {MINUS}( {terms2} )"),
            (label.format(n=3), f"= {MINUS}( {terms3} ) = {MINUS}log({p})"),
            (label.format(n=4), f"log({p}) ≈ {log_text} &nbsp;⇒&nbsp; Loss ≈ {loss}"),
        ]  # fmt: skip
        body = "".join(
            f"<tr><td style='color:#555555'>{a}</td><td>{b.replace('-', MINUS)}</td></tr>"
            for a, b in rows
        )
        return f"<table cellspacing=0 cellpadding=5>{body}</table>"
