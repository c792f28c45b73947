import { describe, expect, it } from 'vitest';

import { RegistryError, type RegistryErrorReason } from '../../src/generator/errors.js';
import {
  addToRegistry,
  listRegistry,
  removeFromRegistry,
  type RegistryEntry,
  type RegistryStyle,
} from '../../src/generator/registry/wire.js';

const style: RegistryStyle = { quote: 'single', indent: '  ' };

const header = `/**
 * @module The connector registry.
 */

import type { AmountType, Connector } from '../runtime/index.js';
`;
const footer = `
export type ConnectorId = keyof typeof connectors;
`;
const satisfies = 'as const satisfies Readonly<Record<string, Connector<AmountType>>>;';

const empty = `${header}
export const connectors = {} ${satisfies}
${footer}`;

const sorted = `${header}import { newPayment } from './new-payment/index.js';
import { nuvei } from './nuvei/index.js';

export const connectors = {
  new_payment: newPayment,
  nuvei,
} ${satisfies}
${footer}`;

const entry = (id: string, value: string, folder: string): RegistryEntry => ({
  id,
  value,
  importPath: `./${folder}/index.js`,
});
const paytm = entry('paytm', 'paytm', 'paytm');
const adyen = entry('adyen', 'adyen', 'adyen');
const jpMorgan = entry('jp_morgan', 'jpMorgan', 'jp-morgan');

function registryError(run: () => unknown): RegistryError {
  try {
    run();
  } catch (error) {
    if (error instanceof RegistryError) return error;
    throw error;
  }
  throw new Error('expected a RegistryError');
}

