"""training.py: fit against naive loops, gradients against mpmath, the lesson's claim.

References are written here independently of training.py: a textbook NumPy
loop where |z| is modest, the same textbook formulas in mpmath (with digits
enough for every cancellation they make) where it is not, and central finite
differences in mpmath for the gradients of all three models.
"""

# X, W1, W2: the matrices' names in training.py's API
# ruff: noqa: N803, N806

import math
import re
import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossexplorer import losses
from lossexplorer import training as T

RTOL = 1e-10
SUBNORMAL_SLACK = 8 * np.finfo(float).smallest_subnormal


def rel_err(actual, reference) -> float:
    """max |actual − reference| / max |reference| (0 when both are exactly 0)."""
    a = np.asarray(actual, dtype=float)
    r = np.asarray(reference, dtype=float)
    top = np.max(np.abs(r))
    err = np.max(np.abs(a - r))
    return 0.0 if err == 0.0 else (math.inf if top == 0.0 else float(err / top))


def each_rel_err(actual, reference) -> float:
    """The worst entry-by-entry relative error (for positive curves)."""
    a = np.asarray(actual, dtype=float)
    r = np.asarray(reference, dtype=float)
    return float(np.max(np.abs(a - r) / np.abs(r)))


def fields(params) -> dict:
    if isinstance(params, T.LinearParams):
        return {"weights": params.weights, "bias": params.bias}
    return {"W1": params.W1, "b1": params.b1, "W2": params.W2, "b2": params.b2}


def tight(classes, n, seed=0):
    """Points within 0.25 of ``class_centers``, all about as far from the boundaries.

    Class c has about c + 1 shares of the points: with equal classes a wrong start's
    gradient of the bias is a sum of +1s and −1s that cancels exactly in float64
    while the true value is e^-300, a cancellation no float64 code can avoid.
    """
    rng = np.random.default_rng(seed)
    shares = np.repeat(np.arange(classes), np.arange(1, classes + 1))
    t = shares[np.arange(n) % len(shares)]
    return T.class_centers(classes)[t] + rng.uniform(-0.25, 0.25, (n, 2)), t


def run(X, t, params, loss, learning_rate, steps):
    """``fit`` or ``fit_hidden``, whichever the params are for."""
    if isinstance(params, T.HiddenParams):
        return T.fit_hidden(
            X, t, loss=loss, params=params, learning_rate=learning_rate, steps=steps
        )  # fmt: skip
    return T.fit(
        X, t, loss=loss, weights=params.weights, bias=params.bias,
        learning_rate=learning_rate, steps=steps,
    )  # fmt: skip


def start(model, kind, scale, seed=0, *, hidden=0, X=None, t=None):
    classes = 3 if model == "softmax" else 2
    return T.initial_parameters(model, kind, scale, classes, seed, hidden=hidden, X=X, labels=t)


# ------------------------------------------------------------ naive NumPy loop
def naive_evaluate(X, t, P, loss):
    """Textbook formulas in float64: right while |z| stays modest."""
    n = len(X)
    hidden = "W1" in P
    if hidden:
        h = np.tanh(X @ P["W1"] + P["b1"])
        F, W, b = h, P["W2"], P["b2"]
    else:
        F, W, b = X, P["weights"], P["bias"]
    z = F @ W + b
    if W.ndim == 1:
        s = 1.0 / (1.0 + np.exp(-z))
        if loss == "ce":
            value, dz = np.mean(np.logaddexp(0.0, z) - t * z), s - t
        else:
            value, dz = np.mean(0.5 * (t - s) ** 2), (s - t) * s * (1.0 - s)
        acc = np.mean((z > 0) == (t == 1))
    else:
        e = np.exp(z - z.max(axis=1, keepdims=True))
        p = e / e.sum(axis=1, keepdims=True)
        r = p - np.eye(W.shape[1])[t]
        if loss == "ce":
            value, dz = np.mean(-np.log(p[np.arange(n), t])), r
        else:
            value = np.mean(0.5 * np.sum(r**2, axis=1))
            dz = p * (r - np.sum(r * p, axis=1, keepdims=True))
        acc = np.mean(np.argmax(z, axis=1) == t)
    grads = {
        ("W2" if hidden else "weights"): F.T @ dz / n,
        ("b2" if hidden else "bias"): dz.sum(0) / n,
    }
    if hidden:
        dh = np.outer(dz, W) if W.ndim == 1 else dz @ W.T
        da = dh * (1.0 - h**2)
        grads.update(W1=X.T @ da / n, b1=da.sum(0) / n)
    norm = math.sqrt(sum(float(np.sum(np.square(g))) for g in grads.values()))
    return value, acc, norm, grads


