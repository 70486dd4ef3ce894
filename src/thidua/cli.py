"""The ``thidua`` command (typer): a thin face over the library. No rule lives here.

Exit codes (SPEC §4): 0 success · 1 the data has errors · 2 unusable input or usage.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .loi import ThiduaError

app = typer.Typer(
    name="thidua",
    help="thidua — công tác thi đua, khen thưởng từ các tệp Excel và Word của cơ quan.\n\n"
         "Ví dụ: thidua demo -o thidua-demo",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
_trang_thai = {"debug": False}

ThuMucRa = Annotated[Path, typer.Option("-o", "--ra", help="Thư mục ghi kết quả.")]
DauVao = Annotated[list[Path], typer.Argument(help="Tệp .xlsx/.xlsm hoặc thư mục chứa chúng.", show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON (UTF-8).")]


def _version(value: bool) -> None:
    if value:
        out.print(f"thidua {__version__}")
        raise typer.Exit(0)


@app.callback()
def _goc(
    debug: Annotated[bool, typer.Option("--debug", help="Hiện chi tiết lỗi kỹ thuật (traceback).")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="In phiên bản rồi thoát.")] = False,
) -> None:
    _trang_thai["debug"] = debug


def chay_an_toan(ham: Callable[[], int | None]) -> None:
    """Run a command body: a ThiduaError becomes a Vietnamese message and exit code 2, never a traceback."""
    try:
        ma = ham()
    except ThiduaError as e:
        if _trang_thai["debug"]:
            traceback.print_exc()
        err.print(f"[bold red]Lỗi:[/] {e}", highlight=False)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("Đã dừng theo yêu cầu; không có tệp kết quả dở dang nào được giữ lại.")
        raise typer.Exit(130) from None
    except PermissionError as e:
        if _trang_thai["debug"]:
            traceback.print_exc()
        err.print(f"[bold red]Lỗi:[/] Không ghi hoặc đọc được '{e.filename}': tệp đang mở trong Excel/Word hoặc "
                  "không có quyền. Đóng tệp rồi chạy lại.", highlight=False)
        raise typer.Exit(2) from None
    raise typer.Exit(ma or 0)


def in_json(du_lieu: Any) -> None:
    sys.stdout.write(json.dumps(du_lieu, ensure_ascii=False, indent=2, default=str) + "\n")


def _doc_ngay(gia_tri: str | None) -> dt.date:
    if gia_tri is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(gia_tri)
    except ValueError:
        raise ThiduaError(f"Ngày '{gia_tri}' không hợp lệ; ghi dạng YYYY-MM-DD, ví dụ 2025-07-01.") from None


@app.command("quy-dinh")
def quy_dinh(
    ngay: Annotated[str | None, typer.Option("--ngay", help="Ngày áp dụng, dạng YYYY-MM-DD (mặc định: hôm nay).")] = None,
    json_: JsonOpt = False,
) -> None:
    """Liệt kê mọi quy định và tham số có hiệu lực vào một ngày, với giá trị và căn cứ pháp lý.

    Ví dụ: thidua quy-dinh --ngay 2025-07-01
    """
    def than() -> int:
        from .tham_so import bo_tham_so_mac_dinh

        ngay_ap_dung = _doc_ngay(ngay)
        ts = bo_tham_so_mac_dinh().tai_ngay(ngay_ap_dung)
        ds = []
        for gt in ts.tat_ca():
            tham_so = ts.bo[gt.ten]
            ds.append({"ten": gt.ten, "nhan": tham_so.nhan, "mo_ta": tham_so.mo_ta,
                       "gia_tri": gt.hien_thi(), "tu_ngay": gt.tu_ngay.isoformat() if gt.tu_ngay else None,
                       "can_cu": gt.can_cu, "quy_che_mac_dinh": gt.la_mac_dinh_quy_che})
        if json_:
            in_json({"ngay": ngay_ap_dung.isoformat(), "quy_dinh": ds})
            return 0
        bang = Table(title=f"Quy định có hiệu lực ngày {ngay_ap_dung:%d/%m/%Y}", show_lines=False)
        for cot in ("Tham số", "Giá trị", "Từ ngày", "Căn cứ"):
            bang.add_column(cot, overflow="fold")
        for d in ds:
            bang.add_row(f"{d['mo_ta']}\n[dim]{d['ten']}[/]", d["gia_tri"],
                         dt.date.fromisoformat(d["tu_ngay"]).strftime("%d/%m/%Y") if d["tu_ngay"] else "",
                         d["can_cu"] + (" [yellow](quy chế mặc định)[/]" if d["quy_che_mac_dinh"] else ""))
        out.print(bang)
        return 0

    chay_an_toan(than)


def main() -> None:
    """Entry point of the ``thidua`` script."""
    if sys.platform == "win32":  # Vietnamese text in a Windows console
        for luong in (sys.stdout, sys.stderr):
            try:
                luong.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
            except (AttributeError, ValueError):
                pass
    app()
