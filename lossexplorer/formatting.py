"""How numbers are written on screen: real minus signs, ∞ (and how big), and powers of ten."""

from __future__ import annotations

import math

from lossexplorer import losses

MINUS = "\u2212"
INFINITY = "\u221e"
_SUPERSCRIPT = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


def superscript(n: int) -> str:
    """The whole number ``n`` in superscript digits: the exponent of "10⁻³"."""
    return str(n).translate(_SUPERSCRIPT)


def fmt_number(x: float, digits: int = 3) -> str:
    """Format ``x`` for students: fixed ``digits`` decimals, ∞, or a × 10ⁿ.

    Values too small for the fixed format (but not 0) are written in
    scientific form, so that a vanishing gradient never reads as 0.000.
    """
    x = float(x)
    if math.isnan(x):
        raise ValueError("refusing to show NaN")
    if math.isinf(x):
        return (MINUS if x < 0 else "") + INFINITY
    if x != 0.0 and abs(x) < 0.5 * 10.0**-digits:
        return fmt_power(math.copysign(1.0, x), math.log10(abs(x)), digits)
    if abs(x) >= 1e6:
        return fmt_power(math.copysign(1.0, x), math.log10(abs(x)), digits)
    return fmt_fixed(x, digits)


def fmt_fixed(x: float, digits: int = 2) -> str:
    """``x`` with exactly ``digits`` decimals and a real minus sign.

    A value that rounds to zero is written without a sign, whatever its own
    sign (−0.0 from a file, −0.001 at two decimals): never "−0.00".
    """
    x = float(x)
    if not math.isfinite(x):
        return fmt_number(x)  # ∞, or the refusal to show NaN
    text = f"{x:.{digits}f}"
    if text.startswith("-"):
        text = MINUS + text[1:] if any(c in "123456789" for c in text) else text[1:]
    return text


def fmt_power(sign: float, log10_abs: float, digits: int = 3) -> str:
    """Write sign · 10^log10_abs as "m × 10ⁿ" (works far past float64 underflow)."""
    if math.isinf(log10_abs) and log10_abs < 0:
        return "0"
    exponent = math.floor(log10_abs)
    mantissa = 10.0 ** (log10_abs - exponent)
    if round(mantissa, digits - 1) >= 10.0:
        mantissa /= 10.0
        exponent += 1
    text = f"{mantissa:.{digits - 1}f} \u00d7 10" + superscript(exponent)
    return (MINUS if sign < 0 else "") + text


def fmt_y_hat(z: float) -> str:
    """ŷ = σ(z) as text: ``fmt_number``, or m × 10ⁿ computed from log σ(z).

    Far out in the lower tail σ(z) underflows to 0 in float64 (z < −745), but
    log σ(z) does not, so the text never reads 0.000 for a positive ŷ.
    """
    y_hat = float(losses.sigmoid(z))
    if y_hat < 0.5e-3:
        return fmt_power(1.0, float(losses.log_sigmoid(z)) / losses.LN10)
    return fmt_number(y_hat)


def infinity_path(font):
    """∞ drawn as tall as the digits of ``font``, standing where a digit stands.

    Fonts draw ∞ as a symbol of about the height of an "x", raised to the
    middle of the line (DejaVu Sans Bold: 58 % of a digit's height,
    WenQuanYi Micro Hei: 48 %): beside "0.357" it reads as a smaller
    number.  Returns the sign's outline (a ``QPainterPath`` in pixels, the
    origin on the baseline, its left edge at x = 0) and its width.
    """
    from PySide6.QtGui import QPainterPath, QTransform  # the rest of this module needs no Qt

    def outline(text):
        path = QPainterPath()
        path.addText(0.0, 0.0, font, text)
        return path

    digit = outline("0").boundingRect()
    sign = outline(INFINITY)
    box = sign.boundingRect()
    if box.height() <= 0.0 or digit.height() <= 0.0:
        return sign, box.right()
    scale = digit.height() / box.height()
    transform = QTransform()
    transform.translate(0.0, digit.top())
    transform.scale(scale, scale)
    transform.translate(-box.left(), -box.top())
    return transform.map(sign), box.width() * scale
