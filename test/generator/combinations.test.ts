/**
 * All 144 answer combinations, each with the five flows after Authorize, and a few subsets of
 * those flows, rendered (with their day-one cassettes) into one sample workspace that mirrors this repository: one strict tsc
 * program over every generated connector and test, and one vitest run of every generated test
 * file against the generic emulator, with one more file that runs every generated flow of every
 * connector against the emulator built from its answers (helpers/generated-flows.ts).
 */

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dayOneCassettes } from '../../src/generator/cassettes/index.js';
import type { TemplateContext } from '../../src/generator/render/render.js';
import { renderConnector } from '../../src/generator/render/render.js';
import {
  createSampleWorkspace,
  samplePath,
  type CheckResult,
  type SampleWorkspace,
} from '../../src/generator/verify/sample-workspace.js';
import { answerCombinations, flowSubsets } from './combinations-cases.js';
import type { FlowCaseSpec } from './helpers/generated-flows.js';

const combinations = answerCombinations();
const subsets = flowSubsets();
const contexts = [...combinations, ...subsets];

/** The flows the templates generate so far. */
const GENERATED_FLOWS = ['PSync', 'Capture', 'Void', 'Refund', 'RSync'] as const;

/** What a failed run printed, trimmed to what a failure report can show. */
function report(result: CheckResult): string {
  const output = result.output.trim();
  return output.length <= 20_000 ? output : `…${output.slice(-20_000)}`;
}

/** The emulator's spec from a connector's answers: the keys it reads, the generated flows. */
function flowCaseSpec({ answers }: TemplateContext): FlowCaseSpec {
  const { sessionTokenEndpoint, authorizeEndpoint, contentType, authType } = answers;
  const { tokenPlacement, tokenName, amountType } = answers;
  const endpoints = {
    syncEndpoint: answers.syncEndpoint,
    captureEndpoint: answers.captureEndpoint,
    voidEndpoint: answers.voidEndpoint,
    refundEndpoint: answers.refundEndpoint,
    refundSyncEndpoint: answers.refundSyncEndpoint,
  };
  return {
    sessionTokenEndpoint,
    authorizeEndpoint,
    contentType,
    authType,
    tokenPlacement,
    tokenName,
    amountType,
    flows: answers.flows.filter((flow) => (GENERATED_FLOWS as readonly string[]).includes(flow)),
    ...Object.fromEntries(Object.entries(endpoints).filter(([, value]) => value !== undefined)),
  };
}

/** The driver, copied into the workspace so that it imports the workspace's runtime and sandbox. */
const DRIVER = new URL('./helpers/generated-flows.ts', import.meta.url);

async function writeDriver(workspaceRoot: string): Promise<void> {
  const source = await readFile(fileURLToPath(DRIVER), 'utf8');
  await mkdir(path.join(workspaceRoot, 'test/support'), { recursive: true });
  await writeFile(
    path.join(workspaceRoot, 'test/support/generated-flows.ts'),
    source.replaceAll("from '../../../src/", "from '../../src/"),
  );
}

/** One vitest file in the workspace that runs every connector's flows against its emulator. */
function flowsTestFile(): string {
  const imports = contexts.map(
    ({ names }, index) =>
      `import { ${names.value} as c${index} } from '../src/connectors/${names.folder}/index.js';`,
  );
  const cases = contexts.map(
    (context, index) =>
      `  [${JSON.stringify(context.names.id)}, c${index}, ${JSON.stringify(flowCaseSpec(context))}],`,
  );
  return [
    `import { describe, it } from 'vitest';`,
    `import { exerciseFlows, type FlowCaseSpec } from './support/generated-flows.js';`,
    ...imports,
    `const cases: ReadonlyArray<readonly [string, Parameters<typeof exerciseFlows>[0], FlowCaseSpec]> = [`,
    ...cases,
    `];`,
    `describe.concurrent('every generated flow against the generic emulator', () => {`,
    `  it.each(cases)('%s', async (_, connector, spec) => {`,
    `    await exerciseFlows(connector, spec);`,
    `  });`,
    `});`,
    '',
  ].join('\n');
}

describe.concurrent(
  `all ${combinations.length} answer combinations and ${subsets.length} flow subsets`,
  () => {
    let workspace: SampleWorkspace;
    let renderMs = 0;

    beforeAll(async () => {
      workspace = await createSampleWorkspace({ prefix: 'cc-combos-' });
      const started = performance.now();
      for (const context of contexts) {
        const { folder } = context.names;
        const rendered = renderConnector(context);
        await workspace.write(folder, rendered);
        // the day-one cassettes the generated test replays, as `new` records them
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
      await writeDriver(workspace.root);
      await writeFile(path.join(workspace.root, 'test/flows.test.ts'), flowsTestFile());
      // recording every connector's cassettes runs each one through its scenarios
    }, 300_000);
    afterAll(async () => {
      await workspace?.dispose();
    });

    it('covers every combination once, each with all five flows', () => {
      expect(combinations).toHaveLength(144);
      expect(new Set(contexts.map(({ names }) => names.id)).size).toBe(contexts.length);
      for (const { answers } of combinations) {
        expect(answers.flows).toEqual(['PSync', 'Capture', 'Void', 'Refund', 'RSync']);
      }
    });

    it('type-check as one strict program', async ({ annotate }) => {
      const result = await workspace.typeCheck();
      await annotate(
        `render and record ${Math.round(renderMs)} ms, tsc ${Math.round(result.durationMs)} ms`,
      );
      expect(result.ok, report(result)).toBe(true);
    }, 300_000);

    it('pass their generated tests and run every flow against the emulator in one vitest run', async ({
      annotate,
    }) => {
      const result = await workspace.runTests();
      await annotate(`vitest ${Math.round(result.durationMs)} ms`);
      expect(result.ok, report(result)).toBe(true);
      const files = contexts.length + 1;
      expect(result.output).toMatch(new RegExp(`Test Files\\s+${files} passed \\(${files}\\)`));
    }, 300_000);
  },
);
