/**
 * @module Checklist: base URLs set. `baseUrls.sandbox` and `baseUrls.production` are absolute
 * URLs, and production is not left equal to the sandbox (the generator starts it so).
 */

import { membersOf, objectOf, stringValue } from './code-graph.js';
import type { ConnectorDefinition } from './definition.js';
import { locationOf } from './project.js';
import { fail, pass, warn, type CheckItem } from './report.js';

const ENVIRONMENTS = ['sandbox', 'production'] as const;

export function checkBaseUrls(definition: ConnectorDefinition): CheckItem {
  const { sources } = definition;
  const member = definition.members.get('baseUrls');
  const object = member === undefined ? undefined : objectOf(sources, member.value);
  if (member === undefined || object === undefined) {
    return fail('base-urls', 'no baseUrls: { sandbox, production } the check can read', [
      locationOf(sources, member?.node ?? definition.object),
    ]);
  }
  const members = membersOf(sources, object);
  const urls: Partial<Record<(typeof ENVIRONMENTS)[number], string>> = {};
  for (const environment of ENVIRONMENTS) {
    const entry = members.get(environment);
    if (entry === undefined) {
      return fail('base-urls', `baseUrls.${environment} is not set`, [
        locationOf(sources, member.node),
      ]);
    }
    const url = stringValue(sources, entry.value);
    if (url === undefined) {
      return warn(
        'base-urls',
        `baseUrls.${environment} is computed; the check cannot read it without running the code`,
        [locationOf(sources, entry.node)],
      );
    }
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      return fail(
        'base-urls',
        `baseUrls.${environment} ${JSON.stringify(url)} is not an absolute http(s) URL`,
        [locationOf(sources, entry.node)],
      );
    }
    urls[environment] = url;
  }
  if (urls.production === urls.sandbox) {
    return warn(
      'base-urls',
      `baseUrls.production is the sandbox URL (${urls.sandbox}): set your gateway's live URL`,
      [locationOf(sources, members.get('production')!.node)],
    );
  }
  return pass('base-urls', `sandbox ${urls.sandbox}, production ${urls.production}`);
}
