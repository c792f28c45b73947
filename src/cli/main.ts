/**
 * @module The `create-connector` program. Only commander and static tables load at start-up;
 * each command's module (and with it zod, prettier, ts-morph, the prompts) loads when it runs.
 */

import { resolve } from 'node:path';

import { installPackagePreload } from '../generator/package-cache.js';
import { ownPackage } from '../generator/package-info.js';
import { Command, CommanderError, Option } from './commander.js';
import type { ExitCode } from './errors.js';
import { processIo, type CliIo } from './io.js';
import { parseErrorIssue } from './parse-error.js';
import {
  addAnswerFlags,
  common,
  flowCallOptions,
  integerIn,
  isUcs,
  targetOptions,
  withoutTarget,
  type CommonOptions,
} from './program-options.js';
import { reportError } from './report.js';
import type { RunFlow } from './run-flows.js';

export function buildProgram(io: CliIo, setExit: (code: ExitCode) => void): Command {
  const program = new Command('create-connector')
    .description(
      'Scaffold, run and keep up to date payment connectors that need a session token before they authorize.',
    )
    .version(ownPackage().version)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .exitOverride();

  const run = async (options: CommonOptions, task: (io: CliIo) => Promise<ExitCode>) => {
    const scoped: CliIo =
      options.cwd === undefined ? io : { ...io, cwd: resolve(io.cwd, options.cwd) };
    try {
      setExit(await task(scoped));
    } catch (error) {
      setExit(
        reportError(error, scoped, {
          json: options.json === true,
          verbose: options.verbose === true,
        }),
      );
    }
  };

  const create = addAnswerFlags(
    common(
      program.command('new', { isDefault: true }).argument('[name]', 'connector name (PascalCase)'),
    ),
  )
    .description('generate a connector from answers: flags, an answers file, a preset or prompts')
    .option('--answers <file>', 'answers file (JSON); flags override it')
    .addOption(
      new Option('--preset <preset>', 'start from a reference connector').choices([
        'nuvei',
        'paytm',
      ]),
    )
    .option('--yes', 'take defaults for every answer not given, without asking')
    .option('--dry-run', 'print the plan and a unified diff per file; write nothing')
    .option('--force', 'overwrite files that already exist')
    .option('--timings', 'print the time of each phase on stderr')
    .option(
      '--base-url-production <url>',
      'with --target ucs: production URL (default: --base-url)',
    )
    .option('--auth-fields <names>', 'with --target ucs: credential field names, comma-separated');
  targetOptions(create).action(
    async (name: string | undefined, options: Record<string, unknown> & CommonOptions) => {
      await run(options, async (scoped) =>
        isUcs(options)
          ? (await import('./commands/ucs.js')).newUcsCommand(name, options, scoped)
          : (await import('./commands/new/index.js')).newCommand(
              name,
              withoutTarget(options),
              scoped,
            ),
      );
    },
  );

  common(program.command('list'))
    .description('list the registered connectors with their flows, auth type and token placement')
    .action(async (options: CommonOptions) => {
      await run(options, async (scoped) =>
        (await import('./commands/list.js')).listCommand(options, scoped),
      );
    });

  targetOptions(
    common(
      program
        .command('remove')
        .argument(
          '<id>',
          'connector id, folder or name, e.g. new_payment, new-payment, NewPayment',
        ),
    ),
  )
    .description('unwire a generated connector from the registry and delete its files')
    .option('--dry-run', 'print the plan; write nothing')
    .option(
      '--force',
      'delete files edited since generation too (asked on a terminal; with --target ucs: created files)',
    )
    .action(async (id: string, options: CommonOptions & { dryRun?: boolean; force?: boolean }) => {
      await run(options, async (scoped) =>
        isUcs(options)
          ? (await import('./commands/ucs.js')).removeUcsCommand(id, options, scoped)
          : (await import('./commands/remove.js')).removeCommand(
              id,
              withoutTarget(options),
              scoped,
            ),
      );
    });

  common(
    program.command('check').argument('<id>', 'registered connector id, generated or hand-written'),
  )
    .description(
      "the seed's integration checklist over a connector: flows, session step, token, auth, errors, amounts, base URLs, tests, conformance, TODO(you)s",
    )
    .action(async (id: string, options: CommonOptions) => {
      await run(options, async (scoped) =>
        (await import('./commands/check.js')).checkCommand(id, options, scoped),
      );
    });

  addAnswerFlags(common(program.command('regenerate').argument('<id>', 'connector id')), ['name'])
    .description('re-render a generated connector with the current templates, keeping your edits')
    .option('--dry-run', 'print the merged diffs; write nothing')
    .option('--timings', 'print the time of each phase on stderr')
    .action(async (id: string, options: Record<string, unknown> & CommonOptions) => {
      await run(options, async (scoped) =>
        (await import('./commands/regenerate.js')).regenerateCommand(id, options, scoped),
      );
    });

  targetOptions(common(program.command('verify')))
    .description(
      'CI gate. In a workspace: registry, folders and manifests agree, drift of each generated file, connectors load, generated tests pass. In the create-connector repository: samples render byte for byte, compile and pass; presets and registry agree',
    )
    .option('--name <name>', 'with --target ucs --ucs-dir: the connector to check')
    .action(async (options: CommonOptions) => {
      await run(options, async (scoped) =>
        isUcs(options)
          ? (await import('./commands/ucs.js')).verifyUcsCommand(options, scoped)
          : (await import('./commands/verify.js')).verifyCommand(withoutTarget(options), scoped),
      );
    });

  flowCallOptions(
    common(
      program
        .command('run')
        .argument(
          '<id>',
          "registered connector id; nuvei or paytm is the workspace's own when it has one, else the reference; builtin:nuvei and builtin:paytm always the reference",
        ),
    )
      .description('run the payment sequence of a connector against any base URL')
      .option(
        '--base-url <url>',
        "where to send the requests, e.g. the URL `sandbox` prints (default: the gateway's sandbox URL (real network))",
      ),
    'what to run',
  ).action(async (id: string, options: CommonOptions & Record<string, unknown>) => {
    await run(options, async (scoped) =>
      (await import('./commands/run/index.js')).runCommand(
        id,
        {
          auth: String(options['auth']),
          payment: String(options['payment']),
          flow: options['flow'] as RunFlow,
          json: options.json === true,
          ...(typeof options['baseUrl'] === 'string' ? { baseUrl: options['baseUrl'] } : {}),
          ...(typeof options['timeout'] === 'number' ? { timeoutMs: options['timeout'] } : {}),
        },
        scoped,
      ),
    );
  });

  flowCallOptions(
    common(
      program
        .command('record')
        .argument('<id>', 'registered connector id (builtin:nuvei and builtin:paytm as for run)'),
    )
      .description('run one flow against any base URL and write its exchanges as a cassette')
      .requiredOption(
        '--base-url <url>',
        'where to send the requests, e.g. the URL `sandbox` prints',
      ),
    'what to record',
  )
    .option('--scenario <name>', 'the scenario in the file name (default: from the outcome)')
    .option('--out <file>', 'where to write (default: test/connectors/<folder>/cassettes/)')
    .option('--force', 'replace a cassette that exists')
    .action(async (id: string, options: CommonOptions & Record<string, unknown>) => {
      await run(options, async (scoped) =>
        (await import('./commands/record/index.js')).recordCommand(
          id,
          {
            baseUrl: String(options['baseUrl']),
            auth: String(options['auth']),
            payment: String(options['payment']),
            flow: options['flow'] as RunFlow,
            force: options['force'] === true,
            json: options.json === true,
            ...(typeof options['scenario'] === 'string' ? { scenario: options['scenario'] } : {}),
            ...(typeof options['out'] === 'string' ? { out: options['out'] } : {}),
            ...(typeof options['timeout'] === 'number' ? { timeoutMs: options['timeout'] } : {}),
          },
          scoped,
        ),
      );
    });

  common(
    program
      .command('sandbox')
      .argument(
        '<target>',
        "nuvei, paytm (the workspace's own connector of that id wins, with a notice), builtin:nuvei or builtin:paytm (always the reference), a generated connector id, or an answers file",
      ),
  )
    .description('serve a gateway emulator on 127.0.0.1 until interrupted')
    .option('--port <n>', 'port (default: a free one)', integerIn(0, 65_535))
    .option('--quiet', 'do not log each request (method, path, answer status) on stderr')
    .action(async (target: string, options: CommonOptions & { port?: number; quiet?: boolean }) => {
      await run(options, async (scoped) =>
        (await import('./commands/sandbox.js')).sandboxCommand(target, options, scoped),
      );
    });

  common(program.command('init').argument('[dir]', 'directory of the new workspace', '.'))
    .description('make a workspace outside this repository in which new, list, run and tests work')
    .option('--force', 'write into a directory that is not empty')
    .action(async (dir: string, options: CommonOptions & { force?: boolean }) => {
      await run(options, async (scoped) =>
        (await import('./commands/init.js')).initCommand(dir, options, scoped),
      );
    });

  return program;
}

/** Runs the CLI and returns its exit code; the bin sets process.exitCode from it. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  // zod, when a command needs it, comes from the per-user code cache
  installPackagePreload();
  let exitCode: ExitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; parse errors (unknown flag, bad choice) are usage errors.
      if (error.exitCode === 0) return 0;
      // commander already told stderr; --json still owes stdout its one document
      if (argv.includes('--json')) {
        const message = error.message.replace(/^error: /, '').split('\n')[0] ?? error.message;
        io.stdout(
          JSON.stringify({ error: { kind: 'usage', message, issues: [parseErrorIssue(error)] } }),
        );
      }
      return 1;
    }
    throw error;
  }
  return exitCode;
}
