"""The loss math that every panel shows: pure NumPy, float64, no Qt.

Every function broadcasts over any shape, never emits a NumPy warning and keeps
about 1e-12 relative accuracy for logits in [-700, 700] and for probabilities
near 0 and 1.  The tricks that make the tails exact:

* ``sigmoid`` picks the form whose exponential cannot overflow;
* ``1 - sigmoid(z)`` is computed as ``sigmoid(-z)``, never by subtraction;
* ``log(sigmoid(z))`` is ``-softplus(-z)`` with ``softplus`` built on ``log1p``;
* ``sigmoid(z) - y`` subtracts the two small quantities ``1 - y`` and
  ``sigmoid(-z)`` when ``sigmoid(z)`` is the larger half, so ``y = 1`` with a
  large ``z`` is exact instead of cancelling to zero;
* the softmax sum is split into "1 for the largest logit" plus the rest, so
  ``-log p`` for a confident prediction is ``log1p(rest)``.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "sigmoid",
    "log_sigmoid",
    "softplus",
    "softmax",
    "log_softmax",
    "cross_entropy",
    "cross_entropy_grad",
    "binary_cross_entropy",
    "binary_cross_entropy_grad",
    "binary_cross_entropy_prob",
    "mse",
    "mse_grad",
    "mse_prob",
    "negative_log",
    "linear_penalty",
    "brier_score",
    "log10_abs_bce_grad",
    "log10_abs_mse_grad",
    "gradient_descent",
    "logit",
    "z_grid",
    "LN10",
]

LN10 = float(np.log(10.0))  # ln 10: a natural log divided by it is a log10


def _f64(x):
    return np.asarray(x, dtype=np.float64)


def _out(a):
    """Return a NumPy scalar for 0-d results, the array otherwise."""
    return a[()] if np.ndim(a) == 0 else a


def sigmoid(z):
    """The logistic function 1 / (1 + e^-z), exact in both tails."""
    z = _f64(z)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return _out(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def softplus(x):
    """log(1 + e^x), computed as max(x, 0) + log1p(e^-|x|)."""
    x = _f64(x)
    return _out(np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x))))


def log_sigmoid(z):
    """log(sigmoid(z)) = -softplus(-z), finite for every finite z."""
    return _out(-softplus(-_f64(z)))


def _sigmoid_minus(z, y):
    """sigmoid(z) - y without cancelling in the upper tail.

    Where sigmoid(z) >= 1/2 it is written as (1 - y) - sigmoid(-z); 1 - y is
    exact there whenever the difference is small (Sterbenz), and sigmoid(-z)
    is exact to the last bit.
    """
    z, y = np.broadcast_arrays(_f64(z), _f64(y))
    return np.where(z >= 0, (1.0 - y) - sigmoid(-z), sigmoid(z) - y)


def _shifted(logits, axis):
    """Return (x - max, log1p(rest), argmax mask) along ``axis``.

    ``rest`` is the softmax denominator minus the 1 that the largest logit
    contributes, so that log(sum) = log1p(rest) stays exact when one class
    dominates.
    """
    x = _f64(logits)
    if x.ndim == 0:
        raise ValueError("logits need at least one axis of classes")
    if x.shape[axis] == 0:
        raise ValueError("logits need at least one class")
    k = np.expand_dims(np.argmax(x, axis=axis), axis)
    m = np.take_along_axis(x, k, axis=axis)
    with np.errstate(over="ignore"):  # a gap past 1e308 is -inf: e^-inf = 0 is right
        d = x - m
    top = np.zeros(x.shape, dtype=bool)
    np.put_along_axis(top, k, True, axis=axis)
    e = np.exp(d)
    rest = np.sum(np.where(top, 0.0, e), axis=axis, keepdims=True)
    return d, e, np.log1p(rest), rest, top


def log_softmax(logits, axis=-1):
    """log of the softmax along ``axis`` (the last axis by default)."""
    d, _, l1p, _, _ = _shifted(logits, axis)
    return _out(d - l1p)


def softmax(logits, axis=-1):
    """Probabilities e^x_i / sum_j e^x_j along ``axis`` (the last by default)."""
    _, e, _, rest, _ = _shifted(logits, axis)
    return _out(e / (1.0 + rest))


def _class_axis_last(logits):
    x = _f64(logits)
    if x.ndim == 0:
        raise ValueError("logits need at least one axis of classes")
    return x


def _index_target(target, shape):
    t = np.asarray(target)
    if t.dtype.kind not in "iu":
        raise ValueError("class-index targets must be integers")
    n = shape[-1]
    if np.any((t < 0) | (t >= n)):
        raise ValueError(f"class index out of range: there are {n} classes")
    return np.broadcast_to(t, shape[:-1])


def _is_index_target(target, logits):
    t = np.asarray(target)
    return t.dtype.kind in "iub" or t.ndim < np.ndim(logits)


def cross_entropy(logits, target):
    """Per-sample cross-entropy of ``logits`` (classes on the last axis).

    ``target`` is either integer class indices (shape ``logits.shape[:-1]``)
    or a probability vector per sample (soft targets, same shape as
    ``logits``).  Same values as PyTorch's
    ``F.cross_entropy(logits, target, reduction="none")``.
    """
    x = _class_axis_last(logits)
    d, _, l1p, _, _ = _shifted(x, -1)
    nls = l1p - d  # -log_softmax, a sum of two non-negative terms
    if _is_index_target(target, x):
        t = _index_target(target, x.shape)
        loss = np.take_along_axis(nls, t[..., None], axis=-1)[..., 0]
    else:
        t = np.broadcast_to(_f64(target), x.shape)
        loss = np.sum(t * nls, axis=-1)
    return _out(loss)


def cross_entropy_grad(logits, target):
    """d cross_entropy / d logits = softmax(logits) - target (one-hot or soft)."""
    x = _class_axis_last(logits)
    _, e, _, rest, top = _shifted(x, -1)
    p = e / (1.0 + rest)
    if _is_index_target(target, x):
        t = _index_target(target, x.shape)
        onehot = np.zeros(x.shape)
        np.put_along_axis(onehot, t[..., None], 1.0, axis=-1)
    else:
        onehot = np.broadcast_to(_f64(target), x.shape)
    grad = p - onehot
    # For the dominant class p ~ 1: p - t = (1 - t) - (1 - p), and 1 - p is
    # the sum of the other probabilities, which has no cancellation.
    one_minus_p = rest / (1.0 + rest)
    grad = np.where(top, (1.0 - onehot) - one_minus_p, grad)
    return _out(grad)


def _check_label(y):
    y = _f64(y)
    if np.any(~((y >= 0.0) & (y <= 1.0))):
        raise ValueError("the label y must lie in [0, 1]")
    return y


def binary_cross_entropy(z, y):
    """-[y log sigmoid(z) + (1 - y) log(1 - sigmoid(z))] from the logit z.

    Same values as PyTorch's ``F.binary_cross_entropy_with_logits``.
    Written as y softplus(-z) + (1 - y) softplus(z): two non-negative terms.
    """
    z = _f64(z)
    y = _check_label(y)
    return _out(y * softplus(-z) + (1.0 - y) * softplus(z))


def binary_cross_entropy_grad(z, y):
    """d binary_cross_entropy / dz = sigmoid(z) - y."""
    return _out(_sigmoid_minus(z, _check_label(y)))


def mse(z, y):
    """Seed 003's squared error on the sigmoid output: 0.5 (y - sigmoid(z))^2."""
    d = _sigmoid_minus(z, _check_label(y))
    return _out(0.5 * d * d)


