"""The ribbon button of the classic add-in, Excel aside: on the shipped example as the officer keeps it (units in
a subfolder, nothing moved), on the OPEN workbook (unsaved edits count), never deleting earlier output, keeping
the officer's fills and notes, and a Vietnamese message box for every outcome. ``thidua_addin.main`` itself runs
against an in-memory stand-in of xlwings' Book (tests/so_gia.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

import thidua_addin
from so_gia import SoGia
from thidua.excel import danh_dau, hanh_dong
from thidua.excel.danh_dau import DanhDau
from thidua.loi import ThiduaError

GOC = Path(__file__).resolve().parent.parent
VI_DU = GOC / "workbooks" / "vi-du"


def _bam(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def vi_du(tmp_path: Path) -> Path:
    dich = tmp_path / "vi-du"
    shutil.copytree(VI_DU, dich)
    return dich


def _luu_nhu_dang_mo(nguon: Path, sua=None):
    """Excel's SaveCopyAs of the open workbook: the file's content plus the officer's unsaved edits."""
    def luu(dich: Path) -> None:
        wb = load_workbook(nguon)
        if sua:
            sua(wb)
        wb.save(dich)
    return luu


def test_kiem_phieu_vi_du_qua_nut_khong_di_chuyen_tep(vi_du: Path) -> None:
    truoc = {p: _bam(p) for p in vi_du.rglob("*.xlsx")}
    kq = hanh_dong.chay_nut("PhieuBau", str(vi_du / "tong-hop.xlsx"), _luu_nhu_dang_mo(vi_du / "tong-hop.xlsx"))
    d = kq.dong_kiem_phieu
    assert kq.viec == "kiem_phieu" and d[:4] == [["Phiếu phát ra", 11], ["Phiếu thu vào", 11], ["Phiếu hợp lệ", 10],
                                                   ["Phiếu không hợp lệ", 1]]
    yen = next(r for r in d if r and r[0] == "00018")
    assert yen[3] == 6 and yen[-1] == "Không đạt"
    assert {p: _bam(p) for p in vi_du.rglob("*.xlsx")} == truoc  # inputs untouched


def test_kiem_tra_doc_so_dang_mo_khong_phai_tep_tren_dia(vi_du: Path) -> None:
    vp = vi_du / "don-vi" / "VP.xlsx"
    ws = load_workbook(vp)["CaNhan"]
    cot = next(c.column_letter for c in ws[2] if c.value == "Xếp loại")  # row 1 is a title
    truoc = _bam(vp)

    def sua(wb):  # typed in Excel, not saved yet
        wb["CaNhan"][f"{cot}3"] = "tot"

    sach = hanh_dong.chay_nut("CaNhan", str(vp), _luu_nhu_dang_mo(vp))
    assert sach.danh_dau == [] and "không có ô nào sai" in sach.thong_bao
    kq = hanh_dong.chay_nut("CaNhan", str(vp), _luu_nhu_dang_mo(vp, sua))
    assert [(d.sheet, d.o, d.mau) for d in kq.danh_dau] == [("CaNhan", f"{cot}3", hanh_dong.MAU_LOI)]
    assert "'tot'" in kq.danh_dau[0].ghi_chu and "1 lỗi tô đỏ" in kq.thong_bao
    assert _bam(vp) == truoc


def test_van_ban_vao_thu_muc_moi_co_ngay_khong_xoa_lan_truoc(vi_du: Path) -> None:
    th = vi_du / "tong-hop.xlsx"
    luc = dt.datetime(2026, 1, 12, 9, 30)
    kq1 = hanh_dong.chay_nut("ThongTin", str(th), _luu_nhu_dang_mo(th), luc)
    ra1 = kq1.thu_muc_ra
    assert ra1 == vi_du.parent / "vi-du-ket-qua-2026-01-12-0930" and (ra1 / "van-ban").is_dir()
    assert "thư mục mới" in kq1.thong_bao
    sua_tay = next((ra1 / "van-ban").rglob("*.docx"))
    sua_tay.write_bytes(sua_tay.read_bytes() + b"")  # the officer's edited document
    ban_cu = {p: _bam(p) for p in ra1.rglob("*") if p.is_file()}
    # Same minute again, now with a data error in the open workbook: a new folder, the first one untouched.

    def sua(wb):
        ws = wb["ThongTin"]
        for r in ws.iter_rows():
            if r[0].value == "Ngày quyết định":
                r[1].value = "31/02/2026"

    kq2 = hanh_dong.chay_nut("ThongTin", str(th), _luu_nhu_dang_mo(th, sua), luc)
    assert kq2.thu_muc_ra == vi_du.parent / "vi-du-ket-qua-2026-01-12-0930-2"
    assert "dữ liệu có lỗi" in kq2.thong_bao and (kq2.thu_muc_ra / "ket-qua.xlsx").is_file()
    assert {p: _bam(p) for p in ra1.rglob("*") if p.is_file()} == ban_cu