def naive_fit(X, t, P, loss, lr, steps):
    P = {k: np.array(v, dtype=float) for k, v in P.items()}
    curves = []
    for i in range(steps + 1):
        value, acc, norm, grads = naive_evaluate(X, t, P, loss)
        curves.append((value, acc, norm))
        if i < steps:
            P = {k: P[k] - lr * grads[k] for k in P}
    return np.array(curves).T, P


NAIVE_CASES = [
    # (model, hidden units, data set, kind, scale): |z| up to about 10
    ("logistic", 0, "overlapping blobs", "small random", 1),
    ("logistic", 0, "separable blobs", "small random", 10),
    ("logistic", 0, "separable blobs", "confidently wrong", 1),
    ("softmax", 0, "three blobs", "small random", 1),
    ("softmax", 0, "three blobs", "small random", 10),
    ("softmax", 0, "three blobs", "confidently wrong", 1),
    ("logistic", 4, "xor", "small random", 1),
    ("logistic", 4, "two moons", "confidently wrong", 1),
    ("softmax", 4, "three blobs", "small random", 10),
    ("softmax", 4, "three blobs", "confidently wrong", 1),
]


@pytest.mark.parametrize(("model", "hidden", "data", "kind", "scale"), NAIVE_CASES)
def test_fit_matches_a_naive_numpy_loop(model, hidden, data, kind, scale):
    X, t = T.make_dataset(data, n=60, seed=1)
    params = start(model, kind, scale, hidden=hidden, X=X, t=t)
    for loss in T.LOSSES:
        result = run(X, t, params, loss, 0.4, 25)
        (ref_loss, ref_acc, ref_norm), ref_params = naive_fit(X, t, fields(params), loss, 0.4, 25)
        assert result.loss.shape == result.accuracy.shape == result.grad_norm.shape == (26,)
        assert each_rel_err(result.loss, ref_loss) < RTOL, loss
        assert each_rel_err(result.grad_norm, ref_norm) < RTOL, loss
        np.testing.assert_array_equal(result.accuracy, ref_acc)
        for name, value in fields(result.params).items():
            assert rel_err(value, ref_params[name]) < RTOL, (loss, name)
        assert result.loss[-1] < result.loss[0] or hidden  # it did descend (a line, at least)


# ------------------------------------------------------- mpmath: the saturated tails
def mp_digits(*magnitudes) -> int:
    """Digits for textbook formulas whose terms cancel down to e^-|m|, twice over."""
    return 2 * math.ceil(max(magnitudes) / math.log(10)) + 60


def mp_linear_evaluate(Xm, t, W, B, loss):
    """Textbook loss, accuracy, gradient and norm in mpmath; K = len(B) (1: logistic)."""
    n, K = len(Xm), len(B)
    total, right = [], 0
    gW = [[mp.mpf(0)] * K for _ in range(2)]
    gB = [mp.mpf(0)] * K
    for x, ti in zip(Xm, t, strict=True):
        z = [x[0] * W[0][k] + x[1] * W[1][k] + B[k] for k in range(K)]
        if K == 1:
            s = 1 / (1 + mp.exp(-z[0]))
            if loss == "ce":
                total.append(mp.log(1 + mp.exp(z[0])) - ti * z[0])
                dz = [s - ti]
            else:
                total.append((ti - s) ** 2 / 2)
                dz = [(s - ti) * s * (1 - s)]
            right += (z[0] > 0) == (ti == 1)
        else:
            e = [mp.exp(v) for v in z]
            p = [v / mp.fsum(e) for v in e]
            r = [p[k] - (k == ti) for k in range(K)]
            if loss == "ce":
                total.append(-mp.log(p[ti]))
                dz = r
            else:
                total.append(mp.fsum(v * v for v in r) / 2)
                s = mp.fsum(r[k] * p[k] for k in range(K))
                dz = [p[k] * (r[k] - s) for k in range(K)]
            right += max(range(K), key=lambda k: z[k]) == ti
        for k in range(K):
            gW[0][k] += x[0] * dz[k]
            gW[1][k] += x[1] * dz[k]
            gB[k] += dz[k]
    gW = [[v / n for v in row] for row in gW]
    gB = [v / n for v in gB]
    norm = mp.sqrt(mp.fsum(v * v for v in gW[0] + gW[1] + gB))
    return mp.fsum(total) / n, right / n, norm, gW, gB


