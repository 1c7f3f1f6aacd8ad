"""The training lesson's data: points in the class colours, edited with the mouse.

A click on an empty spot adds a point of the chosen class; a click on a
point selects it and Delete (or the button) removes it; a drag moves it (one
undo step).  The presets and a CSV file (``x1,x2,label``) replace the data.
Every edit goes to the model, which starts both runs again.
"""

# X: the name for the points (n x 2), kept as in lossexplorer.training
# ruff: noqa: N806

from __future__ import annotations

import csv
import io
import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QLabel,
    QLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
)

from lossexplorer import atomic, style
from lossexplorer.fitting import FlowLayout
from lossexplorer.panels.base import Panel, set_text
from lossexplorer.parts.training import CLASSES, COORD_LIMIT, MAX_POINTS, PRESETS
from lossexplorer.training_clock import TrainingViewer
from lossexplorer.training_look import (
    PointCloud,
    class_icon,
    class_name,
    fix_left_axis,
    hold_data_area,
    set_view_option,
    tick_step,
    view_option,
)

NEW_CLASS = "training_class"  # a display view option: the class a click adds
HIT = 10  # a click this close to a point (logical pixels, times the scale) picks it
POINT_SIZE = 10
MIN_DATA = (150, 120)
MAX_CSV_BYTES = 1024 * 1024
PRESET_TITLES = {
    "separable blobs": QT_TRANSLATE_NOOP("TrainingDataPanel", "Two separable blobs"),
    "overlapping blobs": QT_TRANSLATE_NOOP("TrainingDataPanel", "Two overlapping blobs"),
    "flipped labels": QT_TRANSLATE_NOOP("TrainingDataPanel", "Two blobs, 10% of labels flipped"),
    "three blobs": QT_TRANSLATE_NOOP("TrainingDataPanel", "Three blobs (cat / dog / bird)"),
    "two moons": QT_TRANSLATE_NOOP("TrainingDataPanel", "Two moons"),
    "xor": QT_TRANSLATE_NOOP("TrainingDataPanel", "XOR"),
}
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_WHOLE = re.compile(r"[+-]?\d+")


# ------------------------------------------------------------------ CSV files
class CsvError(ValueError):
    """A points file that cannot be used, with a message for the teacher."""


def _refuse(message: str, *args):
    """Raise a CsvError: ``message`` (marked with QT_TRANSLATE_NOOP) translated."""
    raise CsvError(QCoreApplication.translate("TrainingDataPanel", message).format(*args))


