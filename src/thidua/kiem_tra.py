"""Validation (``thidua kiem-tra``): every problem in one pass, each with file, sheet, cell, a code, a severity
and a Vietnamese message that says how to fix it. The same pass builds the records the decision uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .binh_xet import KetQuaKiemPhieu, PhieuBau, doc_dau, kiem_phieu, kiem_phieu_tay
from .danh_muc import (
    CA_NHAN,
    TAP_THE,
    DanhHieu,
    doc_cap,
    doc_danh_hieu,
    doc_danh_sach_danh_hieu,
    doc_ky_luat,
    doc_xep_loai,
)
from .doc_bang import BangTho, doc_dau_vao
from .loi import CANH_BAO, LOI, GiaTriKhongHopLe, ThiduaError, VanDe
from .ma_cu import sua_ma_cu
from .mo_hinh import CaNhan, MucLichSu, NguonDong, SoTheoDoi, TapThe, ThongTin
from .so_do import (
    CA_NHAN as S_CA_NHAN,
)
from .so_do import (
    CAP,
    CHU,
    CO_KHONG,
    DANH_HIEU_1,
    DS_DANH_HIEU,
    KY_LUAT_,
    LUON,
    MA,
    NGAY,
    SO,
    SO_NGUYEN,
    XEP_LOAI_,
    Cot,
    Sheet,
)
from .so_do import (
    KIEM_PHIEU as S_KIEM_PHIEU,
)
from .so_do import (
    LICH_SU as S_LICH_SU,
)
from .so_do import (
    PHIEU_BAU as S_PHIEU_BAU,
)
from .so_do import (
    QUY_CHE as S_QUY_CHE,
)
from .so_do import (
    TAP_THE as S_TAP_THE,
)
from .so_do import (
    THONG_TIN as S_THONG_TIN,
)
from .tham_so import BoThamSo, bo_tham_so_mac_dinh, doc_dung_sai
from .tieng_viet import chuan_hoa, khoa_so_khop
from .xet import DuLieu, canh_bao_ty_le_htxs

_NGAY_CHU = re.compile(r"^\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})\s*$")
_NGAY_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_MOC_EXCEL = dt.date(1899, 12, 30)


class _LoiO(Exception):
    """A cell value that cannot be read; the message says what is allowed."""


def doc_ngay(v: object) -> dt.date | None:
    """Real date cells, Excel serial numbers, and day-first text (15/03/1985, 15-3-1985) or ISO text."""
    if v in ("", None):
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool):
        if 1 <= v < 2958466:
            return _MOC_EXCEL + dt.timedelta(days=int(v))
        raise _LoiO(f"số {v} không phải ngày")
    s = str(v)
    m = _NGAY_CHU.match(s)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _NGAY_ISO.match(s)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise _LoiO(f"'{s}' không phải ngày có thật") from None
    raise _LoiO(f"'{s}' không phải ngày; ghi dạng dd/mm/yyyy, ví dụ 15/03/1985")


def doc_ma(v: object) -> str:
    """IDs stay text; an ID Excel stored as a number (12.0) becomes "12"."""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return chuan_hoa(v)


@lru_cache(maxsize=4096)
def _doc_ma_da_cache(kieu: str, s: str) -> Any:
    try:
        if kieu == DANH_HIEU_1:
            return doc_danh_hieu(s)
        if kieu == DS_DANH_HIEU:
            return doc_danh_sach_danh_hieu(s)
        if kieu == XEP_LOAI_:
            return doc_xep_loai(s)
        if kieu == KY_LUAT_:
            return doc_ky_luat(s)
        if kieu == CAP:
            return doc_cap(s)
    except GiaTriKhongHopLe as e:
        return _LoiO(e.thong_bao)
    raise AssertionError(kieu)


def doc_o(cot: Cot, v: object) -> Any:
    """Read one cell as its column's kind; blank → None (or () for lists)."""
    if isinstance(v, str):
        v = chuan_hoa(v)
    if v in ("", None):
        return () if cot.kieu == DS_DANH_HIEU else None
    k = cot.kieu
    if k == CHU:
        return chuan_hoa(v)
    if k == MA:
        return doc_ma(v)
    if k == NGAY:
        return doc_ngay(v)
    if k in (SO, SO_NGUYEN):
        if isinstance(v, bool):
            raise _LoiO("phải là số")
        try:
            so = float(str(v).replace(",", ".")) if isinstance(v, str) else float(v)  # type: ignore[arg-type]
        except ValueError:
            raise _LoiO(f"'{v}' không phải số") from None
        if k == SO_NGUYEN:
            if not so.is_integer():
                raise _LoiO(f"'{v}' phải là số nguyên")
            return int(so)
        return so
    if k == CO_KHONG:
        try:
            return doc_dung_sai(v)
        except ValueError:
            raise _LoiO(f"'{v}' không hợp lệ; ghi Có hoặc để trống") from None
    ket_qua = _doc_ma_da_cache(k, str(v))
    if isinstance(ket_qua, _LoiO):
        raise ket_qua
    return ket_qua


