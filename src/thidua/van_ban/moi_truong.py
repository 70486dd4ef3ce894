"""The one Jinja environment every template renders with: autoescape on (TECH_NOTES: without it docxtpl
silently deletes text such as "&" and "<…>"), Vietnamese filters."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import jinja2

from ..tieng_viet import dinh_dang_ngay, dinh_dang_tien, doc_so_tien


@lru_cache(maxsize=1)
def moi_truong() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["ngay"] = lambda d: dinh_dang_ngay(d) if isinstance(d, dt.date) else (d or "")
    env.filters["tien"] = lambda v: dinh_dang_tien(v) if isinstance(v, int) else (v or "")
    env.filters["chu_so_tien"] = lambda v: doc_so_tien(v) if isinstance(v, int) else ""
    return env
