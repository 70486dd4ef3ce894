"""thidua's worksheet functions as plain Python (no xlwings): one body for both Excel routes.

``udf.py`` (classic xlwings add-in, Windows) and ``addin/lite/main.py`` (xlwings Lite, Pyodide) only decorate
these. Each function parses what Excel hands over (floats for numbers and IDs, None for blanks and error cells,
flat lists for one column, datetimes or serial numbers for dates), calls the library, and formats the answer.

A problem raises :class:`LoiExcel`: a Vietnamese message plus the Excel error it stands for (``#VALUE!`` for bad
input, ``#N/A`` for an unknown code or a date without a value). The routes turn it into a real error value, never
text, so that ``=SUM`` over a column of results cannot silently skip a failed cell; ``TD_LOI`` gives the message.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from ..binh_xet import PhieuBau, cat_chi_tieu, ket_qua_phieu, khoa_xep_hang, kiem_phieu, so_chi_tieu
from ..danh_muc import doc_cap, doc_danh_hieu, doc_ky_luat, doc_xep_loai
from ..doc_o import LoiO, doc_ma, doc_ngay
from ..loi import LoiThamSo, ThiduaError
from ..mo_hinh import CaNhan
from ..so_do import KIEM_PHIEU, PHIEU_BAU
from ..tham_so import bo_tham_so_mac_dinh, doc_dung_sai, doc_ty_le
from ..tien_thuong import tinh_tien_thuong
from ..tieng_viet import doc_so, doc_so_tien, khoa_so_khop

GIOI_HAN_O = 255  # strings longer than this inside an array result show #VALUE!
GIA_TRI = "#VALUE!"
KHONG_CO = "#N/A"


class LoiExcel(ThiduaError):
    """A function's failure: ``ma`` is the Excel error to show, ``thong_bao`` the Vietnamese reason."""

    def __init__(self, thong_bao: str, ma: str = GIA_TRI) -> None:
        super().__init__(thong_bao[:GIOI_HAN_O])
        self.ma = ma


def goi(ham: Callable[[], Any]) -> Any:
    """Run a body; every failure becomes a LoiExcel (never a traceback)."""
    try:
        return ham()
    except LoiExcel:
        raise
    except LoiThamSo as e:  # no value in force on that date, unknown parameter
        raise LoiExcel(e.thong_bao, KHONG_CO) from None
    except ThiduaError as e:
        raise LoiExcel(e.thong_bao) from None
    except (ValueError, TypeError, KeyError, ArithmeticError, IndexError) as e:
        raise LoiExcel(f"Giá trị không hợp lệ ({e}).") from None
    except Exception as e:
        raise LoiExcel(f"Không tính được ({type(e).__name__}).") from None


def thong_bao_loi(ham: Callable[..., Any], *args: object) -> str:
    """The message of a call, or "" when it works (TD_LOI)."""
    try:
        ham(*args)
    except LoiExcel as e:
        return f"{e.ma} {e.thong_bao}"
    return ""


def ly_do_loi(ten_ham: object, *args: object) -> str:
    """TD_LOI: the reason a call of the function named ``ten_ham`` (TD_…, also _BANG/_COT) fails with these
    arguments, "" when it works. Trailing blank arguments are dropped down to the function's required ones."""
    import inspect

    ten = str(ten_ham or "").strip().upper().removesuffix("_BANG").removesuffix("_COT")
    if ten not in HAM_THEO_TEN:
        return f"Không có hàm '{ten_ham}'; các hàm: {', '.join(HAM_THEO_TEN)}."
    f = HAM_THEO_TEN[ten]
    tham_so = inspect.signature(f).parameters.values()
    bat_buoc = sum(p.default is inspect.Parameter.empty for p in tham_so)
    con = list(args)
    while len(con) > bat_buoc and con[-1] is None:
        con.pop()
    if len(con) > len(tham_so):
        return f"{ten} nhận nhiều nhất {len(tham_so)} đối số."
    return thong_bao_loi(f, *con)


def _ngay(v: object, ten: str) -> dt.date:
    """A date as Excel hands it over (datetime, serial number, dd/mm/yyyy text), read like any workbook cell."""
    try:
        d = doc_ngay(v)
    except LoiO as e:
        raise LoiExcel(f"{ten}: {e}.") from None
    if d is None:
        raise LoiExcel(f"{ten} phải là ngày (dd/mm/yyyy).")
    return d


def _so_nguyen(v: object, ten: str) -> int:
    if isinstance(v, bool) or v is None or v == "":
        raise LoiExcel(f"{ten} phải là số nguyên.")
    if isinstance(v, str):
        v = v.strip().replace(".", "").replace(",", "")
    try:
        f = Fraction(str(v))
    except (ValueError, ZeroDivisionError):
        raise LoiExcel(f"{ten} phải là số nguyên, không phải '{v}'.") from None
    if f.denominator != 1:
        raise LoiExcel(f"{ten} phải là số nguyên, không phải {v}.")
    return int(f)


