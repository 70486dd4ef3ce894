"""Prepared templates kept on disk between runs (issue 15): preparing a template (``ve_nhanh.MauDaDich``: open the
package, patch each part, compile it with Jinja, compress the shared parts) takes ~40 ms, and every process of a
``tong-ket`` that renders it did it again on every run — ~0.4 s of CPU in the worker warming up, and again in the
other one for the templates it renders. What that produced is plain values and compiled code, kept here with
``marshal`` like Python keeps its ``.pyc`` files, and taken back in a millisecond.

An entry is named by the template's bytes and by everything that shapes what preparing produces — the code of
``ve_nhanh`` and of the Jinja environment, and the versions of thidua, Python, Jinja2, docxtpl, python-docx and lxml
— so a template edited, or a library upgraded, is prepared again. Nothing the officer made is kept here: a missing,
unreadable or damaged entry is prepared again and written anew, and a folder that cannot be written is simply not
used. ``THIDUA_BO_NHO_DEM`` names another folder, or ``0`` for none; by default the user's cache folder
(``%LOCALAPPDATA%\\thidua\\Cache`` on Windows, ``$XDG_CACHE_HOME/thidua`` or ``~/.cache/thidua`` elsewhere). Its
entries hold compiled code, trusted as Python trusts its ``__pycache__``: a folder only its user can write.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

BIEN_MOI_TRUONG = "THIDUA_BO_NHO_DEM"
_DUOI = ".mau"


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
def _phien_ban() -> bytes:
    """What, besides the template, decides what preparing it gives."""
    import docx
    import docxtpl
    import jinja2
    from lxml import etree

    from .. import __version__
    from . import moi_truong, ve_nhanh

    h = hashlib.sha256()
    for p in (ve_nhanh.__file__, moi_truong.__file__, __file__):
        h.update(Path(p).read_bytes())
    h.update(repr((__version__, sys.version, jinja2.__version__, docxtpl.__version__, docx.__version__,
                   etree.LXML_VERSION)).encode())
    return h.digest()


def khoa(noi_dung: bytes) -> str:
    """The entry's name for a template of these bytes."""
    return hashlib.sha256(_phien_ban() + noi_dung).hexdigest()


def doc(ten: str) -> dict[str, Any] | None:
    """The entry, or None (none, unreadable, damaged: the caller prepares the template)."""
    tm = thu_muc()
    if tm is None:
        return None
    try:
        gia_tri = marshal.loads((tm / (ten + _DUOI)).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return gia_tri if isinstance(gia_tri, dict) and gia_tri.get("khoa") == ten else None


def ghi(ten: str, gia_tri: dict[str, Any]) -> None:
    """Keep an entry: written whole (a temporary file renamed) or not at all; never an error."""
    tm = thu_muc()
    if tm is None:
        return
    tam = None
    try:
        du_lieu = marshal.dumps({**gia_tri, "khoa": ten})
        tm.mkdir(parents=True, exist_ok=True)
        fd, tam = tempfile.mkstemp(prefix=".~", suffix=_DUOI, dir=tm)
        with os.fdopen(fd, "wb") as f:
            f.write(du_lieu)
        os.replace(tam, tm / (ten + _DUOI))
        tam = None
    except (OSError, ValueError):  # a folder that cannot be written, a value marshal cannot keep: not kept
        pass
    finally:
        if tam is not None:
            Path(tam).unlink(missing_ok=True)
