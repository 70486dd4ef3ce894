"""Reading workbooks (TECH_NOTES, "Reading workbooks"): python-calamine, sheets and headers found by name,
each row remembering its file, sheet and row. Nothing here interprets values; ``kiem_tra`` does.

Unusable inputs (missing path, not a workbook, password-protected, no known sheet, too large) raise
``TepKhongDocDuoc`` (exit code 2); the input files are only ever opened for reading.

Limits (fixed, not a QuyChe key or an option): a workbook file of at most ``GIOI_HAN_TEP`` bytes (100 MB) whose
parts unpack to at most ``GIOI_HAN_GIAI_NEN`` bytes (1 GB). Both are checked from the file size and the zip
directory before any part is read, so a huge or "zip bomb" file is refused with a message, in bounded memory. A
department's workbook is a few MB; 200,000 rows take about 15 MB.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .loi import CANH_BAO, LOI, TepKhongDocDuoc, VanDe
from .so_do import PHIEU_BAU, TAT_CA_SHEET, Sheet, tim_sheet
from .tieng_viet import khoa_so_khop

DUOI_HOP_LE = (".xlsx", ".xlsm", ".xls")
SO_DONG_TIM_TIEU_DE = 15
GIOI_HAN_TEP = 100 * 1000 * 1000
GIOI_HAN_GIAI_NEN = 1000 * 1000 * 1000
NGUONG_DOC_RIENG = 256 * 1024  # with workers, a file this large (and ≥ 1/5 of the input) is read by one of them


@dataclass
class BangTho:
    """One sheet of one file: the header found, the column of each field, the data rows."""

    tep: str
    ten_sheet: str
    loai: Sheet
    dong_tieu_de: int  # 0-based row index of the header (-1 for key/value sheets)
    cot: dict[str, int]  # field → 0-based column
    dong: list[tuple[int, list[object]]]  # (0-based row index, cells)
    cot_khac: dict[int, str] = field(default_factory=dict)  # extra headed columns (PhieuBau candidates)
    o_loi: dict[tuple[int, int], str] = field(default_factory=dict)  # cells holding #N/A, #REF!, …
    o_gop: list[tuple[int, int, int, int]] = field(default_factory=list)  # merged ranges (r0, c0, r1, c1), 0-based

    def o(self, dong: int, cot: int) -> str:
        return f"{ten_cot(cot + 1)}{dong + 1}"


def ten_cot(so: int) -> str:
    """1 → "A", 27 → "AA" (openpyxl's get_column_letter without importing openpyxl: the core stays pure)."""
    chu = ""
    while so > 0:
        so, du = divmod(so - 1, 26)
        chu = chr(65 + du) + chu
    return chu


def so_cot(chu: str) -> int:
    """"A" → 1, "AA" → 27 (openpyxl's column_index_from_string, without importing openpyxl)."""
    if not chu or not chu.isascii() or not chu.isalpha() or len(chu) > 3:
        raise ValueError(f"'{chu}' không phải tên cột Excel")
    so = 0
    for k in chu.upper():
        so = so * 26 + ord(k) - 64
    return so


_O_EXCEL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def vung(ref: str) -> tuple[int, int, int, int]:
    """"A1:H20" (or one cell "B3", with or without $) → (first column, first row, last column, last row), 1-based,
    as openpyxl's range_boundaries gives them for such a reference."""
    dau, hai_cham, cuoi = ref.partition(":")
    o = [_O_EXCEL.match(x) for x in (dau, cuoi if hai_cham else dau)]
    if o[0] is None or o[1] is None:
        raise ValueError(f"'{ref}' không phải vùng ô Excel")
    (c1, r1), (c2, r2) = ((so_cot(m.group(1)), int(m.group(2))) for m in o)  # type: ignore[union-attr]
    return c1, r1, c2, r2


def la_tep_khoa(p: Path) -> bool:
    """Excel's owner file ``~$Name.xlsx``, present while ``Name.xlsx`` is open in Excel."""
    return p.name.startswith("~$")


def so_bi_khoa(khoa: Path, cac_tep: Iterable[Path]) -> Path | None:
    """The workbook a lock file belongs to: same folder, and the name after ``~$`` (Excel), or that name's end
    (Word-style owner files of long names drop the first one or two characters)."""
    duoi = khoa.name[2:]
    for p in cac_tep:
        if p.parent == khoa.parent and (p.name == duoi or (p.name.endswith(duoi) and 0 < len(p.name) - len(duoi) <= 2)):
            return p
    return None


DUOI_BANG_KHAC = (".csv", ".tsv", ".ods", ".xlsb", ".xltx", ".xltm", ".numbers")  # tables thidua does not read


def liet_ke_dau_vao(dau_vao: Iterable[Path]) -> tuple[list[Path], list[VanDe]]:
    """Files and folders → workbook files in a stable order, and a warning for each one open in Excel (its
    ``~$`` lock file is beside it: unsaved edits will not count). A lock file named on its own is refused with
    the name of the workbook to give instead."""
    tep: list[Path] = []
    khoa: list[tuple[Path, bool]] = []  # (lock file, named by the user)
    bo_qua: list[Path] = []  # tables thidua does not read, found in a folder
    for p in dau_vao:
        p = Path(p)
        if not p.exists():
            raise TepKhongDocDuoc(f"Không tìm thấy '{p}'. Kiểm tra lại đường dẫn tệp hoặc thư mục.")
        if p.is_dir():
            tat_ca = sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in DUOI_HOP_LE)
            bo_qua += sorted(x for x in p.rglob("*") if x.suffix.lower() in DUOI_BANG_KHAC and x.is_file()
                             and not x.name.startswith((".", "~$")))
            con = [x for x in tat_ca if not la_tep_khoa(x)]
            khoa += [(x, False) for x in tat_ca if la_tep_khoa(x)]
            if not con:
                raise TepKhongDocDuoc(f"Thư mục '{p}' không có tệp Excel (.xlsx, .xlsm) nào"
                                      + (" (chỉ có tệp khóa tạm của Excel)." if tat_ca else "."))
            tep.extend(con)
        elif la_tep_khoa(p):
            khoa.append((p, True))
        else:
            tep.append(p)
    tep = list(dict.fromkeys(tep))
    van_de: dict[Path, VanDe] = {}
    for k, ghi_ro in khoa:
        so = so_bi_khoa(k, tep)
        if so is None:
            if ghi_ro:
                raise TepKhongDocDuoc(f"'{k.name}' là tệp khóa tạm Excel tạo ra khi sổ '{k.name[2:]}' đang mở, không "
                                      f"phải sổ dữ liệu. Ghi tên sổ '{k.name[2:]}' (hoặc thư mục chứa nó) thay cho tệp "
                                      "khóa; lưu và đóng sổ trong Excel trước để mọi thay đổi được tính.", tep=str(k))
            continue  # a lock left behind by a closed or deleted workbook
        van_de.setdefault(so, VanDe("tep_dang_mo", CANH_BAO, f"Sổ {so.name} đang mở trong Excel (có tệp khóa "
                                    f"{k.name} bên cạnh): thay đổi chưa lưu sẽ không được tính. Lưu (Ctrl+S) và đóng "
                                    "sổ trong Excel rồi chạy lại.", str(so)))
    if not tep:
        raise TepKhongDocDuoc("Chưa có tệp đầu vào nào. Ghi tên tệp .xlsx hoặc thư mục chứa chúng.")
    # a unit that sent a CSV or an OpenOffice sheet would otherwise vanish from the round without a word
    khac = [VanDe("bo_qua_tep", CANH_BAO, f"Bỏ qua tệp {x.name}: thidua chỉ đọc sổ Excel (.xlsx, .xlsm, .xls). Nếu đây "
                  "là danh sách của một đơn vị, mở bằng Excel và lưu lại dạng .xlsx (Sổ làm việc Excel).", str(x))
            for x in dict.fromkeys(bo_qua)]
    return tep, [*khac, *van_de.values()]


