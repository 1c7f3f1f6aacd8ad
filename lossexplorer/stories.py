"""Guided stories: a seed's argument as steps a teacher drives with a presenter clicker.

A ``Story`` is a title and a sequence of ``Step``s.  Each step holds

* a caption of one to three short sentences, in English and Simplified Chinese
  (``caption``, a mapping from language to text; either may be empty);
* the exact model state of the step (``state``: every multi-class and binary
  field of ``ExplorerModel.state()``, as the model holds them, and optionally
  every training field: the points, the settings and the step both runs have
  taken, their weights replayed with ``training.fit`` and checked);
* how it is shown: the ``lesson`` whose panels are arranged, the panels
  brought to the front (``front``), the one that fills the window
  (``spotlight``) and the panels' view options (``views``, all of them);
* optionally a ``Highlight``: a ring round a panel, one of its widgets (by
  object name) or a point of its plot.

This module draws nothing and needs no QApplication: it is the data, its
checks and its JSON form.  ``story_from_data`` / ``story_from_json`` refuse
anything a hostile or damaged file could hold (a wrong type, NaN, a number
too large for a float, too many steps, too long a caption, an unknown key,
panel, lesson or view, an impossible state) with a ``ValueError`` whose
message says what is wrong.  ``story_to_json`` writes a story so that
reading it back and writing it again gives the same text, byte for byte.

The built-in stories tell seed 000 (multi-class: what cross-entropy
punishes) and seed 003 (binary: why MSE's gradient vanishes; training: the
same argument on real points) in the team's own words; ``builtin(key)``
makes them.
"""

from __future__ import annotations

import copy
import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from lossexplorer import losses
from lossexplorer.parts import BinaryPart, MulticlassPart
from lossexplorer.parts.training import TrainingPart

FORMAT = "lossexplorer-story"
VERSION = 1
LANGUAGES = ("en", "zh_CN")
STATE_KEYS = MulticlassPart.FIELDS + BinaryPart.FIELDS  # every step holds these
# A step may hold these too (all of them; the weights may be left out, the
# replayed runs give them).  A step without them leaves the training lesson be.
TRAINING_KEYS = TrainingPart.FIELDS
_TRAINING_WEIGHTS = ("training_weights_ce", "training_weights_mse")
MAX_STEPS = 200
MAX_CAPTION = 400  # characters per language: three short sentences take about 250
MAX_TITLE = 80
MAX_JSON = 1024 * 1024
MAX_LIST = 16  # probabilities, logits and class names are never longer
POINT_LIMIT = 1e6  # a highlighted point's coordinates
_WIDGET_NAME = re.compile(r"[A-Za-z0-9_]{0,40}")
_STORY_KEYS = ("format", "version", "title", "steps")
_STEP_KEYS = ("caption", "lesson", "front", "spotlight", "views", "highlight", "state")
_HIGHLIGHT_KEYS = ("panel", "widget", "point")
# Text a caption may not hold: controls other than the line break, lone
# surrogates (no file can encode them), and Unicode's own line separators.
_BAD_TEXT = {"Cs", "Zl", "Zp"}


@dataclass(frozen=True)
class Highlight:
    """A ring that draws the eye: round ``panel``, its widget named ``widget``, or a point.

    ``widget`` is a child's object name ("" for the panel itself); ``point``
    is (x, y) in the data coordinates of that widget's plot.
    """

    panel: str
    widget: str = ""
    point: tuple[float, float] | None = None


@dataclass(frozen=True)
class Step:
    """One step of a story (see the module's docstring); made by ``make_step``."""

    caption: Mapping[str, str]
    state: Mapping
    lesson: str
    front: tuple[str, ...] = ()
    spotlight: str | None = None
    views: Mapping = field(default_factory=dict)
    highlight: Highlight | None = None

    def caption_in(self, lang: str) -> str:
        """The caption in ``lang``, else in the other language (a step may have only one)."""
        text = self.caption.get(lang, "")
        if text:
            return text
        return next((self.caption[other] for other in LANGUAGES if self.caption[other]), "")


@dataclass(frozen=True)
class Story:
    """A title (per language) and its steps, at least one."""

    title: Mapping[str, str]
    steps: tuple[Step, ...]

    def title_in(self, lang: str) -> str:
        """The title in ``lang``, else in the other language."""
        return self.title.get(lang) or next((t for t in self.title.values() if t), "")


