"""The actions behind the ribbon button of the classic add-in, as pure functions (testable on Linux);
``thidua_addin.main`` only talks to Excel: it saves a copy of the open workbook, calls :func:`chay_nut` and
applies what comes back, and shows every outcome — errors included — in a Vietnamese message box.

- The open workbook, not the file on disk: its folder's Excel files (subfolders included, as the readers search
  them) are copied to a temporary folder and the open workbook is saved over its copy (Excel's SaveCopyAs), so
  unsaved edits count and nothing of the officer's is written.
- Documents go to a NEW folder beside the workbook's folder, named with the date and time
  (``vi-du-ket-qua-2026-11-28-1705``): earlier results, Word files the officer edited among them, stay untouched.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..doc_bang import DUOI_HOP_LE
from ..ket_xuat import bang_kiem_phieu
from ..kiem_tra import kiem_tra
from ..loi import LOI, ThiduaError
from ..so_do import tim_sheet
from .danh_dau import DanhDau
from .so_mo import MAU_CANH_BAO, MAU_LOI, TEN_SHEET_KIEM_PHIEU, nhom_danh_dau

__all__ = ["MAU_CANH_BAO", "MAU_LOI", "TEN_SHEET_KIEM_PHIEU", "DanhDau", "KetQuaNut", "ban_sao_thu_muc",
           "bang_ket_qua_kiem_phieu", "chay_nut", "danh_dau_loi", "duong_dan_so", "hanh_dong_cho_sheet",
           "tao_van_ban_canh_so", "thu_muc_ket_qua_moi", "tong_ket_canh_so"]


def duong_dan_so(fullname: str) -> Path:
    """The open workbook's path, or a clear message when it has none on this computer."""
    p = Path(str(fullname or ""))
    if "://" in str(fullname) or not p.is_absolute() or not p.parent.is_dir():
        raise ThiduaError("Sổ chưa được lưu vào một thư mục trên máy này (sổ mới, hoặc mở từ OneDrive/SharePoint "
                          "trên web). Lưu sổ vào thư mục chứa các tệp của đợt xét (File › Save As) rồi bấm lại.")
    return p


def ban_sao_thu_muc(so: Path, luu_so_dang_mo: Callable[[Path], None], tam: Path | None = None) -> Path:
    """Copy every Excel file under the workbook's folder (subfolders kept, Excel's ``~$`` lock files skipped) to a
    temporary folder, then let ``luu_so_dang_mo`` write the open workbook over its own copy. Returns the copy."""
    so = Path(so)
    goc = so.parent
    dich_goc = Path(tam or tempfile.mkdtemp(prefix="thidua-")) / goc.name
    dich_goc.mkdir(parents=True, exist_ok=True)
    for p in sorted(goc.rglob("*")):
        if p.is_file() and p.suffix.lower() in DUOI_HOP_LE and not p.name.startswith("~$"):
            dich = dich_goc / p.relative_to(goc)
            dich.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, dich)
    ban_sao = dich_goc / so.name
    luu_so_dang_mo(ban_sao)
    if not ban_sao.is_file():
        raise ThiduaError(f"Không lưu được bản sao của sổ đang mở vào {ban_sao}.")
    return ban_sao


def thu_muc_ket_qua_moi(so: Path, luc: dt.datetime) -> Path:
    """A folder that does not exist yet, beside the workbook's folder, named with the date and time."""
    goc = Path(so).parent
    co_so = goc.parent / f"{goc.name}-ket-qua-{luc:%Y-%m-%d-%H%M}"
    ra, i = co_so, 2
    while ra.exists():
        ra = co_so.with_name(f"{co_so.name}-{i}")
        i += 1
    return ra


def danh_dau_loi(duong_dan: Path) -> list[DanhDau]:
    """Validate the workbook with the other workbooks of its folder (as the batch would) and say which of its
    cells to mark: fill colour by severity, every message a line of the note."""
    duong_dan = Path(duong_dan)
    kq = kiem_tra([duong_dan.parent])
    cua_so = [v for v in kq.van_de if v.tep and Path(v.tep).resolve() == duong_dan.resolve()]
    return nhom_danh_dau(cua_so)


