"""Full-batch gradient descent for the training lesson: pure NumPy, float64, no Qt.

Three models classify points X (n x 2) with integer labels:

* **logistic** (two classes): z = X·w + b, ŷ = σ(z), prediction [z > 0];
* **softmax** (K classes): z = X·W + b, p = softmax(z), prediction argmax z;
* **hidden**: h = tanh(X·W1 + b1) with a few units, then either of the above on h.

Two losses: cross-entropy ("ce": mean softplus(z) − t·z, or mean −log p_t) and
MSE ("mse": mean ½(t − σ(z))², or mean ½ Σ_k (p_k − onehot_k)²).  Both, and
their gradients, keep ``losses.py``'s standard: no NaN, no warning, and each
point's loss and gradient exact to about 1e-12 relative with the logits in the
hundreds, where MSE's gradient is tiny but not zero (the tests hold whole runs
to 1e-10 against mpmath).  The tricks beyond those of ``losses.py``:

* the softmax MSE gradient p_j (r_j − Σ_k p_k r_k), r = p − onehot, is
  rewritten as sums of terms that do not cancel (see ``_softmax_mse``);
* 1 − tanh²(a) is 4e / (1 + e)² with e = exp(−2|a|), exact for large |a|;
* the gradient norm is scaled before squaring, so that a gradient of 1e-200
  has a norm of 1e-200, not 0;
* every product is written out elementwise (no BLAS): the same inputs give the
  same bits, so n calls of ``step`` reproduce ``fit(steps=n)`` exactly.
"""

# X, W1, W2: the names for the matrices, kept in the public API
# ruff: noqa: N803, N806

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np

from lossexplorer import losses

__all__ = [
    "LOSSES",
    "MODELS",
    "KINDS",
    "SCALES",
    "DATASETS",
    "LinearParams",
    "HiddenParams",
    "Evaluation",
    "FitResult",
    "fit",
    "fit_hidden",
    "evaluate",
    "descend",
    "step",
    "predict_proba",
    "probabilities",
    "steps_to_accuracy",
    "make_dataset",
    "class_centers",
    "initial_parameters",
]

LOSSES = ("ce", "mse")
MODELS = ("logistic", "softmax")
KINDS = ("small random", "confidently wrong")
SCALES = {"small": 1.0, "large": 50.0}
# name -> number of classes
DATASETS = {
    "separable blobs": 2,
    "overlapping blobs": 2,
    "flipped labels": 2,
    "three blobs": 3,
    "two moons": 2,
    "xor": 2,
}
MAX_CLASSES = 6
MAX_HIDDEN = 64
MAX_POINTS = 100_000
MAX_STEPS = 1_000_000
MAX_LEARNING_RATE = 1e6
MAX_SCALE = 1e6
# With |X| <= X_LIMIT and every parameter within PARAM_LIMIT no logit, gap or
# gradient can overflow float64; a run whose parameters grow past it diverged.
X_LIMIT = 1e100
PARAM_LIMIT = 1e150
# A confidently wrong start puts the class means this far (times the scale)
# on the wrong side: the true class's logit margin there is -6 * scale, as
# the binary lesson's y = 1, z = -6.
WRONG_MARGIN = 6.0
# Points per block when probabilities are drawn over a grid: small blocks keep
# every temporary array in the cache (and out of fresh pages).
BLOCK_VALUES = 8192
FLIPPED_FRACTION = 0.1


# ----------------------------------------------------------------- parameters
@dataclass(frozen=True, eq=False)
class LinearParams:
    """A logistic model (weights (2,), bias a float) or a softmax one ((2, K), (K,))."""

    weights: np.ndarray
    bias: float | np.ndarray

    @property
    def classes(self) -> int:
        """The number of classes the model tells apart."""
        return 2 if np.ndim(self.weights) == 1 else np.shape(self.weights)[1]


@dataclass(frozen=True, eq=False)
class HiddenParams:
    """One tanh layer: W1 (2, H), b1 (H,); then W2 (H,), b2 a float (logistic)
    or W2 (H, K), b2 (K,) (softmax)."""

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: float | np.ndarray

    @property
    def classes(self) -> int:
        """The number of classes the model tells apart."""
        return 2 if np.ndim(self.W2) == 1 else np.shape(self.W2)[1]


