// Run tests/pyodide/chay_lite.py under Pyodide in Node.js, offline: the npm package "pyodide" (core + stdlib),
// a host folder mounted as the site (the thidua wheel and pure-Python wheels unpacked there, the Lite main.py, the
// stand-ins). Usage: node chay.mjs <node_modules/pyodide dir> <site dir> <input JSON file>; prints the result JSON.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [thuMucPyodide, site, dauVao] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(thuMucPyodide, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: thuMucPyodide + path.sep });
py.FS.mkdirTree("/site");
py.FS.mount(py.FS.filesystems.NODEFS, { root: site }, "/site");
py.globals.set("DU_LIEU", readFileSync(dauVao, "utf8"));
try {
  const ra = await py.runPythonAsync(`
import sys
sys.path[:0] = ["/site", "/site/_gia"]
import chay_lite
await chay_lite.chay(DU_LIEU)
`);
  process.stdout.write(ra + "\n");
} catch (e) {
  // A Python exception: its traceback only (not the minified runtime around it).
  process.stderr.write(String(e && e.message ? e.message : e) + "\n");
  process.exit(1);
}
