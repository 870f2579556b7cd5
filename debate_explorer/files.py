"""One capped read of a UTF-8 text file, shared by the topic loader and the importer.

Only regular files are read: the file is opened with O_NONBLOCK and checked with fstat before any read, so a
FIFO, a device or a folder gives a clear error instead of a hang or an endless read. Size, encoding and OS
problems become a :class:`FileProblem` that names the file; callers turn it into their own error type.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class FileProblem(Exception):
    """A file that cannot be read as text: ``reason`` is short (no file name), ``line`` where it applies."""

    def __init__(
        self, path: str | os.PathLike[str], reason: str, line: int | None = None, detail: str = ""
    ) -> None:
        super().__init__(reason)
        self.path = str(path)
        self.reason = reason
        self.line = line
        self.detail = detail
        """The reason with its place in the file, for messages that name no line separately."""

    def __str__(self) -> str:
        if self.detail:
            return f"{self.path}: {self.detail}"
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def _kind(mode: int) -> str:
    """What a non-regular file is, for the error message."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: str | os.PathLike[str], max_bytes: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``max_bytes``. Raises FileProblem."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise FileProblem(path, f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = _kind(info.st_mode)
            raise FileProblem(path, f"cannot read {what}: it is {kind}, not a regular file")
        if info.st_size > max_bytes:
            raise FileProblem(path, f"file is {info.st_size:,} bytes; the limit is {max_bytes:,}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FileProblem(path, f"cannot read {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FileProblem(path, f"file is larger than the limit of {max_bytes:,} bytes")
    return data


def decode(path: str | os.PathLike[str], data: bytes) -> str:
    """UTF-8 (a leading BOM dropped) or a FileProblem naming the line and byte that are not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise FileProblem(
            path,
            f"not UTF-8 text (byte 0x{byte:02x})",
            line,
            f"not UTF-8 text (byte 0x{byte:02x} on line {line})",
        ) from None


def read_text(path: str | os.PathLike[str], max_bytes: int, what: str = "file") -> str:
    """A regular file of at most ``max_bytes`` read as UTF-8 text. Raises FileProblem naming the file."""
    return decode(path, read_bytes(Path(path), max_bytes, what))
