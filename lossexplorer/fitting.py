"""What makes a panel fit any classroom screen, shared by the panels that need it.

* ``set_data_minimum``: the smallest data area (``ViewBox``) a plot may be
  given, and the plot widget's minimum size that follows from it;
* ``ClassAxis``: a bar chart's bottom axis whose class names are elided to
  their column, each with its full name as a tooltip;
* ``FlowLayout``: widgets side by side, wrapping onto more lines when the
  panel is narrow, so that a row of controls never sets a panel's width;
* ``MinimumForWidth``: a panel's honest minimum size, and the height it
  needs at any greater width (``heightForWidth``);
* ``literal_tooltip``: a tooltip that shows a class name as typed.
"""

from __future__ import annotations

import math
from html import escape

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QLayout

from lossexplorer.plotkit.axis import MinusAxisItem


def set_data_minimum(plot, width: float, height: float) -> None:
    """Give ``plot``'s data area at least ``width`` × ``height`` pixels, its axes around it.

    The data area grows beyond what is asked where an axis needs it: until
    its tick labels no longer run into each other at the view's range, and
    to the length of its title.  The plot widget's minimum size becomes that
    data area with the axes, titles and margins around it as they are now:
    call it again when they change (new titles after a language change).
    """
    item = plot.getPlotItem()
    view = item.getViewBox()
    x_range, y_range = view.viewRange()
    for name in ("bottom", "top", "left", "right"):
        axis = item.getAxis(name)
        if not axis.isVisible():
            continue
        horizontal = name in ("bottom", "top")
        title = axis.label.boundingRect().width() if axis.label.isVisible() else 0.0
        if horizontal:
            width = max(width, title, _readable_length(axis, x_range, width))
        else:
            height = max(height, title, _readable_length(axis, y_range, height))
    view.setMinimumSize(math.ceil(width), math.ceil(height))
    _room_for_end_labels(item)
    item.layout.invalidate()
    hint = item.effectiveSizeHint(Qt.SizeHint.MinimumSize)
    frame = 2 * plot.frameWidth()
    plot.setMinimumSize(math.ceil(hint.width()) + frame, math.ceil(hint.height()) + frame)


def _room_for_end_labels(item) -> None:
    """Margins that keep the tick labels at the ends of the axes inside the plot.

    A label at the very top of the left axis is centred on the top of the
    data area, and one at the right end of the bottom axis on its right
    edge: half of each overhangs.
    """
    left, top, right, bottom = item.layout.getContentsMargins()
    y_axis, x_axis = item.getAxis("left"), item.getAxis("bottom")
    if y_axis.isVisible():
        metrics = QFontMetricsF(y_axis.style["tickFont"] or y_axis.font())
        top = max(top, math.ceil(0.4 * metrics.height()) + 1)  # pyqtgraph: 0.8 of a line
    if x_axis.isVisible() and not isinstance(x_axis, ClassAxis):
        metrics = QFontMetricsF(x_axis.style["tickFont"] or x_axis.font())
        (x0, x1), _ = item.getViewBox().viewRange()
        end = x_axis.tickStrings([x1], 1.0, (x1 - x0) / 5)
        right = max(right, math.ceil(max(metrics.horizontalAdvance(s) for s in end) / 2) + 1)
    item.layout.setContentsMargins(left, top, right, bottom)


def _readable_length(axis, value_range, length: float) -> float:
    """The shortest length from ``length`` on at which the axis's labelled ticks do not overlap."""
    if isinstance(axis, ClassAxis):
        return length  # its names are elided to their columns
    lo, hi = value_range
    metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
    horizontal = axis.orientation in ("bottom", "top")
    size = max(1.0, length)
    while size < 4000:
        levels = axis.tickValues(lo, hi, size)
        if not levels or hi <= lo:
            return size
        spacing, values = levels[0]
        strings = axis.tickStrings(values, 1.0, spacing)
        if horizontal:
            extent = max((metrics.horizontalAdvance(s) for s in strings), default=0.0) + 4
        else:
            extent = 0.8 * metrics.height()  # as pyqtgraph measures a tick label
        if spacing / (hi - lo) * size >= extent + 1:
            return size
        size += 2
    return size


