// The bundler's import renaming (scripts/wasm-imports.mjs): a module renamed with its glue
// still instantiates and runs, the names are short in both, a glue that does not name each
// import exactly once is refused, and the built page wasm carries only short names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shortenImports } from '../../scripts/wasm-imports.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

const text = (s) => [s.length, ...Buffer.from(s)];
const section = (id, body) => [id, body.length, ...body];

/**
 * A module that imports `seven: () -> i32` and `inc: (i32) -> i32` from `./m_bg.js` and
 * exports `run`, which returns inc(seven()).
 */
function sampleModule(seven, inc) {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [2, 0x60, 0, 1, 0x7f, 0x60, 1, 0x7f, 1, 0x7f]),
    ...section(2, [2, ...text('./m_bg.js'), ...text(seven), 0, 0, ...text('./m_bg.js'), ...text(inc), 0, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...text('run'), 0, 2]),
    ...section(10, [1, 6, 0, 0x10, 0, 0x10, 1, 0x0b]),
  ]);
}

const SEVEN = '__wbg_seven_0123456789abcdef';
const INC = '__wbg_inc_fedcba9876543210';
const glue = `var imports={"./m_bg.js":{${SEVEN}:function(){return 7},${INC}(x){return x+1}}};`;

test('a renamed module runs with its renamed glue, under short names', async () => {
  const [wasm, script] = shortenImports(sampleModule(SEVEN, INC), glue);
  const imports = new Function(`${script}return imports;`)();
  const { instance } = await WebAssembly.instantiate(wasm, imports);
  assert.equal(instance.exports.run(), 8);
  assert.deepEqual(WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => `${i.module}.${i.name}`), ['w.a', 'w.b']);
  assert.ok(!script.includes(SEVEN) && !script.includes(INC) && !script.includes('m_bg'), script);
  assert.ok(wasm.length < sampleModule(SEVEN, INC).length);
});

test('a glue that does not name every import exactly once is refused', () => {
  assert.throws(() => shortenImports(sampleModule(SEVEN, INC), glue.replace(INC, '__wbg_other')), /__wbg_inc_\w+ stands 0 times/);
  assert.throws(() => shortenImports(sampleModule(SEVEN, INC), `${glue}console.log(imports.${SEVEN});`), /stands 2 times/);
  assert.throws(() => shortenImports(sampleModule(SEVEN, INC), glue.replace('./m_bg.js', './other.js')), /"\.\/m_bg\.js" stands 0 times/);
});

const page = `${root}/target/wasm-bindgen/storyscope_bg.page.wasm`;
test('the built page wasm imports by short names only', { skip: !existsSync(page) && 'no built wasm' }, () => {
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(page)));
  assert.ok(imports.length > 0);
  for (const i of imports) assert.ok(i.module === 'w' && i.name.length <= 2, `${i.module}.${i.name}`);
});
