/**
 * The generated Rust type-checks against our mock of the seed-era API, and the mock has teeth:
 * each listed template fault makes `cargo check --offline` fail with the error it should.
 * Skipped, saying so, where cargo is not installed.
 */

import { describe, expect, it } from 'vitest';

import {
  checkAgainstMock,
  defaultMockDir,
  hasTool,
  parseUcsAnswers,
  renderUcsConnector,
  type MockConnector,
} from '../../../src/generator/ucs/index.js';
import { CASES } from './cases.js';

const cargo = await hasTool('cargo');
const mockDir = defaultMockDir();
if (!cargo) console.warn('[ucs] cargo not found: skipping the mock type-checks');

function connector(index: number): MockConnector {
  const inputs = parseUcsAnswers((CASES[index] as (typeof CASES)[number])[1]);
  return { names: inputs.names, files: renderUcsConnector(inputs) };
}

type Mutation = (file: string, content: string) => string;

function mutate(base: MockConnector, mutation: Mutation): MockConnector {
  const files = base.files.map((file) => ({ ...file, content: mutation(file.path, file.content) }));
  const changed = files.some((file, i) => file.content !== base.files[i]?.content);
  expect(changed, 'the fault must change the rendered files').toBe(true);
  return { ...base, files };
}

const inConnector =
  (from: string | RegExp, to: string): Mutation =>
  (file, content) =>
    file.endsWith('/transformers.rs') ? content : content.replace(from, to);
const inTransformers =
  (from: string | RegExp, to: string): Mutation =>
  (file, content) =>
    file.endsWith('/transformers.rs') ? content.replace(from, to) : content;

// prettier-ignore
const FAULTS: ReadonlyArray<readonly [string, Mutation, RegExp]> = [
  ['wrong flow name in create_all_prerequisites!', inConnector('flow: CreateSessionToken,', 'flow: CreateSessionTokens,'),                                   /E0412|E0609|E0425/],
  ['wrong flow name in macro_connector_implementation!', inConnector('flow_name: CreateSessionToken,', 'flow_name: ServerSessionAuthenticationToken,'),  /E0412|E0425/],
  ['wrong request data type',                     inConnector('CreateSessionToken, PaymentFlowData, SessionTokenRequestData, SessionTokenResponseData>,\n', 'CreateSessionToken, PaymentFlowData, PaymentsSyncData, SessionTokenResponseData>,\n'), /E0308|E0277/],
  ['missing marker impl',                         inConnector(/impl<T: [^\n]*>\n {4}connector_types::PaymentSessionToken for \w+<T>\n\{\n\}\n/, ''), /E0277/],
  ['missing empty flow impl',                     inConnector(/impl<T: [^\n]*>\n {4}ConnectorIntegrationV2<PSync[^{]*\{\n\}\n/, ''),                  /E0277/],
  ['missing ErrorResponse field',                 inTransformers('        network_advice_code: None,\n', ''),                                    /E0063/],
  ['wrong amount convertor',                      inConnector(/StringMinorUnit/g, 'StringMajorUnit'),                                                 /E0308|E0271/],
  ['missing import',                              inTransformers('use error_stack::ResultExt;\n', ''),                                               /E0599/],
  ['misspelt ValidationTrait method',             inConnector('fn should_do_session_token', 'fn should_do_sesion_token'),                           /E0407/],
  ['http_method not a Method variant',            inConnector('http_method: Post,', 'http_method: POST,'),                                             /E0599/],
  ['response TryFrom for the wrong router data',  inTransformers(/for SessionTokenRouterData \{/, 'for AuthorizeRouterData<domain_types::payment_method_data::DefaultPCIHolder> {'), /E0\d+/],
];

describe.skipIf(!cargo || mockDir === undefined)('generated Rust against the mock crate', () => {
  it('type-checks every case together, without warnings', async () => {
    const result = await checkAgainstMock(
      CASES.map((_, index) => connector(index)),
      mockDir!,
    );
    expect(result?.errors).toEqual([]);
    expect(result?.warnings).toEqual([]);
    expect(result?.ok).toBe(true);
  }, 120_000);

  it.each(FAULTS)(
    'fails on a template fault: %s',
    async (_name, mutation, code) => {
      const base = connector(3);
      const result = await checkAgainstMock([mutate(base, mutation)], mockDir!);
      expect(result?.ok).toBe(false);
      expect(result?.errors.join('\n')).toMatch(code);
    },
    120_000,
  );
});
