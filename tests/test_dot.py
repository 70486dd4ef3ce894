"""Rounds other than year-end (issue 17): chuyên đề and đột xuất rounds end to end through the CLI, several rounds
of one year in the same ledger, and chains that ignore their awards (ND 152/2025 Art. 4(3))."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from docx import Document
from openpyxl import load_workbook

from tien_ich import TIEU_DE_CA_NHAN, TIEU_DE_TAP_THE, viet_bang

GOC = Path(__file__).resolve().parent.parent
TIEU_DE = [*TIEU_DE_CA_NHAN, "Thành tích"]
TIEU_DE_TT = [*TIEU_DE_TAP_THE, "Thành tích"]
CHUYEN_DE = "Chuyên đề chuyển đổi số năm 2026"
DOT_XUAT = "Đột xuất cứu hộ lũ quét tháng 7 năm 2026"


def thong_tin(ngay: str, loai: str = "", ten: str = "") -> list[list[object]]:
    return [["Mục", "Giá trị"], ["Năm", 2026], ["Cơ quan chủ quản", "UBND TỈNH LAI CHÂU"],
            ["Cơ quan", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], ["Ký hiệu cơ quan", "SNNMT"], ["Địa danh", "Lai Châu"],
            ["Người ký", "Nguyễn Văn Minh"], ["Chức vụ người ký", "GIÁM ĐỐC"], ["Ngày quyết định", ngay],
            ["Số thành viên Hội đồng", 9], ["Số thành viên có mặt", 9], ["Loại đợt", loai], ["Tên đợt", ten]]


def nguoi(ma: str, ten: str, de_nghi: str, thanh_tich: str = "", xep_loai: str = "", **kw: object) -> list:
    d = {"Mã CB": ma, "Họ và tên": ten, "Đơn vị": "P1", "Xếp loại": xep_loai, "Đề nghị": de_nghi,
         "Ngày sinh": "15/03/1985", "Chức vụ": "Chuyên viên", "Thành tích": thanh_tich, **kw}
    return [d.get(c, "") for c in TIEU_DE]


TAP_THE = ["P1", "Phòng Quản lý đất đai", "", "Khối 1", 90, "", "", "", ""]


def chay(*args: str) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True, text=True, timeout=600,
                       env={**os.environ, "PYTHONPATH": str(GOC / "src")})
    assert "Traceback" not in r.stderr, r.stderr
    return r


def chu_docx(p: Path) -> str:
    d = Document(str(p))
    phan = [x.text for x in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            phan += [c.text for c in row.cells]
    return re.sub(r"\s+", " ", "\n".join(phan))


def so_theo_doi(p: Path) -> list[dict[str, object]]:
    ws = load_workbook(p)["LichSu"]
    hang = list(ws.iter_rows(values_only=True))
    i = next(i for i, r in enumerate(hang) if r and r[0] == "Mã")
    return [dict(zip(hang[i], r, strict=False)) for r in hang[i + 1:] if r and r[0]]


def dot_chuyen_de(tmp: Path, lich_su: Path | None = None) -> Path:
    cn = [nguoi("A01", "Hà Thị Lan", "GK", "Đã có thành tích xuất sắc trong số hoá hồ sơ địa chính"),
          nguoi("A02", "Vàng A Sùng", "GK")]
    tt = [[*TAP_THE[:6], "GK", "", "Đã có thành tích xuất sắc trong xây dựng cơ sở dữ liệu đất đai"]]
    sheets = {"ThongTin": thong_tin("15/04/2026", "chuyen de", CHUYEN_DE), "CaNhan": [TIEU_DE, *cn],
              "TapThe": [TIEU_DE_TT, *tt]}
    p = viet_bang(tmp / "chuyen-de" / "so.xlsx", sheets)
    if lich_su is not None:
        p.with_name("lich-su.xlsx").write_bytes(lich_su.read_bytes())
    return p.parent


def test_dot_chuyen_de_qua_cli(tmp_path: Path) -> None:
    """A chuyên đề round: no ratings, no ballots; the QĐ tặng Giấy khen names the round in its trích yếu and each
    person's achievement; the certificates carry it; the ledger rows are typed Chuyên đề."""
    vao = dot_chuyen_de(tmp_path)
    r = chay("tong-ket", str(vao), "-o", str(tmp_path / "ra"))
    assert r.returncode == 0, r.stdout + r.stderr
    van_ban = tmp_path / "ra" / "van-ban"
    assert sorted(p.name for p in van_ban.iterdir()) == ["giay-khen-2026.docx", "qd-tang-giay-khen-2026.docx"]
    qd = chu_docx(van_ban / "qd-tang-giay-khen-2026.docx")
    assert ("Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong thực hiện phong trào thi đua "
            "chuyên đề chuyển đổi số năm 2026") in qd
    assert "cho 1 tập thể và 2 cá nhân" in qd
    assert "Hà Thị Lan Đã có thành tích xuất sắc trong số hoá hồ sơ địa chính" in qd
    assert "Vàng A Sùng Đã có thành tích xuất sắc trong thực hiện phong trào thi đua chuyên đề" in qd  # the round's
    assert "thực hiện nhiệm vụ năm" not in qd
    assert re.search(r"Tổng cộng: 1 tập thể và 2 cá nhân .{0,80}[\d.]{9}", qd)  # the money of the round
    gk = chu_docx(van_ban / "giay-khen-2026.docx")
    assert "Đã có thành tích xuất sắc trong xây dựng cơ sở dữ liệu đất đai" in gk
    assert gk.count("GIẤY KHEN") == 3
    ls = so_theo_doi(tmp_path / "ra" / "so-theo-doi.xlsx")
    assert {(d["Mã"], d["Danh hiệu/hình thức"], d["Loại khen thưởng"], d["Tên đợt"]) for d in ls} == {
        ("A01", "GK", "Chuyên đề", CHUYEN_DE), ("A02", "GK", "Chuyên đề", CHUYEN_DE), ("P1", "GK", "Chuyên đề", CHUYEN_DE)}
    assert not any(d["Xếp loại"] for d in ls)
    ket_qua = load_workbook(tmp_path / "ra" / "ket-qua.xlsx")["Loi"]
    canh_bao = " ".join(str(c.value) for row in ket_qua.iter_rows() for c in row if c.value)
    assert "Vàng A Sùng" not in canh_bao and "Chưa ghi Thành tích" in canh_bao  # the warning names the cell
    tong_hop = load_workbook(tmp_path / "ra" / "ket-qua.xlsx")["TongHop"]["A1"].value
    assert tong_hop.startswith("TỔNG HỢP KẾT QUẢ ĐỢT CHUYÊN ĐỀ CHUYỂN ĐỔI SỐ NĂM 2026 (quyết định ngày"), tong_hop


