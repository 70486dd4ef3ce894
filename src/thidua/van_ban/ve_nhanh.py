"""docxtpl without the passes that cannot apply (issue 15, cause 2).

``MauNhanh`` is a ``DocxTemplate`` whose ``render`` gives the same ``word/document.xml`` byte for byte (checked by
``tests/test_hieu_nang.py`` against docxtpl's own ``render`` on every template) but skips work that changes
nothing on large documents:

* ``resolve_listing`` (tabs, line and page breaks in values) walks every paragraph and run with regular
  expressions; here only the paragraphs that contain one of those characters are handed to docxtpl's code.
* ``fix_tables`` (grid columns after ``{%tc %}`` loops) runs a Python function per cell; here one pass per row
  finds whether any table needs fixing, and only then is docxtpl's code run.
* ``map_tree`` moves the rendered body into the document tree, which lxml does node by node with namespace
  reconciliation (quadratic in practice: 1.6 s at 20,000 rows, 36 s at 100,000). Here the rendered body is put
  between the document's own start and end tags as text and the whole part is parsed once.
* A large body's long runs of table rows (``MauDaDich._ve_tung_khuc``) are parsed and written 500 rows at a time;
  rows already written as lxml writes them are not parsed at all: those of a template table whose rows hold
  values in text only (``_bang_mau_chuan``, checked once per template with lxml), when the values are plain text
  that lxml would write unchanged (``_khuc_chuan``); the first such piece of a document is parsed anyway and
  compared, and any difference sends the rest of the document the parsed way.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any, Literal

import jinja2
import jinja2.meta
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import parse_xml, serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.parts.coreprops import CorePropertiesPart
from docxtpl import DocxTemplate
from lxml import etree

_DAC_BIET = ("\t", "\a", "\n", "\f")  # what resolve_listing turns into runs, breaks and paragraphs
_DOAN = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # docxtpl's own paragraph pattern
_THE_BODY = re.compile(r"<w:body(?: [^>]*)?>")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _can_xu_ly(xml: str) -> bool:
    return any(c in xml for c in _DAC_BIET)


_KY_TU = re.compile("[\t\a\n\f]")


def _doan_co_ky_tu(xml: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph ``re.sub(_DOAN, …)`` would match that holds one of ``_DAC_BIET``, found from
    those characters instead of by walking every paragraph (a 20,000-row decision has 18,000 paragraphs and one
    newline, after the XML declaration). A match of ``_DOAN`` holds exactly one ``</w:p>`` (its end: ``.*?``), so
    no match spans the end of a ``</w:p>``: the scan resumed there finds the matches the whole scan finds."""
    ra: list[tuple[int, int]] = []
    for k in _KY_TU.finditer(xml):
        q = k.start()
        if ra and q < ra[-1][1]:
            continue  # in the paragraph just found
        c = xml.rfind("</w:p>", 0, q)
        m = _DOAN.search(xml, c + 6 if c >= 0 else 0)
        if m is not None and m.start() <= q < m.end():
            ra.append(m.span())
    return ra


def _do_rong(r: etree._Element, co_gop_o: bool) -> tuple[int, int]:
    """(cells, span) of a table row: its cell count, and that plus what ``gridSpan`` adds."""
    so_o = len(r.findall(f"{_W}tc"))
    rong = so_o
    if co_gop_o:
        for gs in r.iterfind(f"{_W}tc/{_W}tcPr/{_W}gridSpan"):
            rong += int(gs.get(f"{_W}val")) - 1
    return so_o, rong


