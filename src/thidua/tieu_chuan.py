"""Eligibility criteria, one small function per title, each beside the article it implements.

A criterion reads the parameters in force through ``DanhGia.p`` so that its citation, and whether the value
is only a *(quy chế)* default, travels with the result. Every failed criterion is reported, not just the
first; criteria no data can check are listed as assumed (DOMAIN.md §10).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from fractions import Fraction
from typing import Any, Protocol

from .danh_muc import CAP_CONG_NHAN, DANH_HIEU, XEP_LOAI, DanhHieu, MucDo
from .mo_hinh import CaNhan, SoTheoDoi, TapThe
from .su_kien import (
    KyLuatTinh,
    SangKienDung,
    bat_dau_cong_tac,
    cac_ky_luat,
    cac_sang_kien,
    cap_cao_nhat,
    chia_nghi,
    dd,
    du_thang,
    ky_luat_nam,
    nam_tinh_tu,
    sang_kien_da_dung_cho_cstdt,
    ten_ds,
)
from .tham_so import ThamSoApDung, hien_thi_gia_tri
from .tieng_viet import dinh_dang_so, dinh_dang_ty_le

HTXSNV, HTTNV, HTNV = XEP_LOAI["HTXSNV"], XEP_LOAI["HTTNV"], XEP_LOAI["HTNV"]
CO_SO, TINH, TOAN_QUOC = CAP_CONG_NHAN["CO_SO"], CAP_CONG_NHAN["TINH"], CAP_CONG_NHAN["TOAN_QUOC"]


class NguCanh(Protocol):
    """What a criterion may know besides the row itself (implemented by ``xet.PhienXet``)."""

    nam: int
    ngay_quyet_dinh: dt.date
    ts: ThamSoApDung
    so_theo_doi: SoTheoDoi

    def dat_nam_nay(self, ma: str, ma_danh_hieu: str) -> bool: ...

    def thanh_vien(self, ma_don_vi: str) -> Sequence[CaNhan]: ...


class KetQuaTieuChi(StrEnum):
    """How one criterion came out."""

    DAT = "dat"
    KHONG_DAT = "khong_dat"
    GIA_DINH = "gia_dinh"  # no data can check it: assumed met (DOMAIN.md §10)


@dataclass(frozen=True, slots=True)
class TieuChi:
    """One criterion of one eligibility answer, as data: what it says for this case, how it came out, the facts
    it used (parameters in force and values read), its citation, and whether it rests on a *(quy chế)* default
    rather than the law. The reasons a face prints are rendered from these (``ket_xuat.ly_do``)."""

    noi_dung: str
    ket_qua: KetQuaTieuChi
    du_kien: tuple[tuple[str, object], ...] = ()
    can_cu: str = ""
    theo_quy_che: bool = False
    con: tuple[TieuChi, ...] = ()  # the criteria of a standard checked inside this one (LĐTT inside CSTĐCS)

    @property
    def dat(self) -> bool:
        return self.ket_qua != KetQuaTieuChi.KHONG_DAT


@dataclass
class DanhGia:
    """One eligibility answer, built as the criteria run: the criteria (data), every citation used and the
    *(quy chế)* values it rests on."""

    danh_hieu: DanhHieu
    ts: ThamSoApDung
    tieu_chi: list[TieuChi] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    theo_quy_che: list[str] = field(default_factory=list)
    _du_kien: list[tuple[str, object]] = field(default_factory=list, repr=False)  # read since the last criterion
    _quy_che: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        # every result cites the texts in force on its decision date (DOMAIN.md §12, "Citations per period")
        for v in self.ts("can_cu.van_ban_ap_dung"):
            self.them_can_cu(v)

    @property
    def du_dieu_kien(self) -> bool:
        return all(t.dat for t in self.tieu_chi)

    @property
    def dat(self) -> list[str]:
        return [t.noi_dung for t in self.tieu_chi if t.ket_qua == KetQuaTieuChi.DAT]

    @property
    def khong_dat(self) -> list[str]:
        return [t.noi_dung for t in self.tieu_chi if t.ket_qua == KetQuaTieuChi.KHONG_DAT]

    @property
    def gia_dinh(self) -> list[str]:
        return [t.noi_dung for t in self.tieu_chi if t.ket_qua == KetQuaTieuChi.GIA_DINH]

    def them_can_cu(self, can_cu: str) -> None:
        """A citation, once: "Điều 23" beside "Điều 23 (HTXSNV hoặc sáng kiến hoặc đề tài)" is the same article (a
        reviewer: "Điều 23 (…); Điều 23" in ket-qua.xlsx) — the explained one stays."""
        if not can_cu or can_cu in self.can_cu:
            return
        dieu, co_giai_thich, _ = can_cu.partition(" (")
        if co_giai_thich:  # the explained one replaces its bare article, if cited
            if dieu in self.can_cu:
                self.can_cu[self.can_cu.index(dieu)] = can_cu
                return
        elif any(c.startswith(dieu + " (") for c in self.can_cu if " (" in c):  # already cited, explained
            return
        self.can_cu.append(can_cu)

    def p(self, ten: str) -> Any:
        """A parameter's value in force; records its citation, whether it is a quy chế value, and (as a fact
        used) its name and value for the next criterion recorded."""
        gia_tri, can_cu, dong = self.ts.dien_giai(ten)
        self.them_can_cu(can_cu)
        if dong is not None:
            self._quy_che = True
            if dong not in self.theo_quy_che:
                self.theo_quy_che.append(dong)
        self._du_kien.append((ten, gia_tri))
        return gia_tri

    def cc(self, ten: str) -> str:
        """The citation of a criterion: the value of the parameter ``can_cu.<ten>`` in force (the law's name
        and article live in ``params/can_cu/``, never in the code)."""
        gia_tri, _, dong = self.ts.dien_giai(f"can_cu.{ten}")
        if dong is not None:  # a period without a text of its own: the citation is a quy chế reading
            self._quy_che = True
            self.theo_quy_che_mac_dinh(f"Căn cứ: {gia_tri} (quy chế mặc định)")
        return str(gia_tri)

    def _ghi(self, noi_dung: str, ket_qua: KetQuaTieuChi, can_cu: str, du_kien: dict[str, object] | None,
             quy_che: bool, con: tuple[TieuChi, ...] = ()) -> None:
        self.them_can_cu(can_cu)
        tc = TieuChi(noi_dung, ket_qua, (*self._du_kien, *(du_kien or {}).items()), can_cu,
                     quy_che or self._quy_che, con)
        self.tieu_chi.append(tc)
        self._du_kien, self._quy_che = [], False

    def kiem(self, dieu_kien: bool, dat: str, khong_dat: str, can_cu: str = "", *,
             du_kien: dict[str, object] | None = None, quy_che: bool = False) -> bool:
        """Record one checked criterion: ``dat`` when it holds, ``khong_dat`` when it does not."""
        self._ghi(dat if dieu_kien else khong_dat, KetQuaTieuChi.DAT if dieu_kien else KetQuaTieuChi.KHONG_DAT,
                  can_cu, du_kien, quy_che)
        return dieu_kien

    def gia_su(self, tieu_chi: str, can_cu: str, *, quy_che: bool = False) -> None:
        """Record a criterion no data can check: assumed met."""
        self._ghi(tieu_chi, KetQuaTieuChi.GIA_DINH, can_cu, None, quy_che)

    def theo_quy_che_mac_dinh(self, dong: str) -> None:
        """A reading of the law that is only a quy chế default (not a parameter value)."""
        if dong not in self.theo_quy_che:
            self.theo_quy_che.append(dong)

    def gop(self, con: DanhGia, tien_to: str) -> bool:
        """Merge a sub-evaluation (e.g. the LĐTT standard inside CSTĐCS): one criterion "<tien_to>: đạt", or one
        per failed sub-criterion; assumed sub-criteria stay assumed."""
        for c in con.can_cu:
            self.them_can_cu(c)
        for q in con.theo_quy_che:
            self.theo_quy_che_mac_dinh(q)
        quy_che = any(t.theo_quy_che for t in con.tieu_chi)
        if con.du_dieu_kien:
            self._ghi(f"{tien_to}: đạt", KetQuaTieuChi.DAT, "", None, quy_che, tuple(con.tieu_chi))
        else:
            for t in con.tieu_chi:
                if t.ket_qua == KetQuaTieuChi.KHONG_DAT:
                    self.tieu_chi.append(TieuChi(f"{tien_to}: {t.noi_dung}", t.ket_qua, t.du_kien, t.can_cu,
                                                 t.theo_quy_che, t.con))
        for t in con.tieu_chi:
            if t.ket_qua == KetQuaTieuChi.GIA_DINH and t.noi_dung not in self.gia_dinh:
                self.tieu_chi.append(t)
        return con.du_dieu_kien


def _ten_xep_loai(m: MucDo | None) -> str:
    return m.ma if m else "chưa có"


def _ky_luat_tinh(ma: str, dg: DanhGia, nc: NguCanh) -> list[KyLuatTinh]:
    """The disciplines of a person or unit as the chains see them (the default term is read only when a KyLuat
    row has no end date)."""
    return cac_ky_luat(nc.so_theo_doi, ma, lambda: dg.p("tieu_chuan.ky_luat_thoi_han_thang"))


def ky_luat_trong_nam(cn: CaNhan, nc: NguCanh) -> MucDo | None:
    """This year's discipline: the CaNhan column, or a KyLuat row of this year (the heavier)."""
    kl = ky_luat_nam(nc.so_theo_doi, cn.ma, nc.nam)
    cap = [m for m in (cn.ky_luat, kl.hinh_thuc if kl else None) if m is not None]
    return max(cap, key=lambda m: m.bac) if cap else None


