import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { cycles, generatorRoom, moduleGraph } from './module-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const graph = moduleGraph(ROOT, 'src');

/** Files allowed over the size limit: data tables only (none today). */
const OVERSIZED: ReadonlySet<string> = new Set<string>([]);
const MAX_LINES = 300;

describe('the module graph of src/', () => {
  it('has no import cycle (static, type-only or dynamic)', () => {
    expect(cycles(graph.imports)).toEqual([]);
  });

  it("has no cycle between the generator's rooms", () => {
    const rooms = new Map<string, Set<string>>();
    for (const [module, targets] of graph.imports) {
      const from = generatorRoom(module);
      if (from === undefined) continue;
      const edges = rooms.get(from) ?? new Set<string>();
      rooms.set(from, edges);
      for (const target of targets) {
        const to = generatorRoom(target);
        if (to !== undefined && to !== from) edges.add(to);
      }
    }
    const roomGraph = new Map([...rooms].map(([room, edges]) => [room, [...edges]]));
    expect(cycles(roomGraph)).toEqual([]);
  });

  it(`keeps every file at ${MAX_LINES} lines or fewer, except data tables`, () => {
    const oversized = graph.modules.filter((module) => {
      if (OVERSIZED.has(module)) return false;
      const text = readFileSync(path.join(ROOT, module), 'utf8');
      return text.split('\n').length - (text.endsWith('\n') ? 1 : 0) > MAX_LINES;
    });
    expect(oversized).toEqual([]);
  });
});

describe('cycles()', () => {
  it.each([
    ['no edges', [['a', []]], []],
    [
      'a chain',
      [
        ['a', ['b']],
        ['b', ['c']],
        ['c', []],
      ],
      [],
    ],
    [
      'a two-cycle',
      [
        ['a', ['b']],
        ['b', ['a']],
      ],
      [['a', 'b']],
    ],
    ['a self-import', [['a', ['a']]], [['a']]],
    [
      'a cycle beside a chain',
      [
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['b']],
      ],
      [['b', 'c']],
    ],
  ] as const)('%s', (_, edges, expected) => {
    const input = new Map(edges.map(([node, targets]) => [node, [...targets]] as const));
    expect(cycles(input)).toEqual(expected);
  });
});
