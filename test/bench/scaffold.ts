/**
 * Scaffold section: `create-connector new --answers <file> --yes` in a fresh copy of a workspace
 * made by `create-connector init`, against plop and hygen doing the same job (scaffold-peers.ts),
 * whole processes, interleaved. Our run is split into phases with `--timings`.
 *
 * Ours is measured twice: with a warm V8 code cache for the compiler API (every run from the
 * second on: the cache persists in $CREATE_CONNECTOR_CACHE_DIR) and cold (an empty cache
 * directory each time: a machine's very first run, which also writes the cache at exit).
 */

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { REPO } from './cli.js';
import type { BenchContext } from './context.js';
import { runNode, type ProcessRun } from './processes.js';
import {
  CONNECTOR_NAME,
  checkRegistry,
  checkSameFiles,
  writeHygen,
  writePlop,
  type OutputFile,
  type Variant,
} from './scaffold-peers.js';
import { interleave, pairedRatio, summarize, type Summary } from './stats.js';
import type { Row, Target } from './table.js';

const SECTION = 'scaffold';
const RUNS = 12;
const PHASES = ['registry', 'validate', 'render', 'prettier', 'cassettes', 'write'] as const;

const ANSWERS = {
  name: CONNECTOR_NAME,
  baseUrl: 'https://api.acmepay.example',
  authType: 'SignatureKey',
  sessionTokenEndpoint: 'v1/session-token',
  authorizeEndpoint: 'v1/payments',
  tokenPlacement: 'header',
};

const PLOP = path.join(REPO, 'node_modules', 'plop', 'bin', 'plop.js');
const HYGEN = path.join(REPO, 'node_modules', 'hygen', 'dist', 'bin.js');

