"""A result is data: its criteria (what, met / not met / assumed, facts used, citation, rests on a quy chế
default) and an outcome value; the sentences every face shows are rendered from them (``ket_xuat``)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from thidua.binh_xet import kiem_phieu_tay
from thidua.danh_muc import CAP_CONG_NHAN, DANH_HIEU, XEP_LOAI
from thidua.ket_xuat import dong_du_dieu_kien, ket_qua_json, ly_do, tieu_chi_khong_dat
from thidua.mo_hinh import CaNhan, DuLieu, TapThe, ThongTin
from thidua.tieu_chuan import KetQuaTieuChi
from thidua.xet import KetLuan, KetQua, xet

NGAY = dt.date(2026, 1, 12)


def _nguoi(ma: str, xep_loai: str = "HTTNV", de_nghi: tuple[str, ...] = ("LDTT",), **kw: object) -> CaNhan:
    return CaNhan(ma, f"Người {ma}", "P1", xep_loai=XEP_LOAI[xep_loai],
                  de_nghi=tuple(DANH_HIEU[m] for m in de_nghi), **kw)  # type: ignore[arg-type]


def _xet(ca_nhan: list[CaNhan], kp: object = None, quy_che: dict | None = None, ngay: dt.date = NGAY) -> dict:
    tt = ThongTin(nam=ngay.year - 1, ngay_quyet_dinh=ngay)
    kq = xet(DuLieu(tt, ca_nhan, [TapThe("P1", "Phòng Một")], kiem_phieu=kp, quy_che=quy_che or {}))  # type: ignore[arg-type]
    return {(d.ma, k.danh_hieu.ma): k for d, k in kq.tat_ca()}


def test_tieu_chi_la_du_lieu_co_du_kien_can_cu_va_co_quy_che() -> None:
    k = _xet([_nguoi("1")])[("1", "LDTT")]
    xl = next(t for t in k.tieu_chi if dict(t.du_kien).get("xep_loai") == "HTTNV")
    assert xl.ket_qua == KetQuaTieuChi.DAT and xl.can_cu.endswith("Điều 24 khoản 1 điểm a") and not xl.theo_quy_che
    kl = next(t for t in k.tieu_chi if "ky_luat" in dict(t.du_kien))
    assert kl.ket_qua == KetQuaTieuChi.DAT and kl.theo_quy_che  # the discipline level is a quy chế default since 2024
    assert dict(kl.du_kien)["tieu_chuan.LDTT.ky_luat_loai_tru"].ma == "KHIEN_TRACH"
    gia_dinh = [t for t in k.tieu_chi if t.ket_qua == KetQuaTieuChi.GIA_DINH]
    assert gia_dinh and all(t.can_cu for t in gia_dinh)
    j = ket_qua_json(k)
    assert j["ket_luan"] == "dat" and j["ly_do"] == ly_do(k) and isinstance(j["can_cu"], list)
    assert {t["ket_qua"] for t in j["tieu_chi"]} == {"dat", "gia_dinh"}


def test_cong_thuc_cstdcs_theo_ngay() -> None:
    """The 2024 switch: before, the 2003 formula (initiative mandatory); from 01/01/2024, the 2022 one."""
    nguoi = [_nguoi("1", "HTXSNV", ("CSTDCS",))]
    truoc = _xet(nguoi, ngay=dt.date(2023, 12, 31))[("1", "CSTDCS")]
    sau = _xet(nguoi, ngay=dt.date(2024, 1, 1))[("1", "CSTDCS")]
    assert tieu_chi_khong_dat(truoc) == ["Chưa có sáng kiến hoặc đề tài được công nhận (bắt buộc trước 01/01/2024)"]
    assert sau.du_dieu_kien and "Đạt vì xếp loại HTXSNV" in dong_du_dieu_kien(sau)
    assert ("tieu_chuan.CSTDCS.cong_thuc", "luat_2003") in truoc.tieu_chi[-1].du_kien
    assert ("tieu_chuan.CSTDCS.cong_thuc", "luat_2022") in sau.tieu_chi[-1].du_kien


def _phieu(**dong_y: int) -> object:
    return kiem_phieu_tay({(ma, "CSTDCS"): n for ma, n in dong_y.items()}, 9, 9)


@pytest.mark.parametrize(("nguoi", "kp", "quy_che", "ma", "ket_luan"), [
    ([_nguoi("1", "HTXSNV", ("CSTDCS",))], _phieu(**{"1": 9}), None, "1", KetLuan.DAT),
    ([_nguoi("1", "HTNV", ("CSTDCS",))], _phieu(**{"1": 9}), None, "1", KetLuan.KHONG_DU_DIEU_KIEN),
    ([_nguoi("1", "HTXSNV", ("CSTDCS",))], None, None, "1", KetLuan.CHUA_CO_PHIEU),
    ([_nguoi("1", "HTXSNV", ("CSTDCS",)), _nguoi("2", "HTXSNV", ("CSTDCS",))], _phieu(**{"1": 9}), None, "2",
     KetLuan.THIEU_PHIEU),
    ([_nguoi("1", "HTXSNV", ("CSTDCS",))], _phieu(**{"1": 1}), None, "1", KetLuan.KHONG_DAT_PHIEU),
    ([_nguoi("1", "HTXSNV", ("CSTDCS",))], kiem_phieu_tay({("1", "CSTDCS"): 5}, 9, 5), None, "1",
     KetLuan.KHONG_DU_SO_NGUOI),
    # quota 50 % of 2 LĐTT = 1 CSTĐCS; two equal candidates: tied at the cut
    ([_nguoi("1", "HTXSNV", ("LDTT", "CSTDCS")), _nguoi("2", "HTXSNV", ("LDTT", "CSTDCS"))],
     _phieu(**{"1": 9, "2": 9}), {"chi_tieu.CSTDCS": Fraction(1, 2)}, "1", KetLuan.HOI_DONG_QUYET_DINH),
    ([_nguoi("1", "HTXSNV", ("LDTT", "CSTDCS")), _nguoi("2", "HTXSNV", ("LDTT", "CSTDCS"))],
     _phieu(**{"1": 9, "2": 8}), {"chi_tieu.CSTDCS": Fraction(1, 2)}, "2", KetLuan.NGOAI_CHI_TIEU),
])
def test_moi_ket_luan_la_mot_gia_tri(nguoi: list[CaNhan], kp: object, quy_che: dict | None, ma: str,
                                     ket_luan: KetLuan) -> None:
    k: KetQua = _xet(nguoi, kp, quy_che)[(ma, "CSTDCS")]
    assert k.ket_luan == ket_luan
    assert k.dat == (ket_luan == KetLuan.DAT)
    assert k.can_hoi_dong == (ket_luan == KetLuan.HOI_DONG_QUYET_DINH)
    assert ket_qua_json(k)["ket_luan"] == ket_luan.value
    cau = ly_do(k)
    assert cau[0] == dong_du_dieu_kien(k)
    if ket_luan == KetLuan.NGOAI_CHI_TIEU:
        assert k.chi_tieu is not None and (k.chi_tieu.xep_hang, k.chi_tieu.trong) == (2, False)
        assert any("ngoài chỉ tiêu 50 % × 2 LĐTT = 1" in x for x in cau)


def test_cap_quyet_dinh_tu_tham_so() -> None:
    kq = _xet([_nguoi("1", "HTXSNV", ("LDTT", "CSTDT"), sang_kien=CAP_CONG_NHAN["TINH"])])
    assert (kq[("1", "LDTT")].cap_quyet_dinh, kq[("1", "CSTDT")].cap_quyet_dinh) == ("so", "tinh")
    assert kq[("1", "LDTT")].so_quyet_dinh and not kq[("1", "CSTDT")].so_quyet_dinh
