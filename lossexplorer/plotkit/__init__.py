"""Building blocks for plots: minus-sign axes, constant-size markers, fixed labels.

Every plot in lossexplorer is made by ``make_plot`` so that tick labels use
the real minus sign like every other number on screen, and the end labels of
an axis (−10 and 10) are never hidden.

One module per graphics item, as in pyqtgraph:

* ``axis``: ``MinusAxisItem``
* ``live_curve``: ``LiveCurve``, ``add_live_curve``
* ``marker``: ``Marker``, ``add_marker``, ``symbol_path``
* ``band``: ``Band``
* ``guide``: ``Guide``, ``add_guide``
* ``tag``: ``Tag``
* ``legend``: ``make_legend``, ``ScaledLegend``, ``ScaledSample``
* ``factory``: ``make_plot``
* ``labels``: ``text_size``, ``fix_size``
* ``pyqtgraph_patches``: every use of pyqtgraph's private API (the first
  thing to break when pyqtgraph is upgraded: see its docstring)

Import from ``lossexplorer.plotkit``; the modules are an implementation detail.
"""

from lossexplorer.plotkit.axis import MinusAxisItem
from lossexplorer.plotkit.band import Band
from lossexplorer.plotkit.factory import make_plot
from lossexplorer.plotkit.guide import Guide, add_guide
from lossexplorer.plotkit.labels import fix_size, text_size
from lossexplorer.plotkit.legend import make_legend
from lossexplorer.plotkit.live_curve import LiveCurve, add_live_curve
from lossexplorer.plotkit.marker import Marker, add_marker, symbol_path
from lossexplorer.plotkit.tag import Tag

__all__ = [
    "Band",
    "Guide",
    "LiveCurve",
    "Marker",
    "MinusAxisItem",
    "Tag",
    "add_guide",
    "add_live_curve",
    "add_marker",
    "fix_size",
    "make_legend",
    "make_plot",
    "symbol_path",
    "text_size",
]
