/** @module The commands the CLI suggests next: the generator's spelling, so `new`, `sandbox` and the README agree. */

export {
  checkCommandFor,
  runCommandFor,
  sandboxCommandFor,
  SUGGESTED_SANDBOX_PORT,
  SUGGESTED_SANDBOX_URL,
} from '../generator/try-commands.js';