@dataclass(frozen=True, eq=False)
class Evaluation:
    """The loss, accuracy, gradient and its norm at one set of parameters."""

    params: LinearParams | HiddenParams  # where it was measured
    loss: float
    accuracy: float
    grad_norm: float
    gradient: LinearParams | HiddenParams  # d loss / d each parameter


@dataclass(frozen=True, eq=False)
class FitResult:
    """The curves of a run (length steps + 1: entry i before step i, the last
    after the final step) and its final parameters.

    Read it as attributes or as a dict: ``r.loss`` is ``r["loss"]``.
    """

    loss: np.ndarray
    accuracy: np.ndarray
    grad_norm: np.ndarray
    params: LinearParams | HiddenParams

    @property
    def weights(self) -> np.ndarray:
        """The final weights of a logistic or softmax model."""
        return self._linear().weights

    @property
    def bias(self):
        """The final bias of a logistic or softmax model."""
        return self._linear().bias

    def _linear(self) -> LinearParams:
        if not isinstance(self.params, LinearParams):
            raise AttributeError("a hidden-layer run has params (W1, b1, W2, b2), not weights")
        return self.params

    def __getitem__(self, key):
        if key not in ("loss", "accuracy", "grad_norm", "params", "weights", "bias"):
            raise KeyError(key)
        return getattr(self, key)

    def keys(self):
        """The names that ``result[name]`` accepts."""
        names = ("loss", "accuracy", "grad_norm", "params")
        return names + (("weights", "bias") if isinstance(self.params, LinearParams) else ())


# ----------------------------------------------------------------- checks
def _short(value, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _real(value, what: str, lo: float, hi: float) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (Real, np.number)):
        raise ValueError(f"{what} must be a number, not {_short(value)}")
    try:
        value = float(value)
    except (OverflowError, ValueError, TypeError):
        raise ValueError(f"{what} must be a number that fits a float") from None
    if not math.isfinite(value) or not lo <= value <= hi:
        raise ValueError(f"{what} must lie between {lo:g} and {hi:g}, not {value:g}")
    return value + 0.0


def _whole(value, what: str, lo: int, hi: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (Integral, np.integer)):
        raise ValueError(f"{what} must be a whole number, not {_short(value)}")
    if not lo <= int(value) <= hi:
        raise ValueError(f"{what} must lie between {lo} and {hi}, not {int(value)}")
    return int(value)


def _choice(value, options, what: str) -> str:
    if not isinstance(value, str) or value not in options:
        listed = ", ".join(repr(o) for o in options)
        raise ValueError(f"{what} must be one of {listed}, not {_short(value)}")
    return value


def _array(values, what: str, shape: tuple, limit: float) -> np.ndarray:
    """``values`` as a read-only float64 array of ``shape`` (None: any length >= 1)."""
    a = _asarray(values, what)
    if a.dtype.kind not in "iuf":
        raise ValueError(f"{what} must be an array of real numbers, not of {a.dtype}")
    dims = ["n" if s is None else str(s) for s in shape]
    wanted = f"({', '.join(dims)}{',' if len(dims) == 1 else ''})" if dims else "() (one number)"
    if a.ndim != len(shape) or any(
        s is not None and s != d for s, d in zip(shape, a.shape, strict=True)
    ):
        raise ValueError(f"{what} must have shape {wanted}, not {a.shape}")
    if a.size == 0:
        raise ValueError(f"{what} must not be empty")
    a = np.array(a, dtype=np.float64)
    if not np.all(np.isfinite(a)):
        raise ValueError(f"{what} must hold finite numbers only (no NaN or infinity)")
    if np.max(np.abs(a)) > limit:
        raise ValueError(f"{what} must hold numbers no larger than {limit:g} in size")
    a += 0.0  # -0.0 becomes 0.0
    a.flags.writeable = False
    return a


def _asarray(values, what: str) -> np.ndarray:
    try:
        return np.asarray(values)
    except (ValueError, TypeError):  # ragged nested lists
        raise ValueError(f"{what} must be a rectangular array of numbers") from None


