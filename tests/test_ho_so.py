"""The hồ sơ sent upward (issue 17): ``thidua ho-so`` end to end, read back as a reader would (PDF text)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from docx import Document
from docxtpl import DocxTemplate

from thidua.duong_dan import thu_muc_mau_van_ban
from thidua.ho_so import TEN_MAU_HO_SO, bao_cao_thanh_tich, danh_muc, loc_theo_cap, ung_vien_trinh
from thidua.kiem_tra import kiem_tra
from thidua.van_ban.moi_truong import moi_truong
from thidua.van_ban.ngu_canh import NguCanh, thanh_dict
from thidua.xet import xet_sau_kiem_tra
from tien_ich import THONG_TIN, TIEU_DE_CA_NHAN, bam, can_libreoffice, chu_pdf, viet_bang

GOC = Path(__file__).resolve().parent.parent
TIEU_DE = [*TIEU_DE_CA_NHAN, "Số định danh cá nhân"]
TAP_THE = [["Mã đơn vị", "Tên tập thể", "Xếp loại", "Khối thi đua", "Điểm thi đua", "Đăng ký", "Đề nghị", "Ghi chú"],
           ["P1", "Phòng Kế hoạch/Tài chính", "HTXSNV", "Khối 1", 95, "TTLĐXS", "TTLĐXS", ""],
           ["P2", "CON", "HTTNV", "Khối 1", 80, "", "", ""]]


def _nguoi(ma: str, ten: str, don_vi: str, de_nghi: str, so_dd: str, **kw: object) -> list:
    d = {"Mã CB": ma, "Họ và tên": ten, "Đơn vị": don_vi, "Xếp loại": "HTXSNV", "Đề nghị": de_nghi,
         "Đăng ký": de_nghi, "Ngày sinh": "12/04/1988", "Chức vụ": "Phó Trưởng phòng", "Giới tính": "Nữ",
         "Ngày tuyển dụng": "01/09/2010", "Số định danh cá nhân": so_dd, **kw}
    return [d.get(c, "") for c in TIEU_DE]


def so_cstd_tinh(tmp: Path) -> Path:
    """A department whose CSTĐCS of 2023, 2024, 2025 are in the ledger with their decisions; one person proposed
    for CSTĐ tỉnh, another of the same name (in a unit called "CON") for BK tỉnh; the council voted by hand."""
    cn = [_nguoi("CB001", "Lò Thị Mai", "P1", "CSTĐ tỉnh", "011188001234", **{"Sáng kiến": "Tỉnh"}),
          _nguoi("CB002", "Lò Thị Mai", "P2", "BK tỉnh", "011188005678"),
          _nguoi("CB003", "Đỗ Văn Nam", "P1", "LĐTT", "011190000001", **{"Xếp loại": "HTTNV", "Giới tính": "Nam"})]
    ls = [["Mã", "Năm", "Danh hiệu/hình thức", "Số quyết định", "Ngày quyết định", "Cơ quan ban hành", "Xếp loại"]]
    for nam, so in ((2023, "112/QĐ-SNNMT"), (2024, "087/QĐ-SNNMT"), (2025, "015/QĐ-SNNMT")):
        ngay = f"1{nam - 2020}/01/{nam + 1}"
        ls.append(["CB001", nam, "CSTĐCS", so, ngay, "Sở Nông nghiệp và Môi trường", "HTXSNV"])
        if nam >= 2024:
            ls.append(["CB002", nam, "CSTĐCS", f"2{so}", ngay, "Sở Nông nghiệp và Môi trường", "HTXSNV"])
    ls.append(["CB001", 2022, "GK", "301/QĐ-SNNMT", "20/12/2022", "Sở Nông nghiệp và Môi trường", ""])
    sk = [["Mã", "Năm", "Tên", "Loại", "Cấp", "Số quyết định công nhận", "Ngày"],
          ["CB001", 2025, "Ứng dụng bản đồ số quản lý rừng phòng hộ", "Sáng kiến", "Tỉnh", "45/QĐ-HĐSK",
           "20/10/2025"],
          ["CB001", 2024, "Sổ tay nghiệp vụ kiểm lâm địa bàn", "Sáng kiến", "Cơ sở", "77/QĐ-SNNMT", "02/11/2024"]]
    kp = [["Mã", "Danh hiệu", "Số phiếu đồng ý"], ["CB001", "CSTĐ tỉnh", 9], ["CB002", "BK tỉnh", 8],
          ["P1", "TTLĐXS", 8]]
    return viet_bang(tmp / "so.xlsx", {"ThongTin": THONG_TIN, "CaNhan": [TIEU_DE, *cn], "TapThe": TAP_THE,
                                       "LichSu": ls, "SangKien": sk, "KiemPhieu": kp})


def _chay(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(GOC / "src")})


def test_ho_so_cstd_tinh_doc_lai_tu_pdf(tmp_path: Path) -> None:
    """The báo cáo thành tích of a CSTĐ tỉnh candidate, as PDF text: identity, the three CSTĐCS years with their
    decision numbers, the initiative by name, the marked blanks; the Tờ trình, minutes extract, checklist."""
    can_libreoffice()
    so = so_cstd_tinh(tmp_path)
    truoc = bam(tmp_path)
    r = _chay("ho-so", str(so), "-o", str(tmp_path / "ho-so"), "--pdf")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert {k: v for k, v in bam(tmp_path).items() if not k.startswith("ho-so")} == truoc  # input untouched
    cap = tmp_path / "ho-so" / "Trình Chủ tịch UBND tỉnh"
    ten = sorted(p.name for p in cap.iterdir() if p.is_dir())
    assert ten == ["Lò Thị Mai", "Lò Thị Mai (2)", "Phòng Kế hoạch-Tài chính"]  # one name, two people: two folders
    pdf = [p for p in cap.glob("*/*.pdf")]
    assert len(pdf) == 3
    van_ban = {p.parent.name: chu_pdf(p) for p in pdf}
    mai = next(v for v in van_ban.values() if "011188001234" in v)
    phang = re.sub(r"\s+", " ", mai)
    for chu in ("BÁO CÁO THÀNH TÍCH", "CHIẾN SĨ THI ĐUA CẤP TỈNH", "Lò Thị Mai", "Nữ", "011188001234", "12/04/1988",
                "Phó Trưởng phòng", "Phòng Kế hoạch/Tài chính", "Ứng dụng bản đồ số quản lý rừng phòng hộ",
                "Giấy khen", "Không bị kỷ luật", "[Phần cá nhân tự viết:", "THỦ TRƯỞNG ĐƠN VỊ",
                "NGƯỜI BÁO CÁO THÀNH TÍCH", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"):
        assert chu in phang, chu
    lien = re.sub(r"\s+", "", mai)  # numbers wrapped inside a table cell
    for nam, so in ((2023, "112/QĐ-SNNMT"), (2024, "087/QĐ-SNNMT"), (2025, "015/QĐ-SNNMT")):
        assert f"{nam}Chiếnsĩthiđuacơsở" f"Quyếtđịnhsố{so}" in lien, nam  # each CSTĐCS year beside its QĐ
    assert "Quyếtđịnhsố45/QĐ-HĐSKngày20/10/2025" in lien and "301/QĐ-SNNMT" in lien
    assert "Mẫu" not in phang.split("BÁO CÁO")[0]  # the template's first comment does not show
    assert phang.count("[Phần cá nhân tự viết:") >= 3
    # the level's papers, as PDF too
    for ten_tep, chu in (("to-trinh", "TỜ TRÌNH"), ("trich-bien-ban-hop-hoi-dong", "TRÍCH BIÊN BẢN"),
                         ("danh-muc-ho-so", "DANH MỤC HỒ SƠ")):
        assert (cap / f"{ten_tep}.docx").is_file()
        assert chu in chu_pdf(cap / f"{ten_tep}.pdf"), ten_tep
    tt = re.sub(r"\s+", " ", chu_pdf(cap / "to-trinh.pdf"))
    assert "Lò Thị Mai" in tt and "9/9" in tt
    dm = re.sub(r"\s+", " ", chu_pdf(cap / "danh-muc-ho-so.pdf"))
    assert "Lò Thị Mai (CB001)" in dm and "Lò Thị Mai (CB002)" in dm
    assert "Lò Thị Mai (2)/Báo cáo thành tích - Lò Thị Mai (2).docx" in dm
    assert "Ứng dụng bản đồ số" in dm and "Thiếu" in dm
    # each row its own number of copies: an original, or a copy for a decision the person hands in (review
    # 2026-11-29: "01 bản chính + tệp Word và PDF" on every row, the copies included, four lines a row); the files
    # said once, in the note
    bang = next(t for t in Document(str(cap / "danh-muc-ho-so.docx")).tables if "Số bản gửi" in t.rows[0].cells[-1].text)
    i = [c.text for c in bang.rows[0].cells].index("Số bản gửi")
    so_ban = {r.cells[1].text: r.cells[i].text for r in bang.rows[1:]}
    assert {v for k, v in so_ban.items() if k.startswith("Bản sao")} == {"01 bản sao"}
    assert {v for k, v in so_ban.items() if not k.startswith("Bản sao")} == {"01 bản chính"}
    assert dm.count("tệp Word và PDF") == 1 and "chủ tọa, thư ký ký" in dm


def test_ho_so_khong_ghi_de_va_du_lieu_loi(tmp_path: Path) -> None:
    so = so_cstd_tinh(tmp_path)
    ra = tmp_path / "ra"
    ra.mkdir()
    (ra / "cu.txt").write_text("giữ")
    r = _chay("ho-so", str(so), "-o", str(ra))
    assert r.returncode == 2 and "--ghi-de" in r.stderr and "Traceback" not in r.stderr
    assert [p.name for p in ra.iterdir()] == ["cu.txt"]
    r = _chay("ho-so", str(so), "-o", str(ra), "--ghi-de")
    assert r.returncode == 0, r.stderr
    assert not (ra / "cu.txt").exists() and (ra / "Trình Chủ tịch UBND tỉnh" / "to-trinh.docx").is_file()
    # bad data: exit 1, nothing written
    loi = viet_bang(tmp_path / "loi.xlsx", {"ThongTin": THONG_TIN, "CaNhan": [TIEU_DE, _nguoi(
        "X1", "A", "P9", "CSTĐ tỉnh", "011188001234")], "TapThe": TAP_THE})
    r = _chay("ho-so", str(loi), "-o", str(tmp_path / "khong"))
    assert r.returncode == 1 and "P9" in r.stdout and not (tmp_path / "khong").exists()


def test_mau_ho_so_hop_dong_ngu_canh_va_ghi_chu_mau(tmp_path: Path) -> None:
    """Every hồ sơ template uses only the fields its context gives; each starts with a comment on the form it
    follows (not confirmed against ND 152/2025) that rendering removes."""
    kt = kiem_tra([so_cstd_tinh(tmp_path)])
    kq = xet_sau_kiem_tra(kt)
    assert kq is not None
    theo_cap = ung_vien_trinh(kq)
    assert list(theo_cap) == ["tinh"]
    ctx: dict[str, NguCanh] = {}
    for d, ks in theo_cap["tinh"]:
        mau, c = bao_cao_thanh_tich(kq, d, ks)
        ctx[mau] = c
    ctx["danh_muc_ho_so"] = danh_muc(kq, "tinh", [])
    import dataclasses

    kq_dot = dataclasses.replace(kq)
    kq_dot.du_lieu = dataclasses.replace(kq.du_lieu, thong_tin=dataclasses.replace(
        kq.du_lieu.thong_tin, loai_dot="Chuyên đề", ten_dot="Chuyên đề chuyển đổi số năm 2025"))
    for d, ks in loc_theo_cap(kq_dot, "tinh").ca_nhan[:1] + loc_theo_cap(kq_dot, "tinh").tap_the[:1]:
        mau, c = bao_cao_thanh_tich(kq_dot, d, ks)
        assert mau == "bao_cao_thanh_tich_dot"
        ctx.setdefault(mau, c)
    assert set(ctx) == set(TEN_MAU_HO_SO)
    for ten in TEN_MAU_HO_SO:
        p = thu_muc_mau_van_ban() / f"{ten}.docx"
        doc = Document(str(p))
        assert doc.paragraphs[0].text.startswith("{#p "), ten
        assert "152/2025" in doc.paragraphs[0].text or ten == "danh_muc_ho_so"
        if ten in ctx:
            tpl = DocxTemplate(str(p))
            assert tpl.get_undeclared_template_variables(moi_truong(), thanh_dict(ctx[ten])) == set(), ten


def test_ho_so_dung_mau_rieng_cua_co_quan(tmp_path: Path) -> None:
    """--mau: the agency's own achievement-report template replaces the built-in one (the ND 152/2025 form could not
    be confirmed); the other templates stay the built-in ones."""
    mau = tmp_path / "mau"
    mau.mkdir()
    d = Document()
    d.add_paragraph("MẪU RIÊNG CỦA SỞ — {{ ho_ten }} — {{ so_dinh_danh }}")
    d.save(str(mau / "bao_cao_thanh_tich_ca_nhan.docx"))
    r = _chay("ho-so", str(so_cstd_tinh(tmp_path)), "-o", str(tmp_path / "ra"), "--mau", str(mau))
    assert r.returncode == 0, r.stdout + r.stderr
    cap = tmp_path / "ra" / "Trình Chủ tịch UBND tỉnh"
    chu = " ".join(p.text for p in Document(str(cap / "Lò Thị Mai" / "Báo cáo thành tích - Lò Thị Mai.docx")).paragraphs)
    assert chu == "MẪU RIÊNG CỦA SỞ — Lò Thị Mai — 011188001234"
    tt = " ".join(p.text for p in Document(str(cap / "Phòng Kế hoạch-Tài chính" /
                                             "Báo cáo thành tích - Phòng Kế hoạch-Tài chính.docx")).paragraphs)
    assert "BÁO CÁO THÀNH TÍCH" in tt and "[Phần đơn vị tự viết:" in tt


def test_to_trinh_cua_ho_so_neu_thanh_vien_cua_ca_don_vi(demo_ket_qua) -> None:
    """The hồ sơ's Tờ trình is built from the proposals one level decides; a collective's row still states how many
    of all its members were rated LĐTT and CSTĐCS this year (it said "0/4 thành viên (0,00 %)" — the members that
    were themselves proposed upward — in a document signed and sent to the province). Each row reads as in the
    year's Tờ trình, and the counts are the unit's."""
    from thidua.van_ban import ngu_canh

    kq = demo_ket_qua.ket_qua
    nam = {d.ten: d.thanh_tich for p in ngu_canh.to_trinh(kq).phan_danh_sach for d in p.ds}
    so_tv = {t.ten: sum(1 for c in kq.du_lieu.ca_nhan if c.don_vi == t.ma) for t in kq.du_lieu.tap_the}
    tap_the = 0
    for cap in ung_vien_trinh(kq):
        for p in ngu_canh.to_trinh(loc_theo_cap(kq, cap)).phan_danh_sach:
            for d in p.ds:
                assert d.thanh_tich == nam[d.ten]
                m = re.search(r"(\d+)/(\d+) thành viên", d.thanh_tich)
                if d.ten in so_tv and m:
                    tap_the += 1
                    assert int(m.group(2)) == so_tv[d.ten] and int(m.group(1)) > 0
    assert tap_the >= 1


def test_trich_bien_ban_hop_chi_phan_de_nghi_cap_tren_du_so(demo_ket_qua) -> None:
    """The hồ sơ's extract of the council's minutes covers the titles the level confers, as the minutes record them:
    every proposal of those titles counted (not only those passed), every group headed by its threshold (a group of
    a title of the Sở was listed with an empty threshold), the conclusion the proposals passed."""
    import dataclasses

    from thidua.ho_so import ke_hoach_ho_so
    from thidua.van_ban import ngu_canh

    kq = demo_ket_qua.ket_qua
    goc = ngu_canh.bien_ban_hop(kq)
    trich = [b.ngu_canh for _, b in ke_hoach_ho_so(kq).ban_ve if b.mau == "bien_ban_hop"]
    assert trich
    for ctx in trich:
        ma_cap = {k.danh_hieu.ma for _, ks in kq.ca_nhan + kq.tap_the for k in ks if k.cap_quyet_dinh != "so"}
        ten_cap = [ngu_canh.ten_day_du(ngu_canh.DANH_HIEU[m]) for m in ma_cap]
        assert ctx.nhom_ket_qua and all("ngưỡng" in n.tieu_de and any(t in n.tieu_de for t in ten_cap)
                                        for n in ctx.nhom_ket_qua)
        for ma in ma_cap:  # "“…”: N đề nghị" as in the minutes themselves
            ten = ngu_canh.ten_day_du(ngu_canh.DANH_HIEU[ma])
            dem = re.findall(re.escape(ten) + r": (\d+) đề nghị", goc.noi_dung[0])
            assert dem and re.findall(re.escape(ten) + r": (\d+) đề nghị", ctx.noi_dung[0]) == dem
        assert dataclasses.replace(ctx, trich_yeu="") != dataclasses.replace(goc, trich_yeu="")
        assert ctx.ten_loai == "TRÍCH BIÊN BẢN" and goc.ten_loai == "BIÊN BẢN"
    for p in (demo_ket_qua.thu_muc_ra / "ho-so").rglob("trich-bien-ban-hop-hoi-dong.docx"):  # as a reader sees it
        doan = [x.text.strip() for x in Document(p).paragraphs if x.text.strip()]
        i = doan.index("TRÍCH BIÊN BẢN")
        assert doan[i + 1].startswith("Họp Hội đồng Thi đua – Khen thưởng") and "BIÊN BẢN" not in doan[i + 1:i + 3]


def test_bao_cao_tap_the_diem_thi_dua_dau_phay(demo_ket_qua) -> None:
    """A collective's emulation score in its achievement report is written with the decimal comma, as in the Tờ
    trình ("89,7"; it read "89.7")."""
    from thidua.ho_so import ke_hoach_ho_so

    diem = [b.ngu_canh.diem for _, b in ke_hoach_ho_so(demo_ket_qua.ket_qua).ban_ve
            if getattr(b.ngu_canh, "diem", "")]
    assert diem and all("." not in d for d in diem) and any("," in d for d in diem)


def test_bao_cao_thanh_tich_dau_ngat_ten_co_quan_nhu_van_ban_khac(demo_ket_qua) -> None:
    """The achievement reports' header breaks the agency's and the unit's names as every other document's header
    does ("SỞ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG"); Word broke them where the column ended ("… VÀ MÔI" / "TRƯỜNG")."""
    from thidua.ho_so import ke_hoach_ho_so
    from thidua.van_ban import ngu_canh

    kq = demo_ket_qua.ket_qua
    ctx = [b.ngu_canh for _, b in ke_hoach_ho_so(kq).ban_ve if b.ten_tep.startswith("Báo cáo thành tích")]
    nam = ngu_canh.dau_van_ban(kq.du_lieu.thong_tin, "QĐ")
    assert ctx and all(c.co_quan_chu_quan == nam.co_quan for c in ctx)
    assert nam.co_quan.split("\n") == ["SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"]
    for c in ctx:
        assert c.co_quan.replace("\n", " ") == c.co_quan.replace("\n", " ").upper()
        assert c.co_quan == ngu_canh.dong_ten_co_quan(c.co_quan.replace("\n", " "))
    assert ngu_canh.dong_ten_co_quan("PHÒNG KẾ HOẠCH – TÀI CHÍNH") == "PHÒNG KẾ HOẠCH\n– TÀI CHÍNH"  # the clerk's case


def test_bao_cao_tap_the_co_thanh_tich_nam_nhu_to_trinh(demo_ket_qua) -> None:
    """A collective's achievement report carries the year the data already tells — its rating, its members' titles
    — in the Tờ trình's own words (review 2026-11-29: the reports held only placeholders where the Tờ trình gave
    "24/25 thành viên (96,00 %) đạt danh hiệu “Lao động tiên tiến”"), above the part the unit writes."""
    from docx import Document

    from thidua.ho_so import ke_hoach_ho_so
    from thidua.van_ban.ngu_canh import thanh_tich_tap_the

    kq = demo_ket_qua.ket_qua
    tap_the = [(b.ngu_canh, b.ten_tep) for _, b in ke_hoach_ho_so(kq).ban_ve if b.mau == "bao_cao_thanh_tich_tap_the"]
    assert tap_the
    for ctx, ten_tep in tap_the:
        t = next(t for t in kq.du_lieu.tap_the if t.ten == ctx.ten_tap_the)
        ks = [k for d, ks in kq.tap_the if d is t for k in ks if k.dat and not k.so_quyet_dinh]
        assert ctx.thanh_tich_nam == thanh_tich_tap_the(kq, t, max(ks, key=lambda k: k.danh_hieu.thu_hang))
        assert "thành viên" in ctx.thanh_tich_nam and "đạt danh hiệu “Lao động tiên tiến”" in ctx.thanh_tich_nam
        p = next((demo_ket_qua.thu_muc_ra / "ho-so").rglob(ten_tep))
        doan = [x.text.replace("\u00a0", " ") for x in Document(p).paragraphs]  # "96,00 %": a no-break space
        i = doan.index("II. THÀNH TÍCH ĐẠT ĐƯỢC")
        assert doan[i + 1] == f"- {ctx.thanh_tich_nam}" and doan[i + 2].startswith("[Phần đơn vị tự viết")


def test_danh_muc_ban_sao_theo_can_cu_nhu_to_trinh(tmp_path: Path) -> None:
    """A clerk's review: the Tờ trình attaches the CSTĐCS decisions a Bằng khen rests on (two CSTĐCS years), but
    the checklist asked for initiative copies instead. Each person's copies now follow the ground that passed: the
    CSTĐCS decisions of the chain (with their numbers), initiative copies only where the ground needs them; a
    themed round's checklist asks for none, nor for an initiative its report has no section for."""
    from thidua.demo import tao_demo
    from thidua.ho_so import ke_hoach_ho_so
    from thidua.kiem_tra import kiem_tra
    from thidua.van_ban import ngu_canh
    from thidua.xet import xet_sau_kiem_tra

    tao_demo(tmp_path / "nam", 300, 2025)  # Bằng khen by both grounds: two CSTĐCS years, and HTXSNV + initiatives
    kq = xet_sau_kiem_tra(kiem_tra([tmp_path / "nam"]))
    kh = ke_hoach_ho_so(kq)
    muc = [m for ds in kh.danh_muc.values() for m in ds]
    kiem = 0
    for d, k in kq.tat_ca():
        if not (k.dat and k.danh_hieu.ma == "BKT" and hasattr(d, "ho_ten")):
            continue
        cc = ngu_canh.can_cu_dat(kq, d, k)
        cua = [m.tai_lieu for m in muc if m.cua == f"{d.ho_ten} ({d.ma})"]
        if cc is not None and cc.nam_cstdcs:
            for n in cc.nam_cstdcs:  # one line per decision, naming whose proposals rest on it
                (m,) = [m for m in muc if f"“Chiến sĩ thi đua cơ sở” năm {n}" in m.tai_lieu and d.ho_ten in m.cua]
                assert m.co == (n < kq.nam), m  # this year's is issued with the round: still to number and copy
            if not cc.sang_kien and not any(k2.danh_hieu.ma in ("CSTDT", "CSTDTQ") for d2, k2 in kq.tat_ca()
                                            if d2 is d and k2.dat and not k2.so_quyet_dinh):
                assert not any("sáng kiến" in t for t in cua), cua
            kiem += 1
        elif cc is not None and cc.sang_kien:
            assert any(t.startswith("Bản sao quyết định công nhận sáng kiến") for t in cua), cua
            kiem += 1
    assert kiem >= 3
    tao_demo(tmp_path / "cd", 80, 3, dot="chuyen-de")
    kq_cd = xet_sau_kiem_tra(kiem_tra([tmp_path / "cd"]))
    muc_cd = [m for ds in ke_hoach_ho_so(kq_cd).danh_muc.values() for m in ds]
    assert muc_cd and not any("sáng kiến" in m.tai_lieu or "sáng kiến" in m.tinh_trang for m in muc_cd)


