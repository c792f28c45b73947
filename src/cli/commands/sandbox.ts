/**
 * @module `create-connector sandbox <target>`: serves a gateway emulator on 127.0.0.1 until
 * SIGINT/SIGTERM. Targets: a generated connector's id (its manifest's answers), `nuvei` or `paytm`
 * (the reference gateways, unless the workspace generated a connector with that id: then a notice
 * names `builtin:nuvei`, which always serves the reference) or an answers file. The base URL to
 * give the connector is the first line on stdout.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { names, parseAnswers, type Answers } from '../../generator/answers/index.js';
import { parseManifest } from '../../generator/lifecycle/manifest.js';
import {
  connectorPathsById,
  findWorkspaceRoot,
  loadWorkspace,
  workspaceFile,
} from '../../generator/workspace.js';
import {
  GENERIC_SANDBOX_CREDENTIALS,
  NUVEI_SANDBOX_CREDENTIALS,
  PAYTM_SANDBOX_CREDENTIALS,
  startGenericEmulator,
  startNuveiEmulator,
  startPaytmEmulator,
  type LoopbackGateway,
} from '../../sandbox/index.js';
import type { EmulatorLoopbackOptions } from '../../sandbox/emulator-kit.js';
import { usageError, type CliError, type ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { runCommandFor } from '../next-steps.js';
import { resolveTarget, type ReferenceId } from '../reference-target.js';

interface Served {
  readonly gateway: LoopbackGateway;
  /** The connector id `run` takes for it. */
  readonly id: string;
  /** What `run --base-url` takes. */
  readonly baseUrl: string;
  /** Credentials the emulator accepts, as `run --auth` reads them. */
  readonly auth: Record<string, string>;
  /** One line for stderr when the workspace's connector shadows a built-in reference. */
  readonly notice?: string;
}

function genericAuth(answers: Answers): Record<string, string> {
  const { apiKey, key1, apiSecret } = GENERIC_SANDBOX_CREDENTIALS;
  if (answers.authType === 'HeaderKey') return { type: 'HeaderKey', apiKey };
  if (answers.authType === 'BodyKey') return { type: 'BodyKey', apiKey, key1 };
  return { type: 'SignatureKey', apiKey, key1, apiSecret };
}

function answersFor(target: string, cwd: string): Answers {
  const file = path.resolve(cwd, target);
  if (target.endsWith('.json') && existsSync(file)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw usageError(`${target} is not valid JSON`, [
        { key: 'target', value: target, rule: 'an answers file must be JSON' },
      ]);
    }
    const parsed = parseAnswers(json);
    if (!parsed.ok) throw usageError(`${target} holds invalid answers`, parsed.issues);
    return parsed.answers;
  }
  const manifest = generatedManifest(target, cwd);
  if (manifest === undefined) {
    throw usageError(`no emulator for "${target}"`, [
      {
        key: 'target',
        value: target,
        rule: 'nuvei, paytm, the id of a generated connector, builtin:nuvei, builtin:paytm or an answers .json file',
      },
    ]);
  }
  return parseManifest(readFileSync(manifest, 'utf8'), manifest).answers as Answers;
}

/** The manifest of the workspace's generated connector `id`, if there is one. */
function generatedManifest(id: string, cwd: string): string | undefined {
  if (findWorkspaceRoot(cwd) === undefined) return undefined;
  const workspace = loadWorkspace(cwd);
  const manifest = workspaceFile(workspace, connectorPathsById(workspace, id).manifest);
  return existsSync(manifest) ? manifest : undefined;
}

/**
 * A connector generated from the nuvei or paytm preset takes that id but speaks the generic wire
 * format, so its emulator is the generic one; a broken workspace leaves the reference gateways.
 */
function shadowedByGenerated(target: string, cwd: string): boolean {
  try {
    return generatedManifest(target, cwd) !== undefined;
  } catch {
    return false;
  }
}