def thong_bao_o(cd: Cot, e: Exception) -> str:
    """"Xếp loại 'tot' không hợp lệ; chọn …." — the column is named once, the sentence ends once."""
    chu = str(e).rstrip(".")
    if not chu.lower().startswith(cd.tieu_de.lower()):
        chu = f"{cd.tieu_de}: {chu}"
    return chu + "."


@dataclass
class KetQuaKiemTra:
    """What ``kiem-tra`` found, and the data ready for ``xet`` when nothing blocks."""

    van_de: list[VanDe]
    du_lieu: DuLieu | None
    tep: list[Path]
    bang: list[BangTho] = field(default_factory=list)
    so_dong: dict[str, int] = field(default_factory=dict)
    ket_qua_xet: Any = None  # the decision run during validation (reused by the batch)

    @property
    def co_loi(self) -> bool:
        return any(v.muc_do == LOI for v in self.van_de)

    def as_dict(self) -> dict[str, Any]:
        return {"loi": [v.as_dict() for v in self.van_de]}


class _BoGom:
    """Collects problems and reads rows of one raw table."""

    def __init__(self) -> None:
        self.van_de: list[VanDe] = []
        self.o_sai: set[tuple[str, str, int, str]] = set()  # (file, sheet, row, field) that failed to parse

    def them(self, ma_loi: str, muc_do: str, thong_bao: str, b: BangTho | None = None, dong: int | None = None,
             cot: int | None = None, ten_cot: str = "") -> None:
        o = b.o(dong, cot) if (b is not None and dong is not None and cot is not None) else ""
        self.van_de.append(VanDe(ma_loi, muc_do, thong_bao, b.tep if b else "", b.ten_sheet if b else "", o,
                                 dong + 1 if dong is not None else None, ten_cot))

    def doc_dong(self, b: BangTho, r: int, dong: list[object], ban_ghi: dict[str, Any]) -> None:
        for cd in b.loai.cot:
            c = b.cot.get(cd.khoa)
            if c is None:
                continue
            v = dong[c] if c < len(dong) else ""
            if (r, c) in b.o_loi:
                self.them("o_loi_cong_thuc", LOI, f"Ô chứa lỗi công thức {b.o_loi[(r, c)]}; sửa công thức hoặc "
                          "nhập giá trị trực tiếp.", b, r, c, cd.tieu_de)
                ban_ghi[cd.khoa] = None
                continue
            if isinstance(v, str) and v:
                moi, ma = sua_ma_cu(v)
                if ma:
                    self.them("ma_cu", CANH_BAO, f"'{v}' gõ bằng bảng mã cũ {ma}; đã đọc thành '{chuan_hoa(moi)}'. "
                              "Nên chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã).", b, r, c, cd.tieu_de)
                    v = moi
            try:
                ban_ghi[cd.khoa] = doc_o(cd, v)
            except _LoiO as e:
                self.them("gia_tri_khong_hop_le", LOI, thong_bao_o(cd, e), b, r, c, cd.tieu_de)
                self.o_sai.add((b.tep, b.ten_sheet, r + 1, cd.khoa))
                ban_ghi[cd.khoa] = () if cd.kieu == DS_DANH_HIEU else None