def mp_linear_fit(X, t, weights, bias, loss, lr, steps):
    weights = np.asarray(weights, dtype=float)
    logistic = weights.ndim == 1
    W = [[mp.mpf(v) for v in np.atleast_1d(row)] for row in weights]
    B = [mp.mpf(v) for v in np.atleast_1d(bias)]
    Xm = [[mp.mpf(v) for v in row] for row in np.asarray(X, dtype=float)]
    t = [int(v) for v in t]
    curves = []
    for i in range(steps + 1):
        value, acc, norm, gW, gB = mp_linear_evaluate(Xm, t, W, B, loss)
        curves.append((value, acc, norm))
        if i < steps:
            W = [
                [w - lr * g for w, g in zip(rw, rg, strict=True)]
                for rw, rg in zip(W, gW, strict=True)
            ]
            B = [b - lr * g for b, g in zip(B, gB, strict=True)]
    w = np.array([[float(v) for v in row] for row in W])
    b = np.array([float(v) for v in B])
    return [[float(v) for v in c] for c in zip(*curves, strict=True)], (
        (w[:, 0], b[0]) if logistic else (w, b)
    )


def max_abs_logit(X, params):
    if isinstance(params, T.LinearParams):
        z = X @ params.weights + params.bias
    else:
        z = np.tanh(X @ params.W1 + params.b1) @ params.W2 + params.b2
    return float(np.max(np.abs(z)))


@pytest.mark.parametrize("loss", T.LOSSES)
@pytest.mark.parametrize("model", T.MODELS)
def test_fit_matches_mpmath_from_a_saturated_start(model, loss):
    """|z| in the hundreds: the naive loop in float64 would lose MSE's gradient entirely
    (and with it every digit of the norm); at scale 80 the gradient is near 1e-190,
    whose square underflows."""
    X, t = tight(3 if model == "softmax" else 2, 9)
    for scale, steps in (("large", 4), (80.0, 1)):
        params = start(model, "confidently wrong", scale, X=X, t=t)
        assert max_abs_logit(X, params) > 150
        result = run(X, t, params, loss, 0.5, steps)
        with mp.workdps(mp_digits(2 * max_abs_logit(X, params))):
            (ref_loss, ref_acc, ref_norm), (w, b) = mp_linear_fit(
                X, t, params.weights, params.bias, loss, 0.5, steps
            )
        assert each_rel_err(result.loss, ref_loss) < RTOL, scale
        assert each_rel_err(result.grad_norm, ref_norm) < RTOL, scale
        np.testing.assert_array_equal(result.accuracy, ref_acc)
        assert rel_err(result.weights, w) < RTOL, scale
        assert rel_err(result.bias, b) < RTOL, scale
        if loss == "mse":
            assert 0.0 < result.grad_norm[0] < 1e-50  # tiny, and still exact


# ------------------------------------------------- mpmath finite differences
_exp = np.frompyfunc(mp.exp, 1, 1)
_log = np.frompyfunc(mp.log, 1, 1)
_tanh = np.frompyfunc(mp.tanh, 1, 1)


def mp_array(a):
    a = np.asarray(a, dtype=float)
    return np.array([mp.mpf(v) for v in a.ravel()], dtype=object).reshape(a.shape)


def mp_loss(Xo, t, P, loss):
    """The mean loss in mpmath with textbook formulas (object arrays of mpf)."""
    n = len(Xo)
    if "W1" in P:
        F, W, b = _tanh(Xo @ P["W1"] + P["b1"]), P["W2"], P["b2"]
    else:
        F, W, b = Xo, P["weights"], P["bias"]
    z = F @ W + b
    to = t.astype(object)
    if W.ndim == 1:
        s = 1 / (1 + _exp(-z))
        per = _log(1 + _exp(z)) - to * z if loss == "ce" else (to - s) ** 2 / 2
    else:
        e = _exp(z)
        p = e / e.sum(axis=1)[:, None]
        if loss == "ce":
            per = -_log(p[np.arange(n), t])
        else:
            per = ((p - np.eye(W.shape[1], dtype=int)[t].astype(object)) ** 2).sum(axis=1) / 2
    return mp.fsum(per) / n


