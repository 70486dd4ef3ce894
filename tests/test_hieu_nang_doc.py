"""Reading and validating fast (issue 15, the "read + validate" stage) keeps every result the same. Each fast path
is compared, in the same process, with the plain way it replaces, kept here as the reference — so these tests stay
true when messages change. Timings are never asserted here: ``scripts/bench.py`` prints them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua import doc_o
from thidua import kiem_tra_su_kien as KS
from thidua.danh_muc import CAP_CONG_NHAN, DANH_HIEU, KY_LUAT, LOAI_KHEN_THUONG, LOAI_SANG_KIEN, THUONG_XUYEN, XEP_LOAI
from thidua.doc_bang import BangTho, thong_bao_o_loi
from thidua.doc_o import BoGom, LoiO, thong_bao_o
from thidua.kiem_tra import kiem_tra
from thidua.loi import CANH_BAO, LOI
from thidua.ma_cu import sua_ma_cu
from thidua.mo_hinh import CaNhan, LoiSoTheoDoi, MucKyLuat, MucLichSu, MucSangKien, NguonDong, SoTheoDoi, TapThe
from thidua.so_do import DINH_DANH, DS_DANH_HIEU, NGHI, TAT_CA_SHEET, Sheet
from thidua.tieng_viet import chuan_hoa

HO_SO = settings(max_examples=60, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def doc_dong_goc(g: BoGom, b: BangTho, r: int, dong: list[object], ban_ghi: dict[str, Any]) -> None:
    """``BoGom.doc_dong`` before issue 15: every cell read on its own, in the schema's order."""
    for cd in b.loai.cot:
        c = b.cot.get(cd.khoa)
        if c is None:
            continue
        v = dong[c] if c < len(dong) else ""
        if (r, c) in b.o_loi:
            g.them("o_loi_cong_thuc", LOI, thong_bao_o_loi(b.o_loi[(r, c)]), b, r, c, cd.tieu_de)
            ban_ghi[cd.khoa] = None
            continue
        if isinstance(v, str) and v:
            moi, ma = sua_ma_cu(v)
            if ma:
                g.them("ma_cu", CANH_BAO, f"'{v}' gõ bằng bảng mã cũ {ma}; đã đọc thành '{chuan_hoa(moi)}'. "
                       "Nên chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã).", b, r, c, cd.tieu_de)
                v = moi
        so_dd = doc_o.so_dinh_danh_tu_so(v) if cd.kieu == DINH_DANH else None
        if so_dd is not None:  # a CCCD Excel stored as a number: the zeros put back, with a warning
            g.them("dinh_danh_la_so", CANH_BAO, doc_o.thong_bao_dinh_danh_so(so_dd), b, r, c, cd.tieu_de)
            ban_ghi[cd.khoa] = so_dd
            continue
        try:
            ban_ghi[cd.khoa] = doc_o.doc_o(cd, v)
        except LoiO as e:
            g.them("gia_tri_khong_hop_le", LOI, thong_bao_o(cd, e), b, r, c, cd.tieu_de)
            g.o_sai.add((b.tep, b.ten_sheet, r + 1, cd.khoa))
            ban_ghi[cd.khoa] = () if cd.kieu in (DS_DANH_HIEU, NGHI) else None


def _dang(x: object) -> object:
    """A value to the type (and the sign of a zero): 2025 and 2025.0, 0.0 and -0.0, True and 1 differ."""
    if isinstance(x, tuple):
        return ("tuple", tuple(_dang(y) for y in x))
    if isinstance(x, float) and math.isnan(x):
        return (float, "nan")
    return (type(x), repr(x))


