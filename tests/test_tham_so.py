"""The law as data: the whole tree loads, and the loader refuses what it must."""

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from thidua.danh_muc import doc_cap, doc_danh_hieu, doc_danh_sach_danh_hieu, doc_ky_luat, doc_xep_loai
from thidua.loi import GiaTriKhongHopLe, LoiThamSo
from thidua.tham_so import BoThamSo, ThamSoApDung, bo_tham_so_mac_dinh, thu_muc_tham_so


def test_ca_cay_tham_so_nap_duoc_va_moi_gia_tri_co_can_cu() -> None:
    bo = BoThamSo.tu_thu_muc(thu_muc_tham_so())
    assert len(bo.tham_so) >= 40
    for ts in bo.tham_so.values():
        assert ts.cac_gia_tri, ts.ten
        for _, _, ref, _ in ts.cac_gia_tri:
            assert ref.strip(), ts.ten


def test_moi_ma_danh_hieu_co_he_so_nguong_va_bo_phieu() -> None:
    from thidua.danh_muc import DANH_HIEU

    bo = bo_tham_so_mac_dinh()
    for ma in DANH_HIEU:
        for goc in ("tien_thuong.he_so", "binh_xet.nguong", "binh_xet.bo_phieu"):
            assert f"{goc}.{ma}" in bo.tham_so


def test_bang_khen_doi_he_so_ngay_01_07_2025() -> None:
    bo = bo_tham_so_mac_dinh()
    truoc = bo["tien_thuong.he_so.BKT"].tai_ngay(dt.date(2025, 6, 30))
    sau = bo["tien_thuong.he_so.BKT"].tai_ngay(dt.date(2025, 7, 1))
    assert (truoc.gia_tri, sau.gia_tri) == (Fraction(1), Fraction(3, 2))
    assert "152/2025" in sau.can_cu


def _viet(tmp: Path, ten: str, noi_dung: str) -> Path:
    thu_muc = tmp / "params"
    (thu_muc / "a").mkdir(parents=True, exist_ok=True)
    (thu_muc / "a" / ten).write_text(noi_dung, encoding="utf-8")
    return thu_muc


HOP_LE = """description: x
kieu: tien
values:
  2024-07-01: {value: 1, ref: "NĐ 1"}
"""


@pytest.mark.parametrize(("noi_dung", "thong_bao"), [
    (HOP_LE.replace("kieu: tien", "kieu: tien\nkieu: tien"), "bị lặp"),
    (HOP_LE + "la: 1\n", "khóa không biết"),
    (HOP_LE + "  2024-01-01: {value: 2, ref: y}\n", "tăng dần"),
    (HOP_LE.replace('ref: "NĐ 1"', 'ref: ""'), "thiếu căn cứ"),
    (HOP_LE.replace(', ref: "NĐ 1"', ""), "thiếu căn cứ"),
    (HOP_LE.replace("{value: 1,", "{value: 1, nguon: z,"), "khóa không biết"),
    (HOP_LE.replace("kieu: tien", "kieu: chu"), "kiểu 'chu' không hợp lệ"),
    (HOP_LE.replace("2024-07-01", "mai"), "không phải ngày"),
    (HOP_LE.replace("value: 1", "value: -5"), "không hợp lệ"),
    ("description: x\nkieu: tien\n", "thiếu khóa 'values'"),
])
def test_bo_nap_tu_choi(tmp_path: Path, noi_dung: str, thong_bao: str) -> None:
    thu_muc = _viet(tmp_path, "b.yaml", noi_dung)
    with pytest.raises(LoiThamSo) as e:
        BoThamSo.tu_thu_muc(thu_muc)
    assert thong_bao in str(e.value)
    assert "b.yaml" in str(e.value)


def test_bo_nap_nhan_tep_hop_le(tmp_path: Path) -> None:
    bo = BoThamSo.tu_thu_muc(_viet(tmp_path, "b.yaml", HOP_LE))
    assert bo["a.b"].tai_ngay(dt.date(2024, 7, 1)).gia_tri == 1
    with pytest.raises(LoiThamSo, match="01/07/2024"):
        bo["a.b"].tai_ngay(dt.date(2024, 6, 30))


def test_quy_che_khoa_la_bi_tu_choi_va_liet_ke_khoa_dung() -> None:
    bo = bo_tham_so_mac_dinh()
    with pytest.raises(GiaTriKhongHopLe) as e:
        bo.doc_quy_che([("Ngưỡng phiếu LĐTT xịn", "90%")])
    assert "Ngưỡng phiếu CSTĐCS" in str(e.value) and "Ngưỡng phiếu CSTĐ tỉnh" in str(e.value)


