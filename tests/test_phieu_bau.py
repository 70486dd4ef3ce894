"""Ballots as officers type them into PhieuBau / KiemPhieu: what is counted, and every bad input named by cell."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from thidua.kiem_tra import kiem_tra
from thidua.xet import xet, xet_sau_kiem_tra
from tien_ich import THONG_TIN, bo_nho, nguoi

CN = [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="LĐTT, CSTĐCS"),
      nguoi("002", "Trần Thị Bình", xep_loai="HTXSNV", de_nghi="CSTĐCS"),
      nguoi("003", "Lê Văn Cường", de_nghi="LĐTT")]


def _tt(tong: int = 9, co_mat: int = 9) -> list[list]:
    t = [r[:] for r in THONG_TIN]
    t[9], t[10] = ["Số thành viên Hội đồng", tong], ["Số thành viên có mặt", co_mat]
    return t


def _phieu(*dong: list) -> list[list]:
    return [["PHIẾU BẦU"], ["Phiếu số", "Hợp lệ", "001 - CSTĐCS", "002"], *dong]


def _loi(kq, ma: str):
    return [v for v in kq.van_de if v.ma_loi == ma]


def test_dem_phieu_va_ket_qua(tmp_path: Path) -> None:
    pb = _phieu(*[[i, "", "x", "x" if i < 7 else ""] for i in range(1, 10)])
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), PhieuBau=pb)])
    assert not kq.co_loi, kq.van_de
    assert kq.du_lieu.kiem_phieu.dong_y == {("001", "CSTDCS"): 9, ("002", "CSTDCS"): 6}
    k = {c.ma: ks for c, ks in xet(kq.du_lieu).ca_nhan}
    assert [x.dat for x in k["001"] if x.danh_hieu.ma == "CSTDCS"] == [True]
    assert [x.dat for x in k["002"]] == [False]  # 6/9 = 66,67 % < 80 %


def test_cot_ghi_ma_khong_co_va_ma_khong_de_nghi(tmp_path: Path) -> None:
    pb = [["Phiếu số", "999 - CSTĐCS", "003 - CSTĐCS"], [1, "x", "x"]]
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), PhieuBau=pb)])
    assert _loi(kq, "ung_vien_la")[0].o == "B1"
    assert "không được đề nghị CSTĐCS" in _loi(kq, "ung_vien_khong_de_nghi")[0].thong_bao


def test_ung_vien_can_phieu_ma_vang_mat_la_loi_cua_rieng_nguoi_do(tmp_path: Path) -> None:
    pb = [["Phiếu số", "001 - CSTĐCS"], *[[i, "x"] for i in range(1, 10)]]
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), PhieuBau=pb)])
    assert not _loi(kq, "thieu_phieu")  # validation decides nothing; the decision finds who is missing
    assert xet_sau_kiem_tra(kq) is not None
    thieu = _loi(kq, "thieu_phieu")
    assert len(thieu) == 1 and "Trần Thị Bình (002)" in thieu[0].thong_bao and thieu[0].dong == 3


def test_nhieu_phieu_hon_nguoi_co_mat(tmp_path: Path) -> None:
    pb = _phieu(*[[i, "", "x", "x"] for i in range(1, 10)])
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(9, 8), PhieuBau=pb)])
    assert "9 phiếu nhưng chỉ 8 thành viên có mặt" in _loi(kq, "qua_nhieu_phieu")[0].thong_bao


def test_co_mat_nhieu_hon_tong_so(tmp_path: Path) -> None:
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(7, 9), PhieuBau=_phieu([1, "", "x", "x"]))])
    v = _loi(kq, "co_mat_qua_tong")[0]
    assert v.sheet == "ThongTin" and v.o == "B11"


def test_phieu_bau_chua_co_phieu_la_truoc_khi_bo_phieu_khong_phai_loi(tmp_path: Path) -> None:
    """Issue #10: a PhieuBau (or KiemPhieu) with headers and no ballot is the state before the vote, not an error
    (it used to be "Sheet PhieuBau không có phiếu nào", which blocked tao-phieu on the blank form)."""
    kp = [["Mã", "Danh hiệu", "Số phiếu đồng ý"]]
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), PhieuBau=_phieu(), KiemPhieu=kp, HoiDongQuyet=[
        ["Mã", "Danh hiệu", "Hội đồng chọn", "Lý do"]])])
    assert not kq.co_loi, [v.thong_bao for v in kq.van_de if v.muc_do == "loi"]
    assert kq.du_lieu.kiem_phieu is None


def test_dau_la_va_trung_so_phieu_lam_phieu_khong_hop_le(tmp_path: Path) -> None:
    pb = _phieu([1, "", "x", "x"], [1, "", "x", "x"], [2, "", "x x", ""], [3, "", "?", "x"], [4, "Không", "x", "x"])
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), PhieuBau=pb)])
    assert {v.o for v in _loi(kq, "dau_khong_doc_duoc")} == {"C5", "C6"}
    assert _loi(kq, "trung_so_phieu")[0].o == "A4"
    # the message names where the first copy is: file, sheet and cell (review F1)
    ten_tep = Path(_loi(kq, "trung_so_phieu")[0].tep).name
    assert f"trùng với phiếu ở {ten_tep}, sheet PhieuBau, ô A3" in _loi(kq, "trung_so_phieu")[0].thong_bao
    kp = kq.du_lieu.kiem_phieu
    assert (kp.thu_vao, kp.hop_le, kp.khong_hop_le) == (5, 1, 4)
    # reasons in words, as the minutes print them (issue #10: not a cell address)
    assert sorted(p.ly_do.split(" (")[0] for p in kp.phieu_khong_hop_le) == [
        "Ban kiểm phiếu xác định phiếu không hợp lệ", "một ô đánh dấu không đọc được",
        "một ô đánh dấu không đọc được", "trùng số với một phiếu đã kiểm"]
    assert all("C5" not in p.ly_do and "C6" not in p.ly_do for p in kp.phieu_khong_hop_le)


def test_kiem_phieu_tay_va_khong_duoc_ca_hai_cach_cho_cung_danh_hieu(tmp_path: Path) -> None:
    kp = [["Mã", "Danh hiệu", "Số phiếu đồng ý"], ["001", "CSTĐCS", 9], ["002", "CSTĐCS", 5]]
    kq = kiem_tra([bo_nho(tmp_path / "a", CN, thong_tin=_tt(), KiemPhieu=kp)])
    assert not kq.co_loi and kq.du_lieu.kiem_phieu.kieu == "KiemPhieu"
    assert kq.du_lieu.kiem_phieu.dong_y == {("001", "CSTDCS"): 9, ("002", "CSTDCS"): 5}
    kq = kiem_tra([bo_nho(tmp_path / "b", CN, thong_tin=_tt(), KiemPhieu=kp, PhieuBau=_phieu([1, "", "x", "x"]))])
    assert _loi(kq, "phieu_hai_nguon")


def test_so_phieu_tay_vuot_so_co_mat(tmp_path: Path) -> None:
    kp = [["Mã", "Danh hiệu", "Số phiếu đồng ý"], ["001", "CSTĐCS", 12]]
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), KiemPhieu=kp)])
    assert _loi(kq, "gia_tri_khong_hop_le")[0].o == "C2"


def test_thieu_so_thanh_vien_khi_co_phieu(tmp_path: Path) -> None:
    tt = [r for r in THONG_TIN if r[0] not in ("Số thành viên Hội đồng", "Số thành viên có mặt")]
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=tt, PhieuBau=_phieu([1, "", "x", "x"]))])
    assert len([v for v in _loi(kq, "thieu_gia_tri") if "Số thành viên" in v.thong_bao]) == 2


def _thidua(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "thidua", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "250"}, timeout=300)


def test_readme_tren_demo_phieu_o_hai_tep_la_loi_ro_rang(demo_dau_vao: Path, tmp_path: Path) -> None:
    """Review F1: the demo's tong-hop.xlsx already holds the council's filled ballots; following the workflow table
    with a phieu-bau.xlsx from tao-phieu as well used to count 22 ballots for 11 members. Ballots in two files are
    one error naming both files and saying to keep one; nothing is counted twice."""
    import shutil

    vao = tmp_path / "dau-vao"
    shutil.copytree(demo_dau_vao, vao)
    r = _thidua("tao-phieu", "don-vi/", "tong-hop.xlsx", "-o", "phieu-bau", cwd=vao)
    assert r.returncode == 0, r.stdout + r.stderr
    r = _thidua("kiem-phieu", "don-vi/", "tong-hop.xlsx", "phieu-bau/phieu-bau.xlsx", cwd=vao)
    ra = " ".join((r.stdout + r.stderr).split())
    assert r.returncode == 1, ra
    assert "Sheet PhieuBau có phiếu ở 2 tệp: tong-hop.xlsx" in ra and "phieu-bau.xlsx" in ra, ra
    assert "giữ một tệp" in ra
    assert "trùng" not in ra and "thành viên có mặt (phiếu tại cuộc họp)" not in ra and "Phiếu phát ra" not in ra
    assert "Traceback" not in ra
    # the same through the library: the error sits on the second file's first ballot row
    kq = kiem_tra([vao / "don-vi", vao / "tong-hop.xlsx", vao / "phieu-bau" / "phieu-bau.xlsx"])
    (v,) = _loi(kq, "phieu_hai_tep")
    assert v.muc_do == "loi" and Path(v.tep).name == "phieu-bau.xlsx" and v.sheet == "PhieuBau"
    assert kq.du_lieu is None or kq.du_lieu.kiem_phieu is None
    # either file alone counts the vote once
    r = _thidua("kiem-phieu", "don-vi/", "tong-hop.xlsx", cwd=vao)
    assert r.returncode == 0 and "Phiếu phát ra 11, thu vào 11" in " ".join(r.stdout.split()), r.stdout + r.stderr


def test_phieu_bau_vuot_so_cot_excel_bao_dung_kiem_phieu_va_khong_ghi_gi(tmp_path: Path) -> None:
    """Issue 15: PhieuBau has a column per candidate; Excel has 16,384 columns (3 before the candidates). One
    candidate more than fits: a Vietnamese message that points to KiemPhieu, and no file; as many as fit: the sheet
    is written and its last candidate is in column XFD."""
    import pytest
    from openpyxl import load_workbook

    from thidua.danh_muc import DANH_HIEU
    from thidua.loi import ThiduaError
    from thidua.tao_phieu import UngVienPhieu, ghi_sheet_phieu_bau

    dh = DANH_HIEU["CSTDCS"]
    ung_vien = [UngVienPhieu(f"{i:05d}", f"Người {i}", "Phòng A", dh, "") for i in range(16_382)]
    p = tmp_path / "phieu-bau.xlsx"
    with pytest.raises(ThiduaError) as e:
        ghi_sheet_phieu_bau(ung_vien, 2, p)
    assert "16.382 đề nghị phải bỏ phiếu, nhưng sheet PhieuBau chỉ có chỗ cho 16.381 (mỗi" in str(e.value)
    assert "KiemPhieu" in str(e.value)
    assert not p.exists()
    ghi_sheet_phieu_bau(ung_vien[:-1], 2, p)
    ws = load_workbook(p, read_only=True)["PhieuBau"]
    hang = next(ws.iter_rows(min_row=3, max_row=3, values_only=True))
    assert len(hang) == 16_384 and hang[-1] == "16380 - CSTDCS"


def test_phieu_khong_danh_dau_nao_duoc_canh_bao(tmp_path: Path) -> None:
    """A newcomer's review: tao-phieu numbers every ballot row; with 2 of 9 filled, the 7 untouched rows counted as
    valid ballots against everyone, with no word. They still count (a member may agree with no one) — and a warning
    names them, at the first one's cell; with every row marked, no warning."""
    pb = _phieu(*[[i, "", "x" if i <= 2 else "", ""] for i in range(1, 10)])
    kq = kiem_tra([bo_nho(tmp_path / "a", CN, thong_tin=_tt(), PhieuBau=pb)])
    (w,) = _loi(kq, "phieu_trong")
    assert w.muc_do == "canh_bao" and w.thong_bao.startswith("7 phiếu không có đánh dấu nào (phiếu số 3, 4, 5, 6, 7, 8, 9)")
    assert w.sheet == "PhieuBau" and w.o == "A5"
    assert kq.du_lieu.kiem_phieu.dong_y[("001", "CSTDCS")] == 2 and not kq.co_loi
    pb = _phieu(*[[i, "", "x", ""] for i in range(1, 10)])
    assert not _loi(kiem_tra([bo_nho(tmp_path / "b", CN, thong_tin=_tt(), PhieuBau=pb)]), "phieu_trong")


