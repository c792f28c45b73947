/**
 * All 144 answer combinations, rendered (with their day-one cassettes, recorded from the generic
 * emulator) into one sample workspace that mirrors this repository: one strict tsc program over
 * every generated connector and test, and one vitest run of every generated test file.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dayOneCassettes } from '../../src/generator/cassettes/index.js';
import { renderConnector } from '../../src/generator/render/render.js';
import {
  createSampleWorkspace,
  samplePath,
  type CheckResult,
  type SampleWorkspace,
} from '../../src/generator/verify/sample-workspace.js';
import { answerCombinations } from './combinations-cases.js';

const combinations = answerCombinations();

/** What a failed run printed, trimmed to what a failure report can show. */
function report(result: CheckResult): string {
  const output = result.output.trim();
  return output.length <= 20_000 ? output : `…${output.slice(-20_000)}`;
}

describe.concurrent(`all ${combinations.length} answer combinations`, () => {
  let workspace: SampleWorkspace;
  let renderMs = 0;

  beforeAll(async () => {
    workspace = await createSampleWorkspace({ prefix: 'cc-combos-' });
    const started = performance.now();
    for (const context of combinations) {
      const { folder } = context.names;
      const rendered = renderConnector(context);
      await workspace.write(folder, rendered);
      const modules = rendered
        .filter((file) => file.output !== 'test')
        .map((file) => ({ path: samplePath(folder, file.output), content: file.content }));
      const cassettes = await dayOneCassettes({
        answers: context.answers,
        connectorId: context.names.id,
        modules,
        entry: samplePath(folder, 'index'),
        exportName: context.names.value,
        runtimeSpecifier: context.imports.runtime,
      });
      await workspace.writeCassettes(folder, cassettes);
    }
    renderMs = performance.now() - started;
  });
  afterAll(async () => {
    await workspace?.dispose();
  });

  it('covers every combination once', () => {
    expect(combinations).toHaveLength(144);
    expect(new Set(combinations.map(({ names }) => names.id)).size).toBe(144);
  });

  it('type-check as one strict program', async ({ annotate }) => {
    const result = await workspace.typeCheck();
    await annotate(`render ${Math.round(renderMs)} ms, tsc ${Math.round(result.durationMs)} ms`);
    expect(result.ok, report(result)).toBe(true);
  }, 300_000);

  it('pass their generated tests in one vitest run', async ({ annotate }) => {
    const result = await workspace.runTests();
    await annotate(`vitest ${Math.round(result.durationMs)} ms`);
    expect(result.ok, report(result)).toBe(true);
    expect(result.output).toMatch(/Test Files\s+144 passed \(144\)/);
  }, 300_000);
});
