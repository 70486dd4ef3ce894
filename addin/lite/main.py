"""thidua trong Excel qua xlwings Lite — không cần cài Python trên máy (Python chạy trong Excel bằng Pyodide).

Dán toàn bộ tệp này vào thẻ main.py của xlwings Lite và nội dung addin/lite/requirements.txt vào thẻ
requirements.txt (xem addin/README.md, mục "Cách 1"). Các hàm TD_… giống hệt add-in cổ điển (cùng mã
thidua.excel.ham); ba script làm việc trên sổ đang mở:

- kiem_tra_so: kiểm tra, tô màu ô sai (đỏ: lỗi, vàng: cảnh báo) và ghi chú cách sửa; giữ màu, ghi chú của cán bộ;
- kiem_phieu_so: kiểm phiếu sheet PhieuBau (số thành viên, số có mặt lấy ở sheet ThongTin) vào KetQuaKiemPhieu;
- xet_so: xét cả đợt (điều kiện, phiếu, chỉ tiêu, tiền thưởng) vào sheet KetQuaXet.

Lỗi của một hàm hiện thành lỗi Excel (#VALUE!) kèm lý do khi rê chuột vào ô; TD_LOI(…) cho lý do thành chữ.
"""

import xlwings as xw
from xlwings import func, script

from thidua.excel import danh_dau, ham, so_mo
from thidua.loi import ThiduaError


def _cot(ham_than, *cac_cot):
    """Column variants: a failing row makes the whole result an error (Lite has no per-cell error value), so that
    =SUM cannot silently skip it; the message names the row."""
    ra = ham.theo_cot(ham_than, *cac_cot)
    for i, (o,) in enumerate(ra, start=1):
        if isinstance(o, ham.LoiExcel):
            raise ham.LoiExcel(f"Dòng {i}: {o.thong_bao}", o.ma)
    return ra


# ---- hàm TD_ (custom functions) ------------------------------------------------------------------------------

@func
def TD_KIEMTRA(vung, dong_dau=1, vung_lich_su=None, nam=None):
    """Kiểm tra vùng CaNhan hoặc TapThe (có dòng tiêu đề): trả về bảng các lỗi gồm ô, mức độ và cách sửa; có vùng LichSu thì thêm ghi chú đăng ký khó đạt."""
    return ham.kiem_tra(ham.bang(vung), dong_dau, None if vung_lich_su is None else ham.bang(vung_lich_su), nam)


@func
def TD_KIEMPHIEU(vung_phieu, so_thanh_vien, so_co_mat, ngay_qd=None):
    """Kiểm phiếu vùng PhieuBau: số đồng ý, mẫu số, tỷ lệ, ngưỡng và kết quả của từng ứng viên theo quy định."""
    return ham.kiem_phieu_vung(ham.bang(vung_phieu), so_thanh_vien, so_co_mat, ngay_qd)


@func
def TD_XEPHANG(vung_kiem_phieu, ty_le_chi_tieu, co_so, lam_tron="xuong", co_tieu_de=None):
    """Xếp hạng ứng viên theo số phiếu và cắt theo chỉ tiêu; bằng phiếu tại điểm cắt thì báo Hội đồng quyết định."""
    return ham.xep_hang(ham.bang(vung_kiem_phieu), ty_le_chi_tieu, co_so, lam_tron, co_tieu_de)


@func
def TD_XET(ma_danh_hieu, xep_loai, ky_luat=None, sang_kien=None, de_tai=None, ngay_tuyen_dung=None, ngay_qd=None):
    """Xét một dòng có đủ điều kiện một danh hiệu không: "Đạt" hoặc "Không đạt: …" kèm tiêu chí chưa đạt."""
    return ham.xet(ma_danh_hieu, xep_loai, ky_luat, sang_kien, de_tai, ngay_tuyen_dung, ngay_qd)


@func
def TD_TIENTHUONG(ma_danh_hieu, ngay_qd, la_tap_the=False):
    """Tiền thưởng (đồng) theo lương cơ sở tại ngày quyết định, đã làm tròn lên hàng chục nghìn."""
    return ham.tien_thuong(ma_danh_hieu, ngay_qd, la_tap_the)


@func
def TD_DOCSO(so_tien, don_vi="đồng"):
    """Đọc số tiền bằng chữ, ví dụ 1.001.000 → "Một triệu không trăm linh một nghìn đồng"."""
    return ham.doc_so_chu(so_tien, don_vi)


@func
def TD_LUONGCOSO(ngay):
    """Mức lương cơ sở (đồng/tháng) có hiệu lực vào một ngày."""
    return ham.luong_co_so(ngay)


@func
def TD_TYLE(dong_y, mau_so):
    """Tỷ lệ phiếu đồng ý dạng "88,89 %", tính chính xác bằng phân số."""
    return ham.ty_le(dong_y, mau_so)


@func
def TD_LOI(ten_ham, doi_so_1=None, doi_so_2=None, doi_so_3=None, doi_so_4=None, doi_so_5=None, doi_so_6=None,
           doi_so_7=None):
    """Lý do một lời gọi hàm TD_ báo lỗi: ghi tên hàm rồi đúng các đối số của nó; "" nếu không lỗi."""
    return ham.ly_do_loi(ten_ham, doi_so_1, doi_so_2, doi_so_3, doi_so_4, doi_so_5, doi_so_6, doi_so_7)


