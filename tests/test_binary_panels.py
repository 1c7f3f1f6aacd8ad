"""The binary lesson driven as a teacher would: drags, keys, clicks, typing.

The panels are built directly on a fresh model (they need not be registered),
shown offscreen at 900 × 600, and checked against ``lossexplorer.losses``.
"""

import math
import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow
from qt_helpers import colour_mask, drag, shown_panel, viewport_point
from screen_numbers import parse_number

from lossexplorer import losses, style
from lossexplorer.formatting import MINUS
from lossexplorer.model import ExplorerModel
from lossexplorer.panels.binary_loss import BinaryLossPanel
from lossexplorer.panels.ce_prob import Y_TOP, CeProbPanel
from lossexplorer.panels.race import MAX_STEPS, RacePanel
from lossexplorer.panels.sigmoid import Z_VIEW, SigmoidPanel

LABELS_Y = (0.0, 0.3, 0.73, 1.0)


@pytest.fixture
def model():
    return ExplorerModel()


_shown = shown_panel


@pytest.fixture
def sigmoid(qtbot, model):
    return _shown(qtbot, SigmoidPanel(model))


@pytest.fixture
def loss(qtbot, model):
    return _shown(qtbot, BinaryLossPanel(model))


@pytest.fixture
def prob(qtbot, model):
    return _shown(qtbot, CeProbPanel(model))


@pytest.fixture
def race(qtbot, model):
    return _shown(qtbot, RacePanel(model))


@pytest.fixture
def all_panels(sigmoid, loss, prob, race):
    return (sigmoid, loss, prob, race)


def curve_data(item):
    x, y = item.getData()
    return np.asarray(x), np.asarray(y)


def assert_curve(item, f):
    """The curve's points are exactly f(x) at its own x."""
    x, y = curve_data(item)
    assert x.size > 100
    np.testing.assert_allclose(y, f(x), rtol=1e-12, atol=0)


def marker(item):
    """Where a marker sits, in data coordinates."""
    return item.pos().x(), item.pos().y()


def plain(label):
    """A QLabel's text as the user reads it (rich text unwrapped)."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def shown_texts(panel):
    """Every string the panel shows: its labels and the text items in its plots."""
    texts = [plain(label) for label in panel.findChildren(QLabel)]
    for name in dir(panel):
        item = getattr(panel, name, None)
        if hasattr(item, "toPlainText") and hasattr(item, "setAnchor"):  # a pg.TextItem
            texts.append(item.toPlainText())
    return texts


def sigmoid_label(panel):
    """(z, ŷ) as the sigmoid plot's label reads them."""
    text = panel.label.toPlainText()
    z_text = re.search(r"z = (\S+)", text).group(1)
    y_hat_text = re.search(r"ŷ = (.+)$", text, re.MULTILINE).group(1)
    return parse_number(z_text), parse_number(y_hat_text)


def numpy_descent(z0, y, lr, steps, kind):
    """Plain gradient descent on z, written out with np.exp."""
    zs = [z0]
    z = z0
    for _ in range(steps):
        s = 1.0 / (1.0 + np.exp(-z))
        grad = (s - y) * s * (1.0 - s) if kind == "mse" else s - y
        z = z - lr * grad
        zs.append(z)
    return np.array(zs)


# ------------------------------------------------------------------ curves
def test_every_curve_is_the_function_it_claims(model, sigmoid, loss, prob, race):
    assert_curve(sigmoid.curve, losses.sigmoid)
    for y in LABELS_Y:
        model.set_y(y)
        assert_curve(loss.mse_curve, lambda z, y=y: losses.mse(z, y))
        assert_curve(loss.ce_curve, lambda z, y=y: losses.binary_cross_entropy(z, y))
        assert_curve(prob.ce_curve, lambda p, y=y: losses.binary_cross_entropy_prob(p, y))
        assert_curve(prob.mse_curve, lambda p, y=y: losses.mse_prob(p, y))
        assert_curve(race.mse_curve, lambda z, y=y: losses.mse(z, y))
        assert_curve(race.ce_curve, lambda z, y=y: losses.binary_cross_entropy(z, y))
    assert_curve(prob.y1_curve, losses.negative_log)
    assert_curve(prob.y0_curve, lambda p: losses.binary_cross_entropy_prob(p, 0.0))
    x, _ = curve_data(loss.ce_curve)
    assert x.min() <= -1000 and x.max() >= 1000  # the model's whole z range
    p, _ = curve_data(prob.ce_curve)
    assert 0.0 < p.min() <= 1.001e-4 and 1.0 - 1.001e-4 <= p.max() < 1.0


