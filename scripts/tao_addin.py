"""Build addin/thidua_addin.xlam reproducibly from xlwings' own quickstart add-in template (the file that
``xlwings quickstart NAME --addin --ribbon`` copies). Never hand-edit the binary: run this script.

    python scripts/tao_addin.py [OUTPUT]

What changes against the template: the ribbon (customUI/customUI.xml) gets a "Thi đua" tab whose button runs the
template's existing VBA macro ``RibbonMyAddin.RunMain`` (→ ``import thidua_addin; thidua_addin.main()``), and the
add-in's config sheet gets ``UDF Modules = thidua.excel.udf``. The VBA project (vbaProject.bin) is copied as is:
it cannot be edited on Linux. Zip entries get a fixed timestamp so two builds are byte-identical.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import xlwings

GOC = Path(__file__).resolve().parent.parent
RA_MAC_DINH = GOC / "addin" / "thidua_addin.xlam"
MAU = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
MODULE_UDF = "thidua.excel.udf"

RIBBON = """<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">
    <ribbon>
        <tabs>
            <tab id="thiduaTab" label="Thi đua">
                <group id="thiduaNhom" label="Thi đua, khen thưởng">
                    <button id="thiduaChay" label="Chạy theo sheet đang mở" size="large" onAction="RibbonMyAddin.RunMain"
                        imageMso="MacroPlay" screentip="thidua: làm việc phù hợp với sheet đang mở"
                        supertip="CaNhan, TapThe, LichSu: kiểm tra và tô màu ô sai (kèm ghi chú). PhieuBau, KiemPhieu: kiểm phiếu vào sheet KetQuaKiemPhieu. ThongTin, QuyChe: tạo kết quả và mọi văn bản Word vào thư mục bên cạnh." />
                </group>
            </tab>
        </tabs>
    </ribbon>
</customUI>
"""


def _dien_cau_hinh(xml: str) -> str:
    """Put MODULE_UDF into the value cell of the "UDF Modules" row of the config sheet."""
    # The template's shared strings put "UDF Modules" at index 1; its row is the one whose A cell holds <v>1</v>.
    m = re.search(r'(<row r="(\d+)"[^>]*>)(<c r="A\d+" s="1" t="s"><v>1</v></c>)</row>', xml)
    if not m:
        raise SystemExit("Không tìm thấy dòng 'UDF Modules' trong mẫu add-in của xlwings; kiểm tra phiên bản xlwings.")
    the_dong, dong, o_a = m.group(1), m.group(2), m.group(3)
    o_b = f'<c r="B{dong}" t="inlineStr"><is><t>{MODULE_UDF}</t></is></c>'
    the_moi = re.sub(r'spans="[^"]*"', 'spans="1:2"', the_dong)
    return xml.replace(m.group(0), f"{the_moi}{o_a}{o_b}</row>", 1)


def tao_addin(ra: Path = RA_MAC_DINH) -> Path:
    ra.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(MAU) as vao, zipfile.ZipFile(ra, "w", zipfile.ZIP_DEFLATED) as dich:
        for muc in vao.infolist():
            du_lieu = vao.read(muc.filename)
            if muc.filename == "customUI/customUI.xml":
                du_lieu = RIBBON.encode("utf-8")
            elif muc.filename == "xl/worksheets/sheet1.xml":
                du_lieu = _dien_cau_hinh(du_lieu.decode("utf-8")).encode("utf-8")
            moi = zipfile.ZipInfo(muc.filename, date_time=(2026, 1, 1, 0, 0, 0))
            moi.compress_type = zipfile.ZIP_DEFLATED
            dich.writestr(moi, du_lieu)
    return ra


if __name__ == "__main__":
    print(tao_addin(Path(sys.argv[1]) if len(sys.argv) > 1 else RA_MAC_DINH))
