"""Records read from the workbooks (SPEC §3) and the ledger index."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .danh_muc import CUOI_NAM, KHONG_TINH_CHUOI, LOAI_DOT, THUONG_XUYEN, DanhHieu, MucDo
from .loi import ThiduaError


@dataclass(frozen=True, slots=True)
class NguonDong:
    """Where a row came from: file, sheet, 1-based row number in the sheet."""

    tep: str
    sheet: str
    dong: int


@dataclass(frozen=True, slots=True)
class KyNghi:
    """One kind of leave in the year (CaNhan column ``Nghỉ``: "thai sản 180 ngày; ốm 20 ngày")."""

    loai: MucDo  # danh_muc.LOAI_NGHI
    so_ngay: int

    def mo_ta(self) -> str:
        return f"{self.loai.ten} {self.so_ngay} ngày"


@dataclass(frozen=True, slots=True)
class CaNhan:
    ma: str
    ho_ten: str
    don_vi: str = ""
    chuc_vu: str = ""
    gioi_tinh: str = ""
    ngay_sinh: dt.date | None = None
    ngay_tuyen_dung: dt.date | None = None
    xep_loai: MucDo | None = None
    ky_luat: MucDo | None = None
    sang_kien: MucDo | None = None
    de_tai: MucDo | None = None
    dang_ky: tuple[DanhHieu, ...] = ()
    de_nghi: tuple[DanhHieu, ...] = ()
    dang_xem_xet: bool = False
    ghi_chu: str = ""
    nguon: NguonDong | None = None
    ngay_vao_co_quan: dt.date | None = None  # arrival: transfer in, or first contract in this agency
    co_quan_truoc: str = ""  # the former agency of a person transferred in
    nghi: tuple[KyNghi, ...] = ()
    so_dinh_danh: str = ""  # the 12-digit personal identification number, as text
    thanh_tich: str = ""  # the achievement of a chuyên đề / đột xuất proposal (CaNhan column Thành tích)

    @property
    def cap_thanh_tich(self) -> MucDo | None:
        """The higher of the initiative and the accepted research level."""
        cap = [c for c in (self.sang_kien, self.de_tai) if c is not None]
        return max(cap, key=lambda c: c.bac) if cap else None

    @property
    def la_dang_ky(self) -> bool:
        """A start-of-year row: no rating and no proposal yet (SPEC §3, "Two moments")."""
        return self.xep_loai is None and not self.de_nghi


@dataclass(frozen=True, slots=True)
class TapThe:
    ma: str
    ten: str
    xep_loai: MucDo | None = None
    khoi: str = ""
    diem: float | None = None
    dang_ky: tuple[DanhHieu, ...] = ()
    de_nghi: tuple[DanhHieu, ...] = ()
    ghi_chu: str = ""
    nguon: NguonDong | None = None
    dang_xem_xet: bool = False  # ND 152/2025 Art. 4: a pending case freezes collectives too
    thanh_tich: str = ""

    @property
    def la_dang_ky(self) -> bool:
        return self.xep_loai is None and not self.de_nghi


@dataclass(frozen=True, slots=True)
class MucLichSu:
    """One ledger row: a past title/form, and optionally that year's rating, initiative, discipline."""

    ma: str
    nam: int
    danh_hieu: DanhHieu | None = None
    so_quyet_dinh: str = ""
    ngay_quyet_dinh: dt.date | None = None
    co_quan_ban_hanh: str = ""
    xep_loai: MucDo | None = None
    sang_kien: MucDo | None = None
    ky_luat: MucDo | None = None
    nguon: NguonDong | None = None
    loai_khen_thuong: MucDo = THUONG_XUYEN
    ten_dot: str = ""  # the chuyên đề / đột xuất round that gave the award (LichSu column Tên đợt)

    @property
    def tinh_chuoi(self) -> bool:
        """ND 152/2025 Art. 4(3): đột xuất and chuyên đề awards do not count toward chains."""
        return self.loai_khen_thuong.ma not in KHONG_TINH_CHUOI


