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
from .tham_so import ThamSoApDung, hien_thi_gia_tri
from .tieng_viet import dinh_dang_ty_le

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
        if can_cu and can_cu not in self.can_cu:
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
        return str(self.ts.dien_giai(f"can_cu.{ten}")[0])

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


def _cong_thang(ngay: dt.date, so_thang: int) -> dt.date:
    thang = ngay.month - 1 + so_thang
    nam, thang = ngay.year + thang // 12, thang % 12 + 1
    ngay_cuoi = [31, 29 if nam % 4 == 0 and (nam % 100 != 0 or nam % 400 == 0) else 28, 31, 30, 31, 30,
                 31, 31, 30, 31, 30, 31][thang - 1]
    return dt.date(nam, thang, min(ngay.day, ngay_cuoi))


# ---- individuals ----------------------------------------------------------------------------------------------

def khong_dang_xem_xet(cn: CaNhan, dg: DanhGia) -> bool:
    """ND 152/2025 Art. 4: no commendation, nor proposal, while a disciplinary case, an inspection or an
    investigation about the person is pending. Reported only when it bites."""
    if cn.dang_xem_xet:
        dg.kiem(False, "", "Đang bị xem xét kỷ luật, thanh tra hoặc điều tra: chưa xét khen thưởng đợt này",
                dg.cc("dang_xem_xet"), du_kien={"dang_xem_xet": True})
    return not cn.dang_xem_xet