def test_dot_chuyen_de_khong_xet_danh_hieu_va_can_ten_dot(tmp_path: Path) -> None:
    sheets = {"ThongTin": thong_tin("15/04/2026", "Chuyên đề", ""),
              "CaNhan": [TIEU_DE, nguoi("A01", "Hà Thị Lan", "LĐTT, GK", "x")], "TapThe": [TIEU_DE_TT, TAP_THE]}
    p = viet_bang(tmp_path / "so.xlsx", sheets)
    r = chay("kiem-tra", str(p))
    assert r.returncode == 1
    ra = re.sub(r"\s+", " ", r.stdout)
    assert "cần 'Tên đợt'" in ra
    assert "LĐTT chỉ xét ở đợt cuối năm" in ra
    sheets["ThongTin"] = thong_tin("15/04/2026", "Giữa năm", "x")
    r = chay("kiem-tra", str(viet_bang(tmp_path / "so2.xlsx", sheets)))
    assert r.returncode == 1 and "Loại đợt 'Giữa năm' không hợp lệ" in re.sub(r"\s+", " ", r.stdout)


def dot_dot_xuat(tmp: Path, lich_su: Path) -> Path:
    cn = [nguoi("A03", "Lò Văn Pâng", "BK tỉnh", "Đã dũng cảm cứu 5 người dân khỏi lũ quét tại xã Mù Cả"),
          nguoi("A01", "Hà Thị Lan", "GK", "Đã tham gia cứu hộ, di dời 12 hộ dân")]
    sheets = {"ThongTin": thong_tin("20/07/2026", "Đột xuất", DOT_XUAT), "CaNhan": [TIEU_DE, *cn],
              "TapThe": [TIEU_DE_TT, TAP_THE],
              "KiemPhieu": [["Mã", "Danh hiệu", "Số phiếu đồng ý"], ["A03", "BK tỉnh", 9]]}
    p = viet_bang(tmp / "dot-xuat" / "so.xlsx", sheets)
    p.with_name("lich-su.xlsx").write_bytes(lich_su.read_bytes())
    return p.parent


