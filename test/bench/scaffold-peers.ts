/**
 * The peers of the scaffold section, set up to do the same job as `create-connector new`: plop
 * and hygen each render files from templates and add lines to the registry. Their templates are
 * made from our own output (the connector's name forms turned back into template variables), so
 * every contender writes byte-identical files; `checkSameFiles` makes sure of it.
 *
 *   one: the connector's index.ts from one template, plus its registry entry (one line)
 *   all: index.ts, transformers.ts and the test from three templates, plus the import and the
 *        entry in the registry (two lines) — our file set without the manifest
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The name forms of the benchmark's connector, and each peer's way of deriving them. */
const NAME_FORMS: ReadonlyArray<{ value: string; plop: string; hygen: string }> = [
  { value: 'ACME_PAY', plop: 'constantCase', hygen: 'constant' },
  { value: 'AcmePay', plop: 'pascalCase', hygen: 'pascal' },
  { value: 'acmePay', plop: 'camelCase', hygen: 'camel' },
  { value: 'acme_pay', plop: 'snakeCase', hygen: 'snake' },
  { value: 'acme-pay', plop: 'kebabCase', hygen: 'param' },
];
export const CONNECTOR_NAME = 'AcmePay';

export type Variant = 'one' | 'all';

/** A file we generate, by workspace-relative path with the name forms in it. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

function templated(text: string, variable: (form: (typeof NAME_FORMS)[number]) => string): string {
  let result = text;
  for (const form of NAME_FORMS) result = result.split(form.value).join(variable(form));
  return result;
}

function refuseMarkers(file: OutputFile, markers: readonly string[]): void {
  for (const marker of markers) {
    if (file.content.includes(marker)) {
      throw new Error(`${file.path} contains "${marker}": the peer templates would need escaping`);
    }
  }
}

const REGISTRY = 'src/connectors/registry.ts';
const IMPORT_ANCHOR = "import type { AmountType, Connector } from 'create-connector/runtime';";
const ENTRY_ANCHOR = 'export const connectors = {';

/** The registry lines every contender adds: the import and the entry. */
function registryLines(indexPath: string): { importLine: string; entryLine: string } {
  const from = `./${path.posix.relative('src/connectors', indexPath)}`.replace(/\.ts$/, '.js');
  return {
    importLine: `import { acmePay } from '${from}';`,
    entryLine: '  acme_pay: acmePay,',
  };
}

/** plopfile.js with the generators `one` and `all`, and their templates under plop-templates/. */
export function writePlop(workspace: string, files: readonly OutputFile[]): void {
  const hbs = (text: string) => templated(text, (form) => `{{${form.plop} name}}`);
  const templates = files.map((file, index) => {
    refuseMarkers(file, ['{{', '}}']);
    const template = `plop-templates/${index}.hbs`;
    mkdirSync(path.join(workspace, 'plop-templates'), { recursive: true });
    writeFileSync(path.join(workspace, template), hbs(file.content));
    return { path: hbs(file.path), templateFile: template };
  });
  const { importLine, entryLine } = registryLines(files[0]!.path);
  const add = (entry: (typeof templates)[number]) =>
    `{ type: 'add', path: ${JSON.stringify(entry.path)}, templateFile: ${JSON.stringify(entry.templateFile)} }`;
  const append = (pattern: string, line: string) =>
    `{ type: 'append', path: ${JSON.stringify(REGISTRY)}, pattern: ${JSON.stringify(pattern)}, template: ${JSON.stringify(hbs(line))} }`;
  const generator = (actions: readonly string[]) =>
    `{ prompts: [{ type: 'input', name: 'name', message: 'name' }], actions: [\n      ${actions.join(',\n      ')},\n    ] }`;
  const plopfile = `export default function (plop) {
  plop.setGenerator('one', ${generator([add(templates[0]!), append(ENTRY_ANCHOR, entryLine)])});
  plop.setGenerator('all', ${generator([
    ...templates.map(add),
    append(IMPORT_ANCHOR, importLine),
    append(ENTRY_ANCHOR, entryLine),
  ])});
}
`;
  writeFileSync(path.join(workspace, 'plopfile.js'), plopfile);
}

/** _templates/connector/{one,all}/*.ejs.t: hygen's frontmatter templates, inject for the registry. */
export function writeHygen(workspace: string, files: readonly OutputFile[]): void {
  const ejs = (text: string) =>
    templated(text, (form) => `<%= h.changeCase.${form.hygen}(name) %>`);
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const { importLine, entryLine } = registryLines(files[0]!.path);
  const write = (variant: Variant, name: string, frontmatter: string, body: string) => {
    const dir = path.join(workspace, '_templates', 'connector', variant);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.ejs.t`), `---\n${frontmatter}\n---\n${body}`);
  };
  const inject = (variant: Variant, name: string, anchor: string, line: string) =>
    write(
      variant,
      name,
      `inject: true\nto: ${REGISTRY}\nafter: ${escapeRegExp(anchor)}`,
      `${ejs(line)}\n`,
    );
  for (const file of files) refuseMarkers(file, ['<%', '%>']);
  const add = (variant: Variant, file: OutputFile, index: number) =>
    write(variant, `file-${index}`, `to: ${ejs(file.path)}`, ejs(file.content));
  add('one', files[0]!, 0);
  inject('one', 'registry-entry', ENTRY_ANCHOR, entryLine);
  files.forEach((file, index) => add('all', file, index));
  inject('all', 'registry-import', IMPORT_ANCHOR, importLine);
  inject('all', 'registry-entry', ENTRY_ANCHOR, entryLine);
}

/** Throws unless `workspace` holds exactly `files` (the peer wrote what we write). */
export function checkSameFiles(
  contender: string,
  workspace: string,
  files: readonly OutputFile[],
): void {
  for (const file of files) {
    let written: string;
    try {
      written = readFileSync(path.join(workspace, file.path), 'utf8');
    } catch {
      throw new Error(`${contender} did not write ${file.path}`);
    }
    if (written !== file.content) {
      throw new Error(`${contender} wrote ${file.path} differently from create-connector new`);
    }
  }
}

/** Throws unless the registry holds the lines the variant adds. */
export function checkRegistry(contender: string, workspace: string, variant: Variant): void {
  const registry = readFileSync(path.join(workspace, REGISTRY), 'utf8');
  const wanted = variant === 'one' ? ['acme_pay: acmePay'] : ['acme_pay: acmePay', '{ acmePay }'];
  for (const text of wanted) {
    if (!registry.includes(text))
      throw new Error(`${contender} did not add "${text}" to the registry`);
  }
}
