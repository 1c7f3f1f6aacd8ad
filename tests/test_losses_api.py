"""Shapes, broadcasting, input checks and the absence of NumPy warnings."""

import warnings

import numpy as np
import pytest

from lossexplorer import losses as L


@pytest.fixture(autouse=True)
def _numpy_warnings_are_errors():
    # NumPy's own defaults ignore underflow (e^-800 is simply 0); everything
    # a user could see as a warning is turned into an error here.
    with np.errstate(divide="raise", over="raise", invalid="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_binary_functions_broadcast():
    z = np.linspace(-1000, 1000, 7)[:, None]
    y = np.array([0.0, 0.3, 1.0])
    for f in (L.binary_cross_entropy, L.binary_cross_entropy_grad, L.mse, L.mse_grad,
              L.log10_abs_bce_grad, L.log10_abs_mse_grad):  # fmt: skip
        out = f(z, y)
        assert out.shape == (7, 3)
        assert not np.isnan(out).any()
    assert np.isscalar(L.sigmoid(0.0)) and L.sigmoid(0.0) == 0.5


def test_softmax_over_batches_and_axes():
    x = np.random.default_rng(1).normal(size=(4, 5, 3)) * 50
    p = L.softmax(x)
    assert p.shape == x.shape
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(
        L.softmax(x, axis=1), np.moveaxis(L.softmax(np.moveaxis(x, 1, -1)), -1, 1)
    )
    assert L.cross_entropy(x, np.zeros((4, 5), dtype=int)).shape == (4, 5)
    assert L.cross_entropy(x, np.full(x.shape, 1 / 3)).shape == (4, 5)
    assert L.cross_entropy_grad(x, np.ones((4, 5), dtype=int)).shape == x.shape


def test_extreme_inputs_give_no_warning():
    z = np.array([-1e308, -1e4, -745.5, 745.5, 1e4, 1e308])
    for y in (0.0, 1.0, 0.5):
        assert np.isfinite(L.binary_cross_entropy(z[1:-1], y)).all()
        assert np.isfinite(L.binary_cross_entropy_grad(z, y)).all()
        assert np.isfinite(L.mse(z, y)).all()
    assert np.isfinite(L.softmax([1e308, -1e308, 0.0])).all()
    assert L.negative_log(0.0) == np.inf
    assert np.isfinite(L.log10_abs_mse_grad(-1e4, 1.0))


def test_probabilities_with_minus_infinity_logits():
    # a class the model rules out completely (logit -inf) gets probability 0
    p = L.softmax([0.0, -np.inf, 0.0])
    assert p[1] == 0.0 and p[0] == 0.5


@pytest.mark.parametrize("bad", [-0.1, 1.1, np.nan])
def test_labels_outside_zero_one_are_refused(bad):
    with pytest.raises(ValueError, match="label"):
        L.binary_cross_entropy(0.0, bad)


def test_bad_class_indices_are_refused():
    with pytest.raises(ValueError, match="out of range"):
        L.cross_entropy([1.0, 2.0, 3.0], 3)
    with pytest.raises(ValueError, match="integers"):
        L.cross_entropy([1.0, 2.0, 3.0], 0.5)
    with pytest.raises(ValueError):
        L.softmax(1.0)


def test_gradient_descent_matches_a_plain_loop():
    zs = L.gradient_descent(L.binary_cross_entropy_grad, -6.0, 1.0, 1.0, 5)
    z, expected = -6.0, [-6.0]
    for _ in range(5):
        z = z - (1 / (1 + np.exp(-z)) - 1.0)
        expected.append(z)
    np.testing.assert_allclose(zs, expected, rtol=1e-14)
