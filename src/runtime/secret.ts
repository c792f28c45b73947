/** @module Secret: a value that never prints itself; `expose()` is the only way to read it. */

export const MASK = '*** masked ***';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

export class Secret<T = string> {
  readonly #value: T;

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

export function isSecret(value: unknown): value is Secret<unknown> {
  return value instanceof Secret;
}

/** A value that may be a secret: read it for the wire. */
export function exposeValue<T>(value: T | Secret<T>): T {
  return value instanceof Secret ? value.expose() : value;
}
