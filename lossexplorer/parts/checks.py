"""Input checks shared by the model's parts: numbers, ranges, indices, names."""

from __future__ import annotations

import math
import unicodedata
from numbers import Integral, Real

import numpy as np

NAME_LIMIT = 24
# Text a name may not hold: controls, line breaks, and lone surrogates (which
# no file or clipboard can encode).
_BAD_NAME_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}


def short(value, limit: int = 40) -> str:
    """``repr(value)``, cut to ``limit`` characters for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def real(value, what: str) -> float:
    """Return ``value`` as a finite float or raise a readable ValueError."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise ValueError(f"{what} must be a number, not {short(value)}")
    try:
        value = float(value)
    except (OverflowError, ValueError):  # a whole number or fraction beyond float64
        raise ValueError(f"{what} must be a number that fits a float, not a huge one") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, not {value}")
    return value + 0.0  # -0.0 becomes 0.0: no "−0" anywhere


def in_range(value, lo: float, hi: float, what: str) -> float:
    """``real(value)``, refused unless it lies in [lo, hi]."""
    value = real(value, what)
    if not lo <= value <= hi:
        raise ValueError(f"{what} must lie between {lo:g} and {hi:g}, not {value:g}")
    return value


def index(i, n: int) -> int:
    """A class index in range(n)."""
    if isinstance(i, bool) or not isinstance(i, (Integral, np.integer)):
        raise ValueError(f"A class index must be a whole number, not {short(i)}")
    if not 0 <= int(i) < n:
        raise ValueError(f"There is no class number {i}: choose 0 to {n - 1}")
    return int(i)


def name(text) -> str:
    """A valid class name: 1 to NAME_LIMIT characters (code points) of printable text."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("A class name must be non-empty text")
    text = text.strip()
    if len(text) > NAME_LIMIT:
        raise ValueError(f"A class name may have at most {NAME_LIMIT} characters")
    if any(unicodedata.category(c) in _BAD_NAME_CATEGORIES for c in text):
        raise ValueError(
            "A class name must be plain text, without control characters, "
            "line breaks or lone surrogates"
        )
    return text


def vector(values, n: int, what: str) -> np.ndarray:
    """``values`` as n finite floats."""
    if isinstance(values, (str, bytes, dict)):
        raise ValueError(f"The {what} must be a list of {n} numbers")
    try:
        items = list(values)
    except TypeError:
        raise ValueError(f"The {what} must be a list of {n} numbers") from None
    if len(items) != n:
        raise ValueError(f"There must be {n} {what}, one per class, not {len(items)}")
    return np.array([real(v, f"Each of the {what}") for v in items])


def readonly(a) -> np.ndarray:
    """A float64 copy of ``a`` that cannot be written to."""
    a = np.array(a, dtype=np.float64)
    a.flags.writeable = False
    return a
