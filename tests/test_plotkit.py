"""The plot building blocks, checked on screen: where they paint after pans and resizes."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import SIGNAL, QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from qt_helpers import LEFT, NO_BUTTON, colour_mask, send_mouse, viewport_point

from lossexplorer import export, style
from lossexplorer.formatting import MINUS
from lossexplorer.plotkit import (
    Band,
    MinusAxisItem,
    Tag,
    add_guide,
    add_live_curve,
    make_legend,
    make_plot,
)

RED, BLUE = "#ff0000", "#0000ff"


@pytest.fixture
def plot(qtbot):
    widget = make_plot("test_plot")
    widget.resize(500, 350)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.getPlotItem().getViewBox().setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    return widget


def mask(widget, colour, tolerance=60):
    """Which pixels of the widget, once it has repainted, are close to ``colour``."""
    QApplication.processEvents()
    return colour_mask(widget, colour, tolerance)


def pixel(plot, x, y):
    """The viewport pixel (column, row) of data point (x, y)."""
    view = plot.getPlotItem().getViewBox()
    p = plot.mapFromScene(view.mapViewToScene(QPointF(x, y)))
    return p.x(), p.y()


def test_a_guide_stays_at_its_value_through_pans_zooms_and_resizes(plot):
    vertical = add_guide(plot.getPlotItem(), style.pen(RED, 3), angle=90, pos=4.0)
    horizontal = add_guide(plot.getPlotItem(), style.pen(BLUE, 3), angle=0, pos=7.0)
    view = plot.getPlotItem().getViewBox()
    for x_range, y_range, size in (
        ((0, 10), (0, 10), (500, 350)),
        ((2, 6), (5, 9), (500, 350)),  # zoomed in
        ((2, 6), (5, 9), (700, 300)),  # and resized
    ):
        plot.resize(*size)
        view.setRange(xRange=x_range, yRange=y_range, padding=0)
        for guide, colour in ((vertical, RED), (horizontal, BLUE)):
            seen = mask(plot.viewport(), colour)
            column, row = pixel(plot, guide.value(), guide.value())
            if guide is vertical:
                hits = np.flatnonzero(seen.any(axis=0))
                assert seen[:, column].sum() > 0.5 * seen.any(axis=1).sum()
                assert abs(hits.mean() - column) <= 1.5
            else:
                hits = np.flatnonzero(seen.any(axis=1))
                assert abs(hits.mean() - row) <= 1.5
    vertical.setPos(5.0)
    column, _ = pixel(plot, 5.0, 0)
    assert abs(np.flatnonzero(mask(plot.viewport(), RED).any(axis=0)).mean() - column) <= 1.5
    view.setRange(xRange=(6, 9), yRange=(0, 10), padding=0)  # the line is out of view
    assert not mask(plot.viewport(), RED).any()


@pytest.mark.parametrize("anchor", [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)])
def test_a_tag_puts_its_anchor_corner_at_its_position(plot, anchor):
    tag = Tag("#000000", pg.mkBrush(RED), None, anchor=anchor)
    plot.getPlotItem().addItem(tag, ignoreBounds=True)
    tag.setText("z = 1.00\nŷ = 0.731")
    tag.setPos(5.0, 5.0)
    box = mask(plot.viewport(), RED)
    rows, columns = np.flatnonzero(box.any(axis=1)), np.flatnonzero(box.any(axis=0))
    column, row = pixel(plot, 5.0, 5.0)
    corner_x = columns[0] if anchor[0] == 0.0 else columns[-1] + 1
    corner_y = rows[0] if anchor[1] == 0.0 else rows[-1] + 1
    assert abs(corner_x - column) <= 1 and abs(corner_y - row) <= 1
    height = rows[-1] - rows[0]
    tag.setText("one line")
    assert np.flatnonzero(mask(plot.viewport(), RED).any(axis=1)).size < 0.8 * height
    assert tag.toPlainText() == "one line"


def test_a_live_curve_keeps_up_with_new_data_and_dashed_pens(plot):
    curve = add_live_curve(plot.getPlotItem(), style.pen(RED, 4))
    x = np.linspace(0, 10, 101)
    for level in (2.0, 8.0):
        curve.setData(x, np.full_like(x, level))
        rows = np.flatnonzero(mask(plot.viewport(), RED).any(axis=1))
        assert abs(rows.mean() - pixel(plot, 0, level)[1]) <= 1.5
    curve.setPen(style.pen(RED, 4, Qt.PenStyle.DashLine))  # drawn by pyqtgraph's own path
    curve.setData(x, np.full_like(x, 3.0))
    rows = np.flatnonzero(mask(plot.viewport(), RED).any(axis=1))
    assert abs(rows.mean() - pixel(plot, 0, 3.0)[1]) <= 1.5


def tick_texts(axis):
    """The tick labels ``axis`` draws (those that fit in its bounding rectangle)."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


