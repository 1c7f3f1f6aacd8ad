"""Two languages (issue 5): every string in Chinese, switching at run time, Qt's own
dialogs, the remembered choice, and the bundled CJK font.

The English-detector looks at every user-visible string of a Chinese window:
widgets, menus, tool tips, dock titles, plot axes, legends and text items,
and the panels' explanations; a word of two or more ASCII letters must be one
of ``ALLOWED`` (names, formulas and code that are the same in every language).
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFontMetrics, QRawFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFileSystemModel,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QWidget,
)

from lossexplorer import app as app_module
from lossexplorer import i18n, layouts
from lossexplorer.mainwindow import MainWindow
from lossexplorer.panels import PANELS
from lossexplorer.plotkit import Tag

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "lossexplorer_zh_CN.ts"
QM = i18n.I18N_DIR / "lossexplorer_zh_CN.qm"

# ASCII words that may stay in a Chinese window, and why.
ALLOWED = {
    # formulas, names of functions and code: the same in every language
    "PyTorch",
    "F.cross_entropy",
    "torch.tensor",
    "log",
    "MSE",  # as in seed 003: "均方误差（Mean Squared Error, MSE）"
    "dMSE",
    "dCE",
    "dL",
    "dz",
    "Loss",  # seed 000's formula: Loss = −Σ yᵢ log ŷᵢ
    # terms the Chinese seed posts keep in English
    "softmax",
    "Sigmoid",
    "logit",
    "logits",
    "Logits",
    "one-hot",
    "Brier",  # a person's name (Brier 分数)
    # names of formats, keys, the licence, the program and the languages
    "PNG",
    "SVG",
    "CSV",
    "JSON",
    "lossx",
    "Ctrl",
    "Esc",
    "F6",
    "PageDown",
    "PageUp",
    "Home",
    "End",
    "Delete",
    # a CSV's column names, and names of functions and data sets
    "x1",
    "x2",
    "label",
    "sigmoid",
    "tanh",
    "XOR",
    "Shift",
    "MIT",
    "lossexplorer",
    "English",
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z]")


def english_words(text: str) -> list[str]:
    """The words of ``text`` (rich text or plain) that are English and not allowed."""
    text = text.replace("<sub>true</sub>", "")  # p_true, as seed 000 writes ŷ_true
    text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    words = (w.rstrip(".") for w in WORD.findall(text))
    return [w for w in words if len(w) > 1 and w not in ALLOWED]


def has_cjk(text: str) -> bool:
    return any(i18n.is_cjk(c) for c in text)


# ----------------------------------------------------------------- collecting strings
def action_strings(action, where):
    for kind in ("text", "iconText", "toolTip", "statusTip", "whatsThis"):
        yield f"{where} {action.text()!r} {kind}", getattr(action, kind)()
    if action.menu() is not None:
        yield from menu_strings(action.menu(), where)


def menu_strings(menu: QMenu, where="menu"):
    yield f"{where} title", menu.title()
    for action in menu.actions():
        yield from action_strings(action, f"{where} {menu.title()!r}")


def plot_strings(plot, where):
    """Axis titles and tick labels given as text, legends, text items of a pyqtgraph plot."""
    for item in plot.scene().items():
        if isinstance(item, pg.AxisItem):
            yield f"{where} axis {item.orientation}", item.labelText
            for level in item._tickLevels or []:
                for _pos, text in level:
                    yield f"{where} tick", text
        elif isinstance(item, pg.LegendItem):
            for _sample, label in item.items:
                yield f"{where} legend", label.text
        elif isinstance(item, (pg.TextItem, Tag)):
            yield f"{where} text item", item.toPlainText()
        elif isinstance(item, pg.LabelItem):
            yield f"{where} label item", item.text


def widget_strings(root: QWidget):
    """Every string ``root`` and its children show (texts, titles, tool tips …)."""
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()!r}"
        for kind in ("toolTip", "statusTip", "whatsThis"):
            yield f"{where} {kind}", getattr(w, kind)()
        if isinstance(w, (QLabel, QAbstractButton)):
            yield where, w.text()
        if isinstance(w, QLineEdit):
            yield where, w.text()
            yield f"{where} placeholder", w.placeholderText()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QAbstractSpinBox):
            for kind in ("prefix", "suffix"):
                if hasattr(w, kind):
                    yield f"{where} {kind}", getattr(w, kind)()
        if isinstance(w, QDockWidget):
            yield f"{where} title", w.windowTitle()
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{where} tab", w.tabText(i)
        if isinstance(w, pg.PlotWidget):
            yield from plot_strings(w, where)


def window_strings(window: MainWindow):
    for spec in PANELS:  # panels of other lessons are built on demand: build them all
        window.ensure_panel(spec.key)
    yield "window title", window.windowTitle()
    for action in window.menuBar().actions():
        yield from action_strings(action, "menu bar")
    yield "toolbar title", window.toolbar.windowTitle()
    for action in window.toolbar.actions():
        yield from action_strings(action, "toolbar")
    yield from widget_strings(window)
    yield "status bar", window.statusBar().currentMessage()
    for key, panel in window.panels.items():
        yield f"{key} help_text()", panel.help_text()


def english_in(strings) -> list[tuple[str, str, list[str]]]:
    found = []
    for where, text in strings:
        bad = english_words(text or "")
        if bad:
            found.append((where, text, bad))
    return found


def settle():
    for _ in range(3):
        QCoreApplication.processEvents()


# --------------------------------------------------------------------------- fixtures
@pytest.fixture
def chinese(qapp):
    """The application in Simplified Chinese for one test, English again afterwards."""
    assert i18n.install("zh_CN") == "zh_CN"
    yield
    i18n.install("en")


@pytest.fixture
def zh_window(chinese, window):
    window.set_language("zh_CN")
    settle()
    return window


# ---------------------------------------------------------------- (a) nothing English
def test_the_english_detector_finds_english():
    assert english_words("Cross-entropy") == ["Cross-entropy"]
    assert english_words("<b>Try:</b> drag") == ["Try", "drag"]
    assert english_words("交叉熵 −log p<sub>true</sub> = 0.357 (PyTorch, F.cross_entropy)") == []
    assert english_words("z（logit）, σ(z), ŷ, T, 10⁻³, Ctrl") == []


def test_the_walk_sees_every_kind_of_string(window):
    """In English the detector flags the strings of every kind of place it looks at."""
    found = english_in(window_strings(window))
    places = " ".join(where for where, _, _ in found)
    for kind in ("menu bar", "toolbar", "toolTip", "axis", "legend", "text item", "tick"):
        assert kind in places, kind
    for kind in ("QLabel", "QPushButton", "QCheckBox", "QDockWidget", "help_text()", "suffix"):
        assert kind in places, kind
    assert len(found) > 150


def states(window):
    """Put the window through states that show every kind of text; yield a name for each."""
    model = window.model
    for lesson in layouts.LESSONS:
        window.arrange(lesson)
        settle()
        yield f"lesson {lesson}"
    window.arrange("everything")
    panels = window.panels
    panels["probabilities"].count.setValue(6)  # fish, horse, frog
    model.set_probabilities([0.0, 1.0, 0.0, 0.0, 0.0, 0.0])  # p_true = 0: ∞ and its note
    model.set_z(-20.0)  # σ(z) off the plot to the left, cross-entropy off the top
    panels["binary_loss"].grad_check.setChecked(True)
    panels["binary_loss"].log_check.setChecked(True)
    panels["race"].step(30)
    settle()
    yield "extremes"
    model.reset()
    model.set_z(20.0)
    model.set_y(0.0)
    panels["race"].step(5)
    settle()
    yield "confidently wrong the other way"
    window.set_numbers_hidden(True)
    settle()
    yield "quiz"
    window.set_numbers_hidden(False)


def test_no_english_left_in_the_chinese_window(zh_window, tmp_path):
    window = zh_window
    found, chinese_strings = [], set()
    for state in states(window):
        strings = list(window_strings(window))
        chinese_strings |= {text for _, text in strings if text and has_cjk(text)}
        found += [(state, *f) for f in english_in(strings)]
    # the messages a teacher may see
    bad = tmp_path / "bad.lossx"
    bad.write_text("{not json", encoding="utf-8")
    assert not window.open_scenario(bad)
    window.show_about()
    boxes = [window._error_box, window._about_box]
    for box in boxes:
        settle()
        found += [("message box", *f) for f in english_in(widget_strings(box))]
        box.close()
    found += [("status bar", *f) for f in english_in([("", window.statusBar().currentMessage())])]
    assert not found, "English in the Chinese window:\n" + "\n".join(map(repr, found))
    assert len(chinese_strings) > 120  # the walk really saw the translated window


def test_every_panel_explains_itself_in_chinese(zh_window):
    for spec in PANELS:
        text = zh_window.ensure_panel(spec.key).help_text()
        assert has_cjk(text) and not english_words(text), spec.key


def test_default_class_names_follow_the_language_until_renamed(zh_window, qtbot):
    window = zh_window
    panel = window.panels["probabilities"]
    assert [b.text() for b in panel.true_buttons[:3]] == ["猫", "狗", "鸟"]
    assert window.model.classes == ("cat", "dog", "bird")  # the data stay as they are
    panel.name_edits[1].editingFinished.emit()  # leaving an unchanged name renames nothing
    assert window.model.classes == ("cat", "dog", "bird")
    window.model.set_class_name(2, "企鹅")
    window.set_language("en")
    settle()
    assert [b.text() for b in panel.true_buttons[:3]] == ["cat", "dog", "企鹅"]
    logits = window.panels["logits"].plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [text for _, text in logits] == ["cat", "dog", "企鹅"]


# ------------------------------------------------------------ (b) switching at run time
def shown_strings(window):
    return sorted((where, text) for where, text in window_strings(window) if text)


def test_switching_language_at_run_time_and_back(window):
    english = shown_strings(window)
    window.language_actions["zh_CN"].trigger()
    settle()
    try:
        assert window.language == "zh_CN" and window.language_actions["zh_CN"].isChecked()
        assert window.file_menu.title() == "文件(&F)"
        assert window.view_menu.title() == "视图(&V)"
        assert window.open_action.text() == "打开情景(&O)…"
        assert window.docks["probabilities"].windowTitle() == "概率"
        assert window.docks["probabilities"].titleBarWidget().title.text() == "概率"
        assert window.docks["race"].toggleViewAction().text() == "梯度下降赛跑"
        assert window.toolbar.actions()[0].text() == "多分类"
        assert window.panels["readout"].names["ce"].text() == "交叉熵"
        axis = window.panels["penalty"].plot.getPlotItem().getAxis("bottom")
        assert axis.labelText == "p = 真实类别的概率"
        legend = window.panels["penalty"].legend
        assert [label.text for _, label in legend.items][0] == "交叉熵 −log p"
        assert window.panels["race"].play_button.text() == "▶ 播放"
        assert window.panels["race"].speed_spin.suffix() == " 步/秒"
        help_button = window.docks["readout"].titleBarWidget().help_button
        assert help_button.toolTip() == "这个面板展示什么？"
        chinese = shown_strings(window)
        assert sum(has_cjk(t) for _, t in chinese) > 100
    finally:
        window.language_actions["en"].trigger()
        settle()
    assert window.language == "en" and window.file_menu.title() == "&File"
    assert shown_strings(window) == english  # every string back as it was


def test_a_window_built_in_chinese_is_chinese(chinese, qtbot, settings):
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    assert w.file_menu.title() == "文件(&F)"
    assert w.docks["sigmoid"].windowTitle() == "Sigmoid 函数"
    assert w.panels["logits"].t_caption.text() == "温度 T："


def test_error_messages_are_translated(zh_window, tmp_path):
    newer = tmp_path / "newer.lossx"
    newer.write_text('{"format": "lossexplorer-scenario", "version": 99, "state": {}}')
    assert not zh_window.open_scenario(newer)
    message = zh_window.statusBar().currentMessage()
    assert message.startswith("无法打开情景：") and "格式 99" in message
    zh_window._error_box.close()


# ------------------------------------------------- (c) --lang, the system's, remembered
def parse(*argv):
    return app_module.build_parser().parse_args(list(argv))


@pytest.fixture
def english_afterwards(qapp):
    yield
    i18n.install("en")


def file_menu_text():
    return QCoreApplication.translate("MainWindow", "&File")


def test_lang_option_chooses_the_language(english_afterwards, settings):
    assert app_module._install_language(parse("--lang", "zh_CN"), settings) == "zh_CN"
    assert file_menu_text() == "文件(&F)"
    settings.setValue("language", "zh_CN")
    assert app_module._install_language(parse("--lang", "en"), settings) == "en"
    assert file_menu_text() == "&File"
    with pytest.raises(SystemExit):
        parse("--lang", "fr")


def test_the_language_follows_the_system_unless_one_was_chosen(
    english_afterwards, settings, monkeypatch
):
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert app_module._install_language(parse(), settings) == "zh_CN"
    settings.setValue("language", "en")
    assert app_module._install_language(parse(), settings) == "en"
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    settings.remove("language")
    assert app_module._install_language(parse(), settings) == "en"


def test_the_chosen_language_is_remembered(english_afterwards, qtbot, tmp_path):
    path = str(tmp_path / "remembered.ini")
    first = MainWindow(settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.language_actions["zh_CN"].trigger()
    first.settings.sync()
    i18n.install("en")
    again = QSettings(path, QSettings.Format.IniFormat)
    assert again.value("language") == "zh_CN"
    assert app_module._install_language(parse(), again) == "zh_CN"
    second = MainWindow(settings=again)
    qtbot.addWidget(second)
    app_module._prepare(second, parse())
    assert second.language == "zh_CN" and second.language_actions["zh_CN"].isChecked()
    assert second.file_menu.title() == "文件(&F)"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("zh", "zh_CN"), ("zh-CN", "zh_CN"), ("zh_CN", "zh_CN"), ("en_US", "en"), ("fr", "en")]
    + [(None, "en"), ("", "en")],
)
def test_language_names_are_normalised(given, expected):
    assert i18n.normalise(given) == expected


# --------------------------------------------------------------- (d) Qt's own dialogs
def test_standard_buttons_are_chinese(chinese, qtbot):
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Close
        | QMessageBox.StandardButton.Cancel
    )
    texts = {box.button(b).text() for b in (box.StandardButton.Ok, box.StandardButton.Close)}
    assert texts == {"确定", "关闭"}
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text().startswith("保存")


def test_the_file_dialog_is_chinese(chinese, qtbot, tmp_path):
    (tmp_path / "folder").mkdir()
    dialog = QFileDialog(None, "", str(tmp_path), "lossexplorer (*.lossx)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    labels = [
        dialog.labelText(label)
        for label in (
            QFileDialog.DialogLabel.LookIn,
            QFileDialog.DialogLabel.FileName,
            QFileDialog.DialogLabel.FileType,
            QFileDialog.DialogLabel.Accept,
            QFileDialog.DialogLabel.Reject,
        )
    ]
    assert all(has_cjk(t) and not english_words(t) for t in labels), labels
    shown = [t for _, t in widget_strings(dialog) if t]
    assert not english_in((t, t) for t in shown if t != str(tmp_path)), shown
    # the "Type" column of a folder: Qt's own catalogue lacks it, ours supplies it
    model = dialog.findChild(QFileSystemModel)
    folder = model.index(str(tmp_path / "folder"))
    qtbot.waitUntil(lambda: model.type(folder) == "文件夹")
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "名称",
        "体积",
        "类型",
        "修改日期",
    ]


def test_qt_strings_missing_from_qts_catalogue_are_supplied(chinese):
    assert all(has_cjk(t) for t in i18n.qt_supplement())


# ----------------------------------------------------------------- (e) the bundled font
def ts_messages():
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            yield name, message.findtext("source"), message.findtext("comment"), translation


def test_the_bundled_font_has_every_chinese_character_we_use():
    raw = QRawFont(str(i18n.BUNDLED_FONT), 16)
    assert raw.isValid() and raw.familyName() == i18n.BUNDLED_FAMILY
    used = {c for *_, t in ts_messages() for c in (t.text or "") if i18n.is_cjk(c)}
    assert len(used) > 300
    missing = sorted(c for c in used if not raw.supportsCharacter(ord(c)))
    assert not missing, (
        f"the bundled font lacks {''.join(missing)}: run resources/i18n/make_font_subset.py"
    )


def test_the_bundled_font_is_small_and_carries_its_licence():
    assert i18n.BUNDLED_FONT.stat().st_size < 1_000_000
    licence = (i18n.FONT_DIR / "LICENSE-Apache-2.0.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0" in licence
    readme = (i18n.FONT_DIR / "README.txt").read_text(encoding="utf-8")
    assert "WenQuanYi Micro Hei" in readme and "Apache" in readme


def test_the_bundled_font_is_packaged():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"fonts/*"' in pyproject
    spec = (ROOT / "resources" / "lossexplorer.spec").read_text(encoding="utf-8")
    assert '("fonts", "*")' in spec


def test_a_system_cjk_font_is_preferred_to_the_bundled_one(chinese, qapp):
    system = i18n.system_cjk_family()
    family = qapp.font().families()[0]
    assert family == (system or i18n.BUNDLED_FAMILY)
    assert QFontMetrics(qapp.font()).inFontUcs4(ord("熵"))


def test_english_takes_the_cjk_font_out_again(qapp):
    before = qapp.font().families()
    i18n.install("zh_CN")
    i18n.install("en")
    assert qapp.font().families() == before


CHILD = textwrap.dedent(
    """
    from PySide6.QtGui import QFontDatabase, QFontMetrics, QRawFont
    from lossexplorer import i18n
    from lossexplorer.app import _make_app
    from lossexplorer.mainwindow import MainWindow
    app = _make_app(["lossexplorer"])
    assert not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert i18n.system_cjk_family() is None
    window = MainWindow()  # built in English, then switched: widget fonts fall back too
    window.set_language("zh_CN")
    app.processEvents()  # the LanguageChange events
    assert app.font().families()[0] == i18n.BUNDLED_FAMILY, app.font().families()
    label = window.panels["readout"].names["ce"]
    assert label.text() == "交叉熵"
    metrics = QFontMetrics(label.font())
    assert all(metrics.inFontUcs4(ord(c)) for c in label.text())
    engine = QRawFont.fromFont(label.font())
    print("ok", engine.familyName())
    """
)


def test_without_any_system_cjk_font_the_bundled_one_draws_chinese(tmp_path):
    """A fontconfig with no fonts at all: Chinese still has glyphs (the bundled subset)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n"
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = str(tmp_path)  # a private QSettings file
    r = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("ok")


