"""The year's steps in order: every module sits on one step, and no module imports a later step.

    ground < doc < luat < kiem_tra < xet < ra < tong_ket < faces

A reader follows one person from the workbook row to the QĐ line by climbing these steps; data never climbs back
down. A new module must be added to ``BUOC`` (the test says so); a module that needs something from a later step
must receive it as an argument instead of importing it.
"""

from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from thidua.mo_hinh import ThongTin
from thidua.so_do import THONG_TIN

GOC = Path(__file__).resolve().parents[1] / "src"

THU_TU = ("ground", "doc", "luat", "kiem_tra", "xet", "ra", "tong_ket", "faces")

# module (dotted, without "thidua.") → its step. A package prefix ending in "." covers every module under it.
BUOC: dict[str, str] = {
    # ground: the data model and the words
    "__init__": "ground", "loi": "ground", "tieng_viet": "ground", "danh_muc": "ground", "mo_hinh": "ground",
    "duong_dan": "ground", "ghi_an_toan": "ground", "ten_tep": "ground", "cli_tieng_viet": "faces",
    # doc (read): files → typed cells and rows
    "so_do": "doc", "doc_bang": "doc", "doc_o": "doc", "ma_cu": "doc",
    # luat (the law): parameters, criteria, the vote's arithmetic, money
    "tham_so": "luat", "tieu_chuan": "luat", "su_kien": "luat", "binh_xet": "luat", "tien_thuong": "luat", "bien_dich_tham_so": "luat",
    # kiem_tra (validate): records + problems, nothing decided
    "kiem_tra": "kiem_tra", "kiem_tra_phieu": "kiem_tra", "kiem_tra_su_kien": "kiem_tra",
    # xet (decide): eligibility → vote with quorum → quota → final → money, once per run
    "xet": "xet",
    # ra (present): workbooks, documents, ballots, forms
    "ket_xuat": "ra", "ghi_bang": "ra", "ghi_nhanh": "ra", "mau_bang": "ra", "tao_phieu": "ra", "demo": "ra", "van_ban.": "ra",
    "ho_so": "ra",
    # tong_ket: the batches that call the steps in order (year-end, start-of-year registration)
    "tong_ket": "tong_ket", "dang_ky": "tong_ket",
    # faces: what the officer touches
    "cli": "faces", "__main__": "faces", "excel.": "faces",
}


def _cac_mo_dun() -> dict[str, Path]:
    goc = GOC / "thidua"
    return {".".join(p.relative_to(goc).with_suffix("").parts).removesuffix(".__init__") or "__init__": p
            for p in sorted(goc.rglob("*.py"))}


def _buoc(mo_dun: str) -> str | None:
    if mo_dun in BUOC:
        return BUOC[mo_dun]
    for tien_to, b in BUOC.items():
        if tien_to.endswith(".") and (mo_dun + ".").startswith(tien_to):
            return b
    return None


def _nhap(mo_dun: str, p: Path) -> list[tuple[str, list[str], int]]:
    """(imported thidua module, names imported from it, line) for every import in the file, wherever it is
    (function-level imports count too)."""
    goi = mo_dun.split(".") if p.name == "__init__.py" else mo_dun.split(".")[:-1]
    if mo_dun == "__init__":
        goi = []
    ra: list[tuple[str, list[str], int]] = []
    for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
        if isinstance(n, ast.ImportFrom):
            if n.level:
                co_so = goi[:len(goi) - (n.level - 1)] if n.level > 1 else goi
                dich = ".".join([*co_so, *([n.module] if n.module else [])])
            elif n.module and (n.module == "thidua" or n.module.startswith("thidua.")):
                dich = n.module.removeprefix("thidua").removeprefix(".")
            else:
                continue
            ten = [a.name for a in n.names]
            if not n.module:  # "from . import x": x may be a module
                for a in ten:
                    con = f"{dich}.{a}" if dich else a
                    ra.append((con if con in _cac_mo_dun() else (dich or "__init__"), [a], n.lineno))
            else:
                ra.append((dich or "__init__", ten, n.lineno))
        elif isinstance(n, ast.Import):
            for a in n.names:
                if a.name.startswith("thidua."):
                    ra.append((a.name.removeprefix("thidua."), [], n.lineno))
    return ra


def test_moi_mo_dun_co_buoc() -> None:
    thieu = [m for m in _cac_mo_dun() if _buoc(m) is None]
    assert not thieu, (f"modules without a step: {thieu}; add each to BUOC in tests/test_tang.py "
                       f"(steps: {' < '.join(THU_TU)}) and to the map in README's contributors section")
    assert set(BUOC.values()) <= set(THU_TU)


def test_khong_mo_dun_nao_nhap_buoc_sau() -> None:
    sai = []
    for m, p in _cac_mo_dun().items():
        b = _buoc(m)
        assert b is not None
        for dich, _, dong in _nhap(m, p):
            bd = _buoc(dich)
            if bd is not None and THU_TU.index(bd) > THU_TU.index(b):
                sai.append(f"{p.relative_to(GOC)}:{dong} ({b}) imports {dich} ({bd})")
    assert not sai, "a module imports a later step:\n" + "\n".join(sai)


def test_kiem_tra_khong_nhap_xet() -> None:
    """Validation decides nothing: it does not import the decision, not even inside a function."""
    p = _cac_mo_dun()["kiem_tra"]
    assert not [d for d, _, _ in _nhap("kiem_tra", p) if d == "xet"]


def test_khong_nhap_ten_rieng_cua_mo_dun_khac() -> None:
    """A leading underscore means "this module's own": no other module imports it, nor reaches it through the
    module (``ham._o``)."""
    mo_dun = _cac_mo_dun()
    sai = [f"{p.relative_to(GOC)}:{dong} imports {ten} from {dich}"
           for m, p in mo_dun.items() for dich, cac_ten, dong in _nhap(m, p)
           for ten in cac_ten if ten.startswith("_") and not ten.startswith("__")]
    for m, p in mo_dun.items():
        ten_mo_dun = {ten for dich, cac_ten, _ in _nhap(m, p) for ten in cac_ten if dich.endswith(ten) and dich in mo_dun}
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if (isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id in ten_mo_dun
                    and n.attr.startswith("_") and not n.attr.startswith("__")):
                sai.append(f"{p.relative_to(GOC)}:{n.lineno} uses {n.value.id}.{n.attr}")
    assert not sai, "\n".join(sai)


@pytest.mark.parametrize("cau", ["from .xet import xet", "from ..xet import KetQua", "from thidua.xet import xet"])
def test_bat_duoc_nhap_nguoc(cau: str, tmp_path: Path) -> None:
    """The check itself can fail: a validation module importing the decision is caught."""
    p = tmp_path / "x.py"
    p.write_text(cau + "\n", encoding="utf-8")
    ten = "excel.x" if cau.startswith("from ..") else "kiem_tra"
    dich = [d for d, _, _ in _nhap(ten, p)]
    assert dich == ["xet"]
    assert THU_TU.index(_buoc(dich[0]) or "") > THU_TU.index("kiem_tra")


def test_thong_tin_co_moi_khoa_cua_sheet() -> None:
    """Every key of the ThongTin sheet fills a typed field of ``ThongTin`` (the reader matches them by name)."""
    truong = {f.name for f in fields(ThongTin)}
    thieu = [c.khoa for c in THONG_TIN.cot if c.khoa not in truong]
    assert not thieu, f"add a typed field to mo_hinh.ThongTin for each ThongTin key: {thieu}"