def test_both_end_labels_of_an_axis_show_with_a_real_minus(plot):
    """pyqtgraph drops labels that leave the axis's rectangle; the overhang keeps them."""
    view = plot.getPlotItem().getViewBox()
    view.setRange(xRange=(-10, 10), yRange=(-10, 10), padding=0)
    QApplication.processEvents()
    bottom = tick_texts(plot.getPlotItem().getAxis("bottom"))
    assert bottom[0] == f"{MINUS}10" and bottom[-1] == "10", bottom
    assert not any("-" in text for text in bottom)
    # the left axis's −10 tick sits a rounding error below its last pixel, so
    # pyqtgraph skips that tick itself; its top end label overhangs
    assert tick_texts(plot.getPlotItem().getAxis("left"))[-1] == "10"


def test_the_cached_axis_rectangle_is_pyqtgraphs_plus_the_overhang(plot):
    """The cache's key must cover everything pyqtgraph computes the rectangle from."""
    item = plot.getPlotItem()
    m = MinusAxisItem.OVERHANG

    def check():
        QApplication.processEvents()
        for side, grow in (("bottom", (-m, 0, m, 0)), ("left", (0, -m, 0, m))):
            axis = item.getAxis(side)
            assert axis.boundingRect() == pg.AxisItem.boundingRect(axis).adjusted(*grow), side

    check()
    plot.resize(700, 300)  # the axes' and the view's geometry
    check()
    item.showGrid(x=False, y=False)  # the grid (with it on, only the geometries count)
    check()
    for side in ("bottom", "left"):
        item.getAxis(side).setStyle(tickLength=-8)
    check()
    for side in ("bottom", "left"):
        item.getAxis(side).setStyle(hideOverlappingLabels=False)
    check()
    item.showGrid(x=True, y=True, alpha=0.15)
    check()
    item.setTitle("a title")  # the view's geometry alone (the bottom axis stays put)
    check()


def test_drags_skip_the_hover_search_and_hover_resumes_after(plot):
    scene = plot.scene()
    scene.minDragTime = 0
    searches = []
    scene.sigMouseHover.connect(searches.append)
    vp = plot.viewport()
    points = [viewport_point(plot, x, 5.0) for x in (2.0, 3.0, 4.0, 5.0, 6.0, 7.0)]
    send_mouse(vp, QEvent.Type.MouseMove, points[0], NO_BUTTON, NO_BUTTON)
    assert len(searches) == 1  # hovering: searched
    send_mouse(vp, QEvent.Type.MouseButtonPress, points[0], LEFT, LEFT)
    send_mouse(vp, QEvent.Type.MouseMove, points[1], NO_BUTTON, LEFT)  # starts the drag
    assert scene.dragButtons
    before = len(searches)
    for point in points[2:]:
        send_mouse(vp, QEvent.Type.MouseMove, point, NO_BUTTON, LEFT)
    assert len(searches) == before  # mid-drag: no search
    send_mouse(vp, QEvent.Type.MouseButtonRelease, points[-1], LEFT, NO_BUTTON)
    before = len(searches)
    send_mouse(vp, QEvent.Type.MouseMove, points[0], NO_BUTTON, NO_BUTTON)
    assert len(searches) == before + 1  # hovering again


def test_a_plot_gets_the_export_menu_once(plot):
    """Installing the menu again (style_plot used to) must not open two menus."""
    export.install_plot_menu(plot)
    assert plot.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert plot.receivers(SIGNAL("customContextMenuRequested(QPoint)")) == 1


