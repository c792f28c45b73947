/**
 * @module The import graph of src/ read from the source text (static, type-only and dynamic
 * relative imports alike), for the architecture tests: cycles, rooms, file sizes.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

export interface ModuleGraph {
  /** Every module, as a path relative to the root with `/` separators. */
  readonly modules: readonly string[];
  readonly imports: ReadonlyMap<string, readonly string[]>;
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listTs(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export function moduleGraph(root: string, folder: string): ModuleGraph {
  const files = listTs(path.join(root, folder));
  const key = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((match) =>
      key(path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts'))),
    );
    imports.set(key(file), [...new Set(targets)]);
  }
  return { modules: [...imports.keys()].sort(), imports };
}

/** Strongly connected components with more than one member, or a self-import (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node))
      found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** The room (sub-folder of src/generator) a module lives in, or undefined for the top level. */
export function generatorRoom(module: string): string | undefined {
  const match = /^src\/generator\/([^/]+)\//.exec(module);
  return match?.[1];
}