def _o_cot(b: BangTho, khoa: str) -> int:
    return b.cot.get(khoa, 0)


def kiem_tra(dau_vao: Sequence[Path], bo: BoThamSo | None = None, che_do: str = "cuoi_nam",
             nam_mac_dinh: int | None = None) -> KetQuaKiemTra:
    """Read and validate every input. ``che_do`` is "cuoi_nam" (year-end: ThongTin required, ballots checked)
    or "dang_ky" (start of year: registrations only)."""
    bo = bo or bo_tham_so_mac_dinh()
    bang, vd_doc, tep = doc_dau_vao(dau_vao)
    g = _BoGom()
    g.van_de += vd_doc
    theo_loai: dict[str, list[BangTho]] = defaultdict(list)
    for b in bang:
        theo_loai[b.loai.ten].append(b)

    thong_tin = _doc_thong_tin(theo_loai[S_THONG_TIN.ten], g, che_do, nam_mac_dinh)
    quy_che = _doc_quy_che(theo_loai[S_QUY_CHE.ten], g, bo)
    tap_the = _doc_tap_the(theo_loai[S_TAP_THE.ten], g)
    ca_nhan = _doc_ca_nhan(theo_loai[S_CA_NHAN.ten], g, tap_the)
    so_theo_doi = _doc_lich_su(theo_loai[S_LICH_SU.ten], g)

    if not ca_nhan and not tap_the:
        g.them("thieu_sheet", LOI, "Không có dòng nào ở sheet CaNhan hoặc TapThe; cần danh sách cá nhân và tập thể "
               "(xem mẫu: thidua tao-mau).")
    if S_TAP_THE.ten not in theo_loai and ca_nhan:
        g.them("thieu_sheet", LOI, "Thiếu sheet TapThe: cột Đơn vị của CaNhan phải ghi mã một tập thể ở sheet TapThe.")

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
    kp = None
    if che_do == "cuoi_nam" and thong_tin is not None:
        kp = _doc_phieu(theo_loai[S_PHIEU_BAU.ten], theo_loai[S_KIEM_PHIEU.ten], g, thong_tin, ca_nhan, tap_the, ts)

    du_lieu = None
    ket_qua_xet = None
    if thong_tin is not None:
        du_lieu = DuLieu(thong_tin, ca_nhan, tap_the, so_theo_doi, kp, quy_che)
        if ts is not None and che_do == "cuoi_nam":
            v = canh_bao_ty_le_htxs(du_lieu, ts)
            if v:
                g.van_de.append(v)
            if not any(x.muc_do == LOI for x in g.van_de):
                from .xet import xet

                ket_qua_xet = xet(du_lieu, bo)
                g.van_de += ket_qua_xet.van_de
    so_dong = {k: sum(len(b.dong) for b in v) for k, v in theo_loai.items()}
    return KetQuaKiemTra(g.van_de, du_lieu, tep, bang, so_dong,
                         ket_qua_xet if che_do == "cuoi_nam" and du_lieu is not None and ts is not None
                         and not any(x.muc_do == LOI for x in g.van_de) else None)


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


