"""The v2 facts as a clerk types them (SPEC §8): every new column and sheet read from a real workbook, bad values
reported by `kiem-tra --json` with their cell, IDs across sheets, and one achievement, one form."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from su_kien_bang import kiem_tra, nguoi, so
from thidua.kiem_tra import kiem_tra as kiem_tra_thu_vien
from thidua.so_do import CA_NHAN, KY_LUAT_SHEET, LICH_SU, SANG_KIEN, TAP_THE


def _cot(s, tieu_de: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter([c.tieu_de for c in s.cot].index(tieu_de) + 1)


def _mot(loi: list[dict], **dieu_kien: str) -> dict:
    ds = [v for v in loi if all(v.get(k) == x for k, x in dieu_kien.items())]
    assert len(ds) == 1, (dieu_kien, loi)
    return ds[0]


def test_cot_moi_ghi_sai_duoc_bao_dung_o(tmp_path: Path) -> None:
    p = so(tmp_path, [
        nguoi("001", **{"Nghỉ": "thai sản nửa năm", "Số định danh cá nhân": 1085012345}),
        nguoi("002", **{"Nghỉ": "du lịch 5 ngày", "Ngày vào cơ quan": "31/02/2025"}),
        nguoi("003", **{"Số định danh cá nhân": "00108501234X", "Nghỉ": "ốm 200 ngày; không lương 200 ngày"}),
    ], tap_the=[{"Mã đơn vị": "P1", "Tên tập thể": "Phòng Một", "Xếp loại": "HTTNV", "Đang xem xét": "chắc có"}],
        lich_su=[{"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT", "Loại khen thưởng": "bất thường"}])
    ma, loi = kiem_tra(p)
    assert ma == 1
    v = _mot(loi, o=f"{_cot(CA_NHAN, 'Nghỉ')}2")
    assert v["muc_do"] == "loi" and "thai sản 180 ngày; ốm 20 ngày" in v["thong_bao"] and v["cot"] == "Nghỉ"
    v = _mot(loi, o=f"{_cot(CA_NHAN, 'Nghỉ')}3")
    assert "'du lịch'" in v["thong_bao"] and "tai nạn khi làm nhiệm vụ" in v["thong_bao"]
    v = _mot(loi, o=f"{_cot(CA_NHAN, 'Nghỉ')}4")
    assert "tổng 400 ngày" in v["thong_bao"]
    v = _mot(loi, o=f"{_cot(CA_NHAN, 'Số định danh cá nhân')}2")  # a number: zeros put back, a warning
    assert v["muc_do"] == "canh_bao" and "001085012345" in v["thong_bao"] and "Văn bản" in v["thong_bao"]
    assert "12 chữ số" in _mot(loi, o=f"{_cot(CA_NHAN, 'Số định danh cá nhân')}4")["thong_bao"]
    assert "ngày có thật" in _mot(loi, o=f"{_cot(CA_NHAN, 'Ngày vào cơ quan')}3")["thong_bao"]
    v = _mot(loi, sheet="TapThe", o=f"{_cot(TAP_THE, 'Đang xem xét')}2")
    assert "Có" in v["thong_bao"]
    v = _mot(loi, sheet="LichSu", o=f"{_cot(LICH_SU, 'Loại khen thưởng')}2")
    assert "Chuyên đề" in v["thong_bao"] and "Đột xuất" in v["thong_bao"]


def test_so_dinh_danh_la_o_so_duoc_them_so_0_kem_canh_bao(tmp_path: Path) -> None:
    """Officer's review: 001085001234 typed into a General cell became 1085001234 — one blocking error per person.
    A number of at most 12 digits can only have lost its leading zeros (a CCCD starts with its 0xx province code):
    read with the zeros back and a warning at the cell; text keeps the strict check."""
    p = so(tmp_path, [nguoi("001", **{"Số định danh cá nhân": 1085001234}),
                      nguoi("002", **{"Số định danh cá nhân": 12345678901}),
                      nguoi("003", **{"Số định danh cá nhân": 1234567890123}),
                      nguoi("004", **{"Số định danh cá nhân": "1085001234"}),
                      nguoi("005", **{"Số định danh cá nhân": "001085001235"})])
    kq = kiem_tra_thu_vien([p])
    o = _cot(CA_NHAN, "Số định danh cá nhân")
    theo_o = {v.o: v for v in kq.van_de if v.cot == "Số định danh cá nhân"}
    assert set(theo_o) == {f"{o}2", f"{o}3", f"{o}4", f"{o}5"}
    v = theo_o[f"{o}2"]
    assert (v.muc_do, v.ma_loi) == ("canh_bao", "dinh_danh_la_so")
    assert "đã đọc thành 001085001234" in v.thong_bao and "'001085001234" in v.thong_bao
    assert theo_o[f"{o}3"].muc_do == "canh_bao" and "012345678901" in theo_o[f"{o}3"].thong_bao
    assert theo_o[f"{o}4"].muc_do == "loi" and "12 chữ số" in theo_o[f"{o}4"].thong_bao  # 13 digits: wrong anyway
    assert theo_o[f"{o}5"].muc_do == "loi"  # text: as strict as before
    ma, loi = kiem_tra(so(tmp_path / "b", [nguoi("001", **{"Số định danh cá nhân": 1085001234})]))
    assert ma == 0 and [v["muc_do"] for v in loi if v["cot"] == "Số định danh cá nhân"] == ["canh_bao"]
    kq = kiem_tra_thu_vien([so(tmp_path / "c", [nguoi("001", **{"Số định danh cá nhân": 1085001234}),
                                                nguoi("002", **{"Số định danh cá nhân": "001085001234"})])])
    assert [c.so_dinh_danh for c in kq.du_lieu.ca_nhan] == ["001085001234", "001085001234"]
    assert sorted(v.ma_loi for v in kq.van_de if v.cot == "Số định danh cá nhân") == ["dinh_danh_la_so", "trung_dinh_danh"]


def test_so_dinh_danh_giu_so_0_va_trung_so_la_loi(tmp_path: Path) -> None:
    p = so(tmp_path, [nguoi("001", **{"Số định danh cá nhân": "001085012345"}),
                      nguoi("002", **{"Số định danh cá nhân": "001085012345"}),
                      nguoi("003", **{"Số định danh cá nhân": "012345678901"})])
    kq = kiem_tra_thu_vien([p])
    so_dd = {c.ma: c.so_dinh_danh for c in kq.du_lieu.ca_nhan}
    assert so_dd == {"001": "001085012345", "002": "001085012345", "003": "012345678901"}
    v = [x for x in kq.van_de if x.ma_loi == "trung_dinh_danh"]
    assert len(v) == 1 and v[0].o == f"{_cot(CA_NHAN, 'Số định danh cá nhân')}3" and "CaNhan!" in v[0].thong_bao


def test_sang_kien_va_ky_luat_ghi_sai_duoc_bao_dung_o(tmp_path: Path) -> None:
    p = so(tmp_path, [nguoi("001"), nguoi("002")], sang_kien=[
        {"Mã": "001", "Năm": 2025, "Tên": "Phần mềm quản lý hồ sơ", "Cấp": "Cơ sở"},
        {"Mã": "001", "Năm": 2025, "Tên": "", "Cấp": "Cơ sở"},
        {"Mã": "001", "Năm": 2026, "Tên": "Sáng kiến năm sau", "Cấp": "Cơ sở"},
        {"Mã": "001", "Năm": 2025, "Tên": "Phần mềm quản lý hồ sơ", "Cấp": "Tỉnh"},
        {"Mã": "002", "Năm": 2025, "Tên": "Đề án số hoá", "Loại": "dự án", "Cấp": "Huyện"},
    ], ky_luat=[
        {"Mã": "001", "Hình thức": "Khiển trách", "Ngày quyết định": "01/03/2025", "Ngày hết hiệu lực": "01/02/2025"},
        {"Mã": "002", "Hình thức": "Cảnh cáo", "Ngày quyết định": "01/03/2024", "Năm vi phạm": 2025},
        {"Mã": "002", "Hình thức": "Phạt tiền", "Ngày quyết định": "01/03/2024"},
        {"Mã": "002", "Hình thức": "Khiển trách"},
    ])
    ma, loi = kiem_tra(p)
    assert ma == 1
    sk = [v for v in loi if v["sheet"] == "SangKien"]
    assert "Thiếu Tên" in _mot(sk, o=f"{_cot(SANG_KIEN, 'Tên')}3")["thong_bao"]
    assert "sau năm xét 2025" in _mot(sk, o=f"{_cot(SANG_KIEN, 'Năm')}4")["thong_bao"]
    trung = _mot(sk, o=f"{_cot(SANG_KIEN, 'Tên')}5")
    assert "SangKien!C2" in trung["thong_bao"]
    assert "Sáng kiến hoặc Đề tài" in _mot(sk, o=f"{_cot(SANG_KIEN, 'Loại')}6")["thong_bao"]
    assert "Cơ sở, Tỉnh hoặc Toàn quốc" in _mot(sk, o=f"{_cot(SANG_KIEN, 'Cấp')}6")["thong_bao"]
    kl = [v for v in loi if v["sheet"] == "KyLuat"]
    assert "không sau Ngày quyết định" in _mot(kl, o=f"{_cot(KY_LUAT_SHEET, 'Ngày hết hiệu lực')}2")["thong_bao"]
    assert "sau Ngày quyết định" in _mot(kl, o=f"{_cot(KY_LUAT_SHEET, 'Năm vi phạm')}3")["thong_bao"]
    assert "Khiển trách" in _mot(kl, o=f"{_cot(KY_LUAT_SHEET, 'Hình thức')}4")["thong_bao"]
    assert "Ngày quyết định" in _mot(kl, o=f"{_cot(KY_LUAT_SHEET, 'Ngày quyết định')}5")["thong_bao"]


def test_so_theo_doi_hai_xep_loai_khac_nhau_cung_nam_la_loi(tmp_path: Path) -> None:
    p = so(tmp_path, [nguoi("001")], lich_su=[
        {"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT", "Xếp loại": "HTTNV", "Sáng kiến": "Cơ sở"},
        {"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "CSTĐCS", "Xếp loại": "HTXSNV", "Sáng kiến": "Cơ sở"},
        {"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "GK", "Loại khen thưởng": "Chuyên đề"},
        {"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "GK"},
    ])
    ma, loi = kiem_tra(p)
    v = _mot(loi, sheet="LichSu", ma_loi="lich_su_trung")
    assert ma == 1 and v["o"] == f"{_cot(LICH_SU, 'Xếp loại')}3" and "HTTNV" in v["thong_bao"]
    # a GK chuyên đề and a regular GK of the same year are two rows, not a duplicate


def test_ma_mat_so_0_va_dong_so_theo_doi_khong_khop_ai(tmp_path: Path) -> None:
    p = so(tmp_path, [nguoi(305, **{"Họ và tên": "Lò Văn Sáu"}), nguoi("0410")], lich_su=[
        {"Mã": "0305", "Năm": 2024, "Danh hiệu/hình thức": "CSTĐCS"},
        {"Mã": "0305", "Năm": 2023, "Danh hiệu/hình thức": "CSTĐCS"},
        {"Mã": "0410", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT"},
        {"Mã": "9999", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT"},
    ], sang_kien=[{"Mã": "7777", "Năm": 2025, "Tên": "Sổ tay", "Cấp": "Cơ sở"}])
    ma, loi = kiem_tra(p)
    assert ma == 0  # warnings only
    v = _mot(loi, ma_loi="ma_mat_so_0")
    assert v["sheet"] == "CaNhan" and v["o"] == f"{_cot(CA_NHAN, 'Mã CB')}2" and v["muc_do"] == "canh_bao"
    assert "sửa ô này thành '0305'" in v["thong_bao"] and "LichSu!A2" in v["thong_bao"]
    la = [x for x in loi if x["ma_loi"] == "ma_khong_khop"]
    assert {(x["sheet"], x["o"]) for x in la} == {("LichSu", "A2"), ("LichSu", "A5"), ("SangKien", "A2")}
    dong_0305 = next(x for x in la if x["o"] == "A2" and x["sheet"] == "LichSu")
    assert "2 dòng" in dong_0305["thong_bao"] and "sửa ô Mã ở đó thành '0305'" in dong_0305["thong_bao"]


def test_mot_thanh_tich_hai_hinh_thuc_la_loi_neu_ca_hai_o(tmp_path: Path) -> None:
    p = so(tmp_path, [
        nguoi("001", **{"Đề nghị": "LĐTT, GK, BK tỉnh", "Xếp loại": "HTXSNV"}),
        nguoi("002", **{"Đề nghị": "LĐTT, BK tỉnh", "Xếp loại": "HTXSNV"}),
        nguoi("003", **{"Đề nghị": "LĐTT, BK tỉnh", "Xếp loại": "HTXSNV",
                        "Ghi chú": "GK năm 2025 khen thành tích phòng chống bão số 3; BK khen cả năm"}),
        nguoi("004", **{"Đề nghị": "LĐTT, GK"}),
    ], lich_su=[
        {"Mã": "002", "Năm": 2025, "Danh hiệu/hình thức": "GK", "Số quyết định": "15/QĐ-SNNMT"},
        {"Mã": "003", "Năm": 2025, "Danh hiệu/hình thức": "GK"},
        {"Mã": "004", "Năm": 2025, "Danh hiệu/hình thức": "BK tỉnh", "Loại khen thưởng": "Đột xuất"},
    ])
    ma, loi = kiem_tra(p)
    assert ma == 1
    hai = [v for v in loi if v["ma_loi"] == "mot_thanh_tich_hai_hinh_thuc"]
    o_de_nghi = _cot(CA_NHAN, "Đề nghị")
    v1 = _mot(hai, o=f"{o_de_nghi}2")
    assert v1["muc_do"] == "loi" and f"CaNhan!{o_de_nghi}2" in v1["thong_bao"] and "Điều 5 khoản 2" in v1["thong_bao"]
    v2 = _mot(hai, o=f"{o_de_nghi}3")
    assert v2["muc_do"] == "loi" and f"CaNhan!{o_de_nghi}3" in v2["thong_bao"] and "LichSu!C2" in v2["thong_bao"]
    v3 = _mot(hai, o=f"{o_de_nghi}4")
    assert v3["muc_do"] == "canh_bao" and "phòng chống bão" in v3["thong_bao"]
    assert not [v for v in hai if v["o"] == f"{o_de_nghi}5"]  # LĐTT + GK, and an đột xuất BK: allowed


def test_mau_trong_co_sheet_va_cot_moi(tmp_path: Path) -> None:
    from thidua.mau_bang import tao_mau

    tong, don_vi = tao_mau(tmp_path)
    wb_dv, wb_tong = load_workbook(don_vi), load_workbook(tong)
    assert [c.value for c in wb_dv["SangKien"][2]] == [c.tieu_de for c in SANG_KIEN.cot]
    assert [c.value for c in wb_tong["KyLuat"][2]] == [c.tieu_de for c in KY_LUAT_SHEET.cot]
    tieu_de = [c.value for c in wb_dv["CaNhan"][2]]
    for cot in ("Ngày vào cơ quan", "Cơ quan trước", "Nghỉ", "Số định danh cá nhân"):
        assert cot in tieu_de
    assert "Đang xem xét" in [c.value for c in wb_dv["TapThe"][2]]
    assert "Loại khen thưởng" in [c.value for c in wb_tong["LichSu"][2]]
    huong_dan = " ".join(str(r[0].value or "") for r in wb_dv["HuongDan"].iter_rows())
    for chu in ("Ngày vào cơ quan", "thai sản 180 ngày; ốm 20 ngày", "SangKien", "Số định danh cá nhân"):
        assert chu in huong_dan
    huong_dan = " ".join(str(r[0].value or "") for r in wb_tong["HuongDan"].iter_rows())
    for chu in ("KyLuat", "Loại khen thưởng"):  # the master form's sheets: described there (officer's review)
        assert chu in huong_dan
    # the blank forms validate clean
    assert not [v for v in kiem_tra_thu_vien([tmp_path]).van_de if v.sheet in ("SangKien", "KyLuat")]


def test_ngay_va_so_sai_o_sang_kien_ky_luat_va_nguoi_chuyen_den(tmp_path: Path) -> None:
    p = so(tmp_path, [
        nguoi("001", **{"Ngày vào cơ quan": "01/02/2026"}),
        nguoi("002", **{"Cơ quan trước": "Sở Xây dựng"}),
        nguoi("003", **{"Ngày vào cơ quan": "01/09/2025", "Cơ quan trước": "Sở Y tế", "Ghi chú": "Sở Y tế nhận xét: tốt"}),
    ], sang_kien=[{"Mã": "001", "Năm": "hai nghìn", "Tên": "Sổ tay", "Cấp": "Cơ sở"},
                  {"Mã": "001", "Năm": 2025, "Tên": "Bản đồ", "Cấp": "Cơ sở", "Ngày": "32/10/2025"}],
        ky_luat=[{"Mã": "002", "Hình thức": "Khiển trách", "Ngày quyết định": "01/03/2025", "Ngày hết hiệu lực": "sau Tết"},
                 {"Mã": "002", "Hình thức": "Khiển trách", "Ngày quyết định": "01/03/2025", "Năm vi phạm": 25}])
    ma, loi = kiem_tra(p)
    assert ma == 1
    v = _mot(loi, sheet="CaNhan", o=f"{_cot(CA_NHAN, 'Ngày vào cơ quan')}2")
    assert "sau năm xét 2025" in v["thong_bao"] and v["muc_do"] == "loi"
    v = _mot(loi, sheet="CaNhan", o=f"{_cot(CA_NHAN, 'Cơ quan trước')}3", ma_loi="thieu_ngay_vao_co_quan")
    assert v["muc_do"] == "canh_bao" and "Ngày vào cơ quan" in v["thong_bao"]
    assert "Ghi chú" in _mot(loi, o=f"{_cot(CA_NHAN, 'Cơ quan trước')}3", ma_loi="thieu_nhan_xet_co_quan_cu")["thong_bao"]
    assert not [x for x in loi if x["dong"] == 4 and x["sheet"] == "CaNhan"]  # a complete transfer: nothing to say
    assert "không phải số" in _mot(loi, sheet="SangKien", o=f"{_cot(SANG_KIEN, 'Năm')}2")["thong_bao"]
    assert "ngày có thật" in _mot(loi, sheet="SangKien", o=f"{_cot(SANG_KIEN, 'Ngày')}3")["thong_bao"]
    assert "không phải ngày" in _mot(loi, sheet="KyLuat", o=f"{_cot(KY_LUAT_SHEET, 'Ngày hết hiệu lực')}2")["thong_bao"]
    assert "Năm vi phạm 25" in _mot(loi, sheet="KyLuat", o=f"{_cot(KY_LUAT_SHEET, 'Năm vi phạm')}3")["thong_bao"]


def test_mot_thanh_tich_hai_hinh_thuc_cho_tap_the(tmp_path: Path) -> None:
    p = so(tmp_path, [nguoi("001")], tap_the=[
        {"Mã đơn vị": "P1", "Tên tập thể": "Phòng Một", "Xếp loại": "HTXSNV", "Đề nghị": "TTLĐTT, BK tỉnh"},
        {"Mã đơn vị": "P2", "Tên tập thể": "Phòng Hai", "Xếp loại": "HTXSNV", "Đề nghị": "TTLĐTT, GK"},
    ], lich_su=[{"Mã": "P1", "Năm": 2025, "Danh hiệu/hình thức": "GK", "Số quyết định": "30/QĐ-SNNMT"}])
    ma, loi = kiem_tra(p)
    v = _mot(loi, sheet="TapThe", ma_loi="mot_thanh_tich_hai_hinh_thuc")
    assert ma == 1 and v["muc_do"] == "loi" and v["dong"] == 2 and "LichSu!C2" in v["thong_bao"]
    assert "Phòng Một" in v["thong_bao"]


def test_danh_hieu_truoc_khi_du_thoi_gian_cong_tac_bi_canh_bao(tmp_path: Path) -> None:
    """A ledger title for a year the person had not served in (review 2026-11-29: LĐTT and CSTĐCS 2024 for someone
    recruited on 02/08/2024): before the start of service, or that year with under 6 months left — a warning at the
    ledger row, one per person. Both sides: recruited 01/07/2024 (6 months: fine), an earlier contract in this
    agency (service from then), a transfer (the former agency's titles count), no date (not checked)."""
    p = so(tmp_path, [
        nguoi("001", **{"Ngày tuyển dụng": "02/08/2024"}),
        nguoi("002", **{"Ngày tuyển dụng": "01/07/2024"}),
        nguoi("003", **{"Ngày tuyển dụng": "15/03/2024"}),
        nguoi("004", **{"Ngày tuyển dụng": "02/08/2024", "Ngày vào cơ quan": "02/01/2023"}),
        nguoi("005", **{"Ngày tuyển dụng": "01/02/2015", "Ngày vào cơ quan": "02/08/2024",
                        "Cơ quan trước": "Sở Tài chính", "Ghi chú": "Cơ quan cũ nhận xét tốt"}),
        nguoi("006"),
    ], lich_su=[
        {"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT"},
        {"Mã": "001", "Năm": 2024, "Danh hiệu/hình thức": "CSTĐCS"},
        {"Mã": "002", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT"},
        {"Mã": "003", "Năm": 2023, "Danh hiệu/hình thức": "LĐTT"},
        {"Mã": "004", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT"},
        {"Mã": "005", "Năm": 2023, "Danh hiệu/hình thức": "LĐTT"},
        {"Mã": "006", "Năm": 2024, "Danh hiệu/hình thức": "LĐTT"},
    ])
    _, loi = kiem_tra(p)
    vd = {v["thong_bao"].split(" ")[2].strip("():"): v for v in loi if v["ma_loi"] == "truoc_cong_tac"}
    assert set(vd) == {"001", "003"}, [v["thong_bao"] for v in vd.values()]
    v = vd["001"]
    assert v["muc_do"] == "canh_bao" and (v["sheet"], v["o"]) == ("LichSu", f"{_cot(LICH_SU, 'Năm')}2")
    assert "LĐTT năm 2024; CSTĐCS năm 2024" in v["thong_bao"] and "tuyển dụng ngày 02/08/2024" in v["thong_bao"]
    assert "(cần 6 tháng)" in v["thong_bao"] and "LĐTT năm 2023" in vd["003"]["thong_bao"]
