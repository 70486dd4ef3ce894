"""Validation (``thidua kiem-tra``): every problem in one pass, each with file, sheet, cell, a code, a severity
and a Vietnamese message that says how to fix it. The same pass builds the records the decision uses; nothing
is decided here. The one check that needs the decision (eligible candidates missing from the ballots) is made
by the decision itself (``xet.xet_sau_kiem_tra``), which adds its problems to this result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field, fields
from fractions import Fraction
from pathlib import Path
from typing import Any

from .danh_muc import (
    CA_NHAN,
    CUOI_NAM,
    LOAI_SANG_KIEN,
    TAP_THE,
    THUONG_XUYEN,
    DanhHieu,
    doc_gioi_tinh,
    doc_loai_dot,
    thu_tu_loai_don_vi,
)
from .doc_bang import BangTho, dien_o, doc_dau_vao, ghi_chu_o_gop, thong_bao_o_loi
from .doc_o import BoGom, LoiO, doc_o, nguon_dong, o_cot, thong_bao_o
from .kiem_tra_phieu import doc_hoi_dong, doc_hoi_dong_quyet, doc_phieu, doi_chieu_hoi_dong
from .kiem_tra_su_kien import (
    kiem_ca_nhan_moi,
    kiem_ma,
    kiem_mot_thanh_tich,
    kiem_ngay_tuyen_dung,
    kiem_ngay_tuyen_dung_hop_ly,
    kiem_truoc_cong_tac,
    thieu_ngay_tuyen_dung,
)
from .loi import CANH_BAO, LOI, GiaTriKhongHopLe, VanDe, sap_xep_van_de
from .mo_hinh import (
    CaNhan,
    DuLieu,
    LoiSoTheoDoi,
    MucKyLuat,
    MucLichSu,
    MucSangKien,
    NguonDong,
    SoTheoDoi,
    TapThe,
    ThongTin,
)
from .so_do import CA_NHAN as S_CA_NHAN
from .so_do import HOI_DONG as S_HOI_DONG
from .so_do import HOI_DONG_QUYET as S_HOI_DONG_QUYET
from .so_do import KIEM_PHIEU as S_KIEM_PHIEU
from .so_do import KY_LUAT_SHEET as S_KY_LUAT
from .so_do import LICH_SU as S_LICH_SU
from .so_do import LUON, Sheet
from .so_do import PHIEU_BAU as S_PHIEU_BAU
from .so_do import QUY_CHE as S_QUY_CHE
from .so_do import SANG_KIEN as S_SANG_KIEN
from .so_do import TAP_THE as S_TAP_THE
from .so_do import THONG_TIN as S_THONG_TIN
from .tham_so import BoThamSo, ThamSoApDung, bo_tham_so_mac_dinh, hien_thi_gia_tri
from .tieng_viet import khoa_so_khop
from .tieu_chuan import kha_nang_dat

SHEET_DON_VI = frozenset({S_CA_NHAN.ten, S_TAP_THE.ten, S_SANG_KIEN.ten})  # the sheets of a unit's own workbook


@dataclass
class KetQuaKiemTra:
    """What ``kiem-tra`` found, and the data ready for ``xet`` when nothing blocks."""

    van_de: list[VanDe]
    du_lieu: DuLieu | None
    tep: list[Path]
    bang: list[BangTho] = field(default_factory=list)
    so_dong: dict[str, int] = field(default_factory=dict)
    che_do: str = "cuoi_nam"
    bo: BoThamSo | None = None  # the parameters the round was validated with (the decision uses the same)

    @property
    def co_loi(self) -> bool:
        return any(v.muc_do == LOI for v in self.van_de)

    def as_dict(self) -> dict[str, Any]:
        return {"loi": [v.as_dict() for v in self.van_de]}


def kiem_tra(dau_vao: Sequence[Path], bo: BoThamSo | None = None, che_do: str = "cuoi_nam",
             nam_mac_dinh: int | None = None, song_song: Executor | None = None,
             trong_khi_cho: Callable[[], None] | None = None, tep_don_vi: bool = False) -> KetQuaKiemTra:
    """Read and validate every input. ``che_do`` is "cuoi_nam" (year-end: ThongTin required, ballots checked)
    or "dang_ky" (start of year: registrations only). ``song_song``: worker processes that may read the largest
    file meanwhile; ``trong_khi_cho``: called when this process waits for it (``doc_bang.doc_dau_vao``), which it
    then spends reading the staff and units of the files already read (``_DocTruoc``). ``tep_don_vi``: a unit's
    own files checked alone (``kiem-tra``) — when the inputs hold only unit sheets, the missing ThongTin is a note
    naming the checks that need the master file, not an error."""
    truoc: list[_DocTruoc] = []

    def cho(da_doc: list[BangTho]) -> None:
        if trong_khi_cho is not None:
            trong_khi_cho()
        truoc.append(_DocTruoc.doc(da_doc))

    bang, vd_doc, tep = doc_dau_vao(dau_vao, song_song, cho)
    return kiem_tra_bang(bang, vd_doc, tep, bo, che_do, nam_mac_dinh, truoc[0] if truoc else None, tep_don_vi)


@dataclass
class _DocTruoc:
    """The TapThe and CaNhan sheets read while a worker still reads the largest file (issue 15: 0.3 s of waiting
    at 20,000 staff), with a collector of their own. ``kiem_tra_bang`` takes them — their problems put where
    reading in order puts them — only when every TapThe and CaNhan table of the input is one of those read here,
    in the same order (the worker's file had none); else they are read again in order. The same records and
    problems either way (tested)."""

    bang: tuple[list[int], list[int]]  # id of each TapThe, CaNhan table read
    tap_the: list[TapThe]
    ca_nhan: list[CaNhan]
    g: BoGom

    @classmethod
    def doc(cls, bang: list[BangTho]) -> _DocTruoc:
        g = BoGom()
        tt = [b for b in bang if b.loai.ten == S_TAP_THE.ten]
        cn = [b for b in bang if b.loai.ten == S_CA_NHAN.ten]
        tap_the = _doc_tap_the(tt, g)
        return cls(([id(b) for b in tt], [id(b) for b in cn]), tap_the,
                   _doc_ca_nhan(cn, g, tap_the, _thieu_ma(tt)), g)

    def dung_cho(self, theo_loai: dict[str, list[BangTho]]) -> bool:
        return self.bang == ([id(b) for b in theo_loai[S_TAP_THE.ten]], [id(b) for b in theo_loai[S_CA_NHAN.ten]])


def kiem_tra_bang(bang: Sequence[BangTho], vd_doc: Sequence[VanDe], tep: Sequence[Path], bo: BoThamSo | None = None,
                  che_do: str = "cuoi_nam", nam_mac_dinh: int | None = None,
                  truoc: _DocTruoc | None = None, tep_don_vi: bool = False) -> KetQuaKiemTra:
    """Validate tables already read (``doc_bang.doc_sheet``): the sheets of a workbook open in xlwings Lite,
    where no file can be read. Same checks as :func:`kiem_tra`. ``truoc``: the staff and units already read
    (``kiem_tra`` while a worker read the largest file)."""
    bo = bo or bo_tham_so_mac_dinh()
    g = BoGom()
    g.van_de += vd_doc
    theo_loai: dict[str, list[BangTho]] = defaultdict(list)
    for b in bang:
        theo_loai[b.loai.ten].append(b)

    if tep_don_vi and bang and theo_loai.keys() <= SHEET_DON_VI:  # a unit officer's own file, checked alone
        g.them("chi_tep_don_vi", CANH_BAO, "Chỉ có tệp của đơn vị (không có sheet ThongTin của tệp tổng hợp): đã "
               "kiểm tra từng ô, mã, đơn vị, trùng lặp. Các kiểm tra cần năm xét và sổ theo dõi của cơ quan (ngày sinh, "
               "ngày tuyển dụng so với năm xét; danh hiệu đăng ký có còn đạt được; một thành tích một hình thức; phiếu "
               "bầu) chỉ chạy khi kiểm tra cùng tệp tổng hợp: thidua kiem-tra <tệp đơn vị> <tệp tổng hợp>.")
        thong_tin = None
    else:
        thong_tin = _doc_thong_tin(theo_loai[S_THONG_TIN.ten], g, che_do, nam_mac_dinh)
    quy_che = _doc_quy_che(theo_loai[S_QUY_CHE.ten], g, bo)
    if truoc is not None and truoc.dung_cho(theo_loai):
        tap_the, ca_nhan = truoc.tap_the, truoc.ca_nhan
        g.van_de += truoc.g.van_de
        g.o_sai |= truoc.g.o_sai
    else:
        tap_the = _doc_tap_the(theo_loai[S_TAP_THE.ten], g)
        ca_nhan = _doc_ca_nhan(theo_loai[S_CA_NHAN.ten], g, tap_the, _thieu_ma(theo_loai[S_TAP_THE.ten]))
    so_theo_doi = _doc_lich_su(theo_loai[S_LICH_SU.ten], g)
    _doc_sang_kien(theo_loai[S_SANG_KIEN.ten], g, so_theo_doi, thong_tin)
    _doc_ky_luat(theo_loai[S_KY_LUAT.ten], g, so_theo_doi, thong_tin)

    if not ca_nhan and not tap_the:
        g.them("thieu_sheet", LOI, "Không có dòng nào ở sheet CaNhan hoặc TapThe; cần danh sách cá nhân và tập thể "
               "(xem mẫu: thidua tao-mau).")
    if not theo_loai.get(S_TAP_THE.ten) and ca_nhan:  # (a defaultdict: reading the key above made it)
        g.them("thieu_sheet", LOI, "Thiếu sheet TapThe: cột Đơn vị của CaNhan phải ghi mã một tập thể ở sheet TapThe.")
    _kiem_mau_trong(bang, g)

    ts = None
    if thong_tin is not None:
        ngay = thong_tin.ngay_quyet_dinh
        chua_co = sorted((t for ten, t in bo.tham_so.items() if ten not in quy_che and t.cac_gia_tri[0][0] > ngay),
                         key=lambda t: t.cac_gia_tri[0][0], reverse=True)
        if chua_co:
            som_nhat = chua_co[0].cac_gia_tri[0][0]
            vi_du = chua_co[0].mo_ta[0].lower() + chua_co[0].mo_ta[1:]
            g.them("ngay_quyet_dinh", LOI, f"Ngày quyết định {ngay:%d/%m/%Y}: chưa có quy định để áp dụng cho "
                   f"{len(chua_co)} tham số (ví dụ {vi_du}); thidua áp dụng được cho ngày từ "
                   f"{som_nhat:%d/%m/%Y}. Kiểm tra lại Ngày quyết định ở sheet ThongTin.",
                   thong_tin_bang := next(iter(theo_loai[S_THONG_TIN.ten]), None), 0 if thong_tin_bang else None, 0)
        else:
            ts = bo.tai_ngay(ngay, quy_che)
    theo_tep = {(b.tep, b.ten_sheet): b for b in bang}
    _kiem_de_nghi(ca_nhan, tap_the, g, ts, thong_tin, so_theo_doi, che_do, theo_tep)
    kiem_ma(ca_nhan, tap_the, so_theo_doi, g, theo_tep)
    kiem_truoc_cong_tac(ca_nhan, so_theo_doi, g, theo_tep,
                        ts("tieu_chuan.LDTT.thang_tuyen_dung_toi_thieu") if ts is not None else None)
    if thong_tin is not None:
        can_cu_mot = (ts("can_cu.mot_thanh_tich") if ts is not None  # no law for that date: the latest citation
                      else bo["can_cu.mot_thanh_tich"].cac_gia_tri[-1][1])
        kiem_mot_thanh_tich(ca_nhan, tap_the, so_theo_doi, g, theo_tep, thong_tin.nam, can_cu_mot)
    kp = None
    hoi_dong = doc_hoi_dong(theo_loai[S_HOI_DONG.ten], g)
    hoi_dong_quyet = doc_hoi_dong_quyet(theo_loai[S_HOI_DONG_QUYET.ten], g, ca_nhan, tap_the)
    if thong_tin is not None:
        thong_tin = doi_chieu_hoi_dong(thong_tin, hoi_dong, g, theo_loai[S_THONG_TIN.ten])
    if che_do == "cuoi_nam" and thong_tin is not None:
        kp = doc_phieu(theo_loai[S_PHIEU_BAU.ten], theo_loai[S_KIEM_PHIEU.ten], g, thong_tin, ca_nhan, tap_the, ts,
                       hoi_dong)

    du_lieu = None
    if thong_tin is not None:
        du_lieu = DuLieu(thong_tin, ca_nhan, tap_the, so_theo_doi, kp, quy_che, hoi_dong, hoi_dong_quyet)
        if ts is not None and che_do == "cuoi_nam":
            v = canh_bao_ty_le_htxs(du_lieu, ts)
            if v:
                g.van_de.append(v)
    so_dong = {k: sum(len(b.dong) for b in v) for k, v in theo_loai.items() if v}  # the kinds the inputs hold
    return KetQuaKiemTra(sap_xep_van_de(ghi_chu_o_gop(dien_o(g.van_de, bang), bang)), du_lieu, list(tep), list(bang),
                         so_dong, che_do, bo)


def _kiem_mau_trong(bang: Sequence[BangTho], g: BoGom) -> None:
    """A unit's workbook whose CaNhan and TapThe hold no row: the unit may have sent the blank form (officer's
    review: it was only counted, "CaNhan 0 dòng"), so its people would silently miss the round."""
    dem: dict[str, list[BangTho]] = defaultdict(list)
    for b in bang:
        if b.loai.ten in (S_CA_NHAN.ten, S_TAP_THE.ten):
            dem[b.tep].append(b)
    for tep, ds in dem.items():
        if not any(b.dong for b in ds):
            b = ds[0]
            g.them("mau_trong", CANH_BAO, f"Tệp {Path(tep).name} có sheet "
                   + " và ".join(dict.fromkeys(x.ten_sheet for x in ds)) + " nhưng chưa có dòng nào: có thể đơn vị đã "
                   "gửi nhầm mẫu trống, người và tập thể của đơn vị sẽ không được xét. Hỏi lại đơn vị tệp đã điền; nếu "
                   "đơn vị không có đề nghị, bỏ tệp này khỏi thư mục.", b, b.dong_tieu_de + 1, 0)


def canh_bao_ty_le_htxs(du_lieu: DuLieu, ts: ThamSoApDung) -> VanDe | None:
    """ND 335/2025: HTXSNV ≤ 20 % of those rated HTTNV (a warning, department-wide)."""
    nguong: Fraction | None = ts("tieu_chuan.ty_le_HTXSNV_toi_da")
    if nguong is None:
        return None
    htxs = sum(1 for c in du_lieu.ca_nhan if c.xep_loai and c.xep_loai.ma == "HTXSNV")
    htt = sum(1 for c in du_lieu.ca_nhan if c.xep_loai and c.xep_loai.ma == "HTTNV")
    if htxs and htxs > nguong * htt:
        return VanDe("ty_le_htxsnv", CANH_BAO,
                     f"Có {htxs} người HTXSNV, vượt {hien_thi_gia_tri(nguong)} của {htt} người HTTNV "
                     f"(tối đa {int(nguong * htt)}) theo {ts.chi_tiet('tieu_chuan.ty_le_HTXSNV_toi_da').can_cu}; "
                     "kiểm tra lại xếp loại.", sheet="CaNhan")
    return None


# ---- sheets ---------------------------------------------------------------------------------------------------

def _doc_khoa_gia_tri(b: BangTho) -> list[tuple[int, int, object, int, object]]:
    """(row, key column, key, value column, value) of a key/value sheet. When a header row "Mục | Giá trị"
    exists, only the rows below it count (title rows above it are normal)."""
    cac: list[tuple[int, int, object, int, object]] = []
    for r, dong in b.dong:
        o = [(c, x) for c, x in enumerate(dong) if x not in ("", None)]
        if not o:
            continue
        c_k, k = o[0]
        c_v = c_k + 1
        v = dong[c_v] if c_v < len(dong) else ""
        if khoa_so_khop(k) in ("muc", "khoa", "thamso") and khoa_so_khop(v) == "giatri":
            cac = []  # header: forget the title rows above it
            continue
        cac.append((r, c_k, k, c_v, v))
    return cac


def _doc_thong_tin(ds: list[BangTho], g: BoGom, che_do: str, nam_mac_dinh: int | None) -> ThongTin | None:
    if not ds:
        if che_do == "dang_ky" and nam_mac_dinh:
            return ThongTin(nam=nam_mac_dinh, ngay_quyet_dinh=dt.date.today())  # no sheet: today's law
        g.them("thieu_sheet", LOI, "Thiếu sheet ThongTin (Năm, Cơ quan, Ngày quyết định…); thêm sheet này vào tệp "
               "tổng hợp (xem mẫu: thidua tao-mau).")
        return None
    if len(ds) > 1:
        for b in ds[1:]:
            g.them("thong_tin_trung", LOI, f"Có nhiều hơn một sheet ThongTin (đã có ở {Path(ds[0].tep).name}); chỉ "
                   "giữ một sheet ThongTin trong tất cả các tệp.", b, 0, 0)
    b = ds[0]
    gia_tri: dict[str, Any] = {}
    vi_tri: dict[str, tuple[int, int]] = {}
    sai: set[str] = set()  # the keys whose value could not be read (already reported)
    for r, _, k, c_v, v in _doc_khoa_gia_tri(b):
        cd = next((c for c in S_THONG_TIN.cot if c.khop(k)), None)
        if cd is None:
            if v not in ("", None):
                g.them("muc_la", CANH_BAO, f"Mục '{k}' không có trong mẫu ThongTin nên bị bỏ qua.", b, r, c_v - 1)
            continue
        vi_tri[cd.khoa] = (r, c_v)
        if (r, c_v) in b.o_loi:
            g.them("o_loi_cong_thuc", LOI, thong_bao_o_loi(b.o_loi[(r, c_v)]), b, r, c_v, cd.tieu_de)
            continue
        try:
            gia_tri[cd.khoa] = doc_o(cd, v)
        except LoiO as e:
            g.them("gia_tri_khong_hop_le", LOI, thong_bao_o(cd, e), b, r, c_v, cd.tieu_de)
            gia_tri[cd.khoa] = None
            sai.add(cd.khoa)
    loi = False
    bat_buoc = ["nam"] if che_do == "dang_ky" else [c.khoa for c in S_THONG_TIN.cot if c.bat_buoc == LUON]
    for khoa in bat_buoc:
        if khoa in sai:  # its wrong value is already said, at its cell: not "thiếu" as well (a newcomer's review)
            loi = loi or khoa == "nam"
            continue
        if gia_tri.get(khoa) in (None, ""):
            cd = S_THONG_TIN.cot_theo_khoa(khoa)
            r, c = vi_tri.get(khoa, (0, 1))
            g.them("thieu_gia_tri", LOI, f"ThongTin thiếu '{cd.tieu_de}' ({cd.huong_dan}).", b, r, c, cd.tieu_de)
            loi = loi or khoa == "nam"
    nam = gia_tri.get("nam")
    if nam is not None and not 2000 <= nam <= 2100:
        r, c = vi_tri["nam"]
        g.them("gia_tri_khong_hop_le", LOI, f"Năm {nam} không hợp lệ; ghi năm của thành tích, ví dụ 2025.", b, r, c, "Năm")
        loi = True
    if loi or nam is None:
        return None
    ngay_qd = gia_tri.get("ngay_quyet_dinh") or dt.date.today()
    if ngay_qd.year < nam:
        r, c = vi_tri["ngay_quyet_dinh"]
        g.them("gia_tri_khong_hop_le", LOI, f"Ngày quyết định {ngay_qd:%d/%m/%Y} trước năm xét {nam}; kiểm tra lại.",
               b, r, c, "Ngày quyết định")
    tv, cm = gia_tri.get("so_thanh_vien"), gia_tri.get("so_co_mat")
    if tv is not None and cm is not None and cm > tv:
        r, c = vi_tri["so_co_mat"]
        g.them("co_mat_qua_tong", LOI, f"Số thành viên có mặt ({cm}) lớn hơn tổng số thành viên Hội đồng ({tv}).",
               b, r, c, "Số thành viên có mặt")
    # every key of the sheet whose ``khoa`` names a field of ThongTin fills it (blank → the field's default)
    truong = {f.name for f in fields(ThongTin)}
    gia_tri_tt = {k: v for k, v in gia_tri.items() if k in truong and v not in (None, "")}
    if "co_quan" in gia_tri_tt:
        gia_tri_tt["ten_co_quan_goc"] = str(gia_tri_tt["co_quan"])
    for khoa in ("co_quan_chu_quan", "co_quan", "chuc_vu_nguoi_ky"):  # printed in capitals on the documents
        if khoa in gia_tri_tt:
            gia_tri_tt[khoa] = str(gia_tri_tt[khoa]).upper()
    if "loai_dot" in gia_tri_tt:
        r, c = vi_tri["loai_dot"]
        try:
            gia_tri_tt["loai_dot"] = doc_loai_dot(gia_tri_tt["loai_dot"])
        except GiaTriKhongHopLe as e:
            g.them("gia_tri_khong_hop_le", LOI, e.thong_bao, b, r, c, "Loại đợt")
            del gia_tri_tt["loai_dot"]
    if gia_tri_tt.get("loai_dot", CUOI_NAM) != CUOI_NAM and not gia_tri_tt.get("ten_dot"):
        r, c = vi_tri.get("ten_dot", vi_tri["loai_dot"])
        g.them("thieu_gia_tri", LOI, f"Đợt {gia_tri_tt['loai_dot'].lower()} cần 'Tên đợt' ở sheet ThongTin (ghi vào "
               "trích yếu quyết định), ví dụ: Chuyên đề chuyển đổi số năm 2026.", b, r, c, "Tên đợt")
    if che_do == "cuoi_nam" and gia_tri_tt.get("loai_dot", CUOI_NAM) == CUOI_NAM and nam <= ngay_qd.year \
            and ngay_qd < dt.date(nam, THANG_SOM_NHAT_CUOI_NAM, 1) and "ngay_quyet_dinh" in vi_tri:
        r, c = vi_tri["ngay_quyet_dinh"]  # a clerk's review: year-2025 titles decided on 20/06/2025 passed unnoticed
        g.them("ngay_quyet_dinh_som", CANH_BAO, f"Ngày quyết định {ngay_qd:%d/%m/%Y} còn giữa năm xét {nam}: danh "
               f"hiệu năm {nam} được xét khi tổng kết năm (thường tháng 12 năm {nam} hoặc đầu năm {nam + 1}). Kiểm "
               "tra lại Năm và Ngày quyết định (đợt chuyên đề, đột xuất: ghi Loại đợt).", b, r, c, "Ngày quyết định")
    for khoa in ("can_cu_chuc_nang", "can_cu_quy_che_tinh", "can_cu_quy_che_co_quan", "can_cu_ke_hoach"):
        ngay_cc = _ngay_trong_cau(str(gia_tri_tt.get(khoa) or ""))
        if ngay_cc is not None and ngay_cc > ngay_qd and khoa in vi_tri:
            r, c = vi_tri[khoa]
            g.them("can_cu_sau_quyet_dinh", CANH_BAO, f"Văn bản căn cứ ghi ngày {ngay_cc:%d/%m/%Y}, sau Ngày quyết định "
                   f"{ngay_qd:%d/%m/%Y}: một quyết định không căn cứ văn bản ban hành sau nó. Kiểm tra lại ngày của văn "
                   "bản, hoặc Ngày quyết định.", b, r, c, S_THONG_TIN.cot_theo_khoa(khoa).tieu_de)
    gia_tri_tt.update(nam=nam, ngay_quyet_dinh=ngay_qd, nguon=b.tep)
    return ThongTin(**gia_tri_tt)


THANG_SOM_NHAT_CUOI_NAM = 10  # a year-end decision dated before October of the year is flagged
_NGAY_CHU = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.I)


def _ngay_trong_cau(cau: str) -> dt.date | None:
    """The first date a căn cứ line gives ("ngày 30 tháng 6 năm 2025", "ngày 30/6/2025"), or None."""
    m = _NGAY_CHU.search(cau.replace("\u00a0", " "))
    if m is None:
        return None
    d, t, n = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    try:
        return dt.date(int(n), int(t), int(d))
    except ValueError:
        return None


def _doc_quy_che(ds: list[BangTho], g: BoGom, bo: BoThamSo) -> dict[str, Any]:
    ket_qua: dict[str, Any] = {}
    for b in ds:
        for r, c_k, k, c_v, v in _doc_khoa_gia_tri(b):
            if v in ("", None):
                continue  # blank: the legal default applies
            try:
                ten, gt = bo.doc_mot_dong_quy_che(k, v)
            except GiaTriKhongHopLe as e:
                la_khoa = "không có" in e.thong_bao
                g.them("quy_che_khoa_la" if la_khoa else "quy_che_gia_tri", LOI, e.thong_bao, b, r,
                       c_k if la_khoa else c_v)
                continue
            ket_qua[ten] = gt
    return ket_qua


def _cac_dong(ds: list[BangTho], g: BoGom, s: Sheet, bat_buoc: tuple[str, ...], ten: str,
              loai: str) -> Iterator[tuple[BangTho, int, dict[str, Any]]]:
    """The rows of a CaNhan/TapThe sheet, read: blank rows skipped, missing required values and duplicate IDs
    (across every file) reported; yields (table, row, values) for each row with a new ID."""
    da_co: dict[str, tuple[BangTho, int, dict[str, Any]]] = {}  # the fields a duplicate's message names, not all
    mot, hai = bat_buoc[:2]
    for b in ds:
        for r, dong in b.dong:
            d: dict[str, Any] = {}
            g.doc_dong(b, r, dong, d)
            if not (d.get(mot) or d.get(hai)):
                continue
            for khoa in bat_buoc:
                if not d.get(khoa) and khoa in b.cot:  # a column missing from the header is said once (thieu_cot),
                    cd = s.cot_theo_khoa(khoa)         # not on every row (a newcomer's review: 25 "Thiếu Mã CB.")
                    g.them("thieu_gia_tri", LOI, f"Thiếu {cd.tieu_de}.", b, r, o_cot(b, khoa), cd.tieu_de)
            if not d.get("ma"):
                continue
            if d["ma"] in da_co:
                b0, r0, d0 = da_co[d["ma"]]
                g.them("trung_ma", LOI, _thong_bao_trung_ma(ten, loai, d["ma"], (b0, r0, d0), (b, r, d)), b, r,
                       o_cot(b, "ma"), ten)
                continue
            da_co[d["ma"]] = (b, r, {k: d.get(k) for k in _TRUONG_TRUNG_MA})
            yield b, r, d


_TRUONG_TRUNG_MA = ("don_vi", "ho_ten", "ten", "xep_loai")  # what _thong_bao_trung_ma reads of the first row


def _xep_loai(x: Any) -> str:
    return x.ma if x is not None else "chưa xếp loại"


def _thong_bao_trung_ma(ten: str, loai: str, ma: str, truoc: tuple[BangTho, int, dict[str, Any]],
                        sau: tuple[BangTho, int, dict[str, Any]]) -> str:
    """Two rows with one ID: where both are, what differs (unit, name spelling, rating), and the fix — for a
    person listed by the unit they left and the one they joined, remove the old unit's row."""
    (b0, r0, d0), (_b, _r, d) = truoc, sau
    noi = f"{Path(b0.tep).name}, sheet {b0.ten_sheet}, dòng {r0 + 1}"
    khoa_ten = "ho_ten" if loai == "người" else "ten"
    khac = []
    if (d0.get("don_vi") or "") != (d.get("don_vi") or ""):
        khac.append(f"đơn vị {d0.get('don_vi') or '(trống)'} ở dòng kia, {d.get('don_vi') or '(trống)'} ở dòng này")
    if (d0.get(khoa_ten) or "") != (d.get(khoa_ten) or ""):
        khac.append(f"tên ghi '{d0.get(khoa_ten) or ''}' ở dòng kia, '{d.get(khoa_ten) or ''}' ở dòng này")
    if d0.get("xep_loai") != d.get("xep_loai"):
        khac.append(f"xếp loại {_xep_loai(d0.get('xep_loai'))} ở dòng kia, {_xep_loai(d.get('xep_loai'))} ở dòng này")
    chi_tiet = (" Khác nhau: " + "; ".join(khac) + ".") if khac else ""
    if loai == "người" and (d0.get("don_vi") or "") != (d.get("don_vi") or ""):
        cach_sua = ("Một người chỉ do một đơn vị đề nghị: nếu người này đã chuyển đơn vị, xóa dòng ở đơn vị cũ và giữ "
                    "dòng ở đơn vị hiện tại (xếp loại, tên theo đơn vị hiện tại); nếu là hai người khác nhau, sửa Mã CB "
                    "của một người.")
    else:
        cach_sua = f"Xóa dòng thừa (mỗi {loai} một dòng); nếu là hai {loai} khác nhau, sửa mã của một bên."
    return f"{ten} '{ma}' đã có ở {noi}.{chi_tiet} {cach_sua}"


