"""The decision: eligibility → vote → quota → final → money, for every proposal (SPEC §4 ``xet``).

Titles are decided in dependency order: LĐTT and Giấy khen; CSTĐCS; then CSTĐ tỉnh and Bằng khen (which need
this year's CSTĐCS); CSTĐ toàn quốc; then the collectives (whose ratios count this year's individual
results); Cờ thi đua last (it needs the TTLĐXS standard and the rank in the khối).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Any

from .binh_xet import (
    THAM_SO_PHIEU,
    KetQuaPhieu,
    cat_chi_tieu,
    ket_qua_phieu,
    khoa_xep_hang,
    so_chi_tieu,
    uu_tien_theo_luat,
    viet_tat_can_cu,
)
from .danh_muc import CA_NHAN, DANH_HIEU, TAP_THE, DanhHieu
from .doc_bang import dien_o
from .kiem_tra import KetQuaKiemTra
from .loi import CANH_BAO, LOI, LoiThamSo, VanDe, sap_xep_van_de
from .mo_hinh import CaNhan, DuLieu, TapThe, ThongTin
from .su_kien import cap_cao_nhat
from .tham_so import TEN_LUA_CHON, BoThamSo, ThamSoApDung, bo_tham_so_mac_dinh, hien_thi_gia_tri
from .tien_thuong import tinh_tien_thuong
from .tieng_viet import dinh_dang_so, dinh_dang_tien, khoa_sap_xep_ho_ten, khoi_thi_dua
from .tieu_chuan import (
    TIEU_CHUAN_CA_NHAN,
    TIEU_CHUAN_TAP_THE,
    TIEU_CHUAN_THEO_DOT,
    DanhGia,
    KetQuaTieuChi,
    TieuChi,
    so_nam_ky,
    thanh_vien_bi_ky_luat,
)

THU_TU_CA_NHAN = (("LDTT", "GK"), ("CSTDCS",), ("CSTDT", "BKT"), ("CSTDTQ",))
THU_TU_TAP_THE = (("TTLDTT", "TTLDXS", "GK", "BKT"), ("CTDT",))


class TrangThaiPhieu(StrEnum):
    """Where a result stands with the council's vote."""

    KHONG_CAN = "khong_can"  # this code is not voted on
    CHUA_CO = "chua_co"  # the round has no ballots yet
    THIEU = "thieu"  # must be voted on, but no ballot column
    KHONG_DU_SO_NGUOI = "khong_du_so_nguoi"  # counted, but the meeting had no quorum: void
    CO = "co"  # counted


class KetLuan(StrEnum):
    """The outcome of one proposal (the value the faces format; ``KetQua.ket_luan``)."""

    DAT = "dat"
    KHONG_DU_DIEU_KIEN = "khong_du_dieu_kien"
    CHUA_CO_PHIEU = "chua_co_phieu"
    THIEU_PHIEU = "thieu_phieu"
    KHONG_DU_SO_NGUOI = "khong_du_so_nguoi"
    KHONG_DAT_PHIEU = "khong_dat_phieu"
    HOI_DONG_QUYET_DINH = "hoi_dong_quyet_dinh"
    NGOAI_CHI_TIEU = "ngoai_chi_tieu"


_VI_SAO_KHONG_DAT = {  # why a proposal did not pass, in a warning's words (co_khong_ttldxs)
    KetLuan.KHONG_DU_DIEU_KIEN: "không đủ tiêu chuẩn", KetLuan.CHUA_CO_PHIEU: "chưa có phiếu bầu",
    KetLuan.THIEU_PHIEU: "không có trong phiếu bầu", KetLuan.KHONG_DU_SO_NGUOI: "phiếu không có giá trị: không đủ "
    "số thành viên có mặt", KetLuan.KHONG_DAT_PHIEU: "không đạt tỷ lệ phiếu", KetLuan.NGOAI_CHI_TIEU: "ngoài chỉ tiêu"}


@dataclass(frozen=True)
class NguoiHoa:
    """One of a group tied at a quota's cut: who, which unit, whether the law gives them priority
    (ND 152/2025 Art. 4(6)), and the council's choice recorded in HoiDongQuyet (None: not recorded)."""

    ten: str
    ma: str
    don_vi: str
    uu_tien: bool
    chon: bool | None = None
    ly_do: str = ""


@dataclass(frozen=True)
class HoaTaiDiemCat:
    """A tie at a quota's cut, as data: the group, the places left for it, the priority rule's threshold and
    citation. Resolved when the council recorded a choice for everyone and chose no more than the places."""

    nguoi: tuple[NguoiHoa, ...]
    con_lai: int
    nguong_nu: Fraction
    can_cu_uu_tien: str

    @property
    def da_ghi_du(self) -> bool:
        return all(n.chon is not None for n in self.nguoi)

    @property
    def so_chon(self) -> int:
        return sum(1 for n in self.nguoi if n.chon)

    @property
    def da_quyet(self) -> bool:
        return self.da_ghi_du and self.so_chon <= self.con_lai


@dataclass(frozen=True)
class CatChiTieu:
    """One candidate's place in a quota cut, as data: rank among how many, the value ranked on, inside or
    outside, the tie it belongs to (the council decides), and what the quota is (a khối lead, or a ratio of a
    base)."""

    xep_hang: int
    so_ung_vien: int
    diem: float | int  # agreeing votes, or the emulation score (khối)
    theo_diem_thi_dua: bool
    trong: bool
    gioi_han: int
    hoa: HoaTaiDiemCat | None = None
    khoi: str | None = None
    ty_le: Fraction | None = None
    co_so: int = 0
    ma_co_so: str = ""  # a title code, "so_ca_nhan" or "so_tap_the"