def liet_ke_tep(dau_vao: Iterable[Path]) -> list[Path]:
    """Files and folders → workbook files (Excel's ``~$`` lock files left out), in a stable order."""
    return liet_ke_dau_vao(dau_vao)[0]


def _mb(so_byte: int) -> str:
    return f"{so_byte / 1_000_000:,.0f}".replace(",", ".")


def _kiem_dinh_dang(p: Path) -> None:
    if p.suffix.lower() not in DUOI_HOP_LE:
        raise TepKhongDocDuoc(f"Tệp '{p.name}' không phải tệp Excel (.xlsx, .xlsm). Mở bằng Excel rồi lưu lại "
                              "dạng Excel Workbook (.xlsx).", tep=str(p))
    kich_thuoc = p.stat().st_size
    if kich_thuoc == 0:
        raise TepKhongDocDuoc("Tệp rỗng (0 byte): có thể bị lỗi khi chép. Lấy lại bản gốc từ đơn vị.", tep=str(p))
    with p.open("rb") as f:
        dau = f.read(8)
    if dau.startswith(b"\xd0\xcf\x11\xe0") and p.suffix.lower() != ".xls":  # an OLE2 file: which kind?
        with p.open("rb") as f:
            ole = f.read(min(kich_thuoc, 8 << 20))
        ma_hoa = "EncryptionInfo".encode("utf-16-le") in ole
        if not ma_hoa and ("Workbook".encode("utf-16-le") in ole or "Book".encode("utf-16-le") + b"\x00\x00" in ole):
            raise TepKhongDocDuoc(f"Tệp là sổ Excel 97–2003 (.xls) bị đổi đuôi thành {p.suffix}: đổi tên tệp thành "
                                  f"'{p.stem}.xls' (hoặc mở bằng Excel và lưu lại dạng .xlsx) rồi chạy lại.", tep=str(p))
        if not ma_hoa and "WordDocument".encode("utf-16-le") in ole:
            raise TepKhongDocDuoc(f"Tệp này là văn bản Word 97–2003 (.doc) bị đổi đuôi thành {p.suffix}, không phải sổ "
                                  "Excel. Lấy đúng tệp Excel của đơn vị.", tep=str(p))
        raise TepKhongDocDuoc("Tệp được đặt mật khẩu (mã hóa) nên không đọc được. Mở tệp trong Excel, bỏ mật "
                              "khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại bản không mật khẩu.",
                              tep=str(p))
    if p.suffix.lower() != ".xls" and not dau.startswith(b"PK"):
        raise TepKhongDocDuoc("Tệp không phải sổ làm việc Excel hợp lệ (có thể là tệp khác bị đổi đuôi). Mở bằng "
                              "Excel rồi lưu lại dạng .xlsx.", tep=str(p))
    if kich_thuoc > GIOI_HAN_TEP:
        raise TepKhongDocDuoc(f"Tệp nặng {_mb(kich_thuoc)} MB, quá giới hạn {_mb(GIOI_HAN_TEP)} MB của thidua (sổ thi "
                              "đua của một Sở thường chỉ vài MB) nên không đọc. Có thể tệp chứa ảnh, sheet thừa hoặc "
                              "không phải sổ thi đua: xóa phần thừa, hoặc tách thành một tệp cho mỗi đơn vị.",
                              tep=str(p))
    if dau.startswith(b"PK"):  # a zip package: what it holds says what it is (one look at its directory)
        try:
            with zipfile.ZipFile(p) as z:
                muc = z.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise TepKhongDocDuoc("Tệp bị hỏng (không mở được như sổ Excel). Mở bằng Excel, lưu lại dạng .xlsx rồi "
                                  "chạy lại.", tep=str(p)) from None
        ten = {i.filename for i in muc}
        la = ("văn bản Word (.docx)" if "word/document.xml" in ten else "bản trình chiếu PowerPoint (.pptx)"
              if "ppt/presentation.xml" in ten else "bảng tính OpenOffice/LibreOffice (.ods)" if "content.xml" in ten
              else None)
        if la is not None:
            raise TepKhongDocDuoc(f"Tệp này là {la} bị đổi đuôi thành {p.suffix}, không phải sổ Excel. Lấy đúng tệp "
                                  "Excel của đơn vị (hoặc mở bằng Excel/LibreOffice và lưu lại dạng .xlsx).", tep=str(p))
        if p.suffix.lower() == ".xls" and "xl/workbook.xml" in ten:
            raise TepKhongDocDuoc("Tệp có đuôi .xls nhưng thực ra là sổ .xlsx (đuôi bị đổi): đổi tên tệp thành "
                                  f"'{p.stem}.xlsx' rồi chạy lại.", tep=str(p))
        giai_nen = sum(i.file_size for i in muc)
        if giai_nen > GIOI_HAN_GIAI_NEN:
            raise TepKhongDocDuoc(f"Nội dung tệp khi giải nén là {_mb(giai_nen)} MB, quá giới hạn "
                                  f"{_mb(GIOI_HAN_GIAI_NEN)} MB của thidua nên không đọc (tệp quá lớn hoặc bị làm "
                                  "hỏng). Tách dữ liệu thành nhiều tệp nhỏ hơn, hoặc lấy lại bản gốc.", tep=str(p))


