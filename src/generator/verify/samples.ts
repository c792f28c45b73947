/**
 * @module The golden samples: `generated-samples/<case>/answers.json` plus, at their
 * workspace-relative paths under the case, the exact files `create-connector new` writes for those
 * answers in this repository (`connectorFiles` with the repository's workspace). A case named
 * after a preset (`nuvei`, `paytm`) renders that preset, and its answers.json is written from it.
 * `checkSamples` re-renders every case and reports each byte of drift; `writeSamples` rewrites them.
 */

import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { parseAnswers, type Answers } from '../answers/index.js';
import { connectorFiles } from '../lifecycle/connector-files.js';
import { names } from '../answers/names.js';
import { packageRoot } from '../package-info.js';
import { isPresetId, PRESETS, type PresetId } from '../answers/presets.js';
import { unifiedDiff } from '../changes/tree.js';
import { loadWorkspace, type Workspace } from '../workspace.js';

export const SAMPLES_DIR = 'generated-samples';
export const ANSWERS_FILE = 'answers.json';

/** Where the samples of this package live. */
export function defaultSamplesDir(): string {
  return path.join(packageRoot(), SAMPLES_DIR);
}

export interface SampleCase {
  /** The case's folder name. */
  readonly name: string;
  /** Absolute path of the case's folder. */
  readonly dir: string;
  /** Set when the case renders a preset (its folder is named after it). */
  readonly preset?: PresetId;
}

/** One file of a case, at its posix path relative to the case folder. */
export interface SampleFile {
  readonly path: string;
  readonly content: string;
}

/** How one stored file differs from a fresh render. */
export interface SampleDrift {
  readonly case: string;
  /** Posix path relative to the case folder. */
  readonly path: string;
  readonly kind: 'changed' | 'missing' | 'extra' | 'invalid';
  readonly message: string;
  /** Unified diff from the stored file to the fresh render (changed, missing and extra files). */
  readonly diff?: string;
}

/** A case's fresh render, or why it could not be rendered. */
export type RenderedSample =
  | { readonly ok: true; readonly answers: Answers; readonly files: readonly SampleFile[] }
  | { readonly ok: false; readonly message: string };

/** The cases under `samplesDir`: every folder in it, sorted by name. */
export async function listSampleCases(samplesDir: string): Promise<SampleCase[]> {
  const entries = await readdir(samplesDir, { withFileTypes: true });
  return (
    entries
      // generated-samples/ucs/ holds the Rust target's samples (src/generator/ucs/samples.ts)
      .filter((entry) => entry.isDirectory() && entry.name !== 'ucs')
      .map((entry) => entry.name)
      .sort()
      .map((name) => ({
        name,
        dir: path.join(samplesDir, name),
        ...(isPresetId(name) ? { preset: name } : {}),
      }))
  );
}

function answersText(answers: unknown): string {
  return `${JSON.stringify(answers, null, 2)}\n`;
}

/** The answers a case renders from: its preset's, else its answers.json. */
async function caseAnswersInput(
  sampleCase: SampleCase,
): Promise<{ ok: true; input: unknown } | { ok: false; message: string }> {
  if (sampleCase.preset !== undefined) return { ok: true, input: PRESETS[sampleCase.preset] };
  let text: string;
  try {
    text = await readFile(path.join(sampleCase.dir, ANSWERS_FILE), 'utf8');
  } catch {
    return { ok: false, message: `${ANSWERS_FILE} is missing` };
  }
  try {
    return { ok: true, input: JSON.parse(text) };
  } catch (cause) {
    return { ok: false, message: `${ANSWERS_FILE} is not JSON: ${(cause as Error).message}` };
  }
}

/**
 * Renders one case as `new` would write it in `workspace`: answers.json (the preset's answers for
 * a preset case, the stored file otherwise), the connector's files and its manifest.
 */
export async function renderSample(
  sampleCase: SampleCase,
  workspace: Workspace,
): Promise<RenderedSample> {
  const input = await caseAnswersInput(sampleCase);
  if (!input.ok) return input;
  const parsed = parseAnswers(input.input as Record<string, unknown>);
  if (!parsed.ok) {
    const issues = parsed.issues.map((issue) => `${issue.key}: ${issue.rule}`).join('; ');
    return { ok: false, message: `${ANSWERS_FILE} is not a valid answer set (${issues})` };
  }
  const folder = names(parsed.answers.name).folder;
  if (folder !== sampleCase.name) {
    // one connector folder per case keeps the cases' connectors apart in one sample workspace
    return { ok: false, message: `the case folder must be named "${folder}", after its connector` };
  }
  // recorded afresh: a recording that does not repeat shows as drift
  const generated = await connectorFiles(workspace, parsed.answers, { cassetteCache: false });
  const answersFile =
    sampleCase.preset === undefined
      ? await readFile(path.join(sampleCase.dir, ANSWERS_FILE), 'utf8')
      : answersText(PRESETS[sampleCase.preset]);
  return {
    ok: true,
    answers: parsed.answers,
    files: [{ path: ANSWERS_FILE, content: answersFile }, ...generated.files],
  };
}

