"""The parameter tree (``params/**/*.yaml``) compiled to one JSON file, for Python without PyYAML.

PyYAML has no pure-Python wheel, so under Pyodide (xlwings Lite) the YAML files cannot be read. The wheel build
(``hatch_build.py``) writes ``thidua/_du_lieu/tham_so.json`` with :func:`bien_dich`; ``bo_tham_so_mac_dinh``
reads it when ``import yaml`` fails, through the same checks as the YAML files. Tests check the JSON decodes to
exactly the YAML tree.

This module imports nothing of thidua at module level, so the build hook can load it from its file alone.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

TEN_TEP_JSON = "tham_so.json"
_NGAY = "$ngay"  # a YAML date: {"$ngay": "2024-07-01"}
_CAP = "$cap"  # a mapping whose keys are not all text (dated values): {"$cap": [[key, value], ...]}


def ma_hoa(x: Any) -> Any:
    """A YAML tree (dicts, lists, str, int, float, bool, None, dates) → a JSON-able tree, reversibly."""
    if isinstance(x, dt.datetime):
        raise ValueError(f"thời điểm {x} không dùng trong tham số; chỉ ghi ngày YYYY-MM-DD")
    if isinstance(x, dt.date):
        return {_NGAY: x.isoformat()}
    if isinstance(x, dict):
        if all(isinstance(k, str) for k in x):
            return {k: ma_hoa(v) for k, v in x.items()}
        return {_CAP: [[ma_hoa(k), ma_hoa(v)] for k, v in x.items()]}
    if isinstance(x, list):
        return [ma_hoa(v) for v in x]
    if x is None or isinstance(x, str | int | float | bool):
        return x
    raise ValueError(f"giá trị kiểu {type(x).__name__} không ghi được ra JSON")


def giai_ma(x: Any) -> Any:
    """The reverse of :func:`ma_hoa`."""
    if isinstance(x, dict):
        if set(x) == {_NGAY}:
            return dt.date.fromisoformat(x[_NGAY])
        if set(x) == {_CAP}:
            return {_khoa(giai_ma(k)): giai_ma(v) for k, v in x[_CAP]}
        return {k: giai_ma(v) for k, v in x.items()}
    if isinstance(x, list):
        return [giai_ma(v) for v in x]
    return x


def _khoa(k: Any) -> Any:
    return tuple(k) if isinstance(k, list) else k


def cay_yaml(thu_muc: Path, doc: Any = None) -> dict[str, Any]:
    """{dotted name: raw YAML tree} for every parameter file under ``thu_muc`` (``doc`` reads one file; by default
    ``yaml.safe_load``)."""
    if doc is None:
        import yaml

        def doc(p: Path) -> Any:
            return yaml.safe_load(p.read_text(encoding="utf-8"))

    thu_muc = Path(thu_muc)
    return {".".join(p.relative_to(thu_muc).with_suffix("").parts): doc(p)
            for p in sorted(thu_muc.rglob("*")) if p.is_file() and p.suffix in (".yaml", ".yml")}


def bien_dich(thu_muc: Path, doc: Any = None) -> str:
    """The whole tree as JSON text (stable: sorted keys, so two builds give the same bytes)."""
    return json.dumps({ten: ma_hoa(v) for ten, v in cay_yaml(thu_muc, doc).items()}, ensure_ascii=False,
                      sort_keys=True, indent=1) + "\n"


def doc_json(van_ban: str) -> dict[str, Any]:
    """JSON text of :func:`bien_dich` → {dotted name: raw tree}, dates as ``datetime.date`` again."""
    return {ten: giai_ma(v) for ten, v in json.loads(van_ban).items()}


def tep_json_kem_theo() -> Path:
    """Where the wheel put the compiled tree."""
    p = Path(str(resources.files("thidua") / "_du_lieu" / TEN_TEP_JSON))
    if not p.is_file():
        from .loi import LoiThamSo

        raise LoiThamSo(f"Không có PyYAML và cũng không có {p}: cài thidua từ tệp wheel (đã kèm tham số dạng JSON) "
                        "hoặc cài PyYAML.", tep=str(p))
    return p