_THE_SHEET = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_THE_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
_THE_REL2 = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')
_O_LOI = re.compile(rb'<c\b([^>]*?)\bt="e"([^>]*)>(?:<f[^>]*>.*?</f>|<f[^>]*/>)?<v>([^<]*)</v>', re.S)
_THAM_CHIEU = re.compile(rb'\br="([A-Z]+)(\d+)"')
# a formula whose value was never computed (a file written by a program, never opened in Excel): no value, or an
# empty one without t="str" (Excel writes t="str" for a formula that computes to "")
_CHUA_TINH = re.compile(rb'<c\b([^>]*)>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)(?:<v>\s*</v>|<v/>)?</c>')
CHUA_TINH = "chưa tính"


def thong_bao_o_loi(gia_tri: str) -> str:
    """The sentence for a cell ``o_loi`` marks: an Excel error value, or a formula never computed."""
    if gia_tri == CHUA_TINH:
        return ("Ô chứa công thức chưa có giá trị (tệp do chương trình khác tạo, chưa mở bằng Excel): mở tệp bằng "
                "Excel, lưu lại rồi chạy lại, hoặc nhập giá trị trực tiếp thay cho công thức.")
    return f"Ô chứa lỗi công thức {gia_tri}; sửa công thức hoặc nhập giá trị trực tiếp."


