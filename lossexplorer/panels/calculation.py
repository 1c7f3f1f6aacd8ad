"""Calculation: seed 000's four steps with today's numbers, and the PyTorch line."""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from lossexplorer import style
from lossexplorer.fitting import MinimumForWidth
from lossexplorer.formatting import INFINITY, MINUS, fmt_fixed, fmt_number, infinity_path
from lossexplorer.model import LOGIT_LIMIT
from lossexplorer.panels.base import Panel

NBSP = "&nbsp;"
POWER = "8.88 \u00d7 10\u207b\u2078\u2078"  # the widest tiny loss (p near 1): 10⁻¹⁶
# the widest things step 4 can say: log p and the loss, as ∞, a power of ten, or −log p ≤ 745.2
WIDEST_LOSSES = (
    (f"{MINUS}{INFINITY}", INFINITY),
    (f"{MINUS}{POWER}", POWER),
    (f"{MINUS}888.888", "888.888"),
)


def pytorch_line(logits, true_class, temperature) -> str:
    """The equivalent ``F.cross_entropy`` call with the current logits and class."""
    first, logit_line, class_line, last = pytorch_lines(logits, true_class, temperature)
    return f"{first}{logit_line.strip()} {class_line.strip()[:-1]}{last}"


def pytorch_lines(logits, true_class, temperature) -> list[str]:
    """The same call as ``pytorch_line``, one argument a line, as it is shown.

    Every line break lies inside the call's parentheses, so the lines run
    as they are, copied by hand from the screen; the logits may wrap at
    their commas too.
    """
    # Python's own minus; a logit that rounds to 0 is written 0.0000, never -0.0000
    values = ", ".join(fmt_fixed(v, 4).replace(MINUS, "-") for v in logits)
    scaled = f" / {temperature:g}" if temperature != 1.0 else ""
    return [
        "F.cross_entropy(",
        f"    torch.tensor([[{values}]]){scaled},",
        f"    torch.tensor([{true_class}]),",
        ")",
    ]


