"""Every word the command line prints is Vietnamese — translated once, at the typer/click boundary.

typer (0.29, with its vendored click) writes its help and usage errors in English with no translation catalogue.
Rather than touching each command, the ``thidua`` group and its commands use the classes below:

* ``NhomViet`` / ``LenhViet`` — a context whose help formatter says "Cách dùng:", "Tùy chọn", "Đối số", "Lệnh"; the
  usage line shows ``[TUY_CHON]``; ``-h/--help`` is described in Vietnamese; any command registered without
  ``cls=LenhViet`` is given it when the group looks it up.
* ``_TuyChon`` / ``_DoiSo`` — each option and argument shows a Vietnamese placeholder (``SO``, ``DUONG_DAN``, …)
  instead of ``<int range>``/``<list[Path]>``, "mặc định", "bắt buộc" and "từ 1 đến 32" instead of
  ``[default: 1; 1<=x<=32]``, and no ``{NAME}`` braces in the usage line.
* ``NhomViet.main`` prints usage errors itself, in Vietnamese: "Lỗi: Không có tùy chọn --job …", "Thiếu tùy chọn
  '-o' / '--ra'", "… phải lớn hơn hoặc bằng 1" (pydantic's validation errors read from their type and context).
* typer's rich help panels (used when a command asks for ``rich_markup_mode``) get Vietnamese titles too.
* ``_EpNhanh`` — a path, a list of paths, a plain number or text typed correctly is taken as typer would take it,
  without importing pydantic (typer 0.29 coerces every value through a pydantic ``TypeAdapter``: ~0.1 s of every
  command's start-up, issue 15); anything else — a wrong value, a choice, a range missed — goes to typer's own
  coercion, so its errors (and their Vietnamese wording here) are unchanged.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from typer import _click as click
from typer._click import exceptions as loi_click
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption, _TyperParameter

try:  # typer's internals for the fast path (``_EpNhanh``); another typer: its own coercion, as it is
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
except ImportError:  # pragma: no cover
    RuntimeParam = None  # type: ignore[assignment,misc]

TIEU_DE_MUC = {"Arguments": "Đối số", "Options": "Tùy chọn", "Commands": "Lệnh"}
CACH_DUNG = "Cách dùng: "
TUY_CHON = "[TUY_CHON]"
LENH = "LENH [DOI_SO]..."
TRO_GIUP = "Hiện hướng dẫn này rồi thoát."

_NHAN_KIEU = {"int": "SO", "int range": "SO", "float": "SO", "float range": "SO", "str": "CHU", "datetime": "NGAY",
              "date": "NGAY", "path": "DUONG_DAN", "file": "TEP", "directory": "THU_MUC", "bool": "CO|KHONG",
              "list[Path]": "DUONG_DAN...", "list[str]": "CHU...", "list[int]": "SO..."}


def nhan_kieu(nhan: str | None) -> str | None:
    """typer's type label (``<int range>``) → a Vietnamese placeholder (``SO``)."""
    if not nhan:
        return nhan
    tran = nhan[1:-1] if nhan.startswith("<") and nhan.endswith(">") else nhan
    return _NHAN_KIEU.get(tran, tran)


def khoang(nho: float | None, lon: float | None) -> str | None:
    if nho is None and lon is None:
        return None
    if nho is None:
        return f"tối đa {lon}"
    if lon is None:
        return f"từ {nho} trở lên"
    return f"từ {nho} đến {lon}"


_PHU_CHU = [("default: ", "mặc định: "), ("env var: ", "biến môi trường: "), ("(dynamic)", "(tự tính)")]


def _dich_phu_chu(tro_giup: str) -> str:
    """The bracket typer appends to a parameter's help ("[default: 1; required]")."""
    m = re.search(r"\[([^\[\]]*)\]\s*$", tro_giup)
    if not m:
        return tro_giup
    phan = []
    for p in m.group(1).split("; "):
        for a, b in _PHU_CHU:
            p = p.replace(a, b)
        phan.append("bắt buộc" if p == "required" else p)
    return tro_giup[:m.start()] + "[" + "; ".join(phan) + "]"


_SO_NGUYEN = re.compile(r"[0-9]+")
_KHONG_CO = object()


