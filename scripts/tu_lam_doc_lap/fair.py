"""Year-end emulation batch: read unit workbooks, apply LĐTT/GK rules,
render decision + certificates (docxtpl), write results workbook.

An independent do-it-yourself baseline for issue 15, written on 2026-11-29 by a helper session from the issue's
description alone, without seeing ``scripts/bench.py``'s ``chay_tu_lam``. Changed since: file locations, lint, and
the Giấy khen rule (rating HTTNV or better, thidua's default; the brief it was written from said HTXSNV only).
See README, "Benchmark".

usage: python make_templates.py <dir>; python fair.py <input_dir> <out_dir> [<dir>]   (templates: default out_dir)
"""
import sys
import time
from pathlib import Path

t_start = time.perf_counter()
import pandas as pd  # noqa: E402  (imports are timed)
from docxtpl import DocxTemplate  # noqa: E402

t_import = time.perf_counter() - t_start

TIEN_LDTT = 702_000
TIEN_GK = 351_000
NAM = 2025


def read_sheet(xl, sheet, key):
    """Read a sheet as strings; the header row is the first row containing `key`."""
    raw = pd.read_excel(xl, sheet_name=sheet, header=None, dtype=str)
    hit = raw.eq(key).any(axis=1)
    if not hit.any():
        return None
    h = hit.idxmax()
    df = raw.iloc[h + 1:].copy()
    df.columns = [str(c).strip() for c in raw.iloc[h]]
    return df.dropna(how="all")


def read_all(indir):
    files = [indir / "tong-hop.xlsx", *sorted((indir / "don-vi").glob("*.xlsx"))]
    cn, tt = [], []
    for f in files:
        if not f.exists() or f.name.startswith("~$"):
            continue
        with pd.ExcelFile(f, engine="calamine") as xl:
            if "CaNhan" not in xl.sheet_names or "TapThe" not in xl.sheet_names:
                continue
            a = read_sheet(xl, "CaNhan", "Mã CB")
            b = read_sheet(xl, "TapThe", "Mã đơn vị")
        if a is not None:
            a["Tệp"] = f.name
            cn.append(a)
        if b is not None:
            tt.append(b)
    return pd.concat(cn, ignore_index=True), pd.concat(tt, ignore_index=True)


def apply_rules(cn, tt):
    de_nghi = cn["Đề nghị"].fillna("")
    xep_loai = cn["Xếp loại"].fillna("").str.strip().str.upper()
    khong_kl = cn["Kỷ luật"].fillna("").str.strip().eq("")
    cn["LĐTT đạt"] = de_nghi.str.contains("LĐTT", regex=False) & xep_loai.isin(["HTTNV", "HTXSNV"]) & khong_kl
    cn["GK đạt"] = de_nghi.str.contains("GK", regex=False) & xep_loai.isin(["HTTNV", "HTXSNV"]) & khong_kl
    cn["Số tiền"] = cn["LĐTT đạt"] * TIEN_LDTT + cn["GK đạt"] * TIEN_GK
    ten_dv = tt.drop_duplicates("Mã đơn vị").set_index("Mã đơn vị")["Tên tập thể"]
    cn["Tên đơn vị"] = cn["Đơn vị"].map(ten_dv).fillna(cn["Đơn vị"])
    return cn


def vnd(n):
    return f"{int(n):,}".replace(",", ".")


def render_word(cn, outdir, mau):
    ld = cn[cn["LĐTT đạt"]]
    rows = [
        {"stt": i, "ten": t, "don_vi": dv, "chuc_vu": cv, "tien": vnd(tien)}
        for i, (t, dv, cv, tien) in enumerate(
            zip(ld["Họ và tên"].fillna(""), ld["Tên đơn vị"].fillna(""), ld["Chức vụ"].fillna(""), ld["Số tiền"]), 1)
    ]
    doc = DocxTemplate(mau / "tpl_quyet_dinh.docx")
    doc.render({"nam": NAM, "so_nguoi": len(rows), "tong_tien": vnd(ld["Số tiền"].sum()), "rows": rows},
               autoescape=True)
    doc.save(outdir / "quyet-dinh-LDTT.docx")

    gk = cn[cn["GK đạt"]]
    people = [
        {"ten": t, "don_vi": dv, "chuc_vu": cv}
        for t, dv, cv in zip(gk["Họ và tên"].fillna(""), gk["Tên đơn vị"].fillna(""), gk["Chức vụ"].fillna(""))
    ]
    doc = DocxTemplate(mau / "tpl_giay_khen.docx")
    doc.render({"nam": NAM, "people": people}, autoescape=True)
    doc.save(outdir / "giay-khen-GK.docx")
    return len(rows), len(people)


def main():
    indir, outdir = Path(sys.argv[1]), Path(sys.argv[2])
    mau = Path(sys.argv[3]) if len(sys.argv) > 3 else outdir
    outdir.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    cn, tt = read_all(indir)
    cn = apply_rules(cn, tt)
    t1 = time.perf_counter()
    n_ld, n_gk = render_word(cn, outdir, mau)
    t2 = time.perf_counter()
    cn.to_excel(outdir / "ket-qua.xlsx", sheet_name="CaNhan", index=False, engine="openpyxl")
    t3 = time.perf_counter()

    print(f"people={len(cn)} units={len(tt)} LDTT={n_ld} GK={n_gk} "
          f"money={vnd(cn['Số tiền'].sum())}")
    print(f"import={t_import:.2f}s read+rules={t1 - t0:.2f}s word={t2 - t1:.2f}s "
          f"excel={t3 - t2:.2f}s total_in_script={t3 - t_start:.2f}s")


if __name__ == "__main__":
    main()