_DONG_AN = re.compile(rb'<row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_SO_DONG = re.compile(rb'\br="(\d+)"')


def _quet_xml(p: Path) -> tuple[dict[str, dict[tuple[int, int], str]], dict[str, list[int]]]:
    """A cheap scan of the XML of the sheets thidua reads, for what calamine does not say, per sheet name:
    cells whose cached value is an Excel error (#N/A, #REF!, …) or that hold a formula never computed
    (``CHUA_TINH``) — calamine reads them as empty, the message can say "#N/A" or "formula without a value" —
    and the rows hidden in Excel (0-based), which are read all the same."""
    from xml.sax.saxutils import unescape

    ket_qua: dict[str, dict[tuple[int, int], str]] = {}
    an: dict[str, list[int]] = {}
    try:
        with zipfile.ZipFile(p) as z:
            wb = z.read("xl/workbook.xml")
            rels = z.read("xl/_rels/workbook.xml.rels")
            dich = {i: t for i, t in _THE_REL.findall(rels)} | {i: t for t, i in _THE_REL2.findall(rels)}
            for ten, rid in _THE_SHEET.findall(wb):
                dich_den = dich.get(rid)
                if not dich_den or tim_sheet(unescape(ten.decode("utf-8", "replace"))) is None:
                    continue  # only the sheets thidua reads
                duong = dich_den.decode().lstrip("/")
                duong = duong if duong.startswith("xl/") else "xl/" + duong
                try:
                    xml = z.read(duong)
                except KeyError:
                    continue
                ten_sheet = unescape(ten.decode("utf-8"))
                if b'hidden="' in xml:
                    dong_an = [int(m.group(1)) - 1 for the in _DONG_AN.findall(xml) if (m := _SO_DONG.search(the))]
                    if dong_an:
                        an[ten_sheet] = dong_an
                co_cong_thuc = b"<f" in xml
                if not co_cong_thuc and b't="e"' not in xml:
                    continue
                o: dict[tuple[int, int], str] = {}
                for a, b, v in _O_LOI.findall(xml):
                    m = _THAM_CHIEU.search(a + b)
                    if m:
                        o[(int(m.group(2)) - 1, so_cot(m.group(1).decode()) - 1)] = v.decode()
                for thuoc_tinh in _CHUA_TINH.findall(xml) if co_cong_thuc else ():
                    m = _THAM_CHIEU.search(thuoc_tinh)
                    if m and b't="str"' not in thuoc_tinh and b't="e"' not in thuoc_tinh:
                        o[(int(m.group(2)) - 1, so_cot(m.group(1).decode()) - 1)] = CHUA_TINH
                if o:
                    ket_qua[ten_sheet] = o
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}, {}
    return ket_qua, an


