"""Preparing the council's vote (``thidua tao-phieu``): who stands, the PhieuBau sheet to fill in, the printable
secret ballots (a series number on every page, never a member's number), and — after the count — the HoiDongQuyet
rows the council fills when candidates tie at a quota cut."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .binh_xet import kiem_phieu_tay
from .danh_muc import DANH_HIEU, DanhHieu
from .ghi_bang import FONT, ghi_bang, luu_nguyen_tu
from .ket_xuat import dong_du_dieu_kien
from .loi import ThiduaError
from .mo_hinh import CaNhan, DuLieu, TapThe
from .tham_so import BoThamSo, bo_tham_so_mac_dinh
from .tieng_viet import khoa_sap_xep_ho_ten
from .xet import KetQua, KetQuaXet, mo_ta_chi_tieu, xet


@dataclass(frozen=True)
class UngVienPhieu:
    """One line of the ballot: a person or collective standing for a code."""

    ma: str
    ten: str
    don_vi: str
    danh_hieu: DanhHieu
    ly_do: str

    @property
    def tieu_de_cot(self) -> str:
        return f"{self.ma} - {self.danh_hieu.ma}"


def ung_vien_bo_phieu(du_lieu: DuLieu, bo: BoThamSo | None = None) -> tuple[list[UngVienPhieu], list[tuple[object, KetQua]]]:
    """(candidates on the ballot, proposals left off with their reasons).

    The ballot is prepared before the vote, so a title that depends on another voted this round (CSTĐ tỉnh on
    this year's CSTĐCS) is screened as if every vote passed and no quota applied; the real vote decides."""
    bo = bo or bo_tham_so_mac_dinh()
    ts = bo.tai_ngay(du_lieu.thong_tin.ngay_quyet_dinh, du_lieu.quy_che)
    can_phieu = {d.ma for d in DANH_HIEU.values() if ts(f"binh_xet.bo_phieu.{d.ma}")}
    moi_doi_tuong: list[CaNhan | TapThe] = [*du_lieu.ca_nhan, *du_lieu.tap_the]
    gia_dinh = {(d.ma, dh.ma): 1 for d in moi_doi_tuong for dh in d.de_nghi
                if dh.ma in can_phieu}
    quy_che = dict(du_lieu.quy_che)
    for ten in bo.tham_so:
        if ten.startswith("chi_tieu.") and bo[ten].kieu == "ty_le":
            quy_che[ten] = None
    thu = dataclasses.replace(du_lieu, kiem_phieu=kiem_phieu_tay(gia_dinh, 1, 1), quy_che=quy_che)
    kq = xet(thu, bo)
    ten_dv = {t.ma: t.ten for t in du_lieu.tap_the}
    ung_vien: list[UngVienPhieu] = []
    bo_ra: list[tuple[object, KetQua]] = []
    for doi_tuong, k in kq.tat_ca():
        if k.danh_hieu.ma not in can_phieu:
            continue
        if k.du_dieu_kien:
            if isinstance(doi_tuong, CaNhan):
                ung_vien.append(UngVienPhieu(doi_tuong.ma, doi_tuong.ho_ten, ten_dv.get(doi_tuong.don_vi, doi_tuong.don_vi),
                                             k.danh_hieu, dong_du_dieu_kien(k)))
            else:
                assert isinstance(doi_tuong, TapThe)
                ung_vien.append(UngVienPhieu(doi_tuong.ma, doi_tuong.ten, "", k.danh_hieu, dong_du_dieu_kien(k)))
        else:
            bo_ra.append((doi_tuong, k))
    thu_tu = {m: i for i, m in enumerate(DANH_HIEU)}
    ung_vien.sort(key=lambda u: (thu_tu[u.danh_hieu.ma], u.don_vi, khoa_sap_xep_ho_ten(u.ten)))
    return ung_vien, bo_ra


COT_TOI_DA_EXCEL = 16_384  # columns of a worksheet (XFD), Excel 2007 and later
COT_TRUOC_UNG_VIEN = 3  # Phiếu số, Hợp lệ, Hình thức


def kiem_so_cot_phieu(so_ung_vien: int) -> None:
    """PhieuBau gives each candidate a column: beyond Excel's 16,384 columns (16,381 candidates) the sheet cannot
    exist, and the hand counts of KiemPhieu (a row per candidate) are the way (issue 15: said before anything is
    written, not as a workbook Excel refuses to open)."""
    cho = COT_TOI_DA_EXCEL - COT_TRUOC_UNG_VIEN
    if so_ung_vien > cho:
        def so(n: int) -> str:
            return f"{n:,}".replace(",", ".")

        raise ThiduaError(
            f"Có {so(so_ung_vien)} đề nghị phải bỏ phiếu, nhưng sheet PhieuBau chỉ có chỗ cho {so(cho)} (mỗi đề nghị "
            f"một cột; một sheet Excel có tối đa {so(COT_TOI_DA_EXCEL)} cột)."
            + " Với số đề nghị này, Ban kiểm phiếu đếm phiếu rồi ghi kết quả vào sheet KiemPhieu của tệp tổng hợp: "
            "mỗi người (tập thể) và danh hiệu một dòng, các cột Mã, Danh hiệu, Số phiếu đồng ý; thidua xét theo "
            "sheet đó như với PhieuBau.")


def ghi_sheet_phieu_bau(ung_vien: list[UngVienPhieu], so_phieu: int, duong_dan: Path,
                        danh_dau: list[dict[str, str]] | None = None, wb: Workbook | None = None,
                        so_van_ban: int = 0) -> Path:
    """A PhieuBau sheet: one row per ballot, one column per candidate headed "Mã - CODE", names above the header.
    The last ``so_van_ban`` rows are the written opinions of absent members (Hình thức = Bằng văn bản).
    ``danh_dau`` fills the marks (used by the demo). More candidates than a sheet has columns: ``ThiduaError``
    (``kiem_so_cot_phieu``)."""
    kiem_so_cot_phieu(len(ung_vien))
    rieng = wb is None
    wb = wb or Workbook()
    ws = wb.active if rieng else wb.create_sheet("PhieuBau")
    ws.title = "PhieuBau"
    ws.cell(row=1, column=1, value="PHIẾU BẦU — mỗi phiếu một dòng (số sê-ri in trên phiếu); đồng ý: x, không đồng "
            "ý: để trống; ý kiến bằng văn bản của thành viên vắng mặt: Hình thức = Bằng văn bản").font = Font(
        name=FONT, bold=True, size=13)
    for c, u in enumerate(ung_vien, start=4):
        o = ws.cell(row=2, column=c, value=f"{u.ten} ({u.danh_hieu.viet_tat})")
        o.alignment = Alignment(wrap_text=True, text_rotation=90, vertical="bottom")
        o.font = Font(name=FONT, size=10)
    ws.row_dimensions[2].height = 140
    tieu_de = ["Phiếu số", "Hợp lệ", "Hình thức", *(u.tieu_de_cot for u in ung_vien)]
    dong = []
    for i in range(so_phieu):
        d = danh_dau[i] if danh_dau and i < len(danh_dau) else {}
        hinh_thuc = d.get("Hình thức") or ("Bằng văn bản" if i >= so_phieu - so_van_ban else "Tại cuộc họp")
        dong.append([i + 1, d.get("Hợp lệ"), hinh_thuc] + [d.get(u.tieu_de_cot) for u in ung_vien])
    ghi_bang(ws, tieu_de, dong, dong_dau=3, do_rong=[9, 8, 14] + [6] * len(ung_vien))
    ws.freeze_panes = "D4"
    cuoi = get_column_letter(len(tieu_de))
    dv = DataValidation(type="list", formula1='"x"', allow_blank=True, showErrorMessage=False)
    dv.add(f"D4:{cuoi}{3 + max(so_phieu, 1)}")
    ws.add_data_validation(dv)
    dv2 = DataValidation(type="list", formula1='"Tại cuộc họp,Bằng văn bản"', allow_blank=True)
    dv2.add(f"C4:C{3 + max(so_phieu, 1)}")
    ws.add_data_validation(dv2)
    dv3 = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    dv3.add(f"B4:B{3 + max(so_phieu, 1)}")
    ws.add_data_validation(dv3)
    if rieng:
        luu_nguyen_tu(wb, duong_dan)
    return duong_dan


def so_phieu_can_in(du_lieu: DuLieu) -> tuple[int, int]:
    """(ballots to print, of which for written opinions): one per member present, one per absent member voting in
    writing (HoiDong); without HoiDong, one per member present (ThongTin), else one per member."""
    if du_lieu.hoi_dong:
        co_mat = sum(1 for t in du_lieu.hoi_dong if t.co_mat == "Có")
        van_ban = sum(1 for t in du_lieu.hoi_dong if t.co_mat == "Văn bản")
        return max(1, co_mat + van_ban), van_ban
    tt = du_lieu.thong_tin
    return max(1, tt.so_co_mat or tt.so_thanh_vien or 1), 0


def so_phieu_da_nhap(duong_dan: Path) -> int:
    """How many ballot rows of the PhieuBau sheet(s) in an existing workbook hold a mark (votes entered)."""
    from .binh_xet import doc_dau
    from .doc_bang import doc_tep
    from .so_do import PHIEU_BAU

    try:
        bang, _ = doc_tep(Path(duong_dan))
    except Exception:  # unreadable: not ours to judge here; the writer's own rules apply
        return 0
    dem = 0
    for b in bang:
        if b.loai is not PHIEU_BAU:
            continue
        for _, dong in b.dong:
            if any(c < len(dong) and doc_dau(dong[c]) is not False for c in b.cot_khac):
                dem += 1
    return dem


def kiem_khong_ghi_de_phieu(thu_muc_ra: Path, ghi_de: bool) -> None:
    """``tao-phieu`` never replaces a ballot sheet that already holds votes unless told to (``--ghi-de``)."""
    from .loi import ThiduaError

    p = Path(thu_muc_ra) / TEN_PHIEU_BAU
    if p.is_file() and not ghi_de:
        n = so_phieu_da_nhap(p)
        if n:
            raise ThiduaError(f"'{p}' đã có {n} phiếu đã nhập đánh dấu: thidua không ghi đè để không mất phiếu bầu. "
                              "Chọn thư mục khác (-o), hoặc thêm --ghi-de nếu thật sự muốn lập lại phiếu (mọi phiếu đã "
                              "nhập trong tệp này sẽ mất).")


TEN_PHIEU_BAU = "phieu-bau.xlsx"
TEN_HOI_DONG_QUYET = "hoi-dong-quyet.xlsx"


def chay_tao_phieu(du_lieu: DuLieu, thu_muc_ra: Path) -> tuple[list[Path], list[UngVienPhieu], list]:
    """Write the PhieuBau workbook and the printable secret ballots (as many as ballots to hand out; each carries
    a series number, never a member's name or number)."""
    from .van_ban.ve import ve_phieu_bau

    thu_muc_ra = Path(thu_muc_ra)
    ung_vien, bo_ra = ung_vien_bo_phieu(du_lieu)
    if not ung_vien:
        raise ThiduaError("Không có đề nghị nào phải bỏ phiếu (các danh hiệu được đề nghị không cần Hội đồng bỏ "
                          "phiếu, hoặc không ai đủ tiêu chuẩn): không cần tạo phiếu bầu. Xem lý do bằng thidua xet.")
    kiem_so_cot_phieu(len(ung_vien))  # before anything is written
    thu_muc_ra.mkdir(parents=True, exist_ok=True)
    so, van_ban = so_phieu_can_in(du_lieu)
    xlsx = ghi_sheet_phieu_bau(ung_vien, so, thu_muc_ra / TEN_PHIEU_BAU, so_van_ban=van_ban)
    docx = ve_phieu_bau(du_lieu.thong_tin, ung_vien, so, thu_muc_ra)
    return [xlsx, docx], ung_vien, bo_ra


def ghi_hoi_dong_quyet(ket_qua: KetQuaXet, duong_dan: Path) -> tuple[Path, int]:
    """The HoiDongQuyet rows the council fills for every candidate tied at a quota cut and not yet resolved: Mã,
    Danh hiệu, Hội đồng chọn (blank, Có/Không), Lý do; and, to help, name, unit, votes and the law's priority."""
    from .so_do import HOI_DONG_QUYET

    ten_dv = {t.ma: t.ten for t in ket_qua.du_lieu.tap_the}
    dong = []
    for d, k in ket_qua.tat_ca():
        if not k.hoa_tai_diem_cat:
            continue
        cu = ket_qua.du_lieu.hoi_dong_quyet.get((d.ma, k.danh_hieu.ma))
        n = k.nguoi_hoa
        uu_tien = "Có" if n is not None and n.uu_tien else ""
        dong.append([d.ma, k.danh_hieu.viet_tat, ("Có" if cu.chon else "Không") if cu else None,
                     cu.ly_do if cu else "", d.ho_ten if isinstance(d, CaNhan) else d.ten,
                     ten_dv.get(d.don_vi, d.don_vi) if isinstance(d, CaNhan) else "",
                     k.phieu.dong_y if k.phieu else None, mo_ta_chi_tieu(k.chi_tieu) if k.chi_tieu else "", uu_tien])
    wb = Workbook()
    ws = wb.active
    ws.title = HOI_DONG_QUYET.ten
    ghi_bang(ws, [c.tieu_de for c in HOI_DONG_QUYET.cot] + ["Họ tên / Tập thể", "Đơn vị", "Số phiếu đồng ý",
                                                             "Chỉ tiêu", "Được ưu tiên theo luật"], dong,
             tieu_de_trang="HỘI ĐỒNG QUYẾT ĐỊNH KHI BẰNG PHIẾU TẠI ĐIỂM CẮT — ghi Có/Không ở cột 'Hội đồng chọn' và lý "
                           "do, rồi đưa tệp này vào lệnh xet/tong-ket",
             do_rong=[12, 14, 14, 40, 26, 30, 12, 30, 14])
    dv = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    dv.add(f"C3:C{max(3, 2 + len(dong))}")
    ws.add_data_validation(dv)
    luu_nguyen_tu(wb, duong_dan)
    return duong_dan, len(dong)