def _legend_plot(qtbot, scale):
    """A plot with a two-entry legend at ``scale``; its curves are out of view."""
    plot = make_plot("legend_plot", scale=scale)
    plot.resize(500, 350)
    qtbot.addWidget(plot)
    plot.show()
    qtbot.waitExposed(plot)
    item = plot.getPlotItem()
    item.getViewBox().setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    live = add_live_curve(item, style.pen(RED, 3, scale=scale))
    live.setData(np.array([0.0, 10.0]), np.array([-5.0, -5.0]))  # only the samples show
    fixed = item.plot([0.0, 10.0], [-6.0, -6.0], pen=style.pen(BLUE, 3, scale=scale))
    legend = make_legend(item.getViewBox(), scale=scale, offset=(-4, 4))
    legend.addItem(live, "cross-entropy")
    legend.addItem(fixed, "MSE")
    return plot, legend


def _legend_sizes(plot, legend):
    """The legend's sample length, text height and height, in pixels as drawn."""
    red = mask(plot.viewport(), RED)
    sample = np.flatnonzero(red.any(axis=0))
    box = plot.mapFromScene(legend.sceneBoundingRect()).boundingRect()
    QApplication.processEvents()
    image = plot.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    rgb = rows[:, : 4 * width].reshape(height, width, 4)[:, :, :3]
    inside = rgb[box.top() : box.bottom(), sample[-1] + 1 : box.right()]
    text = np.flatnonzero((inside.max(axis=2) < 100).any(axis=1))
    first_line = text[: np.flatnonzero(np.diff(text) > 1)[0] + 1]  # "cross-entropy"
    return {
        "sample": sample[-1] - sample[0] + 1,
        "text": first_line[-1] - first_line[0] + 1,
        "height": legend.boundingRect().height(),
        "gap": legend.layout.horizontalSpacing(),
    }


@pytest.mark.parametrize("scale", [1.6, 2.0])
def test_a_legend_grows_with_the_presentation_scale(qtbot, scale):
    """Text, line samples, gaps and the whole legend, ``scale`` times the normal size."""
    normal = _legend_sizes(*_legend_plot(qtbot, 1.0))
    big = _legend_sizes(*_legend_plot(qtbot, scale))
    assert normal["sample"] >= 18 and normal["text"] >= 8
    for what in ("sample", "text", "height", "gap"):
        assert big[what] >= scale * normal[what] - 1.5, (what, normal, big)
        assert big[what] <= scale * normal[what] + 2.5, (what, normal, big)


def test_a_band_shades_its_region_the_whole_height_at_any_zoom(plot):
    """Qt draws nothing millions of pixels tall: the band must stay a view's size."""
    band = Band(pg.mkBrush(RED))
    plot.getPlotItem().addItem(band, ignoreBounds=True)
    view = plot.getPlotItem().getViewBox()
    for x_range, y_range, region in (
        ((0, 10), (0, 10), (2.0, 5.0)),
        ((0, 10), (0, 1e-4), (2.0, 5.0)),  # a close zoom: "all heights" would be 10¹³ px
        ((0, 10), (-3e5, 2e5), (-1e12, 5.0)),  # far out, and a region far wider than the view
        ((4, 6), (0, 10), (2.0, 5.0)),  # a pan: the region's left edge is out of view
    ):
        view.setRange(xRange=x_range, yRange=y_range, padding=0)
        band.setRegion(region)
        seen = mask(plot.viewport(), RED)
        rows, columns = np.flatnonzero(seen.any(axis=1)), np.flatnonzero(seen.any(axis=0))
        top, bottom = (pixel(plot, 0, y)[1] for y in (y_range[1], y_range[0]))
        left = pixel(plot, max(region[0], x_range[0]), 0)[0]
        right = pixel(plot, region[1], 0)[0]
        assert abs(rows[0] - top) <= 1 and abs(rows[-1] + 1 - bottom) <= 1, (y_range, rows)
        assert abs(columns[0] - left) <= 1 and abs(columns[-1] + 1 - right) <= 1, region
    assert band.getRegion() == (2.0, 5.0)
