/**
 * Error messages never echo what the client sent (issue 10, item 8).
 * graphql-js repeats a rejected value whole in its coercion and validation
 * messages (`Variable "$id" got invalid value "…900 KB…"`, `String cannot
 * represent a non string value: { number: "139…" }`), values that may be
 * personal (a phone given in the wrong shape) or merely huge. formatError
 * passes every message through here:
 *
 * 1. a value where those messages put one — after `got invalid value`,
 *    `, found`, `, got`, `cannot represent … value:` and in `Value "…" does
 *    not exist` — is replaced by a short description (`<已隐去的值 value
 *    withheld: string, 900000 chars>`), whatever field it was given for;
 * 2. any other quoted string longer than MAX_QUOTED characters is cut to its
 *    start and `…`;
 * 3. the whole message is cut at MAX_MESSAGE characters.
 * Names the schema defines (types, fields, enum values suggested) stay.
 */
export const MAX_QUOTED = 80;
export const MAX_MESSAGE = 1000;

export function redactMessage(message: string): string {
  let out = withholdEchoedValues(message);
  out = out.replace(QUOTED, (literal) => (literal.length - 2 > MAX_QUOTED ? `${literal.slice(0, 41)}…"（已截断 truncated, ${literal.length - 2} chars）` : literal));
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE)}…（已截断 truncated）` : out;
}

/** Caps the strings and lists of an error's extensions (details a client can act on; never a whole echoed value). */
export function redactDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_QUOTED ? `${value.slice(0, 40)}…（已截断 truncated, ${value.length} chars）` : value;
  if (depth > 4) return null;
  if (Array.isArray(value)) return value.slice(0, MAX_LIST).map((item) => redactDetails(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).slice(0, MAX_LIST).map(([k, v]) => [k.slice(0, MAX_QUOTED), redactDetails(v, depth + 1)]));
  }
  return value;
}

// Private: finding the values graphql-js (inspect / print) and our scalars put into messages.

const MAX_LIST = 20;
const QUOTED = /"(?:[^"\\]|\\.)*"/g;
/** Where a value starts: the end of each match. */
const VALUE_MARKERS: readonly RegExp[] = [/got invalid value /g, /, found /g, /, got /g, /cannot represent [^:;"\n]{0,80}value: /g, /\bValue (?=")/g];

function withholdEchoedValues(message: string): string {
  const cuts: Array<{ start: number; end: number }> = [];
  for (const marker of VALUE_MARKERS) {
    marker.lastIndex = 0;
    for (let m = marker.exec(message); m !== null; m = marker.exec(message)) {
      const start = m.index + m[0].length;
      if (cuts.some((c) => start >= c.start && start < c.end)) continue;
      const end = endOfValue(message, start);
      if (end > start) cuts.push({ start, end });
      marker.lastIndex = Math.max(end, marker.lastIndex);
    }
  }
  cuts.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const cut of cuts) {
    if (cut.start < at) continue;
    out += message.slice(at, cut.start) + describe(message.slice(cut.start, cut.end));
    at = cut.end;
  }
  return out + message.slice(at);
}

function describe(value: string): string {
  if (value === 'null' || value === 'true' || value === 'false' || value === 'undefined') return value;
  const what = value.startsWith('"') ? `string, ${Math.max(0, value.length - (value.startsWith('"""') ? 6 : 2))} chars`
    : value.startsWith('{') ? 'object'
      : value.startsWith('[') ? 'list'
        : /^[-+]?[0-9]/.test(value) ? 'number'
          : 'name';
  return `<已隐去的值 value withheld: ${what}>`;
}

/** The end (exclusive) of the value literal starting at `start`: a string, block string, object, list or bare token. */
function endOfValue(s: string, start: number): number {
  if (s.startsWith('"""', start)) {
    for (let i = start + 3; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s.startsWith('"""', i)) return i + 3;
    }
    return s.length;
  }
  if (s[start] === '"') return endOfString(s, start);
  if (s[start] === '{' || s[start] === '[') {
    let depth = 0;
    for (let i = start; i < s.length; i++) {
      const c = s[i];
      if (c === '"') i = endOfString(s, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return s.length;
  }
  const bare = /^[^\s;,)}\]]*/.exec(s.slice(start))?.[0] ?? '';
  // A sentence's full stop is not part of the value ("found 1.5." / "found FOO.").
  return start + (bare.endsWith('.') ? bare.length - 1 : bare.length);
}

function endOfString(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return s.length;
}
