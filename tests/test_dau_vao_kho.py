"""Hostile inputs at the door: Excel lock files, hidden sheets, a 0-byte file, a 200 MB file and a "zip bomb" —
each a Vietnamese message or a correct result, never a traceback, inputs byte-identical, memory bounded."""

from __future__ import annotations

import json
import struct
import tracemalloc
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from thidua.cli import app
from thidua.doc_bang import GIOI_HAN_GIAI_NEN, GIOI_HAN_TEP
from thidua.kiem_tra import kiem_tra
from tien_ich import bam, bo_nho

runner = CliRunner()


def chay(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.output


def test_tep_khoa_ben_canh_la_canh_bao_ten_so_dang_mo(tmp_path: Path) -> None:
    p = bo_nho(tmp_path).rename(tmp_path / "QLNS.xlsx")
    (tmp_path / "~$QLNS.xlsx").write_bytes(b"\x0cNguyen Van A" + b"\x00" * 150)
    truoc = bam(tmp_path)
    ma, ra = chay("kiem-tra", str(tmp_path), "--json")
    assert ma == 0, ra
    v = [x for x in json.loads(ra)["loi"] if x["ma_loi"] == "tep_dang_mo"]
    assert len(v) == 1 and v[0]["muc_do"] == "canh_bao" and v[0]["tep"] == str(p)
    assert "QLNS.xlsx đang mở trong Excel" in v[0]["thong_bao"] and "chưa lưu sẽ không được tính" in v[0]["thong_bao"]
    # the same when the workbook and its lock are both named (a shell's *.xlsx)
    ma, ra = chay("kiem-tra", str(p), str(tmp_path / "~$QLNS.xlsx"), "--json")
    assert ma == 0 and sum(x["ma_loi"] == "tep_dang_mo" for x in json.loads(ra)["loi"]) == 1
    assert bam(tmp_path) == truoc


def test_ghi_ten_tep_khoa_cho_biet_phai_ghi_ten_so(tmp_path: Path) -> None:
    (tmp_path / "~$QLNS.xlsx").write_bytes(b"\x0cNguyen Van A" + b"\x00" * 150)
    ma, ra = chay("kiem-tra", str(tmp_path / "~$QLNS.xlsx"))
    assert ma == 2 and "tệp khóa" in ra and "QLNS.xlsx" in ra and "Chưa có tệp đầu vào nào" not in ra
    ma, ra = chay("kiem-tra", str(tmp_path))
    assert ma == 2 and "tệp khóa" in ra


def test_tep_khoa_mo_coi_bi_bo_qua(tmp_path: Path) -> None:
    bo_nho(tmp_path)
    (tmp_path / "~$cu.xlsx").write_bytes(b"x")  # its workbook was deleted
    kq = kiem_tra([tmp_path])
    assert not [v for v in kq.van_de if v.ma_loi == "tep_dang_mo"]


def test_sheet_an_van_doc_va_co_canh_bao(tmp_path: Path) -> None:
    p = bo_nho(tmp_path)
    wb = load_workbook(p)
    wb["TapThe"].sheet_state = "hidden"
    wb.save(p)
    kq = kiem_tra([p])
    assert kq.du_lieu is not None and len(kq.du_lieu.tap_the) == 1
    v = [x for x in kq.van_de if x.ma_loi == "sheet_an"]
    assert len(v) == 1 and v[0].sheet == "TapThe" and v[0].o == "A1"


def test_tep_rong(tmp_path: Path) -> None:
    (tmp_path / "rong.xlsx").write_bytes(b"")
    ma, ra = chay("kiem-tra", str(tmp_path / "rong.xlsx"))
    assert ma == 2 and "0 byte" in ra


def test_tep_200_mb_bi_tu_choi_truoc_khi_doc(tmp_path: Path) -> None:
    """200 MB, made cheaply: a real workbook followed by a sparse tail (no 200 MB of cells is written)."""
    p = bo_nho(tmp_path)
    with p.open("r+b") as f:
        f.truncate(200_000_000)
    assert p.stat().st_size == 200_000_000 > GIOI_HAN_TEP
    truoc = bam(tmp_path)
    tracemalloc.start()
    ma, ra = chay("kiem-tra", str(p))
    _, dinh = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert ma == 2 and "200 MB" in ra and "100 MB" in ra and "Traceback" not in ra, ra
    assert dinh < 20_000_000
    assert bam(tmp_path) == truoc


def _bom_zip(p: Path, khai: int) -> None:
    """A workbook whose zip directory claims a part of ``khai`` bytes (a "zip bomb" as the reader sees it)."""
    with zipfile.ZipFile(p, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    du_lieu = bytearray(p.read_bytes())
    i = du_lieu.rfind(b"PK\x01\x02")
    du_lieu[i + 24:i + 28] = struct.pack("<I", khai)  # central directory: uncompressed size
    p.write_bytes(bytes(du_lieu))


def test_noi_dung_giai_nen_qua_lon_bi_tu_choi(tmp_path: Path) -> None:
    p = tmp_path / "bom.xlsx"
    _bom_zip(p, GIOI_HAN_GIAI_NEN + 1)
    truoc = bam(tmp_path)
    ma, ra = chay("kiem-tra", str(p))
    assert ma == 2 and "giải nén" in ra and "Traceback" not in ra, ra
    assert bam(tmp_path) == truoc


def test_zip_hong(tmp_path: Path) -> None:
    p = tmp_path / "hong.xlsx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    ma, ra = chay("kiem-tra", str(p))
    assert ma == 2 and "hỏng" in ra and "Traceback" not in ra


def test_dong_an_van_doc_va_canh_bao_ten_dong(tmp_path: Path) -> None:
    """A person "removed" by hiding the row is still counted: said, with the rows."""
    from tien_ich import nguoi

    p = bo_nho(tmp_path, [nguoi("001", "Nguyễn Văn An"), nguoi("002", "Trần Thị Bình"), nguoi("003", "Lê Văn Cường")])
    wb = load_workbook(p)
    wb["CaNhan"].row_dimensions[3].hidden = True
    wb["CaNhan"].row_dimensions[4].hidden = True
    wb.save(p)
    kq = kiem_tra([p])
    assert kq.du_lieu is not None and len(kq.du_lieu.ca_nhan) == 3
    v = [x for x in kq.van_de if x.ma_loi == "dong_an"]
    assert len(v) == 1 and v[0].muc_do == "canh_bao" and v[0].o == "A3" and v[0].sheet == "CaNhan"
    assert "dòng 3, 4" in v[0].thong_bao and v[0].hang == 1
