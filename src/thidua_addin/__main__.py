"""``python -m thidua_addin cai-dat``: finish and switch on the thidua add-in in Excel (Windows)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["cai-dat"]:
        print("Cách dùng: python -m thidua_addin cai-dat\n  Hoàn thiện add-in thidua trong Excel (tên dự án thidua, nhập "
              "các hàm TD_ vào add-in) và bật nó. Chạy trên Windows, khi Excel đã đóng.", file=sys.stderr)
        return 2
    if sys.platform != "win32":
        print("thidua: lệnh này chạy trên Windows có Excel (add-in VBA). Trên máy Mac hoặc Excel web, dùng xlwings "
              "Lite (addin/README.md, Cách 1).", file=sys.stderr)
        return 2
    from thidua.loi import ThiduaError

    from .cai_dat import cai_dat

    try:
        dich = cai_dat()
    except ThiduaError as e:
        print(f"thidua: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # Excel/COM failures: a sentence, not a traceback
        print(f"thidua: không hoàn tất được ({type(e).__name__}: {e}). Đóng hẳn Excel rồi chạy lại.", file=sys.stderr)
        return 1
    print(f"thidua: đã cài add-in {dich}. Mở Excel: có thẻ 'Thi đua' và các hàm TD_ trong mọi sổ.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
