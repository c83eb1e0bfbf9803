// Short names for the wasm's imports from wasm-bindgen's JS glue.
//
// wasm-bindgen names every import it generates like `__wbg_setattribute_9f2e6c7d0b1a4e35`: a
// 16-digit hash that brotli cannot compress, written twice (in the wasm's import section and as a
// key of the JS glue's import object). The report has 145 of them. Renaming both sides to short
// names (`a`, `b`, … `a1`) saved, measured on the release build (brotli q11): JS glue 4,902 →
// 3,2xx B and wasm 100,254 → 98,6xx B, about 3.3 kB of a first load held to 150 kB — more than
// anything else this size left to cut. Neither wasm-bindgen nor wasm-opt can do it alone
// (wasm-opt's `--minify-imports` renames the wasm side only).
//
// `shortenImports(wasm, js)` returns both rewritten, or throws when the two sides disagree (an
// import without exactly one key in the glue, or a key left over), so a wasm-bindgen update that
// changes the glue's shape fails the build instead of shipping a page that cannot start.
// Used by scripts/postbuild.mjs; tested by tests/e2e/short-imports.test.mjs.

/** Reads an unsigned LEB128 at `pos`; returns [value, next position]. */
function uleb(buf, pos) {
  let v = 0, shift = 0, b;
  do {
    b = buf[pos++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [v, pos];
}

/** Encodes an unsigned LEB128. */
function lebBytes(v) {
  const out = [];
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
}

/** The n-th short name: a … z, A … Z, then two characters. */
function shortName(n) {
  const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = abc[n % abc.length];
  n = Math.floor(n / abc.length);
  while (n > 0) {
    s += abc[n % abc.length];
    n = Math.floor(n / abc.length);
  }
  return s;
}

/** Parses the import section: [{ module, name, rest (the bytes after the name) }], and where it lies. */
function readImports(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, body] = uleb(wasm, pos + 1);
    if (id === 2) {
      const imports = [];
      let [count, p] = uleb(wasm, body);
      for (let k = 0; k < count; k++) {
        let len;
        [len, p] = uleb(wasm, p);
        const module = wasm.toString("utf8", p, p + len);
        p += len;
        [len, p] = uleb(wasm, p);
        const name = wasm.toString("utf8", p, p + len);
        p += len;
        const start = p;
        const kind = wasm[p++];
        if (kind === 0) [, p] = uleb(wasm, p); // function: type index
        else if (kind === 1 || kind === 2) { // table (element type first) or memory: limits
          if (kind === 1) p++;
          const flags = wasm[p++];
          [, p] = uleb(wasm, p);
          if (flags & 1) [, p] = uleb(wasm, p);
        } else if (kind === 3) p += 2; // global: value type, mutability
        else if (kind === 4) { p++; [, p] = uleb(wasm, p); } // tag
        else throw new Error(`unknown import kind ${kind}`);
        imports.push({ module, name, rest: wasm.subarray(start, p) });
      }
      if (p !== body + size) throw new Error("import section: length mismatch");
      return { imports, start: pos, end: body + size };
    }
    pos = body + size;
  }
  throw new Error("no import section");
}

/** Renames the glue's imports on both sides (module "wbg" or "./<crate>_bg.js", depending on the
 *  wasm-bindgen version); returns { wasm, js, renamed }. */
export function shortenImports(wasm, js) {
  const { imports, start, end } = readImports(wasm);
  const names = new Map();
  for (const imp of imports) {
    if (imp.module !== "wbg" && !imp.module.endsWith("_bg.js")) continue;
    const keys = js.split(`${imp.name}:`).length - 1;
    if (keys !== 1) throw new Error(`import ${imp.name}: ${keys} keys in the JS glue, expected 1`);
    names.set(imp.name, shortName(names.size));
  }
  let out = js;
  for (const [long, short] of names) out = out.split(`${long}:`).join(`${short}:`);
  const left = out.match(/__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}\b/);
  if (left) throw new Error(`the JS glue still names ${left[0]}, which the wasm does not import`);
  const str = (s) => Buffer.concat([lebBytes(Buffer.byteLength(s)), Buffer.from(s)]);
  const body = Buffer.concat([
    lebBytes(imports.length),
    ...imports.flatMap((imp) => [str(imp.module), str(names.get(imp.name) ?? imp.name), imp.rest]),
  ]);
  const section = Buffer.concat([Buffer.from([2]), lebBytes(body.length), body]);
  return { wasm: Buffer.concat([wasm.subarray(0, start), section, wasm.subarray(end)]), js: out, renamed: names.size };
}

