/**
 * The whole interactive `new` on a real pseudo-terminal (util-linux `script`): every question
 * asked with its default, a bad value re-asked with its rule, the plan summarised, the write
 * confirmed — or declined or interrupted, leaving every byte as it was.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it, onTestFinished } from 'vitest';

import { KEYS, runInTerminal, type TerminalRun } from './helpers/terminal.js';
import { treeSnapshot, workspaceForTest } from './helpers/workspace.js';

function start(args: readonly string[], cwd: string): TerminalRun {
  const run = runInTerminal(args, { cwd });
  onTestFinished(() => run.kill());
  return run;
}

/** Types `text` once `question` is shown, then Enter. */
async function answer(run: TerminalRun, question: string, text: string): Promise<string> {
  const shown = await run.waitFor(question);
  run.send(text, KEYS.enter);
  return shown;
}

function erase(run: TerminalRun, count: number): void {
  run.send(KEYS.backspace.repeat(count));
}

describe('new on a terminal', { timeout: 60_000 }, () => {
  it('asks every question, re-asks bad values, summarises the plan and writes on yes', async () => {
    const root = await workspaceForTest();
    const run = start(['new'], root);

    await answer(run, 'Connector name (PascalCase, e.g. NewPayment)', 'class');
    await run.waitFor('must start with an upper-case ASCII letter');
    erase(run, 5);
    run.send('Acme', KEYS.enter);

    await answer(run, 'Base URL of the gateway (sandbox)', 'ftp://api.acme.test');
    await run.waitFor(/> .*https/);
    erase(run, 'ftp://api.acme.test'.length);
    run.send('https://api.acme.test', KEYS.enter);

    // selects start on the default; the arrows move from there
    await run.waitFor('Amount type');
    await run.waitFor('❯ StringMinorUnit');
    run.send(KEYS.down, KEYS.enter);
    await run.waitFor('Currency unit');
    await run.waitFor('❯ Minor');
    run.send(KEYS.enter);
    await run.waitFor('Content type');
    run.send(KEYS.enter);
    await run.waitFor('Auth type');
    await run.waitFor('❯ HeaderKey');
    run.send(KEYS.down, KEYS.enter);

    await answer(run, 'Session token endpoint (relative path)', 'v1/session');
    await answer(run, 'Authorize endpoint (relative path)', '/v1/pay');
    await run.waitFor(/> .*leading/);
    erase(run, '/v1/pay'.length);
    run.send('v1/pay', KEYS.enter);

    await run.waitFor('Where does Authorize carry the session token?');
    await run.waitFor('❯ body');
    run.send(KEYS.down, KEYS.enter);
    // the default follows the placement chosen just before
    await run.waitFor(
      'Name of the field, header or parameter carrying the token (X-Session-Token)',
    );
    run.send(KEYS.enter);

    // the flows open all ticked; space unticks Void and RSync
    await run.waitFor('Which flows does the connector have besides session token and authorize?');
    await run.waitFor('◉ RSync');
    run.send(KEYS.down, KEYS.down, KEYS.space, KEYS.down, KEYS.down, KEYS.space);
    await run.waitFor('◯ RSync');
    run.send(KEYS.enter);
    // only the chosen flows' endpoints are asked, pre-filled below the Authorize endpoint
    await run.waitFor('PSync endpoint (relative path) (v1/pay/{connectorTransactionId})');
    run.send(KEYS.enter);
    await answer(run, 'Capture endpoint (relative path)', '');
    await run.waitFor('Refund endpoint (relative path) (v1/pay/{connectorTransactionId}/refunds)');
    run.send(KEYS.enter);

    const summary = await run.waitFor('Write these 24 files? (Y/n)');
    expect(summary).toContain('Acme (acme) in src/connectors/acme:');
    for (const line of [
      'CREATE src/connectors/acme/index.ts',
      'CREATE src/connectors/acme/transformers.ts',
      'CREATE src/connectors/acme/transformers-payments.ts',
      'CREATE src/connectors/acme/transformers-refunds.ts',
      'CREATE test/connectors/acme.test.ts',
      'CREATE src/connectors/acme/README.md',
      // the day-one cassettes: 2 session, 8 authorize, 2 each for PSync, Capture and Refund
      'CREATE test/connectors/acme/cassettes/capture-charged.json',
      'CREATE test/connectors/acme/cassettes/refund-success.json',
      'CREATE src/connectors/acme/manifest.json',
      'UPDATE src/connectors/registry.ts',
    ]) {
      expect(summary).toContain(line);
    }
    run.send('y', KEYS.enter);
    await run.waitFor('Generated Acme (acme). Next:');
    expect(await run.exited).toBe(0);

    const manifest = JSON.parse(
      readFileSync(path.join(root, 'src/connectors/acme/manifest.json'), 'utf8'),
    ) as { answers: Record<string, unknown> };
    expect(manifest.answers).toEqual({
      name: 'Acme',
      baseUrl: 'https://api.acme.test',
      amountType: 'StringMajorUnit',
      currencyUnit: 'Minor',
      contentType: 'application/json',
      authType: 'BodyKey',
      sessionTokenEndpoint: 'v1/session',
      authorizeEndpoint: 'v1/pay',
      tokenPlacement: 'header',
      tokenName: 'X-Session-Token',
      flows: ['PSync', 'Capture', 'Refund'],
      syncEndpoint: 'v1/pay/{connectorTransactionId}',
      captureEndpoint: 'v1/pay/{connectorTransactionId}/capture',
      refundEndpoint: 'v1/pay/{connectorTransactionId}/refunds',
    });
    expect(run.screen()).not.toContain('Void endpoint');
    expect(run.screen()).not.toContain('RSync endpoint');
  });

  it('answering no at the confirm writes nothing (exit 1)', async () => {
    const root = await workspaceForTest();
    const before = treeSnapshot(root);
    const run = start(['new', '--preset', 'paytm'], root);
    // a preset answers every question: only the confirm is left
    const shown = await run.waitFor('Write these 16 files? (Y/n)');
    expect(shown).not.toContain('Connector name');
    run.send('n', KEYS.enter);
    await run.waitFor('Cancelled; nothing was written.');
    expect(await run.exited).toBe(1);
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('Ctrl-C at a question cancels cleanly (exit 1), nothing written', async () => {
    const root = await workspaceForTest();
    const before = treeSnapshot(root);
    const run = start(['new', 'Acme'], root);
    await run.waitFor('Base URL of the gateway (sandbox)');
    run.send(KEYS.ctrlC);
    await run.waitFor('Cancelled; nothing was written.');
    expect(await run.exited).toBe(1);
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('a name taken by a generated connector is re-asked at the prompt', async () => {
    const root = await workspaceForTest();
    expect(await start(['new', '--preset', 'nuvei', '--yes'], root).exited).toBe(0);
    const before = treeSnapshot(root);
    // every answer but the name as flags: the name is the only question
    const run = start(
      [
        'new',
        '--base-url',
        'https://x.test',
        '--session-token-endpoint',
        's',
        '--authorize-endpoint',
        'a',
        '--amount-type',
        'MinorUnit',
        '--currency-unit',
        'Major',
        '--content-type',
        'application/json',
        '--auth-type',
        'HeaderKey',
        '--token-placement',
        'query',
        '--token-name',
        'tok',
        '--flows',
        'none',
        '--dry-run',
      ],
      root,
    );
    await answer(run, 'Connector name', 'Nuvei');
    await run.waitFor('derives id "nuvei", which an existing connector already uses');
    erase(run, 5);
    run.send('Other', KEYS.enter);
    // a dry run shows the diffs and neither confirms nor writes
    await run.waitFor('+++ b/src/connectors/other/index.ts');
    await run.waitFor('Dry run: nothing was written.');
    expect(await run.exited).toBe(0);
    expect(run.screen()).not.toContain('Write these');
    expect(treeSnapshot(root)).toEqual(before);
  });

  it('--yes on a terminal with every required answer given asks nothing', async () => {
    const root = await workspaceForTest();
    const run = start(['new', '--preset', 'nuvei', '--yes'], root);
    expect(await run.exited).toBe(0);
    expect(run.screen()).not.toMatch(/^\? /m);
    expect(run.screen()).toContain('Generated Nuvei (nuvei)');
  });
});
