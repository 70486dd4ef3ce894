"""One typed context builder per template. Templates never compute rules: every sentence, count and amount is
built here from the decided results (``KetQuaXet``) and the parameters in force.

House rules for the words (issue 11): titles by their full names in running text (“Lao động tiên tiến”, with
typographic quotes), abbreviations only in narrow table columns and then explained under the table; Vietnamese
decimals ("93,7", "90,91 %" with a non-breaking space); the agency's name as the agency writes it."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..danh_muc import CA_NHAN, DANH_HIEU, DOT_XUAT, TAP_THE, XEP_LOAI, DanhHieu
from ..ket_xuat import bang_kiem_phieu, thanh_tich, tieu_chi_khong_dat
from ..mo_hinh import CaNhan, TapThe, ThongTin
from ..tham_so import TEN_LUA_CHON, ThamSoApDung, hien_thi_gia_tri
from ..tieng_viet import dinh_dang_ngay, dinh_dang_tien, dinh_dang_ty_le, doc_so_tien, khoa_sap_xep_ho_ten
from ..xet import CatChiTieu, KetQua, KetQuaXet, TrangThaiPhieu, cau_uu_tien, mo_ta_chi_tieu
from .do_chu import LE_O_MM, ngat_dong_ten

RONG_TEN_CO_QUAN_MM = 69 - LE_O_MM  # the header's left column (scripts/tao_mau_van_ban.py RONG_TRAI) less margins
CHANH_VAN_PHONG = "Chánh Văn phòng Sở"
NHAN_LANH_DAO = "- Giám đốc, các Phó Giám đốc Sở;"  # issue 11: the Director and Deputies, whoever signs
NHAN_NOI_VU = "- Sở Nội vụ (Ban Thi đua – Khen thưởng);"
NHAN_LUU = "- Lưu: VT, VP."
CHO_VIET = "[Phần do cán bộ thi đua viết — xóa dòng này khi viết xong.]"


def _viet_ten(ten: str) -> str:
    """An agency's name written in capitals, in running text: "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH LAI CHÂU" →
    "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu" (Decree 30, Phụ lục II: the first letter of the type word
    and of each field of work capitalised, place names capitalised)."""
    tu = ten.lower().split()
    ra: list[str] = []
    dia_danh = False
    for i, t in enumerate(tu):
        if t in ("tỉnh", "thành", "huyện", "xã", "phường") and i >= 2:
            dia_danh = True
            ra.append(t)
            continue
        hoa = i <= 1 or dia_danh or (ra and (ra[-1] == "và" or ra[-1].endswith(",")))
        if t == "phố" and ra and ra[-1] == "thành":
            hoa = False
        ra.append(t[:1].upper() + t[1:] if hoa else t)
    return " ".join(ra)


def _ten_co_quan(tt: ThongTin) -> str:
    """The agency's name in running text: as the agency typed it when not all in capitals (its own
    capitalisation kept), else written from the capitals: "SỞ TÀI CHÍNH" → "Sở Tài chính"."""
    goc = " ".join(tt.ten_co_quan_goc.split())
    if goc and goc != goc.upper():
        return goc
    return _viet_ten(tt.co_quan)


def ten_day_du(dh: DanhHieu) -> str:
    """The title's full name for running text: titles in quotes, forms without ("Bằng khen của Chủ tịch …")."""
    ten = dh.ten.replace("UBND", "Ủy ban nhân dân")
    return ten if dh.la_hinh_thuc else f"“{ten}”"


_VIET_TAT: dict[str, str] = {
    **{dh.viet_tat: ten_day_du(dh) for dh in DANH_HIEU.values() if dh.viet_tat != dh.ten},
    **{m.ma: m.ten[:1].lower() + m.ten[1:] for m in XEP_LOAI.values()},
}
_TIM_VIET_TAT = re.compile(r"(?<![\w/-])(" + "|".join(sorted(map(re.escape, _VIET_TAT), key=len, reverse=True))
                           + r")(?![\w-])")


def viet_day_du(chu: str) -> str:
    """A sentence of the decision (a reason, written for the spreadsheet with the short codes) for a signed text:
    every title's and rating's short code in full — "chưa đạt CSTĐCS 3 năm" → "chưa đạt “Chiến sĩ thi đua cơ sở”
    3 năm", "HTXSNV" → "hoàn thành xuất sắc nhiệm vụ" (Decree 30/2020: no abbreviations in a text's body)."""
    return _TIM_VIET_TAT.sub(lambda m: _VIET_TAT[m.group(1)], chu)


def so_thap_phan(x: float) -> str:
    """93.7 → "93,7"; 95.0 → "95" (Vietnamese decimal comma)."""
    return f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")


_PHAN_TRAM = re.compile(r"(\d) %")
_THAP_PHAN = re.compile(r"(?<![\d.])(\d+)\.(\d{1,2})(?![\d.])")


def van_ban_dep(chu: str) -> str:
    """Typography for a sentence of the engine: decimal comma, a non-breaking space before %, “…” quotes."""
    chu = _THAP_PHAN.sub(r"\1,\2", chu)
    chu = _PHAN_TRAM.sub("\\1\u00a0%", chu)
    return re.sub(r"\"([^\"]*)\"", r"“\1”", chu)


def dong_ten_co_quan(ten: str, dam: bool = True) -> str:
    """An agency's name broken into the lines of a header's left column (``do_chu.ngat_dong_ten``)."""
    return "\n".join(ngat_dong_ten(ten, RONG_TEN_CO_QUAN_MM, 13, dam))


def _dem(so_tt: int, so_cn: int) -> str:
    """ "3 tập thể và 13 cá nhân", "11 cá nhân" — never "0 tập thể"."""
    phan = [f"{so_tt} tập thể" if so_tt else "", f"{so_cn} cá nhân" if so_cn else ""]
    return " và ".join(p for p in phan if p) or "0 cá nhân"


ten_co_quan = _ten_co_quan  # the same, for other modules (hồ sơ)


@dataclass(frozen=True)
class NguCanh:
    """What every document's context is: a frozen dataclass whose fields are the template's variable names. The
    render point (``van_ban.ve``) turns the top-level fields into the dict docxtpl wants (``thanh_dict``); nested
    rows and groups stay dataclasses (Jinja reads their attributes)."""


def thanh_dict(ctx: NguCanh | Mapping[str, Any]) -> dict[str, Any]:
    """The top-level fields of a context as docxtpl's dict (shallow: nested dataclasses stay as they are). A plain
    mapping (an agency's own caller) is copied."""
    if isinstance(ctx, NguCanh):
        return {f.name: getattr(ctx, f.name) for f in fields(ctx)}
    return dict(ctx)


@dataclass(frozen=True)
class DauVanBan(NguCanh):
    """The header block and signature shared by every document (Decree 30)."""

    co_quan_chu_quan: str
    co_quan: str  # broken into lines where a real header breaks it
    ky_hieu_van_ban: str
    dia_danh_ngay: str
    ngay_chu: str
    chuc_danh_ky: list[str]
    nguoi_ky: str
    nguoi_ban_hanh: str
    co_quan_van: str = ""  # the agency's name in running text
    noi_nhan: list[str] = field(default_factory=list)
    du_thao: str = ""  # "DỰ THẢO" in the heading while the council has a tie to decide (issue #10)

    def __post_init__(self) -> None:
        # titles of every document with this header: the year stays with "năm" (giu_nam_lien)
        for khoa in ("trich_yeu", "tieu_de_danh_sach"):
            chu = getattr(self, khoa, None)
            if isinstance(chu, str):
                object.__setattr__(self, khoa, giu_nam_lien(chu))


def dau_van_ban(tt: ThongTin, loai: str, noi_nhan: list[str] | None = None, ngay: dt.date | None = None) -> DauVanBan:
    chuc_vu = tt.chuc_vu_nguoi_ky.upper().strip() or "GIÁM ĐỐC"
    chuc_danh = ["KT. GIÁM ĐỐC", chuc_vu] if tt.ky_thay else [chuc_vu]
    ngay = ngay or tt.ngay_quyet_dinh
    co_quan = _ten_co_quan(tt)
    return DauVanBan(dong_ten_co_quan(tt.co_quan_chu_quan, False), dong_ten_co_quan(tt.co_quan, True),
                     f"{loai}-{tt.ky_hieu}",
                     dinh_dang_ngay(ngay, tt.dia_danh), dinh_dang_ngay(ngay), chuc_danh, tt.nguoi_ky,
                     f"Giám đốc {co_quan}", co_quan, noi_nhan or [])


_NAM_LIEN = re.compile(r"(?i)\b(năm) (\d{4})\b")


def giu_nam_lien(chu: str) -> str:
    """"năm 2025" joined by a non-breaking space, so a title line never ends on "năm" with the year alone below."""
    return _NAM_LIEN.sub("\\1\u00a0\\2", chu)


def _dau(dau: DauVanBan) -> dict[str, Any]:
    """The header's fields, to open a context dataclass that extends ``DauVanBan`` (``Ctx(**_dau(dau), ...)``)."""
    return {f.name: getattr(dau, f.name) for f in fields(DauVanBan)}


@dataclass(frozen=True)
class DongDanhSach:
    """A row of a decision's annex: number, name, position, the amount as printed."""

    stt: int
    ten: str
    so_tien: str
    chuc_vu: str = ""
    ma: str = ""  # the person's code (not printed: the certificates follow the annex by it)


@dataclass(frozen=True)
class NhomDanhSach:
    """A unit's group of rows ("1. Phòng Tổ chức"), or the collectives' one group without a heading (``ten`` "")."""

    ten: str
    ds: list[DongDanhSach]


@dataclass(frozen=True)
class PhanDanhSach:
    """A part of the annex ("I. CHIẾN SĨ THI ĐUA CƠ SỞ (3 cá nhân)") and its groups."""

    ten: str
    nhom: list[NhomDanhSach]


@dataclass(frozen=True)
class DongDanhSachCu:
    """A row as v0.1's ``quyet_dinh.docx`` read it (with a title column)."""

    stt: int
    ten: str
    chuc_vu: str
    so_tien: str
    danh_hieu: str
    ma: str = ""


@dataclass(frozen=True)
class NhomDanhSachCu:
    ten: str
    ds: list[DongDanhSachCu]


@dataclass(frozen=True)
class Dieu:
    """An article of a decision: "Điều 1.", its text, its khoản (one paragraph each)."""

    so: str
    noi_dung: str
    khoan: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class NguCanhQuyetDinhChung(DauVanBan):
    """What the three decisions share: heading, căn cứ, articles, the annex's title and totals."""

    trich_yeu: str
    tham_quyen: str
    can_cu: list[str]
    theo_de_nghi: str
    dieu_truoc: list[Dieu]
    dieu_cuoi: list[Dieu]
    tieu_de_danh_sach: str
    dieu: list[Dieu]  # v0.1 templates: one paragraph per article, the khoản joined
    nhom_danh_sach: list[NhomDanhSachCu]  # v0.1 templates: groups with a title column
    cot_ten: str
    so_nguoi: str
    tong_tien: str
    tong_tien_chu: str
    so_tien_tong: int


@dataclass(frozen=True, kw_only=True)
class NguCanhQuyetDinh(NguCanhQuyetDinhChung):
    """QĐ công nhận danh hiệu, QĐ tặng Giấy khen (``quyet_dinh.docx``): the annex in parts."""

    phan_danh_sach: list[PhanDanhSach]


@dataclass(frozen=True, kw_only=True)
class NguCanhQuyetDinhTapThe(NguCanhQuyetDinhChung):
    """QĐ công nhận “Tập thể lao động tiên tiến” (``quyet_dinh_tap_the.docx``): one list of collectives."""

    ds: list[DongDanhSach]


def _ten(d: CaNhan | TapThe) -> str:
    return d.ho_ten if isinstance(d, CaNhan) else d.ten


def ten_phan_biet(ds: list[tuple[str, str, str]]) -> list[str]:
    """The names of a list of (code, name, unit), each subject once (by its code, not its name: two people may
    share a name), in the list's order; a name two subjects of the list share is followed by the unit, so that a
    reader tells them apart: "Nguyễn Kim Mai (Phòng Tổ chức cán bộ), …, Nguyễn Kim Mai (Thanh tra Sở)" — and, in the
    same unit, by the staff code: "Nguyễn Bích Nhung (Phòng Tổ chức cán bộ, mã 01624)"."""
    mot: dict[str, tuple[str, str]] = {}
    for ma, ten, don_vi in ds:
        mot.setdefault(ma, (ten, don_vi))
    dem = Counter(ten for ten, _ in mot.values())
    cung_don_vi = Counter(mot.values())  # the same name in the same unit: the staff code tells them apart

    def ghi(ma: str, ten: str, don_vi: str) -> str:
        if dem[ten] == 1:
            return ten
        them = [don_vi] if don_vi else []
        if cung_don_vi[(ten, don_vi)] > 1:
            them.append(f"mã {ma}")
        return f"{ten} ({', '.join(them)})" if them else ten

    return [ghi(ma, ten, don_vi) for ma, (ten, don_vi) in mot.items()]


def _ngay_hop(tt: ThongTin) -> dt.date:
    return tt.ngay_hop or tt.ngay_quyet_dinh


def _dong_can_cu(gia_tri: str) -> str:
    """A ThongTin căn cứ value as one line: "Căn cứ …;" (blank → "")."""
    v = " ".join(gia_tri.split()).rstrip(";.")
    if not v:
        return ""
    if v.lower().startswith("căn cứ "):
        v = v[len("căn cứ "):]
    return f"Căn cứ {v};"


def _can_cu(ts: ThamSoApDung, tt: ThongTin, de_nghi: bool = False) -> list[str]:
    """The căn cứ lines, the signer's competence first and then the content (ND 30/2020, Phụ lục I: "văn bản quy
    định thẩm quyền, chức năng, nhiệm vụ … và các văn bản quy định nội dung"), each group by rank: the law on local
    government, the province's decision on the agency's functions (ThongTin); then the laws on emulation in force on
    the decision date (parameter ``van_ban.can_cu_quyet_dinh``), the province's and the agency's quy chế (a blank
    key leaves its line out), the council's meeting. (A clerk's review: the province's decision stood above the
    laws.) ``de_nghi``: a Tờ trình exercises no power of its own — no competence lines — and its body already
    rests on the council's meeting (a clerk's review: the meeting cited twice)."""
    luat = list(ts("van_ban.can_cu_quyet_dinh"))
    tham_quyen = [d for d in luat if "Tổ chức chính quyền địa phương" in d]
    dong = [*([] if de_nghi else [*tham_quyen, _dong_can_cu(tt.can_cu_chuc_nang)]),
            *(d for d in luat if d not in tham_quyen),
            _dong_can_cu(tt.can_cu_quy_che_tinh), _dong_can_cu(tt.can_cu_quy_che_co_quan),
            _dong_can_cu(tt.can_cu_ke_hoach),  # the plan this round closes (a clerk's review of a chuyên đề)
            "" if de_nghi else
            f"Căn cứ kết quả họp Hội đồng Thi đua – Khen thưởng {_ten_co_quan(tt)} {dinh_dang_ngay(_ngay_hop(tt))};"]
    return [d for d in dong if d]


def _tien(v: int | None) -> str:
    return dinh_dang_tien(v) if v else "—"


def _thu_tu_don_vi(kq: KetQuaXet) -> dict[str, int]:
    return {t.ma: i for i, t in enumerate(kq.du_lieu.tap_the)}


