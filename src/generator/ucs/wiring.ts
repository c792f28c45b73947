/**
 * @module The 9 edit points that wire a connector into a seed-era checkout, each found by
 * structure (a unique declaration header, brace matching, the `[connectors]` table, the proto
 * enum's largest value) and never by a sibling connector's text. Each inserts one line (or one
 * rustfmt-shaped arm) in upstream's own style, knows when it is already done, and refuses an
 * existing identifier of the same name.
 */

import { count, insertBefore, removeOnce, type EditPoint, type PointState } from './edit-point.js';
import { indentAt, shapeError, uniqueBlock, type Block } from './source-scan.js';
import { CONFIG_TOMLS, configToml, protoEnum } from './wiring-config.js';

export type { EditPoint, PointState, WiringContext } from './edit-point.js';
export { CONFIG_TOMLS, PAYMENT_PROTO } from './wiring-config.js';

const WIDTH = 100;

/** A match arm as rustfmt writes it: on one line when it fits, else a block. */
function arm(indent: string, pattern: string, body: string): string {
  const line = `${indent}${pattern} => ${body},`;
  if (line.length <= WIDTH) return `${line}\n`;
  return `${indent}${pattern} => {\n${indent}    ${body}\n${indent}}\n`;
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
const CONNECTORS_RS = 'backend/connector-integration/src/connectors.rs';
const INTEGRATION_TYPES_RS = 'backend/connector-integration/src/types.rs';
const CONNECTOR_TYPES_RS = 'backend/domain_types/src/connector_types.rs';
const DOMAIN_TYPES_RS = 'backend/domain_types/src/types.rs';
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
