"""The year-end batch end to end on the demo department."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from thidua.loi import ThiduaError
from thidua.tong_ket import sha256, tong_ket
from tien_ich import bam, bo_nho, nguoi


def _chu_docx(p: Path) -> str:
    d = Document(str(p))
    chu = [para.text for para in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            chu += [c.text for c in r.cells]
    return "\n".join(chu)


def test_moi_dau_ra_co_va_khong_rong(demo_ket_qua) -> None:
    ra = demo_ket_qua.thu_muc_ra
    assert demo_ket_qua.ma_thoat == 0
    for ten in ("ket-qua.xlsx", "so-theo-doi.xlsx", "manifest.json"):
        assert (ra / ten).stat().st_size > 0
    van_ban = sorted(p.name for p in (ra / "van-ban").glob("*.docx"))
    assert "qd-cong-nhan-danh-hieu-2025.docx" in van_ban and "bao-cao-tong-ket-2025.docx" in van_ban
    assert "to-trinh-khen-thuong-cap-tinh-2025.docx" in van_ban and "bien-ban-kiem-phieu-2025.docx" in van_ban
    assert not [p for p in ra.parent.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_manifest_bam_khop_tep_va_co_tham_so(demo_ket_qua, demo_dau_vao: Path) -> None:
    ra = demo_ket_qua.thu_muc_ra
    m = json.loads((ra / "manifest.json").read_text(encoding="utf-8"))
    assert m["ngay_quyet_dinh"] == "2026-01-12" and m["nam"] == 2025
    for t in m["dau_ra"]:
        assert sha256(ra / t["tep"]) == t["sha256"], t
    for t in m["dau_vao"]:
        assert sha256(Path(t["tep"])) == t["sha256"]
    ten = {t["ten"]: t for t in m["tham_so"]}
    assert ten["tien_thuong.muc_luong_co_so"]["gia_tri"] == "2.340.000"
    assert "73/2024" in ten["tien_thuong.muc_luong_co_so"]["can_cu"]
    assert ten["chi_tieu.CSTDCS"]["nguon"] == "quy_che_co_quan"
    assert "Art. 24" in m["quy_tac"]["LDTT"]


def test_ket_qua_xlsx_doc_lai_duoc(demo_ket_qua) -> None:
    wb = load_workbook(demo_ket_qua.thu_muc_ra / "ket-qua.xlsx")
    assert wb.sheetnames == ["TongHop", "CaNhan", "TapThe", "KiemPhieu", "TienThuong", "Loi"]
    ws = wb["CaNhan"]
    tieu_de = [c.value for c in ws[2]]
    assert tieu_de[:4] == ["Mã CB", "Họ và tên", "Đơn vị", "Danh hiệu"] and "Lý do" in tieu_de
    assert ws.max_row > 100
    # a tie at a quota's cut (the demo has two) reads "Chờ Hội đồng quyết định", never "Không đạt" beside
    # "Cần HĐ quyết định: Có" (review 2026-11-29)
    c = {t: tieu_de.index(t) for t in ("Kết quả", "Cần HĐ quyết định")}
    cho = [r for r in ws.iter_rows(min_row=3, values_only=True) if r[c["Cần HĐ quyết định"]] == "Có"]
    assert cho and {r[c["Kết quả"]] for r in cho} == {"Chờ Hội đồng quyết định"}
    assert {r[c["Kết quả"]] for r in ws.iter_rows(min_row=3, values_only=True)} == {
        "Đạt", "Không đạt", "Chờ Hội đồng quyết định"}


def test_ket_qua_xlsx_cot_du_rong_va_can_tren(demo_ket_qua) -> None:
    """Officer's review: TongHop's "Cấp quyết định" was cut (the second table's widths overwrote the first's), and the
    result sheets mixed bottom-aligned cells with a top-aligned Lý do."""
    from openpyxl.utils import get_column_letter

    wb = load_workbook(demo_ket_qua.thu_muc_ra / "ket-qua.xlsx")
    ws = wb["TongHop"]
    tieu_de = [c.value for c in ws[2]]
    cot = get_column_letter(tieu_de.index("Cấp quyết định") + 1)
    gia_tri = [c.value for c in ws[cot][2:] if c.value and ws.cell(row=c.row, column=1).value]
    dai = max(len(str(v)) for v in gia_tri[:9])
    assert dai >= 25 and ws.column_dimensions[cot].width >= dai + 1, (ws.column_dimensions[cot].width, dai)
    for ten in ("CaNhan", "TapThe"):
        ws = wb[ten]
        for dong in ws.iter_rows(min_row=3, max_row=min(ws.max_row, 40)):
            # every cell with something in it (an empty cell is not written: nothing to align)
            assert {o.alignment.vertical for o in dong if o.value not in (None, "")} == {"top"}, (ten, dong[0].row)


def test_so_theo_doi_co_ket_qua_nam_nay(demo_ket_qua) -> None:
    kq = demo_ket_qua.ket_qua
    wb = load_workbook(demo_ket_qua.thu_muc_ra / "so-theo-doi.xlsx")
    dong = list(wb["LichSu"].iter_rows(min_row=3, values_only=True))
    nam_nay = {(r[0], r[2]) for r in dong if r[1] == 2025 and r[2]}
    dat = {(d.ma, k.danh_hieu.viet_tat) for d, k in kq.tat_ca() if k.dat and k.so_quyet_dinh}
    assert dat and dat == nam_nay
    assert any(r[1] == 2024 for r in dong)


def test_so_theo_doi_ghi_ten_co_quan_nhu_van_ban(demo_ket_qua) -> None:
    """Review F11: the ledger's "Cơ quan ban hành" is the agency's name as the documents write it (Decree 30:
    "Sở Nông nghiệp và Môi trường"), the same as the earlier years' rows — not str.title()'s "Nông Nghiệp Và"."""
    wb = load_workbook(demo_ket_qua.thu_muc_ra / "so-theo-doi.xlsx", read_only=True)
    ws = wb["LichSu"]
    dau = [c for c in next(ws.iter_rows(min_row=2, max_row=2, values_only=True))]
    i_nam, i_cq = dau.index("Năm"), dau.index("Cơ quan ban hành")
    dong = list(ws.iter_rows(min_row=3, values_only=True))
    nam_nay = {r[i_cq] for r in dong if r[i_nam] == 2025 and r[i_cq]}
    assert nam_nay == {"Sở Nông nghiệp và Môi trường"}, nam_nay
    truoc = {r[i_cq] for r in dong if r[i_nam] == 2024 and r[i_cq]}
    # the demo's 2024 titles were decided on 15/01/2025, before the merger that made the Sở (01/03/2025)
    assert truoc == {"Sở Nông nghiệp và Phát triển nông thôn"}, truoc


def test_dau_vao_khong_doi_va_chay_lai_cho_cung_van_ban(demo_dau_vao: Path, demo_ket_qua, tmp_path: Path) -> None:
    truoc = bam(demo_dau_vao)
    lan2 = tong_ket([demo_dau_vao], tmp_path / "lan2")
    assert bam(demo_dau_vao) == truoc
    for p in (demo_ket_qua.thu_muc_ra / "van-ban").glob("*.docx"):
        assert _chu_docx(p) == _chu_docx(lan2.thu_muc_ra / "van-ban" / p.name), p.name


def test_khong_ghi_de_neu_khong_co_co(demo_dau_vao: Path, tmp_path: Path) -> None:
    ra = tmp_path / "ra"
    ra.mkdir()
    (ra / "cu.txt").write_text("giữ nguyên", encoding="utf-8")
    with pytest.raises(ThiduaError, match="--ghi-de"):
        tong_ket([demo_dau_vao], ra)
    assert (ra / "cu.txt").read_text(encoding="utf-8") == "giữ nguyên"
    tong_ket([demo_dau_vao], ra, ghi_de=True)
    assert not (ra / "cu.txt").exists() and (ra / "manifest.json").exists()


def test_loi_giua_chung_khong_de_lai_gi(demo_dau_vao: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import thidua.tong_ket as tk

    def hong(*a, **k):
        raise RuntimeError("lỗi giả lập khi ghi sổ")

    monkeypatch.setattr(tk, "ghi_so_theo_doi", hong)
    with pytest.raises(RuntimeError):
        tong_ket([demo_dau_vao], tmp_path / "ra")
    assert list(tmp_path.iterdir()) == []


def test_du_lieu_loi_chi_ghi_sheet_loi_va_ma_thoat_1(tmp_path: Path) -> None:
    p = bo_nho(tmp_path / "vao", [nguoi("1", "A", xep_loai="giỏi")])
    kq = tong_ket([p], tmp_path / "ra")
    assert kq.ma_thoat == 1
    assert sorted(x.name for x in (tmp_path / "ra").iterdir()) == ["ket-qua.xlsx"]
    wb = load_workbook(tmp_path / "ra" / "ket-qua.xlsx")
    assert wb.sheetnames == ["Loi"]
    assert any("giỏi" in str(r[6]) for r in wb["Loi"].iter_rows(min_row=3, values_only=True))


def test_chay_song_song_cho_cung_ket_qua(demo_dau_vao: Path, demo_ket_qua, tmp_path: Path) -> None:
    kq = tong_ket([demo_dau_vao], tmp_path / "j2", so_tien_trinh=2)
    for p in (demo_ket_qua.thu_muc_ra / "van-ban").glob("*.docx"):
        assert _chu_docx(p) == _chu_docx(kq.thu_muc_ra / "van-ban" / p.name)


def test_cong_thuc_trong_ten_khong_thanh_cong_thuc(tmp_path: Path) -> None:
    p = bo_nho(tmp_path / "vao", [nguoi("1", "=HYPERLINK(\"http://x\")"), nguoi("2", "+Trần Văn Bảo")])
    kq = tong_ket([p], tmp_path / "ra")
    assert kq.ma_thoat == 0
    ws = load_workbook(tmp_path / "ra" / "ket-qua.xlsx")["CaNhan"]
    o = next(r for r in ws.iter_rows(min_row=3) if r[0].value == "1")[1]
    assert o.data_type == "s" and o.value.startswith("=HYPERLINK")
