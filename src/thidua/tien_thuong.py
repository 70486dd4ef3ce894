"""Reward money (tiền thưởng): coefficient × base salary on the decision date, rounded up to 10,000 VND.

ND 98/2023 Art. 53–54; ND 152/2025 Art. 49, 54. Rounding lives here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .danh_muc import DanhHieu
from .tham_so import ThamSoApDung, hien_thi_so
from .tieng_viet import dinh_dang_tien


@dataclass(frozen=True)
class TienThuong:
    so_tien: int
    he_so: Fraction
    muc_luong_co_so: int
    giai_thich: str
    can_cu: tuple[str, ...] = field(default=())


def lam_tron_len(so_tien: Fraction, buoc: int) -> int:
    """Round up to the next multiple of ``buoc`` ("làm tròn số lên hàng chục nghìn đồng")."""
    thuong = Fraction(so_tien) / buoc
    return -(-thuong.numerator // thuong.denominator) * buoc


def tinh_tien_thuong(danh_hieu: DanhHieu, ts: ThamSoApDung, tap_the: bool = False) -> TienThuong:
    """The amount the law pays for ``danh_hieu`` on ``ts.ngay``; collectives receiving a form (GK, BK tỉnh) get
    ``tien_thuong.he_so_tap_the`` times the individual coefficient (quy chế default 2)."""
    can_cu = []
    he_so_gt = ts.chi_tiet(f"tien_thuong.he_so.{danh_hieu.ma}")
    luong = ts.chi_tiet("tien_thuong.muc_luong_co_so")
    buoc = ts.chi_tiet("tien_thuong.lam_tron")
    he_so: Fraction = he_so_gt.gia_tri
    can_cu += [he_so_gt.can_cu, luong.can_cu, buoc.can_cu]
    giai_thich = f"Hệ số {hien_thi_so(he_so)}"
    if tap_the and danh_hieu.la_hinh_thuc:
        nhan = ts.chi_tiet("tien_thuong.he_so_tap_the")
        he_so = he_so * nhan.gia_tri
        can_cu.append(nhan.can_cu)
        giai_thich += f" × {hien_thi_so(nhan.gia_tri)} (tập thể)"
    tho = he_so * luong.gia_tri
    so_tien = lam_tron_len(tho, buoc.gia_tri)
    giai_thich += f" × {dinh_dang_tien(luong.gia_tri)} = {dinh_dang_tien(round(tho))} đồng"
    if so_tien != tho:
        giai_thich += f", làm tròn lên {dinh_dang_tien(so_tien)} đồng"
    return TienThuong(so_tien, he_so, luong.gia_tri, giai_thich, tuple(dict.fromkeys(can_cu)))