def mp_finite_differences(X, t, params, loss, dps):
    """Central differences of mp_loss for every parameter, with h = 10^(−dps/2)."""
    with mp.workdps(dps):
        Xo = mp_array(X)
        base = {k: mp_array(v) for k, v in fields(params).items()}
        h = mp.mpf(10) ** (-(dps // 2))
        grads = {}
        for name, value in base.items():
            g = np.empty(value.shape)
            for idx in np.ndindex(value.shape):
                values = []
                for sign in (1, -1):
                    P = {k: v.copy() for k, v in base.items()}
                    P[name][idx] = P[name][idx] + sign * h
                    values.append(mp_loss(Xo, t, P, loss))
                g[idx] = float((values[0] - values[1]) / (2 * h))
            grads[name] = g
    return grads


def saturate_hidden(params, factor=100.0):
    """The hidden layer pushed into tanh's flat tails: |a| in the hundreds."""
    return T.HiddenParams(params.W1 * factor, params.b1 * factor, params.W2, params.b2)


FD_CASES = [
    # (model, hidden units, kind, scale, saturate the hidden layer)
    ("logistic", 0, "small random", 1, False),
    ("logistic", 0, "confidently wrong", "large", False),
    ("softmax", 0, "small random", 1, False),
    ("softmax", 0, "confidently wrong", "large", False),
    ("logistic", 3, "small random", 10, False),
    ("logistic", 3, "confidently wrong", "large", False),
    ("logistic", 3, "small random", 10, True),
    ("softmax", 3, "small random", 10, False),
    ("softmax", 3, "confidently wrong", "large", False),
    ("softmax", 3, "small random", 10, True),
]


@pytest.mark.parametrize(("model", "hidden", "kind", "scale", "saturated"), FD_CASES)
def test_gradient_matches_mpmath_finite_differences(model, hidden, kind, scale, saturated):
    X, t = tight(3 if model == "softmax" else 2, 6, seed=2)
    params = start(model, kind, scale, hidden=hidden, X=X, t=t)
    if saturated:
        params = saturate_hidden(params)
        a = X @ params.W1 + params.b1
        assert np.median(np.abs(a)) > 50  # most units deep in the tails
        dps = mp_digits(2 * max_abs_logit(X, params), 2 * np.max(np.abs(a)))
    else:
        dps = mp_digits(2 * max_abs_logit(X, params))  # a gap between logits is up to twice
    for loss in T.LOSSES:
        ev = T.evaluate(X, t, params, loss=loss)
        fd = mp_finite_differences(X, t, params, loss, dps)
        got = fields(ev.gradient)
        # each group on its own: a tiny W1 gradient must be as exact as a large W2 one
        for name, reference in fd.items():
            assert np.shape(got[name]) == reference.shape
            assert rel_err(got[name], reference) < RTOL, (loss, name)
        norm = math.sqrt(math.fsum(float(np.sum(np.square(g))) for g in fd.values()))
        if norm > 1e-150:
            assert abs(ev.grad_norm - norm) < RTOL * norm, loss


# ------------------------------------------------- softmax MSE at any logits
@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.floats(-300, 300, allow_nan=False), min_size=2, max_size=5),
    st.integers(0, 4),
)
def test_softmax_mse_gradient_is_exact_at_any_logits(z, true):
    """One point at the origin, so the logits are the biases and d loss / d bias is
    d loss / d z.  The textbook form p_j (r_j − Σ p_k r_k) cancels to noise when a
    class dominates; training.py must not."""
    k = len(z)
    true %= k
    weights, bias = np.zeros((2, k)), np.array(z)
    ev = T.evaluate(np.zeros((1, 2)), np.array([true]), T.LinearParams(weights, bias), loss="mse")
    spread = max(z) - min(z)
    with mp.workdps(mp_digits(spread)):
        _, _, _, _, ref = mp_linear_evaluate([[mp.mpf(0)] * 2], [true], [[0] * k] * 2, z, "mse")
    ref = np.array([float(v) for v in ref])
    got = ev.gradient.bias
    # below 2.2e-308 a float64 holds fewer digits: allow a few of its smallest steps
    assert np.max(np.abs(got - ref)) <= RTOL * np.max(np.abs(ref)) + SUBNORMAL_SLACK
    # the true class's component is a sum of like-signed terms: exact on its own
    assert abs(got[true] - ref[true]) <= 1e-12 * abs(ref[true]) + SUBNORMAL_SLACK
    assert np.all(ev.gradient.weights == 0.0)