def _points(X) -> np.ndarray:
    return _array(X, "X", (None, 2), X_LIMIT)


def _labels(labels, n: int, classes: int) -> np.ndarray:
    t = _asarray(labels, "The labels")
    if t.dtype.kind not in "biu":
        raise ValueError(f"The labels must be whole numbers (class indices), not {t.dtype}")
    if t.shape != (n,):
        raise ValueError(f"There must be one label per point: shape ({n},), not {t.shape}")
    t = t.astype(np.int64)
    if np.any((t < 0) | (t >= classes)):
        raise ValueError(f"A label is out of range: this model has classes 0 to {classes - 1}")
    return t


def _bias(value, k, what: str):
    if k is None:
        return float(_array(value, what, (), PARAM_LIMIT))
    return _array(value, what, (k,), PARAM_LIMIT)


def _linear(weights, bias) -> LinearParams:
    w = _asarray(weights, "The weights")
    if w.ndim == 1:
        w = _array(w, "The weights", (2,), PARAM_LIMIT)
        return LinearParams(w, _bias(bias, None, "The bias of a logistic model (weights (2,))"))
    if w.ndim != 2 or w.shape[0] != 2 or not 2 <= w.shape[1] <= MAX_CLASSES:
        raise ValueError(
            f"The weights must have shape (2,) (logistic) or (2, K) with K from 2 to "
            f"{MAX_CLASSES} (softmax), not {w.shape}"
        )
    k = w.shape[1]
    w = _array(w, "The weights", (2, k), PARAM_LIMIT)
    return LinearParams(w, _bias(bias, k, f"The bias of a softmax model with {k} classes"))


def _hidden_params(params) -> HiddenParams:
    if isinstance(params, dict):
        missing = {"W1", "b1", "W2", "b2"} - set(params)
        if missing:
            raise ValueError(f"The hidden-layer params lack {', '.join(sorted(missing))}")
        params = HiddenParams(params["W1"], params["b1"], params["W2"], params["b2"])
    if not isinstance(params, HiddenParams):
        raise ValueError("The params must be HiddenParams or a dict with W1, b1, W2, b2")
    w1 = _asarray(params.W1, "W1")
    if w1.ndim != 2 or w1.shape[0] != 2 or not 1 <= w1.shape[1] <= MAX_HIDDEN:
        raise ValueError(f"W1 must have shape (2, H) with H from 1 to {MAX_HIDDEN}, not {w1.shape}")
    h = w1.shape[1]
    w1 = _array(w1, "W1", (2, h), PARAM_LIMIT)
    b1 = _array(params.b1, "b1", (h,), PARAM_LIMIT)
    w2 = _asarray(params.W2, "W2")
    if w2.ndim == 1:
        w2 = _array(w2, "W2", (h,), PARAM_LIMIT)
        return HiddenParams(w1, b1, w2, _bias(params.b2, None, "b2 (W2 of shape (H,))"))
    if w2.ndim != 2 or w2.shape[0] != h or not 2 <= w2.shape[1] <= MAX_CLASSES:
        raise ValueError(
            f"W2 must have shape ({h},) (logistic) or ({h}, K) with K from 2 to "
            f"{MAX_CLASSES} (softmax), not {w2.shape}"
        )
    k = w2.shape[1]
    w2 = _array(w2, "W2", (h, k), PARAM_LIMIT)
    return HiddenParams(w1, b1, w2, _bias(params.b2, k, f"b2 (W2 with {k} classes)"))


def _params(params) -> LinearParams | HiddenParams:
    if isinstance(params, LinearParams):
        return _linear(params.weights, params.bias)
    if isinstance(params, dict) and set(params) == {"weights", "bias"}:
        return _linear(params["weights"], params["bias"])
    return _hidden_params(params)


def _problem(X, labels, params, loss):
    X = _points(X)
    params = _params(params)
    return X, _labels(labels, len(X), params.classes), params, _choice(loss, LOSSES, "loss")


def _learning_rate(lr) -> float:
    return _real(lr, "The learning rate", 0.0, MAX_LEARNING_RATE)


