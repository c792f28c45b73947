/**
 * @module A workspace's TypeScript (its registry, its connectors and what they import locally),
 * compiled to plain ES modules in the per-user code cache and imported from there: no loader
 * hooks, and on a warm cache no compiler either (each file is read and hashed, nothing more).
 *
 * Each source's compiled text is cached by its content hash, with its relative imports as
 * placeholders. A module's file name hashes its content with the names of its local imports (a
 * Merkle tree), so an edit anywhere gives every importer a new URL and nothing stale is reused.
 * Package imports resolve through a `node_modules` link beside the compiled files.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ts } from 'ts-morph';

import { cacheDir, readCacheFile, writeCacheFile } from './cache-dir.js';
import { WorkspaceSourceError, conflictMarkerError } from './workspace-source-error.js';

/** Bumped when the compiled form changes, so old records are not read back. */
const FORMAT = 'workspace-modules-1';
const PLACEHOLDER = (index: number) => `__create_connector_import_${index}__`;

interface CompiledRecord {
  readonly code: string;
  /** Relative specifiers in placeholder order. */
  readonly imports: readonly string[];
}

/**
 * A module the cache cannot content-address (local imports in a cycle, a CommonJS module that
 * requires a local file); the caller loads it another way.
 */
export class UncacheableModuleError extends Error {
  override readonly name = 'UncacheableModuleError';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `.cts` files compile to CommonJS (src/runtime/zod.cts), everything else to ES modules. */
function isCommonJs(file: string): boolean {
  return file.endsWith('.cts');
}

async function compile(file: string, source: string): Promise<CompiledRecord> {
  const { loadTypeScript } = await import('./registry/load-typescript.js');
  const typescript = loadTypeScript();
  const marker = conflictMarkerError(file, source);
  if (marker !== undefined) throw marker;
  const imports: string[] = [];
  const rewrite: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) => {
    const visit = (node: ts.Node): ts.Node => {
      if (
        typescript.isImportEqualsDeclaration(node) &&
        typescript.isExternalModuleReference(node.moduleReference) &&
        typescript.isStringLiteral(node.moduleReference.expression) &&
        /^\.\.?\//.test(node.moduleReference.expression.text)
      ) {
        throw new UncacheableModuleError(`${file} requires a local module`);
      }
      const specifier =
        (typescript.isImportDeclaration(node) || typescript.isExportDeclaration(node)) &&
        node.moduleSpecifier !== undefined &&
        typescript.isStringLiteral(node.moduleSpecifier)
          ? node.moduleSpecifier
          : undefined;
      if (specifier !== undefined && /^\.\.?\//.test(specifier.text)) {
        imports.push(specifier.text);
        const replacement = context.factory.createStringLiteral(PLACEHOLDER(imports.length - 1));
        return typescript.isImportDeclaration(node)
          ? context.factory.updateImportDeclaration(
              node,
              node.modifiers,
              node.importClause,
              replacement,
              node.attributes,
            )
          : context.factory.updateExportDeclaration(
              node as ts.ExportDeclaration,
              (node as ts.ExportDeclaration).modifiers,
              (node as ts.ExportDeclaration).isTypeOnly,
              (node as ts.ExportDeclaration).exportClause,
              replacement,
              (node as ts.ExportDeclaration).attributes,
            );
      }
      return node;
    };
    return typescript.visitEachChild(sourceFile, visit, context);
  };
  const output = typescript.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: {
      target: typescript.ScriptTarget.ES2022,
      module: isCommonJs(file) ? typescript.ModuleKind.CommonJS : typescript.ModuleKind.ESNext,
      isolatedModules: true,
      sourceMap: false,
    },
    transformers: { after: [rewrite] },
  });
  const error = output.diagnostics?.find(
    (diagnostic) => diagnostic.category === typescript.DiagnosticCategory.Error,
  );
  if (error !== undefined) {
    const at = error.file?.getLineAndCharacterOfPosition(error.start ?? 0) ?? {
      line: 0,
      character: 0,
    };
    const reason = typescript.flattenDiagnosticMessageText(error.messageText, '\n');
    throw new WorkspaceSourceError(file, at.line + 1, at.character + 1, reason);
  }
  return { code: output.outputText, imports };
}

