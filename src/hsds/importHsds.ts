import { isIdOf } from '../domain/ids';
import { Organization, Service, type Relationship, type RelationshipStatus } from '../domain/model';
import { NETWORK_HUB_ID } from '../domain/networkHub';
import { isHuzhuError } from '../errors/HuzhuError';
import { parseInput } from '../errors/fromZodError';
import { assertCategoriesExist } from '../services/households';
import { listAll } from '../services/listAll';
import { AddOrganizationInput, AddServiceInput, hubStatuses, linkStakeholders } from '../services/network';
import type { ServiceContext } from '../services/ServiceContext';
import { organizationFromHsds, serviceFromHsds, type ImportPlaces } from './fromHsds';
import { HSDS_EXTERNAL_PREFIX, hsdsIdOf } from './hsdsIds';
import type { HsdsRecordSet, SourcedRecord } from './hsdsRecords';
import type { HsdsValidator, SchemaProblem } from './hsdsSchemas';
import type { HsdsOrganization, HsdsService } from './hsdsTypes';

/**
 * Import an HSDS dataset into the directory, idempotently. Every record is
 * first checked against its HSDS schema (and the rows it depends on, in the
 * tabular form); a record that fails gets one report line per problem, with
 * its source and JSON path, and nothing of it is written. A valid record is
 * mapped (fromHsds), parsed with the same input and domain schemas as the
 * GraphQL writes (AddOrganizationInput/AddServiceInput, Organization/Service,
 * assertCategoriesExist) and written in one store call of its own, so a
 * failing record writes nothing of itself and the others still go in; a
 * record equal to what is stored is not written at all (a second import
 * changes nothing). Its organisation's status with the hub, when the record
 * states one, is set through linkStakeholders.
 *
 * Which Huzhu record an HSDS record is: the one holding its id as an external
 * id (`hsds:<uuid>`), else the one it was exported from (its HSDS id is the v5
 * UUID of that record's Huzhu id), else the Huzhu id it carries (an
 * organization_identifier of scheme "huzhu") when that id is free, else a new
 * `org_<uuid>` / `svc_<uuid>`. New records keep their HSDS id as an external id.
 */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface ImportLine {
  level: 'error' | 'warning' | 'note';
  source: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  organizations: ImportCounts;
  services: ImportCounts;
  /** Records read and validated that Huzhu does not store on their own (taxonomies, terms, locations, service_at_locations). */
  otherRecords: { valid: number; failed: number };
  lines: ImportLine[];
}

export interface ImportOptions {
  dryRun: boolean;
  validator: HsdsValidator;
  /** Called after each record with how many of `total` are done. */
  onProgress?: (done: number, total: number) => void;
}