def chord_error_pixels(plot, item, f, y):
    """How far, in screen pixels, the drawn polyline strays from the true curve f(·, y).

    The distance from f at each segment's midpoint to the segment, over the
    segments inside the view (those outside are never seen).
    """
    xs, ys = curve_data(item)
    vb = plot.getPlotItem().getViewBox()
    (x0, x1), (y0, y1) = vb.viewRange()
    sx, sy = vb.width() / (x1 - x0), vb.height() / (y1 - y0)
    xm = 0.5 * (xs[:-1] + xs[1:])
    ax, ay, bx, by = xs[:-1] * sx, ys[:-1] * sy, xs[1:] * sx, ys[1:] * sy
    px, py = xm * sx, f(xm, y) * sy
    distance = np.abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / np.hypot(bx - ax, by - ay)
    inside = (
        (xs[:-1] >= x0)
        & (xs[1:] <= x1)
        & (np.minimum(ys[:-1], ys[1:]) >= y0)
        & (np.maximum(ys[:-1], ys[1:]) <= y1)
    )
    assert np.count_nonzero(inside) >= 10
    return float(distance[inside].max())


@pytest.mark.parametrize("size", [(900, 600), (1900, 1000)])
def test_curves_stay_within_a_third_of_a_pixel_of_the_truth(model, loss, prob, race, size):
    """The grids are coarse (each point costs time on every drag step) but never visibly so."""
    for panel in (loss, prob, race):
        panel.resize(*size)
    QApplication.processEvents()
    cases = (
        (loss.plot, loss.mse_curve, losses.mse),
        (loss.plot, loss.ce_curve, losses.binary_cross_entropy),
        (race.z_plot, race.mse_curve, losses.mse),
        (race.z_plot, race.ce_curve, losses.binary_cross_entropy),
        (prob.plot, prob.ce_curve, losses.binary_cross_entropy_prob),
        (prob.plot, prob.mse_curve, losses.mse_prob),
    )
    for y in LABELS_Y:
        model.set_y(y)
        for view in ("wide", "close"):
            loss.set_view(view)
            for plot, curve, f in cases:
                assert chord_error_pixels(plot, curve, f, y) < 1 / 3


def coloured_pixels(widget, colour, tolerance=40):
    """How many pixels of ``widget`` (as grabbed) are within ``tolerance`` of ``colour``."""
    return int(np.count_nonzero(colour_mask(widget, colour, tolerance)))


@pytest.mark.parametrize("y", [1.0, 0.3])
def test_curves_are_painted_where_their_numbers_say(model, loss, prob, y):
    """The curves are stroked in pixels, mapped by our own code: check it lands right."""
    model.set_z(-9.5)  # the markers out of the way, at the left edge
    model.set_y(y)
    loss.set_view("wide")
    QApplication.processEvents()
    cases = (
        (loss.plot, style.CE, losses.binary_cross_entropy, (-7.0, -3.0, -1.0, 0.5, 3.0, 8.0)),
        (loss.plot, style.MSE, losses.mse, (-7.0, -4.0, -1.0)),  # apart from CE
        (prob.plot, style.CE, losses.binary_cross_entropy_prob, (0.3, 0.5, 0.7, 0.9)),
    )
    for plot, colour, f, xs in cases:
        mask = colour_mask(plot.viewport(), colour)
        for x in xs:
            point = viewport_point(plot, x, float(f(x, y)))
            column = mask[point.y() - 8 : point.y() + 9, point.x()]
            rows = np.flatnonzero(column) - 8
            assert rows.size >= 2, (colour, x)
            assert abs(rows.mean()) <= 1.5, (colour, x, rows)