def _ep_nhanh(mo_ta: TypeDescriptor, gia_tri: Any, param: Any, ctx: click.Context) -> Any:
    """``gia_tri`` as typer's pydantic adapter would give it, when it is plain enough to know without pydantic;
    else ``_KHONG_CO``. Paths go through typer's own ``coerce_cli_path`` (its checks and messages), given a ``Path``
    — what pydantic makes of a string (``Path(str)``) — so that it does not call pydantic itself."""
    tt, kieu = mo_ta.parameter_info, mo_ta.annotation
    if tt.parser is not None or mo_ta.file_annotation is not None:
        return _KHONG_CO

    def duong_dan(v: Any) -> Any:
        if not isinstance(v, str | Path) or tt.path_type is not None:
            return _KHONG_CO
        return coerce_cli_path(Path(v), tt, path_type=Path, param=param, ctx=ctx)

    if kieu is Path:
        return duong_dan(gia_tri)
    if kieu == list[Path] and isinstance(gia_tri, list | tuple):
        ra = [duong_dan(v) for v in gia_tri]
        return _KHONG_CO if any(v is _KHONG_CO for v in ra) else ra
    if kieu is str and isinstance(gia_tri, str):
        return gia_tri
    if kieu is int and not tt.clamp and (type(gia_tri) is int or (isinstance(gia_tri, str)
                                         and _SO_NGUYEN.fullmatch(gia_tri))):  # digits only: as pydantic reads them
        so = int(gia_tri)
        if (tt.min is None or so >= tt.min) and (tt.max is None or so <= tt.max):
            return so
    if isinstance(kieu, type) and issubclass(kieu, Enum):  # typer's own matching; a value not among them: its error
        try:
            return coerce_cli_choice(gia_tri, choices=list(kieu), case_sensitive=tt.case_sensitive, ctx=ctx)
        except ValueError:
            return _KHONG_CO
    return _KHONG_CO


if RuntimeParam is not None:
    @dataclass(frozen=True)
    class _EpNhanh(RuntimeParam):  # type: ignore[misc]
        """typer's coercion of one parameter: the plain values by ``_ep_nhanh``, the rest by typer's own."""

        mo_ta: TypeDescriptor

        def _coerce_value(self, value: Any, param: Any, ctx: click.Context) -> Any:
            ra = _ep_nhanh(self.mo_ta, value, param, ctx)
            if ra is _KHONG_CO:
                return build_runtime_param(self.mo_ta)._coerce_value(value, param=param, ctx=ctx)
            return ra


def _lay_ep_nhanh(self: Any) -> Any:
    """``get_runtime_param`` of ``_TuyChon`` and ``_DoiSo`` (a method of each, not a mixin class: typer's parameters
    become them by ``__class__`` assignment, which a further base would refuse): ``_EpNhanh`` in place of typer's
    coercion."""
    if RuntimeParam is None:  # pragma: no cover
        return _TyperParameter.get_runtime_param(self)
    if self._runtime_param is None:
        mo_ta = self.type_descriptor
        self._runtime_param = _EpNhanh(mo_ta.parameter_info, mo_ta.annotation, mo_ta)
    return self._runtime_param


class _TuyChon(TyperOption):
    get_runtime_param = _lay_ep_nhanh

    def display_type_rich(self, ctx: click.Context) -> str | None:
        if self.metavar is not None:
            return self.metavar
        return None if self.is_flag else nhan_kieu(super().display_type_rich(ctx))

    def _get_number_range_help_str(self) -> str | None:
        if self.count and self.min == 0 and self.max is None:
            return None
        return khoang(self.min, self.max)

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        ban_ghi = super().get_help_record(ctx)
        return None if ban_ghi is None else (ban_ghi[0], _dich_phu_chu(ban_ghi[1]))


class _DoiSo(TyperArgument):
    get_runtime_param = _lay_ep_nhanh

    @property
    def display_name_raw(self) -> str:
        return self.metavar if self.metavar is not None else (self.name or "").upper()

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None  # the placeholder (DAU_VAO) says it; no "<list[Path]>" beside it

    def _usage_display_name(self) -> str:
        ten = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return ten + ("..." if self.nargs != 1 else "")

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    def _get_number_range_help_str(self) -> str | None:
        return khoang(getattr(self, "min", None), getattr(self, "max", None))

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        ban_ghi = super().get_help_record(ctx)
        return None if ban_ghi is None else (ban_ghi[0], _dich_phu_chu(ban_ghi[1]))


class _DinhDang(click.HelpFormatter):
    """click's help formatter with Vietnamese headings and usage prefix."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, CACH_DUNG if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(TIEU_DE_MUC.get(name, name)):
            yield


class _NguCanh(click.Context):
    formatter_class = _DinhDang


def _viet_hoa_tham_so(ds: Sequence[click.Parameter]) -> None:
    for p in ds:
        if type(p) is TyperOption:
            p.__class__ = _TuyChon
        elif type(p) is TyperArgument:
            p.__class__ = _DoiSo


class _TroGiup:
    """What a Vietnamese group and command share: context, placeholders, the help option's text."""

    context_class = _NguCanh

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if getattr(self, "options_metavar", None) == "[OPTIONS]":
            self.options_metavar = TUY_CHON  # type: ignore[attr-defined]
        if getattr(self, "subcommand_metavar", None) == "COMMAND [ARGS]...":
            self.subcommand_metavar = LENH  # type: ignore[attr-defined]

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        ds = super().get_params(ctx)  # type: ignore[misc]
        _viet_hoa_tham_so(ds)
        return ds

    def get_help_option(self, ctx: click.Context) -> Any:
        tuy_chon = super().get_help_option(ctx)  # type: ignore[misc]
        if tuy_chon is not None:
            tuy_chon.help = TRO_GIUP
        return tuy_chon

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _viet_hoa_rich()  # typer's rich help module is imported only now (36 ms that a run without help saves)
        super().format_help(ctx, formatter)  # type: ignore[misc]