def _nhom_ca_nhan(kq: KetQuaXet, muc: list[tuple[CaNhan, KetQua]], tien: Mapping[str, int | None] | None = None
                  ) -> list[NhomDanhSach]:
    """People grouped by unit in the department's order (numbered group rows), by name inside a unit; STT runs on
    through the part."""
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    thu_tu = _thu_tu_don_vi(kq)
    nhom: dict[str, list[tuple[CaNhan, KetQua]]] = defaultdict(list)
    for d, k in muc:
        nhom[d.don_vi].append((d, k))
    ds, stt = [], 0
    for i, ma in enumerate(sorted(nhom, key=lambda m: (thu_tu.get(m, len(thu_tu)), m)), start=1):
        dong = []
        cung_ten = Counter(d.ho_ten for d, _ in nhom[ma])
        for d, k in sorted(nhom[ma], key=lambda x: khoa_sap_xep_ho_ten(x[0].ho_ten)):
            stt += 1
            so = tien.get(d.ma) if tien is not None else k.tien_thuong
            dong.append(DongDanhSach(stt=stt, ten=_ten_trong_don_vi(d, nhom[ma]) if cung_ten[d.ho_ten] > 1
                                     else d.ho_ten, chuc_vu=d.chuc_vu, so_tien=_tien(so), ma=d.ma))
        ds.append(NhomDanhSach(f"{i}. {ten_dv.get(ma, ma)}", dong))
    return ds


def _ten_trong_don_vi(d: CaNhan, cung: list[tuple[CaNhan, KetQua]]) -> str:
    """A name two people of one unit's list share, told apart as a payment list must (a clerk's review: two rows
    "Nguyễn Ngọc Minh – Chuyên viên" alike in every column): by the year of birth, the full date when that is shared
    too, else the staff code."""
    ban = [x for x, _ in cung if x.ho_ten == d.ho_ten and x is not d]
    if d.ngay_sinh is not None and all(x.ngay_sinh is None or x.ngay_sinh.year != d.ngay_sinh.year for x in ban):
        return f"{d.ho_ten} (sinh năm {d.ngay_sinh.year})"
    if d.ngay_sinh is not None and all(x.ngay_sinh != d.ngay_sinh for x in ban):
        return f"{d.ho_ten} (sinh ngày {d.ngay_sinh:%d/%m/%Y})"
    return f"{d.ho_ten} (mã {d.ma})"


def _tap_the_theo_thu_tu(kq: KetQuaXet, muc: list[tuple[TapThe, KetQua]]) -> list[tuple[TapThe, KetQua]]:
    thu_tu = _thu_tu_don_vi(kq)
    return sorted(muc, key=lambda x: thu_tu.get(x[0].ma, len(thu_tu)))


def _so_la_ma(i: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][i - 1]


def nguoi_chi_tra(kq: KetQuaXet) -> str:
    """Who pays the rewards (Điều 2) and carries out the decision beside the Chánh Văn phòng (Điều 3): ThongTin's
    ``Người chi trả tiền thưởng``, else the head of the agency's planning–finance phòng when it has one, else the
    Chánh Văn phòng Sở (a reviewer: a Sở Tư pháp, which has no such phòng, was told its "Trưởng phòng Kế hoạch – Tài
    chính" pays)."""
    tt = kq.du_lieu.thong_tin
    if tt.nguoi_chi_tra.strip():
        return tt.nguoi_chi_tra.strip()
    tc = next((t.ten for t in kq.du_lieu.tap_the if re.match(r"phòng kế hoạch\s*[–-]\s*tài chính", t.ten.lower())),
              None)
    return chuc_vu_don_vi("Trưởng phòng", tc) if tc else CHANH_VAN_PHONG


def _dieu_tien(muc: list[tuple[Any, int]], tong: int, kq: KetQuaXet, doi_tuong: str) -> str:
    """The money article: per title and amount, the total in figures and words, the fund, who pays."""
    ts, tt = kq.ts, kq.du_lieu.thong_tin
    dem = Counter((ten, so) for ten, so in muc if so)
    chi_tiet = "; ".join(f"{ten}: {n} {doi_tuong} × {dinh_dang_tien(so)} đồng" for (ten, so), n in dem.items())
    nguoi_chi = nguoi_chi_tra(kq)
    return (f"Tiền thưởng kèm theo thực hiện theo {ts('van_ban.can_cu_tien_thuong')[0]}"
            + (f" ({chi_tiet})" if chi_tiet else "")
            + f"; tổng cộng {dinh_dang_tien(tong)} đồng (Bằng chữ: {doc_so_tien(tong)}), chi từ Quỹ thi đua, khen "
            f"thưởng của {_ten_co_quan(tt)}. {nguoi_chi} có trách nhiệm chi trả tiền thưởng cho các "
            f"{doi_tuong} có tên tại Điều 1 theo danh sách kèm theo.")


def _dieu_thi_hanh(kq: KetQuaXet, doi_tuong: str) -> str:
    """The execution article; the payer named once (a reviewer: "Chánh Văn phòng Sở, Chánh Văn phòng Sở" when the
    Chánh Văn phòng pays)."""
    ai = list(dict.fromkeys((CHANH_VAN_PHONG, nguoi_chi_tra(kq))))
    return (f"Quyết định này có hiệu lực kể từ ngày ký. {', '.join(ai)}, Thủ trưởng các phòng, đơn vị "
            f"thuộc Sở và các {doi_tuong} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")  # ND 30 end mark


def _dau_quyet_dinh(kq: KetQuaXet, trich_yeu: str, dieu: list[Dieu], tieu_de_ds: str) -> dict[str, Any]:
    """The shared fields of a decision's context (``NguCanhQuyetDinhChung``'s header part), as keyword arguments."""
    tt, ts = kq.du_lieu.thong_tin, kq.ts
    co_quan = _ten_co_quan(tt)
    dau = dau_van_ban(tt, "QĐ", ["- Như Điều 3;", NHAN_LANH_DAO, NHAN_NOI_VU, NHAN_LUU])
    return dict(
        _dau(dau), trich_yeu=trich_yeu, tham_quyen=f"GIÁM ĐỐC {tt.co_quan}", can_cu=_can_cu(ts, tt),
        theo_de_nghi=f"Theo đề nghị của Chánh Văn phòng Sở (Thường trực Hội đồng Thi đua – Khen thưởng {co_quan}).",
        dieu_truoc=dieu[:-1], dieu_cuoi=dieu[-1:], tieu_de_danh_sach=tieu_de_ds,
        # for an agency's template made from v0.1 (one paragraph per article, no khoản loop)
        dieu=[replace(d, noi_dung="\n".join([d.noi_dung, *d.khoan])) for d in dieu])


def _ket_qua_dat(kq: KetQuaXet, ma: str) -> list[tuple[CaNhan | TapThe, KetQua]]:
    return [(d, k) for d, k in kq.tat_ca() if k.dat and k.danh_hieu.ma == ma]


def quyet_dinh_danh_hieu(kq: KetQuaXet) -> NguCanhQuyetDinh:
    """QĐ công nhận danh hiệu (LĐTT, CSTĐCS): Điều 1 in khoản by title; the annex in parts I. CSTĐCS / II. LĐTT,
    each person once (a CSTĐCS is also LĐTT: listed in part I with the CSTĐCS money, the only one paid)."""
    tt = kq.du_lieu.thong_tin
    co_quan = _ten_co_quan(tt)
    cstdcs = [(d, k) for d, k in _ket_qua_dat(kq, "CSTDCS") if isinstance(d, CaNhan)]
    ma_cs = {d.ma for d, _ in cstdcs}
    ldtt = [(d, k) for d, k in _ket_qua_dat(kq, "LDTT") if isinstance(d, CaNhan)]
    ldtt_rieng = [(d, k) for d, k in ldtt if d.ma not in ma_cs]
    ca_hai = len(ldtt) - len(ldtt_rieng)
    tien_ld: dict[str, int] = defaultdict(int)  # one pass, not one per CSTĐCS (quadratic at 20,000 staff)
    for e, x in ldtt:
        tien_ld[e.ma] += x.tien_thuong or 0
    tien_cs = {d.ma: (k.tien_thuong or 0) + tien_ld.get(d.ma, 0) for d, k in cstdcs}
    phan, khoan = [], []
    ten_cs, ten_ld = ten_day_du(DANH_HIEU["CSTDCS"]), ten_day_du(DANH_HIEU["LDTT"])
    if cstdcs:
        phan.append(("CHIẾN SĨ THI ĐUA CƠ SỞ", len(cstdcs), _nhom_ca_nhan(kq, cstdcs, tien_cs)))
    if ldtt_rieng:
        phan.append(("LAO ĐỘNG TIÊN TIẾN", len(ldtt_rieng), _nhom_ca_nhan(kq, ldtt_rieng)))
    so_phan = {ten: i for i, (ten, _, _) in enumerate(phan, start=1)}

    def o_phan(ten: str) -> str:
        return f"Phần {_so_la_ma(so_phan[ten])} của danh sách kèm theo" if len(phan) > 1 else "danh sách kèm theo"

    if cstdcs:
        dong_thoi = ""
        if ca_hai == len(cstdcs):
            dong_thoi = f"; các cá nhân này đồng thời đạt danh hiệu {ten_ld}"
        elif ca_hai:
            dong_thoi = f"; trong đó {ca_hai} cá nhân đồng thời đạt danh hiệu {ten_ld}"
        khoan.append(f"Danh hiệu {ten_cs}: {len(cstdcs)} cá nhân ({o_phan('CHIẾN SĨ THI ĐUA CƠ SỞ')}){dong_thoi}.")
    if ldtt:
        if ca_hai and ldtt_rieng:
            khoan.append(f"Danh hiệu {ten_ld}: {len(ldtt)} cá nhân, gồm {ca_hai} cá nhân nêu tại khoản 1 và "
                         f"{len(ldtt_rieng)} cá nhân tại {o_phan('LAO ĐỘNG TIÊN TIẾN')}.")
        elif ldtt_rieng:
            khoan.append(f"Danh hiệu {ten_ld}: {len(ldtt_rieng)} cá nhân ({o_phan('LAO ĐỘNG TIÊN TIẾN')}).")
        else:
            khoan.append(f"Danh hiệu {ten_ld}: {len(ldtt)} cá nhân nêu tại khoản 1.")
    if len(khoan) > 1:
        khoan = [f"{i}. {k}" for i, k in enumerate(khoan, start=1)]
    so_nguoi = len(cstdcs) + len(ldtt_rieng)
    dieu1 = f"Công nhận danh hiệu thi đua năm {kq.nam} cho {so_nguoi} cá nhân thuộc {co_quan}"
    if len(khoan) > 1:
        dieu = [Dieu("Điều 1.", dieu1 + ", cụ thể như sau:", khoan)]
    else:
        dieu = [Dieu("Điều 1.", f"{dieu1}. {khoan[0]}" if khoan else dieu1 + ".")]
    tien_muc = [(ten_cs, tien_cs[d.ma]) for d, _ in cstdcs] + [(ten_ld, k.tien_thuong or 0) for _, k in ldtt_rieng]
    tong = sum(so for _, so in tien_muc)
    dieu += [Dieu("Điều 2.", _dieu_tien(tien_muc, tong, kq, "cá nhân")),
             Dieu("Điều 3.", _dieu_thi_hanh(kq, "cá nhân"))]
    return NguCanhQuyetDinh(
        **_dau_quyet_dinh(kq, f"Về việc công nhận danh hiệu thi đua năm {kq.nam}", dieu,
                          f"CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU THI ĐUA NĂM {kq.nam}"),
        nhom_danh_sach=_nhom_cu([("CSTĐCS" if ten.startswith("CHIẾN") else "LĐTT", nhom) for ten, _, nhom in phan]),
        cot_ten="Họ và tên", so_nguoi=f"{so_nguoi} cá nhân", tong_tien=dinh_dang_tien(tong),
        tong_tien_chu=doc_so_tien(tong), so_tien_tong=tong,
        phan_danh_sach=[PhanDanhSach((f"{_so_la_ma(i)}. " if len(phan) > 1 else "") + f"{ten} ({n} cá nhân)", nhom)
                        for i, (ten, n, nhom) in enumerate(phan, start=1)])


def _nhom_cu(phan: list[tuple[str, list[NhomDanhSach]]]) -> list[NhomDanhSachCu]:
    """The annex as v0.1's ``quyet_dinh.docx`` read it (groups with a title column), so that an agency's template
    made from v0.1 still renders."""
    return [NhomDanhSachCu(n.ten, [DongDanhSachCu(stt=d.stt, ten=d.ten, chuc_vu=d.chuc_vu, so_tien=d.so_tien,
                                                  danh_hieu=viet_tat, ma=d.ma) for d in n.ds])
            for viet_tat, nhom in phan for n in nhom]


def _giay_khen_theo_thu_tu(kq: KetQuaXet) -> tuple[list[tuple[TapThe, KetQua]], list[NhomDanhSach]]:
    """Collectives (the department's order), then people by unit: the order of the QĐ's annex, which the
    certificates follow so that the register numbers match the list."""
    muc = _ket_qua_dat(kq, "GK")
    tap_the = _tap_the_theo_thu_tu(kq, [(d, k) for d, k in muc if isinstance(d, TapThe)])
    nhom = _nhom_ca_nhan(kq, [(d, k) for d, k in muc if isinstance(d, CaNhan)])
    return tap_the, nhom


def quyet_dinh_giay_khen(kq: KetQuaXet) -> NguCanhQuyetDinh:
    """QĐ tặng Giấy khen: counts that say what is there ("cho 11 cá nhân"), collectives and people in their own
    parts, no column repeating the form's name."""
    tt = kq.du_lieu.thong_tin
    co_quan = _ten_co_quan(tt)
    tap_the, nhom = _giay_khen_theo_thu_tu(kq)
    so_cn = sum(len(n.ds) for n in nhom)
    theo_dot = not tt.cuoi_nam  # a chuyên đề / đột xuất round: its name in the trích yếu, each one's achievement
    if theo_dot:
        thanh_tich = {c.ma: c.thanh_tich for c, _ in kq.ca_nhan}
        nhom = [replace(n, ds=[replace(d, ten=d.ten + "\n" + thanh_tich_theo_dot(tt, thanh_tich.get(d.ma, "")))
                               for d in n.ds]) for n in nhom]
    phan = []
    if tap_the:
        phan.append(("TẬP THỂ", f"{len(tap_the)} tập thể", [NhomDanhSach("", [
            DongDanhSach(stt=i, ten=d.ten + ("\n" + thanh_tich_theo_dot(tt, d.thanh_tich) if theo_dot else ""),
                         so_tien=_tien(k.tien_thuong))
            for i, (d, k) in enumerate(tap_the, start=1)])]))
    if nhom:
        phan.append(("CÁ NHÂN", f"{so_cn} cá nhân", nhom))
    tien_muc = [("tập thể", k.tien_thuong or 0) for _, k in tap_the]
    tien_muc += [("cá nhân", k.tien_thuong or 0) for d, k in _ket_qua_dat(kq, "GK") if isinstance(d, CaNhan)]
    tong = sum(so for _, so in tien_muc)
    dem = Counter(tien_muc)
    chi_tiet = "; ".join(f"{n} {ai} × {dinh_dang_tien(so)} đồng" for (ai, so), n in dem.items() if so)
    doi_tuong = "tập thể, cá nhân" if tap_the and nhom else "tập thể" if tap_the else "cá nhân"
    nguoi_chi = nguoi_chi_tra(kq)
    dieu = [
        Dieu("Điều 1.", f"Tặng Giấy khen của Giám đốc {co_quan} cho {_dem(len(tap_the), so_cn)} (có danh "
                        f"sách kèm theo) đã có "
                        f"{thanh_tich_dot(tt) if theo_dot else f'thành tích xuất sắc trong thực hiện nhiệm vụ năm {kq.nam}'}."),
        Dieu("Điều 2.", f"Tiền thưởng kèm theo Giấy khen thực hiện theo "
                        f"{kq.ts('van_ban.can_cu_tien_thuong')[0]} ({chi_tiet}); tổng cộng "
                        f"{dinh_dang_tien(tong)} đồng (Bằng chữ: {doc_so_tien(tong)}), chi từ Quỹ thi "
                        f"đua, khen thưởng của {co_quan}. {nguoi_chi} có trách nhiệm chi trả tiền thưởng "
                        f"cho các {doi_tuong} có tên tại Điều 1 theo danh sách kèm theo."),
        Dieu("Điều 3.", _dieu_thi_hanh(kq, doi_tuong)),
    ]
    if theo_dot:
        dau = _dau_quyet_dinh(kq, f"Về việc tặng Giấy khen cho {doi_tuong} có {thanh_tich_dot(tt)}", dieu,
                              f"{doi_tuong.upper()} ĐƯỢC TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ ĐÃ CÓ "
                              f"{thanh_tich_dot(tt).upper()}")
    else:
        dau = _dau_quyet_dinh(kq, f"Về việc tặng Giấy khen năm {kq.nam}", dieu,
                              f"{doi_tuong.upper()} ĐƯỢC TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ NĂM {kq.nam}")
    return NguCanhQuyetDinh(
        **dau, nhom_danh_sach=_nhom_cu([("GK", nh) for _, _, nh in phan]),
        cot_ten=("Họ và tên, tên tập thể" if tap_the else "Họ và tên") + ("; thành tích" if theo_dot else ""),
        so_nguoi=_dem(len(tap_the), so_cn), tong_tien=dinh_dang_tien(tong), tong_tien_chu=doc_so_tien(tong),
        so_tien_tong=tong,
        phan_danh_sach=[PhanDanhSach((f"{_so_la_ma(i)}. " if len(phan) > 1 else "") + f"{ten} ({n})", nh)
                        for i, (ten, n, nh) in enumerate(phan, start=1)])


