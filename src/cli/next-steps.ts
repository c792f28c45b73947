/** @module The commands the CLI suggests next, spelled in one place so `new` and `sandbox` agree. */

/** The port `new` suggests for the emulator, so its sandbox and run lines fit together. */
export const SUGGESTED_SANDBOX_PORT = 4010;

/** The `run` command that pays against an emulator at `baseUrl` (auth.json as `sandbox` prints it). */
export function runCommandFor(id: string, baseUrl: string): string {
  return `npx create-connector run ${id} --auth auth.json --payment payment.json --base-url ${baseUrl}`;
}
