"""The saved window layout (lesson, geometry, dock arrangement), checked before Qt reads it.

Qt trusts the bytes of ``QMainWindow.saveState``: one damaged byte (a dock-area
index outside 0..3) makes ``restoreState`` index past an array and the app dies
before any window shows.  So the layout is saved with a SHA-256 digest of all
its parts, and restored only when the digest matches *and* the bytes parse,
field by field, as the format Qt writes (``check_state``, ``check_geometry``):
the digest catches damage, the parse catches a hand-edited file whose digest
was recomputed.  Anything else, including a layout saved without a digest by
an older version, is not restored: the window keeps its default layout.
"""

from __future__ import annotations

import hashlib
import hmac
import struct

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QToolBar

from lossexplorer import layouts, panels


def layout_version() -> int:
    """A number that changes whenever the registered docks or their places change.

    A layout saved by a version with other docks is then not restored onto
    docks it does not describe.  A stable hash of the registry (not
    Python's ``hash``, which differs between runs), small enough for Qt's int.
    """
    h = hashlib.sha256(b"lossexplorer docks\0")
    for spec in panels.PANELS:
        place = spec.place
        h.update(f"{spec.key}\0{place.lesson}\0{place.column}\0{place.row}\n".encode())
    return int.from_bytes(h.digest()[:4], "big") & 0x3FFF_FFFF


LAYOUT_VERSION = layout_version()  # of the panels registered when the app starts

LESSON_KEY = "window/lesson"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
DIGEST_KEY = "window/digest"
LAYOUT_KEYS = (LESSON_KEY, GEOMETRY_KEY, STATE_KEY, DIGEST_KEY)
# every key the app writes; any other key in the file counts as damage
KNOWN_SETTINGS = frozenset({*LAYOUT_KEYS, "language", "files/folder"})

NOTHING_SAVED = ""
RESTORED = "restored"
DAMAGED = "damaged"


def digest(lesson: str, geometry: bytes, state: bytes) -> str:
    """SHA-256 (hex) over the layout version and the three saved parts."""
    h = hashlib.sha256(b"lossexplorer window layout\0")
    for part in (str(LAYOUT_VERSION).encode(), lesson.encode("utf-8"), geometry, state):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def save_layout(window, settings: QSettings) -> None:
    """Save the window's lesson, geometry and dock state, with their digest."""
    for key in set(settings.allKeys()) - KNOWN_SETTINGS:
        settings.remove(key)  # damage read at start is not kept
    geometry = window.saveGeometry()
    state = window.saveState(LAYOUT_VERSION)
    settings.setValue(LESSON_KEY, window.lesson)
    settings.setValue(GEOMETRY_KEY, geometry)
    settings.setValue(STATE_KEY, state)
    settings.setValue(DIGEST_KEY, digest(window.lesson, bytes(geometry), bytes(state)))
    settings.sync()


def restore_layout(window, settings: QSettings) -> str:
    """Give ``window`` its saved layout if the saved one can be trusted.

    Returns ``RESTORED``; ``NOTHING_SAVED`` when there is no saved layout; or
    ``DAMAGED`` when one is there but cannot be used (then the caller puts the
    default layout back, as Qt may have applied part of it).
    """
    values = {key: settings.value(key) for key in LAYOUT_KEYS}
    foreign = set(settings.allKeys()) - KNOWN_SETTINGS
    if settings.status() != QSettings.Status.NoError or foreign:
        return DAMAGED
    if all(value is None for value in values.values()):
        return NOTHING_SAVED
    lesson, geometry, state, saved_digest = values.values()
    if not (
        isinstance(lesson, str)
        and lesson in layouts.LESSONS
        and isinstance(geometry, QByteArray)
        and isinstance(state, QByteArray)
        and isinstance(saved_digest, str)
    ):
        return DAMAGED
    geometry, state = bytes(geometry), bytes(state)
    expected = digest(lesson, geometry, state)
    if not hmac.compare_digest(saved_digest.encode("ascii", "replace"), expected.encode()):
        return DAMAGED
    docks = {d.objectName() for d in window.findChildren(QDockWidget)}
    toolbars = {t.objectName() for t in window.findChildren(QToolBar)}
    if not (check_geometry(geometry) and check_state(state, docks, toolbars)):
        return DAMAGED
    window.arrange(lesson)
    if not window.restoreGeometry(QByteArray(geometry)):
        return DAMAGED
    keep_on_screen(window)  # saved on a bigger monitor: shrunk to this one
    if not window.restoreState(QByteArray(state), LAYOUT_VERSION):
        return DAMAGED
    return RESTORED