def test_quy_che_nhan_viet_tat_va_khoa_cu() -> None:
    """A reviewer: the reasons read "Ngưỡng phiếu CSTDCS" and "chi_tieu.co_so.CSTDCS: LDTT". Labels write titles as
    users do; a QuyChe sheet filled with the codes of earlier versions still reads; a parameter without a label reads
    as words in the "theo quy chế" line."""
    bo = bo_tham_so_mac_dinh()
    assert bo.doc_quy_che([("Ngưỡng phiếu CSTDT", "95%")]) == {"binh_xet.nguong.CSTDT": Fraction(19, 20)}
    assert bo.doc_quy_che([("Ngưỡng phiếu CSTĐ tỉnh", "95%")]) == {"binh_xet.nguong.CSTDT": Fraction(19, 20)}
    assert bo.doc_quy_che([("Hệ số thưởng BKT", "1")]) == bo.doc_quy_che([("Hệ số thưởng BK tỉnh", "1")])
    ts = ThamSoApDung(bo, dt.date(2026, 1, 10), {})
    _, _, dong = ts.dien_giai("chi_tieu.co_so.CSTDCS")
    assert dong == "Chỉ tiêu CSTĐCS tính trên: số đạt LĐTT (quy chế mặc định)"
    _, _, dong = ts.dien_giai("binh_xet.nguong.CSTDCS")
    assert dong is not None and dong.startswith("Ngưỡng phiếu CSTĐCS: 80 %")


@pytest.mark.parametrize(("khoa", "gia_tri", "ten", "mong"), [
    ("Ngưỡng phiếu CSTDCS", "90%", "binh_xet.nguong.CSTDCS", Fraction(9, 10)),
    ("ngưỡng phiếu cstdcs", 0.9, "binh_xet.nguong.CSTDCS", Fraction(9, 10)),
    ("Ngưỡng phiếu CSTDCS", 90, "binh_xet.nguong.CSTDCS", Fraction(9, 10)),
    ("binh_xet.nguong.CSTDCS", "9/10", "binh_xet.nguong.CSTDCS", Fraction(9, 10)),
    ("Ngưỡng phiếu CSTDCS", "66,67 %", "binh_xet.nguong.CSTDCS", Fraction(6667, 10000)),
    ("Chỉ tiêu CSTĐCS", "15 %", "chi_tieu.CSTDCS", Fraction(3, 20)),
    ("Chỉ tiêu CSTDCS", "", "chi_tieu.CSTDCS", None),
    ("Bắt buộc đăng ký", "Có", "dang_ky.bat_buoc", True),
    ("Mẫu số tỷ lệ phiếu", "Số phiếu hợp lệ", "binh_xet.mau_so", "so_phieu_hop_le"),
])
def test_quy_che_doc_gia_tri(khoa: str, gia_tri: object, ten: str, mong: object) -> None:
    """The expected parameter name is written out, not computed with the lookup under test."""
    assert bo_tham_so_mac_dinh().doc_quy_che([(khoa, gia_tri)]) == {ten: mong}


@pytest.mark.parametrize(("khoa", "gia_tri"), [
    ("Ngưỡng phiếu CSTDCS", "120%"), ("Ngưỡng phiếu CSTDCS", "nhiều"), ("Bắt buộc đăng ký", "có lẽ"),
    ("Mẫu số tỷ lệ phiếu", "một nửa"), ("Số tháng tuyển dụng tối thiểu", "-3"),
])
def test_quy_che_gia_tri_sai_bi_tu_choi(khoa: str, gia_tri: object) -> None:
    with pytest.raises(GiaTriKhongHopLe, match="không hợp lệ"):
        bo_tham_so_mac_dinh().doc_quy_che([(khoa, gia_tri)])


@pytest.mark.parametrize("chu", ["LDTT", "LĐTT", "lđtt", "Lao động tiên tiến", "lao dong tien tien", " LAO ĐỘNG TIÊN TIẾN "])
def test_doc_ma_danh_hieu(chu: str) -> None:
    assert doc_danh_hieu(chu).ma == "LDTT"


def test_doc_ma_khac() -> None:
    assert doc_danh_hieu("CSTĐ tỉnh").ma == "CSTDT"
    assert doc_danh_hieu("Bằng khen").ma == "BKT"
    assert [d.ma for d in doc_danh_sach_danh_hieu("LĐTT; cstđcs, LDTT")] == ["LDTT", "CSTDCS"]
    assert doc_xep_loai("hoàn thành tốt nhiệm vụ").ma == "HTTNV"
    assert doc_ky_luat("canh cao").ma == "CANH_CAO"
    assert doc_cap("cấp tỉnh").ma == "TINH"


