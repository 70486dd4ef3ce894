"""Results in the shapes SPEC §4 promises (``kiem-phieu``, ``xet``) and the summaries the faces print.
The CLI, the Excel functions and the batch all format through here."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .binh_xet import du_so_nguoi, ket_qua_phieu
from .danh_muc import DANH_HIEU
from .mo_hinh import CaNhan, DuLieu
from .tham_so import BoThamSo, bo_tham_so_mac_dinh, hien_thi_gia_tri
from .xet import KetQuaXet


def bang_kiem_phieu(du_lieu: DuLieu, bo: BoThamSo | None = None, ket_qua: KetQuaXet | None = None) -> dict[str, Any]:
    """SPEC §4 ``kiem-phieu``: ballots issued/collected/valid/void (and written opinions), then per candidate, in
    ballot order, the vote result ``binh_xet.ket_qua_phieu`` made — agreeing votes (of which written) against the
    denominator and threshold, the quorum. With the decision (``ket_qua``) each row also carries its rank, a tie at
    a quota cut, the council's resolution and "ngoài chỉ tiêu". This only formats."""
    bo = bo or bo_tham_so_mac_dinh()
    kp = du_lieu.kiem_phieu
    if kp is None:
        return {"so_phieu": None, "ung_vien": [], "phieu_khong_hop_le": [], "du_so_nguoi": None}
    ts = ket_qua.ts if ket_qua is not None else bo.tai_ngay(du_lieu.thong_tin.ngay_quyet_dinh, du_lieu.quy_che)
    ten = {c.ma: c.ho_ten for c in du_lieu.ca_nhan} | {t.ma: t.ten for t in du_lieu.tap_the}
    ten_dv = {t.ma: t.ten for t in du_lieu.tap_the}
    don_vi = {c.ma: ten_dv.get(c.don_vi, c.don_vi) for c in du_lieu.ca_nhan}
    quyet: dict[tuple[str, str], Any] = {}
    if ket_qua is not None:
        quyet = {(d.ma, k.danh_hieu.ma): k for d, k in ket_qua.tat_ca()}
    ung_vien = []
    for uv in kp.dong_y:
        ma, ma_dh = uv
        p = ket_qua_phieu(kp, uv, ts)
        assert p is not None
        k = quyet.get(uv)
        ung_vien.append({
            "ma": ma, "ten": ten.get(ma, ""), "don_vi": don_vi.get(ma, ""), "danh_hieu": ma_dh, "dong_y": p.dong_y,
            "van_ban": p.van_ban, "mau_so": p.mau_so, "ty_le": round(float(p.ty_le), 4),
            "nguong": round(float(p.nguong), 4), "can_cu_nguong": p.ghi_chu_nguong.strip("()"), "dat": p.dat,
            "dat_nguong": p.dat_nguong, "du_so_nguoi": p.du_so_nguoi, "so_phieu_can": p.so_phieu_can,
            "mo_ta": p.mo_ta(),
            "xep_hang": k.xep_hang if k else None,
            "ngoai_chi_tieu": bool(k and k.ngoai_chi_tieu and p.dat and not k.can_hoi_dong),
            "hoa_tai_diem_cat": bool(k and k.hoa_tai_diem_cat),
            "cho_hoi_dong": bool(k and k.can_hoi_dong),
            "hoi_dong_quyet": k.quyet_hoa if k else "",
            "mo_ta_chi_tieu": k.mo_ta_chi_tieu if k else "",
            "dat_cuoi_cung": k.dat if k else None,
        })
    co_du = du_so_nguoi(kp, ts("binh_xet.ty_le_co_mat_toi_thieu"))
    return {
        "so_phieu": kp.so_phieu(),
        "tong_thanh_vien": kp.tong_thanh_vien, "co_mat": kp.co_mat, "du_so_nguoi": co_du,
        "toi_thieu_co_mat": hien_thi_gia_tri(ts("binh_xet.ty_le_co_mat_toi_thieu")),
        "cach_kiem": kp.kieu,
        "phieu_khong_hop_le": [{"so_phieu": p.so_phieu, "ly_do": p.ly_do, "o": p.o} for p in kp.phieu_khong_hop_le],
        "ung_vien": ung_vien,
    }


def ket_luan_phieu(u: dict[str, Any]) -> str:
    """The one-word verdict of a row of ``bang_kiem_phieu``, the same on every face."""
    if not u["du_so_nguoi"]:
        return "Không có giá trị (thiếu số thành viên có mặt)"
    if not u["dat_nguong"]:
        return "Không đạt"
    if u["cho_hoi_dong"]:
        return "Bằng phiếu tại điểm cắt — chờ Hội đồng quyết định"
    if u["hoa_tai_diem_cat"]:
        return "Đạt (Hội đồng chọn)" if u["dat_cuoi_cung"] else "Hội đồng không chọn"
    if u["ngoai_chi_tieu"]:
        return "Đạt ngưỡng, ngoài chỉ tiêu"
    return "Đạt"


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

