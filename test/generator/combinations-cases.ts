/** Every combination of the enum answers (4 × 2 × 2 × 3 × 3 = 144), as render contexts. */

import {
  ANSWER_AUTH_TYPES,
  CURRENCY_UNITS,
  TOKEN_PLACEMENTS,
  type Answers,
} from '../../src/generator/answers/index.js';
import { names } from '../../src/generator/answers/names.js';
import type { TemplateContext } from '../../src/generator/render/render.js';
import { sampleImports } from '../../src/generator/verify/sample-workspace.js';
import { AMOUNT_TYPES } from '../../src/runtime/amount.js';
import { CONTENT_TYPES } from '../../src/runtime/connector.js';

// every other combination uses non-default endpoints and token names
const DEFAULT_NAMES = { body: 'sessionToken', header: 'X-Session-Token', query: 'sessionToken' };
const OTHER_NAMES = { body: 'txnToken', header: 'X-Txn-Token', query: 'token_id' };

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A name that says which combination it is, e.g. `StringMajorUnitMinorFormBodyKeyQuery`. */
function combinationName(answers: Omit<Answers, 'name'>): string {
  const content = answers.contentType === 'application/json' ? 'Json' : 'Form';
  const placement = capitalized(answers.tokenPlacement);
  return `${answers.amountType}${answers.currencyUnit}${content}${answers.authType}${placement}`;
}

export function answerCombinations(): TemplateContext[] {
  const contexts: TemplateContext[] = [];
  for (const amountType of AMOUNT_TYPES) {
    for (const currencyUnit of CURRENCY_UNITS) {
      for (const contentType of CONTENT_TYPES) {
        for (const authType of ANSWER_AUTH_TYPES) {
          for (const tokenPlacement of TOKEN_PLACEMENTS) {
            const other = contexts.length % 2 === 1;
            const rest = {
              baseUrl: other ? 'https://sandbox.example.com/gateway' : 'https://api.example.com',
              amountType,
              currencyUnit,
              contentType,
              authType,
              sessionTokenEndpoint: other ? 'api/getSessionToken.do' : 'v1/session-token',
              authorizeEndpoint: other ? 'api/payment.do' : 'v1/payments',
              tokenPlacement,
              tokenName: (other ? OTHER_NAMES : DEFAULT_NAMES)[tokenPlacement],
              flows: [],
            };
            const name = combinationName(rest);
            const derived = names(name);
            contexts.push({
              answers: { name, ...rest },
              names: derived,
              imports: sampleImports(derived.folder),
            });
          }
        }
      }
    }
  }
  return contexts;
}
