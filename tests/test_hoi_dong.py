"""The council's meeting as it really runs (issue #10): the blank-form workflow through the CLI, the council as
data (HoiDong), written opinions, ballots that are never overwritten, the count printed despite other errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from thidua.kiem_tra import kiem_tra
from tien_ich import THONG_TIN, bo_nho, nguoi

SRC = str(Path(__file__).resolve().parent.parent / "src")


def chay(*args: str) -> tuple[int, str]:
    import os

    env = {**os.environ, "PYTHONPATH": SRC, "COLUMNS": "250"}
    r = subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True, text=True, env=env, timeout=300)
    return r.returncode, r.stdout + r.stderr


def _dien_khoa_gia_tri(ws, gia_tri: dict[str, object]) -> None:
    for r in range(1, ws.max_row + 1):
        k = ws.cell(row=r, column=1).value
        if k in gia_tri:
            ws.cell(row=r, column=2).value = gia_tri[k]


def _dien_bang(ws, dong: list[list[object]], dong_dau: int = 3) -> None:
    for i, d in enumerate(dong):
        for j, v in enumerate(d, start=1):
            ws.cell(row=dong_dau + i, column=j).value = v


HOI_DONG = [["Nguyễn Văn Minh", "Giám đốc Sở", "Chủ tịch", "Có", ""],
            ["Trần Thị Hương", "Phó Chánh Văn phòng", "Ủy viên thư ký", "Có", "Thành viên"],
            ["Lê Văn Tâm", "Trưởng phòng Tổ chức", "Ủy viên", "Có", "Trưởng ban"],
            ["Phạm Thị Lan", "Chánh Thanh tra", "Ủy viên", "Có", ""],
            ["Hoàng Văn Nam", "Chi cục trưởng", "Ủy viên", "Văn bản", ""]]


def _dien_mau(mau: Path, vao: Path) -> tuple[Path, Path]:
    """Fill the blank forms as an officer would: ThongTin, HoiDong in the master; TapThe, CaNhan in a unit's."""
    (vao / "don-vi").mkdir(parents=True)
    tong, dv = vao / "tong-hop.xlsx", vao / "don-vi" / "P1.xlsx"
    wb = load_workbook(mau / "mau-tong-hop.xlsx")
    _dien_khoa_gia_tri(wb["ThongTin"], {
        "Năm": 2025, "Cơ quan chủ quản": "UBND TỈNH LAI CHÂU", "Cơ quan": "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        "Ký hiệu cơ quan": "SNNMT", "Địa danh": "Lai Châu", "Người ký": "Nguyễn Văn Minh",
        "Chức vụ người ký": "GIÁM ĐỐC", "Ngày quyết định": "12/01/2026", "Ngày họp Hội đồng": "08/01/2026",
        "Giờ bắt đầu": "08:00", "Giờ kết thúc": "10:30"})
    _dien_bang(wb["HoiDong"], HOI_DONG)
    wb.save(tong)
    wb = load_workbook(mau / "mau-don-vi.xlsx")
    ca_nhan = [{"STT": 1, "Mã CB": "001", "Họ và tên": "Nguyễn Văn An", "Giới tính": "Nam", "Ngày sinh": "15/03/1985",
                "Chức vụ": "Chuyên viên", "Đơn vị": "P1", "Xếp loại": "HTXSNV", "Đăng ký": "LĐTT, CSTĐCS",
                "Đề nghị": "LĐTT, CSTĐCS"},
               {"STT": 2, "Mã CB": "002", "Họ và tên": "Trần Thị Bình", "Giới tính": "Nữ", "Ngày sinh": "20/05/1990",
                "Chức vụ": "Chuyên viên", "Đơn vị": "P1", "Xếp loại": "HTXSNV", "Đăng ký": "CSTĐCS",
                "Đề nghị": "LĐTT, CSTĐCS"},
               {"STT": 3, "Mã CB": "003", "Họ và tên": "Lê Văn Cường", "Giới tính": "Nam", "Ngày sinh": "01/01/1980",
                "Chức vụ": "Kế toán", "Đơn vị": "P1", "Xếp loại": "HTTNV", "Đăng ký": "LĐTT", "Đề nghị": "LĐTT"}]
    ws = wb["CaNhan"]
    tieu_de = [c.value for c in ws[2]]
    _dien_bang(ws, [[d.get(t) for t in tieu_de] for d in ca_nhan])
    ws = wb["TapThe"]
    tieu_de = [c.value for c in ws[2]]
    _dien_bang(ws, [[{"Mã đơn vị": "P1", "Tên tập thể": "Phòng Kế hoạch – Tài chính", "Xếp loại": "HTTNV"}.get(t)
                     for t in tieu_de]])
    wb.save(dv)
    return tong, dv