def quyet_dinh_tap_the(kq: KetQuaXet) -> NguCanhQuyetDinhTapThe:
    """QĐ công nhận “Tập thể lao động tiên tiến”: wording for collectives, the department's order."""
    tt = kq.du_lieu.thong_tin
    co_quan = _ten_co_quan(tt)
    muc = _tap_the_theo_thu_tu(kq, [(d, k) for d, k in _ket_qua_dat(kq, "TTLDTT") if isinstance(d, TapThe)])
    ten = ten_day_du(DANH_HIEU["TTLDTT"])
    tong = sum(k.tien_thuong or 0 for _, k in muc)
    dieu = [
        Dieu("Điều 1.", f"Công nhận danh hiệu {ten} năm {kq.nam} cho {len(muc)} tập thể thuộc {co_quan} "
                        "(có danh sách kèm theo)."),
        Dieu("Điều 2.", _dieu_tien([(ten, k.tien_thuong or 0) for _, k in muc], tong, kq, "tập thể")),
        Dieu("Điều 3.", _dieu_thi_hanh(kq, "tập thể")),
    ]
    ds = [DongDanhSach(stt=i, ten=d.ten, so_tien=_tien(k.tien_thuong)) for i, (d, k) in enumerate(muc, 1)]
    return NguCanhQuyetDinhTapThe(
        **_dau_quyet_dinh(kq, f"Về việc công nhận danh hiệu {ten} năm {kq.nam}", dieu,
                          f"TẬP THỂ ĐƯỢC CÔNG NHẬN DANH HIỆU {ten.upper()} NĂM {kq.nam}"),
        cot_ten="Tên tập thể", nhom_danh_sach=_nhom_cu([("TTLĐTT", [NhomDanhSach("", ds)])]), ds=ds,
        so_nguoi=f"{len(muc)} tập thể", tong_tien=dinh_dang_tien(tong), tong_tien_chu=doc_so_tien(tong),
        so_tien_tong=tong)


def quyet_dinh(kq: KetQuaXet, loai: str) -> NguCanhQuyetDinhChung:
    """The three decisions of the Sở: ``loai`` = danh_hieu | tap_the | giay_khen."""
    tao: dict[str, Callable[[KetQuaXet], NguCanhQuyetDinhChung]] = {
        "danh_hieu": quyet_dinh_danh_hieu, "tap_the": quyet_dinh_tap_the, "giay_khen": quyet_dinh_giay_khen}
    ctx = tao[loai](kq)
    return replace(ctx, du_thao=du_thao(kq, {"danh_hieu": ("LDTT", "CSTDCS"), "tap_the": ("TTLDTT",),
                                             "giay_khen": ("GK",)}[loai]))


def chu_thuong_dau(cau: str) -> str:
    """A sentence inside another: its first letter lower case, unless it starts an acronym or a name written in
    capitals ("Bị kỷ luật …" → "bị kỷ luật …"; "CSTĐCS …" stays)."""
    return cau[0].lower() + cau[1:] if len(cau) > 1 and cau[1].islower() else cau


def ten_dot_trong_cau(tt: ThongTin) -> str:
    """The round's name inside a sentence: "Chuyên đề chuyển đổi số…" → "chuyên đề chuyển đổi số…" (an acronym or a
    one-letter start stays as written)."""
    return chu_thuong_dau(tt.ten_dot.strip())


def thanh_tich_dot(tt: ThongTin) -> str:
    """What a chuyên đề / đột xuất award is for, after "có" / "đã có": "thành tích xuất sắc đột xuất trong cứu hộ lũ
    quét…" — a đột xuất award says so in the decision itself (Law 2022 Art. 3: khen thưởng đột xuất is for a
    "thành tích xuất sắc đột xuất"; the award type decides whether it counts toward consecutive years, and the
    province files it as such — a clerk's review: the word was in no document), "thành tích xuất sắc trong thực
    hiện phong trào thi đua chuyên đề…" (a chuyên đề is a movement's theme, not an activity)."""
    ten = ten_dot_trong_cau(tt)
    if tt.loai_dot == DOT_XUAT:
        bo = re.sub(r"^(khen thưởng\s+)?đột xuất\s*[:,–-]?\s*", "", ten, flags=re.IGNORECASE)
        return f"thành tích xuất sắc đột xuất trong {bo or ten}"
    pt = phong_trao(tt)
    return f"thành tích xuất sắc trong {'thực hiện ' if pt.lower().startswith('phong trào') else ''}{pt}"


def phong_trao(tt: ThongTin) -> str:
    """A chuyên đề round's movement in a sentence: "phong trào thi đua chuyên đề chuyển đổi số năm 2026" when its
    name is the theme, else the name as typed ("phong trào thi đua “Chung tay xây dựng nông thôn mới”")."""
    ten = ten_dot_trong_cau(tt)
    return f"phong trào thi đua {ten}" if ten.lower().startswith("chuyên đề ") else ten


def chuc_vu_don_vi(chuc_vu: str, don_vi: str) -> str:
    """A position and its unit as a document writes them: the words they share said once ("Chánh Văn phòng" of
    "Văn phòng Sở" → "Chánh Văn phòng Sở"; "Trưởng phòng" of "Phòng Môi trường" → "Trưởng phòng Môi trường"), a
    head's title joined to the unit ("Giám đốc Trung tâm Khuyến nông"), a staff position by a comma ("Chuyên viên,
    Phòng Môi trường") — a clerk's review: "Chánh Văn phòng, Văn phòng Sở"."""
    if not chuc_vu or not don_vi:
        return chuc_vu or don_vi
    if "," in chuc_vu:  # several positions: none is joined to the unit's name
        return f"{chuc_vu}, {don_vi}"
    cv, dv = chuc_vu.split(), don_vi.split()
    for n in range(min(len(cv), len(dv)), 0, -1):
        if [w.lower() for w in cv[-n:]] == [w.lower() for w in dv[:n]]:
            return " ".join([*cv, *dv[n:]])
    dau = chuc_vu.lower().removeprefix("phó ")
    if la_thu_truong(dau) or dau.startswith("trưởng "):
        return f"{chuc_vu} {don_vi}"
    return f"{chuc_vu}, {don_vi}"


def trong_co_quan(chuc_vu_don_vi: str, co_quan: str) -> str:
    """A position written for readers outside the agency (the Tờ trình's list, which the province copies into its
    decision): the agency named — "Chánh Văn phòng Sở" → "Chánh Văn phòng Sở Tư pháp", "Trưởng phòng Môi trường" →
    "Trưởng phòng Môi trường, Sở Tư pháp" (a reviewer: "Chánh Văn phòng Sở" names no Sở)."""
    if not co_quan or co_quan in chuc_vu_don_vi:
        return chuc_vu_don_vi
    if chuc_vu_don_vi.endswith(" Sở") and co_quan.startswith("Sở "):
        return chuc_vu_don_vi[:-3] + " " + co_quan
    return f"{chuc_vu_don_vi}, {co_quan}" if chuc_vu_don_vi else co_quan


def la_thu_truong(chuc_vu: str) -> bool:
    """Whether the position is the head of a unit (not a deputy): a head's title is joined to the unit's name
    (``chuc_vu_don_vi``), and a head's own achievement report is confirmed by the agency's head, not by himself (a
    clerk's review: the THỦ TRƯỞNG ĐƠN VỊ block was hers to sign)."""
    return chuc_vu.strip().lower().startswith(("trưởng phòng", "chánh ", "giám đốc", "chi cục trưởng", "trưởng ban",
                                               "hạt trưởng", "trưởng trạm"))


def xet_gi(kq: KetQuaXet) -> str:
    """What the council considers this round, as the minutes' titles say it: the year's titles and forms, or a
    chuyên đề / đột xuất round's awards by its name (a clerk's review: the themed round's minutes read "năm 2026")."""
    tt = kq.du_lieu.thong_tin
    return (f"danh hiệu thi đua, hình thức khen thưởng năm {kq.nam}" if tt.cuoi_nam
            else f"khen thưởng {thanh_tich_dot(tt)}" if tt.loai_dot == DOT_XUAT
            else f"khen thưởng {ten_dot_trong_cau(tt)}")


def doi_tuong(so_tap_the: int, so_ca_nhan: int) -> str:
    """"tập thể, cá nhân", or only the kind the list holds."""
    return ", ".join(x for x, n in (("tập thể", so_tap_the), ("cá nhân", so_ca_nhan)) if n) or "tập thể, cá nhân"


def thanh_tich_theo_dot(tt: ThongTin, thanh_tich: str) -> str:
    """The achievement sentence of a chuyên đề / đột xuất award: the proposal's ``Thành tích``, else the round's."""
    cau = thanh_tich.strip().rstrip(".") if thanh_tich else f"Đã có {thanh_tich_dot(tt)}"
    return cau[0].upper() + cau[1:]


def _phieu_chu(k: KetQua) -> str:
    return f"{k.phieu.dong_y}/{k.phieu.mau_so} ({dinh_dang_ty_le(float(k.phieu.ty_le))})" if k.phieu else ""


def _thanh_tich(k: KetQua) -> str:
    return thanh_tich(k)



def _so_qd(kq: KetQuaXet, ma_dh: str) -> bool:
    """The Giám đốc Sở decides this title (params/tham_quyen), else the Sở proposes it upward."""
    return str(kq.ts(f"tham_quyen.{ma_dh}")) == "so"


