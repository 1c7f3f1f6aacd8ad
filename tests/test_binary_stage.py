"""The binary lesson's panels on every classroom screen (issue 13).

Each panel is built as the window builds it (the scale set first, in the
language of the test), at its own minimum size and larger, and read back as
a student sees it: what is drawn where, which texts meet, what is cut.
"""

import math

import numpy as np
import pyqtgraph as pg
import pytest
from fit_check import problems
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QGraphicsTextItem, QWidget
from qt_helpers import colour_mask, viewport_point

from lossexplorer import i18n, losses, style
from lossexplorer.model import ExplorerModel
from lossexplorer.panels.binary_loss import BinaryLossPanel
from lossexplorer.panels.ce_prob import CeProbPanel
from lossexplorer.panels.race import RacePanel, target_region
from lossexplorer.panels.sigmoid import SigmoidPanel
from lossexplorer.plotkit import Tag

PANELS = (SigmoidPanel, BinaryLossPanel, CeProbPanel, RacePanel)
SCALES = (1.0, 1.6)
LANGUAGES = ("en", "zh_CN")


# ------------------------------------------------------------------ helpers
@pytest.fixture
def stage(qapp, qtbot):
    """``build(cls, scale, lang, model=None, size=None)``: a panel shown as the window shows it.

    The language and the application font are put back afterwards.
    """
    built = []

    def build(cls, scale=1.0, lang="en", model=None, size=None):
        i18n.install(lang)
        style.set_app_font(qapp, scale)  # as presentation mode does
        model = model or ExplorerModel()
        model.display.set_scale(scale)
        host = Host()  # a panel sits in a dock: it is no window of its own
        qtbot.addWidget(host)
        panel = cls(model, host)
        built.append((host, panel))
        host.resize(2000, 1400)
        host.show()
        qtbot.waitExposed(host)
        panel.resize(QSize(*size) if size else panel.minimumSizeHint())
        settle()
        return panel

    yield build
    for _host, panel in built:
        if not getattr(panel, "_detached_by_test", False):
            panel.detach()
    i18n.install("en")
    style.set_app_font(qapp, 1.0)


def retire(panel):
    """Stop ``panel`` listening to the model and hide it, as the window does with a replaced one."""
    panel.detach()
    panel._detached_by_test = True
    panel.hide()


class Host(QWidget):
    """What holds a panel: a window that sizes it by hand, like the dock does."""


def settle():
    for _ in range(4):
        QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def squeezed(panel) -> list[str]:
    """Widgets that the panel's layout gives less than their minimum, or lays over each other."""
    found = []
    children = [w for w in panel.findChildren(QWidget) if w.parentWidget() is panel]
    shown = [w for w in children if w.isVisible()]
    for w in shown:
        need = w.minimumSizeHint().expandedTo(w.minimumSize())
        if w.width() < need.width() or w.height() < need.height():
            found.append(f"{w.objectName() or type(w).__name__} is {w.size()}, needs {need}")
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            if a.geometry().intersects(b.geometry()):
                found.append(f"{a.objectName()} overlaps {b.objectName()}")
    if not panel.rect().contains(panel.childrenRect()):
        found.append(f"the children reach {panel.childrenRect()}, outside {panel.rect()}")
    return found


def texts_in(plot):
    """(rectangle in viewport pixels, text) of every text item shown in ``plot``."""
    out = []
    for item in plot.scene().items():
        if isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)) and item.isVisible():
            text = item.toPlainText() if isinstance(item, QGraphicsTextItem) else item.text()
            if text.strip() and item.effectiveOpacity() > 0.05:
                rect = item.deviceTransform(plot.viewportTransform()).mapRect(item.boundingRect())
                out.append((rect, text))
    return out


def data_rect(plot) -> QRectF:
    view = plot.getPlotItem().getViewBox()
    return view.deviceTransform(plot.viewportTransform()).mapRect(view.boundingRect())


def pixel_font_height(font) -> float:
    return QFontMetricsF(font).height()


# ------------------------------------------------- 6. honest minimum sizes
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_nothing_is_cut_or_hidden_at_the_minimum_size(stage, cls, scale, lang):
    panel = stage(cls, scale, lang)
    assert panel.size() == panel.minimumSizeHint()
    assert problems(panel) == []
    assert squeezed(panel) == []
    for plot in panel.findChildren(pg.PlotWidget):
        rect = data_rect(plot)
        assert rect.width() >= 100 and rect.height() >= 70, plot.objectName()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
