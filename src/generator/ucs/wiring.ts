/**
 * @module The 9 edit points that wire a connector into a seed-era checkout, each found by
 * structure (a unique declaration header, brace matching, the `[connectors]` table, the proto
 * enum's largest value) and never by a sibling connector's text. Each inserts one line (or one
 * rustfmt-shaped arm) in upstream's own style, knows when it is already done, and refuses an
 * existing identifier of the same name.
 */

import { prostVariant, type UcsNames } from './names.js';
import { indentAt, lineStart, shapeError, uniqueBlock, type Block } from './source-scan.js';

export interface WiringContext {
  readonly names: UcsNames;
  readonly baseUrls: {
    readonly development: string;
    readonly sandbox: string;
    readonly production: string;
  };
}

/** Where an edit point stands in a file's current text. */
export type PointState =
  | { readonly kind: 'absent'; readonly edited: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'conflict'; readonly found: string };

export interface EditPoint {
  readonly file: string;
  /** What is edited, for messages: `enum ConnectorEnum`. */
  readonly what: string;
  /** Our insertion's state in `text`; a missing or repeated anchor throws a UsageError. */
  state(text: string, ctx: WiringContext): PointState;
  /** `text` without our insertion (unchanged when it is not there). */
  remove(text: string, ctx: WiringContext): string;
}

const WIDTH = 100;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A match arm as rustfmt writes it: on one line when it fits, else a block. */
function arm(indent: string, pattern: string, body: string): string {
  const line = `${indent}${pattern} => ${body},`;
  if (line.length <= WIDTH) return `${line}\n`;
  return `${indent}${pattern} => {\n${indent}    ${body}\n${indent}}\n`;
}

