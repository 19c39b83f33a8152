/**
 * No import cycles between files (type-only imports count too: a cycle of types is a
 * design knot all the same). The graph is every relative import of shared/, electron/
 * and renderer/, resolved as the compiler resolves it; a cycle is reported as its files.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const SOURCE = /\.(ts|mts|mjs|vue)$/;

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The relative imports of a file (import … from, export … from, import()), resolved to files that exist. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  const resolved: string[] = [];
  for (const specifier of specifiers) {
    const base = path.resolve(path.dirname(file), specifier.replace(/\?.*$/, ''));
    const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isFile() && SOURCE.test(c));
    if (found) resolved.push(found);
  }
  return resolved;
}

/** Strongly connected components of more than one file (Tarjan), or a file importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    lowlink.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        lowlink.set(v, Math.min(lowlink.get(v)!, lowlink.get(w)!));
      } else if (onStack.has(w)) lowlink.set(v, Math.min(lowlink.get(v)!, indices.get(w)!));
    }
    if (lowlink.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

describe('imports', () => {
  it('form no cycle between files', () => {
    const files = ['shared', 'electron', 'renderer/src'].flatMap((folder) => filesUnder(path.join(root, folder)));
    expect(files.length).toBeGreaterThan(150);
    const graph = new Map(files.map((file) => [file, importsOf(file)] as const));
    const found = cycles(graph).map((cycle) => cycle.map((f) => path.relative(root, f)).sort());
    expect(found).toEqual([]);
  });

  it('a cycle would be found', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['c', 'b', 'a']]);
  });
});
