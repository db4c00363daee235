import type { HsdsRecordSet, SourcedRecord } from './hsdsRecords';

/**
 * HSDS JSON → records: one object (service_full.json), a list page
 * ({ total_items, …, contents }), an array, or the tabular JSON form
 * ({ "services.csv": [...] }, handled by the caller). What a record is comes
 * from the file name when it says (service_*, organization_*,
 * service_at_location_*, location*, taxonomy_term*, taxonomy*), else from its
 * fields. Nested records are collected too: a service's organization, an
 * organization's services, a service_at_location's service (whose
 * service_at_locations then include it). The same HSDS id met twice keeps the
 * fuller record.
 */
export function collectJson(value: unknown, fileName: string, into: HsdsRecordSet): void {
  const hint = hintOf(fileName);
  const visit = (item: unknown, source: string) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      into.unreadable.push({ source, reason: 'is not an HSDS object (expected a JSON object)' });
      return;
    }
    const record = item as Record<string, unknown>;
    const kind = hint ?? shapeOf(record);
    if (kind === 'api') {
      into.notes.push({ source, note: 'an HSDS API description (version, profile), not a record: nothing to import' });
      return;
    }
    if (kind === null) {
      into.unreadable.push({ source, reason: 'cannot tell which HSDS object this is (name the file service_*.json, organization_*.json, …)' });
      return;
    }
    addRecord(into, kind, record, source);
  };
  if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${fileName}#/${i}`));
  else if (isPage(value)) (value.contents).forEach((item, i) => visit(item, `${fileName}#/contents/${i}`));
  else visit(value, fileName);
}

export function isTabularJson(value: unknown): value is Record<string, unknown[]> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.endsWith('.csv'));
}

type Kind = 'service' | 'organization' | 'service_at_location' | 'location' | 'taxonomy' | 'taxonomy_term';

export function addRecord(into: HsdsRecordSet, kind: Kind, record: Record<string, unknown>, source: string): void {
  switch (kind) {
    case 'organization': {
      keep(into.organizations, { schema: 'organization', record, source, problems: [] });
      const services = record['services'];
      if (Array.isArray(services)) services.forEach((s, i) => isObject(s) && keep(into.services, { schema: 'service', record: { organization_id: record['id'], ...s }, source: `${source}#/services/${i}`, problems: [] }));
      return;
    }
    case 'service': {
      const org = record['organization'];
      // A service nesting its organization belongs to it, whether or not it repeats organization_id.
      const withOrg = record['organization_id'] === undefined && isObject(org) && typeof org['id'] === 'string' ? { ...record, organization_id: org['id'] } : record;
      keep(into.services, { schema: 'service', record: withOrg, source, problems: [] });
      if (isObject(org)) keep(into.organizations, { schema: 'organization', record: org, source: `${source}#/organization`, problems: [] });
      return;
    }
    case 'service_at_location': {
      const service = record['service'];
      if (isObject(service)) {
        const { service: _service, ...sal } = record;
        void _service;
        const existing = Array.isArray(service['service_at_locations']) ? (service['service_at_locations'] as unknown[]) : [];
        const withSal = existing.some((s) => isObject(s) && s['id'] === sal['id']) ? service : { ...service, service_at_locations: [...existing, sal] };
        addRecord(into, 'service', withSal, `${source}#/service`);
      }
      into.others.push({ schema: 'service_at_location', record, source, problems: [] });
      return;
    }
    case 'location':
    case 'taxonomy':
    case 'taxonomy_term':
      into.others.push({ schema: kind, record, source, problems: [] });
      return;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

// Private:

/** Add a record, or replace the one with its id when this one has more fields (a full record over a summary). */
export function keep(list: SourcedRecord[], item: SourcedRecord): void {
  const id = item.record['id'];
  const at = typeof id === 'string' ? list.findIndex((r) => r.record['id'] === id) : -1;
  if (at === -1) list.push(item);
  else if (Object.keys(item.record).length > Object.keys((list[at] as SourcedRecord).record).length) list[at] = item;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isPage(v: unknown): v is { contents: unknown[] } {
  return isObject(v) && Array.isArray(v['contents']);
}

function hintOf(fileName: string): Kind | 'api' | null {
  const base = fileName.split('/').pop() ?? fileName;
  if (base === 'base.json') return 'api';
  if (base.startsWith('service_at_location')) return 'service_at_location';
  if (base.startsWith('service')) return 'service';
  if (base.startsWith('organization')) return 'organization';
  if (base.startsWith('location')) return 'location';
  if (base.startsWith('taxonomy_term')) return 'taxonomy_term';
  if (base.startsWith('taxonom')) return 'taxonomy';
  return null;
}

function shapeOf(r: Record<string, unknown>): Kind | 'api' | null {
  if ('openapi_url' in r) return 'api';
  if ('location_type' in r) return 'location';
  if ('location_id' in r || isObject(r['location'])) return 'service_at_location';
  if ('status' in r) return 'service';
  if ('taxonomy_id' in r || 'taxonomy' in r || 'parent_id' in r || 'term_uri' in r) return 'taxonomy_term';
  if ('services' in r || 'organization_identifiers' in r || 'website' in r) return 'organization';
  return null;
}

