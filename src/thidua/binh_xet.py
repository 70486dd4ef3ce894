"""The council's vote: counting ballots, the one vote result per candidate, and the one ranking at a quota cut.

Every face formats what this module computes — ``kiem-phieu`` (``ket_xuat``), ``xet``, ``ket-qua.xlsx``, the
minutes and the Excel functions — so a vote passes or fails, and a tie stands or is broken, the same everywhere.

The law (DOMAIN.md §12, overriding §10): ND 98/2023 Art. 30(7) — CSTĐCS and Cờ thi đua need agreeing votes of at
least 80 % of **all** council members, CSTĐ tỉnh and CSTĐTQ at least 90 %; a member absent from the meeting gives
a written opinion (ý kiến bằng văn bản) that counts as his ballot. Written opinions count toward agreement and the
all-members denominator, never toward the quorum (≥ 2/3 present, *quy chế*). From 2025-07-01 (ND 152/2025) the
same values are kept as the agency's default: *(quy chế, theo NĐ 98/2023 Điều 30 khoản 7)*. The values are dated
parameters in ``params/binh_xet/``.

All arithmetic is exact (integers and ``Fraction``): 8 of 9 is 88.89 %, and ≥ 90 % of 9 members needs 9.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import Any, Generic, TypeVar

from .mo_hinh import KetQuaKiemPhieu, NguonDong, PhieuKhongHopLe, UngVien  # the count's records are data
from .tham_so import NGUON_CO_QUAN, NGUON_MAC_DINH, TEN_LUA_CHON, GiaTriThamSo, ThamSoApDung, hien_thi_gia_tri
from .tieng_viet import dinh_dang_ty_le, khoa_so_khop

DONG_Y = {khoa_so_khop(x) for x in ("x", "1", "✓", "✔", "đồng ý")}
KHONG_DONG_Y = {khoa_so_khop(x) for x in ("", "0", "-", "không", "không đồng ý")}

TAI_CUOC_HOP = "tai_cuoc_hop"
BANG_VAN_BAN = "bang_van_ban"
TEN_HINH_THUC = {TAI_CUOC_HOP: "Tại cuộc họp", BANG_VAN_BAN: "Bằng văn bản"}

def doc_hinh_thuc(gia_tri: object) -> str:
    """PhieuBau ``Hình thức``: blank or "Tại cuộc họp" → at the meeting; "Bằng văn bản" (or "Văn bản") → a
    written opinion of an absent member. Anything else raises ``ValueError``."""
    k = khoa_so_khop(gia_tri)
    if k in ("", "taicuochop", "cuochop", "tructiep", "comat"):
        return TAI_CUOC_HOP
    if k in ("bangvanban", "vanban", "ykienbangvanban"):
        return BANG_VAN_BAN
    raise ValueError("ghi 'Tại cuộc họp' (hoặc để trống) hay 'Bằng văn bản'")


@dataclass
class PhieuBau:
    """One ballot row of the PhieuBau sheet (a ballot cast at the meeting, or a written opinion)."""

    so_phieu: str
    danh_dau: dict[UngVien, object]
    o: dict[UngVien, str] = field(default_factory=dict)
    hop_le_theo_ban_kiem_phieu: bool | None = None
    nguon: NguonDong | None = None
    hinh_thuc: str = TAI_CUOC_HOP


def doc_dau(gia_tri: object) -> bool | None:
    """A ballot mark → True (agree), False (disagree), None (unreadable: the ballot is void)."""
    if isinstance(gia_tri, bool):
        return gia_tri
    if isinstance(gia_tri, int | float):
        return {1: True, 0: False}.get(int(gia_tri)) if float(gia_tri).is_integer() else None
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
               co_mat: int, so_vang_van_ban: int | None = None,
               ten_ung_vien: Callable[[UngVien], str] | None = None) -> KetQuaKiemPhieu:
    """Count ballots. A ballot is void when any mark is unreadable, when the counting board voided it, or when
    its number repeats an earlier ballot's (DOMAIN.md §10, quy chế). Written opinions are counted like ballots
    and reported apart. ``so_vang_van_ban`` is the number of absent members asked for a written opinion (from
    HoiDong); without it, the written ballots received. ``ten_ung_vien`` names a candidate in void reasons."""
    dong_y = {uv: 0 for uv in ung_vien}
    dong_y_vb = {uv: 0 for uv in ung_vien}
    khong_hl: list[PhieuKhongHopLe] = []
    da_thay: set[str] = set()
    hop_le = 0
    van_ban = sum(1 for p in phieu if p.hinh_thuc == BANG_VAN_BAN)
    for p in phieu:
        if p.hop_le_theo_ban_kiem_phieu is False:
            khong_hl.append(PhieuKhongHopLe(p.so_phieu, "Ban kiểm phiếu xác định phiếu không hợp lệ"))
            continue
        if p.so_phieu and p.so_phieu in da_thay:
            khong_hl.append(PhieuKhongHopLe(p.so_phieu, f"trùng số với một phiếu đã kiểm (số {p.so_phieu})"))
            continue
        da_thay.add(p.so_phieu)
        doc = {}
        loi = None
        for uv, dau in p.danh_dau.items():
            d = doc_dau(dau)
            if d is None:
                ten = ten_ung_vien(uv) if ten_ung_vien else uv[0]
                loi = PhieuKhongHopLe(p.so_phieu, f"một ô đánh dấu không đọc được (ghi “{dau}” ở dòng của {ten})",
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
                if p.hinh_thuc == BANG_VAN_BAN:
                    dong_y_vb[uv] += 1
    tai_hop = len(phieu) - van_ban
    phat_ra = max(co_mat, tai_hop) + (van_ban if so_vang_van_ban is None else max(so_vang_van_ban, van_ban))
    return KetQuaKiemPhieu(tong_thanh_vien, co_mat, phat_ra, len(phieu), hop_le, dong_y, khong_hl, "PhieuBau",
                           van_ban, dong_y_vb)


def kiem_phieu_tay(so_phieu: dict[UngVien, int], tong_thanh_vien: int, co_mat: int,
                   hop_le: int | None = None, van_ban: int = 0) -> KetQuaKiemPhieu:
    """Totals counted by hand (sheet KiemPhieu); ``van_ban`` written opinions are included in the totals."""
    hl = co_mat + van_ban if hop_le is None else hop_le
    return KetQuaKiemPhieu(tong_thanh_vien, co_mat, co_mat + van_ban, hl, hl, dict(so_phieu), [], "KiemPhieu",
                           van_ban)


def viet_tat_can_cu(can_cu: str) -> str:
    """"Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7 (…)" → "NĐ 98/2023 Điều 30 khoản 7"."""
    s = can_cu.split(" (")[0]
    s = re.sub(r"Nghị định (\d+/\d{4})/NĐ-CP,?", r"NĐ \1", s)
    return s.strip()


def ghi_chu_can_cu(gt: GiaTriThamSo) -> str:
    """How a threshold is marked beside the vote: "(NĐ 98/2023 Điều 30 khoản 7)" when the law sets it,
    "(quy chế, theo NĐ 98/2023 Điều 30 khoản 7)" when thidua's default follows it, "(Quy chế của cơ quan)"."""
    if gt.nguon == NGUON_CO_QUAN:
        return "(Quy chế của cơ quan)"
    if gt.nguon == NGUON_MAC_DINH:
        dau = gt.can_cu.split(":")[0].strip()
        return f"({dau})" if dau.lower().startswith("quy chế") else "(quy chế)"
    return f"({viet_tat_can_cu(gt.can_cu)})"