def mse_grad(z, y):
    """d mse / dz = (sigmoid(z) - y) sigmoid(z) (1 - sigmoid(z))."""
    z = _f64(z)
    d = _sigmoid_minus(z, _check_label(y))
    return _out(d * sigmoid(z) * sigmoid(-z))


def log10_abs_bce_grad(z, y):
    """log10 |sigmoid(z) - y|, finite even where the value underflows.

    Returns -inf only where the gradient is exactly zero.
    """
    z = _f64(z)
    y = _check_label(y)
    d = np.abs(_sigmoid_minus(z, y))
    # Where y is 0 or 1 the magnitude is sigmoid(+-z): take its log directly
    # so that it does not underflow far out in the tails.
    exact = np.where(y == 0.0, log_sigmoid(z), log_sigmoid(-z))
    with np.errstate(divide="ignore"):
        general = np.log(d)
    return _out(np.where((y == 0.0) | (y == 1.0), exact, general) / LN10)


def log10_abs_mse_grad(z, y):
    """log10 |mse_grad(z, y)|, finite far into the tails where it underflows."""
    z = _f64(z)
    y = _check_label(y)
    ln = log10_abs_bce_grad(z, y) * LN10 + log_sigmoid(z) + log_sigmoid(-z)
    return _out(ln / LN10)


