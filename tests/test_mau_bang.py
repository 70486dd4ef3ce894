"""Blank forms: generated from the schema, reopened, and round-tripped through LibreOffice."""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from thidua.kiem_tra import kiem_tra
from thidua.mau_bang import tao_mau
from thidua.so_do import CA_NHAN, TAP_THE
from tien_ich import can_libreoffice


def _ds_chon(ws) -> dict[str, str]:
    return {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}


def test_mau_co_du_sheet_danh_sach_chon_bang_va_dong_bang(tmp_path: Path) -> None:
    tong, don_vi = tao_mau(tmp_path)
    wb = load_workbook(tong)
    assert wb.sheetnames[:1] == ["HuongDan"]
    assert {"ThongTin", "QuyChe", "LichSu", "PhieuBau", "KiemPhieu", "DanhMuc"} <= set(wb.sheetnames)
    assert wb["DanhMuc"].sheet_state == "hidden"
    wb = load_workbook(don_vi)
    ws = wb["CaNhan"]
    assert [c.value for c in ws[2]] == [c.tieu_de for c in CA_NHAN.cot]
    assert ws.freeze_panes == "A3"
    assert "BangCaNhan" in ws.tables
    ds = _ds_chon(ws)
    cot = {c.khoa: get_column_letter(i) for i, c in enumerate(CA_NHAN.cot, start=1)}
    assert ds[f"{cot['xep_loai']}3"] == "=ds_XepLoai" and ds[f"{cot['ky_luat']}3"] == "=ds_KyLuat"
    assert ws.protection.sheet and not ws["B3"].protection.locked
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$2:$2"
    assert [c.value for c in wb["TapThe"][2]] == [c.tieu_de for c in TAP_THE.cot]
    assert ws["B2"].comment is not None


def test_mau_quy_che_liet_ke_moi_khoa_va_doc_duoc(tmp_path: Path) -> None:
    tong, _ = tao_mau(tmp_path)
    ws = load_workbook(tong)["QuyChe"]
    khoa = [r[0] for r in ws.iter_rows(min_row=3, values_only=True) if r[0]]
    assert "Ngưỡng phiếu CSTĐCS" in khoa and "Chỉ tiêu CSTĐCS" in khoa
    kq = kiem_tra([tmp_path])
    assert not [v for v in kq.van_de if v.sheet == "QuyChe"]


def test_mau_mo_trong_libreoffice_van_giu_danh_sach_chon(tmp_path: Path) -> None:
    soffice = can_libreoffice()
    _, don_vi = tao_mau(tmp_path / "mau")
    ra = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'hs'}", "--headless", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(ra), str(don_vi)], check=True,
                   capture_output=True, timeout=300)
    ws = load_workbook(ra / don_vi.name)["CaNhan"]
    cong_thuc = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert any("XepLoai" in (f or "") or "DanhMuc" in (f or "") for f in cong_thuc), cong_thuc
    assert [c.value for c in ws[2]][:3] == ["STT", "Mã CB", "Họ và tên"]


def test_mau_da_commit_khop_so_do() -> None:
    """workbooks/mau is what `thidua tao-mau` makes today (regenerate it when the schema changes)."""
    goc = Path(__file__).resolve().parent.parent / "workbooks" / "mau"
    wb = load_workbook(goc / "mau-don-vi.xlsx")
    assert [c.value for c in wb["CaNhan"][2]] == [c.tieu_de for c in CA_NHAN.cot]
    assert [c.value for c in wb["TapThe"][2]] == [c.tieu_de for c in TAP_THE.cot]
    from thidua.so_do import LICH_SU

    assert [c.value for c in load_workbook(goc / "mau-tong-hop.xlsx")["LichSu"][2]] == [c.tieu_de for c in LICH_SU.cot]


def test_mau_van_ban_da_commit_khop_script(tmp_path: Path) -> None:
    """templates/ is what scripts/tao_mau_van_ban.py builds (run it again after changing the script)."""
    import importlib.util
    import zipfile

    goc = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("tao_mau_van_ban", goc / "scripts" / "tao_mau_van_ban.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    for p in m.main(tmp_path):
        moi = zipfile.ZipFile(p).read("word/document.xml")
        cu = zipfile.ZipFile(goc / "templates" / p.name).read("word/document.xml")
        assert moi == cu, p.name
