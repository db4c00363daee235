import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above this file holding both
 * package.json and seed/data/. Found by walking up, so it works from src/
 * (tsx, jest) and from dist/src/ (the build) alike.
 */
export function repoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'seed', 'data'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `seed/repoRoot: no folder with package.json and seed/data/ above ${start}; ` +
          'run from inside the Huzhu repository, or pass an explicit dataDir/path',
      );
    }
    dir = parent;
  }
}

/** seed/ under the repository root: the data the product reads at run time. */
export function seedDir(): string {
  return join(repoRoot(), 'seed');
}