def _ngay_so(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


@dataclass
class _ChiMuc:
    """Lookups the Tờ trình asks per person, built once per decision: a scan of every result or ledger entry
    per question was quadratic (40 s at 20,000 staff)."""

    dat: set[tuple[str, str]]  # (subject code, title code) passed this year
    so: dict[tuple[str, int, str], Any]  # (subject code, year, title code) → the ledger's first entry


def _chi_muc(kq: KetQuaXet) -> _ChiMuc:
    bo_nho = getattr(kq, "__dict__", {})
    cm = bo_nho.get("_chi_muc_ngu_canh")
    if cm is None:
        so: dict[tuple[str, int, str], Any] = {}
        for m in kq.du_lieu.so_theo_doi.cac_muc:
            if m.danh_hieu is not None:
                so.setdefault((m.ma, m.nam, m.danh_hieu.ma), m)
        cm = _ChiMuc({(d.ma, k.danh_hieu.ma) for d, k in kq.tat_ca() if k.dat}, so)
        if hasattr(kq, "__dict__"):
            kq.__dict__["_chi_muc_ngu_canh"] = cm  # lives as long as the decision it indexes
    return cm


def _chuoi_nam(kq: KetQuaXet, ma: str, ma_dh: str) -> list[int]:
    """The consecutive years ending this year in which the subject holds ``ma_dh`` (ledger, or decided now)."""
    so = kq.du_lieu.so_theo_doi
    nay = (ma, ma_dh) in _chi_muc(kq).dat
    nam = kq.nam if nay else kq.nam - 1
    chuoi = []
    while (nam == kq.nam and nay) or so.co(ma, ma_dh, nam):
        chuoi.append(nam)
        nam -= 1
    return sorted(chuoi)


def qd_so(kq: KetQuaXet, ma: str, ma_dh: str, nam: int) -> str:
    """ "Quyết định số 15/QĐ-SNNMT ngày 15/01/2025" from the ledger; this year's: the decision issued with this
    Tờ trình (its number left blank for the clerk)."""
    if nam == kq.nam and _so_qd(kq, ma_dh):
        tt = kq.du_lieu.thong_tin
        return f"năm {nam}: Quyết định số        /QĐ-{tt.ky_hieu} ngày {_ngay_so(tt.ngay_quyet_dinh)}"
    m = _chi_muc(kq).so.get((ma, nam, ma_dh))
    if m is not None:
        if m.so_quyet_dinh:
            ngay = f" ngày {_ngay_so(m.ngay_quyet_dinh)}" if m.ngay_quyet_dinh else ""
            return f"năm {nam}: Quyết định số {m.so_quyet_dinh}{ngay}"
        return f"năm {nam}: sổ theo dõi chưa ghi số quyết định"
    return ""


def _sang_kien(kq: KetQuaXet, c: CaNhan) -> str:
    """The person's initiatives or research recognised at province level or above, by name and decision when the
    SangKien register gives them, else by level."""
    so = kq.du_lieu.so_theo_doi
    dang_ky = [s for s in getattr(so, "so_sang_kien", []) if s.ma == c.ma and kq.nam - 2 <= s.nam <= kq.nam]
    ten = []
    for s in dang_ky:
        if getattr(s.cap, "bac", 0) >= 2:
            qd = f" (Quyết định số {s.so_quyet_dinh}{' ngày ' + _ngay_so(s.ngay) if s.ngay else ''})" \
                if s.so_quyet_dinh else ""
            loai = getattr(getattr(s, "loai", None), "ten", "Sáng kiến").lower()
            ten.append(f"{loai} “{s.ten}” được công nhận cấp {s.cap.ten.lower()}{qd}")
    if ten:
        return "; ".join(ten)
    cap = c.cap_thanh_tich
    if cap is not None and cap.bac >= 2:
        return f"có sáng kiến, đề tài được công nhận cấp {cap.ten.lower()} năm {kq.nam}"
    return ""


SO_NAM_CHUOI = {"CSTDT": 3, "BKT": 2}  # the consecutive CSTĐCS years a proposal rests on (DOMAIN §2.2, §2.5)


def _du_kien(k: KetQua, khoa: str) -> dict[str, Any] | None:
    """The facts of the first met criterion of ``k`` that used ``khoa`` (the criterion that made it pass)."""
    for t in k.tieu_chi:
        if t.dat and any(ten == khoa for ten, _ in t.du_kien):
            return dict(t.du_kien)
    return None


def _ten_sang_kien(kq: KetQuaXet, c: CaNhan, mo_ta: str) -> str:
    """An initiative as the rules named it (``SangKienDung.mo_ta``), written for the Tờ trình: by name and
    decision when the SangKien register holds it, else by level and year (the source note dropped)."""
    for s in kq.du_lieu.so_theo_doi.sang_kien_cua(c.ma):
        if s.mo_ta() == mo_ta:
            qd = f" (Quyết định số {s.so_quyet_dinh}{' ngày ' + _ngay_so(s.ngay) if s.ngay else ''})" \
                if s.so_quyet_dinh else ""
            ten = f" “{s.ten}”" if s.ten else ""
            return f"{s.loai.ten.lower()}{ten} được công nhận cấp {s.cap.ten.lower()}{qd or f' năm {s.nam}'}"
    return re.sub(r"\s*\((?:sổ theo dõi|cột [^)]*)\)$", "", mo_ta).replace("cấp Cơ sở", "cấp cơ sở") \
        .replace("cấp Tỉnh", "cấp tỉnh").replace("cấp Toàn quốc", "cấp toàn quốc")


def _cac_nam_qd(kq: KetQuaXet, ma: str, ma_dh: str, nam: list[int]) -> str:
    """"đạt danh hiệu “…” các năm 2024, 2025 (năm 2024: Quyết định số …; năm 2025: …)"."""
    qd = "; ".join(x for x in (qd_so(kq, ma, ma_dh, n) for n in nam) if x)
    return (f"đạt danh hiệu {ten_day_du(DANH_HIEU[ma_dh])} các năm {', '.join(map(str, nam))}"
            + (f" ({qd})" if qd else ""))


@dataclass
class _CanCuDat:
    """The ground a proposal rests on, from the criterion that passed: the phrases for the list, the CSTĐCS
    years whose decisions go into the dossier, whether initiative decisions do, and whether the phrases already
    state this year's rating."""

    phan: list[str]
    nam_cstdcs: list[int]
    sang_kien: bool
    co_xep_loai: bool = False


def can_cu_dat(kq: KetQuaXet, c: CaNhan, k: KetQua) -> _CanCuDat | None:
    """The achievements a proposal rests on, written from the criterion that passed (its facts), so the Tờ
    trình states the ground the decision used; None when the result carries no such criterion."""
    ma_dh, nam = k.danh_hieu.ma, kq.nam
    sk = _du_kien(k, "sang_kien")
    if ma_dh == "CSTDT":
        chuoi = _du_kien(k, "tieu_chuan.CSTDT.so_nam_CSTDCS")
        if chuoi is None or sk is None or not sk.get("sang_kien"):
            return None
        n = int(chuoi["tieu_chuan.CSTDT.so_nam_CSTDCS"])
        cac_nam = list(range(nam - n + 1, nam + 1))
        return _CanCuDat([_cac_nam_qd(kq, c.ma, "CSTDCS", cac_nam), _ten_sang_kien(kq, c, str(sk["sang_kien"]))],
                         cac_nam, True)
    if ma_dh == "CSTDTQ":
        chuoi = _du_kien(k, "nam_CSTDT")
        if chuoi is None or sk is None or not sk.get("sang_kien"):
            return None
        so_lan = int(chuoi.get("tieu_chuan.CSTDTQ.so_lan_CSTDT", 2))
        nam_cstdt = [int(y) for y in chuoi["nam_CSTDT"]][-so_lan:]
        return _CanCuDat([_cac_nam_qd(kq, c.ma, "CSTDT", nam_cstdt), _ten_sang_kien(kq, c, str(sk["sang_kien"]))],
                         [], True)
    if ma_dh == "BKT":
        bk = _du_kien(k, "duong")
        if bk is None:
            return None
        if bk["duong"] == "CSTDCS":
            n = int(bk.get("tieu_chuan.BKT.so_nam_CSTDCS", SO_NAM_CHUOI["BKT"]))
            cac_nam = list(range(nam - n + 1, nam + 1))
            return _CanCuDat([_cac_nam_qd(kq, c.ma, "CSTDCS", cac_nam)], cac_nam, False)
        so_nam = int(bk["so_nam_HTXSNV"])
        ds = [_ten_sang_kien(kq, c, str(m)) for m in bk.get("sang_kien", ())]
        return _CanCuDat([f"Hoàn thành xuất sắc nhiệm vụ {so_nam} năm liên tục ({nam - so_nam + 1}–{nam})",
                          f"{len(ds):02d} sáng kiến được công nhận và áp dụng trong các năm đó: " + "; ".join(ds)],
                         [], bool(ds), co_xep_loai=True)
    return None


def _thanh_tich_ca_nhan(kq: KetQuaXet, c: CaNhan, k: KetQua) -> str:
    """A real Tờ trình's achievements: the titles of the years with their decisions, the initiative by name —
    from the criterion that made the result pass (BK tỉnh: two CSTĐCS years, or HTXSNV years with two
    initiatives; CSTĐ tỉnh: three CSTĐCS years and a province-level initiative; CSTĐTQ: two CSTĐ tỉnh and a
    national initiative)."""
    ma_dh = k.danh_hieu.ma
    phan = []
    cc = can_cu_dat(kq, c, k)
    if c.xep_loai is not None and not (cc and cc.co_xep_loai):
        phan.append(f"Năm {kq.nam}: {c.xep_loai.ten.lower()}")
    if cc is not None:
        return "; ".join([*phan, *cc.phan]) + "."
    co_so = "CSTDT" if ma_dh == "CSTDTQ" else "CSTDCS"
    chuoi = _chuoi_nam(kq, c.ma, co_so)[-SO_NAM_CHUOI.get(ma_dh, 6):]
    if len(chuoi) >= 2 or (chuoi and ma_dh in ("CSTDT", "BKT")):
        phan.append(_cac_nam_qd(kq, c.ma, co_so, chuoi))
    sk = _sang_kien(kq, c)
    if sk:
        phan.append(sk)
    if len(phan) <= 1:
        phan.append(van_ban_dep(_thanh_tich(k)))
    return "; ".join(phan) + "."


def _thanh_vien(kq: KetQuaXet, t: TapThe) -> tuple[int, int, int]:
    """(members, LĐTT decided now, CSTĐCS decided now) of a collective, in the whole round: a hồ sơ's Tờ trình is
    built from the proposals of one level (``kq.ca_vong`` is then the round), its members' results are not there."""
    kq = kq.ca_vong or kq
    tv = [c for c, _ in kq.ca_nhan if c.don_vi == t.ma]
    ma = {c.ma for c in tv}
    ld = {c.ma for c, ks in kq.ca_nhan if c.ma in ma for k in ks if k.dat and k.danh_hieu.ma in ("LDTT", "CSTDCS")}
    cs = {c.ma for c, ks in kq.ca_nhan if c.ma in ma for k in ks if k.dat and k.danh_hieu.ma == "CSTDCS"}
    return len(tv), len(ld), len(cs)


def thanh_tich_tap_the(kq: KetQuaXet, t: TapThe, k: KetQua) -> str:
    """A collective's year in one sentence, from the data (the Tờ trình's row and the achievement report): its rating,
    its members' titles, its khối lead for the Cờ, its TTLĐXS years."""
    ma_dh = k.danh_hieu.ma
    phan = []
    if t.xep_loai is not None:
        phan.append(f"Năm {kq.nam}: tập thể {t.xep_loai.ten.lower()}")
    so_tv, so_ld, so_cs = _thanh_vien(kq, t)
    if so_tv:
        phan.append(f"{so_ld}/{so_tv} thành viên ({dinh_dang_ty_le(so_ld / so_tv)}) đạt danh hiệu "
                    f"{ten_day_du(DANH_HIEU['LDTT'])}" + (f", {so_cs} thành viên đạt danh hiệu "
                                                           f"{ten_day_du(DANH_HIEU['CSTDCS'])}" if so_cs else ""))
    if ma_dh == "CTDT" and t.khoi:
        diem = f" với {so_thap_phan(t.diem)} điểm" if t.diem is not None else ""
        phan.append(f"dẫn đầu {t.khoi}{diem}")
    chuoi = _chuoi_nam(kq, t.ma, "TTLDXS")
    if len(chuoi) >= 2:
        qd = "; ".join(x for x in (qd_so(kq, t.ma, "TTLDXS", n) for n in chuoi if n < kq.nam) if x)
        phan.append(f"đạt danh hiệu {ten_day_du(DANH_HIEU['TTLDXS'])} các năm {', '.join(map(str, chuoi))}"
                    + (f" ({qd})" if qd else ""))
    if len(phan) <= 1:
        phan.append(van_ban_dep(_thanh_tich(k)))
    return "; ".join(phan) + "."


@dataclass(frozen=True)
class DongToTrinh:
    """A row of the Tờ trình's annex: who, unit (position, unit; the agency for a collective), achievements, votes."""

    stt: int
    ten: str
    don_vi: str
    thanh_tich: str
    phieu: str


@dataclass(frozen=True)
class PhanToTrinh:
    """A part of the annex per title ("I. BẰNG KHEN … (2 cá nhân)")."""

    ten: str
    ds: list[DongToTrinh]


@dataclass(frozen=True)
class NhomToTrinhCu:
    """A part as v0.1 templates read it."""

    tieu_de: str
    ds: list[DongToTrinh]


@dataclass(frozen=True, kw_only=True)
class NguCanhToTrinh(DauVanBan):
    trich_yeu: str
    kinh_gui: str
    can_cu: list[str]
    noi_dung: list[str]
    de_nghi: list[str]
    ho_so_tieu_de: str
    ho_so: list[str]
    ket_luan: list[str]
    phan_danh_sach: list[PhanToTrinh]
    so_tap_the: int
    so_ca_nhan: int
    tieu_de_danh_sach: str
    ghi_chu_danh_sach: str
    nhom_danh_sach: list[NhomToTrinhCu]  # v0.1 templates


def to_trinh(kq: KetQuaXet) -> NguCanhToTrinh:
    """Tờ trình to the Chủ tịch UBND tỉnh for the codes the province (or the Prime Minister) decides: the request
    by title, counts of collectives and people (each counted once), the dossier with copy counts, and an annex the
    province can use as its decision's list."""
    tt, ts = kq.du_lieu.thong_tin, kq.ts
    co_quan = _ten_co_quan(tt)
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    phan: list[PhanToTrinh] = []
    de_nghi: list[str] = []
    ca_nhan: set[str] = set()
    tap_the: set[str] = set()
    for dh in DANH_HIEU.values():
        muc = [(d, k) for d, k in kq.tat_ca() if k.dat and k.danh_hieu is dh and not k.so_quyet_dinh]
        if not muc:
            continue
        muc_tt = _tap_the_theo_thu_tu(kq, [(d, k) for d, k in muc if isinstance(d, TapThe)])
        muc_cn = sorted([(d, k) for d, k in muc if isinstance(d, CaNhan)],
                        key=lambda x: (_thu_tu_don_vi(kq).get(x[0].don_vi, 99), khoa_sap_xep_ho_ten(x[0].ho_ten)))
        ds = []
        cac_muc: list[tuple[CaNhan | TapThe, KetQua]] = [*muc_tt, *muc_cn]
        for i, (d, k) in enumerate(cac_muc, start=1):
            if isinstance(d, CaNhan):
                ca_nhan.add(d.ma)
                don_vi = trong_co_quan(chuc_vu_don_vi(d.chuc_vu, ten_dv.get(d.don_vi, d.don_vi)), co_quan)
                thanh_tich = _thanh_tich_ca_nhan(kq, d, k) if tt.cuoi_nam else thanh_tich_theo_dot(tt, d.thanh_tich)
            else:
                tap_the.add(d.ma)
                don_vi = co_quan
                thanh_tich = thanh_tich_tap_the(kq, d, k) if tt.cuoi_nam else thanh_tich_theo_dot(tt, d.thanh_tich)
            ds.append(DongToTrinh(stt=i, ten=_ten(d), don_vi=don_vi, thanh_tich=thanh_tich,
                                  phieu=van_ban_dep(_phieu_chu(k))))
        dem = _dem(len(muc_tt), len(muc_cn))
        ghi = (" (để Chủ tịch Ủy ban nhân dân tỉnh trình Thủ tướng Chính phủ xem xét, quyết định)"
               if muc[0][1].cap_quyet_dinh == "thu_tuong" else "")
        loai = "" if dh.la_hinh_thuc else "Danh hiệu "
        ten = ten_day_du(dh)
        de_nghi.append(f"{len(de_nghi) + 1}. {loai}{ten}: {dem}{ghi};")
        phan.append(PhanToTrinh(f"{_so_la_ma(len(phan) + 1)}. {(loai + ten).upper()} ({dem})", ds))
    if de_nghi:
        de_nghi[-1] = de_nghi[-1].rstrip(";") + "."
    so_tt, so_cn = len(tap_the), len(ca_nhan)
    ngay_hop = dinh_dang_ngay(_ngay_hop(tt))
    if phan and not tt.cuoi_nam:  # a chuyên đề / đột xuất round
        noi_dung = [
            # a đột xuất round carries out no plan: its opening is the proposals themselves
            ("Căn cứ" if tt.loai_dot == DOT_XUAT else f"Thực hiện {phong_trao(tt)}; căn cứ")
            + " đề nghị của các phòng, đơn vị thuộc Sở và kết quả bỏ phiếu kín "
            f"của Hội đồng Thi đua – Khen thưởng {co_quan} {ngay_hop}, {co_quan} kính trình Chủ tịch Ủy ban nhân dân "
            f"tỉnh xem xét, tặng hình thức khen thưởng cho {_dem(so_tt, so_cn)} đã có {thanh_tich_dot(tt)}, cụ thể "
            "như sau:"]
        ho_so = [
            f"- Danh sách {doi_tuong(so_tt, so_cn)} đề nghị khen thưởng (kèm theo Tờ trình này): 01 bản;",
            f"- Báo cáo thành tích {tt.loai_dot.lower()} của {_dem(so_tt, so_cn)}: {so_tt + so_cn:02d} báo cáo, mỗi báo cáo "
            "01 bản chính;",
            f"- Trích biên bản họp Hội đồng Thi đua – Khen thưởng {co_quan} và biên bản kiểm phiếu: mỗi loại 01 bản;",
            "- Tệp điện tử (Word và PDF) của các văn bản trên: 01 bộ.",
        ]
        ket_luan = [f"{co_quan} kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."]
        ho_so_tieu_de = "Hồ sơ kèm theo gồm:"
    elif phan:
        noi_dung = [
            f"Thực hiện công tác thi đua, khen thưởng năm {kq.nam}; căn cứ đề nghị của các phòng, đơn vị thuộc Sở và "
            f"kết quả bỏ phiếu kín của Hội đồng Thi đua – Khen thưởng {co_quan} {ngay_hop}, {co_quan} kính trình Chủ "
            f"tịch Ủy ban nhân dân tỉnh xem xét, tặng danh hiệu thi đua, hình thức khen thưởng cho {_dem(so_tt, so_cn)} "
            f"đã có thành tích xuất sắc năm {kq.nam}, cụ thể như sau:"]
        cac_can_cu = [(d, k.danh_hieu.ma, can_cu_dat(kq, d, k)) for d, k in kq.tat_ca() if k.dat
                      and not k.so_quyet_dinh and isinstance(d, CaNhan) and k.danh_hieu.ma in ("CSTDT", "CSTDTQ", "BKT")]
        nam_cs = sorted({n for d, ma_dh, cc in cac_can_cu
                         for n in (cc.nam_cstdcs if cc is not None else
                                   _chuoi_nam(kq, d.ma, "CSTDCS")[-SO_NAM_CHUOI.get(ma_dh, 0):] if ma_dh in SO_NAM_CHUOI
                                   else []) if n < kq.nam})
        ho_so = [
            f"- Danh sách {doi_tuong(so_tt, so_cn)} đề nghị khen thưởng (kèm theo Tờ trình này): 01 bản;",
            # one report per collective or person, covering every title proposed for it (as ``ho-so`` writes
            # them): a collective proposed for TTLĐXS and Cờ sends one report, not two
            f"- Báo cáo thành tích của {_dem(so_tt, so_cn)}: {so_tt + so_cn:02d} báo cáo (mỗi tập thể, cá nhân một báo "
            "cáo, nêu các danh hiệu, hình thức được đề nghị), mỗi báo cáo 01 bản chính;",
            f"- Trích biên bản họp Hội đồng Thi đua – Khen thưởng {co_quan} và biên bản kiểm phiếu: mỗi loại 01 bản;",
        ]
        if nam_cs:
            ho_so.append(f"- Quyết định công nhận danh hiệu {ten_day_du(DANH_HIEU['CSTDCS'])} các năm "
                         f"{', '.join(map(str, nam_cs))} và năm {kq.nam} (bản sao): mỗi quyết định 01 bản;")
        if any(_sang_kien(kq, d) for d, k in kq.tat_ca() if k.dat and isinstance(d, CaNhan)
               and not k.so_quyet_dinh):
            ho_so.append("- Quyết định công nhận sáng kiến, đề tài cấp tỉnh (bản sao): mỗi quyết định 01 bản;")
        if any(cc is not None and cc.sang_kien for _, ma_dh, cc in cac_can_cu if ma_dh == "BKT"):
            ho_so.append("- Quyết định công nhận sáng kiến là căn cứ đề nghị Bằng khen (bản sao): mỗi quyết định 01 bản;")
        ho_so.append("- Tệp điện tử (Word và PDF) của các văn bản trên: 01 bộ.")
        ket_luan = [f"{co_quan} kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."]
        ho_so_tieu_de = "Hồ sơ kèm theo gồm:"
    else:
        noi_dung = [f"Năm {kq.nam}, {co_quan} không có tập thể, cá nhân đủ tiêu chuẩn đề nghị khen thưởng cấp tỉnh."]
        ho_so, ho_so_tieu_de = [], ""
        ket_luan = [f"{co_quan} kính báo cáo Chủ tịch Ủy ban nhân dân tỉnh./."]
    mau = {k.phieu.loai_mau_so for _, k in kq.tat_ca() if k.dat and k.phieu and not k.so_quyet_dinh}
    ghi_chu = ("Cột “Phiếu đồng ý (tỷ lệ)”: số phiếu đồng ý trên "
               + (TEN_LUA_CHON.get(next(iter(mau)), "mẫu số theo quy chế") if len(mau) == 1 else "mẫu số theo quy chế")
               + f" (Hội đồng Thi đua – Khen thưởng {co_quan}), theo biên bản kiểm phiếu kèm theo.")
    # a draft while a tie waits for the council on a code it proposes — or on CSTĐCS: its candidates' chains (CSTĐ
    # tỉnh, Bằng khen tỉnh) end this year and it cites this year's CSTĐCS decision, itself a draft until then
    dau = replace(dau_van_ban(tt, "TTr", ["- Như trên;", NHAN_NOI_VU, NHAN_LANH_DAO, NHAN_LUU]),
                  du_thao=du_thao(kq, tuple(m for m in DANH_HIEU if m not in ("LDTT", "TTLDTT", "GK"))))
    return NguCanhToTrinh(
        **_dau(dau),
        trich_yeu=f"Về việc đề nghị tặng danh hiệu thi đua, hình thức khen thưởng cấp tỉnh năm {kq.nam}"
        if tt.cuoi_nam else f"Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho "
                            f"{doi_tuong(so_tt, so_cn)} có {thanh_tich_dot(tt)}",
        kinh_gui=f"Chủ tịch Ủy ban nhân dân tỉnh {tt.dia_danh}",
        can_cu=_can_cu(ts, tt, de_nghi=True), noi_dung=noi_dung, de_nghi=de_nghi, ho_so_tieu_de=ho_so_tieu_de,
        ho_so=ho_so, ket_luan=ket_luan, phan_danh_sach=phan, so_tap_the=so_tt, so_ca_nhan=so_cn,
        tieu_de_danh_sach=f"{doi_tuong(so_tt, so_cn).upper()} ĐỀ NGHỊ KHEN THƯỞNG CẤP TỈNH NĂM {kq.nam}" if tt.cuoi_nam
        else f"{doi_tuong(so_tt, so_cn).upper()} ĐỀ NGHỊ KHEN THƯỞNG CẤP TỈNH ĐÃ CÓ {thanh_tich_dot(tt).upper()}",
        ghi_chu_danh_sach=ghi_chu if phan else "",
        nhom_danh_sach=[NhomToTrinhCu(p.ten, p.ds) for p in phan],  # v0.1 templates
    )


def _da_bo_phieu(kq: KetQuaXet) -> list[tuple[CaNhan | TapThe, KetQua]]:
    return [(d, k) for d, k in kq.tat_ca() if k.phieu is not None]


def du_thao(kq: KetQuaXet, ma: tuple[str, ...]) -> str:
    """"DỰ THẢO" for a document about codes whose quota cut still waits for the council (a tie with no recorded
    resolution, issue #10); "" when the document can be final. A part of the round (a hồ sơ's Tờ trình) waits as
    the round does."""
    kq = kq.ca_vong or kq
    return "DỰ THẢO" if any(k.danh_hieu.ma in ma for _, k in kq.can_hoi_dong()) else ""


def _gio(v: str) -> str:
    """"08:00", "8:00:00", "8h30", "08 giờ 00" → "08 giờ 00"; blank → "……"."""
    m = re.match(r"^\s*(\d{1,2})\s*(?::|h|giờ)\s*(\d{1,2})?", v or "")
    if not m:
        return "…… giờ ……"
    return f"{int(m.group(1)):02d} giờ {int(m.group(2) or 0):02d}"


_VAI_TRO_IN = {"Chủ tịch": "Chủ tịch Hội đồng", "Phó Chủ tịch": "Phó Chủ tịch Hội đồng",
               "Ủy viên thư ký": "Ủy viên, Thư ký Hội đồng", "Ủy viên": "Ủy viên"}


def _thanh_vien_chu(t: Any) -> str:
    """"Ông/bà Nguyễn Văn Minh, Giám đốc Sở — Chủ tịch Hội đồng"."""
    return f"{t.ho_ten}{', ' + t.chuc_vu if t.chuc_vu else ''} — {_VAI_TRO_IN.get(t.vai_tro, t.vai_tro)}"


def _ban_kiem_phieu(kq: KetQuaXet) -> list[Any]:
    ds = [t for t in kq.du_lieu.hoi_dong if t.ban_kiem_phieu]
    return sorted(ds, key=lambda t: t.ban_kiem_phieu != "Trưởng ban")


def _chu_tri_thu_ky(kq: KetQuaXet) -> tuple[str, str]:
    """(chair, secretary) as printed under the minutes: from HoiDong, else ThongTin."""
    tt = kq.du_lieu.thong_tin
    hd = kq.du_lieu.hoi_dong
    chu_tri = next((t.ho_ten for t in hd if t.vai_tro == "Chủ tịch" and t.co_mat == "Có"), "") or tt.chu_tri.split(",")[0]
    thu_ky = next((t.ho_ten for t in hd if t.vai_tro == "Ủy viên thư ký" and t.co_mat == "Có"), "") or \
        tt.thu_ky.split(",")[0]
    return chu_tri, thu_ky


def _ket_qua_phieu_chu(u: dict[str, Any]) -> str:
    """A row's verdict in the minutes (the same words as every face: ket_xuat.ket_luan_phieu)."""
    from ..ket_xuat import ket_luan_phieu

    return ket_luan_phieu(u)


KE_TEN_TOI_DA = 10  # ineligible proposals of a title named in the minutes, with why; beyond that, counted


def _khong_dua_ra_bo_phieu(kq: KetQuaXet, bang: dict[str, Any]) -> list[str]:
    """The proposals of a title put to the vote that are not on the ballot — they fail a criterion — counted per
    title, so that the proposals reported and the candidates listed add up (review of the demo's minutes). A title
    is put to the vote by the round's parameters (``binh_xet.bo_phieu``: its results carry a vote state), whether or
    not any of its proposals reached the ballot (a clerk's review: a lone ineligible CSTĐ tỉnh proposal was reported
    and then appeared nowhere)."""
    tren_phieu = {(u["ma"], u["danh_hieu"]) for u in bang["ung_vien"]}
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    bo_phieu: dict[str, list[tuple[CaNhan | TapThe, KetQua]]] = defaultdict(list)
    khong_phieu: dict[str, list[tuple[CaNhan | TapThe, KetQua]]] = defaultdict(list)
    chua_xet: dict[str, list[tuple[CaNhan | TapThe, KetQua]]] = defaultdict(list)
    for d, k in kq.tat_ca():
        if k.du_dieu_kien:
            continue
        if d.dang_xem_xet:  # deferred, not ineligible (a clerk's review): its own line, the case said once
            chua_xet[k.danh_hieu.ma].append((d, k))
        elif k.trang_thai_phieu == TrangThaiPhieu.KHONG_CAN:  # a title the council considers without a ballot (LĐTT,
            khong_phieu[k.danh_hieu.ma].append((d, k))      # TTLĐTT): its refusals recorded too (a clerk's review)
        elif (d.ma, k.danh_hieu.ma) not in tren_phieu:
            bo_phieu[k.danh_hieu.ma].append((d, k))
    ra = []
    for nhom, dau in ((bo_phieu, "Các đề nghị không đủ tiêu chuẩn nên không đưa ra bỏ phiếu:"),
                      (khong_phieu, "Các đề nghị không đủ tiêu chuẩn của danh hiệu, hình thức xét không bỏ phiếu:")):
        if nhom:  # one line per title, each person with the reasons in brackets (a reviewer could not tell whose
            ra.append(dau)  # reason was whose when reasons and people were both separated by ";")
            ra += [f"- {_de_nghi_khong_du(nhom[d.ma], d, ten_dv)}." for d in DANH_HIEU.values() if d.ma in nhom]
    if chua_xet:
        ra.append("Các đề nghị chưa xét trong đợt này vì tập thể, cá nhân đang bị xem xét kỷ luật hoặc đang bị thanh "
                  "tra, kiểm tra, điều tra: " + "; ".join(
                      f"{ten_day_du(dh)}: " + ", ".join(ten_phan_biet([
                          (d.ma, _ten(d), ten_dv.get(d.don_vi, d.don_vi) if isinstance(d, CaNhan) else "")
                          for d, _ in chua_xet[dh.ma]]))
                      for dh in DANH_HIEU.values() if dh.ma in chua_xet) + ".")
    return ra


def _de_nghi_khong_du(ds: list[tuple[CaNhan | TapThe, KetQua]], dh: DanhHieu, ten_dv: dict[str, str]) -> str:
    """"“Lao động tiên tiến”: 3 đề nghị (A — why; B — why; …)", or the count alone beyond ``KE_TEN_TOI_DA`` (a large
    round: the names are in ket-qua.xlsx)."""
    if len(ds) > KE_TEN_TOI_DA:
        return f"{ten_day_du(dh)}: {len(ds)} đề nghị"
    ten = ten_phan_biet([(d.ma, _ten(d), ten_dv.get(d.don_vi, d.don_vi) if isinstance(d, CaNhan) else "")
                         for d, _ in ds])
    vi = ["; ".join(chu_thuong_dau(viet_day_du(x)) for x in tieu_chi_khong_dat(k)) for _, k in ds]
    return f"{ten_day_du(dh)}: {len(ds)} đề nghị: " + "; ".join(
        t + (f" ({v})" if v else "") for t, v in zip(ten, vi, strict=True))


def _khong_du_tieu_chuan(bang: dict[str, Any]) -> list[str]:
    """The candidates who reached the vote threshold but fail a criterion of the title (the decision's data: the
    row's ``du_dieu_kien`` and failed criteria ``khong_du_vi``), per code: not proposed, and why."""
    ra: list[str] = []
    for dat_nguong, cau in ((True, "Các ứng viên đạt tỷ lệ phiếu nhưng không đủ tiêu chuẩn nên không đề nghị:"),
                            (False, "Các ứng viên không đạt tỷ lệ phiếu, và theo kết quả bỏ phiếu cũng không đủ tiêu "
                                    "chuẩn (đưa ra bỏ phiếu vì tiêu chuẩn phụ thuộc kết quả bỏ phiếu danh hiệu khác):")):
        nhom: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        vi_sao: dict[tuple[str, str], str] = {}
        for u in bang["ung_vien"]:
            if u["du_so_nguoi"] and bool(u["dat_nguong"]) is dat_nguong and u["du_dieu_kien"] is False:
                vi = viet_day_du("; ".join(u["khong_du_vi"]))
                nhom[u["danh_hieu"]].append((u["ma"], u["ten"], u["don_vi"]))
                vi_sao[(u["danh_hieu"], u["ma"])] = f" — {vi[:1].lower() + vi[1:]}" if vi else ""
        if nhom:
            ra += [cau] + [f"- {ten_day_du(DANH_HIEU[ma])}: " + "; ".join(
                ten + vi_sao[(ma, m)] for (m, _, _), ten in zip(ds, ten_phan_biet(ds), strict=True)) + "."
                for ma, ds in nhom.items()]
    return ra


def _thu_tu_xep_hang(dh: DanhHieu) -> str:
    """How the candidates of a quota are ranked (``xet``: ``binh_xet.khoa_xep_hang`` for persons; the emulation
    score after the rating for collectives), in the minutes' words: a reader sees why some of equal votes are
    inside and others outside (review of the demo's minutes, 2026-11-28)."""
    sau = []
    if CA_NHAN in dh.doi_tuong:
        sau.append("cấp sáng kiến, đề tài cao nhất" + (" (cá nhân)" if TAP_THE in dh.doi_tuong else ""))
    if TAP_THE in dh.doi_tuong:
        sau.append("điểm thi đua" + (" (tập thể)" if CA_NHAN in dh.doi_tuong else ""))
    return "xếp hạng theo số phiếu đồng ý, rồi mức xếp loại, rồi " + " hoặc ".join(sau) + " (quy chế)"


def _chi_tieu_loi_van(c: CatChiTieu) -> str:
    """The quota in the minutes' running text, no abbreviation: "chỉ tiêu 15 % × 278 người đạt danh hiệu “Lao động
    tiên tiến” = 41 người", or "dẫn đầu Khối chi cục theo điểm thi đua"."""
    if c.khoi is not None:
        return mo_ta_chi_tieu(c)
    co_so = (f"người đạt danh hiệu {ten_day_du(DANH_HIEU[c.ma_co_so])}" if c.ma_co_so in DANH_HIEU
             else TEN_LUA_CHON.get(c.ma_co_so, c.ma_co_so).removeprefix("số "))
    return f"chỉ tiêu {hien_thi_gia_tri(c.ty_le)} × {c.co_so} {co_so} = {c.gioi_han} người"


@dataclass(frozen=True)
class DongKiemPhieu:
    """A candidate's vote in the minutes: agree over the denominator (written opinions apart), rate, verdict."""

    stt: int
    ten: str
    don_vi: str
    dong_y: str
    ty_le: str
    ket_qua: str


@dataclass(frozen=True)
class NhomKiemPhieu:
    """A code's candidates, headed by its threshold and quota."""

    tieu_de: str
    ds: list[DongKiemPhieu]


def _nhom_kiem_phieu(kq: KetQuaXet, bang: dict[str, Any]) -> list[NhomKiemPhieu]:
    """The candidates per code in ballot order, each group headed by its threshold and, once, its quota."""
    nhom: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for u in bang["ung_vien"]:
        nhom[u["danh_hieu"]].append(u)
    theo_ma = kq.da_tinh.get("ket_qua_theo_ma")  # (code, title) → result: built once per decided round
    if theo_ma is None:
        theo_ma = kq.da_tinh["ket_qua_theo_ma"] = {(d.ma, k.danh_hieu.ma): k for d, k in kq.tat_ca()}
    khoi_cua = {t.ma: t.khoi for t in kq.du_lieu.tap_the}
    ra = []
    for i, (ma_dh, ds) in enumerate(nhom.items(), start=1):
        dh = DANH_HIEU[ma_dh]
        p0 = next((theo_ma[(u["ma"], ma_dh)].phieu for u in ds if theo_ma.get((u["ma"], ma_dh)) and
                   theo_ma[(u["ma"], ma_dh)].phieu), None)
        nguong = (f"ngưỡng {_nguong_van_ban(p0)}: cần ít nhất {p0.so_phieu_can} phiếu đồng ý" if p0 else "")
        c0 = next((k.chi_tieu for u in ds if (k := theo_ma.get((u["ma"], ma_dh))) and k.chi_tieu), None)
        if c0 is not None and c0.khoi is not None and len({khoi_cua.get(u["ma"]) for u in ds}) > 1:
            # one Cờ per khối, candidates of several (a clerk's review: headed by the first one's khối)
            chi_tieu = ("mỗi khối thi đua một tập thể dẫn đầu theo điểm thi đua ("
                        + ", ".join(sorted({k for u in ds if (k := khoi_cua.get(u["ma"]))})) + ")")
        else:
            chi_tieu = _chi_tieu_loi_van(c0) + ("" if c0.khoi is not None else f", {_thu_tu_xep_hang(dh)}") \
                if c0 else ""
        dong = [DongKiemPhieu(stt=j, ten=u["ten"], don_vi=u["don_vi"],
                              dong_y=f"{u['dong_y']}/{u['mau_so']}" + (f" ({u['van_ban']} VB)" if u["van_ban"] else ""),
                              ty_le=dinh_dang_ty_le(u["ty_le"]), ket_qua=_ket_qua_phieu_chu(u))
                for j, u in enumerate(ds, start=1)]
        ra.append(NhomKiemPhieu(f"{i}. {ten_day_du(dh)} — {nguong}" + (f"; {chi_tieu}" if chi_tieu else ""), dong))
    return ra


def _nguong_van_ban(p: Any) -> str:
    """A threshold as signed minutes state it: a rule of thidua's defaults that follows a decree no longer in force
    is the council's quy chế, not the old decree (a clerk's review: "theo NĐ 98/2023" in minutes of 2026 — the
    results workbook keeps the full note)."""
    if p.ghi_chu_nguong.startswith("(quy chế"):
        return p.mo_ta_nguong.removesuffix(p.ghi_chu_nguong).rstrip() + " (theo quy chế)"
    return p.mo_ta_nguong


@dataclass(frozen=True, kw_only=True)
class NguCanhBienBanHop(DauVanBan):
    trich_yeu: str
    mo_dau: list[str]
    thanh_phan: list[str]
    noi_dung: list[str]
    nhom_ket_qua: list[NhomKiemPhieu]
    ket_luan: list[str]
    thu_ky: str
    chu_tri: str
    ten_loai: str = "BIÊN BẢN"  # the document's name line; "TRÍCH BIÊN BẢN" for the hồ sơ's extract


def bien_ban_hop(kq: KetQuaXet) -> NguCanhBienBanHop:
    """Biên bản họp Hội đồng: dated the meeting date; members present, absent and voting in writing; the
    counting board; start and end hours; the vote per code; the council's resolution of ties (or what waits)."""
    tt = kq.du_lieu.thong_tin
    co_quan = _ten_co_quan(tt)
    hd = kq.du_lieu.hoi_dong
    ngay_hop = _ngay_hop(tt)
    tong_tv, co_mat = tt.so_thanh_vien or len(hd), tt.so_co_mat or sum(1 for t in hd if t.co_mat == "Có")
    chu_tri, thu_ky = _chu_tri_thu_ky(kq)
    mo_dau = [
        f"Vào hồi {_gio(tt.gio_bat_dau)} {dinh_dang_ngay(ngay_hop)}, tại {tt.dia_diem_hop or '……'}, Hội đồng Thi đua – "
        f"Khen thưởng {co_quan} họp xét {xet_gi(kq)}.",
        f"Chủ trì (chủ tọa): {chu_tri or tt.chu_tri or '……'}. Thư ký: {thu_ky or tt.thu_ky or '……'}.",
    ]
    thanh_phan: list[str] = []
    if hd:
        for nhan, loai in (("Thành viên có mặt", "Có"), ("Thành viên vắng mặt, có ý kiến bằng văn bản", "Văn bản"),
                           ("Thành viên vắng mặt", "Không")):
            ds = [t for t in hd if t.co_mat == loai]
            if ds:
                thanh_phan.append(f"{nhan} ({len(ds)}/{len(hd)}):")
                thanh_phan += [f"{i}. {_thanh_vien_chu(t)}." for i, t in enumerate(ds, start=1)]
        ban = _ban_kiem_phieu(kq)
        if ban:
            thanh_phan.append("Ban kiểm phiếu: " + "; ".join(
                f"{t.ho_ten} ({'Trưởng ban' if t.ban_kiem_phieu == 'Trưởng ban' else 'thành viên'})" for t in ban)
                + ".")
    else:
        thanh_phan.append(f"Thành phần: {co_mat}/{tong_tv} thành viên Hội đồng có mặt.")
    # the round's table (built once, ket_xuat.bang_kiem_phieu): a row depends only on its own result, the same
    # object in an extract (ho_so.loc_theo_cap) as in the round
    bang = bang_kiem_phieu(kq.du_lieu, ket_qua=kq.ca_vong or kq)
    if kq.ca_vong is not None:  # an extract (a level's proposals): the votes on those proposals only
        co = {(d.ma, k.danh_hieu.ma) for d, k in kq.tat_ca()}
        bang = {**bang, "ung_vien": [u for u in bang["ung_vien"] if (u["ma"], u["danh_hieu"]) in co]}
    dem = Counter((k.danh_hieu.ma, k.dat) for _, k in kq.tat_ca())
    noi_dung = [
        "Thường trực Hội đồng báo cáo tổng hợp đề nghị của các đơn vị: "
        + "; ".join(f"{ten_day_du(d)}: {dem[(d.ma, True)] + dem[(d.ma, False)]} đề nghị" for d in DANH_HIEU.values()
                    if dem[(d.ma, True)] + dem[(d.ma, False)]) + ".",
        *_khong_dua_ra_bo_phieu(kq, bang),
        "Hội đồng đã thảo luận, đối chiếu tiêu chuẩn theo Luật Thi đua, khen thưởng và quy chế của cơ quan; bỏ phiếu kín "
        "đối với các danh hiệu, hình thức phải bỏ phiếu; ý kiến bằng văn bản của thành viên vắng mặt được tính như "
        "phiếu bầu. Ban kiểm phiếu báo cáo kết quả (có biên bản kiểm phiếu kèm theo) như sau:",
    ]
    if bang["so_phieu"] is None:
        noi_dung.append("(Chưa có kết quả bỏ phiếu.)")
    else:
        sp = bang["so_phieu"]
        noi_dung.append(f"Số phiếu phát ra {sp['phat_ra']}, thu vào {sp['thu_vao']} (trong đó {sp['van_ban']} ý kiến "
                        f"bằng văn bản), hợp lệ {sp['hop_le']}, không hợp lệ {sp['khong_hop_le']}."
                        + ("" if bang["du_so_nguoi"] else f" Số thành viên có mặt dưới mức tối thiểu "
                           f"{bang['toi_thieu_co_mat']}: kết quả bỏ phiếu không có giá trị."))
    nhom = _nhom_kiem_phieu(kq, bang) if bang["so_phieu"] is not None else []
    ket_luan = ["Kết luận: Hội đồng thống nhất đề nghị: " + "; ".join(
        f"{ten_day_du(d)}: {dem[(d.ma, True)]}" for d in DANH_HIEU.values() if dem[(d.ma, True)]) + "."]
    da_quyet: dict[str, list[str]] = defaultdict(list)
    for d, k in kq.tat_ca():
        n = k.nguoi_hoa
        if n is not None and n.chon is not None and not k.can_hoi_dong:
            da_quyet[k.danh_hieu.ma].append(f"{'chọn' if n.chon else 'không chọn'} {_ten(d)} ({n.don_vi})"
                                            + (f" — {n.ly_do}" if n.ly_do else ""))
    for ma, cac_quyet in da_quyet.items():
        ket_luan.append(f"Đối với các trường hợp bằng phiếu tại điểm cắt chỉ tiêu {ten_day_du(DANH_HIEU[ma])}, Hội đồng "
                        f"đã thảo luận và quyết định: {'; '.join(cac_quyet)}.")
    can = kq.can_hoi_dong()
    if can:
        ket_luan.append("Các trường hợp bằng phiếu tại điểm cắt chỉ tiêu, Hội đồng chưa quyết định: "
                        + "; ".join(f"{_ten(d)} ({k.nguoi_hoa.don_vi if k.nguoi_hoa else ''}, {ten_day_du(k.danh_hieu)})"
                                    for d, k in can) + ".")
        # what the law says of them, for the council to resolve by (a clerk's review: only the Loi sheet said it)
        for h in dict.fromkeys(k.chi_tieu.hoa for _, k in can if k.chi_tieu is not None and k.chi_tieu.hoa):
            ket_luan.append(cau_uu_tien(h, van_ban=True) + ".")
    ket_luan += _khong_du_tieu_chuan(bang)
    ket_luan.append(f"Cuộc họp kết thúc vào hồi {_gio(tt.gio_ket_thuc)} cùng ngày. Biên bản đã được đọc lại và thông "
                    "qua trước Hội đồng./.")  # the end mark of a text (ND 30/2020, as the Tờ trình's)
    dau = dau_van_ban(tt, "BB", ngay=ngay_hop)
    return NguCanhBienBanHop(**_dau(dau), trich_yeu=f"Họp Hội đồng Thi đua – Khen thưởng xét {xet_gi(kq)}",
                             mo_dau=mo_dau, thanh_phan=thanh_phan, noi_dung=noi_dung, nhom_ket_qua=nhom,
                             ket_luan=ket_luan, thu_ky=thu_ky, chu_tri=chu_tri)


@dataclass(frozen=True)
class SoPhieu:
    """The ballot counts of the minutes."""

    phat_ra: int
    thu_vao: int
    hop_le: int
    khong_hop_le: int
    van_ban: int  # written opinions of absent members, among those received


@dataclass(frozen=True)
class ChuKy:
    """A signature block: title, "(Ký, ghi rõ họ tên)", name (all "" for an empty cell)."""

    chuc: str
    ky: str
    ten: str


@dataclass(frozen=True)
class HangKy:
    """Two signature blocks side by side."""

    trai: ChuKy
    phai: ChuKy


@dataclass(frozen=True, kw_only=True)
class NguCanhBienBanKiemPhieu(DauVanBan):
    trich_yeu: str
    mo_dau: list[str]
    so_phieu: SoPhieu
    phieu_khong_hop_le: list[str]
    nhom_ung_vien: list[NhomKiemPhieu]
    ket_luan: list[str]
    hang_ky: list[HangKy]


def bien_ban_kiem_phieu(kq: KetQuaXet) -> NguCanhBienBanKiemPhieu:
    """Biên bản kiểm phiếu: dated the meeting date; the counting board named, each member signing; ballots issued,
    received (written opinions apart), valid, void — each void ballot explained in words; candidates in ballot
    order with their unit; the threshold, and the quota arithmetic once per code; "ngoài chỉ tiêu"."""
    tt = kq.du_lieu.thong_tin
    bang = bang_kiem_phieu(kq.du_lieu, ket_qua=kq)
    sp = bang["so_phieu"] or {"phat_ra": 0, "thu_vao": 0, "hop_le": 0, "khong_hop_le": 0, "van_ban": 0}
    ngay_hop = _ngay_hop(tt)
    ban = _ban_kiem_phieu(kq)
    mo_dau = [
        f"Hội đồng Thi đua – Khen thưởng {_ten_co_quan(tt)} bỏ phiếu kín {dinh_dang_ngay(ngay_hop)}.",
        ("Ban kiểm phiếu gồm: " + "; ".join(f"{t.ho_ten}{', ' + t.chuc_vu if t.chuc_vu else ''} — "
                                             f"{'Trưởng ban' if t.ban_kiem_phieu == 'Trưởng ban' else 'thành viên'}"
                                             for t in ban) + ".") if ban else
        "Ban kiểm phiếu gồm các thành viên ký tên dưới đây.",
        f"Tổng số thành viên Hội đồng: {bang.get('tong_thanh_vien', 0)}; có mặt: {bang.get('co_mat', 0)}; vắng mặt có "
        f"ý kiến bằng văn bản: {sp['van_ban']}.",
    ]
    khl = [f"Phiếu số {p['so_phieu']}: {p['ly_do']}." for p in bang["phieu_khong_hop_le"]]
    nhom = _nhom_kiem_phieu(kq, bang)
    dat: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    ngoai: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for u in bang["ung_vien"]:
        dh = ten_day_du(DANH_HIEU[u["danh_hieu"]])
        if u["du_dieu_kien"] is False:
            continue
        if u["dat"] and not u["ngoai_chi_tieu"] and not u["cho_hoi_dong"] and u["dat_cuoi_cung"] is not False:
            dat[dh].append((u["ma"], u["ten"], u["don_vi"]))
        elif u["ngoai_chi_tieu"]:
            ngoai[dh].append((u["ma"], u["ten"], u["don_vi"]))
    ket_luan = (["Các ứng viên đạt tỷ lệ phiếu đồng ý theo quy định và trong chỉ tiêu:"]
                + [f"- {dh}: {', '.join(ten_phan_biet(ds))}." for dh, ds in dat.items()]) if dat else [
        "Không có ứng viên nào đạt tỷ lệ phiếu theo quy định."]
    for dh, ds in ngoai.items():
        ket_luan.append(f"Đạt tỷ lệ phiếu nhưng ngoài chỉ tiêu {dh}: {', '.join(ten_phan_biet(ds))}.")
    ket_luan += _khong_du_tieu_chuan(bang)
    # no hour: the meeting's end (gio_ket_thuc) comes after the count was announced (review of the demo's minutes)
    ket_luan.append("Biên bản kiểm phiếu được lập trong buổi họp và công bố trước Hội đồng./.")
    ky_ghi = "(Ký, ghi rõ họ tên)"
    ky = [ChuKy("TRƯỞNG BAN KIỂM PHIẾU" if t.ban_kiem_phieu == "Trưởng ban" else "THÀNH VIÊN BAN KIỂM PHIẾU",
                ky_ghi, t.ho_ten) for t in ban] or [
        ChuKy("TRƯỞNG BAN KIỂM PHIẾU", ky_ghi, ""), ChuKy("THÀNH VIÊN BAN KIỂM PHIẾU", ky_ghi, "")]
    hang_ky = [HangKy(ky[i], ky[i + 1] if i + 1 < len(ky) else ChuKy("", "", "")) for i in range(0, len(ky), 2)]
    dau = dau_van_ban(tt, "BB", ngay=ngay_hop)
    return NguCanhBienBanKiemPhieu(
        **_dau(dau), trich_yeu=f"Kiểm phiếu bầu xét {xet_gi(kq)}",
        mo_dau=mo_dau, so_phieu=SoPhieu(**{f.name: sp[f.name] for f in fields(SoPhieu)}), phieu_khong_hop_le=khl,
        nhom_ung_vien=nhom, ket_luan=ket_luan, hang_ky=hang_ky)


# A4 portrait less 20 mm top and bottom margins; what one page of a ballot can hold (mm, at 12 pt).
CAO_TRANG_MM = 257.0
CAO_DAU_TRANG_1_MM = 95.0  # header block, title, series line, instructions, table header
CAO_DAU_TRANG_MM = 38.0  # title, series line, table header
CAO_CHO_DAU_MM = 48.0  # the room for the council's seal under the last table
DONG_MM, LE_DONG_MM = 5.3, 1.6
SO_CHU_DONG = {"ten": 24, "don_vi": 27}  # characters per line of the name and unit columns at 12 pt


def _cao_dong(ten: str, don_vi: str) -> float:
    dong = max(1, -(-len(ten) // SO_CHU_DONG["ten"]), -(-len(don_vi) // SO_CHU_DONG["don_vi"]))
    return dong * DONG_MM + LE_DONG_MM


@dataclass(frozen=True)
class DongPhieu:
    """A ballot row: a code's heading (``stt`` "", no box) or a candidate with the box to mark."""

    stt: str
    ten: str
    don_vi: str
    o: str


@dataclass(frozen=True)
class TrangPhieu:
    """A page of one ballot: the header only on the first (``dau``), the seal's room only on the last (``cuoi``)."""

    so_trang: int
    tong_trang: int
    dau: bool
    cuoi: bool
    dong: list[DongPhieu]
    dong_so: str  # "Số sê-ri: 01 — Trang 1/2"
    ngat_trang: str


@dataclass(frozen=True)
class Phieu:
    so: str
    trang: list[TrangPhieu]


@dataclass(frozen=True, kw_only=True)
class NguCanhPhieuBau(NguCanh):
    co_quan: str
    ten_phieu: str
    trich_yeu: str
    huong_dan: str
    cho_dau: str
    phieu: list[Phieu]


def chia_trang_phieu(dong: list[DongPhieu]) -> list[list[DongPhieu]]:
    """The rows of one ballot cut into pages that surely fit (a conservative estimate of each row's height), so
    that every page can carry "Trang n/m" as plain text and the last page keeps room for the seal."""
    trang: list[list[DongPhieu]] = [[]]
    con = CAO_TRANG_MM - CAO_DAU_TRANG_1_MM
    for i, d in enumerate(dong):
        cao = _cao_dong(d.ten, d.don_vi)
        cuoi = i == len(dong) - 1
        # a code's heading goes to a page only with its first candidate (a reviewer: the heading ended page 1,
        # its candidates on page 2)
        kem = _cao_dong(dong[i + 1].ten, dong[i + 1].don_vi) if not d.stt and not cuoi else 0
        if cao + kem + (CAO_CHO_DAU_MM if cuoi else 0) > con and trang[-1]:
            trang.append([])
            con = CAO_TRANG_MM - CAO_DAU_TRANG_MM
        trang[-1].append(d)
        con -= cao
    if con < CAO_CHO_DAU_MM and trang[-1]:  # no room left for the seal: it goes on a page of its own rows
        trang.append([trang[-1].pop()])
    return [t for t in trang if t]


def phieu_bau(tt: ThongTin, ung_vien: list, so_phieu: int) -> NguCanhPhieuBau:
    """Printable secret ballots: each carries a series number (printed on every page, never tied to a member —
    the member list stays apart in HoiDong), every page shows the title and "Trang n/m", and the last page keeps
    room for the council's seal. Candidates are grouped by code, in the order of the PhieuBau columns."""
    nhom: dict[DanhHieu, list] = defaultdict(list)
    for u in ung_vien:
        nhom[u.danh_hieu].append(u)
    dong: list[DongPhieu] = []
    for dh, ds in nhom.items():
        dong.append(DongPhieu("", f"{ten_day_du(dh).upper()}", "", ""))
        dong += [DongPhieu(str(i), u.ten, u.don_vi, "☐") for i, u in enumerate(ds, start=1)]
    trang = chia_trang_phieu(dong) or [[]]
    so_chu_so = max(2, len(str(so_phieu)))
    phieu = []
    for i in range(1, so_phieu + 1):
        cac_trang = []
        for n, ds in enumerate(trang, start=1):
            cuoi = n == len(trang)
            cac_trang.append(TrangPhieu(so_trang=n, tong_trang=len(trang), dau=n == 1, cuoi=cuoi, dong=ds,
                                        dong_so=f"Số sê-ri: {i:0{so_chu_so}d} — Trang {n}/{len(trang)}",
                                        ngat_trang="" if (cuoi and i == so_phieu) else "\f"))
        phieu.append(Phieu(f"{i:0{so_chu_so}d}", cac_trang))
    return NguCanhPhieuBau(
        co_quan=tt.co_quan, ten_phieu="PHIẾU BẦU",
        trich_yeu=f"Bình xét danh hiệu thi đua, hình thức khen thưởng năm {tt.nam}",
        huong_dan="Đồng ý: đánh dấu X vào ô \"Đồng ý\"; không đồng ý: đánh dấu X vào ô \"Không đồng ý\". "
                  "Phiếu đánh dấu khác, gạch xóa hoặc ghi thêm, hoặc không có dấu của Hội đồng là phiếu không "
                  "hợp lệ. Phiếu bầu kín: không ghi tên người bầu.",
        cho_dau="(Dấu của Hội đồng Thi đua – Khen thưởng)",
        phieu=phieu)


COT_DANG_KY_CA_NHAN = ("LDTT", "CSTDCS", "CSTDT", "CSTDTQ", "GK", "BKT")  # the template's columns, in order
COT_DANG_KY_TAP_THE = ("TTLDTT", "TTLDXS", "CTDT", "GK", "BKT")


def _chu_viet_tat(ma: tuple[str, ...]) -> str:
    return "; ".join(f"{DANH_HIEU[m].viet_tat} – {DANH_HIEU[m].ten.replace('UBND', 'Ủy ban nhân dân')}" for m in ma
                     if DANH_HIEU[m].viet_tat != DANH_HIEU[m].ten)


@dataclass(frozen=True)
class DongDangKy:
    """A registration row: "x" under each title column registered (``COT_DANG_KY_*`` order), the note."""

    stt: int
    ten: str
    dau: list[str]
    ghi_chu: str
    chuc_vu: str = ""  # a person's (a collective's row has none)


@dataclass(frozen=True, kw_only=True)
class DongDangKyCu(DongDangKy):
    """A row as v0.1 templates read it: one title column."""

    danh_hieu: str


@dataclass(frozen=True)
class NhomDangKy:
    ten: str  # "1. Phòng Tổ chức (3 người)"
    ds: list[DongDangKy]


@dataclass(frozen=True)
class NhomDangKyCu:
    ten: str
    ds: list[DongDangKyCu]


@dataclass(frozen=True, kw_only=True)
class NguCanhDanhSachDangKy(DauVanBan):
    nam: int
    trich_yeu: str
    so_ca_nhan: int
    so_tap_the: int
    nhom_ca_nhan: list[NhomDangKy]
    tap_the: list[DongDangKy]
    tong_ca_nhan: list[int]
    tong_tap_the: list[int]
    ghi_chu: list[str]
    so_luong: list[str]
    co_quan_ten: str  # v0.1 templates: the agency's name under the title
    nhom_danh_sach: list[NhomDangKyCu]  # v0.1 templates: one title column


def danh_sach_dang_ky(tt: ThongTin, du_lieu: Any = None, ghi_chu: dict[tuple[str, str], str] | None = None,
                      ngay: dt.date | None = None) -> NguCanhDanhSachDangKy:
    """The registration list: one row per person (a column per title, "x" where registered), grouped by unit in
    the department's order; collectives in their own part; totals per title; number, date (``ngay``, default
    today: the list is made at the start of the year), Nơi nhận, signer."""
    ghi_chu = ghi_chu or {}
    ca_nhan = [c for c in (du_lieu.ca_nhan if du_lieu else []) if c.dang_ky]
    tap_the_ds = list(du_lieu.tap_the) if du_lieu else []
    ten_dv = {t.ma: t.ten for t in tap_the_ds}
    thu_tu = {t.ma: i for i, t in enumerate(tap_the_ds)}
    nhom: dict[str, list[CaNhan]] = defaultdict(list)
    for c in ca_nhan:
        nhom[c.don_vi].append(c)
    ds_nhom: list[NhomDangKy] = []
    stt = 0
    tong_cn: Counter[str] = Counter()
    for i, ma in enumerate(sorted(nhom, key=lambda m: (thu_tu.get(m, len(thu_tu)), m)), start=1):
        dong = []
        for c in sorted(nhom[ma], key=lambda c: khoa_sap_xep_ho_ten(c.ho_ten)):
            stt += 1
            ma_dk = {d.ma for d in c.dang_ky}
            tong_cn.update(ma_dk)
            khac = [d.viet_tat for d in c.dang_ky if d.ma not in COT_DANG_KY_CA_NHAN]
            chu = [x for x in (ghi_chu.get((c.ma, d.ma), "") for d in c.dang_ky) if x]
            if khac:
                chu.insert(0, "Đăng ký khác: " + ", ".join(khac))
            dong.append(DongDangKy(stt=stt, ten=c.ho_ten, chuc_vu=c.chuc_vu,
                                   dau=["x" if m in ma_dk else "" for m in COT_DANG_KY_CA_NHAN],
                                   ghi_chu=van_ban_dep("; ".join(chu))))
        ds_nhom.append(NhomDangKy(f"{i}. {ten_dv.get(ma, ma)} ({len(dong)} người)", dong))
    tap_the: list[DongDangKy] = []
    tong_tt: Counter[str] = Counter()
    for t in tap_the_ds:
        if not t.dang_ky:
            continue
        ma_dk = {d.ma for d in t.dang_ky}
        tong_tt.update(ma_dk)
        chu = [x for x in (ghi_chu.get((t.ma, d.ma), "") for d in t.dang_ky) if x]
        tap_the.append(DongDangKy(stt=len(tap_the) + 1, ten=t.ten,
                                  dau=["x" if m in ma_dk else "" for m in COT_DANG_KY_TAP_THE],
                                  ghi_chu=van_ban_dep("; ".join(chu))))
    ngay = ngay or dt.date.today()
    dau = dau_van_ban(tt, "DS", ["- Sở Nội vụ (Ban Thi đua – Khen thưởng);", NHAN_LANH_DAO,
                                 "- Các phòng, đơn vị thuộc Sở;", NHAN_LUU], ngay=ngay)
    return NguCanhDanhSachDangKy(
        **_dau(dau), nam=tt.nam, trich_yeu=f"Đăng ký danh hiệu thi đua, hình thức khen thưởng năm {tt.nam}",
        so_ca_nhan=stt, so_tap_the=len(tap_the), nhom_ca_nhan=ds_nhom, tap_the=tap_the,
        tong_ca_nhan=[tong_cn[m] for m in COT_DANG_KY_CA_NHAN],
        tong_tap_the=[tong_tt[m] for m in COT_DANG_KY_TAP_THE],
        ghi_chu=[f"Chữ viết tắt: {_chu_viet_tat(COT_DANG_KY_CA_NHAN + COT_DANG_KY_TAP_THE[:3])}.",
                 "Cột “Ghi chú”: khả năng đạt danh hiệu đã đăng ký, đối chiếu sổ theo dõi các năm trước."],
        so_luong=[f"Tổng số: {_dem(len(tap_the), stt)} đăng ký thi đua năm {tt.nam}."],
        co_quan_ten=tt.co_quan,
        nhom_danh_sach=[NhomDangKyCu(n.ten, [
            DongDangKyCu(stt=d.stt, ten=d.ten, chuc_vu=d.chuc_vu, dau=d.dau, ghi_chu=d.ghi_chu,
                         danh_hieu=", ".join(DANH_HIEU[m].viet_tat for m, x in zip(COT_DANG_KY_CA_NHAN, d.dau,
                                                                                  strict=True) if x))
            for d in n.ds]) for n in ds_nhom],
    )


@dataclass(frozen=True)
class GiayKhen:
    """One certificate: who (capitals for a collective), the line under the name, its achievement."""

    ten: str
    mo_ta: str
    stt: int
    thanh_tich: str
    so_vao_so: str
    ngat_trang: str  # a page break after every certificate but the last (v0.1 templates)


@dataclass(frozen=True, kw_only=True)
class NguCanhGiayKhen(DauVanBan):
    tham_quyen: str
    giay_khen: list[GiayKhen]


def giay_khen(kq: KetQuaXet) -> NguCanhGiayKhen:
    """Certificates to print, one per page, in the order of the QĐ's annex (collectives, then people by unit)."""
    tt = kq.du_lieu.thong_tin
    co_quan = _ten_co_quan(tt)
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    tap_the, nhom = _giay_khen_theo_thu_tu(kq)
    ca_nhan = {c.ma: c for c, _ in kq.ca_nhan}
    thu_tu: list[tuple[str, str, str]] = [(d.ten.upper(), f"{co_quan}", d.thanh_tich) for d, _ in tap_the]
    for n in nhom:
        for d in n.ds:
            c = ca_nhan[d.ma]
            thu_tu.append((c.ho_ten, chuc_vu_don_vi(c.chuc_vu, ten_dv.get(c.don_vi, c.don_vi)),
                           c.thanh_tich))
    ds = [GiayKhen(ten=ten, mo_ta=mo_ta, stt=i,
                   thanh_tich=f"Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {kq.nam}" if tt.cuoi_nam
                   else thanh_tich_theo_dot(tt, thanh_tich),  # a chuyên đề / đột xuất round: each one's achievement
                   so_vao_so="……", ngat_trang="\f" if i < len(thu_tu) else "")
          for i, (ten, mo_ta, thanh_tich) in enumerate(thu_tu, start=1)]
    dau = dau_van_ban(tt, "QĐ")
    return NguCanhGiayKhen(**_dau(dau), tham_quyen=f"GIÁM ĐỐC {tt.co_quan}", giay_khen=ds)


CHO_VIET_BAO_CAO = {
    "dac_diem": "[Cán bộ thi đua viết: chức năng, nhiệm vụ, tổ chức bộ máy, thuận lợi và khó khăn của Sở trong năm "
                "— xóa dòng này khi viết xong.]",
    "chi_dao": "[Cán bộ thi đua viết: các văn bản chỉ đạo, kế hoạch phát động; các phong trào thi đua thường xuyên, "
               "chuyên đề, đợt thi đua; công tác tuyên truyền, khối thi đua — xóa dòng này khi viết xong.]",
    "dien_hinh": "[Cán bộ thi đua viết: gương điển hình tiêu biểu, cách phát hiện, bồi dưỡng, nhân rộng — xóa dòng "
                 "này khi viết xong.]",
    "uu_diem": "[Cán bộ thi đua viết: những kết quả nổi bật của phong trào và công tác khen thưởng — xóa dòng này "
               "khi viết xong.]",
    "han_che": "[Cán bộ thi đua viết: tồn tại, hạn chế và nguyên nhân (chủ quan, khách quan) — xóa dòng này khi viết "
               "xong.]",
    "bai_hoc": "[Cán bộ thi đua viết: bài học kinh nghiệm rút ra — xóa dòng này khi viết xong.]",
    "phuong_huong": "[Cán bộ thi đua viết: phương hướng, nhiệm vụ, chỉ tiêu thi đua năm tới — xóa dòng này khi viết "
                    "xong.]",
    "kien_nghi": "[Cán bộ thi đua viết: kiến nghị, đề xuất khác với Ủy ban nhân dân tỉnh, Sở Nội vụ — xóa dòng này "
                 "khi viết xong.]",
}


QD_CUA_DANH_HIEU = {"LDTT": "danh_hieu", "CSTDCS": "danh_hieu", "TTLDTT": "tap_the", "GK": "giay_khen"}


def tien_so_chi_va_de_nghi(kq: KetQuaXet) -> tuple[int, int]:
    """(what the Sở pays under its own decisions, what is proposed upward at the law's amounts — not paid by the
    Sở, not yet decided). The first equals the sum of the three decisions' totals."""
    so_chi = sum(k.tien_thuong or 0 for _, k in kq.tat_ca() if k.dat and k.so_quyet_dinh)
    de_nghi = sum(k.tien_thuong or 0 for _, k in kq.tat_ca() if k.dat and not k.so_quyet_dinh)
    return so_chi, de_nghi


def _cho_hoi_dong(kq: KetQuaXet) -> list[str]:
    """The quota places still waiting for the council (a tie at the cut with no recorded resolution), one sentence
    per title, from the tie's data: how many places, between whom; the figures and money above leave them out."""
    nhom: dict[str, list[tuple[CaNhan | TapThe, KetQua]]] = defaultdict(list)
    for d, k in kq.can_hoi_dong():
        nhom[k.danh_hieu.ma].append((d, k))
    ra = []
    for ma, ds in nhom.items():
        hoa = next((k.chi_tieu.hoa for _, k in ds if k.chi_tieu is not None and k.chi_tieu.hoa is not None), None)
        con = hoa.con_lai if hoa is not None else 0
        ra.append(f"Còn {con} chỉ tiêu danh hiệu {ten_day_du(DANH_HIEU[ma])} chờ Hội đồng Thi đua – Khen thưởng quyết "
                  f"định giữa {len(ds)} người bằng phiếu tại điểm cắt ({', '.join(_ten(d) for d, _ in ds)}); số "
                  "lượng và tiền thưởng nêu trong báo cáo chưa tính chỉ tiêu này, báo cáo là dự thảo cho đến khi có "
                  "quyết định của Hội đồng.")
    return ra


@dataclass(frozen=True)
class DongSoSanh:
    """A title's counts over the last four years: as printed ("—": the ledger holds nothing), and as numbers."""

    ten: str
    viet_tat: str
    so: list[str]
    so_lieu: list[int | None]


@dataclass(frozen=True)
class TongDonVi:
    """The per-unit table's total row."""

    ldtt: int
    cstdcs: int
    ttldtt: int
    gk: int
    cap_tren: int
    so_chi: str
    de_nghi: str


@dataclass(frozen=True, kw_only=True)
class DongDonVi(TongDonVi):
    """A unit's row of the per-unit table."""

    ten: str
    khac: int  # v0.1 templates: other titles
    tien: str  # v0.1 templates: the money the Sở pays


@dataclass(frozen=True, kw_only=True)
class NguCanhBaoCao(DauVanBan):
    trich_yeu: str
    nam: int
    cho_viet_phan: dict[str, str]
    cho_viet: str
    cho_viet_dien_hinh: str
    dac_diem: list[str]
    ket_qua: list[str]
    cac_nam: list[str]
    so_sanh: list[DongSoSanh]
    ghi_chu_so_sanh: str
    bieu_do: object  # the chart: "" until the render hook puts the picture in
    theo_don_vi: list[DongDonVi]
    tong_don_vi: TongDonVi
    dien_hinh: list[str]
    kien_nghi: list[str]
    so_tien_so_chi: int
    so_tien_de_nghi: int
    ghi_chu_don_vi: str
    cau_ket: str


def bao_cao(kq: KetQuaXet, bieu_do: object = "") -> NguCanhBaoCao:
    """Báo cáo tổng kết: the figures from the results and the ledger ("—" for a year the ledger holds nothing),
    the Sở-paid and proposed-upward amounts apart, per-unit table with a total row, marked blanks for the
    sections the officer writes."""
    tt = kq.du_lieu.thong_tin
    co_quan = _ten_co_quan(tt)
    cac_nam = [kq.nam - 3, kq.nam - 2, kq.nam - 1, kq.nam]
    muc_so = [(m, m.danh_hieu) for m in kq.du_lieu.so_theo_doi.cac_muc if m.danh_hieu is not None]
    nam_co_so_lieu = {m.nam for m, _ in muc_so}
    dem_truoc = Counter((m.nam, dh.ma) for m, dh in muc_so)
    dem_nay = Counter(k.danh_hieu.ma for _, k in kq.tat_ca() if k.dat)
    so_sanh: list[DongSoSanh] = []
    co_ghi = {dh.ma for m, dh in muc_so if m.nam in cac_nam}  # titles the ledger records at all
    for dh in DANH_HIEU.values():
        so = [dem_truoc[(y, dh.ma)] if y in nam_co_so_lieu and dh.ma in co_ghi else None
              for y in cac_nam[:3]] + [dem_nay[dh.ma]]
        if any(so):
            so_sanh.append(DongSoSanh(dh.ten.replace("UBND", "Ủy ban nhân dân"), dh.viet_tat,
                                      ["—" if s is None else str(s) for s in so], so))
    ghi_chu_so_sanh = (f"Năm {kq.nam}: danh hiệu, hình thức do Giám đốc Sở quyết định và số được đề nghị cấp trên "
                       "(chưa có quyết định).")
    if any(x is None for d in so_sanh for x in d.so_lieu):
        ghi_chu_so_sanh += " Dấu “—”: sổ theo dõi không có số liệu."
    ghi_chu_so_sanh += " Chữ viết tắt trong biểu đồ: " + "; ".join(
        f"{d.viet_tat} – {d.ten}" for d in so_sanh if d.viet_tat != d.ten) + "."
    # One pass over the results (not one per unit): a result counts for the unit whose code is its unit, or for
    # the collective itself.
    tat_ca = kq.tat_ca()
    theo_ma: dict[str, Counter] = defaultdict(Counter)
    tien_qd: Counter = Counter()
    ca_nhan_len: set[str] = set()
    tap_the_len: set[str] = set()
    for d, k in tat_ca:
        if not k.dat:
            continue
        c = theo_ma[d.don_vi if isinstance(d, CaNhan) else d.ma]
        c[k.danh_hieu.ma] += 1
        if k.so_quyet_dinh:
            c["so_chi"] += k.tien_thuong or 0
            tien_qd[QD_CUA_DANH_HIEU.get(k.danh_hieu.ma, "")] += k.tien_thuong or 0
        else:
            c["cap_tren"] += 1
            c["de_nghi"] += k.tien_thuong or 0
            (ca_nhan_len if isinstance(d, CaNhan) else tap_the_len).add(d.ma)
    theo_dv = []
    tong_dv: Counter = Counter()
    for t in kq.du_lieu.tap_the:
        c = theo_ma.get(t.ma, Counter())
        dong = {"ldtt": c["LDTT"], "cstdcs": c["CSTDCS"], "ttldtt": c["TTLDTT"], "gk": c["GK"],
                "cap_tren": c["cap_tren"], "so_chi": c["so_chi"], "de_nghi": c["de_nghi"]}
        tong_dv.update(dong)
        theo_dv.append(DongDonVi(
            ten=t.ten, ldtt=c["LDTT"], cstdcs=c["CSTDCS"], ttldtt=c["TTLDTT"], gk=c["GK"], cap_tren=c["cap_tren"],
            so_chi=_tien(c["so_chi"]), de_nghi=_tien(c["de_nghi"]),
            khac=sum(v for m, v in c.items() if m in DANH_HIEU and m not in ("LDTT", "CSTDCS")),
            tien=dinh_dang_tien(c["so_chi"])))
    so_chi, de_nghi = tien_so_chi_va_de_nghi(kq)
    tong_don_vi = TongDonVi(ldtt=tong_dv["ldtt"], cstdcs=tong_dv["cstdcs"], ttldtt=tong_dv["ttldtt"],
                            gk=tong_dv["gk"], cap_tren=tong_dv["cap_tren"], so_chi=_tien(tong_dv["so_chi"]),
                            de_nghi=_tien(tong_dv["de_nghi"]))
    qd = [f"{ten}: {dinh_dang_tien(tien_qd[ma])} đồng" for ma, ten in (
        ("danh_hieu", "Quyết định công nhận danh hiệu thi đua"),
        ("tap_the", f"Quyết định công nhận danh hiệu {ten_day_du(DANH_HIEU['TTLDTT'])}"),
        ("giay_khen", "Quyết định tặng Giấy khen")) if ma in tien_qd]
    so_dat = [f"công nhận danh hiệu {ten_day_du(DANH_HIEU[m])} cho {dem_nay[m]} "
              f"{'tập thể' if m == 'TTLDTT' else 'cá nhân'}" for m in ("LDTT", "CSTDCS", "TTLDTT") if dem_nay[m]]
    if dem_nay["GK"]:
        gk = _giay_khen_theo_thu_tu(kq)
        so_dat.append(f"tặng Giấy khen cho {_dem(len(gk[0]), sum(len(n.ds) for n in gk[1]))}")
    len_tren = [f"{'' if DANH_HIEU[m].la_hinh_thuc else 'danh hiệu '}{ten_day_du(DANH_HIEU[m])}: {dem_nay[m]}"
                for m in DANH_HIEU if not _so_qd(kq, m) and dem_nay[m]]
    cho = _cho_hoi_dong(kq)
    ket_qua = [
        f"Năm {kq.nam}, toàn {co_quan} có {len(kq.du_lieu.ca_nhan)} cán bộ, công chức, viên chức, người lao động "
        f"và {len(kq.du_lieu.tap_the)} tập thể tham gia phong trào thi đua.",
        (("Theo kết quả xét (dự thảo), Giám đốc Sở sẽ " if cho else "Giám đốc Sở đã ") + "; ".join(so_dat) + ".")
        if so_dat else "Giám đốc Sở chưa quyết định khen thưởng nào.",
        *cho,
    ]
    if len_tren:
        ket_qua.append(f"Sở đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng cho "
                       f"{_dem(len(tap_the_len), len(ca_nhan_len))}: " + "; ".join(len_tren) + ".")
    ket_qua.append(f"Tiền thưởng Sở chi theo các quyết định của Giám đốc Sở: {dinh_dang_tien(so_chi)} đồng (Bằng chữ: "
                   f"{doc_so_tien(so_chi)})" + (f", gồm: {'; '.join(qd)}." if qd else "."))
    if len_tren:
        khong_tinh = sum(1 for _, k in tat_ca if k.dat and not k.so_quyet_dinh and k.khong_chi_vi is not None)
        ket_qua.append(f"Tiền thưởng của các danh hiệu, hình thức đề nghị cấp trên (chưa có quyết định, Sở chưa chi): "
                       f"{dinh_dang_tien(de_nghi)} đồng theo mức quy định"
                       + (f" (không tính {khong_tinh} danh hiệu thấp hơn được đề nghị cùng một danh hiệu cao hơn trong "
                          "cùng thời gian: chỉ nhận mức cao nhất)" if khong_tinh else "")
                       + "; khi được quyết định, tập thể, cá nhân đã nhận tiền thưởng danh hiệu thấp hơn tính trong "
                       "cùng thời gian chỉ nhận thêm phần chênh lệch.")
    ten_dv = {t.ma: t.ten for t in kq.du_lieu.tap_the}
    ca_nhan_td = [(d.ma, _ten(d), ten_dv.get(d.don_vi, d.don_vi) if isinstance(d, CaNhan) else "")
                  for d, k in tat_ca if k.dat and k.danh_hieu.ma in ("CSTDT", "CSTDTQ")]
    # each title named with the units proposed for it, and only then (a clerk's review: a Cờ that failed at the vote
    # was named beside the TTLĐXS of others)
    tap_the_td = {m: ds for m in ("TTLDXS", "CTDT")
                  if (ds := [(d.ma, _ten(d), "") for d, k in tat_ca if k.dat and k.danh_hieu.ma == m])}
    dien_hinh = []
    if ca_nhan_td:  # each person once (by code: two people may share a name)
        dien_hinh.append(f"Cá nhân tiêu biểu (đề nghị danh hiệu {ten_day_du(DANH_HIEU['CSTDT'])} trở lên): "
                         + ", ".join(ten_phan_biet(ca_nhan_td)) + ".")
    if tap_the_td:
        dien_hinh.append("Tập thể tiêu biểu: " + "; ".join(
            f"đề nghị danh hiệu {ten_day_du(DANH_HIEU[m])}: " + ", ".join(ten_phan_biet(ds))
            for m, ds in tap_the_td.items()) + ".")
    kien_nghi = [f"Đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng danh hiệu thi đua, hình thức khen thưởng cho "
                 f"các tập thể, cá nhân theo Tờ trình số        /TTr-{tt.ky_hieu} {dinh_dang_ngay(tt.ngay_quyet_dinh)} "
                 f"của {co_quan}."] if len_tren else []
    dau = dau_van_ban(tt, "BC", ["- Ủy ban nhân dân tỉnh (để báo cáo);", NHAN_NOI_VU, NHAN_LANH_DAO,
                                 "- Các phòng, đơn vị thuộc Sở;", NHAN_LUU])
    return NguCanhBaoCao(
        **_dau(replace(dau, du_thao=du_thao(kq, tuple(DANH_HIEU)))),  # it quotes every title's figures and money
        trich_yeu=f"Tổng kết công tác thi đua, khen thưởng năm {kq.nam}", nam=kq.nam,
        cho_viet_phan=dict(CHO_VIET_BAO_CAO), cho_viet=CHO_VIET, cho_viet_dien_hinh=CHO_VIET, dac_diem=[],
        ket_qua=ket_qua, cac_nam=[str(y) for y in cac_nam[:3]] + [f"{kq.nam}"], so_sanh=so_sanh,
        ghi_chu_so_sanh=ghi_chu_so_sanh, bieu_do=bieu_do, theo_don_vi=theo_dv, tong_don_vi=tong_don_vi,
        dien_hinh=dien_hinh, kien_nghi=kien_nghi, so_tien_so_chi=so_chi, so_tien_de_nghi=de_nghi,
        ghi_chu_don_vi="Chữ viết tắt: " + _chu_viet_tat(("LDTT", "CSTDCS", "TTLDTT", "GK"))
                       + ". “Đề nghị cấp trên”: số danh hiệu, hình thức đề nghị Chủ tịch Ủy ban nhân "
                       "dân tỉnh (chưa quyết định); “Sở chi”, “Đề nghị”: tiền thưởng tương ứng.",
        cau_ket=f"Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm {kq.nam} của {co_quan}./.")
