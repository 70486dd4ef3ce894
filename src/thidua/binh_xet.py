"""The council's vote: counting ballots, thresholds, quorum, and the quota cut.

All arithmetic is exact (integers and ``Fraction``): 8 of 9 is 88.89 %, and ≥ 90 % of 9 members needs 9.
Thresholds, the denominator and the quorum are parameters (DOMAIN.md §10, *quy chế*).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

from .mo_hinh import KetQuaKiemPhieu, NguonDong, PhieuKhongHopLe, UngVien  # the count's records are data
from .tham_so import TEN_LUA_CHON, hien_thi_gia_tri
from .tieng_viet import dinh_dang_ty_le, khoa_so_khop

DONG_Y = {khoa_so_khop(x) for x in ("x", "1", "✓", "✔", "đồng ý")}
KHONG_DONG_Y = {khoa_so_khop(x) for x in ("", "0", "-", "không", "không đồng ý")}

@dataclass
class PhieuBau:
    """One ballot row of the PhieuBau sheet."""

    so_phieu: str
    danh_dau: dict[UngVien, object]
    o: dict[UngVien, str] = field(default_factory=dict)
    hop_le_theo_ban_kiem_phieu: bool | None = None
    nguon: NguonDong | None = None


def doc_dau(gia_tri: object) -> bool | None:
    """A ballot mark → True (agree), False (disagree), None (unreadable: the ballot is void)."""
    if isinstance(gia_tri, bool):
        return gia_tri
    if isinstance(gia_tri, int | float):
        return {1: True, 0: False}.get(gia_tri) if float(gia_tri).is_integer() else None
    return _doc_dau_chu("" if gia_tri is None else str(gia_tri))


@lru_cache(maxsize=4096)
def _doc_dau_chu(chu: str) -> bool | None:
    k = khoa_so_khop(chu)
    if k in DONG_Y:
        return True
    if k in KHONG_DONG_Y:
        return False
    return None


def kiem_phieu(phieu: Sequence[PhieuBau], ung_vien: Sequence[UngVien], tong_thanh_vien: int,
               co_mat: int) -> KetQuaKiemPhieu:
    """Count ballots. A ballot is void when any mark is unreadable, when the counting board voided it, or
    when its number repeats an earlier ballot's (DOMAIN.md §10, quy chế)."""
    dong_y = {uv: 0 for uv in ung_vien}
    khong_hl: list[PhieuKhongHopLe] = []
    da_thay: set[str] = set()
    hop_le = 0
    for p in phieu:
        if p.hop_le_theo_ban_kiem_phieu is False:
            khong_hl.append(PhieuKhongHopLe(p.so_phieu, "Ban kiểm phiếu ghi không hợp lệ"))
            continue
        if p.so_phieu and p.so_phieu in da_thay:
            khong_hl.append(PhieuKhongHopLe(p.so_phieu, f"Trùng số phiếu {p.so_phieu}"))
            continue
        da_thay.add(p.so_phieu)
        doc = {}
        loi = None
        for uv, dau in p.danh_dau.items():
            d = doc_dau(dau)
            if d is None:
                loi = PhieuKhongHopLe(p.so_phieu, f"Đánh dấu không đọc được '{dau}' ở ô {p.o.get(uv, '')}",
                                      p.o.get(uv, ""))
                break
            doc[uv] = d
        if loi:
            khong_hl.append(loi)
            continue
        hop_le += 1
        for uv, d in doc.items():
            if d and uv in dong_y:
                dong_y[uv] += 1
    return KetQuaKiemPhieu(tong_thanh_vien, co_mat, co_mat, len(phieu), hop_le, dong_y, khong_hl)


def kiem_phieu_tay(so_phieu: dict[UngVien, int], tong_thanh_vien: int, co_mat: int,
                   hop_le: int | None = None) -> KetQuaKiemPhieu:
    """Totals counted by hand (sheet KiemPhieu)."""
    hl = co_mat if hop_le is None else hop_le
    return KetQuaKiemPhieu(tong_thanh_vien, co_mat, co_mat, hl, hl, dict(so_phieu), [], "KiemPhieu")