@dataclass(frozen=True)
class KetQuaPhieu:
    """One candidate's vote, decided once (SPEC §4 ``phieu``): agreeing votes (of which written), the denominator,
    the threshold and its basis, the quorum. ``dat`` is false when the meeting had no quorum."""

    dong_y: int
    mau_so: int
    nguong: Fraction
    loai_mau_so: str
    du_so_nguoi: bool = True
    van_ban: int = 0  # agreeing written opinions among dong_y
    co_mat: int = 0
    tong_thanh_vien: int = 0
    toi_thieu_co_mat: Fraction = Fraction(0)
    ghi_chu_nguong: str = ""

    @cached_property
    def ty_le(self) -> Fraction:  # cached: a frozen value, read by every face of the round (Fractions are slow)
        return Fraction(self.dong_y, self.mau_so) if self.mau_so else Fraction(0)

    @cached_property
    def dat_nguong(self) -> bool:
        return self.mau_so > 0 and self.ty_le >= self.nguong

    @property
    def dat(self) -> bool:
        return self.du_so_nguoi and self.dat_nguong

    @property
    def so_phieu_can(self) -> int:
        """The smallest number of agreeing votes that passes: ceil(threshold × denominator)."""
        tich = self.nguong * self.mau_so
        return -(-tich.numerator // tich.denominator)

    @property
    def mo_ta_nguong(self) -> str:
        """"80 % tổng số thành viên Hội đồng (NĐ 98/2023 Điều 30 khoản 7)"."""
        mau = TEN_LUA_CHON.get(self.loai_mau_so, self.loai_mau_so)
        return f"{hien_thi_gia_tri(self.nguong)} {mau}" + (f" {self.ghi_chu_nguong}" if self.ghi_chu_nguong else "")

    def mo_ta(self) -> str:
        return _mo_ta_phieu(self)

    def _mo_ta(self) -> str:
        if not self.du_so_nguoi:
            return (f"Cuộc họp chỉ có {self.co_mat}/{self.tong_thanh_vien} thành viên có mặt, dưới mức tối thiểu "
                    f"{hien_thi_gia_tri(self.toi_thieu_co_mat)} (ý kiến bằng văn bản không tính là có mặt): kết quả "
                    "bỏ phiếu không có giá trị")
        vb = f", trong đó {self.van_ban} bằng văn bản" if self.van_ban else ""
        chu = (f"Được {self.dong_y}/{self.mau_so} phiếu đồng ý{vb} ({dinh_dang_ty_le(float(self.ty_le))}), "
               f"{'đạt' if self.dat_nguong else 'dưới'} ngưỡng {self.mo_ta_nguong}")
        if not self.dat_nguong:
            chu += f" (cần ít nhất {self.so_phieu_can} phiếu)"
        return chu

    def as_dict(self) -> dict[str, object]:
        return {"dong_y": self.dong_y, "mau_so": self.mau_so, "ty_le": round(float(self.ty_le), 4),
                "nguong": round(float(self.nguong), 4), "dat": self.dat, "loai_mau_so": self.loai_mau_so,
                "du_so_nguoi": self.du_so_nguoi, "van_ban": self.van_ban, "so_phieu_can": self.so_phieu_can,
                "can_cu_nguong": self.ghi_chu_nguong.strip("()")}


@lru_cache(maxsize=4096)
def _mo_ta_phieu(p: KetQuaPhieu) -> str:
    """The sentence of a vote, once per distinct vote (equal votes — 11/11 of the same threshold — are one key: a
    20,000-staff round has 12,000 results and a few hundred distinct votes)."""
    return p._mo_ta()


def du_so_nguoi(kq: KetQuaKiemPhieu, ty_le_toi_thieu: Fraction) -> bool:
    """Quorum: members present at the meeting ≥ the minimum share of all members (written opinions are votes,
    not presence — DOMAIN.md §12)."""
    return kq.tong_thanh_vien > 0 and Fraction(kq.co_mat, kq.tong_thanh_vien) >= ty_le_toi_thieu


def ket_qua_phieu(kp: KetQuaKiemPhieu, uv: UngVien, ts: ThamSoApDung) -> KetQuaPhieu | None:
    """THE vote result of one candidate for one code: the only place a vote is judged. None when the candidate
    is not on the ballots."""
    if uv not in kp.dong_y:
        return None
    loai_mau = ts("binh_xet.mau_so")
    gt = ts.chi_tiet(f"binh_xet.nguong.{uv[1]}")
    toi_thieu = ts("binh_xet.ty_le_co_mat_toi_thieu")
    return KetQuaPhieu(kp.dong_y[uv], kp.mau_so(loai_mau), gt.gia_tri, loai_mau, du_so_nguoi(kp, toi_thieu),
                       kp.dong_y_van_ban.get(uv, 0), kp.co_mat, kp.tong_thanh_vien, toi_thieu, ghi_chu_can_cu(gt))


THAM_SO_PHIEU = ("binh_xet.mau_so", "binh_xet.ty_le_co_mat_toi_thieu")  # read by every vote (for citations)


def so_chi_tieu(ty_le: Fraction, co_so: int, cach_lam_tron: str) -> int:
    """Quota = ratio × base, rounded as the QuyChe says: 15 % of 44 = 6.6 → 6 (xuong), 7 (gan_nhat, len)."""
    tich = ty_le * co_so
    if cach_lam_tron == "len":
        return -(-tich.numerator // tich.denominator)
    if cach_lam_tron == "gan_nhat":
        return int(tich + Fraction(1, 2)) if tich >= 0 else int(tich)
    return tich.numerator // tich.denominator


# ---- ranking at a quota cut -------------------------------------------------------------------------------

def khoa_xep_hang(dong_y: int, bac_xep_loai: int = 0, bac_thanh_tich: int = 0) -> tuple[int, int, int]:
    """The ranking key at a quota cut (DOMAIN.md §10, quy chế): agreeing votes, then the rating, then the level
    of the initiative or research. Higher is better. Names never break a tie: the council does."""
    return (dong_y, bac_xep_loai, bac_thanh_tich)


T = TypeVar("T")

TRONG, NGOAI, HOA = "trong", "ngoai", "hoa"


@dataclass
class KetQuaCat(Generic[T]):
    """The cut: inside, outside, the group tied at the cut; and each candidate's rank (equal keys share a rank:
    1, 2, 2, 4)."""

    trong: list[T]
    ngoai: list[T]
    hoa_tai_diem_cat: list[T]
    hang: dict[int, int] = field(default_factory=dict)  # id(candidate) → rank
    thu_tu: list[T] = field(default_factory=list)  # best first
    gioi_han: int = 0

    @property
    def so_cho_con_lai(self) -> int:
        """Places left for the tied group once the candidates above it are in."""
        return max(0, self.gioi_han - len(self.trong))

    def vi_tri(self, x: T) -> str:
        if any(x is y for y in self.hoa_tai_diem_cat):
            return HOA
        return TRONG if any(x is y for y in self.trong) else NGOAI


def cat_chi_tieu(ung_vien: Sequence[T], khoa: Callable[[T], Hashable], gioi_han: int,
                 thu_tu_hien_thi: Callable[[T], Any] | None = None) -> KetQuaCat[T]:
    """THE ranking: keep the best ``gioi_han`` by ``khoa`` (higher is better). A group tied at the cut is kept
    out and returned in ``hoa_tai_diem_cat``: the council decides between them, never the input order. The
    decision (``xet``) and the Excel function TD_XEPHANG both call this, so a tie gets the same answer in both.
    ``thu_tu_hien_thi`` orders equal keys for display only (e.g. by name)."""
    phu: Callable[[T], Any] = thu_tu_hien_thi or (lambda _x: 0)
    xep = sorted(ung_vien, key=lambda x: phu(x))
    xep = sorted(xep, key=khoa, reverse=True)  # type: ignore[arg-type]  # keys are tuples; stable: display order kept inside equal keys
    trong: list[T] = []
    ngoai: list[T] = []
    hoa: list[T] = []
    hang: dict[int, int] = {}
    i = 0
    da_cat = False  # once a group does not fit, every group below it is out
    while i < len(xep):
        j = i
        while j < len(xep) and khoa(xep[j]) == khoa(xep[i]):
            j += 1
        nhom = xep[i:j]
        for x in nhom:
            hang[id(x)] = i + 1
        if not da_cat and len(trong) + len(nhom) <= gioi_han:
            trong += nhom
        elif not da_cat and len(trong) < gioi_han:
            hoa += nhom
            da_cat = True
        else:
            ngoai += nhom
            da_cat = True
        i = j
    return KetQuaCat(trong, ngoai, hoa, hang, xep, gioi_han)


def uu_tien_theo_luat(gioi_tinh: str | None = None, ty_le_nu: Fraction | None = None,
                      nguong_nu_tap_the: Fraction = Fraction(7, 10)) -> bool:
    """ND 152/2025 Art. 4(6): among equal candidates priority goes to women, and to collectives in which women
    are at least 70 % of the members. Returns whether this candidate is the one the law favours."""
    if gioi_tinh is not None:
        return khoa_so_khop(gioi_tinh) == "nu"
    return ty_le_nu is not None and ty_le_nu >= nguong_nu_tap_the
