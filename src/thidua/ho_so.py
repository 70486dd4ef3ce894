"""The hồ sơ (dossier) of every proposal decided above the Sở (``thidua ho-so``, and ``ho-so/`` in ``tong-ket``).

Law 2022 Art. 84 and DOMAIN.md §12 ("The hồ sơ sent upward"): a Tờ trình, a báo cáo thành tích per person or
collective, the council's minutes and vote result, and the recognition decisions of the initiatives used; sent on
paper and as Word + PDF files. One folder per deciding level (Chủ tịch UBND tỉnh; Thủ tướng Chính phủ through the
province — forms of different deciding authorities are not combined in one Tờ trình, ND 98/2023 Phụ lục I), one
folder per candidate inside it, and a checklist per level saying what is present, what is missing and how many
copies to send, each file mapped to its person.

The báo cáo thành tích is prefilled from the workbooks and the ledger (identity, past titles and forms with
their decisions, initiatives, discipline); the narrative parts stay as marked blanks for the candidate to write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .danh_muc import DANH_HIEU, DanhHieu
from .mo_hinh import CaNhan, MucLichSu, TapThe
from .ten_tep import ten_an_toan
from .tieng_viet import khoa_sap_xep_ho_ten
from .van_ban import ngu_canh
from .van_ban.ve import BanVe, kiem_tra_mau, ve_mot
from .xet import KetQua, KetQuaXet

TEN_MAU_HO_SO = ("bao_cao_thanh_tich_ca_nhan", "bao_cao_thanh_tich_tap_the", "bao_cao_thanh_tich_dot", "danh_muc_ho_so")
CAP_TRINH = {
    "tinh": ("Trình Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
    "thu_tuong": ("Trình Thủ tướng Chính phủ", "Thủ tướng Chính phủ (qua Chủ tịch Ủy ban nhân dân tỉnh)"),
}
# Copies of each paper to send: one original set, and the files in Word and PDF (Law 2022 Art. 84; DOMAIN §12).
# The number of paper sets is not confirmed for ND 152/2025: the agency's quy chế may ask for more.

TU_VIET_CA_NHAN = "[Phần cá nhân tự viết: {} — xóa dòng này khi viết.]"
TU_VIET_TAP_THE = "[Phần đơn vị tự viết: {} — xóa dòng này khi viết.]"
CHUA_CO = "[chưa có trong dữ liệu: {}]"


@dataclass(frozen=True)
class DongKhenThuong:
    """A past title or form in an achievement report: year, name, its decision."""

    nam: int
    ten: str
    quyet_dinh: str


@dataclass(frozen=True)
class DongSangKien:
    """An initiative or research in an achievement report."""

    nam: int
    ten: str
    loai: str
    cap: str
    quyet_dinh: str


@dataclass(frozen=True)
class DongXepLoai:
    nam: int
    muc: str


@dataclass(frozen=True)
class NguCanhBaoCaoThanhTich(ngu_canh.NguCanh):
    """The achievement report of a person or a collective (one template per kind; both kinds' fields, so that one
    template can serve both)."""

    de_nghi: str
    nam: int
    loai_dot: str
    ten_dot: str
    danh_hieu: list[DongKhenThuong]
    hinh_thuc: list[DongKhenThuong]
    co_quan_chu_quan: str
    co_quan: str
    dia_danh_ngay: str
    chuc_danh_ky: list[str]
    nguoi_ky: str
    co_quan_ten: str
    ca_nhan: bool
    ky_luat: list[str]
    thanh_tich_du_lieu: str
    tu_viet_nhiem_vu: str
    tu_viet_thanh_tich: str
    tu_viet_dien_bien: str
    nguoi_bao_cao: str
    du_thao: str = ""
    khong_co_khen_thuong: str = "Không có (theo sổ theo dõi khen thưởng)."
    thanh_tich_dot: str = ""  # "thành tích xuất sắc đột xuất trong …" (ngu_canh.thanh_tich_dot): a round's report
    ho_ten: str = ""
    gioi_tinh: str = ""
    so_dinh_danh: str = ""
    ngay_sinh: str = ""
    chuc_vu: str = ""
    don_vi: str = ""
    ten_tap_the: str = ""
    so_thanh_vien: int = 0
    tu_viet_dac_diem: str = ""
    ngay_tuyen_dung: str = ""
    xep_loai: list[DongXepLoai] = dataclasses.field(default_factory=list)
    sang_kien: list[DongSangKien] = dataclasses.field(default_factory=list)
    tu_viet_que_quan: str = ""
    xep_loai_tap_the: str = ""
    khoi: str = ""
    diem: str = ""
    thanh_tich_nam: str = ""  # a collective's year from the data, as the Tờ trình writes it
    ky_don_vi: str = "(Ký, đóng dấu)"  # under THỦ TRƯỞNG ĐƠN VỊ of a collective's report (co_dau_rieng)
    # who confirms a person's report, and how: the unit's head, sealing when the unit has a seal of its own; nobody
    # for a head's own report — the agency's confirmation below it is the head's superior (a clerk's review: the
    # Giám đốc Sở signed a head's report twice, once as "THỦ TRƯỞNG CƠ QUAN" and once as the level that files it)
    thu_truong_xac_nhan: str = "THỦ TRƯỞNG ĐƠN VỊ"
    xac_nhan_de_nghi: str = "XÁC NHẬN, ĐỀ NGHỊ"
    ky_thu_truong: str = "(Ký, ghi rõ họ tên)"


KHONG_CO_DAU = ("phòng ", "văn phòng sở")  # units of the Sở without a seal of their own
KY_DONG_DAU, KY_TEN = "(Ký, đóng dấu)", "(Ký, ghi rõ họ tên)"  # under a signature: a unit with a seal, or without


def co_dau_rieng(ten_tap_the: str) -> bool:
    """Whether a collective of the Sở has a seal of its own: a phòng (and the Văn phòng Sở) is part of the Sở and
    has none — its head signs, and the Sở's confirmation below carries the seal (a clerk's review: "(Ký, đóng dấu)"
    was asked of a phòng); a chi cục, trung tâm, ban is a unit with its own seal. By the unit's name: a default, the
    report is a Word file the unit completes anyway."""
    return not ten_tap_the.strip().lower().startswith(KHONG_CO_DAU)


@dataclass(frozen=True)
class DongDanhMuc:
    """A numbered line of the checklist."""

    stt: int
    tai_lieu: str
    cua: str
    tep: str
    tinh_trang: str
    co: bool
    so_ban: str


@dataclass(frozen=True, kw_only=True)
class NguCanhDanhMuc(ngu_canh.DauVanBan):
    """The checklist of one deciding level."""

    trich_yeu: str
    muc: list[DongDanhMuc]
    so_co: int
    so_thieu: int
    ghi_chu: list[str]
    tieu_de_cap: str


@dataclass
class MucDanhMuc:
    """One line of the checklist: a document of the dossier, whose it is, its file, and whether it is ready."""

    tai_lieu: str
    cua: str
    tep: str
    tinh_trang: str
    co: bool
    so_ban: str = "01 bản chính"  # with its Word and PDF files: the note below the list says so once


@dataclass
class KetQuaHoSo:
    tep: list[Path]
    danh_muc: dict[str, list[MucDanhMuc]]  # deciding level → checklist
    so_ung_vien: int


def _ngay(d: dt.date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


def _quyet_dinh(so: str, ngay: dt.date | None, co_quan: str) -> str:
    phan = []
    if so:
        phan.append(f"Quyết định số {so}")
    if ngay:
        phan.append(f"ngày {_ngay(ngay)}")
    if co_quan:
        phan.append(f"của {co_quan}")
    return " ".join(phan) if phan else CHUA_CO.format("số, ngày quyết định")


def ung_vien_trinh(kq: KetQuaXet) -> dict[str, list[tuple[CaNhan | TapThe, list[KetQua]]]]:
    """Every subject proposed upward, grouped by deciding level (``cap_quyet_dinh``), in name order: worked out
    once per decided round (``tong-ket`` asks whether there is any, then plans the dossiers); not to be changed."""
    da = kq.da_tinh.get("ung_vien_trinh")
    if da is None:
        da = kq.da_tinh["ung_vien_trinh"] = _ung_vien_trinh(kq)
    return da


def _ung_vien_trinh(kq: KetQuaXet) -> dict[str, list[tuple[CaNhan | TapThe, list[KetQua]]]]:
    theo_cap: dict[str, list[tuple[CaNhan | TapThe, list[KetQua]]]] = {c: [] for c in CAP_TRINH}
    moi: list[tuple[CaNhan | TapThe, list[KetQua]]] = [*kq.ca_nhan, *kq.tap_the]
    for d, ks in moi:
        for cap in CAP_TRINH:
            len_ = [k for k in ks if k.dat and k.cap_quyet_dinh == cap]
            if len_:
                theo_cap[cap].append((d, len_))
    for ds in theo_cap.values():
        ds.sort(key=lambda x: (isinstance(x[0], TapThe), khoa_sap_xep_ho_ten(_ten(x[0]))))
    return {c: ds for c, ds in theo_cap.items() if ds}


def _ten(d: CaNhan | TapThe) -> str:
    return d.ho_ten if isinstance(d, CaNhan) else d.ten


def loc_theo_cap(kq: KetQuaXet, cap: str, *, chi_dat: bool = True) -> KetQuaXet:
    """The decision restricted to what a level decides: the proposals the council passed (``chi_dat``: for the
    Tờ trình), or every proposal of the titles that level confers, passed or not (for the extract of the minutes:
    as many proposals and votes as the minutes record). ``ca_vong`` keeps the whole round for its facts."""
    def loc(ds: list) -> list:
        ra = []
        for d, ks in ds:
            giu = [k for k in ks if (k.dat or not chi_dat) and k.cap_quyet_dinh == cap]
            if giu:
                ra.append((d, giu))
        return ra

    return dataclasses.replace(kq, ca_nhan=loc(kq.ca_nhan), tap_the=loc(kq.tap_the), ca_vong=kq.ca_vong or kq)


def _loai_dot(kq: KetQuaXet) -> str:
    return kq.du_lieu.thong_tin.loai_dot


def _ten_dot(kq: KetQuaXet) -> str:
    return kq.du_lieu.thong_tin.ten_dot


def _lich_su(kq: KetQuaXet, ma: str) -> list[MucLichSu]:
    return sorted(kq.du_lieu.so_theo_doi.cac_muc_cua(ma),
                  key=lambda m: (m.nam, m.danh_hieu.thu_hang if m.danh_hieu else 0))


def _loai_khen_thuong(m: MucLichSu) -> str:
    """The award type of a ledger row (LichSu ``Loại khen thưởng``), "" for the default Thường xuyên."""
    loai = getattr(m, "loai_khen_thuong", None)
    ten = getattr(loai, "ten", loai) or ""
    return "" if ten in ("", "Thường xuyên") else str(ten)


@dataclass
class _ChiMuc:
    """What a dossier looks up for each candidate, built once per round (issue 15: scanning every result and
    member for every candidate made the hồ sơ quadratic)."""

    ten_dv: dict[str, str]
    ket_qua: dict[tuple[bool, str], list[KetQua]]  # (is a person, code) → every result of the subject
    so_thanh_vien: Counter[str]

    @classmethod
    def cua(cls, kq: KetQuaXet) -> _ChiMuc:
        ket_qua = {(True, c.ma): ks for c, ks in kq.ca_nhan} | {(False, t.ma): ks for t, ks in kq.tap_the}
        return cls({t.ma: t.ten for t in kq.du_lieu.tap_the}, ket_qua,
                   Counter(c.don_vi for c in kq.du_lieu.ca_nhan))


def _bang_khen_thuong(kq: KetQuaXet, d: CaNhan | TapThe,
                      cm: _ChiMuc) -> tuple[list[DongKhenThuong], list[DongKhenThuong]]:
    """(titles, forms) from the ledger, plus this round's results the Sở decides that the ledger lacks."""
    tt = kq.du_lieu.thong_tin
    danh_hieu: list[DongKhenThuong] = []
    hinh_thuc: list[DongKhenThuong] = []
    da_co = set()
    for m in _lich_su(kq, d.ma):
        if m.danh_hieu is None:
            continue
        da_co.add((m.nam, m.danh_hieu.ma))
        loai = _loai_khen_thuong(m)
        dong = DongKhenThuong(m.nam, m.danh_hieu.ten + (f" ({loai.lower()})" if loai else ""),
                              _quyet_dinh(m.so_quyet_dinh, m.ngay_quyet_dinh, m.co_quan_ban_hanh))
        (hinh_thuc if m.danh_hieu.la_hinh_thuc else danh_hieu).append(dong)
    for k in cm.ket_qua.get((isinstance(d, CaNhan), d.ma), []):
        if k.dat and k.so_quyet_dinh and (kq.nam, k.danh_hieu.ma) not in da_co:
            dong = DongKhenThuong(kq.nam, k.danh_hieu.ten,
                                  f"Quyết định số …/QĐ-{tt.ky_hieu} ngày {_ngay(tt.ngay_quyet_dinh)} của Giám đốc "
                                  f"{ngu_canh.ten_co_quan(tt)} (cùng đợt xét này)")
            (hinh_thuc if k.danh_hieu.la_hinh_thuc else danh_hieu).append(dong)
    return danh_hieu, hinh_thuc


