import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../repoPath';

/** The SDL: schema/base.graphql first, then every module in name order. */
export function loadTypeDefs(dir: string = repoPath('schema')): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
  if (!files.includes('base.graphql')) throw new Error(`api/loadTypeDefs: ${dir} has no base.graphql`);
  files.sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}
