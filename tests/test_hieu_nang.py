"""Speed changes keep every output the same (issue 15). Each fast path is compared, in the same process, with the
plain way it replaces — docxtpl's own ``render``, the per-unit loop, one process — so these tests stay true when
the documents' wording changes. Timings are never asserted here: ``scripts/bench.py`` prints them."""

from __future__ import annotations

import dataclasses
import gc
import importlib.util
import io
import pickle
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate

from thidua.tong_ket import tong_ket
from thidua.van_ban import ngu_canh
from thidua.van_ban.moi_truong import moi_truong
from thidua.van_ban.ngu_canh import thanh_dict
from thidua.van_ban.ve import ban_ve_nam, nfc, tim_mau
from thidua.van_ban.ve_nhanh import MauDaDich, MauNhanh

GOC = Path(__file__).resolve().parent.parent


def _dau_van_tay():
    spec = importlib.util.spec_from_file_location("dau_van_tay", GOC / "scripts" / "dau_van_tay.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def _ve(lop: type[DocxTemplate], mau: Path | io.BytesIO, ctx: dict, truoc_khi_ve=None) -> dict[str, bytes]:
    """Render with ``lop``; every part of the package (zip timestamps aside)."""
    if isinstance(mau, io.BytesIO):
        mau.seek(0)
    ctx = nfc(thanh_dict(ctx))  # what the render point does with a typed context
    tpl = lop(mau)
    if truoc_khi_ve:
        truoc_khi_ve(tpl, ctx)
    tpl.render(ctx, jinja_env=moi_truong(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist()}


def _ve_da_dich(mau: Path, ctx: dict, da_dich: dict[Path, MauDaDich]) -> tuple[list[str], dict[str, bytes]]:
    """Render with one ``MauDaDich`` per template (reused, as a worker does): the zip's member order and parts."""
    if mau not in da_dich:
        da_dich[mau] = MauDaDich(str(mau), moi_truong())
    with zipfile.ZipFile(io.BytesIO(da_dich[mau].ve(nfc(thanh_dict(ctx))))) as z:
        return z.namelist(), {n: z.read(n) for n in z.namelist()}


def _thu_tu_docxtpl(mau: Path, ctx: dict) -> list[str]:
    tpl = DocxTemplate(str(mau))
    tpl.render(nfc(thanh_dict(ctx)), jinja_env=moi_truong(), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return zipfile.ZipFile(buf).namelist()


def test_mau_da_dich_giong_docxtpl_tung_byte_moi_van_ban_va_ho_so(demo_ket_qua) -> None:
    """A template prepared once and rendered many times (MauDaDich: the year's documents and every dossier
    document, the same achievement-report template for every candidate) gives docxtpl's own render + save: the
    same members, every part byte for byte, the same text."""
    from thidua.ho_so import ke_hoach_ho_so

    kq = demo_ket_qua.ket_qua
    ban_ve = [b for b in ban_ve_nam(kq) if b.truoc_khi_ve is None] + [b for _, b in ke_hoach_ho_so(kq).ban_ve]
    assert len({b.mau for b in ban_ve}) >= 9 and sum(b.mau.startswith("bao_cao_thanh_tich") for b in ban_ve) >= 2
    da_dich: dict[Path, MauDaDich] = {}
    for b in ban_ve:
        mau = tim_mau(b.mau)
        cham = _ve(DocxTemplate, str(mau), b.ngu_canh)
        thu_tu, nhanh = _ve_da_dich(mau, b.ngu_canh, da_dich)
        goc = _thu_tu_docxtpl(mau, b.ngu_canh)  # the same members; [Content_Types].xml first, as Word writes it
        assert sorted(thu_tu) == sorted(goc) and thu_tu[0] == goc[0] == "[Content_Types].xml", b.ten_tep
        assert [n for n in cham if cham[n] != nhanh[n]] == [], b.ten_tep
        assert _chu(cham) == _chu(nhanh)
    assert len(da_dich) < len(ban_ve)  # templates were reused


def _chu(phan: dict[str, bytes]) -> list[str]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, b in phan.items():
            z.writestr(n, b)
    d = Document(buf)
    return [p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]


def test_moi_van_ban_nam_giong_docxtpl_tung_byte(demo_ket_qua) -> None:
    """Every document of the round, rendered by MauNhanh and by docxtpl's own render: the same parts, byte for
    byte (hence the same text), including the report with its chart."""
    ds = ban_ve_nam(demo_ket_qua.ket_qua)
    assert len(ds) >= 7
    for b in ds:
        mau = tim_mau(b.mau)
        cham, nhanh = _ve(DocxTemplate, str(mau), b.ngu_canh, b.truoc_khi_ve), _ve(MauNhanh, str(mau), b.ngu_canh,
                                                                                   b.truoc_khi_ve)
        assert cham.keys() == nhanh.keys(), b.ten_tep
        khac = [n for n in cham if cham[n] != nhanh[n]]
        assert not khac, f"{b.ten_tep}: {khac}"
        assert _chu(cham) == _chu(nhanh)
        assert len(cham["word/document.xml"]) > 2000


def _mau_thu() -> io.BytesIO:
    """A template that needs every pass MauNhanh skips elsewhere: tabs/line/page breaks in values, a {%tc %} loop
    adding columns, a table whose only rows are an empty loop, a merged cell."""
    d = Document()
    d.add_paragraph("Mở đầu {{ chu }} kết")
    d.add_paragraph("Không có gì đặc biệt {{ ten }}")
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Tên", "Số"
    t.cell(1, 0).text = "{%tr for r in dong %}"
    t.cell(2, 0).text, t.cell(2, 1).text = "{{ r.ten }}", "{{ r.so }}"
    t.add_row().cells[0].text = "{%tr endfor %}"
    t2 = d.add_table(rows=1, cols=3)
    t2.cell(0, 0).text, t2.cell(0, 1).text, t2.cell(0, 2).text = "{%tc for c in cot %}", "{{ c }}", "{%tc endfor %}"
    t3 = d.add_table(rows=3, cols=2)
    t3.cell(0, 0).text = "{%tr for r in rong %}"
    t3.cell(1, 0).text = "{{ r }}"
    t3.cell(2, 0).text = "{%tr endfor %}"
    t4 = d.add_table(rows=2, cols=3)
    t4.cell(0, 0).merge(t4.cell(0, 1)).text = "gộp"
    t4.cell(1, 0).text = "{{ ten }}"
    buf = io.BytesIO()
    d.save(buf)
    return buf


@pytest.mark.parametrize("ctx", [
    {"chu": "a\tb\nc\fd & <e>", "ten": "Nguyễn Văn A", "dong": [{"ten": f"N{i}", "so": i} for i in range(30)],
     "cot": ["x", "y", "z", "t"], "rong": []},
    {"chu": "thường", "ten": "B", "dong": [], "cot": [], "rong": ["một"]},
    {"chu": "", "ten": "C\n", "dong": [{"ten": "\f", "so": 1}], "cot": ["x"], "rong": ["a", "b"]},
])
def test_truong_hop_can_cac_buoc_cua_docxtpl_van_giong(ctx: dict, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua.van_ban import ve_nhanh

    mau = _mau_thu()
    cham, nhanh = _ve(DocxTemplate, mau, ctx), _ve(MauNhanh, mau, ctx)
    assert [n for n in cham if cham[n] != nhanh[n]] == []
    assert _chu(cham) == _chu(nhanh)
    tep = tmp_path / "mau.docx"  # the compiled path hands what it does not cover (fix_tables) to the plain one
    tep.write_bytes(mau.getvalue())
    _, da_dich = _ve_da_dich(tep, ctx, {})
    assert [n for n in cham if cham[n] != da_dich.get(n)] == []
    monkeypatch.setattr(ve_nhanh, "NGUONG_TUNG_KHUC", 0)  # and so does the serialisation by pieces
    monkeypatch.setattr(ve_nhanh, "_KHUC", 4)
    _, tung_khuc = _ve_da_dich(tep, ctx, {})
    assert [n for n in cham if cham[n] != tung_khuc.get(n)] == []


def test_tong_hop_theo_danh_hieu_dem_mot_lan_moi_lan_goi_ban_rieng(demo_ket_qua) -> None:
    """The per-title summary is counted once per decided round (ket-qua.xlsx, the manifest and the CLI's summary
    read it); each call gets its own dicts, equal to a fresh count."""
    from thidua import ket_xuat

    kq = demo_ket_qua.ket_qua
    dau = ket_xuat.tong_hop_theo_danh_hieu(kq)
    assert dau == ket_xuat._tong_hop_theo_danh_hieu(kq) and sum(d["de_nghi"] for d in dau) == len(list(kq.tat_ca()))
    dau[0]["dat"] = -1  # a caller changing its copy changes nothing for the next one
    assert ket_xuat.tong_hop_theo_danh_hieu(kq) == ket_xuat._tong_hop_theo_danh_hieu(kq)
    assert kq.da_tinh["tong_hop_theo_danh_hieu"] is not None


def test_bao_cao_theo_don_vi_giong_cach_dem_tung_don_vi(demo_ket_qua) -> None:
    """The report's per-unit table, computed in one pass, against the plain loop over every result per unit."""
    kq = demo_ket_qua.ket_qua
    mong_doi = []
    for t in kq.du_lieu.tap_the:
        c = Counter()
        for d, k in kq.tat_ca():
            if k.dat and (getattr(d, "don_vi", None) == t.ma or d is t):
                c[k.danh_hieu.ma] += 1
                # what the Sở pays and what is proposed upward are kept apart (issue 11)
                c["so_chi" if k.so_quyet_dinh else "de_nghi"] += k.tien_thuong or 0
                c["cap_tren"] += not k.so_quyet_dinh
        mong_doi.append((t.ten, c["LDTT"], c["CSTDCS"], c["TTLDTT"], c["GK"], c["cap_tren"], c["so_chi"],
                         c["de_nghi"]))
    co = [(d.ten, d.ldtt, d.cstdcs, d.ttldtt, d.gk, d.cap_tren, d.so_chi, d.de_nghi)
          for d in ngu_canh.bao_cao(kq).theo_don_vi]
    assert [x[:6] for x in co] == [x[:6] for x in mong_doi]
    assert [[int(v.replace(".", "").replace("—", "0") or 0) for v in x[6:]] for x in co] == [list(x[6:]) for x in mong_doi]
    assert sum(x[1] for x in co) > 0


def test_song_song_cho_cung_moi_gia_tri_va_chu(demo_dau_vao: Path, demo_ket_qua, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 2 (workers forked before reading) against one process: every sheet's values and layout, every
    document's text. The largest jobs go to the workers first — the ledger, the first document (the decision with
    its list), then ket-qua.xlsx — so that both are busy while the main process builds the rest."""
    from thidua import tong_ket as tk

    gui = []
    nguyen = tk._LichChay._gui

    def ghi_lai(self, giai_doan, ham, *doi_so):
        gui.append(doi_so[-1].name if ham is tk._luu_do else pickle.loads(doi_so[0]).ten_tep)
        return nguyen(self, giai_doan, ham, *doi_so)

    monkeypatch.setattr(tk._LichChay, "_gui", ghi_lai)
    dvt = _dau_van_tay()
    nguong = gc.get_threshold()
    kq = tong_ket([demo_dau_vao], tmp_path / "j2", so_tien_trinh=2)
    assert gui[:3] == ["so-theo-doi.xlsx", f"qd-cong-nhan-danh-hieu-{demo_ket_qua.ket_qua.nam}.docx", "ket-qua.xlsx"]
    assert gc.get_threshold() == nguong and gc.get_freeze_count() == 0  # the collector is as it was
    mot, hai = dvt.dau_van_tay(demo_ket_qua.thu_muc_ra, True), dvt.dau_van_tay(kq.thu_muc_ra, True)
    assert mot.keys() == hai.keys() and len(mot) >= 9
    for ten in mot:
        assert mot[ten] == hai[ten], ten
    assert {"ket_qua_xlsx", "van_ban", "so_theo_doi"} <= kq.thoi_gian.keys()


@pytest.mark.parametrize("lon", [False, True])
def test_am_may_khi_tien_trinh_chinh_doc_xong(demo_dau_vao: Path, tmp_path: Path, lon: bool,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers' warm-up proper (the templates: ``_khoi_dong(0)``) is handed out at once for a small
    input, and for a large one by ``doc_dau_vao`` once the main process has read its own files and waits for the
    worker reading the ledger (a core is then free); the run succeeds either way."""
    import sys

    import thidua.doc_bang as db
    from thidua import tong_ket as tk

    monkeypatch.setattr(db, "NGUONG_DOC_RIENG", 0)
    monkeypatch.setattr(tk, "NGUONG_AM_MAY_SAU", 0 if lon else 10**12)
    su_kien: list[tuple[str, str | None]] = []
    mo = tk._mo_tien_trinh

    def mo_ghi(so, tm):
        ex, kd = mo(so, tm)
        nop = ex.submit

        def submit(ham, *a):
            khung, noi = sys._getframe(1), None
            while khung is not None and noi is None:  # handed out from inside the reading?
                noi = "doc_dau_vao" if khung.f_code.co_name == "doc_dau_vao" else None
                khung = khung.f_back
            su_kien.append((f"{ham.__name__}{a[0] if ham is tk._khoi_dong else ''}", noi))
            return nop(ham, *a)

        ex.submit = submit
        return ex, kd

    monkeypatch.setattr(tk, "_mo_tien_trinh", mo_ghi)
    kq = tong_ket([demo_dau_vao], tmp_path / "ra", so_tien_trinh=2)
    assert kq.ma_thoat == 0
    ten = [x for x, _ in su_kien]
    assert ten.count("_khoi_dong0") == 1 and "_khoi_dong1" not in ten  # the first jobs (collector) came before
    am, doc_rieng = ten.index("_khoi_dong0"), ten.index("doc_tep")
    if lon:
        assert doc_rieng < am and su_kien[am][1] == "doc_dau_vao", su_kien[:6]
    else:
        assert am < doc_rieng and su_kien[am][1] is None, su_kien[:6]


def test_so_ghi_nhanh_giong_openpyxl(demo_ket_qua, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ket-qua.xlsx and so-theo-doi.xlsx written by xlsxwriter (SoNhanh) and by openpyxl's Workbook through the same
    code: every sheet's values and layout (widths, heights, number formats, bold, wrap, quote prefix, frozen panes,
    tables, filters, print titles) read back the same."""
    from openpyxl import Workbook, load_workbook

    import thidua.tong_ket as tk

    dvt = _dau_van_tay()
    kq = demo_ket_qua.ket_qua
    van_de = demo_ket_qua.kiem_tra.van_de
    ra = {}
    for ten, lop in (("nhanh", tk.SoNhanh), ("openpyxl", Workbook)):
        monkeypatch.setattr(tk, "SoNhanh", lop)
        (tmp_path / ten).mkdir()
        a = tk.ghi_ket_qua_xlsx(kq, van_de, tmp_path / ten / "ket-qua.xlsx")
        b = tk.ghi_so_theo_doi(kq, tmp_path / ten / "so-theo-doi.xlsx")
        c = tk.ghi_ket_qua_xlsx(None, van_de, tmp_path / ten / "loi.xlsx")
        ra[ten] = {p.name: dvt.gia_tri_xlsx(p) for p in (a, b, c)}
    assert ra["nhanh"] == ra["openpyxl"]
    assert len(ra["nhanh"]["ket-qua.xlsx"]["CaNhan"]["dong"]) > 100
    o = load_workbook(tmp_path / "nhanh" / "ket-qua.xlsx")["CaNhan"]["A2"]  # the header look is kept too
    assert (o.fill.fgColor.rgb[-6:], o.border.left.style, o.font.name, o.font.b) == ("DDEBF7", "thin",
                                                                                      "Times New Roman", True)


def test_so_ghi_nhanh_khong_bao_gio_tao_cong_thuc(tmp_path: Path) -> None:
    """Text beginning with =, +, -, @ stays text (with a quote prefix), also in a column with a number format."""
    from openpyxl import load_workbook

    from thidua.ghi_bang import SO_TIEN, ghi_bang, luu_nguyen_tu
    from thidua.ghi_nhanh import SoNhanh

    wb = SoNhanh()
    hiem = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+2", "-3", "@SUM(A1)", "=1+1"]
    ghi_bang(wb.active, ["A", "B"], [[h, h] for h in hiem] + [[1500000, ""]], dinh_dang={2: SO_TIEN},
             ten_bang="Thu")
    luu_nguyen_tu(wb, tmp_path / "a.xlsx")
    ws = load_workbook(tmp_path / "a.xlsx").active
    for r, h in enumerate(hiem, start=2):
        for c in (1, 2):
            o = ws.cell(row=r, column=c)
            assert (o.value, o.data_type, o.quotePrefix) == (h, "s", True)
    assert ws.cell(row=7, column=1).value == 1500000 and ws.cell(row=7, column=1).data_type == "n"
    assert ws.cell(row=7, column=2).value is None
    assert ws.cell(row=3, column=2).number_format == SO_TIEN


def test_nfc_chi_tao_lai_dong_can_doi() -> None:
    """The render point's NFC pass: decomposed text inside rows of rows becomes NFC (and "90,91 %" gets its
    non-breaking space); a row with nothing to change is kept as it is, a changed one is a new frozen row."""
    import dataclasses
    import unicodedata

    @dataclasses.dataclass(frozen=True)
    class Dong:
        ten: str
        so: int
        con: tuple = ()

    nfd = unicodedata.normalize("NFD", "Đặng Thị Thuỷ")
    giu = Dong("Nguyễn Văn A", 1)
    doi = Dong("x", 2, (Dong(nfd, 3), "đạt 90,91 %"))
    ra = nfc({"a": [giu, doi], "b": None, "c": 1.5, "d": "ASCII 5 %"})
    assert ra["a"][0] is giu
    assert ra["a"][1] is not doi and ra["a"][1].con[0].ten == "Đặng Thị Thuỷ" != nfd
    assert ra["a"][1].con[1] == "đạt 90,91\u00a0%" and ra["d"] == "ASCII 5\u00a0%"
    assert (ra["b"], ra["c"]) == (None, 1.5)


def test_dau_van_tay_demo_khong_doi(demo_ket_qua) -> None:
    """The demo at a fixed seed (120 staff, seed 7: the suite's demo) gives the same text in every document and the
    same values and layout in every sheet as the fingerprint recorded before the speed work of issue 15
    (tests/du_lieu/dau_van_tay_demo.json, made by the code of e563881). A deliberate change of wording or layout
    records a new one: ``python scripts/dau_van_tay.py --demo 120 --seed 7 > tests/du_lieu/dau_van_tay_demo.json``
    (and says so in the commit); ``--chi-tiet`` on both trees shows what differs."""
    import json

    ghi = json.loads((GOC / "tests" / "du_lieu" / "dau_van_tay_demo.json").read_text(encoding="utf-8"))
    co = _dau_van_tay().dau_van_tay(demo_ket_qua.thu_muc_ra)
    assert sorted(co) == sorted(ghi)
    assert len(co) >= 15 and any(t.startswith("ho-so/") for t in co)
    assert [t for t in ghi if co[t] != ghi[t]] == []


def test_bien_ban_kiem_phieu_cua_ho_so_la_ban_sao(demo_ket_qua) -> None:
    """The hồ sơ's vote-count minutes are the year's (same template, equal context): rendered once, copied."""
    ra = demo_ket_qua.thu_muc_ra
    nam = ra / "van-ban" / f"bien-ban-kiem-phieu-{demo_ket_qua.ket_qua.nam}.docx"
    ban_sao = sorted((ra / "ho-so").rglob("bien-ban-kiem-phieu.docx"))
    assert nam.is_file() and ban_sao
    assert all(p.read_bytes() == nam.read_bytes() for p in ban_sao)
    # so is its Tờ trình when one level decides every upward proposal (it states the whole round's facts: ho_so)
    nam_tt = ra / "van-ban" / f"to-trinh-khen-thuong-cap-tinh-{demo_ket_qua.ket_qua.nam}.docx"
    tt = sorted((ra / "ho-so").rglob("to-trinh.docx"))
    assert len(tt) == 1 and tt[0].read_bytes() == nam_tt.read_bytes()


@pytest.mark.parametrize("khuc", [3, 500])
def test_than_lon_ghi_tung_khuc_giong_docxtpl(demo_ket_qua, monkeypatch: pytest.MonkeyPatch, khuc: int) -> None:
    """A large body is serialised by pieces (runs of table rows apart, ``khuc`` rows at a time: memory bounded):
    every part of every document equals docxtpl's render byte for byte. The threshold is lowered so that the
    demo's documents take that path (a run needs ``khuc`` adjacent rows)."""
    from thidua.van_ban import ve_nhanh

    monkeypatch.setattr(ve_nhanh, "NGUONG_TUNG_KHUC", 0)
    monkeypatch.setattr(ve_nhanh, "_KHUC", khuc)
    goi = []
    nguyen = ve_nhanh.MauDaDich._ve_tung_khuc

    def dem(self, *a):
        r = nguyen(self, *a)
        goi.append(r)
        return r

    monkeypatch.setattr(ve_nhanh.MauDaDich, "_ve_tung_khuc", dem)
    kq = demo_ket_qua.ket_qua
    da_dich: dict[Path, MauDaDich] = {}
    for b in [b for b in ban_ve_nam(kq) if b.truoc_khi_ve is None]:
        mau = tim_mau(b.mau)
        cham = _ve(DocxTemplate, str(mau), b.ngu_canh)
        _, nhanh = _ve_da_dich(mau, b.ngu_canh, da_dich)
        assert [n for n in cham if cham[n] != nhanh[n]] == [], b.ten_tep
    if khuc == 3:
        assert any(isinstance(r, bytes) for r in goi)  # the path was taken, with several pieces


def test_so_ghi_nhanh_sua_dong_da_ghi_giong_openpyxl(tmp_path: Path) -> None:
    """SoNhanh keeps ghi_bang's data rows as rows; a cell of such a row changed afterwards (value, format), a row
    written whole after cells of it were written one by one, dates and formula-like text in recorded rows: the
    file reads back as openpyxl's does."""
    import datetime as dt

    from openpyxl import Workbook

    from thidua.ghi_bang import SO_TIEN, ghi_bang, luu_nguyen_tu
    from thidua.ghi_nhanh import SoNhanh

    dvt = _dau_van_tay()
    ra = {}
    for ten, lop in (("nhanh", SoNhanh), ("openpyxl", Workbook)):
        wb = lop()
        ws = wb.active
        ws.title = "A"
        ws.cell(row=5, column=4, value="ô trước")  # row 5 gets cells one by one before ghi_bang writes it whole
        cuoi = ghi_bang(ws, ["Mã", "Ngày", "Tiền", "Ghi chú"],
                        [[f"{i:03d}", dt.date(2025, 1, i + 1), 1000 * i, "=SUM(A1)" if i == 2 else ""]
                         for i in range(6)],
                        tieu_de_trang="TIÊU ĐỀ", dinh_dang={3: SO_TIEN}, ten_bang="BangA", xuong_dong=(4,))
        ws.cell(row=4, column=3).number_format = "0.00%"  # a recorded row changed afterwards
        ws.cell(row=6, column=1, value="sửa")
        ws.cell(row=cuoi + 2, column=2, value="Tổng")
        p = tmp_path / f"{ten}.xlsx"
        luu_nguyen_tu(wb, p)
        ra[ten] = dvt.gia_tri_xlsx(p)
    assert ra["nhanh"] == ra["openpyxl"]
    assert any("sửa" in str(d) for d in ra["nhanh"]["A"]["dong"])


def _tung_phan_xlsx(p: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(p) as z:  # docProps/core.xml carries the time of saving
        return {m: z.read(m) for m in z.namelist() if m != "docProps/core.xml"}


def _so_moi_kieu_gia_tri():
    """A workbook with every kind of value a recorded row can hold, in rows written whole, rows with cells written
    one by one, rows changed after recording, a table, a filter, row heights, and rows of different widths."""
    import datetime as dt
    from decimal import Decimal
    from fractions import Fraction

    from thidua.ghi_bang import SO_TIEN, ghi_bang
    from thidua.ghi_nhanh import SoNhanh

    wb = SoNhanh()
    ws = wb.active
    ws.title = "MoiKieu"
    ws.cell(row=6, column=12, value="ô trước")  # row 6 then gets its cells one by one
    gia_tri = ["", None, "a", "  cách đầu", "x<&>\"'y", "\x01điều khiển\x1f", "=1+1", "+84 912", "-", "@a", "\tTab",
               0, -0.0, 0.0, 1, -7, 2**60, 1e20, 1.5e-9, 3.141592653589793, True, False,
               dt.date(2025, 12, 31), dt.datetime(2025, 1, 2, 3, 4, 5), dt.time(13, 30), "Nguyễn Văn A",
               "Trần Thị B", "Nguyễn Văn A",
               # what the shared strings are written with or without (ghi_nhanh._so_xlsx_lop, xlsxwriter's _write_si)
               "cuối có cách ", "xuống dòng cuối\n", "\ngiữa\ndòng", "\u00a0không ngắt", "em\u2003", "\u3000toàn",
               "_x0041_ như mã", "_x00zz_ không", "\ufffe lạ \uffff", "<r>giàu</r>", "<r>nửa", "a\x0bb", "\x1cnhóm",
               "\u2028dòng", "\u0085nel", "a & b < c > d", "\"ngoặc\""]
    dong = [[gia_tri[(i * 7 + j) % len(gia_tri)] for j in range(9)] for i in range(60)]
    dong[10] = [Decimal("1.25"), Fraction(1, 3), "bình thường"]  # write_* cell by cell, as the plain path
    dong[11] = ["dài " * 5000, "rất dài " * 5000, 1]  # past half of Excel's 32,767-unit limit; the second past it
    dong[12] = ["ngắn"]
    dong[13] = ["rộng"] * 14
    cuoi = ghi_bang(ws, [f"C{j}" for j in range(1, 10)], dong, tieu_de_trang="TIÊU ĐỀ", dinh_dang={3: SO_TIEN, 5: "0.00"},
                    ten_bang="BangMoiKieu", xuong_dong=(2,))
    ws.cell(row=9, column=4).number_format = "0.00%"  # a recorded row touched afterwards
    ws.cell(row=cuoi + 2, column=2, value="Tổng")
    ws2 = wb.create_sheet("Loc")
    ghi_bang(ws2, ["Mã", "Tên"], [[f"{i:04d}", f"Tên {i % 17}"] for i in range(200)], ngang=False)
    wb.create_sheet("Trong")
    from openpyxl.worksheet.table import Table

    ws3 = wb.create_sheet("Tron")  # a table whose header row was recorded whole: xlsxwriter writes over it
    for r in range(1, 6):
        ws3.ghi_dong(r, [f"Mã {r}", r, "thêm"], {})
    ws3.add_table(Table(displayName="BangTron", ref="A1:B5"))
    return wb


def test_dong_ghi_nguyen_hang_giong_xlsxwriter_tung_byte(demo_ket_qua, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows handed to xlsxwriter whole (``_BangXlsx``: one string per ``<row>``, tables added without the
    cell-by-cell pass) give the same file, part for part and byte for byte, as every cell written by xlsxwriter's
    ``write_*``: the demo's three workbooks and one holding every kind of value."""
    import pickle

    from openpyxl import load_workbook

    import thidua.tong_ket as tk
    from thidua.ghi_nhanh import SoNhanh

    ghi_lai: dict[str, bytes] = {}

    def giu(wb: SoNhanh, p: Path) -> Path:  # what the batch builds, kept to be saved both ways
        ghi_lai[p.name] = pickle.dumps(wb)
        return p

    kq = demo_ket_qua.ket_qua
    van_de = demo_ket_qua.kiem_tra.van_de
    tk.ghi_ket_qua_xlsx(kq, van_de, tmp_path / "ket-qua.xlsx", luu=giu)
    tk.ghi_so_theo_doi(kq, tmp_path / "so-theo-doi.xlsx", luu=giu)
    tk.ghi_ket_qua_xlsx(None, van_de, tmp_path / "loi.xlsx", luu=giu)
    cac_so = {ten: (lambda g=g: pickle.loads(g)) for ten, g in ghi_lai.items()}
    cac_so["moi-kieu.xlsx"] = _so_moi_kieu_gia_tri
    assert len(cac_so) == 4
    for ten, tao in cac_so.items():
        ra = {}
        for nhanh in (True, False):
            p = tmp_path / f"{nhanh}-{ten}"
            tao().save(p, nhanh=nhanh)
            ra[nhanh] = _tung_phan_xlsx(p)
        assert ra[True].keys() == ra[False].keys(), ten
        for phan in ra[True]:
            assert ra[True][phan] == ra[False][phan], (ten, phan)
    ws = load_workbook(tmp_path / "True-moi-kieu.xlsx")["MoiKieu"]  # and it is the workbook asked for
    assert ws["A2"].value == "C1" and ws["L6"].value == "ô trước" and ws["C3"].number_format == "#,##0"
    o = [ws.cell(row=r, column=c) for r in range(3, 63) for c in range(1, 10)]
    assert {x.value for x in o if x.quotePrefix} >= {"=1+1", "+84 912", "-", "@a", "\tTab"}
    assert {"x<&>\"'y", True, 2**60, 1e20} <= {x.value for x in o}
    assert len(ws["A14"].value) == 20000 and len(ws["B14"].value) == 32767  # cut to Excel's limit, as write_string


def test_dong_ghi_nguyen_hang_nan_bao_nhu_xlsxwriter(tmp_path: Path) -> None:
    """NaN in a recorded row: the same error as xlsxwriter's write_number, both ways."""
    from thidua.ghi_bang import ghi_bang
    from thidua.ghi_nhanh import SoNhanh

    loi = []
    for nhanh in (True, False):
        wb = SoNhanh()
        ghi_bang(wb.active, ["A", "B"], [["a", 1.0], ["b", float("nan")]])
        with pytest.raises(TypeError) as e:
            wb.save(tmp_path / f"{nhanh}.xlsx", nhanh=nhanh)
        loi.append(str(e.value))
    assert loi[0] == loi[1] and "NAN/INF" in loi[0]


@pytest.fixture(scope="module")
def may_doc():
    """Two forked worker processes, as the batch's --jobs 2 has them."""
    import multiprocessing as mp
    import sys
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork") if sys.platform == "linux" else mp.get_context()
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        yield ex


def test_doc_tep_lon_o_tien_trinh_khac_giong_doc_lan_luot(demo_dau_vao: Path, may_doc,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The largest file read by a worker while this process reads the others: the same tables, in the same order,
    the same problems and the same checked data as reading every file here, in order."""
    import thidua.doc_bang as db
    from thidua.kiem_tra import kiem_tra

    tep, _ = db.liet_ke_dau_vao([demo_dau_vao])
    assert len(tep) > 2
    monkeypatch.setattr(db, "NGUONG_DOC_RIENG", 0)
    goi: list[Path] = []
    nop = may_doc.submit

    class Ghi:  # sees which file went to the worker
        def submit(self, ham, p):
            goi.append(p)
            return nop(ham, p)

    a = kiem_tra([demo_dau_vao])
    b = kiem_tra([demo_dau_vao], song_song=Ghi())
    assert goi == [max(tep, key=lambda p: p.stat().st_size)]
    assert [(x.tep, x.ten_sheet, x.dong, x.cot, x.o_loi) for x in a.bang] == \
           [(x.tep, x.ten_sheet, x.dong, x.cot, x.o_loi) for x in b.bang]
    assert a.van_de == b.van_de and a.so_dong == b.so_dong and a.tep == b.tep
    so_a, so_b = a.du_lieu.so_theo_doi, b.du_lieu.so_theo_doi  # the ledger: compared by what it holds
    assert vars(so_a) == vars(so_b) and len(so_a.cac_muc) > 100
    assert a.du_lieu == dataclasses.replace(b.du_lieu, so_theo_doi=so_a)


@pytest.mark.parametrize("hong", [("lon",), ("nho_truoc", "lon"), ("lon", "nho_sau")])
def test_doc_tep_lon_rieng_loi_van_la_loi_tep_dau_tien(tmp_path: Path, may_doc, hong: tuple[str, ...],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Unreadable files while the largest is read elsewhere: the error is the one reading in order gives (the
    first unreadable file's), with its file named, and no traceback from the worker attached."""
    import thidua.doc_bang as db
    from thidua.kiem_tra import kiem_tra
    from thidua.loi import TepKhongDocDuoc
    from tien_ich import bo_nho, nguoi

    monkeypatch.setattr(db, "NGUONG_DOC_RIENG", 0)
    thu_muc = tmp_path / "vao"
    thu_muc.mkdir()
    tep = {"nho_truoc": thu_muc / "a.xlsx", "lon": thu_muc / "b.xlsx", "nho_sau": thu_muc / "c.xlsx"}
    for ten, p in tep.items():
        if ten in hong:  # the big one stays the largest when broken: random bytes of its size
            p.write_bytes(b"PK\x03\x04" + bytes(range(256)) * (400 if ten == "lon" else 1))
        else:
            (tmp_path / ten).mkdir()
            p.write_bytes(bo_nho(tmp_path / ten, [nguoi(f"{i:03d}", f"Người {i}")
                                                  for i in range(300 if ten == "lon" else 3)]).read_bytes())
    assert max(tep.values(), key=lambda p: p.stat().st_size) == tep["lon"]
    loi = []
    for song_song in (None, may_doc):
        with pytest.raises(TepKhongDocDuoc) as e:
            kiem_tra([thu_muc], song_song=song_song)
        loi.append((str(e.value), e.value.tep, e.value.__cause__))
    assert loi[0] == loi[1]
    assert loi[0][1] == str(tep[hong[0]]) and loi[0][2] is None


def test_resolve_listing_chi_tim_doan_co_ky_tu_giong_docxtpl() -> None:
    """``MauNhanh.resolve_listing`` finds the paragraphs holding a tab, a bell, a newline or a form feed from those
    characters; docxtpl walks every paragraph. On random XML — paragraphs with and without properties, paragraphs
    nested in a text box, closing tags with no opening, the characters inside text, between tags, in attributes,
    before the first and after the last paragraph — both give the same text."""
    import random

    from thidua.van_ban.ve_nhanh import MauNhanh

    manh = ['<w:p>', '<w:p w:rsidR="00A1">', '</w:p>', '<w:pPr><w:jc w:val="center"/></w:pPr>', '<w:r>',
            '<w:r w:rsidR="1">', '</w:r>', '<w:rPr><w:b/></w:rPr>', '<w:t>', '<w:t xml:space="preserve">', '</w:t>',
            'chữ', 'a\tb', 'dòng\nmới', '\a', '\f', '\n', '<w:pict><w:txbx>', '</w:txbx></w:pict>', '<w:tbl>',
            '<w:tr><w:tc>', '</w:tc></w:tr>', '</w:tbl>', '<w:p x="\t">', '<w:body>', '</w:body>', '<w:pStyle/>']
    rng = random.Random(15)
    nhanh = MauNhanh.__new__(MauNhanh)
    co_ky_tu = 0
    for _ in range(3000):
        xml = "".join(rng.choice(manh) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.3:  # well-formed runs of paragraphs, as templates render them
            chu = ["x", "y\nz", "t\tu"]
            xml += "".join(f"<w:p><w:r><w:t>{rng.choice(chu)}</w:t></w:r></w:p>" for _ in range(rng.randint(1, 6)))
        mong = DocxTemplate.resolve_listing(nhanh, xml)
        assert nhanh.resolve_listing(xml) == mong, repr(xml)
        co_ky_tu += mong != xml
    assert co_ky_tu > 300  # the cases that change something are many


def test_tim_dong_bang_find_giong_regex() -> None:
    """``_cac_dong`` (rows found with str.find) gives exactly the matches of the lazy ``_DONG`` regex, on random
    XML-like text: rows, row properties, unclosed rows, rows in rows, text between."""
    import random

    from thidua.van_ban import ve_nhanh

    manh = ["<w:tr>", "<w:tr w:rsidR=\"1\">", "</w:tr>", "<w:trPr><w:cantSplit/></w:trPr>", "<w:tc>", "</w:tc>",
            "<w:tbl>", "</w:tbl>", "chữ", "<w:tr", "w:tr>", "</w:tr", "<w:trx>", "<w:t>x</w:t>", " "]
    rng = random.Random(15)
    for _ in range(3000):
        xml = "".join(rng.choice(manh) for _ in range(rng.randint(0, 30)))
        assert list(ve_nhanh._cac_dong(xml)) == [m.span() for m in ve_nhanh._DONG.finditer(xml)], repr(xml)


def _mau_dong_dai() -> io.BytesIO:
    """A list as the decisions have it: a {%tr for %} loop whose rows hold a value in each cell, the name alone in
    its run, a header row, and a table after it whose rows a statement inside changes (never taken as is)."""
    d = Document()
    d.add_paragraph("Danh sách {{ ten }}")
    t = d.add_table(rows=4, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "STT", "Họ và tên", "Ghi chú"
    t.cell(1, 0).text = "{%tr for r in dong %}"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "{{ r.stt }}", "{{ r.ten }}", "Ghi: {{ r.ghi }}"
    t.cell(3, 0).text = "{%tr endfor %}"
    t2 = d.add_table(rows=3, cols=2)
    t2.cell(0, 0).text = "{%tr for r in dong %}"
    t2.cell(1, 0).text, t2.cell(1, 1).text = "{% if r.stt % 2 %}lẻ{% else %}{{ r.ten }}{% endif %}", "{{ r.ghi }}"
    t2.cell(2, 0).text = "{%tr endfor %}"
    buf = io.BytesIO()
    d.save(buf)
    return buf


_GIA_TRI_KHO = ["", " ", "O'Neil", 'nói "có"', "A & B", "<b>đậm</b>", "x\x01y", "a\rb", "dòng\nmới", "tab\tở",
                "\ufffe", "]]>", "&amp;", "Nguyễn Thị Ánh", "&#39;", "{{ ten }}", "tách\fra", "cuối\n", "\a", "\tđầu"]


@pytest.mark.parametrize("kho", [None, *_GIA_TRI_KHO, "markup"])
def test_dong_viet_san_nhu_lxml_giong_docxtpl(kho: str | None, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows taken as rendered, unparsed (``_khuc_chuan``): the document equals docxtpl's byte for byte whatever one
    row's value is — quotes (escaped &#39;, written by lxml as they are), an empty name (``<w:t></w:t>``), controls,
    tabs and breaks (docxtpl's own XML, which leaves an empty ``<w:t>`` after a final newline), markup — and on
    ordinary values the rows are indeed taken unparsed."""
    from markupsafe import Markup

    from thidua.van_ban import ve_nhanh

    monkeypatch.setattr(ve_nhanh, "NGUONG_TUNG_KHUC", 0)
    monkeypatch.setattr(ve_nhanh, "_KHUC", 7)
    dong = [{"stt": i, "ten": f"Người {i}", "ghi": f"ghi chú {i}"} for i in range(1, 60)]
    if kho is not None:
        gia_tri = Markup("<w:t>chèn</w:t>") if kho == "markup" else kho
        dong[40]["ten"] = gia_tri  # in a piece after the first (the first is always parsed and compared)
    ctx = {"ten": "thử", "dong": dong}
    mau = _mau_dong_dai()
    tep = tmp_path / "mau.docx"
    tep.write_bytes(mau.getvalue())
    dem = Counter()
    nguyen = ve_nhanh._khuc_chuan

    def dem_khuc(*a):
        r = nguyen(*a)
        dem["san" if r is not None else "phan_tich"] += 1
        return r

    monkeypatch.setattr(ve_nhanh, "_khuc_chuan", dem_khuc)
    _, nhanh = _ve_da_dich(tep, ctx, {})
    cham = _ve(DocxTemplate, mau, ctx)
    assert [n for n in cham if cham[n] != nhanh.get(n)] == []
    if kho == "markup":  # XML given as a value: no row of the document is taken unparsed
        assert dem["san"] == 0
        return
    assert dem["san"] >= 5  # the first table's pieces (the second's rows hold a statement: never looked at)
    if kho is None or kho in ("Nguyễn Thị Ánh", " ", "{{ ten }}", "]]>", "&amp;"):
        assert dem["phan_tich"] == 0


def test_dong_viet_san_khac_lxml_thi_phan_tich_ca_van_ban(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the checks ever accept rows lxml would write otherwise, the first piece taken unparsed — parsed as
    well and compared — shows it, and the rest of the document is parsed: still docxtpl's bytes."""
    from thidua.van_ban import ve_nhanh

    monkeypatch.setattr(ve_nhanh, "NGUONG_TUNG_KHUC", 0)
    monkeypatch.setattr(ve_nhanh, "_KHUC", 7)
    nguyen = ve_nhanh._khuc_chuan
    monkeypatch.setattr(ve_nhanh, "_khuc_chuan", lambda k, t: (nguyen(k, t) or b"") + b"<!-- sai -->")
    ctx = {"ten": "thử", "dong": [{"stt": i, "ten": f"Người {i}", "ghi": "g"} for i in range(1, 60)]}
    mau = _mau_dong_dai()
    tep = tmp_path / "mau.docx"
    tep.write_bytes(mau.getvalue())
    _, nhanh = _ve_da_dich(tep, ctx, {})
    cham = _ve(DocxTemplate, mau, ctx)
    assert [n for n in cham if cham[n] != nhanh.get(n)] == []


def test_bang_mau_chuan_chi_nhan_dong_khong_co_lenh(tmp_path: Path) -> None:
    """Which template tables have their rows taken as rendered: the list's table, not the one with a statement in
    its rows, nor a table whose values sit inside a tag or use whitespace control."""
    from thidua.van_ban import ve_nhanh

    tep = tmp_path / "mau.docx"
    tep.write_bytes(_mau_dong_dai().getvalue())
    m = MauDaDich(str(tep), moi_truong())
    assert len(m._bang_chuan) == 1 and next(iter(m._bang_chuan.values())) == frozenset({"w:t"})
    dau, cuoi = m._dau, m._cuoi
    for dong in ('<w:tr><w:tc><w:p><w:r><w:t>{{- a }}</w:t></w:r></w:p></w:tc></w:tr>',
                 '<w:tr><w:tc><w:p><w:pPr><w:jc w:val="{{ a }}"/></w:pPr></w:p></w:tc></w:tr>',
                 '<w:tr><w:tc><w:p><w:r><w:t>{# x #}</w:t></w:r></w:p></w:tc></w:tr>',
                 '<w:tr><w:tc><w:p><w:r><w:t></w:t></w:r></w:p></w:tc></w:tr>',  # lxml writes <w:t/>
                 '<w:tr ><w:tc><w:p/></w:tc></w:tr>'):
        assert not ve_nhanh._dong_mau_chuan(dong, dau, cuoi, set()), dong
    ten: set[str] = set()
    assert ve_nhanh._dong_mau_chuan('<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">{{ a }} và {{ b }}</w:t>'
                                    '</w:r></w:p></w:tc></w:tr>', dau, cuoi, ten)
    assert ten == {"w:t"}



def test_bien_cua_mau_tu_tien_trinh_khoi_dong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The template variables the first worker works out while the main process reads (``chuan_bi_mau``) are
    docxtpl's, and once handed over (``tong_ket._nhan_bien_mau``) the main process's checks use them instead of
    reading the templates again; a template changed since (another file version) is read again."""
    from concurrent.futures import Future

    from docxtpl import DocxTemplate as Goc

    from thidua import tong_ket as tk
    from thidua.loi import LoiMauVanBan
    from thidua.van_ban import ve

    bien = ve.chuan_bi_mau(None)
    assert len(bien) == len(ve.MAU_TONG_KET) + len(ve.MAU_TONG_KET_HOOK)
    for (p, _, _), v in bien.items():
        assert v == Goc(p).get_undeclared_template_variables(moi_truong())
    monkeypatch.setattr(ve, "_BIEN_CUA_MAU", {})
    doc = []
    monkeypatch.setattr(ve.MauNhanh, "get_undeclared_template_variables",
                        lambda self, *a: doc.append(self) or {"khong_co_trong_nguon"})
    cho: Future = Future()  # a warm-up still running is not waited for
    xong: Future = Future()
    xong.set_result({k: v | {"chi_o_tien_trinh_kia"} for k, v in bien.items()})
    tk._nhan_bien_mau([cho, xong])
    p = ve.tim_mau("to_trinh")
    with pytest.raises(LoiMauVanBan, match="chi_o_tien_trinh_kia"):
        ve.kiem_mau(p, {k: 1 for k in bien[(str(p), p.stat().st_mtime_ns, p.stat().st_size)]})
    assert doc == []
    ban_sao = tmp_path / "to_trinh.docx"  # another file: read here
    ban_sao.write_bytes(p.read_bytes())
    with pytest.raises(LoiMauVanBan, match="khong_co_trong_nguon"):
        ve.kiem_mau(ban_sao, {})
    assert len(doc) == 1


def test_bien_cua_mau_da_dich_giong_docxtpl_khong_mo_lai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A prepared template knows its variables (``MauDaDich.bien``: the parts it patched, parsed as docxtpl's
    ``get_undeclared_template_variables`` parses them) — the same set as docxtpl's for every shipped template and
    for one whose header alone holds a variable; the warm-up (``chuan_bi_mau``) then takes them without opening
    the package a second time."""
    from thidua.van_ban import ve

    mau = sorted((Path(__file__).parent.parent / "templates").rglob("*.docx"))
    assert len(mau) >= 10
    d = Document()
    d.add_paragraph("{{ than_bai }}")
    d.sections[0].header.paragraphs[0].text = "{{ chi_o_dau_trang }}"
    d.sections[0].footer.paragraphs[0].text = "Trang {{ so_trang }}"
    d.save(tmp_path / "dau_trang.docx")
    for p in [*mau, tmp_path / "dau_trang.docx"]:
        bien = MauDaDich(str(p), moi_truong()).bien
        assert bien == DocxTemplate(str(p)).get_undeclared_template_variables(moi_truong()), p.name
    assert {"chi_o_dau_trang", "so_trang", "than_bai"} <= bien
    monkeypatch.setattr(ve, "_BIEN_CUA_MAU", {})
    goc = ve.MauNhanh.get_undeclared_template_variables
    mo: list[str] = []

    def tim_bien(self, *a):  # only a template docxtpl renders itself (the report's chart hook) is opened for them
        mo.append(Path(self.template_file).stem)
        if mo[-1] not in ve.MAU_TONG_KET_HOOK:
            pytest.fail("mở lại mẫu để tìm biến")
        return goc(self, *a)

    monkeypatch.setattr(ve.MauNhanh, "get_undeclared_template_variables", tim_bien)
    ve._da_dich.cache_clear()
    try:
        bien_ra = ve.chuan_bi_mau(None)
    finally:
        ve._da_dich.cache_clear()
    assert mo == list(ve.MAU_TONG_KET_HOOK)
    assert len(bien_ra) == len(ve.MAU_TONG_KET) + len(ve.MAU_TONG_KET_HOOK)
    for (p, _, _), v in bien_ra.items():
        assert v == DocxTemplate(p).get_undeclared_template_variables(moi_truong())


@pytest.mark.parametrize("ref", ["A1", "$B$3", "b7", "Z9", "AA10", "XFD1048576", "A1:H20", "C3:C3", "$A$2:$AB$900",
                                 "AZ5:BA6"])
def test_vung_va_so_cot_giong_openpyxl(ref: str) -> None:
    """``doc_bang.vung`` / ``so_cot`` (what ``SoNhanh`` reads its references with, openpyxl not imported) give what
    openpyxl's ``range_boundaries`` / ``column_index_from_string`` give; what is not a reference is refused."""
    from openpyxl.utils import column_index_from_string, range_boundaries

    from thidua.doc_bang import so_cot, vung

    assert vung(ref) == range_boundaries(ref)
    chu = ref.split(":")[0].strip("$").rstrip("0123456789$")
    assert so_cot(chu) == column_index_from_string(chu.upper())


@pytest.mark.parametrize("sai", ["", "A", "1", "A0B", "ABCD1", "A1:", "Ă1", "A-1"])
def test_vung_sai_bi_tu_choi(sai: str) -> None:
    from thidua.doc_bang import so_cot, vung

    with pytest.raises(ValueError):
        vung(sai)
    if not sai.isascii() or not sai.isalpha() or len(sai) > 3:
        with pytest.raises(ValueError):
            so_cot(sai)


def test_tong_ket_tien_trinh_chinh_khong_nap_openpyxl(demo_dau_vao: Path, tmp_path: Path) -> None:
    """The batch's main process never imports openpyxl (nor numpy with it): its workbooks are SoNhanh sheets with
    SoNhanh's own style classes, saved with xlsxwriter; the checks of what it read need no openpyxl either
    (issue 15: 0.2 s of start-up on the serial path). Run in a fresh interpreter, as the CLI runs."""
    import subprocess
    import sys

    ma = ("import sys; from pathlib import Path; from thidua.tong_ket import tong_ket; "
          f"kq = tong_ket([Path({str(demo_dau_vao)!r})], Path({str(tmp_path / 'ra')!r}), so_tien_trinh=2); "
          "print(kq.ma_thoat, sorted(m for m in ('openpyxl', 'numpy') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", ma], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.split("\n")[-2] == "0 []"
    assert (tmp_path / "ra" / "ket-qua.xlsx").is_file() and (tmp_path / "ra" / "so-theo-doi.xlsx").is_file()


def test_ho_so_gui_theo_lo_cho_cung_van_ban(demo_dau_vao: Path, demo_ket_qua, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A hồ sơ's small documents go to the workers ``LO`` to a job (here 2, so that full jobs are sent while the
    plan is built, and the rest at the end): each written where it belongs, with the text one process gives."""
    from thidua import tong_ket as tk

    lo: list[int] = []
    sao: list[str] = []  # copies of a year's document (the vote-count minutes): not rendered again
    nguyen, nguyen_sao = tk._LichChay._gui_lo, tk._LichChay.sao

    def dem(self):
        lo.append(len(self.cho))
        return nguyen(self)

    def dem_sao(self, giai_doan, nguon, dich):
        sao.append(dich.name)
        return nguyen_sao(self, giai_doan, nguon, dich)

    monkeypatch.setattr(tk._LichChay, "LO", 2)
    monkeypatch.setattr(tk._LichChay, "_gui_lo", dem)
    monkeypatch.setattr(tk._LichChay, "sao", dem_sao)
    kq = tong_ket([demo_dau_vao], tmp_path / "lo", so_tien_trinh=2)
    ho_so = sorted(p.relative_to(kq.thu_muc_ra).as_posix() for p in (kq.thu_muc_ra / "ho-so").rglob("*.docx"))
    assert sum(lo) + len(sao) == len(ho_so) and max(lo) == 2 and len(lo) >= 3 and sao
    dvt = _dau_van_tay()
    mot, hai = dvt.dau_van_tay(demo_ket_qua.thu_muc_ra / "ho-so"), dvt.dau_van_tay(kq.thu_muc_ra / "ho-so")
    assert sorted(mot) == sorted(hai) == [p.removeprefix("ho-so/") for p in ho_so]
    assert mot == hai


@pytest.mark.parametrize("lon_co_ca_nhan", [False, True])
def test_doc_ca_nhan_trong_khi_cho_tep_lon_giong_doc_lan_luot(tmp_path: Path, may_doc, lon_co_ca_nhan: bool,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """While a worker reads the largest file, this process reads the staff and units of the files it has read
    (``kiem_tra._DocTruoc``): the same records and the same problems, in the same order — those of ThongTin, in the
    large file, first — as reading in order; when the large file has staff too, they are read again in order."""
    import thidua.doc_bang as db
    import thidua.kiem_tra as kt
    from thidua.so_do import LICH_SU
    from tien_ich import THONG_TIN, TIEU_DE_CA_NHAN, TIEU_DE_TAP_THE, nguoi, viet_bang

    monkeypatch.setattr(db, "NGUONG_DOC_RIENG", 0)
    vao = tmp_path / "vao"
    viet_bang(vao / "a.xlsx", {
        "TapThe": [TIEU_DE_TAP_THE, ["P1", "Phòng Một", "HTTNV", "", "", "", "", ""],
                   ["P2", "Phòng Hai", "HTTNV", "", "", "", "", ""], ["P2", "Phòng Hai lặp", "HTT", "", "", "", "", ""]],
        "CaNhan": [TIEU_DE_CA_NHAN, nguoi("001", "Nguyễn Văn An"), nguoi("002", ""), nguoi("003", "Lê Văn Ba", "P9"),
                   nguoi("004", "Đỗ Thị Tư", xep_loai="Giỏi"), nguoi("001", "Nguyễn Văn An lặp")]})
    lon = {"ThongTin": [*THONG_TIN, ["Số thành viên có mặt", "chín"]],
           "LichSu": [[c.tieu_de for c in LICH_SU.cot],
                      *([f"{i % 5 + 1:03d}", 2000 + i // 5, "LĐTT", f"{i}/QĐ-SNNMT", "12/01/2021"] for i in range(400))]}
    if lon_co_ca_nhan:
        lon["CaNhan"] = [TIEU_DE_CA_NHAN, nguoi("001", "Trùng với tệp a")]
    viet_bang(vao / "b.xlsx", lon)
    viet_bang(vao / "c.xlsx", {"CaNhan": [TIEU_DE_CA_NHAN, nguoi("005", "Vũ Văn Năm", "P2"), nguoi("003", "Lặp tệp a")]})
    assert max((vao / t for t in ("a.xlsx", "b.xlsx", "c.xlsx")), key=lambda p: p.stat().st_size).name == "b.xlsx"
    dung: list[bool] = []
    goc = kt._DocTruoc.dung_cho
    monkeypatch.setattr(kt._DocTruoc, "dung_cho", lambda self, tl: dung.append(goc(self, tl)) or dung[-1])
    a = kt.kiem_tra([vao])
    b = kt.kiem_tra([vao], song_song=may_doc)
    assert dung == [not lon_co_ca_nhan]
    ma = [(v.sheet, v.ma_loi) for v in a.van_de]
    assert ma.count(("TapThe", "trung_ma")) == 1 and ma.count(("CaNhan", "trung_ma")) == 2 + lon_co_ca_nhan
    assert ma.index(("ThongTin", "gia_tri_khong_hop_le")) < ma.index(("TapThe", "trung_ma")) < \
        ma.index(("CaNhan", "trung_ma"))
    assert a.van_de == b.van_de
    assert a.du_lieu is not None and len(a.du_lieu.ca_nhan) == 5 and len(a.du_lieu.tap_the) == 2
    so_a, so_b = a.du_lieu.so_theo_doi, b.du_lieu.so_theo_doi  # the ledger: compared by what it holds
    assert vars(so_a) == vars(so_b) and len(so_a.cac_muc) == 400
    assert a.du_lieu == dataclasses.replace(b.du_lieu, so_theo_doi=so_a)


def test_so_nhanh_tu_giai_phong_khong_can_bo_thu_gom(tmp_path: Path) -> None:
    """A ``SoNhanh`` workbook holds no reference cycle (its frozen header row kept as coordinates, not as a cell of
    the sheet): dropped, its rows are freed at once — not by a collector pass over the main process's young objects
    (0.2 s at 20,000 staff) — and the frozen panes read back as written."""
    import weakref

    import openpyxl

    from thidua.ghi_bang import ghi_bang
    from thidua.ghi_nhanh import SoNhanh

    bat = gc.isenabled()
    gc.disable()
    try:
        wb = SoNhanh()
        ghi_bang(wb.active, ["Mã", "Tên"], [[f"{i:03d}", f"Người {i}"] for i in range(50)], tieu_de_trang="TIÊU ĐỀ")
        wb.save(tmp_path / "a.xlsx")
        con = weakref.ref(wb.active)
        del wb
        assert con() is None
    finally:
        if bat:
            gc.enable()
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").active.freeze_panes == "A3"


def _trang_thai_thu_gom(cho: float) -> tuple[int, bool, int]:
    import os
    import time

    time.sleep(cho)  # long enough that each worker takes some of the jobs
    return os.getpid(), gc.isenabled(), gc.get_threshold()[0]


def test_moi_tien_trinh_con_bat_va_chinh_bo_thu_gom() -> None:
    """Every worker — not only those that happen to take a first job — has the collector on, even when the main
    process forked it with the collector off (``_khong_thu_gom``), and tuned (a pass per 50,000 new objects)."""
    from thidua import tong_ket as tk

    bat = gc.isenabled()
    gc.disable()
    try:
        ex, khoi_dong = tk._mo_tien_trinh(2, None)
    finally:
        if bat:
            gc.enable()
    assert ex is not None
    try:
        for f in khoi_dong:
            f.result()
        kq = [f.result() for f in [ex.submit(_trang_thai_thu_gom, 0.3) for _ in range(4)]]
    finally:
        ex.shutdown()
    assert len({pid for pid, _, _ in kq}) == 2
    assert all(bat_ and nguong >= 50_000 for _, bat_, nguong in kq)


def test_lo_van_ban_nho_moi_lo_mot_thu_muc_mau(tmp_path: Path) -> None:
    """A job of small documents renders with one template folder: a document with another folder starts a new
    job."""
    from concurrent.futures import Future

    from thidua import tong_ket as tk
    from thidua.van_ban.ve import BanVe

    gui: list[tuple[int, Path | None]] = []

    class Gia:
        def submit(self, ham, goi, thu_muc_mau):
            gui.append((len(pickle.loads(goi)), thu_muc_mau))
            f: Future = Future()
            f.set_result([(tmp_path / "x.docx", 0.0)] * len(pickle.loads(goi)))
            return f

    lich = tk._LichChay(Gia(), {})  # type: ignore[arg-type]
    b = BanVe("giay_khen", {}, "x.docx")
    for tm in (None, None, tmp_path / "mau", None):
        lich.van_ban_nho("ho_so", b, tmp_path, tm)
    lich.ket_thuc()
    assert gui == [(2, None), (1, tmp_path / "mau"), (1, None)]
