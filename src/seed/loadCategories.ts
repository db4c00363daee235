import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Category } from '../domain/model';
import { seedDir } from './repoRoot';

/**
 * The need categories from seed/categories.json: the core five (medical,
 * elderly care, education, disability, employment) and the others DOMAIN.md
 * names. Categories are data, so adding one is an edit to that file.
 */
export function loadCategories(path: string = join(seedDir(), 'categories.json')): Category[] {
  const parsed = z.array(Category.strict()).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `seed/loadCategories: ${path} at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}; ` +
        'each entry needs code, nameZh, nameEn and core',
    );
  }
  const seen = new Set<string>();
  for (const category of parsed.data) {
    if (seen.has(category.code)) {
      throw new Error(`seed/loadCategories: ${path} lists ${category.code} twice; keep one entry per code`);
    }
    seen.add(category.code);
  }
  return parsed.data;
}
