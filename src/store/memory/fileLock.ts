import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One process per data directory: two processes appending to one journal
 * would interleave records. The lock is a file holding the owner's pid; a
 * lock left by a process that is gone (a crash) is taken over.
 *
 * A lock held by this same process is taken over too, so a test can reopen a
 * directory after simulating a crash; within one process the store's own
 * lifecycle keeps a directory to one open store.
 */
export async function acquireDirectoryLock(directory: string): Promise<() => Promise<void>> {
  const path = join(directory, 'LOCK');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        const holder = await readFile(path, 'utf8').catch(() => '');
        if (Number.parseInt(holder, 10) === process.pid) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `store/memory: data directory ${directory} is in use by process ${holder}; stop it, or point DATA_DIR elsewhere`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`store/memory: could not take the lock ${path}; remove it if no Huzhu process is running`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
