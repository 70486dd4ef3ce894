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
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.worksheet.worksheet import Worksheet

from .ghi_bang import FONT, NEN_TIEU_DE, VIEN, ghi_bang, ghi_o, luu_nguyen_tu, thiet_lap_in
from .so_do import (
    CA_NHAN,
    CHU,
    DINH_DANH,
    DS_CHON,
    DS_DANH_HIEU,
    HOI_DONG,
    HOI_DONG_QUYET,
    KIEM_PHIEU,
    KY_LUAT_SHEET,
    LICH_SU,
    MA,
    NGAY,
    NGHI,
    PHIEU_BAU,
    QUY_CHE,
    SANG_KIEN,
    TAP_THE,
    THONG_TIN,
    Sheet,
)
from .tham_so import BoThamSo, bo_tham_so_mac_dinh

DONG_CUOI = 1_048_576  # Excel's last row: input columns are open (and checked by their lists) to the end
SO_COT_EXCEL = 16_384
_KIEU_VAN_BAN = frozenset({MA, CHU, DS_DANH_HIEU, DINH_DANH, NGHI})  # columns typed as text ("@")
TEN_TEP_TONG_HOP = "mau-tong-hop.xlsx"
TEN_TEP_DON_VI = "mau-don-vi.xlsx"

# The instructions: each line with the sheets it describes (none: every workbook). A workbook's HuongDan keeps the
# lines about the sheets it has (the unit's form has no LichSu or KyLuat to describe; the master form no CaNhan).
HUONG_DAN_CHUNG: list[tuple[tuple[str, ...], str]] = [
    ((), "HƯỚNG DẪN ĐIỀN MẪU THI ĐUA, KHEN THƯỞNG"),
    ((), ""),
    (("CaNhan",), "1. Tệp này do mỗi đơn vị điền: sheet TapThe (một dòng cho đơn vị mình), CaNhan (mỗi người một dòng)"
     " và SangKien (sáng kiến, đề tài của người trong đơn vị), rồi gửi bộ phận thi đua. Năm xét, sổ theo dõi các năm"
     " trước, quyết định kỷ luật, Hội đồng và phiếu bầu do bộ phận thi đua điền ở tệp tổng hợp (mau-tong-hop.xlsx)."),
    (("ThongTin",), "1. Bộ phận thi đua điền tệp này: ThongTin (năm, cơ quan, người ký, ngày quyết định, số thành viên"
     " Hội đồng), QuyChe (nếu cơ quan có quy định riêng), LichSu (kết quả các năm trước), KyLuat, HoiDong, rồi PhieuBau"
     " hoặc KiemPhieu. Danh sách cá nhân, tập thể do các đơn vị điền ở tệp của đơn vị (mau-don-vi.xlsx)."),
    (("CaNhan",), "2. Đầu năm (đăng ký thi đua): chỉ điền cột Đăng ký; để trống Xếp loại và Đề nghị."),
    (("ThongTin",), "2. Đầu năm (đăng ký thi đua): thidua dang-ky <thư mục tệp đơn vị> <tệp này> -o <kết quả>."),
    (("CaNhan",), "3. Cuối năm: điền Xếp loại, Kỷ luật, Sáng kiến, Đề tài, Đề nghị. Chạy: thidua kiem-tra <tệp này> để"
     " biết ô nào sai (các kiểm tra cần năm xét và sổ theo dõi chỉ chạy khi kiểm tra cùng tệp tổng hợp)."),
    (("ThongTin",), "3. Cuối năm: thidua kiem-tra <thư mục tệp đơn vị> <tệp này> để biết ô nào sai."),
    (("CaNhan",), "   Người mới về: Ngày tuyển dụng (ngày tuyển dụng công chức, viên chức) khác Ngày vào cơ quan (ngày"
     " chuyển đến, hoặc ngày bắt đầu hợp đồng đầu tiên tại cơ quan). Thời gian hợp đồng liên tục tại cơ quan trước khi"
     " tuyển dụng, và thời gian công tác ở Cơ quan trước của người chuyển đến, đều được tính đủ 6 tháng để xét LĐTT."),
    (("CaNhan",), "   Nghỉ: ghi loại và số ngày, ví dụ 'thai sản 180 ngày; ốm 20 ngày'. Loại: thai sản, ốm, tai nạn khi làm"
     " nhiệm vụ, học tập, không lương, khác. Nghỉ thai sản, điều trị tai nạn khi làm nhiệm vụ, đi học được tính là thời"
     " gian công tác."),
    (("CaNhan",), "   Số định danh cá nhân: đủ 12 chữ số của căn cước (cột đã định dạng Văn bản; ô đã thành số thì gõ dấu '"
     " trước số, ví dụ '001085001234)."),
    (("SangKien",), "   Sheet SangKien: mỗi sáng kiến, đề tài được công nhận một dòng (một người có thể có nhiều sáng kiến"
     " một năm); cột Sáng kiến/Đề tài ở CaNhan chỉ là ghi tắt khi chưa có sổ này. Kết quả xét nêu tên sáng kiến đã dùng."),
    (("KyLuat",), "   Sheet KyLuat: mỗi quyết định kỷ luật (cá nhân hoặc tập thể) một dòng, với Ngày quyết định, Năm vi"
     " phạm, Ngày hết hiệu lực; thành tích chỉ được tính từ sau khi hết kỷ luật (Nghị định 152/2025/NĐ-CP, Điều 4)."),
    (("LichSu",), "   LichSu, cột Loại khen thưởng: để trống là Thường xuyên; khen Chuyên đề, Đột xuất không tính vào các"
     " năm liên tục."),
    (("CaNhan",), "   Một thành tích chỉ khen một hình thức: không đề nghị cùng lúc GK và BK tỉnh cho cùng năm, trừ khi"
     " Ghi chú nêu lý do."),
    ((), "4. Mã danh hiệu: ghi mã (LDTT), viết tắt (LĐTT) hoặc tên đầy đủ (Lao động tiên tiến); nhiều danh hiệu cách"
     " nhau bằng dấu phẩy, dấu chấm phẩy hoặc xuống dòng trong ô (Alt+Enter)."),
    ((), "5. Mã (Mã CB, Mã đơn vị) là chữ: giữ nguyên số 0 ở đầu. Ngày ghi dạng dd/mm/yyyy."),
    ((), "6. Không đổi tên sheet và tiêu đề cột. Có thể thêm cột riêng (ở bên phải bảng, hoặc chèn cột), thidua bỏ qua"
     " cột lạ; có thể chèn dòng, định dạng ô; các cột nhập liệu mở đến hết sheet."),
    ((), "7. Ô có danh sách chọn: bấm mũi tên để chọn. Rê chuột vào tiêu đề cột để xem hướng dẫn."),
    ((), ""),
    ((), "Danh hiệu và hình thức:"),
]