def _sang_kien(kq: KetQuaXet, cn: CaNhan) -> list[DongSangKien]:
    """The initiatives and research of the person: the SangKien register when the workbooks have it (name, level,
    recognition decision), else the levels of the ledger and the CaNhan row, with the name left to fill."""
    so = kq.du_lieu.so_theo_doi
    ds_sk = so.sang_kien_cua(cn.ma)
    ra = [DongSangKien(s.nam, s.ten or CHUA_CO.format("tên sáng kiến"), str(getattr(s.loai, "ten", s.loai)),
                       s.cap.ten, _quyet_dinh(s.so_quyet_dinh, s.ngay, ""))
          for s in sorted(ds_sk, key=lambda s: (s.nam, s.ten))]
    co_nam = {s.nam for s in ds_sk}
    for m in _lich_su(kq, cn.ma):
        if m.sang_kien is not None and m.nam not in co_nam:
            ra.append(DongSangKien(m.nam, CHUA_CO.format("tên sáng kiến"), "Sáng kiến", m.sang_kien.ten,
                                   CHUA_CO.format("số, ngày quyết định công nhận")))
            co_nam.add(m.nam)
    if kq.nam not in co_nam:
        for loai, cap in (("Sáng kiến", cn.sang_kien), ("Đề tài", cn.de_tai)):
            if cap is not None:
                ra.append(DongSangKien(kq.nam, CHUA_CO.format(f"tên {loai.lower()}"), loai, cap.ten,
                                       CHUA_CO.format("số, ngày quyết định công nhận")))
    return sorted(ra, key=lambda x: x.nam)


