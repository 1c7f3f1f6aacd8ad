"""losses.py against values recorded once from PyTorch 2.13 (float64).

The fixture was made by tests/fixtures/record_pytorch.py; PyTorch itself is
not needed to run these tests.  Where PyTorch loses digits in the tails
(e.g. sigmoid(z) - 1 for large z) our exact values differ from its rounded
ones by far less than the absolute tolerance below.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from lossexplorer import losses as L

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "pytorch_reference.json").read_text())
RTOL, ATOL = 1e-12, 1e-15


def check(ours, theirs):
    np.testing.assert_allclose(
        np.asarray(ours), np.asarray(theirs, dtype=float), rtol=RTOL, atol=ATOL
    )


def test_fixture_is_from_pytorch():
    assert FIXTURE["torch_version"].startswith("2.")


def test_sigmoid():
    check(L.sigmoid(FIXTURE["sigmoid"]["z"]), FIXTURE["sigmoid"]["value"])


@pytest.mark.parametrize("case", FIXTURE["softmax"], ids=lambda c: f"{np.shape(c['logits'])}")
def test_softmax(case):
    check(L.softmax(case["logits"]), case["value"])
    check(L.log_softmax(case["logits"]), case["log_value"])


@pytest.mark.parametrize("key", ["cross_entropy_index", "cross_entropy_soft"])
def test_cross_entropy(key):
    for case in FIXTURE[key]:
        target = case["target"]
        target = np.asarray(target, dtype=int if key.endswith("index") else float)
        check(L.cross_entropy(case["logits"], target), case["loss"])
        check(L.cross_entropy_grad(case["logits"], target), case["grad"])


def test_seed_000_values_recorded_from_pytorch():
    losses = [v for c in FIXTURE["cross_entropy_index"] for v in c["loss"]]
    assert any(abs(v - 0.35667494393873) < 1e-12 for v in losses)
    assert any(abs(v - 2.30258509299404) < 1e-12 for v in losses)


def test_binary_cross_entropy_with_logits():
    c = FIXTURE["bce_with_logits"]
    check(L.binary_cross_entropy(c["z"], c["y"]), c["loss"])
    check(L.binary_cross_entropy_grad(c["z"], c["y"]), c["grad"])


def test_mse_on_sigmoid():
    c = FIXTURE["mse_sigmoid"]
    check(L.mse(c["z"], c["y"]), c["loss"])
    check(L.mse_grad(c["z"], c["y"]), c["grad"])
