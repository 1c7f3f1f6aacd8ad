"""The dock panels, and the registry the main window builds its docks from.

Adding a panel is one module in this package plus one ``PanelSpec`` line in
``PANELS``: its key, title, class and its ``Place`` (lesson, column, row).
The main window makes a dock for every line, the View menu lists it, its
lesson shows it in that cell (tabbed after the panels listed before it) and
the "everything" lesson shows it in the same cell.  Panel classes are named as
``"module:Class"`` strings and imported only when their dock is built.

Everything reads ``PANELS`` when it needs it, never a copy taken at import:
a test may register one more panel by replacing the tuple.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Place:
    """Where a panel sits in its lesson: column 0 (left) or 1 (right), row 0 at the top."""

    lesson: str
    column: int
    row: int


@dataclass(frozen=True)
class PanelSpec:
    """One dock: its object name, title, panel class and place in a lesson."""

    key: str
    title: str
    target: str | type  # "module:Class" in this package (imported when built), or the class
    place: Place
    tab: str = ""  # a short title for its tab when it shares a cell ("": the title)

    def load(self):
        """Import and return the panel class."""
        if not isinstance(self.target, str):
            return self.target
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(f"lossexplorer.panels.{module}"), name)


PANELS = (
    PanelSpec("probabilities", QT_TRANSLATE_NOOP("Panels", "Probabilities"), "probabilities:ProbabilitiesPanel", Place("multiclass", 0, 0)),
    PanelSpec("readout", QT_TRANSLATE_NOOP("Panels", "Loss readout"), "readout:ReadoutPanel", Place("multiclass", 1, 0), QT_TRANSLATE_NOOP("Panels", "Readout")),
    PanelSpec("logits", QT_TRANSLATE_NOOP("Panels", "Logits and softmax"), "logits:LogitsPanel", Place("multiclass", 0, 1), QT_TRANSLATE_NOOP("Panels", "Logits")),
    PanelSpec("penalty", QT_TRANSLATE_NOOP("Panels", "Penalty curves"), "penalty:PenaltyPanel", Place("multiclass", 1, 1), QT_TRANSLATE_NOOP("Panels", "Penalty")),
    PanelSpec("calculation", QT_TRANSLATE_NOOP("Panels", "Calculation"), "calculation:CalculationPanel", Place("multiclass", 0, 1)),
    PanelSpec("sigmoid", QT_TRANSLATE_NOOP("Panels", "Sigmoid"), "sigmoid:SigmoidPanel", Place("binary", 0, 0)),
    PanelSpec("binary_loss", QT_TRANSLATE_NOOP("Panels", "MSE vs cross-entropy"), "binary_loss:BinaryLossPanel", Place("binary", 0, 1), QT_TRANSLATE_NOOP("Panels", "MSE vs CE")),
    PanelSpec("ce_prob", QT_TRANSLATE_NOOP("Panels", "Cross-entropy over ŷ"), "ce_prob:CeProbPanel", Place("binary", 1, 0), QT_TRANSLATE_NOOP("Panels", "CE over ŷ")),
    PanelSpec("race", QT_TRANSLATE_NOOP("Panels", "Gradient-descent race"), "race:RacePanel", Place("binary", 1, 1), QT_TRANSLATE_NOOP("Panels", "Race")),
    PanelSpec("training_data", QT_TRANSLATE_NOOP("Panels", "Training data"), "training_data:TrainingDataPanel", Place("training", 0, 0), QT_TRANSLATE_NOOP("Panels", "Data")),
    PanelSpec("training_controls", QT_TRANSLATE_NOOP("Panels", "Training controls"), "training_controls:TrainingControlsPanel", Place("training", 0, 1), QT_TRANSLATE_NOOP("Panels", "Controls")),
    PanelSpec("training_maps", QT_TRANSLATE_NOOP("Panels", "Decision maps: MSE vs cross-entropy"), "training_maps:TrainingMapsPanel", Place("training", 1, 0), QT_TRANSLATE_NOOP("Panels", "Maps")),
    PanelSpec("training_curves", QT_TRANSLATE_NOOP("Panels", "Training curves"), "training_curves:TrainingCurvesPanel", Place("training", 1, 1), QT_TRANSLATE_NOOP("Panels", "Curves")),
)  # fmt: skip


def spec(key: str) -> PanelSpec:
    """The registered panel ``key`` (``KeyError`` if there is none)."""
    for s in PANELS:
        if s.key == key:
            return s
    raise KeyError(key)
