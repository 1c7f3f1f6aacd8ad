"""``MinusAxisItem``: tick labels with the real minus sign, end labels never hidden."""

from __future__ import annotations

from lossexplorer.formatting import MINUS
from lossexplorer.plotkit.pyqtgraph_patches import CachedRectAxisItem


class MinusAxisItem(CachedRectAxisItem):
    """An axis whose tick labels use the real minus sign, like every other number.

    Labels at the very ends of the axis may overhang it by a few pixels, so
    that −10 and 10 both show on a [−10, 10] axis (pyqtgraph hides them when
    the grid is on).  Its bounding rectangle is cached
    (``pyqtgraph_patches.CachedRectAxisItem``).
    """

    OVERHANG = 24  # pixels

    def __init__(self, orientation, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)  # no "(x0.001)" after the axis title

    def tickStrings(self, values, scale, spacing):
        return [s.replace("-", MINUS) for s in super().tickStrings(values, scale, spacing)]

    def uncached_bounding_rect(self):
        """pyqtgraph's rectangle, ``OVERHANG`` pixels longer at both ends of the axis."""
        m = self.OVERHANG
        rect = super().uncached_bounding_rect()
        if self.orientation in ("top", "bottom"):
            return rect.adjusted(-m, 0, m, 0)
        return rect.adjusted(0, -m, 0, m)
