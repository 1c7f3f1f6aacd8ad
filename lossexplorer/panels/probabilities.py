"""Probabilities: the model's prediction as bars the teacher drags up and down."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from lossexplorer import style
from lossexplorer.draggable import DraggableBars
from lossexplorer.fitting import (
    ClassAxis,
    FlowLayout,
    MinimumForWidth,
    literal_tooltip,
    set_data_minimum,
)
from lossexplorer.formatting import fmt_fixed
from lossexplorer.i18n import CLASS_NAMES, class_name
from lossexplorer.model import MAX_CLASSES, MIN_CLASSES, NAME_LIMIT
from lossexplorer.panels.base import Panel, literal_mnemonic
from lossexplorer.plotkit import Tag

SNAP = 0.01  # drags snap to whole percent; hold Ctrl for any value
Y_TOP = 1.12  # the view's top: room for the value above a bar of 1
TAG_POINTS = (style.BASE_POINT_SIZE + 5, style.BASE_POINT_SIZE - 2)  # value tags: largest, smallest
MIN_DATA = (100, 70)  # the smallest data area of any plot, in pixels


class NameValidator(QValidator):
    """At most the model's ``NAME_LIMIT`` characters, counted as the model counts them.

    ``QLineEdit.setMaxLength`` counts UTF-16 units, so an emoji would count
    twice and a name the model accepts would be cut short in the field.
    Longer input (a paste) is cut to the limit, as ``setMaxLength`` would.
    """

    def validate(self, text, pos):
        if len(text) > NAME_LIMIT:
            text = text[:NAME_LIMIT]
            pos = min(pos, len(text))
        return QValidator.State.Acceptable, text, pos


class ClassRadioButton(QRadioButton):
    """A radio button whose text (a class name) is elided beyond ``limit`` pixels.

    ``text()`` is the whole name; only the drawing and the size hint use
    the elided one, so that a 24-character name never makes the row of
    buttons wider than the panel.
    """

    def __init__(self, limit: float, parent=None):
        super().__init__(parent)
        self.limit = limit

    def shown_text(self) -> str:
        """The text drawn: elided to ``limit`` (an ``&&`` stays one literal ``&``)."""
        plain = self.text().replace("&&", "&")
        elided = self.fontMetrics().elidedText(plain, Qt.TextElideMode.ElideRight, self.limit)
        return literal_mnemonic(elided)

    def is_elided(self) -> bool:
        """Whether the name is drawn shortened."""
        return self.shown_text() != self.text()

    def sizeHint(self):
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        flag = Qt.TextFlag.TextShowMnemonic
        extra = (
            metrics.size(flag, self.text()).width() - metrics.size(flag, self.shown_text()).width()
        )
        return QSize(hint.width() - extra, hint.height())

    def minimumSizeHint(self):
        return self.sizeHint()

    def paintEvent(self, event):
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_RadioButton, option)


class ProbabilitiesPanel(MinimumForWidth, Panel):
    """Draggable probability bars, the true class, and editable class names."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self._names_shown = None
        self._count_shown = None
        self._tag_points = None
        self._tag_height = 0.0
        self._build_plot()
        self.true_flow = self._build_true_row()
        self.names_flow = self._build_names_row()
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addLayout(self.true_flow)
        layout.addLayout(self.names_flow)
        self.retranslate()
        self.refresh()

    def _build_plot(self):
        """The probability bars, draggable, with their values above them."""
        scale = self.scale
        self.plot = self.make_plot("probabilities_plot")
        item = self.plot.getPlotItem()
        self.class_axis = ClassAxis(gap=6 * scale)
        item.setAxisItems({"bottom": self.class_axis})
        style.style_axes(self.plot, scale=scale)
        item.setMouseEnabled(x=False, y=False)
        style.set_tick_font(
            self.class_axis, style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=scale)
        )
        item.enableAutoRange(False)
        item.setYRange(0.0, Y_TOP, padding=0)
        item.showGrid(x=False, y=True, alpha=0.2)
        self.bars = DraggableBars((0.0, 1.0))
        self.bars.drag_started.connect(self.model.begin_gesture)
        self.bars.dragged.connect(self._dragged)
        self.bars.drag_finished.connect(self.model.end_gesture)
        self.bars.nudged.connect(self._nudged)
        self.plot.addItem(self.bars)
        self.value_labels = []
        for _ in range(MAX_CLASSES):
            text = Tag("#111111", anchor=(0.5, 1.0))
            self.plot.addItem(text, ignoreBounds=True)
            self.value_labels.append(text)
        item.getViewBox().sigResized.connect(self._fit_tags)

    def _build_true_row(self) -> FlowLayout:
        """A radio button per class: which one the picture really is."""
        self.true_caption = QLabel()
        self.true_group = QButtonGroup(self)
        self.true_buttons = []
        flow = FlowLayout(spacing=round(6 * self.scale))
        flow.addWidget(self.true_caption)
        font = style.font(style.BASE_POINT_SIZE, bold=True, scale=self.scale)
        limit = 8 * QFontMetricsF(font).averageCharWidth()
        for i in range(MAX_CLASSES):
            button = ClassRadioButton(limit)
            button.setFont(font)
            self.true_group.addButton(button, i)
            self.true_buttons.append(button)
            flow.addWidget(button)
        self.true_group.idClicked.connect(self.model.set_true_class)
        return flow

    def _build_names_row(self) -> FlowLayout:
        """A name field per class, and how many classes there are."""
        self.names_caption = QLabel()
        self.name_edits = []
        flow = FlowLayout(spacing=round(6 * self.scale))
        flow.addWidget(self.names_caption)
        width = round(10 * self.fontMetrics().averageCharWidth())
        for i in range(MAX_CLASSES):
            edit = QLineEdit()
            edit.setValidator(NameValidator(edit))
            edit.setFixedWidth(width)
            edit.editingFinished.connect(lambda i=i: self._rename(i))
            self.name_edits.append(edit)
            flow.addWidget(edit)
        self.count_caption = QLabel()
        self.count = QSpinBox()
        self.count.setRange(MIN_CLASSES, MAX_CLASSES)
        self.count.valueChanged.connect(self._set_count)
        count_box = QWidget()
        count_row = QHBoxLayout(count_box)
        count_row.setContentsMargins(0, 0, 0, 0)
        count_row.addWidget(self.count_caption)
        count_row.addWidget(self.count)
        flow.addWidget(count_box)
        return flow

    # ----------------------------------------------------------- sizes
    def _tag_font(self, points):
        return style.font(points, bold=True, scale=self.scale)

    def _tag_size(self, points) -> tuple[float, float]:
        """The size of a value tag ("0.00" and its padding) at ``points`` (before the scale)."""
        metrics = QFontMetricsF(self._tag_font(points))
        pad = 2 * Tag.PADDING
        return metrics.horizontalAdvance("0.00") + pad, metrics.height() + pad

    def _column_minimum(self) -> float:
        """The narrowest column a class may get: room for its value and its name.

        A name longer than four letters may be elided (its tooltip has it
        whole), and "(true)" may give way to the name; the value never.
        """
        axis = self.class_axis
        metrics = QFontMetricsF(axis.style["tickFont"])
        names = [class_name(name) for name in self.model.classes]
        name = max(
            min(metrics.horizontalAdvance(s), metrics.horizontalAdvance("bird")) for s in names
        )
        return max(self._tag_size(TAG_POINTS[1])[0], name) + axis.gap

    def _data_minimum(self, n) -> tuple[int, int]:
        """The smallest data area: every column its minimum, room for a tag above or in a bar."""
        tag_height = self._tag_size(TAG_POINTS[0])[1]
        width = max(MIN_DATA[0], (n + 0.2) * self._column_minimum())  # the view is n + 0.2 wide
        height = max(MIN_DATA[1], 2.0 * tag_height * Y_TOP + 4)
        return int(np.ceil(width)), int(np.ceil(height))

    def _update_minimum(self, n):
        set_data_minimum(self.plot, *self._data_minimum(n))
        self.updateGeometry()

    def inner_minimum_width(self) -> int:
        """The plot's minimum width, or the widest control's."""
        return max(
            self.plot.minimumWidth(),
            self.true_flow.minimumSize().width(),
            self.names_flow.minimumSize().width(),
        )

    def inner_height_for(self, width) -> int:
        """The plot's minimum height over the two rows of controls wrapped at ``width``."""
        return (
            self.plot.minimumHeight()
            + self.true_flow.heightForWidth(width)
            + self.names_flow.heightForWidth(width)
            + 2 * self.layout().spacing()
        )

    def _fit_tags(self):
        """The largest value-tag font (down to the smallest) whose tags fit their columns."""
        room = self.class_axis.column_width() - self.class_axis.gap
        largest, smallest = TAG_POINTS
        points = smallest
        for candidate in np.arange(largest, smallest, -0.5):
            if self._tag_size(candidate)[0] <= room:
                points = float(candidate)
                break
        if points != self._tag_points:
            self._tag_points = points
            self._tag_height = self._tag_size(points)[1]
            font = self._tag_font(points)
            for tag in self.value_labels:
                tag.setFont(font)
        self._place_tags()
        self.class_axis.place_tips()

    def _place_tags(self):
        """Each value above its bar, or inside its top where the view has no room above."""
        probs = self.model.probabilities
        view_height = self.plot.getPlotItem().getViewBox().height()
        per_unit = view_height / Y_TOP if view_height > 0 else 1.0
        for i, label in enumerate(self.value_labels[: len(probs)]):
            p = min(float(probs[i]), 1.0)
            if (Y_TOP - p - 0.01) * per_unit >= self._tag_height:
                label.setAnchor((0.5, 1.0))
                label.setPos(i, p + 0.01)
            else:
                label.setAnchor((0.5, 0.0))
                label.setPos(i, p - 0.01)

    # ------------------------------------------------------------ input
    def _dragged(self, i, y, modifiers):
        p = float(np.clip(y, 0.0, 1.0))
        if not modifiers & Qt.KeyboardModifier.ControlModifier:
            p = round(p / SNAP) * SNAP
        self.model.set_probability(i, min(p, 1.0))

    def _nudged(self, i, steps):
        old = float(self.model.probabilities[i])
        p = float(np.clip(round(old + steps * SNAP, 10), 0.0, 1.0))
        if (p - old) * steps > 0.0:  # at 0 or 1 a key further out does nothing
            self.model.set_probability(i, p)

    def _rename(self, i):
        edit = self.name_edits[i]
        if edit.text() == class_name(self.model.classes[i]):
            return  # unchanged: a default name stays a default name (shown translated)
        try:
            self.model.set_class_name(i, edit.text())
        except ValueError:
            pass  # an empty name is refused
        shown = class_name(self.model.classes[i])
        if edit.text() != shown:  # refused, or the model trimmed the spaces
            edit.setText(shown)

    def _set_count(self, n):
        names = list(self.model.classes[:n])
        # the default names are model data, shown in the current language by class_name()
        names += CLASS_NAMES[len(names) : n]
        self.model.set_classes(names)

    # ----------------------------------------------------------- output
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the model's prediction for one picture — one bar per class, "
            "the heights add up to 1. The green bar is the true class.</p>"
            "<p><b>Try:</b> drag the true class's bar down towards 0 and watch the cross-entropy "
            "explode, while 1 − p only creeps up to 1. Click a bar and use ↑/↓ for steps of 0.01 "
            "(Shift: 0.1). Choose the true class below, rename the classes, or use up to 6.</p>"
            "<p><b>It shows:</b> only the true class's probability matters for cross-entropy; the "
            "other bars just share what is left.</p>"
        )

    def retranslate(self):
        """Set the captions in the current language."""
        self.true_caption.setText(self.tr("The picture really is a:"))
        self.names_caption.setText(self.tr("Class names:"))
        self.count_caption.setText(self.tr("Classes:"))
        self.plot.setToolTip(
            self.tr(
                "Drag a bar (or click it and press ↑/↓, Shift for bigger steps): the other "
                "bars rescale so the total stays 1. Drags snap to 0.01; hold Ctrl for any value."
            )
        )
        style.label_axes(self.plot, "", self.tr("probability"), scale=self.scale)
        self._names_shown = (
            None  # names and the axis title (the plot's minimum) follow the language
        )

    def refresh(self):
        """Redraw the bars, labels and controls from the model."""
        m = self.model
        probs = m.probabilities
        n = len(probs)
        brushes = [style.TRUE_BAR if i == m.true_class else style.CLASS_BAR for i in range(n)]
        self.bars.set_values(probs, brushes)
        for i, label in enumerate(self.value_labels):
            if i < n:
                label.setText(fmt_fixed(probs[i], 2))
                label.show()
            else:
                label.hide()
        if n != self._count_shown:
            self._count_shown = n
            self.plot.getPlotItem().setXRange(-0.6, n - 0.4, padding=0)
        names = (m.classes, m.true_class)
        if names != self._names_shown:
            self._names_shown = names
            shown_names = [class_name(name) for name in m.classes]
            self.class_axis.set_classes(shown_names, {m.true_class: self.tr("{name} (true)")})
            self._update_minimum(n)
            self._fit_tags()
            for i, (button, edit) in enumerate(
                zip(self.true_buttons, self.name_edits, strict=True)
            ):
                visible = i < n
                button.setVisible(visible)
                edit.setVisible(visible)
                if visible:
                    button.setText(literal_mnemonic(shown_names[i]))  # "R&D" is not Alt+D
                    button.setToolTip(literal_tooltip(shown_names[i]) if button.is_elided() else "")
                    button.setChecked(i == m.true_class)
                    if edit.text() != shown_names[i]:
                        edit.setText(shown_names[i])
            with QSignalBlocker(self.count):
                self.count.setValue(n)
        else:
            self._place_tags()
