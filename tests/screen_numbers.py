"""Read back a number as the app writes it (``formatting.fmt_number``): −, ∞ and m × 10ⁿ."""

from __future__ import annotations

import math

from lossexplorer.formatting import INFINITY, MINUS

_FROM_SUPERSCRIPT = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def parse_number(text: str) -> float:
    """The value of a number written by ``fmt_number`` (or ``fmt_power``)."""
    t = text.strip().replace(MINUS, "-")
    if t.lstrip("-") == INFINITY:
        return -math.inf if t.startswith("-") else math.inf
    if "\u00d7" in t:
        mant, power = t.split("\u00d7")
        digits = power.strip()[2:]
        exponent = int(digits.translate(_FROM_SUPERSCRIPT))
        return float(mant) * 10.0**exponent
    return float(t)