export async function importHsds(ctx: ServiceContext, set: HsdsRecordSet, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    dryRun: options.dryRun,
    organizations: counts(),
    services: counts(),
    otherRecords: { valid: 0, failed: 0 },
    lines: [
      ...set.unreadable.map((u) => ({ level: 'error' as const, source: u.source, message: u.reason })),
      ...set.notes.map((n) => ({ level: 'note' as const, source: n.source, message: n.note })),
    ],
  };
  const total = set.organizations.length + set.services.length;
  let done = 0;
  const progress = () => options.onProgress?.((done += 1), total);

  const [orgs, services, townships, villages, categories, statuses, hubTies] = await Promise.all([
    listAll(ctx.store, 'Organization'),
    listAll(ctx.store, 'Service'),
    listAll(ctx.store, 'Township'),
    listAll(ctx.store, 'Village'),
    ctx.store.listCategories(),
    hubStatuses(ctx.store),
    listAll(ctx.store, 'Relationship', { nodeId: NETWORK_HUB_ID }),
  ]);
  const places: ImportPlaces = {
    townshipsByCode: new Map(townships.map((t) => [t.code, t])),
    villagesByCode: new Map(villages.map((v) => [v.code, v])),
    categories,
  };
  const orgByHsds = new Map(orgs.map((o) => [hsdsIdOf(o), o]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const serviceByHsds = new Map(services.map((s) => [hsdsIdOf(s), s]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  /** HSDS organization id → Huzhu id, for the services of this import. */
  const orgIdOf = new Map<string, string>(orgs.map((o) => [hsdsIdOf(o), o.id]));
  const failedOrgs = new Set<string>();

  for (const other of set.others) {
    const problems = options.validator.validate(other.schema, other.record);
    if (problems.length === 0) report.otherRecords.valid += 1;
    else {
      report.otherRecords.failed += 1;
      refuse(report, other, problems);
    }
  }

  const ties: Array<{ item: SourcedRecord; orgId: string; status: RelationshipStatus }> = [];
  for (const item of set.organizations) {
    const problems = [...item.problems, ...options.validator.validate('organization', item.record)];
    const hsdsId = typeof item.record['id'] === 'string' ? item.record['id'] : '';
    if (problems.length > 0) {
      report.organizations.failed += 1;
      failedOrgs.add(hsdsId);
      refuse(report, item, problems);
      progress();
      continue;
    }
    const draft = organizationFromHsds(item.record as unknown as HsdsOrganization, places);
    for (const w of draft.warnings) report.lines.push({ level: 'warning', source: item.source, message: w });
    const existing = orgByHsds.get(hsdsId) ?? null;
    const id = existing?.id ?? (draft.huzhuId && isIdOf('Organization', draft.huzhuId) && !orgById.has(draft.huzhuId) ? draft.huzhuId : `org_${hsdsId}`);
    try {
      const input = parseInput(AddOrganizationInput, draft.fields, ['organization']);
      const record = parseInput(
        Organization,
        {
          id,
          ...input,
          aliases: existing?.aliases ?? [],
          synthetic: existing?.synthetic ?? false,
          ...externalIdsFor(id, hsdsId, existing?.externalIds),
        },
        ['organization'],
      );
      const outcome = !existing ? 'created' : same(existing, record) ? 'unchanged' : 'updated';
      if (!options.dryRun && outcome === 'created') await ctx.store.create('Organization', record);
      if (!options.dryRun && outcome === 'updated') await ctx.store.update('Organization', record);
      report.organizations[outcome] += 1;
      orgIdOf.set(hsdsId, id);
      orgById.set(id, record);
      orgByHsds.set(hsdsId, record);
      if (draft.networkStatus && id !== NETWORK_HUB_ID) ties.push({ item, orgId: id, status: draft.networkStatus });
    } catch (error) {
      report.organizations.failed += 1;
      failedOrgs.add(hsdsId);
      refuseWith(report, item, error);
    }
    progress();
  }

  // Network statuses once every organisation is in (the hub itself may come with the dataset).
  for (const t of ties) {
    try {
      await setHubStatus(ctx, report, t.item, t.orgId, t.status, statuses, hubTies, orgById, options.dryRun);
    } catch (error) {
      refuseWith(report, t.item, error);
    }
  }

  for (const item of set.services) {
    const problems = [...item.problems, ...options.validator.validate('service', item.record), ...capacityProblems(options.validator, item.record)];
    if (problems.length > 0) {
      report.services.failed += 1;
      refuse(report, item, problems);
      progress();
      continue;
    }
    const draft = serviceFromHsds(item.record as unknown as HsdsService, places);
    const orgHsdsId = draft.organizationHsdsId;
    const organizationId = orgHsdsId === null ? undefined : orgIdOf.get(orgHsdsId);
    if (organizationId === undefined) {
      report.services.failed += 1;
      const why =
        orgHsdsId === null
          ? 'has no organization_id: Huzhu keeps every service under its organisation (give organization_id)'
          : failedOrgs.has(orgHsdsId)
            ? `its organization ${orgHsdsId} failed above, so the service is not written either`
            : `organization_id ${orgHsdsId} names no organization in the dataset or in Huzhu (import the organization too)`;
      report.lines.push({ level: 'error', source: item.source, message: `/organization_id ${why}` });
      progress();
      continue;
    }
    for (const w of draft.warnings) report.lines.push({ level: 'warning', source: item.source, message: w });
    const existing = serviceByHsds.get(draft.hsdsId) ?? null;
    const id = existing?.id ?? `svc_${draft.hsdsId}`;
    try {
      const input = parseInput(AddServiceInput, { ...draft.fields, organizationId }, ['service']);
      await assertCategoriesExist(ctx, input.categories, ['service', 'categories']);
      const record = parseInput(
        Service,
        {
          id,
          ...input,
          hours: draft.fields.hours,
          contact: draft.fields.contact,
          confirmedOn: draft.fields.confirmedOn,
          confirmedBy: existing?.confirmedBy,
          activeReferrals: existing?.activeReferrals ?? 0,
          synthetic: existing?.synthetic ?? false,
          ...externalIdsFor(id, draft.hsdsId, existing?.externalIds),
        },
        ['service'],
      );
      if (record.area.kind === 'RADIUS' && record.location === null && !record.online) throw new Error('a RADIUS service area needs the service location');
      const outcome = !existing ? 'created' : same(existing, record) ? 'unchanged' : 'updated';
      if (!options.dryRun && outcome === 'created') await ctx.store.create('Service', record);
      if (!options.dryRun && outcome === 'updated') {
        // activeReferrals is the store's counter: keep the value stored now, not the one read at the start.
        const [current] = await ctx.store.getMany('Service', [id]);
        await ctx.store.update('Service', { ...record, activeReferrals: current?.activeReferrals ?? record.activeReferrals });
      }
      report.services[outcome] += 1;
      serviceByHsds.set(draft.hsdsId, record);
      serviceById.set(id, record);
    } catch (error) {
      report.services.failed += 1;
      refuseWith(report, item, error);
    }
    progress();
  }
  return report;
}

/** One line for the report, as the CLI prints it. */
export function formatLine(line: ImportLine): string {
  const tag = line.level === 'error' ? '错误 error' : line.level === 'warning' ? '提示 warning' : '说明 note';
  return `${tag}  ${line.source}: ${line.message}`;
}

// Private:

function counts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, failed: 0 };
}

/** `hsds:<id>` is kept unless the Huzhu id already gives that HSDS id (a record exported from Huzhu). */
function externalIdsFor(id: string, hsdsId: string, existing: readonly string[] | undefined): { externalIds?: string[] } {
  const others = (existing ?? []).filter((e) => !e.startsWith(HSDS_EXTERNAL_PREFIX));
  const own = hsdsIdOf({ id }) === hsdsId ? [] : [`${HSDS_EXTERNAL_PREFIX}${hsdsId}`];
  const all = [...others, ...own];
  return all.length > 0 ? { externalIds: all } : {};
}

function same(a: object, b: object): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => v !== undefined && k !== 'activeReferrals')
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

