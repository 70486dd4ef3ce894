"""Word → PDF through LibreOffice (thidua.van_ban.pdf): many files in one start, private profile, atomic placement,
a clear Vietnamese message when LibreOffice is absent; ``--pdf`` on ``van-ban`` and ``tong-ket``."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from thidua.cli import app
from thidua.loi import ThiduaError
from thidua.van_ban import pdf as pdf_mod
from thidua.van_ban.pdf import KhongCoLibreOffice, LoiChuyenPdf, chuyen_pdf
from tien_ich import bam, bo_nho, can_libreoffice, chu_pdf, nguoi, so_trang

runner = CliRunner()


def _docx(p: Path, chu: str) -> Path:
    d = Document()
    d.add_paragraph(chu)
    p.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(p))
    return p


def test_nhieu_tep_mot_lan_ca_tep_trung_ten_o_hai_thu_muc(tmp_path: Path) -> None:
    can_libreoffice()
    a = _docx(tmp_path / "a" / "quyet-dinh.docx", "Quyết định của Sở Nông nghiệp và Môi trường")
    b = _docx(tmp_path / "b" / "quyet-dinh.docx", "Tờ trình đề nghị tặng Bằng khen")
    c = _docx(tmp_path / "a" / "bao-cao.docx", "Báo cáo tổng kết")
    ra = chuyen_pdf([a, b, c])
    assert ra == [tmp_path / "a" / "quyet-dinh.pdf", tmp_path / "b" / "quyet-dinh.pdf", tmp_path / "a" / "bao-cao.pdf"]
    assert "Sở Nông nghiệp và Môi trường" in chu_pdf(ra[0])
    assert "Tờ trình đề nghị tặng Bằng khen" in chu_pdf(ra[1])
    assert so_trang(ra[2]) == 1
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".~thidua-")]
    # into another folder; an existing PDF is kept unless ghi_de
    with pytest.raises(ThiduaError, match="đã có; thêm --ghi-de"):
        chuyen_pdf([c])
    truoc = ra[2].read_bytes()
    ra2 = chuyen_pdf([c], tmp_path / "pdf")
    assert ra2 == [tmp_path / "pdf" / "bao-cao.pdf"] and ra[2].read_bytes() == truoc
    # the same output name twice is refused before LibreOffice runs
    with pytest.raises(ThiduaError, match="cùng tên"):
        chuyen_pdf([a, b], tmp_path / "chung")


def test_khong_co_libreoffice_thong_bao_ro(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = _docx(tmp_path / "a.docx", "x")
    monkeypatch.setenv("PATH", str(tmp_path / "trong"))
    monkeypatch.setattr(pdf_mod, "_NOI_CAI_THUONG_GAP", ())
    monkeypatch.delenv(pdf_mod.BIEN_MOI_TRUONG, raising=False)
    assert pdf_mod.tim_soffice() is None
    with pytest.raises(KhongCoLibreOffice) as e:
        chuyen_pdf([a])
    assert "chưa cài LibreOffice" in str(e.value) and "--pdf" in str(e.value) and "THIDUA_SOFFICE" in str(e.value)
    monkeypatch.setenv(pdf_mod.BIEN_MOI_TRUONG, str(tmp_path / "khong-co" / "soffice"))
    with pytest.raises(KhongCoLibreOffice, match="Không tìm thấy LibreOffice tại"):
        chuyen_pdf([a])
    assert not (tmp_path / "a.pdf").exists()


def test_mot_tep_hong_thi_khong_dat_tep_nao(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in soffice that converts only the first document: nothing is placed, the message names the other."""
    gia = tmp_path / "soffice"
    gia.write_text('#!/bin/sh\nra=""; for a in "$@"; do case "$a" in --outdir) n=1;; *) if [ "$n" = 1 ]; then '
                   'ra="$a"; n=2; elif [ "$n" = 2 ]; then mkdir -p "$ra"; b=$(basename "$a" .docx); '
                   'printf "%%PDF-1.4\\n" > "$ra/$b.pdf"; n=3; fi;; esac; done\n', encoding="utf-8")
    gia.chmod(gia.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv(pdf_mod.BIEN_MOI_TRUONG, str(gia))
    a, b = _docx(tmp_path / "a.docx", "x"), _docx(tmp_path / "b.docx", "y")
    with pytest.raises(LoiChuyenPdf, match=r"b\.docx"):
        chuyen_pdf([a, b])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx", "soffice"]


def test_van_ban_pdf_moi_van_ban_mot_ban_pdf(tmp_path: Path) -> None:
    can_libreoffice()
    vao = bo_nho(tmp_path / "vao", [nguoi("001", "Nguyễn Văn An"), nguoi("002", "Trần Thị Bình", de_nghi="LĐTT, GK")])
    r = runner.invoke(app, ["van-ban", str(vao), "-o", str(tmp_path / "ra"), "--pdf"])
    assert r.exit_code == 0, r.output
    docx = sorted(p.stem for p in (tmp_path / "ra").glob("*.docx"))
    assert docx and sorted(p.stem for p in (tmp_path / "ra").glob("*.pdf")) == docx
    assert "Nguyễn Văn An" in chu_pdf(tmp_path / "ra" / "qd-cong-nhan-danh-hieu-2025.pdf")


def test_khong_co_libreoffice_thi_khong_ghi_gi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vao = bo_nho(tmp_path / "vao")
    monkeypatch.setenv(pdf_mod.BIEN_MOI_TRUONG, str(tmp_path / "khong-co-soffice"))
    truoc = bam(tmp_path)
    for lenh in ("van-ban", "tong-ket"):
        r = runner.invoke(app, [lenh, str(vao), "-o", str(tmp_path / f"ra-{lenh}"), "--pdf"])
        assert r.exit_code == 2, r.output
        assert "Không tìm thấy LibreOffice" in r.output and "Traceback" not in r.output
    assert bam(tmp_path) == truoc and not (tmp_path / "ra-van-ban").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ra-")]


def test_tong_ket_pdf_co_trong_manifest(tmp_path: Path) -> None:
    can_libreoffice()
    vao = bo_nho(tmp_path / "vao", [nguoi("001", "Nguyễn Văn An"), nguoi("002", "Trần Thị Bình")])
    r = runner.invoke(app, ["tong-ket", str(vao), "-o", str(tmp_path / "kq"), "--pdf"])
    assert r.exit_code == 0, r.output
    vb = tmp_path / "kq" / "van-ban"
    docx = sorted(p.stem for p in vb.glob("*.docx"))
    assert docx and sorted(p.stem for p in vb.glob("*.pdf")) == docx
    ra = {d["tep"] for d in json.loads((tmp_path / "kq" / "manifest.json").read_text(encoding="utf-8"))["dau_ra"]}
    assert {f"van-ban/{s}.pdf" for s in docx} <= ra
    assert "bản PDF" in r.output
    assert os.access(vb / f"{docx[0]}.pdf", os.R_OK)