def mo_ta_chi_tieu(c: CatChiTieu) -> str:
    """"chỉ tiêu 15 % × 44 LĐTT = 6", or "dẫn đầu khối K1 theo điểm thi đua" ("dẫn đầu Khối chi cục …")."""
    if c.khoi is not None:
        return f"dẫn đầu {khoi_thi_dua(c.khoi)} theo điểm thi đua"
    ten_co_so = (DANH_HIEU[c.ma_co_so].viet_tat if c.ma_co_so in DANH_HIEU
                 else TEN_LUA_CHON.get(c.ma_co_so, c.ma_co_so).removeprefix("số "))
    return f"chỉ tiêu {hien_thi_gia_tri(c.ty_le)} × {c.co_so} {ten_co_so} = {c.gioi_han}"


def diem_chu(c: CatChiTieu) -> str:
    return f"{dinh_dang_so(c.diem)} điểm" if c.theo_diem_thi_dua else f"{c.diem} phiếu"


def cau_uu_tien(h: HoaTaiDiemCat, van_ban: bool = False) -> str:
    """Who of a tie the law favours (ND 152/2025 Art. 4(6)), as the notice says it (with the staff code) or, with
    ``van_ban``, a signed document (with the unit: no internal code in the minutes)."""
    uu = [f"{n.ten} ({n.don_vi if van_ban else n.ma})" for n in h.nguoi if n.uu_tien]
    return (f"Pháp luật ưu tiên nữ và tập thể có từ {hien_thi_gia_tri(h.nguong_nu)} nữ "
            f"(theo {viet_tat_can_cu(h.can_cu_uu_tien)}): "
            + (", ".join(uu) if uu else "không ai trong nhóm này thuộc diện ưu tiên"))


def thong_bao_hoa(dh: DanhHieu, c: CatChiTieu) -> str:
    """The council's notice for a tie still open at a quota's cut, rendered from the tie's data (it is also the
    problem ``hoa_chua_quyet``)."""
    h = c.hoa
    assert h is not None
    ten_dv = [f"{n.ten} ({n.ma}, {n.don_vi})" for n in h.nguoi]
    uu_chu = cau_uu_tien(h)
    thieu = ""
    if h.da_ghi_du:
        thieu = (f" Sheet HoiDongQuyet chọn {h.so_chon} người nhưng chỉ còn {h.con_lai} chỗ: sửa lại cột "
                 "'Hội đồng chọn'.")
    elif any(n.chon is not None for n in h.nguoi):
        thieu = " Sheet HoiDongQuyet còn thiếu: " + ", ".join(n.ma for n in h.nguoi if n.chon is None) + "."
    return (f"{dh.viet_tat}: {len(h.nguoi)} người bằng nhau tại điểm cắt ({diem_chu(c)}, {mo_ta_chi_tieu(c)}, còn "
            f"{h.con_lai} chỗ): Hội đồng cần quyết định giữa {'; '.join(ten_dv)}. {uu_chu}. Ghi quyết định vào "
            f"sheet HoiDongQuyet (Mã, Danh hiệu, Hội đồng chọn Có/Không, Lý do); đến khi có quyết định, văn "
            f"bản về {dh.viet_tat} là DỰ THẢO.{thieu}")


@dataclass
class KetQua:
    """One decision (SPEC §4 ``KQ``), as data: the criteria, the vote, the quota cut, the outcome, the money.
    Its sentences (``ly_do``) are rendered from these by ``ket_xuat``."""

    danh_hieu: DanhHieu
    du_dieu_kien: bool
    tieu_chi: list[TieuChi] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    theo_quy_che: list[str] = field(default_factory=list)
    dat: bool = False
    cap_quyet_dinh: str = ""  # "so" | "tinh" | "thu_tuong" (params/tham_quyen)
    trang_thai_phieu: TrangThaiPhieu = TrangThaiPhieu.KHONG_CAN
    phieu: KetQuaPhieu | None = None  # THE vote result (binh_xet.ket_qua_phieu), quorum included
    chi_tieu: CatChiTieu | None = None
    can_hoi_dong: bool = False
    ngoai_chi_tieu: bool = False
    tien_thuong: int | None = None
    giai_thich_tien: str = ""
    khong_chi_vi: DanhHieu | None = None  # not paid: the highest title of the same period is paid instead
    chi_mot_dong: bool = False  # eligibility judged on one row alone (TD_XET): no vote, quota or conclusion
    thieu_so_theo_doi: bool = False  # … and its criteria need the ledger, which one row does not have
    ma_doi_tuong: str = ""  # the person's or collective's code

    @property
    def gia_dinh(self) -> list[str]:
        return [t.noi_dung for t in self.tieu_chi if t.ket_qua == KetQuaTieuChi.GIA_DINH]

    @property
    def so_quyet_dinh(self) -> bool:
        """The Giám đốc Sở decides it (else the Sở proposes upward)."""
        return self.cap_quyet_dinh == "so"

    @property
    def xep_hang(self) -> int | None:
        return self.chi_tieu.xep_hang if self.chi_tieu else None

    @property
    def hoa_tai_diem_cat(self) -> bool:
        """Tied at a quota cut (resolved by the council or still pending)."""
        return self.chi_tieu is not None and self.chi_tieu.hoa is not None

    @property
    def nguoi_hoa(self) -> NguoiHoa | None:
        """This candidate's entry in the tie (with the council's choice), if tied."""
        c = self.chi_tieu
        if c is None or c.hoa is None:
            return None
        return next((n for n in c.hoa.nguoi if n.ma == self.ma_doi_tuong), None)

    @property
    def phieu_vo_hieu(self) -> bool:
        """The meeting had no quorum: the vote is void."""
        return self.trang_thai_phieu == TrangThaiPhieu.KHONG_DU_SO_NGUOI

    @property
    def ket_luan(self) -> KetLuan:
        if not self.du_dieu_kien:
            return KetLuan.KHONG_DU_DIEU_KIEN
        tp = self.trang_thai_phieu
        if tp == TrangThaiPhieu.CHUA_CO:
            return KetLuan.CHUA_CO_PHIEU
        if tp == TrangThaiPhieu.THIEU:
            return KetLuan.THIEU_PHIEU
        if tp == TrangThaiPhieu.KHONG_DU_SO_NGUOI:
            return KetLuan.KHONG_DU_SO_NGUOI
        if tp == TrangThaiPhieu.CO and not (self.phieu and self.phieu.dat):
            return KetLuan.KHONG_DAT_PHIEU
        if self.can_hoi_dong:
            return KetLuan.HOI_DONG_QUYET_DINH
        if self.ngoai_chi_tieu:
            return KetLuan.NGOAI_CHI_TIEU
        return KetLuan.DAT