def _doc_tap_the(ds: list[BangTho], g: BoGom) -> list[TapThe]:
    """The collectives, in the department's order: as listed when one sheet lists them all; when each unit sent its
    own file, by the kind of unit (``danh_muc.thu_tu_loai_don_vi``), in file order within a kind."""
    ra = [TapThe(d["ma"], d.get("ten") or "", d.get("xep_loai"), d.get("khoi") or "", d.get("diem"),
                 d.get("dang_ky") or (), d.get("de_nghi") or (), d.get("ghi_chu") or "", nguon_dong(b, r),
                 bool(d.get("dang_xem_xet")), thanh_tich=d.get("thanh_tich") or "")
          for b, r, d in _cac_dong(ds, g, S_TAP_THE, ("ma", "ten"), "Mã đơn vị", "tập thể")]
    if len({t.nguon.tep for t in ra if t.nguon is not None}) > 1:
        ra.sort(key=lambda t: thu_tu_loai_don_vi(t.ten))
    return ra


def _thieu_ma(ds: list[BangTho]) -> bool:
    """Whether a table of these has no code column (its ``thieu_cot`` error said so): its rows were not read."""
    return any("ma" not in b.cot for b in ds)


def _doc_ca_nhan(ds: list[BangTho], g: BoGom, tap_the: list[TapThe], tap_the_thieu_ma: bool = False) -> list[CaNhan]:
    """``tap_the_thieu_ma``: a TapThe table lost its code column — a unit it held is not "không có ở TapThe" on every
    one of its people's rows (a newcomer's review: 24 such errors after the one that matters)."""
    theo_ma = {t.ma: t.ma for t in tap_the}
    theo_ten = {khoa_so_khop(t.ten, giu_dau=True): t.ma for t in tap_the}
    ket_qua: list[CaNhan] = []
    nguoi: dict[tuple[str, dt.date], CaNhan] = {}
    dinh_danh: dict[str, tuple[str, BangTho, int]] = {}
    for b, r, d in _cac_dong(ds, g, S_CA_NHAN, ("ma", "ho_ten", "don_vi"), "Mã CB", "người"):
        don_vi = d.get("don_vi") or ""
        if don_vi and tap_the:
            ma_dv = theo_ma.get(don_vi) or theo_ten.get(khoa_so_khop(don_vi, giu_dau=True))
            if ma_dv is None and not tap_the_thieu_ma:
                g.them("don_vi_khong_co", LOI, f"Đơn vị '{don_vi}' không có ở sheet TapThe; ghi đúng Mã đơn vị "
                       "hoặc Tên tập thể.", b, r, o_cot(b, "don_vi"), "Đơn vị")
            else:
                don_vi = ma_dv
        gioi_tinh = d.get("gioi_tinh") or ""
        if gioi_tinh:
            chuan = doc_gioi_tinh(gioi_tinh)
            if chuan is None:  # the law's tie priority for women reads it: a doubtful value is said, not guessed
                g.them("gioi_tinh", CANH_BAO, f"Giới tính '{gioi_tinh}' không rõ: ghi Nam hoặc Nữ (giới tính dùng để ưu "
                       "tiên nữ khi bằng phiếu tại điểm cắt chỉ tiêu); thidua chưa coi người này là nữ.", b, r,
                       o_cot(b, "gioi_tinh"), "Giới tính")
            else:
                gioi_tinh = chuan
        cn = CaNhan(d["ma"], d.get("ho_ten") or "", don_vi, d.get("chuc_vu") or "", gioi_tinh,
                    d.get("ngay_sinh"), d.get("ngay_tuyen_dung"), d.get("xep_loai"), d.get("ky_luat"),
                    d.get("sang_kien"), d.get("de_tai"), d.get("dang_ky") or (), d.get("de_nghi") or (),
                    bool(d.get("dang_xem_xet")), d.get("ghi_chu") or "", nguon_dong(b, r),
                    d.get("ngay_vao_co_quan"), d.get("co_quan_truoc") or "", d.get("nghi") or (),
                    d.get("so_dinh_danh") or "", thanh_tich=d.get("thanh_tich") or "")
        if cn.so_dinh_danh:
            if cn.so_dinh_danh in dinh_danh:
                ma0, b0, r0 = dinh_danh[cn.so_dinh_danh]
                g.them("trung_dinh_danh", LOI, f"Số định danh cá nhân {cn.so_dinh_danh} của {cn.ma} trùng với {ma0} "
                       f"({b0.ten_sheet}!{b0.o(r0, o_cot(b0, 'so_dinh_danh'))}, tệp {Path(b0.tep).name}); mỗi người "
                       "một số định danh — kiểm tra lại số của một trong hai người.", b, r, o_cot(b, "so_dinh_danh"),
                       "Số định danh cá nhân")
            else:
                dinh_danh[cn.so_dinh_danh] = (cn.ma, b, r)
        if cn.ngay_sinh and cn.ho_ten:
            khoa = (khoa_so_khop(cn.ho_ten, giu_dau=True), cn.ngay_sinh)
            truoc = nguoi.get(khoa)
            if truoc is not None and truoc.don_vi != cn.don_vi:
                n0 = truoc.nguon
                noi = f" ({Path(n0.tep).name}, sheet {n0.sheet}, dòng {n0.dong})" if n0 else ""
                g.them("trung_nguoi", CANH_BAO, f"{cn.ho_ten} (sinh {cn.ngay_sinh:%d/%m/%Y}) có ở cả đơn vị "
                       f"{truoc.don_vi} (mã {truoc.ma}, tên ghi '{truoc.ho_ten}', xếp loại "
                       f"{_xep_loai(truoc.xep_loai)}){noi} và đơn vị {cn.don_vi} (mã {cn.ma}, tên ghi '{cn.ho_ten}', xếp "
                       f"loại {_xep_loai(cn.xep_loai)}). Nếu là một người đã chuyển đơn vị, xóa dòng ở đơn vị cũ; nếu là "
                       "hai người khác nhau trùng họ tên và ngày sinh, bỏ qua cảnh báo này.", b, r, o_cot(b, "ho_ten"),
                       "Họ và tên")
            nguoi.setdefault(khoa, cn)
        ket_qua.append(cn)
    return ket_qua


