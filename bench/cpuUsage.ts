import { readFileSync } from 'node:fs';

/** CPU time used so far, ms, by the API process, the Neo4j server (when the bench runs its own) and this process (the load generator). */
export interface CpuSample {
  api: number;
  neo4j: number | null;
  client: number;
}

/** CPU ms per request between two samples. */
export interface CpuPerRequest {
  api: number;
  neo4j: number | null;
  client: number;
}

/** user + system CPU of a process from /proc/<pid>/stat, ms (clock ticks of 10 ms, as on every Linux the bench targets); null elsewhere. */
export function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm) ": field 3 is state, so utime (field 14) and stime (15) are at 11 and 12 here.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuPerRequest {
  const per = (a: number, b: number) => (requests > 0 ? (b - a) / requests : Number.NaN);
  return {
    api: per(before.api, after.api),
    neo4j: before.neo4j === null || after.neo4j === null ? null : per(before.neo4j, after.neo4j),
    client: per(before.client, after.client),
  };
}
