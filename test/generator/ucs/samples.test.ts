import { appendFileSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  checkUcsSamples,
  defaultUcsSamplesDir,
  listUcsSamples,
} from '../../../src/generator/ucs/index.js';
import { testdir } from '../helpers/testdir.js';
import { CASES } from './cases.js';

describe('Rust golden samples (generated-samples/ucs)', () => {
  it('hold one case per UCS test case and re-render byte for byte', async () => {
    expect(await listUcsSamples(defaultUcsSamplesDir())).toEqual(CASES.map(([id]) => id).sort());
    expect(await checkUcsSamples()).toEqual([]);
  });

  it('report a changed byte, a missing file and an extra file', async () => {
    const dir = testdir();
    cpSync(defaultUcsSamplesDir(), dir, { recursive: true });
    const connector = 'backend/connector-integration/src/connectors';
    appendFileSync(path.join(dir, 'header-key-minor-body', connector, 'header_minor.rs'), ' ');
    rmSync(path.join(dir, 'body-key-float-query', connector, 'body_float/transformers.rs'));
    appendFileSync(path.join(dir, 'sig-extra.rs'), '');
    appendFileSync(path.join(dir, 'signature-key-major-header', 'notes.txt'), 'x');
    expect(await checkUcsSamples(dir)).toEqual([
      {
        case: 'body-key-float-query',
        path: `${connector}/body_float/transformers.rs`,
        kind: 'missing',
      },
      { case: 'header-key-minor-body', path: `${connector}/header_minor.rs`, kind: 'changed' },
      { case: 'signature-key-major-header', path: 'notes.txt', kind: 'extra' },
    ]);
  });
});
