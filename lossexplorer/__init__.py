"""lossexplorer: a classroom app that shows why classification uses cross-entropy."""

__version__ = "0.1.0"


def version() -> str:
    """The installed package's version (from its metadata); ``__version__`` when not installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    try:
        return _version("lossexplorer")
    except PackageNotFoundError:
        return __version__