def test_tu_mau_trong_den_ket_qua_qua_dong_lenh(tmp_path: Path) -> None:
    """tao-mau → fill → kiem-tra/xet before the vote → tao-phieu → fill ballots → kiem-phieu → xet."""
    mau = tmp_path / "mau"
    assert chay("tao-mau", str(mau))[0] == 0
    tong, dv = _dien_mau(mau, tmp_path / "vao")
    don_vi = str(dv.parent)

    # before the vote: empty PhieuBau/KiemPhieu/HoiDongQuyet are a state of the year, not an error
    ma, ra = chay("kiem-tra", don_vi, str(tong))
    assert ma == 0, ra
    ma, ra = chay("xet", don_vi, str(tong), "--json")
    assert ma == 0, ra
    k = {c["ma"]: {x["danh_hieu"]: x for x in c["ket_qua"]} for c in json.loads(ra)["ca_nhan"]}
    assert k["001"]["CSTDCS"]["dat"] is False and "Chưa có kết quả bỏ phiếu" in " ".join(k["001"]["CSTDCS"]["ly_do"])

    phieu = tmp_path / "phieu-bau"
    ma, ra = chay("tao-phieu", don_vi, str(tong), "-o", str(phieu))
    assert ma == 0, ra
    xlsx = phieu / "phieu-bau.xlsx"
    assert xlsx.is_file() and (phieu / "phieu-bau-2025.docx").is_file()
    assert "phieu-bau.xlsx" in ra  # the next step is said

    # 4 present + 1 written opinion (HoiDong): five ballot rows, the last one written
    wb = load_workbook(xlsx)
    ws = wb["PhieuBau"]
    tieu_de = [c.value for c in ws[3]]
    assert tieu_de[:3] == ["Phiếu số", "Hợp lệ", "Hình thức"]
    cot = {t: i + 1 for i, t in enumerate(tieu_de)}
    assert set(cot) >= {"001 - CSTDCS", "002 - CSTDCS"}
    dong = list(range(4, 9))
    assert [ws.cell(row=r, column=3).value for r in dong] == ["Tại cuộc họp"] * 4 + ["Bằng văn bản"]
    for r in dong:
        ws.cell(row=r, column=cot["001 - CSTDCS"]).value = "x"
    for r in (4, 5, 8):  # B: 2 at the meeting + the written opinion = 3/5 = 60 %
        ws.cell(row=r, column=cot["002 - CSTDCS"]).value = "x"
    wb.save(xlsx)

    # the filled ballots are never overwritten: refused without --ghi-de, and refused even with it when input
    truoc = xlsx.read_bytes()
    ma, ra = chay("tao-phieu", don_vi, str(tong), "-o", str(phieu))
    assert ma == 2 and "đã có 5 phiếu đã nhập" in ra and "--ghi-de" in ra, ra
    ma, ra = chay("tao-phieu", don_vi, str(tong), str(xlsx), "-o", str(phieu), "--ghi-de")
    assert ma == 2 and "đầu vào" in ra, ra
    assert xlsx.read_bytes() == truoc

    ma, ra = chay("kiem-phieu", don_vi, str(tong), str(xlsx), "--json")
    assert ma == 0, ra
    d = json.loads(ra)
    assert d["so_phieu"] == {"phat_ra": 5, "thu_vao": 5, "hop_le": 5, "khong_hop_le": 0, "van_ban": 1}
    u = {x["ma"]: x for x in d["ung_vien"]}
    assert (u["001"]["dong_y"], u["001"]["van_ban"], u["001"]["mau_so"], u["001"]["dat"]) == (5, 1, 5, True)
    assert (u["002"]["dong_y"], u["002"]["dat"], u["002"]["nguong"]) == (3, False, 0.8)
    assert u["002"]["don_vi"] == "Phòng Kế hoạch – Tài chính"

    ma, ra = chay("xet", don_vi, str(tong), str(xlsx), "--json")
    assert ma == 0, ra
    k = {c["ma"]: {x["danh_hieu"]: x for x in c["ket_qua"]} for c in json.loads(ra)["ca_nhan"]}
    assert k["001"]["CSTDCS"]["dat"] is True and k["002"]["CSTDCS"]["dat"] is False
    assert k["001"]["CSTDCS"]["phieu"]["van_ban"] == 1