def test_bao_cao_tap_the_phong_khong_dong_dau_rieng(demo_ket_qua, tmp_path: Path) -> None:
    """A clerk's review: "THỦ TRƯỞNG ĐƠN VỊ (Ký, đóng dấu)" was asked of a phòng, which has no seal of its own. A
    phòng's head signs with his name, the Sở's confirmation carries the seal; a chi cục or trung tâm seals."""
    from docx import Document

    from thidua.ho_so import bao_cao_thanh_tich, co_dau_rieng
    from thidua.mo_hinh import TapThe
    from thidua.van_ban.ve import BanVe, ve_mot

    assert not co_dau_rieng("Phòng Môi trường") and not co_dau_rieng("Văn phòng Sở")
    assert co_dau_rieng("Chi cục Kiểm lâm") and co_dau_rieng("Trung tâm Khuyến nông")
    assert co_dau_rieng("Văn phòng Đăng ký đất đai")
    kq = demo_ket_qua.ket_qua
    t0 = next(t for t in kq.du_lieu.tap_the if isinstance(t, TapThe))
    for ten, dau, can in (("Phòng Pháp chế", False, "(Ký, ghi rõ họ tên)"), ("Chi cục Kiểm lâm", True, "(Ký, đóng dấu)")):
        t = replace(t0, ten=ten)  # the small demo's units are all phòng of the Sở: the name decides
        loai = "co-dau" if dau else "khong-dau"
        mau, ctx = bao_cao_thanh_tich(kq, t, [])
        p = ve_mot(BanVe(mau, ctx, f"{loai}.docx"), tmp_path)
        chu = [c.text for tb in Document(p).tables for row in tb.rows for c in row.cells]
        o = next(x for x in chu if x.startswith("THỦ TRƯỞNG ĐƠN VỊ"))
        assert can in o, o