def test_curves_are_drawn_wherever_the_view_is_panned(model, loss):
    """Only the segments in view are stroked; a pan must bring the others in."""
    model.set_y(1.0)
    loss.view_box.setRange(xRange=(-10, 10), yRange=(0, 13), padding=0)
    QApplication.processEvents()
    assert coloured_pixels(loss.plot.viewport(), style.CE) > 200
    loss.view_box.setRange(xRange=(-60, -40), yRange=(35, 65), padding=0)  # the left tail
    QApplication.processEvents()
    assert coloured_pixels(loss.plot.viewport(), style.CE) > 200


def test_markers_sit_on_their_curves_at_the_model_state(model, sigmoid, loss, prob):
    for z, y in ((-6.0, 1.0), (0.5, 0.3), (2.0, 0.0), (-1.0, 0.73)):
        model.set_z(z)
        model.set_y(y)
        assert marker(sigmoid.point) == (z, pytest.approx(losses.sigmoid(z), rel=1e-15))
        assert sigmoid.handle.value() == z
        assert marker(loss.mse_marker) == (z, pytest.approx(losses.mse(z, y), rel=1e-15))
        ce = losses.binary_cross_entropy(z, y)
        assert marker(loss.ce_marker) == (z, pytest.approx(ce, rel=1e-15))
        x, mse = marker(prob.mse_marker)
        assert x == pytest.approx(losses.sigmoid(z), rel=1e-15)
        assert mse == pytest.approx(losses.mse(z, y), rel=1e-15)
        x, shown = marker(prob.ce_marker)
        assert shown == pytest.approx(0.93 * Y_TOP if ce > Y_TOP else ce, rel=1e-15)


def test_a_change_of_z_moves_markers_only(model, loss, prob, race):
    """Curves are computed once per y; z only moves markers; no item is ever created."""
    counts = [len(p.plot.scene().items()) for p in (loss, prob)]
    counts.append(len(race.z_plot.scene().items()))
    loss.grad_check.setChecked(True)
    before = loss.ce_curve.yData, prob.ce_curve.yData, race.ce_curve.yData, loss.ce_grad_curve.yData
    for z in np.linspace(-8, 8, 17):
        model.set_z(float(z))
    after = loss.ce_curve.yData, prob.ce_curve.yData, race.ce_curve.yData, loss.ce_grad_curve.yData
    assert all(a is b for a, b in zip(before, after, strict=True))
    model.set_y(0.4)
    assert loss.ce_curve.yData is not before[0]
    loss.grad_check.setChecked(False)
    after_counts = [len(p.plot.scene().items()) for p in (loss, prob)]
    after_counts.append(len(race.z_plot.scene().items()))
    assert after_counts == counts


# ----------------------------------------------------------------- sigmoid
def test_dragging_the_handle_sets_z_where_the_pointer_went(model, sigmoid, qtbot):
    dragged = []
    sigmoid.handle.sigDragged.connect(lambda line: dragged.append(line.value()))
    pixel = sigmoid.view_box.viewPixelSize()[0]
    drag(sigmoid.plot, (model.z, 0.5), (3.2, 0.3), steps=12)
    assert dragged, "the handle itself took the drag"
    assert model.z == pytest.approx(3.2, abs=1.01 * pixel)
    z_shown, y_hat_shown = sigmoid_label(sigmoid)
    assert z_shown == pytest.approx(model.z, abs=0.005)
    assert y_hat_shown == pytest.approx(model.y_hat, abs=5e-4)
    assert sigmoid.spin.value() == pytest.approx(model.z, abs=0.005)
    # and back again, live on every move
    seen = []
    model.binary_changed.connect(lambda: seen.append(model.z))
    drag(sigmoid.plot, (model.z, 0.5), (-7.5, 0.6), steps=10)
    assert len(seen) >= 10
    assert model.z == pytest.approx(-7.5, abs=1.01 * pixel)
    z_shown, y_hat_shown = sigmoid_label(sigmoid)
    assert z_shown == pytest.approx(model.z, abs=0.005)
    assert y_hat_shown == pytest.approx(model.y_hat, abs=5e-4)


