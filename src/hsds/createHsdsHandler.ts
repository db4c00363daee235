import type http from 'node:http';
import { isHuzhuError } from '../errors/HuzhuError';
import { MAX_PAGE_SIZE, type GraphStore } from '../store/GraphStore';
import { loadDirectorySnapshot } from './loadDirectorySnapshot';
import { organizationSummary, serviceSummary, toHsdsDataset } from './toHsds';
import type { HsdsAttribute, HsdsDataset, HsdsOrganization, HsdsService, HsdsServiceAtLocation } from './hsdsTypes';

/**
 * The read-only HSDS 3.0 API under /hsds/ (schema/hsds/3.0/openapi.json):
 * `/`, `/services`, `/services/{id}`, `/organizations`, `/organizations/{id}`,
 * `/service_at_locations`, `/service_at_locations/{id}`, `/taxonomies`,
 * `/taxonomies/{id}`, `/taxonomy_terms`, `/taxonomy_terms/{id}`, with the
 * openapi's paging (page, per_page → total_items, total_pages, page_number,
 * size, first_page, last_page, empty, contents) and filters. Only the
 * directory is read (loadDirectorySnapshot), never households, needs,
 * referrals or people; PROSPECTIVE organisations and PLANNED services appear
 * only with `include_prospective=true`. Public, GET only, answers cacheable
 * for a minute. Errors: `{ "error": { "code", "message" } }`.
 */
export interface HsdsHandlerOptions {
  store: GraphStore;
  now?: () => Date;
}

export const HSDS_PREFIX = '/hsds';
export const DEFAULT_PER_PAGE = 50;

export function createHsdsHandler(options: HsdsHandlerOptions): (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> {
  const now = options.now ?? (() => new Date());
  return async (req, res, url) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return send(res, 405, error('METHOD_NOT_ALLOWED', `HSDS 接口只读 (the HSDS API is read-only: ${req.method ?? ''} ${url.pathname} is not allowed; use GET)`));
      }
      const path = url.pathname.slice(HSDS_PREFIX.length).replace(/\/+$/, '');
      const query = url.searchParams;
      if (path === '') {
        checkParams(query, []);
        return ok(res, {
          version: '3.0',
          profile: 'https://github.com/openreferral/specification/tree/3.0',
          openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
        });
      }
      const [, collection, id, ...rest] = path.split('/');
      if (rest.length > 0 || collection === undefined) return send(res, 404, notFound(url.pathname));
      const includeProspective = bool(query, 'include_prospective');
      const load = async () => toHsdsDataset(await loadDirectorySnapshot(options.store, now()), { includeProspective });
      const one = id === undefined ? null : decodeURIComponent(id);
      switch (collection) {
        case 'services': {
          if (one !== null) {
            checkParams(query, ['include_prospective']);
            return found(res, url, (await load()).services.find((s) => s.id === one));
          }
          checkParams(query, [...PAGING, 'search', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'minimal', 'full', 'modified_after', 'include_prospective']);
          unsupported(query, 'modified_after', 'Huzhu keeps no modification time per service (use assured_date)');
          const data = await load();
          const list = filterServices(data.services, query);
          const full = bool(query, 'full');
          const minimal = bool(query, 'minimal');
          return ok(res, page(list, query, (s) => (minimal ? { id: s.id } : full ? s : serviceSummary(s))));
        }
        case 'organizations': {
          const fullService = bool(query, 'full_service');
          const withServices = (o: HsdsOrganization, data: HsdsDataset) =>
            fullService ? { ...o, services: data.services.filter((s) => s.organization_id === o.id) } : o;
          if (one !== null) {
            checkParams(query, ['full_service', 'include_prospective']);
            const data = await load();
            const org = data.organizations.find((o) => o.id === one);
            return found(res, url, org && withServices(org, data));
          }
          checkParams(query, [...PAGING, 'search', 'full_service', 'full', 'include_prospective']);
          const data = await load();
          const full = bool(query, 'full') || fullService;
          const list = data.organizations.filter((o) => matches(query, [o.name, o.alternate_name, o.description]));
          return ok(res, page(list, query, (o) => (full ? withServices(o, data) : organizationSummary(o))));
        }
        case 'service_at_locations': {
          if (one !== null) {
            checkParams(query, ['include_prospective']);
            const data = await load();
            const sal = data.serviceAtLocations.find((s) => s.id === one);
            return found(res, url, sal && { ...sal, service: data.services.find((s) => s.id === sal.service_id) });
          }
          checkParams(query, [...PAGING, 'search', 'taxonomy_term_id', 'taxonomy_id', 'organization_id', 'modified_after', 'full', 'postcode', 'proximity', 'include_prospective']);
          unsupported(query, 'modified_after', 'Huzhu keeps no modification time per service');
          unsupported(query, 'postcode', 'Dayi records have no postcodes: filter by organization_id or taxonomy instead');
          unsupported(query, 'proximity', 'proximity needs a postcode, which Dayi records do not have');
          const data = await load();
          const services = new Map(data.services.map((s) => [s.id, s]));
          const keep = new Set(filterServices(data.services, query, true).map((s) => s.id));
          const list = data.serviceAtLocations.filter((sal) => {
            if (!keep.has(sal.service_id ?? '')) return false;
            const service = services.get(sal.service_id ?? '');
            return matches(query, [service?.name, service?.description, sal.location?.name, sal.description]);
          });
          const full = bool(query, 'full');
          return ok(res, page(list, query, (sal: HsdsServiceAtLocation) => (full ? { ...sal, service: services.get(sal.service_id ?? '') } : sal)));
        }
        case 'taxonomies': {
          const data = await load();
          if (one !== null) {
            checkParams(query, []);
            return found(res, url, data.taxonomies.find((t) => t.id === one));
          }
          checkParams(query, [...PAGING, 'search']);
          return ok(res, page(data.taxonomies.filter((t) => matches(query, [t.name, t.description])), query, (t) => t));
        }
        case 'taxonomy_terms': {
          const data = await load();
          if (one !== null) {
            checkParams(query, []);
            return found(res, url, data.taxonomyTerms.find((t) => t.id === one));
          }
          checkParams(query, [...PAGING, 'search', 'taxonomy_id', 'top_only', 'parent_id']);
          const taxonomyId = query.get('taxonomy_id');
          const parentId = query.get('parent_id');
          const topOnly = bool(query, 'top_only');
          const list = data.taxonomyTerms.filter(
            (t) =>
              matches(query, [t.name, t.code, t.description]) &&
              (taxonomyId === null || t.taxonomy_id === taxonomyId) &&
              (parentId === null || t.parent_id === parentId) &&
              (!topOnly || t.parent_id === undefined),
          );
          return ok(res, page(list, query, (t) => t));
        }
        default:
          return send(res, 404, notFound(url.pathname));
      }
    } catch (e) {
      if (e instanceof ParamError) return send(res, 400, error('BAD_USER_INPUT', e.message, e.parameter));
      if (isHuzhuError(e) && (e.code === 'UNAVAILABLE' || e.code === 'OUTCOME_UNKNOWN')) {
        res.setHeader('retry-after', '5');
        return send(res, 503, error('UNAVAILABLE', '目录暂时无法读取，请稍后重试 (the directory store is unavailable: retry in a few seconds)'));
      }
      throw e;
    }
  };
}