def tim_tieu_de(bang: list[list[object]], loai: Sheet) -> tuple[int, dict[str, int], dict[int, str]]:
    """The header row: among the first rows, the one matching the most columns of ``loai``."""
    theo_khoa = {k: cd.khoa for cd in loai.cot for k in cd.cac_khoa}
    tot, dong_tot, cot_tot = 0, -1, {}
    for r, dong in enumerate(bang[:SO_DONG_TIM_TIEU_DE]):
        cot: dict[str, int] = {}
        for c, o in enumerate(dong):
            if o in ("", None) or not isinstance(o, str):
                continue
            khoa = theo_khoa.get(khoa_so_khop(o))
            if khoa is not None and khoa not in cot:
                cot[khoa] = c
        if len(cot) > tot:
            tot, dong_tot, cot_tot = len(cot), r, cot
    khac: dict[int, str] = {}
    if dong_tot >= 0:
        da_dung = set(cot_tot.values())
        for c, o in enumerate(bang[dong_tot]):
            if c not in da_dung and str(o).strip():
                khac[c] = str(o)
    return dong_tot, cot_tot, khac


def doc_sheet(tep: str, ten: str, du_lieu: list[list[object]], o_loi: dict[tuple[int, int], str] | None = None,
              ten_loai: str | None = None) -> tuple[BangTho | None, list[VanDe]]:
    """One sheet's cell values (rows of a 2-D list, as calamine or an open workbook gives them) → its raw table.
    ``ten_loai`` names the kind when the sheet's own name differs (a copy "CaNhan (2)" in xlwings Lite)."""
    loai = tim_sheet(ten_loai or ten)
    if loai is None:
        return None, []
    o_loi = o_loi or {}
    if loai.khoa_gia_tri:
        dong = [(r, d) for r, d in enumerate(du_lieu) if any(x not in ("", None) for x in d)]
        return BangTho(tep, ten, loai, -1, {}, dong, o_loi=o_loi), []
    r, cot, khac = tim_tieu_de(du_lieu, loai)
    if r < 0 and not any(x not in ("", None) for d in du_lieu for x in d):
        return None, []  # an empty sheet (e.g. PhieuBau before the vote) holds nothing to read
    if r < 0:
        return None, [VanDe("thieu_tieu_de", LOI, f"Không tìm thấy dòng tiêu đề trong {SO_DONG_TIM_TIEU_DE} dòng"
                            f" đầu; dòng tiêu đề phải có các cột: "
                            + ", ".join(c.tieu_de for c in loai.cot if c.bat_buoc == "luon") + ".",
                            tep, ten, "A1", 1)]
    dong = [(i, d) for i, d in enumerate(du_lieu[r + 1:], start=r + 1)
            if (d and d[0] not in ("", None)) or any(x not in ("", None) for x in d)]  # not blank (first cell first)
    b = BangTho(tep, ten, loai, r, cot, dong, khac if loai is PHIEU_BAU else {}, o_loi)
    # Columns needed only at year-end (Xếp loại) may be absent from a registration workbook; a row that
    # proposes without a rating is reported by the validator.
    van_de = [VanDe("thieu_cot", LOI, f"Thiếu cột '{c.tieu_de}' ở dòng tiêu đề (dòng {r + 1}); thêm cột này hoặc "
                    "sửa tên cột cho đúng mẫu.", tep, ten, b.o(r, 0), r + 1, c.tieu_de)
              for c in loai.cot if c.bat_buoc == "luon" and c.khoa not in cot]
    return b, van_de