def test_the_handle_lights_up_under_the_pointer_before_and_after_a_drag(model, sigmoid):
    """Drags skip pyqtgraph's hover search; hovering must still work around them."""
    from qt_helpers import NO_BUTTON, send_mouse

    model.set_z(0.0)
    vp = sigmoid.plot.viewport()

    def hover(x, y):
        send_mouse(
            vp, QEvent.Type.MouseMove, viewport_point(sigmoid.plot, x, y), NO_BUTTON, NO_BUTTON
        )

    hover(0.0, 0.5)
    assert sigmoid.handle.mouseHovering
    hover(-6.0, 0.5)
    assert not sigmoid.handle.mouseHovering
    drag(sigmoid.plot, (-8.0, 0.9), (4.5, 0.9), steps=8)  # scrub, away from the handle
    hover(model.z, 0.5)
    assert sigmoid.handle.mouseHovering


def test_dragging_anywhere_on_the_sigmoid_plot_scrubs_z(model, sigmoid):
    pixel = sigmoid.view_box.viewPixelSize()[0]
    range_before = sigmoid.view_box.viewRange()
    model.set_z(0.0)
    drag(sigmoid.plot, (-8.0, 0.9), (4.5, 0.9), steps=8)  # far from the handle at 0
    assert model.z == pytest.approx(4.5, abs=1.01 * pixel)
    assert sigmoid.view_box.viewRange() == range_before  # no pan stole the drag
    drag(sigmoid.plot, (model.z, 0.5), (Z_VIEW + 5.0, 0.5), steps=8)  # out past the edge
    assert model.z == Z_VIEW


def test_typing_z_beyond_the_plot_shows_it_at_the_edge(model, sigmoid, qtbot):
    sigmoid.spin.selectAll()
    QTest.keyClicks(sigmoid.spin, "-250")
    QTest.keyClick(sigmoid.spin, Qt.Key.Key_Return)
    assert model.z == -250.0
    assert sigmoid.handle.value() == -Z_VIEW
    assert marker(sigmoid.point)[0] == -Z_VIEW
    text = sigmoid.label.toPlainText()
    assert f"{MINUS}250.00" in text and "off the plot" in text
    z_shown, y_hat_shown = sigmoid_label(sigmoid)
    assert z_shown == -250.0
    assert y_hat_shown == pytest.approx(losses.sigmoid(-250.0), rel=5e-3)
    model.set_z(1000.0)
    assert sigmoid.handle.value() == Z_VIEW and "1000.00" in sigmoid.label.toPlainText()


def test_the_lowest_prediction_never_reads_zero(model, sigmoid):
    model.set_z(-1000.0)  # σ(−1000) underflows to 0 in float64
    text = sigmoid.label.toPlainText()
    assert "10⁻⁴³⁵" in text  # σ(−1000) = 5.08 × 10⁻⁴³⁵
    assert "0.000" not in text


# ------------------------------------------------------------ y and curves
def test_the_y_slider_works_from_the_keyboard(model, loss, qtbot):
    slider = loss.y_slider
    slider.setFocus()
    assert slider.value() == 100 and model.y == 1.0
    QTest.keyClick(slider, Qt.Key.Key_Left)
    assert model.y == 0.99
    assert loss.y_value.text() == "y = 0.99"
    assert_curve(loss.ce_curve, lambda z: losses.binary_cross_entropy(z, 0.99))
    QTest.keyClick(slider, Qt.Key.Key_Home)
    assert model.y == 0.0  # exactly
    assert_curve(loss.mse_curve, lambda z: losses.mse(z, 0.0))
    QTest.keyClick(slider, Qt.Key.Key_End)
    assert model.y == 1.0
    QTest.keyClick(slider, Qt.Key.Key_PageDown)
    assert model.y == 0.9


