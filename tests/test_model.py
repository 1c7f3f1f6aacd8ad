"""ExplorerModel: defaults, setters, validation, signals and invariants."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossexplorer import losses
from lossexplorer.model import AGREEMENT, LOGIT_LIMIT, ExplorerModel


@pytest.fixture
def model(qapp):
    return ExplorerModel()


class Counter:
    def __init__(self, signal):
        self.count = 0
        signal.connect(self)

    def __call__(self):
        self.count += 1


def assert_invariants(m):
    p = m.probabilities
    assert np.isfinite(p).all()
    assert ((p >= 0) & (p <= 1)).all()
    assert abs(p.sum() - 1.0) <= 1e-12
    assert np.isfinite(m.logits).all()
    assert (np.abs(m.logits) <= LOGIT_LIMIT).all()
    # the promise: the two views of the prediction agree to 1e-12 ...
    assert np.abs(losses.softmax(m.logits / m.temperature) - p).max() <= AGREEMENT
    # ... and, relatively, as well as the logits' size allows: e^x carries the
    # rounding of x (|x| * 1e-16) into p.  Exact zeros stay exact zeros.
    x = m.logits / m.temperature
    rtol = max(1e-12, 2e-15 * np.abs(x[p > 0]).max())
    np.testing.assert_allclose(losses.softmax(x), p, rtol=rtol, atol=0)
    assert not math.isnan(m.cross_entropy)
    for value in (m.bce, m.mse, m.bce_grad, m.mse_grad, m.linear_penalty, m.brier):
        assert math.isfinite(value)


def test_defaults_are_seed_000(model):
    assert model.classes == ("cat", "dog", "bird")
    np.testing.assert_allclose(model.probabilities, [0.7, 0.2, 0.1], rtol=1e-15)
    assert model.true_class == 0
    assert round(model.cross_entropy, 3) == 0.357
    assert model.cross_entropy == pytest.approx(-math.log(0.7), rel=1e-15)
    assert_invariants(model)


def test_set_probability_rescales_the_others(model):
    model.set_probability(0, 0.1)
    np.testing.assert_allclose(model.probabilities, [0.1, 0.6, 0.3], rtol=1e-14)
    assert round(model.cross_entropy, 3) == 2.303
    model.set_probability(0, 1.0)
    np.testing.assert_array_equal(model.probabilities, [1.0, 0.0, 0.0])
    model.set_probability(1, 0.4)  # the others are all 0: they share the rest
    np.testing.assert_allclose(model.probabilities, [0.6, 0.4, 0.0], rtol=1e-15)
    model.set_probability(2, 0.5)
    np.testing.assert_allclose(model.probabilities, [0.3, 0.2, 0.5], rtol=1e-14)
    assert_invariants(model)


def test_all_zero_others_share_equally(model):
    model.set_probability(2, 1.0)
    model.set_probability(2, 0.4)
    np.testing.assert_allclose(model.probabilities, [0.3, 0.3, 0.4], rtol=1e-15)


def test_true_class_probability_zero_gives_infinite_loss(model):
    model.set_probability(1, 1.0)
    assert model.cross_entropy == math.inf
    assert_invariants(model)


def test_logits_drive_probabilities(model):
    model.set_logits([2.1, 0.5, -1.0])
    np.testing.assert_allclose(model.probabilities, losses.softmax([2.1, 0.5, -1.0]), rtol=1e-15)
    model.set_temperature(2.0)
    np.testing.assert_allclose(model.probabilities, losses.softmax([1.05, 0.25, -0.5]), rtol=1e-15)
    np.testing.assert_array_equal(model.logits, [2.1, 0.5, -1.0])
    assert_invariants(model)


def test_dragging_a_bar_keeps_the_logits_centre(model):
    model.set_logits([2.1, 0.5, -1.0])
    model.set_probability(0, 0.5)
    assert model.logits.mean() == pytest.approx(np.mean([2.1, 0.5, -1.0]), abs=1e-12)


def test_changed_once_per_real_change(model):
    c, multi, binary = (
        Counter(model.changed),
        Counter(model.multiclass_changed),
        Counter(model.binary_changed),
    )
    model.set_probability(0, 0.7)  # already 0.7
    model.set_true_class(0)
    model.set_y(1.0)
    model.set_z(-6.0)
    model.set_logits(model.logits)
    assert (c.count, multi.count, binary.count) == (0, 0, 0)
    model.set_probability(0, 0.5)
    assert (c.count, multi.count, binary.count) == (1, 1, 0)
    model.set_z(-3)
    assert (c.count, multi.count, binary.count) == (2, 1, 1)
    model.set_y(0.25)
    model.set_true_class(2)
    model.set_class_name(0, "apple")
    model.set_class_name(0, "apple")
    assert c.count == 5


BAD_CALLS = [
    ("set_probability", (0, math.nan)),
    ("set_probability", (0, math.inf)),
    ("set_probability", (0, 1.5)),
    ("set_probability", (0, -0.01)),
    ("set_probability", (3, 0.5)),
    ("set_probability", (-1, 0.5)),
    ("set_probability", (True, 0.5)),
    ("set_probability", (0, "0.5")),
    ("set_logits", ([1.0, math.nan, 0.0],)),
    ("set_logits", ([1.0, 2.0],)),
    ("set_logits", ([1e9, 0.0, 0.0],)),
    ("set_logits", ("abc",)),
    ("set_true_class", (5,)),
    ("set_true_class", (1.0,)),
    ("set_z", (math.nan,)),
    ("set_z", (-math.inf,)),
    ("set_z", (1e6,)),
    ("set_y", (1.01,)),
    ("set_y", (-0.5,)),
    ("set_y", (math.nan,)),
    ("set_temperature", (0.0,)),
    ("set_learning_rate", (-1.0,)),
    ("set_class_name", (0, "")),
    ("set_class_name", (0, 42)),
    ("set_classes", (["only one"],)),
    ("set_classes", ([f"c{i}" for i in range(7)],)),
    ("set_state", ({"z": 1.0, "y": 7.0},)),
    ("set_state", ({"probabilities": [0.5, 0.5, 0.5]},)),
    ("set_state", ({"hack": 1},)),
    ("set_state", ([1, 2, 3],)),
]


@pytest.mark.parametrize(("name", "args"), BAD_CALLS, ids=[f"{n}{a!r}" for n, a in BAD_CALLS])
def test_bad_input_is_refused_and_changes_nothing(model, name, args):
    model.set_z(-2.0)
    before = model.state()
    c = Counter(model.changed)
    with pytest.raises(ValueError) as info:
        getattr(model, name)(*args)
    assert str(info.value)[0].isupper() or str(info.value)[0] in "zaeiou"
    assert model.state() == before
    assert c.count == 0


def test_state_round_trip(model):
    model.set_classes(["apple", "banana", "cherry", "date"])
    model.set_logits([1.0, -2.0, 0.5, 3.0])
    model.set_temperature(1.5)
    model.set_true_class(3)
    model.set_z(-6.0)
    model.set_y(0.8)
    model.set_learning_rate(0.5)
    other = ExplorerModel()
    other.set_state(model.state())
    assert other.state() == model.state()
    other.reset()
    assert other.state() == ExplorerModel().state()


def test_changing_the_class_count_keeps_the_prediction(model):
    """A new class gets 5 %, the others keep their ratios; a removed class's share is spread."""
    logits = model.logits.copy()
    model.set_true_class(2)
    model.set_classes(["cat", "dog", "bird", "fish"])
    np.testing.assert_allclose(model.probabilities, [0.665, 0.19, 0.095, 0.05], rtol=1e-13)
    np.testing.assert_array_equal(model.logits[:3], logits)  # the old logits stay put
    np.testing.assert_allclose(losses.softmax(model.logits), model.probabilities, rtol=1e-13)
    assert model.true_class == 2
    model.set_classes(["cat", "dog", "bird", "fish", "horse", "frog"])
    np.testing.assert_allclose(
        model.probabilities, [0.5985, 0.171, 0.0855, 0.045, 0.05, 0.05], rtol=1e-13
    )
    model.set_classes(["yes", "no"])
    np.testing.assert_allclose(model.probabilities, [0.7 / 0.9, 0.2 / 0.9], rtol=1e-13)
    np.testing.assert_array_equal(model.logits, logits[:2])
    assert model.true_class == 1