def test_so_chua_luu_bao_ro(tmp_path: Path) -> None:
    for ten in ("Book1", "https://congty.sharepoint.com/x/tong-hop.xlsx", str(tmp_path / "khong-co" / "a.xlsx")):
        with pytest.raises(ThiduaError, match="Sổ chưa được lưu"):
            hanh_dong.chay_nut("CaNhan", ten, lambda p: None)


def test_danh_dau_giu_mau_va_ghi_chu_cua_can_bo() -> None:
    o_an, o_binh = ("CaNhan", "I2"), ("CaNhan", "I3")
    # I2: the officer's blue fill and note; I3: nothing.
    trang_thai = {o_an: ("00B0F0", "Chị Lan: hỏi lại phòng"), o_binh: (None, None)}
    moi = [DanhDau("CaNhan", "I2", "FFC7CE", "Xếp loại 'tot' không hợp lệ"), DanhDau("CaNhan", "I3", "FFEB9C", "x\ny")]
    buoc, so = danh_dau.ke_hoach([], moi, trang_thai)
    sau = dict(trang_thai)
    for b in buoc:
        m, g = sau[(b.sheet, b.o)]
        sau[(b.sheet, b.o)] = (b.gia_tri, g) if b.loai == "mau" else (m, b.gia_tri)
    assert sau[o_an] == ("FFC7CE", "Chị Lan: hỏi lại phòng\n\nthidua: Xếp loại 'tot' không hợp lệ")
    assert sau[o_binh] == ("FFEB9C", "thidua: x\nthidua: y")
    assert [(d.o, d.mau_truoc, d.mau_thidua) for d in so] == [("I2", "00B0F0", "FFC7CE"), ("I3", None, "FFEB9C")]
    # Next run, nothing wrong: thidua takes back only its own marks. The officer recoloured I3 meanwhile: kept.
    sau[o_binh] = ("92D050", sau[o_binh][1])
    buoc2, so2 = danh_dau.ke_hoach(so, [], sau)
    for b in buoc2:
        m, g = sau[(b.sheet, b.o)]
        sau[(b.sheet, b.o)] = (b.gia_tri, g) if b.loai == "mau" else (m, b.gia_tri)
    assert sau[o_an] == ("00B0F0", "Chị Lan: hỏi lại phòng") and sau[o_binh] == ("92D050", None) and so2 == []


def test_danh_dau_openpyxl_hai_lan(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "CaNhan"
    ws["B2"].fill = PatternFill("solid", fgColor="00B0F0")
    ws["B2"].comment = Comment("của cán bộ", "Lan")
    p = tmp_path / "a.xlsx"
    wb.save(p)
    danh_dau.danh_dau_openpyxl(p, p, [DanhDau("CaNhan", "B2", "FFC7CE", "sai")])
    wb = load_workbook(p)
    assert wb["CaNhan"]["B2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert wb["CaNhan"]["B2"].comment.text == "của cán bộ\n\nthidua: sai"
    assert wb[danh_dau.TEN_SHEET_SO].sheet_state == "veryHidden"
    danh_dau.danh_dau_openpyxl(p, p, [])
    wb = load_workbook(p)
    assert wb["CaNhan"]["B2"].fill.fgColor.rgb.endswith("00B0F0")
    assert wb["CaNhan"]["B2"].comment.text == "của cán bộ" and danh_dau.TEN_SHEET_SO not in wb.sheetnames


def _so_gia_tu_tep(p: Path, luu=None) -> SoGia:
    wb = load_workbook(p)
    return SoGia(p.name, {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets},
                 fullname=str(p), luu=luu)


def test_main_cua_addin_tren_so_gia(vi_du: Path, monkeypatch) -> None:
    """thidua_addin.main as the ribbon runs it: xw.Book.caller() → marks applied with xlwings' Range API, keeping
    the officer's own fill and note; the box says what was done; a failure is a Vietnamese box, not a traceback."""
    import xlwings as xw

    vp = vi_du / "don-vi" / "VP.xlsx"
    ws = load_workbook(vp)["CaNhan"]
    cot = next(c.column_letter for c in ws[2] if c.value == "Xếp loại")  # row 1 is a title

    def luu(dich):  # SaveCopyAs: the stand-in's current values over the file
        wb = load_workbook(vp)
        for s in so.sheets:
            if s.name in wb.sheetnames:
                for (r, c), v in s.o.items():
                    wb[s.name].cell(r, c, v)
        wb.save(dich)

    so = _so_gia_tu_tep(vp, luu)
    so.sheets["CaNhan"][f"{cot}3"].value = "tot"
    so.sheets["CaNhan"][f"{cot}3"].color = (0, 176, 240)
    so.sheets["CaNhan"][f"{cot}3"].add_note("Chị Lan: hỏi lại")
    so.sheets["CaNhan"].activate()
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: so), raising=False)
    thidua_addin.main()
    assert so.mau("CaNhan", f"{cot}3") == "FFC7CE"
    assert so.ghi_chu("CaNhan", f"{cot}3").startswith("Chị Lan: hỏi lại\n\nthidua: ")
    assert so.app.thong_bao[-1][0] == "Thi đua" and "1 lỗi tô đỏ" in so.app.thong_bao[-1][1]
    assert so.sheets.active.name == "CaNhan" and not so.sheets[danh_dau.TEN_SHEET_SO].visible
    so.sheets["CaNhan"][f"{cot}3"].value = "HTTNV"  # fixed: the next press takes back only thidua's mark
    thidua_addin.main()
    assert so.mau("CaNhan", f"{cot}3") == "00B0F0" and so.ghi_chu("CaNhan", f"{cot}3") == "Chị Lan: hỏi lại"
    # Unsaved workbook → a box in Vietnamese.
    so.fullname = "Book1"
    thidua_addin.main()
    tieu_de, loi = so.app.thong_bao[-1]
    assert "chưa làm được" in tieu_de and "Sổ chưa được lưu" in loi and "Traceback" not in loi