# ----------------------------------------------------------------- the math
def _affine(A, w, b):
    """A·w + b written out over A's columns (no BLAS: bit-reproducible)."""
    if w.ndim == 1:
        z = A[:, 0] * w[0]
        for j in range(1, A.shape[1]):
            z = z + A[:, j] * w[j]
        return z + b
    z = A[:, :1] * w[0]
    for j in range(1, A.shape[1]):
        z = z + A[:, j : j + 1] * w[j]
    return z + b


def _outer_sum(A, g):
    """Σ_i A_i ⊗ g_i: the gradient of a weight matrix from per-sample dL/dz."""
    if g.ndim == 1:
        return np.sum(A * g[:, None], axis=0)
    return np.sum(A[:, :, None] * g[:, None, :], axis=0)


def _sech2(a):
    """1 − tanh²(a) = 4e / (1 + e)² with e = exp(−2|a|): no cancellation, no overflow."""
    e = np.exp(-2.0 * np.abs(a))
    return 4.0 * e / ((1.0 + e) * (1.0 + e))


def _norm(parts) -> float:
    """The 2-norm of all the arrays together, scaled so tiny values do not underflow."""
    flat = np.concatenate([np.ravel(p) for p in parts])
    top = float(np.max(np.abs(flat)))
    if top == 0.0:
        return 0.0
    u = flat / top
    return top * math.sqrt(float(np.sum(u * u)))


def _softmax_mse(z, t):
    """Per-sample ½ Σ_k (p_k − onehot_k)² and its gradient over the logits z (n, K).

    With r = p − onehot the gradient is p_j (r_j − Σ_k p_k r_k).  Written that
    way it cancels to noise when one class dominates.  Using Σ p_k = 1 and
    q = 1 − p (exact: the top class's q is the sum of the others):

        j = t:  r_t − Σ p_k r_k = −(q_t² + Σ_{k≠t} p_k²)
        j ≠ t:  r_j − Σ p_k r_k = p_t (p_j + q_t) + Σ_{k∉{t,j}} p_k (p_j − p_k)

    with p_j − p_k = −p_j expm1(z_k − z_j) for z_j ≥ z_k: every term is exact,
    and the last sum cancels only near a true zero of the gradient.
    """
    n, k = z.shape
    r = losses.cross_entropy_grad(z, t)  # p − onehot, exact for the top class too
    per_sample = 0.5 * np.sum(r * r, axis=1)
    p = losses.softmax(z, axis=1)
    is_top = np.arange(k) == np.argmax(z, axis=1)[:, None]
    others = np.sum(np.where(is_top, 0.0, p), axis=1, keepdims=True)
    q = np.where(is_top, others, 1.0 - p)  # 1 − p: no cancellation below the top
    is_true = np.arange(k) == t[:, None]
    rows = np.arange(n)
    p_t = p[rows, t][:, None]
    q_t = q[rows, t][:, None]
    gap = z[:, :, None] - z[:, None, :]  # z_j − z_k
    e = np.expm1(-np.abs(gap))  # in [−1, 0]
    diff = np.where(gap >= 0.0, -p[:, :, None] * e, p[:, None, :] * e)  # p_j − p_k
    keep = ~is_true[:, None, :] & ~np.eye(k, dtype=bool)  # k ∉ {t, j}
    rest = np.sum(np.where(keep, p[:, None, :] * diff, 0.0), axis=2)
    d_true = -(q_t * q_t + np.sum(np.where(is_true, 0.0, p * p), axis=1, keepdims=True))
    d = np.where(is_true, d_true, p_t * (p + q_t) + rest)
    return per_sample, p * d


def _head(z, t, loss):
    """Per-sample losses, per-sample dL/dz and whether each prediction is right."""
    if z.ndim == 1:
        y = t.astype(np.float64)
        if loss == "ce":
            per, g = losses.binary_cross_entropy(z, y), losses.binary_cross_entropy_grad(z, y)
        else:
            per, g = losses.mse(z, y), losses.mse_grad(z, y)
        return per, g, (z > 0.0) == (t == 1)
    if loss == "ce":
        per, g = losses.cross_entropy(z, t), losses.cross_entropy_grad(z, t)
    else:
        per, g = _softmax_mse(z, t)
    return per, g, np.argmax(z, axis=1) == t