def _ky_luat(kq: KetQuaXet, d: CaNhan | TapThe) -> list[str]:
    so = kq.du_lieu.so_theo_doi
    ds = [f"{k.mo_ta()}" for k in (so.cac_ky_luat(d.ma) if hasattr(so, "cac_ky_luat") else [])]
    if not ds:
        ds = [f"Năm {m.nam}: {m.ky_luat.ten}" for m in _lich_su(kq, d.ma) if m.ky_luat is not None]
        if getattr(d, "ky_luat", None) is not None:
            ds.append(f"Năm {kq.nam}: {d.ky_luat.ten}")  # type: ignore[union-attr]
    if getattr(d, "dang_xem_xet", False):
        ds.append("Đang bị xem xét kỷ luật, thanh tra hoặc điều tra")
    return ds or ["Không bị kỷ luật; không đang bị xem xét kỷ luật, thanh tra, điều tra."]


def _de_nghi(kq: KetQuaXet, ks: list[KetQua]) -> str:
    ten_dot = _ten_dot(kq)
    # "năm" and its year on one line of the title (a reviewer: "(NĂM / 2025)")
    thoi = ten_dot if _loai_dot(kq) != "Cuối năm" and ten_dot else f"năm\u00a0{kq.nam}"
    return "; ".join(("" if k.danh_hieu.la_hinh_thuc else "danh hiệu ") + ngu_canh.ten_day_du(k.danh_hieu)
                     for k in ks) + f" ({thoi})"


