"""lossexplorer: a classroom app that shows why classification uses cross-entropy."""

__version__ = "0.1.0"