def _bang_can_sua(goc: etree._Element, co_gop_o: bool,
                  them: dict[etree._Element, list[tuple[int, int]]] | None = None) -> bool:
    """Whether docxtpl's ``fix_tables`` would change any table: the same arithmetic, per row instead of per cell
    (a row's span is its cell count plus what ``gridSpan`` adds; ``co_gop_o``: the XML has a ``gridSpan``).
    ``them``: (cells, span) of rows a table has beyond those in the tree (rows serialised apart, ``_ve_tung_khuc``)."""
    for t in goc.iter(f"{_W}tbl"):
        luoi = t.find(f"{_W}tblGrid")
        so_cot = len(luoi.findall(f"{_W}gridCol")) if luoi is not None else 0
        rong_nhat = 0
        cac_dong = [_do_rong(r, co_gop_o) for r in t.iter(f"{_W}tr")] + (them or {}).get(t, [])
        for so_o, rong in cac_dong:
            if so_o > so_cot:
                return True  # fix_tables adds columns
            if rong > rong_nhat:
                rong_nhat = rong
        if rong_nhat != so_cot:
            return True  # fix_tables removes (or, past an added column, rescales) columns
    return False


_DONG = re.compile(r"<w:tr[ >].*?</w:tr>", re.DOTALL)
_BANG = re.compile(r"<w:tbl[ >]")
NGUONG_TUNG_KHUC = 1_000_000  # characters of rendered body above which long runs of rows are serialised apart
_KHUC = 500  # rows parsed at once
_CHO = "<!--thidua-dong-{}-->"


_BIEU_THUC = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_GOP_O = re.compile(r'<w:gridSpan w:val="(\d+)"/>')
# what no row written by lxml holds: C0 controls (lxml writes \r as &#13;, drops or rejects the others), and U+FFFE/FFFF
_DIEU_KHIEN = bytes(range(0x20))
_KHONG_PHAI_KY_TU = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def _do_rong_chuoi(dong: str, co_gop_o: bool) -> tuple[int, int]:
    """``_do_rong`` of a row from its text: valid only for rows whose cells are all direct children written as
    lxml writes them (``_dong_mau_chuan`` checks that of every row of the template)."""
    so_o = dong.count("<w:tc>") + dong.count("<w:tc ")
    if co_gop_o and "<w:gridSpan " in dong:
        return so_o, so_o + sum(int(v) - 1 for v in _GOP_O.findall(dong))
    return so_o, so_o


_MO_DONG = re.compile(r"<w:tr[ >]")