def doc_tep(p: Path, chu_chung: dict[str, str] | None = None) -> tuple[list[BangTho], list[VanDe]]:
    """One workbook → its known sheets as raw tables. Equal texts of the cells are kept once (``chu_chung``: the
    texts already kept, shared by the files of a run): a rating, a title list, a date repeated in thousands of
    rows is one string, not thousands (issue 15: 43 MB of cell text for 20,000 staff, 3 MB once each)."""
    import python_calamine as pc  # here, not at module level: the core imports without it (xlwings Lite)

    _kiem_dinh_dang(p)
    try:
        wb = pc.CalamineWorkbook.from_path(str(p))
    except pc.PasswordError:
        raise TepKhongDocDuoc("Tệp được đặt mật khẩu nên không đọc được; gửi lại bản không mật khẩu.",
                              tep=str(p)) from None
    except (pc.CalamineError, pc.ZipError, pc.XmlError, OSError, ValueError):
        raise TepKhongDocDuoc("Tệp bị hỏng hoặc không phải sổ làm việc Excel (có thể là trang web hay tệp khác lưu "
                              f"với đuôi {p.suffix}). Mở bằng Excel, lưu lại dạng .xlsx rồi chạy lại.",
                              tep=str(p)) from None
    van_de: list[VanDe] = []
    bang_tho: list[BangTho] = []
    o_loi, dong_an = _quet_xml(p) if p.suffix.lower() != ".xls" else ({}, {})
    an = {m.name for m in wb.sheets_metadata if m.visible != pc.SheetVisibleEnum.Visible}
    ten_la: list[tuple[str, Sheet]] = []  # sheets not named as thidua's but headed like one
    for ten in wb.sheet_names:
        loai = tim_sheet(ten)
        if loai is None:
            giong = _giong_sheet(wb, ten)
            if giong is not None:
                ten_la.append((ten, giong))
            continue
        if ten in an:
            van_de.append(VanDe("sheet_an", CANH_BAO, f"Sheet {ten} đang bị ẩn trong Excel nhưng vẫn được đọc như sheet "
                                f"{loai.ten}. Nếu đó là bản cũ, xóa sheet này (hoặc đổi tên) để không bị tính.",
                                str(p), ten, "A1", 1))
        try:
            sheet = wb.get_sheet_by_name(ten)
            du_lieu = sheet.to_python(skip_empty_area=False)
            gop = sheet.merged_cell_ranges or ()  # known once the sheet is read (µs): said only with a problem
        except (pc.CalamineError, pc.XmlError, ValueError) as e:
            raise TepKhongDocDuoc(f"Sheet {ten} không đọc được ({type(e).__name__}); tệp có thể bị hỏng.",
                                  tep=str(p), sheet=ten) from None
        giu = (chu_chung if chu_chung is not None else {}).setdefault
        bang: list[list[object]] = [[giu(x, x) if x.__class__ is str else x for x in d] for d in du_lieu]  # exact str
        b, v = doc_sheet(str(p), ten, bang, o_loi.get(ten, {}))
        if b is not None and gop:
            b.o_gop = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in gop]
        bang_tho += [b] if b is not None else []
        van_de += v
        an_co_du_lieu = sorted(set(dong_an.get(ten, ())) & {r for r, _ in b.dong}) if b is not None else []
        if an_co_du_lieu:
            ds = ", ".join(str(r + 1) for r in an_co_du_lieu[:20]) + (" …" if len(an_co_du_lieu) > 20 else "")
            van_de.append(VanDe("dong_an", CANH_BAO, f"{len(an_co_du_lieu)} dòng có dữ liệu đang bị ẩn trong Excel nhưng "
                                f"vẫn được đọc và tính: dòng {ds}. Nếu đó là người, tập thể không còn xét (đã chuyển "
                                "đi, nghỉ hưu…), xóa hẳn các dòng đó thay vì ẩn; nếu chỉ đang lọc, bỏ lọc là hết cảnh báo.", str(p), ten,
                                f"A{an_co_du_lieu[0] + 1}", an_co_du_lieu[0] + 1))
    if not bang_tho and not van_de:
        goi_y = "".join(f" Sheet '{ten}' có dòng tiêu đề của sheet {loai.ten}: đổi tên sheet thành {loai.ten}."
                        for ten, loai in ten_la)
        raise TepKhongDocDuoc("Tệp không có sheet nào thidua nhận ra; cần ít nhất một trong các sheet "
                              + ", ".join(s.ten for s in TAT_CA_SHEET) + " (xem mẫu: thidua tao-mau)." + goi_y,
                              tep=str(p))
    co_ten = {b.loai.ten for b in bang_tho}
    for ten, loai in ten_la:
        if loai.ten in co_ten:  # a copy beside the real one ("CaNhan (2)", "CaNhan cũ")
            van_de.append(VanDe("sheet_ten_la", CANH_BAO, f"Sheet '{ten}' có dòng tiêu đề giống sheet {loai.ten} nhưng "
                                f"không được đọc (thidua chỉ đọc sheet tên {loai.ten}). Nếu là bản cũ, xóa sheet này "
                                "để khỏi nhầm.", str(p), ten, "A1", 1))
        else:  # renamed: its rows would silently be left out of the round
            van_de.append(VanDe("sheet_ten_la", LOI, f"Sheet '{ten}' có dòng tiêu đề của sheet {loai.ten} nhưng tên sheet "
                                f"không phải {loai.ten}, nên chưa được đọc (các dòng của nó sẽ bị bỏ sót). Đổi tên sheet "
                                f"thành {loai.ten}.", str(p), ten, "A1", 1))
    return bang_tho, van_de