function capacityProblems(validator: HsdsValidator, record: Record<string, unknown>): SchemaProblem[] {
  const capacities = record['capacities'];
  if (!Array.isArray(capacities)) return [];
  return capacities.flatMap((c, i) => validator.validate('service_capacity', c).map((p) => ({ path: `/capacities/${i}${p.path}`, reason: p.reason })));
}

function refuse(report: ImportReport, item: SourcedRecord, problems: readonly SchemaProblem[]): void {
  for (const p of problems) report.lines.push({ level: 'error', source: item.source, message: `${p.path || '/'} ${p.reason} (not written)` });
}

function refuseWith(report: ImportReport, item: SourcedRecord, error: unknown): void {
  if (isHuzhuError(error) && error.code !== 'BAD_USER_INPUT' && error.code !== 'NOT_FOUND' && error.code !== 'CONFLICT') throw error;
  const path = isHuzhuError(error) && error.path.length > 0 ? `${error.path.join('.')}: ` : '';
  const message = error instanceof Error ? error.message : String(error);
  report.lines.push({ level: 'error', source: item.source, message: `Huzhu refused it: ${path}${message} (not written)` });
}

async function setHubStatus(
  ctx: ServiceContext,
  report: ImportReport,
  item: SourcedRecord,
  orgId: string,
  status: RelationshipStatus,
  statuses: Map<string, RelationshipStatus>,
  hubTies: Relationship[],
  orgById: ReadonlyMap<string, unknown>,
  dryRun: boolean,
): Promise<void> {
  if (statuses.get(orgId) === status) return;
  if (!orgById.has(NETWORK_HUB_ID)) {
    report.lines.push({ level: 'warning', source: item.source, message: `its network status ${status} is not recorded: this store has no network hub (${NETWORK_HUB_ID})` });
    return;
  }
  const tie = hubTies.find((r) => (r.fromId === NETWORK_HUB_ID && r.toId === orgId) || (r.toId === NETWORK_HUB_ID && r.fromId === orgId));
  if (!dryRun) {
    const written = await linkStakeholders(ctx, {
      fromId: tie?.fromId ?? NETWORK_HUB_ID,
      toId: tie?.toId ?? orgId,
      type: tie?.type ?? 'PARTNER',
      status,
      since: tie?.since ?? null,
      until: tie?.until ?? null,
      note: tie?.note ?? null,
    });
    hubTies.push(written);
  }
  statuses.set(orgId, status);
}
