import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from './apiError';

export interface AppliedErrors {
  /** Issues shown beside a field of the form. */
  fields: number;
  /** Issues no field of this form shows (the caller shows them as one form-level message). */
  unplaced: ApiError['issues'];
}

/**
 * The one bridge from an API error to a react-hook-form form (the pattern of
 * react-admin's setSubmissionErrors): each issue whose fieldPath (e.g.
 * ["input", "head", "phone"]) names a field of the form becomes
 * setError("head.phone", { type: "server" }). The argument root ("input", or
 * another name given in `roots`) is dropped; `aliases` renames API paths that
 * the form keeps elsewhere. Issues that match no field are returned, and also
 * put on root.serverError so the form shows them.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ApiError,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
  options: { roots?: readonly string[]; aliases?: Readonly<Record<string, string>>; translate?: (issue: ApiError['issues'][number], field: string | null) => string } = {},
): AppliedErrors {
  const roots = options.roots ?? ['input'];
  const known = new Set(fieldNames);
  const unplaced: ApiError['issues'][number][] = [];
  let fields = 0;
  let focused = false;
  for (const issue of error.issues) {
    const name = fieldNameFor(issue.fieldPath, roots, options.aliases ?? {}, known);
    if (name === null) {
      unplaced.push(issue);
      continue;
    }
    fields += 1;
    setError(name as Path<T>, { type: 'server', message: options.translate ? options.translate(issue, name) : issue.message }, { shouldFocus: !focused });
    focused = true;
  }
  if (unplaced.length > 0) {
    setError('root.serverError', { type: unplaced[0]!.code, message: unplaced.map((i) => (options.translate ? options.translate(i, null) : i.message)).join(' ') });
  }
  return { fields, unplaced };
}

/**
 * The form field an API path names, or null. Tries the whole path, then its
 * parents (["input","memberAgeBands",2] → "memberAgeBands"), so a problem with
 * one list item lands on the list's field.
 */
export function fieldNameFor(
  fieldPath: readonly (string | number)[],
  roots: readonly string[],
  aliases: Readonly<Record<string, string>>,
  known: ReadonlySet<string>,
): string | null {
  if (fieldPath.length === 0) return null;
  const parts = fieldPath.map(String);
  const rel = roots.includes(parts[0]!) ? parts.slice(1) : parts;
  for (let n = rel.length; n > 0; n -= 1) {
    const candidate = rel.slice(0, n).join('.');
    const name = aliases[candidate] ?? candidate;
    if (known.has(name)) return name;
  }
  return null;
}
