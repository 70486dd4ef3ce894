"""One driver for both interpreters: the xlwings Lite functions and scripts of addin/lite/main.py called on the
shipped example (workbook values as Lite hands them over, dates as Excel serial numbers), the results as JSON.
tests/test_pyodide.py runs it in CPython and in Pyodide under Node.js and compares."""

from __future__ import annotations

import json
import sys


def _gia_tri(x):
    """Results → JSON-able (errors as their Excel code and message)."""
    from thidua.excel.ham import LoiExcel

    if isinstance(x, LoiExcel):
        return {"loi": x.ma, "thong_bao": x.thong_bao}
    if isinstance(x, list):
        return [_gia_tri(v) for v in x]
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def _goi(f, *args):
    from thidua.excel.ham import LoiExcel

    try:
        return _gia_tri(f(*args))
    except LoiExcel as e:
        return _gia_tri(e)


def _sheet(so, ten):
    s = so.sheets[ten]
    cuoi = s.used_range.last_cell
    return _gia_tri(s.range((1, 1), (cuoi.row, cuoi.column)).options(ndim=2).value)


def phu_thuoc_ap_dung() -> list[str]:
    """The installed thidua wheel's requirements that apply in this interpreter (markers evaluated by packaging,
    as micropip does): under Pyodide none — the core is pure Python and needs nothing."""
    from importlib.metadata import distribution

    from packaging.requirements import Requirement

    ra = []
    for dong in distribution("thidua").requires or []:
        r = Requirement(dong)
        if r.marker is None or r.marker.evaluate({"extra": ""}):
            ra.append(r.name)
    return sorted(ra)


def _tu_tieu_de(dong):
    """The ballot range as an officer selects it: from the header row (Phiếu số …) down."""
    i = next(i for i, d in enumerate(dong) if d and isinstance(d[0], str) and d[0].strip().startswith("Phiếu số"))
    return dong[i:]


async def chay(du_lieu_json: str) -> str:
    import main  # addin/lite/main.py

    from so_gia import SoGia

    du_lieu = json.loads(du_lieu_json)
    ngay = 46034.0  # 12/01/2026 as Excel hands a date to a function
    ra: dict[str, object] = {"python": sys.version.split()[0], "nen_tang": sys.platform,
                             "phu_thuoc": phu_thuoc_ap_dung()}
    from thidua.tham_so import bo_tham_so_mac_dinh

    bo_tham_so_mac_dinh()
    ra["tham_so_tu_yaml"] = "yaml" in sys.modules  # PyYAML there → the YAML files; else the compiled JSON
    ra["ham"] = {
        "TD_TIENTHUONG": [_goi(main.TD_TIENTHUONG, "LĐTT", ngay), _goi(main.TD_TIENTHUONG, "CSTĐCS", ngay),
                          _goi(main.TD_TIENTHUONG, "GK", ngay, True), _goi(main.TD_TIENTHUONG, "BK tỉnh", 45838.0),
                          _goi(main.TD_TIENTHUONG, "BK tỉnh", 45839.0), _goi(main.TD_TIENTHUONG, "abc", ngay)],
        "TD_DOCSO": [_goi(main.TD_DOCSO, 1001000.0), _goi(main.TD_DOCSO, 2340000.0), _goi(main.TD_DOCSO, 1.5)],
        "TD_LUONGCOSO": [_goi(main.TD_LUONGCOSO, 45473.0), _goi(main.TD_LUONGCOSO, 45474.0)],
        "TD_TYLE": [_goi(main.TD_TYLE, 8.0, 9.0), _goi(main.TD_TYLE, 1.0, 200.0), _goi(main.TD_TYLE, 1.0, 0.0)],
        "TD_XET": [_goi(main.TD_XET, "LĐTT", "HTNV"), _goi(main.TD_XET, "LĐTT", "HTTNV", None, None, None, None, ngay)],
        "TD_XEPHANG": _goi(main.TD_XEPHANG, [["A", None], ["B", 8.0], ["C", 7.0]], "50%", 6.0),
        "TD_LOI": _goi(main.TD_LOI, "TD_TIENTHUONG", "abc", ngay),
        "TD_TIENTHUONG_COT": [_goi(main.TD_TIENTHUONG_COT, ["LĐTT", None, "CSTĐCS"], ngay),
                              _goi(main.TD_TIENTHUONG_COT, ["LĐTT", "xx"], ngay)],
        "TD_KIEMPHIEU": _goi(main.TD_KIEMPHIEU, _tu_tieu_de(du_lieu["tong-hop.xlsx"]["PhieuBau"]), 11.0, 11.0, ngay),
    }
    # Count: the open workbook tong-hop.xlsx, its PhieuBau sheet.
    so = SoGia("tong-hop.xlsx", du_lieu["tong-hop.xlsx"])
    ra["kiem_phieu_thong_bao"] = main.kiem_phieu_so(so)
    ra["kiem_phieu"] = _sheet(so, "KetQuaKiemPhieu")
    # Validate: a unit workbook, one rating mistyped, the officer's own fill and note on that cell.
    so = SoGia("VP.xlsx", du_lieu["VP.xlsx"])
    ws = so.sheets["CaNhan"]
    cot = next(c for c in range(1, 30) if ws.range((2, c)).value == "Xếp loại")
    o = ws.range((3, cot))
    o.value = "tot"
    o.color = "#00B0F0"
    o.add_note("Chị Lan: hỏi lại")
    ra["kiem_tra_thong_bao"] = await main.kiem_tra_so(so)
    ra["kiem_tra"] = [so.mau("CaNhan", o.address), so.ghi_chu("CaNhan", o.address),
                      _sheet(so, "thidua_danh_dau")]
    o.value = "HTTNV"
    ra["kiem_tra_lan_2_thong_bao"] = await main.kiem_tra_so(so)
    ra["kiem_tra_lan_2"] = [so.mau("CaNhan", o.address), so.ghi_chu("CaNhan", o.address),
                            "thidua_danh_dau" in [s.name for s in so.sheets]]
    # Decide: tong-hop with the units' sheets copied in (Excel names the copies "CaNhan (2)", …).
    gop = dict(du_lieu["tong-hop.xlsx"])
    for i, ten in enumerate(sorted(k for k in du_lieu if k != "tong-hop.xlsx")):
        for sheet, dong in du_lieu[ten].items():
            gop[sheet if i == 0 else f"{sheet} ({i + 1})"] = dong
    so = SoGia("tong-hop.xlsx", gop)
    ra["xet_thong_bao"] = main.xet_so(so)
    ra["xet"] = _sheet(so, "KetQuaXet")
    return json.dumps(ra, ensure_ascii=False, sort_keys=True)
