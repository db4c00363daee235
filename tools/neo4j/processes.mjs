// Process checks shared by start.mjs and stop.mjs.
import fs from 'node:fs';

/** True if pid exists and is not a zombie (orphans may not be reaped promptly in containers). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no procfs (macOS): trust kill(0)
  }
}

/** On Linux, make sure the pid really is our launcher and not a recycled pid. */
export function isOurProcess(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('huzhu-neo4j-launcher');
  } catch {
    return true;
  }
}