def _doc_lich_su(ds: list[BangTho], g: BoGom) -> SoTheoDoi:
    so = SoTheoDoi()
    for b in ds:
        for r, dong in b.dong:
            d: dict[str, Any] = {}
            g.doc_dong(b, r, dong, d)
            if not d.get("ma") or d.get("nam") is None:
                sai = any((b.tep, b.ten_sheet, r + 1, k) in g.o_sai for k in ("ma", "nam"))
                if (d.get("ma") or d.get("nam") is not None) and not sai:  # a wrong value is said at its cell
                    g.them("thieu_gia_tri", LOI, "Dòng sổ theo dõi cần cả Mã và Năm.", b, r, 0)
                continue
            try:
                so.them(MucLichSu(d["ma"], d["nam"], d.get("danh_hieu"), d.get("so_quyet_dinh") or "",
                                  d.get("ngay_quyet_dinh"), d.get("co_quan") or "", d.get("xep_loai"),
                                  d.get("sang_kien"), d.get("ky_luat"), nguon_dong(b, r),
                                  d.get("loai_khen_thuong") or THUONG_XUYEN, ten_dot=d.get("ten_dot") or ""))
            except LoiSoTheoDoi as e:
                g.them("lich_su_trung", LOI, e.thong_bao, b, r, o_cot(b, e.khoa), S_LICH_SU.cot_theo_khoa(e.khoa).tieu_de)
    return so


