/**
 * @module The freshly rendered connector, run in this process before anything is written: its
 * TypeScript modules transpiled in memory by esbuild (types stripped, ES imports as `require`
 * calls) and evaluated with a `require` that hands them this generator's own runtime (the one the
 * recorder drives, so `Secret` and the executor are the same objects), their sibling modules and
 * Node's built-ins. Nothing else may be imported: a rendered connector imports nothing else.
 */

import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';

import type { AmountType, Connector } from '../../runtime/index.js';
import { InternalError } from '../errors.js';

/** A rendered module: its workspace-relative path and its TypeScript text. */
export interface RenderedModule {
  readonly path: string;
  readonly content: string;
}

export interface ConnectorModules {
  readonly modules: readonly RenderedModule[];
  /** The module that exports the connector (its index.ts). */
  readonly entry: string;
  /** The name it exports the connector under. */
  readonly exportName: string;
  /** How the modules import the runtime (`create-connector/runtime`, `../../runtime/index.js`). */
  readonly runtimeSpecifier: string;
}

const builtin = createRequire(import.meta.url);

type Exports = Record<string, unknown>;

async function transpile(modules: readonly RenderedModule[]): Promise<Map<string, string>> {
  const { transform } = await import('esbuild');
  const compiled = await Promise.all(
    modules.map(async (module) => {
      const result = await transform(module.content, {
        loader: 'ts',
        format: 'cjs',
        target: 'node20',
        sourcefile: module.path,
      });
      return [module.path, result.code] as const;
    }),
  );
  return new Map(compiled);
}

/** `./transformers.js` from `src/connectors/x/index.ts` → `src/connectors/x/transformers.ts`. */
function sibling(from: string, specifier: string): string {
  return path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, '.ts');
}

/** Evaluates the rendered modules and returns the connector the entry exports. */
export async function evaluateConnector(input: ConnectorModules): Promise<Connector<AmountType>> {
  const runtime = (await import('../../runtime/index.js')) as Exports;
  const code = await transpile(input.modules);
  const loaded = new Map<string, Exports>();

  const load = (file: string): Exports => {
    const done = loaded.get(file);
    if (done !== undefined) return done;
    const text = code.get(file);
    if (text === undefined) throw new InternalError(`no rendered module ${file}`);
    const module = { exports: {} as Exports };
    loaded.set(file, module.exports);
    const require = (specifier: string): unknown => {
      if (specifier === input.runtimeSpecifier) return runtime;
      if (specifier.startsWith('node:')) return builtin(specifier);
      if (/^\.\.?\//.test(specifier)) return load(sibling(file, specifier));
      throw new InternalError(
        `${file} imports ${specifier}: a connector recorded at generation imports only the runtime, its own modules and node: built-ins`,
      );
    };
    const run = compileFunction(text, ['require', 'module', 'exports'], { filename: file });
    run(require, module, module.exports);
    loaded.set(file, module.exports);
    return module.exports;
  };

  const connector = load(input.entry)[input.exportName];
  if (typeof connector !== 'object' || connector === null || !('flows' in connector)) {
    throw new InternalError(`${input.entry} exports no connector named ${input.exportName}`);
  }
  return connector as Connector<AmountType>;
}
