"""Errors and problems.

``ThiduaError`` is raised when the program cannot go on (exit code 2 at the CLI). A ``VanDe`` is one problem
found in the data; validation collects them all, then reports (exit code 1 when any is a ``loi``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

LOI = "loi"
CANH_BAO = "canh_bao"

# Warnings that change nothing in a result: they tell the officer something worth knowing (ranked last). Every
# other warning may change a result (a ballot voided, a person counted twice, an unsaved workbook…).
GHI_CHU = frozenset({
    "chua_dang_ky",  # proposed without registering: not a condition since the 2022 Law (unless the quy chế says so)
    "chi_tep_don_vi",  # kiem-tra on a unit's own files: the year-dependent checks wait for the master file
    "kho_dat",  # a registered target that looks out of reach (start-of-year round)
    "ma_cu",  # text typed in TCVN3/VNI, already converted
    "muc_la",  # an unknown ThongTin row, ignored
    "sheet_an",  # a hidden sheet, read all the same
})
MUC_HIEN_THI = ("Lỗi", "Cảnh báo", "Lưu ý")


class ThiduaError(Exception):
    """Base error. ``str(e)`` is a Vietnamese message that says where, what, and how to fix it."""

    def __init__(self, thong_bao: str, *, tep: str | None = None, sheet: str | None = None,
                 o: str | None = None) -> None:
        self.thong_bao = thong_bao
        self.tep = tep
        self.sheet = sheet
        self.o = o
        vi_tri = ", ".join(x for x in (f"Tệp {tep}" if tep else "", f"sheet {sheet}" if sheet else "",
                                       f"ô {o}" if o else "") if x)
        super().__init__(f"{vi_tri}: {thong_bao}" if vi_tri else thong_bao)


class GiaTriKhongHopLe(ThiduaError):
    """A value (code, rating, level, QuyChe key…) that is not one of the allowed ones."""


class LoiThamSo(ThiduaError):
    """A parameter file or a parameter lookup that cannot be answered."""


class TepKhongDocDuoc(ThiduaError):
    """An input that is not a usable workbook (exit code 2)."""


class LoiMauVanBan(ThiduaError):
    """A Word template with a broken tag or a missing field."""


@dataclass(frozen=True, slots=True)
class VanDe:
    """One problem in the input, with its place. Keys are SPEC §4's ``kiem-tra`` JSON keys."""

    ma_loi: str
    muc_do: str
    thong_bao: str
    tep: str = ""
    sheet: str = ""
    o: str = ""
    dong: int | None = None
    cot: str = ""

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        return {k: d[k] for k in ("tep", "sheet", "o", "dong", "cot", "ma_loi", "muc_do", "thong_bao")}

    @property
    def hang(self) -> int:
        """Rank for reports: 0 an error, 1 a warning that may change a result, 2 a note."""
        if self.muc_do == LOI:
            return 0
        return 2 if self.ma_loi in GHI_CHU else 1

    @property
    def nhan_muc(self) -> str:
        """"Lỗi", "Cảnh báo" or "Lưu ý" — the rank as the officer reads it."""
        return MUC_HIEN_THI[self.hang]


def sap_xep_van_de(van_de: list[VanDe]) -> list[VanDe]:
    """Errors first, then the warnings that change a result, then notes — each group in the order found."""
    return sorted(van_de, key=lambda v: v.hang)
