"""losses.py against a 50-digit mpmath reference, tails included."""

import itertools

import mpmath as mp
import numpy as np
import pytest

from lossexplorer import losses as L

mp.mp.dps = 50

Z = [
    -700, -500, -300, -100, -50, -37, -36.5, -20, -10, -6, -2, -1, -0.5, -1e-3, -1e-8, -1e-300,
    0.0, 1e-300, 1e-8, 1e-3, 0.5, 1, 2, 6, 10, 20, 36.5, 37, 50, 100, 300, 500, 700,
]  # fmt: skip
Y = [0.0, 1.0, 0.25, 0.5, 0.9, 0.999, 1e-6]
RTOL = 1e-12


def close(actual, reference, rtol=RTOL):
    """Relative error below rtol (an exact zero must be matched by an exact zero)."""
    ref = float(reference)
    if ref == 0.0:
        return float(actual) == 0.0
    return abs(float(actual) - ref) <= rtol * abs(ref)


def m_sigmoid(z):
    return 1 / (1 + mp.exp(-mp.mpf(z)))


def m_log_sigmoid(z):
    # log1p, not log(1 + tiny): 1 + e^-700 is 1 even at 50 digits
    return -mp.log1p(mp.exp(-mp.mpf(z)))


def m_bce(z, y):
    y = mp.mpf(y)
    return -(y * m_log_sigmoid(z) + (1 - y) * m_log_sigmoid(-z))


def m_sig_minus(z, y):
    if y == 1:  # 1 - sigmoid(z) = sigmoid(-z) exactly, without 50-digit cancellation
        return -m_sigmoid(-z)
    return m_sigmoid(z) - mp.mpf(y)


def m_mse(z, y):
    return m_sig_minus(z, y) ** 2 / 2


def m_mse_grad(z, y):
    return m_sig_minus(z, y) * m_sigmoid(z) * m_sigmoid(-z)


def m_log_softmax(row):
    row = [mp.mpf(v) for v in row]
    top = max(row)
    k = row.index(top)
    l1p = mp.log1p(mp.fsum(mp.exp(v - top) for j, v in enumerate(row) if j != k))
    return [(v - top) - l1p for v in row]


def conditioning(z, y):
    """How many ulps sigmoid(z) - y can lose near its root (cancellation)."""
    d = abs(m_sig_minus(z, y))
    scale = max(abs(m_sigmoid(z)), mp.mpf(y), m_sigmoid(-z))
    return float(max(1, scale / d)) if d else float("inf")


@pytest.mark.parametrize("z", Z)
def test_sigmoid_and_log_sigmoid(z):
    assert close(L.sigmoid(z), m_sigmoid(z))
    assert close(L.log_sigmoid(z), m_log_sigmoid(z))
    assert close(L.softplus(z), -m_log_sigmoid(-z))


@pytest.mark.parametrize(("z", "y"), list(itertools.product(Z, Y)))
def test_binary_losses(z, y):
    assert close(L.binary_cross_entropy(z, y), m_bce(z, y))
    # sigmoid(z) - y is ill-conditioned only near its root (sigmoid(z) ~ y);
    # the tolerance grows with that conditioning, and is 1e-12 elsewhere.
    rtol = RTOL * conditioning(z, y)
    assert close(L.binary_cross_entropy_grad(z, y), m_sig_minus(z, y), rtol)
    assert close(L.mse(z, y), m_mse(z, y), 2 * rtol)
    assert close(L.mse_grad(z, y), m_mse_grad(z, y), 2 * rtol)


@pytest.mark.parametrize("z", Z + [-1000.0, -5000.0, 1000.0, 5000.0])
@pytest.mark.parametrize("y", [0.0, 1.0])
def test_log10_gradients_far_past_underflow(z, y):
    with mp.workdps(2500):  # enough digits for log(1 - e^-5000)
        ref_bce = mp.log10(abs(m_sigmoid(z) - y))
        ref_mse = mp.log10(abs((m_sigmoid(z) - y) * m_sigmoid(z) * m_sigmoid(-z)))
    assert close(L.log10_abs_bce_grad(z, y), ref_bce)
    assert close(L.log10_abs_mse_grad(z, y), ref_mse)


