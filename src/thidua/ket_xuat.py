"""Results in the shapes SPEC §4 promises (``kiem-phieu``, ``xet``) and the summaries the faces print.
The CLI, the Excel functions and the batch all format through here."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .binh_xet import KetQuaPhieu, du_so_nguoi
from .danh_muc import DANH_HIEU
from .mo_hinh import CaNhan, DuLieu
from .tham_so import BoThamSo, bo_tham_so_mac_dinh
from .xet import KetQuaXet


def bang_kiem_phieu(du_lieu: DuLieu, bo: BoThamSo | None = None) -> dict[str, Any]:
    """SPEC §4 ``kiem-phieu``: ballots issued/collected/valid/void, then per candidate and code the agreeing
    votes against the denominator and threshold the rules name."""
    bo = bo or bo_tham_so_mac_dinh()
    kp = du_lieu.kiem_phieu
    if kp is None:
        return {"so_phieu": None, "ung_vien": [], "phieu_khong_hop_le": [], "du_so_nguoi": None}
    ts = bo.tai_ngay(du_lieu.thong_tin.ngay_quyet_dinh, du_lieu.quy_che)
    ten = {c.ma: c.ho_ten for c in du_lieu.ca_nhan} | {t.ma: t.ten for t in du_lieu.tap_the}
    loai_mau = ts("binh_xet.mau_so")
    thu_tu = {m: i for i, m in enumerate(DANH_HIEU)}
    ung_vien = []
    for (ma, ma_dh), dong_y in sorted(kp.dong_y.items(), key=lambda x: (thu_tu[x[0][1]], -x[1], x[0][0])):
        p = KetQuaPhieu(dong_y, kp.mau_so(loai_mau), ts(f"binh_xet.nguong.{ma_dh}"), loai_mau)
        ung_vien.append({"ma": ma, "ten": ten.get(ma, ""), "danh_hieu": ma_dh, "dong_y": dong_y, "mau_so": p.mau_so,
                         "ty_le": round(float(p.ty_le), 4), "nguong": round(float(p.nguong), 4), "dat": p.dat,
                         "so_phieu_can": p.so_phieu_can, "mo_ta": p.mo_ta()})
    co_du = du_so_nguoi(kp, ts("binh_xet.ty_le_co_mat_toi_thieu"))
    return {
        "so_phieu": {"phat_ra": kp.phat_ra, "thu_vao": kp.thu_vao, "hop_le": kp.hop_le,
                     "khong_hop_le": kp.khong_hop_le},
        "tong_thanh_vien": kp.tong_thanh_vien, "co_mat": kp.co_mat, "du_so_nguoi": co_du,
        "cach_kiem": kp.kieu,
        "phieu_khong_hop_le": [{"so_phieu": p.so_phieu, "ly_do": p.ly_do, "o": p.o} for p in kp.phieu_khong_hop_le],
        "ung_vien": ung_vien,
    }


def tong_hop_theo_danh_hieu(kq: KetQuaXet) -> list[dict[str, Any]]:
    """Per code: proposed, eligible, passed (final), money."""
    dem: dict[str, Counter] = defaultdict(Counter)
    for _, k in kq.tat_ca():
        c = dem[k.danh_hieu.ma]
        c["de_nghi"] += 1
        c["du_dieu_kien"] += k.du_dieu_kien
        c["dat"] += k.dat
        c["tien"] += k.tien_thuong or 0
        c["can_hoi_dong"] += k.can_hoi_dong
    return [{"danh_hieu": m, "ten": DANH_HIEU[m].viet_tat, **dem[m]} for m in DANH_HIEU if m in dem]


def tong_hop_theo_don_vi(kq: KetQuaXet) -> list[dict[str, Any]]:
    """Per unit and code: how many passed (individuals of the unit and the unit itself)."""
    ten = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    dem: dict[str, Counter] = defaultdict(Counter)
    for dt_, k in kq.tat_ca():
        ma_dv = dt_.don_vi if isinstance(dt_, CaNhan) else dt_.ma
        if k.dat:
            dem[ma_dv][k.danh_hieu.ma] += 1
            dem[ma_dv]["tien"] += k.tien_thuong or 0
    return [{"ma": ma, "ten": ten.get(ma, ma), **dem[ma]} for ma in ten if ma in dem]

