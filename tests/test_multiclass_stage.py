"""The multi-class lesson's five panels on every classroom screen (issue 13).

Each panel is built on its own at scale 1 and 1.6 (presentation mode), in
English and Chinese, shown at its ``minimumSizeHint()`` and wider, and read
back as a student sees it: the class names under the bars, the notes in the
charts, the numbers, and ``fit_check.problems`` (nothing cut, hidden,
overlapping or too small).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pyqtgraph as pg
import pytest
from fit_check import MIN_PLOT, problems
from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainterPath, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QLabel
from qt_helpers import colour_mask, drag

from lossexplorer import i18n, style
from lossexplorer.fitting import literal_tooltip
from lossexplorer.formatting import INFINITY, MINUS, fmt_fixed, infinity_path
from lossexplorer.model import ExplorerModel
from lossexplorer.panels import spec
from lossexplorer.parts.checks import NAME_LIMIT

KEYS = ("probabilities", "logits", "calculation", "readout", "penalty")
SCALES = (1.0, 1.6)
LANGUAGES = ("en", "zh_CN")
CLASS_NAMES = ("cat", "dog", "bird", "fish", "horse", "frog")


# ------------------------------------------------------------------ helpers
@pytest.fixture(params=LANGUAGES)
def lang(request, qapp):
    """The application in one language for the test, English again afterwards."""
    assert i18n.install(request.param) == request.param
    yield request.param
    i18n.install("en")


@pytest.fixture(params=SCALES, ids=["normal", "presentation"])
def scale(request, qapp):
    """The presentation scale: the application font too, as presentation mode sets it."""
    style.set_app_font(qapp, request.param)
    yield request.param
    style.set_app_font(qapp, 1.0)


def settle():
    for _ in range(4):
        QCoreApplication.processEvents()


def model_at(scale) -> ExplorerModel:
    model = ExplorerModel()
    model.display.set_scale(scale)
    return model


def build(qtbot, key, model, width=None):
    """Panel ``key`` on its own, at its minimum size (or at ``width`` and the height it needs)."""
    panel = spec(key).load()(model)
    qtbot.addWidget(panel)
    show_at(panel, width)
    return panel


def show_at(panel, width=None):
    hint = panel.minimumSizeHint()
    if width is None:
        panel.resize(hint)
    else:
        width = max(width, hint.width())
        panel.resize(width, panel.heightForWidth(width))
    panel.show()
    settle()
    return panel


def names_of(kind, n) -> list[str]:
    """``n`` distinct class names of one kind: 1, 12 or NAME_LIMIT letters, or Chinese."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    if kind == "short":
        return list(letters[:n])
    if kind == "cjk":
        return [("猫头鹰" * 8)[: 3 + 4 * i] for i in range(n)]
    length = 12 if kind == "twelve" else NAME_LIMIT
    return [(letters[i] * length)[:length] for i in range(n)]


def view_rect(item, rect, plot) -> QRectF:
    """``rect`` of a graphics item in the pixels of the plot's viewport."""
    return item.deviceTransform(plot.viewportTransform()).mapRect(rect)


def tooltip_at(plot, scene_point) -> str:
    """The tooltip a hover at ``scene_point`` shows: the topmost item's that has one."""
    for item in plot.scene().items(scene_point):
        if item.toolTip():
            return item.toolTip()
    return plot.toolTip()