def test_setting_the_y_slider_redraws(model, loss, prob, race):
    loss.y_slider.setValue(73)
    assert model.y == 0.73
    assert loss.y_value.text() == "y = 0.73"
    assert_curve(loss.ce_curve, lambda z: losses.binary_cross_entropy(z, 0.73))
    assert_curve(prob.ce_curve, lambda p: losses.binary_cross_entropy_prob(p, 0.73))
    assert_curve(race.mse_curve, lambda z: losses.mse(z, 0.73))
    model.set_y(0.25)  # from elsewhere: the slider follows without feeding back
    assert loss.y_slider.value() == 25 and model.y == 0.25


def test_view_buttons_switch_between_close_up_and_wide(model, loss, qtbot):
    loss.close_button.click()
    (x0, x1), (y0, y1) = loss.view_box.viewRange()
    assert (x0, x1) == pytest.approx((-1.0, 1.0))
    z = np.linspace(-1, 1, 201)
    top = max(np.max(losses.binary_cross_entropy(z, y)) for y in (0.0, 1.0))
    assert top < y1 < 2 * top and y0 <= 0.0
    loss.wide_button.click()
    (x0, x1), (_, y1) = loss.view_box.viewRange()
    assert (x0, x1) == pytest.approx((-10.0, 10.0))
    assert losses.binary_cross_entropy(-10.0, 1.0) < y1 < 20.0


def test_the_loss_plot_pans_with_the_mouse(loss):
    (x0, x1), _ = loss.view_box.viewRange()
    drag(loss.plot, (2.0, 1.0), (4.0, 1.0), steps=6)
    (nx0, nx1), _ = loss.view_box.viewRange()
    assert nx0 == pytest.approx(x0 - 2.0, abs=0.1) and nx1 == pytest.approx(x1 - 2.0, abs=0.1)


def test_confidently_wrong_region_follows_y(model, loss):
    model.set_y(1.0)
    lo, hi = loss.region.getRegion()
    assert loss.region.isVisible() and hi == pytest.approx(losses.logit(0.1), rel=1e-12)
    assert lo <= -1000.0
    assert abs(1.0 - losses.sigmoid(hi - 1e-6)) > 0.9 > abs(1.0 - losses.sigmoid(hi + 1e-6))
    assert "vanishes" in loss.annotation.toPlainText()
    model.set_y(0.0)
    lo, hi = loss.region.getRegion()
    assert lo == pytest.approx(losses.logit(0.9), rel=1e-12) and hi >= 1000.0
    model.set_y(0.5)
    assert not loss.region.isVisible() and not loss.annotation.isVisible()
    model.set_y(0.95)
    lo, hi = loss.region.getRegion()
    assert loss.region.isVisible() and hi == pytest.approx(losses.logit(0.05), rel=1e-9)


# ---------------------------------------------------------------- gradient
def test_gradient_overlay_linear_and_log(model, loss, qtbot):
    right_axis = loss.plot.getPlotItem().getAxis("right")
    assert not loss.overlay.isVisible() and not right_axis.isVisible()
    assert not loss.log_check.isEnabled()
    qtbot.mouseClick(loss.grad_check, Qt.MouseButton.LeftButton)
    assert loss.grad_check.isChecked() and loss.overlay.isVisible() and right_axis.isVisible()
    qtbot.waitUntil(
        lambda: loss.overlay.sceneBoundingRect() == loss.view_box.sceneBoundingRect()
    )  # the overlay follows the main view when the right axis takes its room
    for y in LABELS_Y:
        model.set_y(y)
        assert_curve(loss.mse_grad_curve, lambda z, y=y: np.abs(losses.mse_grad(z, y)))
        assert_curve(
            loss.ce_grad_curve, lambda z, y=y: np.abs(losses.binary_cross_entropy_grad(z, y))
        )
    loss.log_check.click()
    assert loss.plot.getPlotItem().getAxis("right").logMode
    for y in LABELS_Y:
        model.set_y(y)
        assert_curve(loss.mse_grad_curve, lambda z, y=y: losses.log10_abs_mse_grad(z, y))
        assert_curve(loss.ce_grad_curve, lambda z, y=y: losses.log10_abs_bce_grad(z, y))
    # y = 1, far into the tails: every value finite, no zero, and no staircase
    model.set_y(1.0)
    for curve in (loss.mse_grad_curve, loss.ce_grad_curve):
        z, v = curve_data(curve)
        inside = (z >= -30) & (z <= 30)
        assert np.all(np.isfinite(v[inside])) and np.all(v[inside] != 0.0)
        right = v[(z >= 1.0) & (z <= 1000.0)]
        assert np.all(np.diff(right) < 0)  # strictly falling: no flat steps, no drop to zero
    z, v = curve_data(loss.mse_grad_curve)
    assert np.all(np.diff(v[(z >= -1000.0) & (z <= -3.0)]) > 0)
    loss.log_check.click()
    model.set_y(1.0)
    z, v = curve_data(loss.mse_grad_curve)
    inside = (z >= -30) & (z <= 30)
    assert np.all(np.isfinite(v[inside])) and np.all(v[inside] > 0.0)