@dataclass
class KetQuaXet:
    nam: int
    ngay_quyet_dinh: dt.date
    du_lieu: DuLieu
    ca_nhan: list[tuple[CaNhan, list[KetQua]]]
    tap_the: list[tuple[TapThe, list[KetQua]]]
    ts: ThamSoApDung
    van_de: list[VanDe] = field(default_factory=list)
    # the whole round when this one is a part of it (``ho_so.loc_theo_cap``: the proposals one level decides):
    # facts about the round — how many of a unit's members were rated LĐTT — are taken from the whole
    ca_vong: KetQuaXet | None = field(default=None, repr=False, compare=False)
    _tat_ca: list[tuple[CaNhan | TapThe, KetQua]] | None = field(default=None, init=False, repr=False, compare=False)
    # what the outputs derive from the decided round and ask for several times (ket_xuat.bang_kiem_phieu: the
    # minutes, the vote-count minutes, the hồ sơ's copies and ket-qua.xlsx), computed once; read-only
    da_tinh: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def tat_ca(self) -> list[tuple[CaNhan | TapThe, KetQua]]:
        """Every (subject, result) pair, persons first. Built once (issue 15: the documents ask ~60 times, 48 ms
        each at 20,000 staff); the lists of a decided round are not changed afterwards (``dataclasses.replace``
        makes a new round with its own)."""
        if self._tat_ca is None:
            self._tat_ca = [(c, k) for c, ks in self.ca_nhan for k in ks] + [(t, k) for t, ks in self.tap_the
                                                                             for k in ks]
        return list(self._tat_ca)

    def can_hoi_dong(self) -> list[tuple[CaNhan | TapThe, KetQua]]:
        return [(s, k) for s, k in self.tat_ca() if k.can_hoi_dong]


