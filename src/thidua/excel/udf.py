"""thidua's functions inside Excel through the classic xlwings add-in (Windows; SPEC §6, TECH_NOTES "xlwings").

Each function only decorates a body of ``thidua.excel.ham`` (shared with the xlwings Lite route). A failure comes
back as a real Excel error value (``#VALUE!`` for bad input, ``#N/A`` for an unknown code or a date without a
value): pywin32 hands ``VARIANT(VT_ERROR, …)`` to Excel, so ``=SUM`` over a column of results shows the error
instead of silently skipping a text cell. ``TD_LOI`` gives the Vietnamese reason of a failing call.

Rules for this module (checked by tests/test_excel.py): ASCII names with the TD_ prefix; the docstring is the
Excel description (Vietnamese, ≤ 255 characters); arguments carry no type hints (xlwings would take them as
converters) and are not VBA keywords; ``_BANG`` variants return with ``expand="table"`` for Excel without
dynamic arrays; ``_COT`` variants apply a per-cell function down a whole column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import xlwings as xw

from . import ham
from .ham import LoiExcel

DANH_MUC = "Thi đua"
# What Excel itself hands over for an error cell (xlwings._xlwindows): the VT_ERROR scode of each error value.
SCODE = {ham.GIA_TRI: -2146826273, ham.KHONG_CO: -2146826246}


def gia_tri_loi(ma: str) -> object:
    """The Excel error value ``ma`` as pywin32 marshals it; outside Windows (tests), the error's text."""
    try:
        import pythoncom
        from win32com.client import VARIANT
    except ImportError:
        return ma
    return VARIANT(pythoncom.VT_ERROR, SCODE[ma])


def ra_excel(x: object) -> object:
    """A body's result with every LoiExcel (also inside a table) turned into an error value."""
    if isinstance(x, LoiExcel):
        return gia_tri_loi(x.ma)
    if isinstance(x, list):
        return [ra_excel(v) for v in x]
    return x


def _chay(ham_than: Callable[..., Any], *args: object) -> object:
    try:
        return ra_excel(ham_than(*args))
    except LoiExcel as e:
        return gia_tri_loi(e.ma)


@xw.func(category=DANH_MUC)
@xw.arg("vung", ndim=2, doc="Vùng CaNhan hoặc TapThe, gồm cả dòng tiêu đề.")
@xw.arg("dong_dau", doc="Số dòng của dòng đầu vùng trong sheet (mặc định 1).")
@xw.arg("vung_lich_su", ndim=2, doc="Vùng LichSu (sổ theo dõi) gồm dòng tiêu đề, để ghi chú đăng ký khó đạt.")
@xw.arg("nam", doc="Năm xét của đợt đăng ký (mặc định năm trước năm hiện tại).")
def TD_KIEMTRA(vung, dong_dau=1, vung_lich_su=None, nam=None):
    """Kiểm tra vùng CaNhan hoặc TapThe (có dòng tiêu đề): trả về bảng các lỗi gồm ô, mức độ và cách sửa; có vùng LichSu thì thêm ghi chú đăng ký khó đạt."""
    return _chay(ham.kiem_tra, vung, dong_dau, vung_lich_su, nam)


@xw.func(category=DANH_MUC)
@xw.arg("vung_phieu", ndim=2, doc="Vùng PhieuBau: dòng tiêu đề (Phiếu số, Hợp lệ, Mã - Danh hiệu…) và các phiếu.")
@xw.arg("so_thanh_vien", doc="Tổng số thành viên Hội đồng.")
@xw.arg("so_co_mat", doc="Số thành viên có mặt (số phiếu phát ra).")
@xw.arg("ngay_qd", doc="Ngày quyết định (mặc định hôm nay).")
def TD_KIEMPHIEU(vung_phieu, so_thanh_vien, so_co_mat, ngay_qd=None):
    """Kiểm phiếu vùng PhieuBau: số đồng ý, mẫu số, tỷ lệ, ngưỡng và kết quả của từng ứng viên theo quy định."""
    return _chay(ham.kiem_phieu_vung, vung_phieu, so_thanh_vien, so_co_mat, ngay_qd)