def tieu_chuan_lao_dong_tien_tien(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 24(1): LĐTT for those who complete their tasks at "hoàn thành tốt" or better and are
    self-reliant, united, active in the emulation movements; TT 01/2024 Art. 1(5)(d): recruits of fewer than
    6 months are not considered; discipline ≥ khiển trách excludes (quy chế default, DOMAIN.md §10)."""
    dg.kiem(cn.xep_loai is not None and cn.xep_loai.bac >= HTTNV.bac,
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)} (từ HTTNV trở lên)",
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            dg.cc("LDTT.xep_loai"), du_kien={"xep_loai": _ten_xep_loai(cn.xep_loai)})
    so_thang = dg.p("tieu_chuan.LDTT.thang_tuyen_dung_toi_thieu")
    can_cu_thang = dg.ts.dien_giai("tieu_chuan.LDTT.thang_tuyen_dung_toi_thieu")[1]
    if cn.ngay_tuyen_dung is None:
        dg.gia_su("Thời gian công tác đủ để xét (không có Ngày tuyển dụng)", can_cu_thang)
    else:
        du = _cong_thang(cn.ngay_tuyen_dung, so_thang) <= dt.date(nc.nam + 1, 1, 1)
        ngay = f"{cn.ngay_tuyen_dung.day:02d}/{cn.ngay_tuyen_dung.month:02d}/{cn.ngay_tuyen_dung.year}"
        dg.kiem(du, f"Tuyển dụng ngày {ngay}: đủ {so_thang} tháng đến 31/12/{nc.nam}",
                f"Tuyển dụng ngày {ngay}: chưa đủ {so_thang} tháng công tác đến 31/12/{nc.nam}",
                du_kien={"ngay_tuyen_dung": cn.ngay_tuyen_dung})
    muc = dg.p("tieu_chuan.LDTT.ky_luat_loai_tru")
    dg.kiem(cn.ky_luat is None or cn.ky_luat.bac < muc.bac,
            "Không bị kỷ luật trong năm" if cn.ky_luat is None else f"Kỷ luật {cn.ky_luat.ten} dưới mức loại trừ",
            f"Bị kỷ luật {cn.ky_luat.ten if cn.ky_luat else ''} trong năm (từ mức {muc.ten} trở lên không được xét)",
            du_kien={"ky_luat": cn.ky_luat.ten if cn.ky_luat else None})
    dg.gia_su("Có tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua", dg.cc("LDTT.tinh_than"))


def lao_dong_tien_tien(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 24: "Lao động tiên tiến"."""
    khong_dang_xem_xet(cn, dg)
    tieu_chuan_lao_dong_tien_tien(cn, dg, nc)


def chien_si_thi_dua_co_so_2003(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2003 (amended 2013) Art. 23, for decisions before 01/01/2024: CSTĐCS for those who meet the LĐTT
    standard and have an initiative recognised, or an accepted research topic (mandatory)."""
    khong_dang_xem_xet(cn, dg)
    con = DanhGia(DANH_HIEU["LDTT"], dg.ts)
    tieu_chuan_lao_dong_tien_tien(cn, con, nc)
    dg.gop(con, "Tiêu chuẩn LĐTT")
    dg.p("tieu_chuan.CSTDCS.cong_thuc")
    dg.kiem(cn.sang_kien is not None or cn.de_tai is not None, "Có sáng kiến/đề tài được công nhận",
            "Chưa có sáng kiến hoặc đề tài được công nhận (bắt buộc trước 01/01/2024)",
            du_kien={"sang_kien": cn.sang_kien.ten if cn.sang_kien else None,
                     "de_tai": cn.de_tai.ten if cn.de_tai else None})


def chien_si_thi_dua_co_so_2022(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 23, from 01/01/2024: CSTĐCS for those who meet the LĐTT standard and either are rated
    HTXSNV, or have an initiative recognised at unit level, or an accepted research topic."""
    khong_dang_xem_xet(cn, dg)
    con = DanhGia(DANH_HIEU["LDTT"], dg.ts)
    tieu_chuan_lao_dong_tien_tien(cn, con, nc)
    dg.gop(con, "Tiêu chuẩn LĐTT")
    dg.p("tieu_chuan.CSTDCS.cong_thuc")
    la_htxs = cn.xep_loai is not None and cn.xep_loai.bac >= HTXSNV.bac
    co_sang_kien, co_de_tai = cn.sang_kien is not None, cn.de_tai is not None
    duong = [x for x, co in (("xếp loại HTXSNV", la_htxs), ("có sáng kiến cấp cơ sở trở lên", co_sang_kien),
                             ("có đề tài được nghiệm thu", co_de_tai)) if co]
    dg.kiem(bool(duong), "Đạt vì " + ", ".join(duong),
            "Không xếp loại HTXSNV, không có sáng kiến và không có đề tài được công nhận",
            dg.cc("CSTDCS.tieu_chuan"), du_kien={"xep_loai": _ten_xep_loai(cn.xep_loai),
                                                 "sang_kien": cn.sang_kien.ten if cn.sang_kien else None,
                                                 "de_tai": cn.de_tai.ten if cn.de_tai else None})


# A rule whose structure changed on a date is two formulas, chosen by the dated parameter
# ``tieu_chuan.CSTDCS.cong_thuc`` (as OpenFisca's ``formula_YYYY_MM``), not a flag inside one function.
CONG_THUC_CSTDCS: dict[str, Callable[[CaNhan, DanhGia, NguCanh], None]] = {
    "luat_2003": chien_si_thi_dua_co_so_2003,
    "luat_2022": chien_si_thi_dua_co_so_2022,
}


def chien_si_thi_dua_co_so(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """CSTĐCS: the formula in force on the decision date (``tieu_chuan.CSTDCS.cong_thuc``)."""
    CONG_THUC_CSTDCS[dg.ts("tieu_chuan.CSTDCS.cong_thuc")](cn, dg, nc)


def cstdcs_nho_sang_kien(xep_loai: MucDo | None, ts_cuoi_nam: ThamSoApDung) -> bool:
    """Whether a CSTĐCS of a year was earned through the initiative (so the initiative is "used"): the rating
    alone could not earn it — rated below HTXSNV, or the formula of that year made an initiative mandatory."""
    return ts_cuoi_nam("tieu_chuan.CSTDCS.cong_thuc") == "luat_2003" or xep_loai is None or xep_loai.bac < HTXSNV.bac


def _nam_thieu(nc: NguCanh, ma: str, ma_dh: str, cac_nam: range) -> list[int]:
    thieu = []
    for y in cac_nam:
        co = nc.dat_nam_nay(ma, ma_dh) if y == nc.nam else nc.so_theo_doi.co(ma, ma_dh, y)
        if not co:
            thieu.append(y)
    return thieu


def _ky_luat_trong(nc: NguCanh, ma: str, cac_nam: range) -> list[int]:
    return [y for y in cac_nam if y != nc.nam and nc.so_theo_doi.ky_luat(ma, y) is not None]


def chien_si_thi_dua_tinh(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 22: CSTĐ cấp tỉnh for those chosen among people with CSTĐCS three times in a row, whose
    initiative or research has province-wide effect. Years already counted for an earlier CSTĐ tỉnh are not
    counted again (Art. 5(2), quy chế); after a discipline, achievements count only from its end (ND 152 Art. 4)."""
    khong_dang_xem_xet(cn, dg)
    n = dg.p("tieu_chuan.CSTDT.so_nam_CSTDCS")
    chuoi = range(nc.nam - n + 1, nc.nam + 1)
    thieu = _nam_thieu(nc, cn.ma, "CSTDCS", chuoi)
    dg.kiem(not thieu, f"CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]}",
            f"Chưa đạt CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]} (thiếu năm "
            + ", ".join(map(str, thieu)) + ")", dg.cc("CSTDT.chuoi_CSTDCS"), du_kien={"nam_thieu": tuple(thieu)})
    if dg.p("tieu_chuan.CSTDT.khong_tinh_lai_nam_da_dung"):
        da_dung = [y for y in nc.so_theo_doi.cac_nam(cn.ma, "CSTDT") if y >= chuoi[0]]
        dg.kiem(not da_dung, "Các năm CSTĐCS chưa được tính cho CSTĐ tỉnh trước đó",
                f"Năm CSTĐCS {chuoi[0]}–{da_dung[-1] if da_dung else ''} đã được tính khi đạt CSTĐ tỉnh năm "
                + ", ".join(map(str, da_dung)) + ", không tính lại",
                dg.ts.dien_giai("tieu_chuan.CSTDT.khong_tinh_lai_nam_da_dung")[1], du_kien={"nam_da_dung": tuple(da_dung)})
    bi_kl = _ky_luat_trong(nc, cn.ma, chuoi)
    dg.kiem(not bi_kl, "Không bị kỷ luật trong các năm tính thành tích",
            "Bị kỷ luật năm " + ", ".join(map(str, bi_kl)) + ": thành tích chỉ tính từ sau khi hết kỷ luật",
            dg.cc("ky_luat_trong_chuoi"), du_kien={"nam_ky_luat": tuple(bi_kl)})
    cap = cn.cap_thanh_tich
    dg.kiem(cap is not None and cap.bac >= TINH.bac,
            f"Sáng kiến/đề tài cấp {cap.ten if cap else ''} có ảnh hưởng trong tỉnh",
            "Chưa có sáng kiến hoặc đề tài được công nhận ở cấp Tỉnh trở lên"
            + (f" (hiện cấp {cap.ten})" if cap else ""), dg.cc("CSTDT.sang_kien"),
            du_kien={"cap_thanh_tich": cap.ten if cap else None})


def chien_si_thi_dua_toan_quoc(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 21: CSTĐ toàn quốc for those with two consecutive CSTĐ cấp tỉnh (no CSTĐ tỉnh cycle
    missed between them — quy chế reading of "liên tục") whose initiative has nationwide effect."""
    khong_dang_xem_xet(cn, dg)
    so_lan = dg.p("tieu_chuan.CSTDTQ.so_lan_CSTDT")
    chu_ky = dg.p("tieu_chuan.CSTDT.so_nam_CSTDCS")
    nam_dat = set(nc.so_theo_doi.cac_nam(cn.ma, "CSTDT"))
    if nc.dat_nam_nay(cn.ma, "CSTDT"):
        nam_dat.add(nc.nam)
    gan_nhat = sorted(y for y in nam_dat if y <= nc.nam)[-so_lan:]
    lien_tuc = (len(gan_nhat) == so_lan and gan_nhat[-1] > nc.nam - chu_ky
                and all(b - a <= chu_ky for a, b in itertools.pairwise(gan_nhat)))
    dg.kiem(lien_tuc, f"{so_lan} lần liên tục CSTĐ tỉnh (năm " + ", ".join(map(str, gan_nhat)) + ")",
            f"Chưa có {so_lan} lần liên tục CSTĐ tỉnh, lần gần nhất trong {chu_ky} năm qua (đã có: "
            + (", ".join(map(str, sorted(nam_dat))) or "chưa có") + ")", dg.cc("CSTDTQ.chuoi_CSTDT"),
            du_kien={"nam_CSTDT": tuple(sorted(nam_dat))}, quy_che=True)
    dg.theo_quy_che_mac_dinh("Cách hiểu \"liên tục\": hai lần CSTĐ tỉnh không bỏ sót chu kỳ nào giữa chúng"
                             " (quy chế mặc định)")
    cap = cn.cap_thanh_tich
    dg.kiem(cap is not None and cap.bac >= TOAN_QUOC.bac, "Sáng kiến/đề tài có phạm vi ảnh hưởng toàn quốc",
            "Chưa có sáng kiến hoặc đề tài được công nhận phạm vi Toàn quốc", dg.cc("CSTDTQ.sang_kien"),
            du_kien={"cap_thanh_tich": cap.ten if cap else None})


def bang_khen_tinh_ca_nhan(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 74(1)(d): Bằng khen for a person with CSTĐCS twice in a row, or rated HTXSNV for at
    least 2 consecutive years during which 2 initiatives were recognised and applied at unit level.
    Initiatives already used for a CSTĐCS are not counted again (MOHA answer; quy chế)."""
    khong_dang_xem_xet(cn, dg)
    can_cu = dg.cc("BKT.ca_nhan")
    n = dg.p("tieu_chuan.BKT.so_nam_CSTDCS")
    n_htxs = dg.p("tieu_chuan.BKT.so_nam_HTXSNV")
    chuoi = range(nc.nam - n + 1, nc.nam + 1)
    thieu = _nam_thieu(nc, cn.ma, "CSTDCS", chuoi)
    duong_1 = not thieu and not _ky_luat_trong(nc, cn.ma, chuoi)
    can_sk = dg.p("tieu_chuan.BKT.so_sang_kien")
    loai_tru = dg.p("tieu_chuan.BKT.loai_tru_sang_kien_da_dung")

    def xep_loai(y: int) -> MucDo | None:
        return cn.xep_loai if y == nc.nam else nc.so_theo_doi.xep_loai(cn.ma, y)

    def sang_kien_dung_duoc(y: int) -> bool:
        sk = cn.sang_kien if y == nc.nam else nc.so_theo_doi.sang_kien(cn.ma, y)
        if sk is None:
            return False
        if not loai_tru:
            return True
        dat_cstdcs = nc.dat_nam_nay(cn.ma, "CSTDCS") if y == nc.nam else nc.so_theo_doi.co(cn.ma, "CSTDCS", y)
        if not dat_cstdcs:
            return True
        # the formula of that year (end of year y) says whether the CSTĐCS used the initiative
        return not cstdcs_nho_sang_kien(xep_loai(y), nc.ts.bo.tai_ngay(dt.date(y, 12, 31), nc.ts.ghi_de))

    so_nam_htxs, so_sk, y = 0, 0, nc.nam
    while (xl := xep_loai(y)) is not None and xl.bac >= HTXSNV.bac and not (y != nc.nam and nc.so_theo_doi.ky_luat(cn.ma, y)):
        so_nam_htxs += 1
        so_sk += sang_kien_dung_duoc(y)
        y -= 1
    duong_2 = so_nam_htxs >= n_htxs and so_sk >= can_sk
    du_kien = {"nam_thieu_CSTDCS": tuple(thieu), "so_nam_HTXSNV": so_nam_htxs, "so_sang_kien": so_sk}
    if duong_1:
        dg.kiem(True, f"CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]}", "", can_cu, du_kien=du_kien)
    elif duong_2:
        dg.kiem(True, f"HTXSNV {so_nam_htxs} năm liên tục đến {nc.nam} với {so_sk} sáng kiến", "", can_cu,
                du_kien=du_kien)
    else:
        dg.kiem(False, "", f"Chưa đạt CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]} (thiếu năm "
                + ", ".join(map(str, thieu or [])) + ")" + (" hoặc bị kỷ luật trong các năm đó" if not thieu else "")
                + f"; cũng chưa có {so_nam_htxs if so_nam_htxs >= n_htxs else f'đủ {n_htxs}'} năm HTXSNV liên tục"
                f" kèm ≥ {can_sk} sáng kiến (hiện {so_nam_htxs} năm HTXSNV, {so_sk} sáng kiến tính được)", can_cu,
                du_kien=du_kien)
    dg.gia_su("Các tiêu chuẩn khác của Điều 74 khoản 1 (điểm a–c) do Hội đồng đánh giá", dg.cc("BKT.tieu_chuan_khac"))


def giay_khen_ca_nhan(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 75(2) leaves the Giấy khen criteria to the agency; default: rating ≥ HTTNV and no
    discipline in the year (quy chế)."""
    khong_dang_xem_xet(cn, dg)
    dg.kiem(cn.xep_loai is not None and cn.xep_loai.bac >= HTTNV.bac,
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}",
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            dg.cc("GK"), du_kien={"xep_loai": _ten_xep_loai(cn.xep_loai)}, quy_che=True)
    dg.kiem(cn.ky_luat is None, "Không bị kỷ luật trong năm", f"Bị kỷ luật {cn.ky_luat.ten if cn.ky_luat else ''} trong năm",
            du_kien={"ky_luat": cn.ky_luat.ten if cn.ky_luat else None}, quy_che=True)
    dg.theo_quy_che_mac_dinh("Tiêu chuẩn Giấy khen (từ HTTNV, không bị kỷ luật) (quy chế mặc định)")


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
    50 % of members LĐTT; no member disciplined at cảnh cáo or above."""
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
    bi_kl = [m.ho_ten for m in nc.thanh_vien(tt.ma) if m.ky_luat is not None and m.ky_luat.bac >= muc.bac]
    dg.kiem(not bi_kl, f"Không có thành viên bị kỷ luật từ {muc.ten} trở lên",
            f"Có thành viên bị kỷ luật từ {muc.ten} trở lên: " + ", ".join(bi_kl), du_kien={"bi_ky_luat": tuple(bi_kl)})
    dg.gia_su("Có phong trào thi đua thường xuyên, hiệu quả; nội bộ đoàn kết, chấp hành tốt pháp luật",
              dg.cc("TTLDTT"))


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
    dg.kiem(so_cstdcs >= toi_thieu, f"Có {so_cstdcs} thành viên đạt CSTĐCS",
            "Không có thành viên nào đạt CSTĐCS" if so_cstdcs == 0
            else f"Chỉ {so_cstdcs} thành viên đạt CSTĐCS, cần ít nhất {toi_thieu}", du_kien={"so_CSTDCS": so_cstdcs})
    dg.gia_su("Phong trào thi đua thường xuyên, hiệu quả; nội bộ đoàn kết, gương mẫu chấp hành pháp luật", can_cu)


def tap_the_lao_dong_xuat_sac(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 27: "Tập thể lao động xuất sắc" — the TTLĐXS standard (HTXS nhiệm vụ; every member
    completes their tasks, at least 70 % LĐTT, at least one CSTĐCS; unity and compliance assumed)."""
    tieu_chuan_tap_the_lao_dong_xuat_sac(tt, dg, nc)


def co_thi_dua_tinh(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 26(1): the yearly flag for collectives that lead their emulation block (khối thi đua).
    Default (quy chế): the TTLĐXS standard this year; the rank within the khối is applied as a quota of 1."""
    con = DanhGia(DANH_HIEU["TTLDXS"], dg.ts)
    tieu_chuan_tap_the_lao_dong_xuat_sac(tt, con, nc)
    dg.gop(con, "Tiêu chuẩn TTLĐXS")
    dg.kiem(bool(tt.khoi), f"Thuộc khối thi đua {tt.khoi}", "Chưa ghi Khối thi đua của tập thể",
            dg.cc("CTDT"), du_kien={"khoi": tt.khoi}, quy_che=True)
    dg.kiem(tt.diem is not None, f"Điểm thi đua {tt.diem:g}" if tt.diem is not None else "",
            "Chưa có Điểm thi đua để xếp hạng trong khối", du_kien={"diem": tt.diem}, quy_che=True)


def giay_khen_tap_the(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 75(2): criteria set by the agency; default: collective rating ≥ HTTNV (quy chế)."""
    dg.kiem(tt.xep_loai is not None and tt.xep_loai.bac >= HTTNV.bac,
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}",
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            dg.cc("GK"), du_kien={"xep_loai": _ten_xep_loai(tt.xep_loai)}, quy_che=True)
    dg.theo_quy_che_mac_dinh("Tiêu chuẩn Giấy khen tập thể (từ HTTNV) (quy chế mặc định)")


def bang_khen_tinh_tap_the(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 74 (collectives): the criteria were not confirmed (DOMAIN.md §10) and are not encoded;
    the council decides by its vote."""
    dg.gia_su("Tiêu chuẩn Bằng khen tập thể (Điều 74) chưa được mã hoá: Hội đồng đánh giá và quyết định"
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
