/**
 * @module The render room: answers → the connector's files as text. Templates (checked, then
 * precompiled into a cache), their helpers, the workspace's code style, formatting, and the
 * templates' hash every manifest records.
 */

export { codeStyleFor } from './code-style.js';
export { formatFiles, type PlannedFile } from './format.js';
export { RenderError } from './render-error.js';
export { checkTemplate } from './template-check.js';
export {
  renderConnector,
  type RenderedFile,
  type RenderedOutput,
  type TemplateContext,
  type TemplateImports,
} from './render.js';
export { hashTemplateDir, hashTemplates, templateHash } from './template-hash.js';