def test_gradient_readouts_never_read_zero(model, loss):
    for z in (-6.0, 0.0, 3.0):
        model.set_z(z)
        mse_text = loss.mse_grad_label.text()
        ce_text = loss.ce_grad_label.text()
        assert parse_number(mse_text.split("=")[1]) == pytest.approx(model.mse_grad, abs=5e-4)
        assert parse_number(ce_text.split("=")[1]) == pytest.approx(model.bce_grad, abs=5e-4)
    model.set_z(-30.0)
    shown = parse_number(loss.mse_grad_label.text().split("=")[1])
    assert shown == pytest.approx(model.mse_grad, rel=5e-3) and shown < 0
    model.set_z(-1000.0)  # the MSE gradient underflows to 0 in float64 here
    assert model.mse_grad == 0.0
    text = loss.mse_grad_label.text()
    assert text.endswith("10⁻⁴³⁵") and text.split("=")[1].strip().startswith(MINUS)
    model.set_z(1000.0)  # (σ − 1)σ(1 − σ) ≈ −e⁻²⁰⁰⁰
    assert "10⁻⁸⁶⁹" in loss.mse_grad_label.text()
    assert "10⁻⁴³⁵" in loss.ce_grad_label.text()


# -------------------------------------------------------- probability view
def test_probability_view_notes_an_off_scale_point(model, prob):
    model.set_z(0.0)
    assert "off the plot" not in prob.readout_text()
    assert marker(prob.ce_marker) == (0.5, pytest.approx(math.log(2.0), rel=1e-15))
    model.set_z(-6.0)  # cross-entropy 6.002 > 5
    readout = prob.readout_text()
    assert "▲ off the plot" in readout
    assert "cross-entropy = 6.002" in readout and "MSE = 0.498" in readout
    x, shown = marker(prob.ce_marker)
    assert shown <= Y_TOP and x == pytest.approx(losses.sigmoid(-6.0))
    assert prob.ce_marker.symbol() == "t"  # a triangle pointing up, off the plot
    assert prob.view_box.viewRange()[1][1] == pytest.approx(Y_TOP, rel=0.05)  # the view is fixed
    model.set_z(-1000.0)
    readout = prob.readout_text()
    assert "ŷ = σ(z) = 5.08 × 10⁻⁴³⁵" in readout and "cross-entropy = 1000.000" in readout


# -------------------------------------------------------------------- race
def test_race_equals_a_plain_numpy_loop(model, race, qtbot):
    qtbot.mouseClick(race.scenario_button, Qt.MouseButton.LeftButton)
    assert (model.z, model.y, model.learning_rate) == (-6.0, 1.0, 1.0)
    race.step(600)
    for kind, got in (("mse", race.mse_trajectory), ("ce", race.ce_trajectory)):
        want = numpy_descent(-6.0, 1.0, 1.0, 600, kind)
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)
        first = int(np.argmax(np.abs(1.0 - 1.0 / (1.0 + np.exp(-want))) < 0.1))
        assert race.arrivals[kind] == first
    assert race.arrivals == {"mse": 497, "ce": 17}
    assert race.ce_status.text().endswith("reached after 17 steps")
    assert race.mse_status.text().endswith("reached after 497 steps")
    _, mse_steps = curve_data(race.mse_steps)
    np.testing.assert_allclose(mse_steps, np.log10(losses.mse(race.mse_trajectory, 1.0)))
    assert marker(race.ce_dot) == (
        race.ce_trajectory[-1],
        pytest.approx(losses.binary_cross_entropy(race.ce_trajectory[-1], 1.0), rel=1e-15),
    )


