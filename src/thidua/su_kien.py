"""The v2 facts as the criteria use them (DOMAIN.md §12): continuous service and leave, the initiatives of a
person and year (SangKien register or the shorthand columns), which initiative an earlier title already used,
and the years a discipline keeps out of the count (ND 152/2025 Art. 4).

Pure functions over the records; the criteria in ``tieu_chuan`` call them and word the reasons. Numbers that
come from the law (months, kinds of leave that count) are passed in from the parameters, never fixed here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .danh_muc import MucDo
from .mo_hinh import CaNhan, KyNghi, MucKyLuat, SoTheoDoi
from .tieng_viet import khoa_so_khop


def cong_thang(ngay: dt.date, so_thang: int) -> dt.date:
    """``ngay`` + ``so_thang`` months (the last day of a shorter month when the day does not exist)."""
    thang = ngay.month - 1 + so_thang
    nam, thang = ngay.year + thang // 12, thang % 12 + 1
    ngay_cuoi = [31, 29 if nam % 4 == 0 and (nam % 100 != 0 or nam % 400 == 0) else 28, 31, 30, 31, 30,
                 31, 31, 30, 31, 30, 31][thang - 1]
    return dt.date(nam, thang, min(ngay.day, ngay_cuoi))


def dd(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


# ---- service and leave -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ThoiGianCongTac:
    """Where the continuous service counted for the recruit rule starts, and how it was found."""

    bat_dau: dt.date | None
    mo_ta: str  # "tuyển dụng ngày 01/09/2025, hợp đồng tại cơ quan từ 02/01/2025"
    chuyen_den: bool  # transferred in: time at the former agency counts


def bat_dau_cong_tac(cn: CaNhan) -> ThoiGianCongTac:
    """Continuous service: a contract in this agency before recruitment counts (``Ngày vào cơ quan`` before
    ``Ngày tuyển dụng``); for a transfer (``Cơ quan trước``) the time at the former agency counts, so the
    service starts at recruitment, wherever it happened."""
    td, vao = cn.ngay_tuyen_dung, cn.ngay_vao_co_quan
    if cn.co_quan_truoc:
        den = f"chuyển đến{' ngày ' + dd(vao) if vao else ''} từ {cn.co_quan_truoc}"
        if td is not None and (vao is None or td <= vao):
            return ThoiGianCongTac(td, f"tuyển dụng ngày {dd(td)}, {den} (thời gian ở cơ quan cũ được tính)", True)
        return ThoiGianCongTac(None, den, True)
    if td is not None and vao is not None and vao < td:
        return ThoiGianCongTac(vao, f"tuyển dụng ngày {dd(td)}, hợp đồng liên tục tại cơ quan từ {dd(vao)}", False)
    if td is not None:
        return ThoiGianCongTac(td, f"tuyển dụng ngày {dd(td)}", False)
    if vao is not None:
        return ThoiGianCongTac(vao, f"vào cơ quan ngày {dd(vao)}", False)
    return ThoiGianCongTac(None, "", False)


def chia_nghi(nghi: Iterable[KyNghi], loai_duoc_tinh: Iterable[str]) -> tuple[list[KyNghi], list[KyNghi]]:
    """(leave that counts as working time, leave that does not), by the kinds the parameter lists."""
    tinh = {khoa_so_khop(x) for x in loai_duoc_tinh}
    co: list[Any] = []
    khong: list[Any] = []
    for k in nghi:
        (co if khoa_so_khop(k.loai.ten) in tinh else khong).append(k)
    return co, khong


def du_thang(bat_dau: dt.date, so_thang: int, nam: int, tru_ngay: int = 0) -> bool:
    """Whether ``so_thang`` months of service (minus ``tru_ngay`` days of leave that does not count) are
    complete by 31/12 of ``nam``."""
    return cong_thang(bat_dau, so_thang) + dt.timedelta(days=tru_ngay) <= dt.date(nam + 1, 1, 1)


# ---- initiatives -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SangKienDung:
    """One initiative or research as the rules count it: a SangKien register row, or the shorthand level of a
    CaNhan/LichSu row (unnamed)."""

    nam: int
    cap: MucDo
    mo_ta: str
    khoa: tuple[object, ...]

    @property
    def thu_tu(self) -> tuple[int, int, str]:
        return (self.cap.bac, self.nam, self.mo_ta)


def cac_sang_kien(so: SoTheoDoi, ma: str, y: int, cn: CaNhan | None = None) -> list[SangKienDung]:
    """The initiatives of a person for year ``y``, lowest level first. The register (SangKien) is the source
    when it has rows for that person and year; else the shorthand: this year's CaNhan ``Sáng kiến``/``Đề tài``
    (``cn`` given), or the ledger's ``Sáng kiến`` column (one initiative per ledger row)."""
    so_cai = so.cac_sang_kien_so(ma, y)
    if so_cai:
        ds = [SangKienDung(s.nam, s.cap, s.mo_ta(), ("so", s.ma, s.nam, khoa_so_khop(s.ten, giu_dau=True)))
              for s in so_cai]
    elif cn is not None:
        ds = []
        if cn.sang_kien is not None:
            ds.append(SangKienDung(y, cn.sang_kien, f"sáng kiến cấp {cn.sang_kien.ten.lower()} năm {y} (cột Sáng kiến)",
                                   ("tat", ma, y, "sk")))
        if cn.de_tai is not None:
            ds.append(SangKienDung(y, cn.de_tai, f"đề tài cấp {cn.de_tai.ten.lower()} năm {y} (cột Đề tài)",
                                   ("tat", ma, y, "dt")))
    else:
        ds = [SangKienDung(y, c, f"sáng kiến cấp {c.ten.lower()} năm {y} (sổ theo dõi)", ("tat", ma, y, i))
              for i, c in enumerate(so.cap_sang_kien_so_cai(ma, y))]
    return sorted(ds, key=lambda s: s.thu_tu)


