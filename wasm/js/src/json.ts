// The graph and options as the core reads them: JSON, with numbers JSON cannot hold
// (NaN, ±Infinity) written as strings, so the core refuses them with its own error
// (`NonFiniteCoordinate`, `NonFiniteSize`, ...) instead of reading them as absent.
import { LayoutError } from './errors.js';

const keepNonFinite = (_key: string, v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

/** `value` as JSON for the core. A circular object or a BigInt throws `LayoutError`
 * with code `Parse`, naming `what`. */
export function toJson(value: unknown, what: string): string {
  try {
    return JSON.stringify(value, keepNonFinite);
  } catch (e) {
    throw new LayoutError('Parse', `${what} cannot be read: ${e instanceof Error ? e.message : String(e)} (a circular object?)`);
  }
}
