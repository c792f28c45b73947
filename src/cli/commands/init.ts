/**
 * @module `create-connector init [dir]`: a workspace outside this repository — package.json,
 * tsconfig, create-connector.json, an empty registry — in which `new`, `list`, `run` and the
 * generated tests work against the installed package.
 */

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { ownPackage } from '../../generator/package-info.js';
import { ChangeTree, applyChanges, refuseExisting } from '../../generator/changes/index.js';
import { WORKSPACE_CONFIG_FILE, type WorkspaceConfig } from '../../generator/workspace.js';
import { CliError, usageError, type ExitCode } from '../errors.js';
import type { CliIo } from '../io.js';
import { ownDependency, type OwnDependency } from '../own-install.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const INIT_WORKSPACE_CONFIG: WorkspaceConfig = {
  connectorsDir: 'src/connectors',
  registry: 'src/connectors/registry.ts',
  testsDir: 'test/connectors',
  imports: {
    runtime: 'create-connector/runtime',
    testing: 'create-connector/testing',
    sandbox: 'create-connector/sandbox',
  },
};

const REGISTRY = `/**
 * The connector registry: every connector this workspace knows, by id.
 * \`create-connector new\` adds one import and one entry (sorted); \`remove\` takes them out.
 */

import type { AmountType, Connector } from 'create-connector/runtime';

export const connectors = {} as const satisfies Readonly<Record<string, Connector<AmountType>>>;

export type ConnectorId = keyof typeof connectors;
`;

function readme(name: string): string {
  return `# ${name}

Payment connectors made with create-connector.

\`\`\`sh
npm install
npx create-connector new           # scaffold a connector (asks for its answers)
npx create-connector list          # what is registered
npm test                           # the generated tests
\`\`\`

## Try a payment

\`payment.json\` is a card payment that a generated connector's emulator approves. \`sandbox\`
prints the auth.json its emulator accepts and the exact \`run\` command:

\`\`\`sh
npx create-connector sandbox <id> --port 4010        # in one terminal; save the auth line as auth.json
npx create-connector run <id> --auth auth.json --payment payment.json --base-url http://127.0.0.1:4010
\`\`\`

The package README lists every payment.json member (flows after Authorize included).

## Where create-connector comes from

\`package.json\` depends on create-connector the way \`init\` was run:

- from the npm registry (\`npx create-connector init\`): \`"create-connector": "^<version>"\`;
- from a tarball (\`npx --package ./create-connector-<version>.tgz create-connector init\`) or a
  folder (a checkout, \`npm link\`): \`"create-connector": "file:<that tarball or folder>"\`, so
  \`npm install\` installs the same create-connector without the registry. Keep the tarball where
  it is, or point the dependency at its new place (or at \`^<version>\` once it is published).
`;
}

/** The files of a new workspace, by workspace-relative path. */
export function workspaceFiles(
  name: string,
  dependency: OwnDependency = ownDependency(ownPackage().version),
): Record<string, string> {
  const own = ownPackage();
  const dev = (pkg: string) => own.devDependencies[pkg] ?? 'latest';
  return {
    'package.json': json({
      name,
      version: '0.0.0',
      private: true,
      type: 'module',
      scripts: {
        test: 'vitest run --passWithNoTests',
        typecheck: 'tsc --noEmit',
        check: 'npm run typecheck && npm test',
      },
      dependencies: { 'create-connector': dependency.spec },
      devDependencies: {
        '@types/node': dev('@types/node'),
        typescript: dev('typescript'),
        vitest: dev('vitest'),
      },
    }),
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        types: ['node'],
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src', 'test'],
    }),
    [WORKSPACE_CONFIG_FILE]: json(INIT_WORKSPACE_CONFIG),
    '.prettierrc.json': json({ singleQuote: true, printWidth: 100 }),
    '.gitignore': 'node_modules\n',
    'src/connectors/registry.ts': REGISTRY,
    'README.md': readme(name),
    // the file the sandbox banner's run line names: a payment a generated connector's emulator approves
    'payment.json': json({
      referenceId: 'order_0001',
      amount: 1000,
      currency: 'USD',
      captureMethod: 'automatic',
      paymentMethod: {
        type: 'card',
        number: '4111111111111111',
        expMonth: '12',
        expYear: '2031',
        cvc: '123',
      },
    }),
  };
}

function packageName(dir: string): string {
  const base = path
    .basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+/, '');
  return base === '' ? 'connectors' : base;
}

/** `init` writes into a new or empty directory; anything else needs --force. */
function refuseOccupied(root: string, force: boolean): void {
  let entries: string[];
  try {
    if (!statSync(root).isDirectory()) {
      throw usageError(`${root} is not a directory`, [
        { key: 'dir', value: root, rule: 'must be a directory, or not exist yet' },
      ]);
    }
    entries = readdirSync(root);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return;
    throw error;
  }
  // a fresh clone (only .git) counts as empty, as create-vite has it
  const occupied = entries.filter((entry) => entry !== '.git');
  if (occupied.length === 0 || force) return;
  throw new CliError(
    `${root} is not empty (${occupied.length} entr${occupied.length === 1 ? 'y' : 'ies'}); nothing was written`,
    'conflict',
    1,
    [{ key: 'dir', value: root, rule: 'must be empty or not exist (--force writes into it)' }],
    { hint: 'Pass --force to add the workspace files to it, or name a new directory.' },
  );
}

/** Says where `npm install` will take create-connector from when it is not the registry. */
function dependencyNote(dependency: OwnDependency): string[] {
  if (dependency.source === 'registry') return [];
  const what = dependency.source === 'tarball' ? 'the tarball' : 'the folder';
  return [
    `This create-connector was not installed from the npm registry, so package.json depends on`,
    `${what} it came from: "create-connector": "${dependency.spec}" (README.md says more).`,
    '',
  ];
}

export async function initCommand(
  dir: string,
  options: { force?: boolean; json?: boolean },
  io: CliIo,
): Promise<ExitCode> {
  const root = path.resolve(io.cwd, dir);
  refuseOccupied(root, options.force === true);
  const tree = new ChangeTree(root);
  const dependency = ownDependency(ownPackage().version);
  for (const [file, content] of Object.entries(workspaceFiles(packageName(root), dependency)))
    tree.write(file, content);
  const changes = tree.listChanges();
  refuseExisting(changes, { force: options.force === true });
  await applyChanges(root, changes);
  if (options.json === true) {
    io.stdout(
      JSON.stringify({
        workspace: root,
        dependency,
        changes: changes.map(({ path: file, type }) => ({ path: file, type })),
      }),
    );
  } else {
    io.stdout(
      [
        `Created a connector workspace in ${root}`,
        ...changes.map((change) => `  ${change.type.padEnd(6)} ${change.path}`),
        '',
        ...dependencyNote(dependency),
        'Next:',
        `  cd ${path.relative(io.cwd, root) || '.'}`,
        '  npm install',
        '  npx create-connector new',
      ].join('\n'),
    );
  }
  return 0;
}