# ------------------------------------------------- the lesson
@pytest.mark.parametrize(
    ("model", "data"), [("logistic", "separable blobs"), ("softmax", "three blobs")]
)
def test_cross_entropy_reaches_90_percent_in_a_third_of_mses_steps(model, data):
    """Cross-entropy reaches 90% in at most a third of MSE's steps from a confidently
    wrong start: within tens of steps, while MSE crawls for hundreds."""
    X, t = T.make_dataset(data, n=200, seed=0)
    params = start(model, "confidently wrong", 1)  # the presets' class centres
    runs = {loss: run(X, t, params, loss, 0.3, 400) for loss in T.LOSSES}
    assert runs["ce"].accuracy[0] < 0.05 and runs["mse"].accuracy[0] < 0.05
    ce = T.steps_to_accuracy(runs["ce"].accuracy, 0.9)
    mse = T.steps_to_accuracy(runs["mse"].accuracy, 0.9)
    assert mse is not None and ce is not None
    assert ce <= mse / 3
    assert ce <= 30 and mse >= 100
    # where MSE's gradient collapses: the curves show it
    assert runs["mse"].grad_norm[0] < runs["ce"].grad_norm[0] / 20


def test_mse_is_stuck_where_the_sigmoid_saturates():
    X, t = T.make_dataset("separable blobs", n=200, seed=0)
    params = start("logistic", "confidently wrong", "large", X=X, t=t)
    z = X @ params.weights + params.bias
    assert np.min(np.abs(z)) > 50 and np.median(np.abs(z)) > 100  # |z| in the hundreds
    ce, mse = run(X, t, params, "ce", 1.0, 300), run(X, t, params, "mse", 1.0, 300)
    assert T.steps_to_accuracy(ce.accuracy) is not None
    assert T.steps_to_accuracy(mse.accuracy) is None
    assert mse.loss[-1] == pytest.approx(mse.loss[0], rel=1e-12)
    assert 0.0 < np.max(mse.grad_norm) < 1e-20 < 1.0 < ce.grad_norm[0]


# ------------------------------------------------- one tick at a time
MODEL_STARTS = {
    "logistic": ("separable blobs", "logistic", 0),
    "softmax": ("three blobs", "softmax", 0),
    "hidden logistic": ("two moons", "logistic", 5),
    "hidden softmax": ("three blobs", "softmax", 4),
}


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(sorted(MODEL_STARTS)),
    st.sampled_from(T.LOSSES),
    st.sampled_from(T.KINDS),
    st.sampled_from([1.0, 7.5, "large"]),
    st.integers(0, 2**32),
    st.floats(0.0, 3.0),
    st.integers(0, 6),
)
def test_single_steps_reproduce_fit_bit_for_bit(which, loss, kind, scale, seed, lr, steps):
    data, model, hidden = MODEL_STARTS[which]
    X, t = T.make_dataset(data, n=40, seed=seed)
    params = start(model, kind, scale, seed, hidden=hidden, X=X, t=t)
    result = run(X, t, params, loss, lr, steps)
    p, q = params, params
    for i in range(steps + 1):
        ev = T.evaluate(X, t, p, loss=loss)
        assert (ev.loss, ev.accuracy, ev.grad_norm) == (
            result.loss[i],
            result.accuracy[i],
            result.grad_norm[i],
        )
        if i < steps:
            p = T.descend(ev, lr)
            q = T.step(X, t, q, loss=loss, learning_rate=lr)
    for name, value in fields(result.params).items():
        np.testing.assert_array_equal(fields(p)[name], value)
        np.testing.assert_array_equal(fields(q)[name], value)
    assert all(np.isfinite(c).all() for c in (result.loss, result.grad_norm))


# ------------------------------------------------- no NaN, no warning, far out
@pytest.mark.parametrize("which", sorted(MODEL_STARTS))
def test_no_warning_or_nan_with_logits_in_the_thousands(which):
    data, model, hidden = MODEL_STARTS[which]
    X, t = T.make_dataset(data, n=50, seed=3)
    for scale, loss in [(s, loss) for s in (170.0, 1e6) for loss in T.LOSSES]:
        params = start(model, "confidently wrong", scale, hidden=hidden, X=X, t=t)
        assert max_abs_logit(X, params) > 900
        with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
            warnings.simplefilter("error")
            r = run(X, t, params, loss, 1.0, 3)
            proba = T.probabilities(X, r.params)
        for curve in (r.loss, r.accuracy, r.grad_norm, proba):
            assert np.all(np.isfinite(curve)), (scale, loss)
        assert np.all(r.grad_norm >= 0.0)
        if loss == "ce":
            assert r.loss[0] > 400  # about the mean |z| of the wrong points
        else:
            assert 0.25 < r.loss[0] <= 1.0  # ½ (1 − 0)² per point, or ½ · 2 over K classes


