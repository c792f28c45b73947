/**
 * @module The edit points outside Rust: the proto's `enum Connector` value (largest + 1) and the
 * `<snake>.base_url` key as the last of `[connectors]` in each config TOML.
 */

import {
  escapeRegExp as escape,
  insertBefore,
  type EditPoint,
  type WiringContext,
} from './edit-point.js';
import { prostVariant } from './names.js';
import { shapeError, uniqueBlock } from './source-scan.js';

export const PAYMENT_PROTO = 'backend/grpc-api-types/proto/payment.proto';
export const CONFIG_TOMLS = [
  'config/development.toml',
  'config/sandbox.toml',
  'config/production.toml',
] as const;

const PROTO_VALUE = /^[ \t]*([A-Z][A-Z0-9_]*)\s*=\s*(\d+)\s*;/gm;

/** E6: `enum Connector` in payment.proto, value = the enum's largest + 1. */
export const protoEnum: EditPoint = {
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
export function configToml(file: (typeof CONFIG_TOMLS)[number]): EditPoint {
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
