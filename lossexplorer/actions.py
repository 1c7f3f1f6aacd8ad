"""The window's actions, menus and toolbar, built from one table.

Each row of ``ACTIONS`` is one action (its text, shortcut, the window method
it triggers, its menu and section, its toolbar section) or one family of
actions, one per choice of a data table (lessons, presets, presentation
sizes, languages).  ``build`` makes them and sets them on the window (an
action as ``window.<key>_action``, a family as the dict
``window.<key>_actions``, a menu as ``window.<key>_menu``) and fills the menus
and the toolbar in the table's order, with a separator wherever the section
changes; ``retranslate`` sets every text.  The texts are translated in the
context "MainWindow" (a family's in its table's own context).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from lossexplorer import i18n, layouts, scenarios, story_player

STANDARD = QKeySequence.StandardKey
PRESENTATION_SCALES = (1.4, 1.6, 2.0)  # View → Presentation size


@dataclass(frozen=True)
class Action:
    """One action: ``window.<key>_action``."""

    key: str
    text: str  # QT_TRANSLATE_NOOP("MainWindow", ...)
    slot: str  # the window attribute it calls, e.g. "close" or "history.stack.undo"
    menu: str = ""  # a key of MENUS or SUBMENUS ("": in no menu)
    section: str = ""  # a menu puts a separator between two sections
    shortcut: str | QKeySequence.StandardKey | tuple | None = None  # a tuple: several
    toolbar: str = ""  # its section of TOOLBAR_SECTIONS ("": not on the toolbar)
    checkable: bool = False
    short: str = ""  # toolbar text and tooltip, without the menu's "&"
    tooltip: str = ""
    enabled_by: str = ""  # a window signal (bool) it follows; disabled until it says so


@dataclass(frozen=True)
class Choice:
    """One action of a ``Family``: the dict key, its text, and what the slot is given."""

    key: object
    text: str
    context: str | None = None  # translation context of ``text`` (None: shown as it is)
    shortcut: str | None = None
    section: str = ""
    arg: object = None  # given to the slot; None: the key
    checked: bool = False


@dataclass(frozen=True)
class Family:
    """Actions, one per choice: ``window.<key>_actions``, a dict by choice key."""

    key: str
    choices: Callable[..., Iterable[Choice]]  # of the window
    slot: str  # the window method called with the choice's arg
    menu: str
    section: str = ""
    toolbar: str = ""
    exclusive: bool = False  # checkable, one of them checked at a time


@dataclass(frozen=True)
class Submenu:
    """A menu inside a menu, at this row: ``window.<key>_menu``."""

    key: str
    text: str
    menu: str
    section: str = ""


@dataclass(frozen=True)
class DockToggles:
    """At this row: every dock's show/hide action (Qt's ``toggleViewAction``)."""

    menu: str
    section: str = ""


def _lessons(window):
    for n, (key, lesson) in enumerate(layouts.LESSONS.items(), start=1):
        yield Choice(key, lesson.title, "MainWindow", f"Ctrl+{n}")


def _presets(window):
    for preset in scenarios.PRESETS:
        # as scenarios.preset_state tells them apart: multi-class presets set probabilities
        section = "multiclass" if "probabilities" in preset.state else "binary"
        yield Choice(preset.key, preset.title, "Scenarios", preset.shortcut, section, preset)


def _scales(window):
    for scale in PRESENTATION_SCALES:
        yield Choice(scale, f"{scale:g}×", checked=scale == window.presentation_scale)


def _stories(window):
    for key, title in story_player.MENU_TITLES.items():
        yield Choice(key, title, "Stories")


def _languages(window):
    for lang, name in i18n.LANGUAGES.items():
        yield Choice(lang, name)  # each language in its own name


MENUS = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "scenario": QT_TRANSLATE_NOOP("MainWindow", "&Scenarios"),
    "story": QT_TRANSLATE_NOOP("MainWindow", "S&tory"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "language": QT_TRANSLATE_NOOP("MainWindow", "&Language"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}
TOOLBAR_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Lessons")
TOOLBAR_SECTIONS = ("lessons", "modes", "history")

ACTIONS = (
    Action("open", QT_TRANSLATE_NOOP("MainWindow", "&Open scenario…"), "files.ask_open_scenario",
           "file", "scenario", STANDARD.Open),
    Action("save", QT_TRANSLATE_NOOP("MainWindow", "&Save scenario…"), "files.ask_save_scenario",
           "file", "scenario", STANDARD.Save),
    Action("export_window", QT_TRANSLATE_NOOP("MainWindow", "Export window as &PNG…"),
           "files.ask_export_window", "file", "export", "Ctrl+E"),
    Action("copy_window", QT_TRANSLATE_NOOP("MainWindow", "&Copy window image"),
           "copy_window_image", "file", "export", "Ctrl+Shift+C"),
    Action("export_csv", QT_TRANSLATE_NOOP("MainWindow", "Export numbers as C&SV…"),
           "files.ask_export_csv", "file", "export", "Ctrl+Shift+E"),
    Action("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", "file", "quit",
           STANDARD.Quit),
    Action("undo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), "history.stack.undo", "edit",
           "history", STANDARD.Undo, "history", short=QT_TRANSLATE_NOOP("MainWindow", "Undo"),
           enabled_by="history.stack.canUndoChanged"),
    Action("redo", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), "history.stack.redo", "edit",
           "history", ("Ctrl+Shift+Z", "Ctrl+Y"), "history",
           short=QT_TRANSLATE_NOOP("MainWindow", "Redo"),
           enabled_by="history.stack.canRedoChanged"),
    Action("reset_model", QT_TRANSLATE_NOOP("MainWindow", "Reset to the seed example"),
           "model.reset", "edit", "reset"),
    Family("preset", _presets, "apply_preset", "scenario"),
    # A story's keys are taken by its event filter while it plays (whatever has the
    # focus), so these entries show them after a tab but register no shortcut: a
    # PageDown shortcut would take PageDown from every spin box, story or not.
    Family("story", _stories, "stories.start_builtin", "story", "builtin"),
    Action("story_next", QT_TRANSLATE_NOOP("MainWindow", "Next step\tPageDown, →, Space"),
           "stories.next", "story", "steps", enabled_by="stories.playing_changed"),
    Action("story_back", QT_TRANSLATE_NOOP("MainWindow", "Previous step\tPageUp, ←"),
           "stories.back", "story", "steps", enabled_by="stories.playing_changed"),
    Action("story_first", QT_TRANSLATE_NOOP("MainWindow", "First step\tHome"), "stories.first",
           "story", "steps", enabled_by="stories.playing_changed"),
    Action("story_last", QT_TRANSLATE_NOOP("MainWindow", "Last step\tEnd"), "stories.last",
           "story", "steps", enabled_by="stories.playing_changed"),
    Action("story_add", QT_TRANSLATE_NOOP("MainWindow", "Add the current state as a step"),
           "stories.add_step", "story", "authoring"),
    Action("story_edit", QT_TRANSLATE_NOOP("MainWindow", "Edit the story…"), "stories.edit",
           "story", "authoring", enabled_by="stories.story_changed"),
    Action("story_leave", QT_TRANSLATE_NOOP("MainWindow", "Leave the story\tEsc"),
           "stories.leave", "story", "leave", enabled_by="stories.playing_changed"),
    Family("lesson", _lessons, "arrange", "view", "lessons", "lessons", exclusive=True),
    DockToggles("view", "docks"),
    Action("reset_layout", QT_TRANSLATE_NOOP("MainWindow", "&Reset layout"), "reset_layout",
           "view", "layout"),
    Action("presentation", QT_TRANSLATE_NOOP("MainWindow", "Presentation mode"),
           "set_presentation", "view", "modes", "F5", "modes", checkable=True),
    Submenu("scale", QT_TRANSLATE_NOOP("MainWindow", "Presentation size"), "view", "modes"),
    Family("scale", _scales, "set_presentation_scale", "scale", exclusive=True),
    Action("hide_numbers", QT_TRANSLATE_NOOP("MainWindow", "Hide numbers (quiz)"),
           "set_numbers_hidden", "view", "modes", "Ctrl+H", "modes", checkable=True,
           tooltip=QT_TRANSLATE_NOOP(
               "MainWindow",
               "Hide every loss value so the class can predict it; press again to reveal.",
           )),
    Action("fullscreen", QT_TRANSLATE_NOOP("MainWindow", "Full screen"), "toggle_fullscreen",
           "view", "modes", "F11", checkable=True),
    Action("spotlight", QT_TRANSLATE_NOOP("MainWindow", "Spotlight this panel"),
           "stage.toggle_spotlight", "view", "stage", "F6",
           tooltip=QT_TRANSLATE_NOOP(
               "MainWindow",
               "One panel fills the window (or double-click its title); F6 or Esc brings the "
               "lesson back.",
           )),
    Action("pointer", QT_TRANSLATE_NOOP("MainWindow", "Ring round the pointer (presentation)"),
           "stage.set_pointer_highlight", "view", "stage", checkable=True),
    Action("blank", QT_TRANSLATE_NOOP("MainWindow", "Black screen"), "stage.blank_black",
           "view", "stage", ("B", ".")),
    Action("white", QT_TRANSLATE_NOOP("MainWindow", "White screen"), "stage.blank_white",
           "view", "stage", "W"),
    Action("leave", QT_TRANSLATE_NOOP("MainWindow", "Leave the spotlight or blank screen"),
           "stage.leave", "view", "stage", "Esc"),
    Family("language", _languages, "set_language", "language", exclusive=True),
    Action("about", QT_TRANSLATE_NOOP("MainWindow", "&About lossexplorer"), "show_about",
           "help"),
)  # fmt: skip


def _new_action(window, shortcut, checkable) -> QAction:
    action = QAction(window)
    action.setCheckable(checkable)
    if isinstance(shortcut, tuple):
        action.setShortcuts([QKeySequence(s) for s in shortcut])
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    window.addAction(action)  # shortcuts work even in full screen, menu bar hidden
    return action


class _Menus:
    """The menus being filled: a separator wherever a menu's section changes."""

    def __init__(self, window):
        self.window = window
        self.menus = {}
        self.sections = {}
        for key in MENUS:
            self.menus[key] = window.menuBar().addMenu("")
            setattr(window, f"{key}_menu", self.menus[key])

    def add(self, menu_key, section, action=None, submenu_key=None):
        menu = self.menus[menu_key]
        if menu_key in self.sections and self.sections[menu_key] != section:
            menu.addSeparator()
        self.sections[menu_key] = section
        if submenu_key is None:
            menu.addAction(action)
        else:
            self.menus[submenu_key] = menu.addMenu("")
            setattr(self.window, f"{submenu_key}_menu", self.menus[submenu_key])