def bang(v: object) -> list[list[object]]:
    """A range as a list of rows, whatever shape Excel sent (one cell, one column as a flat list, 2-D)."""
    if v is None:
        return []
    if not isinstance(v, list):
        return [[v]]
    if v and not isinstance(v[0], list):
        return [[x] for x in v]
    return v


def cot(v: object) -> list[object]:
    """A range as one flat list (a column or a row)."""
    return [x for dong in bang(v) for x in dong]


def o_excel(v: object) -> object:
    """A value as one Excel cell can hold it: text cut to the cell limit with "…"."""
    if isinstance(v, str) and len(v) > GIOI_HAN_O:
        return v[: GIOI_HAN_O - 1] + "…"
    return v


def o_trong(v: object) -> bool:
    """A blank cell: None or whitespace."""
    return v is None or (isinstance(v, str) and not v.strip())


# ---- table functions ---------------------------------------------------------------------------------------

def kiem_tra(vung: object, dong_dau: object = 1, vung_lich_su: object = None, nam: object = None
             ) -> list[list[object]]:
    def than() -> Any:
        from ..kiem_tra import kiem_tra_vung, so_theo_doi_tu_vung

        if not isinstance(vung, list):
            raise LoiExcel("Vùng chọn phải gồm dòng tiêu đề và các dòng dữ liệu của sheet CaNhan hoặc TapThe.")
        so = None
        van_de_so: list[Any] = []
        if isinstance(vung_lich_su, list):
            so, van_de_so = so_theo_doi_tu_vung(bang(vung_lich_su))
        nam_xet = None if o_trong(nam) else _so_nguyen(nam, "Năm")
        van_de = van_de_so + kiem_tra_vung(bang(vung), _so_nguyen(dong_dau if not o_trong(dong_dau) else 1,
                                                                   "Dòng đầu"), so_theo_doi=so, nam=nam_xet)
        if not van_de:
            return [["Không có lỗi", "", "", ""]]
        return [["Ô", "Dòng", "Mức", "Nội dung"]] + [
            [v.o, v.dong or "", "Lỗi" if v.muc_do == "loi" else "Cảnh báo", o_excel(v.thong_bao)] for v in van_de]

    return goi(than)


def _tieu_de_ung_vien(td: object) -> tuple[str, str | None]:
    s = doc_ma(td)
    if " - " in s:
        ma, dh = s.rsplit(" - ", 1)
        try:
            return ma.strip(), doc_danh_hieu(dh).ma
        except ThiduaError:
            pass
    return s, None


def kiem_phieu_vung(vung_phieu: object, so_thanh_vien: object, so_co_mat: object,
                    ngay_qd: object = None) -> list[list[object]]:
    def than() -> Any:
        b = bang(vung_phieu)
        if len(b) < 2:
            raise LoiExcel("Vùng phiếu cần dòng tiêu đề và ít nhất một phiếu.")
        tieu_de = b[0]
        c_so = next((i for i, t in enumerate(tieu_de) if PHIEU_BAU.cot_theo_khoa("so_phieu").khop(t)), None)
        c_hl = next((i for i, t in enumerate(tieu_de) if PHIEU_BAU.cot_theo_khoa("hop_le").khop(t)), None)
        cac_cot = {i: _tieu_de_ung_vien(t) for i, t in enumerate(tieu_de)
                   if i not in (c_so, c_hl) and not o_trong(t)}
        if not cac_cot:
            raise LoiExcel("Dòng đầu của vùng phải là tiêu đề: Phiếu số, Hợp lệ và các cột 'Mã - Danh hiệu'.")
        uv = [(m, d or "CSTDCS") for m, d in cac_cot.values()]
        phieu = [PhieuBau(doc_ma(d[c_so]) if c_so is not None and not o_trong(d[c_so]) else str(r),
                          {(m, d_ or "CSTDCS"): (d[i] if i < len(d) else None) for i, (m, d_) in cac_cot.items()},
                          hop_le_theo_ban_kiem_phieu=(None if c_hl is None or o_trong(d[c_hl])
                                                      else doc_dung_sai(d[c_hl])))
                 for r, d in enumerate(b[1:], start=1) if any(not o_trong(x) for x in d)]
        tong, co_mat = _so_nguyen(so_thanh_vien, "Số thành viên"), _so_nguyen(so_co_mat, "Số có mặt")
        kp = kiem_phieu(phieu, uv, tong, co_mat)
        ts = bo_tham_so_mac_dinh().tai_ngay(_ngay(ngay_qd, "Ngày quyết định") if not o_trong(ngay_qd)
                                            else dt.date.today())
        ra: list[list[object]] = [["Ứng viên", "Danh hiệu", "Đồng ý", "Mẫu số", "Tỷ lệ", "Ngưỡng", "Kết quả"]]
        for m, d in kp.dong_y:
            p = ket_qua_phieu(kp, (m, d), ts)  # the one vote result (binh_xet), quorum included
            assert p is not None
            ra.append([m, doc_danh_hieu(d).viet_tat, p.dong_y, p.mau_so, float(p.ty_le), float(p.nguong),
                       "Đạt" if p.dat else "Không đạt" if p.du_so_nguoi else "Không có giá trị (thiếu số có mặt)"])
        ra.append([f"Phiếu: phát ra {kp.phat_ra}, thu vào {kp.thu_vao}, hợp lệ {kp.hop_le}, không hợp lệ "
                   f"{kp.khong_hop_le}", "", "", "", "", "", ""])
        return ra

    return goi(than)