@xw.func(category=DANH_MUC)
@xw.arg("vung_kiem_phieu", ndim=2, doc="Bảng kiểm phiếu: cột Ứng viên và cột Đồng ý (có thể thêm cột Xếp loại).")
@xw.arg("ty_le_chi_tieu", doc="Tỷ lệ chỉ tiêu, ví dụ 15%.")
@xw.arg("co_so", doc="Số người làm cơ sở tính chỉ tiêu, ví dụ số LĐTT.")
@xw.arg("lam_tron", doc="xuong (mặc định), gan_nhat hoặc len.")
@xw.arg("co_tieu_de", doc="TRUE nếu dòng đầu là tiêu đề, FALSE nếu không; để trống: tự nhận theo tên cột.")
def TD_XEPHANG(vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron="xuong", co_tieu_de=None):
    """Xếp hạng ứng viên theo số phiếu (rồi xếp loại) và cắt theo chỉ tiêu; bằng phiếu tại điểm cắt thì báo Hội đồng quyết định."""
    return _chay(ham.xep_hang, vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron, co_tieu_de)


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
    return _chay(ham.xet, ma_danh_hieu, xep_loai, ky_luat, sang_kien, de_tai, ngay_tuyen_dung, ngay_qd)


@xw.func(category=DANH_MUC)
@xw.arg("ma_danh_hieu", doc="Mã, viết tắt hoặc tên danh hiệu/hình thức, ví dụ CSTĐCS.")
@xw.arg("ngay_qd", doc="Ngày ký quyết định.")
@xw.arg("la_tap_the", doc="TRUE nếu tập thể nhận Giấy khen/Bằng khen.")
def TD_TIENTHUONG(ma_danh_hieu, ngay_qd, la_tap_the=False):
    """Tiền thưởng (đồng) của một danh hiệu, hình thức theo lương cơ sở tại ngày quyết định, đã làm tròn lên hàng chục nghìn."""
    return _chay(ham.tien_thuong, ma_danh_hieu, ngay_qd, la_tap_the)


@xw.func(category=DANH_MUC)
@xw.arg("so_tien", doc="Số tiền (số nguyên, đồng).")
@xw.arg("don_vi", doc="Chữ đơn vị ở cuối (mặc định \"đồng\"; để \"\" nếu chỉ đọc số).")
def TD_DOCSO(so_tien, don_vi="đồng"):
    """Đọc số tiền bằng chữ theo cách viết trong văn bản hành chính, ví dụ 1.001.000 → "Một triệu không trăm linh một nghìn đồng"."""
    return _chay(ham.doc_so_chu, so_tien, don_vi)


@xw.func(category=DANH_MUC)
@xw.arg("ngay", doc="Ngày cần tra (ngày ký quyết định).")
def TD_LUONGCOSO(ngay):
    """Mức lương cơ sở (đồng/tháng) có hiệu lực vào một ngày, dùng để tính tiền thưởng."""
    return _chay(ham.luong_co_so, ngay)


@xw.func(category=DANH_MUC)
@xw.arg("dong_y", doc="Số phiếu đồng ý.")
@xw.arg("mau_so", doc="Mẫu số (tổng số thành viên, số có mặt hoặc số phiếu hợp lệ).")
def TD_TYLE(dong_y, mau_so):
    """Tỷ lệ phiếu đồng ý dạng "88,89 %", tính chính xác bằng phân số rồi mới làm tròn khi hiển thị."""
    return _chay(ham.ty_le, dong_y, mau_so)


