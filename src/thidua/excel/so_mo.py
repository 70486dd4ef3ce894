"""The actions on the workbook open in Excel, from its cell values alone (xlwings Lite: no file can be read, so
the workbook arrives as ``{sheet name: rows of values}``). Pure Python: runs under Pyodide.

- :func:`danh_dau_so` — validate and say which cells to mark (``danh_dau.DanhDau``);
- :func:`kiem_phieu_so` — count the PhieuBau sheet with the ThongTin numbers → rows of ``KetQuaKiemPhieu``;
- :func:`xet_so` — decide (eligibility, vote, quota, money) → rows of ``KetQuaXet``.

Only this workbook is read: unit workbooks must be copied in as sheets (Excel names the copies "CaNhan (2)",
"TapThe (2)", …; they are read as CaNhan, TapThe).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ..doc_bang import BangTho, doc_sheet
from ..kiem_tra import KetQuaKiemTra, kiem_tra_bang
from ..loi import LOI, ThiduaError, VanDe
from ..so_do import PHIEU_BAU, THONG_TIN, tim_sheet
from . import ham
from .danh_dau import DanhDau

MAU_LOI = "FFC7CE"  # light red fill for errors
MAU_CANH_BAO = "FFEB9C"  # light yellow fill for warnings
TEN_SHEET_KIEM_PHIEU = "KetQuaKiemPhieu"
TEN_SHEET_XET = "KetQuaXet"
_BAN_SAO = re.compile(r"\s*\(\d+\)$")


def ten_loai(ten_sheet: str) -> str:
    """Excel's copy of a sheet "CaNhan (2)" is read as a CaNhan sheet."""
    return _BAN_SAO.sub("", ten_sheet)


def _sach(dong: list[list[object]] | object) -> list[list[object]]:
    """Values as xlwings gives a sheet's used range: one row may come flat, one cell bare."""
    b = ham.bang(dong)
    return [[None if x == "" else x for x in d] for d in b]


def gia_tri_so(book) -> dict[str, list[list[object]]]:
    """The values of every sheet thidua knows in an xlwings Book (Lite or classic), each read from A1 so that row
    and column numbers are the sheet's own."""
    from .danh_dau import TEN_SHEET_SO

    ra: dict[str, list[list[object]]] = {}
    for s in book.sheets:
        if s.name == TEN_SHEET_SO or tim_sheet(ten_loai(s.name)) is None:
            continue
        cuoi = s.used_range.last_cell
        ra[s.name] = s.range((1, 1), (max(cuoi.row, 1), max(cuoi.column, 1))).options(ndim=2).value or []
    return ra


def doc_so(gia_tri: dict[str, object], ten_so: str) -> tuple[list[BangTho], list[VanDe]]:
    bang: list[BangTho] = []
    van_de: list[VanDe] = []
    for ten, dong in gia_tri.items():
        if tim_sheet(ten_loai(ten)) is None:
            continue
        b, v = doc_sheet(ten_so, ten, _sach(dong), ten_loai=ten_loai(ten))
        bang += [b] if b is not None else []
        van_de += v
    if not bang and not van_de:
        raise ThiduaError("Sổ đang mở không có sheet nào thidua nhận ra (ThongTin, CaNhan, TapThe, LichSu, PhieuBau, "
                          "KiemPhieu…); mở sổ theo mẫu của thidua.")
    return bang, van_de


def kiem_tra_so(gia_tri: dict[str, object], ten_so: str = "Sổ đang mở") -> KetQuaKiemTra:
    bang, van_de = doc_so(gia_tri, ten_so)
    return kiem_tra_bang(bang, van_de, [Path(ten_so)])


def nhom_danh_dau(van_de: list[VanDe], sheet_co: set[str] | None = None) -> list[DanhDau]:
    """Problems with a cell → one mark per cell: red if any error there, else yellow; every message a line."""
    theo_o: dict[tuple[str, str], list[VanDe]] = defaultdict(list)
    for v in van_de:
        if v.o and v.sheet and (sheet_co is None or v.sheet in sheet_co):
            theo_o[(v.sheet, v.o)].append(v)
    return [DanhDau(sheet, o, MAU_LOI if any(v.muc_do == LOI for v in ds) else MAU_CANH_BAO,
                    "\n".join(v.thong_bao for v in ds)) for (sheet, o), ds in theo_o.items()]