def test_the_minimum_holds_in_every_state_of_the_panel(stage, scale, lang):
    """The gradient overlay on (log and linear), z at either end, a race under way."""
    model = ExplorerModel()
    model.display.set_view("gradient_overlay", True)
    loss = stage(BinaryLossPanel, scale, lang, model)
    for log in (True, False):
        model.display.set_view("gradient_log", log)
        settle()
        assert problems(loss) == [] and squeezed(loss) == []
    others = [stage(cls, scale, lang, model) for cls in (SigmoidPanel, CeProbPanel, RacePanel)]
    for z in (-1000.0, 1000.0, -6.0):
        model.set_z(z)
        settle()
        for panel in (loss, *others):
            assert problems(panel) == [], (z, type(panel).__name__)
    others[-1].step(300)
    settle()
    assert problems(others[-1]) == []


@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_the_minimum_is_no_larger_than_it_needs_to_be(stage, cls):
    """A little narrower, or a little less tall, and something is cut or squeezed."""
    panel = stage(cls, 1.6, "en")
    minimum = panel.minimumSizeHint()
    assert minimum.width() <= 560  # two side by side, or near it, on a 1024-pixel screen
    for width, height in ((0, -12), (-12, 0)):
        panel.resize(minimum.width() + width, minimum.height() + height)
        settle()
        assert problems(panel) + squeezed(panel) != [], (width, height)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_the_least_height_at_each_width_is_honest(stage, cls, scale):
    """``minimum_height_at(w)``: at that height nothing is cut; a little less and something is."""
    panel = stage(cls, scale, "en")
    minimum = panel.minimumSizeHint()
    assert panel.minimum_height_at(minimum.width()) == minimum.height()
    assert panel.minimum_height_at(40) > 10_000  # no height makes it fit
    narrowest = min(
        w for w in range(40, minimum.width() + 1) if panel.minimum_height_at(w) < 10_000
    )
    for width in (narrowest, minimum.width() + 90, 1200):
        height = panel.minimum_height_at(width)
        panel.resize(width, height)
        settle()
        assert problems(panel) == [] and squeezed(panel) == [], width
        panel.resize(width, height - 12)
        settle()
        assert problems(panel) + squeezed(panel) != [], width
    assert panel.minimum_height_at(1200) <= panel.minimum_height_at(narrowest)


@pytest.mark.parametrize("more", [(0, 300), (150, 40), (600, 300)])
@pytest.mark.parametrize("cls", PANELS, ids=lambda c: c.__name__)
def test_nothing_is_cut_above_the_minimum_either(stage, cls, more):
    panel = stage(cls, 1.6, "zh_CN")
    minimum = panel.minimumSizeHint()
    panel.resize(minimum.width() + more[0], minimum.height() + more[1])
    settle()
    assert problems(panel) == [] and squeezed(panel) == []


