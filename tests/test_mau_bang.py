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
    so = [c.khoa for c in CA_NHAN.cot].index("so_dinh_danh") + 1  # the CCCD column stays text, open to typing
    d = next(d for d in ws.column_dimensions.values() if d.min and d.min <= so <= d.max)
    assert not d.protection.locked and d.number_format == "@"


def test_mau_da_commit_khop_so_do() -> None:
    """workbooks/mau is what `thidua tao-mau` makes today (regenerate it when the schema changes)."""
    goc = Path(__file__).resolve().parent.parent / "workbooks" / "mau"
    wb = load_workbook(goc / "mau-don-vi.xlsx")
    assert [c.value for c in wb["CaNhan"][2]] == [c.tieu_de for c in CA_NHAN.cot]
    assert [c.value for c in wb["TapThe"][2]] == [c.tieu_de for c in TAP_THE.cot]
    from thidua.so_do import LICH_SU

    assert [c.value for c in load_workbook(goc / "mau-tong-hop.xlsx")["LichSu"][2]] == [c.tieu_de for c in LICH_SU.cot]
    from thidua.mau_bang import dinh_dang_nhap, huong_dan

    assert [r[0].value or "" for r in wb["HuongDan"].iter_rows()] == huong_dan(wb.sheetnames, [])
    ws = wb["CaNhan"]
    for i, cd in enumerate(CA_NHAN.cot, start=1):  # the input columns' formats and protection, as made today
        d = ws.column_dimensions[get_column_letter(i)]
        assert not d.protection.locked and d.number_format == (dinh_dang_nhap(cd.kieu) or "General"), cd.tieu_de
    assert not ws.protection.insertColumns and not ws.protection.formatCells


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


def _cac_o_cot(ws, cot: str) -> tuple[bool, str]:
    """(locked, number format) of a column's style: what Excel gives a cell typed anywhere below the header."""
    d = ws.column_dimensions[cot]
    return d.protection.locked, d.number_format


def test_o_nhap_mo_den_het_sheet_dung_dinh_dang_va_co_danh_sach_chon(tmp_path: Path) -> None:
    """Officer's review: the CCCD column was General (001085001234 became 1085001234), rows after 502 were locked
    (a LichSu of 3 years × 300 staff did not paste), inserting columns and formatting cells were forbidden though
    HuongDan allowed own columns, and PhieuBau could not take its candidate columns."""
    from openpyxl.worksheet.cell_range import MultiCellRange

    from thidua.mau_bang import DONG_CUOI
    from thidua.so_do import LICH_SU, PHIEU_BAU

    tong, don_vi = tao_mau(tmp_path)
    wb_dv, wb_tong = load_workbook(don_vi), load_workbook(tong)
    for wb, s in ((wb_dv, CA_NHAN), (wb_dv, TAP_THE), (wb_tong, LICH_SU)):
        ws = wb[s.ten]
        p = ws.protection
        assert p.sheet and not p.insertColumns and not p.insertRows and not p.formatCells, s.ten
        dv = {str(v.sqref): v for v in ws.data_validations.dataValidation}
        for i, cd in enumerate(s.cot, start=1):
            cot = get_column_letter(i)
            khoa, dinh_dang = _cac_o_cot(ws, cot)
            assert not khoa, (s.ten, cd.tieu_de)
            assert ws[f"{cot}2"].protection.locked  # the header stays protected
            assert not ws[f"{cot}3"].protection.locked
            if cd.kieu in ("ma", "dinh_danh", "ds_danh_hieu"):
                assert dinh_dang == "@" and ws[f"{cot}3"].number_format == "@", (s.ten, cd.tieu_de)
            if cd.kieu == "ngay":
                assert dinh_dang == "dd/mm/yyyy", (s.ten, cd.tieu_de)
            if cd.ds_chon:  # the list covers every unlocked row
                vung = next(MultiCellRange(k) for k in dv if k.startswith(f"{cot}3:"))
                assert f"{cot}{DONG_CUOI}" in vung and f"{cot}3" in vung and f"{cot}5000" in vung, (s.ten, cd.tieu_de)
        ben_phai = get_column_letter(len(s.cot) + 1)  # the officer's own columns, header included
        assert not _cac_o_cot(ws, ben_phai)[0] and ws.column_dimensions[ben_phai].max == 16384
    cot_cccd = get_column_letter([c.khoa for c in CA_NHAN.cot].index("so_dinh_danh") + 1)
    assert _cac_o_cot(wb_dv["CaNhan"], cot_cccd) == (False, "@")
    assert not wb_tong[PHIEU_BAU.ten].protection.sheet  # candidates are added as columns from D2 onwards
    # no cell per input row: the forms stay small and quick to build
    assert wb_tong[LICH_SU.ten].max_row == 3 and don_vi.stat().st_size < 60_000


def test_thong_tin_loai_dot_co_danh_sach_chon(tmp_path: Path) -> None:
    tong, _ = tao_mau(tmp_path)
    ws = load_workbook(tong)["ThongTin"]
    dong = next(r[0].row for r in ws.iter_rows() if r[0].value == "Loại đợt")
    dv = [v for v in ws.data_validations.dataValidation if f"B{dong}" in v.sqref]
    assert len(dv) == 1 and dv[0].formula1 == "=ds_LoaiDot"


def test_huong_dan_chi_ta_cac_sheet_cua_tep(tmp_path: Path) -> None:
    """The unit's form described KyLuat and LichSu, which it does not have (officer's review); the master form
    described CaNhan's columns."""
    import re

    from thidua.so_do import TAT_CA_SHEET

    for p in tao_mau(tmp_path):
        wb = load_workbook(p)
        chu = " ".join(str(r[0].value or "") for r in wb["HuongDan"].iter_rows())
        nhac = {s.ten for s in TAT_CA_SHEET if re.search(rf"\b{s.ten}\b", chu)}
        assert nhac and nhac <= set(wb.sheetnames), (p.name, nhac - set(wb.sheetnames))
    chu_dv = " ".join(str(r[0].value or "") for r in load_workbook(tmp_path / "mau-don-vi.xlsx")["HuongDan"].iter_rows())
    assert "Người mới về" in chu_dv and "Alt+Enter" in chu_dv and "thidua kiem-tra <tệp này>" in chu_dv
