"""``make_plot``: the one way every plot in lossexplorer is made."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsView

from lossexplorer import export, style
from lossexplorer.plotkit.axis import MinusAxisItem
from lossexplorer.plotkit.pyqtgraph_patches import no_hover_search_while_dragging


def make_plot(
    name: str = "", right_axis: bool = False, view_box=None, *, scale: float = 1.0
) -> pg.PlotWidget:
    """A styled PlotWidget with minus-sign axes and room for the end tick labels.

    Tick labels and axis pens are built at the presentation ``scale``.

    Auto-range is off: every panel sets its view ranges itself (a range
    recomputed on every drag step costs more than the redraw).  A right
    click opens export's menu (PNG, SVG, copy); drags skip pyqtgraph's
    hover search.
    """
    sides = ("left", "bottom", "right") if right_axis else ("left", "bottom")
    # enableMenu=False: pyqtgraph's view menu is never shown (plots get
    # export's menu), and building it took a third of a plot's construction
    plot = pg.PlotWidget(
        viewBox=view_box, axisItems={s: MinusAxisItem(s) for s in sides}, enableMenu=False
    )
    plot.setObjectName(name)
    # One bounding rectangle per repaint: a marker and a cursor line moving at
    # once make a region of many rectangles, and clipping every cached pixmap
    # to such a region costs several times more than painting the whole box.
    plot.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
    style.style_plot(plot, scale=scale)
    export.install_plot_menu(plot)
    no_hover_search_while_dragging(plot.scene())
    item = plot.getPlotItem()
    item.layout.setContentsMargins(2, 10, 2 if right_axis else 18, 2)
    item.getViewBox().disableAutoRange()
    return plot
