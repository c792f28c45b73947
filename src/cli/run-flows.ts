/** @module The flows `run --flow` takes, outside the run command so that `--help` loads no command. */

export const RUN_FLOWS = [
  'authorize',
  'session',
  'psync',
  'capture',
  'void',
  'refund',
  'rsync',
] as const;

export type RunFlow = (typeof RUN_FLOWS)[number];
