/**
 * @module The two created files of a UCS connector: rendered, then laid out by rustfmt when it
 * is installed (line breaks depend on the name's length, which a template cannot know).
 */

import { InternalError } from './adapter.js';
import type { UcsInputs } from './inputs.js';
import { renderUcsConnector, type RenderedFile } from './render.js';
import { rustfmtSource } from './rust-tools.js';

export interface ConnectorFiles {
  readonly files: readonly RenderedFile[];
  /** False when rustfmt is not installed and the files are as rendered. */
  readonly formatted: boolean;
}

export async function ucsConnectorFiles(inputs: UcsInputs): Promise<ConnectorFiles> {
  const rendered = renderUcsConnector(inputs);
  const files: RenderedFile[] = [];
  for (const file of rendered) {
    const result = await rustfmtSource(file.content);
    if (result === undefined) return { files: rendered, formatted: false };
    if (!result.ok) {
      throw new InternalError(
        `the template for ${file.path} rendered Rust that does not parse: ${result.error}`,
      );
    }
    files.push({ path: file.path, content: result.formatted });
  }
  return { files, formatted: true };
}