def _tt(**gia_tri: object) -> list[list[object]]:
    t = [r[:] for r in THONG_TIN if r[0] not in ("Số thành viên Hội đồng", "Số thành viên có mặt")]
    return t + [[k, v] for k, v in gia_tri.items()]


HD = [["Họ và tên", "Chức vụ", "Vai trò", "Có mặt", "Ban kiểm phiếu"], *HOI_DONG]


def test_hoi_dong_cho_so_thanh_vien_va_lech_voi_thong_tin_la_loi(tmp_path: Path) -> None:
    cn = [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="LĐTT, CSTĐCS")]
    kq = kiem_tra([bo_nho(tmp_path / "a", cn, thong_tin=_tt(), HoiDong=HD)])
    assert not kq.co_loi, kq.van_de
    tt = kq.du_lieu.thong_tin
    assert (tt.so_thanh_vien, tt.so_co_mat) == (5, 4)
    assert [t.co_mat for t in kq.du_lieu.hoi_dong].count("Văn bản") == 1
    kq = kiem_tra([bo_nho(tmp_path / "b", cn, thong_tin=_tt(**{"Số thành viên Hội đồng": 7,
                                                               "Số thành viên có mặt": 4}), HoiDong=HD)])
    lech = [v for v in kq.van_de if v.ma_loi == "hoi_dong_lech"]
    assert len(lech) == 1 and "= 7" in lech[0].thong_bao and "HoiDong có 5" in lech[0].thong_bao
    assert lech[0].sheet == "ThongTin" and lech[0].o.startswith("B")


def test_hoi_dong_gia_tri_sai_va_hai_truong_ban(tmp_path: Path) -> None:
    hd = [HD[0], ["A", "", "Chủ tịch", "có lẽ", "Trưởng ban"], ["B", "", "Thư ký", "Có", "Trưởng ban"]]
    kq = kiem_tra([bo_nho(tmp_path, thong_tin=_tt(), HoiDong=hd)])
    ma = {v.ma_loi for v in kq.van_de if v.muc_do == "loi"}
    assert {"gia_tri_khong_hop_le", "hai_truong_ban"} <= ma
    assert any(v.o == "D2" and "Có mặt của A" in v.thong_bao for v in kq.van_de)
    assert kq.du_lieu.hoi_dong[1].vai_tro == "Ủy viên thư ký"  # "Thư ký" read as the role