def _cac_dong_so(ds: list[BangTho], g: BoGom, s: Sheet) -> Iterator[tuple[BangTho, int, dict[str, Any]]]:
    """The non-blank rows of a register sheet (SangKien, KyLuat), with required values reported missing."""
    bat_buoc = [c.khoa for c in s.cot if c.bat_buoc == LUON]
    for b in ds:
        for r, dong in b.dong:
            if not any(x not in ("", None) for x in dong):
                continue
            d: dict[str, Any] = {}
            g.doc_dong(b, r, dong, d)
            thieu = [k for k in bat_buoc if d.get(k) in (None, "") and (b.tep, b.ten_sheet, r + 1, k) not in g.o_sai]
            for k in thieu:
                cd = s.cot_theo_khoa(k)
                g.them("thieu_gia_tri", LOI, f"Thiếu {cd.tieu_de}" + (f" ({cd.huong_dan})." if cd.huong_dan else "."),
                       b, r, o_cot(b, k), cd.tieu_de)
            if any(d.get(k) in (None, "") for k in bat_buoc):
                continue
            yield b, r, d


def _doc_sang_kien(ds: list[BangTho], g: BoGom, so: SoTheoDoi, tt: ThongTin | None) -> None:
    """SangKien: several initiatives per person and year; the same title twice for the same author and year is
    an error; a year after the round's year is an error."""
    da_co: dict[tuple[str, int, str], tuple[BangTho, int]] = {}
    for b, r, d in _cac_dong_so(ds, g, S_SANG_KIEN):
        if tt is not None and d["nam"] > tt.nam:
            g.them("gia_tri_khong_hop_le", LOI, f"Năm {d['nam']} sau năm xét {tt.nam}; sáng kiến chỉ được tính cho "
                   "năm đã được công nhận — kiểm tra lại.", b, r, o_cot(b, "nam"), "Năm")
            continue
        khoa = (d["ma"], d["nam"], khoa_so_khop(d["ten"], giu_dau=True))
        if khoa in da_co:
            b0, r0 = da_co[khoa]
            g.them("sang_kien_trung", LOI, f"Sáng kiến «{d['ten']}» của {d['ma']} năm {d['nam']} đã có ở "
                   f"{b0.ten_sheet}!{b0.o(r0, o_cot(b0, 'ten'))} (tệp {Path(b0.tep).name}); xóa dòng trùng.",
                   b, r, o_cot(b, "ten"), "Tên")
            continue
        da_co[khoa] = (b, r)
        ngay = d.get("ngay")
        if ngay is not None and ngay.year < d["nam"]:
            g.them("gia_tri_khong_hop_le", LOI, f"Ngày công nhận {ngay:%d/%m/%Y} trước năm {d['nam']} của sáng kiến; "
                   "kiểm tra lại Năm hoặc Ngày.", b, r, o_cot(b, "ngay"), "Ngày")
            continue
        so.them_sang_kien(MucSangKien(d["ma"], d["nam"], d["ten"], d.get("loai") or LOAI_SANG_KIEN["SANG_KIEN"],
                                      d["cap"], d.get("so_quyet_dinh") or "", ngay, nguon_dong(b, r)))


