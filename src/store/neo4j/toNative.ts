import neo4j from 'neo4j-driver';

/**
 * The one place Neo4j driver values become plain JavaScript, before any zod
 * schema sees a row: Integer → number (refusing values outside the safe
 * range rather than rounding them), DateTime → ISO-8601 UTC string, Date/Time →
 * their ISO text, WGS-84 Point → { lat, lng }, nodes and relationships →
 * their properties. Lists and maps are converted element by element.
 */
export function toNative(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return integerToNumber(value);
  if (neo4j.isPoint(value)) return { lat: value.y, lng: value.x };
  if (neo4j.isDateTime(value)) return dateTimeToIso(value);
  if (
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toNative(value.properties);
  if (Array.isArray(value)) return value.map(toNative);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = toNative(v);
  return out;
}

// Private:

function integerToNumber(value: InstanceType<typeof neo4j.Integer>): number {
  if (!neo4j.integer.inSafeRange(value)) {
    throw new RangeError(
      `store/neo4j/toNative: integer ${value.toString()} is outside the safe JavaScript range; ` +
        'store it as a string or a float if it is not a count',
    );
  }
  return value.toNumber();
}

/** The instant in UTC with millisecond precision (`2026-11-27T08:15:57.646Z`), the form every stored timestamp uses. */
function dateTimeToIso(value: InstanceType<typeof neo4j.types.DateTime>): string {
  return value.toStandardDate().toISOString();
}
