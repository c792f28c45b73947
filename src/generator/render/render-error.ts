/** @module The error a template that cannot be rendered raises: a broken template, or a value it refuses. */

/** A template could not be rendered: a broken template, or a value it refuses. */
export class RenderError extends Error {
  override readonly name = 'RenderError';

  constructor(
    message: string,
    /** The template at fault, when one is. */
    readonly template: string | undefined,
    /** The context key at fault, when one is. */
    readonly key: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