def _dau(kq: KetQuaXet, ten_don_vi: str) -> dict[str, Any]:
    tt = kq.du_lieu.thong_tin
    # the header's left column: names broken as a real header breaks them ("SỞ NÔNG NGHIỆP / VÀ MÔI TRƯỜNG"; Word
    # broke "… VÀ MÔI / TRƯỜNG" where the column ended)
    return {"co_quan_chu_quan": ngu_canh.dong_ten_co_quan(tt.co_quan, False),
            "co_quan": ngu_canh.dong_ten_co_quan(ten_don_vi.upper()),
            "dia_danh_ngay": f"{tt.dia_danh}, ngày …… tháng …… năm {tt.ngay_quyet_dinh.year}",
            "chuc_danh_ky": ngu_canh.dau_van_ban(tt, "BC").chuc_danh_ky, "nguoi_ky": tt.nguoi_ky,
            "co_quan_ten": ngu_canh.ten_co_quan(tt), "du_thao": ""}


def bao_cao_thanh_tich(kq: KetQuaXet, d: CaNhan | TapThe, ks: list[KetQua],
                       chi_muc: _ChiMuc | None = None) -> tuple[str, NguCanhBaoCaoThanhTich]:
    """(template, context) of the achievement report of one subject, in the form of the round's kind
    (``chi_muc``: the round's lookups, when several reports are built)."""
    cm = chi_muc or _ChiMuc.cua(kq)
    ten_dv = cm.ten_dv
    loai_dot = _loai_dot(kq)
    de_nghi = _de_nghi(kq, ks)
    viet = TU_VIET_CA_NHAN if isinstance(d, CaNhan) else TU_VIET_TAP_THE
    danh_hieu, hinh_thuc = _bang_khen_thuong(kq, d, cm)
    ctx: dict[str, Any] = {"de_nghi": de_nghi, "nam": kq.nam, "loai_dot": loai_dot, "ten_dot": _ten_dot(kq),
                           "thanh_tich_dot": "" if kq.du_lieu.thong_tin.cuoi_nam
                           else ngu_canh.thanh_tich_dot(kq.du_lieu.thong_tin),
                           "danh_hieu": danh_hieu, "hinh_thuc": hinh_thuc,
                           # the ledger has nothing: said as a clerk writes it, the person adds what it lacks
                           "khong_co_khen_thuong": f"Không có (theo sổ theo dõi khen thưởng của "
                                                   f"{ngu_canh.ten_co_quan(kq.du_lieu.thong_tin)}).",
                           # both kinds' fields, so one template can serve persons and collectives
                           "ho_ten": "", "gioi_tinh": "", "so_dinh_danh": "", "ngay_sinh": "", "chuc_vu": "",
                           "don_vi": "", "ten_tap_the": "", "so_thanh_vien": 0, "tu_viet_dac_diem": ""}
    if isinstance(d, CaNhan):
        don_vi = ten_dv.get(d.don_vi, d.don_vi)
        so_dd = getattr(d, "so_dinh_danh", "") or CHUA_CO.format("Số định danh cá nhân")
        ctx.update(_dau(kq, don_vi))
        ctx.update({
            "ca_nhan": True, "ho_ten": d.ho_ten, "gioi_tinh": d.gioi_tinh or CHUA_CO.format("giới tính"),
            "so_dinh_danh": so_dd, "ngay_sinh": _ngay(d.ngay_sinh) or CHUA_CO.format("ngày sinh"),
            "chuc_vu": d.chuc_vu or CHUA_CO.format("chức vụ"), "don_vi": f"{don_vi}, {ctx['co_quan_ten']}",
            "ngay_tuyen_dung": _ngay(d.ngay_tuyen_dung) or CHUA_CO.format("ngày tuyển dụng"),
            "xep_loai": [DongXepLoai(n, x) for n, x in sorted({
                **{m.nam: m.xep_loai.ten for m in _lich_su(kq, d.ma) if m.xep_loai},
                **({kq.nam: d.xep_loai.ten} if d.xep_loai else {})}.items())],
            "sang_kien": _sang_kien(kq, d), "ky_luat": _ky_luat(kq, d),
            "thanh_tich_du_lieu": getattr(d, "thanh_tich", "") or "",
            "tu_viet_que_quan": viet.format("quê quán, nơi ở hiện nay, trình độ chuyên môn, lý luận chính trị"),
            "tu_viet_nhiem_vu": viet.format("quyền hạn, nhiệm vụ được giao hoặc đảm nhận"),
            "tu_viet_thanh_tich": viet.format("thành tích đạt được: kết quả thực hiện nhiệm vụ, chỉ tiêu; giải pháp "
                                              "công tác, đổi mới; hiệu quả áp dụng sáng kiến, đề tài"),
            "tu_viet_dien_bien": viet.format("tóm tắt sự việc, hành động, thành tích và ảnh hưởng của thành tích"),
            "nguoi_bao_cao": d.ho_ten,
            **_xac_nhan_ca_nhan(d, don_vi),
        })
        mau = "bao_cao_thanh_tich_ca_nhan" if loai_dot == "Cuối năm" else "bao_cao_thanh_tich_dot"
    else:
        ctx.update(_dau(kq, d.ten))
        ctx.update({
            "ca_nhan": False, "ten_tap_the": d.ten, "so_thanh_vien": cm.so_thanh_vien[d.ma], "ky_luat": _ky_luat(kq, d),
            "xep_loai_tap_the": d.xep_loai.ten if d.xep_loai else CHUA_CO.format("xếp loại"),
            "khoi": d.khoi or "", "diem": ngu_canh.so_thap_phan(d.diem) if d.diem is not None else "",
            # what the Tờ trình already says of it (the members' titles, the rating), not left for the unit to retype
            "thanh_tich_nam": ngu_canh.thanh_tich_tap_the(kq, d, max(ks, key=lambda k: k.danh_hieu.thu_hang))
            if ks and loai_dot == "Cuối năm" else "",
            "thanh_tich_du_lieu": getattr(d, "thanh_tich", "") or "",
            "tu_viet_dac_diem": viet.format("đặc điểm, tình hình: trụ sở, quá trình thành lập, cơ cấu tổ chức, "
                                            "tổ chức đảng, đoàn thể"),
            "tu_viet_nhiem_vu": viet.format("chức năng, nhiệm vụ được giao"),
            "tu_viet_thanh_tich": viet.format("thành tích đạt được: kết quả thực hiện nhiệm vụ, chỉ tiêu; biện pháp, "
                                              "đổi mới; công tác xây dựng đảng, đoàn thể"),
            "tu_viet_dien_bien": viet.format("tóm tắt sự việc, thành tích và ảnh hưởng của thành tích"),
            "nguoi_bao_cao": "", "ky_don_vi": KY_DONG_DAU if co_dau_rieng(d.ten) else KY_TEN,
        })
        mau = "bao_cao_thanh_tich_tap_the" if loai_dot == "Cuối năm" else "bao_cao_thanh_tich_dot"
    return mau, NguCanhBaoCaoThanhTich(**ctx)