def _cac_dong(xml: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of ``_DONG`` in ``xml``, found with ``str.find`` (a lazy ``.*?`` steps through
    every character: 0.3 s over a 20,000-row body): a match runs from ``<w:tr`` + space or ``>`` to the first
    ``</w:tr>`` after it, and the next is looked for from its end."""
    vi_tri = 0
    while (m := _MO_DONG.search(xml, vi_tri)) is not None:
        cuoi = xml.find("</w:tr>", m.end())
        if cuoi < 0:
            return
        vi_tri = cuoi + len("</w:tr>")
        yield m.start(), vi_tri


def _dau_bang(xml: str, vi_tri: int) -> str | None:
    """The text of the table holding position ``vi_tri`` (a row's start) up to its first row or its first Jinja
    tag, whichever comes first: its properties and grid, the same in the template and in the rendered document (a
    ``{%tr for %}`` before the first row is rendered away)."""
    k = vi_tri
    while (k := xml.rfind("<w:tbl", 0, k)) >= 0 and xml[k + 6:k + 7] not in (" ", ">"):
        pass  # <w:tblPr>, <w:tblGrid>…
    r = _MO_DONG.search(xml, k) if k >= 0 else None
    if r is None:
        return None
    the = xml.find("{", k, r.start())
    return xml[k:the if the >= 0 else r.start()]


def _dong_mau_chuan(dong: str, dau: str, cuoi: str, ten_mo: set[str]) -> bool:
    """Whether a table row of a template (as docxtpl compiles it) renders to text that lxml would write unchanged,
    given plain values (escaped, not empty where they are an element's whole text): no statement, comment or
    whitespace control in it, no value inside a tag, no content control or inner table, and the row, its values
    replaced by a letter, parsed and written by lxml as it is, its cells counted from the text as ``_do_rong``
    counts them. Adds to ``ten_mo`` the elements a value opens (an empty value leaves ``<w:t></w:t>``, which lxml
    writes ``<w:t/>``: ``_khuc_chuan`` looks for those)."""
    if "{%" in dong or "{#" in dong or "<w:sdt" in dong or "<w:customXml" in dong or _BANG.search(dong):
        return False
    phan, truoc = [], 0
    for e in _BIEU_THUC.finditer(dong):
        bt = e.group(0)
        mo, dong_the = dong.rfind("<", 0, e.start()), dong.rfind(">", 0, e.start())
        if bt.startswith("{{-") or bt.endswith("-}}") or mo > dong_the or "{{" in bt[2:]:
            return False  # whitespace control, a value inside a tag, a nested expression
        the = dong[mo:dong_the + 1]
        if not the.startswith("</") and not the.endswith("/>"):
            ten_mo.add(the[1:-1].split(" ", 1)[0])
        phan += [dong[truoc:e.start()], "x"]
        truoc = e.end()
    if "{{" in dong[truoc:] or "}}" in dong[truoc:]:
        return False
    phan.append(dong[truoc:])
    mau = "".join(phan)
    try:
        vo = etree.fromstring((dau + mau + cuoi).encode("utf-8"))
    except (etree.XMLSyntaxError, UnicodeEncodeError):
        return False
    than = vo.find(f"{_W}body")
    xml = etree.tostring(vo, encoding="UTF-8", xml_declaration=False)
    a, b = xml.find(b"<w:body>"), xml.rfind(b"</w:body>")
    return (than is not None and len(than) == 1 and a >= 0 and xml[a + len(b"<w:body>"):b] == mau.encode()
            and _do_rong(than[0], True) == _do_rong_chuoi(mau, True))


def _bang_mau_chuan(nguon: str, dau: str, cuoi: str) -> dict[str, frozenset[str]]:
    """The tables of a template whose every row ``_dong_mau_chuan`` accepts, by their text up to the first row
    (``_dau_bang``), with the elements their values open. A table of the rendered document is looked up by that
    text: two tables of the template with the same one count as one (both must be accepted). None of this when
    tables are nested (a row's table is found by text)."""
    cac_dong = list(_cac_dong(nguon))
    if any(_BANG.search(nguon, a, b) for a, b in cac_dong):
        return {}
    theo_bang: dict[str, set[str] | None] = {}
    for a, b in cac_dong:
        khoa = _dau_bang(nguon, a)
        if khoa is None:
            continue
        ten_mo = theo_bang.get(khoa, set())
        if ten_mo is None or not _dong_mau_chuan(nguon[a:b], dau, cuoi, ten_mo):
            theo_bang[khoa] = None
        else:
            theo_bang[khoa] = ten_mo
    return {k: frozenset(v) for k, v in theo_bang.items() if v is not None}


def _khuc_chuan(khuc: str, ten_mo: frozenset[str]) -> bytes | None:
    """The UTF-8 of rendered rows when lxml would write them unchanged (see ``_dong_mau_chuan``: the template's
    rows are; here the values are checked): no character reference (markupsafe writes quotes as &#34; and &#39;,
    lxml writes them as they are), no empty element a value opens, no control character or non-character.
    None: parse and write them."""
    if "&#" in khuc or any(f"></{t}>" in khuc for t in ten_mo):
        return None
    try:
        b = khuc.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if len(b.translate(None, _DIEU_KHIEN)) != len(b) or any(x in b for x in _KHONG_PHAI_KY_TU):
        return None
    return b


class _KhongTheTach(Exception):
    """The body does not suit the serialisation by pieces: the plain way is used."""


class MauNhanh(DocxTemplate):
    """A DocxTemplate that renders the same document faster (see the module's docstring)."""

    def resolve_listing(self, xml: str) -> str:
        if not _can_xu_ly(xml):
            return xml
        goc = super().resolve_listing
        ra: list[str] = []
        truoc = 0
        for a, b in _doan_co_ky_tu(xml):
            ra += [xml[truoc:a], goc(xml[a:b])]
            truoc = b
        if not ra:
            return xml
        ra.append(xml[truoc:])
        return "".join(ra)

    def render(self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None,
               autoescape: bool = False) -> None:
        self.render_init()
        if autoescape:
            if not jinja_env:
                jinja_env = jinja2.Environment(autoescape=autoescape)
            else:
                jinja_env.autoescape = autoescape
        than = self.build_xml(context, jinja_env)
        goc = self.docx._element
        vo = etree.tostring(goc, encoding="unicode")
        mo, cuoi = _THE_BODY.search(vo), vo.rfind("</w:body>")
        m = _THE_BODY.match(than)
        if mo is None or cuoi < 0 or m is None or "xmlns" in than[m.end():]:
            # docxtpl's own way: an unusual document, or fragments (pictures) declaring namespaces of their own,
            # which lxml drops when it moves them into the document
            tree = self.fix_tables(than)
            self.fix_docpr_ids(tree)
            self.map_tree(tree)
        else:
            # the body's namespace declarations are the document's (it was serialised out of it)
            xml = vo[:mo.start()] + "<w:body>" + than[m.end():] + vo[cuoi:]
            moi = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True))
            than_moi = moi.find(f"{_W}body")
            if _bang_can_sua(than_moi, "gridSpan" in than):
                tree = self.fix_tables(than)
                self.fix_docpr_ids(tree)
                self.map_tree(tree)
            else:
                if "docPr" in than:
                    self.fix_docpr_ids(moi)
                self.docx.part._element = moi
        for ma, x in self.build_headers_footers_xml(context, self.HEADER_URI, jinja_env):
            self.map_headers_footers_xml(ma, x)
        for ma, x in self.build_headers_footers_xml(context, self.FOOTER_URI, jinja_env):
            self.map_headers_footers_xml(ma, x)
        self.render_properties(context, jinja_env)
        self.render_footnotes(context, jinja_env)
        self.is_rendered = True


_DOAN_MO = re.compile(r"<w:p([ >])")
_THUOC_TINH = ("author", "comments", "identifier", "language", "subject", "title")  # what docxtpl renders
_CHU_THICH = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _sau_jinja(mau: DocxTemplate, xml: str) -> str:
    """What docxtpl's ``render_xml_part`` does to a part after Jinja (its own steps, in its order; its
    ``re.sub(r"\n<w:p([ >])", r"<w:p\1")`` as two plain replacements: the same text, without a Python call per
    paragraph — 150,000 of them in a 20,000-row decision)."""
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return mau.resolve_listing(xml)


def _bien_dich(env: jinja2.Environment, xml: str) -> Any:
    """A part's patched XML compiled by Jinja, each paragraph on its own line as docxtpl renders it."""
    return env.compile(_DOAN_MO.sub(r"\n<w:p\1", xml))


def _tu_ma(env: jinja2.Environment, ma: Any) -> jinja2.Template:
    """A template from code ``env.compile`` gave (what ``Environment.from_string`` does after compiling)."""
    return env.template_class.from_code(env, ma, env.make_globals(None), None)


class MauDaDich:
    """One template prepared once for many renders (issue 15: a hồ sơ renders the same achievement report for
    every candidate; docxtpl re-opens the package, re-patches and re-compiles every part on each render, ~60 ms a
    document). Here the package is opened, each part docxtpl renders is patched and compiled by Jinja once, and
    the parts docxtpl does not touch are serialised and compressed once, exactly as python-docx saves them. ``ve``
    gives the bytes of a .docx whose every part equals docxtpl's ``render`` + ``save`` byte for byte (tested on
    every template; the zip's timestamps differ, and the rendered parts come after the shared ones). Whatever this path does not cover — a table docxtpl's ``fix_tables`` would
    change, a rendered body declaring namespaces of its own, footnotes — renders the plain way (``MauNhanh``)."""

    def __init__(self, duong_dan: str, moi_truong: jinja2.Environment, ban_luu: dict[str, Any] | None = None,
                 noi_dung: bytes | None = None) -> None:
        """Prepare ``duong_dan`` (``noi_dung``: its bytes, when already read); ``ban_luu``: what an earlier
        preparation of the same template left (``ban_luu()``, kept on disk by ``luu_mau``), taken instead of
        opening and compiling the template again."""
        self.duong_dan = duong_dan
        self.env = moi_truong
        if ban_luu is None:
            ban_luu = self._chuan_bi(io.BytesIO(noi_dung) if noi_dung is not None else duong_dan, moi_truong)
        self._ban_luu = ban_luu
        self.bien: frozenset[str] | None = ban_luu["bien"]  # the variables it uses (not on the plain path)
        self.cham: bool = ban_luu["cham"]
        if self.cham:
            return
        self._mau = MauNhanh.__new__(MauNhanh)  # its steps after Jinja (resolve_listing, docPr ids) use no state
        self._dau, self._cuoi = ban_luu["dau"], ban_luu["cuoi"]
        self._bang_chuan: dict[str, frozenset[str]] = ban_luu["bang_chuan"]
        self._co_ma = False
        # a value given as markup (``__html__``: docxtpl's RichText, Listing, ``|safe``) is XML no check has seen:
        # seen by ``finalize`` where rows are taken as they are (_ve_tung_khuc)
        env = moi_truong.overlay(finalize=self._xem_gia_tri) if self._bang_chuan else moi_truong
        self._than = _tu_ma(env, ban_luu["than"])
        self._ten_than = ban_luu["ten_than"]
        self._dau_chan = [(ten, _tu_ma(moi_truong, ma)) for ten, ma in ban_luu["dau_chan"]]
        self._thuoc_tinh = [(t, _tu_ma(moi_truong, ma)) for t, ma in ban_luu["thuoc_tinh"]]
        self._phan_tt = CorePropertiesPart.load(PackURI(ban_luu["ten_tt"]), CT.OPC_CORE_PROPERTIES,
                                                ban_luu["tt"], None)  # type: ignore[arg-type]
        self._chung: bytes = ban_luu["chung"]

    def ban_luu(self) -> dict[str, Any]:
        """What preparing this template produced, as plain values and compiled code (``marshal``-able)."""
        return self._ban_luu

    @staticmethod
    def _chuan_bi(nguon_mau: str | io.BytesIO, moi_truong: jinja2.Environment) -> dict[str, Any]:
        mau = MauNhanh(nguon_mau)
        mau.render_init()
        doc = mau.docx
        cham = any(p.content_type == _CHU_THICH for p in doc.part.package.parts)
        vo = etree.tostring(doc._element, encoding="unicode")
        mo, cuoi = _THE_BODY.search(vo), vo.rfind("</w:body>")
        if cham or mo is None or cuoi < 0:
            return {"cham": True, "bien": None}
        dau, cuoi_ = vo[:mo.start()] + "<w:body>", vo[cuoi:]
        nguon = mau.patch_xml(mau.get_xml())
        bang_chuan = _bang_mau_chuan(nguon, dau, cuoi_)
        # compiled as the render will run it: with ``finalize`` where rows are taken as they are (see __init__)
        env = moi_truong.overlay(finalize=lambda v: v) if bang_chuan else moi_truong
        dau_chan = [(p.partname.membername, mau.patch_xml(mau.get_part_xml(p)))
                    for uri in (mau.HEADER_URI, mau.FOOTER_URI) for _, p in mau.get_headers_footers(uri)]
        cp = doc.core_properties
        phan_tt = doc.part.package._core_properties_part
        buf = io.BytesIO()
        doc.save(buf)
        ten_than = doc.part.partname.membername
        doi = {ten_than, phan_tt.partname.membername, *(ten for ten, _ in dau_chan)}
        # the parts every render shares (styles, theme, settings…), compressed once: a render appends its own
        # parts to a copy of these bytes ([Content_Types].xml stays first), ~3 ms less a document
        chung = io.BytesIO()
        with zipfile.ZipFile(buf) as z, zipfile.ZipFile(chung, "w", zipfile.ZIP_DEFLATED) as ra:
            for ten in z.namelist():
                if ten not in doi:
                    ra.writestr(ten, z.read(ten))
        return {
            "cham": False, "dau": dau, "cuoi": cuoi_, "bang_chuan": bang_chuan,
            "than": _bien_dich(env, nguon), "ten_than": ten_than,
            "dau_chan": [(ten, _bien_dich(moi_truong, x)) for ten, x in dau_chan],
            # what docxtpl's get_undeclared_template_variables parses (body, then headers and footers, each
            # patched), from the parts already patched here instead of opening the package again
            "bien": frozenset(jinja2.meta.find_undeclared_variables(
                moi_truong.parse(nguon + "".join(x for _, x in dau_chan)))),
            "thuoc_tinh": [(t, moi_truong.compile(getattr(cp, t))) for t in _THUOC_TINH],
            "ten_tt": str(phan_tt.partname), "tt": phan_tt.blob, "chung": chung.getvalue(),
        }

    def _xem_gia_tri(self, v: Any) -> Any:
        if hasattr(v, "__html__"):
            self._co_ma = True
        return v

    def _ve_cham(self, bien: dict[str, Any]) -> bytes:
        mau = MauNhanh(self.duong_dan)
        mau.render(bien, jinja_env=self.env, autoescape=True)
        buf = io.BytesIO()
        mau.save(buf)
        return buf.getvalue()

    def _ve_tung_khuc(self, sau_body: str, co_gop_o: bool) -> bytes | Literal[False]:
        """``document.xml`` of a large body, serialised by pieces (issue 15: lxml's tree of an 18,000-row decision
        takes ~300 MB). Each long run of table rows (a ``{%tr for %}`` loop) is cut out of the body and replaced
        by a marker; the rest — small — is parsed and serialised as the whole was; the rows are parsed and
        serialised ``_KHUC`` at a time inside the document's own root (its namespace declarations, so that a row
        serialises exactly as within the document); then put back at their markers. The same bytes as one
        parse (tested). False: a table needs docxtpl's ``fix_tables`` (the caller renders the plain way)."""
        cac_loat: list[tuple[int, int, int]] = []  # (start, end, number of rows) of runs of adjacent rows
        dong_cua_loat: list[list[tuple[int, int]]] = []  # the (start, end) of each row of each run
        dau = cuoi = -1
        hang: list[tuple[int, int]] = []
        for x, y in _cac_dong(sau_body):
            if x == cuoi:
                cuoi = y
                hang.append((x, y))
                continue
            if len(hang) >= _KHUC:
                cac_loat.append((dau, cuoi, len(hang)))
                dong_cua_loat.append(hang)
            dau, cuoi, hang = x, y, [(x, y)]
        if len(hang) >= _KHUC:
            cac_loat.append((dau, cuoi, len(hang)))
            dong_cua_loat.append(hang)
        if not cac_loat:
            raise _KhongTheTach
        phan, truoc = [], 0
        for i, (a, b, _) in enumerate(cac_loat):
            if _BANG.search(sau_body, a, b):  # a table inside a row: a row's end is not found by text
                raise _KhongTheTach
            phan += [sau_body[truoc:a], _CHO.format(i)]
            truoc = b
        phan.append(sau_body[truoc:])
        khung = etree.fromstring((self._dau + "".join(phan) + self._cuoi).encode("utf-8"),
                                 parser=etree.XMLParser(recover=True))
        cho = {c.text: c for c in khung.iter(etree.Comment) if c.text and c.text.startswith("thidua-dong-")}
        them: dict[etree._Element, list[tuple[int, int]]] = {}
        khuc_xml: list[bytes] = []
        # rows lxml would write unchanged are taken as they are, once the first piece of the document taken that
        # way has been parsed and written and found equal (issue 15: 0.5 s of 2.4 at 20,000 rows)
        nhanh = not self._co_ma
        doi_chieu = False
        for i, (a, _, so_dong) in enumerate(cac_loat):
            khoa = _dau_bang(sau_body, a) if nhanh else None
            ten_mo = self._bang_chuan.get(khoa) if khoa is not None else None
            c = cho.get(_CHO.format(i)[4:-3])
            bang = c.getparent() if c is not None else None
            if bang is None or bang.tag != f"{_W}tbl" or any(x.tag == f"{_W}tbl" for x in bang.iterancestors()):
                raise _KhongTheTach
            rong = them.setdefault(bang, [])
            cac_dong = [sau_body[x:y] for x, y in dong_cua_loat[i]]
            ra = []
            for k in range(0, so_dong, _KHUC):
                khuc = cac_dong[k:k + _KHUC]
                chuoi = "".join(khuc)
                san = _khuc_chuan(chuoi, ten_mo) if ten_mo is not None else None
                if san is not None and doi_chieu:
                    rong += [_do_rong_chuoi(d, co_gop_o) for d in khuc]
                    ra.append(san)
                    continue
                vo = etree.fromstring((self._dau + chuoi + self._cuoi).encode("utf-8"),
                                      parser=etree.XMLParser(recover=True))
                than_vo = vo.find(f"{_W}body")
                if than_vo is None or len(than_vo) != len(khuc):
                    raise _KhongTheTach
                rong += [_do_rong(r, co_gop_o) for r in than_vo]
                xml = etree.tostring(vo, encoding="UTF-8", xml_declaration=False)
                mo, dong = xml.find(b"<w:body>"), xml.rfind(b"</w:body>")
                if mo < 0 or dong < 0:
                    raise _KhongTheTach
                ra.append(xml[mo + len(b"<w:body>"):dong])
                if san is not None:
                    doi_chieu = san == ra[-1]
                    if not doi_chieu:  # a case the checks above miss: the rest of the document is parsed
                        ten_mo, nhanh = None, False
            khuc_xml.append(b"".join(ra))
        if _bang_can_sua(khung.find(f"{_W}body"), co_gop_o, them):
            return False
        xml = serialize_part_xml(khung)
        for i, hang_xml in enumerate(khuc_xml):
            moc = _CHO.format(i).encode()
            if xml.count(moc) != 1:
                raise _KhongTheTach
            xml = xml.replace(moc, hang_xml)
        return xml

    def ve(self, bien: dict[str, Any]) -> bytes:
        """The .docx of this context (``bien``: the render point's dict, NFC)."""
        if self.cham:
            return self._ve_cham(bien)
        mau = self._mau
        self._co_ma = False
        than = _sau_jinja(mau, self._than.render(bien))
        m = _THE_BODY.match(than)
        if m is None or "xmlns" in than[m.end():]:
            return self._ve_cham(bien)
        than_xml: bytes | None = None
        if len(than) > NGUONG_TUNG_KHUC and "docPr" not in than:
            try:
                tung_khuc = self._ve_tung_khuc(than[m.end():], "gridSpan" in than)
            except _KhongTheTach:
                tung_khuc = None
            if tung_khuc is False:
                return self._ve_cham(bien)
            than_xml = tung_khuc if isinstance(tung_khuc, bytes) else None
        if than_xml is None:
            moi = etree.fromstring((self._dau + than[m.end():] + self._cuoi).encode("utf-8"),
                                   parser=etree.XMLParser(recover=True))
            if _bang_can_sua(moi.find(f"{_W}body"), "gridSpan" in than):
                return self._ve_cham(bien)
            if "docPr" in than:
                mau.docx_ids_index = 1000
                mau.fix_docpr_ids(moi)
            than_xml = serialize_part_xml(moi)
        del than
        thay = {self._ten_than: than_xml}
        for ten, tpl in self._dau_chan:
            xml = _sau_jinja(mau, tpl.render(bien)).encode("utf-8")  # bytes, as docxtpl's XmlPart.load parses
            thay[ten] = serialize_part_xml(parse_xml(xml))  # type: ignore[arg-type]
        cp = self._phan_tt.core_properties
        for t, tpl in self._thuoc_tinh:
            setattr(cp, t, tpl.render(bien))
        thay[self._phan_tt.partname.membername] = self._phan_tt.blob
        ra = io.BytesIO(self._chung)
        ra.seek(0, io.SEEK_END)
        with zipfile.ZipFile(ra, "a", zipfile.ZIP_DEFLATED) as z:
            for ten, b in thay.items():
                z.writestr(ten, b)
        return ra.getvalue()