def _giong_sheet(wb: Any, ten: str) -> Sheet | None:
    """The kind of table (CaNhan, TapThe, …) whose required columns the first rows of sheet ``ten`` hold as a
    header, or None: a sheet renamed by hand ("Sheet1", "Danh sách") is found by what it holds."""
    try:
        dau = wb.get_sheet_by_name(ten).to_python(skip_empty_area=False, nrows=SO_DONG_TIM_TIEU_DE)
    except Exception:  # unreadable: not a sheet thidua reads anyway
        return None
    tot: tuple[int, Sheet | None] = (0, None)
    for s in TAT_CA_SHEET:
        if s.khoa_gia_tri:
            continue
        can = {c.khoa for c in s.cot if c.bat_buoc == "luon"}
        r, cot, _ = tim_tieu_de(dau, s)
        if r >= 0 and can and can <= cot.keys() and len(cot) >= 2 and len(cot) > tot[0]:
            tot = (len(cot), s)
    return tot[1]


def dien_o(van_de: list[VanDe], bang: Sequence[BangTho]) -> list[VanDe]:
    """Every problem tied to a row names its cell: one with a file, sheet and row but no cell gets the cell of its
    column (``cot``, a header title), else of the row's first column."""
    theo_sheet = {(b.tep, b.ten_sheet): b for b in bang}
    ra: list[VanDe] = []
    for v in van_de:
        if not v.o and v.dong is not None and v.sheet:
            b = theo_sheet.get((v.tep, v.sheet))
            c = 0
            if b is not None and v.cot:
                cd = next((x for x in b.loai.cot if x.tieu_de == v.cot), None)
                c = b.cot.get(cd.khoa, 0) if cd is not None else 0
            v = dataclasses.replace(v, o=f"{ten_cot(c + 1)}{v.dong}")
        ra.append(v)
    return ra


