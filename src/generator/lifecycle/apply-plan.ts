/** @module Applying a plan: every change written atomically, or none (see changes/apply). */

import { applyChanges, type ApplyOptions } from '../changes/apply.js';
import type { PhaseTimer } from '../timings.js';
import type { ConnectorPlan } from './plan.js';

/** Writes a plan all-or-nothing; on failure every touched file is restored. */
export async function applyPlan(
  plan: ConnectorPlan,
  options: ApplyOptions & { readonly timer?: PhaseTimer } = {},
): Promise<void> {
  const { timer, ...apply } = options;
  const keepDirs = [plan.workspace.connectorsDir, plan.workspace.testsDir];
  const run = () => applyChanges(plan.workspace.root, plan.changes, { keepDirs, ...apply });
  await (timer === undefined ? run() : timer.measure('write', run));
}