def _doc_ky_luat(ds: list[BangTho], g: BoGom, so: SoTheoDoi, tt: ThongTin | None) -> None:
    """KyLuat: dates must be in order; the year of the act cannot follow the decision."""
    for b, r, d in _cac_dong_so(ds, g, S_KY_LUAT):
        ngay, nam_vp, het = d.get("ngay_quyet_dinh"), d.get("nam_vi_pham"), d.get("ngay_het_hieu_luc")
        if ngay is None and nam_vp is None:
            g.them("thieu_gia_tri", LOI, "Dòng kỷ luật cần Ngày quyết định (hoặc ít nhất Năm vi phạm) để biết năm bị "
                   "kỷ luật.", b, r, o_cot(b, "ngay_quyet_dinh"), "Ngày quyết định")
            continue
        if nam_vp is not None and not 1990 <= nam_vp <= 2100:
            g.them("gia_tri_khong_hop_le", LOI, f"Năm vi phạm {nam_vp} không hợp lệ; ghi năm, ví dụ 2025.", b, r,
                   o_cot(b, "nam_vi_pham"), "Năm vi phạm")
            continue
        if ngay is not None and nam_vp is not None and nam_vp > ngay.year:
            g.them("gia_tri_khong_hop_le", LOI, f"Năm vi phạm {nam_vp} sau Ngày quyết định {ngay:%d/%m/%Y}; kiểm tra "
                   "lại.", b, r, o_cot(b, "nam_vi_pham"), "Năm vi phạm")
            continue
        if ngay is not None and het is not None and het <= ngay:
            g.them("gia_tri_khong_hop_le", LOI, f"Ngày hết hiệu lực {het:%d/%m/%Y} không sau Ngày quyết định "
                   f"{ngay:%d/%m/%Y}; kiểm tra lại.", b, r, o_cot(b, "ngay_het_hieu_luc"), "Ngày hết hiệu lực")
            continue
        if tt is not None and ngay is not None and ngay > tt.ngay_quyet_dinh:
            g.them("gia_tri_khong_hop_le", CANH_BAO, f"Quyết định kỷ luật ngày {ngay:%d/%m/%Y} sau Ngày quyết định "
                   f"khen thưởng {tt.ngay_quyet_dinh:%d/%m/%Y}; vẫn được tính — kiểm tra lại nếu gõ nhầm.", b, r,
                   o_cot(b, "ngay_quyet_dinh"), "Ngày quyết định")
        so.them_ky_luat(MucKyLuat(d["ma"], d["hinh_thuc"], d.get("so_quyet_dinh") or "", ngay, nam_vp, het,
                                  nguon_dong(b, r)))