@dataclass(frozen=True)
class KetQuaPhieu:
    """One candidate's vote against its threshold (SPEC §4 ``phieu``)."""

    dong_y: int
    mau_so: int
    nguong: Fraction
    loai_mau_so: str

    @property
    def ty_le(self) -> Fraction:
        return Fraction(self.dong_y, self.mau_so) if self.mau_so else Fraction(0)

    @property
    def dat(self) -> bool:
        return self.mau_so > 0 and self.ty_le >= self.nguong

    @property
    def so_phieu_can(self) -> int:
        """The smallest number of agreeing votes that passes: ceil(threshold × denominator)."""
        tich = self.nguong * self.mau_so
        return -(-tich.numerator // tich.denominator)

    def mo_ta(self) -> str:
        mau = TEN_LUA_CHON.get(self.loai_mau_so, self.loai_mau_so)
        chu = (f"Đạt {self.dong_y}/{self.mau_so} phiếu đồng ý ({dinh_dang_ty_le(float(self.ty_le))}), "
               f"{'đạt' if self.dat else 'dưới'} ngưỡng {hien_thi_gia_tri(self.nguong)} {mau}")
        if not self.dat:
            chu += f" (cần ít nhất {self.so_phieu_can} phiếu)"
        return chu

    def as_dict(self) -> dict[str, object]:
        return {"dong_y": self.dong_y, "mau_so": self.mau_so, "ty_le": round(float(self.ty_le), 4),
                "nguong": round(float(self.nguong), 4), "dat": self.dat, "loai_mau_so": self.loai_mau_so}


def du_so_nguoi(kq: KetQuaKiemPhieu, ty_le_toi_thieu: Fraction) -> bool:
    """Quorum: members present ≥ the minimum share of all members."""
    return kq.tong_thanh_vien > 0 and Fraction(kq.co_mat, kq.tong_thanh_vien) >= ty_le_toi_thieu


def so_chi_tieu(ty_le: Fraction, co_so: int, cach_lam_tron: str) -> int:
    """Quota = ratio × base, rounded as the QuyChe says: 15 % of 44 = 6.6 → 6 (xuong), 7 (gan_nhat, len)."""
    tich = ty_le * co_so
    if cach_lam_tron == "len":
        return -(-tich.numerator // tich.denominator)
    if cach_lam_tron == "gan_nhat":
        return int(tich + Fraction(1, 2)) if tich >= 0 else int(tich)
    return tich.numerator // tich.denominator


T = TypeVar("T")


@dataclass
class KetQuaCat:
    trong: list
    ngoai: list
    hoa_tai_diem_cat: list


def cat_chi_tieu(ung_vien: Sequence[T], khoa: Callable[[T], Hashable], gioi_han: int) -> KetQuaCat:
    """Keep the best ``gioi_han`` by ``khoa`` (higher is better). A group tied at the cut is kept out and
    returned in ``hoa_tai_diem_cat``: the council decides between them, never the input order."""
    xep = sorted(ung_vien, key=khoa, reverse=True)
    trong: list[T] = []
    ngoai: list[T] = []
    hoa: list[T] = []
    i = 0
    da_cat = False  # once a group does not fit, every group below it is out
    while i < len(xep):
        j = i
        while j < len(xep) and khoa(xep[j]) == khoa(xep[i]):
            j += 1
        nhom = xep[i:j]
        if not da_cat and len(trong) + len(nhom) <= gioi_han:
            trong += nhom
        elif not da_cat and len(trong) < gioi_han:
            hoa += nhom
            da_cat = True
        else:
            ngoai += nhom
            da_cat = True
        i = j
    return KetQuaCat(trong, ngoai, hoa)