# values that collide in a dict (1 == 1.0 == True, 0.0 == -0.0 == False, Decimal and Fraction equal to floats),
# legacy encodings, codes of every list, dates as text, numbers as text
GIA_TRI = [
    "", " ", "\u00a0", None, True, False, 0, 1, -0.0, 0.0, 1.0, 2, 2.0, 2.5, 2025, 2025.0, -1, 45000, 45000.0,
    3_000_000, 3_000_000.0, 10**20, float(10**20), 1e300, math.inf, -math.inf, math.nan, Decimal("2025"),
    Decimal("2.50"), Fraction(5, 2), Fraction(2025), dt.date(2025, 3, 1), dt.datetime(2025, 3, 1),
    dt.datetime(2024, 5, 6, 7, 8), dt.time(0, 0), dt.time(8, 30), dt.timedelta(0), dt.timedelta(days=2),
    "2025", "2025.0", "0", "1", "1,5", "3.0", "1e309", "abc", "Céng hßa", "Nguyeãn Vaên An", "Hoà Bình", "Hòa Bình",
    "Nguye\u0302\u0303n", "  Nguyễn   Văn  An ", "LĐTT", "  LĐTT  ", "LĐTT, CSTĐCS", "CSTDCS", "GK", "BKT", "HTXSNV",
    "htnv", "Khiển trách", "Cơ sở", "Tỉnh", "Có", "không", "x", "?", "thai sản 180 ngày; ốm 20 ngày", "ốm 400 ngày",
    "15/03/1985", "31/02/2020", "2025-01-02", "073397850948", "73397850948", "00014", "Sáng kiến", "Đề tài",
    "Đột xuất", "Thường xuyên", "x" * 300,
]
SHEET = [s for s in TAT_CA_SHEET if not s.khoa_gia_tri]


@st.composite
def bang_tho(draw: st.DrawFn) -> BangTho:
    """A table of any sheet: some of its columns, in any order and place, rows of colliding values (ragged too),
    cells marked as Excel errors."""
    s = draw(st.sampled_from(SHEET))
    cot = draw(st.lists(st.sampled_from([c.khoa for c in s.cot]), min_size=1, unique=True))
    vi_tri = draw(st.permutations(range(len(cot) + 2)))
    cot_cua = dict(zip(cot, vi_tri, strict=False))
    rong = len(cot) + 2
    gia_tri = st.sampled_from(GIA_TRI)
    dong = draw(st.lists(st.lists(gia_tri, min_size=rong - 2, max_size=rong), min_size=1, max_size=25))
    o_loi = draw(st.dictionaries(st.tuples(st.integers(1, len(dong)), st.integers(0, rong - 1)),
                                 st.sampled_from(["#N/A", "#REF!", "chưa tính"]), max_size=3))
    return BangTho("so.xlsx", s.ten, s, 0, cot_cua, list(enumerate(dong, start=1)), o_loi=o_loi)


def _doc(b: BangTho, doc_dong: Any, lap: int = 2) -> tuple[list, list, set]:
    g = BoGom()
    ket_qua = []
    for _ in range(lap):  # read twice: the second time every value is remembered
        for r, d in b.dong:
            ban_ghi: dict[str, Any] = {}
            doc_dong(g, b, r, d, ban_ghi)
            ket_qua.append([(k, _dang(v)) for k, v in ban_ghi.items()])
    return ket_qua, g.van_de, g.o_sai


@HO_SO
@given(st.lists(bang_tho(), min_size=1, max_size=3))
def test_doc_dong_nhanh_giong_doc_tung_o(cac_bang: list[BangTho]) -> None:
    """Several tables read by one collector (as in a run: readings remembered across tables and sheets)."""
    nhanh = BoGom()
    goc = BoGom()
    for b in cac_bang:
        for _ in range(2):
            for r, d in b.dong:
                a: dict[str, Any] = {}
                nhanh.doc_dong(b, r, d, a)
                c: dict[str, Any] = {}
                doc_dong_goc(goc, b, r, d, c)
                assert [(k, _dang(v)) for k, v in a.items()] == [(k, _dang(v)) for k, v in c.items()], (r, d)
    assert nhanh.van_de == goc.van_de
    assert nhanh.o_sai == goc.o_sai


@pytest.mark.parametrize("s", SHEET, ids=lambda s: s.ten)
def test_so_va_so_bang_nhau_khong_lan_nhau(s: Sheet) -> None:
    """Values equal as dict keys but read differently — 2025 and 2025.0 in a text column ("2025", "2025.0"), 1 and
    True, 0.0 and -0.0, 2.5 and Decimal("2.50") — are never taken for one another: every column of every sheet on
    its own (so that a row is all look-ups), values in both orders."""
    for cd in s.cot:
        for thu_tu in (GIA_TRI, GIA_TRI[::-1]):
            b = BangTho("so.xlsx", s.ten, s, 0, {cd.khoa: 0}, [(r, [v]) for r, v in enumerate(thu_tu, start=1)])
            assert _doc(b, BoGom.doc_dong) == _doc(b, doc_dong_goc), cd.khoa


