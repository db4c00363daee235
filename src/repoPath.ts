import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let root: string | null = null;

/** A path inside the repository (works from src/ under tsx and from dist/ after build). */
export function repoPath(...parts: string[]): string {
  if (root === null) {
    let dir = resolve(__dirname);
    while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schema'))) {
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`repoPath: no repository root (package.json + schema/) above ${__dirname}`);
      dir = parent;
    }
    root = dir;
  }
  return join(root, ...parts);
}
