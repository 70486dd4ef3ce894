"""Checks of the v2 facts (SPEC §8) that need more than one cell: arrival and transfer, IDs across sheets,
and "one achievement, one form" (Law 2022 Art. 5(2)). Each problem names its cells and says which to change."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import chain
from operator import itemgetter
from pathlib import Path

from .doc_bang import BangTho
from .doc_o import BoGom
from .loi import CANH_BAO, LOI, VanDe
from .mo_hinh import CaNhan, NguonDong, SoTheoDoi, TapThe, ThongTin
from .su_kien import bat_dau_cong_tac, cong_thang, du_thang

TheoTep = dict[tuple[str, str], BangTho]


def _o(theo_tep: TheoTep, n: NguonDong | None, khoa: str) -> str:
    """The cell of a field in the row a record came from ("" when unknown)."""
    if n is None:
        return ""
    b = theo_tep.get((n.tep, n.sheet))
    if b is None or khoa not in b.cot:
        return ""
    return b.o(n.dong - 1, b.cot[khoa])


def _noi(theo_tep: TheoTep, n: NguonDong | None, khoa: str) -> str:
    """"LichSu!C12 (tệp tong-hop.xlsx)" — a cell named for a message."""
    if n is None:
        return ""
    o = _o(theo_tep, n, khoa)
    return f"{n.sheet}!{o or f'dòng {n.dong}'} (tệp {Path(n.tep).name})"


def _van_de(ma_loi: str, muc_do: str, thong_bao: str, theo_tep: TheoTep, n: NguonDong | None, khoa: str,
            ten_cot: str) -> VanDe:
    return VanDe(ma_loi, muc_do, thong_bao, n.tep if n else "", n.sheet if n else "", _o(theo_tep, n, khoa),
                 n.dong if n else None, ten_cot)


def kiem_ca_nhan_moi(cn: CaNhan, tt: ThongTin, them: Callable[[str, str, str, str], None]) -> None:
    """Arrival, transfer and leave of one person, against the round's year."""
    if cn.ngay_vao_co_quan and cn.ngay_vao_co_quan.year > tt.nam:
        them("ngay_vao_co_quan", LOI, f"Ngày vào cơ quan {cn.ngay_vao_co_quan:%d/%m/%Y} sau năm xét {tt.nam}; kiểm "
             "tra lại.", "ngay_vao_co_quan")
    if cn.co_quan_truoc and cn.ngay_vao_co_quan is None:
        them("thieu_ngay_vao_co_quan", CANH_BAO, f"Có Cơ quan trước ({cn.co_quan_truoc}) nhưng chưa có Ngày vào cơ "
             "quan: ghi ngày chuyển đến (dd/mm/yyyy).", "co_quan_truoc")
    if cn.co_quan_truoc and not cn.ghi_chu:
        them("thieu_nhan_xet_co_quan_cu", CANH_BAO, f"Người chuyển đến từ {cn.co_quan_truoc}: ghi ý kiến nhận xét của "
             "cơ quan cũ vào Ghi chú (cơ quan mới bình xét dựa trên ý kiến đó).", "co_quan_truoc")
    tong = sum(k.so_ngay for k in cn.nghi)
    if tong > 366:
        them("gia_tri_khong_hop_le", LOI, f"Nghỉ: tổng {tong} ngày, quá số ngày của một năm; kiểm tra lại.", "nghi")


# the titles whose criteria count the months of service since recruitment (tieu_chuan's time-of-service part of
# the LĐTT standard, which CSTĐCS includes)
CAN_THOI_GIAN_CONG_TAC = frozenset({"LDTT", "CSTDCS"})


def thieu_ngay_tuyen_dung(cn: CaNhan) -> list[str]:
    """The year-end proposals of LĐTT or CSTĐCS of a person with no date to count the service from (no Ngày tuyển
    dụng, nor Ngày vào cơ quan): the decision can only assume the months are complete, said deep in its reason
    (officer's review); [] when there is none. A transfer with its arrival date is not one: the time at the former
    agency counts, and the round knows when they came."""
    if cn.ngay_tuyen_dung is not None or cn.ngay_vao_co_quan is not None:
        return []
    return [d.viet_tat for d in cn.de_nghi if d.ma in CAN_THOI_GIAN_CONG_TAC]


