/**
 * @module names(): every casing of a connector name, derived once (Nx devkit `names()`), with
 * change-case's word splitting.
 */

/** The forms every template and file path uses. */
export interface Names {
  /** PascalCase as the user wrote it (acronyms kept): `BamboraAPAC`. Types and display. */
  readonly type: string;
  /** snake_case: `bambora_apac`. The connector id and registry key. */
  readonly id: string;
  /** kebab-case: `bambora-apac`. Folder and test file names. */
  readonly folder: string;
  /** camelCase: `bamboraApac`. The exported connector value. */
  readonly value: string;
  /** CONSTANT_CASE: `BAMBORA_APAC`. */
  readonly constant: string;
}

// change-case's split: lower/digit→Upper and Upper→UpperLower boundaries, then non-alphanumerics
const LOWER_UPPER = /([\p{Ll}\d])(\p{Lu})/gu;
const UPPER_UPPER_LOWER = /(\p{Lu})(\p{Lu}\p{Ll})/gu;
const SEPARATORS = /[^\p{L}\d]+/gu;

/** Splits a name into words the way change-case does: `JPMorgan` → `['JP', 'Morgan']`. */
export function splitWords(input: string): string[] {
  const marked = input
    .trim()
    .replace(LOWER_UPPER, '$1\0$2')
    .replace(UPPER_UPPER_LOWER, '$1\0$2')
    .replace(SEPARATORS, '\0');
  return marked.split('\0').filter((word) => word !== '');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * Every casing of a connector name. `type` keeps the name as given; the other forms go through
 * the word split, so `BamboraAPAC` and `BamboraApac` share id, folder and value (the existing-id
 * rule is what keeps two such connectors apart).
 */
export function names(name: string): Names {
  const words = splitWords(name);
  const lower = words.map((word) => word.toLowerCase());
  return {
    type: name,
    id: lower.join('_'),
    folder: lower.join('-'),
    value: lower.map((word, index) => (index === 0 ? word : capitalize(word))).join(''),
    constant: words.map((word) => word.toUpperCase()).join('_'),
  };
}

/** The folder of a connector known only by its id (`bambora_apac` → `bambora-apac`), as names() derives both. */
export function folderOfId(id: string): string {
  return id.replaceAll('_', '-');
}