/** Every file stored in a case folder (posix paths relative to it, sorted). */
export async function readSampleFiles(caseDir: string): Promise<SampleFile[]> {
  const entries = await readdir(caseDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(caseDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      path: file,
      content: await readFile(path.join(caseDir, ...file.split('/')), 'utf8'),
    })),
  );
}

/** Compares a case's stored files with its fresh render: every changed, missing or extra file. */
export async function compareSample(
  sampleCase: SampleCase,
  rendered: readonly SampleFile[],
  stored: readonly SampleFile[],
): Promise<SampleDrift[]> {
  const storedByPath = new Map(stored.map((file) => [file.path, file.content]));
  const renderedPaths = new Set(rendered.map((file) => file.path));
  const drifts: SampleDrift[] = [];
  for (const file of rendered) {
    const before = storedByPath.get(file.path);
    if (before === file.content) continue;
    const missing = before === undefined;
    drifts.push({
      case: sampleCase.name,
      path: file.path,
      kind: missing ? 'missing' : 'changed',
      message: missing
        ? 'is missing: a fresh render produces it'
        : 'differs from a fresh render with the current templates',
      diff: await unifiedDiff(
        { path: file.path, type: missing ? 'create' : 'update', content: file.content },
        before,
      ),
    });
  }
  for (const file of stored) {
    if (renderedPaths.has(file.path)) continue;
    drifts.push({
      case: sampleCase.name,
      path: file.path,
      kind: 'extra',
      message: 'is not produced by a fresh render',
      diff: await unifiedDiff({ path: file.path, type: 'delete' }, file.content),
    });
  }
  return drifts;
}

export interface SampleCheck {
  readonly case: SampleCase;
  /** The fresh render (absent when the case could not be rendered). */
  readonly rendered?: RenderedSample & { ok: true };
  readonly drifts: readonly SampleDrift[];
  readonly durationMs: number;
}

/** The workspace samples render in: this package's own (its layout, imports and prettier config). */
export function sampleRenderWorkspace(): Workspace {
  return loadWorkspace(packageRoot());
}

/** Re-renders one case and compares it byte for byte with what is stored. */
export async function checkSample(
  sampleCase: SampleCase,
  workspace: Workspace = sampleRenderWorkspace(),
): Promise<SampleCheck> {
  const started = performance.now();
  const rendered = await renderSample(sampleCase, workspace);
  if (!rendered.ok) {
    const drift: SampleDrift = {
      case: sampleCase.name,
      path: ANSWERS_FILE,
      kind: 'invalid',
      message: rendered.message,
    };
    return { case: sampleCase, drifts: [drift], durationMs: performance.now() - started };
  }
  const drifts = await compareSample(
    sampleCase,
    rendered.files,
    await readSampleFiles(sampleCase.dir),
  );
  return { case: sampleCase, rendered, drifts, durationMs: performance.now() - started };
}

/** Re-renders every case under `samplesDir` (sequentially: rendering is CPU-bound and fast). */
export async function checkSamples(
  samplesDir: string = defaultSamplesDir(),
  workspace: Workspace = sampleRenderWorkspace(),
): Promise<SampleCheck[]> {
  const checks: SampleCheck[] = [];
  for (const sampleCase of await listSampleCases(samplesDir)) {
    checks.push(await checkSample(sampleCase, workspace));
  }
  return checks;
}

/** Removes `dir` and its parents up to (not including) `stop` while they are empty. */
async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  for (
    let current = dir;
    current !== stop && current.startsWith(stop);
    current = path.dirname(current)
  ) {
    if ((await readdir(current)).length > 0) return;
    await rmdir(current);
  }
}

/**
 * Rewrites every case under `samplesDir` with its fresh render, creating a case for each preset
 * that has none and removing stored files a render no longer produces. Returns what changed.
 */
export async function writeSamples(
  samplesDir: string = defaultSamplesDir(),
  workspace: Workspace = sampleRenderWorkspace(),
): Promise<SampleDrift[]> {
  await mkdir(samplesDir, { recursive: true });
  for (const preset of Object.keys(PRESETS))
    await mkdir(path.join(samplesDir, preset), { recursive: true });
  const changed: SampleDrift[] = [];
  for (const check of await checkSamples(samplesDir, workspace)) {
    if (check.rendered === undefined) {
      changed.push(...check.drifts);
      continue;
    }
    for (const drift of check.drifts) {
      const file = path.join(check.case.dir, ...drift.path.split('/'));
      if (drift.kind === 'extra') {
        await rm(file);
        await removeEmptyParents(path.dirname(file), check.case.dir);
      } else {
        const content = check.rendered.files.find((candidate) => candidate.path === drift.path);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, content?.content ?? '');
      }
      changed.push(drift);
    }
  }
  return changed;
}
