// The page's wasm imports its 42 JavaScript functions by wasm-bindgen's names, such as
// `__wbg_instanceof_ArrayBuffer_12cdaa4161423e6b` from the module `./storyscope_bg.js`, and
// the glue names each again as a key of its imports object: some 1.5 KB of names, a third of
// them random hex, carried twice (in the LZMA-compressed wasm and in the gzipped worker
// script). shortenImports gives the page's wasm and its worker script short names instead
// (`a`, `b`, … from the module `w`), the same in both. It changes no code: only the import
// section's strings and the glue's keys.
import { lebBytes, readLeb } from '../www/app/core/code-streams.js';

/** The i-th short name: a … z, A … Z, then two letters. */
const shortName = (i) => {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length];
};

const utf8 = new TextEncoder();
const name = (text) => [...lebBytes(utf8.encode(text).length), ...utf8.encode(text)];

/**
 * `wasm` (bytes) with every imported function renamed, and `script` (the worker script, which
 * holds the glue) with the same names: [wasm, script]. Throws unless every import is a
 * function and each old name (and the module's) stands exactly once in the script, as a key.
 */
export function shortenImports(wasm, script, moduleName = 'w') {
  const module = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(module);
  if (imports.some((i) => i.kind !== 'function')) throw new Error('shortenImports: an import is not a function');
  const modules = [...new Set(imports.map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`shortenImports: imports from ${modules.length} modules`);
  const renamed = new Map(imports.map((imp, i) => [imp.name, shortName(i)]));
  const once = (text, pattern, what) => {
    const found = text.match(new RegExp(pattern, 'g'))?.length ?? 0;
    if (found !== 1) throw new Error(`shortenImports: ${what} stands ${found} times in the worker script`);
  };
  const quotedModule = JSON.stringify(modules[0]);
  once(script, quotedModule.replace(/[.]/g, '[.]'), quotedModule);
  let out = script.replace(quotedModule, JSON.stringify(moduleName));
  for (const [old, short] of renamed) {
    const key = `(?<![\\w$])${old}(?![\\w$])`;
    once(out, key, old);
    out = out.replace(new RegExp(key), short);
  }

  // The import section (id 2): count, then per import module, field, kind 0 and a type index.
  const bytes = new Uint8Array(wasm);
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readLeb(bytes, at + 1);
    if (id === 2) {
      let [count, p] = readLeb(bytes, body);
      const section = [...lebBytes(count)];
      for (let i = 0; i < count; i++) {
        const [moduleLen, m] = readLeb(bytes, p);
        const [fieldLen, f] = readLeb(bytes, m + moduleLen);
        const field = new TextDecoder().decode(bytes.subarray(f, f + fieldLen));
        const [, afterType] = readLeb(bytes, f + fieldLen + 1);
        section.push(...name(moduleName), ...name(renamed.get(field)), ...bytes.subarray(f + fieldLen, afterType));
        p = afterType;
      }
      if (p !== body + size) throw new Error('shortenImports: the import section did not parse to its end');
      const rewritten = Buffer.concat([bytes.subarray(0, at), Uint8Array.of(2, ...lebBytes(section.length), ...section), bytes.subarray(body + size)]);
      const check = WebAssembly.Module.imports(new WebAssembly.Module(rewritten));
      if (check.some((imp, i) => imp.module !== moduleName || imp.name !== renamed.get(imports[i].name))) {
        throw new Error('shortenImports: the rewritten imports are not the renamed ones');
      }
      return [rewritten, out];
    }
    at = body + size;
  }
  throw new Error('shortenImports: no import section');
}