_TIEU_DE_XEP_HANG = {khoa_so_khop(x) for x in ("Ứng viên", "Xếp loại", "Hạng", "Họ và tên", "Tỷ lệ", "Kết quả")}


def la_dong_tieu_de(dong: list[object]) -> bool:
    """A first row is a header when one of its cells is a known column title (KiemPhieu/PhieuBau schema, or the
    titles TD_KIEMPHIEU writes), whatever the other cells hold: ["A", None] is a candidate with no vote."""
    return any(any(c.khop(o) for c in (*KIEM_PHIEU.cot, *PHIEU_BAU.cot)) or khoa_so_khop(o) in _TIEU_DE_XEP_HANG
               for o in dong if isinstance(o, str) and o.strip())


def xep_hang(vung_kiem_phieu: object, ty_le_chi_tieu: object, co_so: object, lam_tron: object = "xuong",
             co_tieu_de: object = None) -> list[list[object]]:
    def than() -> Any:
        b = [d for d in bang(vung_kiem_phieu) if any(not o_trong(x) for x in d)]
        tieu_de = la_dong_tieu_de(b[0]) if b and o_trong(co_tieu_de) else bool(b) and doc_dung_sai(co_tieu_de)
        if tieu_de:
            b = b[1:]
        if not b:
            raise LoiExcel("Vùng không có ứng viên nào.")
        ung_vien = []
        for d in b:
            if len(d) < 2:
                raise LoiExcel("Vùng cần ít nhất hai cột: Ứng viên và Đồng ý.")
            xl = doc_xep_loai(d[2]).bac if len(d) > 2 and not o_trong(d[2]) else 0
            phieu = 0 if o_trong(d[1]) else _so_nguyen(d[1], f"Số phiếu của '{d[0]}'")
            sk = doc_cap(d[3]).bac if len(d) > 3 and not o_trong(d[3]) else 0
            ung_vien.append((doc_ma(d[0]), phieu, xl, sk))
        ty_le = doc_ty_le(ty_le_chi_tieu)
        if ty_le is None:
            raise LoiExcel("Cần tỷ lệ chỉ tiêu, ví dụ 15%.")
        gioi_han = so_chi_tieu(ty_le, _so_nguyen(co_so, "Cơ sở tính chỉ tiêu"),
                               str(lam_tron) if not o_trong(lam_tron) else "xuong")
        # the one ranking (binh_xet): votes, rating, initiative level — the same tie as in `thidua xet`
        cat = cat_chi_tieu(ung_vien, lambda u: khoa_xep_hang(u[1], u[2], u[3]), gioi_han)
        ket = {id(u): "Trong chỉ tiêu" for u in cat.trong} | {id(u): "Ngoài chỉ tiêu" for u in cat.ngoai}
        ket |= {id(u): "Hội đồng quyết định (bằng phiếu tại điểm cắt)" for u in cat.hoa_tai_diem_cat}
        return [["Hạng", "Ứng viên", "Đồng ý", f"Kết quả (chỉ tiêu {gioi_han})"]] + [
            [cat.hang[id(u)], u[0], u[1], ket[id(u)]] for u in cat.thu_tu]

    return goi(than)


# ---- per-cell functions ------------------------------------------------------------------------------------