def bang_ket_qua_kiem_phieu(duong_dan: Path) -> list[list[object]]:
    """The rows to write into a result sheet KetQuaKiemPhieu."""
    kq = kiem_tra([Path(duong_dan).parent])
    if kq.co_loi or kq.du_lieu is None:
        loi = [v for v in kq.van_de if v.muc_do == LOI]
        dau: list[list[object]] = [["Dữ liệu có lỗi, chưa kiểm phiếu được:"]]
        return dau + [[f"{Path(v.tep).name} {v.sheet} {v.o}: {v.thong_bao}"] for v in loi[:50]]
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


def tong_ket_canh_so(ban_sao: Path, so_goc: Path, luc: dt.datetime) -> tuple[Path, bool]:
    """Run the whole batch on the copy's folder into a new dated folder beside the original workbook's folder.
    Returns (folder, True) when the documents were made, (folder, False) when the data has errors (then the
    folder holds ket-qua.xlsx with the Loi sheet)."""
    from ..tong_ket import tong_ket

    ra = thu_muc_ket_qua_moi(so_goc, luc)
    kq = tong_ket([Path(ban_sao).parent], ra, ghi_de=False)
    return ra, kq.ma_thoat == 0


def tao_van_ban_canh_so(ban_sao: Path, so_goc: Path | None = None, luc: dt.datetime | None = None) -> Path:
    """Like :func:`tong_ket_canh_so`, the folder only (the workbook itself when no copy was made)."""
    return tong_ket_canh_so(ban_sao, so_goc or ban_sao, luc or dt.datetime.now())[0]


def hanh_dong_cho_sheet(ten_sheet: str) -> str:
    """Which action fits the active sheet: "kiem_tra", "kiem_phieu" or "van_ban"."""
    s = tim_sheet(ten_sheet)
    if s is not None and s.ten in ("PhieuBau", "KiemPhieu"):
        return "kiem_phieu"
    if s is not None and s.ten in ("ThongTin", "QuyChe"):
        return "van_ban"
    return "kiem_tra"


@dataclass
class KetQuaNut:
    """What the button must do in Excel, and the message to show."""

    viec: str
    thong_bao: str
    danh_dau: list[DanhDau] = field(default_factory=list)
    dong_kiem_phieu: list[list[object]] = field(default_factory=list)
    thu_muc_ra: Path | None = None


def chay_nut(ten_sheet: str, fullname: str, luu_so_dang_mo: Callable[[Path], None],
             luc: dt.datetime | None = None) -> KetQuaNut:
    """The whole button, Excel aside: which action, on a copy of the open workbook and its folder."""
    luc = luc or dt.datetime.now()
    so = duong_dan_so(fullname)
    viec = hanh_dong_cho_sheet(ten_sheet)
    with tempfile.TemporaryDirectory(prefix="thidua-") as tam:
        ban_sao = ban_sao_thu_muc(so, luu_so_dang_mo, Path(tam))
        if viec == "kiem_tra":
            dd = danh_dau_loi(ban_sao)
            so_loi = sum(d.mau == MAU_LOI for d in dd)
            tb = (f"thidua: {len(dd)} ô có vấn đề ({so_loi} lỗi tô đỏ, {len(dd) - so_loi} cảnh báo tô vàng); rê chuột "
                  "vào ô để xem ghi chú cách sửa." if dd else "thidua: không có ô nào sai trong sổ này.")
            return KetQuaNut(viec, tb, danh_dau=dd)
        if viec == "kiem_phieu":
            dong = bang_ket_qua_kiem_phieu(ban_sao)
            return KetQuaNut(viec, f"thidua: đã ghi kết quả kiểm phiếu vào sheet {TEN_SHEET_KIEM_PHIEU}.",
                             dong_kiem_phieu=dong)
        ra, xong = tong_ket_canh_so(ban_sao, so, luc)
    if xong:
        return KetQuaNut(viec, f"thidua: đã tạo kết quả và văn bản trong thư mục mới\n{ra}\n(các lần chạy trước "
                         "vẫn giữ nguyên).", thu_muc_ra=ra)
    return KetQuaNut(viec, f"thidua: dữ liệu có lỗi nên chưa tạo văn bản. Xem {ra / 'ket-qua.xlsx'} (sheet Loi), "
                     "sửa rồi bấm lại.", thu_muc_ra=ra)