class CalculationPanel(MinimumForWidth, Panel):
    """The cross-entropy sum written out step by step, live."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.steps = QLabel()
        self.steps.setObjectName("steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setWordWrap(True)  # at the " + " between terms, never inside one
        self.steps.setFont(style.font(style.BASE_POINT_SIZE + 1, scale=self.scale))
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_caption = QLabel()
        self.code_caption.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("code")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setWordWrap(True)
        mono = style.font(style.BASE_POINT_SIZE, scale=self.scale)
        mono.setFamily("monospace")
        mono.setStyleHint(mono.StyleHint.Monospace)
        self.code.setFont(mono)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_code)
        # the Copy button beside the caption: the code gets the panel's whole width
        self.caption_row = QHBoxLayout()
        self.caption_row.addWidget(self.code_caption, 1)
        self.caption_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(self.caption_row)
        layout.addWidget(self.code)
        layout.addStretch(1)
        # Twins of the steps and the code, never shown: the panel's minimum is
        # measured on the widest numbers these can hold (∞, a power of ten,
        # a logit of −10000), so that no new number needs more room.
        self._steps_twins = [_twin(self.steps) for _ in WIDEST_LOSSES]
        self._code_twin = _twin(self.code)
        self._twins_shown = None
        self._infinity_images = {}
        self.retranslate()
        self.refresh()

    def _update_twins(self):
        m = self.model
        key = (len(m.classes), m.true_class, m.display.numbers_hidden, self.tr("Step {n}"))
        if key == self._twins_shown:
            return
        self._twins_shown = key
        for twin, (log_text, result) in zip(self._steps_twins, WIDEST_LOSSES, strict=True):
            twin.setText(self._steps_html(m.display.shown(log_text), m.display.shown(result)))
        logits = [-LOGIT_LIMIT] * len(m.classes)
        self._code_twin.setText("\n".join(pytorch_lines(logits, m.true_class, 0.123457)))
        self.updateGeometry()

    def _button_room(self) -> int:
        return self.caption_row.spacing() + self.copy_button.sizeHint().width()

    def inner_minimum_width(self) -> int:
        """As narrow as the widest step, term, word or piece of code."""
        return max(
            *(twin.minimumSizeHint().width() for twin in self._steps_twins),
            self.code_caption.minimumSizeHint().width() + self._button_room(),
            self._code_minimum_width(),
        )

    def inner_height_for(self, width) -> int:
        """The steps, the caption and the code wrapped at ``width``."""
        return (
            max(twin.heightForWidth(width) for twin in self._steps_twins)
            + max(
                self.code_caption.heightForWidth(width - self._button_room()),
                self.copy_button.sizeHint().height(),
            )
            + self._code_twin.heightForWidth(width)
            + 3 * self.layout().spacing()
        )

    def _code_minimum_width(self) -> int:
        """The widest piece of code a line may not break inside: an indented first word, a logit."""
        metrics = self.code.fontMetrics()
        pieces = []
        for line in self._code_twin.text().split("\n"):
            words = line.lstrip(" ").split(" ")
            pieces.append(line[: len(line) - len(line.lstrip(" "))] + words[0])
            pieces += words[1:]
        margins = self.code.contentsMargins()
        widest = max(metrics.horizontalAdvance(piece) for piece in pieces)
        return widest + margins.left() + margins.right() + 2 * self.code.margin() + 1

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
        self._update_twins()
        self.steps.setText(self.steps_html())
        m = self.model
        self.code.setText("\n".join(pytorch_lines(m.logits, m.true_class, m.temperature)))

    def steps_html(self) -> str:
        """Seed 000 section 3's steps as rich text with the current numbers."""
        m = self.model
        ce = m.cross_entropy
        if math.isinf(ce):
            log_text, result = f"{MINUS}{INFINITY}", INFINITY
        else:
            log_text, result = fmt_number(-ce), fmt_number(ce)
        return self._steps_html(m.display.shown(log_text), m.display.shown(result))

    def _steps_html(self, log_text, result) -> str:
        """The steps with the loss written as ``result`` (and its log as ``log_text``).

        A line breaks only between the terms of a sum (at " + "), never
        inside a term, a number or a step's name.
        """
        m = self.model
        probs, k, n = m.probabilities, m.true_class, len(m.probabilities)
        y = [1 if i == k else 0 for i in range(n)]
        i_ = "<i>i</i>"
        y_hat = "<i>ŷ</i>"
        terms1 = " + ".join(
            f"<i>y</i><sub>{i + 1}</sub>·log{NBSP}{y_hat}<sub>{i + 1}</sub>" for i in range(n)
        )
        p_text = [fmt_fixed(v, 3) for v in probs]  # never "−0.000", even for a −0.0
        terms2 = " + ".join(f"{y[i]}·log({p_text[i]})" for i in range(n))
        terms3 = " + ".join(f"log({p_text[i]})" if i == k else "0" for i in range(n))
        p = p_text[k]
        label = self.tr("Step {n}")
        sum_text = (
            NBSP.join((f"{MINUS}Σ<sub>{i_}</sub>", f"<i>y</i><sub>{i_}</sub>", f"log{NBSP}{y_hat}"))
            + f"<sub>{i_}</sub>"
        )
        loss = f"<b style='color:{style.CE}'>{result}</b>"
        rows = [
            (label.format(n=1), f"Loss = {sum_text}"),
            ("", f"= {_bracketed(terms1)}"),
            (label.format(n=2), f"= {_bracketed(terms2)}"),
            (label.format(n=3), f"= {_bracketed(terms3)} = {MINUS}log({p})"),
            (label.format(n=4), f"log({p}){NBSP}≈{NBSP}{log_text} {NBSP}⇒{NBSP} {_loss(loss)}"),
        ]  # fmt: skip
        body = "".join(
            f"<tr><td style='color:#555555'>{a.replace(' ', NBSP)}</td>"
            f"<td>{b.replace('-', MINUS)}</td></tr>"
            for a, b in rows
        )
        html = f"<table cellspacing=0 cellpadding=5>{body}</table>"
        if INFINITY in html:
            text_colour = self.steps.palette().color(QPalette.ColorRole.WindowText).name()
            loss, log = self._infinity_html(True, style.CE), self._infinity_html(False, text_colour)
            html = html.replace(f">{INFINITY}</b>", f">{loss.replace(INFINITY, '&#8734;')}</b>")
            html = html.replace(INFINITY, log).replace("&#8734;", INFINITY)
        return html

    def _infinity_html(self, bold: bool, colour: str) -> str:
        """∞ as tall as the digits beside it, standing on the line as they do.

        Rich text can neither lower a glyph nor scale one alone (fonts draw
        ∞ half as tall as a digit, raised to the middle of the line), so it
        is drawn as an image of its outline, sharp at the screen's pixel
        ratio.  The sign itself follows it, a pixel small and transparent, so
        that the text still says ∞ when it is selected, copied or read aloud.
        """
        font = QFont(self.steps.font())
        font.setBold(bold)
        ratio = self.devicePixelRatioF()
        key = (font.key(), colour, ratio)
        if key not in self._infinity_images:
            self._infinity_images[key] = _infinity_image(font, colour, ratio)
        return (
            self._infinity_images[key]
            + f"<span style='font-size:1px; color:transparent'>{INFINITY}</span>"
        )


def _infinity_image(font, colour, ratio) -> str:
    """An ``<img>`` of ∞ as tall as ``font``'s digits, its bottom on the baseline."""
    sign, width = infinity_path(font)
    height = -sign.boundingRect().top()  # from the top of a digit down to the baseline
    image = QImage(
        math.ceil(width * ratio) + 1,
        math.ceil(height * ratio) + 1,
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(ratio, ratio)
    painter.translate(0.0, height)
    painter.fillPath(sign, QColor(colour))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(data.toBase64()).decode("ascii")
    return (
        f"<img src='data:image/png;base64,{png}' "
        f"width='{image.width() / ratio:.2f}' height='{image.height() / ratio:.2f}'>"
    )


def _twin(label: QLabel) -> QLabel:
    """A hidden label that lays out text exactly as ``label`` does: to measure, not to show."""
    twin = QLabel(label)
    twin.setFont(label.font())
    twin.setTextFormat(label.textFormat())
    twin.setWordWrap(label.wordWrap())
    twin.hide()
    return twin


def _loss(value: str) -> str:
    """ "Loss ≈ value", never broken over two lines."""
    return f"Loss{NBSP}≈{NBSP}{value}"


def _bracketed(terms: str) -> str:
    """−( terms ), the brackets held to the first and the last term."""
    return f"{MINUS}({NBSP}{terms}{NBSP})"