def _chia_nghi(cn: CaNhan, dg: DanhGia) -> tuple[list, list]:
    """(leave that counts as working time, leave that does not); the parameter is cited only when the person
    has leave."""
    if not cn.nghi:
        return [], []
    gt = dg.ts.chi_tiet("tieu_chuan.LDTT.loai_nghi_duoc_tinh")
    dg.them_can_cu(gt.can_cu)
    if gt.la_mac_dinh_quy_che:
        dg.theo_quy_che_mac_dinh(f"Loại nghỉ được tính là thời gian công tác: {', '.join(gt.gia_tri)} "
                                 "(quy chế mặc định)")
    return chia_nghi(cn.nghi, gt.gia_tri)


def _sang_kien(cn: CaNhan, nc: NguCanh, y: int) -> list[SangKienDung]:
    return cac_sang_kien(nc.so_theo_doi, cn.ma, y, cn if y == nc.nam else None)


# ---- individuals ----------------------------------------------------------------------------------------------

def khong_dang_xem_xet(dt_: CaNhan | TapThe, dg: DanhGia) -> bool:
    """ND 152/2025 Art. 4: no commendation, nor proposal, while a disciplinary case, an inspection or an
    investigation about the person or the unit is pending (TapThe ``Đang xem xét`` too). Reported only when it
    bites."""
    if dt_.dang_xem_xet:
        dg.kiem(False, "", "Đang bị xem xét kỷ luật, thanh tra hoặc điều tra: chưa xét khen thưởng đợt này",
                dg.cc("dang_xem_xet"), du_kien={"dang_xem_xet": True})
    return not dt_.dang_xem_xet


