/**
 * @module The connector's code as a ts-morph Project: the module the registry imports and every
 * workspace file it imports, nothing else. The toolkit's own modules (runtime, testing, sandbox)
 * stay out: a name imported from them is recognised by its import, so no lib or type checking
 * is needed and the project stays a handful of files.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Node, Project, ts, type SourceFile } from 'ts-morph';

import { UsageError } from '../errors.js';
import { parseManifest, type Manifest } from '../lifecycle/manifest.js';
import { entryModule, registryIndex } from '../registry/entry-cache.js';
import { conflictMarkerError, WorkspaceSourceError } from '../workspace-source-error.js';
import {
  connectorPathsById,
  IMPORT_TARGETS,
  loadWorkspace,
  workspaceFile,
  type ImportTarget,
  type Workspace,
} from '../workspace.js';
import type { CodeLocation } from './report.js';

export interface ConnectorSources {
  readonly workspace: Workspace;
  readonly id: string;
  readonly project: Project;
  /** The module the registry imports the connector from. */
  readonly entryFile: SourceFile;
  /** The name it exports the connector as. */
  readonly exportName: string;
  /** The entry module and the workspace files it imports, in the order they were reached. */
  readonly files: readonly SourceFile[];
  /** Present when `create-connector new` made the connector. */
  readonly manifest: Manifest | undefined;
}

/** The toolkit module a specifier in `fromFile` names, if it names one. */
export function toolkitTarget(
  workspace: Workspace,
  specifier: string,
  fromFile: string,
): ImportTarget | undefined {
  for (const target of IMPORT_TARGETS) {
    const ref = workspace.imports[target];
    if (ref.kind === 'package') {
      if (specifier === ref.specifier || specifier.startsWith(`${ref.specifier}/`)) return target;
    } else if (/^\.\.?\//.test(specifier)) {
      const file = workspaceFile(workspace, ref.path);
      const resolved = path.resolve(path.dirname(fromFile), specifier);
      if (resolved.replace(/\.[cm]?js$/, '.ts') === file) return target;
      // a module beside the toolkit's index, unless that folder also holds the connectors
      const folder = path.dirname(file);
      const connectors = workspaceFile(workspace, workspace.connectorsDir);
      const holdsConnectors = `${connectors}${path.sep}`.startsWith(`${folder}${path.sep}`);
      if (!holdsConnectors && resolved.startsWith(`${folder}${path.sep}`)) return target;
    }
  }
  return undefined;
}

/** The workspace `.ts` file a relative specifier names (`./x.js` → `./x.ts`), if it exists. */
export function localFile(
  workspace: Workspace,
  fromFile: string,
  specifier: string,
): string | undefined {
  if (!/^\.\.?\//.test(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base.replace(/\.([cm]?)js$/, '.$1ts'), base, `${base}.ts`];
  candidates.push(path.join(base, 'index.ts'));
  const found = candidates.find((file) => /\.[cm]?ts$/.test(file) && existsSync(file));
  if (found === undefined) return undefined;
  const inside = path.relative(workspace.root, found);
  return inside.startsWith('..') || path.isAbsolute(inside) ? undefined : found;
}

function moduleSpecifiers(file: SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of file.getStatements()) {
    if (Node.isImportDeclaration(statement) || Node.isExportDeclaration(statement)) {
      const specifier = statement.getModuleSpecifierValue();
      if (specifier !== undefined) specifiers.push(specifier);
    }
  }
  return specifiers;
}

function readManifest(workspace: Workspace, id: string): Manifest | undefined {
  const file = workspaceFile(workspace, connectorPathsById(workspace, id).manifest);
  if (!existsSync(file)) return undefined;
  try {
    return parseManifest(readFileSync(file, 'utf8'));
  } catch {
    // a broken manifest is verify's finding; check judges the code
    return undefined;
  }
}

/** A file with conflict markers or a syntax error is named with its line, before any item. */
function refuseUnparsable(workspace: Workspace, project: Project, files: readonly SourceFile[]) {
  const program = project.getProgram().compilerObject;
  for (const file of files) {
    const relative = path.relative(workspace.root, file.getFilePath()).split(path.sep).join('/');
    const marker = conflictMarkerError(relative, file.getFullText());
    if (marker !== undefined) throw marker;
    const [first] = program.getSyntacticDiagnostics(file.compilerNode);
    if (first === undefined) continue;
    const at = file.compilerNode.getLineAndCharacterOfPosition(first.start ?? 0);
    const reason = ts.flattenDiagnosticMessageText(first.messageText, '\n');
    throw new WorkspaceSourceError(relative, at.line + 1, at.character + 1, reason);
  }
}

/** One Project per run: the registered connector `id` and the workspace files it imports. */
export async function loadConnectorSources(cwd: string, id: string): Promise<ConnectorSources> {
  const workspace = loadWorkspace(cwd);
  const entries = await registryIndex(workspace);
  const entry = entries.find((each) => each.id === id);
  if (entry === undefined) {
    const known = entries.map((each) => each.id);
    throw new UsageError(`no connector "${id}" is registered in ${workspace.registry}`, {
      issues: [
        {
          key: 'id',
          value: id,
          rule: known.length === 0 ? 'the registry is empty' : `must be one of ${known.join(', ')}`,
        },
      ],
    });
  }
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      noLib: true,
      noResolve: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    },
  });
  const entryPath = workspaceFile(workspace, entryModule(workspace, entry));
  if (!existsSync(entryPath)) {
    throw new UsageError(`${entryModule(workspace, entry)} does not exist`, {
      issues: [
        { key: 'registry', value: id, rule: `imports ${entry.importPath}, which is missing` },
      ],
    });
  }
  const files: SourceFile[] = [];
  const queue = [entryPath];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = project.addSourceFileAtPath(queue.shift()!);
    files.push(file);
    for (const specifier of moduleSpecifiers(file)) {
      const from = file.getFilePath();
      if (toolkitTarget(workspace, specifier, from) !== undefined) continue;
      const target = localFile(workspace, from, specifier);
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  refuseUnparsable(workspace, project, files);
  return {
    workspace,
    id,
    project,
    entryFile: files[0]!,
    exportName: entry.value,
    files,
    manifest: readManifest(workspace, id),
  };
}

/** Where `node` is, as the report prints it. */
export function locationOf(
  sources: Pick<ConnectorSources, 'workspace'>,
  node: Node,
  text?: string,
): CodeLocation {
  const file = path
    .relative(sources.workspace.root, node.getSourceFile().getFilePath())
    .split(path.sep)
    .join('/');
  return { file, line: node.getStartLineNumber(), ...(text === undefined ? {} : { text }) };
}