def _hidden_layer(X, params):
    a = _affine(X, params.W1, params.b1)
    return a, np.tanh(a)


def _evaluate(X, t, params, loss) -> Evaluation:
    n = len(X)
    if isinstance(params, LinearParams):
        per, g, right = _head(_affine(X, params.weights, params.bias), t, loss)
        grad = LinearParams(_outer_sum(X, g) / n, _sum0(g) / n)
    else:
        a, h = _hidden_layer(X, params)
        per, g, right = _head(_affine(h, params.W2, params.b2), t, loss)
        if g.ndim == 1:
            dh = g[:, None] * params.W2
        else:
            dh = np.sum(g[:, None, :] * params.W2, axis=2)
        da = dh * _sech2(a)
        grad = HiddenParams(
            _outer_sum(X, da) / n, _sum0(da) / n, _outer_sum(h, g) / n, _sum0(g) / n
        )
    norm = _norm(_fields(grad))
    return Evaluation(params, float(np.mean(per)), float(np.mean(right)), norm, grad)


def _sum0(g):
    s = np.sum(g, axis=0)
    return float(s) if np.ndim(s) == 0 else s


def _fields(params) -> tuple:
    return tuple(getattr(params, f.name) for f in dataclasses.fields(params))


def _descend(ev: Evaluation, lr: float):
    new = []
    for p, g in zip(_fields(ev.params), _fields(ev.gradient), strict=True):
        v = p - lr * g
        if np.ndim(v) == 0:
            v = float(v)
        else:
            v.flags.writeable = False
        new.append(v)
    if max(float(np.max(np.abs(v))) for v in new) > PARAM_LIMIT:
        raise ValueError(
            f"The run diverged: a parameter grew past {PARAM_LIMIT:g}; lower the learning rate"
        )
    return type(ev.params)(*new)


def _run(X, t, params, loss, lr, steps) -> FitResult:
    curves = np.empty((3, steps + 1))
    for i in range(steps + 1):
        ev = _evaluate(X, t, params, loss)
        curves[:, i] = ev.loss, ev.accuracy, ev.grad_norm
        if i < steps:
            params = _descend(ev, lr)
    curves.flags.writeable = False
    return FitResult(curves[0], curves[1], curves[2], params)


# ----------------------------------------------------------------- public API
def fit(X, labels, *, loss, weights, bias, learning_rate, steps) -> FitResult:
    """Full-batch gradient descent on a logistic or softmax model.

    ``weights`` (2,) with a float ``bias`` is the logistic model (labels 0/1);
    ``weights`` (2, K) with ``bias`` (K,) the softmax model (labels 0..K−1).
    ``loss`` is "ce" or "mse".  Returns a ``FitResult``: the curves ``loss``,
    ``accuracy`` and ``grad_norm`` (length steps + 1, entry i measured before
    step i, the last after the final step) and the final ``weights``, ``bias``.
    """
    X, t, params, loss = _problem(X, labels, LinearParams(weights, bias), loss)
    lr = _learning_rate(learning_rate)
    return _run(X, t, params, loss, lr, _whole(steps, "The number of steps", 0, MAX_STEPS))


def fit_hidden(X, labels, *, loss, params, learning_rate, steps) -> FitResult:
    """``fit`` for the one-hidden-layer model; ``params`` is ``HiddenParams`` or a
    dict with W1 (2, H), b1 (H,), W2 (H,) or (H, K), b2 a float or (K,).

    The result's ``params`` holds the final HiddenParams.
    """
    X, t, params, loss = _problem(X, labels, _hidden_params(params), loss)
    lr = _learning_rate(learning_rate)
    return _run(X, t, params, loss, lr, _whole(steps, "The number of steps", 0, MAX_STEPS))


def evaluate(X, labels, params, *, loss) -> Evaluation:
    """Loss, accuracy, gradient and gradient norm of any model's ``params``
    (``LinearParams``, ``HiddenParams`` or a dict of either's fields)."""
    X, t, params, loss = _problem(X, labels, params, loss)
    return _evaluate(X, t, params, loss)


