"""Preparing the council's vote (``thidua tao-phieu``): who stands, and the PhieuBau sheet to fill in."""

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
from .mo_hinh import CaNhan, DuLieu, TapThe
from .tham_so import BoThamSo, bo_tham_so_mac_dinh
from .tieng_viet import khoa_sap_xep_ho_ten
from .xet import KetQua, xet


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
    gia_dinh = {(d.ma, dh.ma): 1 for d in (*du_lieu.ca_nhan, *du_lieu.tap_the) for dh in d.de_nghi
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


def ghi_sheet_phieu_bau(ung_vien: list[UngVienPhieu], so_phieu: int, duong_dan: Path,
                        danh_dau: list[dict[str, str]] | None = None, wb: Workbook | None = None) -> Path:
    """A PhieuBau sheet: one row per ballot, one column per candidate headed "Mã - CODE", names above the header.
    ``danh_dau`` fills the marks (used by the demo)."""
    rieng = wb is None
    wb = wb or Workbook()
    ws = wb.active if rieng else wb.create_sheet("PhieuBau")
    ws.title = "PhieuBau"
    ws.cell(row=1, column=1, value="PHIẾU BẦU — mỗi phiếu một dòng; đồng ý: x, không đồng ý: để trống").font = Font(
        name=FONT, bold=True, size=13)
    for c, u in enumerate(ung_vien, start=3):
        o = ws.cell(row=2, column=c, value=f"{u.ten} ({u.danh_hieu.viet_tat})")
        o.alignment = Alignment(wrap_text=True, text_rotation=90, vertical="bottom")
        o.font = Font(name=FONT, size=10)
    ws.row_dimensions[2].height = 140
    tieu_de = ["Phiếu số", "Hợp lệ", *(u.tieu_de_cot for u in ung_vien)]
    dong = []
    for i in range(so_phieu):
        d = danh_dau[i] if danh_dau and i < len(danh_dau) else {}
        dong.append([i + 1, d.get("Hợp lệ")] + [d.get(u.tieu_de_cot) for u in ung_vien])
    ghi_bang(ws, tieu_de, dong, dong_dau=3, do_rong=[9, 8] + [6] * len(ung_vien))
    ws.freeze_panes = "C4"
    cuoi = get_column_letter(len(tieu_de))
    dv = DataValidation(type="list", formula1='"x"', allow_blank=True, showErrorMessage=False)
    dv.add(f"C4:{cuoi}{3 + max(so_phieu, 1)}")
    ws.add_data_validation(dv)
    if rieng:
        luu_nguyen_tu(wb, duong_dan)
    return duong_dan


def chay_tao_phieu(du_lieu: DuLieu, thu_muc_ra: Path) -> tuple[list[Path], list[UngVienPhieu], list]:
    """Write the PhieuBau workbook and the printable ballots (one numbered ballot per member present)."""
    from .van_ban.ve import ve_phieu_bau

    thu_muc_ra = Path(thu_muc_ra)
    thu_muc_ra.mkdir(parents=True, exist_ok=True)
    ung_vien, bo_ra = ung_vien_bo_phieu(du_lieu)
    so = du_lieu.thong_tin.so_co_mat or du_lieu.thong_tin.so_thanh_vien or 1
    xlsx = ghi_sheet_phieu_bau(ung_vien, so, thu_muc_ra / "phieu-bau.xlsx")
    docx = ve_phieu_bau(du_lieu.thong_tin, ung_vien, so, thu_muc_ra)
    return [xlsx, docx], ung_vien, bo_ra
