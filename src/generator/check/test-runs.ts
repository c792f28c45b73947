/**
 * @module Checklist: tests present and passing, and the conformance suite. The connector's own
 * tests run under the workspace's vitest; beside them the suite of src/testing/conformance.ts
 * runs against the emulator of the connector's gateway when this package has one (a generated
 * connector's generic emulator, the references' own), from a test file written to a temporary
 * folder, never into the workspace.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { ConformancePreset } from '../../testing/conformance-presets.js';
import { VITEST_OXC_CONFIG } from '../verify/sample-workspace.js';
import { workspaceVitest } from '../verify/workspace.js';
import { workspaceFile, type Workspace } from '../workspace.js';
import { stringValue } from './code-graph.js';
import { conformanceVerdict, type SuiteOutcome } from './conformance-verdict.js';
import type { ConnectorDefinition } from './definition.js';
import { fail, pass, type CheckItem } from './report.js';
import { testPlaces } from './test-files.js';
import { failureLines, runVitest, type VitestReport, type VitestRun } from './vitest-run.js';

const RUN_TIMEOUT_MS = 180_000;
const FAILURES_SHOWN = 5;

/** The emulator this package has for the connector, if any. */
function presetOf(definition: ConnectorDefinition): ConformancePreset | undefined {
  const { manifest, id } = definition.sources;
  if (manifest !== undefined) return { kind: 'generic', spec: manifest.answers };
  if (id === 'nuvei' || id === 'paytm') return { kind: id };
  return undefined;
}

/** The absolute file of the workspace's `testing` module. */
function testingModule(workspace: Workspace): string {
  const ref = workspace.imports.testing;
  if (ref.kind === 'path') return workspaceFile(workspace, ref.path);
  return createRequire(path.join(workspace.root, 'package.json')).resolve(ref.specifier);
}

function conformanceTestFile(definition: ConnectorDefinition, preset: ConformancePreset): string {
  const { sources } = definition;
  const json = JSON.stringify;
  return [
    `import { conformancePreset, runConnectorConformance } from ${json(testingModule(sources.workspace))};`,
    `import * as module from ${json(sources.entryFile.getFilePath())};`,
    '',
    `runConnectorConformance(conformancePreset(module[${json(sources.exportName)}], ${json(preset)}));`,
    '',
  ].join('\n');
}

function failedTests(summary: string, run: VitestRun): CheckItem {
  const lines = run.report === undefined ? [] : failureLines(run.report);
  const shown = lines.slice(0, FAILURES_SHOWN).join('; ');
  const message = shown === '' ? summary : `${summary}: ${shown}`;
  return { ...fail('tests', message), detail: run.output };
}

function counted(report: VitestReport): string {
  return `${report.numPassedTests} of ${report.numTotalTests} tests pass`;
}

async function runTests(definition: ConnectorDefinition, vitest: string, files: readonly string[]) {
  const { workspace } = definition.sources;
  return runVitest({ vitest, root: workspace.root, files, timeoutMs: RUN_TIMEOUT_MS });
}

async function runConformance(
  definition: ConnectorDefinition,
  vitest: string,
  preset: ConformancePreset,
): Promise<VitestRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cc-check-conformance-'));
  try {
    await writeFile(path.join(dir, 'conformance.test.ts'), conformanceTestFile(definition, preset));
    // the suite may import the runtime's sources (this repository): .cts among them
    await writeFile(
      path.join(dir, 'vitest.config.mjs'),
      `export default { ${VITEST_OXC_CONFIG} };\n`,
    );
    return await runVitest({ vitest, root: dir, files: [], timeoutMs: RUN_TIMEOUT_MS });
  } catch (error) {
    // the testing module does not resolve (the package is not installed): the suite cannot run
    const reason = error instanceof Error ? error.message : String(error);
    return { exitCode: null, report: undefined, output: reason };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function testsItem(
  definition: ConnectorDefinition,
  files: readonly string[],
  run: VitestRun | undefined,
): CheckItem {
  if (files.length === 0 || run === undefined) {
    const [file, folder] = testPlaces(definition.sources);
    return fail('tests', `no test files for this connector (looked for ${file} and ${folder}/)`);
  }
  if (run.exitCode === 0 && run.report !== undefined) {
    const noun = files.length === 1 ? 'test file' : 'test files';
    return pass('tests', `${files.length} ${noun}: ${counted(run.report)}`);
  }
  const summary =
    run.report === undefined
      ? 'the tests did not run'
      : `${run.report.numFailedTests} of ${run.report.numTotalTests} tests fail`;
  return failedTests(summary, run);
}

/** The suite's results within the connector's own test run, if its tests call it. */
function suiteInTests(
  definition: ConnectorDefinition,
  run: VitestRun | undefined,
): SuiteOutcome | undefined {
  const name = stringValue(definition.sources, definition.members.get('name')?.value);
  const suite = `${name ?? definition.sources.id} conformance`;
  const results = (run?.report?.testResults ?? []).flatMap((file) =>
    file.assertionResults.filter((test) => test.ancestorTitles[0] === suite),
  );
  if (results.length === 0) return undefined;
  return {
    where: "in the connector's tests",
    total: results.length,
    failures: results
      .filter((test) => test.status !== 'passed')
      .map((test) => `${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n')[0] ?? ''}`),
  };
}

/** The first line of a run's output that says something. */
function firstLine(output: string): string {
  return (
    output
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'no output'
  );
}

/** check's own run of the suite against the emulator. */
function suiteOnEmulator(preset: ConformancePreset, run: VitestRun): SuiteOutcome {
  const where =
    preset.kind === 'generic'
      ? 'against the generic emulator'
      : `against the ${preset.kind} emulator`;
  const ok = run.exitCode === 0 && run.report !== undefined;
  const failures = ok ? [] : run.report === undefined ? [] : failureLines(run.report);
  return {
    where,
    total: run.report?.numTotalTests ?? 0,
    failures: ok || failures.length > 0 ? failures : [`it did not run: ${firstLine(run.output)}`],
    ...(ok ? {} : { detail: run.output }),
  };
}

export async function checkTestRuns(
  definition: ConnectorDefinition,
  files: readonly string[],
): Promise<CheckItem[]> {
  const vitest = workspaceVitest(definition.sources.workspace);
  if (vitest === undefined) {
    const message = 'vitest is not installed in this workspace: run npm install';
    return [fail('tests', message), fail('conformance', message)];
  }
  const preset = presetOf(definition);
  const [tests, conformance] = await Promise.all([
    files.length === 0 ? undefined : runTests(definition, vitest, files),
    preset === undefined ? undefined : runConformance(definition, vitest, preset),
  ]);
  const onEmulator =
    preset === undefined || conformance === undefined
      ? undefined
      : suiteOnEmulator(preset, conformance);
  const conformanceItem = conformanceVerdict(onEmulator, suiteInTests(definition, tests));
  return [testsItem(definition, files, tests), conformanceItem];
}
