"""The training part of the model: the lesson's points, its settings and its two runs.

Two runs of full-batch gradient descent, one on cross-entropy ("ce") and one
on MSE ("mse"), start from the same parameters on the same points with the
same learning rate (``lossexplorer.training`` does the math).  The part owns:

* the data: points X (n × 2) and their labels (0 cat, 1 dog, 2 bird);
* the settings: the model ("logistic", "softmax" or "hidden": one tanh layer
  under a logistic output for two classes, a softmax one for three), the start
  ("small random" or "confidently wrong") and its scale, the learning rate;
* the runs: how many steps both have taken and, following from it, each run's
  parameters and curves (loss, accuracy and gradient norm before each step).

A change of the data or of a setting starts both runs again from step 0,
together.  A saved state holds the step and each run's parameters; restoring
it replays the runs to that step (``training.fit``, the same numbers bit for
bit as the steps taken one by one) and checks that the parameters agree.
Whether the runs play, and how fast, is how they are shown: not state.
"""

# X: the name for the points (n x 2), kept as in lossexplorer.training
# ruff: noqa: N803, N806

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from numbers import Integral

import numpy as np

from lossexplorer import training
from lossexplorer.parts import checks

CLASSES = 3  # cat, dog, bird: the labels a point may have
MAX_POINTS = 2000
COORD_LIMIT = 1000.0
MODELS = ("logistic", "softmax", "hidden")
STARTS = training.KINDS  # "small random", "confidently wrong"
PRESETS = tuple(training.DATASETS)
SCALE_RANGE = (0.1, 100.0)
LEARNING_RATE_RANGE = (0.001, 100.0)
MAX_STEPS = 3000  # a run stops here: replaying it (undo, a file) stays well under a second
HIDDEN_UNITS = 8
SEED = 0
TARGET_ACCURACY = 0.9
DEFAULT_PRESET = "separable blobs"
DEFAULT_POINTS = 200
DEFAULT_MODEL = "logistic"
DEFAULT_START = "confidently wrong"
DEFAULT_SCALE = 1.0
DEFAULT_LEARNING_RATE = 0.3
SPEEDS = (1, 2, 5, 10, 20, 30, 60)  # steps per second
DEFAULT_SPEED = 30
EXTENT_MIN = 4.0  # the plots show at least [-4, 4]²
EXTENT_ROOM = 0.95  # the points stay within this share of the square the plots show
RUN_CACHE = 8  # runs set aside (undone, replaced) kept to come back to without a replay
LOSSES = training.LOSSES  # "ce", "mse"


@dataclasses.dataclass(frozen=True, eq=False)
class Setup:
    """What both runs start from: the points, their labels and the settings."""

    X: np.ndarray  # (n, 2), read-only
    t: np.ndarray  # (n,) int64, read-only
    model: str
    start: str
    scale: float
    learning_rate: float

    @property
    def classes(self) -> int:
        """The number of classes the model tells apart: 2, or 3 once there is a bird."""
        return max(2, int(self.t.max()) + 1)

    @property
    def output(self) -> str:
        """The output layer: "logistic" for two classes (unless softmax is chosen), else softmax."""
        if self.model == "softmax" or self.classes > 2:
            return "softmax"
        return "logistic"

    @property
    def key(self) -> tuple:
        """Equal for equal setups (the run cache's key)."""
        return (
            self.X.tobytes(),
            self.t.tobytes(),
            self.model,
            self.start,
            self.scale,
            self.learning_rate,
        )

    def replace(self, **changes) -> Setup:
        """This setup with some fields changed."""
        return dataclasses.replace(self, **changes)


