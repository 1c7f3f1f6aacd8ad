"""The training lesson's controls: play, pause, step, reset and speed; the learning
rate both runs share; the start and its scale; the model.

A change of the learning rate, the start, its scale or the model starts both
runs again from step 0 (one undo step; a slider drag is one).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lossexplorer import style
from lossexplorer.fitting import FlowLayout
from lossexplorer.panels.base import GestureSlider, NumberSpinBox, Panel, set_text
from lossexplorer.parts.training import (
    LEARNING_RATE_RANGE,
    MAX_STEPS,
    MODELS,
    SCALE_RANGE,
    SPEEDS,
    STARTS,
)
from lossexplorer.plotkit import fix_size
from lossexplorer.training_clock import TrainingViewer

SCALE_STEPS = 10  # slider positions per factor of 10 of the start's scale
LOW, HIGH = (round(SCALE_STEPS * math.log10(s)) for s in SCALE_RANGE)


def scale_at(position: int) -> float:
    """The start's scale at a slider position: 10^(position / 10)."""
    return 10.0 ** (position / SCALE_STEPS)


def position_of(scale: float) -> int:
    """The slider position nearest ``scale``."""
    return round(SCALE_STEPS * math.log10(scale))


def scale_text(scale: float) -> str:
    """×0.13, ×1.0, ×13, ×100: two significant digits."""
    digits = 2 if scale < 1 else 1 if scale < 10 else 0
    return f"×{scale:.{digits}f}"