def danh_dau_so(gia_tri: dict[str, object], ten_so: str = "Sổ đang mở") -> tuple[list[DanhDau], list[str]]:
    """The cells to mark, and the workbook-level problems (no cell) as lines to show. Ballot headers naming people
    of other workbooks are not checked when this workbook has no CaNhan/TapThe (Lite cannot read the others)."""
    kq = kiem_tra_so(gia_tri, ten_so)
    co_danh_sach = any((s := tim_sheet(ten_loai(t))) is not None and s.ten in ("CaNhan", "TapThe") for t in gia_tri)
    van_de = [v for v in kq.van_de if co_danh_sach or v.ma_loi != "ung_vien_la"]
    chung = [f"{'Lỗi' if v.muc_do == LOI else 'Cảnh báo'}: {v.thong_bao}" for v in van_de
             if not v.o and (co_danh_sach or v.ma_loi not in ("thieu_sheet",))]
    return nhom_danh_dau(van_de, set(gia_tri)), chung


def _sheet(gia_tri: dict[str, object], ten: str) -> tuple[str, list[list[object]]] | None:
    for t, dong in gia_tri.items():
        s = tim_sheet(ten_loai(t))
        if s is not None and s.ten == ten:
            return t, _sach(dong)
    return None


def _thong_tin(gia_tri: dict[str, object]) -> dict[str, object]:
    tt = _sheet(gia_tri, THONG_TIN.ten)
    ra: dict[str, object] = {}
    for d in tt[1] if tt else []:
        if len(d) >= 2:
            c = next((c for c in THONG_TIN.cot if c.khop(d[0])), None)
            if c is not None:
                ra[c.khoa] = d[1]
    return ra


def kiem_phieu_so(gia_tri: dict[str, object]) -> list[list[object]]:
    """Count the open workbook's PhieuBau with ThongTin's member count, attendance and decision date: the same
    vote result as ``thidua kiem-phieu`` (binh_xet.ket_qua_phieu, through ``ham.kiem_phieu_vung``)."""
    pb = _sheet(gia_tri, PHIEU_BAU.ten)
    if pb is None:
        raise ThiduaError("Sổ đang mở không có sheet PhieuBau.")
    from ..doc_bang import tim_tieu_de

    r, _cot, _khac = tim_tieu_de(pb[1], PHIEU_BAU)
    if r < 0:
        raise ThiduaError(f"Sheet {pb[0]}: không tìm thấy dòng tiêu đề (Phiếu số, Hợp lệ, 'Mã - Danh hiệu'…).")
    tt = _thong_tin(gia_tri)
    thieu = [THONG_TIN.cot_theo_khoa(k).tieu_de for k in ("so_thanh_vien", "so_co_mat") if ham.o_trong(tt.get(k))]
    if thieu:
        raise ThiduaError(f"Sheet ThongTin cần {', '.join(thieu)} để kiểm phiếu.")
    try:
        bang = ham.kiem_phieu_vung(pb[1][r:], tt["so_thanh_vien"], tt["so_co_mat"], tt.get("ngay_quyet_dinh"))
    except ham.LoiExcel as e:
        raise ThiduaError(e.thong_bao) from None
    tong = bang[-1][0]
    so = [int(x) for x in re.findall(r"\d+", str(tong))]
    return [["Phiếu phát ra", so[0]], ["Phiếu thu vào", so[1]], ["Phiếu hợp lệ", so[2]],
            ["Phiếu không hợp lệ", so[3]], [], *bang[:-1]]


def xet_so(gia_tri: dict[str, object], ten_so: str = "Sổ đang mở") -> list[list[object]]:
    """Validate then decide, once, as ``thidua xet`` does; rows of KetQuaXet. With data errors: the errors."""
    from ..ket_xuat import ly_do
    from ..xet import xet_sau_kiem_tra

    kt = kiem_tra_so(gia_tri, ten_so)
    kq = xet_sau_kiem_tra(kt) if not kt.co_loi and kt.du_lieu is not None else None
    if kq is None:
        loi = [v for v in kt.van_de if v.muc_do == LOI]
        dau: list[list[object]] = [["Dữ liệu có lỗi, chưa xét được (sửa rồi chạy lại):"]]
        return dau + [[f"{v.sheet} {v.o}".strip() + f": {v.thong_bao}"] for v in loi[:100]]
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    ra: list[list[object]] = [["Mã", "Họ tên / Tập thể", "Đơn vị", "Danh hiệu", "Kết quả", "Tiền thưởng (đồng)",
                               "Lý do, căn cứ"]]
    for s, k in kq.tat_ca():
        ten = getattr(s, "ho_ten", None) or getattr(s, "ten", "")
        dv = ten_dv.get(getattr(s, "don_vi", ""), getattr(s, "don_vi", "")) if hasattr(s, "ho_ten") else ""
        ket = ("Hội đồng quyết định" if k.can_hoi_dong else "Đạt" if k.dat else "Không đạt")
        ra.append([s.ma, ten, dv, k.danh_hieu.viet_tat, ket, k.tien_thuong if k.dat and k.tien_thuong else "",
                   ham.o_excel("; ".join(ly_do(k)))])
    return ra