@dataclass(frozen=True, slots=True)
class MucSangKien:
    """One row of the SangKien register: an initiative or an accepted research topic, recognised."""

    ma: str  # the author's Mã CB
    nam: int
    ten: str
    loai: MucDo  # danh_muc.LOAI_SANG_KIEN
    cap: MucDo  # danh_muc.CAP_CONG_NHAN
    so_quyet_dinh: str = ""
    ngay: dt.date | None = None
    nguon: NguonDong | None = None

    def mo_ta(self) -> str:
        qd = f", QĐ {self.so_quyet_dinh}" if self.so_quyet_dinh else ""
        ten = f" «{self.ten}»" if self.ten else ""
        return f"{self.loai.ten.lower()}{ten} (năm {self.nam}, cấp {self.cap.ten.lower()}{qd})"


@dataclass(frozen=True, slots=True)
class MucKyLuat:
    """One row of the KyLuat sheet: a discipline of a person or a unit."""

    ma: str
    hinh_thuc: MucDo  # danh_muc.KY_LUAT
    so_quyet_dinh: str = ""
    ngay_quyet_dinh: dt.date | None = None
    nam_vi_pham: int | None = None
    ngay_het_hieu_luc: dt.date | None = None
    nguon: NguonDong | None = None

    @property
    def nam(self) -> int | None:
        """The year the discipline concerns: the year of the act, else the year of the decision."""
        if self.nam_vi_pham is not None:
            return self.nam_vi_pham
        return self.ngay_quyet_dinh.year if self.ngay_quyet_dinh else None

    def mo_ta(self) -> str:
        phan = [self.hinh_thuc.ten]
        if self.so_quyet_dinh:
            phan.append(f"QĐ {self.so_quyet_dinh}")
        if self.ngay_quyet_dinh:
            phan.append(f"ngày {self.ngay_quyet_dinh:%d/%m/%Y}")
        if self.ngay_het_hieu_luc:
            phan.append(f"hết hiệu lực {self.ngay_het_hieu_luc:%d/%m/%Y}")
        return ", ".join(phan)


class LoiSoTheoDoi(ThiduaError):
    """A ledger row that contradicts another; ``khoa`` is the column to point at."""

    def __init__(self, thong_bao: str, khoa: str) -> None:
        super().__init__(thong_bao)
        self.khoa = khoa


@dataclass(frozen=True, slots=True)
class ThanhVienHoiDong:
    """One row of the HoiDong sheet: a council member, whether present (``co_mat``: "Có", "Không" or "Văn bản" —
    absent but voting by written opinion) and his place on the vote-counting board."""

    ho_ten: str
    chuc_vu: str = ""
    vai_tro: str = "Ủy viên"  # Chủ tịch / Phó Chủ tịch / Ủy viên / Ủy viên thư ký
    co_mat: str = "Có"  # Có / Không / Văn bản
    ban_kiem_phieu: str = ""  # Trưởng ban / Thành viên / ""
    nguon: NguonDong | None = None


@dataclass(frozen=True, slots=True)
class QuyetDinhHoiDong:
    """One row of HoiDongQuyet: the council's resolution of a tie at a quota cut (Mã, Danh hiệu, chosen or not,
    why). DOMAIN.md §12: the resolution is an input, recorded in the minutes."""

    ma: str
    danh_hieu: DanhHieu
    chon: bool
    ly_do: str = ""
    nguon: NguonDong | None = None


