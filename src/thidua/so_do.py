"""The workbook schema (SPEC §3), in one place: the reader validates with it and ``tao-mau`` generates the blank
forms from it, so the two cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .danh_muc import CAP_CONG_NHAN, DANH_HIEU, KY_LUAT, LOAI_KHEN_THUONG, LOAI_SANG_KIEN, XEP_LOAI
from .tieng_viet import khoa_so_khop

# kinds of column
CHU, MA, NGAY, SO, SO_NGUYEN, DANH_HIEU_1, DS_DANH_HIEU, XEP_LOAI_, KY_LUAT_, CAP, CO_KHONG = (
    "chu", "ma", "ngay", "so", "so_nguyen", "danh_hieu", "ds_danh_hieu", "xep_loai", "ky_luat", "cap", "co_khong")
NGHI, DINH_DANH, LOAI_KT, LOAI_SK = "nghi", "dinh_danh", "loai_khen_thuong", "loai_sang_kien"

# requiredness
KHONG, LUON, CUOI_NAM = "khong", "luon", "cuoi_nam"

DS_CHON: dict[str, list[str]] = {
    "DanhHieuCaNhan": [d.viet_tat for d in DANH_HIEU.values() if "ca_nhan" in d.doi_tuong],
    "DanhHieuTapThe": [d.viet_tat for d in DANH_HIEU.values() if "tap_the" in d.doi_tuong],
    "DanhHieu": [d.viet_tat for d in DANH_HIEU.values()],
    "XepLoai": list(XEP_LOAI),
    "KyLuat": [m.ten for m in KY_LUAT.values()],
    "Cap": [m.ten for m in CAP_CONG_NHAN.values()],
    "CoKhong": ["Có", "Không"],
    "LoaiKhenThuong": [m.ten for m in LOAI_KHEN_THUONG.values()],
    "LoaiSangKien": [m.ten for m in LOAI_SANG_KIEN.values()],
    "GioiTinh": ["Nam", "Nữ"],
    "HinhThucPhieu": ["Tại cuộc họp", "Bằng văn bản"],
    "VaiTroHoiDong": ["Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Ủy viên thư ký"],
    "CoMatHoiDong": ["Có", "Không", "Văn bản"],
    "BanKiemPhieu": ["Trưởng ban", "Thành viên"],
    "LoaiDot": ["Cuối năm", "Chuyên đề", "Đột xuất"],
}


@dataclass(frozen=True)
class Cot:
    khoa: str
    tieu_de: str
    kieu: str = CHU
    bat_buoc: str = KHONG
    bi_danh: tuple[str, ...] = ()
    do_rong: int = 14
    huong_dan: str = ""
    ds_chon: str | None = None

    @cached_property
    def cac_khoa(self) -> frozenset[str]:
        """The matching keys of the header and its aliases (computed once)."""
        return frozenset(khoa_so_khop(t) for t in (self.tieu_de, *self.bi_danh))

    def khop(self, tieu_de: object) -> bool:
        k = khoa_so_khop(tieu_de)
        return bool(k) and k in self.cac_khoa


@dataclass(frozen=True)
class Sheet:
    ten: str
    mo_ta: str
    cot: tuple[Cot, ...]
    bi_danh: tuple[str, ...] = ()
    khoa_gia_tri: bool = False  # ThongTin, QuyChe: rows of (Mục, Giá trị)

    def khop(self, ten_sheet: str) -> bool:
        k = khoa_so_khop(ten_sheet)
        return k == khoa_so_khop(self.ten) or k in {khoa_so_khop(b) for b in self.bi_danh}

    def cot_theo_khoa(self, khoa: str) -> Cot:
        return next(c for c in self.cot if c.khoa == khoa)


_THANH_TICH = ("Đợt chuyên đề, đột xuất: thành tích ghi trong quyết định và giấy khen, ví dụ: Đã có thành tích "
               "xuất sắc trong triển khai chuyển đổi số năm 2026")
_DS = ("Ghi mã, viết tắt hoặc tên đầy đủ; nhiều mục cách nhau bằng dấu phẩy (hoặc xuống dòng: Alt+Enter). Ví dụ: "
       "LĐTT, CSTĐCS")

CA_NHAN = Sheet("CaNhan", "Danh sách cá nhân: mỗi người một dòng", (
    Cot("stt", "STT", SO_NGUYEN, do_rong=6),
    Cot("ma", "Mã CB", MA, LUON, ("Mã cán bộ", "Mã", "Mã số", "Mã CBCCVC"), 12, "Mã cán bộ, duy nhất; giữ số 0 ở đầu"),
    Cot("ho_ten", "Họ và tên", CHU, LUON, ("Họ tên", "Tên"), 26),
    Cot("gioi_tinh", "Giới tính", CHU, bi_danh=("Nam/Nữ",), do_rong=9, ds_chon="GioiTinh"),
    Cot("ngay_sinh", "Ngày sinh", NGAY, do_rong=12, huong_dan="dd/mm/yyyy"),
    Cot("so_dinh_danh", "Số định danh cá nhân", DINH_DANH, bi_danh=("Số CCCD", "Số căn cước", "Số căn cước công dân",
        "Số định danh"), do_rong=15, huong_dan="12 chữ số của căn cước (CCCD); định dạng ô Văn bản để giữ số 0 ở đầu"),
    Cot("chuc_vu", "Chức vụ", CHU, bi_danh=("Chức vụ, chức danh", "Chức danh"), do_rong=22),
    Cot("don_vi", "Đơn vị", MA, LUON, ("Mã đơn vị", "Phòng, đơn vị", "Đơn vị công tác"), 18,
        "Mã đơn vị hoặc tên tập thể ở sheet TapThe"),
    Cot("ngay_tuyen_dung", "Ngày tuyển dụng", NGAY, do_rong=14,
        huong_dan="Ngày được tuyển dụng công chức, viên chức (dd/mm/yyyy)"),
    Cot("ngay_vao_co_quan", "Ngày vào cơ quan", NGAY, bi_danh=("Ngày đến cơ quan", "Ngày chuyển đến"), do_rong=14,
        huong_dan="Ngày chuyển đến, hoặc ngày bắt đầu hợp đồng lao động đầu tiên tại cơ quan (khác Ngày tuyển dụng);"
        " thời gian hợp đồng liên tục trước khi tuyển dụng được tính"),
    Cot("co_quan_truoc", "Cơ quan trước", CHU, bi_danh=("Cơ quan cũ", "Chuyển từ"), do_rong=22,
        huong_dan="Cơ quan cũ của người chuyển công tác đến trong năm; thời gian công tác ở đó được tính. Ghi ý kiến "
        "nhận xét của cơ quan cũ vào Ghi chú"),
    Cot("nghi", "Nghỉ", NGHI, bi_danh=("Nghỉ trong năm", "Thời gian nghỉ"), do_rong=22,
        huong_dan="Các lần nghỉ trong năm, ví dụ: thai sản 180 ngày; ốm 20 ngày. Loại: thai sản, ốm, tai nạn khi làm "
        "nhiệm vụ, học tập, không lương, khác"),
    Cot("xep_loai", "Xếp loại", XEP_LOAI_, CUOI_NAM, ("Xếp loại chất lượng", "Đánh giá xếp loại"), 11,
        "HTXSNV, HTTNV, HTNV, KHTNV", "XepLoai"),
    Cot("ky_luat", "Kỷ luật", KY_LUAT_, bi_danh=("Hình thức kỷ luật",), do_rong=14,
        huong_dan="Để trống nếu không bị kỷ luật trong năm", ds_chon="KyLuat"),
    Cot("sang_kien", "Sáng kiến", CAP, bi_danh=("Cấp sáng kiến",), do_rong=11,
        huong_dan="Cấp công nhận sáng kiến; để trống nếu không có", ds_chon="Cap"),
    Cot("de_tai", "Đề tài", CAP, bi_danh=("Đề tài khoa học", "Cấp đề tài"), do_rong=11,
        huong_dan="Cấp của đề tài được nghiệm thu; để trống nếu không có", ds_chon="Cap"),
    Cot("dang_ky", "Đăng ký", DS_DANH_HIEU, bi_danh=("Đăng ký thi đua", "Danh hiệu đăng ký"), do_rong=18,
        huong_dan=_DS, ds_chon="DanhHieuCaNhan"),
    Cot("de_nghi", "Đề nghị", DS_DANH_HIEU, bi_danh=("Đề nghị khen thưởng", "Danh hiệu đề nghị"), do_rong=18,
        huong_dan=_DS, ds_chon="DanhHieuCaNhan"),
    Cot("dang_xem_xet", "Đang xem xét", CO_KHONG, bi_danh=("Đang bị xem xét kỷ luật",), do_rong=12,
        huong_dan="Ghi Có nếu đang bị xem xét kỷ luật, thanh tra, điều tra", ds_chon="CoKhong"),
    Cot("ghi_chu", "Ghi chú", CHU, do_rong=24),
    Cot("thanh_tich", "Thành tích", CHU, bi_danh=("Nội dung thành tích", "Thành tích đề nghị"), do_rong=40,
        huong_dan=_THANH_TICH),
), ("Cá nhân", "Danh sách cá nhân"))

TAP_THE = Sheet("TapThe", "Danh sách tập thể (phòng, chi cục, đơn vị, hoặc chính Sở)", (
    Cot("ma", "Mã đơn vị", MA, LUON, ("Mã tập thể", "Mã"), 12),
    Cot("ten", "Tên tập thể", CHU, LUON, ("Tên đơn vị", "Tập thể", "Tên"), 40),
    Cot("xep_loai", "Xếp loại", XEP_LOAI_, CUOI_NAM, ("Xếp loại tập thể",), 11, ds_chon="XepLoai"),
    Cot("khoi", "Khối thi đua", CHU, bi_danh=("Khối", "Cụm, khối thi đua"), do_rong=16),
    Cot("diem", "Điểm thi đua", SO, bi_danh=("Điểm",), do_rong=10),
    Cot("dang_ky", "Đăng ký", DS_DANH_HIEU, bi_danh=("Đăng ký thi đua",), do_rong=18, huong_dan=_DS,
        ds_chon="DanhHieuTapThe"),
    Cot("de_nghi", "Đề nghị", DS_DANH_HIEU, bi_danh=("Đề nghị khen thưởng",), do_rong=18, huong_dan=_DS,
        ds_chon="DanhHieuTapThe"),
    Cot("dang_xem_xet", "Đang xem xét", CO_KHONG, bi_danh=("Đang bị xem xét kỷ luật",), do_rong=12,
        huong_dan="Ghi Có nếu tập thể đang bị xem xét kỷ luật, thanh tra, kiểm tra", ds_chon="CoKhong"),
    Cot("ghi_chu", "Ghi chú", CHU, do_rong=24),
    Cot("thanh_tich", "Thành tích", CHU, bi_danh=("Nội dung thành tích", "Thành tích đề nghị"), do_rong=40,
        huong_dan=_THANH_TICH),
), ("Tập thể", "Đơn vị", "Danh sách tập thể"))

LICH_SU = Sheet("LichSu", "Sổ theo dõi kết quả thi đua, khen thưởng các năm trước", (
    Cot("ma", "Mã", MA, LUON, ("Mã CB", "Mã đơn vị", "Mã cá nhân/tập thể"), 12),
    Cot("nam", "Năm", SO_NGUYEN, LUON, do_rong=8),
    Cot("danh_hieu", "Danh hiệu/hình thức", DANH_HIEU_1, bi_danh=("Danh hiệu", "Hình thức", "Mã danh hiệu"),
        do_rong=18, ds_chon="DanhHieu"),
    Cot("so_quyet_dinh", "Số quyết định", CHU, bi_danh=("Số QĐ",), do_rong=16),
    Cot("ngay_quyet_dinh", "Ngày quyết định", NGAY, bi_danh=("Ngày QĐ",), do_rong=14),
    Cot("co_quan", "Cơ quan ban hành", CHU, bi_danh=("Cơ quan quyết định",), do_rong=24),
    Cot("xep_loai", "Xếp loại", XEP_LOAI_, do_rong=11, ds_chon="XepLoai"),
    Cot("sang_kien", "Sáng kiến", CAP, do_rong=11, ds_chon="Cap"),
    Cot("ky_luat", "Kỷ luật", KY_LUAT_, do_rong=14, ds_chon="KyLuat"),
    Cot("loai_khen_thuong", "Loại khen thưởng", LOAI_KT, bi_danh=("Loại", "Loại khen"), do_rong=14,
        ds_chon="LoaiKhenThuong", huong_dan="Thường xuyên (để trống), Chuyên đề, Đột xuất, Cống hiến, Niên hạn, Đối "
        "ngoại. Khen đột xuất, chuyên đề không tính vào các năm liên tục"),
    Cot("ten_dot", "Tên đợt", CHU, bi_danh=("Đợt",), do_rong=26,
        huong_dan="Đợt chuyên đề, đột xuất đã khen (thidua ghi); để trống với đợt cuối năm"),
), ("Lịch sử", "Sổ theo dõi", "SoTheoDoi"))

SANG_KIEN = Sheet("SangKien", "Sổ sáng kiến, đề tài được công nhận: mỗi sáng kiến một dòng", (
    Cot("ma", "Mã", MA, LUON, ("Mã CB", "Mã tác giả", "Mã cán bộ"), 12, "Mã CB của tác giả (sheet CaNhan)"),
    Cot("nam", "Năm", SO_NGUYEN, LUON, ("Năm công nhận",), 8, "Năm của thành tích được công nhận"),
    Cot("ten", "Tên", CHU, LUON, ("Tên sáng kiến", "Tên sáng kiến, đề tài", "Tên đề tài"), 40),
    Cot("loai", "Loại", LOAI_SK, bi_danh=("Sáng kiến/Đề tài",), do_rong=12, ds_chon="LoaiSangKien",
        huong_dan="Sáng kiến hoặc Đề tài (để trống = Sáng kiến)"),
    Cot("cap", "Cấp", CAP, LUON, ("Cấp công nhận",), 11, "Cơ sở, Tỉnh hoặc Toàn quốc", "Cap"),
    Cot("so_quyet_dinh", "Số quyết định công nhận", CHU, bi_danh=("Số quyết định", "Số QĐ"), do_rong=18),
    Cot("ngay", "Ngày", NGAY, bi_danh=("Ngày quyết định", "Ngày công nhận"), do_rong=12,
        huong_dan="Ngày quyết định công nhận (dd/mm/yyyy)"),
), ("Sáng kiến", "Sáng kiến, đề tài", "Sổ sáng kiến"))

KY_LUAT_SHEET = Sheet("KyLuat", "Kỷ luật của cá nhân, tập thể: mỗi quyết định kỷ luật một dòng", (
    Cot("ma", "Mã", MA, LUON, ("Mã CB", "Mã đơn vị", "Mã cá nhân/tập thể"), 12, "Mã CB hoặc Mã đơn vị"),
    Cot("hinh_thuc", "Hình thức", KY_LUAT_, LUON, ("Hình thức kỷ luật", "Kỷ luật"), 16, ds_chon="KyLuat"),
    Cot("so_quyet_dinh", "Số quyết định", CHU, bi_danh=("Số QĐ",), do_rong=16),
    Cot("ngay_quyet_dinh", "Ngày quyết định", NGAY, bi_danh=("Ngày QĐ",), do_rong=14, huong_dan="dd/mm/yyyy"),
    Cot("nam_vi_pham", "Năm vi phạm", SO_NGUYEN, do_rong=10, huong_dan="Năm xảy ra vi phạm"),
    Cot("ngay_het_hieu_luc", "Ngày hết hiệu lực", NGAY, bi_danh=("Ngày hết thời hạn",), do_rong=14,
        huong_dan="Ngày hết thời hạn kỷ luật; thành tích chỉ được tính từ sau ngày này"),
), ("Kỷ luật",))

KIEM_PHIEU = Sheet("KiemPhieu", "Kết quả kiểm phiếu đếm tay: mỗi ứng viên và danh hiệu một dòng", (
    Cot("ma", "Mã", MA, LUON, ("Mã CB", "Mã đơn vị", "Mã ứng viên"), 12),
    Cot("danh_hieu", "Danh hiệu", DANH_HIEU_1, LUON, ("Danh hiệu/hình thức",), 18, ds_chon="DanhHieu"),
    Cot("dong_y", "Số phiếu đồng ý", SO_NGUYEN, LUON, ("Đồng ý", "Số phiếu"), 12),
), ("Kiểm phiếu",))

THONG_TIN = Sheet("ThongTin", "Thông tin chung của cơ quan và đợt xét", (
    Cot("nam", "Năm", SO_NGUYEN, LUON, ("Năm xét",), huong_dan="Năm của thành tích, ví dụ 2025"),
    Cot("co_quan_chu_quan", "Cơ quan chủ quản", CHU, LUON, huong_dan="Ví dụ: UBND TỈNH LAI CHÂU"),
    Cot("co_quan", "Cơ quan", CHU, LUON, ("Tên cơ quan",), huong_dan="Ví dụ: SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
    Cot("ky_hieu", "Ký hiệu cơ quan", CHU, LUON, ("Ký hiệu",), huong_dan="Dùng trong số văn bản, ví dụ SNNMT"),
    Cot("dia_danh", "Địa danh", CHU, LUON, huong_dan="Ví dụ: Lai Châu"),
    Cot("nguoi_ky", "Người ký", CHU, LUON, huong_dan="Họ và tên người ký quyết định"),
    Cot("chuc_vu_nguoi_ky", "Chức vụ người ký", CHU, LUON, huong_dan="GIÁM ĐỐC, hoặc PHÓ GIÁM ĐỐC (ký KT. GIÁM ĐỐC)"),
    Cot("ngay_quyet_dinh", "Ngày quyết định", NGAY, huong_dan="dd/mm/yyyy; để trống = hôm nay"),
    Cot("so_thanh_vien", "Số thành viên Hội đồng", SO_NGUYEN, huong_dan="Tổng số thành viên Hội đồng TĐKT"),
    Cot("so_co_mat", "Số thành viên có mặt", SO_NGUYEN, huong_dan="Số thành viên dự họp, bỏ phiếu"),
    Cot("ngay_hop", "Ngày họp Hội đồng", NGAY, huong_dan="dd/mm/yyyy; để trống = ngày quyết định"),
    Cot("gio_bat_dau", "Giờ bắt đầu", CHU, bi_danh=("Giờ bắt đầu họp",),
        huong_dan="Giờ bắt đầu cuộc họp Hội đồng, ví dụ 08:00 (ghi vào biên bản)"),
    Cot("gio_ket_thuc", "Giờ kết thúc", CHU, bi_danh=("Giờ kết thúc họp",),
        huong_dan="Giờ kết thúc cuộc họp Hội đồng, ví dụ 11:30 (ghi vào biên bản)"),
    Cot("chu_tri", "Chủ trì cuộc họp", CHU, huong_dan="Họ tên, chức vụ người chủ trì"),
    Cot("thu_ky", "Thư ký Hội đồng", CHU, huong_dan="Họ tên thư ký"),
    Cot("dia_diem_hop", "Địa điểm họp", CHU, huong_dan="Ví dụ: Phòng họp tầng 2, trụ sở Sở"),
    Cot("so_phieu_hop_le", "Số phiếu hợp lệ", SO_NGUYEN, huong_dan="Chỉ dùng khi kiểm phiếu bằng tay (sheet KiemPhieu)"),
    # the căn cứ lines of the Sở's decisions and Tờ trình (blank → the line is left out)
    Cot("can_cu_chuc_nang", "Căn cứ chức năng, nhiệm vụ", CHU,
        huong_dan="Quyết định của UBND tỉnh quy định chức năng, nhiệm vụ của cơ quan, ví dụ: Quyết định số "
                  "25/2025/QĐ-UBND ngày 30 tháng 6 năm 2025 của Ủy ban nhân dân tỉnh Lai Châu quy định chức năng, "
                  "nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nông nghiệp và Môi trường; để trống = bỏ dòng này"),
    Cot("can_cu_quy_che_tinh", "Căn cứ quy chế thi đua của tỉnh", CHU,
        huong_dan="Văn bản của UBND tỉnh quy định về công tác thi đua, khen thưởng, ví dụ: Quyết định số "
                  "10/2024/QĐ-UBND ngày 15 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh Lai Châu ban hành Quy định "
                  "về công tác thi đua, khen thưởng trên địa bàn tỉnh; để trống = bỏ dòng này"),
    Cot("can_cu_quy_che_co_quan", "Căn cứ quy chế thi đua của cơ quan", CHU,
        huong_dan="Quy chế thi đua, khen thưởng của chính cơ quan (nơi quy định chỉ tiêu…), ví dụ: Quyết định số "
                  "45/QĐ-SNNMT ngày 10 tháng 3 năm 2025 của Giám đốc Sở Nông nghiệp và Môi trường ban hành Quy chế "
                  "thi đua, khen thưởng của Sở; để trống = bỏ dòng này"),
    Cot("can_cu_ke_hoach", "Căn cứ kế hoạch phát động", CHU, bi_danh=("Căn cứ kế hoạch thi đua",),
        huong_dan="Kế hoạch phát động phong trào thi đua mà đợt này tổng kết (nhất là đợt chuyên đề), ví dụ: Kế "
                  "hoạch số 12/KH-SNNMT ngày 20 tháng 02 năm 2026 của Giám đốc Sở Nông nghiệp và Môi trường về phát "
                  "động phong trào thi đua chuyên đề chuyển đổi số năm 2026; để trống = bỏ dòng này"),
    Cot("nguoi_chi_tra", "Người chi trả tiền thưởng", CHU,
        huong_dan="Chức danh chi trả tiền thưởng nêu trong quyết định; để trống = Trưởng phòng Kế hoạch – Tài chính "
                  "nếu cơ quan có phòng này (sheet TapThe), nếu không thì Chánh Văn phòng Sở"),
    Cot("loai_dot", "Loại đợt", CHU, bi_danh=("Đợt", "Loại đợt xét"), ds_chon="LoaiDot",
        huong_dan="Cuối năm (để trống), Chuyên đề hoặc Đột xuất"),
    Cot("ten_dot", "Tên đợt", CHU, bi_danh=("Tên đợt thi đua", "Tên chuyên đề"),
        huong_dan="Đợt chuyên đề, đột xuất: ví dụ Chuyên đề chuyển đổi số năm 2026"),
), ("Thông tin", "Thông tin chung"), khoa_gia_tri=True)

QUY_CHE = Sheet("QuyChe", "Quy chế thi đua, khen thưởng của cơ quan (ghi đè mặc định của pháp luật)", (
    Cot("khoa", "Mục", CHU, LUON, ("Khoá", "Tham số")),
    Cot("gia_tri", "Giá trị", CHU, KHONG),
), ("Quy chế",), khoa_gia_tri=True)

PHIEU_BAU = Sheet("PhieuBau", "Phiếu bầu: mỗi phiếu một dòng, mỗi ứng viên một cột", (
    Cot("so_phieu", "Phiếu số", MA, LUON, ("Số phiếu", "STT phiếu"), 9),
    Cot("hop_le", "Hợp lệ", CO_KHONG, bi_danh=("Phiếu hợp lệ",), do_rong=9, ds_chon="CoKhong",
        huong_dan="Ghi Không nếu Ban kiểm phiếu hủy phiếu này"),
    Cot("hinh_thuc", "Hình thức", CHU, bi_danh=("Hình thức bỏ phiếu", "Hình thức biểu quyết"), do_rong=14,
        ds_chon="HinhThucPhieu", huong_dan="Tại cuộc họp (để trống cũng vậy) hoặc Bằng văn bản: ý kiến bằng văn "
        "bản của thành viên vắng mặt, được tính như phiếu nhưng không tính là có mặt"),
), ("Phiếu bầu",))

HOI_DONG = Sheet("HoiDong", "Thành viên Hội đồng Thi đua – Khen thưởng: mỗi người một dòng", (
    Cot("ho_ten", "Họ và tên", CHU, LUON, ("Họ tên", "Thành viên"), 26),
    Cot("chuc_vu", "Chức vụ", CHU, bi_danh=("Chức vụ, đơn vị",), do_rong=34,
        huong_dan="Chức vụ ở cơ quan, ví dụ Giám đốc Sở"),
    Cot("vai_tro", "Vai trò", CHU, bi_danh=("Vai trò trong Hội đồng", "Chức danh Hội đồng"), do_rong=16,
        ds_chon="VaiTroHoiDong", huong_dan="Chủ tịch, Phó Chủ tịch, Ủy viên hoặc Ủy viên thư ký"),
    Cot("co_mat", "Có mặt", CHU, bi_danh=("Dự họp",), do_rong=10, ds_chon="CoMatHoiDong",
        huong_dan="Có (dự họp); Không (vắng); Văn bản (vắng, gửi ý kiến bằng văn bản)"),
    Cot("ban_kiem_phieu", "Ban kiểm phiếu", CHU, do_rong=14, ds_chon="BanKiemPhieu",
        huong_dan="Trưởng ban hoặc Thành viên Ban kiểm phiếu; để trống nếu không"),
), ("Hội đồng", "Thành viên Hội đồng"))

HOI_DONG_QUYET = Sheet("HoiDongQuyet", "Hội đồng quyết định khi bằng phiếu tại điểm cắt chỉ tiêu", (
    Cot("ma", "Mã", MA, LUON, ("Mã CB", "Mã đơn vị", "Mã ứng viên"), 12),
    Cot("danh_hieu", "Danh hiệu", DANH_HIEU_1, LUON, ("Danh hiệu/hình thức",), 16, ds_chon="DanhHieu"),
    Cot("chon", "Hội đồng chọn", CO_KHONG, LUON, ("Chọn", "Được chọn"), 14, ds_chon="CoKhong",
        huong_dan="Có: người được Hội đồng chọn vào chỉ tiêu; Không: không chọn"),
    Cot("ly_do", "Lý do", CHU, do_rong=50, huong_dan="Lý do Hội đồng chọn (ghi vào biên bản họp)"),
), ("Hội đồng quyết định", "Quyết định của Hội đồng"))

TAT_CA_SHEET = (THONG_TIN, QUY_CHE, CA_NHAN, TAP_THE, LICH_SU, PHIEU_BAU, KIEM_PHIEU, SANG_KIEN, KY_LUAT_SHEET,
                HOI_DONG, HOI_DONG_QUYET)


def tim_sheet(ten: str) -> Sheet | None:
    for s in TAT_CA_SHEET:
        if s.khop(ten):
            return s
    return None


def theo_so_do(s: Sheet, **gia_tri: object) -> list[object]:
    """A row for sheet ``s`` from values by column key, in the schema's column order (blank when absent), so
    writers do not depend on the order of the columns."""
    return [gia_tri.get(c.khoa, "") for c in s.cot]


def _ngay(d: object) -> str:
    return d.strftime("%d/%m/%Y") if d else ""  # type: ignore[attr-defined]


def dong_lich_su(m: object, **ghi_de: object) -> list[object]:
    """A LichSu row for a ledger record (``mo_hinh.MucLichSu``)."""
    loai = m.loai_khen_thuong  # type: ignore[attr-defined]
    gia_tri: dict[str, object] = dict(
        ma=m.ma, nam=m.nam, danh_hieu=m.danh_hieu.viet_tat if m.danh_hieu else "",  # type: ignore[attr-defined]
        so_quyet_dinh=m.so_quyet_dinh, ngay_quyet_dinh=_ngay(m.ngay_quyet_dinh),  # type: ignore[attr-defined]
        co_quan=m.co_quan_ban_hanh, xep_loai=m.xep_loai.ma if m.xep_loai else "",  # type: ignore[attr-defined]
        sang_kien=m.sang_kien.ten if m.sang_kien else "",  # type: ignore[attr-defined]
        ky_luat=m.ky_luat.ten if m.ky_luat else "",  # type: ignore[attr-defined]
        loai_khen_thuong="" if loai.ma == "THUONG_XUYEN" else loai.ten)
    gia_tri.update(ghi_de)
    return theo_so_do(LICH_SU, **gia_tri)


def dong_sang_kien(s: object) -> list[object]:
    """A SangKien row for a register record (``mo_hinh.MucSangKien``)."""
    return theo_so_do(SANG_KIEN, ma=s.ma, nam=s.nam, ten=s.ten, loai=s.loai.ten, cap=s.cap.ten,  # type: ignore[attr-defined]
                      so_quyet_dinh=s.so_quyet_dinh, ngay=_ngay(s.ngay))  # type: ignore[attr-defined]


def dong_ky_luat(k: object) -> list[object]:
    """A KyLuat row for a register record (``mo_hinh.MucKyLuat``)."""
    return theo_so_do(KY_LUAT_SHEET, ma=k.ma, hinh_thuc=k.hinh_thuc.ten, so_quyet_dinh=k.so_quyet_dinh,  # type: ignore[attr-defined]
                      ngay_quyet_dinh=_ngay(k.ngay_quyet_dinh), nam_vi_pham=k.nam_vi_pham or "",  # type: ignore[attr-defined]
                      ngay_het_hieu_luc=_ngay(k.ngay_het_hieu_luc))  # type: ignore[attr-defined]
