"""Logits and softmax: the same prediction seen before the softmax, with temperature."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from lossexplorer import losses, style
from lossexplorer.draggable import DraggableBars
from lossexplorer.fitting import (
    ClassAxis,
    FlowLayout,
    MinimumForWidth,
    literal_tooltip,
    set_data_minimum,
)
from lossexplorer.formatting import fmt_fixed, fmt_number, fmt_power
from lossexplorer.i18n import cjk_family, class_name
from lossexplorer.model import LOGIT_LIMIT, MAX_CLASSES, TEMPERATURE_RANGE
from lossexplorer.panels.base import GestureSlider, NumberSpinBox, Panel, set_text

VIEW = (-6.0, 6.0)
LOGIT_SNAP = 0.05
# the temperature slider is logarithmic: position k means T = 10^(k / 100)
T_SLIDER = (-100, 100)
MIN_DATA = (100, 70)  # the smallest data area of any plot, in pixels


def _fmt_logit(v):
    return fmt_fixed(v, 2)


class ClassCell(QLabel):
    """A table cell with a class name, elided (…) where narrower than it (``limit`` at least).

    ``text()`` is the whole name, as typed (plain text); only the drawing and
    the size hints use the elided one, so that a long name never widens the
    table.  An elided name has itself whole as its tooltip.
    """

    def __init__(self, limit: float, parent=None):
        super().__init__(parent)
        self.limit = limit
        self.setTextFormat(Qt.TextFormat.PlainText)

    def shown_text(self, width=None) -> str:
        """The text drawn in ``width`` pixels (by default the cell's own)."""
        width = self.contentsRect().width() if width is None else width
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def _size_within(self, limit):
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        full = metrics.horizontalAdvance(self.text())
        shown = metrics.horizontalAdvance(self.shown_text(int(limit)))
        return QSize(hint.width() - full + shown, hint.height())

    def sizeHint(self):
        return self._size_within(2 * self.limit)  # room for more where there is room

    def minimumSizeHint(self):
        return self._size_within(self.limit)

    def setText(self, text):
        super().setText(text)
        elided = self.shown_text(int(self.limit)) != text
        self.setToolTip(literal_tooltip(text) if elided else "")

    def paintEvent(self, event):
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )


