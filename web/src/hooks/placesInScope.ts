import type { Account } from '@/lib/account';
import type { Places } from '@/hooks/usePlaces';

/**
 * The places an account works in, for pickers: a coordinator's townships and
 * their villages, a social worker's or volunteer's villages, everything for
 * an ADMIN. (The API enforces the scope; this only avoids offering choices
 * that can only answer "not found".)
 */
export function placesInScope(account: Pick<Account, 'role' | 'townshipIds' | 'villageIds'>, places: Places): Places {
  if (account.role === 'ADMIN') return places;
  if (account.role === 'COORDINATOR') {
    const townships = new Set(account.townshipIds);
    return { townships: places.townships.filter((t) => townships.has(t.id)), villages: places.villages.filter((v) => townships.has(v.townshipId)) };
  }
  const villages = new Set(account.villageIds);
  const inScope = places.villages.filter((v) => villages.has(v.id));
  const townships = new Set(inScope.map((v) => v.townshipId));
  return { townships: places.townships.filter((t) => townships.has(t.id)), villages: inScope };
}