def test_y_kien_van_ban_vuot_so_thanh_vien_vang(tmp_path: Path) -> None:
    cn = [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS")]
    pb = [["Phiếu số", "Hình thức", "001 - CSTĐCS"], [1, "", "x"], [2, "Bằng văn bản", "x"], [3, "Bằng văn bản", "x"]]
    kq = kiem_tra([bo_nho(tmp_path / "a", cn, thong_tin=_tt(), HoiDong=HD, PhieuBau=pb)])
    assert any(v.ma_loi == "qua_nhieu_van_ban" for v in kq.van_de)
    pb = [["Phiếu số", "Hình thức", "001 - CSTĐCS"], [1, "", "x"], [2, "qua điện thoại", "x"]]
    kq = kiem_tra([bo_nho(tmp_path / "b", cn, thong_tin=_tt(), HoiDong=HD, PhieuBau=pb)])
    v = next(v for v in kq.van_de if v.ma_loi == "gia_tri_khong_hop_le")
    assert v.o == "B3" and "Bằng văn bản" in v.thong_bao


def test_kiem_phieu_in_ket_qua_dem_duoc_khi_du_lieu_khac_con_loi(tmp_path: Path) -> None:
    """Issue #10: kiem-phieu used to print nothing of the count when other data had errors."""
    cn = [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS"),
          nguoi("002", "Trần Thị Bình", xep_loai="giỏi", de_nghi="LĐTT")]
    pb = [["Phiếu số", "001 - CSTĐCS"], *[[i, "x"] for i in range(1, 5)]]
    p = bo_nho(tmp_path, cn, thong_tin=_tt(), HoiDong=HD, PhieuBau=pb)
    ma, ra = chay("kiem-phieu", str(p))
    assert ma == 1
    assert "Nguyễn Văn An" in ra and "thu vào 4" in ra and "Đạt" in ra  # the count (4 of 5 = 80 %)
    assert "giỏi" in ra and "HTXSNV" in ra  # and the error, with its fix
    ma, ra = chay("kiem-phieu", str(p), "--json")
    d = json.loads(ra)
    assert ma == 1 and d["ung_vien"][0]["dong_y"] == 4 and d["ung_vien"][0]["dat"] is True
    assert any(v["ma_loi"] == "gia_tri_khong_hop_le" and v["o"] == "I3" for v in d["loi"])


def test_tao_phieu_ghi_dong_hoi_dong_quyet_cho_nguoi_bang_phieu(tmp_path: Path, demo_dau_vao: Path) -> None:
    vao = tmp_path / "vao"
    shutil.copytree(demo_dau_vao, vao)
    ra = tmp_path / "hdq"
    ma, out = chay("tao-phieu", str(vao), "-o", str(ra), "--hoi-dong-quyet")
    assert ma == 0, out
    ws = load_workbook(ra / "hoi-dong-quyet.xlsx")["HoiDongQuyet"]
    tieu_de = [c.value for c in ws[2]]
    assert tieu_de[:4] == ["Mã", "Danh hiệu", "Hội đồng chọn", "Lý do"]
    dong = [[c.value for c in r] for r in ws.iter_rows(min_row=3) if r[0].value]
    assert len(dong) >= 2 and all(d[1] == "CSTĐCS" for d in dong)


def test_cung_mot_truong_hop_bang_phieu_excel_va_xet_tra_loi_nhu_nhau(demo_dau_vao: Path) -> None:
    """The same tie gets the same answer in Excel (TD_XEPHANG) and in `xet`: both rank with binh_xet.cat_chi_tieu."""
    from thidua.excel import ham
    from thidua.xet import xet_sau_kiem_tra

    kt = kiem_tra([demo_dau_vao])
    kq = xet_sau_kiem_tra(kt)
    ung = [(d, k) for d, k in kq.tat_ca() if k.danh_hieu.ma == "CSTDCS" and k.chi_tieu is not None]
    assert any(k.hoa_tai_diem_cat for _, k in ung)
    c = ung[0][1].chi_tieu
    vung = [["Ứng viên", "Đồng ý", "Xếp loại", "Sáng kiến"]] + [
        [d.ma, float(k.phieu.dong_y), d.xep_loai.ma, d.cap_thanh_tich.ten if d.cap_thanh_tich else None]
        for d, k in ung]
    ra = ham.xep_hang(vung, c.ty_le, c.co_so)
    excel = {r[1]: (r[0], r[3]) for r in ra[1:]}
    for d, k in ung:
        hang, ket = excel[d.ma]
        assert hang == k.xep_hang, d.ma
        if k.hoa_tai_diem_cat:
            assert ket.startswith("Hội đồng quyết định"), d.ma
        else:
            assert ket == ("Trong chỉ tiêu" if k.chi_tieu.trong else "Ngoài chỉ tiêu"), d.ma


def test_kiem_phieu_khong_du_nguoi_co_mat_thi_khong_dat(tmp_path: Path) -> None:
    """SPEC §8: `dat` in kiem-phieu is false when the meeting has no quorum (written opinions are not presence)."""
    cn = [nguoi("001", "Nguyễn Văn An", xep_loai="HTXSNV", de_nghi="CSTĐCS")]
    hd = [HD[0]] + [[f"TV {i}", "", "Ủy viên", "Có" if i < 3 else "Văn bản", ""] for i in range(5)]
    hd[1][2] = "Chủ tịch"
    pb = [["Phiếu số", "Hình thức", "001 - CSTĐCS"]] + [[i, "" if i <= 3 else "Bằng văn bản", "x"] for i in range(1, 6)]
    p = bo_nho(tmp_path, cn, thong_tin=_tt(), HoiDong=hd, PhieuBau=pb)
    ma, ra = chay("kiem-phieu", str(p), "--json")
    assert ma == 0, ra
    d = json.loads(ra)
    u = d["ung_vien"][0]
    assert (u["dong_y"], u["mau_so"], u["du_so_nguoi"], u["dat"]) == (5, 5, False, False)  # 3 of 5 present < 2/3
    assert d["so_phieu"]["van_ban"] == 2 and d["du_so_nguoi"] is False
    ma, ra = chay("kiem-phieu", str(p))
    assert "không có giá trị" in ra


def test_mau_trong_co_hoi_dong_va_huong_dan(tmp_path: Path) -> None:
    from thidua.so_do import HOI_DONG, HOI_DONG_QUYET, PHIEU_BAU

    assert chay("tao-mau", str(tmp_path))[0] == 0
    wb = load_workbook(tmp_path / "mau-tong-hop.xlsx")
    for s in (HOI_DONG, HOI_DONG_QUYET, PHIEU_BAU):
        assert [c.value for c in wb[s.ten][2]] == [c.tieu_de for c in s.cot], s.ten
    assert "Hình thức" in [c.tieu_de for c in PHIEU_BAU.cot]
    tt = {r[0].value for r in wb["ThongTin"].iter_rows()}
    assert {"Ngày họp Hội đồng", "Giờ bắt đầu", "Giờ kết thúc"} <= tt
    huong_dan = " ".join(str(r[0].value or "") for r in wb["HuongDan"].iter_rows())
    for chu in ("HoiDong:", "HoiDongQuyet", "Bằng văn bản", "--hoi-dong-quyet", "80 %", "phieu-bau/phieu-bau.xlsx"):
        assert chu in huong_dan, chu


def test_tong_ket_khi_con_bang_phieu_chua_quyet(tmp_path: Path, demo_dau_vao: Path) -> None:
    """An unresolved tie: exit 0, a warning naming each person with the unit, the summary says what waits."""
    ma, ra = chay("tong-ket", str(demo_dau_vao), "-o", str(tmp_path / "kq"))
    assert ma == 0, ra
    assert "Chưa xong — CSTĐCS: 2 người bằng phiếu tại điểm cắt chờ Hội đồng quyết định" in " ".join(ra.split())
    wb = load_workbook(tmp_path / "kq" / "ket-qua.xlsx")
    loi = [[c.value for c in r] for r in wb["Loi"].iter_rows()]
    hoa = [r for r in loi if any(isinstance(v, str) and "bằng nhau tại điểm cắt" in v for v in r)]
    assert hoa and any("Cảnh báo" in str(v) or "canh_bao" in str(v) for v in hoa[0])
    ws = wb["KiemPhieu"]
    tieu_de = [c.value for c in ws[2]]
    assert {"Đơn vị", "Trong đó bằng văn bản", "Xếp hạng", "Kết quả"} <= set(tieu_de)
    ket = [r[tieu_de.index("Kết quả")].value for r in ws.iter_rows(min_row=3)]
    assert ket.count("Bằng phiếu tại điểm cắt — chờ Hội đồng quyết định") == 2


def test_xet_in_chua_xong_mot_lan_moi_nhom_bang_phieu(demo_dau_vao: Path) -> None:
    """Review F2: the "Chưa xong" block of ``thidua xet`` printed the council's notice once per tied person, each
    with the title twice ("CSTĐCS: CSTĐCS: …"); it is printed once per tie."""
    ma, ra = chay("xet", str(demo_dau_vao))
    assert ma == 0, ra
    phang = " ".join(ra.split())
    assert phang.count("Chưa xong — CSTĐCS:") == 1
    cuoi = phang[phang.index("Chưa xong"):]
    assert cuoi.count("bằng nhau tại điểm cắt") == 1, cuoi
    assert "CSTĐCS: CSTĐCS:" not in phang
