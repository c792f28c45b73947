/** @module Commander's parse failures (unknown flag, bad choice, missing value) as CLI issues. */

import type { CommanderError } from './commander.js';

import type { CliIssue } from './errors.js';

/** `'--amount-type <value>'` → `--amount-type`. */
function flagOf(usage: string | undefined): string {
  return (usage ?? '').split(' ')[0] ?? '';
}

/** The field and the rule of a parse failure; commander words its message, we only take it apart. */
export function parseErrorIssue(error: CommanderError): CliIssue {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const quoted = [...first.matchAll(/'([^']*)'/g)].map((match) => match[1]);
  const after = (marker: string) => first.slice(first.indexOf(marker) + marker.length).trim();
  switch (error.code) {
    case 'commander.unknownOption':
      return {
        key: quoted[0] ?? 'option',
        rule: ['is not an option of this command', ...rest.map((line) => line.trim())].join(' '),
      };
    case 'commander.invalidArgument':
      return first.startsWith('command-argument')
        ? {
            key: quoted[1] ?? 'argument',
            value: quoted[0],
            rule: after(`for argument '${quoted[1] ?? ''}'.`) || 'is invalid',
          }
        : { key: flagOf(quoted[0]), value: quoted[1], rule: after('is invalid.') || 'is invalid' };
    case 'commander.optionMissingArgument':
      return { key: flagOf(quoted[0]), rule: 'needs a value' };
    case 'commander.missingMandatoryOptionValue':
      return { key: flagOf(quoted[0]), rule: 'is required' };
    case 'commander.missingArgument':
      return { key: quoted[0] ?? 'argument', rule: 'is required' };
    case 'commander.excessArguments':
      return { key: 'arguments', rule: first };
    default:
      return { key: 'argv', rule: first };
  }
}
