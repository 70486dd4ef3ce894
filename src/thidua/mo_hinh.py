"""Records read from the workbooks (SPEC §3) and the ledger index."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .danh_muc import DanhHieu, MucDo
from .loi import ThiduaError


@dataclass(frozen=True, slots=True)
class NguonDong:
    """Where a row came from: file, sheet, 1-based row number in the sheet."""

    tep: str
    sheet: str
    dong: int


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
    chu_tri: str = ""
    thu_ky: str = ""
    dia_diem_hop: str = ""
    so_phieu_hop_le: int | None = None
    nguon: str = ""

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
    """The ledger (LichSu) indexed by subject and year."""

    def __init__(self, cac_muc: Iterable[MucLichSu] = ()) -> None:
        self.cac_muc: list[MucLichSu] = []
        self._danh_hieu: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._xep_loai: dict[tuple[str, int], MucDo] = {}
        self._sang_kien: dict[tuple[str, int], MucDo] = {}
        self._ky_luat: dict[tuple[str, int], MucDo] = {}
        for m in cac_muc:
            self.them(m)

    def them(self, m: MucLichSu) -> None:
        if m.danh_hieu is not None:
            if m.danh_hieu.ma in self._danh_hieu[m.ma][m.nam]:
                noi = f" (tệp {m.nguon.tep}, sheet {m.nguon.sheet}, dòng {m.nguon.dong})" if m.nguon else ""
                raise ThiduaError(
                    f"Sổ theo dõi có hai dòng cho cùng {m.ma}, {m.danh_hieu.viet_tat}, năm {m.nam}{noi}; "
                    "xoá dòng trùng.")
            self._danh_hieu[m.ma][m.nam].add(m.danh_hieu.ma)
        if m.xep_loai is not None:
            self._xep_loai[(m.ma, m.nam)] = m.xep_loai
        if m.sang_kien is not None:
            self._sang_kien[(m.ma, m.nam)] = m.sang_kien
        if m.ky_luat is not None:
            self._ky_luat[(m.ma, m.nam)] = m.ky_luat
        self.cac_muc.append(m)

    def co(self, ma: str, ma_danh_hieu: str, nam: int) -> bool:
        return ma_danh_hieu in self._danh_hieu.get(ma, {}).get(nam, ())

    def cac_nam(self, ma: str, ma_danh_hieu: str) -> list[int]:
        return sorted(n for n, s in self._danh_hieu.get(ma, {}).items() if ma_danh_hieu in s)

    def xep_loai(self, ma: str, nam: int) -> MucDo | None:
        return self._xep_loai.get((ma, nam))

    def sang_kien(self, ma: str, nam: int) -> MucDo | None:
        return self._sang_kien.get((ma, nam))

    def ky_luat(self, ma: str, nam: int) -> MucDo | None:
        return self._ky_luat.get((ma, nam))


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
