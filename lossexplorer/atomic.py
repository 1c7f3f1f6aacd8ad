"""Atomic file writes: a file is either replaced in full or left exactly as it was.

Every file lossexplorer writes (scenarios, CSV, PNG, SVG, window images) goes
through ``write_bytes`` or ``write_text``: the data goes to a hidden temporary
file in the same folder, is flushed to the disk, and only then takes the
target's name (``os.replace``, atomic on one file system).  On any failure
the temporary file is removed and an ``OSError`` says, in words, which file
could not be written and why; a full disk never leaves half a file behind.

Reading a file the user chose goes through ``read_regular_file``: a named
pipe or a device is refused instead of freezing the app, and a huge file is
never read whole.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat

from PySide6.QtCore import QCoreApplication

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0)


class WriteError(OSError):
    """A file could not be written: ``str()`` is a sentence naming the file and why.

    ``errno`` and ``filename`` are set as for any ``OSError``.
    """

    def __init__(self, message: str, code: int | None = None, filename: str | None = None):
        super().__init__(message)
        self.message = message
        self.errno = code
        self.filename = filename

    def __str__(self) -> str:
        return self.message


def _failure(path: str, reason: str, code: int | None) -> WriteError:
    message = QCoreApplication.translate("Files", "Could not write {0}: {1}")
    return WriteError(message.format(path, reason), code, path)


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def temp_name(name: str) -> str:
    """A fresh hidden name for the temporary file of ``name``: ``.name.<random>.tmp``."""
    return f".{name}.{secrets.token_hex(4)}.tmp"


def write_bytes(path, data: bytes) -> None:
    """Replace the file at ``path`` with ``data``, atomically.

    Raises ``OSError`` (a ``WriteError``) whose message names ``path`` when
    ``path`` is a folder, when its folder does not exist, or when anything
    fails on the way (full disk, no permission); the file that was there is
    then unchanged and no temporary file is left.
    """
    shown = os.fspath(path)
    target = os.path.realpath(shown)  # through a symbolic link: write the file it names
    folder, name = os.path.split(target)
    if os.path.isdir(target):
        reason = QCoreApplication.translate("Files", "it is a folder.")
        raise _failure(shown, reason, errno.EISDIR)
    if not os.path.isdir(folder):
        reason = QCoreApplication.translate("Files", "the folder {0} does not exist.")
        given_folder = os.path.dirname(os.path.abspath(shown))  # as the user named it
        raise _failure(shown, reason.format(given_folder), errno.ENOENT)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)  # keep an existing file's permissions
    except OSError:
        mode = None
    tmp = None
    try:
        for _ in range(100):
            candidate = os.path.join(folder, temp_name(name))
            try:
                fd = os.open(candidate, _FLAGS, 0o666)  # the umask applies, as to any new file
            except FileExistsError:
                continue
            tmp = candidate
            break
        else:
            raise FileExistsError(errno.EEXIST, "no free temporary name")
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        raise _failure(shown, _reason(e), e.errno) from e
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    _sync_folder(folder)


def write_text(path, text: str, encoding: str = "utf-8") -> None:
    """Replace the file at ``path`` with ``text`` (newlines kept as they are), atomically.

    Fails as ``write_bytes`` does.
    """
    write_bytes(path, text.encode(encoding))


def _sync_folder(folder: str) -> None:
    # Make the new name itself durable (POSIX); best effort, never an error.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_regular_file(path, limit: int) -> bytes | None:
    """Up to ``limit`` bytes of ``path``, or None if it is not a regular file.

    Opened without blocking and checked after opening: a named pipe would
    otherwise freeze the app until something writes to it.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks, size = [], 0
        while size < limit:
            chunk = os.read(fd, limit - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
