/** @module Where a command writes and what it knows of its terminal; injectable for tests. */

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Interactive prompts only when stdin is a terminal. */
  readonly stdinIsTTY: boolean;
  readonly cwd: string;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM); for long-running commands. */
  readonly untilInterrupted: () => Promise<void>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    stdinIsTTY: process.stdin.isTTY === true,
    cwd: process.cwd(),
    untilInterrupted: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}
