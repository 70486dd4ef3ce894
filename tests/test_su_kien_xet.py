"""The v2 facts decide results end to end: real workbooks written, `thidua xet --json` run as a user runs it, each
fact on both sides of its boundary (DOMAIN.md §12)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from su_kien_bang import chay_cli, ly_do, nguoi, so, xet
from thidua.so_do import KY_LUAT_SHEET, LICH_SU, SANG_KIEN


def test_hop_dong_chuyen_cong_tac_va_nghi_hai_phia(tmp_path: Path) -> None:
    p = so(tmp_path, [
        nguoi("HD1", **{"Ngày tuyển dụng": "01/09/2025", "Ngày vào cơ quan": "01/07/2025"}),
        nguoi("HD2", **{"Ngày tuyển dụng": "01/09/2025", "Ngày vào cơ quan": "02/07/2025"}),
        nguoi("CT1", **{"Ngày vào cơ quan": "01/09/2025", "Cơ quan trước": "Sở Tài chính tỉnh Lai Châu",
                        "Ghi chú": "Sở Tài chính nhận xét: hoàn thành tốt nhiệm vụ"}),
        nguoi("CT2", **{"Ngày vào cơ quan": "01/09/2025"}),
        nguoi("TS1", **{"Ngày tuyển dụng": "01/06/2025", "Nghỉ": "thai sản 180 ngày"}),
        nguoi("KL1", **{"Ngày tuyển dụng": "01/06/2025", "Nghỉ": "không lương 31 ngày"}),
        nguoi("KL2", **{"Ngày tuyển dụng": "01/06/2025", "Nghỉ": "không lương 32 ngày"}),
        nguoi("OM1", **{"Ngày tuyển dụng": "01/06/2015", "Nghỉ": "ốm 61 ngày"}),
    ])
    kq = xet(p)
    dat = {ma: kq[(ma, "LDTT")]["dat"] for ma in ("HD1", "HD2", "CT1", "CT2", "TS1", "KL1", "KL2", "OM1")}
    assert dat == {"HD1": True, "HD2": False, "CT1": True, "CT2": False, "TS1": True, "KL1": True, "KL2": False,
                   "OM1": True}
    assert "hợp đồng liên tục tại cơ quan từ 01/07/2025: đủ 6 tháng" in ly_do(kq[("HD1", "LDTT")])
    assert "thời gian ở cơ quan cũ được tính" in ly_do(kq[("CT1", "LDTT")])
    assert "Vào cơ quan ngày 01/09/2025: chưa đủ 6 tháng" in ly_do(kq[("CT2", "LDTT")])
    assert "thai sản 180 ngày: được tính là thời gian công tác" in ly_do(kq[("TS1", "LDTT")])
    assert "trừ 32 ngày nghỉ không được tính" in ly_do(kq[("KL2", "LDTT")])
    # the long-leave exclusion is an agency choice (QuyChe), off by default
    p2 = so(tmp_path, [nguoi("OM1", **{"Ngày tuyển dụng": "01/06/2015", "Nghỉ": "ốm 61 ngày"}),
                       nguoi("OM2", **{"Ngày tuyển dụng": "01/06/2015", "Nghỉ": "ốm 60 ngày"})],
            quy_che={"Số ngày nghỉ tối đa để xét LĐTT": 60}, ten="qc.xlsx")
    kq2 = xet(p2)
    assert not kq2[("OM1", "LDTT")]["dat"] and kq2[("OM2", "LDTT")]["dat"]
    assert "quá 60 ngày theo Quy chế" in ly_do(kq2[("OM1", "LDTT")])


def test_so_sang_kien_hai_sang_kien_mot_nam_va_khong_dung_lai(tmp_path: Path) -> None:
    p = so(tmp_path, [
        nguoi("001", **{"Xếp loại": "HTXSNV", "Đề nghị": "LĐTT, BK tỉnh"}),
        nguoi("002", **{"Xếp loại": "HTXSNV", "Đề nghị": "LĐTT, CSTĐCS, CSTĐ tỉnh"}),
    ], lich_su=[
        {"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT", "Xếp loại": "HTXSNV"},
        {"Mã": "002", "Năm": 2022, "Danh hiệu/hình thức": "CSTĐ tỉnh", "Ngày quyết định": "15/03/2023"},
        {"Mã": "002", "Năm": 2023, "Danh hiệu/hình thức": "CSTĐCS"},
        {"Mã": "002", "Năm": 2024, "Danh hiệu/hình thức": "CSTĐCS"},
    ], sang_kien=[
        {"Mã": "001", "Năm": 2025, "Tên": "Quy trình một cửa điện tử", "Loại": "Sáng kiến", "Cấp": "Cơ sở",
         "Số quyết định công nhận": "12/QĐ-SNNMT", "Ngày": "10/11/2025"},
        {"Mã": "001", "Năm": 2025, "Tên": "Bản đồ số vùng trồng", "Loại": "Đề tài", "Cấp": "Cơ sở"},
        {"Mã": "002", "Năm": 2022, "Tên": "Giống lúa chịu hạn", "Cấp": "Tỉnh", "Số quyết định công nhận": "45/QĐ-UBND"},
    ])
    kq = xet(p)
    bk = kq[("001", "BKT")]
    assert bk["dat"] and "«Quy trình một cửa điện tử» (năm 2025, cấp cơ sở, QĐ 12/QĐ-SNNMT)" in ly_do(bk)
    assert "đề tài «Bản đồ số vùng trồng»" in ly_do(bk)
    cstdt = kq[("002", "CSTDT")]
    assert not cstdt["dat"]
    assert "«Giống lúa chịu hạn» (năm 2022, cấp tỉnh, QĐ 45/QĐ-UBND) đã dùng cho CSTĐ tỉnh năm 2022" in ly_do(cstdt)
    # one initiative only: the same person no longer reaches BK tỉnh
    p1 = so(tmp_path, [nguoi("001", **{"Xếp loại": "HTXSNV", "Đề nghị": "LĐTT, BK tỉnh"})],
            lich_su=[{"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT", "Xếp loại": "HTXSNV"}],
            sang_kien=[{"Mã": "001", "Năm": 2025, "Tên": "Quy trình một cửa điện tử", "Cấp": "Cơ sở"}], ten="mot.xlsx")
    assert not xet(p1)[("001", "BKT")]["dat"]


def test_ky_luat_het_hieu_luc_ngay_01_01_va_02_01(tmp_path: Path) -> None:
    lich_su = [{"Mã": m, "Năm": y, "Danh hiệu/hình thức": "CSTĐCS"} for m in ("A", "B") for y in (2023, 2024)]
    p = so(tmp_path, [nguoi(m, **{"Xếp loại": "HTXSNV", "Sáng kiến": "Tỉnh", "Đề nghị": "LĐTT, CSTĐCS, CSTĐ tỉnh"})
                      for m in ("A", "B")], lich_su=lich_su, ky_luat=[
        {"Mã": "A", "Hình thức": "Khiển trách", "Số quyết định": "88/QĐ-SNNMT", "Ngày quyết định": "01/01/2022",
         "Năm vi phạm": 2021, "Ngày hết hiệu lực": "01/01/2023"},
        {"Mã": "B", "Hình thức": "Khiển trách", "Số quyết định": "89/QĐ-SNNMT", "Ngày quyết định": "02/01/2022",
         "Năm vi phạm": 2021, "Ngày hết hiệu lực": "02/01/2023"},
    ])
    kq = xet(p)
    assert kq[("A", "CSTDT")]["dat"]
    b = kq[("B", "CSTDT")]
    assert not b["dat"] and "hết hiệu lực 02/01/2023" in ly_do(b) and "năm 2023 không được tính" in ly_do(b)
    assert any("Nghị định 152/2025/NĐ-CP, Điều 4" in c for c in b["can_cu"])


def test_khen_chuyen_de_khong_tinh_chuoi_va_tap_the_dang_xem_xet(tmp_path: Path) -> None:
    p = so(tmp_path, [
        nguoi("A", **{"Xếp loại": "HTXSNV", "Sáng kiến": "Tỉnh", "Đề nghị": "LĐTT, CSTĐCS, CSTĐ tỉnh"}),
        nguoi("B", **{"Xếp loại": "HTXSNV", "Sáng kiến": "Tỉnh", "Đề nghị": "LĐTT, CSTĐCS, CSTĐ tỉnh", "Đơn vị": "P2"}),
    ], tap_the=[
        {"Mã đơn vị": "P1", "Tên tập thể": "Phòng Một", "Xếp loại": "HTTNV", "Đề nghị": "TTLĐTT", "Đang xem xét": "Có"},
        {"Mã đơn vị": "P2", "Tên tập thể": "Phòng Hai", "Xếp loại": "HTTNV", "Đề nghị": "TTLĐTT"},
    ], lich_su=[
        {"Mã": "A", "Năm": 2023, "Danh hiệu/hình thức": "CSTĐCS"},
        {"Mã": "A", "Năm": 2024, "Danh hiệu/hình thức": "CSTĐCS", "Loại khen thưởng": "Chuyên đề"},
        {"Mã": "B", "Năm": 2023, "Danh hiệu/hình thức": "CSTĐCS"},
        {"Mã": "B", "Năm": 2024, "Danh hiệu/hình thức": "CSTĐCS", "Loại khen thưởng": "Thường xuyên"},
    ])
    kq = xet(p)
    a = kq[("A", "CSTDT")]
    assert not a["dat"] and "CSTĐCS năm 2024 là khen chuyên đề" in ly_do(a)
    assert any("Điều 4 khoản 3" in c for c in a["can_cu"])
    assert kq[("B", "CSTDT")]["dat"]
    assert not kq[("P1", "TTLDTT")]["dat"] and "Đang bị xem xét kỷ luật" in ly_do(kq[("P1", "TTLDTT")])
    assert kq[("P2", "TTLDTT")]["dat"]
    # the minutes: deferred, not ineligible — its own sentence (a clerk's review)
    from thidua.kiem_tra import kiem_tra
    from thidua.van_ban.ngu_canh import bien_ban_hop
    from thidua.xet import xet_sau_kiem_tra

    noi_dung = bien_ban_hop(xet_sau_kiem_tra(kiem_tra([p]))).noi_dung
    chua = [x for x in noi_dung if x.startswith("Các đề nghị chưa xét trong đợt này")]
    assert chua == ["Các đề nghị chưa xét trong đợt này vì tập thể, cá nhân đang bị xem xét kỷ luật hoặc đang bị "
                    "thanh tra, kiểm tra, điều tra: “Tập thể lao động tiên tiến”: Phòng Một."], noi_dung
    assert not any("Phòng Một" in x for x in noi_dung if "không đủ tiêu chuẩn" in x)


def test_can_cu_theo_ngay_quyet_dinh(tmp_path: Path) -> None:
    def can_cu(ngay: str, nam: int) -> list[str]:
        p = so(tmp_path, [nguoi("A")], thong_tin={"Năm": nam, "Ngày quyết định": ngay}, ten=f"cc{nam}{ngay[:2]}.xlsx")
        return xet(p)[("A", "LDTT")]["can_cu"]

    cu = can_cu("28/12/2023", 2023)
    assert "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)" in cu and "Nghị định 91/2017/NĐ-CP" in cu
    assert not any("2022" in c for c in cu)
    giua = can_cu("15/01/2025", 2024)
    assert {"Luật Thi đua, khen thưởng 2022", "Nghị định 98/2023/NĐ-CP", "Thông tư 01/2024/TT-BNV"} <= set(giua)
    moi = can_cu("12/01/2026", 2025)
    assert {"Luật Thi đua, khen thưởng 2022", "Nghị định 152/2025/NĐ-CP", "Thông tư 15/2025/TT-BNV"} <= set(moi)
    assert not any("VKSNDTC" in c or "98/2023" in c for c in moi)


def test_tong_ket_mang_so_sang_kien_ky_luat_va_loai_khen_thuong_sang_nam_sau(tmp_path: Path) -> None:
    p = so(tmp_path, [nguoi("001", **{"Xếp loại": "HTXSNV", "Sáng kiến": "Cơ sở", "Đề nghị": "LĐTT, CSTĐCS"})],
           lich_su=[{"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "GK", "Loại khen thưởng": "Đột xuất"}],
           sang_kien=[{"Mã": "001", "Năm": 2025, "Tên": "Sổ tay số hoá", "Cấp": "Cơ sở"}],
           ky_luat=[{"Mã": "001", "Hình thức": "Khiển trách", "Ngày quyết định": "01/03/2020",
                     "Ngày hết hiệu lực": "01/03/2021"}])
    ra = tmp_path / "ra"
    ma, _, out = chay_cli("tong-ket", str(p), "-o", str(ra))
    assert ma == 0, out
    wb = load_workbook(ra / "so-theo-doi.xlsx")
    tieu_de = [c.value for c in wb["LichSu"][2]]
    assert tieu_de == [c.tieu_de for c in LICH_SU.cot]
    dong = [dict(zip(tieu_de, [c.value for c in r], strict=False)) for r in wb["LichSu"].iter_rows(min_row=3)]
    assert any(d["Danh hiệu/hình thức"] == "GK" and d["Loại khen thưởng"] == "Đột xuất" for d in dong)
    assert [c.value for c in wb["SangKien"][2]] == [c.tieu_de for c in SANG_KIEN.cot]
    assert wb["SangKien"]["C3"].value == "Sổ tay số hoá"
    assert [c.value for c in wb["KyLuat"][2]] == [c.tieu_de for c in KY_LUAT_SHEET.cot]
    # the ledger written is next year's input: it reads back without errors
    nam_sau = so(tmp_path / "nam-sau", [nguoi("001")], thong_tin={"Năm": 2026, "Ngày quyết định": "12/01/2027"})
    ma, d, out = chay_cli("kiem-tra", str(ra / "so-theo-doi.xlsx"), str(nam_sau), "--json")
    assert ma == 0 and not [v for v in d["loi"] if v["muc_do"] == "loi"], out


def test_ky_luat_nam_truoc_con_hieu_luc_sang_nam_xet_thi_khong_xet_lao_dong_tien_tien(tmp_path: Path) -> None:
    """A legal review: a Khiển trách decided in 2024 and running to 01/06/2025 left the person's own 2025 LĐTT
    granted while the chains and the unit counted 2025 out (ND 152/2025 Art. 4: achievements count only from the
    end of the discipline). One reading now: the year is not considered. Both sides of the end date: a discipline
    ending on 01/01/2025 leaves 2025 whole."""
    p = so(tmp_path, [nguoi(m, **{"Xếp loại": "HTTNV", "Đề nghị": "LĐTT"}) for m in ("A", "B")], ky_luat=[
        {"Mã": "A", "Hình thức": "Khiển trách", "Số quyết định": "88/QĐ-SNNMT", "Ngày quyết định": "01/06/2024",
         "Năm vi phạm": 2024, "Ngày hết hiệu lực": "01/06/2025"},
        {"Mã": "B", "Hình thức": "Khiển trách", "Số quyết định": "89/QĐ-SNNMT", "Ngày quyết định": "01/01/2024",
         "Năm vi phạm": 2024, "Ngày hết hiệu lực": "01/01/2025"},
    ])
    kq = xet(p)
    a = kq[("A", "LDTT")]
    assert not a["dat"] and "Còn trong thời hạn kỷ luật từ năm trước" in ly_do(a) and "01/06/2025" in ly_do(a), ly_do(a)
    assert any("Nghị định 152/2025/NĐ-CP, Điều 4" in c for c in a["can_cu"])
    assert kq[("B", "LDTT")]["dat"], ly_do(kq[("B", "LDTT")])