def _kiem_de_nghi(ca_nhan: list[CaNhan], tap_the: list[TapThe], g: BoGom, ts: ThamSoApDung | None,
                  tt: ThongTin | None, so: SoTheoDoi | None, che_do: str,
                  theo_tep: dict[tuple[str, str], BangTho]) -> None:
    """Row-level rules on proposals and registrations. ``so`` is the ledger, None when unknown (a bare
    selection in Excel): then no registration reachability note is made."""
    bat_buoc_dk = bool(ts("dang_ky.bat_buoc")) if ts is not None else False
    can_cu_dk = ts.chi_tiet("dang_ky.bat_buoc").can_cu if ts is not None else ""
    doi_tuong: list[tuple[CaNhan | TapThe, str, Sheet]] = [(c, CA_NHAN, S_CA_NHAN) for c in ca_nhan]
    doi_tuong += [(t, TAP_THE, S_TAP_THE) for t in tap_the]
    thieu_cot_xl: set[tuple[str, str]] = set()  # tables without a Xếp loại column, already reported
    thieu_cot_td: dict[tuple[str, str], list[str]] = {}  # tables without a Ngày tuyển dụng column: who needs it
    for dt_, loai, s in doi_tuong:
        n = dt_.nguon
        if n is None:
            continue
        ten_loai = "cá nhân" if loai == CA_NHAN else "tập thể"

        def them(ma_loi: str, muc_do: str, thong_bao: str, khoa: str, _n: NguonDong = n, _s: Sheet = s) -> None:
            b = theo_tep.get((_n.tep, _n.sheet))
            o = b.o(_n.dong - 1, b.cot[khoa]) if b is not None and khoa in b.cot else ""
            g.van_de.append(VanDe(ma_loi, muc_do, thong_bao, _n.tep, _n.sheet, o, _n.dong, _s.cot_theo_khoa(khoa).tieu_de))

        for khoa in ("dang_ky", "de_nghi"):
            for dh in getattr(dt_, khoa):
                if loai not in dh.doi_tuong:
                    them("sai_doi_tuong", LOI, f"{dh.viet_tat} không dành cho {ten_loai}; chọn "
                         + ", ".join(x.viet_tat for x in _danh_hieu_cho(loai)) + ".", khoa)
        if che_do == "cuoi_nam" and tt is not None and not tt.cuoi_nam:
            _kiem_de_nghi_theo_dot(dt_, tt, them, str(ts("can_cu.danh_hieu_cuoi_nam")) if ts is not None else "")
        elif che_do == "cuoi_nam":
            bt = theo_tep.get((n.tep, n.sheet))
            if dt_.de_nghi and dt_.xep_loai is None and bt is not None and "xep_loai" not in bt.cot:
                if (n.tep, n.sheet) not in thieu_cot_xl:  # the column itself is missing: said once, at the header
                    thieu_cot_xl.add((n.tep, n.sheet))    # (a newcomer's review: 23 row errors at column A)
                    g.van_de.append(VanDe("thieu_cot", LOI, f"Thiếu cột 'Xếp loại' ở dòng tiêu đề (dòng "
                                          f"{bt.dong_tieu_de + 1}): xét cuối năm cần xếp loại của mỗi người có đề nghị; "
                                          "thêm cột này (HTXSNV, HTTNV, HTNV, KHTNV) hoặc sửa tên cột cho đúng mẫu.",
                                          n.tep, n.sheet, bt.o(bt.dong_tieu_de, 0), bt.dong_tieu_de + 1, "Xếp loại"))
            elif dt_.de_nghi and dt_.xep_loai is None and (n.tep, n.sheet, n.dong, "xep_loai") not in g.o_sai:
                them("thieu_xep_loai", LOI, f"Có đề nghị {', '.join(d.viet_tat for d in dt_.de_nghi)} nhưng chưa có "
                     "Xếp loại; ghi HTXSNV, HTTNV, HTNV hoặc KHTNV.", "xep_loai")
            if isinstance(dt_, CaNhan) and bt is not None and "ngay_tuyen_dung" not in bt.cot:
                if thieu_ngay_tuyen_dung(dt_):  # no such column at all: said once, at the header (below)
                    thieu_cot_td.setdefault((n.tep, n.sheet), []).append(dt_.ma)
            elif isinstance(dt_, CaNhan):
                kiem_ngay_tuyen_dung(dt_, them)
            for dh in dt_.de_nghi:  # titles are registered; forms of commendation (GK, BK tỉnh) are not
                if dh not in dt_.dang_ky and loai in dh.doi_tuong and not dh.la_hinh_thuc:
                    them("chua_dang_ky", LOI if bat_buoc_dk else CANH_BAO,
                         f"Đề nghị {dh.viet_tat} nhưng chưa đăng ký từ đầu năm"
                         + (f" (bắt buộc đăng ký{f': {can_cu_dk}' if can_cu_dk else ''})." if bat_buoc_dk
                            else f" ({f'{can_cu_dk}: ' if can_cu_dk else ''}đăng ký không còn là điều kiện; chỉ lưu ý)."),
                         "de_nghi")  # no citation without ThongTin (a unit's file alone): none, not "(: …"
        if isinstance(dt_, CaNhan):
            kiem_ngay_tuyen_dung_hop_ly(dt_, tt.nam if tt is not None else None, them)
        if isinstance(dt_, CaNhan) and tt is not None:
            if dt_.ngay_tuyen_dung and dt_.ngay_tuyen_dung.year > tt.nam:
                them("ngay_tuyen_dung", LOI, f"Ngày tuyển dụng {dt_.ngay_tuyen_dung:%d/%m/%Y} sau năm xét {tt.nam}; "
                     "kiểm tra lại.", "ngay_tuyen_dung")
            kiem_ca_nhan_moi(dt_, tt, them)
            if dt_.ngay_sinh:
                tuoi = tt.nam - dt_.ngay_sinh.year
                if not 16 <= tuoi <= 75:
                    them("ngay_sinh", LOI, f"Ngày sinh {dt_.ngay_sinh:%d/%m/%Y} cho tuổi {tuoi} vào năm {tt.nam}, "
                         "không hợp lý; kiểm tra lại.", "ngay_sinh")
        if (che_do == "dang_ky" or dt_.la_dang_ky) and tt is not None and ts is not None and so is not None \
                and isinstance(dt_, CaNhan):
            for dh in dt_.dang_ky:
                ly_do = ghi_chu_kha_nang(dt_, dh, tt.nam, so, ts)
                if ly_do:
                    them("kho_dat", CANH_BAO, f"Đăng ký {dh.viet_tat}: {ly_do}", "dang_ky")
    for (tep, sheet), ma in thieu_cot_td.items():
        bt = theo_tep[(tep, sheet)]
        g.van_de.append(VanDe("thieu_cot_ngay_tuyen_dung", CANH_BAO, f"Sheet không có cột 'Ngày tuyển dụng': {len(ma)} người "
                              f"đề nghị LĐTT, CSTĐCS (mã {', '.join(ma[:5])}{' …' if len(ma) > 5 else ''}) không tính được "
                              "thời gian công tác tối thiểu, khi xét sẽ coi như đủ. Thêm cột Ngày tuyển dụng (dd/mm/yyyy).",
                              tep, sheet, bt.o(bt.dong_tieu_de, 0), bt.dong_tieu_de + 1, "Ngày tuyển dụng"))


