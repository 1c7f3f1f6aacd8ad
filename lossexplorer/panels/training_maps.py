"""Two decision maps side by side: the same model on the same points, trained with
MSE (left) and with cross-entropy (right).

Each map colours every spot of the plane by the class the run predicts there,
pale where it is unsure (probability near 1/K) and strong where it is sure;
the decision boundary is drawn over it, the points on top.  Both runs start
from the same parameters, so at step 0 the two maps are the same picture.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLayout

from lossexplorer import style, training
from lossexplorer.panels.base import Panel, set_text
from lossexplorer.parts.training import MAX_STEPS
from lossexplorer.plotkit import fix_size
from lossexplorer.training_clock import TrainingViewer
from lossexplorer.training_look import (
    CLASS_COLOURS,
    LOSS_COLOURS,
    PointCloud,
    hold_data_area,
)

GRID = 128  # the map's pixels across: the probabilities are computed on this grid
LEVELS = 64  # shades of each class colour, from white (unsure) to the strongest
MAX_TINT = 0.6  # the strongest shade is this much colour, the rest white: points stay visible
MIN_MAP = 120  # logical pixels: the smallest map side
POINT_SIZE = 7
ORDER = ("mse", "ce")  # left, right


# ------------------------------------------------------------------ the math
def grid_logits(params, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """The model's logits at every (xs[j], ys[i]): (ny, nx) for a logistic output,
    (K, ny, nx) for a softmax one."""
    gx, gy = xs[None, :], ys[:, None]
    if isinstance(params, training.HiddenParams):
        # a_j = W1[0, j]·x + (W1[1, j]·y + b1_j): one pass over the (H, ny, nx) grid, then tanh
        w1 = params.W1
        across = np.multiply.outer(w1[0], xs)[:, None, :]
        down = (np.multiply.outer(w1[1], ys) + params.b1[:, None])[:, :, None]
        h = np.add(across, down)
        np.tanh(h, out=h)
        w2 = params.W2
        if w2.ndim == 1:
            return np.tensordot(w2, h, axes=1) + params.b2
        return np.tensordot(w2.T, h, axes=1) + params.b2[:, None, None]
    w, b = params.weights, params.bias
    if w.ndim == 1:
        return w[0] * gx + w[1] * gy + b
    return w[0][:, None, None] * gx + w[1][:, None, None] * gy + b[:, None, None]


def predicted(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each spot's predicted class and how sure the model is there, from 0 (every
    class as likely) to 1 (probability 1)."""
    if z.ndim == 2:  # logistic: class 1 where z > 0; p = σ(|z|), sureness 2p − 1 = tanh(|z|/2)
        return (z > 0.0).astype(np.intp), np.tanh(np.abs(z) / 2.0)
    k = len(z)
    top = np.max(z, axis=0)
    p_top = 1.0 / np.sum(np.exp(z - top), axis=0)
    return np.argmax(z, axis=0), (p_top - 1.0 / k) * (k / (k - 1.0))


def colour_table() -> np.ndarray:
    """RGBA rows: LEVELS shades of each class colour, from white to the strongest."""
    rows = []
    white = np.array([255.0, 255.0, 255.0])
    for colour in CLASS_COLOURS:
        c = np.array(pg.mkColor(colour).getRgb()[:3], dtype=float)
        for level in range(LEVELS):
            tint = MAX_TINT * level / (LEVELS - 1)
            rows.append([*np.round(white + tint * (c - white)), 255])
    return np.array(rows, dtype=np.uint8)


def map_image(z: np.ndarray, table: np.ndarray) -> np.ndarray:
    """The map's RGBA pixels (ny, nx, 4) for the logits ``z``."""
    label, sure = predicted(z)
    shade = np.minimum((sure * LEVELS).astype(np.intp), LEVELS - 1)
    return table[label * LEVELS + shade]


def boundary_fields(z: np.ndarray) -> list[np.ndarray]:
    """Fields whose zero lines are the decision boundary: z itself for a logistic
    output; for softmax each class's logit less the largest other one."""
    if z.ndim == 2:
        return [z]
    if len(z) == 2:
        return [z[0] - z[1]]
    fields = []
    for c in range(len(z)):
        others = np.delete(z, c, axis=0)
        fields.append(z[c] - np.max(others, axis=0))
    return fields


