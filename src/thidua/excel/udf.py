"""thidua's functions inside Excel (xlwings classic UDFs; SPEC §6, TECH_NOTES "xlwings").

Each function parses what Excel hands over (floats for numbers and IDs, None for blanks and error cells, flat
lists for one column, datetimes or serial numbers for dates), calls one library function, and formats the
answer. Errors come back as a short Vietnamese message in the cell, never a traceback.

Rules for this module (checked by tests/test_excel.py): ASCII names with the TD_ prefix; the docstring is the
Excel description (Vietnamese, ≤ 255 characters); arguments carry no type hints (xlwings would take them as
converters) and are not VBA keywords; ``_BANG`` variants return with ``expand="table"`` for Excel without
dynamic arrays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import xlwings as xw

from ..binh_xet import PhieuBau, cat_chi_tieu, kiem_phieu, so_chi_tieu
from ..danh_muc import doc_cap, doc_danh_hieu, doc_ky_luat, doc_xep_loai
from ..doc_o import LoiO, doc_ma, doc_ngay
from ..loi import ThiduaError
from ..mo_hinh import CaNhan
from ..so_do import PHIEU_BAU
from ..tham_so import bo_tham_so_mac_dinh, doc_dung_sai, doc_ty_le
from ..tien_thuong import tinh_tien_thuong
from ..tieng_viet import dinh_dang_ty_le, doc_so, doc_so_tien

DANH_MUC = "Thi đua"
GIOI_HAN_O = 255  # strings longer than this inside an array result show #VALUE!


def _goi(ham: Callable[[], Any]) -> Any:
    """Run a UDF body; any error becomes a short Vietnamese message (never a traceback in the cell)."""
    try:
        return ham()
    except ThiduaError as e:
        return ("Lỗi: " + e.thong_bao)[:GIOI_HAN_O]
    except (ValueError, TypeError, KeyError, ArithmeticError) as e:
        return f"Lỗi: giá trị không hợp lệ ({e})"[:GIOI_HAN_O]
    except Exception as e:
        return f"Lỗi: không tính được ({type(e).__name__})"


def _ngay(v: object, ten: str) -> dt.date:
    """A date as Excel hands it over (datetime, serial number, dd/mm/yyyy text), read like any workbook cell."""
    try:
        d = doc_ngay(v)
    except LoiO as e:
        raise ThiduaError(f"{ten}: {e}.") from None
    if d is None:
        raise ThiduaError(f"{ten} phải là ngày (dd/mm/yyyy).")
    return d


def _bang(v: object) -> list[list[object]]:
    """A range as a list of rows, whatever shape Excel sent (one cell, one column as a flat list, 2-D)."""
    if v is None:
        return []
    if not isinstance(v, list):
        return [[v]]
    if v and not isinstance(v[0], list):
        return [[x] for x in v]
    return v


def _o(v: object) -> object:
    if isinstance(v, str) and len(v) > GIOI_HAN_O:
        return v[: GIOI_HAN_O - 1] + "…"
    return v


@xw.func(category=DANH_MUC)
@xw.arg("vung", ndim=2, doc="Vùng CaNhan hoặc TapThe, gồm cả dòng tiêu đề.")
@xw.arg("dong_dau", doc="Số dòng của dòng đầu vùng trong sheet (mặc định 1).")
def TD_KIEMTRA(vung, dong_dau=1):
    """Kiểm tra vùng CaNhan hoặc TapThe (có dòng tiêu đề): trả về bảng các lỗi gồm ô, mức độ và cách sửa."""
    def than() -> Any:
        from ..kiem_tra import kiem_tra_vung

        van_de = kiem_tra_vung(_bang(vung), int(dong_dau or 1))
        if not van_de:
            return [["Không có lỗi", "", "", ""]]
        return [["Ô", "Dòng", "Mức", "Nội dung"]] + [
            [v.o, v.dong or "", "Lỗi" if v.muc_do == "loi" else "Cảnh báo", _o(v.thong_bao)] for v in van_de]

    return _goi(than)


def _tieu_de_ung_vien(td: object) -> tuple[str, str | None]:
    s = doc_ma(td)
    if " - " in s:
        ma, dh = s.rsplit(" - ", 1)
        try:
            return ma.strip(), doc_danh_hieu(dh).ma
        except ThiduaError:
            pass
    return s, None


@xw.func(category=DANH_MUC)
@xw.arg("vung_phieu", ndim=2, doc="Vùng PhieuBau: dòng tiêu đề (Phiếu số, Hợp lệ, Mã - Danh hiệu…) và các phiếu.")
@xw.arg("so_thanh_vien", doc="Tổng số thành viên Hội đồng.")
@xw.arg("so_co_mat", doc="Số thành viên có mặt (số phiếu phát ra).")
@xw.arg("ngay_qd", doc="Ngày quyết định (mặc định hôm nay).")
def TD_KIEMPHIEU(vung_phieu, so_thanh_vien, so_co_mat, ngay_qd=None):
    """Kiểm phiếu vùng PhieuBau: số đồng ý, mẫu số, tỷ lệ, ngưỡng và kết quả của từng ứng viên theo quy định."""
    def than() -> Any:
        bang = _bang(vung_phieu)
        if len(bang) < 2:
            raise ThiduaError("Vùng phiếu cần dòng tiêu đề và ít nhất một phiếu.")
        tieu_de = bang[0]
        c_so = next((i for i, t in enumerate(tieu_de) if PHIEU_BAU.cot_theo_khoa("so_phieu").khop(t)), None)
        c_hl = next((i for i, t in enumerate(tieu_de) if PHIEU_BAU.cot_theo_khoa("hop_le").khop(t)), None)
        cot = {i: _tieu_de_ung_vien(t) for i, t in enumerate(tieu_de) if i not in (c_so, c_hl) and t not in (None, "")}
        uv = [(m, d or "CSTDCS") for m, d in cot.values()]
        phieu = [PhieuBau(doc_ma(d[c_so]) if c_so is not None else str(r),
                          {(m, d_ or "CSTDCS"): (d[i] if i < len(d) else None) for i, (m, d_) in cot.items()},
                          hop_le_theo_ban_kiem_phieu=(None if c_hl is None or d[c_hl] in (None, "")
                                                      else doc_dung_sai(d[c_hl])))
                 for r, d in enumerate(bang[1:], start=1) if any(x not in (None, "") for x in d)]
        tong, co_mat = int(so_thanh_vien), int(so_co_mat)
        kp = kiem_phieu(phieu, uv, tong, co_mat)
        ts = bo_tham_so_mac_dinh().tai_ngay(_ngay(ngay_qd, "Ngày quyết định") if ngay_qd else dt.date.today())
        from ..binh_xet import KetQuaPhieu

        loai = ts("binh_xet.mau_so")
        ra: list[list[object]] = [["Ứng viên", "Danh hiệu", "Đồng ý", "Mẫu số", "Tỷ lệ", "Ngưỡng", "Kết quả"]]
        for (m, d), dong_y in kp.dong_y.items():
            p = KetQuaPhieu(dong_y, kp.mau_so(loai), ts(f"binh_xet.nguong.{d}"), loai)
            ra.append([m, doc_danh_hieu(d).viet_tat, dong_y, p.mau_so, float(p.ty_le), float(p.nguong),
                       "Đạt" if p.dat else "Không đạt"])
        ra.append([f"Phiếu: phát ra {kp.phat_ra}, thu vào {kp.thu_vao}, hợp lệ {kp.hop_le}, không hợp lệ "
                   f"{kp.khong_hop_le}", "", "", "", "", "", ""])
        return ra

    return _goi(than)


@xw.func(category=DANH_MUC)
@xw.arg("vung_kiem_phieu", ndim=2, doc="Bảng kiểm phiếu: cột Ứng viên và cột Đồng ý (có thể thêm cột Xếp loại).")
@xw.arg("ty_le_chi_tieu", doc="Tỷ lệ chỉ tiêu, ví dụ 15%.")
@xw.arg("co_so", doc="Số người làm cơ sở tính chỉ tiêu, ví dụ số LĐTT.")
@xw.arg("lam_tron", doc="xuong (mặc định), gan_nhat hoặc len.")
def TD_XEPHANG(vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron="xuong"):
    """Xếp hạng ứng viên theo số phiếu (rồi xếp loại) và cắt theo chỉ tiêu; bằng phiếu tại điểm cắt thì báo Hội đồng quyết định."""
    def than() -> Any:
        bang = [d for d in _bang(vung_kiem_phieu) if any(x not in (None, "") for x in d)]
        if bang and not isinstance(bang[0][1] if len(bang[0]) > 1 else None, int | float):
            bang = bang[1:]  # header row
        ung_vien = []
        for d in bang:
            xl = doc_xep_loai(d[2]).bac if len(d) > 2 and d[2] not in (None, "") else 0
            ung_vien.append((doc_ma(d[0]), int(d[1] or 0), xl))
        ty_le = doc_ty_le(ty_le_chi_tieu)
        if ty_le is None:
            raise ThiduaError("Cần tỷ lệ chỉ tiêu, ví dụ 15%.")
        gioi_han = so_chi_tieu(ty_le, int(co_so), str(lam_tron or "xuong"))
        cat = cat_chi_tieu(ung_vien, lambda u: (u[1], u[2]), gioi_han)
        ket = {id(u): "Trong chỉ tiêu" for u in cat.trong} | {id(u): "Ngoài chỉ tiêu" for u in cat.ngoai}
        ket |= {id(u): "Hội đồng quyết định (bằng phiếu tại điểm cắt)" for u in cat.hoa_tai_diem_cat}
        xep = sorted(ung_vien, key=lambda u: (-u[1], -u[2]))
        return [["Hạng", "Ứng viên", "Đồng ý", f"Kết quả (chỉ tiêu {gioi_han})"]] + [
            [i, u[0], u[1], ket[id(u)]] for i, u in enumerate(xep, start=1)]

    return _goi(than)


@xw.func(category=DANH_MUC)
@xw.arg("ma_danh_hieu", doc="Mã, viết tắt hoặc tên danh hiệu, ví dụ LĐTT.")
@xw.arg("xep_loai", doc="HTXSNV, HTTNV, HTNV hoặc KHTNV.")
@xw.arg("ky_luat", doc="Hình thức kỷ luật trong năm (để trống nếu không).")
@xw.arg("sang_kien", doc="Cấp sáng kiến: Cơ sở, Tỉnh, Toàn quốc (để trống nếu không).")
@xw.arg("de_tai", doc="Cấp đề tài được nghiệm thu (để trống nếu không).")
@xw.arg("ngay_tuyen_dung", doc="Ngày tuyển dụng (để trống nếu đã lâu).")
@xw.arg("ngay_qd", doc="Ngày quyết định (mặc định hôm nay).")
def TD_XET(ma_danh_hieu, xep_loai, ky_luat=None, sang_kien=None, de_tai=None, ngay_tuyen_dung=None, ngay_qd=None):
    """Xét một dòng có đủ điều kiện một danh hiệu không: "Đạt" hoặc "Không đạt: …" kèm tiêu chí chưa đạt."""
    def than() -> Any:
        from ..xet import xet_mot_dong

        def tuy_chon(v: object, doc: Callable[[object], Any]) -> Any:
            return doc(v) if v not in (None, "") else None

        cn = CaNhan("?", "?", xep_loai=tuy_chon(xep_loai, doc_xep_loai), ky_luat=tuy_chon(ky_luat, doc_ky_luat),
                    sang_kien=tuy_chon(sang_kien, doc_cap), de_tai=tuy_chon(de_tai, doc_cap),
                    ngay_tuyen_dung=_ngay(ngay_tuyen_dung, "Ngày tuyển dụng") if ngay_tuyen_dung else None)
        ngay = _ngay(ngay_qd, "Ngày quyết định") if ngay_qd else dt.date.today()
        kq = xet_mot_dong(doc_ma(ma_danh_hieu), cn, ngay)
        if kq.du_dieu_kien:
            return "Đạt"
        return _o(kq.ly_do[0].replace("Không đủ điều kiện: ", "Không đạt: "))

    return _goi(than)


@xw.func(category=DANH_MUC)
@xw.arg("ma_danh_hieu", doc="Mã, viết tắt hoặc tên danh hiệu/hình thức, ví dụ CSTĐCS.")
@xw.arg("ngay_qd", doc="Ngày ký quyết định.")
@xw.arg("la_tap_the", doc="TRUE nếu tập thể nhận Giấy khen/Bằng khen.")
def TD_TIENTHUONG(ma_danh_hieu, ngay_qd, la_tap_the=False):
    """Tiền thưởng (đồng) của một danh hiệu, hình thức theo lương cơ sở tại ngày quyết định, đã làm tròn lên hàng chục nghìn."""
    def than() -> Any:
        ts = bo_tham_so_mac_dinh().tai_ngay(_ngay(ngay_qd, "Ngày quyết định"))
        return tinh_tien_thuong(doc_danh_hieu(doc_ma(ma_danh_hieu)), ts, tap_the=bool(la_tap_the)).so_tien

    return _goi(than)


@xw.func(category=DANH_MUC)
@xw.arg("so_tien", doc="Số tiền (số nguyên, đồng).")
@xw.arg("don_vi", doc="Chữ đơn vị ở cuối (mặc định \"đồng\"; để \"\" nếu chỉ đọc số).")
def TD_DOCSO(so_tien, don_vi="đồng"):
    """Đọc số tiền bằng chữ theo cách viết trong văn bản hành chính, ví dụ 1.001.000 → "Một triệu không trăm linh một nghìn đồng"."""
    def than() -> Any:
        if isinstance(so_tien, str):
            so = int(so_tien.replace(".", "").replace(",", "").strip())
        elif isinstance(so_tien, float) and not so_tien.is_integer():
            raise ThiduaError("Số tiền phải là số nguyên đồng.")
        else:
            so = int(so_tien)
        if don_vi == "đồng":
            return doc_so_tien(so)
        chu = doc_so(so) + (f" {don_vi}" if don_vi else "")
        return chu[0].upper() + chu[1:]

    return _goi(than)


@xw.func(category=DANH_MUC)
@xw.arg("ngay", doc="Ngày cần tra (ngày ký quyết định).")
def TD_LUONGCOSO(ngay):
    """Mức lương cơ sở (đồng/tháng) có hiệu lực vào một ngày, dùng để tính tiền thưởng."""
    return _goi(lambda: bo_tham_so_mac_dinh().tai_ngay(_ngay(ngay, "Ngày cần tra"))("tien_thuong.muc_luong_co_so"))


@xw.func(category=DANH_MUC)
@xw.arg("dong_y", doc="Số phiếu đồng ý.")
@xw.arg("mau_so", doc="Mẫu số (tổng số thành viên, số có mặt hoặc số phiếu hợp lệ).")
def TD_TYLE(dong_y, mau_so):
    """Tỷ lệ phiếu đồng ý dạng "88,89 %" (tính chính xác bằng phân số)."""
    return _goi(lambda: dinh_dang_ty_le(int(dong_y) / int(mau_so)))


# Variants for Excel without dynamic arrays: the result expands from the formula's cell.

@xw.func(category=DANH_MUC)
@xw.arg("vung", ndim=2, doc="Vùng CaNhan hoặc TapThe, gồm cả dòng tiêu đề.")
@xw.arg("dong_dau", doc="Số dòng của dòng đầu vùng trong sheet (mặc định 1).")
@xw.ret(expand="table")
def TD_KIEMTRA_BANG(vung, dong_dau=1):
    """Như TD_KIEMTRA, cho Excel không có mảng động: kết quả tự mở rộng xuống dưới ô công thức."""
    return TD_KIEMTRA(vung, dong_dau)


@xw.func(category=DANH_MUC)
@xw.arg("vung_phieu", ndim=2, doc="Vùng PhieuBau gồm dòng tiêu đề và các phiếu.")
@xw.arg("so_thanh_vien", doc="Tổng số thành viên Hội đồng.")
@xw.arg("so_co_mat", doc="Số thành viên có mặt.")
@xw.arg("ngay_qd", doc="Ngày quyết định (mặc định hôm nay).")
@xw.ret(expand="table")
def TD_KIEMPHIEU_BANG(vung_phieu, so_thanh_vien, so_co_mat, ngay_qd=None):
    """Như TD_KIEMPHIEU, cho Excel không có mảng động: kết quả tự mở rộng xuống dưới ô công thức."""
    return TD_KIEMPHIEU(vung_phieu, so_thanh_vien, so_co_mat, ngay_qd)


@xw.func(category=DANH_MUC)
@xw.arg("vung_kiem_phieu", ndim=2, doc="Bảng kiểm phiếu: cột Ứng viên và cột Đồng ý.")
@xw.arg("ty_le_chi_tieu", doc="Tỷ lệ chỉ tiêu, ví dụ 15%.")
@xw.arg("co_so", doc="Số người làm cơ sở tính chỉ tiêu.")
@xw.arg("lam_tron", doc="xuong (mặc định), gan_nhat hoặc len.")
@xw.ret(expand="table")
def TD_XEPHANG_BANG(vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron="xuong"):
    """Như TD_XEPHANG, cho Excel không có mảng động: kết quả tự mở rộng xuống dưới ô công thức."""
    return TD_XEPHANG(vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron)