def test_the_tails_that_naive_formulas_lose():
    # naive sigmoid(z) - 1 at z = 40 is exactly 0; the truth is -4.25e-18
    assert L.binary_cross_entropy_grad(40.0, 1.0) == pytest.approx(
        -float(m_sigmoid(-40)), rel=1e-15
    )
    # naive log(1 - sigmoid(z)) at z = 40 is -inf; the truth is about -40
    assert L.binary_cross_entropy(40.0, 0.0) == pytest.approx(float(m_bce(40, 0)), rel=1e-15)
    # MSE's vanishing gradient is tiny but never zero inside [-700, 700]
    assert L.mse_grad(-700.0, 1.0) < 0.0


SOFTMAX_ROWS = [
    [2.1, 0.5, -1.0],
    [0.0, 0.0, 0.0],
    [700.0, 0.0, -700.0],
    [1000.0, 999.0, -5.0],
    [-50.0, -50.0, -50.0],
    [40.0, 0.0, 0.0, 0.0],
    [-3.0, 1e-9, 20.0, 19.999999, 5.0, -700.0],
    [0.1, -0.2],
]


@pytest.mark.parametrize("row", SOFTMAX_ROWS)
def test_softmax_family(row):
    ref_log = m_log_softmax(row)
    log_sm = L.log_softmax(row)
    sm = L.softmax(row)
    for i, ref in enumerate(ref_log):
        assert close(log_sm[i], ref)
        assert close(sm[i], mp.exp(ref))
        loss = L.cross_entropy(np.array(row), i)
        assert close(loss, -ref)
        grad = L.cross_entropy_grad(np.array(row), i)
        for j, ref_j in enumerate(ref_log):
            with mp.workdps(1000):  # e^(-1e-305) - 1 needs the digits
                ref_g = mp.exp(ref_j) - (1 if j == i else 0)
            # the target's entry p_i - 1 must not cancel: it is -(sum of the others)
            assert close(grad[j], ref_g)


@pytest.mark.parametrize("row", SOFTMAX_ROWS)
def test_soft_targets(row):
    n = len(row)
    rng = np.random.default_rng(n)
    targets = [np.full(n, 1.0 / n), rng.dirichlet(np.ones(n)), np.eye(n)[0]]
    ref_log = m_log_softmax(row)
    for t in targets:
        ref = -mp.fsum(mp.mpf(float(ti)) * r for ti, r in zip(t, ref_log, strict=True))
        assert close(L.cross_entropy(np.array(row), t), ref)
        grad = L.cross_entropy_grad(np.array(row), t)
        for j, r in enumerate(ref_log):
            with mp.workdps(1000):
                ref_g = mp.exp(r) - mp.mpf(float(t[j]))
            scale = max(abs(mp.exp(r)), abs(mp.mpf(float(t[j]))))
            rtol = RTOL * float(max(1, scale / abs(ref_g))) if ref_g else RTOL
            assert close(grad[j], ref_g, rtol)


def test_one_hot_soft_target_equals_index_target():
    logits = np.array([[2.1, 0.5, -1.0], [700.0, 0.0, -700.0]])
    assert np.array_equal(
        L.cross_entropy(logits, np.eye(3)[[1, 0]]), L.cross_entropy(logits, [1, 0])
    )


@pytest.mark.parametrize("p", [1e-300, 1e-12, 0.01, 0.1, 0.5, 0.7, 0.99, 1 - 1e-12, 1.0])
def test_penalties_over_p(p):
    assert close(L.negative_log(p), -mp.log(mp.mpf(p)))
    assert close(L.linear_penalty(p), 1 - mp.mpf(p))
    for y in (0.0, 1.0, 0.3):
        ref = -(mp.mpf(y) * mp.log(mp.mpf(p)) if y else 0)
        if p < 1.0:
            ref -= (1 - mp.mpf(y)) * mp.log1p(-mp.mpf(p)) if y != 1 else 0
            assert close(L.binary_cross_entropy_prob(p, y), ref)
        assert close(L.mse_prob(p, y), (mp.mpf(y) - mp.mpf(p)) ** 2 / 2)


def test_infinite_penalties_without_warnings():
    assert L.negative_log(0.0) == np.inf
    assert L.binary_cross_entropy_prob(0.0, 1.0) == np.inf
    assert L.binary_cross_entropy_prob(1.0, 0.0) == np.inf
    assert L.binary_cross_entropy_prob(0.0, 0.0) == 0.0
    assert L.binary_cross_entropy_prob(1.0, 1.0) == 0.0


def test_brier_score():
    assert L.brier_score([0.7, 0.2, 0.1], 0) == pytest.approx(0.09 + 0.04 + 0.01, rel=1e-15)
    assert L.brier_score([0.0, 1.0, 0.0], 0) == 2.0
    assert L.brier_score([1.0, 0.0], 0) == 0.0