def ghi_chu_o_gop(van_de: list[VanDe], bang: Sequence[BangTho]) -> list[VanDe]:
    """A problem at a cell inside a merged range (Đơn vị H19:H20 merged, "CCKL" shown: H20 reads as blank) says so
    and how to fix it: Excel keeps a merged range's value in its first cell only. Nothing to do for tables without
    merged cells (the usual case)."""
    gop = {(b.tep, b.ten_sheet): b for b in bang if b.o_gop}
    if not gop:
        return van_de
    ra: list[VanDe] = []
    for v in van_de:
        b = gop.get((v.tep, v.sheet))
        m = _O_EXCEL.match(v.o) if b is not None and v.o else None
        if b is not None and m is not None:
            c, r = so_cot(m.group(1)) - 1, int(m.group(2)) - 1
            vung = next(((r0, c0, r1, c1) for r0, c0, r1, c1 in b.o_gop if r0 <= r <= r1 and c0 <= c <= c1
                         and (r, c) != (r0, c0)), None)
            if vung is not None:
                r0, c0, r1, c1 = vung
                dau, ten_vung = b.o(r0, c0), f"{b.o(r0, c0)}:{b.o(r1, c1)}"
                gia_tri = next((d[c0] for i, d in b.dong if i == r0 and c0 < len(d)), "")
                co = f" ('{gia_tri}')" if gia_tri not in ("", None) else ""
                v = dataclasses.replace(v, thong_bao=f"{v.thong_bao.rstrip()} Ô {v.o} nằm trong vùng ô gộp {ten_vung}: "
                                        f"Excel chỉ giữ giá trị ở ô đầu {dau}{co}, các ô còn lại là trống. Bỏ gộp vùng "
                                        f"{ten_vung} (nút Merge & Center, thẻ Home) rồi ghi {v.cot or 'giá trị'} cho "
                                        "từng dòng.")
        ra.append(v)
    return ra


def doc_dau_vao(dau_vao: Sequence[Path], song_song: Executor | None = None,
                trong_khi_cho: Callable[[list[BangTho]], None] | None = None) \
        -> tuple[list[BangTho], list[VanDe], list[Path]]:
    """Every input → raw tables, problems found while reading, and the list of files read.

    With ``song_song`` (the batch's worker processes), the largest file — the ledger with its years of history, 1.4
    of the 2.1 s of reading 20,000 staff — is read by a worker while this process reads the others (issue 15). The
    result is the same as reading in order: tables in the files' order, and of two unreadable files the first one's
    error. ``trong_khi_cho`` is called once the other files are read, before waiting for that worker, with their
    tables in the files' order (``tong-ket`` then hands out its workers' warm-up, and ``kiem_tra`` reads the staff and
    units meanwhile)."""
    tep, van_de = liet_ke_dau_vao(dau_vao)
    ket: list[tuple[list[BangTho], list[VanDe]] | None] = [None] * len(tep)
    chu_chung: dict[str, str] = {}
    rieng, tuong_lai = _doc_rieng(tep, song_song)
    loi: tuple[int, Exception] | None = None
    try:
        for i, p in enumerate(tep):
            if i != rieng:
                ket[i] = doc_tep(p, chu_chung)
    except Exception as e:  # an unreadable file, or one Excel holds open (PermissionError)…
        if tuong_lai is None:
            raise
        loi = (i, e)
    if tuong_lai is not None:
        if trong_khi_cho is not None and loi is None:
            trong_khi_cho([b for k in ket if k is not None for b in k[0]])
        try:
            ket[rieng] = tuong_lai.result()
        except Exception as e:  # … there or in the worker: the first file's, as reading in order
            if loi is None or rieng < loi[0]:
                loi = (rieng, e)
    if loi is not None:
        raise loi[1].with_traceback(None) from None
    bang: list[BangTho] = []
    for k in ket:
        assert k is not None
        bang += k[0]
        van_de += k[1]
    return bang, van_de, tep


def _doc_rieng(tep: list[Path], song_song: Executor | None) -> tuple[int, Future | None]:
    """The file a worker reads (the largest, when it holds a good part of the input), and its reading."""
    if song_song is None or len(tep) < 2:
        return -1, None
    co = [p.stat().st_size if p.is_file() else 0 for p in tep]
    i = max(range(len(tep)), key=co.__getitem__)
    if co[i] < NGUONG_DOC_RIENG or co[i] < sum(co) / 5:
        return -1, None
    return i, song_song.submit(doc_tep, tep[i])

