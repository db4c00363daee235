/**
 * A deep copy of a JSON-shaped value (plain objects, arrays, strings, numbers,
 * booleans, null): what every record is. The memory store copies records on
 * the way in and on the way out, so no caller can change stored state by
 * mutating an object it passed or received. Hand-written because it is
 * several times faster than structuredClone on small records, and bulk
 * loads copy a million of them.
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) out[i] = cloneJson(value[i] as unknown);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      const field = (value as Record<string, unknown>)[key];
      // Like JSON: an undefined field is not stored (the Neo4j adapter cannot store it either).
      if (field !== undefined) out[key] = cloneJson(field);
    }
  }
  return out as T;
}
