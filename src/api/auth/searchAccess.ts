import type { SearchField } from '../../domain/matchRank';
import type { DirectorySearchKind } from '../../domain/searchKeys';
import { HuzhuError } from '../../errors/HuzhuError';
import type { HouseholdSearchScope } from '../../store/GraphStore';
import type { RequestContext } from '../context';
import type { RequestAccess } from './RequestAccess';
import { scopedPlan } from './scopedPage';
import { sensitiveAllowed } from './sensitiveRules';
import type { SensitiveKind } from './SensitiveKind';

/**
 * The access policy of search (schema/search.graphql). A search is a read of
 * every field it tests (issue 10 item 1), so:
 * - households are searched only by the fields the viewer may read on a
 *   household for the request's purpose (sensitiveRules): the head's name
 *   (IDENTITY), phone (CONTACT), the household code (OFFICIAL_ID); none of
 *   them: FORBIDDEN at `query`, before any store call;
 * - within the scope the households list uses (scopedPage.scopedPlan);
 * - the directory finds people only for a viewer who may see people (readRules).
 */
const HOUSEHOLD_SEARCH_FIELDS: ReadonlyArray<{ field: SearchField; kind: SensitiveKind; coordinate: string }> = [
  { field: 'name', kind: 'IDENTITY', coordinate: 'Household.head.name' },
  { field: 'phone', kind: 'CONTACT', coordinate: 'Household.head.phone' },
  { field: 'code', kind: 'OFFICIAL_ID', coordinate: 'Household.householdCode' },
];

/** The household fields this request may search by (empty: it may not search households). */
export function householdSearchFields(access: RequestAccess): SearchField[] {
  // The head's phone and name sit under Household.head (IDENTITY) as well as their own kind.
  const mayReadHead = sensitiveAllowed(access.role, access.purpose, 'IDENTITY', 'Household');
  return HOUSEHOLD_SEARCH_FIELDS.filter(
    ({ field, kind }) => sensitiveAllowed(access.role, access.purpose, kind, 'Household') && (field === 'code' || mayReadHead),
  ).map(({ field }) => field);
}

/** The audit trail's name for a tested field. */
export function householdSearchCoordinate(field: SearchField): string {
  return (HOUSEHOLD_SEARCH_FIELDS.find((f) => f.field === field) as { coordinate: string }).coordinate;
}

/** FORBIDDEN (at `query`) when the viewer may read none of the fields a household search tests. */
export function requireHouseholdSearch(access: RequestAccess): void {
  if (householdSearchFields(access).length > 0) return;
  const tested = HOUSEHOLD_SEARCH_FIELDS.map((f) => f.coordinate).join(', ');
  throw new HuzhuError(
    'FORBIDDEN',
    `query: searching households tests ${tested}; a ${access.role} may read none of them for ${access.purpose} (search the directory with searchDirectory instead)`,
    { path: ['query'] },
  );
}

/** Where this viewer's household search looks: the scope of the households list, as villages or townships. */
export async function householdSearchScope(ctx: RequestContext): Promise<HouseholdSearchScope> {
  const plan = await scopedPlan(ctx, 'Household', {});
  const nothing: HouseholdSearchScope = { villageIds: [], townshipIds: null };
  if ('scan' in plan) return nothing; // record-by-record scopes (a partner's referrals) are not searched
  const villageIds: string[] = [];
  const townshipIds: string[] = [];
  for (const filter of plan.queries) {
    const keys = Object.keys(filter).filter((k) => (filter as Record<string, unknown>)[k] !== undefined);
    if (keys.length === 0) return { villageIds: null, townshipIds: null };
    if (keys.length !== 1) return nothing; // a shape this mapping does not know: fail closed
    if (filter.villageId !== undefined) villageIds.push(filter.villageId);
    else if (filter.townshipId !== undefined) townshipIds.push(filter.townshipId);
    else return nothing;
  }
  if (villageIds.length > 0 && townshipIds.length > 0) return nothing;
  return townshipIds.length > 0 ? { villageIds: null, townshipIds } : { villageIds, townshipIds: null };
}

/** The GraphQL DirectoryKind of each searchable directory kind. */
export const DIRECTORY_KINDS: Readonly<Record<string, DirectorySearchKind>> = {
  TOWNSHIP: 'Township',
  VILLAGE: 'Village',
  ORGANIZATION: 'Organization',
  SERVICE: 'Service',
  PERSON: 'Person',
};

/**
 * The kinds a directory search covers for this viewer: the ones asked for
 * (all by default) that it may see. Asking for PERSON without the right to
 * see people is refused at `kinds` (UNAUTHENTICATED when not signed in).
 */
export function directorySearchKinds(access: RequestAccess, requested: readonly string[] | null | undefined): DirectorySearchKind[] {
  const asked = requested ?? Object.keys(DIRECTORY_KINDS);
  const kinds = [...new Set(asked)].map((k) => DIRECTORY_KINDS[k]).filter((k): k is DirectorySearchKind => k !== undefined);
  const visible = kinds.filter((kind) => access.visibility(kind) === 'ALL');
  if (requested != null && visible.length < kinds.length) {
    const code = access.role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    const hidden = kinds.filter((k) => !visible.includes(k)).join(', ');
    throw new HuzhuError(code, `kinds: a ${access.role} may not search ${hidden}${code === 'UNAUTHENTICATED' ? ' (sign in first)' : ''}`, { path: ['kinds'] });
  }
  return visible;
}

/** Checks for the operation rule of searchDirectory (before the resolver runs). */
export function requireDirectoryKinds(access: RequestAccess, kinds: unknown): void {
  directorySearchKinds(access, Array.isArray(kinds) ? (kinds as string[]) : null);
}
