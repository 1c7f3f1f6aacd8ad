"""What a student sees, checked: the four fit conditions of a classroom screen.

``problems(root)`` walks a widget tree (a panel, or the whole window) and
lists, as readable strings, everything that would look broken on a projector:

1. a scroll bar inside a panel;
2. a label, button, input or tab whose text is cut or partly hidden: the
   widget's visible region does not cover its whole rectangle, a label is
   smaller than its minimum size hint (or its height-for-width when it
   wraps), a button or a tab is narrower than its text needs, an input's
   text does not fit its box;
3. a plot whose data area (a ``ViewBox``) is smaller than ``MIN_PLOT``
   logical pixels;
4. text items in a plot (legend, annotations, value tags, axis labels and
   tick labels) drawn over each other or cut by the edge of what holds them.

Only what is on screen counts: a dock behind another tab is not checked.
"""

from __future__ import annotations

import itertools

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

MIN_PLOT = (100, 70)  # the smallest readable data area, logical pixels
SLACK = 1.0  # pixels of overlap that nobody can see (antialiasing, rounding)


def problems(root: QWidget) -> list[str]:
    """Every fit failure in ``root``'s visible widgets, as readable strings."""
    found = []
    for widget in _visible(root):
        where = _where(widget)
        if isinstance(widget, QScrollBar):
            found.append(f"{where}: a scroll bar is shown")
        elif isinstance(widget, pg.GraphicsView):
            found += [f"{where}: {p}" for p in _plot_problems(widget)]
        if _is_text_widget(widget):
            found += [f"{where}: {p}" for p in _text_widget_problems(widget)]
    return found


def _visible(root):
    if root.isVisible():
        yield root
    behind = [d for d in root.findChildren(QDockWidget) if d.visibleRegion().isEmpty()]
    for child in root.findChildren(QWidget):
        if child.isVisible() and child.window() is root.window():
            if not any(d is child or d.isAncestorOf(child) for d in behind):
                yield child  # a dock behind another tab is not on screen


def _hidden_part(widget) -> QRegion:
    """The part of ``widget`` that its ancestors (a dock, a scroll area, the window) cut off."""
    rect = widget.rect()
    shown = QRect(rect)
    child, parent = widget, widget.parentWidget()
    offset = QPoint(0, 0)
    while parent is not None and not child.isWindow():
        offset += child.pos()
        shown = shown.intersected(parent.rect().translated(-offset))
        child, parent = parent, parent.parentWidget()
    return QRegion(rect).subtracted(QRegion(shown))


def _where(widget) -> str:
    dock, w = None, widget
    while w is not None and dock is None:
        if isinstance(w, QDockWidget):
            dock = w
        w = w.parentWidget()
    name = widget.objectName() or type(widget).__name__
    text = _text_of(widget)
    label = f"{name} {text[:30]!r}" if text else name
    return f"[{dock.windowTitle()}] {label}" if dock is not None else label