FRAME = (16, 40)  # room for the window manager's frame and title bar, in pixels


def keep_on_screen(window) -> None:
    """Shrink and move ``window`` (not maximised) so that it lies on the screen it opens on."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = (
        QGuiApplication.screenAt(window.geometry().center())
        or window.screen()
        or QGuiApplication.primaryScreen()
    )
    if screen is None:
        return
    room = screen.availableGeometry()
    width = max(1, min(window.width(), room.width() - FRAME[0]))
    height = max(1, min(window.height(), room.height() - FRAME[1]))
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), room.left()), room.right() + 1 - width - FRAME[0])
    y = min(max(window.y(), room.top()), room.bottom() + 1 - height - FRAME[1])
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, room.left()), max(y, room.top()))


# ------------------------------------------------------------------ Qt's formats
# The markers of QMainWindow::saveState and of its dock and toolbar layouts
# (qmainwindow.cpp, qmainwindowlayout.cpp, qdockarealayout.cpp, qtoolbararealayout.cpp).
VERSION_MARKER = 0xFF
DOCK_STATE_MARKER = 0xFD
FLOATING_TABS_MARKER = 0xF9
TOOLBAR_STATE_MARKER_EX = 0xFC
SEQUENCE_MARKER = 0xFC
TAB_MARKER = 0xFA
WIDGET_MARKER = 0xFB
DOCK_AREAS = 4  # QInternal::DockCount: left, right, top, bottom
CORNER_AREAS = {1, 2, 4, 8}  # Qt::DockWidgetArea of each corner
WIDGET_SIZE_MAX = 16_777_215  # QWIDGETSIZE_MAX: no coordinate or size Qt saves is larger
MAX_DEPTH = 32
MAX_ITEMS = 64
MAX_NAME_BYTES = 512
GEOMETRY_MAGIC = 0x01D9D0CB


class _MalformedError(Exception):
    """The bytes are not what Qt writes."""


class _Reader:
    """Big-endian reads from bytes, as QDataStream (Qt_5_0 and later) writes them."""

    def __init__(self, data: bytes):
        self.data = data
        self.at = 0

    def _take(self, fmt: str):
        size = struct.calcsize(fmt)
        if self.at + size > len(self.data):
            raise _MalformedError("ends too early")
        (value,) = struct.unpack_from(fmt, self.data, self.at)
        self.at += size
        return value

    def u8(self) -> int:
        return self._take(">B")

    def u16(self) -> int:
        return self._take(">H")

    def u32(self) -> int:
        return self._take(">I")

    def i32(self, low: int = -WIDGET_SIZE_MAX, high: int = WIDGET_SIZE_MAX) -> int:
        value = self._take(">i")
        if not low <= value <= high:
            raise _MalformedError(f"{value} is outside {low}..{high}")
        return value

    def string(self) -> str:
        size = self.u32()
        if size == 0xFFFFFFFF or size % 2 or size > MAX_NAME_BYTES:
            raise _MalformedError("not a name")
        if self.at + size > len(self.data):
            raise _MalformedError("ends too early")
        raw = self.data[self.at : self.at + size]
        self.at += size
        try:
            return raw.decode("utf-16-be")
        except UnicodeDecodeError:
            raise _MalformedError("not a name") from None

    def expect(self, allowed, value: int):
        if value not in allowed:
            raise _MalformedError(f"unexpected {value}")
        return value

    def done(self) -> bool:
        return self.at == len(self.data)


def check_state(data: bytes, docks, toolbars, version: int = LAYOUT_VERSION) -> bool:
    """True when ``data`` is a ``QMainWindow.saveState(version)`` Qt can safely read.

    Every field must be one Qt writes: dock areas 0..3, each at most once,
    known markers, names of this window's docks and toolbars, sizes within
    Qt's limits, and nothing after the end.
    """
    try:
        _parse_state(_Reader(bytes(data)), set(docks), set(toolbars), version)
    except _MalformedError:
        return False
    return True


def _parse_state(r: _Reader, docks, toolbars, version):
    r.expect({VERSION_MARKER}, r.u32())
    r.expect({version}, r.u32())
    seen = set()
    while not r.done():
        sections = {DOCK_STATE_MARKER, FLOATING_TABS_MARKER, TOOLBAR_STATE_MARKER_EX}
        marker = r.expect(sections, r.u8())
        if marker in seen and marker != FLOATING_TABS_MARKER:
            raise _MalformedError("a section twice")
        seen.add(marker)
        if marker == DOCK_STATE_MARKER:
            _parse_dock_areas(r, docks)
        elif marker == FLOATING_TABS_MARKER:
            for _ in range(4):  # QRect
                r.i32()
            _parse_dock_info(r, docks, depth=0)
        else:
            _parse_toolbars(r, toolbars)


def _parse_dock_areas(r: _Reader, docks):
    areas = set()
    for _ in range(r.i32(0, DOCK_AREAS)):
        area = r.i32(0, DOCK_AREAS - 1)
        if area in areas:
            raise _MalformedError("a dock area twice")
        areas.add(area)
        r.i32(-1), r.i32(-1)  # QSize
        _parse_dock_info(r, docks, depth=0)
    r.i32(-1), r.i32(-1)  # the central widget's QSize
    for _ in range(4):
        r.expect(CORNER_AREAS, r.i32())


def _parse_dock_info(r: _Reader, docks, depth: int):
    if depth > MAX_DEPTH:
        raise _MalformedError("nested too deeply")
    marker = r.expect({SEQUENCE_MARKER, TAB_MARKER}, r.u8())
    current_tab = r.i32(-1, MAX_ITEMS) if marker == TAB_MARKER else -1
    r.expect({1, 2}, r.u8())  # Qt::Horizontal, Qt::Vertical
    count = r.i32(0, MAX_ITEMS)
    if current_tab >= count:
        raise _MalformedError("no such tab")
    for _ in range(count):
        kind = r.expect({WIDGET_MARKER, SEQUENCE_MARKER}, r.u8())
        if kind == WIDGET_MARKER:
            if r.string() not in docks:
                raise _MalformedError("not one of this window's docks")
            flags = r.expect(range(16), r.u8())  # 1: visible, 2: floating (8: closed, Qt 6)
            r.i32(), r.i32()  # x, y of a floating dock, else pos and size
            if flags & 2:
                r.i32(0), r.i32(0)  # width, height
            else:
                r.u32(), r.u32()  # minimum, maximum: ignored by Qt
        else:
            r.i32(), r.i32()  # pos, size
            r.u32(), r.u32()  # minimum, maximum: ignored by Qt (and may pass QWIDGETSIZE_MAX)
            _parse_dock_info(r, docks, depth + 1)


def _parse_toolbars(r: _Reader, toolbars):
    for _ in range(r.i32(0, MAX_ITEMS)):
        r.i32(0, DOCK_AREAS - 1)
        for _ in range(r.i32(0, MAX_ITEMS)):
            if r.string() not in toolbars:
                raise _MalformedError("not one of this window's toolbars")
            r.expect({0, 1, 2, 3}, r.u8())  # shown, vertical
            r.i32(), r.i32()  # pos, preferred size
            r.u32(), r.u32()  # floating geometry, packed


def check_geometry(data: bytes) -> bool:
    """True when ``data`` is a ``QWidget.saveGeometry`` (format 1 to 3) with sane numbers."""
    r = _Reader(bytes(data))
    try:
        r.expect({GEOMETRY_MAGIC}, r.u32())
        major = r.expect({1, 2, 3}, r.u16())
        r.u16()
        rects = 2
        for _ in range(4 * rects):  # frame and normal geometry
            r.i32()
        r.i32(-1, 255)  # screen number
        r.expect({0, 1, 2}, r.u8())  # maximized
        r.expect({0, 1, 4}, r.u8())  # full screen
        if major >= 2:
            r.i32(0)  # the screen's width
        if major >= 3:
            for _ in range(4):  # geometry
                r.i32()
        return r.done()
    except _MalformedError:
        return False
