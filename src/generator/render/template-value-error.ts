/** @module The error of a value a template cannot use as given; the renderer adds the template's name. */

export class TemplateValueError extends Error {
  override readonly name = 'TemplateValueError';
}
