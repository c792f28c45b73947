/**
 * @module What the conformance item says, from where the suite ran: against this package's
 * emulator of the connector's gateway (check's own run), in the connector's own tests, or both.
 * A connector edited toward its real gateway may no longer speak the emulator's wire format while
 * its own tests (cassettes of that gateway) still pass the suite: that is a warn, not a fail.
 */

import { fail, pass, warn, type CheckItem } from './report.js';

/** How the suite went in one place. */
export interface SuiteOutcome {
  /** `against the generic emulator`, `in the connector's tests`. */
  readonly where: string;
  readonly total: number;
  /** One line per failed test (its name and first message line). */
  readonly failures: readonly string[];
  /** The run's output, when it failed. */
  readonly detail?: string;
}

const FAILURES_SHOWN = 5;

function failureList(outcome: SuiteOutcome): string {
  return outcome.failures.slice(0, FAILURES_SHOWN).join('; ');
}

function passed(outcome: SuiteOutcome): boolean {
  return outcome.total > 0 && outcome.failures.length === 0;
}

function withDetail(item: CheckItem, outcome: SuiteOutcome): CheckItem {
  return outcome.detail === undefined ? item : { ...item, detail: outcome.detail };
}

export function conformanceVerdict(
  emulator: SuiteOutcome | undefined,
  inTests: SuiteOutcome | undefined,
): CheckItem {
  if (emulator === undefined && inTests === undefined) {
    return warn(
      'conformance',
      'this package has no emulator of its gateway and its tests never call runConnectorConformance: add a test that does',
    );
  }
  const counted = (outcome: SuiteOutcome) =>
    `${outcome.total - outcome.failures.length} of ${outcome.total} conformance tests pass ${outcome.where}`;
  if (emulator !== undefined && passed(emulator)) return pass('conformance', counted(emulator));
  if (emulator === undefined) {
    const tests = inTests!;
    return passed(tests)
      ? pass('conformance', counted(tests))
      : fail('conformance', `${counted(tests)}: ${failureList(tests)}`);
  }
  if (inTests !== undefined && passed(inTests)) {
    return withDetail(
      warn(
        'conformance',
        `${counted(inTests)}, but the suite fails ${emulator.where}: ${failureList(emulator)}`,
      ),
      emulator,
    );
  }
  return withDetail(
    fail('conformance', `the suite fails ${emulator.where}: ${failureList(emulator)}`),
    emulator,
  );
}