def test_danh_muc_moi_quyet_dinh_cstdcs_mot_dong(tmp_path: Path) -> None:
    """A clerk's second review: the same CSTĐCS decision was listed once per person, and this year's — a draft with
    no number yet — was marked "Có". One line per decision, naming whose proposals rest on it; this year's "Thiếu"
    until issued and numbered, so the footer counts it."""
    from thidua.demo import tao_demo
    from thidua.ho_so import ke_hoach_ho_so
    from thidua.kiem_tra import kiem_tra
    from thidua.xet import xet_sau_kiem_tra

    tao_demo(tmp_path / "nam", 140, 11)
    kq = xet_sau_kiem_tra(kiem_tra([tmp_path / "nam"]))
    muc = [m for ds in ke_hoach_ho_so(kq).danh_muc.values() for m in ds]
    cs = [m for m in muc if m.tai_lieu.startswith("Bản sao quyết định công nhận danh hiệu “Chiến sĩ thi đua cơ sở”")]
    assert len(cs) == len({m.tai_lieu for m in cs}) >= 2  # no decision twice
    nay = [m for m in cs if f"năm {kq.nam}:" in m.tai_lieu]
    assert nay and all(not m.co and m.tinh_trang.startswith("Thiếu") for m in nay)
    assert all("," in m.cua for m in cs)  # several people on one decision in this department