@pytest.mark.parametrize(("ham", "gia_tri", "goi_y"), [
    (doc_danh_hieu, "LĐXS", "LĐTT, CSTĐCS"),
    (doc_xep_loai, "tot", "HTXSNV, HTTNV, HTNV hoặc KHTNV"),
    (doc_ky_luat, "phê bình", "Khiển trách"),
    (doc_cap, "huyện", "Cơ sở, Tỉnh hoặc Toàn quốc"),
])
def test_ma_la_bao_loi_tieng_viet(ham, gia_tri: str, goi_y: str) -> None:
    with pytest.raises(GiaTriKhongHopLe) as e:
        ham(gia_tri)
    assert f"'{gia_tri}'" in str(e.value) and goi_y in str(e.value)


def test_so_theo_doi_tu_choi_dong_trung() -> None:
    from thidua.loi import ThiduaError
    from thidua.mo_hinh import MucLichSu, SoTheoDoi

    with pytest.raises(ThiduaError, match="hai dòng"):
        SoTheoDoi([MucLichSu("A", 2024, doc_danh_hieu("CSTDCS")), MucLichSu("A", 2024, doc_danh_hieu("CSTĐCS"))])


def test_bo_doc_yaml_dung_libyaml_va_doc_nhu_ban_python() -> None:
    """The loader is built on libyaml's parser when PyYAML has it (issue 15: 0.07 → 0.01 s for params/), and reads
    every shipped file to the same tree as PyYAML's pure-Python SafeLoader; a duplicate key is still refused
    with its line."""
    import yaml

    from thidua.tham_so import _bo_doc_yaml, doc_yaml_tham_so

    if getattr(yaml, "__with_libyaml__", False):
        assert issubclass(_bo_doc_yaml(), yaml.CSafeLoader)
    tep = sorted(thu_muc_tham_so().rglob("*.yaml"))
    assert len(tep) >= 40
    for p in tep:
        assert doc_yaml_tham_so(p) == yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.SafeLoader), p.name
    with pytest.raises(LoiThamSo, match=r"khóa 'kieu' bị lặp \(dòng 3\)"):
        yaml.load(HOP_LE.replace("kieu: tien", "kieu: tien\nkieu: tien"), Loader=_bo_doc_yaml())


def test_vao_ngay_mot_doi_tuong_moi_ngay_giu_quy_che() -> None:
    """``ThamSoApDung.vao_ngay``: the rules of another date (a past year's CSTĐCS), with the round's QuyChe
    overrides, one object per date — the same values as a fresh ``tai_ngay``."""
    bo = bo_tham_so_mac_dinh()
    ts = bo.tai_ngay(dt.date(2025, 12, 31), {"tieu_chuan.CSTDCS.cong_thuc": "luat_2003"})
    cu = ts.vao_ngay(dt.date(2022, 12, 31))
    assert cu is ts.vao_ngay(dt.date(2022, 12, 31))
    assert cu is not ts.vao_ngay(dt.date(2023, 12, 31))
    assert cu.ngay == dt.date(2022, 12, 31) and cu.ghi_de == ts.ghi_de
    assert cu("tieu_chuan.CSTDCS.cong_thuc") == "luat_2003"  # the agency's override holds on every date
    moi = bo.tai_ngay(dt.date(2022, 12, 31))
    assert cu("tien_thuong.muc_luong_co_so") == moi("tien_thuong.muc_luong_co_so")
    assert bo.tai_ngay(dt.date(2025, 12, 31)).vao_ngay(dt.date(2022, 12, 31))("tien_thuong.muc_luong_co_so") \
        != ts("tien_thuong.muc_luong_co_so")  # 2022's base salary, not 2025's


def test_can_cu_mot_dieu_mot_lan() -> None:
    """A reviewer: "Luật …, Điều 23 (HTXSNV hoặc sáng kiến hoặc đề tài); Luật …, Điều 23" in one result's Căn cứ —
    the same article once, the explained citation kept, wherever it came first."""
    from thidua.tieu_chuan import DanhGia

    for thu_tu in (("Luật A, Điều 23", "Luật A, Điều 23 (giải thích)"), ("Luật A, Điều 23 (giải thích)", "Luật A, Điều 23")):
        dg = DanhGia.__new__(DanhGia)
        dg.can_cu = []
        for c in (*thu_tu, "Luật A, Điều 24", "Luật A, Điều 23 (giải thích)"):
            dg.them_can_cu(c)
        assert dg.can_cu == ["Luật A, Điều 23 (giải thích)", "Luật A, Điều 24"]
