"""Workbooks for the v2 facts (SPEC §8): rows given by header name, written with every sheet's schema headers,
and the CLI run as a user runs it (``python -m thidua … --json`` in a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from thidua.so_do import CA_NHAN, KY_LUAT_SHEET, LICH_SU, SANG_KIEN, TAP_THE, Sheet
from tien_ich import viet_bang

THONG_TIN = {"Năm": 2025, "Cơ quan chủ quản": "UBND TỈNH LAI CHÂU", "Cơ quan": "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
             "Ký hiệu cơ quan": "SNNMT", "Địa danh": "Lai Châu", "Người ký": "Nguyễn Văn Minh",
             "Chức vụ người ký": "GIÁM ĐỐC", "Ngày quyết định": "12/01/2026", "Số thành viên Hội đồng": 9,
             "Số thành viên có mặt": 9}


def _bang(s: Sheet, dong: list[dict[str, Any]]) -> list[list[object]]:
    tieu_de = [c.tieu_de for c in s.cot]
    for d in dong:
        la = set(d) - set(tieu_de)
        assert not la, f"{s.ten}: no column {la}"
    return [tieu_de, *[[d.get(t, "") for t in tieu_de] for d in dong]]


def nguoi(ma: str, **kw: Any) -> dict[str, Any]:
    d = {"Mã CB": ma, "Họ và tên": f"Người {ma}", "Đơn vị": "P1", "Xếp loại": "HTTNV", "Đề nghị": "LĐTT",
         "Đăng ký": kw.get("Đề nghị", "LĐTT"), "Ngày sinh": "15/03/1985"}
    d.update(kw)
    return d


def so(tmp: Path, ca_nhan: list[dict[str, Any]], tap_the: list[dict[str, Any]] | None = None,
       lich_su: list[dict[str, Any]] | None = None, sang_kien: list[dict[str, Any]] | None = None,
       ky_luat: list[dict[str, Any]] | None = None, thong_tin: dict[str, Any] | None = None,
       quy_che: dict[str, Any] | None = None, ten: str = "so.xlsx") -> Path:
    """One workbook of a small department; the council votes unanimously for every proposal that needs it."""
    tt = {**THONG_TIN, **(thong_tin or {})}
    tap_the = tap_the if tap_the is not None else [{"Mã đơn vị": "P1", "Tên tập thể": "Phòng Một", "Xếp loại": "HTTNV"}]
    sheets: dict[str, list[list[object]]] = {
        "ThongTin": [["Mục", "Giá trị"], *[[k, v] for k, v in tt.items()]],
        "CaNhan": _bang(CA_NHAN, ca_nhan),
        "TapThe": _bang(TAP_THE, tap_the),
    }
    if lich_su:
        sheets["LichSu"] = _bang(LICH_SU, lich_su)
    if sang_kien:
        sheets["SangKien"] = _bang(SANG_KIEN, sang_kien)
    if ky_luat:
        sheets["KyLuat"] = _bang(KY_LUAT_SHEET, ky_luat)
    if quy_che:
        sheets["QuyChe"] = [["Mục", "Giá trị"], *[[k, v] for k, v in quy_che.items()]]
    # every proposal the council must vote on gets all votes
    from thidua.danh_muc import doc_danh_sach_danh_hieu

    cot = []
    for d in (*ca_nhan, *tap_the):
        ma = d.get("Mã CB") or d.get("Mã đơn vị")
        for dh in doc_danh_sach_danh_hieu(d.get("Đề nghị") or ""):
            if dh.ma not in ("LDTT", "GK", "TTLDTT"):
                cot.append(f"{ma} - {dh.ma}")
    if cot:
        sheets["KiemPhieu"] = [["Mã", "Danh hiệu", "Số phiếu đồng ý"],
                               *[[c.split(" - ")[0], c.split(" - ")[1], tt["Số thành viên có mặt"]] for c in cot]]
    return viet_bang(tmp / ten, sheets)


def chay_cli(*args: str) -> tuple[int, Any, str]:
    """``python -m thidua ARGS`` in a subprocess: (exit code, parsed JSON or None, stdout+stderr)."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    r = subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True, text=True, env=env, timeout=300)
    try:
        d = json.loads(r.stdout)
    except json.JSONDecodeError:
        d = None
    return r.returncode, d, r.stdout + r.stderr


def kiem_tra(p: Path) -> tuple[int, list[dict[str, Any]]]:
    ma, d, ra = chay_cli("kiem-tra", str(p), "--json")
    assert d is not None and "Traceback" not in ra, ra
    return ma, d["loi"]


def xet(p: Path) -> dict[str, Any]:
    """``xet --json`` on a workbook that must have no data error; {(ma, code): KQ}."""
    ma, d, ra = chay_cli("xet", str(p), "--json")
    assert ma == 0 and d is not None, ra
    kq = {}
    for doi_tuong in (*d["ca_nhan"], *d["tap_the"]):
        for k in doi_tuong["ket_qua"]:
            kq[(doi_tuong["ma"], k["danh_hieu"])] = k
    return kq


def ly_do(k: dict[str, Any]) -> str:
    return " | ".join(k["ly_do"])