def _kiem_de_nghi_theo_dot(dt_: CaNhan | TapThe, tt: ThongTin, them: Any, can_cu: str) -> None:
    """A chuyên đề or đột xuất round (Law 2022 Art. 8(2)–(3)): only forms of commendation (GK, BK tỉnh) are
    proposed — titles are considered once a year, at the year-end round (Law 2022 Art. 21–28) — and they reward
    the achievement named in ``Thành tích``, not the yearly rating, which is therefore not asked for."""
    if not dt_.de_nghi:
        return
    danh_hieu = [d for d in dt_.de_nghi if not d.la_hinh_thuc]
    if danh_hieu:
        them("danh_hieu_ngoai_dot", LOI, f"Đợt {tt.loai_dot.lower()} '{tt.ten_dot}' chỉ xét hình thức khen thưởng "
             "(Giấy khen, Bằng khen); danh hiệu " + ", ".join(d.viet_tat for d in danh_hieu) + " chỉ xét ở đợt cuối "
             f"năm{f' ({can_cu})' if can_cu else ''}. Bỏ khỏi cột Đề nghị hoặc đổi Loại đợt.", "de_nghi")
    if not dt_.thanh_tich:
        them("thieu_thanh_tich", CANH_BAO, f"Chưa ghi Thành tích của đề nghị trong đợt '{tt.ten_dot}': quyết định và "
             f"giấy khen sẽ ghi câu chung \"Đã có thành tích xuất sắc trong {tt.ten_dot}\". Ghi thành tích riêng vào "
             "cột Thành tích.", "thanh_tich")


