/** @module A CliIo that captures what a command prints, for in-process runs of `main`. */

import type { CliIo } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import type { ExitCode } from '../../../src/cli/errors.js';

export interface CapturedIo extends CliIo {
  /** Everything written to stdout, each write ending in a newline (as processIo does). */
  stdoutText(): string;
  stderrText(): string;
  /** Ends `untilInterrupted`, as SIGINT would. */
  interrupt(): void;
  /** Resolves with stdout once something was written there. */
  firstStdout(): Promise<string>;
}

export function captureIo(cwd: string, options: { readonly tty?: boolean } = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  let interrupt!: () => void;
  const interrupted = new Promise<void>((resolve) => {
    interrupt = resolve;
  });
  let printed!: (text: string) => void;
  const firstPrinted = new Promise<string>((resolve) => {
    printed = resolve;
  });
  return {
    stdout: (text) => {
      out.push(line(text));
      printed(out.join(''));
    },
    stderr: (text) => {
      err.push(line(text));
    },
    stdinIsTTY: options.tty === true,
    cwd,
    untilInterrupted: () => interrupted,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
    interrupt,
    firstStdout: () => firstPrinted,
  };
}

export interface MainResult {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as the one JSON document `--json` promises (throws if it is not exactly one). */
  json<T = Record<string, unknown>>(): T;
}

/** Runs the CLI in this process with no terminal (unless `tty`) and a captured output. */
export async function runMain(
  argv: readonly string[],
  options: { readonly cwd: string; readonly tty?: boolean },
): Promise<MainResult> {
  const io = captureIo(options.cwd, options);
  const code = await main(argv, io);
  const stdout = io.stdoutText();
  return {
    code,
    stdout,
    stderr: io.stderrText(),
    json: <T>() => {
      // one document on one line, and nothing else on stdout
      const lines = stdout.split('\n').filter((text) => text !== '');
      if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got:\n${stdout}`);
      return JSON.parse(lines[0]!) as T;
    },
  };
}
