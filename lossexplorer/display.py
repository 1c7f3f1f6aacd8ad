"""How the state is shown, as state: scale, quiz, presentation, spotlight, pointer, blank, views.

``DisplaySettings`` is state like the model's (napari's evented
``ViewerModel.theme`` is the pattern): read-only properties, setters that
check their input (``ValueError``, and nothing changes) and one ``changed``
signal per real change, with ``last_change`` naming what changed.  The model
holds one, ``model.display``; a panel redraws on its ``changed`` as on the
model's, so a panel behind another tab only marks itself out of date.

View options (``view``/``set_view``) are a panel's own toggles, such as the
gradient overlay: they live here, not in the panel, so they survive the
panel being built again at a new scale.
"""

from __future__ import annotations

import math
from numbers import Real

from PySide6.QtCore import QObject, Signal

HIDDEN = "?"  # what quiz mode shows instead of a loss value
SCALE_RANGE = (0.5, 4.0)  # presentation mode uses 1.4, 1.6 or 2
BLANKS = ("black", "white")  # what the blank-screen keys show
# Each view option and the values it may take (the first is the default).
VIEW_OPTIONS = {
    "gradient_overlay": (False, True),  # "Show |dL/dz|" over the MSE and cross-entropy plot
    "gradient_log": (False, True),  # that overlay's log scale
    "binary_range": ("wide", "close"),  # the MSE plot's z range: [-10, 10] or the seed's [-1, 1]
    "race_speed": (30, *range(1, 30), *range(31, 61)),  # the race's steps per second
    "training_loss_log": (False, True),  # the training curves' loss on a log scale
    "training_class": (0, 1, 2),  # the class a click on the training data adds
}


class DisplaySettings(QObject):
    """How the lesson is shown: every piece of display state, observable.

    * ``scale``: how much bigger text, lines and markers are (1 normally);
    * ``numbers_hidden``: quiz mode;
    * ``presentation``: presentation mode (the projector layouts and palette);
    * ``spotlight``: the key of the one panel that fills the window, or None;
    * ``pointer_highlight``: a ring round the mouse pointer in presentation mode;
    * ``blank``: "black" or "white" while the screen is blanked, else None;
    * ``view(name)``: a panel's view option (``VIEW_OPTIONS``).

    Fonts, pens and markers are built at the scale (see ``style``), so a
    new scale shows once the panels are built again; the rest shows at the
    next redraw.
    """

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._scale = 1.0
        self._numbers_hidden = False
        self._presentation = False
        self._spotlight = None
        self._pointer_highlight = True
        self._blank = None
        self._views = {name: values[0] for name, values in VIEW_OPTIONS.items()}
        self.last_change: frozenset[str] = frozenset()

    def _emit(self, what: str):
        self.last_change = frozenset({what})
        self.changed.emit()

    @property
    def scale(self) -> float:
        """How much bigger than normal text, lines and markers are drawn."""
        return self._scale

    @property
    def numbers_hidden(self) -> bool:
        """Quiz mode: every loss value is shown as "?"."""
        return self._numbers_hidden

    @property
    def presentation(self) -> bool:
        """Presentation mode: the projector layouts, palette and pointer."""
        return self._presentation

    @property
    def spotlight(self) -> str | None:
        """The key of the panel that fills the window, or None."""
        return self._spotlight

    @property
    def pointer_highlight(self) -> bool:
        """Whether presentation mode draws a ring round the pointer."""
        return self._pointer_highlight

    @property
    def blank(self) -> str | None:
        """ "black" or "white" while the screen is blanked, else None."""
        return self._blank

    def view(self, name: str):
        """The value of view option ``name`` (``KeyError`` if there is no such option)."""
        return self._views[name]

    def views(self) -> dict:
        """Every view option and its value (a copy)."""
        return dict(self._views)

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
            self._emit("scale")

    def set_numbers_hidden(self, hidden) -> None:
        """Hide (True) or show (False) every loss value."""
        self._set_flag("numbers_hidden", hidden)

    def set_presentation(self, on) -> None:
        """Enter (True) or leave (False) presentation mode."""
        self._set_flag("presentation", on)

    def set_pointer_highlight(self, on) -> None:
        """Draw (True) or do not draw (False) the ring round the pointer in presentation mode."""
        self._set_flag("pointer_highlight", on)

    def _set_flag(self, name, value):
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be True or False, not {value!r}")
        if value != getattr(self, "_" + name):
            setattr(self, "_" + name, value)
            self._emit(name)

    def set_spotlight(self, key) -> None:
        """Spotlight the panel ``key`` (a non-empty string), or none (None)."""
        if key is not None and not (isinstance(key, str) and key):
            raise ValueError(f"the spotlight is a panel key or None, not {key!r}")
        if key != self._spotlight:
            self._spotlight = key
            self._emit("spotlight")

    def set_blank(self, colour) -> None:
        """Blank the screen ("black" or "white"), or show it again (None)."""
        if colour is not None and colour not in BLANKS:
            raise ValueError(f"the blank screen is one of {BLANKS} or None, not {colour!r}")
        if colour != self._blank:
            self._blank = colour
            self._emit("blank")

    def set_view(self, name: str, value) -> None:
        """Set view option ``name`` to one of its values (``VIEW_OPTIONS``)."""
        if name not in VIEW_OPTIONS:
            raise ValueError(f"there is no view option {name!r}")
        allowed = VIEW_OPTIONS[name]
        if not any(type(value) is type(v) and value == v for v in allowed):
            raise ValueError(f"view option {name!r} takes one of {allowed}, not {value!r}")
        if value != self._views[name]:
            self._views[name] = value
            self._emit("view:" + name)

    def shown(self, text: str) -> str:
        """``text``, or "?" while quiz mode hides the numbers."""
        return HIDDEN if self._numbers_hidden else text
