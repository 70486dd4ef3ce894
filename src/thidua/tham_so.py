"""The law as data: dated, cited parameters (STYLE.md, "Law as data").

Each parameter is one YAML file under ``src/thidua/params/``; its dotted name is its path
(``tien_thuong/he_so/BKT.yaml`` → ``tien_thuong.he_so.BKT``). Lookups always take a date. The agency's own
regulation (sheet QuyChe) overrides a value by the parameter's name or its Vietnamese label (``nhan``).

The tree read is the one shipped with thidua, or the folder named by the environment variable
``THIDUA_THAM_SO`` (a maintainer's experiment, a province's own copy): every face reads the law from there.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .danh_muc import DANH_HIEU, MucDo, doc_ky_luat
from .loi import GiaTriKhongHopLe, LoiThamSo
from .tieng_viet import chuan_hoa, doc_dung_sai, khoa_so_khop

KIEU = ("tien", "so_nguyen", "he_so", "ty_le", "dung_sai", "lua_chon", "ky_luat", "danh_sach", "can_cu")
BIEN_MOI_TRUONG = "THIDUA_THAM_SO"  # another params tree
_KHOA_THAM_SO = {"description", "kieu", "nhan", "unit", "quy_che", "lua_chon", "values"}
_KHOA_GIA_TRI = {"value", "ref", "quy_che"}

NGUON_LUAT = "luat"
NGUON_MAC_DINH = "quy_che_mac_dinh"
NGUON_CO_QUAN = "quy_che_co_quan"

TEN_LUA_CHON = {
    "tong_so_thanh_vien": "tổng số thành viên Hội đồng",
    "so_co_mat": "số thành viên có mặt",
    "so_phieu_hop_le": "số phiếu hợp lệ",
    "xuong": "làm tròn xuống",
    "gan_nhat": "làm tròn đến số gần nhất",
    "len": "làm tròn lên",
    "so_ca_nhan": "số cá nhân được xét",
    "so_tap_the": "số tập thể được xét",
    "so": "Giám đốc Sở",
    "tinh": "Chủ tịch UBND tỉnh",
    "thu_tuong": "Thủ tướng Chính phủ",
    "luat_2003": "bắt buộc có sáng kiến hoặc đề tài",
    "luat_2022": "HTXSNV, hoặc có sáng kiến, hoặc có đề tài",
    # the base a quota counts on (chi_tieu.co_so.*): the number who reached a title this round
    **{dh.ma: f"số đạt {dh.viet_tat}" for dh in DANH_HIEU.values()},
}


def _ma_sang_viet_tat(chu: str) -> str:
    """A title's code written as users write it ("CSTDCS" → "CSTĐCS", "CSTDT" → "CSTĐ tỉnh")."""
    return re.sub(r"\b[A-Z]{2,}\b", lambda m: DANH_HIEU[m[0]].viet_tat if m[0] in DANH_HIEU else m[0], chu)


def _viet_tat_sang_ma(chu: str) -> str:
    """The reverse, for QuyChe keys typed with the codes of earlier versions ("Ngưỡng phiếu CSTDT")."""
    for dh in sorted(DANH_HIEU.values(), key=lambda d: -len(d.viet_tat)):
        chu = chu.replace(dh.viet_tat, dh.ma)
    return chu