class PhienXet:
    """One decision round; implements ``tieu_chuan.NguCanh`` for the criteria."""

    def __init__(self, du_lieu: DuLieu, bo_tham_so: BoThamSo | None = None) -> None:
        self.du_lieu = du_lieu
        self.nam = du_lieu.thong_tin.nam
        self.ngay_quyet_dinh = du_lieu.thong_tin.ngay_quyet_dinh
        self.ts = (bo_tham_so or bo_tham_so_mac_dinh()).tai_ngay(self.ngay_quyet_dinh, du_lieu.quy_che)
        self.so_theo_doi = du_lieu.so_theo_doi
        self._thanh_vien: dict[str, list[CaNhan]] = defaultdict(list)
        for c in du_lieu.ca_nhan:
            self._thanh_vien[c.don_vi].append(c)
        self._dat: dict[tuple[str, str], bool] = {}
        self._cho: set[tuple[str, str]] = set()  # (subject, code) tied at a quota's cut, waiting for the council
        self._tien: dict[tuple[str, bool], Any] = {}  # the amount of a code is the same for everyone this round
        self.van_de: list[VanDe] = []
        self._chua_bo_phieu: list[tuple[CaNhan | TapThe, DanhHieu]] = []  # eligible, to be voted, no ballots at all

    # NguCanh
    def dat_nam_nay(self, ma: str, ma_danh_hieu: str) -> bool:
        return (self._dat.get((ma, ma_danh_hieu), False)
                or self.so_theo_doi.co(ma, ma_danh_hieu, self.nam, tinh_chuoi=True))  # ND 152/2025 Art. 4(3)

    def thanh_vien(self, ma_don_vi: str) -> Sequence[CaNhan]:
        return self._thanh_vien.get(ma_don_vi, [])

    def cho_hoi_dong(self, ma: str, ma_danh_hieu: str) -> bool:
        """Whether this round's result for (subject, code) waits for the council (a tie at a quota's cut)."""
        return (ma, ma_danh_hieu) in self._cho

    # pipeline
    def chay(self) -> KetQuaXet:
        kq_cn: dict[str, list[KetQua]] = {c.ma: [] for c in self.du_lieu.ca_nhan}
        kq_tt: dict[str, list[KetQua]] = {t.ma: [] for t in self.du_lieu.tap_the}
        for tang in THU_TU_CA_NHAN:
            self._xet_tang(self.du_lieu.ca_nhan, tang, CA_NHAN, kq_cn)
        for tang_tt in THU_TU_TAP_THE:
            self._xet_tang(self.du_lieu.tap_the, tang_tt, TAP_THE, kq_tt)
        for c in self.du_lieu.ca_nhan:
            self._chi_tien(kq_cn[c.ma], tap_the=False)
        for t in self.du_lieu.tap_the:
            self._chi_tien(kq_tt[t.ma], tap_the=True)
        thu_tu = {d: i for i, d in enumerate(DANH_HIEU)}
        for ds in (*kq_cn.values(), *kq_tt.values()):
            ds.sort(key=lambda k: thu_tu[k.danh_hieu.ma])
        if self._chua_bo_phieu:
            self.van_de.append(self._canh_bao_chua_bo_phieu())
        self.van_de += self._canh_bao_co_thi_dua(kq_tt)
        self.van_de += self._canh_bao_thanh_vien_ky_luat(kq_tt)
        return KetQuaXet(self.nam, self.ngay_quyet_dinh, self.du_lieu,
                         [(c, kq_cn[c.ma]) for c in self.du_lieu.ca_nhan],
                         [(t, kq_tt[t.ma]) for t in self.du_lieu.tap_the], self.ts, self.van_de)

    def _canh_bao_thanh_vien_ky_luat(self, kq_tt: dict[str, list[KetQua]]) -> list[VanDe]:
        """A collective that passes TTLĐXS or the Cờ (proposed upward) with a member disciplined at Cảnh cáo or
        above this year — the same fact that refuses it TTLĐTT (quy chế, Law 2003 Art. 28). Law 2022 Art. 27's quoted
        text no longer lists it (DOMAIN.md §2.4: UNCONFIRMED whether dropped), so the result stands; but point (đ)
        asks exemplary compliance with the law, and the council should weigh it before the Tờ trình goes up (a
        clerk's review: such a unit was proposed for TTLĐXS and the Cờ with no word)."""
        ra = []
        for t in self.du_lieu.tap_the:
            dat = [k for k in kq_tt.get(t.ma, []) if k.dat and k.danh_hieu.ma in ("TTLDXS", "CTDT")]
            if not dat or t.nguon is None:
                continue
            muc = self.ts("tieu_chuan.TTLDTT.ky_luat_loai_tru")
            bi_kl = thanh_vien_bi_ky_luat(t.ma, self, muc)
            if bi_kl:
                ra.append(VanDe("tap_the_co_ky_luat", CANH_BAO,
                                f"{t.ten} đạt {', '.join(k.danh_hieu.viet_tat for k in dat)} nhưng có thành viên bị kỷ "
                                f"luật từ {muc.ten} trở lên trong năm ({', '.join(bi_kl)}) — vì vậy không đạt TTLĐTT. "
                                f"{self.ts('can_cu.TTLDXS')} không còn nêu điều kiện này (chưa xác nhận), nhưng đòi hỏi "
                                "tập thể gương mẫu chấp hành pháp luật: Hội đồng cân nhắc trước khi trình cấp trên.",
                                t.nguon.tep, t.nguon.sheet, "", t.nguon.dong, "Đề nghị"))
        return ra

    def _canh_bao_co_thi_dua(self, kq_tt: dict[str, list[KetQua]]) -> list[VanDe]:
        """Two readings of the Cờ thi đua a province may hold, reported at a collective whose Cờ passed — for the
        council before the Tờ trình goes up (review of the demo's documents, 2026-11-29) — the result unchanged:
        the Cờ rests on the TTLĐXS *standard* and is ranked among the collectives of a khối that propose it (Law
        2022 Art. 26, DOMAIN.md §10; README, the readings left open). ``co_khong_dan_dau_khoi``: a collective of
        the same khối that does not propose the Cờ scores higher (the Tờ trình says "dẫn đầu khối");
        ``co_khong_ttldxs``: the same round did not give it TTLĐXS (not proposed, ineligible, voted down, outside a
        quota) — provinces usually pick the Cờ among the collectives that are TTLĐXS."""
        de_nghi_co = {ma for ma, ks in kq_tt.items() if any(k.danh_hieu.ma == "CTDT" for k in ks)}
        ra = []
        for t in self.du_lieu.tap_the:
            ds = {k.danh_hieu.ma: k for k in kq_tt.get(t.ma, [])}
            co, xs = ds.get("CTDT"), ds.get("TTLDXS")
            if co is None or not co.dat:
                continue
            n = t.nguon
            noi: tuple[str, str, str, int | None] = (n.tep, n.sheet, "", n.dong) if n else ("", "", "", None)
            hon = [u for u in self.du_lieu.tap_the if t.khoi and u.khoi == t.khoi and u.ma not in de_nghi_co
                   and u.diem is not None and t.diem is not None and u.diem > t.diem]
            if hon:
                tot = max(hon, key=lambda u: u.diem or 0)
                ra.append(VanDe("co_khong_dan_dau_khoi", CANH_BAO, f"{t.ten} được đề nghị {DANH_HIEU['CTDT'].ten} "
                                f"như đơn vị dẫn đầu {khoi_thi_dua(t.khoi or '')} ({dinh_dang_so(t.diem or 0)} điểm), "
                                f"nhưng {len(hon)} đơn vị cùng khối không đề nghị Cờ có điểm thi đua cao hơn (cao nhất: "
                                f"{tot.ten}, {dinh_dang_so(tot.diem or 0)} điểm). Thứ hạng Cờ chỉ xét giữa các đơn vị "
                                "đề nghị; Tờ trình ghi “dẫn đầu” — Hội đồng xem lại kết quả chấm điểm của khối trước "
                                "khi trình.", *noi, "Điểm thi đua"))
            if xs is None or (not xs.dat and not xs.can_hoi_dong):
                vi = _VI_SAO_KHONG_DAT.get(xs.ket_luan, "không đạt") if xs is not None else "không được đề nghị"
                if xs is not None and xs.ket_luan == KetLuan.KHONG_DAT_PHIEU and xs.phieu:
                    vi = f"chỉ được {xs.phieu.dong_y}/{xs.phieu.mau_so} phiếu đồng ý"
                ra.append(VanDe("co_khong_ttldxs", CANH_BAO, f"{t.ten} được đề nghị {DANH_HIEU['CTDT'].ten} nhưng "
                                f"không đạt danh hiệu “{DANH_HIEU['TTLDXS'].ten}” năm {self.nam} ({vi}): Cờ thi đua "
                                "thường được chọn trong số các tập thể đạt danh hiệu “Tập thể lao động xuất sắc”; "
                                "Hội đồng xem lại trước khi trình cấp trên.", *noi, "Đề nghị"))
        return ra

    def _canh_bao_chua_bo_phieu(self) -> VanDe:
        """No ballots at all (no PhieuBau, no KiemPhieu): every code that needs the council's vote ends "0 đạt" —
        one warning for the whole round, naming who waits for the vote."""
        ds = self._chua_bo_phieu
        theo_ma: dict[str, list[str]] = defaultdict(list)
        for d, dh in ds:
            theo_ma[dh.viet_tat].append(f"{self._ten(d)} ({d.ma})")
        ke = "; ".join(f"{ma} ({len(ten)}): " + ", ".join(ten[:10]) + (f" và {len(ten) - 10} người khác"
                                                                         if len(ten) > 10 else "")
                       for ma, ten in theo_ma.items())
        return VanDe("chua_co_phieu", CANH_BAO, f"Chưa có phiếu bầu của Hội đồng (không có sheet PhieuBau hoặc "
                     f"KiemPhieu): {len(ds)} đề nghị đủ tiêu chuẩn nhưng phải bỏ phiếu nên chưa thể đạt — {ke}. Chuẩn "
                     "bị phiếu bằng thidua tao-phieu, nhập phiếu vào sheet PhieuBau (hoặc kết quả vào KiemPhieu) rồi "
                     "chạy lại.", self.du_lieu.thong_tin.nguon or "", "PhieuBau")

    def _xet_tang(self, doi_tuong: Sequence[CaNhan | TapThe], tang: tuple[str, ...], loai: str,
                  ket_qua: dict[str, list[KetQua]]) -> None:
        bang: dict[str, Any] = TIEU_CHUAN_CA_NHAN if loai == CA_NHAN else TIEU_CHUAN_TAP_THE
        if not self.du_lieu.thong_tin.cuoi_nam:  # a chuyên đề / đột xuất round: forms reward its achievement
            bang = {**bang, **TIEU_CHUAN_THEO_DOT}
        for ma_dh in tang:
            dh = DANH_HIEU[ma_dh]
            ung_vien: list[tuple[CaNhan | TapThe, KetQua]] = []
            for dt_ in doi_tuong:
                if dh not in dt_.de_nghi:
                    continue
                kq = self._xet_dieu_kien(dt_, dh, bang)
                ket_qua[dt_.ma].append(kq)
                ung_vien.append((dt_, kq))
            self._bo_phieu(dh, ung_vien)
            self._ap_chi_tieu(dh, ung_vien)
            for dt_, kq in ung_vien:
                kq.dat = kq.ket_luan == KetLuan.DAT
                self._dat[(dt_.ma, dh.ma)] = kq.dat
                if kq.can_hoi_dong:
                    self._cho.add((dt_.ma, dh.ma))
        # any proposal of a code that does not apply to this kind of subject
        for dt_ in doi_tuong:
            for dh in dt_.de_nghi:
                if loai not in dh.doi_tuong and not any(k.danh_hieu == dh for k in ket_qua[dt_.ma]):
                    ket_qua[dt_.ma].append(KetQua(dh, False, tieu_chi=[TieuChi(
                        f"{dh.viet_tat} không áp dụng cho {'cá nhân' if loai == CA_NHAN else 'tập thể'}",
                        KetQuaTieuChi.KHONG_DAT, (("doi_tuong", loai),))], cap_quyet_dinh=self._cap(dh),
                        ma_doi_tuong=dt_.ma))

    def _cap(self, dh: DanhHieu) -> str:
        return str(self.ts(f"tham_quyen.{dh.ma}"))

    def _xet_dieu_kien(self, dt_: CaNhan | TapThe, dh: DanhHieu, bang: dict[str, Any]) -> KetQua:
        dg = DanhGia(dh, self.ts)
        bang[dh.ma](dt_, dg, self)
        return KetQua(dh, dg.du_dieu_kien, tieu_chi=dg.tieu_chi, can_cu=dg.can_cu, theo_quy_che=dg.theo_quy_che,
                      cap_quyet_dinh=self._cap(dh), ma_doi_tuong=dt_.ma)

    def _bo_phieu(self, dh: DanhHieu, ung_vien: list[tuple[CaNhan | TapThe, KetQua]]) -> None:
        ten_bo_phieu = f"binh_xet.bo_phieu.{dh.ma}"
        if not self.ts(ten_bo_phieu):
            return
        kp = self.du_lieu.kiem_phieu
        for dt_, kq in ung_vien:
            self._ghi_can_cu(kq, ten_bo_phieu)
            if kp is None:
                kq.trang_thai_phieu = TrangThaiPhieu.CHUA_CO
                if kq.du_dieu_kien:
                    self._chua_bo_phieu.append((dt_, dh))
                continue
            self._ghi_can_cu(kq, f"binh_xet.nguong.{dh.ma}")
            for ten in THAM_SO_PHIEU:
                self._ghi_can_cu(kq, ten)
            phieu = ket_qua_phieu(kp, (dt_.ma, dh.ma), self.ts)
            if phieu is None:
                kq.trang_thai_phieu = TrangThaiPhieu.THIEU
                if kq.du_dieu_kien:
                    self.van_de.append(VanDe(
                        "thieu_phieu", LOI, f"{self._ten(dt_)} ({dt_.ma}) được đề nghị {dh.viet_tat}, phải bỏ phiếu"
                        " nhưng không có cột nào trong phiếu bầu; thêm cột "
                        f"'{dt_.ma} - {dh.ma}' vào sheet PhieuBau (hoặc dòng vào KiemPhieu).",
                        dt_.nguon.tep if dt_.nguon else "", dt_.nguon.sheet if dt_.nguon else "", "",
                        dt_.nguon.dong if dt_.nguon else None, "Đề nghị"))
                continue
            kq.phieu = phieu
            kq.trang_thai_phieu = TrangThaiPhieu.CO if phieu.du_so_nguoi else TrangThaiPhieu.KHONG_DU_SO_NGUOI

    def _ghi_can_cu(self, kq: KetQua, ten: str) -> Any:
        """A parameter's value; its citation and quy chế line join the result's."""
        gia_tri, can_cu, dong = self.ts.dien_giai(ten)
        if can_cu not in kq.can_cu:
            kq.can_cu.append(can_cu)
        if dong is not None and dong not in kq.theo_quy_che:
            kq.theo_quy_che.append(dong)
        return gia_tri

    def _qua_phieu(self, kq: KetQua) -> bool:
        if kq.trang_thai_phieu == TrangThaiPhieu.KHONG_CAN:
            return True
        return kq.trang_thai_phieu == TrangThaiPhieu.CO and kq.phieu is not None and kq.phieu.dat

    def _co_so(self, ma_co_so: str) -> int:
        """The quota's base this round: the number who achieved a title, or of individuals / collectives."""
        if ma_co_so == "so_ca_nhan":
            return len(self.du_lieu.ca_nhan)
        if ma_co_so == "so_tap_the":
            return len(self.du_lieu.tap_the)
        return sum(1 for (_, d), v in self._dat.items() if d == ma_co_so and v)

    def _ap_chi_tieu(self, dh: DanhHieu, ung_vien: list[tuple[CaNhan | TapThe, KetQua]]) -> None:
        con = [(d, k) for d, k in ung_vien if k.du_dieu_kien and self._qua_phieu(k)]
        if not con:
            return
        if dh.ma == "CTDT":
            so = self._ghi_can_cu(con[0][1], "tieu_chuan.CTDT.so_dan_dau_moi_khoi")
            theo_khoi: dict[str, list[tuple[CaNhan | TapThe, KetQua]]] = defaultdict(list)
            for d, k in con:
                theo_khoi[d.khoi if isinstance(d, TapThe) else ""].append((d, k))
            for khoi, ds in theo_khoi.items():
                self._cat(dh, ds, lambda x: (getattr(x[0], "diem", None) or 0,), so, khoi=khoi)
            return
        ten = f"chi_tieu.{dh.ma}"
        if ten not in self.ts.bo.tham_so:
            return
        ty_le = self._ghi_can_cu(con[0][1], ten)
        if ty_le is None:
            return
        ten_co_so = f"chi_tieu.co_so.{dh.ma}"
        if ten_co_so not in self.ts.bo.tham_so:
            raise LoiThamSo(f"Có chỉ tiêu {dh.viet_tat} ({ten}) nhưng không có cơ sở tính chỉ tiêu: thêm tệp "
                            f"params/chi_tieu/co_so/{dh.ma}.yaml (một mã danh hiệu, so_ca_nhan hoặc so_tap_the).")
        cach = self._ghi_can_cu(con[0][1], "chi_tieu.lam_tron")
        ma_co_so = str(self._ghi_can_cu(con[0][1], ten_co_so))
        co_so = self._co_so(ma_co_so)
        gioi_han = so_chi_tieu(ty_le, co_so, cach)
        for _, k in con:
            for t in (ten, "chi_tieu.lam_tron", ten_co_so):
                self._ghi_can_cu(k, t)

        def khoa(x: tuple[CaNhan | TapThe, KetQua]) -> tuple[float, ...]:
            d, k = x
            phieu = k.phieu.dong_y if k.phieu else 0
            xl = d.xep_loai.bac if d.xep_loai else 0
            if isinstance(d, CaNhan):
                cap = cap_cao_nhat(self.so_theo_doi, d, self.nam)  # register (SangKien) or shorthand
                return khoa_xep_hang(phieu, xl, cap.bac if cap else 0)
            return (phieu, xl, d.diem or 0)

        self._cat(dh, con, khoa, gioi_han, ty_le=ty_le, co_so=co_so, ma_co_so=ma_co_so)

    def _don_vi(self, d: CaNhan | TapThe) -> str:
        if isinstance(d, CaNhan):
            return next((t.ten for t in self.du_lieu.tap_the if t.ma == d.don_vi), d.don_vi)
        return d.khoi or "tập thể"

    def _uu_tien(self, d: CaNhan | TapThe, k: KetQua) -> bool:
        """ND 152/2025 Art. 4(6): women, and collectives with at least the set share of women, come first."""
        nguong = self._ghi_can_cu(k, "binh_xet.ty_le_nu_uu_tien")
        if isinstance(d, CaNhan):
            return uu_tien_theo_luat(gioi_tinh=d.gioi_tinh)
        tv = self.thanh_vien(d.ma)
        nu = sum(1 for c in tv if uu_tien_theo_luat(gioi_tinh=c.gioi_tinh))
        return bool(tv) and uu_tien_theo_luat(ty_le_nu=Fraction(nu, len(tv)), nguong_nu_tap_the=nguong)

    def _cat(self, dh: DanhHieu, ds: list[tuple[CaNhan | TapThe, KetQua]],
             khoa: Callable[[tuple[CaNhan | TapThe, KetQua]], tuple], gioi_han: int, khoi: str | None = None,
             ty_le: Fraction | None = None, co_so: int = 0, ma_co_so: str = "") -> None:
        """THE ranking (``binh_xet.cat_chi_tieu``) applied, and recorded as data on each result. A tie at the cut
        is resolved by the council's HoiDongQuyet rows, or waits for them (a problem names the group)."""
        cat = cat_chi_tieu(ds, khoa, gioi_han, lambda x: khoa_sap_xep_ho_ten(self._ten(x[0])))
        hoa = None
        if cat.hoa_tai_diem_cat:
            quyet = {id(x): self.du_lieu.hoi_dong_quyet.get((x[0].ma, dh.ma)) for x in cat.hoa_tai_diem_cat}
            can_cu_uu_tien = self.ts.chi_tiet("binh_xet.ty_le_nu_uu_tien")
            hoa = HoaTaiDiemCat(tuple(
                NguoiHoa(self._ten(d), d.ma, self._don_vi(d), self._uu_tien(d, k),
                         q.chon if (q := quyet[id(x)]) is not None else None, q.ly_do if q is not None else "")
                for x in cat.hoa_tai_diem_cat for d, k in (x,)), cat.so_cho_con_lai, can_cu_uu_tien.gia_tri,
                can_cu_uu_tien.can_cu)
        trong = {id(k) for _, k in cat.trong}
        trong_hoa = {id(k) for _, k in cat.hoa_tai_diem_cat}
        for x in ds:
            d, k = x
            diem = (getattr(d, "diem", None) or 0) if khoi is not None else (k.phieu.dong_y if k.phieu else 0)
            k.chi_tieu = CatChiTieu(cat.hang[id(x)], len(ds), diem, khoi is not None, id(k) in trong, gioi_han,
                                    hoa if id(k) in trong_hoa else None, khoi, ty_le, co_so, ma_co_so)
            if id(k) in trong_hoa:
                n = k.nguoi_hoa
                if hoa is not None and hoa.da_quyet and n is not None:
                    k.ngoai_chi_tieu = not n.chon
                else:
                    k.can_hoi_dong = True
                    k.ngoai_chi_tieu = True
            elif id(k) not in trong:
                k.ngoai_chi_tieu = True
        if hoa is not None and not hoa.da_quyet:
            d0 = cat.hoa_tai_diem_cat[0][0]
            k0 = cat.hoa_tai_diem_cat[0][1]
            assert k0.chi_tieu is not None
            n0 = d0.nguon
            if hoa.da_ghi_du:  # the resolution sheet is what to fix: at its first "Có" of the group (a newcomer's
                # review: the error named the first tied person's unit file, which has no such sheet)
                hdq = self.du_lieu.hoi_dong_quyet
                chon = [q.nguon for d, _ in cat.hoa_tai_diem_cat
                        if (q := hdq.get((d.ma, dh.ma))) is not None and q.chon and q.nguon is not None]
                n1 = min(chon, key=lambda n: (n.tep, n.sheet, n.dong)) if chon else None
                self.van_de.append(VanDe("hoa_chua_quyet", LOI, thong_bao_hoa(dh, k0.chi_tieu), n1.tep if n1 else "",
                                         n1.sheet if n1 else "HoiDongQuyet", "", n1.dong if n1 else None,
                                         "Hội đồng chọn"))
            elif n0 is None:
                self.van_de.append(VanDe("hoa_chua_quyet", CANH_BAO, thong_bao_hoa(dh, k0.chi_tieu), "", "", "", None))
            else:  # tied at the cut, no resolution yet: the first of them, at their proposal
                self.van_de.append(VanDe("hoa_chua_quyet", CANH_BAO, thong_bao_hoa(dh, k0.chi_tieu), n0.tep,
                                         n0.sheet, "", n0.dong, "Đề nghị"))

    def _chi_tien(self, ds: list[KetQua], tap_the: bool) -> None:
        """ND 152/2025 Art. 49: several titles computed over the same period (``tieu_chuan.so_nam_ky``, from
        the parameters) → only the highest is paid; a title and a form are both paid.

        The rule compares titles that are actually decided together. What the Sở decides now (LĐTT, CSTĐCS,
        TTLĐTT) is paid now in full unless a higher title of the same period is also decided now; a title only
        proposed upward (TTLĐXS, Cờ thi đua tỉnh…) does not withhold it — the province may refuse. When the
        higher title is decided, only the difference is paid then (said in ``giai_thich_tien``)."""
        dat = [k for k in ds if k.dat]
        if not dat:
            return
        chi_cao_nhat = self.ts("tien_thuong.chi_danh_hieu_cao_nhat")
        for k in dat:
            khoa = (k.danh_hieu.ma, tap_the)
            if khoa not in self._tien:
                self._tien[khoa] = tinh_tien_thuong(k.danh_hieu, self.ts, tap_the=tap_the)
            tt = self._tien[khoa]
            k.tien_thuong = tt.so_tien
            k.giai_thich_tien = tt.giai_thich
            for c in tt.can_cu:
                if c not in k.can_cu:
                    k.can_cu.append(c)
        if chi_cao_nhat:
            ref = self.ts.chi_tiet("tien_thuong.chi_danh_hieu_cao_nhat").can_cu
            theo_ky: dict[tuple[int, bool], list[KetQua]] = defaultdict(list)
            for k in dat:
                if not k.danh_hieu.la_hinh_thuc:
                    theo_ky[(so_nam_ky(k.danh_hieu.ma, self.ts), k.so_quyet_dinh)].append(k)
            cao_so: dict[int, KetQua] = {}
            for (ky, so_qd), nhom in theo_ky.items():
                cao = max(nhom, key=lambda k: k.danh_hieu.thu_hang)
                if so_qd:
                    cao_so[ky] = cao
                for k in nhom:
                    if k is not cao:
                        k.tien_thuong = 0
                        k.khong_chi_vi = cao.danh_hieu
                        k.giai_thich_tien = (  # both only proposed upward: nothing is paid yet, by anyone
                            f"Không chi: cùng thời gian đã chi tiền thưởng {cao.danh_hieu.viet_tat} (chỉ chi danh hiệu "
                            "cao nhất)" if so_qd else f"Không tính: cùng thời gian được đề nghị {cao.danh_hieu.viet_tat}"
                            " (khi được quyết định, chỉ nhận tiền thưởng danh hiệu cao nhất)")
                        if ref not in k.can_cu:
                            k.can_cu.append(ref)
            for (ky, so_qd), nhom in theo_ky.items():
                thap = cao_so.get(ky)
                if so_qd or thap is None:
                    continue
                cao = max(nhom, key=lambda k: k.danh_hieu.thu_hang)
                if cao.danh_hieu.thu_hang > thap.danh_hieu.thu_hang and cao.tien_thuong:
                    chenh = max(0, cao.tien_thuong - (thap.tien_thuong or 0))
                    cao.giai_thich_tien += (f"; Sở đã chi {thap.danh_hieu.viet_tat} cùng thời gian nên khi được quyết "
                                            f"định chỉ chi thêm phần chênh lệch {dinh_dang_tien(chenh)} đồng")
                    if ref not in cao.can_cu:
                        cao.can_cu.append(ref)

    @staticmethod
    def _ten(d: CaNhan | TapThe) -> str:
        return d.ho_ten if isinstance(d, CaNhan) else d.ten


