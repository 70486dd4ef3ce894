"""Eligibility criteria, one small function per title, each beside the article it implements.

A criterion reads the parameters in force through ``DanhGia.p`` so that its citation, and whether the value
is only a *(quy chế)* default, travels with the result. Every failed criterion is reported, not just the
first; criteria no data can check are listed as assumed (DOMAIN.md §10).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Protocol

from .danh_muc import CAP_CONG_NHAN, DANH_HIEU, XEP_LOAI, DanhHieu, MucDo
from .mo_hinh import CaNhan, SoTheoDoi, TapThe
from .tham_so import NGUON_CO_QUAN, NGUON_MAC_DINH, ThamSoApDung, hien_thi_gia_tri
from .tieng_viet import dinh_dang_ty_le

L22 = "Luật Thi đua, khen thưởng 2022"
ND152_D4 = "Nghị định 152/2025/NĐ-CP, Điều 4"

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


@dataclass
class DanhGia:
    """The reasons behind one eligibility answer, collected as the criteria run."""

    danh_hieu: DanhHieu
    ts: ThamSoApDung
    khong_dat: list[str] = field(default_factory=list)
    dat: list[str] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    gia_dinh: list[str] = field(default_factory=list)
    theo_quy_che: list[str] = field(default_factory=list)

    @property
    def du_dieu_kien(self) -> bool:
        return not self.khong_dat

    def them_can_cu(self, can_cu: str) -> None:
        if can_cu not in self.can_cu:
            self.can_cu.append(can_cu)

    def p(self, ten: str) -> Any:
        """A parameter's value in force; records its citation and whether it is a quy chế default."""
        gia_tri, can_cu, dong = _mo_ta_tham_so(self.ts, ten)
        self.them_can_cu(can_cu)
        if dong is not None and dong not in self.theo_quy_che:
            self.theo_quy_che.append(dong)
        return gia_tri

    def kiem(self, dieu_kien: bool, dat: str, khong_dat: str, can_cu: str | None = None) -> bool:
        if can_cu:
            self.them_can_cu(can_cu)
        (self.dat if dieu_kien else self.khong_dat).append(dat if dieu_kien else khong_dat)
        return dieu_kien

    def gia_su(self, tieu_chi: str, can_cu: str) -> None:
        self.them_can_cu(can_cu)
        self.gia_dinh.append(tieu_chi)

    def gop(self, con: DanhGia, tien_to: str) -> bool:
        """Merge a sub-evaluation (e.g. the LĐTT standard inside CSTĐCS)."""
        for c in con.can_cu:
            self.them_can_cu(c)
        for g in con.gia_dinh:
            if g not in self.gia_dinh:
                self.gia_dinh.append(g)
        for q in con.theo_quy_che:
            if q not in self.theo_quy_che:
                self.theo_quy_che.append(q)
        if con.du_dieu_kien:
            self.dat.append(f"{tien_to}: đạt")
        else:
            self.khong_dat.extend(f"{tien_to}: {x}" for x in con.khong_dat)
        return con.du_dieu_kien


def _mo_ta_tham_so(ts: ThamSoApDung, ten: str) -> tuple[Any, str, str | None]:
    """(value, citation, the "theo quy chế" line or None), computed once per parameter and round."""
    bo_nho = ts.__dict__.setdefault("_mo_ta", {})
    if ten not in bo_nho:
        gt = ts.chi_tiet(ten)
        nhan = ts.bo[ten].nhan or ten
        dong = None
        if gt.nguon == NGUON_MAC_DINH:
            dong = f"{nhan}: {gt.hien_thi()} (quy chế mặc định)"
        elif gt.nguon == NGUON_CO_QUAN:
            dong = f"{nhan}: {gt.hien_thi()} (Quy chế của cơ quan)"
        bo_nho[ten] = (gt.gia_tri, gt.can_cu, dong)
    return bo_nho[ten]


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
        dg.kiem(False, "", "Đang bị xem xét kỷ luật, thanh tra hoặc điều tra: chưa xét khen thưởng đợt này", ND152_D4)
    return not cn.dang_xem_xet