describe('addToRegistry', () => {
  it('wires the first connector into an empty registry', () => {
    expect(addToRegistry(empty, entry('nuvei', 'nuvei', 'nuvei'), style))
      .toBe(`${header}import { nuvei } from './nuvei/index.js';

export const connectors = {
  nuvei,
} ${satisfies}
${footer}`);
  });

  it('produces the documented registry from an empty one, whatever the order of additions', () => {
    const one = addToRegistry(empty, entry('nuvei', 'nuvei', 'nuvei'), style);
    expect(addToRegistry(one, entry('new_payment', 'newPayment', 'new-payment'), style)).toBe(
      sorted,
    );
    const other = addToRegistry(empty, entry('new_payment', 'newPayment', 'new-payment'), style);
    expect(addToRegistry(other, entry('nuvei', 'nuvei', 'nuvei'), style)).toBe(sorted);
  });

  it.each([
    [
      adyen,
      'first',
      "import { adyen } from './adyen/index.js';\nimport { newPayment }",
      '  adyen,\n  new_payment',
    ],
    [
      jpMorgan,
      'middle',
      "import { jpMorgan } from './jp-morgan/index.js';\nimport { newPayment }",
      '  jp_morgan: jpMorgan,\n  new_payment',
    ],
    [
      paytm,
      'last',
      "nuvei/index.js';\nimport { paytm } from './paytm/index.js';\n",
      '  nuvei,\n  paytm,\n}',
    ],
  ])('inserts %j in sorted position (%s)', (added, _where, importText, entryText) => {
    const result = addToRegistry(sorted, added, style);
    expect(result).toContain(importText);
    expect(result).toContain(entryText);
    expect(listRegistry(result).map((listed) => listed.id)).toEqual(
      ['new_payment', 'nuvei', added.id].sort(),
    );
    // exactly one line each was added
    expect(result.split('\n').length).toBe(sorted.split('\n').length + 2);
  });

  it('uses double quotes and the given indent when asked', () => {
    const result = addToRegistry(empty, paytm, { quote: 'double', indent: '\t' });
    expect(result).toContain(`import { paytm } from "./paytm/index.js";\n`);
    expect(result).toContain('export const connectors = {\n\tpaytm,\n}');
  });

  it('leaves an unsorted registry as it is and still lands in a sensible place', () => {
    const unsorted = `${header}import { zeta } from './zeta/index.js';
import { alpha } from './alpha/index.js';

export const connectors = {
  zeta,
  alpha,
} ${satisfies}
${footer}`;
    const result = addToRegistry(unsorted, entry('mid', 'mid', 'mid'), style);
    expect(result).toBe(`${header}import { mid } from './mid/index.js';
import { zeta } from './zeta/index.js';
import { alpha } from './alpha/index.js';

export const connectors = {
  mid,
  zeta,
  alpha,
} ${satisfies}
${footer}`);
    expect(removeFromRegistry(result, 'mid')).toBe(unsorted);
  });

  it('keeps comments, including ones attached to the entries and imports around it', () => {
    const commented = `${header}// connectors written by hand
import { alpha } from './alpha/index.js'; // the first
/* generated below */
import { zeta } from './zeta/index.js';

export const connectors = {
  // the reference connector
  alpha, // keep me
  /** zeta's doc */
  zeta,
  // trailing note
} ${satisfies}
${footer}`;
    const result = addToRegistry(commented, entry('mid', 'mid', 'mid'), style);
    expect(result).toBe(`${header}// connectors written by hand
import { alpha } from './alpha/index.js'; // the first
import { mid } from './mid/index.js';
/* generated below */
import { zeta } from './zeta/index.js';

export const connectors = {
  // the reference connector
  alpha, // keep me
  mid,
  /** zeta's doc */
  zeta,
  // trailing note
} ${satisfies}
${footer}`);
    expect(removeFromRegistry(result, 'mid')).toBe(commented);
  });

  it('adds into an empty object that holds only a comment', () => {
    const withComment = empty.replace('{}', '{\n  // connectors go here\n}');
    const result = addToRegistry(withComment, paytm, style);
    expect(result).toContain('{\n  // connectors go here\n  paytm,\n}');
    expect(removeFromRegistry(result, 'paytm')).toBe(withComment);
  });

  it('handles a single-line object and a missing trailing comma', () => {
    const inline = sorted.replace(/= \{[^}]*\}/, '= { new_payment: newPayment, nuvei }');
    const added = addToRegistry(inline, paytm, style);
    expect(added).toContain('= { new_payment: newPayment, nuvei, paytm }');
    expect(removeFromRegistry(added, 'paytm')).toBe(inline);
    const first = addToRegistry(inline, adyen, style);
    expect(first).toContain('= { adyen, new_payment: newPayment, nuvei }');
    const noTrailingComma = sorted.replace('  nuvei,\n', '  nuvei\n');
    expect(addToRegistry(noTrailingComma, paytm, style)).toContain('  nuvei,\n  paytm,\n}');
  });

  it('works when the registry has no other imports or no declaration wrapper', () => {
    const bare = 'export const connectors = {};\n';
    expect(addToRegistry(bare, paytm, style)).toBe(
      "import { paytm } from './paytm/index.js';\n\nexport const connectors = {\n  paytm,\n};\n",
    );
    // without another import to sit under, the blank line added after the import stays behind
    expect(removeFromRegistry(addToRegistry(bare, paytm, style), 'paytm')).toBe(`\n${bare}`);
  });

  it('keeps CRLF line endings', () => {
    const crlf = sorted.replace(/\n/g, '\r\n');
    const result = addToRegistry(crlf, paytm, style);
    expect(result).toBe(addToRegistry(sorted, paytm, style).replace(/\n/g, '\r\n'));
    expect(removeFromRegistry(result, 'paytm')).toBe(crlf);
  });

  it('refuses an id or value that is already wired', () => {
    expect(
      registryError(() => addToRegistry(sorted, entry('nuvei', 'nuvei2', 'nuvei2'), style)).reason,
    ).toBe('already-registered');
    const sameValue = registryError(() =>
      addToRegistry(sorted, entry('nuvei_two', 'nuvei', 'nuvei-two'), style),
    );
    expect(sameValue.message).toBe('the registry already imports "nuvei" (from ./nuvei/index.js)');
  });
});

