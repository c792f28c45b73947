/**
 * @module The manifest each generated connector carries (`{connectorsDir}/{folder}/manifest.json`):
 * who generated it, from which templates and answers, and a hash plus pristine copy of every
 * generated file, so `regenerate` can three-way merge the user's edits with a new render.
 */

import { createHash } from 'node:crypto';

import { z } from '../../runtime/zod.cjs';

import { ANSWER_KEYS, AnswersSchema, type Answers } from '../answers/index.js';
import { InternalError, UsageError, type Issue } from '../errors.js';
import { ownPackage } from '../package-info.js';
import { workspacePathViolation } from '../workspace.js';

export const MANIFEST_VERSION = 2;
export const GENERATOR_NAME = 'create-connector';

const SHA256 = /^[0-9a-f]{64}$/;

/** Lowercase hex SHA-256 of a string's UTF-8 bytes (or of raw bytes). */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

const Sha256Schema = z.string().regex(SHA256, 'must be a lowercase hex SHA-256');

const FileRecordSchema = z
  .strictObject({
    sha256: Sha256Schema,
    pristine: z.string(),
    /** After a conflicted merge: the new render, which becomes `pristine` once the markers are gone. */
    pending: z.string().optional(),
    /** The user deleted the file; regenerate leaves it deleted and verify does not expect it. */
    deleted: z.literal(true).optional(),
  })
  .refine((record) => sha256(record.pristine) === record.sha256, {
    message: 'sha256 does not match the pristine content',
  });

const ManifestPathSchema = z.string().superRefine((value, ctx) => {
  const rule = workspacePathViolation(value);
  if (rule !== undefined) ctx.addIssue({ code: 'custom', message: rule });
});

export const ManifestSchema = z.strictObject({
  manifestVersion: z.literal(MANIFEST_VERSION),
  generator: z.strictObject({ name: z.literal(GENERATOR_NAME), version: z.string().min(1) }),
  templateHash: Sha256Schema,
  answers: AnswersSchema,
  files: z.record(ManifestPathSchema, FileRecordSchema),
});

export type Manifest = z.output<typeof ManifestSchema>;
export type ManifestFile = Manifest['files'][string];

/** Turns a manifest of version N into version N + 1. */
export type ManifestMigration = (manifest: Record<string, unknown>) => Record<string, unknown>;

/** Version 1 predates the `flows` answer: its connectors have none of the optional flows. */
const addNoFlows: ManifestMigration = (manifest) => {
  const answers = manifest['answers'];
  const recorded = typeof answers === 'object' && answers !== null ? answers : {};
  return { ...manifest, manifestVersion: 2, answers: { flows: [], ...recorded } };
};

/** Migrations by the version they migrate from. Version 1 is the first. */
export const MANIFEST_MIGRATIONS = new Map<number, ManifestMigration>([[1, addNoFlows]]);

/** Registers a migration from `fromVersion`; returns a function that unregisters it. */
export function registerManifestMigration(
  fromVersion: number,
  migration: ManifestMigration,
): () => void {
  MANIFEST_MIGRATIONS.set(fromVersion, migration);
  return () => {
    if (MANIFEST_MIGRATIONS.get(fromVersion) === migration) MANIFEST_MIGRATIONS.delete(fromVersion);
  };
}

function versionOf(json: Record<string, unknown>): number | undefined {
  const version = json['manifestVersion'];
  return typeof version === 'number' && Number.isInteger(version) && version >= 0
    ? version
    : undefined;
}

/**
 * Brings a parsed manifest up to `targetVersion` (default: this generator's) by applying the
 * registered migrations in order. Refuses manifests from a newer generator.
 */
export function migrateManifest(
  json: unknown,
  options: {
    readonly migrations?: ReadonlyMap<number, ManifestMigration>;
    readonly targetVersion?: number;
  } = {},
): unknown {
  const { migrations = MANIFEST_MIGRATIONS, targetVersion = MANIFEST_VERSION } = options;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  let current = json as Record<string, unknown>;
  let version = versionOf(current);
  if (version === undefined) return current;
  if (version > targetVersion) {
    throw new UsageError(
      `the manifest has version ${version}; this create-connector reads up to version ${targetVersion} (upgrade it)`,
      {
        issues: [
          { key: 'manifestVersion', value: version, rule: `must be at most ${targetVersion}` },
        ],
      },
    );
  }
  while (version < targetVersion) {
    const migration = migrations.get(version);
    if (migration === undefined)
      throw new InternalError(`no manifest migration from version ${version}`);
    current = migration(current);
    const next = versionOf(current);
    if (next !== version + 1) {
      throw new InternalError(
        `the manifest migration from version ${version} produced version ${String(next)}`,
      );
    }
    version = next;
  }
  return current;
}

function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    key: issue.path.map(String).join('.') || '(manifest)',
    rule:
      issue.code === 'unrecognized_keys' ? `unknown keys ${issue.keys.join(', ')}` : issue.message,
  }));
}

/** Parses, migrates and validates a manifest's text; `source` names the file in errors. */
export function parseManifest(text: string, source = 'manifest.json'): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new UsageError(`${source} is not valid JSON: ${(cause as Error).message}`, {
      cause,
      issues: [{ key: '(manifest)', rule: 'must be valid JSON' }],
    });
  }
  const parsed = ManifestSchema.safeParse(migrateManifest(json));
  if (parsed.success) return parsed.data;
  const issues = toIssues(parsed.error);
  throw new UsageError(
    `${source} is not a valid manifest:\n${issues.map((i) => `  ${i.key}: ${i.rule}`).join('\n')}`,
    {
      issues,
    },
  );
}

/** The manifest as stable JSON: fixed key order, files sorted by path, 2-space indent, final newline. */
export function serializeManifest(manifest: Manifest): string {
  const answers = Object.fromEntries(ANSWER_KEYS.map((key) => [key, manifest.answers[key]]));
  const files = Object.fromEntries(
    Object.keys(manifest.files)
      .sort()
      .map((file) => {
        const record = manifest.files[file] as ManifestFile;
        return [
          file,
          {
            sha256: record.sha256,
            pristine: record.pristine,
            ...(record.pending === undefined ? {} : { pending: record.pending }),
            ...(record.deleted === true ? { deleted: true } : {}),
          },
        ];
      }),
  );
  const ordered = {
    manifestVersion: manifest.manifestVersion,
    generator: { name: manifest.generator.name, version: manifest.generator.version },
    templateHash: manifest.templateHash,
    answers,
    files,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** This package's version: what a manifest records as its generator. */
export function generatorVersion(): string {
  const { version } = ownPackage();
  if (typeof version !== 'string') throw new InternalError('package.json has no version');
  return version;
}

/** Builds the manifest of one generated connector from its answers and generated files. */
export function createManifest(input: {
  readonly answers: Answers;
  readonly templateHash: string;
  readonly files: ReadonlyArray<{
    readonly path: string;
    readonly content: string;
    readonly pending?: string;
    readonly deleted?: boolean;
  }>;
  readonly version?: string;
}): Manifest {
  return {
    manifestVersion: MANIFEST_VERSION,
    generator: { name: GENERATOR_NAME, version: input.version ?? generatorVersion() },
    templateHash: input.templateHash,
    answers: input.answers,
    files: Object.fromEntries(
      input.files.map((file) => [
        file.path,
        {
          sha256: sha256(file.content),
          pristine: file.content,
          ...(file.pending === undefined ? {} : { pending: file.pending }),
          ...(file.deleted === true ? { deleted: true as const } : {}),
        },
      ]),
    ),
  };
}