def build(window) -> None:
    """Make the actions of ``ACTIONS`` on ``window``, fill its menus and its toolbar.

    The texts are set by ``retranslate`` (the untranslated choices here).
    """
    menus = _Menus(window)
    toolbar_actions = {section: [] for section in TOOLBAR_SECTIONS}
    for row in ACTIONS:
        if isinstance(row, Action):
            action = _new_action(window, row.shortcut, row.checkable)
            action.triggered.connect(attrgetter(row.slot)(window))
            if row.enabled_by:
                action.setEnabled(False)
                attrgetter(row.enabled_by)(window).connect(action.setEnabled)
            setattr(window, f"{row.key}_action", action)
            placed = [(row.menu, row.section, row.toolbar, action)]
        elif isinstance(row, Family):
            slot = attrgetter(row.slot)(window)
            group = QActionGroup(window) if row.exclusive else None
            family = {}
            placed = []
            for choice in row.choices(window):
                action = _new_action(window, choice.shortcut, row.exclusive)
                arg = choice.key if choice.arg is None else choice.arg
                action.triggered.connect(lambda checked=False, s=slot, a=arg: s(a))
                if choice.context is None:
                    action.setText(choice.text)
                if group is not None:
                    group.addAction(action)
                    action.setChecked(choice.checked)
                family[choice.key] = action
                placed.append((row.menu, choice.section or row.section, row.toolbar, action))
            setattr(window, f"{row.key}_actions", family)
        elif isinstance(row, Submenu):
            menus.add(row.menu, row.section, submenu_key=row.key)
            placed = []
        else:  # DockToggles
            docks = window.docks.values()
            placed = [(row.menu, row.section, "", dock.toggleViewAction()) for dock in docks]
        for menu, section, toolbar, action in placed:
            if menu:
                menus.add(menu, section, action)
            if toolbar:
                toolbar_actions[toolbar].append(action)
    window.toolbar = window.addToolBar("")
    window.toolbar.setObjectName("lesson_toolbar")
    for n, section in enumerate(TOOLBAR_SECTIONS):
        if n:
            window.toolbar.addSeparator()
        for action in toolbar_actions[section]:
            window.toolbar.addAction(action)


def retranslate(window) -> None:
    """Set the texts of the menus, the toolbar and every action in the current language."""

    def tr(text, context="MainWindow"):
        return QCoreApplication.translate(context, text)

    for key, title in MENUS.items():
        getattr(window, f"{key}_menu").setTitle(tr(title))
    window.toolbar.setWindowTitle(tr(TOOLBAR_TITLE))
    for row in ACTIONS:
        if isinstance(row, Action):
            action = getattr(window, f"{row.key}_action")
            action.setText(tr(row.text))
            if row.short:  # the toolbar shows it without the "(&U)" of a Chinese menu entry
                action.setIconText(tr(row.short))
                action.setToolTip(tr(row.short))
            if row.tooltip:
                action.setToolTip(tr(row.tooltip))
        elif isinstance(row, Family):
            family = getattr(window, f"{row.key}_actions")
            for choice in row.choices(window):
                if choice.context is not None:
                    family[choice.key].setText(tr(choice.text, choice.context))
        elif isinstance(row, Submenu):
            getattr(window, f"{row.key}_menu").setTitle(tr(row.text))