/** Drops the wasm's custom sections (id 0): rustc and wasm-bindgen leave `producers` (tool
 *  versions) and `target_features` (for linkers), 236 bytes the browser never reads; measured
 *  −46 B brotli on the release build. Returns { wasm, dropped: [names] }. */
export function stripCustomSections(wasm) {
  const parts = [wasm.subarray(0, 8)];
  const dropped = [];
  for (let p = 8; p < wasm.length; ) {
    const [size, body] = uleb(wasm, p + 1);
    const next = body + size;
    if (wasm[p] === 0) {
      const [len, at] = uleb(wasm, body);
      dropped.push(wasm.subarray(at, at + len).toString());
    } else parts.push(wasm.subarray(p, next));
    p = next;
  }
  return { wasm: Buffer.concat(parts), dropped };
}

/** The lowest address an active data segment of memory 0 starts at (`i32.const` offsets), or
 *  Infinity when there is none. wasm-opt runs with `--low-memory-unused` (index.html), which is
 *  only sound while nothing lives in the first KiB: Rust puts its stack and data from 1 MiB. */
export function lowestDataAddress(wasm) {
  let lowest = Infinity;
  for (let p = 8; p < wasm.length; ) {
    const [size, body] = uleb(wasm, p + 1);
    if (wasm[p] === 11) {
      let [n, q] = uleb(wasm, body);
      for (let k = 0; k < n; k++) {
        let flag;
        [flag, q] = uleb(wasm, q);
        if (flag === 1) { // passive: no address
          let len;
          [len, q] = uleb(wasm, q);
          q += len;
          continue;
        }
        if (flag === 2) [, q] = uleb(wasm, q); // explicit memory index
        if (wasm[q] !== 0x41) throw new Error(`data segment ${k}: offset is not an i32.const`);
        let off;
        [off, q] = uleb(wasm, q + 1); // (a non-negative offset: its LEB is read unsigned)
        q += 1; // end
        lowest = Math.min(lowest, off);
        let len;
        [len, q] = uleb(wasm, q);
        q += len;
      }
    }
    p = body + size;
  }
  return lowest;
}

/** Drops the exports whose names `drop` accepts from the export section (id 7), so that a
 *  following `wasm-opt --remove-unused-module-elements` can remove what only they used. Returns
 *  the module and the names dropped. */
export function dropExports(wasm, drop) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, body] = uleb(wasm, pos + 1);
    if (id === 7) {
      let [count, p] = uleb(wasm, body);
      const kept = [];
      const dropped = [];
      for (let i = 0; i < count; i++) {
        const start = p;
        const [len, q] = uleb(wasm, p);
        const name = wasm.subarray(q, q + len).toString("utf8");
        p = q + len + 1; // the name, then the kind
        p = uleb(wasm, p)[1]; // the index
        if (drop(name)) dropped.push(name);
        else kept.push(wasm.subarray(start, p));
      }
      if (p !== body + size) throw new Error("export section: length mismatch");
      const content = Buffer.concat([lebBytes(kept.length), ...kept]);
      const section = Buffer.concat([Buffer.from([7]), lebBytes(content.length), content]);
      return { wasm: Buffer.concat([wasm.subarray(0, pos), section, wasm.subarray(body + size)]), dropped };
    }
    pos = body + size;
  }
  throw new Error("no export section");
}

/** The names the wasm imports. */
export function importNames(wasm) {
  return new Set(readImports(wasm).imports.map((i) => i.name));
}

/** Drops from the (unminified) JS glue's import object the entries whose names the wasm no
 *  longer imports; returns the glue and the names dropped. An entry is a line
 *  `        name: …` up to the next such line or the object's end (`__proto__: null` stays). */
export function dropUnusedImportEntries(js, imported) {
  const open = js.indexOf("const import0 = {");
  const close = open < 0 ? -1 : js.indexOf("\n    };", open);
  if (close < 0) throw new Error("the JS glue's import object (const import0 = {…}) was not found");
  const head = js.indexOf("\n", open) + 1;
  const entries = js.slice(head, close + 1).split(/(?=^ {8}[\w$]+: )/m);
  const dropped = [];
  const kept = entries.filter((e) => {
    const name = e.match(/^ {8}([\w$]+): /)?.[1];
    if (name === undefined || name === "__proto__" || imported.has(name)) return true;
    dropped.push(name);
    return false;
  });
  return { js: js.slice(0, head) + kept.join("") + js.slice(close + 1), dropped };
}
