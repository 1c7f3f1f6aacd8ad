"""How the state is shown: the presentation scale and quiz mode, as state.

``DisplaySettings`` is state like the model's (napari's evented
``ViewerModel.theme`` is the pattern): read-only properties, setters that
check their input (``ValueError``, and nothing changes) and one ``changed``
signal per real change.  The model holds one, ``model.display``; a panel
redraws on its ``changed`` as on the model's, so a panel behind another tab
only marks itself out of date.
"""

from __future__ import annotations

import math
from numbers import Real

from PySide6.QtCore import QObject, Signal

HIDDEN = "?"  # what quiz mode shows instead of a loss value
SCALE_RANGE = (0.5, 4.0)  # presentation mode uses 1.4, 1.6 or 2


class DisplaySettings(QObject):
    """The presentation ``scale`` (1 normally) and quiz mode's ``numbers_hidden``.

    Fonts, pens and markers are built at the scale (see ``style``), so a
    new scale shows once the panels are built again; hiding the numbers
    shows at the next redraw.
    """

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._scale = 1.0
        self._numbers_hidden = False

    @property
    def scale(self) -> float:
        """How much bigger than normal text, lines and markers are drawn."""
        return self._scale

    @property
    def numbers_hidden(self) -> bool:
        """Quiz mode: every loss value is shown as "?"."""
        return self._numbers_hidden

    def set_scale(self, scale) -> None:
        """Set the scale: a finite number within ``SCALE_RANGE``."""
        lo, hi = SCALE_RANGE
        if isinstance(scale, bool) or not isinstance(scale, Real):
            raise ValueError(f"the scale must be a number, not {scale!r}")
        try:
            scale = float(scale)
        except (OverflowError, ValueError):
            raise ValueError("the scale must be a number that fits a float") from None
        if not (math.isfinite(scale) and lo <= scale <= hi):
            raise ValueError(f"the scale must lie between {lo:g} and {hi:g}, not {scale:g}")
        if scale != self._scale:
            self._scale = scale
            self.changed.emit()

    def set_numbers_hidden(self, hidden) -> None:
        """Hide (True) or show (False) every loss value."""
        if not isinstance(hidden, bool):
            raise ValueError(f"numbers_hidden must be True or False, not {hidden!r}")
        if hidden != self._numbers_hidden:
            self._numbers_hidden = hidden
            self.changed.emit()

    def shown(self, text: str) -> str:
        """``text``, or "?" while quiz mode hides the numbers."""
        return HIDDEN if self._numbers_hidden else text