@lru_cache(maxsize=1)
def _bo_doc_yaml() -> type:
    """A YAML loader that refuses duplicate keys (PyYAML silently keeps the last one). PyYAML is imported here,
    not at module level: without it (Pyodide, xlwings Lite) the parameters come from the compiled JSON. Built on
    libyaml's parser when PyYAML has it (``CSafeLoader``: the 100 files of params/ in 0.01 s instead of 0.07 s, the
    same trees — tests/test_tham_so.py), on the pure-Python one otherwise."""
    import yaml

    class _BatTrungKhoa(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def _mapping_khong_trung(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
        da_thay: set[object] = set()
        for khoa_node, _ in node.value:
            khoa = loader.construct_object(khoa_node, deep=deep)
            if khoa in da_thay:
                raise LoiThamSo(f"khóa '{khoa}' bị lặp (dòng {khoa_node.start_mark.line + 1})")
            da_thay.add(khoa)
        return loader.construct_mapping(node, deep=deep)

    _BatTrungKhoa.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_khong_trung)
    return _BatTrungKhoa


def doc_ty_le(gia_tri: object) -> Fraction | None:
    """``"9/10"``, ``0.9``, ``"90%"``, ``"90 %"``, ``"0,9"`` → Fraction(9, 10). Blank → None."""
    if gia_tri is None or (isinstance(gia_tri, str) and not gia_tri.strip()):
        return None
    if isinstance(gia_tri, bool):
        raise ValueError("không phải tỷ lệ")
    if isinstance(gia_tri, str) and khoa_so_khop(gia_tri) in ("khong", "khonggioihan"):
        return None
    if isinstance(gia_tri, int | float):
        f = Fraction(str(gia_tri))
    else:
        s = chuan_hoa(gia_tri).replace(" ", "").replace(",", ".")
        phan_tram = s.endswith("%")
        s = s.rstrip("%")
        f = Fraction(s)
        if phan_tram:
            f /= 100
    if isinstance(gia_tri, int | float) and f > 1:
        f /= 100  # 90 typed in a cell means 90 %
    if not 0 <= f <= 1:
        raise ValueError("tỷ lệ phải từ 0 đến 100 %")
    return f


def _doc_so_nguyen(gia_tri: object) -> int:
    if isinstance(gia_tri, bool):
        raise ValueError("không phải số")
    if isinstance(gia_tri, float):
        if not gia_tri.is_integer():
            raise ValueError("phải là số nguyên")
        return int(gia_tri)
    if isinstance(gia_tri, int):
        return gia_tri
    s = chuan_hoa(gia_tri).replace(".", "").replace(" ", "")
    return int(s)


def _doc_he_so(gia_tri: object) -> Fraction:
    if isinstance(gia_tri, bool):
        raise ValueError("không phải số")
    if isinstance(gia_tri, str):
        gia_tri = chuan_hoa(gia_tri).replace(",", ".")
    f = Fraction(str(gia_tri))
    if f < 0:
        raise ValueError("hệ số không được âm")
    return f


@dataclass(frozen=True, slots=True)
class GiaTriThamSo:
    """A parameter's value in force on a date, with where it comes from."""

    ten: str
    gia_tri: Any
    can_cu: str
    tu_ngay: dt.date | None
    nguon: str  # NGUON_LUAT | NGUON_MAC_DINH | NGUON_CO_QUAN
    kieu: str = ""

    @property
    def la_mac_dinh_quy_che(self) -> bool:
        return self.nguon == NGUON_MAC_DINH

    def hien_thi(self) -> str:
        return hien_thi_gia_tri(self.gia_tri, self.kieu)


def hien_thi_so(v: Fraction) -> str:
    """Fraction(3, 10) → "0,3" (Vietnamese decimal comma)."""
    return f"{float(v):.6g}".replace(".", ",")


def hien_thi_gia_tri(v: object, kieu: str = "") -> str:
    if v is None:
        return "không giới hạn"
    if isinstance(v, bool):
        return "Có" if v else "Không"
    if isinstance(v, Fraction) and kieu == "he_so":
        return hien_thi_so(v)
    if isinstance(v, Fraction):
        if v.denominator == 1:
            return str(v.numerator)
        pt = v * 100
        if pt.denominator == 1:
            return f"{pt.numerator} %"
        if pt == Fraction(200, 3):
            return "2/3"
        return f"{float(v):.4g}".replace(".", ",")
    if isinstance(v, MucDo):
        return v.ten
    if isinstance(v, tuple):
        return " ".join(map(str, v))
    if isinstance(v, int):
        return f"{v:,}".replace(",", ".")
    if isinstance(v, str):
        return TEN_LUA_CHON.get(v, v)
    return str(v)


@dataclass(frozen=True)
class ThamSo:
    """One parameter: its description and its dated values."""

    ten: str
    mo_ta: str
    kieu: str
    nhan: str | None
    don_vi: str | None
    quy_che: bool
    lua_chon: tuple[str, ...]
    cac_gia_tri: tuple[tuple[dt.date, Any, str, bool], ...]

    def doc_gia_tri(self, tho: object) -> Any:
        """Parse a raw value (from YAML or from a QuyChe cell) into this parameter's type."""
        k = self.kieu
        if k == "ty_le":
            return doc_ty_le(tho)
        if tho is None or (isinstance(tho, str) and not tho.strip()):
            raise ValueError("thiếu giá trị")
        if k in ("tien", "so_nguyen"):
            v = _doc_so_nguyen(tho)
            if v < 0:
                raise ValueError("không được âm")
            return v
        if k == "he_so":
            return _doc_he_so(tho)
        if k == "dung_sai":
            return doc_dung_sai(tho)
        if k == "lua_chon":
            key = khoa_so_khop(tho)
            for lc in self.lua_chon:
                if key in (khoa_so_khop(lc), khoa_so_khop(TEN_LUA_CHON.get(lc, lc))):
                    return lc
            raise ValueError("chọn " + ", ".join(TEN_LUA_CHON.get(x, x) for x in self.lua_chon))
        if k == "can_cu":
            if not isinstance(tho, str) or not tho.strip():
                raise ValueError("phải là một dòng căn cứ")
            return tho.strip()
        if k == "danh_sach":
            if not isinstance(tho, list) or not all(isinstance(x, str) and x.strip() for x in tho):
                raise ValueError("phải là danh sách các dòng chữ")
            return tuple(tho)
        if k == "ky_luat":
            try:
                return doc_ky_luat(tho)
            except GiaTriKhongHopLe as e:
                raise ValueError(e.thong_bao) from None
        raise ValueError(f"kiểu '{k}' không biết")

    def tai_ngay(self, ngay: dt.date) -> GiaTriThamSo:
        dang_hieu_luc = None
        for tu_ngay, v, ref, qc in self.cac_gia_tri:
            if tu_ngay <= ngay:
                dang_hieu_luc = (tu_ngay, v, ref, qc)
        if dang_hieu_luc is None:
            raise LoiThamSo(
                f"Tham số '{self.ten}' chưa có giá trị nào có hiệu lực vào ngày {ngay:%d/%m/%Y} "
                f"(sớm nhất từ {self.cac_gia_tri[0][0]:%d/%m/%Y}); kiểm tra lại Ngày quyết định.")
        tu_ngay, v, ref, qc = dang_hieu_luc
        nguon = NGUON_MAC_DINH if (qc or self.quy_che) else NGUON_LUAT
        return GiaTriThamSo(self.ten, v, ref, tu_ngay, nguon, self.kieu)


def doc_yaml_tham_so(duong_dan: Path) -> Any:
    """One parameter file as the raw YAML tree (dates stay ``datetime.date``)."""
    import yaml

    try:
        return yaml.load(duong_dan.read_text(encoding="utf-8"), Loader=_bo_doc_yaml())
    except LoiThamSo as e:
        raise LoiThamSo(f"Tệp tham số {duong_dan.name}: {e.thong_bao}", tep=str(duong_dan)) from None
    except yaml.YAMLError as e:
        raise LoiThamSo(f"Tệp tham số {duong_dan} không đọc được: {e}", tep=str(duong_dan)) from None


def _doc_tep(duong_dan: Path, ten: str) -> ThamSo:
    return _tu_du_lieu(doc_yaml_tham_so(duong_dan), ten, duong_dan)


def _tu_du_lieu(du_lieu: Any, ten: str, duong_dan: Path) -> ThamSo:
    def loi(thong_bao: str) -> LoiThamSo:
        return LoiThamSo(f"Tệp tham số {duong_dan}: {thong_bao}", tep=str(duong_dan))

    if not isinstance(du_lieu, dict):
        raise loi("phải là một bảng khóa: giá trị")
    thua = set(du_lieu) - _KHOA_THAM_SO
    if thua:
        raise loi(f"khóa không biết: {', '.join(sorted(map(str, thua)))}")
    for bat_buoc in ("description", "kieu", "values"):
        if bat_buoc not in du_lieu:
            raise loi(f"thiếu khóa '{bat_buoc}'")
    if du_lieu["kieu"] not in KIEU:
        raise loi(f"kiểu '{du_lieu['kieu']}' không hợp lệ; chọn {', '.join(KIEU)}")
    gia_tri = du_lieu["values"]
    if not isinstance(gia_tri, dict) or not gia_tri:
        raise loi("'values' phải có ít nhất một ngày")
    mo_ta = (ten, du_lieu["description"], du_lieu["kieu"], du_lieu.get("nhan"), du_lieu.get("unit"),
             bool(du_lieu.get("quy_che", False)), tuple(du_lieu.get("lua_chon") or ()))
    ts = ThamSo(*mo_ta, ())  # parses the values; the finished parameter is built from them below
    cac: list[tuple[dt.date, Any, str, bool]] = []
    ngay_truoc: dt.date | None = None
    for ngay, muc in gia_tri.items():
        if not isinstance(ngay, dt.date):
            raise loi(f"'{ngay}' không phải ngày dạng YYYY-MM-DD")
        if ngay_truoc is not None and ngay <= ngay_truoc:
            raise loi(f"các ngày phải tăng dần ({ngay_truoc} rồi {ngay})")
        ngay_truoc = ngay
        if not isinstance(muc, dict):
            raise loi(f"ngày {ngay}: phải có 'value' và 'ref'")
        thua = set(muc) - _KHOA_GIA_TRI
        if thua:
            raise loi(f"ngày {ngay}: khóa không biết {', '.join(sorted(map(str, thua)))}")
        if "value" not in muc:
            raise loi(f"ngày {ngay}: thiếu 'value'")
        if not muc.get("ref"):
            raise loi(f"ngày {ngay}: thiếu căn cứ 'ref'")
        try:
            v = ts.doc_gia_tri(muc["value"]) if not (muc["value"] is None and ts.kieu == "ty_le") else None
        except ValueError as e:
            raise loi(f"ngày {ngay}: giá trị {muc['value']!r} không hợp lệ ({e})") from None
        cac.append((ngay, v, str(muc["ref"]), bool(muc.get("quy_che", False))))
    return ThamSo(*mo_ta, tuple(cac))


@dataclass(frozen=True)
class BoThamSo:
    """Every parameter of the tree, by dotted name."""

    tham_so: Mapping[str, ThamSo]

    @classmethod
    def tu_thu_muc(cls, thu_muc: Path) -> BoThamSo:
        tham_so: dict[str, ThamSo] = {}
        for tep in sorted(thu_muc.rglob("*")):
            if tep.is_dir():
                continue
            if tep.suffix not in (".yaml", ".yml"):
                raise LoiThamSo(f"Tệp lạ trong thư mục tham số: {tep}", tep=str(tep))
            ten = ".".join(tep.relative_to(thu_muc).with_suffix("").parts)
            tham_so[ten] = _doc_tep(tep, ten)
        return cls._tu_bang(tham_so)

    @classmethod
    def tu_json(cls, duong_dan: Path) -> BoThamSo:
        """The tree compiled to one JSON file at build time (``bien_dich_tham_so``), for Python without PyYAML
        (Pyodide: xlwings Lite). Same checks as the YAML files."""
        from .bien_dich_tham_so import doc_json

        cay = doc_json(Path(duong_dan).read_text(encoding="utf-8"))
        return cls._tu_bang({ten: _tu_du_lieu(du_lieu, ten, Path(duong_dan) / ten)
                             for ten, du_lieu in sorted(cay.items())})

    @classmethod
    def _tu_bang(cls, tham_so: dict[str, ThamSo]) -> BoThamSo:
        nhan_da_co: dict[str, str] = {}
        for ts in tham_so.values():
            if ts.nhan:
                k = khoa_so_khop(ts.nhan)
                if k in nhan_da_co:
                    raise LoiThamSo(f"Nhãn '{ts.nhan}' dùng cho cả {nhan_da_co[k]} và {ts.ten}")
                nhan_da_co[k] = ts.ten
        return cls(tham_so)

    def __getitem__(self, ten: str) -> ThamSo:
        try:
            return self.tham_so[ten]
        except KeyError:
            raise LoiThamSo(f"Không có tham số '{ten}'") from None

    def tim_theo_khoa(self, khoa: object) -> ThamSo:
        """Find a parameter by its dotted name or its Vietnamese label (QuyChe keys)."""
        k = khoa_so_khop(khoa)
        for ts in self.tham_so.values():
            if ts.nhan and k in (khoa_so_khop(ts.ten), khoa_so_khop(ts.nhan), khoa_so_khop(_viet_tat_sang_ma(ts.nhan))):
                return ts
        raise GiaTriKhongHopLe(
            f"Khóa quy chế '{khoa}' không có; các khóa được dùng: "
            + "; ".join(ts.nhan for ts in self.tham_so.values() if ts.nhan) + ".")

    def doc_quy_che(self, cac_dong: Iterable[tuple[object, object]]) -> dict[str, Any]:
        """QuyChe rows (key, value) → {parameter name: parsed value}. Raises on the first bad row;
        the workbook validator calls ``doc_mot_dong_quy_che`` to collect every problem."""
        return dict(self.doc_mot_dong_quy_che(k, v) for k, v in cac_dong)

    def doc_mot_dong_quy_che(self, khoa: object, gia_tri: object) -> tuple[str, Any]:
        ts = self.tim_theo_khoa(khoa)
        try:
            return ts.ten, ts.doc_gia_tri(gia_tri)
        except (ValueError, ZeroDivisionError, ArithmeticError) as e:
            raise GiaTriKhongHopLe(f"Giá trị '{gia_tri}' của '{ts.nhan}' không hợp lệ: {e}.") from None

    def tai_ngay(self, ngay: dt.date, ghi_de: Mapping[str, Any] | None = None) -> ThamSoApDung:
        return ThamSoApDung(self, ngay, dict(ghi_de or {}))


@dataclass
class ThamSoApDung:
    """The parameters in force on one date, with the agency's overrides; remembers what was used."""

    bo: BoThamSo
    ngay: dt.date
    ghi_de: dict[str, Any]
    da_dung: dict[str, GiaTriThamSo] = field(default_factory=dict)
    _dien_giai: dict[str, tuple[Any, str, str | None]] = field(default_factory=dict, repr=False)
    _ngay_khac: dict[dt.date, ThamSoApDung] = field(default_factory=dict, repr=False, compare=False)

    def chi_tiet(self, ten: str) -> GiaTriThamSo:
        if ten in self.da_dung:
            return self.da_dung[ten]
        ts = self.bo[ten]
        if ten in self.ghi_de:
            gt = GiaTriThamSo(ten, self.ghi_de[ten], "Quy chế thi đua, khen thưởng của cơ quan (sheet QuyChe)",
                              None, NGUON_CO_QUAN, ts.kieu)
        else:
            gt = ts.tai_ngay(self.ngay)
        self.da_dung[ten] = gt
        return gt

    def __call__(self, ten: str) -> Any:
        return self.chi_tiet(ten).gia_tri

    def dien_giai(self, ten: str) -> tuple[Any, str, str | None]:
        """(value, citation, the "theo quy chế" line or None when the law itself sets the value), computed once
        per parameter and round."""
        if ten not in self._dien_giai:
            gt = self.chi_tiet(ten)
            ts = self.bo[ten]
            # a parameter the QuyChe sheet does not list still reads as words (a reviewer: "chi_tieu.co_so.CSTDCS:
            # LDTT" in the reasons): its description's first clause
            nhan = ts.nhan or _ma_sang_viet_tat(re.sub(r"\s*\([^)]*\)", "", ts.mo_ta).split(":")[0].strip())
            dong = None
            if gt.nguon == NGUON_MAC_DINH:
                dong = f"{nhan}: {gt.hien_thi()} (quy chế mặc định)"
            elif gt.nguon == NGUON_CO_QUAN:
                dong = f"{nhan}: {gt.hien_thi()} (Quy chế của cơ quan)"
            self._dien_giai[ten] = (gt.gia_tri, gt.can_cu, dong)
        return self._dien_giai[ten]

    def vao_ngay(self, ngay: dt.date) -> ThamSoApDung:
        """The parameters in force on another date, with the same overrides: one object per date and round (the
        CSTĐCS of each past year asks for its year's rules, 4,000 times at 20,000 staff)."""
        ts = self._ngay_khac.get(ngay)
        if ts is None:
            ts = self._ngay_khac[ngay] = self.bo.tai_ngay(ngay, self.ghi_de)
        return ts

    def tat_ca(self) -> list[GiaTriThamSo]:
        """Every parameter in force (for ``quy-dinh`` and the manifest)."""
        return [self.chi_tiet(ten) for ten in sorted(self.bo.tham_so)]


def thu_muc_tham_so() -> Path:
    """The params tree in use: ``$THIDUA_THAM_SO`` when set, else the one shipped with thidua."""
    khac = os.environ.get(BIEN_MOI_TRUONG, "").strip()
    if khac:
        p = Path(khac)
        if not p.is_dir():
            raise LoiThamSo(f"{BIEN_MOI_TRUONG}='{khac}' không phải một thư mục tham số; sửa hoặc bỏ biến này.")
        return p
    return Path(str(resources.files("thidua") / "params"))


@lru_cache(maxsize=4)
def _bo_tu(thu_muc: Path) -> BoThamSo:
    return BoThamSo.tu_thu_muc(thu_muc)


def bo_tham_so_mac_dinh() -> BoThamSo:
    """The parameter tree in use (``thu_muc_tham_so``: ``$THIDUA_THAM_SO`` or the one shipped), loaded once per
    process and folder: the YAML files when PyYAML is there, else (for the shipped tree) the JSON compiled from
    them when the wheel was built (xlwings Lite, Pyodide)."""
    try:
        import yaml  # noqa: F401
    except ImportError:
        from .bien_dich_tham_so import tep_json_kem_theo

        return BoThamSo.tu_json(tep_json_kem_theo())
    return _bo_tu(thu_muc_tham_so())
