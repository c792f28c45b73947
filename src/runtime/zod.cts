/**
 * @module zod, one CommonJS instance for the runtime and everything above it (connectors,
 * generator, testing, cli). Required rather than imported, so that a host may first put zod in
 * require's cache from a faster source: the CLI loads it from a V8 code cache
 * (src/generator/package-cache.ts), where an ESM import would compile ~95 files on every start.
 * Without a host, this is a plain require.
 */

type Preload = (request: string, from: string) => void;

const preload = (globalThis as Record<symbol, unknown>)[
  Symbol.for('create-connector.preload-package')
] as Preload | undefined;
preload?.('zod', __filename);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the preload, on purpose
import zod = require('zod');

// the assignment cjs-module-lexer reads to give ESM importers the named export `z`
exports.z = zod.z;
export = zod;
