"""Benchmark: prints figures and ratios measured in one run. Never a test (targets are printed, not asserted).

    python scripts/bench.py                          # micro-benchmarks, then tong-ket at 5,000 and 20,000 staff
    python scripts/bench.py --only sizes --sizes 5000,20000 --lap 3 --jobs 2
    python scripts/bench.py --only sizes --sizes 100000 --lap 1 --khong-tu-lam   # hand counts (KiemPhieu)
    python scripts/bench.py --only micro             # the micro-benchmarks only

``tong-ket`` end to end (issue 15), each measurement in a fresh process (start-up, imports and exit included),
``--lap`` times per size, interleaved with the fair script so that machine load hits both alike; medians printed
with the machine's load average at start and end:
  * thidua: ``tong_ket`` as the CLI runs it (``--jobs``), per-stage seconds, peak RSS of the main process and of
    the largest worker; its prepared templates kept in a cache folder of the benchmark's own, emptied before each
    size, whose first run (printed apart, not in the median) prepares them as a first run after installing does;
  * a fair do-it-yourself script (``chay_tu_lam``: pandas reading only the CaNhan and TapThe sheets with the
    calamine engine, ``dtype=str``; the LĐTT and Giấy khen rules vectorised, one docxtpl render of the decision with
    its list and one of the certificates, ``to_excel`` (openpyxl) for a results workbook) — what it does not do is
    listed in its docstring and the README; the same with pandas' xlsxwriter engine is measured beside it. Up to
    and including commit b499b2e it read every sheet with openpyxl, the ledger included, and was 2.2–2.4× slower
    than the script issue 15 measured: ratios printed before then overstate (corrected in 685d595 and 896caaa);
  * the floor of each stage (``chay_san``): calamine alone; the same workbook cells written by plain xlsxwriter
    (and by write-only openpyxl; and, the bound below any writer, thidua's own parts zipped again); the same
    document XML (docxtpl's preprocessed XML) rendered by Jinja and zipped.
Targets: 20,000 staff ≤ 8 s and 5,000 ≤ 2.5 s with --jobs 2; ≥ 2× the fair script; growth ≤ 4.4× for ×4 staff;
≤ 500 MB per process at 20,000; each stage within 3× of its floor; 100,000 staff within 2 GB.

Micro-benchmarks (earlier issues): read + validate 20,000 rows (≤ 1.5 s; ≥ 4× a naive openpyxl reader); 200,000
rows; 500 ballots × 300 candidates (≤ 0.5 s); a 1,000-page Giấy khen file (≤ 10 s) and a 3,000-row decision
(≤ 5 s); TD_KIEMTRA and TD_TIENTHUONG.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOC = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(GOC / "src"))


def _do(ham, lap: int = 1) -> float:
    tot = float("inf")
    for _ in range(lap):
        t = time.perf_counter()
        ham()
        tot = min(tot, time.perf_counter() - t)
    return tot


def doc_ngay_tho(thu_muc: Path) -> list[dict]:
    """The naive way: openpyxl (not read-only), every cell read one by one into dicts."""
    from openpyxl import load_workbook

    dong = []
    for p in sorted(thu_muc.rglob("*.xlsx")):
        wb = load_workbook(p)
        for ws in wb.worksheets:
            tieu_de = [ws.cell(row=2, column=c).value for c in range(1, ws.max_column + 1)]
            for r in range(3, ws.max_row + 1):
                dong.append({tieu_de[c - 1]: ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)})
    return dong


def giay_khen_ngay_tho(kq, thu_muc: Path) -> Path:
    """The naive way: one docxtpl render per certificate, then docxcompose merges them."""
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docxcompose.composer import Composer
    from docxtpl import DocxTemplate

    from thidua.duong_dan import thu_muc_mau_van_ban
    from thidua.van_ban.moi_truong import moi_truong
    from thidua.van_ban.ngu_canh import giay_khen, thanh_dict

    ctx = giay_khen(kq)
    tep = []
    for i, g in enumerate(ctx.giay_khen):
        tpl = DocxTemplate(str(thu_muc_mau_van_ban() / "giay_khen.docx"))
        tpl.render({**thanh_dict(ctx), "giay_khen": [dataclasses.replace(g, ngat_trang="")]}, jinja_env=moi_truong(),
                   autoescape=True)
        p = thu_muc / f"gk-{i}.docx"
        tpl.save(p)
        tep.append(p)
    if not tep:
        return thu_muc
    goc = Document(str(tep[0]))
    ghep = Composer(goc)
    for p in tep[1:]:
        d = Document(str(p))
        d.paragraphs[0].insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)
        ghep.append(d)
    ra = thu_muc / "giay-khen-ngay-tho.docx"
    ghep.save(str(ra))
    return ra


def _ket_qua_gia(so_gk: int, so_dong_qd: int):
    from thidua.danh_muc import DANH_HIEU, XEP_LOAI
    from thidua.mo_hinh import CaNhan, DuLieu, TapThe, ThongTin
    from thidua.xet import xet

    tt = ThongTin(nam=2025, co_quan_chu_quan="UBND TỈNH LAI CHÂU", co_quan="SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                  ky_hieu="SNNMT", dia_danh="Lai Châu", nguoi_ky="Nguyễn Văn Minh", ngay_quyet_dinh=dt.date(2026, 1, 12))
    n = max(so_gk, so_dong_qd)
    cn = [CaNhan(f"{i:05d}", f"Nguyễn Văn Người {i}", f"P{i % 20}", "Chuyên viên", xep_loai=XEP_LOAI["HTTNV"],
                 de_nghi=(DANH_HIEU["LDTT"], DANH_HIEU["GK"]) if i < so_gk else (DANH_HIEU["LDTT"],))
          for i in range(n)]
    tt_ = [TapThe(f"P{i}", f"Phòng {i}", XEP_LOAI["HTTNV"]) for i in range(20)]
    return xet(DuLieu(tt, cn[:so_dong_qd] if so_gk == 0 else cn, tt_))


def doc_200000() -> dict:
    """200,000 CaNhan rows in one workbook: read and validate in this process, report time and peak memory."""
    from openpyxl import Workbook

    from thidua.kiem_tra import kiem_tra

    with tempfile.TemporaryDirectory() as tmp:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("ThongTin")
        for r in (["Mục", "Giá trị"], ["Năm", 2025], ["Cơ quan chủ quản", "UBND TỈNH"], ["Cơ quan", "SỞ"],
                  ["Ký hiệu cơ quan", "S"], ["Địa danh", "X"], ["Người ký", "A"], ["Chức vụ người ký", "GIÁM ĐỐC"],
                  ["Ngày quyết định", "12/01/2026"]):
            ws.append(r)
        ws = wb.create_sheet("TapThe")
        ws.append(["Mã đơn vị", "Tên tập thể", "Xếp loại"])
        ws.append(["P1", "Phòng Một", "HTTNV"])
        ws = wb.create_sheet("CaNhan")
        ws.append(["Mã CB", "Họ và tên", "Đơn vị", "Ngày sinh", "Xếp loại", "Đăng ký", "Đề nghị"])
        for i in range(200_000):
            ws.append([f"{i:06d}", f"Nguyễn Văn Người {i}", "P1", "15/03/1985", "HTTNV", "LĐTT", "LĐTT"])
        p = Path(tmp) / "lon.xlsx"
        wb.save(p)
        truoc = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        kq = kiem_tra([p])
        t = time.perf_counter() - t
        return {"so_dong": len(kq.du_lieu.ca_nhan), "giay": t, "rss_dinh_mb":
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rss_truoc_khi_doc_mb": truoc}


def micro(kq_in: dict) -> None:
    from thidua.demo import ghi_bo_du_lieu, tao_du_lieu
    from thidua.kiem_tra import kiem_tra
    from thidua.van_ban import ngu_canh
    from thidua.van_ban.ve import BanVe, ve_mot

    print("\n== Đọc và kiểm tra: 20.000 dòng CaNhan trong 20 tệp đơn vị ==")
    with tempfile.TemporaryDirectory() as tmp:
        du, phu = tao_du_lieu(20_000, 20, seed=1)
        du = dataclasses.replace(du, so_theo_doi=type(du.so_theo_doi)())
        ghi_bo_du_lieu(du, Path(tmp), phu["rng"])
        ta = _do(lambda: kiem_tra([Path(tmp)]), lap=3)
        tho = _do(lambda: doc_ngay_tho(Path(tmp)))
        print(f"thidua (calamine + kiểm tra đầy đủ): {ta:.2f} s  (mục tiêu ≤ 1,5 s)")
        print(f"cách thủ công (openpyxl từng ô, chưa kiểm tra gì): {tho:.2f} s  → nhanh hơn {tho / ta:.1f}×"
              " (mục tiêu ≥ 4×)")
        kq_in["doc_20000"] = {"thidua_s": ta, "ngay_tho_s": tho, "ty_le": tho / ta}

    r = subprocess.run([sys.executable, __file__, "--doc-200000"], capture_output=True, text=True, check=True)
    d = json.loads(r.stdout.strip().splitlines()[-1])
    print(f"200.000 dòng trong một tệp: {d['giay']:.1f} s, bộ nhớ đỉnh {d['rss_dinh_mb']:.0f} MB (mục tiêu < 1 GB)")
    kq_in["doc_200000"] = d

    print("\n== Kiểm phiếu, xếp hạng và xét: 500 phiếu × 300 ứng viên ==")
    import random
    from fractions import Fraction

    from thidua.binh_xet import PhieuBau, kiem_phieu
    from thidua.danh_muc import DANH_HIEU, XEP_LOAI
    from thidua.mo_hinh import CaNhan, DuLieu, ThongTin
    from thidua.xet import xet

    rng = random.Random(3)
    ung_vien = [(f"{i:04d}", "CSTDCS") for i in range(300)]
    phieu = [PhieuBau(str(i), {u: ("x" if rng.random() < 0.8 else "") for u in ung_vien}) for i in range(500)]
    cn = [CaNhan(m, f"Người {m}", "P1", xep_loai=XEP_LOAI["HTXSNV"], de_nghi=(DANH_HIEU["LDTT"], DANH_HIEU["CSTDCS"]))
          for m, _ in ung_vien]
    tt = ThongTin(nam=2025, ngay_quyet_dinh=dt.date(2026, 1, 12), so_thanh_vien=500, so_co_mat=500)

    def mot_lan() -> None:
        kp = kiem_phieu(phieu, ung_vien, 500, 500)
        xet(DuLieu(tt, cn, [], kiem_phieu=kp, quy_che={"chi_tieu.CSTDCS": Fraction(15, 100)}))

    t = _do(mot_lan, lap=3)
    print(f"thidua: {t * 1000:.0f} ms  (mục tiêu ≤ 500 ms)")
    kq_in["phieu_500x300_s"] = t

    print("\n== Văn bản Word ==")
    with tempfile.TemporaryDirectory() as tmp:
        kq = _ket_qua_gia(1000, 0)
        t_gk = _do(lambda: ve_mot(BanVe("giay_khen", ngu_canh.giay_khen(kq), "gk.docx"), Path(tmp)))
        kq100 = _ket_qua_gia(100, 0)
        t_tho100 = _do(lambda: giay_khen_ngay_tho(kq100, Path(tmp)))
        t_ta100 = _do(lambda: ve_mot(BanVe("giay_khen", ngu_canh.giay_khen(kq100), "gk100.docx"), Path(tmp)))
        print(f"Giấy khen 1.000 trang trong một tệp: {t_gk:.2f} s  (mục tiêu ≤ 10 s)")
        print(f"Giấy khen 100 trang: thidua {t_ta100:.2f} s; cách thủ công (render từng tờ rồi ghép docxcompose) "
              f"{t_tho100:.2f} s → nhanh hơn {t_tho100 / t_ta100:.1f}×")
        kq3000 = _ket_qua_gia(0, 3000)
        t_qd = _do(lambda: ve_mot(BanVe("quyet_dinh", ngu_canh.quyet_dinh(kq3000, "danh_hieu"), "qd.docx"), Path(tmp)))
        print(f"Quyết định kèm danh sách 3.000 dòng: {t_qd:.2f} s  (mục tiêu ≤ 5 s)")
        kq_in["van_ban"] = {"giay_khen_1000_s": t_gk, "giay_khen_100_s": t_ta100, "giay_khen_100_ngay_tho_s": t_tho100,
                            "qd_3000_dong_s": t_qd}

    print("\n== Hàm Excel (gọi trong tiến trình) ==")
    from thidua.excel import udf

    tieu_de = ["Mã CB", "Họ và tên", "Đơn vị", "Xếp loại", "Đề nghị", "Ngày sinh"]
    vung = [tieu_de] + [[float(i), f"Người {i}", "P1", "HTTNV" if i % 50 else "tot", "LĐTT", 31121.0]
                        for i in range(1000)]
    udf.TD_KIEMTRA(vung)
    t_kt = _do(lambda: udf.TD_KIEMTRA(vung), lap=5)
    udf.TD_TIENTHUONG("LDTT", dt.datetime(2026, 1, 12))
    t_tt = _do(lambda: [udf.TD_TIENTHUONG("LDTT", dt.datetime(2026, 1, 12)) for _ in range(1000)]) / 1000
    print(f"TD_KIEMTRA 1.000 dòng: {t_kt * 1000:.1f} ms (mục tiêu ≤ 50 ms); TD_TIENTHUONG: {t_tt * 1e6:.0f} µs/lần "
          "(mục tiêu ≤ 1 ms)")
    kq_in["udf"] = {"td_kiemtra_1000_s": t_kt, "td_tienthuong_s": t_tt}


# ---------------------------------------------------------------------------------------------------------------
# tong-ket end to end (issue 15): thidua, a fair do-it-yourself script, and the floors of each stage.
# Every measurement runs in a fresh process (like a user's run): wall time from the parent, peak RSS per process.
# ---------------------------------------------------------------------------------------------------------------

MUC_TIEU = {"5000": 2.5, "20000": 8.0}  # seconds end to end with --jobs 2 (issue 15)


def tao_dau_vao(so_can_bo: int, thu_muc: Path, kiem_phieu: bool = False) -> Path:
    """The demo department at this size (seed 2025). ``kiem_phieu``: hand counts (KiemPhieu, one row per candidate)
    instead of the PhieuBau sheet (one column per candidate, capped by Excel's 16,384 columns)."""
    if (thu_muc / "tong-hop.xlsx").exists():  # before importing the demo: a measured process imports what the CLI does
        return thu_muc
    import thidua.demo as demo

    if kiem_phieu:
        from thidua.ghi_bang import ghi_bang

        def ghi_kiem_phieu(ung_vien, so_phieu, duong_dan, danh_dau=None, wb=None, so_van_ban=0):
            hop_le = [d for d in (danh_dau or []) if d.get("Hợp lệ") not in ("Không", "không")]
            dong = [[u.ma, u.danh_hieu.viet_tat, sum(1 for d in hop_le if d.get(u.tieu_de_cot))] for u in ung_vien]
            ghi_bang(wb.create_sheet("KiemPhieu"), ["Mã", "Danh hiệu", "Số phiếu đồng ý"], dong)
            return duong_dan

        demo.ghi_sheet_phieu_bau = ghi_kiem_phieu
    demo.tao_demo(thu_muc, so_can_bo, 2025)
    return thu_muc


def _rss() -> tuple[float, float]:
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def chay_thidua(vao: Path, ra: Path, jobs: int) -> dict:
    """One ``thidua tong-ket`` as an officer runs it: the CLI's own entry point (typer's argument parsing, the
    progress display, the closing summary), in this fresh process; the batch's result is taken on the way for the
    stage figures, and the process leaves with os._exit like the CLI."""
    import thidua.cli as cli
    import thidua.tong_ket as tk

    bat: dict = {}
    goc = tk.tong_ket

    def giu(*a, **k):
        bat["kq"] = goc(*a, **k)
        return bat["kq"]

    class _Xong(Exception):
        pass

    def thoat(ma: object) -> None:
        bat["ma"] = ma
        raise _Xong

    tk.tong_ket = giu
    cli._thoat_nhanh = thoat
    sys.argv = ["thidua", "tong-ket", str(vao), "-o", str(ra), "--ghi-de", "--jobs", str(jobs)]
    t = time.perf_counter()
    try:
        cli.main()
    except _Xong:
        pass
    t = time.perf_counter() - t
    if bat.get("ma") not in (0, None) or "kq" not in bat:  # a failed run is not a measurement
        raise SystemExit(f"thidua tong-ket thoát với mã {bat.get('ma')}")
    kq = bat["kq"]
    chinh, con = _rss()
    return {"trong_tien_trinh_s": t, "giai_doan_s": kq.thoi_gian, "rss_chinh_mb": chinh,
            "rss_con_mb": con, "ma_thoat": kq.ma_thoat, "ma_cli": bat.get("ma"),
            "so_van_ban": sum(1 for p in kq.tep_ra if p.suffix == ".docx")}


_MAU_TU_LAM: dict[str, str] = {}


def _mau_tu_lam(thu_muc: Path) -> tuple[Path, Path]:
    """The fair script's own two templates (python-docx, built once per data folder, outside its stage timers; the
    first end-to-end run at a size includes it, ~0.06 s): the decision with its list as a
    table ({%tr for %}), and one certificate per page."""
    from docx import Document

    qd, gk = thu_muc / "qd.docx", thu_muc / "gk.docx"
    if not qd.exists():
        d = Document()
        d.add_paragraph("{{ co_quan }}")
        d.add_paragraph("QUYẾT ĐỊNH Về việc công nhận danh hiệu thi đua năm {{ nam }}")
        d.add_paragraph("Điều 1. Công nhận danh hiệu Lao động tiên tiến cho {{ so }} cá nhân (danh sách kèm theo).")
        t = d.add_table(rows=4, cols=5)
        for i, h in enumerate(("STT", "Họ và tên", "Đơn vị", "Danh hiệu", "Số tiền")):
            t.cell(0, i).text = h
        t.cell(1, 0).text = "{%tr for r in ds %}"
        for i, k in enumerate(("stt", "ten", "don_vi", "danh_hieu", "tien")):
            t.cell(2, i).text = f"{{{{ r.{k} }}}}"
        t.cell(3, 0).text = "{%tr endfor %}"
        d.add_paragraph("Tổng cộng: {{ tong }} đồng.")
        d.save(qd)
        d = Document()
        d.add_paragraph("{%p for g in ds %}")
        d.add_paragraph("GIẤY KHEN")
        d.add_paragraph("Tặng {{ g.ten }}, {{ g.don_vi }}")
        d.add_paragraph("Đã có thành tích xuất sắc năm {{ nam }}{{ g.ngat }}")
        d.add_paragraph("{%p endfor %}")
        d.save(gk)
    return qd, gk


def chay_tu_lam(vao: Path, ra: Path, ghi_excel: str = "openpyxl") -> dict:
    """What a competent officer-programmer writes with pandas, openpyxl and docxtpl — see README ("fair script"):
    read the CaNhan and TapThe sheets of every workbook with pandas (calamine engine, only those sheets, dtype=str),
    the LĐTT and Giấy khen rules vectorised (proposal, rating HTTNV or better, no discipline: thidua's default for
    both, without its months of service and other criteria), money, one docxtpl render of the decision with its
    list and one of the certificates (its own two small templates, ``_mau_tu_lam``), and a results workbook with
    DataFrame.to_excel (openpyxl, the writer the issue names; ``ghi_excel="xlsxwriter"``: pandas' faster engine,
    measured beside it). It does NOT: validate cells, read the ledger, count ballots, apply quotas or
    chains, write the other six documents, the hồ sơ, the ledger workbook or a manifest."""
    import pandas as pd
    from docxtpl import DocxTemplate

    qd, gk = _mau_tu_lam(ra.parent)
    t = time.perf_counter()
    cn, dv = [], []
    for p in sorted(vao.rglob("*.xlsx")):
        with pd.ExcelFile(p, engine="calamine") as xl:  # only the sheets it needs: the ledger is never parsed
            for ten in ("CaNhan", "TapThe"):
                if ten not in xl.sheet_names:
                    continue
                df = pd.read_excel(xl, sheet_name=ten, dtype=str, header=None)
                dau = df.head(15)  # the header row, among the first rows (the forms have a title above it)
                hang = dau.index[dau.apply(lambda r: ("Mã CB" in r.values) or ("Mã đơn vị" in r.values), axis=1)]
                if len(hang) == 0:
                    continue
                df.columns = df.loc[hang[0]]
                (cn if ten == "CaNhan" else dv).append(df.loc[hang[0] + 1:].dropna(how="all"))
    cn_df = pd.concat(cn, ignore_index=True)
    dv_df = pd.concat(dv, ignore_index=True) if dv else pd.DataFrame(columns=["Mã đơn vị", "Tên tập thể"])
    ten_dv = dict(zip(dv_df["Mã đơn vị"], dv_df["Tên tập thể"]))
    de_nghi = cn_df["Đề nghị"].fillna("")
    xep_loai = cn_df["Xếp loại"].fillna("").str.upper()
    ky_luat = cn_df["Kỷ luật"].fillna("") if "Kỷ luật" in cn_df else ""
    du = xep_loai.isin(["HTTNV", "HTXSNV"]) & (ky_luat == "")  # LĐTT's and Giấy khen's common standard
    ldtt = de_nghi.str.contains("LĐTT") & du
    gk_ = de_nghi.str.contains("GK") & du
    luong = 2_340_000
    cn_df["LĐTT"], cn_df["GK"] = ldtt.map({True: "Đạt", False: "Không đạt"}), gk_.map({True: "Đạt", False: ""})
    cn_df["Tiền"] = ldtt * (-(-int(0.3 * luong) // 10_000) * 10_000) + gk_ * (-(-int(0.15 * luong) // 10_000) * 10_000)
    cn_df["Tên đơn vị"] = cn_df["Đơn vị"].map(ten_dv)
    t_doc_xet = time.perf_counter() - t
    t = time.perf_counter()
    d = cn_df[ldtt]
    ds = [{"stt": i, "ten": ten, "don_vi": dv, "danh_hieu": "LĐTT", "tien": f"{tien:,}".replace(",", ".")}
          for i, (ten, dv, tien) in enumerate(zip(d["Họ và tên"], d["Tên đơn vị"], d["Tiền"]), start=1)]
    tpl = DocxTemplate(str(qd))
    tpl.render({"co_quan": "SỞ", "nam": 2025, "so": len(ds), "ds": ds, "tong": f"{int(cn_df['Tiền'].sum()):,}"},
               autoescape=True)
    tpl.save(ra / "qd.docx")
    g = cn_df[gk_]
    ds_gk = [{"ten": ten, "don_vi": dv, "ngat": "\f"} for ten, dv in zip(g["Họ và tên"], g["Tên đơn vị"])]
    tpl = DocxTemplate(str(gk))
    tpl.render({"nam": 2025, "ds": ds_gk}, autoescape=True)
    tpl.save(ra / "gk.docx")
    t_word = time.perf_counter() - t
    t = time.perf_counter()
    with pd.ExcelWriter(ra / "ket-qua.xlsx", engine=ghi_excel) as w:
        cn_df.to_excel(w, sheet_name="CaNhan", index=False)
    t_excel = time.perf_counter() - t
    chinh, _con = _rss()
    return {"giai_doan_s": {"doc_xet": t_doc_xet, "word": t_word, "excel": t_excel}, "rss_chinh_mb": chinh,
            "so_dat_ldtt": int(ldtt.sum()), "so_gk": len(ds_gk)}


def chay_san(vao: Path, ra: Path) -> dict:
    """The practical floor of each stage, on the same data: calamine reading every sheet (no checking, no
    decision); the cells of ket-qua.xlsx and so-theo-doi.xlsx (as thidua wrote them) written again with plain
    xlsxwriter (no formats) — and with write-only openpyxl, and thidua's own parts only zipped again; every
    document's XML as docxtpl preprocesses it, rendered by Jinja with the same context and zipped into the
    template's package (no docxtpl passes, no lxml)."""
    import zipfile

    import python_calamine
    import xlsxwriter
    from docxtpl import DocxTemplate
    from openpyxl import Workbook

    from thidua.ho_so import ke_hoach_ho_so
    from thidua.kiem_tra import kiem_tra
    from thidua.van_ban.moi_truong import moi_truong
    from thidua.van_ban.ngu_canh import thanh_dict
    from thidua.van_ban.ve import ban_ve_nam, nfc, tim_mau
    from thidua.xet import xet_sau_kiem_tra

    san: dict[str, float] = {}
    t = time.perf_counter()
    for p in sorted(vao.rglob("*.xlsx")):
        wb = python_calamine.CalamineWorkbook.from_path(str(p))
        for s in wb.sheet_names:
            wb.get_sheet_by_name(s).to_python()
    san["doc"] = time.perf_counter() - t
    o = ra / "thidua"
    bang = {}
    for ten in ("ket-qua.xlsx", "so-theo-doi.xlsx"):
        wb = python_calamine.CalamineWorkbook.from_path(str(o / ten))
        bang[ten] = [(s, wb.get_sheet_by_name(s).to_python()) for s in wb.sheet_names]
    t = time.perf_counter()
    for ten, sheets in bang.items():
        w = xlsxwriter.Workbook(str(ra / f"san-{ten}"), {"constant_memory": True})
        for s, dong in sheets:
            ws = w.add_worksheet(s)
            for r, d in enumerate(dong):
                ws.write_row(r, 0, d)
        w.close()
    san["excel_xlsxwriter"] = time.perf_counter() - t
    t = time.perf_counter()
    for ten, sheets in bang.items():
        w = Workbook(write_only=True)
        for s, dong in sheets:
            ws = w.create_sheet(s)
            for d in dong:
                ws.append(d)
        w.save(ra / f"san-wo-{ten}")
    san["excel_openpyxl_write_only"] = time.perf_counter() - t
    phan = {}  # thidua's own parts of the two workbooks: zipping them again is the bound below any writer
    for ten in bang:
        with zipfile.ZipFile(o / ten) as z:
            phan[ten] = [(m, z.read(m)) for m in z.namelist()]
    t = time.perf_counter()
    for ten, cac_phan in phan.items():
        with zipfile.ZipFile(ra / f"san-zip-{ten}", "w", zipfile.ZIP_DEFLATED) as z:
            for m, noi_dung in cac_phan:
                z.writestr(m, noi_dung)
    san["excel_zip"] = time.perf_counter() - t
    kq = xet_sau_kiem_tra(kiem_tra([vao]))
    ds = [b for b in ban_ve_nam(kq)] + [b for _, b in ke_hoach_ho_so(kq).ban_ve]  # the year's and the hồ sơ's
    chuan_bi = []
    da_dich: dict[Path, object] = {}
    for b in ds:  # docxtpl's preprocessing (patch_xml) and Jinja's compiling are per template: not timed
        mau = tim_mau(b.mau)
        if mau not in da_dich:
            tpl = DocxTemplate(str(mau))
            tpl.init_docx()
            da_dich[mau] = moi_truong().from_string(tpl.patch_xml(tpl.get_xml()))
        chuan_bi.append((mau, da_dich[mau], nfc(thanh_dict(b.ngu_canh))))
    t = time.perf_counter()
    for i, (mau, jinja, ctx) in enumerate(chuan_bi):
        ctx.setdefault("bieu_do", "")
        than = jinja.render(ctx)
        with zipfile.ZipFile(mau) as zin, zipfile.ZipFile(ra / f"san-{i}.docx", "w", zipfile.ZIP_DEFLATED) as z:
            for muc in zin.infolist():
                z.writestr(muc.filename, than.encode("utf-8") if muc.filename == "word/document.xml"
                           else zin.read(muc))
    san["word"] = time.perf_counter() - t
    return {"san_s": san}


def _mot(viec: str, so_can_bo: int, jobs: int, thu_muc: Path) -> None:
    """In a fresh process: one measurement, JSON on stdout, then leave like the CLI (no heap teardown)."""
    vao = tao_dau_vao(so_can_bo, thu_muc / f"vao-{so_can_bo}", kiem_phieu=so_can_bo > 50_000)
    ra = thu_muc / f"ra-{so_can_bo}"
    ra.mkdir(exist_ok=True)
    if viec == "thidua":
        kq = chay_thidua(vao, ra / "thidua", jobs)
    elif viec == "tu_lam":
        (ra / "tu-lam").mkdir(exist_ok=True)
        kq = chay_tu_lam(vao, ra / "tu-lam")
    elif viec == "tu_lam_xw":
        (ra / "tu-lam-xw").mkdir(exist_ok=True)
        kq = chay_tu_lam(vao, ra / "tu-lam-xw", ghi_excel="xlsxwriter")
    elif viec == "san":
        kq = chay_san(vao, ra)
    else:
        kq = {}
    sys.stdout.write(json.dumps(kq) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _goi(viec: str, so_can_bo: int, jobs: int, thu_muc: Path) -> dict:
    t = time.perf_counter()
    r = subprocess.run([sys.executable, __file__, "--mot", viec, str(so_can_bo), "--jobs", str(jobs),
                        "--thu-muc", str(thu_muc)], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{viec} {so_can_bo}: {r.stderr[-2000:]}")
    d = json.loads(r.stdout.strip().splitlines()[-1])
    d["dau_cuoi_s"] = time.perf_counter() - t  # a fresh interpreter: start-up, imports, work, exit
    return d


def _trung_vi(xs: list[float]) -> float:
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def cac_co(sizes: list[int], jobs: int, lap: int, tu_lam: bool, thu_muc: Path) -> dict:
    tai0 = os.getloadavg()
    print(f"\n== tong-ket đầu cuối (--jobs {jobs}), {lap} lần mỗi cỡ, trung vị; mỗi lần một tiến trình mới ==")
    print(f"tải máy lúc bắt đầu (loadavg 1/5/15 phút): {tai0[0]:.1f} / {tai0[1]:.1f} / {tai0[2]:.1f}")
    ra: dict = {}
    # prepared templates are kept between runs (van_ban/luu_mau.py), in a folder of this benchmark's own: emptied
    # before each size, whose first run — not counted in the median — prepares them, as the first run after
    # installing thidua or editing a template does; the counted runs then find them, as every later run does
    bo_nho = Path(tempfile.mkdtemp(prefix="thidua-bench-cache-"))
    os.environ["THIDUA_BO_NHO_DEM"] = str(bo_nho)
    for n in sizes:
        print(f"  chuẩn bị dữ liệu {n:,} cán bộ…", flush=True)
        subprocess.run([sys.executable, __file__, "--mot", "tao", str(n), "--thu-muc", str(thu_muc)], check=True,
                       capture_output=True)
        shutil.rmtree(bo_nho, ignore_errors=True)
        lan_dau = _goi("thidua", n, jobs, thu_muc)["dau_cuoi_s"]
        lan = []
        for _ in range(lap):  # interleaved, so that load changes hit both alike
            m = {"thidua": _goi("thidua", n, jobs, thu_muc)}
            if tu_lam and n <= 50_000:
                m["tu_lam"] = _goi("tu_lam", n, jobs, thu_muc)
                m["tu_lam_xw"] = _goi("tu_lam_xw", n, jobs, thu_muc)
            lan.append(m)
        san = _goi("san", n, jobs, thu_muc)["san_s"] if n <= 50_000 else {}
        th = [x["thidua"] for x in lan]
        d = {"thidua_s": _trung_vi([x["dau_cuoi_s"] for x in th]), "cac_lan_s": [x["dau_cuoi_s"] for x in th],
             "rss_chinh_mb": max(x["rss_chinh_mb"] for x in th), "rss_con_mb": max(x["rss_con_mb"] for x in th),
             "giai_doan_s": {k: _trung_vi([x["giai_doan_s"].get(k, 0.0) for x in th]) for k in th[0]["giai_doan_s"]},
             "san_s": san, "so_van_ban": th[0]["so_van_ban"], "lan_dau_s": lan_dau}
        if tu_lam and n <= 50_000:
            d["tu_lam_s"] = _trung_vi([x["tu_lam"]["dau_cuoi_s"] for x in lan])
            d["tu_lam_cac_lan_s"] = [x["tu_lam"]["dau_cuoi_s"] for x in lan]
            d["tu_lam_giai_doan_s"] = lan[0]["tu_lam"]["giai_doan_s"]
            d["ty_le_lan"] = [x["tu_lam"]["dau_cuoi_s"] / x["thidua"]["dau_cuoi_s"] for x in lan]
            d["tu_lam_xw_s"] = _trung_vi([x["tu_lam_xw"]["dau_cuoi_s"] for x in lan])
            d["tu_lam_xw_cac_lan_s"] = [x["tu_lam_xw"]["dau_cuoi_s"] for x in lan]
            d["so_dat_tu_lam"] = {"ldtt": lan[0]["tu_lam"]["so_dat_ldtt"], "gk": lan[0]["tu_lam"]["so_gk"]}
        ra[str(n)] = d
    shutil.rmtree(bo_nho, ignore_errors=True)
    tai1 = os.getloadavg()
    ra["tai_may"] = {"bat_dau": tai0, "ket_thuc": tai1}
    in_bang(ra, sizes, jobs)
    return ra


def in_bang(ra: dict, sizes: list[int], jobs: int) -> None:
    def dau(ok: bool | None) -> str:
        return "" if ok is None else (" ✓" if ok else " ✗")

    print(f"\n{'cán bộ':>8} | {'thidua':>8} | {'tự làm':>8} | {'nhanh hơn':>9} | {'RSS chính':>9} | {'RSS tiến trình con':>18}"
          " | mục tiêu")
    for n in sizes:
        d = ra[str(n)]
        tl = d.get("tu_lam_s")
        muc = MUC_TIEU.get(str(n))
        ty_le = f"{tl / d['thidua_s']:.2f}×" if tl else "—"
        print(f"{n:>8,} | {d['thidua_s']:>7.1f}s | {(f'{tl:.1f}s' if tl else '—'):>8} | {ty_le:>9} | "
              f"{d['rss_chinh_mb']:>7.0f}MB | {d['rss_con_mb']:>16.0f}MB | "
              + "; ".join(m for m in (
                  f"≤ {muc} s{dau(d['thidua_s'] <= muc)}" if muc else "",
                  f"≥ 2× tự làm{dau(tl / d['thidua_s'] >= 2)}" if tl and muc else "",
                  f"≤ 500 MB/tiến trình{dau(max(d['rss_chinh_mb'], d['rss_con_mb']) <= 500)}" if n == 20000 else "",
                  f"≤ 2 GB{dau(max(d['rss_chinh_mb'], d['rss_con_mb']) <= 2048)}" if n >= 100_000 else "") if m))
    for n in sizes:
        d = ra[str(n)]
        if d.get("lan_dau_s"):
            print(f"{n:>8,} | lần chạy đầu, các mẫu Word chưa chuẩn bị (bộ nhớ đệm trống; không tính vào trung vị): "
                  f"{d['lan_dau_s']:.1f}s")
        if d.get("tu_lam_xw_s"):
            print(f"{n:>8,} | script tự làm ghi sổ bằng xlsxwriter thay openpyxl: {d['tu_lam_xw_s']:.1f}s — thidua nhanh "
                  f"hơn {d['tu_lam_xw_s'] / d['thidua_s']:.2f}× (mục tiêu đo với openpyxl, như issue 15)")
    for a, b in itertools.pairwise(sizes):
        ta, tb = ra[str(a)]["thidua_s"], ra[str(b)]["thidua_s"]
        print(f"{a:,} → {b:,} cán bộ (×{b / a:.1f}): thời gian ×{tb / ta:.2f}"
              + (f" (mục tiêu ≤ 4,4 với ×4{dau(tb / ta <= 4.4)})" if b == 4 * a else ""))
    print("\nTừng giai đoạn (giây, trung vị; với --jobs > 1 mỗi việc đo trong tiến trình con làm nó) so với sàn:")
    print(f"{'cán bộ':>8} | {'giai đoạn':<34} | {'thidua':>7} | {'sàn':>7} | {'tỷ lệ':>6} | sàn là")
    for n in sizes:
        d = ra[str(n)]
        g, s = d["giai_doan_s"], d["san_s"]
        if not s:
            continue
        hang = [
            ("đọc + kiểm tra", g.get("doc_kiem_tra", 0), s["doc"], "calamine đọc mọi sheet"),
            ("ket-qua.xlsx + so-theo-doi.xlsx", g.get("ket_qua_xlsx", 0) + g.get("so_theo_doi", 0),
             s["excel_xlsxwriter"], "cùng ô, xlsxwriter không định dạng"),
            ("", None, s["excel_openpyxl_write_only"], "cùng ô, openpyxl write-only"),
            ("", None, s.get("excel_zip", 0), "cùng XML thidua ghi, chỉ nén zip (cận dưới)"),
            (f"{d['so_van_ban']} văn bản Word (cả hồ sơ)", g.get("van_ban", 0) + g.get("ho_so", 0), s["word"],
             "XML của docxtpl, Jinja + zip"),
        ]
        for ten, ta, san, la in hang:
            tl = f"{ta / san:>5.1f}×" if ta is not None and san else ""
            ok = dau(ta / san <= 3) if ta is not None and san else ""
            print(f"{n:>8,} | {ten:<34} | {(f'{ta:.2f}' if ta is not None else ''):>7} | {san:>7.2f} | {tl:>6}{ok} | {la}")
        print(f"{'':>8} | {'xét (luật; không có sàn)':<34} | {g.get('xet', 0):>7.2f} |")
        print(f"{'':>8} | {'ngữ cảnh (song song với ghi)':<34} | {g.get('ngu_canh', 0):>7.2f} |")
        print(f"{'':>8} | {'(ghi song song, thời gian thực)':<34} | {g.get('ghi', 0):>7.2f} |")


def _bien_dich_truoc() -> None:
    """thidua's modules compiled to bytecode first, as ``pip install`` does: an editable checkout run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module in every measured process (~0.2 s of
    start-up that no installed copy pays)."""
    import compileall

    import thidua

    compileall.compile_dir(str(Path(thidua.__file__).parent), quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5000,20000", help="cỡ (số cán bộ), cách nhau dấu phẩy; 100000 dùng KiemPhieu")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--lap", type=int, default=3, help="số lần đo mỗi cỡ (báo trung vị)")
    ap.add_argument("--only", choices=["micro", "sizes"], default=None)
    ap.add_argument("--khong-tu-lam", action="store_true", help="không chạy script tự làm để so sánh")
    ap.add_argument("--thu-muc", type=Path, help="nơi giữ dữ liệu sinh ra giữa các lần chạy (mặc định: thư mục tạm)")
    ap.add_argument("--mot", nargs=2, metavar=("VIEC", "CO"), help=argparse.SUPPRESS)
    ap.add_argument("--doc-200000", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="ghi số liệu vào tệp JSON")
    a = ap.parse_args()
    if a.mot:
        _mot(a.mot[0], int(a.mot[1]), a.jobs, a.thu_muc)
        return
    if a.doc_200000:
        print(json.dumps(doc_200000()))
        return
    print(f"Máy: {os.cpu_count()} nhân, Python {sys.version.split()[0]}, {sys.platform}")
    _bien_dich_truoc()
    ket_qua: dict = {}
    if a.only in (None, "micro"):
        micro(ket_qua)
    if a.only in (None, "sizes"):
        sizes = [int(x) for x in a.sizes.split(",")]
        if a.thu_muc:
            a.thu_muc.mkdir(parents=True, exist_ok=True)
            ket_qua["tong_ket"] = cac_co(sizes, a.jobs, a.lap, not a.khong_tu_lam, a.thu_muc.resolve())
        else:
            with tempfile.TemporaryDirectory() as tmp:
                ket_qua["tong_ket"] = cac_co(sizes, a.jobs, a.lap, not a.khong_tu_lam, Path(tmp))
    if a.json:
        a.json.write_text(json.dumps(ket_qua, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