describe('malformed registries are refused before anything changes', () => {
  it.each<[string, string, RegistryErrorReason, RegExp]>([
    [
      'missing declaration',
      `${header}export const other = {};\n`,
      'missing-declaration',
      /no top-level `connectors` declaration/,
    ],
    [
      'not an object literal',
      `${header}export const connectors = makeRegistry();\n`,
      'not-object-literal',
      /not initialised with an object literal/,
    ],
    [
      'declared twice',
      `${header}export const connectors = {};\nconst connectors = {};\n`,
      'duplicate-declaration',
      /declared more than once/,
    ],
    [
      'a syntax error',
      sorted.replace('nuvei,\n}', 'nuvei,,\n}'),
      'syntax',
      /does not parse: .*line \d+, column \d+/,
    ],
    [
      'an unterminated object',
      sorted.replace('} as const', 'as const'),
      'syntax',
      /does not parse/,
    ],
    [
      'a duplicate id',
      sorted.replace('  nuvei,\n', '  nuvei,\n  nuvei: newPayment,\n'),
      'duplicate-id',
      /lists "nuvei" more than once/,
    ],
    [
      'a spread entry',
      sorted.replace('  nuvei,\n', '  nuvei,\n  ...others,\n'),
      'unsupported-entry',
      /line \d+ is not `id: value` or `id`: \.\.\.others/,
    ],
    [
      'a computed entry',
      sorted.replace('  nuvei,\n', '  nuvei,\n  [key]: nuvei,\n'),
      'unsupported-entry',
      /is not `id: value`/,
    ],
    [
      'an entry without an import',
      sorted.replace("import { nuvei } from './nuvei/index.js';\n", ''),
      'unknown-import',
      /refers to "nuvei", which no import declares/,
    ],
  ])('%s', (_case, source, reason, message) => {
    for (const edit of [
      () => addToRegistry(source, paytm, style),
      () => removeFromRegistry(source, 'nuvei'),
      () => listRegistry(source),
    ]) {
      const error = registryError(edit);
      expect(error.reason).toBe(reason);
      expect(error.kind).toBe('usage');
      expect(error.message).toMatch(message);
    }
  });
});

describe('removeFromRegistry', () => {
  it('is the inverse of addToRegistry', () => {
    for (const base of [empty, sorted]) {
      for (const added of [adyen, jpMorgan, paytm]) {
        expect(removeFromRegistry(addToRegistry(base, added, style), added.id)).toBe(base);
      }
    }
    const one = addToRegistry(empty, paytm, style);
    expect(removeFromRegistry(one, 'paytm')).toBe(empty);
  });

  it('removes one import and one entry, and refuses an unknown id', () => {
    const result = removeFromRegistry(sorted, 'new_payment');
    expect(listRegistry(result)).toEqual([
      { id: 'nuvei', value: 'nuvei', importPath: './nuvei/index.js' },
    ]);
    expect(result).not.toContain('newPayment');
    expect(registryError(() => removeFromRegistry(sorted, 'paytm')).reason).toBe('not-registered');
    expect(registryError(() => removeFromRegistry(sorted, 'nuve')).reason).toBe('not-registered');
  });

  it('takes a shared import binding out of its braces only', () => {
    const shared = sorted.replace(
      "import { newPayment } from './new-payment/index.js';\nimport { nuvei } from './nuvei/index.js';",
      "import { newPayment, nuvei } from './all.js';",
    );
    expect(removeFromRegistry(shared, 'nuvei')).toContain("import { newPayment } from './all.js';");
    expect(removeFromRegistry(shared, 'new_payment')).toContain(
      "import { nuvei } from './all.js';",
    );
  });
});

describe('listRegistry', () => {
  it('lists ids, values and import paths in source order', () => {
    expect(listRegistry(sorted)).toEqual([
      { id: 'new_payment', value: 'newPayment', importPath: './new-payment/index.js' },
      { id: 'nuvei', value: 'nuvei', importPath: './nuvei/index.js' },
    ]);
    expect(listRegistry(empty)).toEqual([]);
  });

  it('reads quoted keys', () => {
    expect(
      listRegistry(sorted.replace('new_payment: newPayment', "'new_payment': newPayment"))[0]?.id,
    ).toBe('new_payment');
  });
});