def test_tieu_de_cot_sai_danh_hieu_noi_dung_cho_sai(tmp_path: Path) -> None:
    """A newcomer's review: "001 - CSTDC" (a mistyped title) was reported as an unknown staff code. The code exists:
    the message says the title part is wrong and lists the codes."""
    pb = [["Phiếu số", "001 - CSTDC", "002"], [1, "x", "x"]]
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), PhieuBau=pb)])
    (v,) = _loi(kq, "ung_vien_la")
    assert "mã 001 có ở CaNhan/TapThe nhưng phần danh hiệu sai" in v.thong_bao and "'CSTDC'" in v.thong_bao
    assert "CSTĐCS" in v.thong_bao and v.o == "B1"


def test_cot_danh_hieu_khong_phai_bo_phieu_duoc_canh_bao(tmp_path: Path) -> None:
    """A newcomer's second review: a PhieuBau column for LĐTT (no ballot by default) was dropped without a word."""
    pb = [["Phiếu số", "Hợp lệ", "001 - CSTĐCS", "001 - LĐTT"], *[[i, "", "x", "x"] for i in range(1, 10)]]
    kq = kiem_tra([bo_nho(tmp_path, CN, thong_tin=_tt(), PhieuBau=pb)])
    (w,) = _loi(kq, "khong_can_phieu")
    assert w.muc_do == "canh_bao" and "LĐTT không phải bỏ phiếu" in w.thong_bao and w.o == "D1"
    assert kq.du_lieu.kiem_phieu.dong_y == {("001", "CSTDCS"): 9}


def test_danh_sach_hong_khong_keo_theo_loi_tung_cot_phieu(tmp_path: Path) -> None:
    """A newcomer's second review: with the CaNhan sheet renamed, every ballot column also said "mã … không có ở
    CaNhan" — pointing at ballots that are right. The renamed sheet is the error; the columns are not."""
    from tien_ich import TIEU_DE_CA_NHAN, TIEU_DE_TAP_THE, viet_bang

    pb = _phieu(*[[i, "", "x", "x"] for i in range(1, 10)])
    p = viet_bang(tmp_path / "so.xlsx", {"ThongTin": _tt(), "Sheet1": [TIEU_DE_CA_NHAN, *CN],
                                         "TapThe": [TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV", "", 90, "", "", ""]],
                                         "PhieuBau": pb})
    kq = kiem_tra([p])
    assert _loi(kq, "sheet_ten_la") and not _loi(kq, "ung_vien_la")