def kiem_ngay_tuyen_dung(cn: CaNhan, them: Callable[[str, str, str, str], None]) -> None:
    """``thieu_ngay_tuyen_dung`` as a warning at the person's cell, before the vote."""
    can = thieu_ngay_tuyen_dung(cn)
    if can:
        them("thieu_ngay_tuyen_dung", CANH_BAO, f"Đề nghị {', '.join(can)} nhưng chưa có Ngày tuyển dụng: không tính "
             "được thời gian công tác tối thiểu, khi xét sẽ coi như đủ. Ghi ngày tuyển dụng (dd/mm/yyyy); người chuyển "
             "đến ghi cả Ngày vào cơ quan.", "ngay_tuyen_dung")


TUOI_TUYEN_DUNG_TOI_THIEU = 15  # sanity bounds of a typed recruitment date (a slip, not a rule of the law):
SO_NAM_TUYEN_DUNG_TOI_DA = 50  # before this age, or this many years before the round, it is asked about


def kiem_ngay_tuyen_dung_hop_ly(cn: CaNhan, nam: int | None, them: Callable[[str, str, str, str], None]) -> None:
    """A recruitment date before the person's 15th birthday, or more than 50 years before the round's year (``nam``,
    None when unknown): accepted, as a warning at its cell (officer's review: 15/03/1920 passed while a birth year of
    2010 is an error) — it decides the months of service."""
    td, ns = cn.ngay_tuyen_dung, cn.ngay_sinh
    if td is None:
        return
    if ns is not None and td < cong_thang(ns, 12 * TUOI_TUYEN_DUNG_TOI_THIEU):
        them("ngay_tuyen_dung_nghi_van", CANH_BAO, f"Ngày tuyển dụng {td:%d/%m/%Y} khi chưa đủ "
             f"{TUOI_TUYEN_DUNG_TOI_THIEU} tuổi (sinh {ns:%d/%m/%Y}): kiểm tra lại ngày tuyển dụng hoặc ngày sinh.",
             "ngay_tuyen_dung")
    elif nam is not None and nam - td.year > SO_NAM_TUYEN_DUNG_TOI_DA:
        them("ngay_tuyen_dung_nghi_van", CANH_BAO, f"Ngày tuyển dụng {td:%d/%m/%Y} cách năm xét {nam} hơn "
             f"{SO_NAM_TUYEN_DUNG_TOI_DA} năm: kiểm tra lại (gõ nhầm năm?).", "ngay_tuyen_dung")


