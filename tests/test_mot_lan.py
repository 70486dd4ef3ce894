"""One decision per run: every command and add-in action that needs the decision makes it exactly once, and
those that only read or validate make none (the Excel "mark wrong cells" button does not pay for a decision)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli import app
from thidua.xet import PhienXet
from tien_ich import bo_nho, nguoi

runner = CliRunner()


@pytest.fixture
def dem(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the decisions made (``PhienXet.chay``: the whole eligibility → vote → quota → money pipeline)."""
    so_lan = [0]
    goc = PhienXet.chay

    def chay(self: PhienXet):  # type: ignore[no-untyped-def]
        so_lan[0] += 1
        return goc(self)

    monkeypatch.setattr(PhienXet, "chay", chay)
    return so_lan


@pytest.mark.parametrize(("lenh", "so_lan"), [
    (["kiem-tra"], 1),  # who must be voted on but has no ballot column: the decision says
    (["kiem-tra", "--json"], 1),
    (["xet", "--json"], 1),
    (["xet"], 1),
    (["kiem-phieu", "--json"], 0),
])
def test_lenh_doc_demo(lenh: list[str], so_lan: int, demo_dau_vao: Path, dem: list[int]) -> None:
    r = runner.invoke(app, [lenh[0], str(demo_dau_vao), *lenh[1:]])
    assert r.exit_code == 0, r.output
    assert dem[0] == so_lan


@pytest.mark.parametrize(("lenh", "so_lan"), [(["van-ban"], 1), (["tong-ket"], 1), (["tao-phieu"], 1),
                                              (["dang-ky", "--nam", "2026"], 0)])
def test_lenh_ghi(lenh: list[str], so_lan: int, tmp_path: Path, dem: list[int]) -> None:
    vao = bo_nho(tmp_path / "vao", [nguoi("001", "Nguyễn Văn An"),
                                     nguoi("002", "Trần Thị Bình", xep_loai="HTXSNV", de_nghi="CSTĐCS")])
    r = runner.invoke(app, [lenh[0], str(vao), "-o", str(tmp_path / "ra"), *lenh[1:]])
    assert r.exit_code == 0, r.output
    assert any((tmp_path / "ra").iterdir())
    assert dem[0] == so_lan


def test_loi_du_lieu_khong_xet(tmp_path: Path, dem: list[int]) -> None:
    """Data with errors: validation reports them and nothing is decided."""
    vao = bo_nho(tmp_path, thong_tin=[["Mục", "Giá trị"], ["Cơ quan", "SỞ X"]])
    for lenh in (["kiem-tra"], ["xet"], ["tong-ket", "-o", str(tmp_path / "ra")]):
        assert runner.invoke(app, [lenh[0], str(vao), *lenh[1:]]).exit_code == 1
    assert dem[0] == 0


def test_hanh_dong_addin(demo_dau_vao: Path, tmp_path: Path, dem: list[int]) -> None:
    from thidua.excel.hanh_dong import bang_ket_qua_kiem_phieu, danh_dau_loi, tao_van_ban_canh_so

    so = next(p for p in sorted(demo_dau_vao.glob("*.xlsx")) if "tong" in p.name.lower())
    danh_dau_loi(so)
    assert dem[0] == 0
    assert bang_ket_qua_kiem_phieu(so)[0][0] == "Phiếu phát ra"
    assert dem[0] == 0
    ban = tmp_path / "dv" / "so.xlsx"
    ban.parent.mkdir()
    shutil.copy(bo_nho(tmp_path / "nho"), ban)
    ra = tao_van_ban_canh_so(ban)
    assert (ra / "ket-qua.xlsx").is_file()
    assert dem[0] == 1


def test_tao_phieu_khong_co_ung_vien_bao_ro(tmp_path: Path) -> None:
    """A round where nothing proposed is voted on (LĐTT only): a Vietnamese message, no internal error, no file."""
    vao = bo_nho(tmp_path / "vao")
    r = runner.invoke(app, ["tao-phieu", str(vao), "-o", str(tmp_path / "ra")])
    assert r.exit_code == 2 and "Không có đề nghị nào phải bỏ phiếu" in r.output
    assert "không mong đợi" not in r.output
    assert not (tmp_path / "ra").exists()