def cuoi_nam(tmp: Path, lich_su: Path) -> Path:
    cn = [nguoi("A01", "Hà Thị Lan", "LĐTT, GK", xep_loai="HTXSNV", **{"Ngày tuyển dụng": "01/09/2015"}),
          nguoi("A02", "Vàng A Sùng", "LĐTT", xep_loai="HTTNV", **{"Ngày tuyển dụng": "01/09/2015"}),
          nguoi("A03", "Lò Văn Pâng", "LĐTT", xep_loai="HTTNV", **{"Ngày tuyển dụng": "01/09/2015"})]
    tt = [[*TAP_THE[:2], "HTTNV", *TAP_THE[3:]]]
    sheets = {"ThongTin": thong_tin("10/01/2027"), "CaNhan": [TIEU_DE, *cn], "TapThe": [TIEU_DE_TT, *tt]}
    p = viet_bang(tmp / "cuoi-nam" / "so.xlsx", sheets)
    p.with_name("lich-su.xlsx").write_bytes(lich_su.read_bytes())
    return p.parent


def test_ba_dot_mot_nam_cung_mot_so_theo_doi(tmp_path: Path) -> None:
    """Chuyên đề in April, đột xuất in July, year-end in January: each round's ledger is the next one's LichSu;
    the year's ledger keeps the three kinds, and running a round again does not duplicate its rows."""
    r = chay("tong-ket", str(dot_chuyen_de(tmp_path)), "-o", str(tmp_path / "ra1"))
    assert r.returncode == 0, r.stdout + r.stderr
    r = chay("tong-ket", str(dot_dot_xuat(tmp_path, tmp_path / "ra1" / "so-theo-doi.xlsx")), "-o", str(tmp_path / "ra2"))
    assert r.returncode == 0, r.stdout + r.stderr
    van_ban = tmp_path / "ra2" / "van-ban"
    tt = chu_docx(van_ban / "to-trinh-khen-thuong-cap-tinh-2026.docx")
    # one person proposed: "cá nhân", not "tập thể, cá nhân"; a đột xuất award says so (Law 2022 Art. 3)
    assert ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho cá nhân có thành tích xuất sắc đột xuất trong "
            "cứu hộ lũ quét tháng 7 năm 2026") in tt
    assert "Căn cứ đề nghị của các phòng" in tt and "Thực hiện" not in tt  # no plan carried out
    assert "Đã dũng cảm cứu 5 người dân khỏi lũ quét" in tt
    qd = chu_docx(van_ban / "qd-tang-giay-khen-2026.docx")
    assert "có thành tích xuất sắc đột xuất trong cứu hộ lũ quét" in qd and "trong đột xuất" not in qd
    bb = chu_docx(van_ban / "bien-ban-hop-hoi-dong-2026.docx")
    assert "xét khen thưởng thành tích xuất sắc đột xuất trong cứu hộ lũ quét" in bb
    bc = next((tmp_path / "ra2" / "ho-so").glob("*/Lò Văn Pâng/*.docx"))  # the đột xuất report of the BK proposal
    chu_bc = chu_docx(bc)
    assert "ĐỘT XUẤT" in chu_bc and "Đã dũng cảm cứu 5 người dân" in chu_bc and "[Phần cá nhân tự viết:" in chu_bc
    r = chay("tong-ket", str(cuoi_nam(tmp_path, tmp_path / "ra2" / "so-theo-doi.xlsx")), "-o", str(tmp_path / "ra3"))
    assert r.returncode == 0, r.stdout + r.stderr
    ls = so_theo_doi(tmp_path / "ra3" / "so-theo-doi.xlsx")
    nam_2026 = sorted((d["Mã"], d["Danh hiệu/hình thức"], d["Loại khen thưởng"] or "Thường xuyên") for d in ls
                      if d["Năm"] == 2026 and d["Danh hiệu/hình thức"])
    assert nam_2026 == [("A01", "GK", "Chuyên đề"), ("A01", "GK", "Thường xuyên"), ("A01", "GK", "Đột xuất"),
                        ("A01", "LĐTT", "Thường xuyên"), ("A02", "GK", "Chuyên đề"), ("A02", "LĐTT", "Thường xuyên"),
                        ("A03", "LĐTT", "Thường xuyên"), ("P1", "GK", "Chuyên đề")]
    assert {d["Tên đợt"] for d in ls if d["Loại khen thưởng"] == "Đột xuất"} == {DOT_XUAT}
    # the đột xuất round again, on a ledger that already holds it: its own rows are replaced, not doubled
    lai = dot_dot_xuat(tmp_path / "lai", tmp_path / "ra3" / "so-theo-doi.xlsx")
    r = chay("tong-ket", str(lai), "-o", str(tmp_path / "ra4"))
    assert r.returncode == 0, r.stdout + r.stderr
    ls4 = so_theo_doi(tmp_path / "ra4" / "so-theo-doi.xlsx")
    assert sorted(map(str, ls4)) == sorted(map(str, ls))


