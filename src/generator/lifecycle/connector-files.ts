/**
 * @module One connector's generated files for a workspace: render the templates with the
 * workspace's import paths, format them with its prettier config, record the day-one cassettes
 * with the rendered connector, and add the manifest. Shared by `new`, `regenerate` and `verify`,
 * so all three produce the same bytes for the same answers.
 */

import type { Answers } from '../answers/index.js';
import { formatFiles, type PlannedFile } from '../render/format.js';
import { createManifest, serializeManifest, type Manifest } from './manifest.js';
import { names, type Names } from '../answers/names.js';
import { readmeView } from '../render/readme.js';
import { renderConnector, renderReadme, type RenderedOutput } from '../render/render.js';
import { templateHash } from '../render/template-hash.js';
import type { PhaseTimer } from '../timings.js';
import {
  connectorPaths,
  importSpecifier,
  relativeModuleSpecifier,
  type ConnectorPaths,
  type Workspace,
} from '../workspace.js';

export interface ConnectorFiles {
  readonly names: Names;
  readonly paths: ConnectorPaths;
  /**
   * index, transformers (those of the chosen flows too), test, README and cassettes, formatted;
   * the manifest's pristine copies.
   */
  readonly sources: readonly PlannedFile[];
  readonly manifest: Manifest;
  /** `sources` plus the manifest file. */
  readonly files: readonly PlannedFile[];
}

function outputPath(paths: ConnectorPaths, output: RenderedOutput): string {
  return paths[output];
}

export async function connectorFiles(
  workspace: Workspace,
  answers: Answers,
  options: {
    readonly timer?: PhaseTimer;
    readonly names?: Names;
    /** Use the per-user cache of recorded cassettes (default true; verify and samples do not). */
    readonly cassetteCache?: boolean;
  } = {},
): Promise<ConnectorFiles> {
  const { timer } = options;
  const connectorNames = options.names ?? names(answers.name);
  const paths = connectorPaths(workspace, connectorNames);
  const measure = <T>(phase: Parameters<PhaseTimer['measure']>[0], work: () => T | Promise<T>) =>
    timer === undefined ? Promise.resolve(work()) : timer.measure(phase, work);

  const runtime = importSpecifier(workspace, paths.index, 'runtime');
  const rendered = await measure('render', () => {
    const code = renderConnector({
      answers,
      names: connectorNames,
      imports: {
        runtime,
        runtimeFromTest: importSpecifier(workspace, paths.test, 'runtime'),
        testing: importSpecifier(workspace, paths.test, 'testing'),
        sandbox: importSpecifier(workspace, paths.test, 'sandbox'),
        connector: relativeModuleSpecifier(paths.test, paths.index),
        cassettes: `${relativeModuleSpecifier(paths.test, paths.cassettes)}/`,
      },
    }).map((file) => ({ path: outputPath(paths, file.output), content: file.content }));
    const readme = readmeView({
      answers,
      names: connectorNames,
      paths: {
        dir: paths.dir,
        test: paths.test,
        cassettes: `${paths.cassettes}/<flow>-<scenario>.json`,
      },
      files: code,
    });
    const content = renderReadme({ answers, names: connectorNames, readme });
    return [...code, { path: paths.readme, content }];
  });
  const { files: formatted } = await measure('prettier', () =>
    formatFiles(workspace.root, rendered),
  );
  const cassettes = await measure('cassettes', async () => {
    const { dayOneCassettes } = await import('../cassettes/index.js');
    const recorded = await dayOneCassettes(
      {
        answers,
        connectorId: connectorNames.id,
        modules: formatted.filter((file) => file.path.endsWith('.ts') && file.path !== paths.test),
        entry: paths.index,
        exportName: connectorNames.value,
        runtimeSpecifier: runtime,
      },
      { cache: options.cassetteCache !== false },
    );
    return recorded.map((file) => ({
      path: `${paths.cassettes}/${file.name}`,
      content: file.content,
    }));
  });
  const sources = [...formatted, ...cassettes];
  const manifest = createManifest({ answers, templateHash: templateHash(), files: sources });
  return {
    names: connectorNames,
    paths,
    sources,
    manifest,
    files: [...sources, { path: paths.manifest, content: serializeManifest(manifest) }],
  };
}
