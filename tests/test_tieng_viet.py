"""Golden tests for the Vietnamese helpers no library does right (TECH_NOTES)."""

import datetime as dt
import unicodedata

import pytest

from thidua.tieng_viet import (
    bo_dau,
    chuan_hoa,
    dinh_dang_ngay,
    dinh_dang_tien,
    doc_so,
    doc_so_tien,
    khoa_sap_xep,
    khoa_sap_xep_ho_ten,
    khoa_so_khop,
)

VANG = {
    0: "không",
    1: "một",
    5: "năm",
    10: "mười",
    11: "mười một",
    14: "mười bốn",
    15: "mười lăm",
    20: "hai mươi",
    21: "hai mươi mốt",
    24: "hai mươi bốn",
    25: "hai mươi lăm",
    55: "năm mươi lăm",
    101: "một trăm linh một",
    105: "một trăm linh năm",
    110: "một trăm mười",
    115: "một trăm mười lăm",
    121: "một trăm hai mươi mốt",
    1_000: "một nghìn",
    1_001: "một nghìn không trăm linh một",
    1_010: "một nghìn không trăm mười",
    1_015: "một nghìn không trăm mười lăm",
    1_100: "một nghìn một trăm",
    10_000: "mười nghìn",
    15_000: "mười lăm nghìn",
    21_000: "hai mươi mốt nghìn",
    100_000: "một trăm nghìn",
    105_000: "một trăm linh năm nghìn",
    450_000: "bốn trăm năm mươi nghìn",
    540_000: "năm trăm bốn mươi nghìn",
    702_000: "bảy trăm linh hai nghìn",
    710_000: "bảy trăm mười nghìn",
    1_000_000: "một triệu",
    1_001_000: "một triệu không trăm linh một nghìn",
    1_050_000: "một triệu không trăm năm mươi nghìn",
    1_410_000: "một triệu bốn trăm mười nghìn",
    1_880_000: "một triệu tám trăm tám mươi nghìn",
    2_340_000: "hai triệu ba trăm bốn mươi nghìn",
    3_000_021: "ba triệu không trăm hai mươi mốt",
    3_510_000: "ba triệu năm trăm mười nghìn",
    7_020_000: "bảy triệu không trăm hai mươi nghìn",
    10_530_000: "mười triệu năm trăm ba mươi nghìn",
    18_720_000: "mười tám triệu bảy trăm hai mươi nghìn",
    21_005_000: "hai mươi mốt triệu không trăm linh năm nghìn",
    100_000_000: "một trăm triệu",
    1_000_000_000: "một tỷ",
    1_000_000_001: "một tỷ không trăm linh một",
    1_000_010_000: "một tỷ không trăm mười nghìn",
    2_500_000_000: "hai tỷ năm trăm triệu",
    1_000_000_000_000: "một nghìn tỷ",
    1_234_567_891: "một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt",
}


@pytest.mark.parametrize(("so", "chu"), sorted(VANG.items()))
def test_doc_so_bang_vang(so: int, chu: str) -> None:
    assert doc_so(so) == chu


def test_bang_vang_du_40_muc() -> None:
    assert len(VANG) >= 40


def test_doc_so_tien_viet_hoa_va_them_dong() -> None:
    assert doc_so_tien(1_001_000) == "Một triệu không trăm linh một nghìn đồng"
    assert doc_so_tien(710_000) == "Bảy trăm mười nghìn đồng"
    assert doc_so_tien(0) == "Không đồng"


def test_doc_so_tu_choi_so_thap_phan() -> None:
    with pytest.raises(TypeError):
        doc_so(1.5)  # type: ignore[arg-type]


def test_dinh_dang() -> None:
    assert dinh_dang_tien(1_234_000) == "1.234.000"
    assert dinh_dang_ngay(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert dinh_dang_ngay(dt.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert dinh_dang_ngay(dt.date(2025, 12, 31), "Lai Châu") == "Lai Châu, ngày 31 tháng 12 năm 2025"
    assert dinh_dang_ngay(dt.date(2025, 3, 9)) == "ngày 09 tháng 3 năm 2025"


def test_chuan_hoa_nfd_va_khoang_trang() -> None:
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị  Thuỷ ")
    assert chuan_hoa(nfd) == "Nguyễn Thị Thuỷ"
    assert len(chuan_hoa(nfd)) == len("Nguyễn Thị Thuỷ")


def test_so_khop_bo_dau_va_dau_cu_moi() -> None:
    assert bo_dau("Đặng Thị Hoà") == "Dang Thi Hoa"
    assert khoa_so_khop("Hoà", giu_dau=True) == khoa_so_khop("Hòa", giu_dau=True)
    assert khoa_so_khop("Thuỷ", giu_dau=True) == khoa_so_khop("Thủy", giu_dau=True)
    assert khoa_so_khop("Hoa", giu_dau=True) != khoa_so_khop("Hòa", giu_dau=True)
    assert khoa_so_khop("Ca_Nhan") == khoa_so_khop("cá nhân")


def test_thu_tu_chu_cai_tieng_viet() -> None:
    ds = ["Ư", "Đạt", "Ánh", "An", "Dũng", "Ân", "Ăn", "Bình", "Ơn", "Ông", "Oanh", "Uyên", "Yến", "Em", "Êm"]
    assert sorted(ds, key=khoa_sap_xep) == [
        "An", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đạt", "Em", "Êm", "Oanh", "Ông", "Ơn", "Uyên", "Ư", "Yến"]


def test_thu_tu_thanh_dieu() -> None:
    ds = ["mạ", "má", "mã", "mả", "mà", "ma"]
    assert sorted(ds, key=khoa_sap_xep) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_sap_xep_ho_ten_theo_ten_roi_ho() -> None:
    ds = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Thị Ánh"]
    assert sorted(ds, key=khoa_sap_xep_ho_ten) == ["Lê Văn An", "Nguyễn Thị An", "Đỗ Thị Ánh", "Trần Văn Bình"]