def kiem_ma(ca_nhan: Sequence[CaNhan], tap_the: Sequence[TapThe], so: SoTheoDoi, g: BoGom,
            theo_tep: TheoTep) -> None:
    """IDs across sheets (warnings): a numeric ID that equals another without its leading zeros, and rows of
    LichSu, SangKien and KyLuat whose Mã matches no one in CaNhan or TapThe."""
    noi_co: list[tuple[str, NguonDong | None, str]] = [(c.ma, c.nguon, "Mã CB") for c in ca_nhan]
    noi_co += [(t.ma, t.nguon, "Mã đơn vị") for t in tap_the]
    so_cai: list[tuple[str, NguonDong | None, str]] = [(m.ma, m.nguon, "Mã") for m in so.cac_muc]
    so_cai += [(m.ma, m.nguon, "Mã") for m in so.so_sang_kien]
    so_cai += [(m.ma, m.nguon, "Mã") for m in so.so_ky_luat]

    # leading zeros: the distinct numeric codes grouped by their value; only a group of two or more spellings
    # needs its places (the first cell and the count of each spelling)
    bien_the_cua: dict[str, list[str]] = {}  # code without leading zeros → its spellings, in order of appearance
    for ma in dict.fromkeys(ma for ma, _, _ in chain(noi_co, so_cai)):
        if ma.isdigit():
            bien_the_cua.setdefault(ma.lstrip("0") or "0", []).append(ma)
    can_noi = {ma for bien in bien_the_cua.values() if len(bien) > 1 for ma in bien}
    noi_cua: dict[str, list[tuple[NguonDong | None, str]]] = defaultdict(list)
    if can_noi:
        for ma, n, cot in chain(noi_co, so_cai):
            if ma in can_noi:
                noi_cua[ma].append((n, cot))
    bi_mat_so_0: set[str] = set()
    for bien in bien_the_cua.values():
        if len(bien) < 2:
            continue
        dai_nhat = max(bien, key=lambda m: (len(m), m))
        n_dai = noi_cua[dai_nhat][0][0]
        for ma in bien:
            if ma == dai_nhat:
                continue
            noi = noi_cua[ma]
            bi_mat_so_0.add(ma)
            n, cot = noi[0]
            them = f" (và {len(noi) - 1} ô khác cùng mã)" if len(noi) > 1 else ""
            g.van_de.append(_van_de(
                "ma_mat_so_0", CANH_BAO, f"Mã '{ma}' ở ô này{them} và mã '{dai_nhat}' ở {_noi(theo_tep, n_dai, 'ma')} "
                f"chỉ khác số 0 ở đầu. Nếu là cùng một người/đơn vị, sửa ô này thành '{dai_nhat}' (Excel bỏ số 0 ở đầu "
                "khi ô là số: định dạng ô là Văn bản rồi gõ lại); nếu là hai đối tượng khác nhau, bỏ qua cảnh báo này.",
                theo_tep, n, "ma", cot))

    _kiem_ma_so_ngan(ca_nhan, g, theo_tep, bi_mat_so_0)

    # ledger rows that match nobody
    co_that = {ma for ma, _, _ in noi_co}
    if not co_that:
        return
    la: dict[tuple[str, str], list[NguonDong | None]] = defaultdict(list)
    for ma, n, _ in so_cai:
        if ma not in co_that:
            la[(n.sheet if n else "", ma)].append(n)
    gan_theo_so: dict[str, list[str]] = {}  # numeric codes of CaNhan/TapThe by their value, each list sorted
    if la:
        for x in sorted(co_that):
            if x.isdigit():
                gan_theo_so.setdefault(x.lstrip("0"), []).append(x)
    for (sheet, ma), ds in la.items():
        n = ds[0]
        them = f" ({len(ds)} dòng, dòng đầu ở ô này)" if len(ds) > 1 else ""
        gan = next((x for x in gan_theo_so.get(ma.lstrip("0"), ()) if x != ma), None) if ma.isdigit() else None
        if gan is not None and len(gan) > len(ma):
            goi_y = f"ở CaNhan/TapThe có mã '{gan}': sửa ô này thành '{gan}' (Excel đã bỏ số 0 ở đầu)"
        elif gan is not None:
            goi_y = (f"ở CaNhan/TapThe có mã '{gan}' (thiếu số 0 ở đầu): sửa ô Mã ở đó thành '{ma}' — xem cảnh báo "
                     "ở ô đó")
        else:
            goi_y = ("nếu gõ sai, sửa cho đúng Mã CB ở CaNhan hoặc Mã đơn vị ở TapThe; nếu người/đơn vị này đã chuyển "
                     "đi hoặc giải thể thì bỏ qua cảnh báo")
        g.van_de.append(_van_de(
            "ma_khong_khop", CANH_BAO, f"Mã '{ma}' ở sheet {sheet}{them} không khớp ai ở CaNhan hoặc TapThe, nên "
            f"dòng này không được dùng cho ai; {goi_y}.", theo_tep, n, "ma", "Mã"))


def _o_la_so(theo_tep: TheoTep, n: NguonDong | None, khoa: str) -> bool:
    """Whether the cell of ``khoa`` in the row ``n`` came from holds a number (Excel's General cell), not text."""
    b = theo_tep.get((n.tep, n.sheet)) if n is not None else None
    if n is None or b is None or khoa not in b.cot:
        return False
    i = bisect_left(b.dong, n.dong - 1, key=itemgetter(0))  # the rows of a table are in order
    if i == len(b.dong) or b.dong[i][0] != n.dong - 1:
        return False
    dong, c = b.dong[i][1], b.cot[khoa]
    return c < len(dong) and dong[c].__class__ in (int, float)


