import fc from 'fast-check';
import * as prettier from 'prettier';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import {
  ANSWER_AUTH_TYPES,
  ANSWER_META,
  CURRENCY_UNITS,
  TOKEN_PLACEMENTS,
} from '../../src/generator/answers/index.js';
import {
  ANSWER_ENUMS,
  BLOCK_HELPERS,
  checkIdentifier,
  fitsWidth,
  PREDICATE_HELPERS,
  propertyKey,
  quoteString,
  TemplateValueError,
} from '../../src/generator/render/helpers.js';
import { AMOUNT_TYPES } from '../../src/runtime/amount.js';
import { CONTENT_TYPES } from '../../src/runtime/connector.js';

const HOUSE_STYLE = { parser: 'typescript', singleQuote: true, printWidth: 100 } as const;

/** The value of `const x = <literal>;` as TypeScript reads it, and whether it parsed cleanly. */
function parseLiteral(literal: string): { text: string | undefined; clean: boolean } {
  const source = ts.createSourceFile('x.ts', `const x = ${literal};\n`, ts.ScriptTarget.ES2022);
  const diagnostics = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
  const statement = source.statements[0];
  const initializer =
    statement !== undefined && ts.isVariableStatement(statement)
      ? statement.declarationList.declarations[0]?.initializer
      : undefined;
  return {
    text:
      initializer !== undefined && ts.isStringLiteral(initializer) ? initializer.text : undefined,
    clean: diagnostics.length === 0 && source.statements.length === 1,
  };
}

describe('quoteString', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`'"'`, `"'\\"'"`],
    ['back\\slash', "'back\\\\slash'"],
    ['line\nbreak\r\t', "'line\\nbreak\\r\\t'"],
    ['\u2028\u2029', "'\\u2028\\u2029'"],
    ['nul\0', "'nul\\u0000'"],
    ['café ✓ 😀', "'café ✓ 😀'"],
    ['\ud800 lone', "'\\ud800 lone'"],
  ])('quotes %j as %s', (value, literal) => {
    expect(quoteString(value)).toBe(literal);
  });

  it('gives back exactly the value, as one literal, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        const parsed = parseLiteral(quoteString(value));
        expect(parsed.clean).toBe(true);
        expect(parsed.text).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('cannot be broken out of by code-like values', () => {
    for (const value of ["'; process.exit(1); '", '${process.exit(1)}', '*/ x /*', "\\'", '`']) {
      const parsed = parseLiteral(quoteString(value));
      expect(parsed).toEqual({ text: value, clean: true });
    }
  });

  it('writes literals prettier leaves as they are', async () => {
    const values = fc.sample(fc.string({ unit: 'grapheme', maxLength: 40 }), 150);
    values.push(`it's`, `a "b" 'c'`, `''""'`, 'tab\there', 'x\\y');
    for (const value of values) {
      const source = `const x = ${quoteString(value)};\n`;
      expect(await prettier.format(source, HOUSE_STYLE)).toBe(source);
    }
  });
});

describe('checkIdentifier', () => {
  it.each(['newPayment', 'NewPayment', '_x', '$y', 'pay2Go'])('accepts %s', (name) => {
    expect(checkIdentifier(name)).toBe(name);
  });

  it.each(['', 'new-payment', '2pay', 'new payment', 'class', 'await', 'arguments', 'a.b', 'é'])(
    'refuses %j',
    (name) => {
      expect(() => checkIdentifier(name)).toThrow(TemplateValueError);
    },
  );

  it('refuses what is not a string, such as a missing value', () => {
    expect(() => checkIdentifier(undefined)).toThrow(/needs a string, got undefined/);
    expect(() => checkIdentifier(42)).toThrow(TemplateValueError);
  });
});

describe('propertyKey', () => {
  it('leaves identifiers bare and quotes anything else', () => {
    expect(propertyKey('sessionToken')).toBe('sessionToken');
    expect(propertyKey('session-token')).toBe("'session-token'");
  });

  it('refuses __proto__, which would set the prototype instead', () => {
    expect(() => propertyKey('__proto__')).toThrow(TemplateValueError);
  });
});