# ------------------------------------------------------------------ checks
def _vocabulary():
    """The panel keys, lessons and view options a story may name (read when needed:
    a test may register one more panel)."""
    from lossexplorer import display, layouts, panels

    return {s.key for s in panels.PANELS}, set(layouts.LESSONS), display.VIEW_OPTIONS


def _mapping(value, what: str, allowed) -> dict:
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} must be a mapping, not {_kind(value)}")
    unknown = [k for k in value if k not in allowed]
    if unknown:
        raise ValueError(f"{what} has an unknown entry {_short(unknown[0])}")
    return dict(value)


def _kind(value) -> str:
    return "null" if value is None else type(value).__name__


def _short(value, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_text(text, what: str, limit: int) -> str:
    """Plain text of at most ``limit`` characters (line breaks allowed, no other controls)."""
    if not isinstance(text, str):
        raise ValueError(f"{what} must be text, not {_kind(text)}")
    if len(text) > limit:
        raise ValueError(f"{what} is too long: {len(text)} characters, at most {limit}")
    for c in text:
        category = unicodedata.category(c)
        if category in _BAD_TEXT or (category == "Cc" and c != "\n"):
            raise ValueError(f"{what} holds a control character ({ord(c):#06x})")
    return text


def _texts(value, what: str, limit: int) -> dict:
    """Text per language: both languages, a missing one empty."""
    given = _mapping(value, what, LANGUAGES)
    return {lang: check_text(given.get(lang, ""), f"{what} ({lang})", limit) for lang in LANGUAGES}


def _number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} must be a number, not {_kind(value)}")
    try:
        value = float(value)
    except OverflowError:
        raise ValueError(f"{what} is a number too large for a float") from None
    if not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number")
    return value


def _panel_key(key, what: str, panels) -> str:
    if not isinstance(key, str) or key not in panels:
        raise ValueError(f"{what} names no panel: {_short(key)}")
    return key


def check_state(state) -> dict:
    """A step's model state, checked as the model checks it, in the form the model holds it.

    It gives every field of ``STATE_KEYS``: setting it leaves nothing of the
    state before, so that a step looks the same whichever step came before.
    With any training field it gives all of ``TRAINING_KEYS`` (the runs
    replayed to the step; given weights must agree with them).
    """
    state = _mapping(state, "A step's state", STATE_KEYS + TRAINING_KEYS)
    missing = [k for k in STATE_KEYS if k not in state]
    if missing:
        raise ValueError(f"A step's state lacks {', '.join(missing)}")
    for key in ("classes", "probabilities", "logits"):
        values = state[key]
        if not isinstance(values, (list, tuple)) or len(values) > MAX_LIST:
            raise ValueError(f"A step's {key} must be a list of at most {MAX_LIST} values")
        if key != "classes":
            for v in values:
                _number(v, f"Each of a step's {key}")
    for key in ("temperature", "z", "y", "learning_rate"):
        _number(state[key], f"A step's {key}")
    if isinstance(state["true_class"], bool) or not isinstance(state["true_class"], int):
        raise ValueError("A step's true_class must be a whole number")
    multiclass, binary = MulticlassPart(), BinaryPart()
    multiclass.apply(multiclass.state_change(state))  # ValueError: an impossible state
    binary.apply(binary.state_change(state))
    checked = {**multiclass.state(), **binary.state()}
    if any(k in state for k in TRAINING_KEYS):
        checked.update(_check_training(state))
    return checked


def _check_training(state) -> dict:
    """The training fields of a step's state, checked (and the runs replayed) by the part."""
    missing = [k for k in TRAINING_KEYS if k not in state and k not in _TRAINING_WEIGHTS]
    if missing:
        raise ValueError(f"A step's state lacks {', '.join(missing)}")
    part = TrainingPart()
    part.apply(part.state_change({k: state[k] for k in TRAINING_KEYS if k in state}))
    return part.state()