function readRecord(recordFile: string): CompiledRecord | undefined {
  const bytes = readCacheFile(recordFile);
  if (bytes === undefined) return undefined;
  try {
    const record = JSON.parse(bytes.toString('utf8')) as CompiledRecord;
    return typeof record.code === 'string' && Array.isArray(record.imports) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest node_modules at or above `dir`, where the workspace's packages resolve. */
function nodeModulesAbove(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'node_modules');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/** The directory compiled modules of `root` go in, with its node_modules link. */
function outputDir(root: string): string {
  const nodeModules = nodeModulesAbove(root);
  const dir = path.join(cacheDir(), 'modules', sha256(nodeModules ?? root).slice(0, 16));
  const link = path.join(dir, 'node_modules');
  if (nodeModules !== undefined && !existsSync(link)) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      symlinkSync(nodeModules, link, 'dir');
    } catch {
      // another process made it, or packages will fail to resolve with their own error
    }
  }
  return dir;
}

/** The source file a relative specifier names: `./x.js` is `./x.ts` when that exists. */
function localTarget(fromFile: string, specifier: string): string {
  const target = path.resolve(path.dirname(fromFile), specifier);
  if (/\.[cm]?js$/.test(target)) {
    const typescript = target.replace(/\.([cm]?)js$/, '.$1ts');
    if (existsSync(typescript)) return typescript;
  }
  return target;
}

class Compiler {
  readonly #done = new Map<string, string>();
  readonly #visiting = new Set<string>();
  readonly #out: string;

  /** `root`: the directory error messages name files relative to. */
  constructor(readonly root: string) {
    this.#out = outputDir(root);
  }

  /** The URL of `file`'s compiled module, compiling what the cache lacks. */
  async url(file: string): Promise<string> {
    const known = this.#done.get(file);
    if (known !== undefined) return known;
    if (this.#visiting.has(file)) throw new UncacheableModuleError(`import cycle through ${file}`);
    this.#visiting.add(file);
    const source = readFileSync(file, 'utf8');
    const recordFile = path.join(
      cacheDir(),
      'modules',
      'records',
      `${sha256(FORMAT + source)}.json`,
    );
    let record = readRecord(recordFile);
    if (record === undefined) {
      record = await compile(path.relative(this.root, file).split(path.sep).join('/'), source);
      writeCacheFile(recordFile, JSON.stringify(record));
    }
    const targets: string[] = [];
    for (const specifier of record.imports) {
      const target = localTarget(file, specifier);
      targets.push(/\.[cm]?ts$/.test(target) ? await this.url(target) : pathToFileURL(target).href);
    }
    let code = record.code;
    targets.forEach((target, index) => {
      code = code.replaceAll(PLACEHOLDER(index), target);
    });
    code += `\n//# sourceURL=${pathToFileURL(file).href}\n`;
    const extension = isCommonJs(file) ? 'cjs' : 'mjs';
    const name = `${path.basename(file, path.extname(file))}-${sha256(code).slice(0, 20)}.${extension}`;
    const compiled = path.join(this.#out, name);
    // written unless the cache already holds exactly this text (and is trusted)
    if (readCacheFile(compiled)?.toString('utf8') !== code) writeCacheFile(compiled, code);
    const url = pathToFileURL(compiled).href;
    this.#visiting.delete(file);
    this.#done.set(file, url);
    return url;
  }
}

/** Imports a workspace `.ts` module through the code cache. */
export async function importCompiled(
  absolutePath: string,
  root = path.dirname(absolutePath),
): Promise<Record<string, unknown>> {
  const url = await new Compiler(root).url(absolutePath);
  return (await import(url)) as Record<string, unknown>;
}