def _quoted(text: str, limit: int = 24) -> str:
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_points_csv(path) -> tuple[np.ndarray, np.ndarray]:
    """Points and labels from a CSV file of ``x1,x2,label`` rows (``parse_points_csv``).

    Raises ``CsvError`` with a readable message: a folder, a pipe, a file too
    large or not text, or the first bad line, named by its number.
    """
    try:
        raw = atomic.read_regular_file(path, MAX_CSV_BYTES + 1)
    except OSError as e:
        _refuse(
            QT_TRANSLATE_NOOP("TrainingDataPanel", "The file could not be read: {0}."),
            e.strerror or e,
        )
    if raw is None:
        _refuse(
            QT_TRANSLATE_NOOP(
                "TrainingDataPanel", "This is not a file (a folder, a pipe or a device)."
            )
        )
    if len(raw) > MAX_CSV_BYTES:
        _refuse(
            QT_TRANSLATE_NOOP(
                "TrainingDataPanel",
                "The file is too large (more than 1 MB) to hold at most {0} points.",
            ),
            MAX_POINTS,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        _refuse(
            QT_TRANSLATE_NOOP(
                "TrainingDataPanel", "The file is not text (UTF-8): it cannot be a CSV of points."
            )
        )
    return parse_points_csv(text)


def parse_points_csv(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Points X (n × 2) and labels (n,) from CSV text: one ``x1,x2,label`` row a line.

    Blank lines are skipped; a first row of three words (``x1,x2,label``) is a
    header.  Coordinates are decimal numbers within ±1000, labels 0 (cat),
    1 (dog) or 2 (bird).  Anything else raises ``CsvError`` naming the line.
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    rows = []
    header_allowed = True
    try:
        for fields in reader:
            line = reader.line_num
            values = [f.strip() for f in fields]
            if not any(values):
                continue
            if len(values) != 3:
                _refuse(
                    QT_TRANSLATE_NOOP(
                        "TrainingDataPanel",
                        "Line {0}: expected three values (x1,x2,label), found {1}.",
                    ),
                    line,
                    len(values),
                )
            if header_allowed and not any(_NUMBER.fullmatch(_minus(v)) for v in values):
                header_allowed = False
                continue
            header_allowed = False
            rows.append(
                (
                    _coordinate(values[0], line),
                    _coordinate(values[1], line),
                    _label(values[2], line),
                )
            )
            if len(rows) > MAX_POINTS:
                _refuse(
                    QT_TRANSLATE_NOOP("TrainingDataPanel", "The file holds more than {0} points."),
                    MAX_POINTS,
                )
    except csv.Error:
        _refuse(
            QT_TRANSLATE_NOOP("TrainingDataPanel", "Line {0}: the line cannot be read as CSV."),
            reader.line_num,
        )
    if not rows:
        _refuse(QT_TRANSLATE_NOOP("TrainingDataPanel", "The file holds no points."))
    X = np.array([(x1, x2) for x1, x2, _ in rows], dtype=np.float64)
    return X, np.array([label for _, _, label in rows], dtype=np.int64)


def _minus(text: str) -> str:
    return text.replace("−", "-")


def _coordinate(text: str, line: int) -> float:
    if not _NUMBER.fullmatch(_minus(text)):
        _refuse(
            QT_TRANSLATE_NOOP("TrainingDataPanel", "Line {0}: {1} is not a number."),
            line,
            _quoted(text),
        )
    value = float(_minus(text))
    if not abs(value) <= COORD_LIMIT:  # also 1e999, which float() makes infinite
        _refuse(
            QT_TRANSLATE_NOOP(
                "TrainingDataPanel",
                "Line {0}: a coordinate must lie between −{1:g} and {1:g}, not {2}.",
            ),
            line,
            COORD_LIMIT,
            _quoted(text),
        )
    return value + 0.0


def _label(text: str, line: int) -> int:
    if not _WHOLE.fullmatch(_minus(text)) or not 0 <= int(_minus(text)) < CLASSES:
        _refuse(
            QT_TRANSLATE_NOOP(
                "TrainingDataPanel",
                "Line {0}: the label must be 0 (cat), 1 (dog) or 2 (bird), not {1}.",
            ),
            line,
            _quoted(text),
        )
    return int(_minus(text))


# ------------------------------------------------------------------ the plot
class _DataView(pg.ViewBox):
    """The data plot's view: a click or a drag edits the points instead of panning."""

    def __init__(self):
        super().__init__(enableMenu=False)
        self.setMouseEnabled(False, False)
        self.on_click = None  # callable(x, y)
        self.on_drag = None  # callable(event)

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton and self.on_click is not None:
            ev.accept()
            pos = self.mapSceneToView(ev.scenePos())
            self.on_click(pos.x(), pos.y())
        else:
            ev.ignore()

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() == Qt.MouseButton.LeftButton and self.on_drag is not None:
            ev.accept()  # never a pan, even from an empty spot
            self.on_drag(ev)
        else:
            ev.ignore()

    def wheelEvent(self, ev, axis=None):
        ev.ignore()


class TrainingDataPanel(TrainingViewer, Panel):
    """The points both runs learn from, to add, drag and delete; presets and CSV files."""

    SIGNAL = "training_changed"
    FOLLOWS_PROGRESS = False  # the points do not move as the runs go on

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        self.setFont(style.font(scale=self.scale))
        self.selected = None  # the index of the selected point
        self.last_error = ""
        self._drag_index = None
        self._editing = False  # our own edit: the selection follows it
        self._points_seen = None
        self._range_shown = None
        self._ticks = None
        self._new_class = 0  # where the display has no view option for it
        self._error_box = None
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self):
        scale = self.scale
        self.class_group = QButtonGroup(self)
        self.class_buttons = []
        for label in range(CLASSES):
            button = QToolButton()
            button.setObjectName(f"class_{label}")
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIcon(class_icon(label, round(14 * scale)))
            button.setIconSize(QSize(round(14 * scale), round(14 * scale)))
            self.class_group.addButton(button, label)
            self.class_buttons.append(button)
        self.class_group.idClicked.connect(self._choose_class)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete_point")
        self.delete_button.clicked.connect(self.delete_selected)
        self.presets_button = QPushButton()
        self.presets_button.setObjectName("presets")
        self.presets_menu = QMenu(self)
        self.preset_actions = {}
        for name in PRESETS:
            action = self.presets_menu.addAction("")
            action.triggered.connect(lambda _=False, n=name: self.model.set_training_preset(n))
            self.preset_actions[name] = action
        self.presets_button.setMenu(self.presets_menu)
        self.load_button = QPushButton()
        self.load_button.setObjectName("load_csv")
        self.load_button.clicked.connect(self.ask_load_csv)
        self.count_label = QLabel()
        self.count_label.setObjectName("point_count")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tools = FlowLayout()
        for widget in (
            *self.class_buttons,
            self.delete_button,
            self.presets_button,
            self.load_button,
            self.count_label,
        ):
            self.tools.addWidget(widget)

        self.view = _DataView()
        self.view.on_click = self._click
        self.view.on_drag = self._drag
        self.plot = self.make_plot("training_data_plot", view_box=self.view)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAspectLocked(True)
        self.view.sigResized.connect(self._fit_range)
        self.points = PointCloud(self.plot.getPlotItem(), POINT_SIZE, scale)
        self.selection = self.add_marker(self.view, "#000000", 2 * POINT_SIZE)
        self.selection.setBrush(pg.mkBrush(None))
        self.selection.setPen(style.pen("#000000", 2.5, scale=scale))
        self.selection.setZValue(11)
        self.selection.hide()

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addLayout(self.tools)
        layout.addWidget(self.plot, 1)

    def minimumSizeHint(self):
        """The plot's minimum under the tools, wide enough for the tools to take two rows."""
        layout = self.layout()
        m = layout.contentsMargins()
        width = max(self.plot.minimumWidth(), self.tools.minimumSize().width())
        two_rows = 2 * self.tools.minimumSize().height() + self.tools.spacing()
        widest = self.tools.sizeHint().width()
        while width < widest and self.tools.heightForWidth(width) > two_rows:
            width += 8
        height = self.tools.heightForWidth(width) + layout.spacing() + self.plot.minimumHeight()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def sizeHint(self):
        return self.minimumSizeHint().expandedTo(QSize(420, 360))

    # ------------------------------------------------------------- strings
    def help_text(self):
        """What the panel shows and what to try."""
        return self.tr(
            "<p><b>What you see:</b> the points both runs learn from, in the class colours "
            "(cat, dog, bird). Both runs, MSE and cross-entropy, start again whenever the "
            "data change.</p>"
            "<p><b>Try:</b> choose a class and click an empty spot to add a point; drag a point "
            "to move it; click a point and press Delete to remove it. <b>Presets</b> gives "
            "ready-made data (two moons and XOR need the hidden layer); <b>Load CSV</b> reads a "
            "file of x1,x2,label rows (labels 0 cat, 1 dog, 2 bird). Ctrl+Z undoes an edit.</p>"
        )

    def retranslate(self):
        """Set every string; fit the plot's minimum to the axis titles."""
        for label, button in enumerate(self.class_buttons):
            button.setText(class_name(label))
            button.setToolTip(self.tr("Clicks add a point of this class"))
        self.delete_button.setText(self.tr("Delete point"))
        self.delete_button.setToolTip(self.tr("Delete the selected point (Delete key)"))
        self.presets_button.setText(self.tr("Presets"))
        for name, action in self.preset_actions.items():
            action.setText(QCoreApplication.translate("TrainingDataPanel", PRESET_TITLES[name]))
        self.load_button.setText(self.tr("Load CSV…"))
        self.load_button.setToolTip(self.tr("Read points from a file of x1,x2,label rows"))
        style.label_axes(self.plot, "x₁", "x₂", scale=self.scale)
        self._count_template = self.tr("{0} points")
        axis = self.plot.getPlotItem().getAxis("left")
        metrics = QFontMetricsF(axis.style["tickFont"])
        # room beyond the data area's top and right for the end tick labels
        item = self.plot.getPlotItem()
        left, _top, _right, bottom = item.layout.getContentsMargins()
        top = math.ceil(metrics.height() / 2) + 2
        right = math.ceil(metrics.horizontalAdvance("−1000") / 2) + 2
        item.layout.setContentsMargins(left, top, right, bottom)
        fix_left_axis(self.plot, ("−1000", "−4"))
        hold_data_area(self.plot, *MIN_DATA)
        self.tools.invalidate()

    # -------------------------------------------------------------- redraw
    def refresh(self):
        part = self.model.training
        X, t = part.X, part.labels
        key = X.tobytes() + t.tobytes()
        if key != self._points_seen:
            if self._points_seen is not None and not self._editing:
                self.selected = None  # replaced from elsewhere (a preset, undo): not ours
            self._points_seen = key
        if self.selected is not None and self.selected >= len(X):
            self.selected = None
        self.points.set_points(X, t)
        if self._drag_index is None:  # the view stays still while a point is dragged
            self._fit_range()
        self.selection.setVisible(self.selected is not None)
        if self.selected is not None:
            self.selection.setPos(*X[self.selected])
        self.delete_button.setEnabled(self.selected is not None and len(X) > 1)
        chosen = self.new_class
        if self.class_group.checkedId() != chosen:
            self.class_buttons[chosen].setChecked(True)
        set_text(self.count_label, self._count_template.format(len(X)))

    def _fit_range(self, *_):
        """Show the lesson's square, with room round it for the end tick labels.

        The axes centre a label on its tick: without the room, −4 on the x axis
        and −4 on the y axis meet in the corner.
        """
        extent = self.model.training.extent
        view = self.view
        side = min(view.width(), view.height())
        if side <= 0:
            return
        metrics = QFontMetricsF(self.plot.getPlotItem().getAxis("left").style["tickFont"])
        pad = (0.6 * metrics.height() + 2) * 2 * extent / side
        key = (extent, pad)
        if key != self._range_shown:
            self._range_shown = key
            half = extent + pad
            view.setRange(xRange=(-half, half), yRange=(-half, half), padding=0)
        self._fit_ticks(metrics)

    def _fit_ticks(self, metrics):
        """Ticks spaced for the plot's size: labels never run together."""
        (x0, x1), (y0, y1) = self.view.viewRange()
        item = self.plot.getPlotItem()
        widest = metrics.horizontalAdvance("−" + "8" * len(str(int(max(abs(x0), abs(x1))))))
        x_step = tick_step(x1 - x0, self.view.width(), widest)
        y_step = tick_step(y1 - y0, self.view.height(), metrics.height() * 0.8)
        step = max(x_step, y_step)  # one grid for both axes: the plot is to scale
        # Ticks only within the lesson's square: the range's padding beyond it
        # is the room for the end labels, which a tick out there would take.
        extent = self.model.training.extent
        first, last = math.ceil(-extent / step - 1e-9), math.floor(extent / step + 1e-9)
        values = [k * step for k in range(first, last + 1)]
        if self._ticks != (step, extent):
            self._ticks = (step, extent)
            for name in ("bottom", "left"):
                axis = item.getAxis(name)
                axis.setTicks([list(zip(values, axis.tickStrings(values, 1.0, step), strict=True))])

    # --------------------------------------------------------------- input
    @property
    def new_class(self) -> int:
        """The class a click adds: 0 cat, 1 dog, 2 bird."""
        return view_option(self.model, NEW_CLASS, self._new_class)

    def _choose_class(self, label: int):
        if not set_view_option(self.model, NEW_CLASS, label):
            self._new_class = label
            self.refresh()

    def point_at(self, x: float, y: float):
        """The index of the point drawn under (x, y) (data units), or None."""
        X = self.model.training.X
        width, height = self.view.viewPixelSize()  # data units per pixel
        if not (width > 0 and height > 0):
            return None
        d2 = ((X[:, 0] - x) / width) ** 2 + ((X[:, 1] - y) / height) ** 2
        i = int(np.argmin(d2))
        return i if d2[i] <= (HIT * self.scale) ** 2 else None

    def _click(self, x: float, y: float):
        hit = self.point_at(x, y)
        if hit is not None:
            self.selected = hit
            self.refresh()
            return
        x, y = self._clamp(x, y)
        try:
            self._edit(self.model.add_training_point, x, y, self.new_class)
        except ValueError as e:  # at most MAX_POINTS
            self._report(self.tr("Could not add the point"), str(e))
            return
        self.selected = len(self.model.training.X) - 1
        self.refresh()

    def _drag(self, ev):
        if ev.isStart():
            start = self.view.mapSceneToView(ev.buttonDownScenePos())
            self._drag_index = self.point_at(start.x(), start.y())
            if self._drag_index is None:
                return
            self.selected = self._drag_index
            self.model.begin_gesture()
        if self._drag_index is None:
            return
        try:
            pos = self.view.mapSceneToView(ev.scenePos())
            x, y = self._clamp(pos.x(), pos.y())
            self._edit(self.model.move_training_point, self._drag_index, x, y)
        finally:
            if ev.isFinish():
                self._end_drag()

    def _end_drag(self):
        if self._drag_index is not None:
            self._drag_index = None
            self.model.end_gesture()
            self.refresh()  # the view follows the points again

    def _clamp(self, x: float, y: float) -> tuple[float, float]:
        """(x, y) moved inside what the plot shows (a point never leaves the view)."""
        (x0, x1), (y0, y1) = self.view.viewRange()
        mx, my = 0.01 * (x1 - x0), 0.01 * (y1 - y0)
        x = min(max(x, x0 + mx, -COORD_LIMIT), x1 - mx, COORD_LIMIT)
        y = min(max(y, y0 + my, -COORD_LIMIT), y1 - my, COORD_LIMIT)
        return float(x), float(y)

    def _edit(self, setter, *args):
        self._editing = True
        try:
            setter(*args)
        finally:
            self._editing = False

    def delete_selected(self):
        """Delete the selected point (the last one stays)."""
        if self.selected is None or len(self.model.training.X) <= 1:
            return
        i, self.selected = self.selected, None
        self._edit(self.model.delete_training_point, i)
        self.refresh()

    def ask_load_csv(self):
        """Ask for a CSV file of points and load it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Load points"),
            "",
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path) -> bool:
        """Replace the data by a CSV file's points; on any problem say why and change nothing."""
        try:
            X, labels = read_points_csv(path)
            self.model.set_training_points(X, labels)
        except (ValueError, OSError) as e:
            self._report(self.tr("Could not load the points"), str(e))
            return False
        return True

    def _report(self, title: str, message: str):
        """Say what went wrong (file text in it is shown as plain text), without blocking."""
        self.last_error = message
        if self._error_box is None:
            self._error_box = QMessageBox(self)
            self._error_box.setIcon(QMessageBox.Icon.Warning)
            self._error_box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self._error_box.setTextFormat(Qt.TextFormat.PlainText)
        self._error_box.setWindowTitle(title)
        self._error_box.setText(message)
        self._error_box.open()

    def keyPressEvent(self, event):
        # Delete or Backspace, on the plot (which takes the focus on a click) or the panel
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None:
            event.accept()
            self.delete_selected()
        else:
            super().keyPressEvent(event)

    def hideEvent(self, event):
        self._end_drag()  # a plot hidden mid-drag never sees the release
        super().hideEvent(event)