@dataclass(frozen=True, slots=True)
class ThongTin:
    """The ThongTin sheet: the agency and the round.

    One typed field per key of the sheet (``so_do.THONG_TIN``): a field named like the key's ``khoa`` is filled
    by the reader (``kiem_tra``) from that key, so adding a key to the sheet is adding a column to the schema and
    a field here (``tests/test_tang.py`` checks that they match). The decision date has no default: whoever
    builds a round says which date's law applies."""

    nam: int
    ngay_quyet_dinh: dt.date
    co_quan_chu_quan: str = ""
    co_quan: str = ""
    ky_hieu: str = ""
    dia_danh: str = ""
    nguoi_ky: str = ""
    chuc_vu_nguoi_ky: str = "GIÁM ĐỐC"
    so_thanh_vien: int | None = None
    so_co_mat: int | None = None
    ngay_hop: dt.date | None = None
    gio_bat_dau: str = ""
    gio_ket_thuc: str = ""
    chu_tri: str = ""
    thu_ky: str = ""
    dia_diem_hop: str = ""
    so_phieu_hop_le: int | None = None
    can_cu_chuc_nang: str = ""
    can_cu_quy_che_tinh: str = ""
    can_cu_quy_che_co_quan: str = ""
    can_cu_ke_hoach: str = ""  # the plan that launched the movement this round closes (a chuyên đề above all)
    nguoi_chi_tra: str = ""
    ten_co_quan_goc: str = ""  # the agency's name as typed (its own capitalisation, for running text)
    loai_dot: str = "Cuối năm"  # danh_muc.LOAI_DOT: Cuối năm, Chuyên đề, Đột xuất
    ten_dot: str = ""
    nguon: str = ""

    @property
    def cuoi_nam(self) -> bool:
        """The year-end round (ratings, titles); otherwise a chuyên đề or đột xuất round."""
        return self.loai_dot == CUOI_NAM

    @property
    def loai_khen_thuong(self) -> str:
        """The award type the round's ledger rows carry (LichSu ``Loại khen thưởng``)."""
        return LOAI_DOT.get(self.loai_dot, LOAI_DOT[CUOI_NAM])

    @property
    def ky_thay(self) -> bool:
        """A deputy signs "KT. GIÁM ĐỐC"."""
        return "PHÓ" in self.chuc_vu_nguoi_ky.upper()


UngVien = tuple[str, str]  # (mã người/tập thể, mã danh hiệu)


@dataclass(frozen=True)
class PhieuKhongHopLe:
    """A void ballot, with the reason in words (the minutes read it) and the cell (for the officer)."""

    so_phieu: str
    ly_do: str
    o: str = ""


@dataclass
class KetQuaKiemPhieu:
    """The count of the council's ballots (SPEC §4 ``kiem-phieu``): data, counted by ``binh_xet``. ``co_mat`` are
    members present at the meeting (the quorum); ``van_ban`` are written opinions received from absent members
    (votes, not presence — DOMAIN.md §12)."""

    tong_thanh_vien: int
    co_mat: int
    phat_ra: int
    thu_vao: int
    hop_le: int
    dong_y: dict[UngVien, int]
    phieu_khong_hop_le: list[PhieuKhongHopLe] = field(default_factory=list)
    kieu: str = "PhieuBau"  # or "KiemPhieu" (counted by hand)
    van_ban: int = 0
    dong_y_van_ban: dict[UngVien, int] = field(default_factory=dict)

    @property
    def khong_hop_le(self) -> int:
        return self.thu_vao - self.hop_le

    def mau_so(self, loai: str) -> int:
        """The denominator the rules name: all members; members who voted (present + written); valid ballots."""
        return {"tong_so_thanh_vien": self.tong_thanh_vien, "so_co_mat": self.co_mat + self.van_ban,
                "so_phieu_hop_le": self.hop_le}[loai]

    def so_phieu(self) -> dict[str, int]:
        """SPEC §4 ``so_phieu`` (+ ``van_ban``, the written ballots among those received)."""
        return {"phat_ra": self.phat_ra, "thu_vao": self.thu_vao, "hop_le": self.hop_le,
                "khong_hop_le": self.khong_hop_le, "van_ban": self.van_ban}