# ----------------------------------------------- 1. view options survive
def test_toggling_presentation_mode_keeps_the_gradient_overlay(stage, qtbot):
    model = ExplorerModel()
    loss = stage(BinaryLossPanel, 1.0, "en", model, size=(900, 600))
    qtbot.mouseClick(loss.grad_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(loss.log_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(loss.close_button, Qt.MouseButton.LeftButton)
    views = model.display.views()
    assert {k: views[k] for k in ("gradient_overlay", "gradient_log", "binary_range")} == {
        "gradient_overlay": True,
        "gradient_log": True,
        "binary_range": "close",
    }
    retire(loss)  # the window replaces the panel, as when the scale changes
    rebuilt = stage(BinaryLossPanel, 1.6, "en", model, size=(900, 600))
    assert rebuilt.grad_check.isChecked() and rebuilt.log_check.isChecked()
    assert rebuilt.close_button.isChecked() and not rebuilt.wide_button.isChecked()
    assert rebuilt.overlay.isVisible() and rebuilt.grad_legend.isVisible()
    assert rebuilt.plot.getPlotItem().getAxis("right").isVisible()
    z, logs = rebuilt.mse_grad_curve.getData()
    np.testing.assert_allclose(logs, losses.log10_abs_mse_grad(z, model.y), rtol=1e-12)
    assert rebuilt.view_box.viewRange()[0] == pytest.approx([-1.0, 1.0])
    # and the overlay is painted: the dashed |dCE/dz| at z = −0.5 lies where it says
    QApplication.processEvents()
    y = float(losses.log10_abs_bce_grad(-0.5, model.y))
    point = rebuilt.overlay.mapViewToScene(pg.Point(-0.5, y))
    pixel = rebuilt.plot.mapFromScene(point)
    mask = colour_mask(rebuilt.plot.viewport(), style.CE, 40)
    assert mask[pixel.y() - 6 : pixel.y() + 7, pixel.x() - 12 : pixel.x() + 13].any()


def test_a_view_option_set_on_the_model_shows_in_the_panel(stage):
    model = ExplorerModel()
    loss = stage(BinaryLossPanel, 1.0, "en", model, size=(900, 600))
    model.display.set_view("gradient_overlay", True)
    assert loss.grad_check.isChecked() and loss.overlay.isVisible()
    assert loss.log_check.isEnabled()
    model.display.set_view("binary_range", "close")
    assert loss.close_button.isChecked()
    assert loss.view_box.viewRange()[0] == pytest.approx([-1.0, 1.0])
    model.display.set_view("gradient_overlay", False)
    assert not loss.grad_check.isChecked() and not loss.overlay.isVisible()
    assert not loss.log_check.isEnabled()


# ------------------------------------------------------------ 2. the race
def goal_colour() -> QColor:
    """The goal band's brush over the white plot."""
    alpha = 40 / 255
    green = (0, 158, 115)
    return QColor(*(round(255 * (1 - alpha) + c * alpha) for c in green))


@pytest.mark.parametrize("y", [1.0, 0.0])
def test_the_race_shades_the_goal_band(stage, y):
    model = ExplorerModel()
    model.set_y(y)
    model.set_z(0.0)
    race = stage(RacePanel, 1.0, "en", model, size=(900, 600))
    lo, hi = target_region(y)
    plot = race.z_plot
    (x0, x1), (y0, y1) = race.z_plot.getPlotItem().getViewBox().viewRange()
    mask = colour_mask(plot.viewport(), goal_colour(), 6)
    inside = 0.5 * (max(lo, x0) + min(hi, x1))
    outside = 0.5 * (max(-hi, x0) + min(-lo, x1))  # the mirror image: never the goal
    level = y0 + 0.8 * (y1 - y0)  # above the curves
    for z, shaded in ((inside, True), (outside, False)):
        point = viewport_point(plot, z, level)
        patch = mask[point.y() - 4 : point.y() + 5, point.x() - 4 : point.x() + 5]
        assert patch.mean() > 0.5 if shaded else not patch.any(), (z, shaded)
    # and it ends where the goal does
    edge = viewport_point(plot, lo if y == 1.0 else hi, level)
    step = 3 if y == 1.0 else -3
    assert mask[edge.y(), edge.x() + step] and not mask[edge.y(), edge.x() - step]


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("y", [1.0, 0.5, 0.0])
def test_the_race_plots_keep_their_data_free_of_text(stage, scale, y):
    model = ExplorerModel()
    model.set_y(y)
    race = stage(RacePanel, scale, "en", model)
    race.step(40)
    settle()
    for plot in (race.z_plot, race.step_plot):
        data = data_rect(plot).adjusted(1, 1, -1, -1)
        for rect, text in texts_in(plot):
            assert not rect.intersects(data), (plot.objectName(), text)
    # the legend is the status lines, each with its runner's line
    for sample, curve, label in (
        (race.ce_sample, race.ce_curve, race.ce_status),
        (race.mse_sample, race.mse_curve, race.mse_status),
    ):
        image = sample.grab().toImage()
        colours = {image.pixelColor(x, sample.height() // 2).name() for x in range(image.width())}
        assert curve.opts["pen"].color().name() in colours
        assert sample.isVisible() and sample.geometry().right() < label.geometry().left()
        assert abs(sample.geometry().top() - label.geometry().top()) <= 2


def bottom_ticks(plot):
    """(rectangle, text) of the x axis's tick labels, in viewport pixels."""
    from fit_check import _tick_texts

    return _tick_texts(plot.getPlotItem().getAxis("bottom"), plot)


def left_ticks(plot):
    from fit_check import _tick_texts

    return _tick_texts(plot.getPlotItem().getAxis("left"), plot)


@pytest.mark.parametrize("z", [1000.0, -1000.0, 250.0])
@pytest.mark.parametrize("scale", SCALES)
def test_race_tick_labels_never_run_together(stage, z, scale):
    model = ExplorerModel()
    model.set_z(z)
    for size in (None, (900, 600), (1400, 500)):
        race = stage(RacePanel, scale, "en", model, size=size)
        race.step(2000)
        settle()
        for plot in (race.z_plot, race.step_plot):
            for ticks in (bottom_ticks(plot), left_ticks(plot)):
                # (a 100-pixel plot holds one four-digit step number at 1.6)
                assert len(ticks) >= (2 if size else 1), plot.objectName()
                rects = sorted((r for r, _ in ticks), key=lambda r: (r.left(), r.top()))
                for a, b in zip(rects, rects[1:], strict=False):
                    assert not a.adjusted(-2, -2, 2, 2).intersects(b), [t for _, t in ticks]
        assert problems(race) == []
        retire(race)


def test_race_plots_are_not_crushed_in_presentation_mode(stage):
    race = stage(RacePanel, 1.6, "en", size=(560, 520))
    assert problems(race) == []
    assert race.lr_caption.width() >= race.lr_caption.minimumSizeHint().width()
    for plot in (race.z_plot, race.step_plot):
        rect = data_rect(plot)
        assert rect.width() >= 100 and rect.height() >= 70


# ------------------------------------------ 3. the annotation and the legends
@pytest.mark.parametrize("overlay", [False, True])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
def test_the_vanishing_gradient_note_never_meets_a_legend(stage, scale, lang, overlay):
    model = ExplorerModel()
    model.display.set_view("gradient_overlay", overlay)
    for size in (None, (760, 520), (1300, 800)):
        loss = stage(BinaryLossPanel, scale, lang, model, size=size)
        for y in (1.0, 0.97, 0.0):
            model.set_y(y)
            settle()
            assert loss.annotation.isVisible(), (size, y)
            note = loss.annotation.mapRectToScene(loss.annotation.boundingRect())
            legends = [loss.legend, loss.grad_legend] if overlay else [loss.legend]
            for legend in legends:
                for _sample, label in legend.items:
                    assert not note.intersects(label.mapRectToScene(label.boundingRect()))
            # inside the data area, whole
            view = loss.view_box.sceneBoundingRect()
            assert view.contains(note)
        retire(loss)


# ------------------------------------------ 5. sizes grow with the scale
def test_legends_labels_and_tags_grow_with_the_scale(stage):
    small = {cls: stage(cls, 1.0) for cls in PANELS}
    large = {cls: stage(cls, 1.6) for cls in PANELS}

    def sizes(panels):
        loss, prob = panels[BinaryLossPanel], panels[CeProbPanel]
        sigmoid, race = panels[SigmoidPanel], panels[RacePanel]
        return {
            "legend text": loss.legend.items[0][1].item.boundingRect().height(),
            "legend line": loss.legend.items[0][0].boundingRect().width(),
            "ce legend line": prob.legend.items[0][0].boundingRect().width(),
            "note": pixel_font_height(loss.annotation.textItem.font()),
            "curve label": pixel_font_height(prob.y1_label.textItem.font()),
            "z and ŷ tag": sigmoid.label.rect().height() - 2 * Tag.PADDING,
            "race line": race.ce_sample.width(),
        }

    before, after = sizes(small), sizes(large)
    for key, value in before.items():
        assert after[key] >= 1.45 * value, key


# ------------------------------------------ 4. Chinese, presentation
def test_the_probability_plot_is_a_plot_in_chinese_presentation(stage):
    prob = stage(CeProbPanel, 1.6, "zh_CN")
    rect = data_rect(prob.plot)
    assert rect.height() >= 70 and rect.width() >= 100
    texts = texts_in(prob.plot)
    assert {"−log ŷ（y = 1）", "−log(1 − ŷ)（y = 0）"} <= {t for _, t in texts}
    for i, (a, ta) in enumerate(texts):
        for b, tb in texts[i + 1 :]:
            assert not a.adjusted(1, 1, -1, -1).intersects(b), (ta, tb)
    # −log ŷ's label stands right of its curve, not on it
    label = prob.y1_label.mapRectToView(prob.y1_label.boundingRect())
    assert label.left() > math.exp(-label.top())


def test_the_narrow_readouts_read_the_same(stage):
    """In a narrow panel a number goes under its name: the same words, the same value."""
    model = ExplorerModel()
    model.set_z(-6.0)
    wide = stage(CeProbPanel, 1.6, "en", model, size=(900, 600))
    narrow = stage(CeProbPanel, 1.6, "en", model)
    assert narrow.ce_name.isVisible() and not wide.ce_name.isVisible()
    assert wide.readout_text() == narrow.readout_text()
    assert "cross-entropy = 6.002 ▲ off the plot" in narrow.readout_text()
    loss_wide = stage(BinaryLossPanel, 1.6, "en", model, size=(1100, 700))
    loss_narrow = stage(BinaryLossPanel, 1.6, "en", model, size=(440, 700))
    for kind in ("mse", "ce"):
        name_w, value_w = loss_wide.readouts[kind]
        name_n, value_n = loss_narrow.readouts[kind]
        assert not name_w.isVisible() and name_n.isVisible()
        assert f"{name_n.text()} {value_n.text()}" == value_w.text()