// Private:

const PAGING = ['page', 'per_page', 'format'];

class ParamError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

function checkParams(query: URLSearchParams, allowed: readonly string[]): void {
  for (const key of query.keys()) {
    if (!allowed.includes(key)) {
      throw new ParamError(key, `参数 ${key} 不适用于此接口 (unknown query parameter ${key}; this endpoint takes: ${allowed.join(', ') || 'none'})`);
    }
  }
  const format = query.get('format');
  if (format !== null && format !== 'json') throw new ParamError('format', `format=${format} is not offered: only json (leave format out)`);
}

function unsupported(query: URLSearchParams, key: string, why: string): void {
  if (query.has(key)) throw new ParamError(key, `参数 ${key} 暂不支持 (${key} is not supported: ${why})`);
}

function bool(query: URLSearchParams, key: string): boolean {
  const v = query.get(key);
  if (v === null) return false;
  if (v === 'true' || v === '1' || v === '') return true;
  if (v === 'false' || v === '0') return false;
  throw new ParamError(key, `${key} must be true or false (was ${JSON.stringify(v.slice(0, 20))})`);
}

function int(query: URLSearchParams, key: string, fallback: number, max: number): number {
  const v = query.get(key);
  if (v === null) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > max) throw new ParamError(key, `${key} must be a whole number from 1 to ${max} (was ${JSON.stringify(v.slice(0, 20))})`);
  return n;
}

function matches(query: URLSearchParams, fields: ReadonlyArray<string | undefined>): boolean {
  const search = query.get('search')?.trim().toLowerCase();
  if (!search) return true;
  return fields.some((f) => f !== undefined && f.toLowerCase().includes(search));
}

function filterServices(services: readonly HsdsService[], query: URLSearchParams, skipSearch = false): HsdsService[] {
  const termId = query.get('taxonomy_term_id');
  const taxonomyId = query.get('taxonomy_id');
  const orgId = query.get('organization_id');
  const hasTerm = (attrs: readonly HsdsAttribute[] | undefined, test: (a: HsdsAttribute) => boolean) => (attrs ?? []).some(test);
  return services.filter(
    (s) =>
      (skipSearch || matches(query, [s.name, s.description, s.eligibility_description])) &&
      (orgId === null || s.organization_id === orgId) &&
      (termId === null || hasTerm(s.attributes, (a) => a.taxonomy_term_id === termId)) &&
      (taxonomyId === null || hasTerm(s.attributes, (a) => a.taxonomy_term?.taxonomy_id === taxonomyId)),
  );
}

function page<T, U>(list: readonly T[], query: URLSearchParams, shape: (item: T) => U) {
  const perPage = int(query, 'per_page', DEFAULT_PER_PAGE, MAX_PAGE_SIZE);
  const pageNumber = int(query, 'page', 1, 1_000_000);
  const totalPages = Math.ceil(list.length / perPage);
  const contents = list.slice((pageNumber - 1) * perPage, pageNumber * perPage).map(shape);
  return {
    total_items: list.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

function found(res: http.ServerResponse, url: URL, value: unknown): void {
  if (value === undefined) return send(res, 404, notFound(url.pathname));
  return ok(res, value);
}

function notFound(path: string) {
  return error('NOT_FOUND', `没有这条记录 (${path} was not found: check the id, or add include_prospective=true for a prospective organisation or planned service)`);
}

function error(code: string, message: string, parameter?: string) {
  return { error: { code, message, ...(parameter === undefined ? {} : { parameter }) } };
}

function ok(res: http.ServerResponse, payload: unknown): void {
  res.setHeader('cache-control', 'public, max-age=60');
  send(res, 200, payload);
}

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  if (status !== 200) res.setHeader('cache-control', 'no-store');
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}