def _check_highlight(value, panels) -> Highlight | None:
    if value is None:
        return None
    given = _mapping(value, "A highlight", _HIGHLIGHT_KEYS)
    panel = _panel_key(given.get("panel"), "A highlight", panels)
    widget = given.get("widget", "")
    if not isinstance(widget, str) or not _WIDGET_NAME.fullmatch(widget):
        raise ValueError(f"A highlight's widget is not an object name: {_short(widget)}")
    point = given.get("point")
    if point is not None:
        if not isinstance(point, (list, tuple)) or len(point) != 2:
            raise ValueError("A highlight's point must be two numbers, x and y")
        point = tuple(_number(v, "A highlight's point") for v in point)
        if any(abs(v) > POINT_LIMIT for v in point):
            raise ValueError(f"A highlight's point must lie within ±{POINT_LIMIT:g}")
    return Highlight(panel, widget, point)


def make_step(
    caption,
    state,
    lesson: str,
    front=(),
    spotlight: str | None = None,
    views=None,
    highlight=None,
) -> Step:
    """A checked ``Step``; ``views`` not given take their defaults.

    ``caption`` maps languages to text; ``highlight`` is a ``Highlight``, its
    mapping form, or None.  Raises ``ValueError`` for anything a step cannot hold.
    """
    panels, lessons, view_options = _vocabulary()
    caption = _texts(caption, "A caption", MAX_CAPTION)
    state = check_state(state)
    if not isinstance(lesson, str) or lesson not in lessons:
        raise ValueError(f"A step's lesson is not one of {sorted(lessons)}: {_short(lesson)}")
    if isinstance(front, str) or not isinstance(front, (list, tuple)) or len(front) > len(panels):
        raise ValueError("A step's front must be a list of panel keys")
    front = tuple(_panel_key(k, "A step's front", panels) for k in front)
    if len(set(front)) != len(front):
        raise ValueError("A step's front names a panel twice")
    if spotlight is not None:
        _panel_key(spotlight, "A step's spotlight", panels)
    given = _mapping({} if views is None else views, "A step's views", view_options)
    views = {}
    for name, allowed in view_options.items():
        value = given.get(name, allowed[0])
        if not any(type(value) is type(v) and value == v for v in allowed):
            raise ValueError(f"A step's view {name!r} takes one of {allowed}, not {_short(value)}")
        views[name] = value
    if isinstance(highlight, Highlight):
        highlight = {"panel": highlight.panel, "widget": highlight.widget, "point": highlight.point}
    highlight = _check_highlight(highlight, panels)
    return Step(caption, state, lesson, front, spotlight, views, highlight)


def make_story(title, steps) -> Story:
    """A checked ``Story`` of 1 to ``MAX_STEPS`` steps (each made by ``make_step``)."""
    title = _texts(title, "A story's title", MAX_TITLE)
    steps = tuple(steps)
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ValueError(f"A story has 1 to {MAX_STEPS} steps, not {len(steps)}")
    if not all(isinstance(s, Step) for s in steps):
        raise ValueError("A story's steps must be steps")
    return Story(title, steps)


# ------------------------------------------------------------- authoring
def with_step(story: Story | None, step: Step, at: int | None = None) -> Story:
    """``story`` with ``step`` inserted at index ``at`` (the end if None); a new story if None."""
    if story is None:
        return make_story({"en": "My story", "zh_CN": "我的故事"}, [step])
    steps = list(story.steps)
    steps.insert(len(steps) if at is None else at, step)
    return make_story(story.title, steps)


def with_caption(story: Story, index: int, lang: str, text: str) -> Story:
    """``story`` with step ``index``'s caption in ``lang`` replaced by ``text``."""
    if lang not in LANGUAGES:
        raise ValueError(f"A caption's language is one of {LANGUAGES}, not {_short(lang)}")
    step = story.steps[index]
    caption = dict(step.caption)
    caption[lang] = check_text(text, f"A caption ({lang})", MAX_CAPTION)
    steps = list(story.steps)
    steps[index] = replace(step, caption=caption)
    return make_story(story.title, steps)


def with_step_moved(story: Story, index: int, to: int) -> Story:
    """``story`` with step ``index`` moved to index ``to``."""
    steps = list(story.steps)
    steps.insert(to, steps.pop(index))
    return make_story(story.title, steps)


def without_step(story: Story, index: int) -> Story | None:
    """``story`` without step ``index``; None once no step is left."""
    steps = [s for i, s in enumerate(story.steps) if i != index]
    return make_story(story.title, steps) if steps else None


