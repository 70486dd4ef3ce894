"""The Python side of the "Thi đua" ribbon (addin/thidua_addin.xlam, built from xlwings' quickstart add-in).

The ribbon button runs VBA ``RibbonMyAddin.RunMain``, which imports this module and calls ``main()``. It does
what fits the active sheet: CaNhan/TapThe/LichSu → validate and mark wrong cells; PhieuBau/KiemPhieu → count
the ballots into KetQuaKiemPhieu; ThongTin/QuyChe → make every document into a folder beside the workbook.
All logic lives in ``thidua.excel.hanh_dong``; this only talks to Excel (Windows).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

DANH_DAU_CU = "thidua:"


def _ban_sao(wb) -> Path:
    """Save a copy of the open workbook (SaveCopyAs leaves the open one untouched) beside the original, so that
    the other workbooks of its folder are read with it."""
    goc = Path(wb.fullname)
    tam = Path(tempfile.mkdtemp(prefix="thidua-")) / goc.parent.name
    tam.mkdir()
    for p in goc.parent.glob("*.xls*"):
        if p.name != goc.name and not p.name.startswith("~$"):
            (tam / p.name).write_bytes(p.read_bytes())
    ban_sao = tam / goc.name
    wb.api.SaveCopyAs(str(ban_sao))
    return ban_sao


def _xoa_danh_dau_cu(wb) -> None:
    for sh in wb.sheets:
        for c in sh.api.Comments:
            if str(c.Text()).startswith(DANH_DAU_CU):
                c.Parent.Interior.ColorIndex = -4142  # xlNone
                c.Delete()


def main() -> None:
    import xlwings as xw

    from thidua.excel import hanh_dong
    from thidua.loi import ThiduaError

    wb = xw.Book.caller()
    ten = wb.sheets.active.name
    viec = hanh_dong.hanh_dong_cho_sheet(ten)
    try:
        ban_sao = _ban_sao(wb)
        if viec == "kiem_tra":
            _xoa_danh_dau_cu(wb)
            danh_dau = hanh_dong.danh_dau_loi(ban_sao)
            for d in danh_dau:
                o = wb.sheets[d.sheet][d.o]
                o.color = tuple(int(d.mau[i:i + 2], 16) for i in (0, 2, 4))
                o.api.AddComment(d.ghi_chu[:2000])
            xw.apps.active.alert(f"thidua: đánh dấu {len(danh_dau)} ô có vấn đề (rê chuột vào ô để xem).",
                                 title="Kiểm tra")
        elif viec == "kiem_phieu":
            dong = hanh_dong.bang_ket_qua_kiem_phieu(ban_sao)
            if hanh_dong.TEN_SHEET_KIEM_PHIEU in [s.name for s in wb.sheets]:
                sh = wb.sheets[hanh_dong.TEN_SHEET_KIEM_PHIEU]
                sh.clear()
            else:
                sh = wb.sheets.add(hanh_dong.TEN_SHEET_KIEM_PHIEU, after=wb.sheets[-1])
            rong = max(len(d) for d in dong)
            sh["A1"].value = [d + [None] * (rong - len(d)) for d in dong]
            sh.activate()
        else:
            ra = hanh_dong.tao_van_ban_canh_so(Path(wb.fullname))
            xw.apps.active.alert(f"thidua: đã tạo kết quả và văn bản trong {ra}", title="Văn bản")
    except ThiduaError as e:
        xw.apps.active.alert(f"thidua: {e}", title="Lỗi")