def _text_of(widget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        return widget.text()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def _is_text_widget(widget) -> bool:
    if isinstance(widget, QLabel):
        return bool(widget.text()) or widget.pixmap() is not None and not widget.pixmap().isNull()
    if isinstance(widget, QTabBar):
        # Qt parks an emptied or unused tab bar outside the window (a spotlight does)
        inside = widget.geometry().intersects(widget.window().rect())
        return widget.count() > 0 and (widget.parentWidget() is not widget.window() or inside)
    return isinstance(widget, (QAbstractButton, QAbstractSpinBox, QLineEdit, QComboBox))


def _text_widget_problems(widget) -> list[str]:
    out = []
    hidden = _hidden_part(widget)
    if not hidden.isEmpty():
        box = hidden.boundingRect()
        out.append(
            f"partly hidden ({box.width()}×{box.height()} px of {widget.width()}×{widget.height()})"
        )
    size = widget.size()
    if isinstance(widget, QLabel):
        hint = widget.minimumSizeHint()
        if widget.wordWrap():
            need_h = widget.heightForWidth(size.width())
            if need_h > size.height():
                out.append(f"wrapped label needs {need_h} px height, has {size.height()}")
        elif size.width() < hint.width() or size.height() < hint.height():
            out.append(f"label is {_wh(size)}, needs {_wh(hint)}")
    elif isinstance(widget, QAbstractButton):
        hint = widget.sizeHint()
        if widget.text() and (size.width() < hint.width() or size.height() < hint.height()):
            out.append(f"button is {_wh(size)}, its text needs {_wh(hint)}")
    elif isinstance(widget, QAbstractSpinBox):
        edit = widget.findChild(QLineEdit)
        if edit is not None and not _text_fits(edit):
            out.append(f"text {edit.text()!r} does not fit its {edit.width()} px box")
        hint = widget.minimumSizeHint()
        if size.height() < hint.height():
            out.append(f"input is {size.height()} px high, needs {hint.height()}")
    elif isinstance(widget, QComboBox):
        hint = widget.minimumSizeHint()
        if size.width() < hint.width() or size.height() < hint.height():
            out.append(f"box is {_wh(size)}, needs {_wh(hint)}")
    elif isinstance(widget, QLineEdit) and not isinstance(widget.parentWidget(), QAbstractSpinBox):
        need = widget.minimumSizeHint().height()
        if size.height() < need:
            out.append(f"input is {size.height()} px high, needs {need}")
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            if widget.tabRect(i).width() < widget.tabSizeHint(i).width() - 1 and _elides(widget):
                out.append(f"tab {widget.tabText(i)!r} is cut")
    return out


def _elides(tabs: QTabBar) -> bool:
    from PySide6.QtCore import Qt

    return tabs.elideMode() != Qt.TextElideMode.ElideNone


def _text_fits(edit: QLineEdit) -> bool:
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - 4  # Qt's inner margin
    return edit.fontMetrics().horizontalAdvance(edit.text()) <= room


def _wh(size) -> str:
    return f"{size.width()}×{size.height()}"


# ------------------------------------------------------------------ plots
def _plot_problems(view: pg.GraphicsView) -> list[str]:
    out = []
    scene = view.scene()
    if scene is None:
        return out
    hidden = _hidden_part(view)
    if not hidden.isEmpty():
        box = hidden.boundingRect()
        out.append(f"plot partly hidden ({box.width()}×{box.height()} px)")
    bounds = QRectF(view.viewport().rect())
    for item in scene.items():
        if isinstance(item, pg.ViewBox) and item.isVisible() and not _is_overlay(item):
            rect = _item_rect(item, view)
            if rect.width() < MIN_PLOT[0] or rect.height() < MIN_PLOT[1]:
                out.append(f"data area {rect.width():.0f}×{rect.height():.0f} px")
    texts = list(_texts(view))
    for (rect_a, text_a, owner_a), (rect_b, text_b, owner_b) in itertools.combinations(texts, 2):
        if owner_a is not None and owner_a is owner_b:
            continue  # tick labels of one axis are checked below; legend rows by pyqtgraph
        overlap = rect_a.intersected(rect_b)
        if overlap.width() > SLACK and overlap.height() > SLACK:
            out.append(f"text {text_a[:25]!r} overlaps {text_b[:25]!r}")
    for rect, text, clip in _clipped_texts(view, bounds):
        if not clip.contains(rect.adjusted(SLACK, SLACK, -SLACK, -SLACK)):
            out.append(f"text {text[:25]!r} is cut by the edge of its plot")
    for axis in _axes(scene):
        ticks = _tick_texts(axis, view)
        for (ra, ta), (rb, tb) in itertools.combinations(ticks, 2):
            overlap = ra.intersected(rb)
            if overlap.width() > SLACK and overlap.height() > SLACK:
                out.append(f"tick labels {ta!r} and {tb!r} overlap")
    return out


def _is_overlay(view_box) -> bool:
    # a ViewBox laid over another one's data area (a second y axis) is not a plot of its own
    return view_box.parentItem() is None


def _visible_text(item) -> bool:
    if not item.isVisible() or item.effectiveOpacity() < 0.05:
        return False
    return bool(_item_text(item).strip())


def _item_text(item) -> str:
    if isinstance(item, QGraphicsTextItem):
        return item.toPlainText()
    if isinstance(item, QGraphicsSimpleTextItem):
        return item.text()
    return ""


def _text_rect(item, view) -> QRectF:
    """Where the text of ``item`` is drawn, in the pixels of ``view``."""
    rect = item.boundingRect()
    if isinstance(item, QGraphicsTextItem):
        m = item.document().documentMargin()
        rect = rect.adjusted(m, m, -m, -m)
    return item.deviceTransform(view.viewportTransform()).mapRect(rect)


def _item_rect(item, view) -> QRectF:
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())


def _owner(item):
    """The legend or axis a text belongs to (its rows never collide with each other)."""
    parent = item.parentItem()
    while parent is not None:
        if isinstance(parent, (pg.LegendItem, pg.AxisItem)):
            return parent
        parent = parent.parentItem()
    return None


def _texts(view):
    for item in view.scene().items():
        if isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)) and _visible_text(item):
            yield _text_rect(item, view), _item_text(item), _owner(item)
    for axis in _axes(view.scene()):
        for rect, text in _tick_texts(axis, view):
            yield rect, text, axis


def _clipped_texts(view, bounds):
    """Each text with the rectangle that clips it: its ViewBox's, or the plot's."""
    for item in view.scene().items():
        if isinstance(item, (QGraphicsTextItem, QGraphicsSimpleTextItem)) and _visible_text(item):
            clip = bounds
            parent = item.parentItem()
            while parent is not None:
                if isinstance(parent, pg.ViewBox):
                    clip = _item_rect(parent, view)
                    break
                parent = parent.parentItem()
            yield _text_rect(item, view), _item_text(item), clip
    for axis in _axes(view.scene()):
        for rect, text in _tick_texts(axis, view):
            yield rect, text, bounds


def _axes(scene):
    return [i for i in scene.items() if isinstance(i, pg.AxisItem) and i.isVisible()]


def _tick_texts(axis, view) -> list[tuple[QRectF, str]]:
    """The tick labels an axis draws, in the view's pixels (from the axis's own draw specs)."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        if axis.style.get("tickFont") is not None:
            painter.setFont(axis.style["tickFont"])
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    _axis_spec, _tick_specs, text_specs = specs
    to_view = axis.deviceTransform(view.viewportTransform())
    return [(to_view.mapRect(QRectF(rect)), text) for rect, _flags, text in text_specs]
