"""Blank workbooks (``thidua tao-mau``), generated from the schema in ``so_do`` so that what the forms ask for
is exactly what the validator reads."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .ghi_bang import FONT, NEN_TIEU_DE, VIEN, ghi_bang, ghi_o, luu_nguyen_tu, thiet_lap_in
from .so_do import (
    CA_NHAN,
    DS_CHON,
    HOI_DONG,
    HOI_DONG_QUYET,
    KIEM_PHIEU,
    KY_LUAT_SHEET,
    LICH_SU,
    PHIEU_BAU,
    QUY_CHE,
    SANG_KIEN,
    TAP_THE,
    THONG_TIN,
    Sheet,
)
from .tham_so import BoThamSo, bo_tham_so_mac_dinh

SO_DONG_NHAP = 500
TEN_TEP_TONG_HOP = "mau-tong-hop.xlsx"
TEN_TEP_DON_VI = "mau-don-vi.xlsx"

HUONG_DAN_CHUNG = [
    "HƯỚNG DẪN ĐIỀN MẪU THI ĐUA, KHEN THƯỞNG",
    "",
    "1. Mỗi đơn vị điền sheet TapThe (một dòng cho đơn vị mình) và CaNhan (mỗi người một dòng).",
    "2. Bộ phận thi đua điền tệp tổng hợp: ThongTin (năm, cơ quan, người ký, ngày quyết định, số thành viên Hội đồng),"
    " QuyChe (nếu cơ quan có quy định riêng), LichSu (kết quả các năm trước), PhieuBau hoặc KiemPhieu.",
    "3. Đầu năm (đăng ký thi đua): chỉ điền cột Đăng ký; để trống Xếp loại và Đề nghị. Chạy: thidua dang-ky <thư mục> -o <kết quả>.",
    "4. Cuối năm: điền Xếp loại, Kỷ luật, Sáng kiến, Đề tài, Đề nghị. Chạy: thidua kiem-tra <thư mục> để biết ô nào sai.",
    "   Người mới về: Ngày tuyển dụng (ngày tuyển dụng công chức, viên chức) khác Ngày vào cơ quan (ngày chuyển đến, hoặc"
    " ngày bắt đầu hợp đồng đầu tiên tại cơ quan). Thời gian hợp đồng liên tục tại cơ quan trước khi tuyển dụng, và"
    " thời gian công tác ở Cơ quan trước của người chuyển đến, đều được tính đủ 6 tháng để xét LĐTT.",
    "   Nghỉ: ghi loại và số ngày, ví dụ 'thai sản 180 ngày; ốm 20 ngày'. Loại: thai sản, ốm, tai nạn khi làm nhiệm vụ,"
    " học tập, không lương, khác. Nghỉ thai sản, điều trị tai nạn khi làm nhiệm vụ, đi học được tính là thời gian công tác.",
    "   Số định danh cá nhân: đủ 12 chữ số của căn cước, ô định dạng Văn bản.",
    "   Sheet SangKien: mỗi sáng kiến, đề tài được công nhận một dòng (một người có thể có nhiều sáng kiến một năm);"
    " cột Sáng kiến/Đề tài ở CaNhan chỉ là ghi tắt khi chưa có sổ này. Kết quả xét nêu tên sáng kiến đã dùng.",
    "   Sheet KyLuat: mỗi quyết định kỷ luật (cá nhân hoặc tập thể) một dòng, với Ngày quyết định, Năm vi phạm, Ngày hết"
    " hiệu lực; thành tích chỉ được tính từ sau khi hết kỷ luật (Nghị định 152/2025/NĐ-CP, Điều 4).",
    "   LichSu, cột Loại khen thưởng: để trống là Thường xuyên; khen Chuyên đề, Đột xuất không tính vào các năm liên tục.",
    "   Một thành tích chỉ khen một hình thức: không đề nghị cùng lúc GK và BK tỉnh cho cùng năm, trừ khi Ghi chú nêu lý do.",
    "5. Mã danh hiệu: ghi mã (LDTT), viết tắt (LĐTT) hoặc tên đầy đủ (Lao động tiên tiến); nhiều danh hiệu cách nhau bằng dấu phẩy.",
    "6. Mã CB, Mã đơn vị là chữ: giữ nguyên số 0 ở đầu. Ngày ghi dạng dd/mm/yyyy.",
    "7. Không đổi tên sheet và tiêu đề cột; có thể thêm cột riêng, thidua bỏ qua cột lạ.",
    "8. Ô có danh sách chọn: bấm mũi tên để chọn. Rê chuột vào tiêu đề cột để xem hướng dẫn.",
    "",
    "Danh hiệu và hình thức:",
]


HUONG_DAN_HOI_DONG = [
    "Tệp này là tệp tổng hợp của bộ phận thi đua: ThongTin, QuyChe, LichSu, KyLuat, HoiDong, PhieuBau, "
    "KiemPhieu, HoiDongQuyet. Trước khi Hội đồng họp, để trống PhieuBau, KiemPhieu, HoiDongQuyet (không phải lỗi).",
    "HoiDong: mỗi thành viên Hội đồng một dòng — Họ và tên, Chức vụ, Vai trò (Chủ tịch, Phó Chủ tịch, Ủy viên, Ủy "
    "viên thư ký), Có mặt (Có; Không; Văn bản = vắng nhưng gửi ý kiến bằng văn bản), Ban kiểm phiếu (Trưởng ban, "
    "Thành viên). Khi có HoiDong, số thành viên và số có mặt lấy từ đây (ThongTin ghi khác là lỗi).",
    "ThongTin: Ngày họp Hội đồng, Giờ bắt đầu, Giờ kết thúc được ghi vào biên bản họp (biên bản ghi ngày họp).",
    "Các bước bỏ phiếu: (1) thidua tao-phieu <thư mục> tong-hop.xlsx -o phieu-bau — tạo phiếu bầu kín để in "
    "(phieu-bau-<năm>.docx) và phieu-bau/phieu-bau.xlsx; (2) in, phát phiếu, Hội đồng bỏ phiếu; (3) nhập mỗi phiếu "
    "một dòng vào phieu-bau.xlsx (đồng ý: x; không đồng ý: để trống; ý kiến bằng văn bản: Hình thức = Bằng văn "
    "bản); (4) thidua kiem-phieu <thư mục> tong-hop.xlsx phieu-bau/phieu-bau.xlsx; (5) thidua tong-ket <thư mục> "
    "tong-hop.xlsx phieu-bau/phieu-bau.xlsx -o ket-qua.",
    "Phiếu bầu kín: phiếu chỉ có số sê-ri, không gắn với thành viên nào; danh sách thành viên nằm riêng ở HoiDong.",
    "Ngưỡng (Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7): CSTĐCS, Cờ thi đua tỉnh 80 %; CSTĐ tỉnh, CSTĐTQ 90 % tổng số "
    "thành viên Hội đồng. Ý kiến bằng văn bản tính như phiếu nhưng không tính là có mặt (cần ít nhất 2/3 có mặt).",
    "HoiDongQuyet: khi nhiều người bằng phiếu tại điểm cắt chỉ tiêu, Hội đồng quyết định ai được chọn (pháp luật ưu "
    "tiên nữ và tập thể có từ 70 % nữ). thidua tao-phieu … -o <thư mục> --hoi-dong-quyet ghi sẵn các dòng cần điền: "
    "Hội đồng chọn = Có/Không, Lý do. Chưa điền thì văn bản của danh hiệu đó là DỰ THẢO.",
    "KiemPhieu: thay cho PhieuBau khi đã đếm phiếu bằng tay (Mã, Danh hiệu, Số phiếu đồng ý).",
]


def _danh_muc(wb: Workbook) -> dict[str, str]:
    """A hidden sheet DanhMuc holding the dropdown lists; returns list name → formula reference."""
    ws = wb.create_sheet("DanhMuc")
    tham_chieu: dict[str, str] = {}
    for c, (ten, ds) in enumerate(DS_CHON.items(), start=1):
        ws.cell(row=1, column=c, value=ten).font = Font(bold=True)
        for r, v in enumerate(ds, start=2):
            ws.cell(row=r, column=c, value=v)
        cot = get_column_letter(c)
        ref = f"{quote_sheetname('DanhMuc')}!${cot}$2:${cot}${len(ds) + 1}"
        wb.defined_names[f"ds_{ten}"] = DefinedName(f"ds_{ten}", attr_text=ref)
        tham_chieu[ten] = f"ds_{ten}"
    ws.sheet_state = "hidden"
    return tham_chieu


def _sheet_bang(wb: Workbook, s: Sheet, ds: dict[str, str], vi_du: list[list[object]] | None = None) -> Worksheet:
    ws = wb.create_sheet(s.ten)
    tieu_de = [c.tieu_de for c in s.cot]
    dong_dau = 2
    ws.cell(row=1, column=1, value=s.mo_ta.upper()).font = Font(name=FONT, bold=True, size=13)
    cac_dong = vi_du or [[None] * len(tieu_de) for _ in range(1)]
    ghi_bang(ws, tieu_de, cac_dong, dong_dau=dong_dau, do_rong=[c.do_rong for c in s.cot],
             ten_bang=f"Bang{s.ten}")
    for c, cd in enumerate(s.cot, start=1):
        o = ws.cell(row=dong_dau, column=c)
        ghi_chu = cd.huong_dan or ""
        if cd.bat_buoc == "luon":
            ghi_chu = ("Bắt buộc. " + ghi_chu).strip()
        elif cd.bat_buoc == "cuoi_nam":
            ghi_chu = ("Bắt buộc khi có đề nghị cuối năm. " + ghi_chu).strip()
        if ghi_chu:
            o.comment = Comment(ghi_chu, "thidua", width=260, height=90)
        cot = get_column_letter(c)
        vung = f"{cot}{dong_dau + 1}:{cot}{dong_dau + SO_DONG_NHAP}"
        if cd.ds_chon:
            dv = DataValidation(type="list", formula1=f"={ds[cd.ds_chon]}", allow_blank=True)
            if cd.kieu == "ds_danh_hieu":  # several codes separated by commas are allowed
                dv.showErrorMessage = False
            else:
                dv.error = f"Chọn một giá trị trong danh sách {cd.tieu_de}."
                dv.errorTitle = "Giá trị không hợp lệ"
                dv.showErrorMessage = True
            dv.prompt = cd.huong_dan[:250] if cd.huong_dan else None
            dv.showInputMessage = bool(cd.huong_dan)
            dv.add(vung)
            ws.add_data_validation(dv)
        if cd.kieu in ("ma", "chu", "ds_danh_hieu"):
            for r in range(dong_dau + 1, dong_dau + SO_DONG_NHAP + 1):
                ws.cell(row=r, column=c).number_format = "@"
        if cd.kieu == "ngay":
            for r in range(dong_dau + 1, dong_dau + SO_DONG_NHAP + 1):
                ws.cell(row=r, column=c).number_format = "dd/mm/yyyy"
    _mo_khoa_nhap(ws, dong_dau + 1, dong_dau + SO_DONG_NHAP, len(tieu_de))
    return ws


def _mo_khoa_nhap(ws: Worksheet, tu: int, den: int, so_cot: int) -> None:
    """Protect the sheet (no password) so headers stay intact; input cells stay unlocked; sorting and
    filtering remain allowed."""
    for r in range(tu, den + 1):
        for c in range(1, so_cot + 1):
            ws.cell(row=r, column=c).protection = Protection(locked=False)
    p = ws.protection
    p.sheet = True
    p.sort = False
    p.autoFilter = False
    p.formatColumns = False
    p.formatRows = False
    p.insertRows = False
    p.deleteRows = False


def _sheet_khoa_gia_tri(wb: Workbook, s: Sheet, cac_dong: list[tuple[str, object, str]]) -> Worksheet:
    ws = wb.create_sheet(s.ten)
    ws.cell(row=1, column=1, value=s.mo_ta.upper()).font = Font(name=FONT, bold=True, size=13)
    for c, td in enumerate(("Mục", "Giá trị", "Hướng dẫn"), start=1):
        o = ws.cell(row=2, column=c, value=td)
        o.font = Font(name=FONT, bold=True)
        o.fill = NEN_TIEU_DE
        o.border = VIEN
    for r, (khoa, v, hd) in enumerate(cac_dong, start=3):
        ghi_o(ws, r, 1, khoa)
        ghi_o(ws, r, 2, v)
        ghi_o(ws, r, 3, hd)
        ws.cell(row=r, column=3).alignment = Alignment(wrap_text=True)
        ws.cell(row=r, column=2).protection = Protection(locked=False)
    for cot, w in zip("ABC", (34, 36, 80), strict=True):
        ws.column_dimensions[cot].width = w
    ws.freeze_panes = "A3"
    thiet_lap_in(ws, 2, ngang=False)
    return ws


def dong_quy_che(bo: BoThamSo) -> list[tuple[str, object, str]]:
    """Every QuyChe key with its description and the legal default in force today."""
    import datetime as dt

    ts = bo.tai_ngay(dt.date.today())
    dong: list[tuple[str, object, str]] = []
    for ten in sorted(bo.tham_so):
        t = bo.tham_so[ten]
        if not t.nhan:
            continue
        gt = ts.chi_tiet(ten)
        dong.append((t.nhan, None, f"{t.mo_ta}. Mặc định: {gt.hien_thi()} ({gt.can_cu}). Để trống để dùng mặc định."))
    return dong


def _huong_dan(wb: Workbook, them: list[str]) -> None:
    from .danh_muc import DANH_HIEU

    ws = wb.active
    ws.title = "HuongDan"
    dong = HUONG_DAN_CHUNG + [f"   {d.viet_tat}: {d.ten} ({'cá nhân' if d.doi_tuong == {'ca_nhan'} else 'tập thể' if d.doi_tuong == {'tap_the'} else 'cá nhân hoặc tập thể'})" for d in DANH_HIEU.values()] + [""] + them
    for r, t in enumerate(dong, start=1):
        o = ws.cell(row=r, column=1, value=t)
        o.font = Font(name=FONT, bold=(r == 1), size=14 if r == 1 else 12)
        o.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 120
    thiet_lap_in(ws, 1, ngang=False)


def tao_mau(thu_muc: Path, bo: BoThamSo | None = None) -> list[Path]:
    """Write the master workbook and the unit workbook into ``thu_muc``."""
    bo = bo or bo_tham_so_mac_dinh()
    thu_muc = Path(thu_muc)
    thu_muc.mkdir(parents=True, exist_ok=True)

    tong = Workbook()
    _huong_dan(tong, HUONG_DAN_HOI_DONG)
    ds = _danh_muc(tong)
    _sheet_khoa_gia_tri(tong, THONG_TIN, [(c.tieu_de, None, c.huong_dan) for c in THONG_TIN.cot])
    _sheet_khoa_gia_tri(tong, QUY_CHE, dong_quy_che(bo))
    for s in (LICH_SU, KY_LUAT_SHEET, HOI_DONG, PHIEU_BAU, KIEM_PHIEU, HOI_DONG_QUYET):
        _sheet_bang(tong, s, ds)
    ra_tong = thu_muc / TEN_TEP_TONG_HOP
    luu_nguyen_tu(tong, ra_tong)

    don_vi = Workbook()
    _huong_dan(don_vi, ["Tệp này do mỗi đơn vị điền: TapThe (đơn vị mình), CaNhan (mỗi người một dòng) và SangKien "
                        "(sáng kiến, đề tài của người trong đơn vị)."])
    ds = _danh_muc(don_vi)
    for s in (TAP_THE, CA_NHAN, SANG_KIEN):
        _sheet_bang(don_vi, s, ds)
    ra_dv = thu_muc / TEN_TEP_DON_VI
    luu_nguyen_tu(don_vi, ra_dv)
    return [ra_tong, ra_dv]