def zero_lines(f: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the field ``f`` (ny, nx) at (xs[j], ys[i]) crosses 0: line segments as
    (x, y) arrays of their end points, two by two (marching squares).

    Only the cells whose corners differ in sign are looked at: a boundary
    crosses a few hundred of the grid's 16,000.
    """
    up = f > 0.0
    corner = up[:-1, :-1]
    mixed = (corner != up[:-1, 1:]) | (corner != up[1:, :-1]) | (corner != up[1:, 1:])
    i, j = np.nonzero(mixed)
    # the cell's corners: a bottom left, b bottom right, c top right, d top left
    a, b, c, d = f[i, j], f[i, j + 1], f[i + 1, j + 1], f[i + 1, j]
    ua, ub, uc, ud = up[i, j], up[i, j + 1], up[i + 1, j + 1], up[i + 1, j]
    x0, x1, y0, y1 = xs[j], xs[j + 1], ys[i], ys[i + 1]
    # its edges: bottom (a-b), right (b-c), top (d-c), left (a-d); where each is crossed
    flags = np.column_stack([ua != ub, ub != uc, ud != uc, ua != ud])

    def at(p, q, crossed):  # the fraction of the way from p to q where the field is 0
        return np.divide(p, p - q, out=np.zeros_like(p), where=crossed)

    px = np.column_stack(
        [x0 + (x1 - x0) * at(a, b, flags[:, 0]), x1, x0 + (x1 - x0) * at(d, c, flags[:, 2]), x0]
    )
    py = np.column_stack(
        [y0, y0 + (y1 - y0) * at(b, c, flags[:, 1]), y1, y0 + (y1 - y0) * at(a, d, flags[:, 3])]
    )
    count = flags.sum(axis=1)
    two = count == 2
    pairs = np.nonzero(flags[two])[1].reshape(-1, 2)
    sx = np.take_along_axis(px[two], pairs, axis=1)
    sy = np.take_along_axis(py[two], pairs, axis=1)
    four = count == 4
    if four.any():  # a saddle: the centre decides which corners the lines cut off
        centre = (a[four] + b[four] + c[four] + d[four]) > 0.0
        same = centre == ua[four]  # with the bottom-left corner: cut off the other two
        order = np.where(same[:, None], [[0, 1, 2, 3]], [[0, 3, 2, 1]])
        sx = np.concatenate([sx, np.take_along_axis(px[four], order, axis=1).reshape(-1, 2)])
        sy = np.concatenate([sy, np.take_along_axis(py[four], order, axis=1).reshape(-1, 2)])
    return sx.ravel(), sy.ravel()


def decision_boundary(z: np.ndarray, xs, ys) -> tuple[np.ndarray, np.ndarray]:
    """The decision boundary of the logits ``z`` on the grid, as segments (``zero_lines``)."""
    parts = [zero_lines(f, xs, ys) for f in boundary_fields(z)]
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def grid_points(lo: float, hi: float, n: int = GRID) -> np.ndarray:
    """The centres of ``n`` pixels across [lo, hi]."""
    return lo + (np.arange(n) + 0.5) * ((hi - lo) / n)


# ------------------------------------------------------------------ the panel
class _Map:
    """One run's map: its title, its numbers, the plot with image, boundary and points."""

    def __init__(self, panel, loss: str):
        scale = panel.scale
        self.loss = loss
        self.title = QLabel()
        self.title.setObjectName(f"map_title_{loss}")
        self.title.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
        self.title.setStyleSheet(f"color: {LOSS_COLOURS[loss]}")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.numbers = QLabel()
        self.numbers.setObjectName(f"map_numbers_{loss}")
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.title, self.numbers):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.plot = panel.make_plot(f"training_map_{loss}")
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.showGrid(x=False, y=False)
        item.layout.setContentsMargins(2, 2, 2, 2)
        view = item.getViewBox()
        view.setMouseEnabled(False, False)
        view.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image, ignoreBounds=True)
        self.boundary = pg.PlotCurveItem(
            pen=style.pen("#000000", 2.5, scale=scale), connect="pairs", skipFiniteCheck=True
        )
        self.boundary.setZValue(5)
        item.addItem(self.boundary, ignoreBounds=True)
        self.points = PointCloud(item, POINT_SIZE, scale)
        self.shown = None  # the parameters drawn