def _doc_thong_tin(ds: list[BangTho], g: _BoGom, che_do: str, nam_mac_dinh: int | None) -> ThongTin | None:
    if not ds:
        if che_do == "dang_ky" and nam_mac_dinh:
            return ThongTin(nam=nam_mac_dinh)
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
    for r, _, k, c_v, v in _doc_khoa_gia_tri(b):
        cd = next((c for c in S_THONG_TIN.cot if c.khop(k)), None)
        if cd is None:
            if v not in ("", None):
                g.them("muc_la", CANH_BAO, f"Mục '{k}' không có trong mẫu ThongTin nên bị bỏ qua.", b, r, c_v - 1)
            continue
        vi_tri[cd.khoa] = (r, c_v)
        if (r, c_v) in b.o_loi:
            g.them("o_loi_cong_thuc", LOI, f"Ô chứa lỗi công thức {b.o_loi[(r, c_v)]}.", b, r, c_v, cd.tieu_de)
            continue
        try:
            gia_tri[cd.khoa] = doc_o(cd, v)
        except _LoiO as e:
            g.them("gia_tri_khong_hop_le", LOI, thong_bao_o(cd, e), b, r, c_v, cd.tieu_de)
            gia_tri[cd.khoa] = None
    loi = False
    bat_buoc = ["nam"] if che_do == "dang_ky" else [c.khoa for c in S_THONG_TIN.cot if c.bat_buoc == LUON]
    for khoa in bat_buoc:
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
    chuc_vu = (gia_tri.get("chuc_vu_nguoi_ky") or "GIÁM ĐỐC").upper()
    return ThongTin(nam=nam, co_quan_chu_quan=(gia_tri.get("co_quan_chu_quan") or "").upper(),
                    co_quan=(gia_tri.get("co_quan") or "").upper(), ky_hieu=gia_tri.get("ky_hieu") or "",
                    dia_danh=gia_tri.get("dia_danh") or "", nguoi_ky=gia_tri.get("nguoi_ky") or "",
                    chuc_vu_nguoi_ky=chuc_vu, ngay_quyet_dinh=ngay_qd, so_thanh_vien=tv, so_co_mat=cm,
                    nguon=b.tep, thong_tin_them={k: v for k, v in gia_tri.items()
                                                 if k in ("ngay_hop", "chu_tri", "thu_ky", "dia_diem_hop",
                                                          "so_phieu_hop_le")})


def _doc_quy_che(ds: list[BangTho], g: _BoGom, bo: BoThamSo) -> dict[str, Any]:
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


def _nguon(b: BangTho, r: int) -> NguonDong:
    return NguonDong(b.tep, b.ten_sheet, r + 1)


def _cac_dong(ds: list[BangTho], g: _BoGom, s: Sheet, bat_buoc: tuple[str, ...], ten: str,
              loai: str) -> Iterator[tuple[BangTho, int, dict[str, Any]]]:
    """The rows of a CaNhan/TapThe sheet, read: blank rows skipped, missing required values and duplicate IDs
    (across every file) reported; yields (table, row, values) for each row with a new ID."""
    da_co: dict[str, tuple[BangTho, int]] = {}
    for b in ds:
        for r, dong in b.dong:
            d: dict[str, Any] = {}
            g.doc_dong(b, r, dong, d)
            if not any(d.get(k) for k in bat_buoc[:2]):
                continue
            for khoa in bat_buoc:
                if not d.get(khoa):
                    cd = s.cot_theo_khoa(khoa)
                    g.them("thieu_gia_tri", LOI, f"Thiếu {cd.tieu_de}.", b, r, _o_cot(b, khoa), cd.tieu_de)
            if not d.get("ma"):
                continue
            if d["ma"] in da_co:
                b0, r0 = da_co[d["ma"]]
                g.them("trung_ma", LOI, f"{ten} '{d['ma']}' trùng với {Path(b0.tep).name}, sheet {b0.ten_sheet}, dòng "
                       f"{r0 + 1}; mỗi {loai} một mã.", b, r, _o_cot(b, "ma"), ten)
                continue
            da_co[d["ma"]] = (b, r)
            yield b, r, d


def _doc_tap_the(ds: list[BangTho], g: _BoGom) -> list[TapThe]:
    return [TapThe(d["ma"], d.get("ten") or "", d.get("xep_loai"), d.get("khoi") or "", d.get("diem"),
                   d.get("dang_ky") or (), d.get("de_nghi") or (), d.get("ghi_chu") or "", _nguon(b, r))
            for b, r, d in _cac_dong(ds, g, S_TAP_THE, ("ma", "ten"), "Mã đơn vị", "tập thể")]


