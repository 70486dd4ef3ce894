"""Prepared templates kept on disk between runs (issue 15): preparing a template (``ve_nhanh.MauDaDich``: open the
package, patch each part, compile it with Jinja, compress the shared parts) takes ~40 ms, and every process of a
``tong-ket`` that renders it did it again on every run — ~0.4 s of CPU in the worker warming up, and again in the
other one for the templates it renders. What that produced is plain values and compiled code, kept here with
``marshal`` like Python keeps its ``.pyc`` files, and taken back in a millisecond.

An entry is named by the template's bytes and by everything that shapes what preparing produces — the code of
``ve_nhanh`` and of the Jinja environment, and the versions of thidua, Python, Jinja2, docxtpl, python-docx and lxml
— so a template edited, or a library upgraded, is prepared again. Nothing the officer made is kept here: a missing,
unreadable or damaged entry is prepared again and written anew, and a folder that cannot be written is simply not
used. ``THIDUA_BO_NHO_DEM`` names another folder (entries go in its ``mau`` subfolder), or ``0`` for none; by
default the user's cache folder (``%LOCALAPPDATA%\\thidua\\Cache\\mau`` on Windows, ``$XDG_CACHE_HOME/thidua/mau`` or
``~/.cache/thidua/mau`` elsewhere). Entries hold compiled code, trusted as Python trusts its ``__pycache__``: the
folder is made the user's own (0700), and on POSIX one another user could write to is not used; each entry starts
with the SHA-256 of the rest, so damaged bytes are never loaded. Entries a run takes are marked used (their
modification time); those not used for ``NGAY_GIU`` days — an earlier version's after an upgrade, a template
since edited — are removed when a new entry is written, so the folder does not grow with every upgrade.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BIEN_MOI_TRUONG = "THIDUA_BO_NHO_DEM"
_DUOI = ".mau"
NGAY_GIU = 30  # days an entry no run took is kept


def thu_muc() -> Path | None:
    """The cache folder, or None when disabled (``THIDUA_BO_NHO_DEM=0``)."""
    dat = os.environ.get(BIEN_MOI_TRUONG)
    if dat is not None:
        return None if dat.strip() in ("", "0") else Path(dat) / "mau"
    try:
        if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
            goc = Path(os.environ["LOCALAPPDATA"]) / "thidua" / "Cache"
        else:
            goc = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "thidua"
    except RuntimeError:  # no home folder to be found: no cache
        return None
    return goc / "mau"


@functools.lru_cache(maxsize=1)
def _phien_ban() -> bytes | None:
    """What, besides the template, decides what preparing it gives: the code that prepares and compiles (Jinja folds
    a filter applied to a constant at compile time, so the filters' module too) and the libraries' versions. None
    (no cache) where thidua's sources are not there to read (an install of compiled files only)."""
    import docx
    import docxtpl
    import jinja2
    from lxml import etree

    from .. import __version__, tieng_viet
    from . import moi_truong, ve_nhanh

    h = hashlib.sha256()
    try:
        for p in (ve_nhanh.__file__, moi_truong.__file__, tieng_viet.__file__, __file__):
            h.update(Path(p).read_bytes())
    except (OSError, TypeError):
        return None
    h.update(repr((__version__, sys.version, jinja2.__version__, docxtpl.__version__, docx.__version__,
                   etree.LXML_VERSION)).encode())
    return h.digest()


def khoa(noi_dung: bytes) -> str | None:
    """The entry's name for a template of these bytes (None: no cache)."""
    pb = _phien_ban()
    return None if pb is None else hashlib.sha256(pb + noi_dung).hexdigest()


def _rieng(tm: Path) -> bool:
    """Whether the folder is the user's own: its entries hold code that runs, so a folder another user could write
    to is not used (POSIX: owned by this user, not writable by group or others)."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the user's own LOCALAPPDATA
    try:
        tt = tm.stat()
    except OSError:
        return False
    return tt.st_uid == os.getuid() and not tt.st_mode & 0o022


def doc(ten: str | None) -> dict[str, Any] | None:
    """The entry, or None (none, unreadable, damaged, in a folder not the user's own: the caller prepares the
    template)."""
    tm = thu_muc()
    if tm is None or ten is None:
        return None
    p = tm / (ten + _DUOI)
    try:
        du_lieu = p.read_bytes()
    except OSError:
        return None
    tong, than = du_lieu[:32], du_lieu[32:]
    if hashlib.sha256(than).digest() != tong or not _rieng(tm):  # damaged bytes never reach marshal
        return None
    try:
        gia_tri = marshal.loads(than)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(gia_tri, dict) or gia_tri.get("khoa") != ten:
        return None
    with contextlib.suppress(OSError):
        os.utime(p)  # used: kept (``ghi`` removes the entries no run took for NGAY_GIU days)
    return gia_tri


def ghi(ten: str | None, gia_tri: dict[str, Any]) -> None:
    """Keep an entry: written whole (a temporary file renamed) or not at all; never an error. The folder is made
    the user's own (0700); temporary files a killed run left more than a day ago, and entries no run took for
    ``NGAY_GIU`` days, are removed."""
    tm = thu_muc()
    if tm is None or ten is None:
        return
    tam = None
    try:
        than = marshal.dumps({**gia_tri, "khoa": ten})
        tm.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _rieng(tm):
            return
        fd, tam = tempfile.mkstemp(prefix=".~", suffix=_DUOI, dir=tm)
        with os.fdopen(fd, "wb") as f:
            f.write(hashlib.sha256(than).digest() + than)
        os.replace(tam, tm / (ten + _DUOI))
        tam = None
        bay_gio = time.time()
        for p in tm.glob("*" + _DUOI):
            with contextlib.suppress(OSError):
                if p.stat().st_mtime < bay_gio - (86_400 if p.name.startswith(".~") else NGAY_GIU * 86_400):
                    p.unlink()
    except (OSError, ValueError):  # a folder that cannot be written, a value marshal cannot keep: not kept
        pass
    finally:
        if tam is not None:
            Path(tam).unlink(missing_ok=True)