def start_parameters(setup: Setup):
    """The parameters both runs start from, and how they were found.

    The note is None when the start is the one asked for; "centres" when no
    weights of the model are wrong for most of these points (a line on XOR,
    a class without points) and the start points the wrong way at the
    presets' class centres instead; "random" if even that is impossible.
    """
    hidden = HIDDEN_UNITS if setup.model == "hidden" else 0
    args = (setup.output, setup.start, setup.scale, setup.classes, SEED)
    try:
        return training.initial_parameters(*args, hidden=hidden, X=setup.X, labels=setup.t), None
    except ValueError:
        if setup.start != "confidently wrong":
            raise
    try:
        return training.initial_parameters(*args, hidden=hidden), "centres"
    except ValueError:
        small = (setup.output, "small random", setup.scale, setup.classes, SEED)
        return training.initial_parameters(*small, hidden=hidden), "random"


def flat(params) -> np.ndarray:
    """A model's parameters as one vector: weights then bias, or W1, b1, W2, b2 (row by row)."""
    fields = [getattr(params, f.name) for f in dataclasses.fields(params)]
    return np.concatenate([np.ravel(np.asarray(f, dtype=np.float64)) for f in fields])


class Run:
    """One run: its parameters now, the evaluation there, its curves so far."""

    def __init__(self, loss: str, evaluation, curves: np.ndarray, step: int):
        self.loss = loss
        self.evaluation = evaluation  # at the current parameters: the curves' last entry
        self._curves = curves  # (3, capacity): loss, accuracy, gradient norm
        self.step = step
        self.reached = training.steps_to_accuracy(curves[1, : step + 1], TARGET_ACCURACY)

    @classmethod
    def begin(cls, setup: Setup, loss: str, params) -> Run:
        """A run at step 0."""
        ev = training.evaluate(setup.X, setup.t, params, loss=loss)
        curves = np.empty((3, 64))
        curves[:, 0] = ev.loss, ev.accuracy, ev.grad_norm
        return cls(loss, ev, curves, 0)

    @property
    def params(self):
        """The current parameters (``training.LinearParams`` or ``HiddenParams``)."""
        return self.evaluation.params

    @property
    def curves(self) -> np.ndarray:
        """(3, step + 1): loss, accuracy and gradient norm before each step (a read-only view)."""
        view = self._curves[:, : self.step + 1]
        view.flags.writeable = False
        return view

    def append(self, evaluation) -> None:
        """Record the evaluation after one more step."""
        n = self.step + 1
        if n >= self._curves.shape[1]:
            grown = np.empty((3, min(2 * self._curves.shape[1], MAX_STEPS + 1)))
            grown[:, :n] = self._curves[:, :n]
            self._curves = grown
        self._curves[:, n] = evaluation.loss, evaluation.accuracy, evaluation.grad_norm
        self.evaluation = evaluation
        self.step = n
        if self.reached is None and evaluation.accuracy >= TARGET_ACCURACY:
            self.reached = n

    def extended(self, setup: Setup, steps: int) -> Run:
        """A new run, ``steps`` further on (``training.fit`` from here: the same numbers)."""
        params = self.params
        kw = dict(loss=self.loss, learning_rate=setup.learning_rate, steps=steps)
        if isinstance(params, training.HiddenParams):
            result = training.fit_hidden(setup.X, setup.t, params=params, **kw)
        else:
            result = training.fit(setup.X, setup.t, weights=params.weights, bias=params.bias, **kw)
        n = self.step + steps
        curves = np.empty((3, max(64, n + 1)))
        curves[:, : self.step + 1] = self._curves[:, : self.step + 1]
        curves[0, self.step + 1 : n + 1] = result.loss[1:]
        curves[1, self.step + 1 : n + 1] = result.accuracy[1:]
        curves[2, self.step + 1 : n + 1] = result.grad_norm[1:]
        ev = training.evaluate(setup.X, setup.t, result.params, loss=self.loss)
        return Run(self.loss, ev, curves, n)


