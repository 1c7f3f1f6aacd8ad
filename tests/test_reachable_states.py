"""Every state the model can reach is one it can save, reopen, undo and redo.

Random sequences of every setter, extremes included, on a model watched by
the window's undo history: after each step the invariants hold; at the end
the state round-trips through a ``.lossx`` file bit for bit, undoes back to
the start and redoes to the end exactly.
"""

import json
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_model import assert_invariants

from lossexplorer import scenarios
from lossexplorer.history import History
from lossexplorer.model import LOGIT_LIMIT, TEMPERATURE_RANGE, ExplorerModel, default_state

HUGE = [10**400, 2**1024, -(10**400), Fraction(10**400, 3), Fraction(1, 10**400) * 10**800]


def same_bits(a: dict, b: dict) -> bool:
    """Equal states, float bits included (repr tells -0.0 from 0.0, every bit)."""
    return json.dumps(a) == json.dumps(b)


def assert_undoes_to_the_start_and_redoes_to_the_end(model, history, start=None):
    end = model.state()
    while history.stack.canUndo():
        history.stack.undo()
        assert_invariants(model)
    assert same_bits(model.state(), default_state() if start is None else start)
    while history.stack.canRedo():
        history.stack.redo()
        assert_invariants(model)
    assert same_bits(model.state(), end)


def dragged(model, i, p):
    model.begin_gesture()
    model.set_probability(i, p)
    model.end_gesture()


# ------------------------------------------------------- the reported holes
@pytest.mark.parametrize("t", [12.6, 15.0, TEMPERATURE_RANGE[1]])
@pytest.mark.parametrize("p", [0.0, 1.0])
def test_a_drag_at_a_high_temperature_stays_savable(qapp, tmp_path, t, p):
    m = ExplorerModel()
    history = History(m)
    m.set_temperature(t)
    dragged(m, 1, p)
    assert_invariants(m)
    assert np.abs(m.logits).max() <= LOGIT_LIMIT
    assert m.probabilities[1] == p  # the zero (or the one) is exact
    path = tmp_path / "lesson.lossx"
    scenarios.save(path, m.state())
    other = ExplorerModel()
    scenarios.apply(other, scenarios.load(path))
    assert same_bits(other.state(), m.state())
    assert_undoes_to_the_start_and_redoes_to_the_end(m, history)


def test_a_drag_after_a_typed_extreme_logit_stays_within_the_limit(qapp):
    m = ExplorerModel()
    history = History(m)
    m.set_logit(0, 1e4)
    dragged(m, 1, 0.3)
    assert np.abs(m.logits).max() <= LOGIT_LIMIT
    assert m.probabilities[1] == pytest.approx(0.3, abs=1e-12)
    assert_invariants(m)
    assert_undoes_to_the_start_and_redoes_to_the_end(m, history)


@pytest.mark.parametrize("t", [0.05, 1.0, 20.0])
def test_the_softmax_and_the_probabilities_agree_after_drags_at_the_limit(qapp, t):
    m = ExplorerModel()
    m.set_temperature(t)
    for v in (1e4, -1e4):
        m.set_logit(0, v)
        for i, p in ((1, 0.37), (0, 0.999999), (2, 1e-9), (1, 0.0), (2, 1.0)):
            m.set_probability(i, p)
            assert_invariants(m)


def test_a_preset_sets_exactly_its_own_state_after_a_typed_logit(qapp):
    fresh = ExplorerModel()
    m = ExplorerModel()
    m.set_logit(0, 1e4)
    m.set_temperature(3.0)
    state = scenarios.preset_state(scenarios.PRESETS[0], m.classes)
    m.set_state(state)
    fresh.set_state(state)
    assert same_bits(m.state(), fresh.state())
    assert same_bits(m.state(), default_state())


