// scripts/short-imports.mjs: the wasm's imports and the glue's keys renamed together, and a
// build that would not start (the two sides disagree) stopped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dropExports, dropUnusedImportEntries, importNames, lowestDataAddress, shortenImports, stripCustomSections } from "../../scripts/short-imports.mjs";
import { DIST } from "./helpers.mjs";

const str = (s) => [s.length, ...Buffer.from(s)];
/** A module with one function type and `names` imported from "./x_bg.js" plus one memory import. */
function module(names) {
  const imports = [...names.flatMap((n) => [...str("./x_bg.js"), ...str(n), 0, 0]), ...str("env"), ...str("memory"), 2, 0, 1];
  const body = [names.length + 1, ...imports];
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, body.length, ...body, 0, 3, 1, 2, 3]);
}
const long = ["__wbg_log_0123456789abcdef", "__wbg_now_fedcba9876543210"];
const glue = `const i={__proto__:null,${long[0]}:function(){},${long[1]}:function(){}};`;

test("both sides get the same short names; the rest of the module is untouched", async () => {
  const out = shortenImports(module(long), glue);
  assert.equal(out.renamed, 2);
  assert.deepEqual(out.wasm, module(["a", "b"]));
  assert.equal(out.js, "const i={__proto__:null,a:function(){},b:function(){}};");
  // The result is a module WebAssembly accepts, importing exactly the glue's keys.
  const names = WebAssembly.Module.imports(new WebAssembly.Module(out.wasm)).map((i) => i.name);
  assert.deepEqual(names, ["a", "b", "memory"]);
});

test("a glue that does not match the wasm stops the build", () => {
  assert.throws(() => shortenImports(module(long), glue.replace(long[1], "__wbg_now_1111111111111111")), /__wbg_now_fedcba9876543210: 0 keys/);
  assert.throws(() => shortenImports(module([long[0]]), glue), /still names __wbg_now_fedcba9876543210/);
  assert.throws(() => shortenImports(Buffer.from("not wasm"), glue), /not a wasm module/);
});

test("the release build's wasm imports only names its glue defines", async () => {
  const wasm = readFileSync(join(DIST, readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"))));
  const js = readFileSync(join(DIST, readdirSync(DIST).find((f) => f.endsWith(".js"))), "utf8");
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.ok(imports.length > 100);
  for (const { name } of imports) {
    assert.ok(name.length <= 2, `import ${name} is short`);
    assert.ok(js.includes(`${name}:`), `the glue defines ${name}`);
  }
  assert.equal(js.match(/__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}/), null);
});

test("custom sections are dropped, the rest kept; the built wasm has none", () => {
  const custom = (name, bytes) => { const body = [...str(name), ...bytes]; return [0, body.length, ...body]; };
  const header = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  const types = [1, 4, 1, 0x60, 0, 0]; // one function type
  const withCustom = Buffer.from([...header, ...custom("producers", [1, 2, 3]), ...types, ...custom("target_features", [4])]);
  const out = stripCustomSections(withCustom);
  assert.deepEqual(out.dropped, ["producers", "target_features"]);
  assert.deepEqual(out.wasm, Buffer.from([...header, ...types]));
  assert.ok(WebAssembly.validate(out.wasm));
  const built = readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));
  const mod = new WebAssembly.Module(readFileSync(join(DIST, built)));
  for (const name of ["producers", "target_features"]) assert.equal(WebAssembly.Module.customSections(mod, name).length, 0, name);
});

test("the built wasm keeps the first KiB free (wasm-opt runs with --low-memory-unused)", () => {
  // A module with one memory and active data segments at 16 and 2048: the lowest is found.
  const seg = (off) => [0, 0x41, ...lebU(off), 0x0b, 1, 0x2a];
  const lebU = (v) => { const o = []; do { let b = v & 0x7f; v >>>= 7; if (v) b |= 0x80; o.push(b); } while (v); return o; };
  const data = [2, ...seg(2048), ...seg(16)];
  const mod = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 0, 1, 11, data.length, ...data]);
  new WebAssembly.Module(mod); // a valid module
  assert.equal(lowestDataAddress(mod), 16);
  // The release build: Rust's data from 1 MiB.
  const wasm = readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));
  assert.ok(lowestDataAddress(readFileSync(join(DIST, wasm))) >= 1024);
});

test("exports nothing calls are dropped from the wasm, and the glue's entries for imports it lost", () => {
  // One function type, two functions, exported as "keep" and "intounderlyingsink_write".
  const header = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  const types = [1, 4, 1, 0x60, 0, 0];
  const funcs = [3, 3, 2, 0, 0];
  const exp = (name, k) => [...str(name), 0, k];
  const exports = (list) => { const body = [list.length, ...list.flat()]; return [7, body.length, ...body]; };
  const code = [10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b];
  const both = Buffer.from([...header, ...types, ...funcs, ...exports([exp("keep", 0), exp("intounderlyingsink_write", 1)]), ...code]);
  const out = dropExports(both, (n) => /^intounderlying/.test(n));
  assert.deepEqual(out.dropped, ["intounderlyingsink_write"]);
  assert.deepEqual(out.wasm, Buffer.from([...header, ...types, ...funcs, ...exports([exp("keep", 0)]), ...code]));
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(out.wasm)).map((e) => e.name), ["keep"]);
  // The glue's import object keeps only what the wasm imports.
  assert.deepEqual([...importNames(module(["__wbg_log_1"]))], ["__wbg_log_1", "memory"]);
  const glue = [
    "function __wbg_get_imports() {",
    "    const import0 = {",
    "        __proto__: null,",
    "        __wbg_log_1: function(arg0) {",
    "            console.log(arg0);",
    "        },",
    "        __wbg_new_typed_2: function() { return handleError(function () {",
    "            return new Promise(() => {});",
    "        }, arguments); },",
    "    };",
    "}",
  ].join("\n");
  const kept = dropUnusedImportEntries(glue, importNames(module(["__wbg_log_1"])));
  assert.deepEqual(kept.dropped, ["__wbg_new_typed_2"]);
  assert.ok(kept.js.includes("__wbg_log_1: function(arg0)") && !kept.js.includes("Promise"), kept.js);
  assert.throws(() => dropUnusedImportEntries("const x = 1;", new Set()), /import object/);
});

test("the built wasm exports none of wasm-streams' classes, and its glue names none", () => {
  const wasm = readFileSync(join(DIST, readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"))));
  const js = readFileSync(join(DIST, readdirSync(DIST).find((f) => f.endsWith(".js"))), "utf8");
  const names = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.ok(names.length > 3, names.join());
  assert.deepEqual(names.filter((n) => /intounderlying/i.test(n)), []);
  assert.equal(/IntoUnderlying/i.test(js), false);
});