/** Inserts `insertion` (whole lines) at the start of the line holding `index`. */
function insertBefore(text: string, index: number, insertion: string): string {
  const at = lineStart(text, index);
  return text.slice(0, at) + insertion + text.slice(at);
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The state of a point whose insertion is `ours` inside `block`, clashing on `clash`. */
function blockState(
  text: string,
  block: Block,
  ours: string,
  clash: RegExp,
  insertAt: number,
): PointState {
  const body = text.slice(block.open, block.close + 1);
  const present = count(body, ours);
  if (present === 1) return { kind: 'done' };
  const found = clash.exec(body);
  if (found !== null || present > 1)
    return { kind: 'conflict', found: (found?.[0] ?? ours).trim() };
  return { kind: 'absent', edited: insertBefore(text, insertAt, ours) };
}

function removeOnce(text: string, ours: string): string {
  return count(text, ours) === 1 ? text.replace(ours, '') : text;
}

const CONNECTORS_RS = 'backend/connector-integration/src/connectors.rs';
const INTEGRATION_TYPES_RS = 'backend/connector-integration/src/types.rs';
const CONNECTOR_TYPES_RS = 'backend/domain_types/src/connector_types.rs';
const DOMAIN_TYPES_RS = 'backend/domain_types/src/types.rs';
export const PAYMENT_PROTO = 'backend/grpc-api-types/proto/payment.proto';
export const CONFIG_TOMLS = [
  'config/development.toml',
  'config/sandbox.toml',
  'config/production.toml',
] as const;

/** E1: `pub mod`/`pub use` appended to connectors.rs, as new connectors are. */
const connectorsModule: EditPoint = {
  file: CONNECTORS_RS,
  what: 'the connector module list',
  state(text, { names }) {
    const ours = `\npub mod ${names.snake};\npub use self::${names.snake}::${names.pascal};\n`;
    if (count(text, ours) === 1) return { kind: 'done' };
    const clash = new RegExp(
      `\\bmod\\s+${names.snake}\\b|\\b${names.snake}::|\\b${names.pascal}\\b`,
    ).exec(text);
    if (clash !== null) return { kind: 'conflict', found: clash[0] };
    const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    return { kind: 'absent', edited: base + ours };
  },
  remove: (text, { names }) =>
    removeOnce(text, `\npub mod ${names.snake};\npub use self::${names.snake}::${names.pascal};\n`),
};

/** The `{…}` of the first `match` inside `outer`. */
function matchBlock(text: string, outer: Block, file: string, what: string): Block {
  return uniqueBlock(
    text,
    /\bmatch\s+[a-z_][a-z0-9_]*\s*\{/,
    file,
    `match in ${what}`,
    outer.open + 1,
    outer.close,
  );
}

/** E2: the `convert_connector` arm (the match is exhaustive, so the compiler enforces it). */
const convertConnector: EditPoint = {
  file: INTEGRATION_TYPES_RS,
  what: 'fn convert_connector',
  state(text, { names }) {
    const fn = uniqueBlock(
      text,
      /\bfn convert_connector\s*\([^)]*\)[^{]*\{/,
      this.file,
      'fn convert_connector',
    );
    const match = matchBlock(text, fn, this.file, 'fn convert_connector');
    const indent = `${indentAt(text, match.close)}    `;
    const ours = arm(
      indent,
      `ConnectorEnum::${names.pascal}`,
      `Box::new(connectors::${names.pascal}::new())`,
    );
    return blockState(
      text,
      match,
      ours,
      new RegExp(`\\bConnectorEnum::${names.pascal}\\b`),
      match.close,
    );
  },
  remove(text, { names }) {
    return removeOnce(
      text,
      arm(
        `${' '.repeat(12)}`,
        `ConnectorEnum::${names.pascal}`,
        `Box::new(connectors::${names.pascal}::new())`,
      ),
    );
  },
};

/** E3: the `ConnectorEnum` variant. */
const connectorEnum: EditPoint = {
  file: CONNECTOR_TYPES_RS,
  what: 'enum ConnectorEnum',
  state(text, { names }) {
    const block = uniqueBlock(
      text,
      /\bpub enum ConnectorEnum\s*\{/,
      this.file,
      'pub enum ConnectorEnum',
    );
    const ours = `    ${names.pascal},\n`;
    return blockState(
      text,
      block,
      ours,
      new RegExp(`^[ \\t]*${names.pascal}\\b`, 'm'),
      block.close,
    );
  },
  remove: (text, { names }) => {
    const block = uniqueBlock(
      text,
      /\bpub enum ConnectorEnum\s*\{/,
      CONNECTOR_TYPES_RS,
      'pub enum ConnectorEnum',
    );
    const body = text.slice(block.open, block.close + 1);
    return (
      text.slice(0, block.open) +
      removeOnce(body, `    ${names.pascal},\n`) +
      text.slice(block.close + 1)
    );
  },
};

const GRPC_IMPL =
  /\bimpl\s+ForeignTryFrom<grpc_api_types::payments::Connector>\s+for\s+ConnectorEnum\s*\{/;
const grpcArm = (indent: string, pascal: string): string =>
  arm(indent, `grpc_api_types::payments::Connector::${pascal}`, `Ok(Self::${pascal})`);

/**
 * E4: the gRPC → `ConnectorEnum` arm. The match ends in `_ =>`, so nothing enforces it: it goes
 * before the `Unspecified` arm (where upstream adds them), else before `_ =>`.
 */
const grpcMapping: EditPoint = {
  file: CONNECTOR_TYPES_RS,
  what: 'the gRPC Connector mapping',
  state(text, { names }) {
    const impl = uniqueBlock(
      text,
      GRPC_IMPL,
      this.file,
      'ForeignTryFrom<grpc_api_types::payments::Connector> impl',
    );
    const match = matchBlock(text, impl, this.file, 'the gRPC Connector mapping');
    const body = text.slice(match.open, match.close);
    const sentinel = /^[ \t]*(grpc_api_types::payments::Connector::Unspecified|_)\s*=>/m.exec(body);
    if (sentinel === null)
      throw shapeError(
        this.file,
        'has no `Connector::Unspecified =>` or `_ =>` arm in the gRPC Connector mapping',
      );
    const at = match.open + sentinel.index + (sentinel[0].length - sentinel[0].trimStart().length);
    const ours = grpcArm(indentAt(text, at), names.pascal);
    return blockState(text, match, ours, new RegExp(`\\bConnector::${names.pascal}\\b`), at);
  },
  remove(text, { names }) {
    const impl = uniqueBlock(
      text,
      GRPC_IMPL,
      this.file,
      'ForeignTryFrom<grpc_api_types::payments::Connector> impl',
    );
    const match = matchBlock(text, impl, this.file, 'the gRPC Connector mapping');
    return removeOnce(text, grpcArm(`${indentAt(text, match.close)}    `, names.pascal));
  },
};

/** E5: the `Connectors` settings field (`connectors.<snake>.base_url`). */
const connectorsStruct: EditPoint = {
  file: DOMAIN_TYPES_RS,
  what: 'struct Connectors',
  state(text, { names }) {
    const block = uniqueBlock(
      text,
      /\bpub struct Connectors\s*\{/,
      this.file,
      'pub struct Connectors',
    );
    const ours = `    pub ${names.snake}: ConnectorParams,\n`;
    return blockState(
      text,
      block,
      ours,
      new RegExp(`^[ \\t]*pub\\s+${names.snake}\\s*:`, 'm'),
      block.close,
    );
  },
  remove: (text, { names }) => removeOnce(text, `    pub ${names.snake}: ConnectorParams,\n`),
};

const PROTO_VALUE = /^[ \t]*([A-Z][A-Z0-9_]*)\s*=\s*(\d+)\s*;/gm;

/** E6: `enum Connector` in payment.proto, value = the enum's largest + 1. */
const protoEnum: EditPoint = {
  file: PAYMENT_PROTO,
  what: 'enum Connector',
  state(text, { names }) {
    const block = uniqueBlock(text, /^enum Connector\s*\{/m, this.file, 'enum Connector');
    const body = text.slice(block.open, block.close);
    const values = [...body.matchAll(PROTO_VALUE)].map((m) => ({
      name: m[1] as string,
      value: Number(m[2]),
    }));
    if (values.length === 0) throw shapeError(this.file, 'has no values in enum Connector');
    // done only when it is what we append: the enum's last and largest value
    const last = values.at(-1) as { name: string; value: number };
    const largest = Math.max(...values.map((v) => v.value));
    const mine = values.filter((v) => v.name === names.proto);
    if (mine.length === 1 && last.name === names.proto && last.value === largest)
      return { kind: 'done' };
    const clash = values.find(
      (v) => v.name === names.proto || prostVariant('Connector', v.name) === names.pascal,
    );
    if (clash !== undefined) return { kind: 'conflict', found: `${clash.name} = ${clash.value}` };
    const next = largest + 1;
    const indent = /^[ \t]*/.exec(body.slice(body.indexOf(`\n`, 0) + 1))?.[0] ?? '  ';
    const lastIndent = new RegExp(`^([ \\t]*)${last.name}\\s*=`, 'm').exec(body)?.[1] ?? indent;
    return {
      kind: 'absent',
      edited: insertBefore(text, block.close, `${lastIndent}${names.proto} = ${next};\n`),
    };
  },
  remove(text, { names }) {
    const line = new RegExp(`^[ \\t]*${names.proto} = \\d+;\\n`, 'm');
    const block = uniqueBlock(text, /^enum Connector\s*\{/m, this.file, 'enum Connector');
    const body = text.slice(block.open, block.close);
    const found = line.exec(body);
    if (found === null) return text;
    const at = block.open + found.index;
    return text.slice(0, at) + text.slice(at + found[0].length);
  },
};

const TABLE_HEADER = /^[ \t]*\[/;

/** The `[connectors]` table's line range: its header line index and the end (next header). */
function connectorsTable(lines: readonly string[], file: string): { header: number; end: number } {
  const headers = lines.flatMap((line, index) =>
    /^\[connectors\][ \t]*(#.*)?$/.test(line) ? [index] : [],
  );
  if (headers.length !== 1)
    throw shapeError(
      file,
      headers.length === 0 ? 'has no [connectors] table' : 'has more than one [connectors] table',
    );
  const header = headers[0] as number;
  let end = header + 1;
  while (end < lines.length && !TABLE_HEADER.test(lines[end] as string)) end += 1;
  return { header, end };
}

/** E7–E9: `<snake>.base_url = "<url>"` as the last key of `[connectors]`. */
function configToml(file: (typeof CONFIG_TOMLS)[number]): EditPoint {
  const environment = /config\/(\w+)\.toml$/.exec(file)?.[1] as keyof WiringContext['baseUrls'];
  const line = (ctx: WiringContext): string =>
    `${ctx.names.snake}.base_url = "${ctx.baseUrls[environment]}"`;
  return {
    file,
    what: '[connectors]',
    state(text, ctx) {
      const lines = text.split('\n');
      const { header, end } = connectorsTable(lines, file);
      const table = lines.slice(header + 1, end);
      const ours = line(ctx);
      if (table.filter((l) => l === ours).length === 1) return { kind: 'done' };
      const key = new RegExp(`^[ \\t]*("?)${escape(ctx.names.snake)}\\1[ \\t]*[.=]`);
      const clash =
        table.find((l) => key.test(l)) ??
        lines.find((l) => new RegExp(`^\\[connectors\\.${ctx.names.snake}\\]`).test(l));
      if (clash !== undefined) return { kind: 'conflict', found: clash.trim() };
      let last = end - 1;
      while (last > header && /^[ \t]*(#.*)?$/.test(lines[last] as string)) last -= 1;
      lines.splice(last + 1, 0, ours);
      return { kind: 'absent', edited: lines.join('\n') };
    },
    remove(text, ctx) {
      const lines = text.split('\n');
      const index = lines.indexOf(line(ctx));
      if (index === -1 || lines.lastIndexOf(line(ctx)) !== index) return text;
      lines.splice(index, 1);
      return lines.join('\n');
    },
  };
}

/** The 9 points, in the order their files are listed in reports. */
export const EDIT_POINTS: readonly EditPoint[] = [
  connectorsModule,
  convertConnector,
  connectorEnum,
  grpcMapping,
  connectorsStruct,
  protoEnum,
  ...CONFIG_TOMLS.map(configToml),
];