@pytest.mark.parametrize("value", HUGE, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize(
    "setter",
    ["set_z", "set_y", "set_temperature", "set_learning_rate", "probability", "logit", "logits"],
)
def test_numbers_beyond_a_float_are_refused_by_every_setter(qapp, setter, value):
    m = ExplorerModel()
    before = m.state()
    calls = {
        "probability": lambda: m.set_probability(0, value),
        "logit": lambda: m.set_logit(0, value),
        "logits": lambda: m.set_logits([value, 0, 0]),
    }
    with pytest.raises(ValueError, match="fits a float|must lie|finite"):
        calls.get(setter, lambda: getattr(m, setter)(value))()
    assert m.state() == before


def test_negative_zero_is_stored_as_zero(qapp):
    m = ExplorerModel()
    m.set_logits([-0.0, -0.0, 1.0])
    m.set_z(-0.0)
    m.set_probabilities([-0.0, 1.0, -0.0])
    m.set_logit(0, -0.0)
    assert all(math.copysign(1.0, v) > 0 for v in m.state()["probabilities"] if v == 0)
    assert math.copysign(1.0, m.logits[0]) > 0 and math.copysign(1.0, m.z) > 0


@pytest.mark.parametrize("name", ["\ud800dog", "a\nb", "tab\there", "nul\x00", "x\u2028y"])
def test_names_that_are_not_plain_text_are_refused(qapp, name):
    m = ExplorerModel()
    with pytest.raises(ValueError, match="plain text"):
        m.set_class_name(0, name)
    assert m.classes == ("cat", "dog", "bird")


def test_a_name_counts_characters_not_utf16_units(qapp):
    m = ExplorerModel()
    m.set_class_name(0, "🐱" * 24)
    assert m.classes[0] == "🐱" * 24
    with pytest.raises(ValueError, match="24"):
        m.set_class_name(0, "🐱" * 25)


# ------------------------------------------------ the rule, as a property
names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=24,
).filter(str.strip)
index = st.integers(0, 5)
probability = st.one_of(st.floats(0, 1), st.sampled_from([0.0, 1.0, 5e-324, 1e-300, 1 - 1e-16]))
logit = st.one_of(
    st.floats(-LOGIT_LIMIT, LOGIT_LIMIT),
    st.sampled_from([-LOGIT_LIMIT, LOGIT_LIMIT, 0.0, -0.0, 9999.53, -745.0]),
)
temperature = st.one_of(st.floats(*TEMPERATURE_RANGE), st.sampled_from([0.05, 12.6, 20.0]))
anything = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([*HUGE, "1", None, True]),
)


@st.composite
def distributions(draw):
    w = draw(st.lists(st.floats(0, 1), min_size=3, max_size=3).filter(lambda v: sum(v) > 0))
    return [v / sum(w) for v in w]


actions = st.one_of(
    st.tuples(st.just("drag"), index, probability),
    st.tuples(st.just("set_probability"), index, probability),
    st.tuples(st.just("set_probabilities"), distributions()),
    st.tuples(st.just("set_logits"), st.lists(logit, min_size=3, max_size=3)),
    st.tuples(st.just("set_logit"), index, logit),
    st.tuples(st.just("set_temperature"), temperature),
    st.tuples(st.just("set_true_class"), index),
    st.tuples(st.just("set_class_name"), index, names),
    st.tuples(st.just("set_classes"), st.lists(names, min_size=2, max_size=6)),
    st.tuples(st.just("set_z"), st.one_of(st.floats(-1000, 1000), st.sampled_from([-1e3, 1e3]))),
    st.tuples(st.just("set_y"), st.floats(0, 1)),
    st.tuples(st.just("set_learning_rate"), st.floats(0.001, 100)),
    st.tuples(st.just("preset"), st.integers(0, len(scenarios.PRESETS) - 1)),
    st.tuples(st.just("reset")),
    st.tuples(st.sampled_from(["set_z", "set_y", "set_temperature", "set_logit"]), anything),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(actions, max_size=40))
def test_every_reachable_state_saves_reopens_undoes_and_redoes(qapp, tmp_path_factory, steps):
    m = ExplorerModel()
    history = History(m)
    start = m.state()
    for name, *args in steps:
        before = m.state()
        try:
            if name == "drag":
                dragged(m, *args)
            elif name == "preset":
                m.set_state(scenarios.preset_state(scenarios.PRESETS[args[0]], m.classes))
            elif name == "set_logit" and len(args) == 1:
                m.set_logit(0, args[0])
            else:
                getattr(m, name)(*args)
        except ValueError:
            assert same_bits(m.state(), before)
        assert_invariants(m)
    end = m.state()
    path = tmp_path_factory.mktemp("lossx") / "lesson.lossx"
    scenarios.save(path, end)
    reopened = ExplorerModel()
    scenarios.apply(reopened, scenarios.load(path))
    assert same_bits(reopened.state(), end)
    assert_undoes_to_the_start_and_redoes_to_the_end(m, history, start)
