"""The actions behind the ribbon button, as pure functions of a workbook path and a sheet name (testable on
Linux); ``thidua_addin.main`` only finds the caller in Excel and applies what these return."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..ket_xuat import bang_kiem_phieu
from ..kiem_tra import kiem_tra
from ..loi import LOI, ThiduaError
from ..so_do import tim_sheet

MAU_LOI = "FFC7CE"  # light red fill for errors
MAU_CANH_BAO = "FFEB9C"  # light yellow fill for warnings
TEN_SHEET_KIEM_PHIEU = "KetQuaKiemPhieu"


@dataclass(frozen=True)
class DanhDau:
    """One cell to mark: fill colour and the comment (every message for that cell)."""

    sheet: str
    o: str
    mau: str
    ghi_chu: str


def danh_dau_loi(duong_dan: Path) -> list[DanhDau]:
    """Validate the workbook (with the other workbooks of its folder, as the batch would) and say which of its
    cells to mark: fill colour by severity, the messages as the cell's comment."""
    duong_dan = Path(duong_dan)
    kq = kiem_tra([duong_dan.parent])
    theo_o: dict[tuple[str, str], list] = defaultdict(list)
    for v in kq.van_de:
        if v.o and v.tep and Path(v.tep).resolve() == duong_dan.resolve():
            theo_o[(v.sheet, v.o)].append(v)
    return [DanhDau(sheet, o, MAU_LOI if any(v.muc_do == LOI for v in ds) else MAU_CANH_BAO,
                    "\n".join(f"thidua: {v.thong_bao}" for v in ds)) for (sheet, o), ds in theo_o.items()]


def bang_ket_qua_kiem_phieu(duong_dan: Path) -> list[list[object]]:
    """The rows to write into a result sheet KetQuaKiemPhieu."""
    kq = kiem_tra([Path(duong_dan).parent])
    if kq.co_loi or kq.du_lieu is None:
        loi = [v for v in kq.van_de if v.muc_do == LOI]
        return [["Dữ liệu có lỗi, chưa kiểm phiếu được:"]] + [[f"{Path(v.tep).name} {v.sheet} {v.o}: {v.thong_bao}"]
                                                              for v in loi[:50]]
    if kq.du_lieu.kiem_phieu is None:
        raise ThiduaError("Không có sheet PhieuBau hoặc KiemPhieu.")
    b = bang_kiem_phieu(kq.du_lieu)
    sp = b["so_phieu"]
    dong: list[list[object]] = [
        ["Phiếu phát ra", sp["phat_ra"]], ["Phiếu thu vào", sp["thu_vao"]], ["Phiếu hợp lệ", sp["hop_le"]],
        ["Phiếu không hợp lệ", sp["khong_hop_le"]], [],
        ["Mã", "Họ tên / Tập thể", "Danh hiệu", "Đồng ý", "Mẫu số", "Tỷ lệ", "Ngưỡng", "Kết quả"]]
    dong += [[u["ma"], u["ten"], u["danh_hieu"], u["dong_y"], u["mau_so"], u["ty_le"], u["nguong"],
              "Đạt" if u["dat"] else "Không đạt"] for u in b["ung_vien"]]
    return dong


def tao_van_ban_canh_so(duong_dan: Path) -> Path:
    """Run the whole batch on the workbook's folder into a folder beside it (replacing an earlier run's)."""
    from ..tong_ket import tong_ket

    duong_dan = Path(duong_dan)
    ra = duong_dan.parent.parent / f"{duong_dan.parent.name}-ket-qua"
    kq = tong_ket([duong_dan.parent], ra, ghi_de=True)
    if kq.ma_thoat:
        raise ThiduaError(f"Dữ liệu có lỗi: xem {ra / 'ket-qua.xlsx'} (sheet Loi).")
    return ra


def hanh_dong_cho_sheet(ten_sheet: str) -> str:
    """Which action fits the active sheet: "kiem_tra", "kiem_phieu" or "van_ban"."""
    s = tim_sheet(ten_sheet)
    if s is not None and s.ten in ("PhieuBau", "KiemPhieu"):
        return "kiem_phieu"
    if s is not None and s.ten in ("ThongTin", "QuyChe"):
        return "van_ban"
    return "kiem_tra"


def ap_danh_dau_openpyxl(nguon: Path, dich: Path, danh_dau: list[DanhDau]) -> Path:
    """Apply the marks to a copy with openpyxl (what the Excel button does live; used on Linux and in tests)."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    wb = load_workbook(nguon, keep_vba=Path(nguon).suffix.lower() == ".xlsm")
    for d in danh_dau:
        o = wb[d.sheet][d.o]
        o.fill = PatternFill("solid", fgColor=d.mau)
        o.comment = Comment(d.ghi_chu, "thidua")
    wb.save(dich)
    return dich