def _doc_ca_nhan(ds: list[BangTho], g: _BoGom, tap_the: list[TapThe]) -> list[CaNhan]:
    theo_ma = {t.ma: t.ma for t in tap_the}
    theo_ten = {khoa_so_khop(t.ten, giu_dau=True): t.ma for t in tap_the}
    ket_qua: list[CaNhan] = []
    nguoi: dict[tuple[str, dt.date], tuple[str, str]] = {}
    for b, r, d in _cac_dong(ds, g, S_CA_NHAN, ("ma", "ho_ten", "don_vi"), "Mã CB", "người"):
        don_vi = d.get("don_vi") or ""
        if don_vi and tap_the:
            ma_dv = theo_ma.get(don_vi) or theo_ten.get(khoa_so_khop(don_vi, giu_dau=True))
            if ma_dv is None:
                g.them("don_vi_khong_co", LOI, f"Đơn vị '{don_vi}' không có ở sheet TapThe; ghi đúng Mã đơn vị "
                       "hoặc Tên tập thể.", b, r, _o_cot(b, "don_vi"), "Đơn vị")
            else:
                don_vi = ma_dv
        cn = CaNhan(d["ma"], d.get("ho_ten") or "", don_vi, d.get("chuc_vu") or "", d.get("gioi_tinh") or "",
                    d.get("ngay_sinh"), d.get("ngay_tuyen_dung"), d.get("xep_loai"), d.get("ky_luat"),
                    d.get("sang_kien"), d.get("de_tai"), d.get("dang_ky") or (), d.get("de_nghi") or (),
                    bool(d.get("dang_xem_xet")), d.get("ghi_chu") or "", _nguon(b, r))
        if cn.ngay_sinh and cn.ho_ten:
            khoa = (khoa_so_khop(cn.ho_ten, giu_dau=True), cn.ngay_sinh)
            if khoa in nguoi and nguoi[khoa][1] != cn.don_vi:
                g.them("trung_nguoi", CANH_BAO, f"{cn.ho_ten} (sinh {cn.ngay_sinh:%d/%m/%Y}) có ở cả đơn vị "
                       f"{nguoi[khoa][1]} (mã {nguoi[khoa][0]}) và {cn.don_vi}; một người chỉ thuộc một đơn vị — "
                       "kiểm tra lại.", b, r, _o_cot(b, "ho_ten"), "Họ và tên")
            nguoi.setdefault(khoa, (cn.ma, cn.don_vi))
        ket_qua.append(cn)
    return ket_qua


def _doc_lich_su(ds: list[BangTho], g: _BoGom) -> SoTheoDoi:
    so = SoTheoDoi()
    for b in ds:
        for r, dong in b.dong:
            d: dict[str, Any] = {}
            g.doc_dong(b, r, dong, d)
            if not d.get("ma") or d.get("nam") is None:
                if d.get("ma") or d.get("nam") is not None:
                    g.them("thieu_gia_tri", LOI, "Dòng sổ theo dõi cần cả Mã và Năm.", b, r, 0)
                continue
            try:
                so.them(MucLichSu(d["ma"], d["nam"], d.get("danh_hieu"), d.get("so_quyet_dinh") or "",
                                  d.get("ngay_quyet_dinh"), d.get("co_quan") or "", d.get("xep_loai"),
                                  d.get("sang_kien"), d.get("ky_luat"), _nguon(b, r)))
            except ThiduaError as e:
                g.them("lich_su_trung", LOI, e.thong_bao, b, r, _o_cot(b, "danh_hieu"), "Danh hiệu/hình thức")
    return so


