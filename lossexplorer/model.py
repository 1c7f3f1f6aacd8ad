"""The one shared state of lossexplorer: ``ExplorerModel``.

Panels never talk to each other.  They call a setter here; the setter has
the part that owns the field (``lossexplorer.parts``) check the request,
applies it, and emits ``changed`` once, after the part's own signal
(``multiclass_changed``, ``binary_changed`` or ``training_changed``, so that
a panel can skip work that does not concern it); every panel then redraws
from the model, and can ask ``last_change`` which fields that was.

The training runs moving on (a tick of the animation, the Step button) and
play/pause are progress, not edits: they emit ``training_progressed`` alone,
not ``training_changed`` nor ``changed``, so they are not undo steps.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from lossexplorer import losses
from lossexplorer.display import DisplaySettings
from lossexplorer.parts import BinaryPart, MulticlassPart, checks
from lossexplorer.parts.binary import DEFAULT_Z, LEARNING_RATE_RANGE, Z_LIMIT
from lossexplorer.parts.checks import NAME_LIMIT
from lossexplorer.parts.multiclass import (
    AGREEMENT,
    DEFAULT_CLASSES,
    DEFAULT_PROBABILITIES,
    LOGIT_LIMIT,
    MAX_CLASSES,
    MIN_CLASSES,
    TEMPERATURE_RANGE,
    logits_for,
)
from lossexplorer.parts.training import TrainingPart
from lossexplorer.training_clock import TrainingClock

__all__ = [
    "AGREEMENT",
    "DEFAULT_CLASSES",
    "DEFAULT_PROBABILITIES",
    "DEFAULT_Z",
    "LEARNING_RATE_RANGE",
    "LOGIT_LIMIT",
    "MAX_CLASSES",
    "MIN_CLASSES",
    "NAME_LIMIT",
    "TEMPERATURE_RANGE",
    "Z_LIMIT",
    "ExplorerModel",
    "default_state",
]


def default_state() -> dict:
    """The state a new model starts in, as ``ExplorerModel.state()`` gives it."""
    probs = np.array(DEFAULT_PROBABILITIES)
    return {
        "classes": list(DEFAULT_CLASSES),
        "logits": [float(v) for v in logits_for(probs, 1.0)],
        "probabilities": list(DEFAULT_PROBABILITIES),
        "temperature": 1.0,
        "true_class": 0,
        "z": DEFAULT_Z,
        "y": 1.0,
        "learning_rate": 1.0,
        **TrainingPart().state(),
    }


class ExplorerModel(QObject):
    """The shared state, made of parts: a multi-class prediction, a binary logit/label
    and the training lesson.

    Multi-class part (``self.multiclass``): ``classes`` (names), ``logits``,
    ``temperature``, ``probabilities`` = softmax(logits / temperature) and
    ``true_class``.  Binary part (``self.binary``): the logit ``z``, the label
    ``y`` in [0, 1] and the ``learning_rate`` of the gradient-descent race.
    Training part (``self.training``, see ``parts.training``): the points and
    labels, the model, start, scale and learning rate, and the two runs (MSE
    and cross-entropy) that ``training_clock`` steps while they play.
    Every setter raises ``ValueError`` for bad input and then leaves the
    state exactly as it was.
    """

    changed = Signal()
    multiclass_changed = Signal()
    binary_changed = Signal()
    training_changed = Signal()  # the data, a setting or the runs as a whole
    training_progressed = Signal()  # the runs moved on a step, or play/pause: no undo step

    def __init__(self, parent=None):
        super().__init__(parent)
        self.multiclass = MulticlassPart()
        self.binary = BinaryPart()
        self.training = TrainingPart()
        self._parts = (self.multiclass, self.binary, self.training)
        self._last_change = frozenset()
        self._gesture = 0
        self._gesture_active = False
        self.display = DisplaySettings(self)
        self.training_clock = TrainingClock(self)

    # ------------------------------------------------------------- gestures
    def begin_gesture(self) -> None:
        """A drag or slider move starts: its changes form one undo step."""
        self._gesture += 1
        self._gesture_active = True

    def end_gesture(self) -> None:
        """The drag or slider move that began with ``begin_gesture`` is over."""
        self._gesture_active = False

    @property
    def gesture(self) -> int | None:
        """An id shared by every change of the current gesture, else None."""
        return self._gesture if self._gesture_active else None

    @property
    def last_change(self) -> frozenset[str]:
        """The names of the fields the latest change changed (as in ``state()``)."""
        return self._last_change

    # ----------------------------------------------------------------- state
    @property
    def classes(self) -> tuple[str, ...]:
        """The class names, in bar order."""
        return self.multiclass.classes

    @property
    def probabilities(self) -> np.ndarray:
        """The predicted probabilities (a read-only array that sums to 1)."""
        return checks.readonly(self.multiclass.probabilities)

    @property
    def logits(self) -> np.ndarray:
        """The logits (read-only); probabilities = softmax(logits / temperature)."""
        return checks.readonly(self.multiclass.logits)

    @property
    def temperature(self) -> float:
        """The softmax temperature that divides the logits."""
        return self.multiclass.temperature

    @property
    def true_class(self) -> int:
        """Index of the true class in ``classes``."""
        return self.multiclass.true_class

    @property
    def z(self) -> float:
        """The binary logit."""
        return self.binary.z

    @property
    def y(self) -> float:
        """The binary label, a float in [0, 1]."""
        return self.binary.y

    @property
    def learning_rate(self) -> float:
        """The learning rate of the gradient-descent race."""
        return self.binary.learning_rate

    @property
    def p_true(self) -> float:
        """The probability of the true class."""
        return float(self.multiclass.probabilities[self.multiclass.true_class])

    @property
    def y_hat(self) -> float:
        """The binary prediction sigmoid(z)."""
        return self.binary.y_hat

    # -------------------------------------------------------------- readouts
    @property
    def cross_entropy(self) -> float:
        """Multi-class cross-entropy -log p_true (inf when p_true = 0)."""
        return float(losses.negative_log(self.p_true))

    @property
    def linear_penalty(self) -> float:
        """The naive penalty 1 - p_true."""
        return float(losses.linear_penalty(self.p_true))

    @property
    def brier(self) -> float:
        """Brier score: sum of squared differences to the one-hot label."""
        m = self.multiclass
        return float(losses.brier_score(m.probabilities, m.true_class))

    @property
    def cross_entropy_grad(self) -> np.ndarray:
        """d cross-entropy / d logits (before the temperature)."""
        m = self.multiclass
        g = losses.cross_entropy_grad(m.logits / m.temperature, m.true_class)
        return checks.readonly(np.asarray(g) / m.temperature)

    @property
    def bce(self) -> float:
        """Binary cross-entropy at (z, y)."""
        return self.binary.at_z_y("bce", losses.binary_cross_entropy)

    @property
    def mse(self) -> float:
        """0.5 (y - sigmoid(z))^2 at (z, y)."""
        return self.binary.at_z_y("mse", losses.mse)

    @property
    def bce_grad(self) -> float:
        """d bce / dz at (z, y)."""
        return self.binary.at_z_y("bce_grad", losses.binary_cross_entropy_grad)

    @property
    def mse_grad(self) -> float:
        """d mse / dz at (z, y)."""
        return self.binary.at_z_y("mse_grad", losses.mse_grad)

    # --------------------------------------------------------------- setters
    def set_probability(self, i, p) -> None:
        """Set class ``i`` to probability ``p``; the others keep their ratios.

        If the other classes are all 0 they share 1 - p equally.  The logits
        follow from where they were, so that a drag moves them smoothly.
        """
        self._commit(multiclass=self.multiclass.probability_change(i, p))

    def set_probabilities(self, values) -> None:
        """Set every probability at once (finite, in [0, 1], summing to 1).

        The logits are those of a fresh start (mean 0), whatever came before.
        """
        self._commit(multiclass=self.multiclass.probabilities_change(values))

    def set_logits(self, values) -> None:
        """Set the logits; the probabilities follow the softmax."""
        self._commit(multiclass=self.multiclass.logits_change(values))

    def set_logit(self, i, value) -> None:
        """Set one logit."""
        self._commit(multiclass=self.multiclass.logit_change(i, value))

    def set_temperature(self, t) -> None:
        """Set the temperature that divides the logits before the softmax."""
        self._commit(multiclass=self.multiclass.temperature_change(t))

    def set_true_class(self, i) -> None:
        """Choose the true class by index."""
        self._commit(multiclass=self.multiclass.true_class_change(i))

    def set_class_name(self, i, name) -> None:
        """Rename class ``i`` (a non-empty name of at most 24 characters)."""
        self._commit(multiclass=self.multiclass.class_name_change(i, name))

    def set_classes(self, names) -> None:
        """Replace the class names; a new count keeps the prediction: each new class gets
        5 %, the others keep their ratios; a removed class's share goes to the rest."""
        self._commit(multiclass=self.multiclass.classes_change(names))

    def set_z(self, z) -> None:
        """Set the binary logit z (|z| <= 1000)."""
        self._commit(binary=self.binary.z_change(z))

    def set_y(self, y) -> None:
        """Set the binary label y in [0, 1]."""
        self._commit(binary=self.binary.y_change(y))

    def set_learning_rate(self, lr) -> None:
        """Set the learning rate of the gradient-descent race."""
        self._commit(binary=self.binary.learning_rate_change(lr))

    # -------------------------------------------------------------- training
    def set_training_points(self, points, labels) -> None:
        """Replace the training data: points (n × 2) and labels (0 cat, 1 dog, 2 bird).

        Both runs start again; a bird under the logistic model makes it softmax.
        """
        self._commit(training=self.training.points_change(points, labels))

    def set_training_preset(self, name) -> None:
        """Replace the training data by a preset (``parts.training.PRESETS``)."""
        self._commit(training=self.training.preset_change(name))

    def add_training_point(self, x1, x2, label) -> None:
        """Add a point of class ``label`` at (x1, x2); both runs start again."""
        self._commit(training=self.training.add_point_change(x1, x2, label))

    def move_training_point(self, i, x1, x2) -> None:
        """Move point ``i`` to (x1, x2); both runs start again."""
        self._commit(training=self.training.move_point_change(i, x1, x2))

    def delete_training_point(self, i) -> None:
        """Delete point ``i`` (not the last one); both runs start again."""
        self._commit(training=self.training.delete_point_change(i))

    def set_training_model(self, model) -> None:
        """ "logistic" (two classes), "softmax" or "hidden" (one tanh layer); runs start again."""
        self._commit(training=self.training.model_change(model))

    def set_training_start(self, start) -> None:
        """ "small random" or "confidently wrong"; both runs start again."""
        self._commit(training=self.training.start_change(start))

    def set_training_scale(self, scale) -> None:
        """The start's scale (0.1 to 100: large saturates the sigmoid); runs start again."""
        self._commit(training=self.training.scale_change(scale))

    def set_training_learning_rate(self, lr) -> None:
        """The learning rate both runs share; both runs start again."""
        self._commit(training=self.training.learning_rate_change(lr))

    def reset_training(self) -> None:
        """Both runs back to step 0 (an undo step, like an edit)."""
        self._commit(training=self.training.reset_change())

    def step_training(self) -> bool:
        """One step of both runs: progress, not an undo step.

        Returns False, and stops playing, at the last step or when a run
        diverges (``training.runs.diverged`` says which).
        """
        moved = self.training.advance()
        if not moved:
            self.training.set_playing(False)
            self._progress(frozenset({"training_playing"}))
            return False
        self._progress(frozenset({"training_step", "training_weights_ce", "training_weights_mse"}))
        return True

    def set_training_playing(self, on) -> None:
        """Play (True) or pause (False) the runs (not an undo step)."""
        if self.training.set_playing(on):
            self._progress(frozenset({"training_playing"}))

    def set_training_speed(self, speed) -> None:
        """Steps per second while playing, one of ``parts.training.SPEEDS``."""
        if self.training.set_speed(speed):
            self._progress(frozenset({"training_speed"}))

    # --------------------------------------------------------- whole states
    def state(self) -> dict:
        """A plain, JSON-friendly snapshot of the complete state."""
        return {**self.multiclass.state(), **self.binary.state(), **self.training.state()}

    def set_state(self, state) -> None:
        """Restore a snapshot made by ``state()`` (or part of one), atomically.

        Every part checks its entries before anything changes.  When both
        logits and probabilities are given they must agree (softmax of the
        logits).
        """
        if not isinstance(state, dict):
            raise ValueError("a state must be a mapping of names to values")
        unknown = set(state) - {key for part in self._parts for key in part.FIELDS}
        if unknown:
            raise ValueError(f"unknown entries in the state: {', '.join(sorted(unknown))}")
        self._commit(
            multiclass=self.multiclass.state_change(state),
            binary=self.binary.state_change(state),
            training=self.training.state_change(state),
        )

    def reset(self) -> None:
        """Return to the defaults (seed 000's example; z = −6 with y = 1; the training
        lesson's separable blobs)."""
        self.set_state(default_state())

    # -------------------------------------------------------------- helpers
    def _commit(self, **changes) -> None:
        """Apply checked changes, part by part; emit the signals if anything differs."""
        changed_parts = []
        fields = frozenset()
        for name, change in changes.items():
            part = getattr(self, name)
            changed = part.apply(change)
            if changed:
                changed_parts.append(part)
                fields |= changed
        if not fields:
            return
        self._last_change = fields
        for part in changed_parts:
            getattr(self, part.SIGNAL).emit()
        self.changed.emit()

    def _progress(self, fields: frozenset) -> None:
        """The runs moved on (or play/pause): tell the panels, but it is no undo step."""
        self._last_change = fields
        self.training_progressed.emit()