# ------------------------------------------------- data sets and starts
def test_presets_are_deterministic_balanced_and_shaped_as_named():
    for name, classes in T.DATASETS.items():
        X, t = T.make_dataset(name, n=301, seed=5)
        X2, t2 = T.make_dataset(name, n=301, seed=5)
        X3, _ = T.make_dataset(name, n=301, seed=6)
        np.testing.assert_array_equal(X, X2)
        np.testing.assert_array_equal(t, t2)
        assert not np.array_equal(X, X3)
        assert X.shape == (301, 2) and X.dtype == np.float64 and t.shape == (301,)
        assert set(np.unique(t)) == set(range(classes))
        if name != "flipped labels":
            assert np.ptp(np.bincount(t)) <= 1
    X, t = T.make_dataset("separable blobs", n=500, seed=9)
    assert np.min(np.abs(X[:, 0])) >= 0.5 and np.array_equal(t, X[:, 0] > 0)
    X, t = T.make_dataset("flipped labels", n=500, seed=9)
    assert np.sum(t != (X[:, 0] > 0)) == 50
    X, t = T.make_dataset("overlapping blobs", n=500, seed=9)
    assert 10 < np.sum(t != (X[:, 0] > 0)) < 200
    X, t = T.make_dataset("three blobs", n=500, seed=9)
    assert np.array_equal(t, np.argmax(X @ T.class_centers(3).T, axis=1))
    X, t = T.make_dataset("xor", n=500, seed=9)
    assert np.min(np.abs(X)) > 0.2 and np.array_equal(t, X[:, 0] * X[:, 1] > 0)
    X, t = T.make_dataset("two moons", n=500, seed=9)
    assert np.mean(X[t == 1, 0]) > 0.5 > -0.5 > np.mean(X[t == 0, 0])


def test_a_hidden_layer_separates_what_no_line_can():
    for name, best_line in (("xor", 0.7), ("two moons", 0.92)):
        X, t = T.make_dataset(name, n=200, seed=0)
        lin = run(X, t, start("logistic", "small random", 1), "ce", 1.0, 300)
        net = run(X, t, start("logistic", "small random", 1, hidden=8), "ce", 1.0, 300)
        assert lin.accuracy[-1] < best_line and net.accuracy[-1] >= 0.97, name


def test_starts_are_deterministic_and_as_described():
    X, t = T.make_dataset("separable blobs", n=200, seed=0)
    a = start("logistic", "small random", 1, seed=4)
    b = start("logistic", "small random", 1, seed=4)
    assert np.array_equal(a.weights, b.weights) and a.bias == b.bias == 0.0
    assert not np.array_equal(a.weights, start("logistic", "small random", 1, seed=5).weights)
    assert max_abs_logit(X, a) < 1.5
    for scale, z_at_means in ((1, 6.0), ("large", 300.0)):
        wrong = start("logistic", "confidently wrong", scale)
        means = T.class_centers(2)
        np.testing.assert_allclose(means @ wrong.weights + wrong.bias, [z_at_means, -z_at_means])
        assert T.evaluate(X, t, wrong, loss="ce").accuracy == 0.0
    X3, t3 = T.make_dataset("three blobs", n=300, seed=0)
    wrong3 = start("softmax", "confidently wrong", "large", X=X3, t=t3)
    z = X3 @ wrong3.weights + wrong3.bias
    assert np.all(np.argmax(z, axis=1) == (t3 + 1) % 3)  # every point calls the next class
    assert wrong3.weights.shape == (2, 3) and wrong3.bias.shape == (3,)
    assert np.median(np.max(z, axis=1) - z[np.arange(300), t3]) > 150
    Xx, tx = T.make_dataset("xor", n=200, seed=0)
    net = start("logistic", "confidently wrong", 1, hidden=6, X=Xx, t=tx)
    assert net.W1.shape == (2, 6) and net.W2.shape == (6,)
    assert T.evaluate(Xx, tx, net, loss="ce").accuracy <= 0.25
    with pytest.raises(ValueError, match="small random"):
        start("logistic", "confidently wrong", 1, X=Xx, t=tx)  # no line is wrong on XOR