def _thoi_gian_cong_tac(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """TT 01/2024 Art. 1(5)(d): recruits of fewer than 6 months are not considered. Continuous contract work in
    the same agency and, for a transfer, the time at the former agency count (MOHA answer; practice); leave for
    maternity, injury on duty and training counts, other leave is taken off the service (DOMAIN.md §12)."""
    so_thang = dg.p("tieu_chuan.LDTT.thang_tuyen_dung_toi_thieu")
    can_cu_thang = dg.ts.dien_giai("tieu_chuan.LDTT.thang_tuyen_dung_toi_thieu")[1]
    nghi_tinh, nghi_khong = _chia_nghi(cn, dg)
    tru = sum(k.so_ngay for k in nghi_khong)
    tg = bat_dau_cong_tac(cn)
    if nghi_tinh:
        dg.kiem(True, "Nghỉ " + ", ".join(k.mo_ta() for k in nghi_tinh) + ": được tính là thời gian công tác", "",
                dg.cc("LDTT.thoi_gian_cong_tac"), du_kien={"nghi_duoc_tinh": tuple(k.mo_ta() for k in nghi_tinh)})
    if tg.bat_dau is None:
        if tg.chuyen_den:
            dg.gia_su(f"Đủ thời gian công tác: {tg.mo_ta}, thời gian ở cơ quan cũ được tính (không có Ngày tuyển "
                      "dụng để tính)", dg.cc("LDTT.thoi_gian_cong_tac"))
        else:
            dg.gia_su("Thời gian công tác đủ để xét (không có Ngày tuyển dụng)", can_cu_thang)
        return
    lien_tuc = tg.chuyen_den or tg.bat_dau != cn.ngay_tuyen_dung
    can_cu = can_cu_thang
    if lien_tuc:
        dg.them_can_cu(can_cu_thang)
        can_cu = dg.cc("LDTT.thoi_gian_cong_tac")
    tru_chu = f", trừ {tru} ngày nghỉ không được tính ({', '.join(k.mo_ta() for k in nghi_khong)})" if tru else ""
    mo_ta = tg.mo_ta[0].upper() + tg.mo_ta[1:]
    dg.kiem(du_thang(tg.bat_dau, so_thang, nc.nam, tru), f"{mo_ta}{tru_chu}: đủ {so_thang} tháng đến 31/12/{nc.nam}",
            f"{mo_ta}{tru_chu}: chưa đủ {so_thang} tháng công tác đến 31/12/{nc.nam}", can_cu,
            du_kien={"bat_dau_cong_tac": tg.bat_dau, "ngay_tuyen_dung": cn.ngay_tuyen_dung,
                     "ngay_vao_co_quan": cn.ngay_vao_co_quan, "co_quan_truoc": cn.co_quan_truoc or None,
                     "ngay_nghi_khong_tinh": tru})


def tieu_chuan_lao_dong_tien_tien(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 24(1): LĐTT for those who complete their tasks at "hoàn thành tốt" or better and are
    self-reliant, united, active in the emulation movements; TT 01/2024 Art. 1(5)(d): recruits of fewer than
    6 months are not considered (continuous service and leave per DOMAIN.md §12); discipline ≥ khiển trách
    excludes (quy chế default, DOMAIN.md §10); long leave excludes only when the agency's QuyChe says so."""
    dg.kiem(cn.xep_loai is not None and cn.xep_loai.bac >= HTTNV.bac,
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)} (từ HTTNV trở lên)",
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            dg.cc("LDTT.xep_loai"), du_kien={"xep_loai": _ten_xep_loai(cn.xep_loai)})
    _thoi_gian_cong_tac(cn, dg, nc)
    _, nghi_khong = _chia_nghi(cn, dg)
    if nghi_khong:
        toi_da = dg.p("tieu_chuan.LDTT.so_ngay_nghi_toi_da")
        tong = sum(k.so_ngay for k in nghi_khong)
        if toi_da:
            dg.kiem(tong <= toi_da, f"Nghỉ không được tính {tong} ngày, không quá {toi_da} ngày",
                    f"Nghỉ {', '.join(k.mo_ta() for k in nghi_khong)} (tổng {tong} ngày không được tính là thời gian "
                    f"công tác) quá {toi_da} ngày theo Quy chế: không xét LĐTT", du_kien={"ngay_nghi_khong_tinh": tong})
    muc = dg.p("tieu_chuan.LDTT.ky_luat_loai_tru")
    kl = ky_luat_trong_nam(cn, nc)
    dg.kiem(kl is None or kl.bac < muc.bac,
            "Không bị kỷ luật trong năm" if kl is None else f"Kỷ luật {kl.ten} dưới mức loại trừ",
            f"Bị kỷ luật {kl.ten.lower() if kl else ''} trong năm (từ mức {muc.ten.lower()} trở lên không được xét)",
            du_kien={"ky_luat": kl.ten if kl else None})
    # a discipline decided in an earlier year and still running into this one: the year's achievement counts only
    # from its end (ND 152/2025 Art. 4), as the chains and the units read it (a legal review: the same year was
    # rewarded here and "not counted" for the chain in one run). One decided this year for last year's act is that
    # year's, not counted again (DOMAIN §2.3, the sector rule; tests/scenarios/su_kien/ky_luat.yaml).
    keo_dai = [k for k in _ky_luat_tinh(cn.ma, dg, nc) if k.nam_dau < nc.nam and k.anh_huong(nc.nam)
               and k.nam_quyet_dinh is not None and k.nam_quyet_dinh < nc.nam
               and k.muc.bac >= muc.bac] if nc.so_theo_doi.cac_ky_luat(cn.ma) else []
    if keo_dai:
        k = max(keo_dai, key=lambda x: x.het)
        dg.kiem(False, "", f"Còn trong thời hạn kỷ luật từ năm trước ({k.mo_ta}): thành tích chỉ tính từ sau khi hết "
                f"kỷ luật, nên năm {nc.nam} chưa được xét", dg.cc("ky_luat_trong_chuoi"),
                du_kien={"ky_luat_con_hieu_luc": k.mo_ta})
    dg.gia_su("Có tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua", dg.cc("LDTT.tinh_than"))


