"""The codes of SPEC §2: titles and forms, ratings, discipline levels, recognition levels.

Parsing accepts the code, the Vietnamese abbreviation or the full name, in any case, with or without
diacritics; an unknown value is a ``GiaTriKhongHopLe`` that lists what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .loi import GiaTriKhongHopLe
from .tieng_viet import khoa_so_khop

CA_NHAN = "ca_nhan"
TAP_THE = "tap_the"


@dataclass(frozen=True, slots=True, eq=False)
class DanhHieu:
    """A title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng). The records in
    ``DANH_HIEU`` are the only instances, so they compare and hash by identity."""

    ma: str
    viet_tat: str
    ten: str
    doi_tuong: frozenset[str]
    la_hinh_thuc: bool
    thu_hang: int  # higher = higher title (for "only the highest is paid")
    bi_danh: tuple[str, ...] = ()
    # Who decides a code and the period it is computed over are law, read from params/ on the decision date:
    # params/tham_quyen/<ma>.yaml (``KetQua.cap_quyet_dinh``), tieu_chuan.so_nam_ky.

    @property
    def nhan(self) -> str:
        return f"{self.viet_tat} ({self.ten})" if self.viet_tat != self.ten else self.ten


_CN = frozenset({CA_NHAN})
_TT = frozenset({TAP_THE})
_CA_HAI = frozenset({CA_NHAN, TAP_THE})

# Aliases: the spellings officers write (case, diacritics, spaces and dots ignored), unambiguous ones only — e.g.
# "Bằng khen UBND tỉnh", "CSTĐ cấp tỉnh", "Giấy khen Giám đốc Sở" (officer's review); never "Bằng khen" of another
# authority (the Prime Minister's is not BK tỉnh). tests/test_nghi_van.py checks no spelling names two codes.
DANH_HIEU: dict[str, DanhHieu] = {d.ma: d for d in (
    DanhHieu("LDTT", "LĐTT", "Lao động tiên tiến", _CN, False, 10),
    DanhHieu("CSTDCS", "CSTĐCS", "Chiến sĩ thi đua cơ sở", _CN, False, 20,
             ("CSTĐ cơ sở", "CSTĐ cấp cơ sở", "Chiến sĩ thi đua cấp cơ sở")),
    DanhHieu("CSTDT", "CSTĐ tỉnh", "Chiến sĩ thi đua cấp tỉnh", _CN, False, 30,
             ("Chiến sĩ thi đua tỉnh", "CSTĐT", "CSTĐ cấp tỉnh", "Chiến sĩ thi đua UBND tỉnh")),
    DanhHieu("CSTDTQ", "CSTĐTQ", "Chiến sĩ thi đua toàn quốc", _CN, False, 40,
             ("CSTĐ toàn quốc", "Chiến sĩ thi đua cấp toàn quốc")),
    DanhHieu("TTLDTT", "TTLĐTT", "Tập thể lao động tiên tiến", _TT, False, 10),
    DanhHieu("TTLDXS", "TTLĐXS", "Tập thể lao động xuất sắc", _TT, False, 20,
             ("TLĐXS",)),
    DanhHieu("CTDT", "Cờ thi đua tỉnh", "Cờ thi đua của UBND tỉnh", _TT, False, 30,
             ("Cờ thi đua của Ủy ban nhân dân tỉnh", "Cờ thi đua", "Cờ thi đua UBND tỉnh", "Cờ thi đua cấp tỉnh",
              "Cờ thi đua Ủy ban nhân dân tỉnh")),
    DanhHieu("GK", "GK", "Giấy khen của Giám đốc Sở", _CA_HAI, True, 5,
             ("Giấy khen", "Giấy khen Giám đốc Sở", "Giấy khen Giám đốc", "Giấy khen của Giám đốc")),
    DanhHieu("BKT", "BK tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", _CA_HAI, True, 15,
             ("Bằng khen", "Bằng khen tỉnh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen UBND tỉnh",
              "Bằng khen của UBND tỉnh", "Bằng khen Chủ tịch UBND tỉnh", "Bằng khen Ủy ban nhân dân tỉnh",
              "Bằng khen của Ủy ban nhân dân tỉnh", "Bằng khen Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen cấp tỉnh",
              "BK UBND tỉnh")),
)}


@dataclass(frozen=True, slots=True)
class MucDo:
    """An ordered level: a rating, a discipline, a recognition level. Higher ``bac`` = higher/heavier."""

    ma: str
    ten: str
    bac: int


XEP_LOAI: dict[str, MucDo] = {m.ma: m for m in (
    MucDo("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", 4),
    MucDo("HTTNV", "Hoàn thành tốt nhiệm vụ", 3),
    MucDo("HTNV", "Hoàn thành nhiệm vụ", 2),
    MucDo("KHTNV", "Không hoàn thành nhiệm vụ", 1),
)}

KY_LUAT: dict[str, MucDo] = {m.ma: m for m in (
    MucDo("KHIEN_TRACH", "Khiển trách", 1),
    MucDo("CANH_CAO", "Cảnh cáo", 2),
    MucDo("HA_BAC_LUONG", "Hạ bậc lương", 3),
    MucDo("GIANG_CHUC", "Giáng chức", 4),
    MucDo("CACH_CHUC", "Cách chức", 5),
    MucDo("BUOC_THOI_VIEC", "Buộc thôi việc", 6),
)}

CAP_CONG_NHAN: dict[str, MucDo] = {m.ma: m for m in (
    MucDo("CO_SO", "Cơ sở", 1),
    MucDo("TINH", "Tỉnh", 2),
    MucDo("TOAN_QUOC", "Toàn quốc", 3),
)}


def _chi_muc(cac_muc: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    bang: dict[str, str] = {}
    for ma, ten_goi in cac_muc:
        for t in (ma, *ten_goi):
            k = khoa_so_khop(t)
            if bang.setdefault(k, ma) != ma:  # an alias must name one code only
                raise ValueError(f"'{t}' names both {bang[k]} and {ma}")
    return bang


GIOI_TINH: dict[str, str] = {"nam": "Nam", "namgioi": "Nam", "nu": "Nữ", "nugioi": "Nữ"}  # by khoa_so_khop


def doc_gioi_tinh(gia_tri: str) -> str | None:
    """"nam", "NỮ", "Nu", "nữ giới" → "Nam" / "Nữ"; None for anything else ("N", "x"): the law's tie priority for
    women reads it, so a doubtful value is said, not guessed."""
    return GIOI_TINH.get(khoa_so_khop(gia_tri))


_TIM_DANH_HIEU = _chi_muc((d.ma, (d.viet_tat, d.ten, *d.bi_danh)) for d in DANH_HIEU.values())
_TIM_XEP_LOAI = _chi_muc((m.ma, (m.ten,)) for m in XEP_LOAI.values())
_TIM_KY_LUAT = _chi_muc((m.ma, (m.ten,)) for m in KY_LUAT.values())
_TIM_CAP = _chi_muc((m.ma, (m.ten, f"cấp {m.ten}")) for m in CAP_CONG_NHAN.values())


def _doc(gia_tri: object, bang: dict[str, str], loai: str, cho_phep: str) -> str:
    khoa = khoa_so_khop(gia_tri)
    if khoa in bang:
        return bang[khoa]
    raise GiaTriKhongHopLe(f"{loai} '{gia_tri}' không hợp lệ; chọn {cho_phep}.")


def doc_danh_hieu(gia_tri: object) -> DanhHieu:
    """``"lđtt"``, ``"LDTT"``, ``"Lao dong tien tien"`` → the LĐTT record."""
    return DANH_HIEU[_doc(gia_tri, _TIM_DANH_HIEU, "Danh hiệu/hình thức",
                          ", ".join(d.viet_tat for d in DANH_HIEU.values()))]


def doc_danh_sach_danh_hieu(gia_tri: object) -> tuple[DanhHieu, ...]:
    """A comma/semicolon separated list of codes; duplicates removed, order kept."""
    if gia_tri is None:
        return ()
    ket_qua: list[DanhHieu] = []
    for phan in str(gia_tri).replace(";", ",").replace("\n", ",").split(","):
        if phan.strip():
            d = doc_danh_hieu(phan)
            if d not in ket_qua:
                ket_qua.append(d)
    return tuple(ket_qua)


def doc_xep_loai(gia_tri: object) -> MucDo:
    return XEP_LOAI[_doc(gia_tri, _TIM_XEP_LOAI, "Xếp loại", "HTXSNV, HTTNV, HTNV hoặc KHTNV")]


def doc_ky_luat(gia_tri: object) -> MucDo:
    return KY_LUAT[_doc(gia_tri, _TIM_KY_LUAT, "Kỷ luật",
                        ", ".join(m.ten for m in KY_LUAT.values()) + " (để trống nếu không)")]


def doc_cap(gia_tri: object) -> MucDo:
    return CAP_CONG_NHAN[_doc(gia_tri, _TIM_CAP, "Cấp công nhận", "Cơ sở, Tỉnh hoặc Toàn quốc")]


# ---- v2 facts (SPEC §8): award types, leave kinds, kinds of initiative ----------------------------------------

LOAI_KHEN_THUONG: dict[str, MucDo] = {m.ma: m for m in (
    MucDo("THUONG_XUYEN", "Thường xuyên", 1),
    MucDo("CHUYEN_DE", "Chuyên đề", 2),
    MucDo("DOT_XUAT", "Đột xuất", 3),
    MucDo("CONG_HIEN", "Cống hiến", 4),
    MucDo("NIEN_HAN", "Niên hạn", 5),
    MucDo("DOI_NGOAI", "Đối ngoại", 6),
)}
THUONG_XUYEN = LOAI_KHEN_THUONG["THUONG_XUYEN"]
# ND 152/2025 Art. 4(3): awards for a sudden feat or a themed campaign do not count toward chains
KHONG_TINH_CHUOI = frozenset({"CHUYEN_DE", "DOT_XUAT"})

LOAI_NGHI: dict[str, MucDo] = {m.ma: m for m in (
    MucDo("THAI_SAN", "thai sản", 1),
    MucDo("OM", "ốm", 2),
    MucDo("TAI_NAN", "tai nạn khi làm nhiệm vụ", 3),
    MucDo("HOC_TAP", "học tập", 4),
    MucDo("KHONG_LUONG", "không lương", 5),
    MucDo("KHAC", "khác", 6),
)}

LOAI_SANG_KIEN: dict[str, MucDo] = {m.ma: m for m in (
    MucDo("SANG_KIEN", "Sáng kiến", 1),
    MucDo("DE_TAI", "Đề tài", 2),
)}

_TIM_LOAI_KT = _chi_muc((m.ma, (m.ten, f"khen thưởng {m.ten}")) for m in LOAI_KHEN_THUONG.values())
_TIM_LOAI_NGHI = _chi_muc((
    ("THAI_SAN", ("thai sản", "nghỉ thai sản", "sinh con")),
    ("OM", ("ốm", "ốm đau", "nghỉ ốm", "bệnh")),
    ("TAI_NAN", ("tai nạn khi làm nhiệm vụ", "tai nạn", "tai nạn lao động", "bị thương khi làm nhiệm vụ")),
    ("HOC_TAP", ("học tập", "học", "đi học", "đào tạo", "bồi dưỡng", "đào tạo, bồi dưỡng")),
    ("KHONG_LUONG", ("không lương", "nghỉ không lương", "không hưởng lương")),
    ("KHAC", ("khác", "việc riêng")),
))
_TIM_LOAI_SK = _chi_muc((
    ("SANG_KIEN", ("Sáng kiến", "SK", "giải pháp")),
    ("DE_TAI", ("Đề tài", "đề tài khoa học", "đề án", "công trình", "nghiên cứu")),
))


def doc_loai_khen_thuong(gia_tri: object) -> MucDo:
    return LOAI_KHEN_THUONG[_doc(gia_tri, _TIM_LOAI_KT, "Loại khen thưởng",
                                 ", ".join(m.ten for m in LOAI_KHEN_THUONG.values()) + " (để trống = Thường xuyên)")]


def doc_loai_nghi(gia_tri: object) -> MucDo:
    return LOAI_NGHI[_doc(gia_tri, _TIM_LOAI_NGHI, "Loại nghỉ", ", ".join(m.ten for m in LOAI_NGHI.values()))]


def doc_loai_sang_kien(gia_tri: object) -> MucDo:
    return LOAI_SANG_KIEN[_doc(gia_tri, _TIM_LOAI_SK, "Loại", "Sáng kiến hoặc Đề tài")]

# Kinds of round (ThongTin ``Loại đợt``) and the award type their ledger rows carry (LichSu ``Loại khen thưởng``,
# Law 2022 Art. 8 — thường xuyên / chuyên đề / đột xuất; DOMAIN.md §12).
CUOI_NAM, CHUYEN_DE, DOT_XUAT = "Cuối năm", "Chuyên đề", "Đột xuất"
LOAI_DOT: dict[str, str] = {CUOI_NAM: "Thường xuyên", CHUYEN_DE: "Chuyên đề", DOT_XUAT: "Đột xuất"}
_TIM_LOAI_DOT = _chi_muc((t, (f"đợt {t}", *((kt,) if t == CUOI_NAM else ()))) for t, kt in LOAI_DOT.items())


def doc_loai_dot(gia_tri: object) -> str:
    """"chuyen de", "Đợt chuyên đề" → "Chuyên đề"; "Thường xuyên" is the year-end round."""
    return _doc(gia_tri, _TIM_LOAI_DOT, "Loại đợt", "Cuối năm (để trống), Chuyên đề hoặc Đột xuất")


# The order in which a department's documents list its units when nobody gave one (units sent in files of their own
# are read in file-name order, which is no order at all — a reviewer: "Phòng Công chứng số 1, …, 3. Lãnh đạo Sở, …,
# 6. Văn phòng Sở"): the leadership, the Văn phòng, the inspectorate, the phòng, the chi cục, then the others
# (trung tâm, ban, quỹ …), as administrative documents list them.
_THU_TU_LOAI_DON_VI = ("lãnh đạo", "văn phòng sở", "thanh tra", "phòng ", "chi cục")


def thu_tu_loai_don_vi(ten: str) -> int:
    """The rank of a unit's kind by its name (``_THU_TU_LOAI_DON_VI``; others last)."""
    t = ten.strip().lower()
    return next((i for i, dau in enumerate(_THU_TU_LOAI_DON_VI) if t.startswith(dau)), len(_THU_TU_LOAI_DON_VI))