@xw.func(category=DANH_MUC)
@xw.arg("ten_ham", doc="Tên hàm TD_ đang báo lỗi, ví dụ \"TD_TIENTHUONG\".")
@xw.arg("doi_so_1", doc="Đối số thứ nhất của hàm đó.")
@xw.arg("doi_so_2", doc="Đối số thứ hai (nếu có).")
@xw.arg("doi_so_3", doc="Đối số thứ ba (nếu có).")
@xw.arg("doi_so_4", doc="Đối số thứ tư (nếu có).")
@xw.arg("doi_so_5", doc="Đối số thứ năm (nếu có).")
@xw.arg("doi_so_6", doc="Đối số thứ sáu (nếu có).")
@xw.arg("doi_so_7", doc="Đối số thứ bảy (nếu có).")
def TD_LOI(ten_ham, doi_so_1=None, doi_so_2=None, doi_so_3=None, doi_so_4=None, doi_so_5=None, doi_so_6=None,
           doi_so_7=None):
    """Lý do một lời gọi hàm TD_ báo #VALUE! hoặc #N/A: ghi tên hàm rồi đúng các đối số của nó; trả về "" nếu không lỗi."""
    return ham.ly_do_loi(ten_ham, doi_so_1, doi_so_2, doi_so_3, doi_so_4, doi_so_5, doi_so_6, doi_so_7)


# Whole-column variants: one result per row of the column (blank rows stay blank, failing rows are error values).

@xw.func(category=DANH_MUC)
@xw.arg("cot_ma_danh_hieu", ndim=1, doc="Cột mã danh hiệu (mỗi dòng một người).")
@xw.arg("cot_xep_loai", ndim=1, doc="Cột xếp loại.")
@xw.arg("cot_ky_luat", ndim=1, doc="Cột kỷ luật (có thể bỏ trống).")
@xw.arg("cot_sang_kien", ndim=1, doc="Cột cấp sáng kiến (có thể bỏ trống).")
@xw.arg("cot_de_tai", ndim=1, doc="Cột cấp đề tài (có thể bỏ trống).")
@xw.arg("cot_ngay_tuyen_dung", ndim=1, doc="Cột ngày tuyển dụng (có thể bỏ trống).")
@xw.arg("ngay_qd", doc="Ngày quyết định (mặc định hôm nay).")
def TD_XET_COT(cot_ma_danh_hieu, cot_xep_loai, cot_ky_luat=None, cot_sang_kien=None, cot_de_tai=None,
               cot_ngay_tuyen_dung=None, ngay_qd=None):
    """Như TD_XET cho cả cột: mỗi dòng "Đạt" hoặc "Không đạt: …"; dòng trống để trống."""
    return _chay(ham.theo_cot, ham.xet, cot_ma_danh_hieu, cot_xep_loai, cot_ky_luat, cot_sang_kien, cot_de_tai,
                 cot_ngay_tuyen_dung, ngay_qd)


@xw.func(category=DANH_MUC)
@xw.arg("cot_ma_danh_hieu", ndim=1, doc="Cột mã danh hiệu/hình thức.")
@xw.arg("ngay_qd", doc="Ngày ký quyết định (một ô, hoặc một cột cùng chiều).")
@xw.arg("la_tap_the", doc="TRUE nếu là tập thể (một ô, hoặc một cột).")
def TD_TIENTHUONG_COT(cot_ma_danh_hieu, ngay_qd, la_tap_the=False):
    """Như TD_TIENTHUONG cho cả cột; dòng lỗi hiện #N/A hoặc #VALUE! nên hàm SUM không bỏ sót."""
    return _chay(ham.theo_cot, ham.tien_thuong, cot_ma_danh_hieu, ngay_qd, la_tap_the)


@xw.func(category=DANH_MUC)
@xw.arg("cot_so_tien", ndim=1, doc="Cột số tiền (đồng).")
@xw.arg("don_vi", doc="Chữ đơn vị ở cuối (mặc định \"đồng\").")
def TD_DOCSO_COT(cot_so_tien, don_vi="đồng"):
    """Như TD_DOCSO cho cả cột: mỗi số tiền đọc bằng chữ."""
    return _chay(ham.theo_cot, ham.doc_so_chu, cot_so_tien, don_vi)