def _kiem_de_nghi(ca_nhan: list[CaNhan], tap_the: list[TapThe], g: _BoGom, ts: Any, tt: ThongTin | None,
                  so: SoTheoDoi, che_do: str, theo_tep: dict[tuple[str, str], BangTho]) -> None:
    bat_buoc_dk = bool(ts("dang_ky.bat_buoc")) if ts is not None else False
    doi_tuong: list[tuple[CaNhan | TapThe, str, Sheet]] = [(c, CA_NHAN, S_CA_NHAN) for c in ca_nhan]
    doi_tuong += [(t, TAP_THE, S_TAP_THE) for t in tap_the]
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
        if che_do == "cuoi_nam":
            if dt_.de_nghi and dt_.xep_loai is None and (n.tep, n.sheet, n.dong, "xep_loai") not in g.o_sai:
                them("thieu_xep_loai", LOI, f"Có đề nghị {', '.join(d.viet_tat for d in dt_.de_nghi)} nhưng chưa có "
                     "Xếp loại; ghi HTXSNV, HTTNV, HTNV hoặc KHTNV.", "xep_loai")
            for dh in dt_.de_nghi:
                if dh not in dt_.dang_ky and loai in dh.doi_tuong:
                    them("chua_dang_ky", LOI if bat_buoc_dk else CANH_BAO,
                         f"Đề nghị {dh.viet_tat} nhưng chưa đăng ký từ đầu năm"
                         + (" (Quy chế của cơ quan bắt buộc đăng ký)." if bat_buoc_dk
                            else " (Luật 2022, Điều 7: đăng ký không còn là điều kiện; chỉ lưu ý)."), "de_nghi")
        if isinstance(dt_, CaNhan) and tt is not None:
            if dt_.ngay_tuyen_dung and dt_.ngay_tuyen_dung.year > tt.nam:
                them("ngay_tuyen_dung", LOI, f"Ngày tuyển dụng {dt_.ngay_tuyen_dung:%d/%m/%Y} sau năm xét {tt.nam}; "
                     "kiểm tra lại.", "ngay_tuyen_dung")
            if dt_.ngay_sinh:
                tuoi = tt.nam - dt_.ngay_sinh.year
                if not 16 <= tuoi <= 75:
                    them("ngay_sinh", LOI, f"Ngày sinh {dt_.ngay_sinh:%d/%m/%Y} cho tuổi {tuoi} vào năm {tt.nam}, "
                         "không hợp lý; kiểm tra lại.", "ngay_sinh")
        if che_do == "dang_ky" and tt is not None and isinstance(dt_, CaNhan):
            for dh in dt_.dang_ky:
                ly_do = ghi_chu_kha_nang(dt_.ma, dh, tt.nam, so)
                if ly_do:
                    them("kho_dat", CANH_BAO, f"Đăng ký {dh.viet_tat}: {ly_do}", "dang_ky")


def _danh_hieu_cho(loai: str) -> list[DanhHieu]:
    from .danh_muc import DANH_HIEU

    return [d for d in DANH_HIEU.values() if loai in d.doi_tuong]


def ghi_chu_kha_nang(ma: str, dh: DanhHieu, nam: int, so: SoTheoDoi) -> str:
    """Whether a registered target is still reachable this year given the ledger (start-of-year round)."""
    if dh.ma == "CSTDT":
        thieu = [y for y in (nam - 2, nam - 1) if not so.co(ma, "CSTDCS", y)]
        if thieu:
            return ("chưa có CSTĐCS năm " + ", ".join(map(str, thieu))
                    + " nên cuối năm chưa đủ 3 năm liên tục (Luật 2022, Điều 22).")
    if dh.ma == "BKT" and not so.co(ma, "CSTDCS", nam - 1):
        return (f"chưa có CSTĐCS năm {nam - 1}: chỉ đạt được theo đường HTXSNV 2 năm liên tục kèm 2 sáng kiến "
                "(Luật 2022, Điều 74 khoản 1 điểm d).")
    if dh.ma == "CSTDTQ" and not so.cac_nam(ma, "CSTDT"):
        return "chưa có lần CSTĐ tỉnh nào; cần 2 lần liên tục (Luật 2022, Điều 21)."
    return ""


# ---- ballots --------------------------------------------------------------------------------------------------

_COT_UNG_VIEN = re.compile(r"^(.*?)\s*[-–—]\s*([^-–—]+)$")


