// Builds NavScope's table of Mojo method names (shared/real/mojoNameTable.ts) from
// Chromium's .mojom files, so that a real Chromium trace's "Receive mojo message"
// slices get their Interface.Method names without debug symbols.
//
// A trace names each message by `ipc_hash`: the first 4 bytes, big-endian, of the
// SHA-256 of the method's C++ name, `ns::mojom::Interface::Method` (the mojom file's
// `module a.b;` becomes `a::b::`). Hash every method of every interface once, and
// every hash in a trace has its name.
//
//   node electron/hosts/cli/makeMojoNameTable.mjs <dir with .mojom files> \
//     --chromium-version 156.0.8078.114 --source "chromium/chromium @ <commit>" [--out <file>]
//
// <dir> is a Chromium checkout (src/) or any folder of .mojom files laid out as in
// one; every *.mojom below it is read. Method names drift between milestones:
// regenerate the table for the Chromium version that CI installs (`chromium --version`).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultOut = path.resolve(here, '../../../shared/real/mojoNameTable.ts');
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'out', 'build', 'third_party/blink/web_tests']);
const MAX_FILES = 50_000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_PURPOSE_CHARS = 200;

function usage(message) {
  process.stderr.write(
    `${message}\nusage: makeMojoNameTable.mjs <mojom dir> --chromium-version <version> --source <text> [--out <file>]\n`,
  );
  process.exit(2);
}

function parseArguments(argv) {
  const options = { dir: null, version: null, source: null, out: defaultOut };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) usage(`${arg} needs a value`);
      return next;
    };
    if (arg === '--chromium-version') options.version = value();
    else if (arg === '--source') options.source = value();
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else if (options.dir === null) options.dir = path.resolve(arg);
    else usage(`unexpected argument ${arg}`);
  }
  if (options.dir === null) usage('no mojom directory given');
  if (options.version === null) usage('--chromium-version is required (the table is per Chromium version)');
  if (options.source === null) usage('--source is required (say which checkout or commit the files came from)');
  return options;
}

/** Every .mojom file under `root`, relative paths in sorted order. */
function mojomFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !SKIPPED_DIRS.has(relative)) walk(full);
      } else if (entry.isFile() && entry.name.endsWith('.mojom')) {
        found.push(relative);
        if (found.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} .mojom files under ${root}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

/**
 * Splits mojom source into comments and code: returns the code with comments blanked
 * (same length, so positions agree) and the comments with their end positions.
 */
function separateComments(text) {
  let code = '';
  const comments = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      code += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      comments.push({ start: i, end: stop, text: text.slice(i + 2, stop) });
      code += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      comments.push({ start: i, end: stop, text: text.slice(i + 2, stop - 2) });
      code += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      code += c;
      i++;
    }
  }
  return { code, comments };
}