def test_bao_cao_cua_thu_truong_do_thu_truong_co_quan_xac_nhan(demo_ket_qua, tmp_path: Path) -> None:
    """Clerk's reviews: a unit head's own report had "THỦ TRƯỞNG ĐƠN VỊ — XÁC NHẬN" for her to sign; then the Giám
    đốc Sở signed it twice (as "THỦ TRƯỞNG CƠ QUAN" and as the level that files it). A head's report has only the
    agency's confirmation; a deputy's or a staff member's is confirmed by the unit's head, who seals when the unit
    has a seal of its own (a chi cục), and the checklist says who confirms."""
    from docx import Document

    from thidua.ho_so import bao_cao_thanh_tich, ke_hoach_ho_so
    from thidua.mo_hinh import CaNhan
    from thidua.van_ban.ngu_canh import la_thu_truong
    from thidua.van_ban.ve import BanVe, ve_mot

    assert la_thu_truong("Chánh Văn phòng") and la_thu_truong("Trưởng phòng") and la_thu_truong("Chi cục trưởng")
    assert not la_thu_truong("Phó Trưởng phòng") and not la_thu_truong("Chuyên viên") and not la_thu_truong("")
    kq = demo_ket_qua.ket_qua
    c0 = next(c for c in kq.du_lieu.ca_nhan if isinstance(c, CaNhan) and not la_thu_truong(c.chuc_vu))
    for ten, chuc_vu, don_vi, can in (("a", "Trưởng phòng", c0.don_vi, None),
                                      ("b", "Chuyên viên", c0.don_vi, "(Ký, ghi rõ họ tên)"),
                                      ("c", "Kiểm lâm viên", "Chi cục Kiểm lâm", "(Ký, đóng dấu)")):
        c = replace(c0, chuc_vu=chuc_vu, don_vi=don_vi)  # the small demo's units are all phòng of the Sở
        mau, ctx = bao_cao_thanh_tich(kq, c, [])
        o_bang = {id(x._tc): x for tb in Document(ve_mot(BanVe(mau, ctx, f"{ten}.docx"), tmp_path)).tables
                  for row in tb.rows for x in row.cells}  # a merged cell once
        chu = [x.text for x in o_bang.values()]
        assert sum("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in x for x in chu) == 1, chu
        o = [x for x in chu if "XÁC NHẬN, ĐỀ NGHỊ" in x]
        if can is None:
            assert not o and not any("THỦ TRƯỞNG" in x for x in chu), chu
        else:
            assert o and o[0].startswith("THỦ TRƯỞNG ĐƠN VỊ") and can in o[0], o
    danh_muc = [m for ds in ke_hoach_ho_so(kq).danh_muc.values() for m in ds if m.tai_lieu.startswith("Báo cáo")]
    assert danh_muc and all("xác nhận" in m.tinh_trang or "Thủ trưởng ký" in m.tinh_trang for m in danh_muc)


def test_bao_cao_tap_the_khong_de_nhan_trong_khi_thieu_diem(demo_ket_qua, tmp_path: Path) -> None:
    """A reviewer: "- Khối thi đua: Khối sự nghiệp; điểm thi đua: ." when the unit has no score."""
    from docx import Document

    from thidua.ho_so import bao_cao_thanh_tich
    from thidua.mo_hinh import TapThe
    from thidua.van_ban.ve import BanVe, ve_mot

    t0 = next(t for t in demo_ket_qua.ket_qua.du_lieu.tap_the if isinstance(t, TapThe))
    for diem, mong in ((None, "- Khối thi đua: Khối X."), (91.5, "- Khối thi đua: Khối X; điểm thi đua: 91,5.")):
        t = replace(t0, khoi="Khối X", diem=diem)
        mau, ctx = bao_cao_thanh_tich(demo_ket_qua.ket_qua, t, [])
        p = ve_mot(BanVe(mau, ctx, f"tt-{diem}.docx"), tmp_path)
        assert mong in [x.text for x in Document(p).paragraphs], mau


def test_tieu_de_bao_cao_giu_nam_mot_dong(demo_ket_qua) -> None:
    """A reviewer: a report's title broke as "(NĂM / 2025)". "năm" and its year are joined by a no-break space."""
    from thidua.ho_so import bao_cao_thanh_tich
    from thidua.mo_hinh import TapThe

    t = next(t for t in demo_ket_qua.ket_qua.du_lieu.tap_the if isinstance(t, TapThe))
    ks = [k for d, kk in demo_ket_qua.ket_qua.tap_the if d.ma == t.ma for k in kk][:1]
    _, ctx = bao_cao_thanh_tich(demo_ket_qua.ket_qua, t, ks)
    assert ctx.de_nghi.endswith(f"(năm\u00a0{demo_ket_qua.ket_qua.nam})"), ctx.de_nghi