def literal_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as typed: markup in a class name stays text.

    Qt shows a tooltip as rich text when it looks like markup (a tag on its
    first line); such a text is escaped, anything else is left plain.
    """
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre'>{escape(text)}</p>"


class ClassAxis(MinusAxisItem):
    """The bottom axis of a bar chart with one bar per class at x = 0, 1, …

    Each class name is drawn centred under its bar and elided (…) to the
    width of its column, less a gap, so that neighbouring names never run
    into each other whatever their length, number or language; hovering a
    name shows it in full.  A name may be decorated ("cat (true)"): the
    name is elided, the decoration kept.

    The full texts are the axis's ticks (``setTicks``), as on any axis;
    only what is drawn (``generateDrawSpecs``) is shortened.
    """

    def __init__(self, gap: float = 10.0):
        super().__init__("bottom")
        self.gap = gap
        self._names: list[str] = []
        self._templates: dict[int, str] = {}
        self._tips: list[QGraphicsRectItem] = []

    # ------------------------------------------------------------ content
    def set_classes(self, names, templates=None) -> None:
        """Name the bars: ``names[i]`` under x = i; ``templates[i]`` decorates it ("{name} …")."""
        self._names = list(names)
        self._templates = dict(templates or {})
        self.setTicks([[(i, self.full_text(i)) for i in range(len(self._names))], []])
        while len(self._tips) < len(self._names):
            tip = QGraphicsRectItem(self)
            tip.setPen(QPen(Qt.PenStyle.NoPen))
            self._tips.append(tip)
        self.place_tips()

    def full_text(self, i: int) -> str:
        """Class ``i``'s label in full, decorated."""
        return self._templates.get(i, "{name}").format(name=self._names[i])

    def column_width(self) -> float:
        """The width of one class's column in pixels (0 before the axis is laid out)."""
        view = self.linkedView()
        if view is None:
            return 0.0
        (x0, x1), _ = view.viewRange()
        width = view.mapRectToItem(self, view.boundingRect()).width()
        return width / (x1 - x0) if x1 > x0 else 0.0

    def labels(self) -> list[tuple[QRectF, str, str]]:
        """What is drawn under each bar: (rectangle in the axis's coordinates, text, full text)."""
        view = self.linkedView()
        if view is None or not self._names:
            return []
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        (x0, x1), _ = view.viewRange()
        area = view.mapRectToItem(self, view.boundingRect())
        if x1 <= x0 or area.width() <= 0:
            return []
        per_unit = area.width() / (x1 - x0)
        room = per_unit - self.gap
        top = self.mapRectFromParent(self.geometry()).top()
        top += max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1]
        height = metrics.height()
        out = []
        for i in range(len(self._names)):
            text = self._fitted(metrics, i, room)
            width = metrics.horizontalAdvance(text)
            centre = area.left() + (i - x0) * per_unit
            out.append((QRectF(centre - width / 2, top, width, height), text, self.full_text(i)))
        return out

    def _fitted(self, metrics, i, room) -> str:
        """Class ``i``'s label within ``room`` pixels: the name elided, its decoration kept."""
        full = self.full_text(i)
        if metrics.horizontalAdvance(full) <= room:
            return full
        template = self._templates.get(i, "{name}")
        name_room = room - metrics.horizontalAdvance(template.format(name=""))
        if name_room >= metrics.horizontalAdvance(self._names[i][:1] + "…"):
            name = metrics.elidedText(self._names[i], Qt.TextElideMode.ElideRight, name_room)
            return template.format(name=name)
        # no room for the decoration: the name alone, elided (its bar's colour says the rest)
        return metrics.elidedText(self._names[i], Qt.TextElideMode.ElideRight, max(room, 0.0))

    # ------------------------------------------------------------ drawing
    def generateDrawSpecs(self, p):
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis_spec, tick_specs, _text_specs = specs
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        return (
            axis_spec,
            tick_specs,
            [(rect, flags, text) for rect, text, _ in self.labels() if text],
        )

    def place_tips(self) -> None:
        """Put a tooltip with the full text over each drawn label."""
        tips = getattr(self, "_tips", ())  # pyqtgraph resizes the axis while it is being built
        labels = self.labels() if tips else []
        for i, tip in enumerate(tips):
            if i < len(labels):
                rect, _text, full = labels[i]
                tip.setRect(rect)
                tip.setToolTip(literal_tooltip(full))
                tip.show()
            else:
                tip.hide()

    def resizeEvent(self, ev=None):
        super().resizeEvent(ev)
        self.place_tips()

    def linkedViewChanged(self, view, newRange=None):  # noqa: N803 - pyqtgraph's names
        super().linkedViewChanged(view, newRange)
        self.place_tips()