def descend(evaluation: Evaluation, learning_rate):
    """The parameters one gradient-descent step after ``evaluation.params``:
    params − learning_rate · gradient, of the same type.

    A run shown one tick at a time is ``ev = evaluate(...)`` (its point on the
    curves), then ``params = descend(ev, learning_rate)``: the same numbers,
    bit for bit, as ``fit``, with one evaluation per step.
    """
    if not isinstance(evaluation, Evaluation):
        raise ValueError("descend needs the Evaluation that evaluate returned")
    return _descend(evaluation, _learning_rate(learning_rate))


def step(X, labels, params, *, loss, learning_rate):
    """One gradient-descent step from ``params``: the new parameters, of the same
    type; n calls reproduce ``fit``/``fit_hidden`` with steps=n bit for bit."""
    X, t, params, loss = _problem(X, labels, params, loss)
    lr = _learning_rate(learning_rate)
    return _descend(_evaluate(X, t, params, loss), lr)


def _rows(x, w, b):
    """(x^T·w + b)^T for features x (m, N) laid out row by row: (N,) or (K, N)."""
    if w.ndim == 1:
        z = x[0] * w[0]
        for j in range(1, len(x)):
            z += x[j] * w[j]
        z += b
        return z
    z = np.multiply.outer(w[0], x[0])
    for j in range(1, len(x)):
        z += np.multiply.outer(w[j], x[j])
    z += b[:, None]
    return z