def _phang(x: object) -> object:
    """Records compared field by field, to the type (the ledger has no ``==``)."""
    if isinstance(x, SoTheoDoi):
        return ("SoTheoDoi", _phang(x.cac_muc), _phang(x.so_sang_kien), _phang(x.so_ky_luat))
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return (type(x).__name__, *((f.name, _phang(getattr(x, f.name))) for f in dataclasses.fields(x)))
    if isinstance(x, dict):
        return ("dict", *((_phang(k), _phang(v)) for k, v in x.items()))
    if isinstance(x, list | tuple):
        return (type(x).__name__, *(_phang(v) for v in x))
    return _dang(x)


def _ket_qua_day_du(dau_vao: list[Path], **kw: Any) -> object:
    kt = kiem_tra(dau_vao, **kw)
    return _phang((kt.van_de, kt.du_lieu, kt.so_dong, [(b.tep, b.ten_sheet, b.cot, b.dong, b.o_loi) for b in kt.bang]))


def test_kiem_tra_giong_doc_tung_o(demo_dau_vao: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole validation of the demo department, fast and plain: every problem and every record the same."""
    nhanh = [_ket_qua_day_du([demo_dau_vao]), _ket_qua_day_du([demo_dau_vao], che_do="dang_ky", nam_mac_dinh=2026)]
    monkeypatch.setattr(BoGom, "doc_dong", doc_dong_goc)
    assert [_ket_qua_day_du([demo_dau_vao]),
            _ket_qua_day_du([demo_dau_vao], che_do="dang_ky", nam_mac_dinh=2026)] == nhanh


def kiem_ma_goc(ca_nhan: list, tap_the: list, so: SoTheoDoi, g: BoGom, theo_tep: dict) -> None:
    """``kiem_tra_su_kien.kiem_ma`` before issue 15: every code's places kept; the CaNhan/TapThe codes sorted again
    for each unmatched ledger code (quadratic when a ledger from elsewhere matches nobody)."""
    noi_co = [(c.ma, c.nguon, "Mã CB") for c in ca_nhan] + [(t.ma, t.nguon, "Mã đơn vị") for t in tap_the]
    so_cai = [(m.ma, m.nguon, "Mã") for m in (*so.cac_muc, *so.so_sang_kien, *so.so_ky_luat)]
    theo_so: dict = defaultdict(lambda: defaultdict(list))
    for ma, n, cot in (*noi_co, *so_cai):
        if ma.isdigit():
            theo_so[ma.lstrip("0") or "0"][ma].append((n, cot))
    for bien_the in theo_so.values():
        if len(bien_the) < 2:
            continue
        dai_nhat = max(bien_the, key=lambda m: (len(m), m))
        n_dai = bien_the[dai_nhat][0][0]
        for ma, noi in bien_the.items():
            if ma == dai_nhat:
                continue
            n, cot = noi[0]
            them = f" (và {len(noi) - 1} ô khác cùng mã)" if len(noi) > 1 else ""
            g.van_de.append(KS._van_de(
                "ma_mat_so_0", CANH_BAO, f"Mã '{ma}' ở ô này{them} và mã '{dai_nhat}' ở {KS._noi(theo_tep, n_dai, 'ma')} "
                f"chỉ khác số 0 ở đầu. Nếu là cùng một người/đơn vị, sửa ô này thành '{dai_nhat}' (Excel bỏ số 0 ở đầu "
                "khi ô là số: định dạng ô là Văn bản rồi gõ lại); nếu là hai đối tượng khác nhau, bỏ qua cảnh báo này.",
                theo_tep, n, "ma", cot))
    co_that = {ma for ma, _, _ in noi_co}
    if not co_that:
        return
    la: dict = defaultdict(list)
    for ma, n, _ in so_cai:
        if ma not in co_that:
            la[(n.sheet if n else "", ma)].append(n)
    for (sheet, ma), ds in la.items():
        n = ds[0]
        them = f" ({len(ds)} dòng, dòng đầu ở ô này)" if len(ds) > 1 else ""
        gan = next((x for x in sorted(co_that) if ma.isdigit() and x.isdigit() and x != ma
                    and x.lstrip("0") == ma.lstrip("0")), None)
        if gan is not None and len(gan) > len(ma):
            goi_y = f"ở CaNhan/TapThe có mã '{gan}': sửa ô này thành '{gan}' (Excel đã bỏ số 0 ở đầu)"
        elif gan is not None:
            goi_y = (f"ở CaNhan/TapThe có mã '{gan}' (thiếu số 0 ở đầu): sửa ô Mã ở đó thành '{ma}' — xem cảnh báo "
                     "ở ô đó")
        else:
            goi_y = ("nếu gõ sai, sửa cho đúng Mã CB ở CaNhan hoặc Mã đơn vị ở TapThe; nếu người/đơn vị này đã chuyển "
                     "đi hoặc giải thể thì bỏ qua cảnh báo")
        g.van_de.append(KS._van_de(
            "ma_khong_khop", CANH_BAO, f"Mã '{ma}' ở sheet {sheet}{them} không khớp ai ở CaNhan hoặc TapThe, nên "
            f"dòng này không được dùng cho ai; {goi_y}.", theo_tep, n, "ma", "Mã"))


MA = st.sampled_from(["0", "00", "1", "01", "001", "10", "010", "0010", "7", "07", "A1", "0A1", "²", "12", "012"])


@HO_SO
@given(st.lists(MA, max_size=8), st.lists(MA, max_size=4),
       st.lists(st.tuples(MA, st.sampled_from(["LichSu", "SangKien", "KyLuat"])), max_size=12))
def test_kiem_ma_giong_cach_cu(ma_cn: list[str], ma_tt: list[str], so_cai: list[tuple[str, str]]) -> None:
    """Codes that differ by leading zeros, unmatched ledger codes, a Unicode digit: the same warnings, in order."""
    ca_nhan = [CaNhan(m, "A", nguon=NguonDong("a.xlsx", "CaNhan", i + 2)) for i, m in enumerate(ma_cn)]
    tap_the = [TapThe(m, "T", nguon=NguonDong("a.xlsx", "TapThe", i + 2)) for i, m in enumerate(ma_tt)]
    so = SoTheoDoi()
    for i, (m, sheet) in enumerate(so_cai):
        n = NguonDong("b.xlsx", sheet, i + 2)
        if sheet == "LichSu":
            so.them(MucLichSu(m, 2000 + i, nguon=n))
        elif sheet == "SangKien":
            so.them_sang_kien(MucSangKien(m, 2020, f"SK {i}", LOAI_SANG_KIEN["SANG_KIEN"], CAP_CONG_NHAN["CO_SO"],
                                          nguon=n))
        else:
            so.them_ky_luat(MucKyLuat(m, KY_LUAT["KHIEN_TRACH"], nguon=n))
    moi, cu = BoGom(), BoGom()
    KS.kiem_ma(ca_nhan, tap_the, so, moi, {})
    kiem_ma_goc(ca_nhan, tap_the, so, cu, {})
    assert moi.van_de == cu.van_de


class SoTheoDoiGoc:
    """The award indexes of ``mo_hinh.SoTheoDoi`` before issue 15 (a set of codes per subject and year, and a key
    per award type and round), for ``them``, ``co``, ``cac_nam`` and ``muc``."""

    def __init__(self) -> None:
        self._danh_hieu: dict = defaultdict(lambda: defaultdict(set))
        self._chuoi: set = set()
        self._loai: dict = {}
        self._theo_danh_hieu: dict = defaultdict(list)
        self._xep_loai: dict = {}

    def them(self, m: MucLichSu) -> None:
        if m.danh_hieu is not None:
            khoa = (m.ma, m.nam, m.danh_hieu.ma, m.loai_khen_thuong.ma, m.ten_dot)
            if khoa in self._loai:
                loai = "" if m.loai_khen_thuong is THUONG_XUYEN else f" ({m.loai_khen_thuong.ten})"
                raise LoiSoTheoDoi(
                    f"Sổ theo dõi có hai dòng cho cùng {m.ma}, {m.danh_hieu.viet_tat}{loai}, năm {m.nam}"
                    f"{SoTheoDoi._noi(self._loai[khoa])}; xóa dòng trùng.", "danh_hieu")
        if m.xep_loai is not None and (m.ma, m.nam) in self._xep_loai:
            cu, m0 = self._xep_loai[(m.ma, m.nam)]
            if cu is not m.xep_loai:
                raise LoiSoTheoDoi(
                    f"Sổ theo dõi ghi hai xếp loại khác nhau cho {m.ma} năm {m.nam}: {cu.ma}{SoTheoDoi._noi(m0)} và "
                    f"{m.xep_loai.ma}; giữ một xếp loại đúng.", "xep_loai")
        if m.danh_hieu is not None:
            self._loai[(m.ma, m.nam, m.danh_hieu.ma, m.loai_khen_thuong.ma, m.ten_dot)] = m
            self._theo_danh_hieu[(m.ma, m.nam, m.danh_hieu.ma)].append(m)
            self._danh_hieu[m.ma][m.nam].add(m.danh_hieu.ma)
            if m.tinh_chuoi:
                self._chuoi.add((m.ma, m.nam, m.danh_hieu.ma))
        if m.xep_loai is not None:
            self._xep_loai[(m.ma, m.nam)] = (m.xep_loai, m)

    def co(self, ma: str, ma_danh_hieu: str, nam: int, tinh_chuoi: bool = False) -> bool:
        if tinh_chuoi:
            return (ma, nam, ma_danh_hieu) in self._chuoi
        return ma_danh_hieu in self._danh_hieu.get(ma, {}).get(nam, ())

    def cac_nam(self, ma: str, ma_danh_hieu: str, tinh_chuoi: bool = False) -> list[int]:
        return sorted(n for n, s in self._danh_hieu.get(ma, {}).items()
                      if ma_danh_hieu in s and (not tinh_chuoi or (ma, n, ma_danh_hieu) in self._chuoi))

    def muc(self, ma: str, ma_danh_hieu: str, nam: int) -> list[MucLichSu]:
        return list(self._theo_danh_hieu.get((ma, nam, ma_danh_hieu), ()))


MA_SO = ["001", "002", "P1"]
NAM_SO = [2023, 2024, 2025]
DH_SO = [None, DANH_HIEU["LDTT"], DANH_HIEU["CSTDCS"], DANH_HIEU["GK"], DANH_HIEU["BKT"]]


@HO_SO
@given(st.lists(st.tuples(st.sampled_from(MA_SO), st.sampled_from(NAM_SO), st.sampled_from(DH_SO),
                          st.sampled_from(list(LOAI_KHEN_THUONG.values())), st.sampled_from(["", "Đợt A", "Đợt B"]),
                          st.sampled_from([None, XEP_LOAI["HTTNV"], XEP_LOAI["HTXSNV"]])), max_size=30))
def test_so_theo_doi_giong_cach_cu(dong: list[tuple]) -> None:
    """The ledger's award index, leaner (issue 15: one index instead of three): the same rows refused with the
    same message, and the same answers to co, cac_nam and muc for every subject, code and year."""
    moi, cu = SoTheoDoi(), SoTheoDoiGoc()
    for i, (ma, nam, dh, loai, dot, xl) in enumerate(dong):
        m = MucLichSu(ma, nam, dh, xep_loai=xl, nguon=NguonDong("a.xlsx", "LichSu", i + 2), loai_khen_thuong=loai,
                      ten_dot=dot)
        loi = []
        for so in (moi, cu):
            try:
                so.them(m)
                loi.append(None)
            except LoiSoTheoDoi as e:
                loi.append((str(e), e.khoa))
        assert loi[0] == loi[1]
    for ma in MA_SO:
        for dh in DH_SO[1:]:
            for chuoi in (False, True):
                assert moi.cac_nam(ma, dh.ma, chuoi) == cu.cac_nam(ma, dh.ma, chuoi)
                for nam in (*NAM_SO, 2026):
                    assert moi.co(ma, dh.ma, nam, chuoi) == cu.co(ma, dh.ma, nam, chuoi)
            for nam in (*NAM_SO, 2026):
                assert moi.muc(ma, dh.ma, nam) == cu.muc(ma, dh.ma, nam)