class FlowLayout(QLayout):
    """Widgets side by side, wrapping onto the next line when the width runs out.

    ``spacing`` None keeps Qt's (the enclosing layout's or the style's).
    Hidden widgets take no room.
    """

    def __init__(self, parent=None, spacing: int | None = 6):
        super().__init__(parent)
        self._items = []
        if spacing is not None:
            self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)
        # What was laid out for which item sizes: a spin box's new value makes
        # Qt lay the panel out again (every drag step) though no size changed.
        self._sizes = None
        self._heights = {}
        self._placed = None

    def addItem(self, item):
        self._items.append(item)
        self._sizes = None

    def count(self):
        return len(self._items)

    def itemAt(self, index):
        return self._items[index] if 0 <= index < len(self._items) else None

    def items(self) -> list:
        """The layout items, in order."""
        return list(self._items)

    def takeAt(self, index):
        self._sizes = None
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self):
        return True

    def invalidate(self):
        self._checked = False  # the items' sizes are looked at again, once
        super().invalidate()

    def _same_sizes(self) -> bool:
        """Whether the items' sizes are those laid out last (else forget that layout)."""
        if self.__dict__.get("_checked") and self._sizes is not None:
            return True
        self._checked = True
        sizes = tuple(None if i.isEmpty() else i.sizeHint().toTuple() for i in self._items)
        if sizes != self._sizes:
            self._sizes, self._heights, self._placed = sizes, {}, None
            return False
        return True

    def heightForWidth(self, width):
        self._same_sizes()
        if width not in self._heights:
            self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return self._heights[width]

    def setGeometry(self, rect):
        super().setGeometry(rect)
        if self._same_sizes() and self._placed == rect:
            return  # every item is already where this rectangle puts it
        self._arrange(rect, move=True)
        self._placed = QRect(rect)

    def sizeHint(self):
        """One line of every item."""
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        width = sum(s.width() for s in shown) + self.spacing() * max(len(shown) - 1, 0)
        height = max((s.height() for s in shown), default=0)
        return QSize(width, height)

    def minimumSize(self):
        """The widest item (the height follows from the width: ``heightForWidth``)."""
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        return QSize(
            max((s.width() for s in shown), default=0), max((s.height() for s in shown), default=0)
        )

    def _arrange(self, rect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint()
            if x > rect.x() and x + size.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(x, y, size.width(), size.height()))
            x += size.width() + self.spacing()
            line = max(line, size.height())
        return y + line - rect.y()


_RESIZING_EVENTS = frozenset(
    {
        QEvent.Type.Polish,
        QEvent.Type.Show,
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LanguageChange,
    }
)


class MinimumForWidth:
    """A panel's honest minimum: as narrow as it can be, and as tall as that width needs.

    A mixin for a ``QWidget`` with a layout whose contents wrap (flowing
    controls, wrapped text): the subclass gives ``inner_minimum_width()``
    and ``inner_height_for(width)``, inside the layout's margins.
    ``heightForWidth(width)`` is then the least height at ``width``, so that
    whoever arranges panels can give a wider one less height.
    """

    def inner_minimum_width(self) -> int:  # pragma: no cover - every user overrides it
        raise NotImplementedError

    def inner_height_for(self, width: int) -> int:  # pragma: no cover - ditto
        raise NotImplementedError

    # Measured once and remembered: Qt asks again whenever a child's text
    # changes (every drag step), but the minimum changes only with what the
    # panel says it does with (the class count, names, language), and then
    # the panel calls ``updateGeometry``, which forgets it.
    def _memo(self) -> dict:
        memo = self.__dict__.get("_minimum_memo")
        if memo is None or len(memo) > 64:  # a resize asks at many widths
            memo = self.__dict__["_minimum_memo"] = {}
        return memo

    def updateGeometry(self):
        self.__dict__.pop("_minimum_memo", None)
        super().updateGeometry()

    def event(self, event):
        if event.type() in _RESIZING_EVENTS:  # measured before now: measure again
            self.__dict__.pop("_minimum_memo", None)
        return super().event(event)

    def minimumSizeHint(self):
        memo = self._memo()
        if "minimum" not in memo:
            margins = self.layout().contentsMargins()
            width = self.inner_minimum_width() + margins.left() + margins.right()
            memo["minimum"] = QSize(width, self.heightForWidth(width))
        return QSize(memo["minimum"])

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        memo = self._memo()
        if width not in memo:
            margins = self.layout().contentsMargins()
            inner = max(width - margins.left() - margins.right(), self.inner_minimum_width())
            memo[width] = self.inner_height_for(inner) + margins.top() + margins.bottom()
        return memo[width]
