"""The decision: eligibility → vote → quota → final → money, for every proposal (SPEC §4 ``xet``).

Titles are decided in dependency order: LĐTT and Giấy khen; CSTĐCS; then CSTĐ tỉnh and Bằng khen (which need
this year's CSTĐCS); CSTĐ toàn quốc; then the collectives (whose ratios count this year's individual
results); Cờ thi đua last (it needs the TTLĐXS standard and the rank in the khối).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
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
from .kiem_tra import KetQuaKiemTra
from .loi import CANH_BAO, LOI, VanDe
from .mo_hinh import CaNhan, DuLieu, TapThe, ThongTin
from .tham_so import BoThamSo, ThamSoApDung, bo_tham_so_mac_dinh, hien_thi_gia_tri
from .tien_thuong import tinh_tien_thuong
from .tieng_viet import khoa_sap_xep_ho_ten
from .tieu_chuan import TIEU_CHUAN_CA_NHAN, TIEU_CHUAN_TAP_THE, DanhGia

THU_TU_CA_NHAN = (("LDTT", "GK"), ("CSTDCS",), ("CSTDT", "BKT"), ("CSTDTQ",))
THU_TU_TAP_THE = (("TTLDTT", "TTLDXS", "GK", "BKT"), ("CTDT",))
CO_SO_CHI_TIEU = {"CSTDCS": "LDTT", "CSTDT": "CSTDCS"}  # quota base: count of this title achieved


@dataclass
class KetQua:
    """One decision (SPEC §4 ``KQ``)."""

    danh_hieu: DanhHieu
    du_dieu_kien: bool
    dat: bool = False
    ly_do: list[str] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    phieu: KetQuaPhieu | None = None
    tien_thuong: int | None = None
    giai_thich_tien: str = ""
    gia_dinh: list[str] = field(default_factory=list)
    theo_quy_che: list[str] = field(default_factory=list)
    can_hoi_dong: bool = False
    xep_hang: int | None = None
    phieu_vo_hieu: bool = False  # the meeting had no quorum
    ngoai_chi_tieu: bool = False
    hoa_tai_diem_cat: bool = False  # tied at a quota cut (resolved by the council or still pending)
    quyet_hoa: str = ""  # the council's recorded resolution of that tie, in words
    mo_ta_chi_tieu: str = ""  # "chỉ tiêu 15 % × 44 LĐTT = 6"

    def as_dict(self) -> dict[str, Any]:
        return {
            "danh_hieu": self.danh_hieu.ma,
            "ten_danh_hieu": self.danh_hieu.ten,
            "du_dieu_kien": self.du_dieu_kien,
            "dat": self.dat,
            "ly_do": self.ly_do,
            "can_cu": self.can_cu,
            "phieu": self.phieu.as_dict() if self.phieu else None,
            "tien_thuong": self.tien_thuong,
            "gia_dinh": self.gia_dinh,
            "theo_quy_che": self.theo_quy_che,
            "can_hoi_dong_quyet_dinh": self.can_hoi_dong,
            "xep_hang": self.xep_hang,
            "ngoai_chi_tieu": self.ngoai_chi_tieu,
            "hoa_tai_diem_cat": self.hoa_tai_diem_cat,
            "hoi_dong_quyet": self.quyet_hoa or None,
            "cap_quyet_dinh": self.danh_hieu.cap_quyet_dinh,
        }


@dataclass
class KetQuaXet:
    nam: int
    ngay_quyet_dinh: dt.date
    du_lieu: DuLieu
    ca_nhan: list[tuple[CaNhan, list[KetQua]]]
    tap_the: list[tuple[TapThe, list[KetQua]]]
    ts: ThamSoApDung
    van_de: list[VanDe] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        ten_don_vi = {t.ma: t.ten for t in self.du_lieu.tap_the}
        return {
            "nam": self.nam,
            "ngay_quyet_dinh": self.ngay_quyet_dinh.isoformat(),
            "ca_nhan": [{"ma": c.ma, "ho_ten": c.ho_ten, "don_vi": ten_don_vi.get(c.don_vi, c.don_vi),
                         "ma_don_vi": c.don_vi, "ket_qua": [k.as_dict() for k in kq]} for c, kq in self.ca_nhan],
            "tap_the": [{"ma": t.ma, "ten": t.ten, "ket_qua": [k.as_dict() for k in kq]} for t, kq in self.tap_the],
        }

    def tat_ca(self) -> list[tuple[CaNhan | TapThe, KetQua]]:
        return [(c, k) for c, ks in self.ca_nhan for k in ks] + [(t, k) for t, ks in self.tap_the for k in ks]

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
        self._tien: dict[tuple[str, bool], Any] = {}  # the amount of a code is the same for everyone this round
        self.van_de: list[VanDe] = []

    # NguCanh
    def dat_nam_nay(self, ma: str, ma_danh_hieu: str) -> bool:
        return self._dat.get((ma, ma_danh_hieu), False) or self.so_theo_doi.co(ma, ma_danh_hieu, self.nam)

    def thanh_vien(self, ma_don_vi: str) -> Sequence[CaNhan]:
        return self._thanh_vien.get(ma_don_vi, [])

    # pipeline
    def chay(self) -> KetQuaXet:
        kq_cn: dict[str, list[KetQua]] = {c.ma: [] for c in self.du_lieu.ca_nhan}
        kq_tt: dict[str, list[KetQua]] = {t.ma: [] for t in self.du_lieu.tap_the}
        for tang in THU_TU_CA_NHAN:
            self._xet_tang(self.du_lieu.ca_nhan, tang, CA_NHAN, kq_cn)
        for tang in THU_TU_TAP_THE:
            self._xet_tang(self.du_lieu.tap_the, tang, TAP_THE, kq_tt)
        for c in self.du_lieu.ca_nhan:
            self._chi_tien(kq_cn[c.ma], tap_the=False)
        for t in self.du_lieu.tap_the:
            self._chi_tien(kq_tt[t.ma], tap_the=True)
        thu_tu = {d: i for i, d in enumerate(DANH_HIEU)}
        for ds in (*kq_cn.values(), *kq_tt.values()):
            ds.sort(key=lambda k: thu_tu[k.danh_hieu.ma])
        return KetQuaXet(self.nam, self.ngay_quyet_dinh, self.du_lieu,
                         [(c, kq_cn[c.ma]) for c in self.du_lieu.ca_nhan],
                         [(t, kq_tt[t.ma]) for t in self.du_lieu.tap_the], self.ts, self.van_de)

    def _xet_tang(self, doi_tuong: Sequence[CaNhan | TapThe], tang: tuple[str, ...], loai: str,
                  ket_qua: dict[str, list[KetQua]]) -> None:
        bang = TIEU_CHUAN_CA_NHAN if loai == CA_NHAN else TIEU_CHUAN_TAP_THE
        for ma_dh in tang:
            dh = DANH_HIEU[ma_dh]
            ung_vien: list[tuple[CaNhan | TapThe, KetQua]] = []
            for dt_ in doi_tuong:
                if dh not in dt_.de_nghi:
                    continue
                kq = self._xet_dieu_kien(dt_, dh, bang, loai)
                ket_qua[dt_.ma].append(kq)
                ung_vien.append((dt_, kq))
            self._bo_phieu(dh, ung_vien)
            self._ap_chi_tieu(dh, ung_vien)
            for dt_, kq in ung_vien:
                self._ket_luan(dt_, kq)
                self._dat[(dt_.ma, dh.ma)] = kq.dat
        # any proposal of a code that does not apply to this kind of subject
        for dt_ in doi_tuong:
            for dh in dt_.de_nghi:
                if loai not in dh.doi_tuong and not any(k.danh_hieu == dh for k in ket_qua[dt_.ma]):
                    ket_qua[dt_.ma].append(KetQua(dh, False, ly_do=[
                        f"Không đủ điều kiện: {dh.viet_tat} không áp dụng cho "
                        f"{'cá nhân' if loai == CA_NHAN else 'tập thể'}"]))

    def _xet_dieu_kien(self, dt_: CaNhan | TapThe, dh: DanhHieu, bang: dict, loai: str) -> KetQua:
        dg = DanhGia(dh, self.ts)
        bang[dh.ma](dt_, dg, self)
        kq = KetQua(dh, dg.du_dieu_kien, can_cu=dg.can_cu, gia_dinh=dg.gia_dinh, theo_quy_che=dg.theo_quy_che)
        if dg.du_dieu_kien:
            kq.ly_do.append("Đủ tiêu chuẩn: " + "; ".join(dg.dat) if dg.dat else "Đủ tiêu chuẩn")
        else:
            kq.ly_do.append("Không đủ điều kiện: " + "; ".join(dg.khong_dat))
        return kq

    def _bo_phieu(self, dh: DanhHieu, ung_vien: list[tuple[CaNhan | TapThe, KetQua]]) -> None:
        ts = self.ts
        ten_bo_phieu = f"binh_xet.bo_phieu.{dh.ma}"
        if not ts(ten_bo_phieu):
            return
        kp = self.du_lieu.kiem_phieu
        for dt_, kq in ung_vien:
            self._ghi_can_cu(kq, ten_bo_phieu)
            if kp is None:
                if kq.du_dieu_kien:
                    kq.ly_do.append("Chưa có kết quả bỏ phiếu của Hội đồng (sheet PhieuBau hoặc KiemPhieu)")
                continue
            self._ghi_can_cu(kq, f"binh_xet.nguong.{dh.ma}")
            for ten in THAM_SO_PHIEU:
                self._ghi_can_cu(kq, ten)
            uv = (dt_.ma, dh.ma)
            phieu = ket_qua_phieu(kp, uv, ts)
            if phieu is None:
                if kq.du_dieu_kien:
                    kq.ly_do.append("Không có trong phiếu bầu: chưa được Hội đồng bỏ phiếu")
                    self.van_de.append(VanDe(
                        "thieu_phieu", LOI, f"{self._ten(dt_)} ({dt_.ma}) được đề nghị {dh.viet_tat}, phải bỏ phiếu"
                        " nhưng không có cột nào trong phiếu bầu; thêm cột "
                        f"'{dt_.ma} - {dh.ma}' vào sheet PhieuBau (hoặc dòng vào KiemPhieu).",
                        dt_.nguon.tep if dt_.nguon else "", dt_.nguon.sheet if dt_.nguon else "", "",
                        dt_.nguon.dong if dt_.nguon else None))
                continue
            kq.phieu = phieu
            if not phieu.du_so_nguoi:
                kq.ly_do.append(phieu.mo_ta())
                kq.phieu_vo_hieu = True
            elif kq.du_dieu_kien:
                kq.ly_do.append(phieu.mo_ta())

    def _ghi_can_cu(self, kq: KetQua, ten: str) -> Any:
        dg = DanhGia(kq.danh_hieu, self.ts, can_cu=kq.can_cu, theo_quy_che=kq.theo_quy_che)
        return dg.p(ten)

    def _qua_phieu(self, kq: KetQua) -> bool:
        if not self.ts(f"binh_xet.bo_phieu.{kq.danh_hieu.ma}"):
            return True
        return kq.phieu is not None and kq.phieu.dat

    def _ap_chi_tieu(self, dh: DanhHieu, ung_vien: list[tuple[CaNhan | TapThe, KetQua]]) -> None:
        con = [(d, k) for d, k in ung_vien if k.du_dieu_kien and self._qua_phieu(k)]
        if not con:
            return
        if dh.ma == "CTDT":
            so = self._ghi_can_cu(con[0][1], "tieu_chuan.CTDT.so_dan_dau_moi_khoi")
            theo_khoi: dict[str, list] = defaultdict(list)
            for d, k in con:
                theo_khoi[d.khoi].append((d, k))
            for khoi, ds in theo_khoi.items():
                self._cat(dh, ds, lambda x: (x[0].diem or 0,), so, f"dẫn đầu khối {khoi} theo Điểm thi đua",
                          lambda x: f"{x[0].diem:g} điểm")
            return
        ten = f"chi_tieu.{dh.ma}"
        if ten not in self.ts.bo.tham_so:
            return
        ty_le = self._ghi_can_cu(con[0][1], ten)
        if ty_le is None:
            return
        cach = self._ghi_can_cu(con[0][1], "chi_tieu.lam_tron")
        co_so_ma = CO_SO_CHI_TIEU[dh.ma]
        co_so = sum(1 for (m, d), v in self._dat.items() if d == co_so_ma and v)
        gioi_han = so_chi_tieu(ty_le, co_so, cach)
        for _, k in con:
            self._ghi_can_cu(k, ten)
            self._ghi_can_cu(k, "chi_tieu.lam_tron")

        def khoa(x: tuple[CaNhan, KetQua]) -> tuple:
            c, k = x
            cap = c.cap_thanh_tich
            return khoa_xep_hang(k.phieu.dong_y if k.phieu else 0, c.xep_loai.bac if c.xep_loai else 0,
                                 cap.bac if cap else 0)

        self._cat(dh, con, khoa, gioi_han,
                  f"chỉ tiêu {hien_thi_gia_tri(ty_le)} × {co_so} {DANH_HIEU[co_so_ma].viet_tat} = {gioi_han}",
                  lambda x: f"{x[1].phieu.dong_y if x[1].phieu else 0} phiếu")

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

    def _cat(self, dh: DanhHieu, ds: list, khoa: Any, gioi_han: int, mo_ta: str, diem: Any) -> None:
        cat = cat_chi_tieu(ds, khoa, gioi_han, lambda x: khoa_sap_xep_ho_ten(self._ten(x[0])))
        for x in ds:
            x[1].xep_hang = cat.hang[id(x)]
            x[1].mo_ta_chi_tieu = mo_ta
        for d, k in cat.trong:
            k.ly_do.append(f"Xếp hạng {k.xep_hang}/{len(ds)} ({diem((d, k))}), trong {mo_ta}")
        for d, k in cat.ngoai:
            k.ly_do.append(f"Xếp hạng {k.xep_hang}/{len(ds)} ({diem((d, k))}), ngoài {mo_ta}")
            k.ngoai_chi_tieu = True
        hoa = cat.hoa_tai_diem_cat
        if not hoa:
            return
        con_lai = cat.so_cho_con_lai
        quyet = {id(x): self.du_lieu.hoi_dong_quyet.get((x[0].ma, dh.ma)) for x in hoa}
        chon = [x for x in hoa if quyet[id(x)] is not None and quyet[id(x)].chon]
        du = all(q is not None for q in quyet.values())
        for _d, k in hoa:
            k.hoa_tai_diem_cat = True
        if du and len(chon) <= con_lai:
            for x in hoa:
                d, k = x
                q = quyet[id(x)]
                assert q is not None
                vi = "chọn" if q.chon else "không chọn"
                k.quyet_hoa = f"Hội đồng {vi}" + (f": {q.ly_do}" if q.ly_do else "")
                k.ly_do.append(f"Xếp hạng {k.xep_hang}/{len(ds)} ({diem(x)}), bằng nhau tại điểm cắt ({mo_ta}, "
                               f"còn {con_lai} chỗ cho {len(hoa)} người); {k.quyet_hoa} (sheet HoiDongQuyet)")
                if not q.chon:
                    k.ngoai_chi_tieu = True
            return
        ten_dv = [f"{self._ten(d)} ({d.ma}, {self._don_vi(d)})" for d, _ in hoa]
        uu = [f"{self._ten(d)} ({d.ma})" for d, k in hoa if self._uu_tien(d, k)]
        can_cu_uu_tien = self.ts.chi_tiet("binh_xet.ty_le_nu_uu_tien")
        luat = f"theo {viet_tat_can_cu(can_cu_uu_tien.can_cu)}"
        uu_chu = (f"Pháp luật ưu tiên nữ và tập thể có từ {hien_thi_gia_tri(can_cu_uu_tien.gia_tri)} nữ ({luat}): "
                  + (", ".join(uu) if uu else "không ai trong nhóm này thuộc diện ưu tiên"))
        thieu = ""
        if du:
            thieu = (f" Sheet HoiDongQuyet chọn {len(chon)} người nhưng chỉ còn {con_lai} chỗ: sửa lại cột "
                     "'Hội đồng chọn'.")
        elif any(q is not None for q in quyet.values()):
            thieu = (" Sheet HoiDongQuyet còn thiếu: "
                     + ", ".join(f"{d.ma}" for (d, _), q in zip(hoa, quyet.values(), strict=True) if q is None) + ".")
        thong_bao = (f"{dh.viet_tat}: {len(hoa)} người bằng nhau tại điểm cắt ({diem(hoa[0])}, {mo_ta}, còn "
                     f"{con_lai} chỗ): Hội đồng cần quyết định giữa {'; '.join(ten_dv)}. {uu_chu}. Ghi quyết định vào "
                     f"sheet HoiDongQuyet (Mã, Danh hiệu, Hội đồng chọn Có/Không, Lý do); đến khi có quyết định, văn "
                     f"bản về {dh.viet_tat} là DỰ THẢO.{thieu}")
        for _d, k in hoa:
            k.ly_do.append(f"Xếp hạng {k.xep_hang}/{len(ds)}. {thong_bao}")
            k.can_hoi_dong = True
            k.ngoai_chi_tieu = True
        d0 = hoa[0][0]
        self.van_de.append(VanDe("hoa_chua_quyet", LOI if du else CANH_BAO, thong_bao,
                                 d0.nguon.tep if d0.nguon else "", "HoiDongQuyet" if du else "",
                                 "", None))

    def _ket_luan(self, dt_: CaNhan | TapThe, kq: KetQua) -> None:
        dh = kq.danh_hieu
        kq.dat = (kq.du_dieu_kien and self._qua_phieu(kq) and not kq.ngoai_chi_tieu)
        if kq.dat:
            if dh.so_quyet_dinh:
                kq.ly_do.append(f"Kết luận: đạt {dh.viet_tat}, Giám đốc Sở quyết định")
            else:
                noi = "Chủ tịch UBND tỉnh" if dh.cap_quyet_dinh == "tinh" else "Thủ tướng Chính phủ (qua UBND tỉnh)"
                kq.ly_do.append(f"Kết luận: đề nghị {noi} xét tặng {dh.viet_tat}")
        elif kq.du_dieu_kien and not kq.can_hoi_dong:
            kq.ly_do.append(f"Kết luận: không đạt {dh.viet_tat}")
        if kq.gia_dinh:
            kq.ly_do.append("Coi như đạt (dữ liệu không kiểm tra được): " + "; ".join(kq.gia_dinh))
        if kq.theo_quy_che:
            kq.ly_do.append("Theo quy chế (chưa được luật xác nhận hoặc do cơ quan quy định): " + "; ".join(kq.theo_quy_che))

    def _chi_tien(self, ds: list[KetQua], tap_the: bool) -> None:
        """ND 152/2025 Art. 49: several titles computed over the same period → only the highest is paid; a
        title and a form are both paid."""
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
            theo_ky: dict[int, list[KetQua]] = defaultdict(list)
            for k in dat:
                if not k.danh_hieu.la_hinh_thuc:
                    theo_ky[k.danh_hieu.so_nam_ky].append(k)
            for nhom in theo_ky.values():
                cao = max(nhom, key=lambda k: k.danh_hieu.thu_hang)
                for k in nhom:
                    if k is not cao:
                        k.tien_thuong = 0
                        k.giai_thich_tien = (f"Không chi: cùng thời gian đã chi tiền thưởng {cao.danh_hieu.viet_tat}"
                                             " (chỉ chi danh hiệu cao nhất)")
                        ref = self.ts.chi_tiet("tien_thuong.chi_danh_hieu_cao_nhat").can_cu
                        if ref not in k.can_cu:
                            k.can_cu.append(ref)
                        k.ly_do.append(k.giai_thich_tien)

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
    kt.van_de.extend(kq.van_de)
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
        return KetQua(dh, False, ly_do=[f"{dh.viet_tat} là danh hiệu tập thể"])
    kq = phien._xet_dieu_kien(phien.du_lieu.ca_nhan[0], dh, TIEU_CHUAN_CA_NHAN, CA_NHAN)
    if dh.ma in ("CSTDT", "CSTDTQ", "BKT"):
        kq.ly_do.append("Chỉ xét trên dòng này, chưa có sổ theo dõi các năm trước (dùng thidua xet cho đủ)")
    return kq