async function serve(
  target: string,
  port: number | undefined,
  io: CliIo,
  onReply: EmulatorLoopbackOptions['onReply'],
): Promise<Served> {
  const options = {
    keepProcessAlive: true,
    ...(port === undefined ? {} : { port }),
    ...(onReply === undefined ? {} : { onReply }),
  };
  const resolved = target.endsWith('.json')
    ? undefined
    : await resolveTarget(target, 'target', (id) =>
        shadowedByGenerated(id, io.cwd) ? 'generated' : undefined,
      );
  if (resolved?.source === 'builtin') return serveReference(resolved.id, target, options);
  const answers = answersFor(target, io.cwd);
  const gateway = await startGenericEmulator(answers, options);
  const id = target.endsWith('.json') ? names(answers.name).id : target;
  const notice = resolved?.notice;
  return {
    gateway,
    id,
    baseUrl: gateway.baseUrl,
    auth: genericAuth(answers),
    ...(notice === undefined ? {} : { notice }),
  };
}

/** A reference gateway's emulator; `target` (as typed) is what `run` takes for it. */
async function serveReference(
  reference: ReferenceId,
  target: string,
  options: EmulatorLoopbackOptions,
): Promise<Served> {
  if (reference === 'nuvei') {
    const gateway = await startNuveiEmulator(options);
    const { merchantId, merchantSiteId, merchantSecret } = NUVEI_SANDBOX_CREDENTIALS;
    return {
      gateway,
      id: target,
      baseUrl: gateway.paymentBaseUrl,
      auth: {
        type: 'SignatureKey',
        apiKey: merchantId,
        key1: merchantSiteId,
        apiSecret: merchantSecret,
      },
    };
  }
  const gateway = await startPaytmEmulator(options);
  const { mid, merchantKey, website } = PAYTM_SANDBOX_CREDENTIALS;
  return {
    gateway,
    id: target,
    baseUrl: gateway.connectorBaseUrl,
    auth: { type: 'SignatureKey', apiKey: mid, key1: merchantKey, apiSecret: website },
  };
}

/** A port that cannot be bound is bad input, not a bug. */
function portError(error: unknown, port: number | undefined): CliError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const rule =
    code === 'EADDRINUSE'
      ? 'is already in use'
      : code === 'EACCES'
        ? 'needs privileges to bind'
        : undefined;
  if (rule === undefined) return undefined;
  return usageError(`cannot listen on 127.0.0.1:${port ?? 0}: the port ${rule}`, [
    { key: 'port', value: port, rule: `${rule}; pick another or leave --port out` },
  ]);
}

export async function sandboxCommand(
  target: string,
  options: { port?: number; json?: boolean; quiet?: boolean },
  io: CliIo,
): Promise<ExitCode> {
  if (
    options.port !== undefined &&
    !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65_535)
  ) {
    throw usageError('--port must be a port number', [
      { key: 'port', value: options.port, rule: 'an integer from 0 to 65535' },
    ]);
  }
  // listen for the signal before printing the URL: a caller may stop us as soon as it reads it
  const interrupted = io.untilInterrupted();
  // one line per answered request on stderr (stdout keeps only the URL or the JSON document)
  const onReply =
    options.quiet === true
      ? undefined
      : (request: { method: string; path: string }, status: number) =>
          io.stderr(`${request.method} ${request.path} → ${status}`);
  const served = await serve(target, options.port, io, onReply).catch((error: unknown) => {
    throw portError(error, options.port) ?? error;
  });
  if (served.notice !== undefined) io.stderr(served.notice);
  if (options.json === true) {
    io.stdout(JSON.stringify({ baseUrl: served.baseUrl, auth: served.auth }));
  } else {
    io.stdout(served.baseUrl);
    io.stderr(
      [
        `${target} emulator listening on 127.0.0.1:${served.gateway.port} (Ctrl-C to stop)`,
        `credentials it accepts (auth.json): ${JSON.stringify(served.auth)}`,
        `pay against it: ${runCommandFor(served.id, served.baseUrl)}`,
      ].join('\n'),
    );
  }
  await interrupted;
  await served.gateway.close();
  return 0;
}
