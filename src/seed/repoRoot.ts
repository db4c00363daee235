import { repoPath } from '../repoPath';

/** seed/ under the repository root: the data the product reads at run time. */
export function seedDir(): string {
  return repoPath('seed');
}
