/**
 * @module One connector's generated files for a workspace: render the templates with the
 * workspace's import paths, format them with its prettier config, and add the manifest. Shared by
 * `new`, `regenerate` and `verify`, so all three produce the same bytes for the same answers.
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
  /** index, transformers (those of the chosen flows too), test and README, formatted; the manifest's pristine copies. */
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
  options: { readonly timer?: PhaseTimer; readonly names?: Names } = {},
): Promise<ConnectorFiles> {
  const { timer } = options;
  const connectorNames = options.names ?? names(answers.name);
  const paths = connectorPaths(workspace, connectorNames);
  const measure = <T>(phase: Parameters<PhaseTimer['measure']>[0], work: () => T | Promise<T>) =>
    timer === undefined ? Promise.resolve(work()) : timer.measure(phase, work);

  const rendered = await measure('render', () => {
    const code = renderConnector({
      answers,
      names: connectorNames,
      imports: {
        runtime: importSpecifier(workspace, paths.index, 'runtime'),
        runtimeFromTest: importSpecifier(workspace, paths.test, 'runtime'),
        testing: importSpecifier(workspace, paths.test, 'testing'),
        sandbox: importSpecifier(workspace, paths.test, 'sandbox'),
        connector: relativeModuleSpecifier(paths.test, paths.index),
      },
    }).map((file) => ({ path: outputPath(paths, file.output), content: file.content }));
    const readme = readmeView({
      answers,
      names: connectorNames,
      paths: {
        dir: paths.dir,
        test: paths.test,
        cassettes: `${paths.testDir}/cassettes/<flow>-<scenario>.json`,
      },
      files: code,
    });
    const content = renderReadme({ answers, names: connectorNames, readme });
    return [...code, { path: paths.readme, content }];
  });
  const { files: sources } = await measure('prettier', () => formatFiles(workspace.root, rendered));
  const manifest = createManifest({ answers, templateHash: templateHash(), files: sources });
  return {
    names: connectorNames,
    paths,
    sources,
    manifest,
    files: [...sources, { path: paths.manifest, content: serializeManifest(manifest) }],
  };
}