def plain_text(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def as_shown(tip: str) -> str:
    """A tooltip as Qt shows it: rich text when it looks like markup, else as it is."""
    return plain_text(tip) if QtGui.Qt.mightBeRichText(tip) else tip


def assert_fits(panel):
    found = problems(panel)
    assert found == [], found
    for plot in panel.findChildren(pg.PlotWidget):
        view = plot.getPlotItem().getViewBox()
        rect = view_rect(view, view.boundingRect(), plot)
        assert rect.width() >= MIN_PLOT[0] and rect.height() >= MIN_PLOT[1], rect


# ===================================================== 1. class names that fit
def assert_class_labels_fit(panel, names, true_class=None):
    """Every class named under its bar: within the plot, apart, elided only with a tooltip."""
    axis, plot = panel.class_axis, panel.plot
    labels = axis.labels()
    assert len(labels) == len(names)
    viewport = QRectF(plot.viewport().rect())
    shown = []
    for i, (rect, text, full) in enumerate(labels):
        name = names[i]
        assert full == name or (i == true_class and full.startswith(name)), full
        assert text, f"the name of class {i} is not drawn at all"
        if text != full and not (i == true_class and text == name):  # "(true)" may give way
            assert "…" in text, (text, full)
            assert full.startswith(text.split("…")[0])  # the start of the name, then "…"
        where = view_rect(axis, rect, plot)
        assert viewport.contains(where), (text, where, viewport)
        shown.append(where)
        tip = tooltip_at(plot, axis.mapToScene(rect.center()))
        assert tip == literal_tooltip(full) and as_shown(tip) == full
    for left, right in zip(shown, shown[1:], strict=False):
        assert left.right() <= right.left(), "two class names run into each other"
    # what is drawn is what the axis says it draws (fit_check reads the draw specs)
    from fit_check import _tick_texts

    assert [t for _, t in _tick_texts(axis, plot)] == [text for _, text, _ in labels]


@pytest.mark.parametrize("key", ["probabilities", "logits"])
@pytest.mark.parametrize("kind", ["short", "twelve", "limit", "cjk"])
@pytest.mark.parametrize("n", [2, 6])
def test_class_names_of_any_length_fit_under_their_bars(qtbot, lang, scale, key, kind, n):
    model = model_at(scale)
    names = names_of(kind, n)
    model.set_classes(names)
    model.set_true_class(n - 1)
    panel = build(qtbot, key, model)
    true_class = n - 1 if key == "probabilities" else None
    assert_class_labels_fit(panel, names, true_class)
    assert_fits(panel)
    show_at(panel, 2 * panel.minimumSizeHint().width())
    assert_class_labels_fit(panel, names, true_class)
    assert_fits(panel)


@pytest.mark.parametrize("key", ["probabilities", "logits"])
def test_every_count_of_classes_is_named_from_the_spin_box(qtbot, key):
    model = model_at(1.0)
    panel = build(qtbot, key, model)
    counter = build(qtbot, "probabilities", model).count
    for n in (2, 3, 4, 5, 6):
        counter.setValue(n)
        show_at(panel)
        names = list(CLASS_NAMES[:n])
        assert_class_labels_fit(panel, names, 0 if key == "probabilities" else None)
        assert_fits(panel)


def test_the_true_class_says_so_where_there_is_room(qtbot):
    model = model_at(1.0)
    panel = build(qtbot, "probabilities", model, width=900)
    texts = [text for _, text, _ in panel.class_axis.labels()]
    assert texts == ["cat (true)", "dog", "bird"]


def test_a_long_name_is_elided_and_its_tooltip_holds_it_whole(qtbot):
    model = model_at(1.0)
    long_name = "a very long class name x"[:NAME_LIMIT]
    model.set_class_name(1, long_name)
    for key in ("probabilities", "logits"):
        panel = build(qtbot, key, model)
        rect, text, full = panel.class_axis.labels()[1]
        assert text.endswith("…") and full == long_name
        tip = tooltip_at(panel.plot, panel.class_axis.mapToScene(rect.center()))
        assert as_shown(tip) == long_name
    # the table of the logits panel and the radio buttons elide it too, with the same tooltip
    cell = panel.cells[1][0]
    assert cell.text() == long_name and cell.width() < cell.fontMetrics().horizontalAdvance(
        long_name
    )
    assert as_shown(cell.toolTip()) == long_name
    button = build(qtbot, "probabilities", model).true_buttons[1]
    assert button.text() == long_name and button.is_elided()
    assert as_shown(button.toolTip()) == long_name


def test_markup_in_a_class_name_stays_text_under_the_bars(qtbot):
    model = model_at(1.0)
    names = ["<b>x</b>", "R&D", "a<br>b"]
    model.set_classes(names)
    panel = build(qtbot, "probabilities", model, width=900)
    labels = panel.class_axis.labels()
    assert [full for _, _, full in labels] == ["<b>x</b> (true)", "R&D", "a<br>b"]
    assert [text for _, text, _ in labels] == [full for _, _, full in labels]  # drawn as typed
    for rect, _, full in labels:
        tip = tooltip_at(panel.plot, panel.class_axis.mapToScene(rect.center()))
        assert as_shown(tip) == full  # the tooltip shows the tags, it does not obey them


# ===================================================== 2. never "−0.00"
def signed_zero(text: str) -> bool:
    return re.search(r"[-\u2212]0(?:\.0*)?(?![0-9.])", text) is not None


def test_a_value_that_rounds_to_zero_has_no_sign():
    assert fmt_fixed(-2.2e-16, 2) == "0.00"
    assert fmt_fixed(-0.0, 2) == "0.00"
    assert fmt_fixed(-0.004999, 2) == "0.00"
    assert fmt_fixed(-0.005001, 2) == f"{MINUS}0.01"
    assert fmt_fixed(-0.0004, 4) == f"{MINUS}0.0004"


def shown_texts(panel) -> list[str]:
    texts = [label.text() for label in panel.findChildren(QLabel) if label.isVisible()]
    texts += [box.text() for box in panel.findChildren(QAbstractSpinBox) if box.isVisible()]
    plot = getattr(panel, "plot", None)
    if plot is not None:
        from fit_check import _tick_texts

        for axis_name in ("left", "bottom"):
            axis = plot.getPlotItem().getAxis(axis_name)
            texts += [text for _, text in _tick_texts(axis, plot)]
    return texts


def test_six_uniform_classes_show_no_negative_zero(qtbot):
    model = model_at(1.0)
    probabilities = build(qtbot, "probabilities", model)
    logits = build(qtbot, "logits", model)
    calculation = build(qtbot, "calculation", model)
    probabilities.count.setValue(6)
    model.set_probabilities([1 / 6] * 6)
    settle()
    # the state that showed "−0.00": every logit a hair below zero
    assert np.all(np.signbit(model.logits)) and np.all(np.abs(model.logits) < 1e-12)
    texts = shown_texts(logits) + shown_texts(calculation) + [plain_text(calculation.steps.text())]
    assert [t for t in texts if signed_zero(t)] == []
    assert [cell.text() for cell in (row[1] for row in logits.cells)] == ["0.00"] * 6


# ===================================================== 3. the penalty note
def note_and_seed_rects(panel):
    plot = panel.plot
    note = panel.off_scale
    doc_margin = note.textItem.document().documentMargin()
    note_rect = view_rect(
        note.textItem,
        note.textItem.boundingRect().adjusted(doc_margin, doc_margin, -doc_margin, -doc_margin),
        plot,
    )
    seeds = {}
    for label in panel.seed_labels:
        margin = label.textItem.document().documentMargin()
        inner = label.textItem.boundingRect().adjusted(margin, margin, -margin, -margin)
        seeds[label.toPlainText()] = view_rect(label.textItem, inner, plot)
    return note_rect, seeds


@pytest.mark.parametrize("wide", [False, True], ids=["minimum", "wide"])
def test_the_off_scale_note_never_covers_a_seed_label(qtbot, lang, scale, wide):
    model = model_at(scale)
    bars = build(qtbot, "probabilities", model, width=600)
    penalty = build(qtbot, "penalty", model)
    if wide:
        show_at(penalty, round(1.7 * penalty.minimumSizeHint().width()))
    drag(bars.plot, (0, 0.7), (0, -0.3), steps=8)  # the true bar dragged down to 0
    assert model.p_true == 0.0 and math.isinf(model.cross_entropy)
    settle()
    assert INFINITY in penalty.off_scale.toPlainText()
    note, seeds = note_and_seed_rects(penalty)
    assert set(seeds) == {"0.01", "0.69", "2.30", "4.61"}
    for text, rect in seeds.items():
        assert not note.intersects(rect), f"the note covers {text}"
    viewport = QRectF(penalty.plot.viewport().rect())
    assert viewport.contains(note)
    assert_fits(penalty)
    model.set_probability(0, 0.001)  # off the top, but finite: the other note
    settle()
    assert "6.908" in penalty.off_scale.toPlainText()
    note, seeds = note_and_seed_rects(penalty)
    assert not any(note.intersects(rect) for rect in seeds.values())
    assert_fits(penalty)


# ===================================================== 4. ∞ as tall as the digits
def ink_rows(label, colour):
    rows = np.flatnonzero(colour_mask(label, colour, tolerance=60).any(axis=1))
    return rows.min(), rows.max()


def test_infinity_stands_as_tall_as_the_digits_in_the_readout(qtbot, lang, scale):
    model = model_at(scale)
    panel = build(qtbot, "readout", model)
    model.set_probability(0, 0.0)
    settle()
    infinity, number = panel.values["ce"], panel.values["linear"]
    assert (infinity.text(), number.text()) == (INFINITY, "1.000")
    assert infinity.size() == number.size()  # same box, same alignment: rows compare
    top_i, bottom_i = ink_rows(infinity, style.CE)
    top_d, bottom_d = ink_rows(number, style.LINEAR)
    tall_i, tall_d = bottom_i - top_i + 1, bottom_d - top_d + 1
    assert abs(tall_i - tall_d) <= max(2, 0.06 * tall_d), (tall_i, tall_d)
    assert abs(top_i - top_d) <= 3 and abs(bottom_i - bottom_d) <= 3
    assert_fits(panel)


def test_infinity_is_drawn_as_tall_as_the_digits_in_the_calculation(qtbot, lang, scale):
    model = model_at(scale)
    panel = build(qtbot, "calculation", model)
    top_d, bottom_d = ink_rows(panel.steps, style.CE)  # the loss, 0.357, is the blue text
    model.set_probability(0, 0.0)
    settle()
    assert "Loss ≈ \ufffc∞" in plain_text(panel.steps.text())  # ∞, drawn, and said
    top_i, bottom_i = ink_rows(panel.steps, style.CE)
    tall_i, tall_d = bottom_i - top_i + 1, bottom_d - top_d + 1
    assert abs(tall_i - tall_d) <= max(2, 0.08 * tall_d), (tall_i, tall_d)
    assert_fits(panel)


def test_the_font_draws_infinity_far_smaller_than_a_digit(qapp, lang):
    font = style.font(style.BASE_POINT_SIZE * 2.2, bold=True)
    metrics = QFontMetricsF(font)
    sign, width = infinity_path(font)
    digit = QPainterPath()
    digit.addText(0, 0, font, "0")
    assert sign.boundingRect().top() == pytest.approx(digit.boundingRect().top(), abs=0.5)
    assert sign.boundingRect().bottom() == pytest.approx(digit.boundingRect().bottom(), abs=0.5)
    assert width > metrics.horizontalAdvance(INFINITY)  # drawn as it stands, it is smaller


# ===================================================== 5. the class count
def test_a_new_class_count_keeps_the_prediction_in_one_undo_step(window):
    model = window.model
    counter = window.panels["probabilities"].count
    counter.setFocus()
    QTest.keyClick(counter, Qt.Key.Key_Up)
    assert model.classes == ("cat", "dog", "bird", "fish")
    np.testing.assert_allclose(model.probabilities, [0.665, 0.19, 0.095, 0.05], rtol=1e-13)
    counter.setValue(6)
    np.testing.assert_allclose(
        model.probabilities, [0.5985, 0.171, 0.0855, 0.045, 0.05, 0.05], rtol=1e-13
    )
    counter.setValue(2)
    np.testing.assert_allclose(model.probabilities, [0.7 / 0.9, 0.2 / 0.9], rtol=1e-13)
    window.undo_action.trigger()
    assert len(model.classes) == 6
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert model.classes == ("cat", "dog", "bird")
    np.testing.assert_array_equal(model.probabilities, [0.7, 0.2, 0.1])
    window.redo_action.trigger()
    np.testing.assert_allclose(model.probabilities, [0.665, 0.19, 0.095, 0.05], rtol=1e-13)


# ===================================================== 6. text grows with the scale
def text_height(item) -> float:
    return item.boundingRect().height()


def test_legend_notes_and_value_tags_grow_with_the_scale(qtbot):
    built = {}
    for s in SCALES:
        model = model_at(s)
        model.set_probability(0, 0.0)
        penalty = build(qtbot, "penalty", model)
        probabilities = build(qtbot, "probabilities", model, width=round(900 * s))
        legend_label = penalty.legend.items[0][1].item
        built[s] = {
            "legend height": text_height(legend_label),
            "note": penalty.off_scale.textItem.font().pointSizeF(),
            "seed label": penalty.seed_labels[0].textItem.font().pointSizeF(),
            "value tag": probabilities.value_labels[0]._text.font().pointSizeF(),
            "class name": probabilities.class_axis.style["tickFont"].pointSizeF(),
        }
    for what in built[1.0]:
        ratio = built[1.6][what] / built[1.0][what]
        assert ratio == pytest.approx(1.6, rel=0.1), what


# ===================================================== 7. honest minimum sizes
def six_long_classes_at_zero(model):
    model.set_classes([*names_of("limit", 3), *names_of("cjk", 3)])
    model.set_probability(0, 0.0)


def numbers_hidden(model):
    model.display.set_numbers_hidden(True)


STATES = {
    "seed": lambda model: None,
    "six long classes, p = 0": six_long_classes_at_zero,
    "quiz": numbers_hidden,
}


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("key", KEYS)
def test_each_panel_fits_at_its_minimum_and_wider(qtbot, lang, scale, key, state):
    model = model_at(scale)
    STATES[state](model)
    panel = build(qtbot, key, model)
    hint = panel.minimumSizeHint()
    assert panel.size() == hint
    assert_fits(panel)
    for width in (hint.width() + 150, 2 * hint.width()):
        show_at(panel, width)
        assert panel.height() <= hint.height()  # wider never needs more height
        assert_fits(panel)


def test_the_designed_lesson_fits_a_1280_by_800_window_at_normal_size(qtbot):
    """At half of 1280 pixels each column's panels need no more than the window has."""
    model = model_at(1.0)
    panels = {key: build(qtbot, key, model) for key in KEYS}
    assert all(panel.minimumSizeHint().width() <= 634 for panel in panels.values())
    need = {key: panel.heightForWidth(634) for key, panel in panels.items()}
    left = need["probabilities"] + max(need["logits"], need["calculation"])
    right = need["readout"] + need["penalty"]
    assert left <= 600 and right <= 620, need