def test_main_kiem_phieu_ghi_sheet(vi_du: Path, monkeypatch) -> None:
    import xlwings as xw

    th = vi_du / "tong-hop.xlsx"
    so = _so_gia_tu_tep(th, lambda dich: shutil.copy2(th, dich))
    so.sheets["PhieuBau"].activate()
    monkeypatch.setattr(xw.Book, "caller", staticmethod(lambda: so), raising=False)
    thidua_addin.main()
    kp = so.sheets[hanh_dong.TEN_SHEET_KIEM_PHIEU]
    assert kp.range((1, 1), (4, 2)).options(ndim=2).value == [["Phiếu phát ra", 11], ["Phiếu thu vào", 11],
                                                              ["Phiếu hợp lệ", 10], ["Phiếu không hợp lệ", 1]]
    assert "KetQuaKiemPhieu" in so.app.thong_bao[-1][1]


def test_thong_bao_loi_khong_traceback() -> None:
    assert thidua_addin.thong_bao_loi(PermissionError(13, "denied", "C:/x/ket-qua.xlsx")).startswith("thidua: không ghi")
    chu = thidua_addin.thong_bao_loi(KeyError("x"))
    assert chu.startswith("thidua: có lỗi chưa lường trước (KeyError)") and "Traceback" not in chu


def test_lite_khong_co_api_ghi_chu_van_to_mau_va_bao_ly_do() -> None:
    """xlwings Lite on an Excel without the notes API (ExcelApi 1.18): fills still applied, reasons returned."""
    so = SoGia("a.xlsx", {"CaNhan": [["Mã CB"], ["1"]]})
    sh = so.sheets["CaNhan"]

    def khong_ho_tro(*a, **k):
        raise NotImplementedError("Notes require ExcelApi 1.18")

    import so_gia

    cu = so_gia.VungGia.add_note
    so_gia.VungGia.add_note = khong_ho_tro
    try:
        buoc, so_moi = danh_dau.ke_hoach([], [DanhDau("CaNhan", "A2", "FFC7CE", "Mã sai")], {("CaNhan", "A2"): (None, None)})
        khong_ghi = danh_dau.ap_dung_xlwings(so, buoc, so_moi)
    finally:
        so_gia.VungGia.add_note = cu
    assert so.mau("CaNhan", "A2") == "FFC7CE" and sh["A2"].note is None
    assert khong_ghi == ["CaNhan!A2: thidua: Mã sai"]


def test_td_loi_giu_doi_so_bat_buoc_de_trong() -> None:
    from thidua.excel import ham

    # A required argument left blank is passed on (and reported), not dropped as "too few arguments".
    assert ham.ly_do_loi("TD_TIENTHUONG", "LĐTT", None).startswith("#VALUE! Ngày quyết định")
    assert ham.ly_do_loi("td_tienthuong_cot", "LĐTT", 46034.0) == ""
    assert ham.ly_do_loi("TD_KHONGCO").startswith("Không có hàm")


def test_ghi_chu_dang_ky_khong_the_dat_o_ca_hai_cach(tmp_path: Path) -> None:
    """A start-of-year registration that cannot be reached (kiem_tra.ghi_chu_kha_nang) is a yellow mark on its
    Đăng ký cell, through the classic button's folder check and through the Lite open-workbook check alike."""
    from python_calamine import CalamineWorkbook

    from thidua.excel import so_mo
    from tien_ich import bo_nho, nguoi

    p = bo_nho(tmp_path, [nguoi("001", "An", xep_loai="", de_nghi="", **{"Đăng ký": "CSTĐ tỉnh"}),
                          nguoi("002", "Bình", **{"Ngày tuyển dụng": "01/09/2010"})])
    co_dien = hanh_dong.danh_dau_loi(p)
    wb = CalamineWorkbook.from_path(str(p))
    lite, _ = so_mo.danh_dau_so({s: wb.get_sheet_by_name(s).to_python() for s in wb.sheet_names})
    assert co_dien == lite and len(lite) == 1
    d = lite[0]
    assert d.mau == hanh_dong.MAU_CANH_BAO and d.ghi_chu.startswith("Đăng ký CSTĐ tỉnh: chưa thể đạt vào cuối năm")
