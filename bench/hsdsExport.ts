/**
 * The HSDS export of the whole directory (issue 14 item 1): the real Dayi
 * directory (seed/stakeholders.json, some tens of records) and the same with
 * a synthetic directory on top (organisations with five services each,
 * labelled synthetic), exported as `npm run hsds:export` does (read the
 * directory, map to HSDS 3.0, write json/ and the csv/ datapackage), from a
 * memory store. Timed end to end; the rate is HSDS organisations + services per second.
 *
 * In the bench: `npm run bench -- --only hsds` (section "hsds").
 * Alone: `npx tsx bench/hsdsExport.ts [--organizations 2000]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { idFromKey } from '../src/domain/ids';
import type { Organization, Service } from '../src/domain/model';
import { hsdsValidator } from '../src/hsds/hsdsSchemas';
import { runHsdsExport } from '../src/hsds/runHsdsCommands';
import { seedStore } from '../src/seed/seedStore';
import { loadDayi } from '../src/seed/loadDayi';
import { MemoryStore } from '../src/store/memory/MemoryStore';

export interface HsdsExportRun {
  directory: string;
  organizations: number;
  services: number;
  totalMs: number;
  recordsPerSecond: number;
}

export interface HsdsExportFigures {
  adapter: 'memory';
  runs: HsdsExportRun[];
}

export async function hsdsExportBench(options: { syntheticOrganizations: number; log: (line: string) => void }): Promise<HsdsExportFigures> {
  hsdsValidator(); // compiled once, outside the timings (as in a long-lived process)
  const runs: HsdsExportRun[] = [];
  for (const synthetic of [0, options.syntheticOrganizations]) {
    const store = new MemoryStore({ dataDir: null });
    await store.init();
    await seedStore(store, { households: 0, seed: 1 });
    if (synthetic > 0) await addSyntheticDirectory(store, synthetic);
    const out = mkdtempSync(join(tmpdir(), 'huzhu-bench-hsds-'));
    const times: number[] = [];
    let counts = { organizations: 0, services: 0 };
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      counts = await runHsdsExport(store, { outDir: out, includeProspective: true, log: () => {} });
      times.push(performance.now() - start);
    }
    rmSync(out, { recursive: true, force: true });
    await store.close();
    const totalMs = [...times].sort((a, b) => a - b)[1] as number; // the median of 3
    const run: HsdsExportRun = {
      directory: synthetic === 0 ? 'real Dayi directory' : `real + ${synthetic.toLocaleString('en-US')} synthetic organisations`,
      organizations: counts.organizations,
      services: counts.services,
      totalMs,
      recordsPerSecond: (counts.organizations + counts.services) / (totalMs / 1000),
    };
    options.log(`hsds: ${run.directory}: ${run.organizations} organisations + ${run.services} services in ${Math.round(totalMs)} ms: ${Math.round(run.recordsPerSecond).toLocaleString('en-US')} records/s`);
    runs.push(run);
  }
  return { adapter: 'memory', runs };
}

export function hsdsExportReport(figures: HsdsExportFigures | null | undefined): string[] {
  if (!figures) return [];
  return [
    '## HSDS export of the whole directory (issue 14 item 1)',
    '',
    `\`npm run hsds:export\`'s work (read the directory, map to HSDS 3.0, write json/ and the csv/ datapackage), prospective records included, from the ${figures.adapter} store; median of 3 (bench/hsdsExport.ts). ` +
      'The synthetic directory adds organisations with five services each (labelled synthetic) to the real one.',
    '',
    '| Directory | Organisations | Services | Export | Records/s |',
    '|---|---|---|---|---|',
    ...figures.runs.map((r) => `| ${r.directory} | ${r.organizations.toLocaleString('en-US')} | ${r.services.toLocaleString('en-US')} | ${Math.round(r.totalMs)} ms | **${Math.round(r.recordsPerSecond).toLocaleString('en-US')}** |`),
    '',
  ];
}

// Private:

async function addSyntheticDirectory(store: MemoryStore, count: number): Promise<void> {
  const townships = loadDayi().townships;
  const orgs: Organization[] = [];
  const services: Service[] = [];
  for (let i = 0; i < count; i += 1) {
    const township = townships[i % townships.length]!;
    const org: Organization = {
      id: idFromKey('Organization', `bench-hsds-${i}`),
      name: `合成社会组织 ${i} (synthetic)`,
      aliases: [],
      nameEn: null,
      kind: 'NGO',
      townshipId: township.id,
      villageId: null,
      location: township.location,
      description: 'synthetic organisation for the HSDS export bench',
      synthetic: true,
    };
    orgs.push(org);
    for (let j = 0; j < 5; j += 1) {
      services.push({
        id: idFromKey('Service', `bench-hsds-${i}-${j}`),
        organizationId: org.id,
        name: `合成服务 ${i}-${j} (synthetic)`,
        description: 'synthetic service',
        categories: [['MEDICAL', 'ELDERLY_CARE', 'EDUCATION', 'DISABILITY', 'EMPLOYMENT'][j] as string],
        eligibility: { ageBands: j === 1 ? ['AGE_60_79', 'AGE_80_PLUS'] : [], requiredMarkers: j === 3 ? ['DISABILITY_CERTIFICATE'] : [], anyOfMarkers: [], residencyTownshipIds: [] },
        capacity: 10 + j,
        activeReferrals: 0,
        location: township.location,
        online: j === 4,
        area: j % 2 === 0 ? { kind: 'RADIUS', km: 5 } : { kind: 'TOWNSHIPS', townshipIds: [township.id] },
        status: 'ACTIVE',
        synthetic: true,
      });
    }
  }
  await store.upsertMany('Organization', orgs);
  await store.upsertMany('Service', services);
}

if (require.main === module) {
  const at = process.argv.indexOf('--organizations');
  const syntheticOrganizations = at > 0 ? Number(process.argv[at + 1]) : 2_000;
  hsdsExportBench({ syntheticOrganizations, log: (line) => process.stdout.write(`${line}\n`) })
    .then((figures) => process.stdout.write(`${hsdsExportReport(figures).join('\n')}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