def test_race_learning_rate_spin_restarts_from_the_model(model, race, qtbot):
    race.step(5)
    race.lr_spin.setValue(5.0)
    assert model.learning_rate == 5.0
    assert race.steps_taken == 0
    race.step_button.click()
    race.step_button.click()
    assert race.steps_taken == 2
    model.set_z(-3.0)
    model.set_y(0.2)
    race.step(40)
    for kind, got in (("mse", race.mse_trajectory), ("ce", race.ce_trajectory)):
        np.testing.assert_allclose(got, numpy_descent(-3.0, 0.2, 5.0, 40, kind), rtol=1e-10)


def test_race_plays_on_a_timer_and_stops_when_hidden(model, race, qtbot):
    race.speed_spin.setValue(60)
    race.play_button.click()
    assert race.timer.isActive() and not race.play_button.isEnabled()
    qtbot.waitUntil(lambda: race.steps_taken >= 3, timeout=5000)
    race.hide()
    assert not race.timer.isActive()
    n = race.steps_taken
    qtbot.wait(100)
    assert race.steps_taken == n
    race.show()
    race.play()
    model.set_z(-2.0)  # a new start from the model restarts the race
    assert not race.timer.isActive() and race.steps_taken == 0
    assert race.mse_trajectory.tolist() == [-2.0]


def test_race_timer_stops_when_its_dock_is_closed(qtbot, model):
    window = QMainWindow()
    qtbot.addWidget(window)
    race = RacePanel(model)
    dock = QDockWidget("race", window)
    dock.setWidget(race)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    race.play()
    qtbot.waitUntil(lambda: race.steps_taken >= 1, timeout=5000)
    dock.close()
    assert not race.timer.isActive()


def test_race_stops_at_the_cap(model, race):
    model.set_z(-1000.0)  # MSE is stuck: its gradient is 0 in float64
    race.step(MAX_STEPS + 50)
    assert race.steps_taken == MAX_STEPS and race.mse_trajectory.size == MAX_STEPS + 1
    assert np.all(race.mse_trajectory == -1000.0)
    assert race.arrivals["mse"] is None and race.mse_status.text().endswith("not yet (step 10000)")
    assert not race.step_button.isEnabled()
    race.step(1)
    assert race.steps_taken == MAX_STEPS


# ----------------------------------------------------------------- extremes
@pytest.mark.parametrize("z", [-1000.0, 1000.0, -40.0, 40.0])
@pytest.mark.parametrize("y", [0.0, 1.0, 0.5])
def test_extreme_inputs_show_no_nan_or_inf(model, all_panels, z, y):
    sigmoid, loss, prob, race = all_panels
    loss.grad_check.setChecked(True)
    model.set_z(z)
    model.set_y(y)
    race.step(30)
    for log in (False, True):
        loss.log_check.setChecked(log)
        for panel in all_panels:
            for text in shown_texts(panel):
                assert not re.search(r"nan|inf|\u221e", text, re.IGNORECASE), text
        for curve in (loss.mse_grad_curve, loss.ce_grad_curve, loss.mse_curve, loss.ce_curve):
            assert np.all(np.isfinite(curve_data(curve)[1]))
    for item in (race.mse_steps, race.ce_steps, race.mse_trail, race.ce_trail):
        assert np.all(np.isfinite(curve_data(item)[1]))
    assert np.all(np.isfinite(race.ce_trajectory))


def test_panels_retranslate_on_language_change(model, all_panels):
    model.set_z(-6.0)
    race = all_panels[3]
    race.step(20)
    before = [sorted(shown_texts(panel)) for panel in all_panels]
    for panel in all_panels:
        QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert [sorted(shown_texts(panel)) for panel in all_panels] == before
    assert race.steps_taken == 20  # a language change is not a new start
