"""Label sizing: a label fixed to the size of its widest text does not re-lay out its window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def text_size(label: QLabel, *samples: str) -> tuple[int, int]:
    """The size ``label`` needs to show the largest of ``samples`` (its text is kept)."""
    text = label.text()
    label.setMinimumSize(0, 0)
    label.setMaximumSize(16777215, 16777215)
    width = height = 0
    for sample in samples:
        label.setText(sample)
        hint = label.sizeHint()
        width, height = max(width, hint.width()), max(height, hint.height())
    label.setText(text)
    return width, height


def fix_size(label: QLabel, *samples: str) -> None:
    """Fix ``label``'s size to fit the largest of ``samples`` (its widest texts).

    A label of fixed size does not ask its window to re-lay out every dock
    each time its text changes, which would cost more than the redraw itself.
    Call again from ``retranslate()``: the samples change with the language.
    """
    label.setFixedSize(*text_size(label, *samples))
