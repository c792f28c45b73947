/**
 * @module The quote and indentation a workspace's code uses, for the registry splice: read from
 * the house-style shortcut when it applies, else from the prettier config (loading prettier).
 */

import path from 'node:path';

import { checkHouseStyle } from './format.js';
import type { RegistryStyle } from '../registry/wire.js';

export async function codeStyleFor(root: string, file: string): Promise<RegistryStyle> {
  const absolute = path.join(root, ...file.split('/'));
  if (checkHouseStyle(path.dirname(absolute)).house) return { quote: 'single', indent: '  ' };
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(absolute, { editorconfig: true })) ?? {};
  return {
    quote: config.singleQuote === true ? 'single' : 'double',
    indent: config.useTabs === true ? '\t' : ' '.repeat(config.tabWidth ?? 2),
  };
}