def _tinh_trang_bao_cao(ctx: NguCanhBaoCaoThanhTich, d: CaNhan | TapThe) -> str:
    """Who completes and signs a report, as the checklist says it (the report's own signature blocks)."""
    if isinstance(d, TapThe):
        return "Có — đơn vị viết phần để trống; Thủ trưởng ký" + (", đóng dấu" if co_dau_rieng(d.ten) else "")
    if not ctx.thu_truong_xac_nhan:  # a head's own report: the agency confirms
        return "Có — cá nhân viết phần để trống, ký; cấp trình khen thưởng xác nhận"
    return "Có — cá nhân viết phần để trống, ký; Thủ trưởng đơn vị xác nhận" + (
        ", đóng dấu" if ctx.ky_thu_truong == KY_DONG_DAU else "")


def _xac_nhan_ca_nhan(c: CaNhan, ten_don_vi: str) -> dict[str, str]:
    """The left signature of a person's report (``NguCanhBaoCaoThanhTich.thu_truong_xac_nhan``)."""
    if ngu_canh.la_thu_truong(c.chuc_vu or ""):
        return {"thu_truong_xac_nhan": "", "xac_nhan_de_nghi": "", "ky_thu_truong": ""}
    return {"thu_truong_xac_nhan": "THỦ TRƯỞNG ĐƠN VỊ", "xac_nhan_de_nghi": "XÁC NHẬN, ĐỀ NGHỊ",
            "ky_thu_truong": KY_DONG_DAU if co_dau_rieng(ten_don_vi) else KY_TEN}


