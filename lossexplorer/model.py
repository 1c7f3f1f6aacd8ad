"""The one shared state of lossexplorer: ``ExplorerModel``.

Panels never talk to each other.  They call a setter here; the setter
validates, updates and emits ``changed`` (plus ``multiclass_changed`` or
``binary_changed`` so that a panel can skip work that does not concern it);
every panel then redraws from the model.
"""

from __future__ import annotations

import math
import unicodedata
from numbers import Integral, Real

import numpy as np
from PySide6.QtCore import QObject, Signal

from lossexplorer import losses

DEFAULT_CLASSES = ("cat", "dog", "bird")
DEFAULT_PROBABILITIES = (0.7, 0.2, 0.1)
# Seed 003's lesson starts from a confidently wrong binary model: y = 1, z = -6.
DEFAULT_Z = -6.0
MIN_CLASSES, MAX_CLASSES = 2, 6
Z_LIMIT = 1000.0
LOGIT_LIMIT = 1.0e4
TEMPERATURE_RANGE = (0.05, 20.0)
LEARNING_RATE_RANGE = (0.001, 100.0)
# A class with probability exactly 0 gets a logit this far (times the
# temperature) below the largest one: e^-800 is 0 in float64, so the softmax
# reproduces the 0 exactly while every logit stays finite.  Where that would
# leave +-LOGIT_LIMIT, the logit stops at the limit: 2 * LOGIT_LIMIT / T is
# still at least 1000 at the highest temperature, so the 0 stays exact.
_ZERO_GAP = 800.0
# The promise between the two views of the prediction: softmax(logits / T)
# and the stored probabilities never differ by more than this.
AGREEMENT = 1e-12
NAME_LIMIT = 24
# Text a name may not hold: controls, line breaks, and lone surrogates (which
# no file or clipboard can encode).
_BAD_NAME_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}


def _real(value, what):
    """Return ``value`` as a finite float or raise a readable ValueError."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise ValueError(f"{what} must be a number, not {_short(value)}")
    try:
        value = float(value)
    except (OverflowError, ValueError):  # a whole number or fraction beyond float64
        raise ValueError(f"{what} must be a number that fits a float, not a huge one") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value}")
    return value + 0.0  # -0.0 becomes 0.0: no "−0" anywhere


def _short(value, limit=40):
    """``repr(value)``, cut to ``limit`` characters for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _in_range(value, lo, hi, what):
    value = _real(value, what)
    if not lo <= value <= hi:
        raise ValueError(f"{what} must lie between {lo:g} and {hi:g}, not {value:g}")
    return value


def default_state() -> dict:
    """The state a new model starts in, as ``ExplorerModel.state()`` gives it."""
    probs = np.array(DEFAULT_PROBABILITIES)
    return {
        "classes": list(DEFAULT_CLASSES),
        "logits": [float(v) for v in ExplorerModel._logits_for(probs, 1.0)],
        "probabilities": list(DEFAULT_PROBABILITIES),
        "temperature": 1.0,
        "true_class": 0,
        "z": DEFAULT_Z,
        "y": 1.0,
        "learning_rate": 1.0,
    }