class LogitsPanel(MinimumForWidth, Panel):
    """Logit bars and spin boxes, the temperature, and the softmax pipeline in numbers.

    The chart and the pipeline table sit side by side when the panel is wide
    enough for both, else the table goes under the chart.
    """

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self._classes_shown = None
        self._build_plot()
        self.spin_flow = self._build_logit_spins()
        self.t_row = self._build_temperature()
        self._build_pipeline()
        self.top = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.top.setContentsMargins(0, 0, 0, 0)
        self.top.addWidget(self.plot, 1)
        self.top.addWidget(self.pipeline, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top, 1)
        layout.addLayout(self.spin_flow)
        layout.addLayout(self.t_row)
        self.retranslate()
        self.refresh()

    def _build_plot(self):
        """The logit bars, draggable."""
        scale = self.scale
        self.plot = self.make_plot("logits_plot")
        item = self.plot.getPlotItem()
        self.class_axis = ClassAxis(gap=6 * scale)
        item.setAxisItems({"bottom": self.class_axis})
        style.style_axes(self.plot, scale=scale)
        item.showGrid(x=True, y=True, alpha=0.15)
        item.setMouseEnabled(x=False, y=False)
        tick_font = style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=scale)
        style.set_tick_font(self.class_axis, tick_font)
        item.enableAutoRange(False)
        item.setYRange(*VIEW, padding=0)
        item.addLine(y=0.0, pen=style.pen("#444444", 1.5, scale=scale))
        self.bars = DraggableBars(VIEW)
        self.bars.drag_started.connect(self.model.begin_gesture)
        self.bars.dragged.connect(self._dragged)
        self.bars.drag_finished.connect(self.model.end_gesture)
        self.bars.nudged.connect(self._nudged)
        self.plot.addItem(self.bars)

    # ----------------------------------------------------------- sizes
    def _data_minimum(self, n) -> tuple[int, int]:
        """Each class's column wide enough for a name of four letters (longer ones are elided)."""
        axis = self.class_axis
        metrics = QFontMetricsF(axis.style["tickFont"])
        names = [class_name(name) for name in self.model.classes]
        limit = metrics.horizontalAdvance("bird")
        column = max(min(metrics.horizontalAdvance(s), limit) for s in names) + axis.gap
        return int(np.ceil(max(MIN_DATA[0], (n + 0.2) * column))), MIN_DATA[1]

    def _side_by_side_width(self) -> int:
        """The width from which the chart and the table fit side by side."""
        margins = self.layout().contentsMargins()
        return (
            self.plot.minimumWidth()
            + self.top.spacing()
            + self.pipeline.minimumSizeHint().width()
            + margins.left()
            + margins.right()
        )

    def inner_minimum_width(self) -> int:
        """The chart's, the table's or the temperature row's minimum width, the widest."""
        return max(
            self.plot.minimumWidth(),
            self.pipeline.minimumSizeHint().width(),
            self.spin_flow.minimumSize().width(),
            self.t_row.minimumSize().width(),
        )

    def inner_height_for(self, width) -> int:
        """The chart and the table (side by side if they fit), the spin boxes wrapped."""
        pipeline = self.pipeline.minimumSizeHint().height()
        plot = self.plot.minimumHeight()
        margins = self.layout().contentsMargins()
        if width + margins.left() + margins.right() >= self._side_by_side_width():
            top = max(plot, pipeline)
        else:
            top = plot + self.top.spacing() + pipeline
        return (
            top
            + self.spin_flow.heightForWidth(width)
            + self.t_row.minimumSize().height()
            + 2 * self.layout().spacing()
        )

    def resizeEvent(self, event):
        wide = self.width() >= self._side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.top.direction() != direction:
            self.top.setDirection(direction)
            align = Qt.AlignmentFlag.AlignTop if wide else Qt.AlignmentFlag.AlignLeft
            self.top.setAlignment(self.pipeline, align)
        super().resizeEvent(event)

    def _build_logit_spins(self) -> FlowLayout:
        """One spin box per class, to type a logit (wrapping onto more lines when narrow)."""
        self.spins = []
        spin_row = FlowLayout(spacing=round(6 * self.scale))
        self.spin_caption = QLabel()
        spin_row.addWidget(self.spin_caption)
        for i in range(MAX_CLASSES):
            spin = NumberSpinBox()
            spin.setRange(-LOGIT_LIMIT, LOGIT_LIMIT)
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, i=i: self.model.set_logit(i, v))
            self.spins.append(spin)
            spin_row.addWidget(spin)
        return spin_row

    def _build_temperature(self) -> QHBoxLayout:
        """The temperature: a logarithmic slider and a spin box."""
        t_row = QHBoxLayout()
        self.t_caption = QLabel()
        # one drag of the slider is one gesture: one undo step, however far it goes
        self.t_slider = GestureSlider(Qt.Orientation.Horizontal)
        self.t_slider.gesture_started.connect(self.model.begin_gesture)
        self.t_slider.gesture_finished.connect(self.model.end_gesture)
        self.t_slider.setObjectName("temperature_slider")
        self.t_slider.setRange(*T_SLIDER)
        self.t_slider.valueChanged.connect(lambda k: self.model.set_temperature(10.0 ** (k / 100)))
        self.t_spin = NumberSpinBox()
        self.t_spin.setRange(*TEMPERATURE_RANGE)
        self.t_spin.setDecimals(2)
        self.t_spin.setSingleStep(0.1)
        self.t_spin.setKeyboardTracking(False)
        self.t_spin.valueChanged.connect(self.model.set_temperature)
        t_row.addWidget(self.t_caption)
        t_row.addWidget(self.t_slider, 1)
        t_row.addWidget(self.t_spin)
        return t_row

    def _build_pipeline(self):
        """The pipeline z -> z/T -> e^(z/T) -> / sum -> p as a grid of plain labels.

        Plain labels, not a rich-text table: that would be laid out again on
        every drag step.
        """
        self.pipeline = QWidget()
        self.pipeline.setObjectName("pipeline")
        table = QGridLayout(self.pipeline)
        table.setContentsMargins(0, 0, 0, 0)
        table.setHorizontalSpacing(round(10 * self.scale))
        cell_font = style.font(style.BASE_POINT_SIZE + 1, scale=self.scale)
        bold_font = style.font(style.BASE_POINT_SIZE + 1, bold=True, scale=self.scale)
        self.pipeline_title = QLabel()
        self.pipeline_title.setTextFormat(Qt.TextFormat.RichText)
        self.pipeline_title.setFont(cell_font)
        table.addWidget(self.pipeline_title, 0, 0, 1, 5)
        self.headers = []
        for c in range(5):
            header = QLabel()
            header.setTextFormat(Qt.TextFormat.RichText)
            header.setFont(bold_font)
            header.setAlignment(Qt.AlignmentFlag.AlignRight if c else Qt.AlignmentFlag.AlignLeft)
            table.addWidget(header, 1, c)
            self.headers.append(header)
        self.cells = []
        self._row_colours = [None] * MAX_CLASSES
        name_limit = 6 * QFontMetricsF(cell_font).averageCharWidth()
        for i in range(MAX_CLASSES):
            row = []
            for c in range(5):
                cell = QLabel() if c else ClassCell(name_limit)
                # plain text: a class name is shown as typed, never read as markup
                cell.setTextFormat(Qt.TextFormat.PlainText)
                cell.setFont(bold_font if c == 4 else cell_font)
                cell.setAlignment(Qt.AlignmentFlag.AlignRight if c else Qt.AlignmentFlag.AlignLeft)
                table.addWidget(cell, 2 + i, c)
                row.append(cell)
            self.cells.append(row)
        sum_label = QLabel("Σ =")
        sum_label.setFont(cell_font)
        sum_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        table.addWidget(sum_label, 2 + MAX_CLASSES, 2)
        self.sum_cells = []
        for c in (3, 4):
            cell = QLabel()
            cell.setTextFormat(Qt.TextFormat.PlainText)
            cell.setFont(cell_font)
            cell.setAlignment(Qt.AlignmentFlag.AlignRight)
            table.addWidget(cell, 2 + MAX_CLASSES, c)
            self.sum_cells.append(cell)
        table.setRowStretch(3 + MAX_CLASSES, 1)

    # ------------------------------------------------------------ input
    def _dragged(self, i, y, modifiers):
        v = float(np.clip(y, *VIEW))
        if not modifiers & Qt.KeyboardModifier.ControlModifier:
            v = round(v / LOGIT_SNAP) * LOGIT_SNAP
        self.model.set_logit(i, v)

    def _nudged(self, i, steps):
        # a key at the model's limit does nothing (the model would refuse the step)
        old = float(self.model.logits[i])
        new = float(np.clip(round(old + 0.1 * steps, 10), -LOGIT_LIMIT, LOGIT_LIMIT))
        if (new - old) * steps > 0.0:
            self.model.set_logit(i, new)

    # ----------------------------------------------------------- output
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the same prediction before the softmax. A network outputs "
            "logits z; the softmax turns them into probabilities: divide by the temperature T, "
            "take e<sup>z/T</sup>, divide by the sum.</p>"
            "<p><b>Try:</b> drag a logit bar or type a value — the probability bars move too. "
            "Adding the same number to every logit changes nothing. Lower T makes the prediction "
            "sharper, higher T flattens it.</p>"
        )

    def retranslate(self):
        """Set the captions in the current language."""
        self.spin_caption.setText(self.tr("Logits:"))
        self.t_caption.setText(self.tr("Temperature T:"))
        self.t_slider.setToolTip(
            self.tr(
                "The logits are divided by T before the softmax: small T sharpens, big T flattens."
            )
        )
        self.pipeline_title.setText(
            _latin_italics(
                "<i>z</i> → <i>z</i>/<i>T</i> → e<sup><i>z</i>/<i>T</i></sup> → ÷ Σ → <i>p</i>",
                self.pipeline_title.font(),
            )
        )
        headers = (
            self.tr("class"),
            self.tr("logit <i>z</i>"),
            "<i>z</i>/<i>T</i>",
            "e<sup><i>z</i>/<i>T</i></sup>",
            self.tr("÷ Σ = <i>p</i>"),
        )
        for header, text in zip(self.headers, headers, strict=True):
            header.setText(_latin_italics(text, header.font()))
        style.label_axes(self.plot, "", self.tr("logit"), scale=self.scale)
        self._classes_shown = None  # the class names and the axis title follow the language

    def refresh(self):
        """Redraw bars, spin boxes, temperature and pipeline table from the model."""
        m = self.model
        logits, probs, t = m.logits, m.probabilities, m.temperature
        n = len(logits)
        brushes = [style.TRUE_BAR if i == m.true_class else style.CLASS_BAR for i in range(n)]
        self.bars.set_values(logits, brushes)
        if m.classes != self._classes_shown:
            self._classes_shown = m.classes
            self.plot.getPlotItem().setXRange(-0.6, n - 0.4, padding=0)
            self.class_axis.set_classes([class_name(name) for name in m.classes])
            set_data_minimum(self.plot, *self._data_minimum(n))
            self.updateGeometry()
        for i, spin in enumerate(self.spins):
            spin.setVisible(i < n)
            # the spin box shows 2 decimals: set only when what it shows changes
            if i < n and round(spin.value(), 2) != round(logits[i], 2):
                with QSignalBlocker(spin):
                    spin.setValue(logits[i])
        for widget, value in ((self.t_spin, t), (self.t_slider, round(100 * np.log10(t)))):
            if widget.value() != value:  # setValue repaints, even unchanged
                with QSignalBlocker(widget):
                    widget.setValue(value)
        self._update_pipeline(m.classes, logits, probs, t, m.true_class)

    def _update_pipeline(self, classes, logits, probs, t, true_class):
        scaled = logits / t
        # e^(z/T) and their sum in log10, so that big logits never overflow
        top = scaled.max()
        log10_e = scaled / losses.LN10
        log10_sum = (top + np.log(np.exp(scaled - top).sum())) / losses.LN10
        n = len(classes)
        for i, row in enumerate(self.cells):
            texts = (
                class_name(classes[i]),
                _fmt_logit(logits[i]),
                _fmt_logit(scaled[i]),
                _fmt_exp(log10_e[i]),
                fmt_number(probs[i]),
            ) if i < n else ("",) * 5  # fmt: skip
            colour = style.TRUE_BAR if i == true_class else "#111111"
            restyle = self._row_colours[i] != colour
            self._row_colours[i] = colour
            for cell, text in zip(row, texts, strict=True):
                set_text(cell, text)
                cell.setVisible(i < n)
                if restyle:
                    cell.setStyleSheet(f"color: {colour}")
        set_text(self.sum_cells[0], _fmt_exp(log10_sum))
        set_text(self.sum_cells[1], fmt_number(probs.sum()))


def _latin_italics(html: str, font) -> str:
    """``html`` with its italic letters drawn from the first font after a CJK one.

    A CJK font (WenQuanYi Micro Hei) has no italic or bold: Qt slants and
    thickens its letters itself and cuts off the part that leans out.
    """
    families = font.families()
    if len(families) > 1 and families[0] == cjk_family():
        return html.replace("<i>", f"<i style=\"font-family:'{families[1]}'\">")
    return html


def _fmt_exp(log10_value):
    """e^x given as its log10: plain when modest, m × 10ⁿ when huge or tiny."""
    if -3.0 < log10_value < 5.0:
        return fmt_number(10.0**log10_value)
    return fmt_power(1.0, log10_value)