def cap_cao_nhat(so: SoTheoDoi, cn: CaNhan, nam: int) -> MucDo | None:
    """The highest level among this year's initiatives and research (register, else the shorthand columns)."""
    ds = cac_sang_kien(so, cn.ma, nam, cn)
    return max((s.cap for s in ds), key=lambda c: c.bac) if ds else None


def ten_ds(ds: Iterable[SangKienDung]) -> str:
    return "; ".join(s.mo_ta for s in ds)


def sang_kien_da_dung_cho_cstdt(so: SoTheoDoi, ma: str, nam_cstdt: Iterable[int], so_nam: int,
                                lay: Callable[[int], list[SangKienDung]], cap_toi_thieu: int
                                ) -> dict[tuple[object, ...], tuple[SangKienDung, int]]:
    """The initiative each earlier CSTĐ tỉnh (in ``nam_cstdt``) relied on: the highest level at or above the
    province level, most recent first, among those of its counted years, else of any earlier year not used yet.
    Returns {initiative key: (initiative, the CSTĐ tỉnh year)}."""
    da_dung: dict[tuple[object, ...], tuple[SangKienDung, int]] = {}
    for z in sorted(nam_cstdt):
        def hop_le(s: SangKienDung) -> bool:
            return s.cap.bac >= cap_toi_thieu and s.khoa not in da_dung

        trong_chuoi = [s for y in range(z - so_nam + 1, z + 1) for s in lay(y) if hop_le(s)]
        truoc = [s for y in range(z - so_nam - 30, z - so_nam + 1) for s in lay(y) if hop_le(s)]
        ung = trong_chuoi or truoc
        if ung:
            chon = max(ung, key=lambda s: (s.cap.bac, s.nam))
            da_dung[chon.khoa] = (chon, z)
    return da_dung


# ---- discipline -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class KyLuatTinh:
    """A discipline as the chains see it: the first year it touches, the day it ends, and its words."""

    nam_dau: int
    het: dt.date
    muc: MucDo
    mo_ta: str
    nam_quyet_dinh: int | None = None  # the year of the decision (a KyLuat row's), else unknown

    def anh_huong(self, y: int) -> bool:
        """Year ``y`` cannot count toward a chain: it starts before the discipline ends (ND 152/2025 Art. 4)."""
        return self.nam_dau <= y and dt.date(y, 1, 1) < self.het


def cac_ky_luat(so: SoTheoDoi, ma: str, thoi_han_thang: Callable[[], int]) -> list[KyLuatTinh]:
    """Every discipline of a person or unit: KyLuat rows (end = Ngày hết hiệu lực, else the decision date plus
    the default term), and the ledger's Kỷ luật column (the whole year)."""
    ds: list[KyLuatTinh] = []
    for k in so.cac_ky_luat(ma):
        nam = k.nam
        if nam is None:
            continue
        if k.ngay_het_hieu_luc is not None:
            het = k.ngay_het_hieu_luc
        elif k.ngay_quyet_dinh is not None:
            het = cong_thang(k.ngay_quyet_dinh, thoi_han_thang())
        else:
            het = dt.date(nam + 1, 1, 1)
        ds.append(KyLuatTinh(nam, het, k.hinh_thuc, mo_ta_ky_luat(k, het),
                             k.ngay_quyet_dinh.year if k.ngay_quyet_dinh else None))
    for nam, muc in so.ky_luat_so_cai(ma):
        ds.append(KyLuatTinh(nam, dt.date(nam + 1, 1, 1), muc, f"năm {nam} ({muc.ten}, sổ theo dõi)"))
    return ds


def mo_ta_ky_luat(k: MucKyLuat, het: dt.date) -> str:
    """"năm 2024 (Khiển trách, QĐ 12/QĐ-SNNMT, ngày 01/03/2024, hết hiệu lực 01/03/2025)"."""
    phan = [k.hinh_thuc.ten]
    if k.so_quyet_dinh:
        phan.append(f"QĐ {k.so_quyet_dinh}")
    if k.ngay_quyet_dinh:
        phan.append(f"ngày {dd(k.ngay_quyet_dinh)}")
    phan.append(f"hết hiệu lực {dd(het)}")
    return f"năm {k.nam} (" + ", ".join(phan) + ")"


def ky_luat_nam(so: SoTheoDoi, ma: str, y: int) -> MucKyLuat | None:
    """The heaviest KyLuat row of year ``y`` (the year of the act, else of the decision)."""
    ds = [k for k in so.cac_ky_luat(ma) if k.nam == y]
    return max(ds, key=lambda k: k.hinh_thuc.bac) if ds else None


def nam_tinh_tu(ds: Iterable[KyLuatTinh]) -> int | None:
    """The first year whose achievements count again after every discipline (None: no discipline)."""
    nam = [k.het.year + (0 if k.het == dt.date(k.het.year, 1, 1) else 1) for k in ds]
    return max(nam) if nam else None