def _viet_hoa_lenh(lenh: click.Command, ctx: click.Context) -> None:
    """What ``_TroGiup`` gives, given to a command made with another class."""
    lenh.context_class = _NguCanh
    if lenh.options_metavar == "[OPTIONS]":
        lenh.options_metavar = TUY_CHON
    _viet_hoa_tham_so(lenh.get_params(ctx))
    tuy_chon = lenh.get_help_option(ctx)
    if tuy_chon is not None:
        tuy_chon.help = TRO_GIUP


class LenhViet(_TroGiup, TyperCommand):  # type: ignore[misc]  # a mixin over click's attributes
    pass


class NhomViet(_TroGiup, TyperGroup):  # type: ignore[misc]
    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        lenh = super().get_command(ctx, cmd_name)
        if lenh is not None and not isinstance(lenh, _TroGiup):  # registered without cls=LenhViet
            _viet_hoa_lenh(lenh, ctx)
        return lenh

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            ma = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except loi_click.NoArgsIsHelpError as e:
            click.echo(e.format_message(), err=True)
            sys.exit(e.exit_code)
        except loi_click.UsageError as e:
            in_loi_cach_dung(e)
            sys.exit(e.exit_code)
        except loi_click.ClickException as e:
            click.echo(f"Lỗi: {dich_thong_bao(e.format_message())}", err=True)
            sys.exit(e.exit_code)
        except typer.Abort:
            click.echo("Đã dừng.", err=True)
            sys.exit(1)
        sys.exit(ma if isinstance(ma, int) else 0)


# ---- usage errors ----------------------------------------------------------------------------------------------

def _goi_y(tham_so: click.Parameter | None, ctx: click.Context | None) -> str:
    if tham_so is None:
        return ""
    if isinstance(tham_so, TyperArgument):
        return f"'{tham_so.display_name_raw}'"
    return " / ".join(f"'{o}'" for o in tham_so.opts)


_PYDANTIC = {
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_parsing": "phải là số",
    "float_type": "phải là số",
    "bool_parsing": "phải là có hoặc không",
    "date_parsing": "không phải ngày",
    "date_from_datetime_parsing": "không phải ngày",
    "datetime_parsing": "không phải ngày giờ",
    "datetime_from_date_parsing": "không phải ngày giờ",
    "string_type": "phải là chữ",
    "missing": "chưa có",
}

