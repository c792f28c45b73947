/**
 * @module The CLI on a real pseudo-terminal: util-linux `script` allocates one and relays our
 * pipe to it, so the child sees a TTY on stdin and stdout. Waits are on what the screen shows
 * (ANSI stripped), each bounded; keys are sent only once the prompt that reads them is shown.
 */

import { spawn } from 'node:child_process';

import { childEnv, SOURCE_CLI } from './child.js';

export const KEYS = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  backspace: '\u007f',
  space: ' ',
  ctrlC: '\u0003',
} as const;

export interface TerminalRun {
  /** Waits until the screen shows `pattern` after the previous match; returns the text since then. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Sends raw input (text or KEYS). */
  send(...input: string[]): void;
  /** Everything shown so far, ANSI stripped. */
  screen(): string;
  /** Resolves with the exit code once the CLI ended. */
  readonly exited: Promise<number | null>;
  kill(): void;
}

// CSI sequences (cursor moves, erase, colours, private modes) and lone carriage returns
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][0-9A-Za-z]|\r/g;

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** Starts `create-connector <args>` (from the sources) on a pseudo-terminal of 200 columns. */
export function runInTerminal(
  args: readonly string[],
  options: { readonly cwd: string; readonly timeoutMs?: number },
): TerminalRun {
  const command = [process.execPath, ...SOURCE_CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qfec', `stty cols 200 rows 60; exec ${command}`, '/dev/null'], {
    cwd: options.cwd,
    env: childEnv({ SHELL: '/bin/sh', TERM: 'xterm' }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
  const screen = () => raw.replace(ANSI, '');
  let mark = 0;

  const overall = options.timeoutMs ?? 30_000;
  const exited = new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the terminal run did not end within ${overall} ms:\n${screen()}`));
    }, overall);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve(code);
    });
  });
  exited.catch(() => undefined);

  return {
    screen,
    exited,
    send: (...input) => {
      child.stdin.write(input.join(''));
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    waitFor: async (pattern, timeoutMs = 15_000) => {
      for (let waited = 0; waited <= timeoutMs; waited += 10) {
        const shown = screen().slice(mark);
        const index = typeof pattern === 'string' ? shown.indexOf(pattern) : shown.search(pattern);
        if (index >= 0) {
          const length =
            typeof pattern === 'string' ? pattern.length : (shown.match(pattern)?.[0].length ?? 0);
          mark += index + length;
          return shown.slice(0, index + length);
        }
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`the screen never showed ${String(pattern)}; it shows:\n${screen()}`);
    },
  };
}