def xet(ma_danh_hieu: object, xep_loai: object, ky_luat: object = None, sang_kien: object = None,
        de_tai: object = None, ngay_tuyen_dung: object = None, ngay_qd: object = None) -> str:
    def than() -> Any:
        from ..xet import xet_mot_dong

        def tuy_chon(v: object, doc: Callable[[object], Any]) -> Any:
            return doc(v) if not o_trong(v) else None

        if o_trong(ma_danh_hieu):
            raise LoiExcel("Cần mã danh hiệu, ví dụ LĐTT.")
        cn = CaNhan("?", "?", xep_loai=tuy_chon(xep_loai, doc_xep_loai), ky_luat=tuy_chon(ky_luat, doc_ky_luat),
                    sang_kien=tuy_chon(sang_kien, doc_cap), de_tai=tuy_chon(de_tai, doc_cap),
                    ngay_tuyen_dung=_ngay(ngay_tuyen_dung, "Ngày tuyển dụng") if not o_trong(ngay_tuyen_dung)
                    else None)
        ngay = _ngay(ngay_qd, "Ngày quyết định") if not o_trong(ngay_qd) else dt.date.today()
        kq = xet_mot_dong(doc_ma(ma_danh_hieu), cn, ngay)
        if kq.du_dieu_kien:
            return "Đạt"
        from ..ket_xuat import tieu_chi_khong_dat

        return o_excel("Không đạt: " + "; ".join(tieu_chi_khong_dat(kq)))

    return goi(than)


def tien_thuong(ma_danh_hieu: object, ngay_qd: object, la_tap_the: object = False) -> int:
    def than() -> Any:
        if o_trong(ma_danh_hieu):
            raise LoiExcel("Cần mã danh hiệu/hình thức, ví dụ CSTĐCS.")
        try:
            dh = doc_danh_hieu(doc_ma(ma_danh_hieu))
        except ThiduaError as e:
            raise LoiExcel(e.thong_bao, KHONG_CO) from None
        ts = bo_tham_so_mac_dinh().tai_ngay(_ngay(ngay_qd, "Ngày quyết định"))
        tap_the = False if o_trong(la_tap_the) else doc_dung_sai(la_tap_the)
        return tinh_tien_thuong(dh, ts, tap_the=tap_the).so_tien

    return goi(than)


def doc_so_chu(so_tien: object, don_vi: object = "đồng") -> str:
    def than() -> Any:
        so = _so_nguyen(so_tien, "Số tiền")
        if don_vi == "đồng":
            return doc_so_tien(so)
        chu = doc_so(so) + (f" {don_vi}" if not o_trong(don_vi) else "")
        return chu[0].upper() + chu[1:]

    return goi(than)


def luong_co_so(ngay: object) -> int:
    return goi(lambda: bo_tham_so_mac_dinh().tai_ngay(_ngay(ngay, "Ngày cần tra"))("tien_thuong.muc_luong_co_so"))


def ty_le(dong_y: object, mau_so: object) -> str:
    """Exact: Fraction(dong_y, mau_so), rounded only when shown (8 of 9 → "88,89 %")."""
    def than() -> Any:
        tu, mau = _so_nguyen(dong_y, "Số phiếu đồng ý"), _so_nguyen(mau_so, "Mẫu số")
        if mau <= 0:
            raise LoiExcel("Mẫu số phải lớn hơn 0.")
        if not 0 <= tu <= mau:
            raise LoiExcel(f"Số phiếu đồng ý ({tu}) phải từ 0 đến mẫu số ({mau}).")
        phan_tram_x100 = math.floor(Fraction(tu * 10_000, mau) + Fraction(1, 2))  # half up, exactly
        nguyen, le = divmod(phan_tram_x100, 100)
        return f"{nguyen},{le:02d} %"

    return goi(than)


# ---- whole-column variants: one result per row, an error value in the failing rows only -----------------------

def theo_cot(ham: Callable[..., Any], *cac_cot: object) -> list[list[object]]:
    """Apply a per-cell function down columns (a single cell is repeated). Blank rows stay blank; a failing row
    holds its LoiExcel (the route turns it into an error value)."""
    cot_ds = [cot(c) if isinstance(c, list) else None for c in cac_cot]
    n = max((len(c) for c in cot_ds if c is not None), default=1)
    ra: list[list[object]] = []
    for i in range(n):
        args = [c[i] if c is not None and i < len(c) else (None if c is not None else v)
                for c, v in zip(cot_ds, cac_cot)]
        if o_trong(args[0]):
            ra.append([""])
            continue
        try:
            ra.append([ham(*args)])
        except LoiExcel as e:
            ra.append([e])
    return ra


HAM_THEO_TEN: dict[str, Callable[..., Any]] = {
    "TD_KIEMTRA": kiem_tra, "TD_KIEMPHIEU": kiem_phieu_vung, "TD_XEPHANG": xep_hang, "TD_XET": xet,
    "TD_TIENTHUONG": tien_thuong, "TD_DOCSO": doc_so_chu, "TD_LUONGCOSO": luong_co_so, "TD_TYLE": ty_le}