class Runs:
    """The two runs of one setup, always at the same step."""

    def __init__(self, setup: Setup, runs: dict, note):
        self.setup = setup
        self.runs = runs  # "ce" -> Run, "mse" -> Run
        self.note = note  # see start_parameters
        self.diverged = None  # the loss whose next step diverged, if one did

    @classmethod
    def begin(cls, setup: Setup) -> Runs:
        params, note = start_parameters(setup)
        return cls(setup, {loss: Run.begin(setup, loss, params) for loss in LOSSES}, note)

    @property
    def step(self) -> int:
        """The steps both runs have taken."""
        return self.runs["ce"].step

    @property
    def can_step(self) -> bool:
        """Whether another step can be taken (not at the cap, not diverged)."""
        return self.step < MAX_STEPS and self.diverged is None

    def advance(self) -> bool:
        """One step of both runs; False (and nothing changed) at the cap or if one diverges."""
        if not self.can_step:
            return False
        lr = self.setup.learning_rate
        new = {}
        for loss, run in self.runs.items():
            try:
                new[loss] = training.descend(run.evaluation, lr)
            except ValueError:  # a parameter grew past training.PARAM_LIMIT
                self.diverged = loss
                return False
        for loss, run in self.runs.items():
            run.append(training.evaluate(self.setup.X, self.setup.t, new[loss], loss=loss))
        return True

    def extended(self, steps: int) -> Runs:
        """New runs ``steps`` further on (ValueError if one diverges on the way)."""
        if steps == 0:
            return self
        runs = {loss: run.extended(self.setup, steps) for loss, run in self.runs.items()}
        return Runs(self.setup, runs, self.note)


# ------------------------------------------------------------------ checks
def _choice(value, options, what: str) -> str:
    if not isinstance(value, str) or value not in options:
        listed = ", ".join(repr(o) for o in options)
        raise ValueError(f"{what} must be one of {listed}, not {checks.short(value)}")
    return value


def _whole(value, lo: int, hi: int, what: str) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (Integral, np.integer)):
        raise ValueError(f"{what} must be a whole number, not {checks.short(value)}")
    if not lo <= int(value) <= hi:
        raise ValueError(f"{what} must lie between {lo} and {hi}, not {int(value)}")
    return int(value)


def _coordinate(value, what: str) -> float:
    return checks.in_range(value, -COORD_LIMIT, COORD_LIMIT, what)


def _label(value) -> int:
    labels = ", ".join(str(c) for c in range(CLASSES))
    return _whole(value, 0, CLASSES - 1, f"A label (one of {labels})")


def _frozen(a, dtype) -> np.ndarray:
    a = np.array(a, dtype=dtype)
    a.flags.writeable = False
    return a


def check_points(X, labels) -> tuple[np.ndarray, np.ndarray]:
    """Points (n × 2) and labels (n,) as read-only arrays, or a readable ValueError."""
    X = np.asarray(X) if not isinstance(X, (list, tuple)) else X
    labels = list(labels) if not isinstance(labels, np.ndarray) else labels.tolist()
    rows = X.tolist() if isinstance(X, np.ndarray) else list(X)
    if len(rows) != len(labels):
        raise ValueError(f"There must be one label per point: {len(rows)} points, {len(labels)}")
    return _check_rows([(*_pair(row), label) for row, label in zip(rows, labels, strict=True)])


def _pair(row):
    if isinstance(row, (str, bytes, dict)) or not hasattr(row, "__len__") or len(row) != 2:
        raise ValueError("Each point must be a pair of coordinates (x1, x2)")
    return tuple(row)


def check_point_rows(rows) -> tuple[np.ndarray, np.ndarray]:
    """Rows [x1, x2, label] (a saved state's ``training_points``) as arrays, or ValueError."""
    if isinstance(rows, (str, bytes, dict)) or not isinstance(rows, (list, tuple)):
        raise ValueError("The training points must be a list of [x1, x2, label] rows")
    for row in rows:
        if isinstance(row, (str, bytes, dict)) or not isinstance(row, (list, tuple)):
            raise ValueError("Each training point must be a row [x1, x2, label]")
        if len(row) != 3:
            raise ValueError(f"Each training point must be [x1, x2, label], not {len(row)} values")
    return _check_rows(rows)