def lao_dong_tien_tien(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 24: "Lao động tiên tiến"."""
    khong_dang_xem_xet(cn, dg)
    tieu_chuan_lao_dong_tien_tien(cn, dg, nc)


def cstdcs_nho_sang_kien(xep_loai: MucDo | None, ts_cuoi_nam: ThamSoApDung) -> bool:
    """Whether a CSTĐCS of a year was earned through the initiative (so the initiative is "used"): the rating
    alone could not earn it — rated below HTXSNV, or the formula of that year made an initiative mandatory."""
    return ts_cuoi_nam("tieu_chuan.CSTDCS.cong_thuc") == "luat_2003" or xep_loai is None or xep_loai.bac < HTXSNV.bac


def _sang_kien_dung_cho_cstdcs(cn: CaNhan, nc: NguCanh, y: int) -> SangKienDung | None:
    """The initiative a CSTĐCS of year ``y`` relied on: none when the rating alone earned it; else the lowest
    one of the year (the higher ones stay free for the province-level titles)."""
    xl = cn.xep_loai if y == nc.nam else nc.so_theo_doi.xep_loai(cn.ma, y)
    if not cstdcs_nho_sang_kien(xl, nc.ts.vao_ngay(dt.date(y, 12, 31))):
        return None
    ds = _sang_kien(cn, nc, y)
    return ds[0] if ds else None


def _ghi_sang_kien_da_dung(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    dung = _sang_kien_dung_cho_cstdcs(cn, nc, nc.nam)
    if dung is not None:
        dg.kiem(True, f"Dùng {dung.mo_ta} cho CSTĐCS: không tính lại cho Bằng khen tỉnh", "",
                du_kien={"sang_kien_da_dung": dung.mo_ta})


def chien_si_thi_dua_co_so_2003(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2003 (amended 2013) Art. 23, for decisions before 01/01/2024: CSTĐCS for those who meet the LĐTT
    standard and have an initiative recognised, or an accepted research topic (mandatory). The initiative relied
    on is named."""
    khong_dang_xem_xet(cn, dg)
    con = DanhGia(DANH_HIEU["LDTT"], dg.ts)
    tieu_chuan_lao_dong_tien_tien(cn, con, nc)
    dg.gop(con, "Tiêu chuẩn LĐTT")
    dg.p("tieu_chuan.CSTDCS.cong_thuc")
    ds = _sang_kien(cn, nc, nc.nam)
    dg.kiem(bool(ds), f"Có {ds[0].mo_ta if ds else ''}",
            "Chưa có sáng kiến hoặc đề tài được công nhận (bắt buộc trước 01/01/2024)", dg.cc("CSTDCS.tieu_chuan"),
            du_kien={"sang_kien": tuple(s.mo_ta for s in ds)})
    _ghi_sang_kien_da_dung(cn, dg, nc)


def chien_si_thi_dua_co_so_2022(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 23, from 01/01/2024: CSTĐCS for those who meet the LĐTT standard and either are rated
    HTXSNV, or have an initiative recognised at unit level, or an accepted research topic. The initiatives are
    named; the one relied on (when the rating alone does not earn it) is not counted again for Bằng khen."""
    khong_dang_xem_xet(cn, dg)
    con = DanhGia(DANH_HIEU["LDTT"], dg.ts)
    tieu_chuan_lao_dong_tien_tien(cn, con, nc)
    dg.gop(con, "Tiêu chuẩn LĐTT")
    dg.p("tieu_chuan.CSTDCS.cong_thuc")
    la_htxs = cn.xep_loai is not None and cn.xep_loai.bac >= HTXSNV.bac
    ds = _sang_kien(cn, nc, nc.nam)
    duong = (["xếp loại HTXSNV"] if la_htxs else []) + ([f"có {ten_ds(ds)}"] if ds else [])
    dg.kiem(bool(duong), "Đạt vì " + ", ".join(duong),
            "Không xếp loại HTXSNV, không có sáng kiến và không có đề tài được công nhận",
            dg.cc("CSTDCS.tieu_chuan"), du_kien={"xep_loai": _ten_xep_loai(cn.xep_loai),
                                                 "sang_kien": tuple(s.mo_ta for s in ds)})
    _ghi_sang_kien_da_dung(cn, dg, nc)


# A rule whose structure changed on a date is two formulas, chosen by the dated parameter
# ``tieu_chuan.CSTDCS.cong_thuc`` (as OpenFisca's ``formula_YYYY_MM``), not a flag inside one function.
CONG_THUC_CSTDCS: dict[str, Callable[[CaNhan, DanhGia, NguCanh], None]] = {
    "luat_2003": chien_si_thi_dua_co_so_2003,
    "luat_2022": chien_si_thi_dua_co_so_2022,
}


def chien_si_thi_dua_co_so(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """CSTĐCS: the formula in force on the decision date (``tieu_chuan.CSTDCS.cong_thuc``)."""
    CONG_THUC_CSTDCS[dg.ts("tieu_chuan.CSTDCS.cong_thuc")](cn, dg, nc)


def _nam_thieu(nc: NguCanh, ma: str, ma_dh: str, cac_nam: range) -> tuple[list[int], list[str]]:
    """Years of ``cac_nam`` without the code, and the đột xuất/chuyên đề awards that were not counted (ND 152/2025
    Art. 4(3))."""
    thieu: list[int] = []
    khong_tinh: list[str] = []
    for y in cac_nam:
        co = nc.dat_nam_nay(ma, ma_dh) if y == nc.nam else nc.so_theo_doi.co(ma, ma_dh, y, tinh_chuoi=True)
        if not co:
            thieu.append(y)
            khong_tinh += [f"{DANH_HIEU[ma_dh].viet_tat} năm {y} là khen {m.loai_khen_thuong.ten.lower()}"
                           for m in nc.so_theo_doi.muc(ma, ma_dh, y) if not m.tinh_chuoi]
    return thieu, khong_tinh


def _khen_dot_xuat(dg: DanhGia, khong_tinh: list[str]) -> str:
    """The words (and citation) for đột xuất/chuyên đề awards left out of a chain."""
    if not khong_tinh:
        return ""
    dg.them_can_cu(dg.cc("khen_dot_xuat"))
    return "; " + "; ".join(khong_tinh) + ", không tính vào các năm liên tục"


def _kiem_ky_luat_chuoi(ma: str, dg: DanhGia, nc: NguCanh, chuoi: range) -> bool:
    """ND 152/2025 Art. 4: achievements count only from the end of a discipline, so a year that starts before a
    discipline ends breaks the chain."""
    ds = _ky_luat_tinh(ma, dg, nc)
    bi = [k for k in ds if any(k.anh_huong(y) for y in chuoi)]
    nam_bi = [y for y in chuoi if any(k.anh_huong(y) for k in bi)]
    return dg.kiem(not bi, "Không bị kỷ luật trong các năm tính thành tích" if not ds else
                   "Kỷ luật đã hết hiệu lực trước các năm tính thành tích",
                   "Bị kỷ luật " + "; ".join(k.mo_ta for k in bi) + ": thành tích chỉ tính từ sau khi hết kỷ luật"
                   f" (từ năm {nam_tinh_tu(bi)}), nên năm " + ", ".join(map(str, nam_bi)) + " không được tính",
                   dg.cc("ky_luat_trong_chuoi"), du_kien={"nam_ky_luat": tuple(nam_bi)})


def _sang_kien_cstdt(cn: CaNhan, nc: NguCanh, cap_toi_thieu: MucDo, so_nam: int
                     ) -> tuple[list[SangKienDung], list[str]]:
    """Initiatives at ``cap_toi_thieu`` or above up to this year, best first, and the lines saying which ones
    an earlier CSTĐ tỉnh already relied on (Law 2022 Art. 5(2): not counted again)."""
    def lay(y: int) -> list[SangKienDung]:
        return _sang_kien(cn, nc, y)

    truoc = [y for y in nc.so_theo_doi.cac_nam(cn.ma, "CSTDT", tinh_chuoi=True) if y < nc.nam]
    da_dung = sang_kien_da_dung_cho_cstdt(nc.so_theo_doi, cn.ma, truoc, so_nam, lay, TINH.bac) if truoc else {}
    ung = [s for y in range(nc.nam - so_nam - 30, nc.nam + 1) for s in lay(y) if s.cap.bac >= cap_toi_thieu.bac]
    con = [s for s in ung if s.khoa not in da_dung]
    bo = [f"{s.mo_ta} đã dùng cho CSTĐ tỉnh năm {da_dung[s.khoa][1]}, không tính lại" for s in ung
          if s.khoa in da_dung]
    return sorted(con, key=lambda s: (-s.cap.bac, -s.nam, s.mo_ta)), bo


def chien_si_thi_dua_tinh(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 22: CSTĐ cấp tỉnh for those chosen among people with CSTĐCS three times in a row, whose
    initiative or research has province-wide effect. Years already counted for an earlier CSTĐ tỉnh are not
    counted again, nor is the initiative it relied on (Art. 5(2), quy chế); đột xuất and chuyên đề awards do not
    count (ND 152 Art. 4(3)); after a discipline, achievements count only from its end (ND 152 Art. 4)."""
    khong_dang_xem_xet(cn, dg)
    n = dg.p("tieu_chuan.CSTDT.so_nam_CSTDCS")
    chuoi = range(nc.nam - n + 1, nc.nam + 1)
    thieu, khong_tinh = _nam_thieu(nc, cn.ma, "CSTDCS", chuoi)
    dg.kiem(not thieu, f"CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]}",
            f"Chưa đạt CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]} (thiếu năm "
            + ", ".join(map(str, thieu)) + ")" + _khen_dot_xuat(dg, khong_tinh), dg.cc("CSTDT.chuoi_CSTDCS"),
            du_kien={"nam_thieu": tuple(thieu)})
    if dg.p("tieu_chuan.CSTDT.khong_tinh_lai_nam_da_dung"):
        da_dung = [y for y in nc.so_theo_doi.cac_nam(cn.ma, "CSTDT", tinh_chuoi=True) if y >= chuoi[0]]
        dg.kiem(not da_dung, "Các năm CSTĐCS chưa được tính cho CSTĐ tỉnh trước đó",
                f"Năm CSTĐCS {chuoi[0]}–{da_dung[-1] if da_dung else ''} đã được tính khi đạt CSTĐ tỉnh năm "
                + ", ".join(map(str, da_dung)) + ", không tính lại",
                dg.ts.dien_giai("tieu_chuan.CSTDT.khong_tinh_lai_nam_da_dung")[1], du_kien={"nam_da_dung": tuple(da_dung)})
    _kiem_ky_luat_chuoi(cn.ma, dg, nc, chuoi)
    con, bo = _sang_kien_cstdt(cn, nc, TINH, n)
    cap = cap_cao_nhat(nc.so_theo_doi, cn, nc.nam)
    hien = f" (hiện cấp {cap.ten.lower()})" if cap and not con and not bo else ""
    if bo:
        dg.them_can_cu(dg.cc("mot_thanh_tich"))
    dg.kiem(bool(con), f"Có {con[0].mo_ta if con else ''}, ảnh hưởng trong tỉnh" + ("; " + "; ".join(bo) if bo else ""),
            "Chưa có sáng kiến hoặc đề tài được công nhận ở cấp tỉnh trở lên" + hien
            + ("; " + "; ".join(bo) if bo else ""), dg.cc("CSTDT.sang_kien"),
            du_kien={"sang_kien": con[0].mo_ta if con else None, "sang_kien_da_dung": tuple(bo)})


def chien_si_thi_dua_toan_quoc(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 21: CSTĐ toàn quốc for those with two consecutive CSTĐ cấp tỉnh (no CSTĐ tỉnh cycle
    missed between them — quy chế reading of "liên tục") whose initiative has nationwide effect; proposed in the
    year right after the decision on the second CSTĐ tỉnh (DOMAIN.md §12, quy chế)."""
    khong_dang_xem_xet(cn, dg)
    so_lan = dg.p("tieu_chuan.CSTDTQ.so_lan_CSTDT")
    chu_ky = dg.p("tieu_chuan.CSTDT.so_nam_CSTDCS")
    nam_dat = [y for y in nc.so_theo_doi.cac_nam(cn.ma, "CSTDT", tinh_chuoi=True) if y <= nc.nam]
    dot_nay = nc.dat_nam_nay(cn.ma, "CSTDT") and nc.nam not in nam_dat
    gan_nhat = nam_dat[-so_lan:]
    lien_tuc = len(gan_nhat) == so_lan and all(b - a <= chu_ky for a, b in itertools.pairwise(gan_nhat))
    dg.kiem(lien_tuc, f"{so_lan} lần liên tục CSTĐ tỉnh (năm " + ", ".join(map(str, gan_nhat)) + ")",
            f"Chưa có {so_lan} lần liên tục CSTĐ tỉnh đã có quyết định (đã có: "
            + (", ".join(map(str, nam_dat)) or "chưa có") + ")"
            + (f"; CSTĐ tỉnh năm {nc.nam} đang được đề nghị đợt này, chưa có quyết định" if dot_nay else ""),
            dg.cc("CSTDTQ.chuoi_CSTDT"), du_kien={"nam_CSTDT": tuple(nam_dat)}, quy_che=True)
    dg.theo_quy_che_mac_dinh("Cách hiểu \"liên tục\": hai lần CSTĐ tỉnh không bỏ sót chu kỳ nào giữa chúng"
                             " (quy chế mặc định)")
    if lien_tuc:
        cuoi = gan_nhat[-1]
        ngay = [m.ngay_quyet_dinh for m in nc.so_theo_doi.muc(cn.ma, "CSTDT", cuoi)
                if m.tinh_chuoi and m.ngay_quyet_dinh]
        nam_qd = min(ngay).year if ngay else cuoi + 1
        dung_nam = nam_qd + dg.p("tieu_chuan.CSTDTQ.nam_de_nghi_sau_CSTDT")
        qd = f"quyết định CSTĐ tỉnh lần thứ {so_lan} (năm {cuoi}) " + (
            f"ngày {dd(min(ngay))}" if ngay else f"giả định trong năm {nam_qd} (sổ theo dõi chưa ghi ngày)")
        nam_xet = nc.ngay_quyet_dinh.year
        dg.kiem(nam_xet == dung_nam, f"Đề nghị năm {nam_xet}, năm ngay sau {qd}",
                f"Đề nghị năm {nam_xet} " + ("chưa đến" if nam_xet < dung_nam else "đã quá")
                + f" thời điểm: CSTĐTQ được đề nghị vào năm {dung_nam}, năm ngay sau {qd}",
                dg.cc("CSTDTQ.thoi_diem"), du_kien={"nam_de_nghi": dung_nam})
    tu = (gan_nhat[0] if gan_nhat else nc.nam) - chu_ky + 1
    ung = sorted((s for y in range(tu, nc.nam + 1) for s in _sang_kien(cn, nc, y) if s.cap.bac >= TOAN_QUOC.bac),
                 key=lambda s: -s.nam)
    dg.kiem(bool(ung), f"Có {ung[0].mo_ta if ung else ''}, phạm vi ảnh hưởng toàn quốc",
            "Chưa có sáng kiến hoặc đề tài được công nhận phạm vi Toàn quốc", dg.cc("CSTDTQ.sang_kien"),
            du_kien={"sang_kien": ung[0].mo_ta if ung else None})


def bang_khen_tinh_ca_nhan(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 74(1)(d): Bằng khen for a person with CSTĐCS twice in a row, or rated HTXSNV for at
    least 2 consecutive years during which 2 initiatives were recognised and applied at unit level.
    Initiatives already used for a CSTĐCS or an earlier Bằng khen are not counted again, and the reason names
    them (MOHA answer; Art. 5(2); quy chế); đột xuất/chuyên đề awards and disciplined years do not count."""
    khong_dang_xem_xet(cn, dg)
    can_cu = dg.cc("BKT.ca_nhan")
    n = dg.p("tieu_chuan.BKT.so_nam_CSTDCS")
    n_htxs = dg.p("tieu_chuan.BKT.so_nam_HTXSNV")
    chuoi = range(nc.nam - n + 1, nc.nam + 1)
    thieu, khong_tinh = _nam_thieu(nc, cn.ma, "CSTDCS", chuoi)
    ky_luat = _ky_luat_tinh(cn.ma, dg, nc)
    kl_chuoi = [k for k in ky_luat if any(k.anh_huong(y) for y in chuoi if y != nc.nam)]
    duong_1 = not thieu and not kl_chuoi
    can_sk = dg.p("tieu_chuan.BKT.so_sang_kien")
    loai_tru = dg.p("tieu_chuan.BKT.loai_tru_sang_kien_da_dung")

    def xep_loai(y: int) -> MucDo | None:
        return cn.xep_loai if y == nc.nam else nc.so_theo_doi.xep_loai(cn.ma, y)

    def dat_cstdcs(y: int) -> bool:
        return nc.dat_nam_nay(cn.ma, "CSTDCS") if y == nc.nam else nc.so_theo_doi.co(cn.ma, "CSTDCS", y)

    def chuoi_htxs(den: int) -> list[int]:
        ds, y = [], den
        while (xl := xep_loai(y)) is not None and xl.bac >= HTXSNV.bac and not any(
                k.anh_huong(y) for k in ky_luat if y != nc.nam):
            ds.append(y)
            y -= 1
        return ds

    # the initiatives an earlier Bằng khen relied on (when two CSTĐCS in a row did not earn it)
    da_dung_bk: dict[tuple[object, ...], int] = {}
    if loai_tru:
        for z in nc.so_theo_doi.cac_nam(cn.ma, "BKT", tinh_chuoi=True):
            if z >= nc.nam or (nc.so_theo_doi.co(cn.ma, "CSTDCS", z) and nc.so_theo_doi.co(cn.ma, "CSTDCS", z - 1)):
                continue
            dem = 0
            for y in sorted(chuoi_htxs(z)):
                for s in cac_sang_kien(nc.so_theo_doi, cn.ma, y):
                    if dem < can_sk and s.khoa not in da_dung_bk:
                        da_dung_bk[s.khoa] = z
                        dem += 1

    nam_htxs = chuoi_htxs(nc.nam)
    tinh: list[SangKienDung] = []
    bo: list[str] = []
    for y in sorted(nam_htxs):
        dung_cstdcs = _sang_kien_dung_cho_cstdcs(cn, nc, y) if loai_tru and dat_cstdcs(y) else None
        for s in _sang_kien(cn, nc, y):
            if dung_cstdcs is not None and s.khoa == dung_cstdcs.khoa:
                bo.append(f"{s.mo_ta} đã dùng để đạt CSTĐCS năm {y}, không tính lại")
            elif s.khoa in da_dung_bk:
                bo.append(f"{s.mo_ta} đã tính cho Bằng khen tỉnh năm {da_dung_bk[s.khoa]}, không tính lại")
            else:
                tinh.append(s)
    so_nam_htxs, so_sk = len(nam_htxs), len(tinh)
    duong_2 = so_nam_htxs >= n_htxs and so_sk >= can_sk
    if bo:
        dg.them_can_cu(dg.cc("mot_thanh_tich"))
    du_kien = {"nam_thieu_CSTDCS": tuple(thieu), "so_nam_HTXSNV": so_nam_htxs, "so_sang_kien": so_sk,
               "sang_kien": tuple(s.mo_ta for s in tinh), "khong_tinh": tuple(bo)}
    khong_tinh_chu = f" (không tính: {'; '.join(bo)})" if bo else ""
    if duong_1:
        dg.kiem(True, f"CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]}", "", can_cu,
                du_kien={**du_kien, "duong": "CSTDCS"})
    elif duong_2:
        dg.kiem(True, f"HTXSNV {so_nam_htxs} năm liên tục đến {nc.nam} với {so_sk} sáng kiến: {ten_ds(tinh)}"
                + khong_tinh_chu, "", can_cu,
                du_kien={**du_kien, "duong": "HTXSNV"})
    else:
        if thieu:
            ly_do_1 = (f"Chưa đạt CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]} (thiếu năm "
                       + ", ".join(map(str, thieu)) + ")" + _khen_dot_xuat(dg, khong_tinh))
        else:
            dg.them_can_cu(dg.cc("ky_luat_trong_chuoi"))
            ly_do_1 = (f"CSTĐCS {n} năm {chuoi[0]}–{chuoi[-1]} nhưng bị kỷ luật "
                       + "; ".join(k.mo_ta for k in kl_chuoi) + ": thành tích chỉ tính từ sau khi hết kỷ luật")
        ds_sk = f": {ten_ds(tinh)}" if tinh else ""
        if so_nam_htxs >= n_htxs:  # the years are there, the initiatives are not
            ly_do_2 = (f"; cũng chưa đạt theo hướng HTXSNV: có {so_nam_htxs} năm HTXSNV liên tục nhưng {so_sk} sáng kiến tính"
                       f" được{ds_sk} (cần ít nhất {can_sk})")
        else:
            ly_do_2 = (f"; cũng chưa có đủ {n_htxs} năm HTXSNV liên tục kèm ít nhất {can_sk} sáng kiến (hiện "
                       f"{so_nam_htxs} năm HTXSNV, {so_sk} sáng kiến tính được{ds_sk})")
        dg.kiem(False, "", ly_do_1 + ly_do_2 + khong_tinh_chu, can_cu, du_kien=du_kien)
    dg.gia_su("Các tiêu chuẩn khác của Điều 74 khoản 1 (điểm a–c) do Hội đồng đánh giá", dg.cc("BKT.tieu_chuan_khac"))


def giay_khen_ca_nhan(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 75(2) leaves the Giấy khen criteria to the agency; default: rating ≥ HTTNV and no
    discipline in the year (quy chế)."""
    khong_dang_xem_xet(cn, dg)
    dg.kiem(cn.xep_loai is not None and cn.xep_loai.bac >= HTTNV.bac,
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}",
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            dg.cc("GK"), du_kien={"xep_loai": _ten_xep_loai(cn.xep_loai)}, quy_che=True)
    kl = ky_luat_trong_nam(cn, nc)
    dg.kiem(kl is None, "Không bị kỷ luật trong năm", f"Bị kỷ luật {kl.ten.lower() if kl else ''} trong năm",
            du_kien={"ky_luat": kl.ten if kl else None}, quy_che=True)
    dg.theo_quy_che_mac_dinh("Tiêu chuẩn Giấy khen (từ HTTNV, không bị kỷ luật) (quy chế mặc định)")


def _tap_the_ky_luat(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """ND 152/2025 Art. 4 for collectives: a pending case freezes the unit; a discipline of the unit in force
    during the year keeps the year out."""
    khong_dang_xem_xet(tt, dg)
    bi = [k for k in _ky_luat_tinh(tt.ma, dg, nc) if k.anh_huong(nc.nam)]
    if bi:
        dg.kiem(False, "", "Tập thể bị kỷ luật " + "; ".join(k.mo_ta for k in bi) + f": thành tích năm {nc.nam} chưa "
                "được tính (chỉ tính từ sau khi hết kỷ luật)", dg.cc("ky_luat_trong_chuoi"),
                du_kien={"ky_luat": tuple(k.mo_ta for k in bi)})


# ---- collectives ----------------------------------------------------------------------------------------------

def _dem_thanh_vien(tt: TapThe, nc: NguCanh) -> tuple[int, int, int]:
    """(members, LĐTT this year, CSTĐCS this year). CSTĐCS implies the LĐTT standard."""
    tv = nc.thanh_vien(tt.ma)
    ldtt = sum(1 for m in tv if nc.dat_nam_nay(m.ma, "LDTT") or nc.dat_nam_nay(m.ma, "CSTDCS"))
    cstdcs = sum(1 for m in tv if nc.dat_nam_nay(m.ma, "CSTDCS"))
    return len(tv), ldtt, cstdcs


def _ty_le(tu: int, mau: int) -> str:
    return f"{tu}/{mau} ({dinh_dang_ty_le(tu / mau)})" if mau else f"{tu}/0"


def tap_the_lao_dong_tien_tien(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2003 Art. 28, kept as the quy chế default for Law 2022 Art. 28: completes its tasks well; more than
    50 % of members LĐTT; no member disciplined at cảnh cáo or above (CaNhan Kỷ luật or a KyLuat row of the
    year); a unit under a pending case or a discipline is not considered (ND 152/2025 Art. 4)."""
    _tap_the_ky_luat(tt, dg, nc)
    dg.kiem(tt.xep_loai is not None and tt.xep_loai.bac >= HTTNV.bac,
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}",
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            dg.cc("TTLDTT"), du_kien={"xep_loai": _ten_xep_loai(tt.xep_loai)})
    so_tv, so_ldtt, _ = _dem_thanh_vien(tt, nc)
    nguong: Fraction = dg.p("tieu_chuan.TTLDTT.ty_le_LDTT")
    dg.kiem(so_tv > 0 and Fraction(so_ldtt, so_tv) > nguong,
            f"LĐTT {_ty_le(so_ldtt, so_tv)} thành viên, trên {hien_thi_gia_tri(nguong)}",
            f"Chỉ {_ty_le(so_ldtt, so_tv)} thành viên đạt LĐTT, phải trên {hien_thi_gia_tri(nguong)}",
            du_kien={"so_thanh_vien": so_tv, "so_LDTT": so_ldtt})
    muc = dg.p("tieu_chuan.TTLDTT.ky_luat_loai_tru")
    bi_kl = thanh_vien_bi_ky_luat(tt.ma, nc, muc)
    dg.kiem(not bi_kl, f"Không có thành viên bị kỷ luật từ mức {muc.ten.lower()} trở lên",
            f"Có thành viên bị kỷ luật từ mức {muc.ten.lower()} trở lên: " + ", ".join(bi_kl), du_kien={"bi_ky_luat": tuple(bi_kl)})
    dg.gia_su("Có phong trào thi đua thường xuyên, hiệu quả; nội bộ đoàn kết, chấp hành tốt pháp luật",
              dg.cc("TTLDTT"))


def thanh_vien_bi_ky_luat(ma_don_vi: str, nc: NguCanh, muc: MucDo) -> list[str]:
    """The names of a unit's members disciplined this year at ``muc`` or above (TTLĐTT's condition; the warning for
    a TTLĐXS or Cờ that passes with them, ``xet``)."""
    return [m.ho_ten for m in nc.thanh_vien(ma_don_vi)
            if (kl := ky_luat_trong_nam(m, nc)) is not None and kl.bac >= muc.bac]


def tieu_chuan_tap_the_lao_dong_xuat_sac(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 27: HTXS nhiệm vụ; 100 % of members complete their tasks, at least 70 % LĐTT; at least
    one member CSTĐCS; unity and exemplary compliance (assumed)."""
    can_cu = dg.cc("TTLDXS")
    dg.kiem(tt.xep_loai is not None and tt.xep_loai.bac >= HTXSNV.bac,
            "Tập thể xếp loại HTXSNV", f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}, chưa đạt HTXSNV", can_cu,
            du_kien={"xep_loai": _ten_xep_loai(tt.xep_loai)})
    tv = nc.thanh_vien(tt.ma)
    so_tv, so_ldtt, so_cstdcs = _dem_thanh_vien(tt, nc)
    chua_ht = [m.ho_ten for m in tv if m.xep_loai is None or m.xep_loai.bac < HTNV.bac]
    dg.kiem(so_tv > 0 and not chua_ht, f"100 % thành viên ({so_tv}) hoàn thành nhiệm vụ",
            "Tập thể chưa có thành viên" if so_tv == 0 else
            f"{len(chua_ht)}/{so_tv} thành viên chưa hoàn thành nhiệm vụ hoặc chưa xếp loại: " + ", ".join(chua_ht[:5])
            + ("…" if len(chua_ht) > 5 else ""), du_kien={"so_thanh_vien": so_tv, "chua_hoan_thanh": tuple(chua_ht)})
    nguong: Fraction = dg.p("tieu_chuan.TTLDXS.ty_le_LDTT")
    dg.kiem(so_tv > 0 and Fraction(so_ldtt, so_tv) >= nguong,
            f"LĐTT {_ty_le(so_ldtt, so_tv)} thành viên, từ {hien_thi_gia_tri(nguong)} trở lên",
            f"Chỉ {_ty_le(so_ldtt, so_tv)} thành viên đạt LĐTT, cần từ {hien_thi_gia_tri(nguong)}",
            du_kien={"so_thanh_vien": so_tv, "so_LDTT": so_ldtt})
    toi_thieu = dg.p("tieu_chuan.TTLDXS.so_CSTDCS_toi_thieu")
    cho = getattr(nc, "cho_hoi_dong", None)  # members tied at the CSTĐCS quota's cut: the council may still choose one
    so_cho = sum(1 for m in tv if cho(m.ma, "CSTDCS")) if cho is not None else 0
    con_cho = f" ({so_cho} thành viên bằng phiếu tại điểm cắt chỉ tiêu CSTĐCS, chờ Hội đồng quyết định)" if so_cho \
        else ""  # the tie's own notice says what to do; the documents quote this sentence
    dg.kiem(so_cstdcs >= toi_thieu, f"Có {so_cstdcs} thành viên đạt CSTĐCS",
            ("Chưa có thành viên nào đạt CSTĐCS" if so_cho else "Không có thành viên nào đạt CSTĐCS") + con_cho
            if so_cstdcs == 0 else f"Chỉ {so_cstdcs} thành viên đạt CSTĐCS, cần ít nhất {toi_thieu}" + con_cho,
            du_kien={"so_CSTDCS": so_cstdcs, **({"so_CSTDCS_cho_hoi_dong": so_cho} if so_cho else {})})
    dg.gia_su("Phong trào thi đua thường xuyên, hiệu quả; nội bộ đoàn kết, gương mẫu chấp hành pháp luật", can_cu)


def tap_the_lao_dong_xuat_sac(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 27: "Tập thể lao động xuất sắc" — the TTLĐXS standard (HTXS nhiệm vụ; every member
    completes their tasks, at least 70 % LĐTT, at least one CSTĐCS; unity and compliance assumed); a unit under
    a pending case or a discipline is not considered (ND 152/2025 Art. 4)."""
    _tap_the_ky_luat(tt, dg, nc)
    tieu_chuan_tap_the_lao_dong_xuat_sac(tt, dg, nc)


def co_thi_dua_tinh(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 26(1): the yearly flag for collectives that lead their emulation block (khối thi đua).
    Default (quy chế): the TTLĐXS standard this year; the rank within the khối is applied as a quota of 1."""
    _tap_the_ky_luat(tt, dg, nc)
    con = DanhGia(DANH_HIEU["TTLDXS"], dg.ts)
    tieu_chuan_tap_the_lao_dong_xuat_sac(tt, con, nc)
    dg.gop(con, "Tiêu chuẩn TTLĐXS")
    dg.kiem(bool(tt.khoi), f"Thuộc khối thi đua {tt.khoi}", "Chưa ghi Khối thi đua của tập thể",
            dg.cc("CTDT"), du_kien={"khoi": tt.khoi}, quy_che=True)
    dg.kiem(tt.diem is not None, f"Điểm thi đua {dinh_dang_so(tt.diem)}" if tt.diem is not None else "",
            "Chưa có Điểm thi đua để xếp hạng trong khối", du_kien={"diem": tt.diem}, quy_che=True)


def giay_khen_tap_the(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 75(2): criteria set by the agency; default: collective rating ≥ HTTNV (quy chế)."""
    _tap_the_ky_luat(tt, dg, nc)
    dg.kiem(tt.xep_loai is not None and tt.xep_loai.bac >= HTTNV.bac,
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}",
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            dg.cc("GK"), du_kien={"xep_loai": _ten_xep_loai(tt.xep_loai)}, quy_che=True)
    dg.theo_quy_che_mac_dinh("Tiêu chuẩn Giấy khen tập thể (từ HTTNV) (quy chế mặc định)")


def bang_khen_tinh_tap_the(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 74 (collectives): the criteria were not confirmed (DOMAIN.md §10) and are not encoded;
    the council decides by its vote."""
    _tap_the_ky_luat(tt, dg, nc)
    dg.gia_su("Tiêu chuẩn Bằng khen tập thể (Điều 74) chưa được mã hóa: Hội đồng đánh giá và quyết định"
              " bằng bỏ phiếu", dg.cc("BKT.tap_the"))


TIEU_CHUAN_CA_NHAN: dict[str, Callable[[CaNhan, DanhGia, NguCanh], None]] = {
    "LDTT": lao_dong_tien_tien,
    "CSTDCS": chien_si_thi_dua_co_so,
    "CSTDT": chien_si_thi_dua_tinh,
    "CSTDTQ": chien_si_thi_dua_toan_quoc,
    "BKT": bang_khen_tinh_ca_nhan,
    "GK": giay_khen_ca_nhan,
}

TIEU_CHUAN_TAP_THE: dict[str, Callable[[TapThe, DanhGia, NguCanh], None]] = {
    "TTLDTT": tap_the_lao_dong_tien_tien,
    "TTLDXS": tap_the_lao_dong_xuat_sac,
    "CTDT": co_thi_dua_tinh,
    "GK": giay_khen_tap_the,
    "BKT": bang_khen_tinh_tap_the,
}


def so_nam_ky(ma_danh_hieu: str, ts: ThamSoApDung) -> int:
    """The years a title is computed over, for the money rule "titles of the same period: only the highest is
    paid" (ND 152/2025 Art. 49): read from the criteria's own parameters, so a YAML change of a cycle reaches the
    money too — CSTĐ tỉnh counts ``so_nam_CSTDCS`` years of CSTĐCS; CSTĐ toàn quốc ``so_lan_CSTDT`` of those
    cycles; the yearly titles one year."""
    if ma_danh_hieu == "CSTDT":
        return int(ts("tieu_chuan.CSTDT.so_nam_CSTDCS"))
    if ma_danh_hieu == "CSTDTQ":
        return int(ts("tieu_chuan.CSTDTQ.so_lan_CSTDT")) * int(ts("tieu_chuan.CSTDT.so_nam_CSTDCS"))
    return 1


@dataclass
class _NamTotNhat:
    """The best case of the coming year-end for a registration: every title of this year won. What the
    criteria still refuse then is what the past years (the ledger) lack."""

    nam: int
    ngay_quyet_dinh: dt.date
    ts: ThamSoApDung
    so_theo_doi: SoTheoDoi

    def dat_nam_nay(self, ma: str, ma_danh_hieu: str) -> bool:
        return True

    def thanh_vien(self, ma_don_vi: str) -> Sequence[CaNhan]:
        return []


def kha_nang_dat(cn: CaNhan, danh_hieu: DanhHieu, nam: int, so: SoTheoDoi, ts: ThamSoApDung) -> DanhGia:
    """Whether a title registered at the start of ``nam`` can still be reached at its end, given the ledger:
    the title's own criteria (the same functions and parameters as the decision) run on the best case of the
    year — rated HTXSNV, no discipline, initiative and research at national level, every title of the year won.
    The criteria that still fail (``DanhGia.khong_dat``) are the notes for the registration."""
    tot_nhat = replace(cn, xep_loai=HTXSNV, ky_luat=None, dang_xem_xet=False,
                       sang_kien=TOAN_QUOC, de_tai=TOAN_QUOC)
    dg = DanhGia(danh_hieu, ts)
    ham = TIEU_CHUAN_CA_NHAN.get(danh_hieu.ma)
    if ham is not None:
        ham(tot_nhat, dg, _NamTotNhat(nam, ts.ngay, ts, so))
    return dg


# ---- chuyên đề and đột xuất rounds (Law 2022 Art. 8(2)–(3)) --------------------------------------------------

def _thanh_tich_theo_dot(d: CaNhan | TapThe, dg: DanhGia, can_cu: str, quy_che: bool = False) -> None:
    if d.thanh_tich:
        dg.kiem(True, f"Thành tích: {d.thanh_tich}", "", can_cu, du_kien={"thanh_tich": d.thanh_tich},
                quy_che=quy_che)
    dg.gia_su("Thành tích của đợt chuyên đề/đột xuất xứng đáng khen thưởng (Hội đồng đánh giá)", can_cu)


def _khong_ky_luat_trong_nam(d: CaNhan | TapThe, dg: DanhGia) -> None:
    khong_dang_xem_xet(d, dg)  # type: ignore[arg-type]  # TapThe has dang_xem_xet too (ND 152/2025 Art. 4)
    if isinstance(d, CaNhan):
        dg.kiem(d.ky_luat is None, "Không bị kỷ luật trong năm",
                f"Bị kỷ luật {d.ky_luat.ten.lower() if d.ky_luat else ''} trong năm",
                du_kien={"ky_luat": d.ky_luat.ten if d.ky_luat else None}, quy_che=True)


def giay_khen_theo_dot(d: CaNhan | TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 75(2) leaves the Giấy khen criteria to the agency; in a chuyên đề or đột xuất round the form
    rewards the achievement named in the proposal, so no yearly rating is asked. Default (quy chế): the
    achievement (assumed, judged by the council), no pending case, no discipline in the year."""
    _khong_ky_luat_trong_nam(d, dg)
    _thanh_tich_theo_dot(d, dg, dg.cc("GK"), quy_che=True)
    dg.theo_quy_che_mac_dinh("Tiêu chuẩn Giấy khen theo đợt chuyên đề, đột xuất (có thành tích, không bị kỷ luật)"
                             " (quy chế mặc định)")


def bang_khen_tinh_theo_dot(d: CaNhan | TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 74(1)(a)–(b): Bằng khen for outstanding achievements in an emulation movement the province
    launched (chuyên đề), or for a sudden achievement with influence in a field (đột xuất). No consecutive-year
    chain is asked — and the award does not count toward one either (ND 152/2025 Art. 4(3))."""
    _khong_ky_luat_trong_nam(d, dg)
    _thanh_tich_theo_dot(d, dg, dg.cc("BKT.theo_dot"))


TIEU_CHUAN_THEO_DOT: dict[str, Callable[[Any, DanhGia, NguCanh], None]] = {
    "GK": giay_khen_theo_dot,
    "BKT": bang_khen_tinh_theo_dot,
}