_MAU_THONG_BAO = [
    (r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", r"Thừa đối số: \1."),
    (r"No such command '(.*)'\. Did you mean (.*)\?", r"Không có lệnh '\1'. Có phải ý bạn là \2?"),
    (r"No such command '(.*)'\.", r"Không có lệnh '\1'."),
    (r"Missing command\.", "Thiếu tên lệnh."),
    (r"Option '(.*)' requires an argument\.", r"Tùy chọn '\1' cần một giá trị."),
    (r"Option '(.*)' requires (\d+) arguments\.", r"Tùy chọn '\1' cần \2 giá trị."),
    (r"Option '(.*)' does not take a value\.", r"Tùy chọn '\1' không nhận giá trị."),
    (r"Argument '(.*)' takes (\d+) values\.", r"Đối số '\1' cần \2 giá trị."),
    (r"No such option: (\S+)", r"Không có tùy chọn \1."),
    (r"Value must be an iterable\.", "Cần một danh sách giá trị."),
    (r"Value (.*) is not a valid (\w+)\.", r"Giá trị \1 không hợp lệ."),
    (r"(?:File|Directory|Path) '(.*)' does not exist\.", r"Không tìm thấy '\1'."),
    (r"(?:File|Directory|Path) '(.*)' is a file\.", r"'\1' là một tệp, cần một thư mục."),
    (r"(?:File|Directory|Path) '(.*)' is a directory\.", r"'\1' là một thư mục, cần một tệp."),
    (r"(?:File|Directory|Path) '(.*)' is not readable\.", r"Không đọc được '\1'."),
    (r"(?:File|Directory|Path) '(.*)' is not writable\.", r"Không ghi được vào '\1'."),
    (r"(?:Value error, )?(.*) is not one of (.*?)\.?", r"\1 không phải một trong các giá trị: \2"),
    (r"(.*) does not match the formats (.*)\.", r"\1 không đúng dạng \2."),
    (r"Input should be greater than or equal to (\S+)", r"phải lớn hơn hoặc bằng \1"),
    (r"Input should be less than or equal to (\S+)", r"phải nhỏ hơn hoặc bằng \1"),
    (r"Input should be greater than (\S+)", r"phải lớn hơn \1"),
    (r"Input should be less than (\S+)", r"phải nhỏ hơn \1"),
    (r"Input should be a valid integer.*", "phải là số nguyên"),
    (r"Input should be a valid number.*", "phải là số"),
    (r"Input should be a valid boolean.*", "phải là có hoặc không"),
    (r"Input should be a valid date.*", "không phải ngày"),
]


def dich_thong_bao(tb: str) -> str:
    """An English message of typer/click/pydantic → Vietnamese (unknown ones are kept, behind "Lỗi:")."""
    for mau, thay in _MAU_THONG_BAO:
        m = re.fullmatch(mau, tb.strip(), re.S)
        if m:
            return m.expand(thay)
    return tb


def _ly_do_gia_tri(e: loi_click.BadParameter) -> str:
    nguyen_nhan = e.__cause__
    cac_loi = getattr(nguyen_nhan, "errors", None)
    if callable(cac_loi):
        try:
            dau = cac_loi()[0]
        except (IndexError, TypeError, ValueError):
            dau = None
        if dau and dau.get("type") in _PYDANTIC:
            ctx = dau.get("ctx") or {}
            try:
                return f"'{dau.get('input')}' " + _PYDANTIC[dau["type"]].format(**ctx)
            except (KeyError, IndexError):
                pass
    return dich_thong_bao(e.message)


def thong_bao_loi(e: loi_click.UsageError) -> str:
    """The Vietnamese sentence for a usage error."""
    if isinstance(e, loi_click.MissingParameter):
        loai = e.param_type or (e.param.param_type_name if e.param is not None else "parameter")
        ten = {"option": "tùy chọn", "argument": "đối số"}.get(loai, "tham số")
        goi_y = _goi_y(e.param, e.ctx) if e.param is not None else (loi_click._join_param_hints(e.param_hint) or "")
        return f"Thiếu {ten} {goi_y}.".replace("  ", " ")
    if isinstance(e, loi_click.BadParameter):
        goi_y = ((loi_click._join_param_hints(e.param_hint) or "") if e.param_hint is not None
                 else _goi_y(e.param, e.ctx))
        ly_do = _ly_do_gia_tri(e)
        return f"Giá trị không hợp lệ cho {goi_y}: {ly_do}." if goi_y else f"Giá trị không hợp lệ: {ly_do}."
    if isinstance(e, loi_click.NoSuchOption):
        cau = f"Không có tùy chọn {e.option_name}."
        if e.possibilities:
            cau += " Có phải ý bạn là " + ", ".join(sorted(e.possibilities)) + "?"
        return cau
    return dich_thong_bao(e.format_message())


def in_loi_cach_dung(e: loi_click.UsageError) -> None:
    """Usage line, where to find help, and the error — all Vietnamese, on stderr."""
    dong = []
    if e.ctx is not None:
        dong.append(e.ctx.get_usage())
        if e.ctx.command.get_help_option(e.ctx) is not None:
            dong.append(f"Xem '{e.ctx.command_path} {e.ctx.help_option_names[0]}' để biết cách dùng.")
        dong.append("")
    dong.append(f"Lỗi: {thong_bao_loi(e)}")
    click.echo("\n".join(dong), err=True, color=e.ctx.color if e.ctx else None)


def _viet_hoa_rich() -> None:
    """typer's rich help panels and error box, in Vietnamese: done when help is shown (``_TroGiup.format_help``),
    not at start-up — importing ``typer.rich_utils`` (rich's Markdown) costs every command 36 ms; the errors typer
    would show in a rich box are printed in plain Vietnamese by ``NhomViet.main``."""
    from typer import rich_utils as r

    r.DEPRECATED_STRING = "(không còn dùng) "
    r.DEFAULT_STRING = "[mặc định: {}]"
    r.ENVVAR_STRING = "[biến môi trường: {}]"
    r.REQUIRED_LONG_STRING = "[bắt buộc]"
    r.ARGUMENTS_PANEL_TITLE = "Đối số"
    r.OPTIONS_PANEL_TITLE = "Tùy chọn"
    r.COMMANDS_PANEL_TITLE = "Lệnh"
    r.ERRORS_PANEL_TITLE = "Lỗi"
    r.ABORTED_TEXT = "Đã dừng."
    r.RICH_HELP = "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng."


