/**
 * @module Child-process probe: runs validation-only generator work (or, with an argument, one
 * heavy step) and prints which heavy CommonJS modules ended up loaded.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { parseAnswers, validateAnswer } from '../../../src/generator/answers/index.js';
import { formatFiles } from '../../../src/generator/render/format.js';
import {
  createManifest,
  parseManifest,
  serializeManifest,
} from '../../../src/generator/lifecycle/manifest.js';
import { names } from '../../../src/generator/answers/names.js';
import { PRESETS } from '../../../src/generator/answers/presets.js';
import { ChangeTree, refuseExisting, unifiedDiff } from '../../../src/generator/changes/tree.js';
import { addToRegistry } from '../../../src/generator/registry/wire.js';
import { connectorPaths, loadWorkspace } from '../../../src/generator/workspace.js';

const step = process.argv[2];
const workspace = loadWorkspace(path.join(import.meta.dirname, '..'));
const parsed = parseAnswers(PRESETS.nuvei, { existingIds: [] });
if (!parsed.ok) throw new Error('preset did not parse');
validateAnswer('baseUrl', 'https://x.example');
// the name rules include the clash check against what the templates declare
if (validateAnswer('name', 'DefineFlow').ok) throw new Error('a clashing name was accepted');
const paths = connectorPaths(workspace, names(parsed.answers.name));

const root = mkdtempSync(path.join(os.tmpdir(), 'create-connector-probe-'));
try {
  writeFileSync(
    path.join(root, '.prettierrc.json'),
    JSON.stringify({ singleQuote: true, printWidth: 100 }),
  );
  const { files } = await formatFiles(root, [
    { path: paths.index, content: 'export const a = 1;\n' },
  ]);
  const tree = new ChangeTree(root);
  for (const file of files) tree.write(file.path, file.content);
  refuseExisting(tree.listChanges(), { force: false });
  const manifest = createManifest({ answers: parsed.answers, templateHash: '0'.repeat(64), files });
  parseManifest(serializeManifest(manifest));
  if (step === 'wire' || step === 'wire-fallback') {
    addToRegistry(
      // a no-break space is outside the hand lexer, which leaves it to TypeScript's scanner
      `export const connectors = {};${step === 'wire' ? '' : '\u00a0'}\n`,
      { id: 'x', value: 'x', importPath: './x.js' },
      {
        quote: 'single',
        indent: '  ',
      },
    );
  }
  if (step === 'diff') await unifiedDiff({ path: 'a.ts', type: 'create', content: 'a' }, undefined);
  if (step === 'render') await import('../../../src/generator/render/render.js');
} finally {
  rmSync(root, { recursive: true, force: true });
}

const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) =>
  /node_modules[\\/](ts-morph|@ts-morph|typescript|prettier|diff|handlebars)[\\/]/.test(file),
);
process.stdout.write(JSON.stringify(loaded.map((file) => file.replace(/.*node_modules[\\/]/, ''))));