def _kiem_ma_so_ngan(ca_nhan: Sequence[CaNhan], g: BoGom, theo_tep: TheoTep, da_noi: set[str]) -> None:
    """A Mã CB Excel stored as a number and shorter than every other code of its unit ("205" among "00201",
    "00202"…, officer's review): its leading zeros were probably dropped, and the code flows into the decisions and
    the ledger. A warning at the cell (one already said by the leading-zero check, ``da_noi``, is not said again).
    Only codes shorter than all others count: a unit numbering its staff 1, 2, … 120 is not warned."""
    theo_don_vi: dict[str, list[CaNhan]] = defaultdict(list)
    for c in ca_nhan:
        if c.don_vi:
            theo_don_vi[c.don_vi].append(c)
    for don_vi, ds in theo_don_vi.items():
        if len(ds) < 2:
            continue
        do_dai = sorted(len(c.ma) for c in ds)
        for c in ds:
            khac = do_dai[1] if len(c.ma) == do_dai[0] else do_dai[0]  # the shortest of the others
            if len(c.ma) >= khac or not c.ma.isdigit() or c.ma in da_noi or not _o_la_so(theo_tep, c.nguon, "ma"):
                continue
            cung = {len(x.ma) for x in ds if x is not c}
            deu_so = len(cung) == 1 and all(x.ma.isdigit() for x in ds if x is not c)
            goi_y = f" (mã đúng có thể là '{c.ma.zfill(khac)}')" if deu_so else ""
            g.van_de.append(_van_de(
                "ma_so_ngan", CANH_BAO, f"Mã CB '{c.ma}' là ô số và ngắn hơn mọi mã khác của đơn vị {don_vi} (từ {khac} "
                f"ký tự): có thể Excel đã bỏ số 0 ở đầu{goi_y}. Nếu vậy, định dạng ô là Văn bản rồi gõ lại đủ mã (mã sai "
                f"đi vào quyết định và sổ theo dõi); nếu mã đúng là '{c.ma}', bỏ qua cảnh báo này.", theo_tep, c.nguon,
                "ma", "Mã CB"))