# ------------------------------------------------- the decision map and the API
def test_probabilities_for_the_decision_map():
    xs = np.linspace(-4.0, 4.0, 128)
    grid = np.column_stack([np.repeat(xs, 128), np.tile(xs, 128)])
    lin = start("logistic", "confidently wrong", 1)
    p = T.predict_proba(grid, lin.weights, lin.bias)
    assert p.shape == (128 * 128,)
    # (BLAS may round X·w differently in the last bit: hence 1e-13, not 1e-16)
    assert rel_err(p, losses.sigmoid(grid @ lin.weights + lin.bias)) < 1e-13
    soft = start("softmax", "small random", 10, seed=2)
    p = T.predict_proba(grid, soft.weights, soft.bias)
    assert p.shape == (128 * 128, 3)
    assert np.max(np.abs(p - losses.softmax(grid @ soft.weights + soft.bias, axis=1)) / p) < 1e-13
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-15)
    X, t = T.make_dataset("three blobs", n=90, seed=1)
    net = start("softmax", "small random", 10, hidden=5, seed=1)
    p = T.probabilities(X, net)
    assert p.shape == (90, 3)
    assert T.evaluate(X, t, net, loss="ce").accuracy == np.mean(np.argmax(p, axis=1) == t)


def test_results_read_as_attributes_or_as_a_dict():
    X, t = T.make_dataset("separable blobs", n=20, seed=0)
    r = T.fit(X, t, loss="ce", weights=[0.5, -0.5], bias=0.0, learning_rate=0.1, steps=2)
    assert r["loss"] is r.loss and r["weights"] is r.weights and r["bias"] == r.bias
    assert set(r.keys()) == {"loss", "accuracy", "grad_norm", "params", "weights", "bias"}
    assert isinstance(r.bias, float) and r.weights.shape == (2,)
    with pytest.raises(KeyError):
        r["nothing"]
    h = T.fit_hidden(
        X, t, loss="mse", params=fields(start("logistic", "small random", 1, hidden=2)),
        learning_rate=0.1, steps=0,
    )  # fmt: skip
    assert isinstance(h.params, T.HiddenParams) and h.loss.shape == (1,)
    with pytest.raises(AttributeError, match="hidden"):
        h.weights  # noqa: B018


def test_steps_to_accuracy():
    assert T.steps_to_accuracy([0.0, 0.5, 0.9, 1.0], 0.9) == 2
    assert T.steps_to_accuracy(np.array([0.95]), 0.9) == 0
    assert T.steps_to_accuracy([0.1, 0.89], 0.9) is None
    assert T.steps_to_accuracy([0.1, 0.8]) is None and T.steps_to_accuracy([0.1, 0.9]) == 1
    for bad in ([[0.1]], "0.9", ["a"]):
        with pytest.raises(ValueError, match="accuracy curve"):
            T.steps_to_accuracy(bad, 0.9)


X_OK = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0]])
T_OK = np.array([0, 1, 1])
W_OK = np.array([0.1, 0.2])


def fit_with(**changes):
    kw = dict(X=X_OK, labels=T_OK, loss="ce", weights=W_OK, bias=0.0, learning_rate=0.1, steps=2)
    kw.update(changes)
    X = kw.pop("X")
    labels = kw.pop("labels")
    return T.fit(X, labels, **kw)


