/** @module Secret: a value that never prints itself; `expose()` is the only way to read it. */

export const MASK = '*** masked ***';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
/**
 * Recognises a Secret by a registered symbol rather than `instanceof`, so two copies of the
 * runtime in one process (a workspace's and the CLI's) still understand each other's secrets.
 */
const SECRET_BRAND = Symbol.for('create-connector.secret');

export class Secret<T = string> {
  readonly #value: T;
  declare readonly [SECRET_BRAND]: true;

  constructor(value: T) {
    this.#value = value;
  }

  /** The raw value. Call it only where the value must go on the wire or into a hash. */
  expose(): T {
    return this.#value;
  }

  /** A new secret derived from this one without exposing it to the caller. */
  map<U>(fn: (value: T) => U): Secret<U> {
    return new Secret(fn(this.#value));
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [Symbol.toPrimitive](): string {
    return MASK;
  }

  [inspectCustom](): string {
    return `Secret(${MASK})`;
  }
}

export function secret<T>(value: T): Secret<T> {
  return new Secret(value);
}

Object.defineProperty(Secret.prototype, SECRET_BRAND, { value: true });

export function isSecret(value: unknown): value is Secret<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [SECRET_BRAND]?: unknown })[SECRET_BRAND] === true
  );
}

/** A value that may be a secret: read it for the wire. */
export function exposeValue<T>(value: T | Secret<T>): T {
  return isSecret(value) ? (value.expose() as T) : (value as T);
}
