"""The law is data: a change made only in a copy of ``params/`` (pointed at by ``THIDUA_THAM_SO``) reaches every
face — the decision (``xet``), the registration check (``kiem-tra``, ``dang-ky``), the vote (``kiem-phieu``) and
the money — with no Python edited. Three experiments a maintainer would try: a quota for LĐTT, a CSTĐ tỉnh cycle
of 2 years, a changed vote threshold."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli import app
from thidua.tham_so import BIEN_MOI_TRUONG, thu_muc_tham_so
from tien_ich import THONG_TIN, TIEU_DE_CA_NHAN, bo_nho, nguoi

runner = CliRunner()
THONG_TIN_9 = [d if d[0] not in ("Số thành viên Hội đồng", "Số thành viên có mặt") else [d[0], 9] for d in THONG_TIN]


def _cay(tmp: Path, ten: str) -> Path:
    """A copy of the shipped params tree, to edit as a maintainer would."""
    dich = tmp / ten
    shutil.copytree(thu_muc_tham_so(), dich)
    return dich


def _dat_gia_tri(tep: Path, gia_tri: str) -> None:
    """Every dated value of a parameter file set to ``gia_tri`` (a YAML edit, nothing else)."""
    chu = tep.read_text(encoding="utf-8")
    tep.write_text(re.sub(r"(?m)^(\s+value:).*$", rf"\1 {gia_tri}", chu), encoding="utf-8")


def _chay(monkeypatch: pytest.MonkeyPatch, cay: Path | None, *args: str) -> dict:
    if cay is None:
        monkeypatch.delenv(BIEN_MOI_TRUONG, raising=False)
    else:
        monkeypatch.setenv(BIEN_MOI_TRUONG, str(cay))
    r = runner.invoke(app, [*args, "--json"])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.output)


def _ket_qua(xet: dict) -> dict[tuple[str, str], dict]:
    return {(c["ma"], k["danh_hieu"]): k for c in xet["ca_nhan"] + xet["tap_the"] for k in c["ket_qua"]}


def _tien(xet: dict) -> int:
    return sum(k["tien_thuong"] or 0 for k in _ket_qua(xet).values() if k["dat"])


def test_bien_moi_truong_sai_la_loi_ro_rang(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(BIEN_MOI_TRUONG, str(tmp_path / "khong-co"))
    r = runner.invoke(app, ["quy-dinh"])
    assert r.exit_code == 2 and BIEN_MOI_TRUONG in r.output and "Traceback" not in r.output


def test_chi_tieu_ldtt_chi_bang_mot_tep_yaml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """(a) Dropping params/chi_tieu/LDTT.yaml gives LĐTT a quota (on the number of individuals, the shipped
    base ``chi_tieu/co_so/LDTT.yaml``): the decision, the reasons and the money follow."""
    vao = bo_nho(tmp_path / "vao", [nguoi("001", "An", xep_loai="HTXSNV"), nguoi("002", "Bình", xep_loai="HTXSNV"),
                                    nguoi("003", "Chi"), nguoi("004", "Dung")])
    cay = _cay(tmp_path, "params")
    (cay / "chi_tieu" / "LDTT.yaml").write_text(
        "description: Số LĐTT tối đa, tính theo tỷ lệ trên số cá nhân được xét\nkieu: ty_le\n"
        "nhan: Chỉ tiêu LĐTT\nvalues:\n  2017-10-01:\n    value: 50%\n    ref: Quy chế thi đua của tỉnh (thử)\n",
        encoding="utf-8")
    truoc = _chay(monkeypatch, None, "xet", str(vao))
    sau = _chay(monkeypatch, cay, "xet", str(vao))
    dat_truoc = {m for (m, d), k in _ket_qua(truoc).items() if k["dat"]}
    dat_sau = {m for (m, d), k in _ket_qua(sau).items() if k["dat"]}
    assert dat_truoc == {"001", "002", "003", "004"}
    assert dat_sau == {"001", "002"}  # ranked by rating: the two HTXSNV are inside 50 % × 4
    k = _ket_qua(sau)[("003", "LDTT")]
    assert k["ket_luan"] == "ngoai_chi_tieu"
    assert any("chỉ tiêu 50 % × 4 cá nhân được xét = 2" in x for x in k["ly_do"])
    assert "Quy chế thi đua của tỉnh (thử)" in k["can_cu"]
    assert _tien(sau) * 2 == _tien(truoc) > 0


def _bo_chu_ky(tmp: Path) -> Path:
    """An: CSTĐCS 2024 in the ledger, proposes CSTĐCS and CSTĐ tỉnh for 2025 with a province-level initiative,
    9/9 votes for both. Bình: only registers CSTĐ tỉnh (a start-of-year row) with CSTĐCS 2024 in the ledger."""
    cn = [nguoi("001", "An", xep_loai="HTXSNV", de_nghi="CSTĐCS, CSTĐ tỉnh", **{"Sáng kiến": "Tỉnh"}),
          [{"Mã CB": "002", "Họ và tên": "Bình", "Đơn vị": "P1", "Đăng ký": "CSTĐ tỉnh", "Ngày sinh": "01/01/1980"}
           .get(c, "") for c in TIEU_DE_CA_NHAN]]
    lich_su = [["Mã", "Năm", "Danh hiệu"], ["001", 2024, "CSTĐCS"], ["002", 2024, "CSTĐCS"]]
    phieu = [["Phiếu số", "001 - CSTĐCS", "001 - CSTĐ tỉnh"], *[[i, "x", "x"] for i in range(1, 10)]]
    return bo_nho(tmp, cn, thong_tin=THONG_TIN_9, LichSu=lich_su, PhieuBau=phieu)


def test_chu_ky_cstd_tinh_hai_nam(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """(b) CSTĐ tỉnh on 2 years of CSTĐCS instead of 3, in YAML only: the decision, the registration note of
    ``kiem-tra`` and ``dang-ky``, and the money all change."""
    vao = _bo_chu_ky(tmp_path / "vao")
    cay = _cay(tmp_path, "params")
    _dat_gia_tri(cay / "tieu_chuan" / "CSTDT" / "so_nam_CSTDCS.yaml", "2")

    truoc = _chay(monkeypatch, None, "xet", str(vao))
    sau = _chay(monkeypatch, cay, "xet", str(vao))
    k_truoc, k_sau = _ket_qua(truoc)[("001", "CSTDT")], _ket_qua(sau)[("001", "CSTDT")]
    assert not k_truoc["du_dieu_kien"] and any("3 năm liên tục 2023–2025" in x for x in k_truoc["ly_do"])
    assert k_sau["dat"] and any("CSTĐCS 2 năm liên tục 2024–2025" in x for x in k_sau["ly_do"])
    assert k_sau["tien_thuong"] and _tien(sau) > _tien(truoc)  # CSTĐ tỉnh is paid too (another period)

    # Bình's registration (row 3, column M "Đăng ký"): noted by every face that validates a registration sheet
    for lenh, lenh_sau in ((["kiem-tra", str(vao)], ["kiem-tra", str(vao)]),
                           (["dang-ky", str(vao), "-o", str(tmp_path / "dk")],
                            ["dang-ky", str(vao), "-o", str(tmp_path / "dk2")])):
        ghi_chu = [v for v in _chay(monkeypatch, None, *lenh)["loi"] if v["ma_loi"] == "kho_dat" and v["dong"] == 3]
        assert len(ghi_chu) == 1 and ghi_chu[0]["o"] == "M3"
        assert "3 năm liên tục 2023–2025 (thiếu năm 2023)" in ghi_chu[0]["thong_bao"]
        assert not [v for v in _chay(monkeypatch, cay, *lenh_sau)["loi"] if v["ma_loi"] == "kho_dat"]


def test_nguong_phieu_chi_bang_yaml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """(c) The CSTĐCS vote threshold changed in YAML: the count (``kiem-phieu``), the decision and the money."""
    cn = [nguoi("001", "An", xep_loai="HTXSNV", de_nghi="CSTĐCS")]
    phieu = [["Phiếu số", "001 - CSTĐCS"], *[[i, "x" if i <= 8 else ""] for i in range(1, 10)]]
    vao = bo_nho(tmp_path / "vao", cn, thong_tin=THONG_TIN_9, PhieuBau=phieu)
    thap, cao = _cay(tmp_path, "thap"), _cay(tmp_path, "cao")
    _dat_gia_tri(thap / "binh_xet" / "nguong" / "CSTDCS.yaml", "1/2")
    _dat_gia_tri(cao / "binh_xet" / "nguong" / "CSTDCS.yaml", "1")

    kp_thap = _chay(monkeypatch, thap, "kiem-phieu", str(vao))["ung_vien"][0]
    kp_cao = _chay(monkeypatch, cao, "kiem-phieu", str(vao))["ung_vien"][0]
    assert (kp_thap["dong_y"], kp_thap["nguong"], kp_thap["dat"]) == (8, 0.5, True)
    assert (kp_cao["dong_y"], kp_cao["nguong"], kp_cao["dat"]) == (8, 1.0, False)

    x_thap, x_cao = _chay(monkeypatch, thap, "xet", str(vao)), _chay(monkeypatch, cao, "xet", str(vao))
    k_thap, k_cao = _ket_qua(x_thap)[("001", "CSTDCS")], _ket_qua(x_cao)[("001", "CSTDCS")]
    assert k_thap["dat"] and not k_cao["dat"] and k_cao["ket_luan"] == "khong_dat_phieu"
    assert any("cần ít nhất 9 phiếu" in x for x in k_cao["ly_do"])
    assert _tien(x_thap) > 0 == _tien(x_cao)


def test_moi_ham_tieu_chuan_co_docstring_va_khong_ten_luat_trong_ma() -> None:
    """Every rule function says which article it implements (the manifest prints it), and no law's name is typed
    into a message of the law's modules: citations come from params/."""
    import ast
    import inspect

    from thidua import tieu_chuan

    ham = {*tieu_chuan.TIEU_CHUAN_CA_NHAN.values(), *tieu_chuan.TIEU_CHUAN_TAP_THE.values(),
           *tieu_chuan.CONG_THUC_CSTDCS.values()}
    thieu = [h.__name__ for h in ham if not (inspect.getdoc(h) or "").strip()]
    assert not thieu, f"rule functions without a docstring: {thieu}"
    goc = Path(tieu_chuan.__file__).parent
    sai = []
    for ten in ("tieu_chuan.py", "xet.py", "kiem_tra.py", "kiem_tra_su_kien.py", "su_kien.py", "dang_ky.py",
                "ket_xuat.py", "tien_thuong.py"):
        cay = ast.parse((goc / ten).read_text(encoding="utf-8"))
        tai_lieu = {id(n.body[0].value) for n in ast.walk(cay)
                    if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body
                    and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for n in ast.walk(cay):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in tai_lieu \
                    and re.search(r"Luật (Thi đua|20\d\d)|Nghị định|Thông tư|NĐ-CP|TT-BNV", n.value):
                sai.append(f"{ten}:{n.lineno}: {n.value[:60]!r}")
    assert not sai, "law names typed in code (put them in params/):\n" + "\n".join(sai)


def test_ghi_chu_dang_ky_tren_vung_chon_va_nut_addin(tmp_path: Path) -> None:
    """The registration notes where a registration sheet is validated in Excel: a selection (TD_KIEMTRA's
    ``kiem_tra_vung``, given the ledger) and the add-in's "mark wrong cells" button (``danh_dau_loi``)."""
    from thidua.danh_muc import DANH_HIEU
    from thidua.excel.hanh_dong import danh_dau_loi
    from thidua.kiem_tra import kiem_tra_vung
    from thidua.mo_hinh import MucLichSu, SoTheoDoi

    vung = [TIEU_DE_CA_NHAN, [{"Mã CB": "002", "Họ và tên": "Bình", "Đơn vị": "P1", "Đăng ký": "CSTĐ tỉnh",
                               "Ngày sinh": "01/01/1980"}.get(c, "") for c in TIEU_DE_CA_NHAN]]
    so = SoTheoDoi([MucLichSu("002", 2024, DANH_HIEU["CSTDCS"])])
    import datetime as dt

    ghi_chu = [v for v in kiem_tra_vung(vung, 5, "CaNhan", dt.date(2026, 1, 12), so, 2025) if v.ma_loi == "kho_dat"]
    assert len(ghi_chu) == 1 and ghi_chu[0].o == "M6" and "thiếu năm 2023" in ghi_chu[0].thong_bao
    assert not [v for v in kiem_tra_vung(vung, 5, "CaNhan", dt.date(2026, 1, 12)) if v.ma_loi == "kho_dat"]

    vao = _bo_chu_ky(tmp_path / "vao")
    dau = [d for d in danh_dau_loi(vao) if d.sheet == "CaNhan" and d.o == "M3"]
    assert len(dau) == 1 and "3 năm liên tục 2023–2025 (thiếu năm 2023)" in dau[0].ghi_chu
