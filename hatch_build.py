"""Wheel build hook: compile the parameter YAML tree to ``thidua/_du_lieu/tham_so.json`` (see
``src/thidua/bien_dich_tham_so.py``) so that thidua's core runs where PyYAML cannot be installed (Pyodide)."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ThamSoJson(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        goc = Path(self.root)
        spec = importlib.util.spec_from_file_location("_bien_dich_tham_so", goc / "src/thidua/bien_dich_tham_so.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        tam = Path(tempfile.mkdtemp(prefix="thidua-build-")) / mod.TEN_TEP_JSON
        tam.write_text(mod.bien_dich(goc / "src/thidua/params"), encoding="utf-8")
        build_data["force_include"][str(tam)] = f"thidua/_du_lieu/{mod.TEN_TEP_JSON}"
