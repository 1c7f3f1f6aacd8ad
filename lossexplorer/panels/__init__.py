"""The dock panels, and the registry the main window builds its docks from.

Adding a panel is one module in this package plus one ``PanelSpec`` line in
``PANELS``.  Panel classes are named as ``"module:Class"`` strings and imported
only when their dock is built.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PanelSpec:
    """One dock: its object name, title, panel class and lessons."""

    key: str
    title: str
    target: str
    lessons: tuple[str, ...]

    def load(self):
        """Import and return the panel class."""
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(f"lossexplorer.panels.{module}"), name)


PANELS = (
    PanelSpec(
        "probabilities",
        QT_TRANSLATE_NOOP("Panels", "Probabilities"),
        "probabilities:ProbabilitiesPanel",
        ("multiclass",),
    ),
    PanelSpec("readout", QT_TRANSLATE_NOOP("Panels", "Loss readout"), "readout:ReadoutPanel", ("multiclass",)),
    PanelSpec("logits", QT_TRANSLATE_NOOP("Panels", "Logits and softmax"), "logits:LogitsPanel", ("multiclass",)),
    PanelSpec("penalty", QT_TRANSLATE_NOOP("Panels", "Penalty curves"), "penalty:PenaltyPanel", ("multiclass",)),
    PanelSpec("calculation", QT_TRANSLATE_NOOP("Panels", "Calculation"), "calculation:CalculationPanel", ("multiclass",)),
    PanelSpec("sigmoid", QT_TRANSLATE_NOOP("Panels", "Sigmoid"), "sigmoid:SigmoidPanel", ("binary",)),
    PanelSpec("binary_loss", QT_TRANSLATE_NOOP("Panels", "MSE vs cross-entropy"), "binary_loss:BinaryLossPanel", ("binary",)),
    PanelSpec("ce_prob", QT_TRANSLATE_NOOP("Panels", "Cross-entropy over ŷ"), "ce_prob:ProbabilityLossPanel", ("binary",)),
    PanelSpec("race", QT_TRANSLATE_NOOP("Panels", "Gradient-descent race"), "race:RacePanel", ("binary",)),
)  # fmt: skip
