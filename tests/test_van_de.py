"""Warnings that help: ranked (errors, warnings that change a result, notes), registration warnings only for
titles, the right fix named, "n items" named, every problem tied to a row carrying its cell."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from thidua.cli import app
from thidua.kiem_tra import kiem_tra
from thidua.loi import CANH_BAO, LOI, VanDe, sap_xep_van_de
from tien_ich import TIEU_DE_CA_NHAN, bo_nho, nguoi, viet_bang

runner = CliRunner()
TAP_THE_2 = [["P1", "Phòng Một", "HTTNV"], ["P2", "Phòng Hai", "HTTNV"]]


def chay(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.output


def test_sap_xep_loi_canh_bao_luu_y() -> None:
    ds = [VanDe("chua_dang_ky", CANH_BAO, "lưu ý"), VanDe("trung_nguoi", CANH_BAO, "cảnh báo 1"),
          VanDe("x", LOI, "lỗi"), VanDe("ma_cu", CANH_BAO, "lưu ý 2"), VanDe("tep_dang_mo", CANH_BAO, "cảnh báo 2")]
    assert [v.thong_bao for v in sap_xep_van_de(ds)] == ["lỗi", "cảnh báo 1", "cảnh báo 2", "lưu ý", "lưu ý 2"]
    assert [v.nhan_muc for v in sap_xep_van_de(ds)] == ["Lỗi", "Cảnh báo", "Cảnh báo", "Lưu ý", "Lưu ý"]


def test_kiem_tra_xep_hang_va_dang_ky_chi_cho_danh_hieu(tmp_path: Path) -> None:
    """A note found first (a hidden sheet, at reading) comes after a warning found later (one person, two units);
    a form (GK) proposed without registering gives no warning, a title (LĐTT) a note."""
    from openpyxl import load_workbook

    cn = [nguoi("1", "Lê Văn Bảo", de_nghi="LĐTT", **{"Đăng ký": ""}),
          nguoi("2", "Ngô Thị Cúc", de_nghi="GK", **{"Đăng ký": ""}),
          nguoi("3", "Nguyễn Văn An"), nguoi("4", "Nguyễn Văn An", don_vi="P2", xep_loai="HTXSNV")]
    p = bo_nho(tmp_path, cn, TAP_THE_2)
    wb = load_workbook(p)
    wb["TapThe"].sheet_state = "hidden"
    wb.save(p)
    ma, ra = chay("kiem-tra", str(p), "--json")
    assert ma == 0, ra
    loi = json.loads(ra)["loi"]
    ma_loi = [v["ma_loi"] for v in loi]
    assert ma_loi.index("trung_nguoi") < ma_loi.index("sheet_an")
    chua = [v for v in loi if v["ma_loi"] == "chua_dang_ky"]
    assert [v["dong"] for v in chua] == [2]  # GK is a form: never registered, no warning
    ma, ra = chay("kiem-tra", str(p))
    assert "Lưu ý" in ra and "2 lưu ý" in ra


def test_mot_nguoi_hai_don_vi_goi_y_xoa_dong_don_vi_cu(tmp_path: Path) -> None:
    a = bo_nho(tmp_path / "a", [nguoi("001", "Nguyễn Văn An")], TAP_THE_2)
    b = viet_bang(tmp_path / "b.xlsx", {"CaNhan": [TIEU_DE_CA_NHAN,
                                                   nguoi("001", "Nguyễn Văn Ân", don_vi="P2", xep_loai="HTXSNV")]})
    kq = kiem_tra([a, b])
    v = next(x for x in kq.van_de if x.ma_loi == "trung_ma")
    assert "xóa dòng ở đơn vị cũ" in v.thong_bao and "mỗi người một mã" not in v.thong_bao
    assert "'Nguyễn Văn An'" in v.thong_bao and "'Nguyễn Văn Ân'" in v.thong_bao
    assert "HTTNV" in v.thong_bao and "HTXSNV" in v.thong_bao and "dòng 2" in v.thong_bao
    assert v.o == "B2" and v.tep.endswith("b.xlsx")


def test_cung_nguoi_hai_ma_hai_don_vi(tmp_path: Path) -> None:
    kq = kiem_tra([bo_nho(tmp_path, [nguoi("1", "Nguyễn Văn An"),
                                     nguoi("2", "Nguyễn Văn An", don_vi="P2", xep_loai="HTXSNV")], TAP_THE_2)])
    v = next(x for x in kq.van_de if x.ma_loi == "trung_nguoi")
    assert "xóa dòng ở đơn vị cũ" in v.thong_bao and "HTTNV" in v.thong_bao and "HTXSNV" in v.thong_bao
    assert v.o == "C3"


def test_tao_phieu_neu_ten_de_nghi_khong_du_tieu_chuan(tmp_path: Path) -> None:
    p = bo_nho(tmp_path, [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS"),
                          nguoi("003", "Lê Văn Cường", xep_loai="HTNV", de_nghi="CSTĐCS")])
    ma, ra = chay("tao-phieu", str(p), "-o", str(tmp_path / "ra"))
    assert ma == 0, ra
    assert "1 đề nghị không đủ tiêu chuẩn" in ra
    assert "Lê Văn Cường (003) — CSTĐCS: Không đủ điều kiện" in ra


def test_xet_khong_co_phieu_canh_bao_chung(tmp_path: Path) -> None:
    p = bo_nho(tmp_path, [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS"),
                          nguoi("002", "Trần Thị Bình", xep_loai="HTXSNV", de_nghi="CSTĐCS"),
                          nguoi("003", "Lê Văn Cường")])
    ma, ra = chay("xet", str(p), "--json")
    assert ma == 0
    cb = [v for v in json.loads(ra)["canh_bao"] if v["ma_loi"] == "chua_co_phieu"]
    assert len(cb) == 1
    assert "Nguyễn Văn An (001)" in cb[0]["thong_bao"] and "Trần Thị Bình (002)" in cb[0]["thong_bao"]
    assert "CSTĐCS (2)" in cb[0]["thong_bao"] and "thidua tao-phieu" in cb[0]["thong_bao"]
    ma, ra = chay("xet", str(p))
    assert ma == 0 and "Cảnh báo" in ra and "Chưa có phiếu bầu" in ra


def test_thieu_cot_phieu_co_o(tmp_path: Path) -> None:
    """A candidate with no ballot column: the problem names the cell of the proposal."""
    pb = [["Phiếu số", "Hợp lệ", "001 - CSTDCS"], [1, "", "x"], [2, "", "x"]]
    p = bo_nho(tmp_path, [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS"),
                          nguoi("002", "Trần Thị Bình", xep_loai="HTXSNV", de_nghi="CSTĐCS")], PhieuBau=pb)
    ma, ra = chay("kiem-tra", str(p), "--json")
    v = next(x for x in json.loads(ra)["loi"] if x["ma_loi"] == "thieu_phieu")
    assert v["o"] == "N3" and v["dong"] == 3 and ma == 1


def test_moi_van_de_co_dong_thi_co_o(demo_dau_vao: Path, tmp_path: Path) -> None:
    cn = [nguoi("1", "A", xep_loai="tot"), nguoi("1", "B"), nguoi("2", "", de_nghi="LĐTT", **{"Đăng ký": ""}),
          nguoi("3", "C", don_vi="P9", **{"Ngày sinh": "31/02/1985"})]
    for dau_vao in ([demo_dau_vao], [bo_nho(tmp_path, cn)]):
        kq = kiem_tra(dau_vao)
        assert kq.van_de
        thieu = [v for v in kq.van_de if v.dong is not None and not v.o]
        assert thieu == []


def test_thieu_sheet_tap_the_la_loi(tmp_path: Path) -> None:
    """A department whose staff name their units but which has no TapThe sheet at all: one error that says what
    to add (SPEC: Đơn vị must name a row of TapThe). An empty TapThe sheet is not that error."""
    from tien_ich import THONG_TIN

    viet_bang(tmp_path / "a" / "so.xlsx", {"ThongTin": THONG_TIN,
                                          "CaNhan": [TIEU_DE_CA_NHAN, nguoi("001", "Nguyễn Văn An")]})
    kq = kiem_tra([tmp_path / "a"])
    thieu = [v for v in kq.van_de if v.ma_loi == "thieu_sheet" and "TapThe" in v.thong_bao]
    assert len(thieu) == 1 and thieu[0].muc_do == LOI and "Thiếu sheet TapThe" in thieu[0].thong_bao
    viet_bang(tmp_path / "b" / "so.xlsx", {"ThongTin": THONG_TIN, "TapThe": [["Mã đơn vị", "Tên tập thể"]],
                                          "CaNhan": [TIEU_DE_CA_NHAN, nguoi("001", "Nguyễn Văn An")]})
    assert not [v for v in kiem_tra([tmp_path / "b"]).van_de if v.ma_loi == "thieu_sheet" and "TapThe" in v.thong_bao]
