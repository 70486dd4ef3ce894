"""Benchmark: prints figures and ratios against a naive baseline run in the same process. Never a test.

    python scripts/bench.py                 # everything (several minutes at 20,000 staff)
    python scripts/bench.py --sizes 300,5000 --jobs 2
    python scripts/bench.py --only micro    # the micro-benchmarks only

What is measured (targets from the issues, on a 2-core machine):
  * read + validate 20,000 CaNhan rows in 20 unit files (≤ 1.5 s; ≥ 4× a naive openpyxl cell-by-cell reader);
  * 500 ballots × 300 candidates counted, ranked and decided (≤ 0.5 s after reading);
  * a 1,000-page Giấy khen file (≤ 10 s; vs one docxtpl render per certificate + docxcompose merge);
    a decision whose attached list has 3,000 rows (≤ 5 s);
  * TD_KIEMTRA on 1,000 rows (≤ 50 ms) and TD_TIENTHUONG after the first call (≤ 1 ms);
  * the whole ``tong-ket`` at 300, 5,000 and 20,000 staff: time per stage and peak memory (each size in its own
    process, so the peak is that run's), against the naive way of the same job (naive reading, the same
    decisions, one render per certificate then a merge).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import json
import os
import resource
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
    from thidua.van_ban.ngu_canh import giay_khen

    ctx = giay_khen(kq)
    tep = []
    for i, g in enumerate(ctx["giay_khen"]):
        tpl = DocxTemplate(str(thu_muc_mau_van_ban() / "giay_khen.docx"))
        tpl.render({**ctx, "giay_khen": [dict(g, ngat_trang="")]}, jinja_env=moi_truong(), autoescape=True)
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


def mot_co(so_can_bo: int, jobs: int, ngay_tho: bool = True) -> dict:
    """One size, in this process: generate, run tong-ket, then the naive way of the same job."""
    from thidua.demo import ghi_bo_du_lieu, tao_du_lieu
    from thidua.kiem_tra import kiem_tra
    from thidua.tong_ket import tong_ket
    from thidua.xet import xet

    so_don_vi = {300: 12, 5000: 50}.get(so_can_bo, min(60, max(5, so_can_bo // 100)))
    with tempfile.TemporaryDirectory() as tmp:
        vao, ra = Path(tmp) / "vao", Path(tmp) / "ra"
        t = time.perf_counter()
        du, phu = tao_du_lieu(so_can_bo, so_don_vi, seed=5)
        ghi_bo_du_lieu(du, vao, phu["rng"])
        t_tao = time.perf_counter() - t
        t = time.perf_counter()
        kq = tong_ket([vao], ra, so_tien_trinh=jobs)
        t_ta = time.perf_counter() - t
        rss_ta = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rss_con = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the --jobs render workers
        tho: dict[str, float] = {}
        if not ngay_tho:
            return {"so_can_bo": so_can_bo, "so_don_vi": so_don_vi, "jobs": jobs, "tao_du_lieu_s": t_tao,
                    "tong_ket_s": t_ta, "giai_doan_s": kq.thoi_gian, "rss_dinh_mb": rss_ta,
                    "rss_tien_trinh_con_mb": rss_con, "ngay_tho_s": None, "ngay_tho_tong_s": None}
        t = time.perf_counter()
        doc_ngay_tho(vao)
        tho["doc"] = time.perf_counter() - t
        t = time.perf_counter()
        k = xet(kiem_tra([vao]).du_lieu)
        tho["xet_giong_nhau"] = time.perf_counter() - t
        t = time.perf_counter()
        (Path(tmp) / "tho").mkdir()
        giay_khen_ngay_tho(k, Path(tmp) / "tho")
        tho["giay_khen_tung_to"] = time.perf_counter() - t
        van_ban_khac = kq.thoi_gian["van_ban"]
        tong_tho = tho["doc"] + tho["xet_giong_nhau"] + tho["giay_khen_tung_to"] + van_ban_khac
        return {"so_can_bo": so_can_bo, "so_don_vi": so_don_vi, "jobs": jobs, "tao_du_lieu_s": t_tao,
                "tong_ket_s": t_ta, "giai_doan_s": kq.thoi_gian, "rss_dinh_mb": rss_ta, "rss_tien_trinh_con_mb": rss_con, "ngay_tho_s": tho,
                "ngay_tho_tong_s": tong_tho, "so_van_ban": sum(1 for p in kq.tep_ra if p.suffix == ".docx"),
                "so_giay_khen": sum(1 for _, x in kq.ket_qua.tat_ca() if x.dat and x.danh_hieu.ma == "GK")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="300,5000,20000")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", choices=["micro", "sizes"], default=None)
    ap.add_argument("--ngay-tho-den", type=int, default=10_000,
                    help="chạy cách làm thủ công chỉ đến cỡ này (rất chậm ở 20.000 cán bộ)")
    ap.add_argument("--khong-ngay-tho", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--mot-co", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--doc-200000", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="ghi số liệu vào tệp JSON")
    a = ap.parse_args()
    if a.mot_co:
        print(json.dumps(mot_co(a.mot_co, a.jobs, not a.khong_ngay_tho)))
        return
    if a.doc_200000:
        print(json.dumps(doc_200000()))
        return
    print(f"Máy: {os.cpu_count()} nhân, Python {sys.version.split()[0]}, {sys.platform}")
    ket_qua: dict = {}
    if a.only in (None, "micro"):
        micro(ket_qua)
    if a.only in (None, "sizes"):
        print(f"\n== tong-ket đầu cuối (--jobs {a.jobs}), mỗi cỡ một tiến trình riêng ==")
        print(f"{'cán bộ':>8} {'đơn vị':>7} {'tong-ket':>9} {'đọc+KT':>7} {'xét':>6} {'Excel':>6} {'Word':>6} "
              f"{'RSS đỉnh':>9} {'RSS con':>8} {'thủ công':>9} {'tỷ lệ':>6}")
        cac = []
        for n in (int(x) for x in a.sizes.split(",")):
            lenh = [sys.executable, __file__, "--mot-co", str(n), "--jobs", str(a.jobs)]
            if n > a.ngay_tho_den:
                lenh.append("--khong-ngay-tho")
            r = subprocess.run(lenh, capture_output=True, text=True, check=True)
            d = json.loads(r.stdout.strip().splitlines()[-1])
            cac.append(d)
            g = d["giai_doan_s"]
            print(f"{n:>8} {d['so_don_vi']:>7} {d['tong_ket_s']:>8.1f}s {g['doc_kiem_tra']:>6.1f}s {g['xet']:>5.1f}s "
                  f"{g['ket_qua_xlsx']:>5.1f}s {g['van_ban']:>5.1f}s {d['rss_dinh_mb']:>7.0f}MB "
                  f"{d['rss_tien_trinh_con_mb']:>6.0f}MB "
                  + (f"{d['ngay_tho_tong_s']:>8.1f}s {d['ngay_tho_tong_s'] / d['tong_ket_s']:>5.1f}×"
                     if d["ngay_tho_tong_s"] else f"{'(bỏ qua)':>9} {'':>6}"))
        for a_, b_ in itertools.pairwise(cac):
            print(f"{a_['so_can_bo']} → {b_['so_can_bo']} cán bộ (×{b_['so_can_bo'] / a_['so_can_bo']:.1f}): "
                  f"thời gian ×{b_['tong_ket_s'] / a_['tong_ket_s']:.1f}")
        ket_qua["tong_ket"] = cac
    if a.json:
        a.json.write_text(json.dumps(ket_qua, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