class SoTheoDoi:
    """The ledger (LichSu) indexed by subject and year, with the registers of initiatives (SangKien) and
    disciplines (KyLuat)."""

    def __init__(self, cac_muc: Iterable[MucLichSu] = (), sang_kien: Iterable[MucSangKien] = (),
                 ky_luat: Iterable[MucKyLuat] = ()) -> None:
        self.cac_muc: list[MucLichSu] = []
        self._theo_ma: dict[str, list[MucLichSu]] = defaultdict(list)
        self._chuoi: set[tuple[str, int, str]] = set()  # (ma, nam, code) of awards that count toward chains
        # (ma, nam, code) → its rows (any award type and round), in the ledger's order; a key is there only
        # with a row (the one index of awards: ``co``, ``cac_nam``, ``muc`` and the duplicate check read it)
        self._theo_danh_hieu: dict[tuple[str, int, str], list[MucLichSu]] = defaultdict(list)
        self._ky_luat_theo_ma: dict[str, list[tuple[int, MucDo]]] = defaultdict(list)
        self._xep_loai: dict[tuple[str, int], tuple[MucDo, MucLichSu]] = {}
        self._sang_kien: dict[tuple[str, int], list[MucDo]] = defaultdict(list)
        self._ky_luat: dict[tuple[str, int], MucDo] = {}
        self.so_sang_kien: list[MucSangKien] = []
        self._so_sang_kien: dict[tuple[str, int], list[MucSangKien]] = defaultdict(list)
        self._sang_kien_theo_ma: dict[str, list[MucSangKien]] = defaultdict(list)
        self.so_ky_luat: list[MucKyLuat] = []
        self._so_ky_luat: dict[str, list[MucKyLuat]] = defaultdict(list)
        for m in cac_muc:
            self.them(m)
        for s in sang_kien:
            self.them_sang_kien(s)
        for k in ky_luat:
            self.them_ky_luat(k)

    @staticmethod
    def _noi(m: MucLichSu) -> str:
        return f" (tệp {PurePath(m.nguon.tep).name}, sheet {m.nguon.sheet}, dòng {m.nguon.dong})" if m.nguon else ""

    def them(self, m: MucLichSu) -> None:
        """Add a ledger row. Two rows for the same subject, code, year, award type and round (``ten_dot``: two
        chuyên đề rounds of a year may each give a Giấy khen), or two different
        ratings for the same subject and year, are refused (``LoiSoTheoDoi``); several rows carrying an
        initiative for the same year add up (they are several initiatives)."""
        if m.danh_hieu is not None:
            khoa = (m.ma, m.nam, m.danh_hieu.ma)
            cung = self._theo_danh_hieu.get(khoa)  # most keys are new: no generator for them
            truoc = next((x for x in cung if x.loai_khen_thuong.ma == m.loai_khen_thuong.ma
                          and x.ten_dot == m.ten_dot), None) if cung else None
            if truoc is not None:
                loai = "" if m.loai_khen_thuong is THUONG_XUYEN else f" ({m.loai_khen_thuong.ten})"
                raise LoiSoTheoDoi(
                    f"Sổ theo dõi có hai dòng cho cùng {m.ma}, {m.danh_hieu.viet_tat}{loai}, năm {m.nam}"
                    f"{self._noi(truoc)}; xóa dòng trùng.", "danh_hieu")
        if m.xep_loai is not None and (m.ma, m.nam) in self._xep_loai:
            cu, m0 = self._xep_loai[(m.ma, m.nam)]
            if cu is not m.xep_loai:
                raise LoiSoTheoDoi(
                    f"Sổ theo dõi ghi hai xếp loại khác nhau cho {m.ma} năm {m.nam}: {cu.ma}{self._noi(m0)} và "
                    f"{m.xep_loai.ma}; giữ một xếp loại đúng.", "xep_loai")
        if m.danh_hieu is not None:
            self._theo_danh_hieu[khoa].append(m)
            if m.tinh_chuoi:
                self._chuoi.add(khoa)
        if m.xep_loai is not None:
            self._xep_loai[(m.ma, m.nam)] = (m.xep_loai, m)
        if m.sang_kien is not None:
            self._sang_kien[(m.ma, m.nam)].append(m.sang_kien)
        if m.ky_luat is not None:
            self._ky_luat_theo_ma[m.ma].append((m.nam, m.ky_luat))
            cu_kl = self._ky_luat.get((m.ma, m.nam))
            if cu_kl is None or m.ky_luat.bac > cu_kl.bac:
                self._ky_luat[(m.ma, m.nam)] = m.ky_luat
        self.cac_muc.append(m)
        self._theo_ma[m.ma].append(m)

    def them_sang_kien(self, s: MucSangKien) -> None:
        self.so_sang_kien.append(s)
        self._so_sang_kien[(s.ma, s.nam)].append(s)
        self._sang_kien_theo_ma[s.ma].append(s)

    def them_ky_luat(self, k: MucKyLuat) -> None:
        self.so_ky_luat.append(k)
        self._so_ky_luat[k.ma].append(k)

    def cac_muc_cua(self, ma: str) -> list[MucLichSu]:
        """Every ledger row of a subject, in the ledger's order."""
        return list(self._theo_ma.get(ma, ()))

    def sang_kien_cua(self, ma: str) -> list[MucSangKien]:
        """Every SangKien register row of an author, in the register's order."""
        return list(self._sang_kien_theo_ma.get(ma, ()))

    def co(self, ma: str, ma_danh_hieu: str, nam: int, tinh_chuoi: bool = False) -> bool:
        """Whether the ledger has the code for the subject and year; with ``tinh_chuoi``, only awards that
        count toward chains (not đột xuất / chuyên đề, ND 152/2025 Art. 4(3))."""
        if tinh_chuoi:
            return (ma, nam, ma_danh_hieu) in self._chuoi
        return (ma, nam, ma_danh_hieu) in self._theo_danh_hieu

    def cac_nam(self, ma: str, ma_danh_hieu: str, tinh_chuoi: bool = False) -> list[int]:
        """The years the ledger has the code for the subject (see ``co``), in order."""
        return sorted({m.nam for m in self._theo_ma.get(ma, ()) if m.danh_hieu is not None
                       and m.danh_hieu.ma == ma_danh_hieu and (not tinh_chuoi or (ma, m.nam, ma_danh_hieu) in self._chuoi)})

    def muc(self, ma: str, ma_danh_hieu: str, nam: int) -> list[MucLichSu]:
        """The ledger rows of a code for a subject and year (any award type)."""
        return list(self._theo_danh_hieu.get((ma, nam, ma_danh_hieu), ()))

    def xep_loai(self, ma: str, nam: int) -> MucDo | None:
        x = self._xep_loai.get((ma, nam))
        return x[0] if x else None

    def sang_kien(self, ma: str, nam: int) -> MucDo | None:
        """The highest initiative level recorded for the subject and year (register or ledger column)."""
        cap = [s.cap for s in self._so_sang_kien.get((ma, nam), ())] or self._sang_kien.get((ma, nam), [])
        return max(cap, key=lambda c: c.bac) if cap else None

    def cac_sang_kien_so(self, ma: str, nam: int) -> list[MucSangKien]:
        """The SangKien register rows of the author and year."""
        return list(self._so_sang_kien.get((ma, nam), ()))

    def cap_sang_kien_so_cai(self, ma: str, nam: int) -> list[MucDo]:
        """Initiative levels written in the ledger's Sáng kiến column for the year (one per row)."""
        return list(self._sang_kien.get((ma, nam), ()))

    def ky_luat(self, ma: str, nam: int) -> MucDo | None:
        return self._ky_luat.get((ma, nam))

    def ky_luat_so_cai(self, ma: str) -> list[tuple[int, MucDo]]:
        """(year, level) of every discipline the ledger's Kỷ luật column records for a subject."""
        return list(self._ky_luat_theo_ma.get(ma, ()))

    def cac_ky_luat(self, ma: str) -> list[MucKyLuat]:
        """The KyLuat register rows of a person or unit."""
        return list(self._so_ky_luat.get(ma, ()))


@dataclass
class DuLieu:
    """Everything read from the workbooks for one round: the input of the decision."""

    thong_tin: ThongTin
    ca_nhan: list[CaNhan]
    tap_the: list[TapThe]
    so_theo_doi: SoTheoDoi = field(default_factory=SoTheoDoi)
    kiem_phieu: KetQuaKiemPhieu | None = None
    quy_che: dict[str, Any] = field(default_factory=dict)
    hoi_dong: list[ThanhVienHoiDong] = field(default_factory=list)
    hoi_dong_quyet: dict[tuple[str, str], QuyetDinhHoiDong] = field(default_factory=dict)
