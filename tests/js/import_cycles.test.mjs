// The PWA's imports (no bundler checks them for us): every static `import … from`,
// `export … from`, bare `import '…'` and dynamic `import('…')` with a literal specifier of every
// .js/.mjs file under pwa/ is an arrow; a cycle (also one through a lazy import()) fails, naming
// its files. Also: each imported file exists, and each `import { name }` is exported there.
// Run: node --test tests/js/
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const PWA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../pwa');

/** Every .js/.mjs file under `dir`, as absolute paths. */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.m?js$/.test(name) ? [full] : [];
  });
}

/**
 * The source without comments, every string literal replaced by a numbered placeholder
 * ('#0', '#1', …), and the table of the strings' texts: so text inside a string or a comment
 * that looks like an import is never taken for one.
 */
function tokens(source) {
  const strings = [];
  const code = source.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`(?:\\.|[^`\\])*`/g,
    (match, single, double) => {
      if (match.startsWith('/')) return ' ';
      strings.push(single ?? double ?? null); // a template literal is never a specifier here
      return `'#${strings.length - 1}'`;
    });
  return { code, strings };
}

const STATIC = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?'#(\d+)'/g;
const DYNAMIC = /\bimport\s*\(\s*'#(\d+)'\s*\)/g;

/** The specifiers a file imports: [{specifier, dynamic}]. */
export function importsOf(source) {
  const { code, strings } = tokens(source);
  const found = [];
  for (const match of code.matchAll(STATIC)) found.push({ specifier: strings[match[1]], dynamic: false });
  for (const match of code.matchAll(DYNAMIC)) found.push({ specifier: strings[match[1]], dynamic: true });
  return found.filter((item) => typeof item.specifier === 'string');
}

/** A specifier of `from` -> the absolute file; '/js/x.js' is served from pwa/js/x.js. */
function resolve(from, specifier) {
  if (specifier.startsWith('/')) return path.join(PWA, specifier);
  if (specifier.startsWith('.')) return path.resolve(path.dirname(from), specifier);
  return null; // a bare name (none in the PWA): not ours
}

function graph() {
  const edges = new Map();
  for (const file of sources(PWA)) {
    const targets = importsOf(readFileSync(file, 'utf8'))
      .map(({ specifier }) => resolve(file, specifier)).filter(Boolean);
    edges.set(file, [...new Set(targets)]);
  }
  return edges;
}

/**
 * The cycles a depth-first search meets (at least one whenever there is any), each once, as
 * [a, b, …, a].
 */
export function findCycles(edges) {
  const cycles = new Map();
  const state = new Map(); // file -> 'open' while on the stack, 'done' after
  const stack = [];
  function visit(file) {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) || []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        // The same cycle found from another file: keyed by its smallest rotation.
        const start = cycle.indexOf([...cycle].sort()[0]);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(rotated.join('>'), [...rotated, rotated[0]]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  }
  for (const file of [...edges.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles.values()];
}

const NAMED_IMPORT = /(?:^|[;\s}])import\s*(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*'#(\d+)'/g;
const EXPORT_DECLARATION = /\bexport\s+(?:async\s+)?(?:function\s*\*?|const|let|var|class)\s+([\w$]+)/g;
const EXPORT_LIST = /\bexport\s*\{([^}]*)\}/g;

const names = (list) => list.split(',').map((part) => part.trim()).filter(Boolean);

/** The names a module exports (declarations and export lists). */
export function exportsOf(source) {
  const { code } = tokens(source);
  const found = new Set();
  for (const match of code.matchAll(EXPORT_DECLARATION)) found.add(match[1]);
  for (const match of code.matchAll(EXPORT_LIST)) {
    for (const part of names(match[1])) found.add(part.split(/\s+as\s+/).pop());
  }
  return found;
}

/** [{specifier, name}] for every `import { name } from '…'` of a module. */
export function namedImportsOf(source) {
  const { code, strings } = tokens(source);
  return [...code.matchAll(NAMED_IMPORT)].flatMap((match) => names(match[1])
    .map((part) => ({ specifier: strings[match[2]], name: part.split(/\s+as\s+/)[0] })));
}

test('the import parser sees static, re-exported, bare and dynamic imports', () => {
  const source = `
    import { a } from './a.js';
    import * as b from "../b.js";
    import './c.js';
    export { d } from './d.js';
    import {
      e,
      f,
    } from './ef.js';
    const g = () => import('./views/g.js');
    // import { no } from './comment.js';
    /* import('./block.js') */
    const text = 'import("./not-code.js") is text'; const x = \`\${y} from './tpl.js'\`;
  `;
  assert.deepEqual(importsOf(source).map((i) => i.specifier).sort(),
    ['../b.js', './a.js', './c.js', './d.js', './ef.js', './views/g.js']);
});

test('exports and named imports are read', () => {
  const source = `
    export const A = 1; export async function b() {} export class C {}
    const d = 2, e = 3; export { d, e as f };
    import { g, h as i } from './gh.js';
    import j, { k } from './jk.js';
  `;
  assert.deepEqual([...exportsOf(source)].sort(), ['A', 'C', 'b', 'd', 'f']);
  assert.deepEqual(namedImportsOf(source), [{ specifier: './gh.js', name: 'g' },
    { specifier: './gh.js', name: 'h' }, { specifier: './jk.js', name: 'k' }]);
});

test('a cycle is found and named', () => {
  const edges = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []]]);
  assert.deepEqual(findCycles(edges), [['a', 'b', 'c', 'a']]);
});

test('every import in pwa/ points at a file that exists', () => {
  const missing = [];
  for (const [file, targets] of graph()) {
    for (const target of targets) {
      try { statSync(target); } catch { missing.push(`${path.relative(PWA, file)} -> ${path.relative(PWA, target)}`); }
    }
  }
  assert.deepEqual(missing, []);
});

test('every named import in pwa/ is exported by its module', () => {
  const missing = [];
  for (const file of sources(PWA)) {
    for (const { specifier, name } of namedImportsOf(readFileSync(file, 'utf8'))) {
      const target = resolve(file, specifier);
      let exported;
      try { exported = exportsOf(readFileSync(target, 'utf8')); } catch { continue; } // see above
      if (!exported.has(name)) missing.push(`${path.relative(PWA, file)}: ${name} from ${specifier}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('no import cycles in pwa/ (static or dynamic)', () => {
  const cycles = findCycles(graph())
    .map((cycle) => cycle.map((file) => path.relative(PWA, file)).join(' -> '));
  assert.deepEqual(cycles, [], `import cycles:\n${cycles.join('\n')}`);
});
