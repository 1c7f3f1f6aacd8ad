"""Probabilities: the model's prediction as bars the teacher drags up and down."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from lossexplorer import style
from lossexplorer.draggable import DraggableBars
from lossexplorer.formatting import fmt_fixed
from lossexplorer.i18n import CLASS_NAMES, class_name
from lossexplorer.model import MAX_CLASSES, MIN_CLASSES, NAME_LIMIT
from lossexplorer.panels.base import Panel, literal_mnemonic
from lossexplorer.plotkit import Tag

SNAP = 0.01  # drags snap to whole percent; hold Ctrl for any value


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


class ProbabilitiesPanel(Panel):
    """Draggable probability bars, the true class, and editable class names."""

    SIGNAL = "multiclass_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self._names_shown = None
        self._build_plot()
        true_row = self._build_true_row()
        names_row = self._build_names_row()
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addLayout(true_row)
        layout.addLayout(names_row)
        self.retranslate()
        self.refresh()

    def _build_plot(self):
        """The probability bars, draggable, with their values above them."""
        scale = self.scale
        self.plot = self.make_plot("probabilities_plot")
        self.plot.setMinimumHeight(220)
        item = self.plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        style.set_tick_font(
            item.getAxis("bottom"), style.font(style.BASE_POINT_SIZE + 2, bold=True, scale=scale)
        )
        item.enableAutoRange(False)
        item.setYRange(0.0, 1.12, padding=0)
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
            text.setFont(style.font(style.BASE_POINT_SIZE + 5, bold=True, scale=scale))
            self.plot.addItem(text, ignoreBounds=True)
            self.value_labels.append(text)

    def _build_true_row(self) -> QHBoxLayout:
        """A radio button per class: which one the picture really is."""
        self.true_caption = QLabel()
        self.true_group = QButtonGroup(self)
        self.true_buttons = []
        true_row = QHBoxLayout()
        true_row.addWidget(self.true_caption)
        for i in range(MAX_CLASSES):
            button = QRadioButton()
            button.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=self.scale))
            self.true_group.addButton(button, i)
            self.true_buttons.append(button)
            true_row.addWidget(button)
        true_row.addStretch(1)
        self.true_group.idClicked.connect(self.model.set_true_class)
        return true_row

    def _build_names_row(self) -> QHBoxLayout:
        """A name field per class, and how many classes there are."""
        self.names_caption = QLabel()
        self.name_edits = []
        names_row = QHBoxLayout()
        names_row.addWidget(self.names_caption)
        for i in range(MAX_CLASSES):
            edit = QLineEdit()
            edit.setValidator(NameValidator(edit))
            edit.setMaximumWidth(130)
            edit.editingFinished.connect(lambda i=i: self._rename(i))
            self.name_edits.append(edit)
            names_row.addWidget(edit)
        self.count_caption = QLabel()
        self.count = QSpinBox()
        self.count.setRange(MIN_CLASSES, MAX_CLASSES)
        self.count.valueChanged.connect(self._set_count)
        names_row.addStretch(1)
        names_row.addWidget(self.count_caption)
        names_row.addWidget(self.count)
        return names_row

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
        self._names_shown = None

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
                label.setPos(i, min(probs[i], 1.0) + 0.01)
                label.show()
            else:
                label.hide()
        names = (m.classes, m.true_class)
        if names != self._names_shown:
            self._names_shown = names
            true_template = self.tr("{name} (true)")
            shown_names = [class_name(name) for name in m.classes]
            ticks = [
                (i, true_template.format(name=name) if i == m.true_class else name)
                for i, name in enumerate(shown_names)
            ]
            self.plot.getPlotItem().getAxis("bottom").setTicks([ticks, []])
            self.plot.getPlotItem().setXRange(-0.6, n - 0.4, padding=0)
            for i, (button, edit) in enumerate(
                zip(self.true_buttons, self.name_edits, strict=True)
            ):
                visible = i < n
                button.setVisible(visible)
                edit.setVisible(visible)
                if visible:
                    button.setText(literal_mnemonic(shown_names[i]))  # "R&D" is not Alt+D
                    button.setChecked(i == m.true_class)
                    if edit.text() != shown_names[i]:
                        edit.setText(shown_names[i])
            with QSignalBlocker(self.count):
                self.count.setValue(n)