def _bien_mau(mau: str, thu_muc_mau: Path | None) -> frozenset[str]:
    """The variables a template uses (the agency's when ``--mau`` has it)."""
    from .van_ban.ve import bien_cua_mau, tim_mau

    p = tim_mau(mau, thu_muc_mau)
    tt = p.stat()
    return bien_cua_mau(str(p), tt.st_mtime_ns, tt.st_size)


def _can_cu_ca_nhan(kq: KetQuaXet, c: CaNhan, ks: list[KetQua]) -> tuple[list[int], bool]:
    """(the CSTĐCS years whose decisions a person's proposals rest on, whether initiative decisions are needed) — from
    the criterion that passed, as the Tờ trình lists them (``ngu_canh.can_cu_dat``): initiatives only where the
    ground needs them (CSTĐ tỉnh, CSTĐTQ, Bằng khen by the HTXSNV path). A chuyên đề / đột xuất award rests on its
    own achievement: none."""
    if not kq.du_lieu.thong_tin.cuoi_nam:
        return [], False
    can_cu = [ngu_canh.can_cu_dat(kq, c, k) for k in ks]
    return (sorted({n for cc in can_cu if cc is not None for n in cc.nam_cstdcs}),
            any(cc is None or cc.sang_kien for cc in can_cu))


def _ban_sao_sang_kien(ctx: Any, cua: str) -> MucDanhMuc:
    ds_sk = "; ".join(f"{sk.ten} ({sk.loai.lower()} cấp {sk.cap.lower()}, {sk.nam}: {sk.quyet_dinh})" for sk in ctx.sang_kien)
    return MucDanhMuc(f"Bản sao quyết định công nhận sáng kiến, đề tài: {ds_sk}", cua, "",
                      "Thiếu — cá nhân nộp bản sao" + ("" if all(not sk.quyet_dinh.startswith("[")
                                                                  for sk in ctx.sang_kien)
                                                        else "; ghi số, ngày quyết định vào sheet SangKien"), False,
                      "01 bản sao")  # a copy of the decision, not an original


def _ban_sao_cstdcs(kq: KetQuaXet, theo_qd: dict[tuple[int, str], list[tuple[str, str]]]) -> list[MucDanhMuc]:
    """One line per CSTĐCS decision the proposals rest on — (year, decision as the ledger gives it) — naming whose
    proposals need it (a decision covers everyone of its year: a clerk's second review found the same copy listed
    once per person). A past year's: the Sở has it (its number from the ledger, else asked for); this year's is
    issued with this round: to number, then copy."""
    muc = []
    ten = "Bản sao quyết định công nhận danh hiệu “Chiến sĩ thi đua cơ sở”"
    for (n, qd), ds in sorted(theo_qd.items()):
        cua = ", ".join(ngu_canh.ten_phan_biet([(m, t, "") for m, t in ds]))
        if n == kq.nam:
            muc.append(MucDanhMuc(f"{ten} {qd}", cua, "", f"Thiếu — quyết định năm {n} ban hành cùng đợt này: ghi số, "
                                  "ngày rồi sao y bản chính", False, "01 bản sao"))
        elif not qd or "chưa ghi" in qd:
            muc.append(MucDanhMuc(f"{ten} năm {n}", cua, "", f"Thiếu — ghi số, ngày quyết định năm {n} vào sheet "
                                  "LichSu; văn thư sao y", False, "01 bản sao"))
        else:
            muc.append(MucDanhMuc(f"{ten} {qd}", cua, "", "Có — Sở đã ban hành; văn thư sao y bản chính", True,
                                  "01 bản sao"))
    return muc


