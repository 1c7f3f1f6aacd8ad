"""Every patch of pyqtgraph's private API in lossexplorer, in one place.

THESE ARE THE FIRST THING TO BREAK WHEN PYQTGRAPH IS UPGRADED.

Each was written against pyqtgraph 0.14.0 (the version tested;
``pyproject.toml`` allows >=0.13.7,<0.15).  They read or write underscore
attributes, override underscore methods, or replace a pyqtgraph method on an
instance, and so depend on how pyqtgraph works inside, which can change in
any release.  After an upgrade, read pyqtgraph's source of every method named
below, then run the tests listed with each patch.  Nothing else in
lossexplorer touches pyqtgraph's private API.

1. ``no_hover_search_while_dragging(scene)``: replaces
   ``GraphicsScene.sendHoverEvents`` on one scene instance and reads
   ``scene.dragButtons``.  Assumes ``GraphicsScene.mouseMoveEvent`` looks
   ``self.sendHoverEvents(ev)`` up on the instance and calls it with
   ``(ev, exitOnly=False)``, and that ``dragButtons`` lists the buttons of
   a drag in progress.  If it breaks, hover stops working, or drags get
   slower (the search comes back).
   Tests: ``tests/test_plotkit.py::test_drags_skip_the_hover_search_and_hover_resumes_after``,
   ``tests/test_binary_panels.py::test_the_handle_lights_up_under_the_pointer_before_and_after_a_drag``.

2. ``CachedRectAxisItem.boundingRect``: caches ``AxisItem.boundingRect``
   (in ``_rect_key`` and ``_rect``), keyed on everything 0.14.0 computes it
   from: the axis's geometry, the linked view's geometry, ``grid``, and
   ``style["tickLength"]`` and ``style["hideOverlappingLabels"]``.  If
   pyqtgraph's rectangle comes to depend on anything else, the cache goes
   stale silently: axes draw in the wrong place or lose their end labels.
   Tests: ``tests/test_plotkit.py::test_the_cached_axis_rectangle_is_pyqtgraphs_plus_the_overhang``,
   ``tests/test_plotkit.py::test_both_end_labels_of_an_axis_show_with_a_real_minus``.

   ``CachedRectAxisItem.set_line_pen(pen)`` writes ``_pen`` and clears
   ``picture`` (what ``AxisItem.setPen`` does, less recolouring the axis
   title with the pen's colour).  If pyqtgraph comes to keep the pen
   elsewhere, exports draw axes with the screen's pen.
   Test: ``tests/test_export_safety.py::test_a_png_for_slides_has_lines_as_thick_as_on_screen``.

3. ``CurveInternals``, the base class of ``LiveCurve``:

   a. ``replace_data(x, y)``: what ``PlotCurveItem.updateData`` resets when
      the data change: ``xData``, ``yData``, ``path``, ``fillPath``,
      ``_fillPathList``, ``_mouseShape``, ``_lineSegmentsRendered``, the
      cached bounds (``invalidateBounds``); then ``informViewBoundsChanged``,
      ``update`` and ``sigPlotChanged``.  If pyqtgraph caches something new
      per data set, a stale copy of it would be painted.
   b. ``exporting()``: reads ``_exportOpts`` (``False`` on screen, a dict
      while ``setExportMode(True, ...)`` is on).
   c. ``segments_valid()``, ``invalidate_segments()``, ``pixel_segments()``:
      share pyqtgraph's segment buffer ``_lineSegments`` (a ``LineSegments``
      made by ``arrayToLineSegments``, imported from
      ``pyqtgraph.graphicsItems.PlotCurveItem``: it is not in pyqtgraph's
      namespace) and its flag ``_lineSegmentsRendered``, which pyqtgraph
      clears whenever the data change and which its ``paint`` trusts.
   d. ``_shouldUseDrawLineSegments(pen)``: overrides pyqtgraph's choice
      between separate segments and one path in ``PlotCurveItem.paint``.

   Tests: ``tests/test_plotkit.py::test_a_live_curve_keeps_up_with_new_data_and_dashed_pens``,
   ``tests/test_binary_panels.py::test_curves_are_painted_where_their_numbers_say``,
   ``tests/test_binary_panels.py::test_curves_are_drawn_wherever_the_view_is_panned``,
   ``tests/test_export_safety.py::test_svg_export_is_vector_with_every_curve_clipped_to_its_plot``,
   ``tests/test_export_safety.py::test_the_dashed_gradient_curves_are_clipped_where_they_leave_the_plot``.

Also upgrade-sensitive, though through public API only (so not here):
``MinusAxisItem``'s end labels show because ``AxisItem.generateDrawSpecs``
drops tick labels that leave ``boundingRect()`` (test:
``test_both_end_labels_of_an_axis_show_with_a_real_minus``); ``make_plot``
passes ``enableMenu=False`` so that pyqtgraph never builds its view-box menu
(``tests/test_classroom.py::test_a_right_click_on_a_plot_offers_the_exports``);
``LiveCurve`` overrides ``dataBounds``, ``boundingRect``, ``viewRangeChanged``
and ``viewTransformChanged`` and reads ``opts``; ``export.device_pens`` reads
the pens in ``opts`` (curves, scatter plots), ``pen`` and ``hoverPen``
(``InfiniteLine``) and sets them with each item's own setter (test:
``tests/test_hidpi.py``); ``ScaledLegend`` reads ``LegendItem.items`` and
``layout`` and a label's ``item`` (its ``QGraphicsTextItem``), and
``ScaledSample`` draws through ``ItemSample.paint`` (test:
``tests/test_plotkit.py::test_a_legend_grows_with_the_presentation_scale``).
"""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen

