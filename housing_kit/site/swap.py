"""Putting a freshly built site in place of ``site/`` in one step, one build at a time.

A build writes into ``.site-new-<pid>/``; once MkDocs has finished, the folder
is renamed ``.site-ready-<pid>/`` (complete, not yet in place) and exchanged
with ``site/`` by one ``renameat2(RENAME_EXCHANGE)`` on Linux, so there is no
moment without a ``site/``. Elsewhere (or on a file system without the
exchange) it falls back to two renames, ``site/`` -> ``.site-old-<pid>/`` then
``.site-ready-<pid>/`` -> ``site/``.

A build killed at any point leaves only folders with these names. The next
build, holding the lock, removes them, and restores a missing ``site/`` from a
complete one (``.site-ready-*`` first: the newest finished build, then
``.site-old-*``: the previous site). ``.site-new-*`` folders are never
complete and are only removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

NEW, READY, OLD = ".site-new-", ".site-ready-", ".site-old-"
LOCK = Path(".cache") / "site.lock"


def tell(message: str) -> None:
    """Where a build says it waits or restored something: standard error."""
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def build_lock(root: Path, notify: Callable[[str], None] = tell) -> Iterator[None]:
    """Held for a whole build of the site in ``root``; a second build waits, and says so."""
    path = Path(root) / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            notify(f"another build of this site is running; waiting for it to finish ({path})")
            while not _try_lock(fd, wait=True):
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed


def _try_lock(fd: int, *, wait: bool = False) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # Windows only
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def leftovers(root: Path) -> list[Path]:
    """Folders interrupted builds left beside ``site/``."""
    return sorted(p for p in Path(root).iterdir() if p.is_dir() and p.name.startswith((NEW, READY, OLD)))


def recover(root: Path, final: Path) -> Path | None:
    """Remove what interrupted builds left; restore a missing ``final`` from a complete leftover.
    Returns the folder ``final`` was restored from, if it was. Call it holding the lock."""
    found = leftovers(root)
    restored = None
    if not final.exists():
        for prefix in (READY, OLD):
            complete = sorted((p for p in found if p.name.startswith(prefix)), key=_mtime, reverse=True)
            if complete:
                restored = complete[0]
                os.rename(restored, final)
                found.remove(restored)
                break
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return restored


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def swap_in(fresh: Path, final: Path) -> None:
    """Put the complete site in ``fresh`` in place of ``final``, then delete the old one."""
    suffix = fresh.name.rsplit("-", 1)[-1]
    ready = fresh.with_name(READY + suffix)
    old = fresh.with_name(OLD + suffix)
    os.rename(fresh, ready)
    if not final.exists():
        os.rename(ready, final)
        return
    if exchange(ready, final):
        os.rename(ready, old)  # it holds the previous site now
    else:
        os.rename(final, old)
        os.rename(ready, final)
    shutil.rmtree(old, ignore_errors=True)


# Linux's renameat2 flags and the "current directory" file descriptor (linux/fcntl.h).
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step. False where the system cannot (not Linux, an old
    C library or kernel, a file system without it): the caller falls back to two renames."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))