def _doc_phieu(ds_pb: list[BangTho], ds_kp: list[BangTho], g: _BoGom, tt: ThongTin, ca_nhan: list[CaNhan],
               tap_the: list[TapThe], ts: Any) -> KetQuaKiemPhieu | None:
    if not ds_pb and not ds_kp:
        return None
    de_nghi: dict[str, tuple[DanhHieu, ...]] = {c.ma: c.de_nghi for c in ca_nhan} | {t.ma: t.de_nghi for t in tap_the}
    can_phieu: Callable[[DanhHieu], bool] = (lambda d: bool(ts(f"binh_xet.bo_phieu.{d.ma}"))) if ts else (lambda d: True)
    b0 = (ds_pb or ds_kp)[0]
    thieu = False
    for khoa, ten in (("so_thanh_vien", "Số thành viên Hội đồng"), ("so_co_mat", "Số thành viên có mặt")):
        if getattr(tt, khoa) is None:
            g.them("thieu_gia_tri", LOI, f"Có phiếu bầu nhưng ThongTin thiếu '{ten}'.", None)
            thieu = True
    if thieu or (tt.so_co_mat or 0) > (tt.so_thanh_vien or 0):
        return None
    tong, co_mat = tt.so_thanh_vien or 0, tt.so_co_mat or 0

    def doc_ung_vien(tieu_de: str, b: BangTho, r: int, c: int) -> tuple[str, str] | None:
        s = chuan_hoa(tieu_de)
        ma, dh = s, None
        m = _COT_UNG_VIEN.match(s)
        if m and m.group(1).strip() in de_nghi:
            try:
                ma, dh = m.group(1).strip(), doc_danh_hieu(m.group(2))
            except GiaTriKhongHopLe:
                ma, dh = s, None
        if ma not in de_nghi:
            g.them("ung_vien_la", LOI, f"Cột '{tieu_de}' ghi mã '{ma}' không có ở CaNhan hoặc TapThe; tiêu đề cột ghi "
                   "'Mã' hoặc 'Mã - Danh hiệu', ví dụ '00123 - CSTĐCS'.", b, r, c)
            return None
        if dh is None:
            cac = [d for d in de_nghi[ma] if can_phieu(d)]
            if len(cac) != 1:
                g.them("ung_vien_mo_ho", LOI, f"Cột '{tieu_de}': {ma} được đề nghị "
                       + (", ".join(d.viet_tat for d in cac) or "không danh hiệu nào cần bỏ phiếu")
                       + "; ghi rõ 'Mã - Danh hiệu' ở tiêu đề cột.", b, r, c)
                return None
            dh = cac[0]
        if dh not in de_nghi[ma]:
            g.them("ung_vien_khong_de_nghi", LOI, f"Cột '{tieu_de}': {ma} không được đề nghị {dh.viet_tat} (xem cột Đề "
                   "nghị); bỏ cột này hoặc sửa đề nghị.", b, r, c)
            return None
        return (ma, dh.ma)

    kp_pb: KetQuaKiemPhieu | None = None
    ma_pb: set[str] = set()
    if ds_pb:
        phieu: list[PhieuBau] = []
        ung_vien: list[tuple[str, str]] = []
        so_da_thay: dict[str, str] = {}
        for b in ds_pb:
            cot_uv: dict[int, tuple[str, str]] = {}
            for c, td in b.cot_khac.items():
                uv = doc_ung_vien(td, b, b.dong_tieu_de, c)
                if uv:
                    cot_uv[c] = uv
                    if uv not in ung_vien:
                        ung_vien.append(uv)
            for r, dong in b.dong:
                d: dict[str, Any] = {}
                g.doc_dong(b, r, dong, d)
                so = str(d.get("so_phieu") or f"{Path(b.tep).stem}:{r + 1}")
                if so in so_da_thay:
                    g.them("trung_so_phieu", CANH_BAO, f"Số phiếu {so} trùng với {so_da_thay[so]}: phiếu sau không hợp "
                           "lệ.", b, r, _o_cot(b, "so_phieu"), "Phiếu số")
                so_da_thay.setdefault(so, b.o(r, _o_cot(b, "so_phieu")))
                danh_dau = {uv: (dong[c] if c < len(dong) else "") for c, uv in cot_uv.items()}
                o = {uv: b.o(r, c) for c, uv in cot_uv.items()}
                for uv, v in danh_dau.items():
                    if doc_dau(v) is None:
                        g.them("dau_khong_doc_duoc", CANH_BAO, f"Phiếu {so}: đánh dấu '{v}' không đọc được nên cả phiếu "
                               "không hợp lệ (đồng ý: x, 1, ✓; không đồng ý: để trống, 0, -).", b, r,
                               next(c for c, u in cot_uv.items() if u == uv))
                phieu.append(PhieuBau(so, danh_dau, o, d.get("hop_le"), _nguon(b, r)))
        if not phieu:
            g.them("phieu_rong", LOI, "Sheet PhieuBau không có phiếu nào; nhập mỗi phiếu một dòng.", ds_pb[0],
                   ds_pb[0].dong_tieu_de + 1, 0)
            return None
        if len(phieu) > co_mat:
            g.them("qua_nhieu_phieu", LOI, f"Có {len(phieu)} phiếu nhưng chỉ {co_mat} thành viên có mặt; kiểm tra lại số"
                   " phiếu hoặc Số thành viên có mặt ở ThongTin.", ds_pb[0], ds_pb[0].dong_tieu_de, 0)
        kp_pb = kiem_phieu(phieu, ung_vien, tong, co_mat)
        ma_pb = {dh for _, dh in ung_vien}
    if ds_kp:
        so_phieu: dict[tuple[str, str], int] = {}
        for b in ds_kp:
            for r, dong in b.dong:
                d = {}
                g.doc_dong(b, r, dong, d)
                if not d.get("ma") or d.get("danh_hieu") is None or d.get("dong_y") is None:
                    g.them("thieu_gia_tri", LOI, "Dòng KiemPhieu cần Mã, Danh hiệu và Số phiếu đồng ý.", b, r, 0)
                    continue
                uv = doc_ung_vien(f"{d['ma']} - {d['danh_hieu'].ma}", b, r, _o_cot(b, "ma"))
                if not uv:
                    continue
                if uv[1] in ma_pb:
                    g.them("phieu_hai_nguon", LOI, f"{d['danh_hieu'].viet_tat} có cả ở PhieuBau và KiemPhieu; chỉ dùng "
                           "một cách kiểm phiếu cho mỗi danh hiệu.", b, r, _o_cot(b, "danh_hieu"))
                    continue
                if not 0 <= d["dong_y"] <= co_mat:
                    g.them("gia_tri_khong_hop_le", LOI, f"Số phiếu đồng ý {d['dong_y']} phải từ 0 đến số thành viên có "
                           f"mặt ({co_mat}).", b, r, _o_cot(b, "dong_y"))
                    continue
                so_phieu[uv] = d["dong_y"]
        kp_tay = kiem_phieu_tay(so_phieu, tong, co_mat, tt.thong_tin_them.get("so_phieu_hop_le"))
        if kp_pb is None:
            return kp_tay
        kp_pb.dong_y.update(kp_tay.dong_y)
    del b0
    return kp_pb


