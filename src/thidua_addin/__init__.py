"""The Python side of the "Thi đua" ribbon (addin/thidua_addin.xlam, built from xlwings' quickstart add-in).

The ribbon button runs the add-in's VBA ``RibbonMyAddin.RunMain``, which imports the module named like the add-in
file (``thidua_addin``) and calls ``main()``. It does what fits the active sheet: CaNhan/TapThe/LichSu → validate
and mark wrong cells; PhieuBau/KiemPhieu → count the ballots into KetQuaKiemPhieu; ThongTin/QuyChe → make every
document into a new dated folder beside the workbook's folder. All logic lives in ``thidua.excel.hanh_dong`` and
``thidua.excel.danh_dau``; this only talks to Excel (Windows). Whatever happens, the officer sees a Vietnamese
message box, never a traceback.
"""

from __future__ import annotations

TIEU_DE = "Thi đua"


def thong_bao_loi(e: BaseException) -> str:
    """A Vietnamese sentence for any failure (the technical name only as a hint for whoever supports the PC)."""
    from thidua.loi import ThiduaError

    if isinstance(e, ThiduaError):
        return f"thidua: {e}"
    if isinstance(e, PermissionError):
        return (f"thidua: không ghi được tệp ({e.filename or 'tệp kết quả'}): tệp đang mở trong Excel hoặc thư mục chỉ "
                "đọc. Đóng tệp đó hoặc chọn thư mục khác rồi bấm lại.")
    if isinstance(e, OSError):
        return f"thidua: lỗi đọc/ghi tệp ({e.strerror or type(e).__name__}). Kiểm tra ổ đĩa, quyền ghi rồi bấm lại."
    return (f"thidua: có lỗi chưa lường trước ({type(e).__name__}). Lưu sổ, đóng Excel, mở lại và bấm lại; nếu vẫn "
            "lỗi, gửi sổ cho bộ phận hỗ trợ kèm dòng này.")


def _ghi_kiem_phieu(wb, ten_sheet: str, dong: list[list[object]]) -> None:
    if ten_sheet in [s.name for s in wb.sheets]:
        sh = wb.sheets[ten_sheet]
        sh.clear()  # thidua's own result sheet, rewritten each time
    else:
        sh = wb.sheets.add(ten_sheet, after=wb.sheets[-1])
    rong = max(len(d) for d in dong)
    sh["A1"].value = [d + [None] * (rong - len(d)) for d in dong]
    sh.activate()


def main() -> None:
    try:
        import xlwings as xw

        wb = xw.Book.caller()
    except Exception as e:  # no Excel caller: nothing to show a box in
        raise SystemExit(f"thidua: nút này chạy từ Excel (thẻ Thi đua). ({type(e).__name__})") from None
    app = wb.app
    try:
        from thidua.excel import danh_dau, hanh_dong

        dang_mo = wb.sheets.active
        kq = hanh_dong.chay_nut(dang_mo.name, wb.fullname, lambda dich: wb.api.SaveCopyAs(str(dich)))
        if kq.viec == "kiem_tra":
            so_cu = danh_dau.doc_so_xlwings(wb)
            trang_thai = danh_dau.trang_thai_xlwings(wb, danh_dau.o_can_doc(so_cu, kq.danh_dau))
            buoc, so_moi = danh_dau.ke_hoach(so_cu, kq.danh_dau, trang_thai)
            danh_dau.ap_dung_xlwings(wb, buoc, so_moi)
            dang_mo.activate()
        elif kq.viec == "kiem_phieu":
            _ghi_kiem_phieu(wb, hanh_dong.TEN_SHEET_KIEM_PHIEU, kq.dong_kiem_phieu)
        app.alert(kq.thong_bao, title=TIEU_DE)
    except Exception as e:
        app.alert(thong_bao_loi(e), title=f"{TIEU_DE} – chưa làm được")