def tieu_chuan_lao_dong_tien_tien(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 24(1): LĐTT for those who complete their tasks at "hoàn thành tốt" or better and are
    self-reliant, united, active in the emulation movements; TT 01/2024 Art. 1(5)(d): recruits of fewer than
    6 months are not considered; discipline ≥ khiển trách excludes (quy chế default, DOMAIN.md §10)."""
    dg.kiem(cn.xep_loai is not None and cn.xep_loai.bac >= HTTNV.bac,
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)} (từ HTTNV trở lên)",
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            f"{L22}, Điều 24 khoản 1 điểm a")
    so_thang = dg.p("tieu_chuan.LDTT.thang_tuyen_dung_toi_thieu")
    if cn.ngay_tuyen_dung is None:
        dg.gia_su("Thời gian công tác đủ để xét (không có Ngày tuyển dụng)",
                  "Thông tư 01/2024/TT-BNV, Điều 1 khoản 5 điểm d")
    else:
        du = _cong_thang(cn.ngay_tuyen_dung, so_thang) <= dt.date(nc.nam + 1, 1, 1)
        ngay = f"{cn.ngay_tuyen_dung.day:02d}/{cn.ngay_tuyen_dung.month:02d}/{cn.ngay_tuyen_dung.year}"
        if du:
            dg.dat.append(f"Tuyển dụng ngày {ngay}: đủ {so_thang} tháng đến 31/12/{nc.nam}")
        else:
            dg.khong_dat.append(f"Tuyển dụng ngày {ngay}: chưa đủ {so_thang} tháng công tác đến 31/12/{nc.nam}")
    muc = dg.p("tieu_chuan.LDTT.ky_luat_loai_tru")
    dg.kiem(cn.ky_luat is None or cn.ky_luat.bac < muc.bac,
            "Không bị kỷ luật trong năm" if cn.ky_luat is None else f"Kỷ luật {cn.ky_luat.ten} dưới mức loại trừ",
            f"Bị kỷ luật {cn.ky_luat.ten if cn.ky_luat else ''} trong năm (từ mức {muc.ten} trở lên không được xét)")
    dg.gia_su("Có tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua",
              f"{L22}, Điều 24 khoản 1 điểm b")


def lao_dong_tien_tien(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 24: "Lao động tiên tiến"."""
    khong_dang_xem_xet(cn, dg)
    tieu_chuan_lao_dong_tien_tien(cn, dg, nc)


def chien_si_thi_dua_co_so(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 23: CSTĐCS for those who meet the LĐTT standard and either are rated HTXSNV, or have an
    initiative recognised at unit level, or an accepted research topic. Before 01/01/2024 (Law 2003 Art. 23)
    an initiative or research was mandatory."""
    khong_dang_xem_xet(cn, dg)
    con = DanhGia(DANH_HIEU["LDTT"], dg.ts)
    tieu_chuan_lao_dong_tien_tien(cn, con, nc)
    dg.gop(con, "Tiêu chuẩn LĐTT")
    co_sang_kien = cn.sang_kien is not None
    co_de_tai = cn.de_tai is not None
    if dg.p("tieu_chuan.CSTDCS.bat_buoc_sang_kien"):
        dg.kiem(co_sang_kien or co_de_tai, "Có sáng kiến/đề tài được công nhận",
                "Chưa có sáng kiến hoặc đề tài được công nhận (bắt buộc trước 01/01/2024)")
    else:
        la_htxs = cn.xep_loai is not None and cn.xep_loai.bac >= HTXSNV.bac
        duong = [x for x, co in (("xếp loại HTXSNV", la_htxs), ("có sáng kiến cấp cơ sở trở lên", co_sang_kien),
                                 ("có đề tài được nghiệm thu", co_de_tai)) if co]
        dg.kiem(bool(duong), "Đạt vì " + ", ".join(duong),
                "Không xếp loại HTXSNV, không có sáng kiến và không có đề tài được công nhận",
                f"{L22}, Điều 23")


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
            + ", ".join(map(str, thieu)) + ")", f"{L22}, Điều 22 khoản 1 điểm a")
    if dg.p("tieu_chuan.CSTDT.khong_tinh_lai_nam_da_dung"):
        da_dung = [y for y in nc.so_theo_doi.cac_nam(cn.ma, "CSTDT") if y >= chuoi[0]]
        dg.kiem(not da_dung, "Các năm CSTĐCS chưa được tính cho CSTĐ tỉnh trước đó",
                f"Năm CSTĐCS {chuoi[0]}–{da_dung[-1] if da_dung else ''} đã được tính khi đạt CSTĐ tỉnh năm "
                + ", ".join(map(str, da_dung)) + ", không tính lại", f"{L22}, Điều 5 khoản 2")
    bi_kl = _ky_luat_trong(nc, cn.ma, chuoi)
    dg.kiem(not bi_kl, "Không bị kỷ luật trong các năm tính thành tích",
            "Bị kỷ luật năm " + ", ".join(map(str, bi_kl)) + ": thành tích chỉ tính từ sau khi hết kỷ luật",
            ND152_D4)
    cap = cn.cap_thanh_tich
    dg.kiem(cap is not None and cap.bac >= TINH.bac,
            f"Sáng kiến/đề tài cấp {cap.ten if cap else ''} có ảnh hưởng trong tỉnh",
            "Chưa có sáng kiến hoặc đề tài được công nhận ở cấp Tỉnh trở lên"
            + (f" (hiện cấp {cap.ten})" if cap else ""), f"{L22}, Điều 22 khoản 1 điểm b")


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
            + (", ".join(map(str, sorted(nam_dat))) or "chưa có") + ")", f"{L22}, Điều 21 khoản 1 điểm a")
    dg.theo_quy_che.append("Cách hiểu \"liên tục\": hai lần CSTĐ tỉnh không bỏ sót chu kỳ nào giữa chúng"
                           " (quy chế mặc định)")
    cap = cn.cap_thanh_tich
    dg.kiem(cap is not None and cap.bac >= TOAN_QUOC.bac, "Sáng kiến/đề tài có phạm vi ảnh hưởng toàn quốc",
            "Chưa có sáng kiến hoặc đề tài được công nhận phạm vi Toàn quốc", f"{L22}, Điều 21 khoản 1 điểm b")


def bang_khen_tinh_ca_nhan(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 74(1)(d): Bằng khen for a person with CSTĐCS twice in a row, or rated HTXSNV for at
    least 2 consecutive years during which 2 initiatives were recognised and applied at unit level.
    Initiatives already used for a CSTĐCS are not counted again (MOHA answer; quy chế)."""
    khong_dang_xem_xet(cn, dg)
    can_cu = f"{L22}, Điều 74 khoản 1 điểm d"
    n = dg.p("tieu_chuan.BKT.so_nam_CSTDCS")
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
        # The CSTĐCS of year y was earned through the initiative when the rating alone could not earn it:
        # rated below HTXSNV, or the regime of that year (end of year y) made an initiative mandatory.
        xl = xep_loai(y)
        bat_buoc = nc.ts.bo["tieu_chuan.CSTDCS.bat_buoc_sang_kien"].tai_ngay(dt.date(y, 12, 31)).gia_tri
        return not (bat_buoc or xl is None or xl.bac < HTXSNV.bac)

    so_nam_htxs, so_sk, y = 0, 0, nc.nam
    while (xl := xep_loai(y)) is not None and xl.bac >= HTXSNV.bac and not (y != nc.nam and nc.so_theo_doi.ky_luat(cn.ma, y)):
        so_nam_htxs += 1
        so_sk += sang_kien_dung_duoc(y)
        y -= 1
    duong_2 = so_nam_htxs >= 2 and so_sk >= can_sk
    if duong_1:
        dg.kiem(True, f"CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]}", "", can_cu)
    elif duong_2:
        dg.kiem(True, f"HTXSNV {so_nam_htxs} năm liên tục đến {nc.nam} với {so_sk} sáng kiến", "", can_cu)
    else:
        dg.kiem(False, "", f"Chưa đạt CSTĐCS {n} năm liên tục {chuoi[0]}–{chuoi[-1]} (thiếu năm "
                + ", ".join(map(str, thieu or [])) + ")" + (" hoặc bị kỷ luật trong các năm đó" if not thieu else "")
                + f"; cũng chưa có {so_nam_htxs if so_nam_htxs >= 2 else 'đủ 2'} năm HTXSNV liên tục kèm ≥ {can_sk}"
                f" sáng kiến (hiện {so_nam_htxs} năm HTXSNV, {so_sk} sáng kiến tính được)", can_cu)
    dg.gia_su("Các tiêu chuẩn khác của Điều 74 khoản 1 (điểm a–c) do Hội đồng đánh giá", f"{L22}, Điều 74 khoản 1")


def giay_khen_ca_nhan(cn: CaNhan, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 75(2) leaves the Giấy khen criteria to the agency; default: rating ≥ HTTNV and no
    discipline in the year (quy chế)."""
    khong_dang_xem_xet(cn, dg)
    dg.kiem(cn.xep_loai is not None and cn.xep_loai.bac >= HTTNV.bac,
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}",
            f"Xếp loại {_ten_xep_loai(cn.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            f"{L22}, Điều 75 khoản 2")
    dg.kiem(cn.ky_luat is None, "Không bị kỷ luật trong năm", f"Bị kỷ luật {cn.ky_luat.ten if cn.ky_luat else ''} trong năm")
    dg.theo_quy_che.append("Tiêu chuẩn Giấy khen (từ HTTNV, không bị kỷ luật) (quy chế mặc định)")


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
            f"{L22}, Điều 28")
    so_tv, so_ldtt, _ = _dem_thanh_vien(tt, nc)
    nguong: Fraction = dg.p("tieu_chuan.TTLDTT.ty_le_LDTT")
    dg.kiem(so_tv > 0 and Fraction(so_ldtt, so_tv) > nguong,
            f"LĐTT {_ty_le(so_ldtt, so_tv)} thành viên, trên {hien_thi_gia_tri(nguong)}",
            f"Chỉ {_ty_le(so_ldtt, so_tv)} thành viên đạt LĐTT, phải trên {hien_thi_gia_tri(nguong)}")
    muc = dg.p("tieu_chuan.TTLDTT.ky_luat_loai_tru")
    bi_kl = [m.ho_ten for m in nc.thanh_vien(tt.ma) if m.ky_luat is not None and m.ky_luat.bac >= muc.bac]
    dg.kiem(not bi_kl, f"Không có thành viên bị kỷ luật từ {muc.ten} trở lên",
            f"Có thành viên bị kỷ luật từ {muc.ten} trở lên: " + ", ".join(bi_kl))
    dg.gia_su("Có phong trào thi đua thường xuyên, hiệu quả; nội bộ đoàn kết, chấp hành tốt pháp luật",
              f"{L22}, Điều 28")


def tieu_chuan_tap_the_lao_dong_xuat_sac(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 27: HTXS nhiệm vụ; 100 % of members complete their tasks, at least 70 % LĐTT; at least
    one member CSTĐCS; unity and exemplary compliance (assumed)."""
    can_cu = f"{L22}, Điều 27"
    dg.kiem(tt.xep_loai is not None and tt.xep_loai.bac >= HTXSNV.bac,
            "Tập thể xếp loại HTXSNV", f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}, chưa đạt HTXSNV", can_cu)
    tv = nc.thanh_vien(tt.ma)
    so_tv, so_ldtt, so_cstdcs = _dem_thanh_vien(tt, nc)
    chua_ht = [m.ho_ten for m in tv if m.xep_loai is None or m.xep_loai.bac < HTNV.bac]
    dg.kiem(so_tv > 0 and not chua_ht, f"100 % thành viên ({so_tv}) hoàn thành nhiệm vụ",
            "Tập thể chưa có thành viên" if so_tv == 0 else
            f"{len(chua_ht)}/{so_tv} thành viên chưa hoàn thành nhiệm vụ hoặc chưa xếp loại: " + ", ".join(chua_ht[:5])
            + ("…" if len(chua_ht) > 5 else ""))
    nguong: Fraction = dg.p("tieu_chuan.TTLDXS.ty_le_LDTT")
    dg.kiem(so_tv > 0 and Fraction(so_ldtt, so_tv) >= nguong,
            f"LĐTT {_ty_le(so_ldtt, so_tv)} thành viên, từ {hien_thi_gia_tri(nguong)} trở lên",
            f"Chỉ {_ty_le(so_ldtt, so_tv)} thành viên đạt LĐTT, cần từ {hien_thi_gia_tri(nguong)}")
    dg.kiem(so_cstdcs >= 1, f"Có {so_cstdcs} thành viên đạt CSTĐCS", "Không có thành viên nào đạt CSTĐCS")
    dg.gia_su("Phong trào thi đua thường xuyên, hiệu quả; nội bộ đoàn kết, gương mẫu chấp hành pháp luật", can_cu)


def tap_the_lao_dong_xuat_sac(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    tieu_chuan_tap_the_lao_dong_xuat_sac(tt, dg, nc)


def co_thi_dua_tinh(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 26(1): the yearly flag for collectives that lead their emulation block (khối thi đua).
    Default (quy chế): the TTLĐXS standard this year; the rank within the khối is applied as a quota of 1."""
    con = DanhGia(DANH_HIEU["TTLDXS"], dg.ts)
    tieu_chuan_tap_the_lao_dong_xuat_sac(tt, con, nc)
    dg.gop(con, "Tiêu chuẩn TTLĐXS")
    dg.kiem(bool(tt.khoi), f"Thuộc khối thi đua {tt.khoi}", "Chưa ghi Khối thi đua của tập thể",
            f"{L22}, Điều 26 khoản 1")
    dg.kiem(tt.diem is not None, f"Điểm thi đua {tt.diem:g}" if tt.diem is not None else "",
            "Chưa có Điểm thi đua để xếp hạng trong khối")


def giay_khen_tap_the(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 75(2): criteria set by the agency; default: collective rating ≥ HTTNV (quy chế)."""
    dg.kiem(tt.xep_loai is not None and tt.xep_loai.bac >= HTTNV.bac,
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}",
            f"Tập thể xếp loại {_ten_xep_loai(tt.xep_loai)}, chưa đạt mức Hoàn thành tốt nhiệm vụ",
            f"{L22}, Điều 75 khoản 2")
    dg.theo_quy_che.append("Tiêu chuẩn Giấy khen tập thể (từ HTTNV) (quy chế mặc định)")


def bang_khen_tinh_tap_the(tt: TapThe, dg: DanhGia, nc: NguCanh) -> None:
    """Law 2022 Art. 74 (collectives): the criteria were not confirmed (DOMAIN.md §10) and are not encoded;
    the council decides by its vote."""
    dg.gia_su("Tiêu chuẩn Bằng khen tập thể (Điều 74) chưa được mã hoá: Hội đồng đánh giá và quyết định"
              " bằng bỏ phiếu", f"{L22}, Điều 74")


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
