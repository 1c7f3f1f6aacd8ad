"""Facts about the installed program (imports nothing of the app, so anything may import it)."""

from __future__ import annotations


def version() -> str:
    """The installed package's version (from its metadata)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    try:
        return _version("lossexplorer")
    except PackageNotFoundError:
        from lossexplorer import __version__

        return __version__