@func
def TD_XET_COT(cot_ma_danh_hieu, cot_xep_loai, cot_ky_luat=None, cot_sang_kien=None, cot_de_tai=None,
               cot_ngay_tuyen_dung=None, ngay_qd=None):
    """Như TD_XET cho cả cột: mỗi dòng "Đạt" hoặc "Không đạt: …"; dòng trống để trống."""
    return _cot(ham.xet, cot_ma_danh_hieu, cot_xep_loai, cot_ky_luat, cot_sang_kien, cot_de_tai,
                cot_ngay_tuyen_dung, ngay_qd)


@func
def TD_TIENTHUONG_COT(cot_ma_danh_hieu, ngay_qd, la_tap_the=False):
    """Như TD_TIENTHUONG cho cả cột; một dòng lỗi làm cả kết quả báo lỗi (ghi số dòng) để SUM không bỏ sót."""
    return _cot(ham.tien_thuong, cot_ma_danh_hieu, ngay_qd, la_tap_the)


@func
def TD_DOCSO_COT(cot_so_tien, don_vi="đồng"):
    """Như TD_DOCSO cho cả cột."""
    return _cot(ham.doc_so_chu, cot_so_tien, don_vi)


@func
def TD_TYLE_COT(cot_dong_y, mau_so):
    """Như TD_TYLE cho cả cột."""
    return _cot(ham.ty_le, cot_dong_y, mau_so)


@func
def TD_LUONGCOSO_COT(cot_ngay):
    """Như TD_LUONGCOSO cho cả cột."""
    return _cot(ham.luong_co_so, cot_ngay)


# ---- script trên sổ đang mở --------------------------------------------------------------------------------

def _ghi_sheet(book, ten, dong):
    if ten in [s.name for s in book.sheets]:
        sh = book.sheets[ten]
        sh.clear()  # sheet kết quả của thidua, ghi lại mỗi lần
    else:
        sh = book.sheets.add(ten, after=book.sheets[-1])
    rong = max(len(d) for d in dong)
    sh["A1"].value = [list(d) + [None] * (rong - len(d)) for d in dong]
    sh.activate()
    return sh


def _bao(thong_bao):
    print(thong_bao)  # hiện ở khung Output của xlwings Lite
    return thong_bao


@script
async def kiem_tra_so(book: xw.Book):
    """Kiểm tra sổ đang mở: tô màu ô sai và ghi chú cách sửa (lần sau chỉ gỡ đánh dấu của thidua)."""
    try:
        dd, chung = so_mo.danh_dau_so(so_mo.gia_tri_so(book), book.name)
        so_cu = danh_dau.doc_so_xlwings(book)
        trang_thai = await danh_dau.trang_thai_xlwings_lite(book, danh_dau.o_can_doc(so_cu, dd))
        buoc, so_moi = danh_dau.ke_hoach(so_cu, dd, trang_thai)
        khong_ghi = danh_dau.ap_dung_xlwings(book, buoc, so_moi)
    except ThiduaError as e:
        return _bao(f"thidua: {e}")
    so_loi = sum(d.mau == so_mo.MAU_LOI for d in dd)
    if khong_ghi:  # Excel without the notes API: the reasons go to the Output pane
        chung = ["Excel này chưa ghi được ghi chú (cần Microsoft 365 cập nhật); lý do từng ô:", *khong_ghi, *chung]
    return _bao("\n".join([f"thidua: {len(dd)} ô có vấn đề ({so_loi} lỗi tô đỏ, {len(dd) - so_loi} cảnh báo tô vàng)."
                           if dd else "thidua: không có ô nào sai.", *chung]))


@script
def kiem_phieu_so(book: xw.Book):
    """Kiểm phiếu sheet PhieuBau vào sheet KetQuaKiemPhieu."""
    try:
        dong = so_mo.kiem_phieu_so(so_mo.gia_tri_so(book))
    except ThiduaError as e:
        return _bao(f"thidua: {e}")
    _ghi_sheet(book, so_mo.TEN_SHEET_KIEM_PHIEU, dong)
    return _bao(f"thidua: phát ra {dong[0][1]}, thu vào {dong[1][1]}, hợp lệ {dong[2][1]}, "
                f"không hợp lệ {dong[3][1]} — xem sheet {so_mo.TEN_SHEET_KIEM_PHIEU}.")


@script
def xet_so(book: xw.Book):
    """Xét cả đợt trên sổ đang mở (cần ThongTin, CaNhan, TapThe…) vào sheet KetQuaXet."""
    try:
        dong = so_mo.xet_so(so_mo.gia_tri_so(book), book.name)
    except ThiduaError as e:
        return _bao(f"thidua: {e}")
    _ghi_sheet(book, so_mo.TEN_SHEET_XET, dong)
    if dong[0][0].startswith("Dữ liệu có lỗi"):
        return _bao(f"thidua: dữ liệu có lỗi ({len(dong) - 1}), xem sheet {so_mo.TEN_SHEET_XET}.")
    dat = sum(1 for d in dong[1:] if d[4] == "Đạt")
    return _bao(f"thidua: {len(dong) - 1} đề nghị, {dat} đạt — xem sheet {so_mo.TEN_SHEET_XET}.")