def kiem_tra_vung(vung: Sequence[Sequence[object]], dong_dau: int = 1, ten: str = "Vùng chọn",
                  ngay: dt.date | None = None) -> list[VanDe]:
    """Validate a bare range with its header row (an Excel selection of CaNhan or TapThe rows): values, codes,
    duplicates and row-level rules. ``dong_dau`` is the sheet row of the range's first row, so cells are named
    as the officer sees them. Units, ledger and ballots need the whole workbook (``kiem_tra``)."""
    from .doc_bang import _tim_tieu_de

    bang = [[("" if o is None else o) for o in dong] for dong in vung]
    ket_qua: list[VanDe] = []
    loai = None
    for s in (S_CA_NHAN, S_TAP_THE):
        r, cot, _ = _tim_tieu_de(bang, s)
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
    g = _BoGom()
    if s is S_CA_NHAN:
        ds = _doc_ca_nhan([b], g, [])
        tt = ThongTin(nam=(ngay or dt.date.today()).year - 1, ngay_quyet_dinh=ngay or dt.date.today())
        _kiem_de_nghi(ds, [], g, None, tt, SoTheoDoi(), "cuoi_nam", {("", ten): b})
    else:
        ds = _doc_tap_the([b], g)
        _kiem_de_nghi([], ds, g, None, None, SoTheoDoi(), "cuoi_nam", {("", ten): b})
    ket_qua += [v for v in g.van_de if v.ma_loi != "chua_dang_ky" or v.muc_do == LOI]
    return ket_qua