class ExplorerModel(QObject):
    """The shared state: a multi-class prediction and a binary logit/label.

    Multi-class part: ``classes`` (names), ``logits``, ``temperature``,
    ``probabilities`` = softmax(logits / temperature) and ``true_class``.
    Binary part: the logit ``z``, the label ``y`` in [0, 1] and the
    ``learning_rate`` of the gradient-descent race.  Every setter raises
    ``ValueError`` for bad input and then leaves the state exactly as it was.
    """

    changed = Signal()
    multiclass_changed = Signal()
    binary_changed = Signal()
    gesture_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._classes = DEFAULT_CLASSES
        self._probabilities = np.array(DEFAULT_PROBABILITIES)
        self._temperature = 1.0
        self._logits = self._logits_for(self._probabilities, 1.0)
        self._true_class = 0
        self._z = DEFAULT_Z
        self._y = 1.0
        self._memo = {}  # name -> (z, y, value): every panel reads these on every step
        self._learning_rate = 1.0
        self._gesture = 0
        self._gesture_active = False

    # ------------------------------------------------------------- gestures
    def begin_gesture(self) -> None:
        """A drag or slider move starts: its changes form one undo step."""
        self._gesture += 1
        self._gesture_active = True
        self.gesture_changed.emit()

    def end_gesture(self) -> None:
        """The drag or slider move that began with ``begin_gesture`` is over."""
        if self._gesture_active:
            self._gesture_active = False
            self.gesture_changed.emit()

    @property
    def gesture(self) -> int | None:
        """An id shared by every change of the current gesture, else None."""
        return self._gesture if self._gesture_active else None

    # ----------------------------------------------------------------- state
    @property
    def classes(self) -> tuple[str, ...]:
        """The class names, in bar order."""
        return self._classes

    @property
    def probabilities(self) -> np.ndarray:
        """The predicted probabilities (a read-only array that sums to 1)."""
        return self._readonly(self._probabilities)

    @property
    def logits(self) -> np.ndarray:
        """The logits (read-only); probabilities = softmax(logits / temperature)."""
        return self._readonly(self._logits)

    @property
    def temperature(self) -> float:
        """The softmax temperature that divides the logits."""
        return self._temperature

    @property
    def true_class(self) -> int:
        """Index of the true class in ``classes``."""
        return self._true_class

    @property
    def z(self) -> float:
        """The binary logit."""
        return self._z

    @property
    def y(self) -> float:
        """The binary label, a float in [0, 1]."""
        return self._y

    @property
    def learning_rate(self) -> float:
        """The learning rate of the gradient-descent race."""
        return self._learning_rate

    @property
    def p_true(self) -> float:
        """The probability of the true class."""
        return float(self._probabilities[self._true_class])

    @property
    def y_hat(self) -> float:
        """The binary prediction sigmoid(z)."""
        return self._at_z_y("y_hat", lambda z, y: losses.sigmoid(z))

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
        return float(losses.brier_score(self._probabilities, self._true_class))

    @property
    def cross_entropy_grad(self) -> np.ndarray:
        """d cross-entropy / d logits (before the temperature)."""
        g = losses.cross_entropy_grad(self._logits / self._temperature, self._true_class)
        return self._readonly(np.asarray(g) / self._temperature)

    @property
    def bce(self) -> float:
        """Binary cross-entropy at (z, y)."""
        return self._at_z_y("bce", losses.binary_cross_entropy)

    @property
    def mse(self) -> float:
        """0.5 (y - sigmoid(z))^2 at (z, y)."""
        return self._at_z_y("mse", losses.mse)

    @property
    def bce_grad(self) -> float:
        """d bce / dz at (z, y)."""
        return self._at_z_y("bce_grad", losses.binary_cross_entropy_grad)

    @property
    def mse_grad(self) -> float:
        """d mse / dz at (z, y)."""
        return self._at_z_y("mse_grad", losses.mse_grad)

    def _at_z_y(self, name: str, function) -> float:
        """``function(z, y)`` as a float, computed once per (z, y)."""
        hit = self._memo.get(name)
        if hit is None or hit[0] != self._z or hit[1] != self._y:
            hit = (self._z, self._y, float(function(self._z, self._y)))
            self._memo[name] = hit
        return hit[2]

    # --------------------------------------------------------------- setters
    def set_probability(self, i, p) -> None:
        """Set class ``i`` to probability ``p``; the others keep their ratios.

        If the other classes are all 0 they share 1 - p equally.
        """
        i = self._class_index(i)
        p = _in_range(p, 0.0, 1.0, "A probability")
        probs = self._probabilities.copy()
        others = np.arange(len(probs)) != i
        rest = probs[others].sum()
        if rest > 0.0:
            probs[others] = probs[others] / rest * (1.0 - p)  # divide first: rest may be tiny
        else:
            probs[others] = (1.0 - p) / (len(probs) - 1)
        probs[i] = p
        self._apply(probabilities=probs, drag=True)

    def set_probabilities(self, values) -> None:
        """Set every probability at once (finite, in [0, 1], summing to 1).

        The logits are those of a fresh start (mean 0), whatever came before.
        """
        probs = self._probability_vector(values, len(self._classes))
        self._apply(probabilities=probs)

    def set_logits(self, values) -> None:
        """Set the logits; the probabilities follow the softmax."""
        self._apply(logits=self._logit_vector(values, len(self._classes)))

    def set_logit(self, i, value) -> None:
        """Set one logit."""
        i = self._class_index(i)
        logits = self._logits.copy()
        logits[i] = _in_range(value, -LOGIT_LIMIT, LOGIT_LIMIT, "A logit")
        self._apply(logits=logits)

    def set_temperature(self, t) -> None:
        """Set the temperature that divides the logits before the softmax."""
        self._apply(temperature=_in_range(t, *TEMPERATURE_RANGE, "The temperature"))

    def set_true_class(self, i) -> None:
        """Choose the true class by index."""
        self._apply(true_class=self._class_index(i))

    def set_class_name(self, i, name) -> None:
        """Rename class ``i`` (a non-empty name of at most 24 characters)."""
        i = self._class_index(i)
        names = list(self._classes)
        names[i] = self._class_name(name)
        self._apply(classes=tuple(names))

    def set_classes(self, names) -> None:
        """Replace the class names; a new count resets to a uniform prediction."""
        names = self._class_names(names)
        if len(names) == len(self._classes):
            self._apply(classes=names)
            return
        n = len(names)
        self._apply(
            classes=names,
            probabilities=np.full(n, 1.0 / n),
            true_class=min(self._true_class, n - 1),
        )

    def set_z(self, z) -> None:
        """Set the binary logit z (|z| <= 1000)."""
        self._apply(z=_in_range(z, -Z_LIMIT, Z_LIMIT, "z"))

    def set_y(self, y) -> None:
        """Set the binary label y in [0, 1]."""
        self._apply(y=_in_range(y, 0.0, 1.0, "The label y"))

    def set_learning_rate(self, lr) -> None:
        """Set the learning rate of the gradient-descent race."""
        self._apply(learning_rate=_in_range(lr, *LEARNING_RATE_RANGE, "The learning rate"))

    # --------------------------------------------------------- whole states
    def state(self) -> dict:
        """A plain, JSON-friendly snapshot of the complete state."""
        return {
            "classes": list(self._classes),
            "logits": [float(v) for v in self._logits],
            "probabilities": [float(v) for v in self._probabilities],
            "temperature": self._temperature,
            "true_class": self._true_class,
            "z": self._z,
            "y": self._y,
            "learning_rate": self._learning_rate,
        }

    def set_state(self, state) -> None:
        """Restore a snapshot made by ``state()``, atomically.

        Everything is validated before anything changes.  When both logits
        and probabilities are given they must agree (softmax of the logits).
        """
        if not isinstance(state, dict):
            raise ValueError("a state must be a mapping of names to values")
        known = {
            "classes",
            "logits",
            "probabilities",
            "temperature",
            "true_class",
            "z",
            "y",
            "learning_rate",
        }
        unknown = set(state) - known
        if unknown:
            raise ValueError(f"unknown entries in the state: {', '.join(sorted(unknown))}")
        names = self._class_names(state.get("classes", self._classes))
        n = len(names)
        change = {"classes": names}
        if "logits" in state:
            change["logits"] = self._logit_vector(state["logits"], n)
        if "probabilities" in state:
            change["probabilities"] = self._probability_vector(state["probabilities"], n)
        elif n != len(self._classes):
            change["probabilities"] = np.full(n, 1.0 / n)
        if "temperature" in state:
            change["temperature"] = _in_range(
                state["temperature"], *TEMPERATURE_RANGE, "The temperature"
            )
        if "logits" in change and "probabilities" in change:
            t = change.get("temperature", self._temperature)
            if not self._agree(change["logits"], t, change["probabilities"]):
                raise ValueError("The logits and the probabilities do not agree")
        if "true_class" in state:
            change["true_class"] = self._class_index(state["true_class"], n)
        elif self._true_class >= n:
            change["true_class"] = 0
        if "z" in state:
            change["z"] = _in_range(state["z"], -Z_LIMIT, Z_LIMIT, "z")
        if "y" in state:
            change["y"] = _in_range(state["y"], 0.0, 1.0, "The label y")
        if "learning_rate" in state:
            change["learning_rate"] = _in_range(
                state["learning_rate"], *LEARNING_RATE_RANGE, "The learning rate"
            )
        self._apply(**change)

    def reset(self) -> None:
        """Return to the defaults (seed 000's example; z = −6 with y = 1)."""
        self.set_state(default_state())

    # -------------------------------------------------------------- helpers
    @staticmethod
    def _readonly(a):
        a = np.array(a, dtype=np.float64)
        a.flags.writeable = False
        return a

    def _class_index(self, i, n=None):
        n = len(self._classes) if n is None else n
        if isinstance(i, bool) or not isinstance(i, (Integral, np.integer)):
            raise ValueError(f"A class index must be a whole number, not {i!r}")
        if not 0 <= int(i) < n:
            raise ValueError(f"There is no class number {i}: choose 0 to {n - 1}")
        return int(i)

    @staticmethod
    def _class_name(name):
        """A valid class name: 1 to 24 characters (code points) of printable text."""
        if not isinstance(name, str) or not name.strip():
            raise ValueError("A class name must be non-empty text")
        name = name.strip()
        if len(name) > NAME_LIMIT:
            raise ValueError(f"A class name may have at most {NAME_LIMIT} characters")
        if any(unicodedata.category(c) in _BAD_NAME_CATEGORIES for c in name):
            raise ValueError(
                "A class name must be plain text, without control characters, "
                "line breaks or lone surrogates"
            )
        return name

    def _class_names(self, names):
        if isinstance(names, str) or not isinstance(names, (list, tuple)):
            raise ValueError("The classes must be a list of names")
        if not MIN_CLASSES <= len(names) <= MAX_CLASSES:
            raise ValueError(f"Choose between {MIN_CLASSES} and {MAX_CLASSES} classes")
        return tuple(self._class_name(n) for n in names)

    @staticmethod
    def _vector(values, n, what):
        if isinstance(values, (str, bytes, dict)):
            raise ValueError(f"The {what} must be a list of {n} numbers")
        try:
            items = list(values)
        except TypeError:
            raise ValueError(f"The {what} must be a list of {n} numbers") from None
        if len(items) != n:
            raise ValueError(f"There must be {n} {what}, one per class, not {len(items)}")
        return np.array([_real(v, f"Each of the {what}") for v in items])

    def _probability_vector(self, values, n):
        probs = self._vector(values, n, "probabilities")
        if np.any((probs < 0.0) | (probs > 1.0)):
            raise ValueError("Every probability must lie between 0 and 1")
        if abs(probs.sum() - 1.0) > 1e-9:
            raise ValueError(f"The probabilities must add up to 1, not {probs.sum():.6g}")
        total = probs.sum()
        return probs if abs(total - 1.0) <= 1e-12 else probs / total

    def _logit_vector(self, values, n):
        logits = self._vector(values, n, "logits")
        if np.any(np.abs(logits) > LOGIT_LIMIT):
            raise ValueError(f"A logit must lie between -{LOGIT_LIMIT:g} and {LOGIT_LIMIT:g}")
        return logits

    @staticmethod
    def _logits_for(probs, temperature, centre=0.0):
        """Logits within +-LOGIT_LIMIT whose softmax at ``temperature`` is ``probs``.

        Softmax ignores a common shift; the shift chosen puts the mean of the
        finite logits at ``centre`` (so that dragging a bar does not make every
        logit jump), moved no further than it takes to keep every logit within
        the limit.  Only a class of probability 0 can then still stick out
        (its gap grows with the temperature); it stops at the limit, where
        the softmax still gives it exactly 0.
        """
        positive = probs > 0.0
        with np.errstate(divide="ignore"):
            logp = np.log(probs)
        finite = logp[positive]
        logits = np.empty_like(probs)
        logits[positive] = (finite - finite.mean()) * temperature + centre
        top = logits[positive].max()
        logits[~positive] = top - _ZERO_GAP * temperature
        # the shifts allowed: [-LIMIT - min, LIMIT - max]; take the one nearest 0
        low, high = -LOGIT_LIMIT - logits.min(), LOGIT_LIMIT - logits.max()
        shift = high if low > high else min(max(0.0, low), high)
        return np.clip(logits + shift, -LOGIT_LIMIT, LOGIT_LIMIT)

    @staticmethod
    def _agree(logits, temperature, probs) -> bool:
        """True when softmax(logits / temperature) is ``probs`` within AGREEMENT."""
        implied = np.asarray(losses.softmax(logits / temperature))
        return bool(np.all(np.abs(implied - probs) <= AGREEMENT))

    def _apply(self, drag=False, **change) -> None:
        """Apply a validated change; emit the signals if anything differs.

        New probabilities without logits get logits centred where the old
        ones were when ``drag`` is true (a bar moves, the logits follow
        smoothly), else centred on 0.  Where the logits that fit within the
        limits cannot give the probabilities to within AGREEMENT, the
        probabilities become what those logits give: every state stays one
        that can be saved, reopened, undone and redone.
        """
        old = (
            self._classes,
            self._logits,
            self._probabilities,
            self._temperature,
            self._true_class,
        )
        old_binary = (self._z, self._y, self._learning_rate)
        temperature = change.get("temperature", self._temperature)
        if "probabilities" in change and "logits" in change:
            # a whole state, checked to agree: keep both exactly as saved
            probs = np.asarray(change["probabilities"], dtype=np.float64)
            logits = np.asarray(change["logits"], dtype=np.float64)
        elif "probabilities" in change:
            probs = np.asarray(change["probabilities"], dtype=np.float64)
            if drag and np.array_equal(probs, self._probabilities):
                logits = self._logits
            else:
                centre = 0.0
                if drag:
                    centre = float(self._logits[self._probabilities > 0.0].mean())
                logits = self._logits_for(probs, temperature, centre)
                if not self._agree(logits, temperature, probs):
                    probs = np.asarray(losses.softmax(logits / temperature))
        elif "logits" in change or "temperature" in change:
            logits = np.asarray(change.get("logits", self._logits), dtype=np.float64)
            if temperature == self._temperature and np.array_equal(logits, self._logits):
                probs = self._probabilities
            else:
                probs = np.asarray(losses.softmax(logits / temperature))
        else:
            logits, probs = self._logits, self._probabilities
        new = (
            change.get("classes", self._classes),
            logits,
            probs,
            temperature,
            change.get("true_class", self._true_class),
        )
        new_binary = (
            change.get("z", self._z),
            change.get("y", self._y),
            change.get("learning_rate", self._learning_rate),
        )
        multi = not (
            old[0] == new[0]
            and np.array_equal(old[1], new[1])
            and np.array_equal(old[2], new[2])
            and old[3:] == new[3:]
        )
        binary = old_binary != new_binary
        if multi:
            (
                self._classes,
                self._logits,
                self._probabilities,
                self._temperature,
                self._true_class,
            ) = new
        if binary:
            self._z, self._y, self._learning_rate = new_binary
        if multi:
            self.multiclass_changed.emit()
        if binary:
            self.binary_changed.emit()
        if multi or binary:
            self.changed.emit()
