import { readFileSync, writeFileSync } from 'node:fs';

import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

import { ANSWER_FLAGS } from '../../src/cli/answer-flags.generated.js';
import { ANSWER_KEYS, ANSWER_META } from '../../src/generator/answers/index.js';

const FILE = new URL('../../src/cli/answer-flags.generated.ts', import.meta.url);

function derived() {
  return ANSWER_KEYS.map((key) => {
    const meta = ANSWER_META[key];
    return {
      key,
      flag: meta.flag,
      description: meta.description,
      required: meta.required,
      ...(meta.choices === undefined ? {} : { choices: meta.choices }),
      ...(meta.list === undefined ? {} : { list: meta.list }),
      ...(meta.default === undefined ? {} : { default: meta.default }),
    };
  });
}

describe('the static answer-flag table', () => {
  it('is exactly what the answers schema derives', async () => {
    if (process.env['UPDATE_ANSWER_FLAGS'] === '1') {
      const text = readFileSync(FILE, 'utf8');
      const start = text.indexOf('export const ANSWER_FLAGS');
      const table = JSON.stringify(derived(), null, 2);
      const source = `${text.slice(0, start)}export const ANSWER_FLAGS: readonly AnswerFlag[] = ${table};\n`;
      // written as prettier would, so `format:check` stays green after an update
      const options = (await resolveConfig(FILE.pathname)) ?? {};
      writeFileSync(FILE, await format(source, { ...options, filepath: FILE.pathname }));
      return;
    }
    expect(ANSWER_FLAGS).toEqual(derived());
  });
});