def xet(du_lieu: DuLieu, bo_tham_so: BoThamSo | None = None) -> KetQuaXet:
    """Decide every proposal of the round."""
    return PhienXet(du_lieu, bo_tham_so).chay()


def xet_sau_kiem_tra(kt: KetQuaKiemTra) -> KetQuaXet | None:
    """The decision of a validated year-end round, made once; None when validation found errors (or for the
    start-of-year round, where nothing is decided). The decision's own problems — a candidate who must be voted
    on but has no ballot column — join the validation's list, so every face (``kiem-tra``, ``xet``, ``tong-ket``,
    the add-in) reports them as validation problems."""
    if kt.co_loi or kt.du_lieu is None or kt.che_do != "cuoi_nam":
        return None
    kq = xet(kt.du_lieu, kt.bo)
    kt.van_de[:] = sap_xep_van_de(dien_o([*kt.van_de, *kq.van_de], kt.bang))
    return kq


def xet_mot_dong(ma_danh_hieu: str, ca_nhan: CaNhan, ngay_quyet_dinh: dt.date, nam: int | None = None,
                 bo_tham_so: BoThamSo | None = None) -> KetQua:
    """One person's eligibility for one code from that row alone (no ledger, no unit, no vote): the Excel
    function TD_XET. Codes whose criteria need the ledger or the unit are judged on an empty ledger, and the
    result says so."""
    from .danh_muc import doc_danh_hieu

    dh = doc_danh_hieu(ma_danh_hieu)
    tt = ThongTin(nam=nam or ngay_quyet_dinh.year - 1, ngay_quyet_dinh=ngay_quyet_dinh)
    phien = PhienXet(DuLieu(tt, [dataclasses.replace(ca_nhan, de_nghi=(dh,))], []), bo_tham_so)
    if CA_NHAN not in dh.doi_tuong:
        return KetQua(dh, False, tieu_chi=[TieuChi(f"{dh.viet_tat} là danh hiệu tập thể", KetQuaTieuChi.KHONG_DAT)],
                      cap_quyet_dinh=phien._cap(dh), chi_mot_dong=True, ma_doi_tuong=ca_nhan.ma)
    kq = phien._xet_dieu_kien(phien.du_lieu.ca_nhan[0], dh, TIEU_CHUAN_CA_NHAN)
    kq.chi_mot_dong = True
    kq.thieu_so_theo_doi = dh.ma in ("CSTDT", "CSTDTQ", "BKT")
    return kq