BAD_FITS = [
    ({"X": np.ones((3, 3))}, r"X must have shape \(n, 2\)"),
    ({"X": np.ones(6)}, r"X must have shape"),
    ({"X": np.ones((0, 2)), "labels": np.array([], int)}, "X must not be empty"),
    ({"X": [[0.0, np.nan], [1, 0], [2, 1]]}, "finite"),
    ({"X": [[0.0, np.inf], [1, 0], [2, 1]]}, "finite"),
    ({"X": [["a", "b"], ["c", "d"], ["e", "f"]]}, "real numbers"),
    ({"X": [[0.0, 1.0], [1.0], [2.0, 1.0]]}, "rectangular"),
    ({"X": np.full((3, 2), 1e200)}, "no larger than"),
    ({"labels": [0, 1]}, "one label per point"),
    ({"labels": [0, 1, 2]}, "out of range"),
    ({"labels": [0, -1, 1]}, "out of range"),
    ({"labels": [0.0, 1.0, 1.0]}, "whole numbers"),
    ({"weights": np.ones((2, 3)), "bias": np.zeros(3), "labels": [0, 1, 3]}, "out of range"),
    ({"loss": "hinge"}, "loss must be one of"),
    ({"learning_rate": -0.1}, "learning rate"),
    ({"learning_rate": math.nan}, "learning rate"),
    ({"learning_rate": "fast"}, "learning rate must be a number"),
    ({"steps": -1}, "number of steps"),
    ({"steps": 2.5}, "number of steps must be a whole number"),
    ({"steps": True}, "number of steps must be a whole number"),
    ({"weights": np.ones(3)}, r"shape \(2,\)"),
    ({"weights": np.ones((2, 3)), "bias": 0.0}, r"bias of a softmax model .* shape \(3,\)"),
    ({"weights": np.ones((3, 2)), "bias": np.zeros(2)}, r"weights must have shape"),
    ({"weights": np.ones((2, 1)), "bias": np.zeros(1)}, r"weights must have shape"),
    ({"bias": np.zeros(2)}, r"bias of a logistic model"),
    ({"bias": math.inf}, "finite"),
    ({"weights": [np.nan, 1.0]}, "finite"),
]


def refused(call, message, what):
    """``call()`` raises a ValueError whose text matches ``message``."""
    try:
        call()
    except ValueError as error:
        assert re.search(message, str(error)), (what, str(error))
    else:
        pytest.fail(f"accepted {what}")


def test_bad_input_is_refused_with_a_clear_message():
    for changes, message in BAD_FITS:
        refused(lambda changes=changes: fit_with(**changes), message, changes)


def test_bad_input_to_the_other_entry_points_is_refused():
    net = start("softmax", "small random", 1, hidden=3)
    bad_nets = [
        {"W1": net.W1, "b1": net.b1, "W2": net.W2},
        {"W1": net.W1.T, "b1": net.b1, "W2": net.W2, "b2": net.b2},
        {"W1": net.W1, "b1": net.b1[:2], "W2": net.W2, "b2": net.b2},
        {"W1": net.W1, "b1": net.b1, "W2": net.W2[:2], "b2": net.b2},
        {"W1": net.W1, "b1": net.b1, "W2": net.W2, "b2": 0.0},
        "params",
    ]
    X, t = T.make_dataset("three blobs", n=9, seed=0)
    for params in bad_nets:
        with pytest.raises(ValueError):
            T.fit_hidden(X, t, loss="ce", params=params, learning_rate=0.1, steps=1)
    # points 1e90 away with the units unsaturated: W1's gradient is about 1e90 · 1e140
    huge = T.HiddenParams(net.W1 * 1e-90, net.b1, np.full((3, 3), 1e140), net.b2)
    with pytest.raises(ValueError, match="diverged"):
        T.fit_hidden(X * 1e90, t, loss="ce", params=huge, learning_rate=1e6, steps=3)
    with pytest.raises(ValueError, match="Evaluation"):
        T.descend(net, 0.1)
    with pytest.raises(ValueError, match="learning rate"):
        T.step(X, t, net, loss="ce", learning_rate=-1)
    with pytest.raises(ValueError, match="finite"):
        T.probabilities([[0.0, math.nan]], net)
    for args, message in [
        (("spiral",), "data set must be one of"),
        (("xor", 1), "number of points"),
        (("xor", 10, -1), "seed"),
        (("xor", 10.0), "number of points must be a whole number"),
    ]:
        with pytest.raises(ValueError, match=message):
            T.make_dataset(*args)
    for args, kw, message in [
        (("linear", "small random", 1, 2, 0), {}, "model must be one of"),
        (("logistic", "random", 1, 2, 0), {}, "kind of start"),
        (("logistic", "small random", 0, 2, 0), {}, "scale must be greater than 0"),
        (("logistic", "small random", "huge", 2, 0), {}, "scale must be one of"),
        (("logistic", "small random", 1, 3, 0), {}, "two classes"),
        (("softmax", "small random", 1, 9, 0), {}, "number of classes"),
        (("softmax", "small random", 1, 3, 0), {"hidden": 100}, "hidden units"),
        (("softmax", "confidently wrong", 1, 3, 0), {"X": X}, "both X and labels"),
        (("softmax", "confidently wrong", 1, 3, 0), {"X": X, "labels": t % 2}, "Class 2"),
    ]:
        with pytest.raises(ValueError, match=message):
            T.initial_parameters(*args, **kw)