def binary_cross_entropy_prob(p, y):
    """-[y log p + (1 - y) log(1 - p)] from a probability p in [0, 1].

    Returns inf (no warning) where the label's side has probability 0.
    """
    p = _f64(p)
    y = _check_label(y)
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(y == 0.0, 0.0, -y * np.log(p))
        b = np.where(y == 1.0, 0.0, -(1.0 - y) * np.log1p(-p))
    return _out(a + b)


def mse_prob(p, y):
    """0.5 (y - p)^2 from a probability p."""
    d = _f64(p) - _check_label(y)
    return _out(0.5 * d * d)


def negative_log(p):
    """-log p, the cross-entropy penalty of the true class; inf at p = 0."""
    p = _f64(p)
    with np.errstate(divide="ignore"):
        return _out(-np.log(p))


def linear_penalty(p):
    """1 - p, the naive penalty of seed 000 section 5."""
    return _out(1.0 - _f64(p))


def brier_score(probabilities, target):
    """Brier score sum_i (p_i - onehot_i)^2 over the last axis.

    ``target`` is a class index (or an array of them).  Ranges from 0
    (certain and right) to 2 (certain and wrong).
    """
    p = _f64(probabilities)
    t = _index_target(target, p.shape)
    onehot = np.zeros(p.shape)
    np.put_along_axis(onehot, t[..., None], 1.0, axis=-1)
    return _out(np.sum((p - onehot) ** 2, axis=-1))


def gradient_descent(grad, z0, y, learning_rate, steps):
    """Run ``steps`` steps of z <- z - learning_rate * grad(z, y) from z0.

    Returns the array of the ``steps + 1`` visited z values.  ``grad`` is
    ``mse_grad`` or ``binary_cross_entropy_grad``.
    """
    zs = np.empty(int(steps) + 1)
    zs[0] = z = float(z0)
    for i in range(1, int(steps) + 1):
        z = z - learning_rate * float(grad(z, y))
        zs[i] = z
    return zs


def logit(p):
    """The inverse of ``sigmoid``: log(p / (1 - p)); -inf at p = 0, inf at p = 1."""
    p = _f64(p)
    with np.errstate(divide="ignore", invalid="ignore"):  # NaN outside [0, 1]
        return _out(np.log(p) - np.log1p(-p))


def z_grid(inner_points, inner=10.0, outer=1000.0, tail_points=60):
    """Logits to draw a curve of z at: dense near 0, sparse far out.

    ``inner_points`` evenly spaced in [-inner, inner], then ``tail_points``
    on each side spaced evenly in log |z| out to +-outer (where every curve
    of z here is a straight line or a constant).
    """
    tail = inner * np.logspace(0.0, np.log10(outer / inner), tail_points + 1)[1:]
    return np.concatenate([-tail[::-1], np.linspace(-inner, inner, inner_points), tail])