# ------------------------------------------------------------------ 1. scene


def no_hover_search_while_dragging(scene) -> None:
    """Skip pyqtgraph's hover search on the mouse moves of a drag.

    pyqtgraph looks for the items under the pointer on every move, even in
    the middle of a drag, where no item may take the hover; that search cost
    about a tenth of a drag step.  Hover resumes with the first move after
    the button is released.
    """
    send = scene.sendHoverEvents

    def send_unless_dragging(ev, exitOnly=False):  # noqa: N803 - pyqtgraph's name
        if not exitOnly and scene.dragButtons and ev.buttons():
            return
        send(ev, exitOnly)

    scene.sendHoverEvents = send_unless_dragging


# ------------------------------------------------------------------- 2. axis


class CachedRectAxisItem(pg.AxisItem):
    """An ``AxisItem`` that computes its bounding rectangle once per change.

    Qt asks for it dozens of times per repaint and pyqtgraph recomputes it in
    Python each time, though it depends only on the key below (the grid
    spans the linked view).  A subclass changes the rectangle by overriding
    ``uncached_bounding_rect``.
    """

    def boundingRect(self):
        view = self.linkedView()
        key = (
            self.geometry(),
            None if view is None else view.geometry(),
            self.grid,
            self.style["tickLength"],
            self.style["hideOverlappingLabels"],
        )
        if key != getattr(self, "_rect_key", None):
            self._rect_key, self._rect = key, self.uncached_bounding_rect()
        return QRectF(self._rect)

    def uncached_bounding_rect(self) -> QRectF:
        """The rectangle to cache: pyqtgraph's own."""
        return super().boundingRect()

    def set_line_pen(self, pen) -> None:
        """The pen of the axis line, its ticks and its grid; the title keeps its colour.

        pyqtgraph's ``setPen`` also gives the axis title the pen's colour.
        """
        self._pen = QPen(pen)
        self.picture = None
        self.update()


# ------------------------------------------------------------------ 3. curve


class CurveInternals(pg.PlotCurveItem):
    """A ``PlotCurveItem`` whose private state is reached through the methods below.

    ``LiveCurve`` updates and paints itself through these, so that it needs
    no underscore attribute of pyqtgraph's.
    """

    def replace_data(self, x, y) -> None:
        """Take new finite 1-D arrays ``x`` and ``y`` as ``updateData`` would, minus its checks.

        The bounding rectangle is not re-measured (``prepareGeometryChange``
        is not called): only for a subclass whose rectangle does not depend
        on the data.
        """
        self.xData, self.yData = x, y
        self.invalidateBounds()
        self.path = self.fillPath = self._fillPathList = self._mouseShape = None
        self._lineSegmentsRendered = False
        self.informViewBoundsChanged()
        self.update()
        self.sigPlotChanged.emit(self)

    def exporting(self) -> bool:
        """Whether pyqtgraph's export mode is on (``setExportMode(True, ...)``)."""
        return self._exportOpts is not False

    def segments_valid(self) -> bool:
        """Whether the segment buffer still holds the current data's segments."""
        return self._lineSegmentsRendered

    def invalidate_segments(self) -> None:
        """Mark the segment buffer stale: the next paint recomputes it."""
        self._lineSegmentsRendered = False

    def pixel_segments(self, x, y, connect):
        """``drawLines`` arguments for segments between the points (``x``, ``y``).

        They are written into pyqtgraph's own segment buffer (no new memory
        per paint), which is then marked valid; ``connect`` is "all" or a
        boolean array, as for ``arrayToLineSegments``.  The buffer must be
        invalidated before pyqtgraph paints from it itself.
        """
        self._lineSegments = arrayToLineSegments(
            x, y, connect=connect, finiteCheck=False, out=self._lineSegments
        )
        self._lineSegmentsRendered = True
        return self._lineSegments.drawargs()

    def _shouldUseDrawLineSegments(self, pen):  # pyqtgraph's hook, called in paint()
        return (
            self._exportOpts is False
            and pen.style() == Qt.PenStyle.SolidLine
            and pen.color().alphaF() == 1.0
            and pen.widthF() > 1.0
        )