def _thieu_du_lieu(ctx: Any, bien: frozenset[str] | None = None) -> list[str]:
    """What the report still lacks from the data (the "[chưa có trong dữ liệu: …]" marks) among the fields its
    template prints (``bien``: a chuyên đề report has no initiatives section, so none is asked for)."""
    thieu = []
    mo = CHUA_CO.split("{}")[0]

    def duyet(v: Any) -> None:
        if isinstance(v, str) and v.startswith(mo):
            thieu.append(v[len(mo):-1])
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            for f in dataclasses.fields(v):
                duyet(getattr(v, f.name))
        elif isinstance(v, dict):
            for x in v.values():
                duyet(x)
        elif isinstance(v, list):
            for x in v:
                duyet(x)
    if bien is not None and dataclasses.is_dataclass(ctx):
        for f in dataclasses.fields(ctx):
            if f.name in bien:
                duyet(getattr(ctx, f.name))
    else:
        duyet(ctx)
    return list(dict.fromkeys(thieu))


def danh_muc(kq: KetQuaXet, cap: str, muc: list[MucDanhMuc]) -> NguCanhDanhMuc:
    """Context of the checklist of one deciding level."""
    tt = kq.du_lieu.thong_tin
    ten_thu_muc, noi = CAP_TRINH[cap]
    dau = ngu_canh.dau_van_ban(tt, "DM")
    return NguCanhDanhMuc(
        **{f.name: getattr(dau, f.name) for f in dataclasses.fields(dau) if f.init},
        trich_yeu=f"Hồ sơ đề nghị {noi} khen thưởng — {_ten_dot(kq) or f'năm {kq.nam}'}",
        muc=[DongDanhMuc(i, m.tai_lieu, m.cua, m.tep, m.tinh_trang, m.co, m.so_ban) for i, m in enumerate(muc, 1)],
        so_co=sum(1 for m in muc if m.co), so_thieu=sum(1 for m in muc if not m.co),
        ghi_chu=[
            "Cột \"Tình trạng\": \"Có\" là văn bản đã lập sẵn trong thư mục hồ sơ này (tên tệp ở cột \"Tệp\"): in, ký, "
            "đóng dấu rồi gửi; \"Thiếu\" là giấy tờ cơ quan hoặc cá nhân phải bổ sung trước khi gửi.",
            "Số bản gửi: 01 bản chính (bản sao quyết định: 01 bản sao), kèm tệp Word và PDF của các văn bản do cơ "
            "quan lập, theo Luật Thi đua, khen thưởng 2022, Điều 84; quy chế của tỉnh có thể yêu cầu thêm.",
            "Không gộp các hình thức do các cấp khác nhau quyết định trong cùng một tờ trình.",
        ],
        tieu_de_cap=ten_thu_muc)


@dataclass
class KeHoachHoSo:
    """The dossiers' documents before rendering: (sub-folder, document) in order, and the checklists."""

    ban_ve: list[tuple[Path, BanVe]]
    danh_muc: dict[str, list[MucDanhMuc]]
    so_ung_vien: int


def lap_ho_so(kq: KetQuaXet, thu_muc: Path, thu_muc_mau: Path | None = None,
              thong_bao: list[str] | None = None) -> KetQuaHoSo:
    """Write the dossiers into ``thu_muc`` (which must be new or empty: the caller builds it in a temporary folder
    and moves it into place). Every template is checked before anything is written."""
    kh = ke_hoach_ho_so(kq, thu_muc_mau, thong_bao)
    tep = [ve_mot(b, Path(thu_muc) / tm, thu_muc_mau) for tm, b in kh.ban_ve]
    return KetQuaHoSo(tep, kh.danh_muc, kh.so_ung_vien)