def test_removing_every_class_that_had_probability_leaves_a_uniform_rest(model):
    model.set_probabilities([0.0, 0.0, 1.0])
    model.set_classes(["yes", "no"])
    np.testing.assert_array_equal(model.probabilities, [0.5, 0.5])


indices = st.integers(0, 2)
actions = st.one_of(
    st.tuples(st.just("set_probability"), indices, st.floats(0, 1)),
    st.tuples(st.just("set_probability"), indices, st.sampled_from([0.0, 1.0, 5e-324, 1 - 1e-16])),
    st.tuples(st.just("set_logits"), st.lists(st.floats(-700, 700), min_size=3, max_size=3)),
    st.tuples(st.just("set_true_class"), indices),
    st.tuples(st.just("set_temperature"), st.floats(0.05, 20)),
    st.tuples(st.just("set_z"), st.floats(-1000, 1000)),
    st.tuples(st.just("set_y"), st.floats(0, 1)),
    st.tuples(st.just("set_probability"), indices, st.floats(allow_nan=True, allow_infinity=True)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(actions, max_size=25))
def test_invariants_under_random_edits(qapp, steps):
    m = ExplorerModel()
    for name, *args in steps:
        before = m.state()
        try:
            getattr(m, name)(*args)
        except ValueError:
            assert m.state() == before
        assert_invariants(m)


def test_the_model_says_which_fields_changed(model):
    model.set_z(2.0)
    assert model.last_change == {"z"}
    model.set_probability(0, 0.5)
    assert model.last_change == {"logits", "probabilities"}
    model.set_temperature(2.0)
    assert model.last_change == {"temperature", "probabilities"}
    model.set_state({"true_class": 2, "y": 0.5})
    assert model.last_change == {"true_class", "y"}
    before = model.last_change
    model.set_y(0.5)  # no change: nothing emitted, nothing recorded
    assert model.last_change == before


def test_each_part_owns_its_fields_and_the_state_is_their_union(model):
    keys = [set(part.state()) for part in (model.multiclass, model.binary, model.training)]
    assert set().union(*keys) == set(model.state())
    assert sum(map(len, keys)) == len(model.state())  # no field in two parts


def test_removing_a_class_keeps_a_subnormal_probability_exact(model):
    """Found by test_reachable_states: 5e-324 renormalised is not the softmax's 1e-323."""
    model.set_logit(0, -745.0)
    model.set_classes(["0", "0"])
    assert_invariants(model)
    assert model.probabilities[0] == losses.softmax(model.logits / model.temperature)[0] > 0