class TrainingMapsPanel(TrainingViewer, Panel):
    """What each run predicts over the plane: MSE on the left, cross-entropy on the right."""

    SIGNAL = "training_changed"

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self._table = colour_table()
        self._extent = None
        self.maps = {loss: _Map(self, loss) for loss in ORDER}
        for m in self.maps.values():
            m.plot.getPlotItem().getViewBox().sigRangeChanged.connect(self._view_changed)
        layout = QGridLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for column, loss in enumerate(ORDER):
            m = self.maps[loss]
            layout.addWidget(m.title, 0, column)
            layout.addWidget(m.numbers, 1, column)
            layout.addWidget(m.plot, 2, column)
            layout.setColumnStretch(column, 1)
        layout.setRowStretch(2, 1)
        self.retranslate()
        self.refresh()

    def minimumSizeHint(self):
        layout = self.layout()
        m = layout.contentsMargins()
        maps = list(self.maps.values())
        column = max(max(x.plot.minimumWidth(), x.title.width(), x.numbers.width()) for x in maps)
        width = 2 * column + layout.horizontalSpacing()
        height = (
            maps[0].title.height()
            + maps[0].numbers.height()
            + maps[0].plot.minimumHeight()
            + 2 * layout.verticalSpacing()
        )
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def sizeHint(self):
        return self.minimumSizeHint().expandedTo(QSize(560, 320))

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the same model trained on the same points from the same "
            "start, with MSE (left) and with cross-entropy (right). Each spot of the plane has "
            "the colour of the class the model predicts there: pale where it is unsure, strong "
            "where it is sure. The black line is the decision boundary.</p>"
            "<p><b>Try:</b> press Play from a confidently wrong start: the two maps begin as "
            "the same picture, wrong everywhere. Cross-entropy's map turns round within a few "
            "steps; MSE's gradient has all but vanished, and its map barely moves for hundreds "
            "of steps.</p>"
        )

    def retranslate(self):
        """Set the titles; fix the labels to their widest text."""
        names = {"mse": self.tr("MSE"), "ce": self.tr("Cross-entropy")}
        self._numbers_template = self.tr("step {0} · {1}% right")
        widest = self._numbers_template.format(MAX_STEPS, 100)
        for loss, m in self.maps.items():
            m.title.setText(names[loss])
            fix_size(m.title, names["mse"], names["ce"])
            fix_size(m.numbers, widest)
            m.shown = None
            hold_data_area(m.plot, MIN_MAP, MIN_MAP)

    # -------------------------------------------------------------- redraw
    def refresh(self):
        part = self.model.training
        extent = part.extent
        if extent != self._extent:
            self._extent = extent
            for m in self.maps.values():
                view = m.plot.getPlotItem().getViewBox()
                view.setRange(QRectF(-extent, -extent, 2 * extent, 2 * extent), padding=0)
        for loss, m in self.maps.items():
            run = part.run(loss)
            m.points.set_points(part.X, part.labels)
            accuracy = round(100 * float(run.curves[1, -1]))
            set_text(m.numbers, self._numbers_template.format(run.step, accuracy))
            self._draw_map(m, run.params)

    def _draw_map(self, m, params):
        """The map of ``params`` over what the view shows (the square, widened to its shape)."""
        rect = m.plot.getPlotItem().getViewBox().viewRect()
        key = (params, rect.getRect())
        if m.shown is not None and m.shown[0] is params and m.shown[1] == key[1]:
            return
        m.shown = key
        xs = grid_points(rect.left(), rect.right())
        ys = grid_points(rect.top(), rect.bottom())
        z = grid_logits(params, xs, ys)
        m.image.setImage(map_image(z, self._table), autoLevels=False, rect=rect)
        m.boundary.setData(*decision_boundary(z, xs, ys))

    def _view_changed(self, *_):
        """A new size or range: the maps cover what the views now show."""
        if not self.is_on_screen():
            self._stale = True
            return
        part = self.model.training
        for loss, m in self.maps.items():
            self._draw_map(m, part.run(loss).params)