@xw.func(category=DANH_MUC)
@xw.arg("cot_dong_y", ndim=1, doc="Cột số phiếu đồng ý.")
@xw.arg("mau_so", doc="Mẫu số (một ô, hoặc một cột cùng chiều).")
def TD_TYLE_COT(cot_dong_y, mau_so):
    """Như TD_TYLE cho cả cột: tỷ lệ đồng ý từng dòng, tính chính xác bằng phân số."""
    return _chay(ham.theo_cot, ham.ty_le, cot_dong_y, mau_so)


@xw.func(category=DANH_MUC)
@xw.arg("cot_ngay", ndim=1, doc="Cột ngày cần tra.")
def TD_LUONGCOSO_COT(cot_ngay):
    """Như TD_LUONGCOSO cho cả cột: mức lương cơ sở tại từng ngày."""
    return _chay(ham.theo_cot, ham.luong_co_so, cot_ngay)


# Variants for Excel without dynamic arrays: the result expands from the formula's cell.

@xw.func(category=DANH_MUC)
@xw.arg("vung", ndim=2, doc="Vùng CaNhan hoặc TapThe, gồm cả dòng tiêu đề.")
@xw.arg("dong_dau", doc="Số dòng của dòng đầu vùng trong sheet (mặc định 1).")
@xw.arg("vung_lich_su", ndim=2, doc="Vùng LichSu (sổ theo dõi) gồm dòng tiêu đề, để ghi chú đăng ký khó đạt.")
@xw.arg("nam", doc="Năm xét của đợt đăng ký (mặc định năm trước năm hiện tại).")
@xw.ret(expand="table")
def TD_KIEMTRA_BANG(vung, dong_dau=1, vung_lich_su=None, nam=None):
    """Như TD_KIEMTRA, cho Excel không có mảng động: kết quả tự mở rộng xuống dưới ô công thức."""
    return _chay(ham.kiem_tra, vung, dong_dau, vung_lich_su, nam)


@xw.func(category=DANH_MUC)
@xw.arg("vung_phieu", ndim=2, doc="Vùng PhieuBau gồm dòng tiêu đề và các phiếu.")
@xw.arg("so_thanh_vien", doc="Tổng số thành viên Hội đồng.")
@xw.arg("so_co_mat", doc="Số thành viên có mặt.")
@xw.arg("ngay_qd", doc="Ngày quyết định (mặc định hôm nay).")
@xw.ret(expand="table")
def TD_KIEMPHIEU_BANG(vung_phieu, so_thanh_vien, so_co_mat, ngay_qd=None):
    """Như TD_KIEMPHIEU, cho Excel không có mảng động: kết quả tự mở rộng xuống dưới ô công thức."""
    return _chay(ham.kiem_phieu_vung, vung_phieu, so_thanh_vien, so_co_mat, ngay_qd)


@xw.func(category=DANH_MUC)
@xw.arg("vung_kiem_phieu", ndim=2, doc="Bảng kiểm phiếu: cột Ứng viên và cột Đồng ý.")
@xw.arg("ty_le_chi_tieu", doc="Tỷ lệ chỉ tiêu, ví dụ 15%.")
@xw.arg("co_so", doc="Số người làm cơ sở tính chỉ tiêu.")
@xw.arg("lam_tron", doc="xuong (mặc định), gan_nhat hoặc len.")
@xw.arg("co_tieu_de", doc="TRUE nếu dòng đầu là tiêu đề, FALSE nếu không; để trống: tự nhận theo tên cột.")
@xw.ret(expand="table")
def TD_XEPHANG_BANG(vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron="xuong", co_tieu_de=None):
    """Như TD_XEPHANG, cho Excel không có mảng động: kết quả tự mở rộng xuống dưới ô công thức."""
    return _chay(ham.xep_hang, vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron, co_tieu_de)