# ------------------------------------------------------------ (f) .ts, .qm up to date
def load_update_script():
    path = ROOT / "resources" / "i18n" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_is_translated():
    todo = [
        (ctx, src)
        for ctx, src, _, t in ts_messages()
        if t is None or t.get("type") in ("unfinished", "vanished", "obsolete") or not t.text
    ]
    assert not todo, f"untranslated in {TS.name}: {todo}"


def test_translations_keep_placeholders_tags_and_accelerators():
    for ctx, src, _, t in ts_messages():
        for pattern in (r"\{[a-z_0-9]*\}", r"</?[a-z0-9]+>", r"%\d"):
            assert sorted(re.findall(pattern, src)) == sorted(re.findall(pattern, t.text)), src
        assert src.count("\n") == t.text.count("\n"), (ctx, src)
        accelerator = re.search(r"&(\w)", src.replace("&lt;", ""))
        if accelerator and has_cjk(t.text):  # Chinese style: 文件(&F)
            assert f"(&{accelerator.group(1).upper()})" in t.text, (ctx, src, t.text)


def test_the_ts_has_every_string_of_the_code(tmp_path):
    """lupdate finds no string in the sources that the .ts lacks (or has extra)."""
    script = load_update_script()
    copy = tmp_path / TS.name
    copy.write_bytes(TS.read_bytes())
    script.lupdate(copy)
    ours = {(ctx, src, cmt) for ctx, src, cmt, _ in ts_messages()}
    fresh = set()
    for context in ET.parse(copy).getroot().iter("context"):
        for message in context.iter("message"):
            t = message.find("translation")
            if t.get("type") not in ("vanished", "obsolete"):
                key = (context.findtext("name"), message.findtext("source"))
                fresh.add((*key, message.findtext("comment")))
    assert fresh == ours, (
        "resources/i18n/update_translations.py changes the .ts: run it and translate "
        f"{sorted(fresh - ours)}; gone: {sorted(ours - fresh)}"
    )


def test_the_qm_is_lreleased_from_the_ts(tmp_path):
    script = load_update_script()
    out = tmp_path / QM.name
    script.lrelease(TS, out)
    assert out.read_bytes() == QM.read_bytes(), (
        "lossexplorer/i18n/lossexplorer_zh_CN.qm is stale: run "
        "python resources/i18n/update_translations.py --release"
    )


def test_the_qm_translates(chinese):
    assert QCoreApplication.translate("Panels", "Probabilities") == "概率"
    assert QCoreApplication.translate("ClassNames", "cat") == "猫"