def kiem_mot_thanh_tich(ca_nhan: Sequence[CaNhan], tap_the: Sequence[TapThe], so: SoTheoDoi, g: BoGom,
                        theo_tep: TheoTep, nam: int, can_cu: str) -> None:
    """Law 2022 Art. 5(2) (``can_cu``: its citation in force, from params/can_cu/mot_thanh_tich.yaml): one
    achievement is not rewarded with several forms. Two forms of commendation (GK,
    BK tỉnh) for the same subject and year's regular achievement are an error naming both cells, unless Ghi
    chú records why (then a warning quoting it). Titles plus one form stay allowed."""
    doi_tuong: list[CaNhan | TapThe] = [*ca_nhan, *tap_the]
    for dt_ in doi_tuong:
        hinh_thuc = [d for d in dt_.de_nghi if d.la_hinh_thuc]
        if not hinh_thuc:
            continue
        o_de_nghi = _noi(theo_tep, dt_.nguon, "de_nghi")
        xung_dot: list[str] = []
        if len(hinh_thuc) >= 2:
            xung_dot.append(f"{' và '.join(d.viet_tat for d in hinh_thuc)} cùng được đề nghị ở {o_de_nghi}")
        for d in hinh_thuc:
            for khac in ("GK", "BKT"):
                if khac == d.ma:
                    continue
                for m in so.muc(dt_.ma, khac, nam):
                    if m.loai_khen_thuong.ma == "THUONG_XUYEN":
                        xung_dot.append(f"{d.viet_tat} đề nghị ở {o_de_nghi} và {m.danh_hieu.viet_tat if m.danh_hieu else khac}"
                                        f" năm {nam} đã ghi ở {_noi(theo_tep, m.nguon, 'danh_hieu')}")
        if not xung_dot:
            continue
        ten = dt_.ho_ten if isinstance(dt_, CaNhan) else dt_.ten
        co_ly_do = bool(dt_.ghi_chu.strip())
        thong_bao = (f"{ten} ({dt_.ma}): một thành tích năm {nam} chỉ được khen một hình thức ({can_cu}): "
                     + "; ".join(xung_dot))
        if co_ly_do:
            g.van_de.append(_van_de("mot_thanh_tich_hai_hinh_thuc", CANH_BAO, thong_bao + f". Ghi chú nêu lý do: "
                                    f"«{dt_.ghi_chu}» — kiểm tra đây là hai thành tích khác nhau.",
                                    theo_tep, dt_.nguon, "de_nghi", "Đề nghị"))
        else:
            g.van_de.append(_van_de("mot_thanh_tich_hai_hinh_thuc", LOI, thong_bao + ". Bỏ một hình thức khỏi Đề nghị, "
                                    "hoặc ghi vào Ghi chú vì sao đây là hai thành tích khác nhau.",
                                    theo_tep, dt_.nguon, "de_nghi", "Đề nghị"))
    # the ledger itself: past decisions cannot be undone here, but the officer should know
    theo_nam: dict[tuple[str, int], list] = defaultdict(list)
    for m in so.cac_muc:
        if m.danh_hieu is not None and m.danh_hieu.la_hinh_thuc and m.loai_khen_thuong.ma == "THUONG_XUYEN":
            theo_nam[(m.ma, m.nam)].append(m)
    for (ma, y), ds in theo_nam.items():
        if len({m.danh_hieu.ma for m in ds}) < 2:
            continue
        a, b = ds[0], next(m for m in ds if m.danh_hieu is not ds[0].danh_hieu)
        g.van_de.append(_van_de(
            "mot_thanh_tich_hai_hinh_thuc", CANH_BAO, f"Sổ theo dõi ghi {a.danh_hieu.viet_tat} ở "
            f"{_noi(theo_tep, a.nguon, 'danh_hieu')} và {b.danh_hieu.viet_tat} ở {_noi(theo_tep, b.nguon, 'danh_hieu')} "
            f"cho {ma} năm {y}: một thành tích chỉ được khen một hình thức ({can_cu}). Nếu một trong hai là khen chuyên đề hoặc đột xuất, ghi cột Loại khen thưởng.",
            theo_tep, b.nguon, "danh_hieu", "Danh hiệu/hình thức"))


def kiem_truoc_cong_tac(ca_nhan: Sequence[CaNhan], so: SoTheoDoi, g: BoGom, theo_tep: TheoTep,
                        so_thang: int | None) -> None:
    """A title in the ledger for a year the person had not yet served in (review of 2026-11-29: a 2024 LĐTT and
    CSTĐCS for someone recruited on 02/08/2024, the ground of a Bằng khen): a year before the start of service
    (``su_kien.bat_dau_cong_tac``: recruitment, or the earlier contract in this agency), or the year it started
    with fewer than ``so_thang`` months left (TT 01/2024 Art. 1(5)(d), the parameter in force on the decision
    date, also for past years; None: that part not checked). A transferred person is not checked (the former
    agency's titles count). A warning, one per person, at the first such row: the ledger may be right and the
    date wrong."""
    for cn in ca_nhan:
        tg = bat_dau_cong_tac(cn)
        bd = tg.bat_dau
        if bd is None or tg.chuyen_den:
            continue
        sai = [m for m in so.cac_muc_cua(cn.ma) if m.danh_hieu is not None and not m.danh_hieu.la_hinh_thuc
               and (m.nam < bd.year or (m.nam == bd.year and so_thang is not None
                                        and not du_thang(bd, so_thang, m.nam)))]
        if not sai:
            continue
        ke = "; ".join(f"{m.danh_hieu.viet_tat} năm {m.nam}" for m in sai if m.danh_hieu is not None)
        g.van_de.append(_van_de("truoc_cong_tac", CANH_BAO, f"{cn.ho_ten} ({cn.ma}): sổ theo dõi ghi {ke} nhưng "
                                f"{tg.mo_ta}: chưa đủ thời gian công tác của năm đó"
                                + (f" (cần {so_thang} tháng)" if so_thang else "") + ". Kiểm tra lại năm ở sổ theo "
                                "dõi hoặc ngày tuyển dụng ở sheet CaNhan.", theo_tep, sai[0].nguon, "nam", "Năm"))
