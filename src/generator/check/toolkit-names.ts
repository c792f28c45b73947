/**
 * @module Which names come from the toolkit (runtime, testing, sandbox): an import, a namespace
 * member, or a re-export through the connector's own files, under any local alias.
 */

import { Node } from 'ts-morph';

import type { ImportTarget } from '../workspace.js';
import { declarationsOf, MAX_DEPTH, unwrap } from './code-graph.js';
import { localFile, toolkitTarget, type ConnectorSources } from './project.js';

/** A name imported from one of the toolkit's modules: `expectAuth` from the runtime. */
export interface ToolkitName {
  readonly target: ImportTarget;
  readonly name: string;
}

/**
 * The toolkit name `imported` from `specifier` in `fromFile` is, following the connector's own
 * re-exports (`export * from`, `export { x as y } from`, `import { x }; export { x }`).
 */
function toolkitExport(
  sources: ConnectorSources,
  specifier: string,
  fromFile: string,
  imported: string,
  depth = 0,
): ToolkitName | undefined {
  const target = toolkitTarget(sources.workspace, specifier, fromFile);
  if (target !== undefined) return { target, name: imported };
  const local = depth < MAX_DEPTH ? localFile(sources.workspace, fromFile, specifier) : undefined;
  const file = local === undefined ? undefined : sources.project.getSourceFile(local);
  if (file === undefined) return undefined;
  const follow = (next: string, name: string) =>
    toolkitExport(sources, next, file.getFilePath(), name, depth + 1);
  for (const declaration of file.getExportDeclarations()) {
    const from = declaration.getModuleSpecifierValue();
    const named = declaration.getNamedExports();
    if (from !== undefined && named.length === 0 && !declaration.isNamespaceExport()) {
      const found = follow(from, imported);
      if (found !== undefined) return found;
    }
    for (const entry of named) {
      if ((entry.getAliasNode()?.getText() ?? entry.getName()) !== imported) continue;
      if (from !== undefined) return follow(from, entry.getName());
      const binding = file
        .getImportDeclarations()
        .flatMap((each) => each.getNamedImports())
        .find((each) => (each.getAliasNode()?.getText() ?? each.getName()) === entry.getName());
      if (binding !== undefined) {
        return follow(binding.getImportDeclaration().getModuleSpecifierValue(), binding.getName());
      }
    }
  }
  return undefined;
}

/** The toolkit name `node` stands for (`expectAuth`, `rt.expectAuth`), if any. */
export function toolkitName(sources: ConnectorSources, node: Node): ToolkitName | undefined {
  const target = unwrap(node);
  if (Node.isPropertyAccessExpression(target)) {
    const namespace = declarationsOf(target.getExpression())[0];
    if (namespace === undefined || !Node.isNamespaceImport(namespace)) return undefined;
    const declaration = namespace.getParentOrThrow().getParentOrThrow();
    if (!Node.isImportDeclaration(declaration)) return undefined;
    return toolkitExport(
      sources,
      declaration.getModuleSpecifierValue(),
      declaration.getSourceFile().getFilePath(),
      target.getName(),
    );
  }
  if (!Node.isIdentifier(target) && !Node.isShorthandPropertyAssignment(target)) return undefined;
  for (const declaration of declarationsOf(target)) {
    if (!Node.isImportSpecifier(declaration)) continue;
    const found = toolkitExport(
      sources,
      declaration.getImportDeclaration().getModuleSpecifierValue(),
      declaration.getSourceFile().getFilePath(),
      declaration.getName(),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether `node` is the runtime's `name` (under any local alias). */
export function isRuntime(sources: ConnectorSources, node: Node, name: string): boolean {
  const found = toolkitName(sources, node);
  return found?.target === 'runtime' && found.name === name;
}