def test_chuoi_nam_lien_tuc_bo_qua_khen_chuyen_de(tmp_path: Path) -> None:
    """ND 152/2025 Art. 4(3): a CSTĐCS the ledger types Chuyên đề does not count toward the two consecutive years
    of the Bằng khen (Law 2022 Art. 74(1)(d)) — the same ledger with Thường xuyên does."""
    cn = [nguoi("X01", "Giàng Thị Dung", "BK tỉnh", xep_loai="HTXSNV", **{"Ngày tuyển dụng": "01/09/2015"}),
          nguoi("X02", "Sùng A Lử", "BK tỉnh", xep_loai="HTXSNV", **{"Ngày tuyển dụng": "01/09/2015"})]
    ls = [["Mã", "Năm", "Danh hiệu/hình thức", "Số quyết định", "Ngày quyết định", "Loại khen thưởng"],
          ["X01", 2025, "CSTĐCS", "55/QĐ-SNNMT", "20/09/2025", "Chuyên đề"],
          ["X01", 2026, "CSTĐCS", "03/QĐ-SNNMT", "05/01/2027", ""],
          ["X02", 2025, "CSTĐCS", "12/QĐ-SNNMT", "10/01/2026", "Thường xuyên"],
          ["X02", 2026, "CSTĐCS", "04/QĐ-SNNMT", "05/01/2027", ""]]
    sheets = {"ThongTin": thong_tin("10/01/2027"), "CaNhan": [TIEU_DE, *cn],
              "TapThe": [TIEU_DE_TT, [*TAP_THE[:2], "HTTNV", *TAP_THE[3:]]], "LichSu": ls,
              "KiemPhieu": [["Mã", "Danh hiệu", "Số phiếu đồng ý"], ["X01", "BK tỉnh", 9], ["X02", "BK tỉnh", 9]]}
    r = chay("xet", str(viet_bang(tmp_path / "so.xlsx", sheets)), "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    kq = {c["ma"]: c["ket_qua"][0] for c in json.loads(r.stdout)["ca_nhan"]}
    assert kq["X02"]["du_dieu_kien"] and kq["X02"]["dat"]
    assert not kq["X01"]["du_dieu_kien"] and not kq["X01"]["dat"]
    ly_do = " ".join(kq["X01"]["ly_do"])
    assert "thiếu năm 2025" in ly_do and "CSTĐCS năm 2025 là khen chuyên đề" in ly_do
    assert "Nghị định 152/2025/NĐ-CP, Điều 4 khoản 3" in kq["X01"]["can_cu"]


def test_demo_dot_chuyen_de(tmp_path: Path) -> None:
    """`thidua demo --dot chuyen-de`: a themed round end to end — Giấy khen with each one's achievement, no
    ratings, the Bằng khen proposals with their dossier, ledger rows typed Chuyên đề."""
    r = chay("demo", "-o", str(tmp_path / "demo"), "--dot", "chuyen-de", "--so-can-bo", "80")
    assert r.returncode == 0, r.stdout + r.stderr
    kq = tmp_path / "demo" / "ket-qua"
    qd = chu_docx(kq / "van-ban" / "qd-tang-giay-khen-2026.docx")
    assert "trong thực hiện phong trào thi đua chuyên đề chuyển đổi số năm 2026" in qd
    assert "Đã có thành tích xuất sắc trong" in qd
    # the plan the round closes, a căn cứ of its own (ThongTin 'Căn cứ kế hoạch phát động'; a clerk's review)
    assert re.search(r"Căn cứ Kế hoạch số 12/KH-SNNMT ngày 20 tháng 02 năm 2026 .{0,120}chuyển đổi số năm 2026; "
                     r"Căn cứ kết quả họp", qd), qd[:3000]
    assert not (kq / "van-ban" / "bao-cao-tong-ket-2026.docx").exists()  # the year's report: year-end only
    ls = so_theo_doi(kq / "so-theo-doi.xlsx")
    nam_2026 = [d for d in ls if d["Năm"] == 2026]
    assert nam_2026 and {d["Loại khen thưởng"] for d in nam_2026} == {"Chuyên đề"}
    assert not any(d["Xếp loại"] for d in nam_2026)