# ------------------------------------------------------------------ JSON
def story_to_data(story: Story) -> dict:
    """The story as plain JSON-ready data (as a ``.lossx`` file holds it)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": dict(story.title),
        "steps": [_step_to_data(s) for s in story.steps],
    }


def _step_to_data(step: Step) -> dict:
    h = step.highlight
    highlight = None
    if h is not None:
        highlight = {"panel": h.panel, "widget": h.widget}
        if h.point is not None:
            highlight["point"] = list(h.point)
    return {
        "caption": dict(step.caption),
        "lesson": step.lesson,
        "front": list(step.front),
        "spotlight": step.spotlight,
        "views": dict(step.views),
        "highlight": highlight,
        # a copy: whoever edits the data must not edit the (frozen) step
        "state": copy.deepcopy(
            {k: step.state[k] for k in STATE_KEYS + TRAINING_KEYS if k in step.state}
        ),
    }


def story_from_data(data) -> Story:
    """A checked ``Story`` from plain data (``story_to_data``'s form); ``ValueError`` if bad."""
    data = _mapping(data, "A story", _STORY_KEYS)
    if data.get("format") != FORMAT:
        raise ValueError("This is not a lossexplorer story")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError("The story has no valid format version")
    if version > VERSION:
        raise ValueError(
            f"The story was saved by a newer lossexplorer (story format {version}); "
            f"this one reads format {VERSION}"
        )
    steps = data.get("steps")
    if not isinstance(steps, list):
        raise ValueError("A story's steps must be a list")
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ValueError(f"A story has 1 to {MAX_STEPS} steps, not {len(steps)}")
    made = []
    for n, step in enumerate(steps, start=1):
        try:
            given = _mapping(step, "A step", _STEP_KEYS)
            for key in ("caption", "lesson", "state"):
                if key not in given:
                    raise ValueError(f"A step lacks its {key}")
            made.append(
                make_step(
                    given["caption"],
                    given["state"],
                    given["lesson"],
                    given.get("front", ()),
                    given.get("spotlight"),
                    given.get("views"),
                    given.get("highlight"),
                )
            )
        except ValueError as e:
            raise ValueError(f"Step {n}: {e}") from None
    return make_story(data.get("title", {}), made)


def story_to_json(story: Story) -> str:
    """The story as JSON text; ``story_to_json(story_from_json(text)) == text`` for this text."""
    return json.dumps(story_to_data(story), ensure_ascii=False, indent=1) + "\n"


def _reject_constant(name):
    raise ValueError(f"The story holds {name}, which is not a number a story can hold")


def story_from_json(text: str) -> Story:
    """A checked ``Story`` from JSON text; ``ValueError`` with a readable message if bad."""
    if not isinstance(text, str):
        raise ValueError("A story must be text")
    if len(text) > MAX_JSON:
        raise ValueError("The text is too large to be a lossexplorer story")
    try:
        data = json.loads(text.removeprefix("\ufeff"), parse_constant=_reject_constant)
    except RecursionError:
        raise ValueError("The story is nested too deeply") from None
    except json.JSONDecodeError as e:
        raise ValueError(f"The story is damaged (JSON error at line {e.lineno})") from None
    except ValueError as e:  # NaN, or a whole number of thousands of digits
        raise ValueError(str(e) if "story" in str(e) else "The story holds a huge number") from None
    return story_from_data(data)


# ------------------------------------------------------------ built-ins
def _multiclass(probabilities=None, logits=None, true_class=0) -> dict:
    """The multi-class fields as the model holds them after ``set_state`` of these values."""
    part = MulticlassPart()
    given = {"classes": ["cat", "dog", "bird"], "temperature": 1.0, "true_class": true_class}
    if probabilities is not None:
        given["probabilities"] = probabilities
    if logits is not None:
        given["logits"] = logits
    part.apply(part.state_change(given))
    return part.state()


def _cat_at(p: float) -> dict:
    """The cat's bar dragged to ``p``: dog and bird keep their 2 : 1 (0.2 / 0.1)."""
    rest = 1.0 - p
    return _multiclass([p, rest * 2 / 3, rest - rest * 2 / 3])


def _binary(z: float, y: float = 1.0) -> dict:
    return {"z": float(z), "y": float(y), "learning_rate": 1.0}


SEED = _multiclass([0.7, 0.2, 0.1])
WRONG = _multiclass([0.1, 0.8, 0.1])
SEED_LOGITS = [2.1, 0.5, -1.0]  # seed 000's F.cross_entropy example
_BINARY_DEFAULT = _binary(-6.0)


def _ln(p: float) -> float:
    return float(losses.negative_log(p))


def _ce_point(z: float, y: float) -> tuple[float, float]:
    """Where (z, y) sits on the cross-entropy-over-ŷ plot: (ŷ, its loss)."""
    return float(losses.sigmoid(z)), float(losses.binary_cross_entropy(z, y))


def _glued(en: str, zh: str) -> dict:
    """Captions whose "z = 2" and "0.1 / 0.8" never break across lines (no-break spaces)."""
    return {lang: _GLUE.sub("\u00a0\\1\u00a0", text) for lang, text in (("en", en), ("zh_CN", zh))}


_GLUE = re.compile(r" ([=/]) ")


def _multiclass_story() -> Story:
    def step(en, zh, multiclass, front=(), spotlight=None, highlight=None):
        state = {**multiclass, **_BINARY_DEFAULT}
        return make_step(_glued(en, zh), state, "multiclass", front, spotlight, None, highlight)

    def on_curve(p):
        return Highlight("penalty", "penalty_plot", (p, _ln(p)))

    pytorch = _multiclass(logits=SEED_LOGITS)
    steps = [
        step("A model looks at a photo of a cat and answers: cat 0.7, dog 0.2, bird 0.1. "
             "How good is that answer? Cross-entropy scores it: 0.357.",
             "模型看到一张猫的照片，回答：猫 0.7，狗 0.2，鸟 0.1。这个回答有多好？"
             "交叉熵给它打分：0.357。",
             SEED, ("probabilities", "readout"), None, Highlight("readout", "value_ce")),
        step("The true label is one-hot: cat = [1, 0, 0]. Step 1 writes out the sum "
             "−Σ yᵢ log ŷᵢ; step 2 puts in the numbers.",
             "真实标签用 one-hot 表示：猫 = [1, 0, 0]。第 1 步写出求和 −Σ yᵢ log ŷᵢ；"
             "第 2 步代入数值。",
             SEED, ("calculation",), "calculation", Highlight("calculation", "steps")),
        step("Step 3: every term with yᵢ = 0 drops out, so only the cat's term is left. "
             "Step 4: −log 0.7 = 0.357.",
             "第 3 步：yᵢ = 0 的项都变成 0，只剩下猫这一项。第 4 步：−log 0.7 = 0.357。",
             SEED, ("calculation",), "calculation", Highlight("calculation", "steps")),
        step("So cross-entropy is −log p, p being the probability of the right answer. "
             "At p = 0.99 it is 0.01: almost no penalty.",
             "所以交叉熵就是 −log p，p 是正确答案的概率。p = 0.99 时损失是 0.01：几乎没有惩罚。",
             _cat_at(0.99), ("probabilities", "penalty"), None, on_curve(0.99)),
        step("At p = 0.5 the model is unsure: the loss is 0.69, a medium penalty.",
             "p = 0.5 时模型拿不准：损失是 0.69，中等惩罚。",
             _cat_at(0.5), ("probabilities", "penalty"), None, on_curve(0.5)),
        step("At p = 0.1 the model almost rules out the right answer: 2.30, a severe penalty.",
             "p = 0.1 时模型几乎否定了正确答案：损失是 2.30，严重惩罚。",
             _cat_at(0.1), ("probabilities", "penalty"), None, on_curve(0.1)),
        step("At p = 0.01: 4.61. As p goes to 0, −log p grows without limit: "
             "a model must never rule out the right answer completely.",
             "p = 0.01 时：4.61。p 趋近 0 时，−log p 趋向无穷大：模型绝不能完全否认正确答案。",
             _cat_at(0.01), ("probabilities", "penalty"), None, on_curve(0.01)),
        step("The seed's wrong example: the model takes the cat for a dog, 0.1 / 0.8 / 0.1. "
             "The loss is −log 0.1 = 2.303: a confident mistake is punished hard.",
             "原文的错误例子：模型把猫认成了狗，0.1 / 0.8 / 0.1。损失是 −log 0.1 = 2.303："
             "自信的错误受到重罚。",
             WRONG, ("probabilities", "readout"), None, Highlight("readout", "value_ce")),
        step("Why not simply 1 − p? At p = 0.9 the two agree: 1 − p = 0.10, −log p = 0.11.",
             "为什么不直接用 1 − p？p = 0.9 时两者差不多：1 − p = 0.10，−log p = 0.11。",
             _cat_at(0.9), ("penalty", "readout"), None, on_curve(0.9)),
        step("At p = 0.1 they do not: 1 − p gives only 0.90, −log p gives 2.30, more than "
             "twice as much. However confident the mistake, 1 − p never exceeds 1.",
             "p = 0.1 时就不同了：1 − p 只罚 0.90，−log p 罚 2.30，超过两倍。"
             "不管错得多自信，1 − p 都不会超过 1。",
             WRONG, ("penalty", "readout"), None, on_curve(0.1)),
        step("In PyTorch, F.cross_entropy starts from logits. The seed's logits "
             "[2.1, 0.5, −1.0] go through softmax to 0.80 / 0.16 / 0.04: not "
             "\u201clike 0.7 / 0.2 / 0.1\u201d, as the seed says.",
             "在 PyTorch 中，F.cross_entropy 从 logits 出发。原文的 logits [2.1, 0.5, −1.0] "
             "经过 softmax 得到 0.80 / 0.16 / 0.04，并不是原文说的\u201c像 0.7 / 0.2 / 0.1\u201d。",
             pytorch, ("logits",), None, Highlight("logits", "pipeline")),
        step("Then it takes −log of the true class's probability: −log 0.80 = 0.22. "
             "This one line does the softmax and the −log together.",
             "然后对正确类别的概率取 −log：−log 0.80 = 0.22。"
             "这一行代码同时完成了 softmax 和 −log。",
             pytorch, ("calculation", "readout"), None, Highlight("calculation", "code")),
        step("Remember: cross-entropy is −log(confidence in the right answer). The more "
             "confident a mistake, the faster it grows. Training pushes that confidence towards 1.",
             "记住：交叉熵 = −log（对正确答案的信心）。错得越自信，损失涨得越快。"
             "训练就是让这个信心尽量接近 1。",
             SEED, ("probabilities", "penalty")),
    ]  # fmt: skip
    title = {
        "en": "Seed 000: what does cross-entropy punish?",
        "zh_CN": "种子 000：交叉熵到底在惩罚什么？",
    }
    return make_story(title, steps)


def _binary_story() -> Story:
    def step(en, zh, binary, front=(), views=None, highlight=None):
        state = {**SEED, **binary}
        return make_step(_glued(en, zh), state, "binary", front, None, views, highlight)

    close = {"binary_range": "close"}
    gradients = {"gradient_overlay": True, "gradient_log": True}
    steps = [
        step("A cat-or-not model ends in one neuron whose output is z. The sigmoid turns it "
             "into a probability: ŷ = σ(z) = 1 / (1 + exp(−z)). At z = 0, ŷ = 0.5.",
             "判断“是不是猫”的模型最后只有一个神经元，输出 z。Sigmoid 把它变成概率："
             "ŷ = σ(z) = 1 / (1 + exp(−z))。z = 0 时 ŷ = 0.5。",
             _binary(0.0), ("sigmoid",), None, Highlight("sigmoid", "sigmoid_plot", (0.0, 0.5))),
        step("First try MSE: L = ½(y − σ(z))², with y = 1 (a cat). Close up, for z from "
             "−1 to 1 as in the seed, the curve looks harmless.",
             "先试试均方误差：L = ½(y − σ(z))²，y = 1（是猫）。像原文那样只看 z 从 −1 到 1，"
             "曲线看起来没什么问题。",
             _binary(0.0), ("binary_loss",), close, Highlight("binary_loss", "loss_plot")),
        step("Move the y-slider to 0 (not a cat): the curve turns round, and now a large z "
             "is punished.",
             "把 y 滑块移到 0（不是猫）：曲线反了过来，现在 z 越大受罚越多。",
             _binary(0.0, 0.0), ("binary_loss",), close, Highlight("binary_loss", "y_slider")),
        step("Now the whole range, y = 1 again, and a confidently wrong model: z = −6, so "
             "ŷ is only 0.002. Out here MSE is flat: the loss hardly changes.",
             "现在看整个范围，y 回到 1，模型自信地犯错：z = −6，ŷ 只有 0.002。"
             "在这里 MSE 几乎是平的：损失几乎不变。",
             _binary(-6.0), ("sigmoid", "binary_loss"), None,
             Highlight("binary_loss", "loss_plot", (-6.0, float(losses.mse(-6.0, 1.0))))),
        step("The gradient says how hard training pulls. At z = −6, MSE's |dL/dz| is only "
             "0.002: it has vanished. Cross-entropy's is 0.998, a full pull.",
             "梯度决定训练拉得有多用力。z = −6 时，MSE 的 |dL/dz| 只有 0.002：梯度消失了。"
             "交叉熵的是 0.998，全力拉动。",
             _binary(-6.0), ("binary_loss",), gradients,
             Highlight("binary_loss", "gradient_readouts")),
        step("Cross-entropy for y = 1 is −log ŷ: steep where ŷ is near 0. Here ŷ = 0.002, "
             "so the loss is 6.002: the mistake is loud.",
             "y = 1 时交叉熵是 −log ŷ：ŷ 接近 0 时非常陡。这里 ŷ = 0.002，损失是 6.002："
             "错误被大声指出。",
             _binary(-6.0), ("ce_prob",), None, Highlight("ce_prob", "ce_prob_readout")),
        step("For y = 0 it is −log(1 − ŷ), the mirror image: steep where ŷ is near 1. "
             "At z = 2, ŷ = 0.88 for a photo without a cat costs 2.13.",
             "y = 0 时是 −log(1 − ŷ)，正好是镜像：ŷ 接近 1 时很陡。z = 2 时 ŷ = 0.88，"
             "对不是猫的照片损失是 2.13。",
             _binary(2.0, 0.0), ("ce_prob",), None,
             Highlight("ce_prob", "ce_prob_plot", _ce_point(2.0, 0.0))),
        step("Both halves in one formula: L = −[y log ŷ + (1 − y) log(1 − ŷ)]. The label "
             "picks the half: y = 1 keeps −log ŷ, y = 0 keeps −log(1 − ŷ).",
             "两种情况合成一个公式：L = −[y log ŷ + (1 − y) log(1 − ŷ)]。标签决定用哪一半："
             "y = 1 留下 −log ŷ，y = 0 留下 −log(1 − ŷ)。",
             _binary(-6.0), ("binary_loss", "ce_prob"), None, Highlight("ce_prob", "ce_prob_plot")),
        step("The race: both start at z = −6 with y = 1 and take gradient steps. Press Play: "
             "cross-entropy arrives after 17 steps, MSE after 497. That is why "
             "classification uses cross-entropy.",
             "比赛：两者都从 z = −6、y = 1 出发做梯度下降。按“▶ 播放”：交叉熵 17 步就到，"
             "MSE 要 497 步。这就是分类任务用交叉熵的原因。",
             _binary(-6.0), ("race",), None, Highlight("race")),
    ]  # fmt: skip
    title = {"en": "Seed 003: why classification uses cross-entropy",
             "zh_CN": "种子 003：为什么分类任务要用交叉熵"}  # fmt: skip
    return make_story(title, steps)


def _training(
    preset: str = "separable blobs", model: str = "logistic", scale: float = 1.0, step: int = 0
) -> dict:
    """The training fields as the model holds them: ``preset``'s points, the ``model``,
    a confidently wrong start of ``scale``, the default learning rate, both runs at ``step``."""
    part = TrainingPart()
    part.apply(part.preset_change(preset))
    part.apply(part.model_change(model))
    part.apply(part.scale_change(scale))
    part.apply(part.state_change({"training_step": step}))
    return part.state()


def _training_story() -> Story:
    def step(en, zh, training, front, highlight=None):
        state = {**SEED, **_BINARY_DEFAULT, **training}
        return make_step(_glued(en, zh), state, "training", front, None, None, highlight)

    maps, curves = ("training_maps",), ("training_curves", "training_maps")
    blobs = _training()
    steps = [
        step("Seed 003 on real points: 200 photos as points in two blobs, cats on one side, "
             "dogs on the other. One straight line separates them.",
             "把种子 003 用到真实的点上：200 张照片变成两团点，猫在一边，狗在另一边。"
             "一条直线就能把它们分开。",
             blobs, ("training_data",), Highlight("training_data", "point_count")),
        step("Both runs start from the same weights, confidently wrong: every point sits at "
             "z = −6 on the wrong side. The two maps are identical: 0% of the points are right.",
             "两次训练从同样的权重出发，而且自信地犯错：每个点都在错的一边，z = −6。"
             "两张图完全一样，正确率 0%。",
             blobs, maps, Highlight("training_maps")),
        step("After 10 steps cross-entropy gets every point right, MSE still none. "
             "At learning rate 0.3 cross-entropy passes 90% after 6 steps; MSE needs 267.",
             "10 步之后，交叉熵已经全部分对，MSE 一个也没分对。"
             "学习率 0.3 时，交叉熵 6 步就超过 90%，MSE 要 267 步。",
             _training(step=10), curves, Highlight("training_curves", "reached_ce")),
        step("The gradient norm says why. At the start cross-entropy's is 1.98, MSE's only "
             "0.008: the wrong start sits on MSE's flat part, and its gradient has vanished.",
             "梯度的大小说明了原因。一开始交叉熵的梯度是 1.98，MSE 的只有 0.008："
             "错误的起点正好在 MSE 平的地方，梯度消失了。",
             _training(step=50), ("training_curves",),
             Highlight("training_curves", "training_gradient_plot")),
        step("After 200 steps MSE still gets 0% right: it crawls. Its gradient has only grown "
             "to 0.035.",
             "200 步之后 MSE 的正确率还是 0%：它在慢慢爬。它的梯度只涨到 0.035。",
             _training(step=200), curves, Highlight("training_curves", "reached_mse")),
        step("A larger start scale, 3: the mistake is three times as confident. "
             "Cross-entropy passes 90% after 17 steps; after 1000 steps MSE is still at 0%, "
             "stuck completely.",
             "把起点放大到 3 倍：错误自信了三倍。交叉熵 17 步就超过 90%；"
             "1000 步之后 MSE 还是 0%，完全不动了。",
             _training(scale=3.0, step=1000), ("training_controls", *curves),
             Highlight("training_controls", "scale")),
        step("XOR: no straight line separates these points, so a hidden layer of 8 tanh "
             "units bends the boundary. Cross-entropy passes 90% after 12 steps; MSE stays at "
             "50%, its gradient vanishing again.",
             "XOR：没有哪条直线能分开这些点，所以加一个 8 个 tanh 单元的隐藏层，边界就不再是直线。"
             "交叉熵 12 步就超过 90%；MSE 停在 50%，梯度再次消失。",
             _training("xor", "hidden", step=100), ("training_data", "training_controls", *maps),
             Highlight("training_controls", "model")),
        step("Same points, same start, same learning rate: only the loss differs. "
             "A confident mistake gives cross-entropy a strong gradient and MSE almost none. "
             "That is why classification uses cross-entropy.",
             "同样的点、同样的起点、同样的学习率，只有损失函数不同。自信的错误给交叉熵很大的梯度，"
             "给 MSE 几乎没有梯度。这就是分类任务用交叉熵的原因。",
             _training(step=300), curves),
    ]  # fmt: skip
    title = {"en": "Training: MSE vs cross-entropy on real points",
             "zh_CN": "训练：真实数据上的 MSE 与交叉熵"}  # fmt: skip
    return make_story(title, steps)


BUILT_IN = {
    "multiclass": _multiclass_story,
    "binary": _binary_story,
    "training": _training_story,
}
_built: dict[str, Story] = {}


def builtin(key: str) -> Story:
    """The built-in story ``key`` (one of ``BUILT_IN``), made once."""
    if key not in BUILT_IN:
        raise ValueError(
            f"There is no built-in story {_short(key)}: choose one of {list(BUILT_IN)}"
        )
    if key not in _built:
        _built[key] = BUILT_IN[key]()
    return _built[key]