interface Setup {
  readonly bin: string;
  readonly root: string;
  readonly answers: string;
  readonly warmCache: string;
  /** Workspaces each run copies: ours, and one per peer with its generator in it. */
  readonly workspaces: Readonly<Record<'ours' | 'plop' | 'hygen', string>>;
  /** What `new` writes besides the registry edit, the manifest and the cassettes. */
  readonly files: readonly OutputFile[];
  /** How many day-one cassettes `new` records (peers write none). */
  readonly cassettes: number;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

let runCounter = 0;

/** Copies `workspace`, runs `args` in the copy (the copy is not timed), checks, removes it. */
function inFreshCopy(
  workspace: string,
  run: (cwd: string) => ProcessRun,
  check: (cwd: string) => void = () => {},
): ProcessRun {
  runCounter += 1;
  const cwd = `${workspace}-run-${runCounter}`;
  cpSync(workspace, cwd, { recursive: true });
  try {
    const result = run(cwd);
    check(cwd);
    return result;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function ours(bin: string, answers: string, cwd: string, cacheDir: string): ProcessRun {
  return runNode([bin, 'new', '--answers', answers, '--yes', '--timings'], {
    cwd,
    env: { CREATE_CONNECTOR_CACHE_DIR: cacheDir },
  });
}

function phasesOf(run: ProcessRun): Record<string, number> {
  const line = run.stderr
    .split('\n')
    .reverse()
    .find((text) => text.startsWith('{"phases"'));
  if (line === undefined) throw new Error(`new --timings printed no phases:\n${run.stderr}`);
  return (JSON.parse(line) as { phases: Record<string, number> }).phases;
}

function prepare(ctx: BenchContext): Setup {
  const { bin } = ctx.requireCli();
  const root = path.join(ctx.scratch, 'scaffold');
  const base = path.join(root, 'workspace');
  mkdirSync(root, { recursive: true });
  runNode([bin, 'init', base]);
  // init writes `{}` on the declaration's line; line-based peers need the braces on two lines
  // (hygen injects after a line). Ours edits either form.
  const registry = path.join(base, 'src', 'connectors', 'registry.ts');
  writeFileSync(
    registry,
    readFileSync(registry, 'utf8').replace(
      'export const connectors = {} as const',
      'export const connectors = {\n} as const',
    ),
  );
  const answers = path.join(root, 'answers.json');
  writeFileSync(answers, `${JSON.stringify(ANSWERS, null, 2)}\n`);
  const warmCache = path.join(root, 'cache');

  // One run of ours: primes the warm cache and shows what the peers must write.
  const before = new Set(listFiles(base));
  const files: OutputFile[] = [];
  let cassettes = 0;
  inFreshCopy(
    base,
    (cwd) => ours(bin, answers, cwd, warmCache),
    (cwd) => {
      for (const file of listFiles(cwd)) {
        if (before.has(file) || file.endsWith('manifest.json')) continue;
        // recorded by running the connector: a template generator has nothing to write them with
        if (file.includes('/cassettes/')) cassettes += 1;
        else files.push({ path: file, content: readFileSync(path.join(cwd, file), 'utf8') });
      }
    },
  );
  // index.ts first: the `one` variants render it.
  files.sort((a, b) => Number(b.path.endsWith('/index.ts')) - Number(a.path.endsWith('/index.ts')));
  // index, transformers, test and README (and any file a flow adds): the peers write the same
  const kinds = ['/index.ts', '/transformers.ts', '.test.ts', '/README.md'];
  if (!kinds.every((kind) => files.some((file) => file.path.endsWith(kind)))) {
    throw new Error(`new wrote ${files.map((file) => file.path).join(', ')}; expected ${kinds}`);
  }

  const peerWorkspace = (name: 'plop' | 'hygen', write: typeof writePlop) => {
    const dir = path.join(root, name);
    cpSync(base, dir, { recursive: true });
    write(dir, files);
    return dir;
  };
  return {
    bin,
    root,
    answers,
    warmCache,
    files,
    cassettes,
    workspaces: {
      ours: base,
      plop: peerWorkspace('plop', writePlop),
      hygen: peerWorkspace('hygen', writeHygen),
    },
  };
}

function plop(setup: Setup, variant: Variant): ProcessRun {
  return inFreshCopy(
    setup.workspaces.plop,
    (cwd) => runNode([PLOP, '--plopfile', 'plopfile.js', variant, CONNECTOR_NAME], { cwd }),
    (cwd) => check(`plop ${variant}`, cwd, setup, variant),
  );
}

function hygen(setup: Setup, variant: Variant): ProcessRun {
  return inFreshCopy(
    setup.workspaces.hygen,
    (cwd) => runNode([HYGEN, 'connector', variant, '--name', CONNECTOR_NAME], { cwd }),
    (cwd) => check(`hygen ${variant}`, cwd, setup, variant),
  );
}

function check(contender: string, cwd: string, setup: Setup, variant: Variant): void {
  checkSameFiles(contender, cwd, variant === 'one' ? setup.files.slice(0, 1) : setup.files);
  checkRegistry(contender, cwd, variant);
}

export async function scaffoldRows(ctx: BenchContext): Promise<Row[]> {
  const setup = prepare(ctx);
  const phases: Array<Record<string, number>> = [];
  let cold = 0;
  const samples = await interleave(
    {
      ours: () =>
        inFreshCopy(setup.workspaces.ours, (cwd) => {
          const run = ours(setup.bin, setup.answers, cwd, setup.warmCache);
          phases.push(phasesOf(run));
          return run;
        }).ms,
      oursCold: () => {
        cold += 1;
        const cache = path.join(setup.root, `cold-cache-${cold}`);
        try {
          return inFreshCopy(setup.workspaces.ours, (cwd) =>
            ours(setup.bin, setup.answers, cwd, cache),
          ).ms;
        } finally {
          rmSync(cache, { recursive: true, force: true });
        }
      },
      plopOne: () => plop(setup, 'one').ms,
      plopAll: () => plop(setup, 'all').ms,
      hygenOne: () => hygen(setup, 'one').ms,
      hygenAll: () => hygen(setup, 'all').ms,
    },
    RUNS,
  );
  phases.shift(); // the warm-up round's

  type Extra = { target?: Target; note?: string };
  const row = (measure: string, summary: Summary, extra: Extra = {}): Row => ({
    section: SECTION,
    measure,
    unit: 'ms',
    summary,
    ...extra,
  });
  const ratio = (measure: string, a: number[], b: number[], extra: Extra = {}): Row => ({
    section: SECTION,
    measure,
    unit: 'ratio',
    summary: pairedRatio(a, b),
    ...extra,
  });
  const PHASE_NOTES: Partial<Record<(typeof PHASES)[number], string>> = {
    render: 'precompiled templates from the cache (Handlebars runtime only)',
    prettier: 'house style: the rendered text is already formatted, prettier not loaded',
    cassettes:
      'day-one cassettes from the cache (same answers but the name); a miss runs the connector (cold row)',
    registry:
      'the hand lexer (no TypeScript) on an init-made registry; it is read once (ids, names, then the edit)',
  };
  const phaseRows = PHASES.map((phase) => {
    const note = PHASE_NOTES[phase];
    const summary = summarize(phases.map((run) => run[phase] ?? 0));
    return row(`ours, phase ${phase}`, summary, note === undefined ? {} : { note });
  });
  const outside = phases.map(
    (run, index) =>
      samples.ours[index]! - PHASES.reduce((sum, phase) => sum + (run[phase] ?? 0), 0),
  );
  const all = `${setup.files.length} files`;
  return [
    row('`new` (ours), warm code cache', summarize(samples.ours), {
      note: `${all} + ${setup.cassettes} recorded cassettes + manifest + registry import/entry; compiler API cached (2nd run on) for registries outside the hand lexer`,
    }),
    ...phaseRows,
    row('ours, outside the phases', summarize(outside), {
      note: 'node start-up, module loading, answers file, output',
    }),
    row('`new` (ours), cold code cache', summarize(samples.oursCold), {
      note: 'empty cache dir each run: a first run (compiles TypeScript, transpiles and runs the connector to record its cassettes, writes the caches)',
    }),
    row('plop, 1 file + 1 registry line', summarize(samples.plopOne)),
    row(`plop, ${all} + 2 registry lines`, summarize(samples.plopAll)),
    row('hygen, 1 file + 1 registry line', summarize(samples.hygenOne)),
    row(`hygen, ${all} + 2 registry lines`, summarize(samples.hygenAll)),
    ratio('ours (warm) : plop 1 file', samples.ours, samples.plopOne, {
      target: { op: '≤', value: 1 },
    }),
    ratio(`ours (warm) : plop ${all}`, samples.ours, samples.plopAll),
    ratio('ours (warm) : hygen 1 file', samples.ours, samples.hygenOne),
    ratio(`ours (warm) : hygen ${all}`, samples.ours, samples.hygenAll),
    ratio('ours (cold) : plop 1 file', samples.oursCold, samples.plopOne),
  ];
}