/** The first sentence of the comment block that ends right before `position` (blank lines break it). */
function purposeBefore(text, comments, position) {
  const block = [];
  let cursor = position;
  for (let k = comments.length - 1; k >= 0; k--) {
    const comment = comments[k];
    if (comment.end > cursor) continue;
    const between = text.slice(comment.end, cursor);
    // Only whitespace (one line break at most between lines of one block) may separate them.
    if (!/^\s*$/.test(between) || (between.match(/\n/g) ?? []).length > 1) break;
    block.unshift(comment.text);
    cursor = comment.start;
  }
  const paragraph = [];
  for (const line of block.map((l) => l.replace(/^[\s/*]+/, '').trim())) {
    if (line === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line);
  }
  const joined = paragraph.join(' ').replace(/\s+/g, ' ').trim();
  if (joined === '') return null;
  // A sentence ends at . ! or ? before a capital letter or the end, not after "e.g." or "i.e.".
  const sentence = joined.match(/^(.*?(?<!\b(?:e\.g|i\.e|etc|vs))[.!?])(?=\s+[A-Z(]|$)/)?.[1] ?? joined;
  return sentence.length > MAX_PURPOSE_CHARS ? `${sentence.slice(0, MAX_PURPOSE_CHARS - 1)}…` : sentence;
}

/** Index of the bracket that closes the one at `open` (code without comments or strings). */
function closing(code, open) {
  const pairs = { '{': '}', '(': ')', '[': ']' };
  const stack = [];
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      i = code.indexOf('"', i + 1);
      if (i === -1) return -1;
    } else if (c in pairs) stack.push(pairs[c]);
    else if (c === '}' || c === ')' || c === ']') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** Splits an interface body into statements at top-level semicolons. */
function statements(body) {
  const result = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ';' && depth === 0) {
      result.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return result;
}

/** The interfaces of one .mojom file: `{ module, interfaces: [{ name, purpose, methods: [{ name, reply }] }] }`. */
export function parseMojom(text, file) {
  const { code, comments } = separateComments(text);
  const module = code.match(/(?:^|[;\s\]])module\s+([A-Za-z_][\w.]*)\s*;/)?.[1] ?? null;
  const interfaces = [];
  const pattern = /(?:^|[;}\s\]])interface\s+([A-Za-z_]\w*)\s*\{/g;
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    const open = match.index + match[0].length - 1;
    const close = closing(code, open);
    if (close === -1) throw new Error(`${file}: interface ${match[1]} has no closing brace`);
    // The comment sits above the interface's attributes, if it has any.
    let head = match.index + match[0].indexOf('interface');
    const before = code.slice(0, head).trimEnd();
    if (before.endsWith(']')) {
      let depth = 0;
      for (let i = before.length - 1; i >= 0; i--) {
        if (before[i] === ']') depth++;
        else if (before[i] === '[' && --depth === 0) {
          head = i;
          break;
        }
      }
    }
    const methods = [];
    for (const statement of statements(code.slice(open + 1, close))) {
      const bare = statement.replace(/^\s*(\[[^\]]*\]\s*)*/, '').trim();
      if (bare === '' || /^(enum|const|struct|union|feature)\b/.test(bare)) continue;
      const method = bare.match(/^([A-Za-z_]\w*)\s*(?:@\s*\d+\s*)?\(/);
      if (!method) throw new Error(`${file}: cannot read "${bare.slice(0, 60)}" in interface ${match[1]}`);
      methods.push({ name: method[1], reply: /\)\s*=>\s*\(/.test(bare) });
    }
    interfaces.push({ name: match[1], purpose: purposeBefore(text, comments, head), methods });
    pattern.lastIndex = close + 1;
  }
  if (interfaces.length > 0 && module === null) throw new Error(`${file}: interfaces but no module statement`);
  return { module, interfaces };
}

/** First 4 bytes, big-endian, of SHA-256 of the method's C++ name. */
export function ipcHash(cppName) {
  return createHash('sha256').update(cppName, 'utf8').digest().readUInt32BE(0);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const files = mojomFiles(options.dir);
  if (files.length === 0) throw new Error(`no .mojom files under ${options.dir}`);
  const byName = new Map();
  for (const file of files) {
    const bytes = readFileSync(path.join(options.dir, file));
    if (bytes.length > MAX_FILE_BYTES) throw new Error(`${file} is larger than ${MAX_FILE_BYTES} bytes`);
    const { module, interfaces } = parseMojom(bytes.toString('utf8'), file);
    for (const face of interfaces) {
      const name = `${module}.${face.name}`;
      const known = byName.get(name);
      if (known) {
        // The same interface in two files (an extract beside a full file): keep every method name.
        for (const method of face.methods)
          if (!known.methods.some((m) => m.name === method.name)) known.methods.push(method);
        known.purpose ??= face.purpose;
        continue;
      }
      byName.set(name, { name, module, file, purpose: face.purpose, methods: [...face.methods] });
    }
  }
  const interfaces = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const hashes = new Map();
  for (const face of interfaces) {
    const namespace = face.module.split('.').join('::');
    for (const method of face.methods) {
      const full = `${face.name}.${method.name}`;
      const hash = ipcHash(`${namespace}::${face.name.slice(face.module.length + 1)}::${method.name}`);
      const clash = hashes.get(hash);
      if (clash && clash !== full) throw new Error(`hash collision: ${clash} and ${full} both hash to ${hash}`);
      hashes.set(hash, full);
    }
  }
  const methodCount = interfaces.reduce((n, face) => n + face.methods.length, 0);
  const lines = [
    '// GENERATED by electron/hosts/cli/makeMojoNameTable.mjs from Chromium .mojom files: do not edit.',
    '// Regenerate for the Chromium version CI installs (see that script).',
    "import type { MojoNameTableData } from './mojoNameTableData.js';",
    '',
    'export const MOJO_NAME_TABLE: MojoNameTableData = {',
    `  chromiumVersion: ${JSON.stringify(options.version)},`,
    `  source: ${JSON.stringify(options.source)},`,
    `  files: ${files.length},`,
    '  interfaces: [',
    ...interfaces.map(
      (face) =>
        `    { name: ${JSON.stringify(face.name)}, file: ${JSON.stringify(face.file)}, purpose: ${JSON.stringify(face.purpose)}, ` +
        `methods: [${face.methods.map((m) => JSON.stringify(m.name)).join(', ')}], ` +
        `replies: [${face.methods
          .filter((m) => m.reply)
          .map((m) => JSON.stringify(m.name))
          .join(', ')}] },`,
    ),
    '  ],',
    '  hashes: {',
    ...[...hashes.entries()].sort((a, b) => a[0] - b[0]).map(([hash, name]) => `    ${hash}: ${JSON.stringify(name)},`),
    '  },',
    '};',
    '',
  ];
  // Written as the repository's Prettier would write it, so `npm run lint` accepts it as generated.
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(defaultOut)) ?? {};
  writeFileSync(options.out, await prettier.format(lines.join('\n'), { ...config, filepath: options.out }));
  process.stdout.write(
    `${options.out}: ${interfaces.length} interfaces, ${methodCount} methods from ${files.length} .mojom files (Chromium ${options.version})\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`makeMojoNameTable: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