describe('predicate helpers', () => {
  const options = {};

  it('compare with known enum literals only', () => {
    expect(PREDICATE_HELPERS.eq('body', 'body')).toBe(true);
    expect(PREDICATE_HELPERS.eq('query', 'body')).toBe(false);
    expect(() => PREDICATE_HELPERS.eq('body', 'bdy')).toThrow(/unknown literal "bdy"/);
  });

  it('ask whether the flows hold any of the named ones, knowing only the optional flows', () => {
    expect(PREDICATE_HELPERS.has(['PSync', 'Refund'], 'Refund', options)).toBe(true);
    expect(PREDICATE_HELPERS.has(['PSync', 'Refund'], 'Capture', 'RSync', options)).toBe(false);
    expect(PREDICATE_HELPERS.has(['Void'], 'Capture', 'Void', options)).toBe(true);
    expect(PREDICATE_HELPERS.has([], 'PSync', options)).toBe(false);
    expect(() => PREDICATE_HELPERS.has(['PSync'], 'Psync', options)).toThrow(
      /unknown flow "Psync"/,
    );
    expect(() => PREDICATE_HELPERS.has(['PSync'], options)).toThrow(/at least one flow/);
    expect(() => PREDICATE_HELPERS.has(undefined, 'PSync', options)).toThrow(TemplateValueError);
  });

  it('refuse a missing value instead of taking the false branch', () => {
    expect(() => PREDICATE_HELPERS.eq(undefined, 'body')).toThrow(TemplateValueError);
    expect(() => PREDICATE_HELPERS.not(undefined)).toThrow(TemplateValueError);
    expect(() => PREDICATE_HELPERS.or(true, undefined, options)).toThrow(TemplateValueError);
  });

  it('combine conditions', () => {
    expect(PREDICATE_HELPERS.or(false, true, options)).toBe(true);
    expect(PREDICATE_HELPERS.or(false, false, options)).toBe(false);
    expect(PREDICATE_HELPERS.not(false)).toBe(true);
  });
});

describe('#each', () => {
  const options = { fn: (item: unknown) => `<${String(item)}>` } as never;

  it('writes the block once per item of a list, and nothing for an empty one', () => {
    expect(BLOCK_HELPERS.each.call({}, ['a', 'b'], options)).toBe('<a><b>');
    expect(BLOCK_HELPERS.each.call({}, [], options)).toBe('');
  });

  it('refuses anything but a list (a missing value included)', () => {
    for (const value of [undefined, { a: 1 }, 'ab']) {
      expect(() => BLOCK_HELPERS.each.call({}, value, options)).toThrow(TemplateValueError);
    }
  });
});

describe('fitsWidth', () => {
  it('holds when every line is at most 100 characters', () => {
    expect(fitsWidth(`${'a'.repeat(100)}\nb`)).toBe(true);
    expect(fitsWidth(`short\n${'a'.repeat(101)}`)).toBe(false);
  });
});

describe('ANSWER_ENUMS', () => {
  it('are the lists the answers schema and the runtime declare, not copies', () => {
    expect(ANSWER_ENUMS.amountType).toBe(AMOUNT_TYPES);
    expect(ANSWER_ENUMS.currencyUnit).toBe(CURRENCY_UNITS);
    expect(ANSWER_ENUMS.contentType).toBe(CONTENT_TYPES);
    expect(ANSWER_ENUMS.authType).toBe(ANSWER_AUTH_TYPES);
    expect(ANSWER_ENUMS.tokenPlacement).toBe(TOKEN_PLACEMENTS);
  });

  it('cover every answer that offers choices, with the same choices', () => {
    // a list answer (flows) is not compared with `eq`: templates ask whether it includes a flow
    const withChoices = Object.values(ANSWER_META).filter(
      (meta) => meta.choices !== undefined && meta.list !== true,
    );
    expect(Object.keys(ANSWER_ENUMS).sort()).toEqual(withChoices.map((meta) => meta.key).sort());
    for (const meta of withChoices) {
      expect(ANSWER_ENUMS[meta.key as keyof typeof ANSWER_ENUMS]).toEqual(meta.choices);
    }
  });
});
