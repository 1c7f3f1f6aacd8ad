"""Scenario presets and ``.lossx`` scenario files (Qt only to translate messages).

A ``.lossx`` file is small JSON::

    {"format": "lossexplorer-scenario", "version": 1,
     "state": {"classes": [...], "probabilities": [...], "logits": [...],
               "temperature": 1.0, "true_class": 0, "z": -6.0, "y": 1.0,
               "learning_rate": 1.0,
               "training_points": [[x1, x2, label], ...], "training_model": "logistic",
               "training_start": "confidently wrong", "training_scale": 1.0,
               "training_learning_rate": 0.3, "training_step": 0,
               "training_weights_ce": [...], "training_weights_mse": [...]},
     "story": {...}}

"story" (format version 2, optional) is a guided story (``stories.story_to_data``);
files of version 1 have none and still open.

Reading is defensive: the file must be small, be JSON, carry our format
name and a version we know, and hold only known keys of the right types.
Values are then validated by ``ExplorerModel.set_state``, which refuses NaN,
out-of-range numbers and inconsistent logits and probabilities without
changing anything.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from lossexplorer import atomic, stories
from lossexplorer.atomic import read_regular_file
from lossexplorer.model import DEFAULT_CLASSES
from lossexplorer.parts.training import MAX_POINTS

FORMAT = "lossexplorer-scenario"
VERSION = 2  # 2: an optional "story"; version 1 files still open
SUFFIX = ".lossx"
# 2000 training points, written one number a line, take about 200 kB
MAX_BYTES = 1024 * 1024
MAX_LIST = 16  # a list of numbers (probabilities, logits) is never longer
MAX_WEIGHTS = 64  # a training run's parameters, one list: 51 for the hidden layer with birds
_STATE_TYPES = {
    "classes": list,
    "probabilities": list,
    "logits": list,
    "temperature": (int, float),
    "true_class": int,
    "z": (int, float),
    "y": (int, float),
    "learning_rate": (int, float),
    "training_points": list,
    "training_model": str,
    "training_start": str,
    "training_scale": (int, float),
    "training_learning_rate": (int, float),
    "training_step": int,
    "training_weights_ce": list,
    "training_weights_mse": list,
}


class ScenarioError(ValueError):
    """A scenario file that cannot be used, with a message for the teacher."""


@dataclass(frozen=True)
class Preset:
    """A one-click scenario: a partial model state and a shortcut."""

    key: str
    title: str
    state: dict
    shortcut: str


PRESETS = (
    Preset("seed", QT_TRANSLATE_NOOP("Scenarios", "Seed example: cat 0.7 / dog 0.2 / bird 0.1"),
           {"probabilities": [0.7, 0.2, 0.1], "true_class": 0, "temperature": 1.0}, "Alt+1"),
    Preset("wrong", QT_TRANSLATE_NOOP("Scenarios", "Seed's wrong example: 0.1 / 0.8 / 0.1"),
           {"probabilities": [0.1, 0.8, 0.1], "true_class": 0, "temperature": 1.0}, "Alt+2"),
    Preset("uniform", QT_TRANSLATE_NOOP("Scenarios", "Uniform: no idea"),
           {"probabilities": [1 / 3, 1 / 3, 1 / 3], "true_class": 0, "temperature": 1.0}, "Alt+3"),
    Preset("right", QT_TRANSLATE_NOOP("Scenarios", "Confident and right"),
           {"probabilities": [0.98, 0.01, 0.01], "true_class": 0, "temperature": 1.0}, "Alt+4"),
    Preset("confident_wrong", QT_TRANSLATE_NOOP("Scenarios", "Confident and wrong"),
           {"probabilities": [0.01, 0.98, 0.01], "true_class": 0, "temperature": 1.0}, "Alt+5"),
    Preset("binary_wrong",
           QT_TRANSLATE_NOOP("Scenarios", "Binary: y = 1, z = −6 (confidently wrong)"),
           {"y": 1.0, "z": -6.0}, "Alt+6"),
    Preset("binary_unsure", QT_TRANSLATE_NOOP("Scenarios", "Binary: y = 1, z = 0 (unsure)"),
           {"y": 1.0, "z": 0.0}, "Alt+7"),
    Preset("binary_right",
           QT_TRANSLATE_NOOP("Scenarios", "Binary: y = 1, z = +6 (confidently right)"),
           {"y": 1.0, "z": 6.0}, "Alt+8"),
)  # fmt: skip


def preset_state(preset: Preset, classes) -> dict:
    """The state a preset sets; multi-class presets keep three class names."""
    state = dict(preset.state)
    if "probabilities" in state and len(classes) != 3:
        state["classes"] = list(DEFAULT_CLASSES)
    return state


def dumps(state: dict, story: stories.Story | None = None) -> str:
    """The text of a ``.lossx`` file for ``state`` (from ``ExplorerModel.state()``),
    with ``story`` if one is given."""
    data = {"format": FORMAT, "version": VERSION, "state": state}
    if story is not None:
        data["story"] = stories.story_to_data(story)
    return json.dumps(data, indent=2) + "\n"


def save(path, state: dict, story: stories.Story | None = None) -> None:
    """Write ``state`` (and ``story``) to ``path`` atomically (see ``lossexplorer.atomic``).

    Raises ``OSError`` with a message naming the file; the old file is then
    unchanged and nothing is left beside it.
    """
    atomic.write_text(path, dumps(state, story))


def _refuse(message: str, *args):
    """Raise a ScenarioError: ``message`` (marked with QT_TRANSLATE_NOOP) translated."""
    raise ScenarioError(QCoreApplication.translate("Scenarios", message).format(*args))


def _reject_constant(name):
    _refuse(
        QT_TRANSLATE_NOOP(
            "Scenarios", "The file contains {0}, which is not a number a scenario can hold."
        ),
        name,
    )


def loads(text: str) -> dict:
    """Parse and check a scenario; return the state for ``ExplorerModel.set_state``.

    Raises ``ScenarioError`` with a readable message for anything wrong.
    """
    return parse(text)[0]


def parse(text: str) -> tuple[dict, stories.Story | None]:
    """Parse and check a scenario: its state, and its story (None if it has none).

    Raises ``ScenarioError`` with a readable message for anything wrong,
    in the story too: nothing of a damaged file is used.
    """
    data = _parse(text.removeprefix("\ufeff"))  # a byte-order mark, as Notepad writes
    _check_header(data)
    state = data.get("state")
    if not isinstance(state, dict):
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The scenario file holds no state."))
    for key, value in state.items():
        _check_entry(key, value)
    story = None
    if "story" in data:
        try:
            story = stories.story_from_data(data["story"])
        except ValueError as e:
            _refuse(QT_TRANSLATE_NOOP("Scenarios", "The scenario's story cannot be used: {0}"), e)
    return state, story


def _parse(text: str):
    if len(text) > MAX_BYTES:
        _refuse(
            QT_TRANSLATE_NOOP("Scenarios", "The file is too large to be a lossexplorer scenario.")
        )
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The file is nested too deeply to be a scenario."))
    except json.JSONDecodeError as e:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Scenarios", "The file is damaged or not a scenario (JSON error at line {0})."
            ),
            e.lineno,
        )
    except ValueError:  # a whole number of thousands of digits
        _refuse(_TOO_LARGE)


def _check_header(data) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "This is not a lossexplorer scenario file."))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The scenario file has no valid format version."))
    if version > VERSION:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Scenarios",
                "The scenario was saved by a newer lossexplorer (format {0}); "
                "this one reads format {1}.",
            ),
            version,
            VERSION,
        )


def _check_entry(key, value) -> None:
    """Refuse an unknown key, a value of the wrong type, or a number beyond float64."""
    expected = _STATE_TYPES.get(key)
    if expected is None:
        _refuse(
            QT_TRANSLATE_NOOP("Scenarios", "The scenario has an unknown entry {0}."), _quoted(key)
        )
    if isinstance(value, bool) or not isinstance(value, expected):
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The scenario's {0} has the wrong type."), repr(key))
    if isinstance(value, str):
        return
    if not isinstance(value, list):
        _check_number(value)
        return
    if key == "training_points":
        _check_points(value)
        return
    longest = MAX_WEIGHTS if key.startswith("training_weights") else MAX_LIST
    if len(value) > longest:
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The scenario's {0} is far too long."), repr(key))
    _check_numbers(key, value)


def _check_points(rows) -> None:
    """Training points: at most MAX_POINTS rows of three finite numbers (checked further
    by the model)."""
    key = repr("training_points")
    if len(rows) > MAX_POINTS:
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The scenario's {0} is far too long."), key)
    for row in rows:
        if not isinstance(row, list) or len(row) != 3:
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Scenarios", "The scenario's {0} holds values of the wrong type."
                ),
                key,
            )
        _check_numbers("training_points", row)


_WRONG_VALUES = QT_TRANSLATE_NOOP("Scenarios", "The scenario's {0} holds values of the wrong type.")


def _check_numbers(key, value) -> None:
    kind = str if key == "classes" else (int, float)
    if any(isinstance(v, bool) or not isinstance(v, kind) for v in value):
        _refuse(_WRONG_VALUES, repr(key))
    if kind is not str:
        for v in value:
            _check_number(v)
        if not all(math.isfinite(v) for v in value):
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Scenarios", "The scenario's {0} holds a value that is not finite."
                ),
                repr(key),
            )


_TOO_LARGE = QT_TRANSLATE_NOOP("Scenarios", "The file holds a number too large for a scenario.")


def _check_number(value) -> None:
    """Refuse a whole number too large for a float (JSON has no limit)."""
    if isinstance(value, int):
        try:
            float(value)
        except OverflowError:
            _refuse(_TOO_LARGE)


def _quoted(key: str, limit: int = 40) -> str:
    """A key from a file, quoted and cut short enough for a message."""
    text = repr(key)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load(path) -> dict:
    """Read and check a ``.lossx`` file: its state."""
    return read(path)[0]


def read(path) -> tuple[dict, stories.Story | None]:
    """Read and check a ``.lossx`` file: its state and its story (None if it has none)."""
    try:
        raw = read_regular_file(path, MAX_BYTES + 1)  # never read a huge file whole
    except OSError as e:
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The file could not be read: {0}."), e.strerror or e)
    if raw is None:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Scenarios",
                "This is not a file (a folder, a pipe or a device): it is not a scenario.",
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Scenarios", "The file is not text: it is not a lossexplorer scenario."
            )
        )
    return parse(text)


def apply(model, state: dict) -> None:
    """Give ``model`` a loaded state; refused values raise ScenarioError."""
    try:
        model.set_state(state)
    except ValueError as e:
        _refuse(QT_TRANSLATE_NOOP("Scenarios", "The scenario holds an impossible value: {0}"), e)
