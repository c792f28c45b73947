/**
 * @module `regenerate`: re-render a generated connector from its manifest's answers (optionally
 * changed) with the current templates and merge each file three ways, so the user's edits and
 * the templates' improvements both survive. A conflicted file keeps its old base in the manifest
 * until the user resolves it; a file the user deleted stays deleted.
 */

import {
  DEFAULT_TOKEN_NAMES,
  FLOW_ENDPOINT_KEYS,
  OPTIONAL_FLOWS,
  parseAnswers,
  type Answers,
  type AnswersInput,
} from '../answers/index.js';
import { codeStyleFor } from '../render/code-style.js';
import { connectorFiles } from './connector-files.js';
import { MergeConflictError, UsageError } from '../errors.js';
import type { ConnectorPlan } from './plan.js';
import type { KeptFile } from './plan-remove.js';
import {
  createManifest,
  parseManifest,
  serializeManifest,
  sha256,
  type Manifest,
} from './manifest.js';
import { hasConflictMarkers, merge3 } from './merge3.js';
import { PhaseTimer } from '../timings.js';
import { ChangeTree } from '../changes/tree.js';
import { addToRegistry, listRegistry } from '../registry/wire.js';
import {
  connectorPathsById,
  isConnectorFile,
  loadWorkspace,
  relativeModuleSpecifier,
  type Workspace,
} from '../workspace.js';

export interface RegenerationPlan extends ConnectorPlan {
  /** Files written with conflict markers. */
  readonly conflicts: readonly string[];
  /** Files the user deleted, left deleted. */
  readonly keptDeleted: readonly string[];
  /**
   * Files the new answers no longer generate (a flow dropped) that stay on disk, out of the
   * manifest: the user's own from now on. Untouched ones in the connector's folders are deleted.
   */
  readonly kept: readonly KeptFile[];
}

function readManifest(
  tree: ChangeTree,
  workspace: Workspace,
  id: string,
): { manifest: Manifest; path: string } {
  const paths = connectorPathsById(workspace, id);
  const text = tree.read(paths.manifest);
  if (text === undefined) {
    throw new UsageError(`no generated connector "${id}": ${paths.manifest} does not exist`, {
      issues: [
        { key: 'id', value: id, rule: 'must name a connector made by create-connector new' },
      ],
    });
  }
  return { manifest: parseManifest(text, paths.manifest), path: paths.manifest };
}

/**
 * The manifest's answers with the overrides on top. A new placement without a token name drops
 * the old placement's default name, so the new placement's default applies (the header default
 * `X-Session-Token` is no body field); a name the user chose stays. New flows drop the endpoint
 * of each flow they leave out; a flow they add takes its default endpoint unless one is given.
 */
function regeneratedAnswers(
  answers: Answers,
  overrides: Readonly<Partial<AnswersInput>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...answers, ...overrides };
  if (overrides.flows !== undefined) {
    for (const flow of OPTIONAL_FLOWS) {
      const key = FLOW_ENDPOINT_KEYS[flow];
      if (!overrides.flows.includes(flow) && overrides[key] === undefined) delete merged[key];
    }
  }
  const placement = overrides.tokenPlacement;
  if (
    placement !== undefined &&
    placement !== answers.tokenPlacement &&
    overrides.tokenName === undefined &&
    answers.tokenName === DEFAULT_TOKEN_NAMES[answers.tokenPlacement]
  ) {
    delete merged['tokenName'];
  }
  return merged;
}

export async function planRegeneration(options: {
  readonly cwd: string;
  readonly id: string;
  /** Answers to change (never `name`: a new name is a new connector). */
  readonly overrides?: Readonly<Partial<AnswersInput>>;
  readonly timer?: PhaseTimer;
}): Promise<RegenerationPlan> {
  const timer = options.timer ?? new PhaseTimer();
  const workspace = loadWorkspace(options.cwd);
  const tree = new ChangeTree(workspace.root);
  const { manifest } = readManifest(tree, workspace, options.id);
  const overrides = { ...options.overrides };
  if ('name' in overrides) {
    throw new UsageError('regenerate cannot rename a connector', {
      issues: [
        {
          key: 'name',
          value: overrides.name,
          rule: 'a new name is a new connector: use create-connector new',
        },
      ],
    });
  }
  const parsed = await timer.measure('validate', () =>
    parseAnswers(regeneratedAnswers(manifest.answers, overrides)),
  );
  if (!parsed.ok)
    throw new UsageError('the regenerated answers are invalid', { issues: parsed.issues });

  const unresolved = Object.keys(manifest.files).filter((file) => {
    const text = tree.read(file);
    return text !== undefined && hasConflictMarkers(text);
  });
  if (unresolved.length > 0) {
    throw new MergeConflictError(
      `resolve the conflict markers in ${unresolved.join(', ')} before regenerating again`,
      unresolved,
    );
  }

  const generated = await connectorFiles(workspace, parsed.answers, { timer });
  const conflicts: string[] = [];
  const keptDeleted: string[] = [];
  const pristine: Array<{ path: string; content: string; pending?: string; deleted?: boolean }> =
    [];
  for (const file of generated.sources) {
    const record = manifest.files[file.path];
    // after a resolved conflict, the render the user merged with is the new base
    const base = record?.pending ?? record?.pristine;
    const ours = tree.read(file.path);
    if (ours === undefined) {
      if (base === undefined) {
        tree.write(file.path, file.content);
        pristine.push(file);
      } else {
        keptDeleted.push(file.path);
        pristine.push({ ...file, deleted: true });
      }
      continue;
    }
    if (base === undefined) {
      // a file the manifest has no base for: keep the user's, and remember the render as its base
      pristine.push(file);
      continue;
    }
    const merged = merge3(ours, base, file.content);
    tree.write(file.path, merged.content);
    if (merged.conflicts > 0) {
      conflicts.push(file.path);
      pristine.push({ path: file.path, content: base, pending: file.content });
    } else {
      pristine.push(file);
    }
  }

  // files the new answers no longer generate: deleted when untouched, else the user's own now
  const kept: KeptFile[] = [];
  const rendered = new Set(generated.sources.map((file) => file.path));
  for (const [file, record] of Object.entries(manifest.files)) {
    const ours = tree.read(file);
    if (rendered.has(file) || ours === undefined || record.deleted === true) continue;
    if (!isConnectorFile(generated.paths, file)) kept.push({ path: file, reason: 'not-generated' });
    else if (sha256(ours) === record.sha256) tree.delete(file);
    else kept.push({ path: file, reason: 'edited' });
  }

  const next = createManifest({
    answers: parsed.answers,
    templateHash: generated.manifest.templateHash,
    files: pristine,
  });
  tree.write(generated.paths.manifest, serializeManifest(next));

  await timer.measure('registry', async () => {
    const registry = tree.read(workspace.registry);
    if (
      registry === undefined ||
      listRegistry(registry).some((entry) => entry.id === generated.names.id)
    )
      return;
    const entry = {
      id: generated.names.id,
      value: generated.names.value,
      importPath: relativeModuleSpecifier(workspace.registry, generated.paths.index),
    };
    tree.write(
      workspace.registry,
      addToRegistry(registry, entry, await codeStyleFor(workspace.root, workspace.registry)),
    );
  });

  const changes = tree.listChanges();
  return {
    workspace,
    connector: { id: generated.names.id, name: generated.names.type, dir: generated.paths.dir },
    changes,
    before: new Map(changes.map((change) => [change.path, tree.original(change.path)])),
    conflicts,
    keptDeleted,
    kept,
  };
}