HUONG_DAN_HOI_DONG = [
    "Trước khi Hội đồng họp, để trống PhieuBau, KiemPhieu, HoiDongQuyet (không phải lỗi).",
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
        vung = f"{cot}{dong_dau + 1}:{cot}{DONG_CUOI}"
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
    _mo_khoa_nhap(ws, s, dong_dau + 1, bao_ve=s is not PHIEU_BAU)
    return ws


def dinh_dang_nhap(kieu: str) -> str | None:
    """The number format of an input column of this kind in the blank forms: text for IDs, codes and the CCCD
    (Excel would drop their leading zeros), dd/mm/yyyy for dates, General (None) otherwise."""
    if kieu in _KIEU_VAN_BAN:
        return "@"
    if kieu == NGAY:
        return "dd/mm/yyyy"
    return None


def _mo_khoa_nhap(ws: Worksheet, s: Sheet, tu: int, bao_ve: bool = True) -> None:
    """Input cells: the whole of each column below the header (to Excel's last row, ``DONG_CUOI``) unlocked and
    formatted for its kind, as column styles — the cells a user types into take them, at no cost in file size —
    and the columns right of the table unlocked too, header row included, for the officer's own columns. The
    sheet is protected (no password, ``bao_ve``) so the headers stay intact; sorting, filtering, formatting,
    inserting and deleting rows, and inserting columns remain allowed."""
    mo = Protection(locked=False)
    so_cot = len(s.cot)
    for c, cd in enumerate(s.cot, start=1):
        dim = ws.column_dimensions[get_column_letter(c)]
        dim.protection = mo
        dd = dinh_dang_nhap(cd.kieu)
        if dd:
            dim.number_format = dd
        for r in range(tu, ws.max_row + 1):  # rows ghi_bang wrote (the table's blank row): cells of their own
            o = ws.cell(row=r, column=c)
            o.protection = mo
            if dd:
                o.number_format = dd
    ben_phai = get_column_letter(so_cot + 1)
    ws.column_dimensions[ben_phai] = ColumnDimension(ws, index=ben_phai, min=so_cot + 1, max=SO_COT_EXCEL, width=14)
    ws.column_dimensions[ben_phai].protection = mo
    if not bao_ve:
        return
    p = ws.protection
    p.sheet = True
    p.sort = False
    p.autoFilter = False
    p.formatCells = False
    p.formatColumns = False
    p.formatRows = False
    p.insertRows = False
    p.insertColumns = False
    p.deleteRows = False


def _sheet_khoa_gia_tri(wb: Workbook, s: Sheet, cac_dong: list[tuple[str, object, str]],
                        ds: dict[str, str] | None = None) -> Worksheet:
    """A key/value sheet (Mục | Giá trị | Hướng dẫn); a key whose column has a list (``ds_chon``, e.g. ThongTin's Loại
    đợt) gets its dropdown in the Giá trị cell."""
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
        cd = next((c for c in s.cot if c.tieu_de == khoa), None)
        if ds is not None and cd is not None and cd.ds_chon:
            dv = DataValidation(type="list", formula1=f"={ds[cd.ds_chon]}", allow_blank=True, showErrorMessage=True,
                                error=f"Chọn một giá trị trong danh sách {cd.tieu_de}.", errorTitle="Giá trị không hợp lệ")
            dv.add(f"B{r}")
            ws.add_data_validation(dv)
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


def huong_dan(cac_sheet: list[str], them: list[str]) -> list[str]:
    """The lines of a workbook's HuongDan: the common lines about the sheets it has (``cac_sheet``), the codes, then
    ``them``."""
    from .danh_muc import DANH_HIEU

    co = set(cac_sheet)
    chung = [t for can, t in HUONG_DAN_CHUNG if not can or co.intersection(can)]
    ma = [f"   {d.viet_tat}: {d.ten} ({'cá nhân' if d.doi_tuong == {'ca_nhan'} else 'tập thể' if d.doi_tuong == {'tap_the'} else 'cá nhân hoặc tập thể'})"
          for d in DANH_HIEU.values()]
    return [*chung, *ma, "", *them]


def _huong_dan(wb: Workbook, dong: list[str]) -> None:
    ws = wb.worksheets[0]
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
    tong.active.title = "HuongDan"
    ds = _danh_muc(tong)
    _sheet_khoa_gia_tri(tong, THONG_TIN, [(c.tieu_de, None, c.huong_dan) for c in THONG_TIN.cot], ds)
    _sheet_khoa_gia_tri(tong, QUY_CHE, dong_quy_che(bo))
    for s in (LICH_SU, KY_LUAT_SHEET, HOI_DONG, PHIEU_BAU, KIEM_PHIEU, HOI_DONG_QUYET):
        _sheet_bang(tong, s, ds)
    _huong_dan(tong, huong_dan(tong.sheetnames, HUONG_DAN_HOI_DONG))
    ra_tong = thu_muc / TEN_TEP_TONG_HOP
    luu_nguyen_tu(tong, ra_tong)

    don_vi = Workbook()
    don_vi.active.title = "HuongDan"
    ds = _danh_muc(don_vi)
    for s in (TAP_THE, CA_NHAN, SANG_KIEN):
        _sheet_bang(don_vi, s, ds)
    _huong_dan(don_vi, huong_dan(don_vi.sheetnames, []))
    ra_dv = thu_muc / TEN_TEP_DON_VI
    luu_nguyen_tu(don_vi, ra_dv)
    return [ra_tong, ra_dv]
