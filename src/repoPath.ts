import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let root: string | null = null;

/**
 * The repository root: the nearest folder above this file whose package.json
 * is Huzhu's. Found by walking up, so it works from src/ (tsx, jest), from
 * dist/src/ (the build) and in the Docker image (/app) alike. The one root
 * finder: schema/, cypher/, seed/ and web/dist are all read through it.
 */
export function repoRoot(): string {
  if (root === null) {
    let dir = resolve(__dirname);
    while (!isHuzhuRoot(dir)) {
      const parent = dirname(dir);
      if (parent === dir) throw new Error(`repoPath: no Huzhu repository root (a package.json named "huzhu") above ${__dirname}; run from inside the repository`);
      dir = parent;
    }
    root = dir;
  }
  return root;
}

/** A path inside the repository. */
export function repoPath(...parts: string[]): string {
  return join(repoRoot(), ...parts);
}

function isHuzhuRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'huzhu';
  } catch {
    return false;
  }
}