def ke_hoach_ho_so(kq: KetQuaXet, thu_muc_mau: Path | None = None,
                   thong_bao: list[str] | None = None) -> KeHoachHoSo:
    """Every document of the dossiers with its context, every template checked against it; nothing written
    (``tong-ket`` renders them in its workers beside the year's documents)."""
    ds_ve: list[tuple[Path, BanVe]] = []
    cm = _ChiMuc.cua(kq)
    cac_danh_muc: dict[str, list[MucDanhMuc]] = {}
    theo_cap = ung_vien_trinh(kq)
    so_uv = 0
    cap_thu_muc: set[str] = set()
    for cap, ung_vien in theo_cap.items():
        ten_cap, _ = CAP_TRINH[cap]
        tm_cap = Path(ten_an_toan(ten_cap, cap_thu_muc))
        kq_cap = loc_theo_cap(kq, cap)
        muc: list[MucDanhMuc] = []
        ctx_tt = ngu_canh.to_trinh(kq_cap)
        ds_ve.append((tm_cap, BanVe("to_trinh", ctx_tt, "to-trinh.docx")))
        muc.append(MucDanhMuc("Tờ trình đề nghị khen thưởng (kèm danh sách)", "Cơ quan", "to-trinh.docx",
                              "Có — ghi số, ký, đóng dấu", True))
        if kq.du_lieu.kiem_phieu is not None:
            ctx_bb = dataclasses.replace(ngu_canh.bien_ban_hop(loc_theo_cap(kq, cap, chi_dat=False)),
                                         ten_loai="TRÍCH BIÊN BẢN", trich_yeu="Họp Hội đồng Thi đua – Khen thưởng xét "
                                         f"{ngu_canh.xet_gi(kq)} (phần đề nghị cấp trên khen thưởng)")
            ds_ve.append((tm_cap, BanVe("bien_ban_hop", ctx_bb, "trich-bien-ban-hop-hoi-dong.docx")))
            ds_ve.append((tm_cap, BanVe("bien_ban_kiem_phieu", ngu_canh.bien_ban_kiem_phieu(kq), "bien-ban-kiem-phieu.docx")))
            muc.append(MucDanhMuc("Trích biên bản họp Hội đồng TĐKT và kết quả bỏ phiếu", "Hội đồng",
                                  "trich-bien-ban-hop-hoi-dong.docx", "Có — chủ tọa, thư ký ký", True))
            muc.append(MucDanhMuc("Biên bản kiểm phiếu", "Ban kiểm phiếu", "bien-ban-kiem-phieu.docx",
                                  "Có — Ban kiểm phiếu ký", True))
        else:
            muc.append(MucDanhMuc("Biên bản họp Hội đồng TĐKT và kết quả bỏ phiếu", "Hội đồng", "",
                                  "Thiếu — chưa có kết quả bỏ phiếu (sheet PhieuBau hoặc KiemPhieu)", False))
        da_dung: set[str] = set()
        theo_qd: dict[tuple[int, str], list[tuple[str, str]]] = defaultdict(list)  # a CSTĐCS decision → whose
        # proposals rest on it
        for d, ks in ung_vien:
            so_uv += 1
            ten_tm = ten_an_toan(_ten(d), da_dung)
            tm = tm_cap / ten_tm
            mau, ctx = bao_cao_thanh_tich(kq, d, ks, cm)
            ten_bc = ten_an_toan(f"Báo cáo thành tích - {ten_tm}") + ".docx"
            ds_ve.append((tm, BanVe(mau, ctx, ten_bc)))
            cua = f"{_ten(d)} ({d.ma})"
            thieu = _thieu_du_lieu(ctx, _bien_mau(mau, thu_muc_mau))
            tinh_trang = _tinh_trang_bao_cao(ctx, d)
            if thieu:
                tinh_trang += "; dữ liệu còn thiếu: " + ", ".join(thieu)
            muc.append(MucDanhMuc(f"Báo cáo thành tích ({', '.join(k.danh_hieu.viet_tat for k in ks)})", cua,
                                  f"{ten_tm}/{ten_bc}", tinh_trang, True))
            if isinstance(d, CaNhan):
                nam_cs, can_sk = _can_cu_ca_nhan(kq, d, ks)
                for n in nam_cs:
                    theo_qd[(n, ngu_canh.qd_so(kq, d.ma, "CSTDCS", n))].append((d.ma, d.ho_ten))
                if ctx.sang_kien and can_sk:
                    muc.append(_ban_sao_sang_kien(ctx, cua))
        muc += _ban_sao_cstdcs(kq, theo_qd)
        cac_danh_muc[cap] = muc
        ds_ve.append((tm_cap, BanVe("danh_muc_ho_so", danh_muc(kq, cap, muc), "danh-muc-ho-so.docx")))
    kiem_tra_mau([b for _, b in ds_ve], thu_muc_mau, thong_bao)
    return KeHoachHoSo(ds_ve, cac_danh_muc, so_uv)


def ma_danh_hieu_trinh(kq: KetQuaXet) -> list[DanhHieu]:
    """The codes whose dossier goes upward on the round's decision date (params/tham_quyen)."""
    return [d for d in DANH_HIEU.values() if str(kq.ts(f"tham_quyen.{d.ma}")) != "so"]