def _group(*widgets) -> QWidget:
    """Widgets kept together on one row of the flow."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for w in widgets:
        row.addWidget(w)
    return box


class TrainingControlsPanel(TrainingViewer, Panel):
    """Play, pause, step, reset, speed; learning rate; start and scale; model."""

    SIGNAL = "training_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self):
        m = self.model
        self.play_button = QPushButton()
        self.play_button.setObjectName("play")
        self.play_button.clicked.connect(lambda: m.set_training_playing(True))
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("pause")
        self.pause_button.clicked.connect(lambda: m.set_training_playing(False))
        self.step_button = QPushButton()
        self.step_button.setObjectName("step")
        self.step_button.clicked.connect(m.step_training)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset")
        self.reset_button.clicked.connect(self.reset)
        self.speed_box = QComboBox()
        self.speed_box.setObjectName("speed")
        self.speed_box.addItems([""] * len(SPEEDS))
        self.speed_box.currentIndexChanged.connect(lambda i: m.set_training_speed(SPEEDS[i]))

        self.lr_caption = QLabel()
        self.lr_spin = NumberSpinBox()
        self.lr_spin.setObjectName("training_learning_rate")
        self.lr_spin.setRange(*LEARNING_RATE_RANGE)
        self.lr_spin.setDecimals(3)
        self.lr_spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(m.set_training_learning_rate)

        self.start_caption = QLabel()
        self.start_box = QComboBox()
        self.start_box.setObjectName("start")
        self.start_box.addItems([""] * len(STARTS))
        self.start_box.currentIndexChanged.connect(lambda i: m.set_training_start(STARTS[i]))
        self.scale_caption = QLabel()
        self.scale_slider = GestureSlider(Qt.Orientation.Horizontal)
        self.scale_slider.setObjectName("scale")
        self.scale_slider.setRange(LOW, HIGH)
        self.scale_slider.setPageStep(SCALE_STEPS // 2)
        self.scale_slider.setMinimumWidth(round(110 * self.scale))
        self.scale_slider.gesture_started.connect(m.begin_gesture)
        self.scale_slider.gesture_finished.connect(m.end_gesture)
        self.scale_slider.valueChanged.connect(lambda v: m.set_training_scale(scale_at(v)))
        self.scale_value = QLabel()
        self.scale_value.setObjectName("scale_value")

        self.model_caption = QLabel()
        self.model_box = QComboBox()
        self.model_box.setObjectName("model")
        self.model_box.addItems([""] * len(MODELS))
        self.model_box.currentIndexChanged.connect(lambda i: m.set_training_model(MODELS[i]))

        self.note = QLabel()
        self.note.setObjectName("training_note")
        self.note.setWordWrap(True)
        for label in (self.lr_caption, self.start_caption, self.scale_caption, self.model_caption):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.scale_value.setTextFormat(Qt.TextFormat.PlainText)

        spacing = round(8 * self.scale)
        self.buttons = FlowLayout(spacing=spacing)
        for group in (
            _group(self.play_button, self.pause_button),
            _group(self.step_button, self.reset_button),
            self.speed_box,
        ):
            self.buttons.addWidget(group)
        self.scale_row = QHBoxLayout()
        self.scale_row.addWidget(self.scale_slider, 1)
        self.scale_row.addWidget(self.scale_value)
        self.lr_row = QHBoxLayout()
        self.lr_row.addWidget(self.lr_spin)
        self.lr_row.addStretch(1)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(spacing)
        self.grid.setColumnStretch(1, 1)
        captions = (self.lr_caption, self.start_caption, self.scale_caption, self.model_caption)
        rows = (self.lr_row, self.start_box, self.scale_row, self.model_box)
        for r, (caption, row) in enumerate(zip(captions, rows, strict=True)):
            self.grid.addWidget(caption, r, 0)
            if isinstance(row, QHBoxLayout):
                self.grid.addLayout(row, r, 1)
            else:
                self.grid.addWidget(row, r, 1, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(self.buttons)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def _captions_width(self) -> int:
        return max(
            c.sizeHint().width()
            for c in (self.lr_caption, self.start_caption, self.scale_caption, self.model_caption)
        )

    def _rows(self):
        """The grid's rows: each caption with its control."""
        return (
            (self.lr_caption, self.lr_spin),
            (self.start_caption, self.start_box),
            (self.scale_caption, self.scale_slider),
            (self.model_caption, self.model_box),
        )

    def _height_for(self, width: int) -> int:
        """The panel's height (inside its margins) at ``width``: the buttons wrapped to fit."""
        layout = self.layout()
        rows = [max(c.sizeHint().height(), w.sizeHint().height()) for c, w in self._rows()]
        grid = sum(rows) + self.grid.verticalSpacing() * (len(rows) - 1)
        return (
            self.buttons.heightForWidth(width)
            + grid
            + 2 * layout.spacing()
            + self._note_height_for(width)
        )

    def _min_width(self) -> int:
        controls = max(
            self.lr_spin.sizeHint().width(),
            self.start_box.sizeHint().width(),
            self.model_box.sizeHint().width(),
            self.scale_slider.minimumWidth() + self.scale_value.width() + 6,
        )
        grid = self._captions_width() + self.grid.horizontalSpacing() + controls
        return max(self.buttons.minimumSize().width(), grid)

    def minimumSizeHint(self):
        """Narrow, but with the buttons on two rows at most (not one button a row)."""
        m = self.layout().contentsMargins()
        width = self._min_width()
        natural = max(width, self.buttons.sizeHint().width())
        row = self.play_button.sizeHint().height() + self.buttons.spacing()
        target = self._height_for(natural) + row
        while width < natural and self._height_for(width) > target:
            width += 8
        return QSize(width + m.left() + m.right(), self._height_for(width) + m.top() + m.bottom())

    def sizeHint(self):
        m = self.layout().contentsMargins()
        width = max(self._min_width(), self.buttons.sizeHint().width())
        return QSize(width + m.left() + m.right(), self._height_for(width) + m.top() + m.bottom())

    def _note_height_for(self, width: int) -> int:
        """The height the longest note needs at ``width``: the panel never grows for one."""
        shown = self.note.text()
        height = 0
        for text in self._notes.values():
            self.note.setText(text.format(name=self._names["mse"], n=MAX_STEPS))
            height = max(height, self.note.heightForWidth(width))
        self.note.setText(shown)
        return height

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the controls of the two runs. Both take plain "
            "gradient-descent steps with the same learning rate from the same start: one on "
            "MSE, one on cross-entropy.</p>"
            "<p><b>Start:</b> small random weights, or <b>confidently wrong</b> ones that "
            "point the wrong way; the scale slider makes them bigger, until the sigmoid "
            "saturates. <b>Model:</b> logistic regression (two classes), softmax (two or "
            "three), or one hidden layer of 8 tanh units, for data no line can separate "
            "(two moons, XOR).</p>"
            "<p><b>Try:</b> confidently wrong, scale 1, Play: cross-entropy is 90% right in a "
            "few steps, MSE needs hundreds. Then drag the scale to 5.</p>"
        )

    def retranslate(self):
        """Set every string; fit the labels to their widest text."""
        self.play_button.setText(self.tr("▶ Play"))
        self.pause_button.setText(self.tr("Pause"))
        self.step_button.setText(self.tr("Step"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Both runs back to step 0"))
        for i, speed in enumerate(SPEEDS):
            text = self.tr("1 step/s") if speed == 1 else self.tr("{0} steps/s").format(speed)
            self.speed_box.setItemText(i, text)
        self.speed_box.setToolTip(self.tr("Speed of the animation, in steps per second"))
        self.lr_caption.setText(self.tr("Learning rate η:"))
        self.lr_spin.setToolTip(self.tr("The same for both runs"))
        self.start_caption.setText(self.tr("Start:"))
        self.start_box.setItemText(STARTS.index("small random"), self.tr("Small random"))
        self.start_box.setItemText(STARTS.index("confidently wrong"), self.tr("Confidently wrong"))
        self.start_box.setToolTip(
            self.tr("Confidently wrong: weights that point the wrong way, as big as the scale says")
        )
        self.scale_caption.setText(self.tr("Scale:"))
        self.scale_slider.setToolTip(
            self.tr("How big the start's weights are: large ones saturate the sigmoid")
        )
        fix_size(self.scale_value, scale_text(0.13), scale_text(100.0), scale_text(1.3))
        self.model_caption.setText(self.tr("Model:"))
        self.model_box.setItemText(MODELS.index("logistic"), self.tr("Logistic (two classes)"))
        self.model_box.setItemText(MODELS.index("softmax"), self.tr("Softmax"))
        self.model_box.setItemText(MODELS.index("hidden"), self.tr("One hidden layer"))
        self._names = {"mse": self.tr("MSE"), "ce": self.tr("Cross-entropy")}
        self._notes = {
            "centres": self.tr(
                "No start is wrong on all these points: it is wrong at the class centres."
            ),
            "random": self.tr("No start is wrong on these points: it is small random."),
            "diverged": self.tr("The {name} run diverged at step {n}: lower the learning rate."),
            "last": self.tr("Step {n} is the last one: Reset to run again."),
        }
        self.buttons.invalidate()

    # -------------------------------------------------------------- redraw
    def refresh(self):
        part = self.model.training
        runs = part.runs
        setup = part.setup
        playing = part.playing
        self.play_button.setEnabled(not playing and runs.can_step)
        self.pause_button.setEnabled(playing)
        self.step_button.setEnabled(not playing and runs.can_step)
        self.reset_button.setEnabled(runs.step > 0 or runs.diverged is not None or playing)
        index = SPEEDS.index(part.speed)
        if self.speed_box.currentIndex() != index:
            with QSignalBlocker(self.speed_box):
                self.speed_box.setCurrentIndex(index)
        if self.lr_spin.value() != setup.learning_rate:
            with QSignalBlocker(self.lr_spin):
                self.lr_spin.setValue(setup.learning_rate)
        for box, value, values in (
            (self.start_box, setup.start, STARTS),
            (self.model_box, setup.model, MODELS),
        ):
            if box.currentIndex() != values.index(value):
                with QSignalBlocker(box):
                    box.setCurrentIndex(values.index(value))
        logistic = self.model_box.model().item(MODELS.index("logistic"))
        logistic.setEnabled(setup.classes == 2)  # birds need softmax
        position = position_of(setup.scale)
        if self.scale_slider.value() != position:
            with QSignalBlocker(self.scale_slider):
                self.scale_slider.setValue(position)
        set_text(self.scale_value, scale_text(setup.scale))
        set_text(self.note, self._note())
        self.note.setVisible(bool(self.note.text()))

    def _note(self) -> str:
        runs = self.model.training.runs
        if runs.diverged is not None:
            return self._notes["diverged"].format(name=self._names[runs.diverged], n=runs.step)
        if runs.step >= MAX_STEPS:
            return self._notes["last"].format(n=MAX_STEPS)
        if runs.note is not None and runs.setup.start == "confidently wrong":
            return self._notes[runs.note]
        return ""

    # --------------------------------------------------------------- input
    def reset(self):
        """Pause, and put both runs back at step 0."""
        self.model.set_training_playing(False)
        self.model.reset_training()