def _danh_hieu_cho(loai: str) -> list[DanhHieu]:
    from .danh_muc import DANH_HIEU

    return [d for d in DANH_HIEU.values() if loai in d.doi_tuong]


def ghi_chu_kha_nang(cn: CaNhan, dh: DanhHieu, nam: int, so: SoTheoDoi, ts: ThamSoApDung) -> str:
    """The note for a registered target that cannot be reached at the end of ``nam`` whatever the year brings,
    given the ledger; "" when it can. The title's own criteria decide (``tieu_chuan.kha_nang_dat``: the same
    functions and parameters as the decision), so the note follows the params — e.g. the number of CSTĐCS years
    a CSTĐ tỉnh needs. Shown by ``kiem-tra``, ``dang-ky``, the add-in's button and TD_KIEMTRA."""
    dg = kha_nang_dat(cn, dh, nam, so, ts)
    if dg.du_dieu_kien:
        return ""
    sai = [t for t in dg.tieu_chi if not t.dat]
    can_cu = "; ".join(dict.fromkeys(t.can_cu for t in sai if t.can_cu))
    return "chưa thể đạt vào cuối năm: " + "; ".join(t.noi_dung for t in sai) + (f" ({can_cu})." if can_cu else ".")


# ---- ballots --------------------------------------------------------------------------------------------------

def kiem_tra_vung(vung: Sequence[Sequence[object]], dong_dau: int = 1, ten: str = "Vùng chọn",
                  ngay: dt.date | None = None, so_theo_doi: SoTheoDoi | None = None, nam: int | None = None,
                  bo: BoThamSo | None = None) -> list[VanDe]:
    """Validate a bare range with its header row (an Excel selection of CaNhan or TapThe rows): values, codes,
    duplicates and row-level rules. ``dong_dau`` is the sheet row of the range's first row, so cells are named
    as the officer sees them. Units and ballots need the whole workbook (``kiem_tra``). Given the ledger
    (``so_theo_doi``, e.g. read from a LichSu range) and the year of the round (``nam``), registration rows also get
    the reachability notes of ``ghi_chu_kha_nang`` (code ``kho_dat``), as in ``kiem-tra``."""
    from .doc_bang import tim_tieu_de

    bang = [[("" if o is None else o) for o in dong] for dong in vung]
    ket_qua: list[VanDe] = []
    loai = None
    for s in (S_CA_NHAN, S_TAP_THE):
        r, cot, _ = tim_tieu_de(bang, s)
        bat_buoc = [c.khoa for c in s.cot if c.bat_buoc == LUON]
        if r >= 0 and all(k in cot for k in bat_buoc):
            loai = (s, r, cot)
            break
    if loai is None:
        return [VanDe("thieu_tieu_de", LOI, "Vùng chọn phải gồm dòng tiêu đề của sheet CaNhan (Mã CB, Họ và tên, Đơn "
                      "vị…) hoặc TapThe (Mã đơn vị, Tên tập thể…).", "", ten)]
    s, r, cot = loai
    lech = dong_dau - 1
    dong = [(i + lech, d) for i, d in enumerate(bang[r + 1:], start=r + 1) if any(x not in ("", None) for x in d)]
    b = BangTho("", ten, s, r + lech, cot, dong)
    g = BoGom()
    if s is S_CA_NHAN:
        ngay_qd = ngay or dt.date.today()
        tt = ThongTin(nam=nam or ngay_qd.year - 1, ngay_quyet_dinh=ngay_qd)
        ts = (bo or bo_tham_so_mac_dinh()).tai_ngay(ngay_qd) if so_theo_doi is not None else None
        _kiem_de_nghi(_doc_ca_nhan([b], g, []), [], g, ts, tt, so_theo_doi, "cuoi_nam", {("", ten): b})
    else:
        _kiem_de_nghi([], _doc_tap_the([b], g), g, None, None, None, "cuoi_nam", {("", ten): b})
    # a selection need not hold every column: no note of a missing Ngày tuyển dụng column (its cells, when selected,
    # are checked)
    ket_qua += [v for v in g.van_de if (v.ma_loi != "chua_dang_ky" or v.muc_do == LOI)
                and v.ma_loi != "thieu_cot_ngay_tuyen_dung"]
    return ket_qua


def so_theo_doi_tu_vung(vung: Sequence[Sequence[object]], ten: str = "LichSu") -> tuple[SoTheoDoi, list[VanDe]]:
    """The ledger read from a bare range of the LichSu sheet (its header row included), with the problems of its
    rows, so an Excel selection of registrations can be checked against it (``kiem_tra_vung``)."""
    from .doc_bang import tim_tieu_de

    bang = [[("" if o is None else o) for o in dong] for dong in vung]
    r, cot, _ = tim_tieu_de(bang, S_LICH_SU)
    if r < 0 or "ma" not in cot or "nam" not in cot:
        return SoTheoDoi(), [VanDe("thieu_tieu_de", LOI, "Vùng sổ theo dõi phải gồm dòng tiêu đề của sheet LichSu "
                                   "(Mã, Năm, Danh hiệu…).", "", ten)]
    dong = [(i, d) for i, d in enumerate(bang[r + 1:], start=r + 1) if any(x not in ("", None) for x in d)]
    g = BoGom()
    so = _doc_lich_su([BangTho("", ten, S_LICH_SU, r, cot, dong)], g)
    return so, g.van_de