def _check_rows(rows) -> tuple[np.ndarray, np.ndarray]:
    if not 1 <= len(rows) <= MAX_POINTS:
        raise ValueError(f"There must be between 1 and {MAX_POINTS} points, not {len(rows)}")
    X = np.empty((len(rows), 2))
    t = np.empty(len(rows), dtype=np.int64)
    for i, (x1, x2, label) in enumerate(rows):
        X[i] = _coordinate(x1, "x1"), _coordinate(x2, "x2")
        t[i] = _label(label)
    X += 0.0  # no -0.0: equal points have equal bytes (the run cache's key)
    return _frozen(X, np.float64), _frozen(t, np.int64)


# ------------------------------------------------------------------ the part
class TrainingPart:
    """The training lesson's data, settings and runs (see the module's docstring).

    Requests (``*_change``) check their arguments and return a complete change
    (or raise ``ValueError``); ``apply`` makes it.  ``advance`` (a tick of the
    animation) moves the runs on in place: that is progress, not an edit.
    """

    FIELDS = (
        "training_points",
        "training_model",
        "training_start",
        "training_scale",
        "training_learning_rate",
        "training_step",
        "training_weights_ce",
        "training_weights_mse",
    )
    SIGNAL = "training_changed"

    def __init__(self):
        self._rows, self._rows_of = [], None
        self._state_of = None  # (what it was made from, the state)
        X, t = training.make_dataset(DEFAULT_PRESET, DEFAULT_POINTS, SEED)
        X, t = _frozen(X + 0.0, np.float64), _frozen(t, np.int64)
        setup = Setup(X, t, DEFAULT_MODEL, DEFAULT_START, DEFAULT_SCALE, DEFAULT_LEARNING_RATE)
        self.runs = Runs.begin(setup)
        self.playing = False
        self.speed = DEFAULT_SPEED
        self._set_aside = OrderedDict()  # setup key -> Runs, most recent last

    # ------------------------------------------------------------- readouts
    @property
    def setup(self) -> Setup:
        """The points and settings the runs started from."""
        return self.runs.setup

    @property
    def X(self) -> np.ndarray:
        """The points (n × 2, read-only)."""
        return self.setup.X

    @property
    def labels(self) -> np.ndarray:
        """The points' labels (n,, read-only): 0 cat, 1 dog, 2 bird."""
        return self.setup.t

    @property
    def classes(self) -> int:
        """How many classes the model tells apart (2, or 3 once a point is a bird)."""
        return self.setup.classes

    @property
    def step(self) -> int:
        """The steps both runs have taken."""
        return self.runs.step

    def run(self, loss: str) -> Run:
        """The "ce" or "mse" run."""
        return self.runs.runs[loss]

    @property
    def extent(self) -> float:
        """Half the side of the square the plots show, [-extent, extent]²: at least 4, and
        the points a little inside it."""
        return max(EXTENT_MIN, float(np.max(np.abs(self.X))) / EXTENT_ROOM)

    # ------------------------------------------------------------- requests
    def points_change(self, X, labels) -> dict:
        """New points; a bird under the logistic model makes it softmax."""
        X, t = check_points(X, labels)
        return self._data_change(X, t)

    def preset_change(self, name) -> dict:
        """The points of a preset (``PRESETS``)."""
        name = _choice(name, PRESETS, "The preset")
        X, t = training.make_dataset(name, DEFAULT_POINTS, SEED)
        return self._data_change(_frozen(X + 0.0, np.float64), _frozen(t, np.int64))

    def add_point_change(self, x1, x2, label) -> dict:
        """One more point (at the end)."""
        if len(self.X) >= MAX_POINTS:
            raise ValueError(f"There can be at most {MAX_POINTS} points")
        point = (_coordinate(x1, "x1"), _coordinate(x2, "x2"))
        X = np.vstack([self.X, [point]])
        return self._data_change(
            _frozen(X + 0.0, np.float64), np.append(self.labels, _label(label))
        )

    def move_point_change(self, i, x1, x2) -> dict:
        """Point ``i`` moved to (x1, x2)."""
        i = self._index(i)
        X = self.X.copy()
        X[i] = _coordinate(x1, "x1"), _coordinate(x2, "x2")
        return self._data_change(_frozen(X + 0.0, np.float64), self.labels)

    def delete_point_change(self, i) -> dict:
        """Point ``i`` removed (one must stay)."""
        i = self._index(i)
        if len(self.X) == 1:
            raise ValueError("The last point cannot be deleted")
        return self._data_change(np.delete(self.X, i, axis=0), np.delete(self.labels, i))

    def model_change(self, model) -> dict:
        return self._setting_change(model=_choice(model, MODELS, "The model"))

    def start_change(self, start) -> dict:
        return self._setting_change(start=_choice(start, STARTS, "The start"))

    def scale_change(self, scale) -> dict:
        return self._setting_change(scale=checks.in_range(scale, *SCALE_RANGE, "The scale"))

    def learning_rate_change(self, lr) -> dict:
        lr = checks.in_range(lr, *LEARNING_RATE_RANGE, "The learning rate")
        return self._setting_change(learning_rate=lr)

    def reset_change(self) -> dict:
        """Both runs back to step 0."""
        return {"runs": self._runs_for(self.setup, 0)}

    def state_change(self, state: dict) -> dict:
        """The checked change for this part's entries of a saved state.

        Without ``training_step`` the runs keep their step when nothing else
        changes, else start at 0.  Given weights must agree with the runs
        replayed to the step (within 1e-9 relative: the same numbers, unless
        another machine summed in another order).
        """
        if not any(key in state for key in self.FIELDS):
            return {}
        setup = self.setup
        if "training_points" in state:
            X, t = check_point_rows(state["training_points"])
            setup = setup.replace(X=X, t=t)
        for key, check in (
            ("model", lambda v: _choice(v, MODELS, "The model")),
            ("start", lambda v: _choice(v, STARTS, "The start")),
            ("scale", lambda v: checks.in_range(v, *SCALE_RANGE, "The scale")),
            (
                "learning_rate",
                lambda v: checks.in_range(v, *LEARNING_RATE_RANGE, "The learning rate"),
            ),
        ):
            if "training_" + key in state:
                setup = setup.replace(**{key: check(state["training_" + key])})
        self._check_model(setup)
        if "training_step" in state:
            step = _whole(state["training_step"], 0, MAX_STEPS, "The training step")
        else:
            step = self.step if setup.key == self.setup.key else 0
        try:
            runs = self._runs_for(setup, step)
        except ValueError:
            raise ValueError(f"The runs diverge before step {step}") from None
        for loss in LOSSES:
            key = "training_weights_" + loss
            if key in state:
                _check_weights(state[key], flat(runs.runs[loss].params), loss)
        return {"runs": runs}

    # ---------------------------------------------------------------- state
    def apply(self, change: dict) -> frozenset:
        """Apply a checked change; return the names of the fields that changed."""
        runs = change.get("runs")
        if runs is None or runs is self.runs:
            return frozenset()
        before = self.state()
        old = self.runs
        if old.step > 0:  # a run worth coming back to (undo) without replaying it
            self._set_aside[old.setup.key] = old
            self._set_aside.move_to_end(old.setup.key)
            while len(self._set_aside) > RUN_CACHE:
                self._set_aside.popitem(last=False)
        self._set_aside.pop(runs.setup.key, None)
        self.runs = runs
        after = self.state()
        return frozenset(k for k in self.FIELDS if before[k] != after[k])

    def state(self) -> dict:
        """This part's slice of the model's state (plain, JSON-friendly).

        ``training_points`` is a list of [x1, x2, label]; each run's weights are
        its parameters as one list (``flat``).
        """
        s = self.setup
        # Made once per data set and per step: the undo history asks on every
        # change of any part (every drag step of the other lessons).
        key = (s, self.runs, self.step, self.run("ce").params, self.run("mse").params)
        cached = self._state_of
        if cached is None or any(a is not b for a, b in zip(cached[0], key, strict=True)):
            if self._rows_of is not s:  # the points as rows, made once per data set
                self._rows = [
                    [x1, x2, label]
                    for (x1, x2), label in zip(s.X.tolist(), s.t.tolist(), strict=True)
                ]
                self._rows_of = s
            self._state_of = cached = (
                key,
                {
                    "training_model": s.model,
                    "training_start": s.start,
                    "training_scale": s.scale,
                    "training_learning_rate": s.learning_rate,
                    "training_step": self.step,
                    "training_weights_ce": flat(self.run("ce").params).tolist(),
                    "training_weights_mse": flat(self.run("mse").params).tolist(),
                },
            )
        state = {"training_points": list(self._rows)}  # rows shared by snapshots: never edited
        state.update(cached[1])
        state["training_weights_ce"] = list(state["training_weights_ce"])
        state["training_weights_mse"] = list(state["training_weights_mse"])
        return state

    # ------------------------------------------------------------- progress
    def advance(self) -> bool:
        """One step of both runs (not an edit); False at the cap or on divergence."""
        return self.runs.advance()

    def set_playing(self, on) -> bool:
        """Play or pause; True if that changed anything."""
        if not isinstance(on, bool):
            raise ValueError(f"Playing must be True or False, not {checks.short(on)}")
        on = on and self.runs.can_step
        changed = on != self.playing
        self.playing = on
        return changed

    def set_speed(self, speed) -> bool:
        """Steps per second, one of ``SPEEDS``; True if that changed anything."""
        if isinstance(speed, bool) or speed not in SPEEDS:
            raise ValueError(f"The speed must be one of {SPEEDS}, not {checks.short(speed)}")
        changed = int(speed) != self.speed
        self.speed = int(speed)
        return changed

    # -------------------------------------------------------------- helpers
    def _index(self, i) -> int:
        if isinstance(i, (bool, np.bool_)) or not isinstance(i, (Integral, np.integer)):
            raise ValueError(f"A point index must be a whole number, not {checks.short(i)}")
        if not 0 <= int(i) < len(self.X):
            raise ValueError(f"There is no point number {i}: choose 0 to {len(self.X) - 1}")
        return int(i)

    def _data_change(self, X, t) -> dict:
        X, t = _frozen(X, np.float64), _frozen(t, np.int64)
        setup = self.setup.replace(X=X, t=t)
        if setup.model == "logistic" and setup.classes > 2:
            setup = setup.replace(model="softmax")
        if setup.key == self.setup.key:  # a drag that has not moved yet: the runs go on
            return {}
        return {"runs": self._runs_for(setup, 0)}

    def _setting_change(self, **changes) -> dict:
        setup = self.setup.replace(**changes)
        self._check_model(setup)
        if setup.key == self.setup.key:
            return {}
        return {"runs": self._runs_for(setup, 0)}

    @staticmethod
    def _check_model(setup: Setup) -> None:
        if setup.model == "logistic" and setup.classes > 2:
            raise ValueError("The logistic model tells two classes apart: use softmax for birds")

    def _runs_for(self, setup: Setup, step: int) -> Runs:
        """The runs of ``setup`` at ``step``: the current or set-aside ones, or replayed."""
        key = setup.key
        base = self.runs if key == self.setup.key else self._set_aside.get(key)
        if base is not None and base.step <= step:
            return base.extended(step - base.step)
        return Runs.begin(setup).extended(step)


def _check_weights(values, actual: np.ndarray, loss: str) -> None:
    name = {"ce": "cross-entropy", "mse": "MSE"}[loss]
    if isinstance(values, (str, bytes, dict)) or not isinstance(values, (list, tuple, np.ndarray)):
        raise ValueError(f"The weights of the {name} run must be a list of numbers")
    if len(values) != len(actual):
        raise ValueError(
            f"The {name} run of this model has {len(actual)} weights, not {len(values)}"
        )
    given = np.array([checks.real(v, f"Each weight of the {name} run") for v in values])
    if not np.allclose(given, actual, rtol=1e-9, atol=1e-300):
        raise ValueError(f"The weights of the {name} run do not match its step")
