"""The command line as a user meets it: help, exit codes, Vietnamese messages, JSON shapes, no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli import app
from tien_ich import bo_nho, nguoi

LENH = ["tao-mau", "demo", "dang-ky", "kiem-tra", "tao-phieu", "kiem-phieu", "xet", "van-ban", "tong-ket", "ho-so", "quy-dinh"]
runner = CliRunner()


def chay(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.output


@pytest.mark.parametrize("lenh", LENH)
def test_moi_lenh_co_tro_giup_voi_vi_du_va_co_trong_readme(lenh: str) -> None:
    ma, ra = chay(lenh, "--help")
    assert ma == 0 and "Ví dụ:" in ra
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"thidua {lenh}" in readme


def test_quy_dinh_cho_thay_bang_khen_doi_ngay_01_07_2025() -> None:
    _, truoc = chay("quy-dinh", "--ngay", "2025-06-30", "--json")
    _, sau = chay("quy-dinh", "--ngay", "2025-07-01", "--json")
    gt = lambda s: {d["ten"]: d for d in json.loads(s)["quy_dinh"]}["tien_thuong.he_so.BKT"]  # noqa: E731
    assert (gt(truoc)["gia_tri"], gt(sau)["gia_tri"]) == ("1", "1,5")
    assert "152/2025" in gt(sau)["can_cu"]


def test_quy_dinh_ngay_khong_co_tham_so() -> None:
    ma, ra = chay("quy-dinh", "--ngay", "2015-01-01")
    assert ma == 2 and "chưa có giá trị nào có hiệu lực vào ngày 01/01/2015" in ra and "Traceback" not in ra


def test_kiem_tra_json_dung_hinh_dang_spec(tmp_path: Path) -> None:
    p = bo_nho(tmp_path, [nguoi("1", "A", xep_loai="tot")])
    ma, ra = chay("kiem-tra", str(p), "--json")
    assert ma == 1
    d = json.loads(ra)
    v = d["loi"][0]
    assert list(v) == ["tep", "sheet", "o", "dong", "cot", "ma_loi", "muc_do", "thong_bao"]
    assert v["o"] == "I2" and v["muc_do"] == "loi"


def test_kiem_tra_ma_thoat(tmp_path: Path) -> None:
    assert chay("kiem-tra", str(bo_nho(tmp_path)))[0] == 0
    ma, ra = chay("kiem-tra", str(tmp_path / "khong-co.xlsx"))
    assert ma == 2 and "Không tìm thấy" in ra and "Traceback" not in ra
    bad = tmp_path / "x.xlsx"
    bad.write_text("không phải excel", encoding="utf-8")
    ma, ra = chay("kiem-tra", str(bad))
    assert ma == 2 and "x.xlsx" in ra


def test_tuy_chon_sai_la_ma_thoat_2() -> None:
    assert chay("tong-ket", "--jobs", "0", "a.xlsx", "-o", "b")[0] == 2
    assert chay("lenh-khong-co")[0] == 2


def test_xet_va_kiem_phieu_json(demo_dau_vao: Path) -> None:
    ma, ra = chay("xet", str(demo_dau_vao), "--json")
    assert ma == 0
    d = json.loads(ra)
    assert set(d) >= {"nam", "ngay_quyet_dinh", "ca_nhan", "tap_the"}
    kq = d["ca_nhan"][0]["ket_qua"][0]
    assert set(kq) >= {"danh_hieu", "du_dieu_kien", "dat", "ly_do", "can_cu", "phieu", "tien_thuong"}
    co_phieu = next(k for c in d["ca_nhan"] for k in c["ket_qua"] if k["phieu"])
    assert set(co_phieu["phieu"]) >= {"dong_y", "mau_so", "ty_le", "nguong"}
    ma, ra = chay("kiem-phieu", str(demo_dau_vao), "--json")
    assert ma == 0
    d = json.loads(ra)
    assert set(d["so_phieu"]) == {"phat_ra", "thu_vao", "hop_le", "khong_hop_le", "van_ban"}
    assert d["so_phieu"]["khong_hop_le"] == 1
    assert set(d["ung_vien"][0]) >= {"ma", "ten", "danh_hieu", "dong_y", "mau_so", "ty_le", "nguong", "dat"}
    ma, ra = chay("kiem-phieu", str(demo_dau_vao))
    assert ma == 0 and "không hợp lệ" in ra


def test_tong_ket_tu_choi_ghi_de_roi_chap_nhan(demo_dau_vao: Path, tmp_path: Path) -> None:
    ra = tmp_path / "ra"
    ra.mkdir()
    (ra / "a.txt").write_text("x")
    ma, out = chay("tong-ket", str(demo_dau_vao), "-o", str(ra))
    assert ma == 2 and "--ghi-de" in out
    ma, out = chay("tong-ket", str(demo_dau_vao), "-o", str(ra), "--ghi-de")
    assert ma == 0 and "manifest.json" in out


def test_dang_ky_dau_nam(tmp_path: Path) -> None:
    tt = [["P1", "Phòng Một", "", "", "", "TTLĐTT", "", ""]]
    cn = [nguoi("1", "Nguyễn Văn An", xep_loai="", de_nghi="", **{"Đăng ký": "LĐTT, CSTĐ tỉnh"}),
          nguoi("2", "Trần Thị Bình", xep_loai="", de_nghi="", **{"Đăng ký": "CSTĐCS"})]
    p = bo_nho(tmp_path / "vao", cn, tt)
    ma, ra = chay("dang-ky", str(p), "-o", str(tmp_path / "ra"), "--json")
    assert ma == 0, ra
    d = json.loads(ra)
    assert {x["ten"]: x["so_luong"] for x in d["so_luong"]} == {"LĐTT": 1, "CSTĐCS": 1, "CSTĐ tỉnh": 1, "TTLĐTT": 1}
    assert any(v["ma_loi"] == "kho_dat" and "2023, 2024" in v["thong_bao"] for v in d["loi"])
    assert (tmp_path / "ra" / "danh-sach-dang-ky-2025.xlsx").exists()
    assert (tmp_path / "ra" / "danh-sach-dang-ky-2025.docx").exists()


def test_demo_va_chay_nhu_nguoi_dung(tmp_path: Path) -> None:
    """The README's first command, as a subprocess from another folder: python -m thidua demo."""
    r = subprocess.run([sys.executable, "-m", "thidua", "demo", "-o", str(tmp_path / "d"), "--so-can-bo", "60"],
                       capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert re.search(r"LĐTT: \d+/\d+ đạt", r.stdout)
    assert (tmp_path / "d" / "ket-qua" / "manifest.json").exists()
    so_van_ban = len(list((tmp_path / "d" / "ket-qua" / "van-ban").glob("*.docx")))  # each folder counted apart
    assert f"van-ban/ ({so_van_ban} văn bản)" in " ".join(r.stdout.split())


def test_tep_dang_mo_trong_excel_duoc_bao_dong_lai(demo_dau_vao: Path, tmp_path: Path, monkeypatch) -> None:
    import thidua.tong_ket as tk

    def khoa(*a, **k):
        raise PermissionError(13, "Permission denied", str(tmp_path / "ra" / "ket-qua.xlsx"))

    monkeypatch.setattr(tk, "ghi_ket_qua_xlsx", khoa)
    ma, ra = chay("tong-ket", str(demo_dau_vao), "-o", str(tmp_path / "ra"))
    assert ma == 2 and "đang mở trong Excel/Word" in ra and "ket-qua.xlsx" in ra and "Traceback" not in ra
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_giua_chung_khong_de_lai_thu_muc_do_dang(demo_dau_vao: Path, tmp_path: Path, monkeypatch) -> None:
    import thidua.tong_ket as tk

    def ngat(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(tk, "ghi_so_theo_doi", ngat)
    ma, ra = chay("tong-ket", str(demo_dau_vao), "-o", str(tmp_path / "ra"))
    assert ma == 130 and "không có tệp kết quả dở dang" in ra
    assert list(tmp_path.iterdir()) == []


def test_mau_van_ban_sach_theo_docxtpl_lint() -> None:
    pytest.importorskip("docxtpl_lint", reason="docxtpl-lint có trong phần [test]")
    mau = sorted((Path(__file__).parent.parent / "templates").glob("*.docx"))
    r = subprocess.run([sys.executable, "-m", "docxtpl_lint", "--fail-on", "warning", "--no-color", *map(str, mau)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_loi_noi_bo_khong_in_traceback(tmp_path: Path, monkeypatch) -> None:
    import thidua.kiem_tra as kt

    def hong(*a, **k):
        raise RuntimeError("hỏng giả lập")

    monkeypatch.setattr(kt, "doc_dau_vao", hong)
    ma, ra = chay("kiem-tra", str(bo_nho(tmp_path)))
    assert ma == 2 and "Lỗi không mong đợi trong thidua (RuntimeError)" in ra and "--debug" in ra
    assert "Traceback" not in ra


def test_jobs_mac_dinh_theo_so_nhan_toi_da_hai(monkeypatch) -> None:
    """--jobs not given: the cores this process may use (its affinity, not the machine's count), at most 2."""
    import thidua.cli as c

    for nhan, mong in ((1, 1), (2, 2), (8, 2)):
        monkeypatch.setattr(c.os, "sched_getaffinity", lambda _, n=nhan: set(range(n)), raising=False)
        assert c.so_jobs_tu_dong() == mong
    monkeypatch.delattr(c.os, "sched_getaffinity", raising=False)  # Windows, macOS: the machine's count
    monkeypatch.setattr(c.os, "cpu_count", lambda: None)
    assert c.so_jobs_tu_dong() == 1


@pytest.mark.parametrize("doi_so, mong", [((), "tu_dong"), (("--jobs", "1"), 1), (("-j", "3"), 3)])
def test_tong_ket_khong_co_jobs_chay_song_song(doi_so: tuple[str, ...], mong: object, tmp_path: Path,
                                               monkeypatch) -> None:
    """tong-ket without --jobs hands the batch the automatic number of workers; --jobs N is kept as given."""
    import thidua.cli as c
    import thidua.tong_ket as tk

    monkeypatch.setattr(c, "so_jobs_tu_dong", lambda: 7)
    nhan: list[int] = []

    def gia(*a: object, so_tien_trinh: int, **k: object) -> object:
        nhan.append(so_tien_trinh)
        raise c.ThiduaError("dừng ở đây")

    monkeypatch.setattr(tk, "tong_ket", gia)
    ma, _ = chay("tong-ket", str(tmp_path), "-o", str(tmp_path / "ra"), *doi_so)
    assert ma == 2 and nhan == [7 if mong == "tu_dong" else mong]


def test_kiem_tra_tep_cua_mot_don_vi_khong_can_thong_tin(tmp_path: Path) -> None:
    """Officer's review: a unit officer checking their own file (`thidua kiem-tra CCTL.xlsx`, as the form's HuongDan
    says) got a blocking "Thiếu sheet ThongTin" and exit 1. For kiem-tra the missing ThongTin of unit files alone is
    a note naming what waits for the master file; xet and tong-ket still need it. No empty citation "(: " either."""
    from tien_ich import TIEU_DE_CA_NHAN, TIEU_DE_TAP_THE, viet_bang

    cn = [nguoi("001", "Nguyễn Văn An", de_nghi="LĐTT, CSTĐCS", **{"Đăng ký": "LĐTT"})]
    p = viet_bang(tmp_path / "CCTL.xlsx", {"TapThe": [TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV"]],
                                           "CaNhan": [TIEU_DE_CA_NHAN, *cn]})
    ma, ra = chay("kiem-tra", str(p), "--json")
    assert ma == 0, ra
    loi = json.loads(ra)["loi"]
    assert not [v for v in loi if v["muc_do"] == "loi"]
    luu_y = [v for v in loi if v["ma_loi"] == "chi_tep_don_vi"]
    assert len(luu_y) == 1 and luu_y[0]["muc_do"] == "canh_bao" and "năm xét" in luu_y[0]["thong_bao"]
    dk = next(v for v in loi if v["ma_loi"] == "chua_dang_ky")
    assert "(: " not in dk["thong_bao"] and "(đăng ký không còn là điều kiện; chỉ lưu ý)" in dk["thong_bao"]
    ma, ra = chay("kiem-tra", str(p))
    assert ma == 0 and "Lưu ý" in ra and "0 lỗi" in ra and "(: " not in ra
    assert "Đã đọc 1 tệp: TapThe 1 dòng, CaNhan 1 dòng\n" in ra  # not "QuyChe 0 dòng, LichSu 0 dòng…" it has not
    ma, ra = chay("xet", str(p))  # deciding needs the year and the law: ThongTin stays required
    assert ma == 1 and "Thiếu sheet ThongTin" in " ".join(ra.split()), ra
    ma, ra = chay("tong-ket", str(p), "-o", str(tmp_path / "kq"))
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "kq" / "ket-qua.xlsx")["Loi"]
    assert ma == 1 and any("Thiếu sheet ThongTin" in str(r[6]) for r in ws.iter_rows(values_only=True)), ra
    # the unit's real mistakes still block
    cn.append(nguoi("002", "Trần Thị Bình", xep_loai="tot"))
    q = viet_bang(tmp_path / "b" / "CCTL.xlsx", {"TapThe": [TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV"]],
                                                 "CaNhan": [TIEU_DE_CA_NHAN, *cn]})
    assert chay("kiem-tra", str(q))[0] == 1
    # a master file without its ThongTin is not a unit's file: still an error
    r = viet_bang(tmp_path / "c" / "tong-hop.xlsx", {"LichSu": [["Mã", "Năm", "Danh hiệu/hình thức"], ["001", 2024, "LĐTT"]]})
    ma, ra = chay("kiem-tra", str(p), str(r), "--json")
    assert ma == 1 and any(v["ma_loi"] == "thieu_sheet" and "ThongTin" in v["thong_bao"] for v in json.loads(ra)["loi"])


def test_readme_viet_dung_ma_thoat() -> None:
    """README wrote "Mã thóat" (officer's review): the exit codes' word is "thoát"."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "thóat" not in readme and "Mã thoát" in readme