def probabilities(X, params) -> np.ndarray:
    """The model's probabilities at the points X: of class 1 (n,) for a
    logistic output, of each class (n, K) for a softmax one.

    Made for a decision map over a grid: it works through the points in
    blocks, one row per class, which is several times faster than ``evaluate``'s
    layout on 128 x 128 points.
    """
    X = _points(X)
    params = _params(params)
    xt = X.T
    k = params.classes
    widest = max(k, params.W1.shape[1] if isinstance(params, HiddenParams) else 2)
    block = max(256, BLOCK_VALUES // widest)
    out = np.empty(len(X)) if _logistic(params) else np.empty((k, len(X)))
    for start in range(0, len(X), block):
        x = xt[:, start : start + block]
        if isinstance(params, HiddenParams):
            z = _rows(np.tanh(_rows(x, params.W1, params.b1)), params.W2, params.b2)
        else:
            z = _rows(x, params.weights, params.bias)
        if z.ndim == 1:
            out[start : start + block] = losses.sigmoid(z)
        else:
            # exp(z − max) / Σ: each probability to a few ulps (the tail tricks of
            # losses.py are for log p and 1 − p, which a map does not need)
            z -= np.max(z, axis=0)
            np.exp(z, out=z)
            z /= np.sum(z, axis=0)
            out[:, start : start + block] = z
    return out if out.ndim == 1 else out.T


def _logistic(params) -> bool:
    return (params.weights if isinstance(params, LinearParams) else params.W2).ndim == 1


def predict_proba(X, weights, bias) -> np.ndarray:
    """``probabilities`` of the logistic or softmax model (weights, bias)."""
    return probabilities(X, LinearParams(weights, bias))


def steps_to_accuracy(accuracy_curve, target: float = 0.9):
    """The first step whose accuracy is at least ``target``, or None if none is."""
    target = _real(target, "The target accuracy", 0.0, 1.0)
    a = np.asarray(accuracy_curve)
    if a.ndim != 1 or a.dtype.kind not in "iuf":
        raise ValueError("The accuracy curve must be a 1-D array of numbers")
    hit = np.flatnonzero(a >= target)
    return int(hit[0]) if hit.size else None


# ----------------------------------------------------------------- data sets
def class_centers(classes: int) -> np.ndarray:
    """Where the presets put each class (K x 2): two classes at (∓2, 0), more on a
    circle of radius 2, class 0 at the top, counter-clockwise."""
    classes = _whole(classes, "The number of classes", 2, MAX_CLASSES)
    if classes == 2:
        return np.array([[-2.0, 0.0], [2.0, 0.0]])
    theta = np.pi / 2 + 2 * np.pi * np.arange(classes) / classes
    return 2.0 * np.column_stack([np.cos(theta), np.sin(theta)])


def _blob(rng, count, sigma):
    """Gaussian points around 0, redrawn until each lies within 3 sigma."""
    pts = rng.normal(0.0, sigma, (count, 2))
    while True:
        far = np.hypot(pts[:, 0], pts[:, 1]) > 3.0 * sigma
        if not far.any():
            return pts
        pts[far] = rng.normal(0.0, sigma, (int(far.sum()), 2))


def _counts(n, classes):
    return [n // classes + (c < n % classes) for c in range(classes)]


def _moons(rng, counts):
    parts = []
    for c, count in enumerate(counts):
        theta = rng.uniform(0.0, np.pi, count)
        if c == 0:
            arc = np.column_stack([np.cos(theta), np.sin(theta)])
        else:
            arc = np.column_stack([1.0 - np.cos(theta), 0.5 - np.sin(theta)])
        parts.append(arc + rng.normal(0.0, 0.1, (count, 2)))
    # Centre the moons and turn them so that class 1's mean lies to the right
    # of class 0's (the means of the arcs differ by (1, 0.5 − 4/π)).
    phi = math.atan2(0.5 - 4.0 / math.pi, 1.0)
    turn = np.array([[math.cos(phi), -math.sin(phi)], [math.sin(phi), math.cos(phi)]])
    return [2.0 * (p - [0.5, 0.25]) @ turn for p in parts]


def make_dataset(name: str, n: int = 200, seed: int = 0):
    """Points X (n x 2) and integer labels (n,) of a preset, the same for the same seed.

    "separable blobs" (classes at ``class_centers(2)``, never overlapping),
    "overlapping blobs", "flipped labels" (the separable blobs with exactly 10%
    of the labels swapped), "three blobs" (labels 0/1/2), "two moons" and
    "xor" (class 1 in the first and third quadrants): the last two need the
    hidden layer.  Classes are as equal in size as n allows.
    """
    name = _choice(name, tuple(DATASETS), "The data set")
    classes = DATASETS[name]
    n = _whole(n, "The number of points", classes, MAX_POINTS)
    seed = _whole(seed, "The seed", 0, 2**63 - 1)
    rng = np.random.default_rng(seed)
    counts = _counts(n, classes)
    if name == "two moons":
        parts = _moons(rng, counts)
    elif name == "xor":
        # class 1 around (1.5, 1.5) and (−1.5, −1.5), class 0 around (1.5, −1.5) and
        # (−1.5, 1.5); each blob stays within 1.2 of its centre, inside its quadrant
        parts = []
        for c, count in enumerate(counts):
            quads = []
            for s, m in zip((1.0, -1.0), _counts(count, 2), strict=True):
                centre = np.array([1.5 * s, 1.5 * s if c == 1 else -1.5 * s])
                quads.append(centre + _blob(rng, m, 0.4))
            parts.append(np.concatenate(quads))
    else:
        centres = class_centers(classes)
        sigma = 0.5
        if name == "overlapping blobs":
            centres, sigma = centres * 0.375, 1.0
        parts = [centres[c] + _blob(rng, count, sigma) for c, count in enumerate(counts)]
    X = np.concatenate(parts)
    labels = np.repeat(np.arange(classes), counts)
    if name == "flipped labels":
        flip = rng.choice(n, size=round(FLIPPED_FRACTION * n), replace=False)
        labels[flip] = 1 - labels[flip]
    order = rng.permutation(n)
    return np.ascontiguousarray(X[order]), labels[order]


# ----------------------------------------------------------------- starts
def _scale(scale) -> float:
    if isinstance(scale, str):
        return SCALES[_choice(scale, tuple(SCALES), "The scale")]
    s = _real(scale, "The scale", 0.0, MAX_SCALE)
    if s == 0.0:
        raise ValueError("The scale must be greater than 0")
    return s


def _margins(z, t):
    """Each point's true-class logit minus the largest other (z for class 1, −z for 0)."""
    if z.ndim == 1:
        return np.where(t == 1, z, -z)
    rows = np.arange(len(t))
    others = z.copy()
    others[rows, t] = -np.inf
    return z[rows, t] - np.max(others, axis=1)


def _wrong_way(features, t, classes, logistic):
    """Output weights (w, b) under which the points sit on a wrong class, with a
    mean logit margin of −1.

    A least-squares fit of the features to wrong targets: −1 for class 1 and +1
    for class 0 (logistic), or the one-hot of the next class (softmax).
    """
    for c in range(classes):
        if not np.any(t == c):
            raise ValueError(f"Class {c} has no points: a confidently wrong start needs all")
    a = np.column_stack([features, np.ones(len(features))])
    if logistic:
        target = np.where(t == 1, -1.0, 1.0)
    else:
        target = (np.arange(classes) == ((t + 1) % classes)[:, None]) - 1.0 / classes
    coef = np.linalg.lstsq(a, target, rcond=None)[0]
    coef[np.abs(coef) < 1e-12 * np.max(np.abs(coef))] = 0.0  # round-off, not a bias of 1e-16
    w, b = coef[:-1], (float(coef[-1]) if logistic else coef[-1])
    margins = _margins(_affine(features, w, b), t)
    margin = float(np.mean(margins))
    # A start that is right for more than half of chance's share is not "wrong"
    # (XOR for a line: its class means coincide, so no line is wrong everywhere).
    if not (margin < 0.0 and np.mean(margins > 0.0) <= 0.5 / classes):
        raise ValueError(
            "No weights of this model are wrong for most of these points (as for a line "
            "on XOR): use a small random start"
        )
    return w / -margin, b / -margin


def initial_parameters(
    model, kind, scale, classes, seed, *, hidden=0, X=None, labels=None
) -> LinearParams | HiddenParams:
    """A start for ``fit`` (``hidden=0``) or ``fit_hidden`` (``hidden`` tanh units).

    ``model`` is "logistic" (classes must be 2) or "softmax"; ``scale`` a number
    > 0 or "small" (1), "large" (50); the same seed gives the
    same start.  ``kind``:

    * "small random": output weights drawn from N(0, (0.1·scale)²), biases 0;
    * "confidently wrong": the output layer is fitted (least squares) to call
      every point of the data (``X``, ``labels``; without them the presets'
      ``class_centers``) the wrong class, class 0 ↔ 1 or class k → k + 1, and
      scaled so that the true class's logit margin is −6·scale on average, as
      the binary lesson's z = −6 at scale 1, and |z| in the hundreds at
      "large", where the sigmoid saturates.  ValueError where no such weights
      exist (a line on XOR).

    The hidden layer (W1 ~ N(0, 1), b1 ~ N(0, 0.5²)) does not depend on the
    scale; a confidently wrong hidden model points its output layer the wrong
    way in the hidden features.
    """
    model = _choice(model, MODELS, "The model")
    kind = _choice(kind, KINDS, "The kind of start")
    s = _scale(scale)
    classes = _whole(classes, "The number of classes", 2, MAX_CLASSES)
    if model == "logistic" and classes != 2:
        raise ValueError("The logistic model has two classes; use softmax for more")
    seed = _whole(seed, "The seed", 0, 2**63 - 1)
    hidden = _whole(hidden, "The number of hidden units", 0, MAX_HIDDEN)
    rng = np.random.default_rng(seed)
    logistic = model == "logistic"
    inputs = 2
    if hidden:
        W1 = rng.normal(0.0, 1.0, (2, hidden))
        b1 = rng.normal(0.0, 0.5, hidden)
        inputs = hidden
    if kind == "small random":
        w = rng.normal(0.0, 0.1 * s, (inputs,) if logistic else (inputs, classes))
        b = 0.0 if logistic else np.zeros(classes)
    else:
        if (X is None) != (labels is None):
            raise ValueError("Give both X and labels, or neither (to use the class centres)")
        if X is None:
            ref, t = class_centers(classes), np.arange(classes)
        else:
            ref = _points(X)
            t = _labels(labels, len(ref), classes)
        features = np.tanh(_affine(ref, W1, b1)) if hidden else ref
        w, b = _wrong_way(features, t, classes, logistic)
        w, b = w * (WRONG_MARGIN * s), b * (WRONG_MARGIN * s)
    if hidden:
        return _hidden_params(HiddenParams(W1, b1, w, b))
    return _linear(w, b)
