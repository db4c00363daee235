import type { Service } from './model';

/** The default of STALE_AFTER_DAYS (src/config/config.ts): half a year without a confirmation. */
export const DEFAULT_STALE_AFTER_DAYS = 180;

export interface ServiceFreshness {
  stale: boolean;
  /** The first day the service counted as stale (confirmedOn + staleAfterDays); null when it was never confirmed, or is fresh. */
  staleSince: string | null;
  /** The last confirmation (null: never confirmed). */
  confirmedOn: string | null;
}

/**
 * The freshness rule (issue 14 item 4): a service whose details were not
 * confirmed within the last `staleAfterDays` days is stale — as is one never
 * confirmed at all (nothing says its listing is current). A service confirmed
 * on day D is fresh through D + staleAfterDays − 1 and stale from
 * D + staleAfterDays. Dates are calendar days (YYYY-MM-DD, UTC); `today` is
 * the caller's clock, so the rule is tested without waiting.
 */
export function serviceFreshness(service: Pick<Service, 'confirmedOn'>, today: Date, staleAfterDays: number): ServiceFreshness {
  if (!Number.isInteger(staleAfterDays) || staleAfterDays < 1) {
    throw new RangeError(`domain/serviceFreshness: staleAfterDays must be a whole number of days ≥ 1 (got ${staleAfterDays})`);
  }
  const confirmedOn = service.confirmedOn ?? null;
  if (confirmedOn === null) return { stale: true, staleSince: null, confirmedOn: null };
  const staleSince = addDays(confirmedOn, staleAfterDays);
  const day = today.toISOString().slice(0, 10);
  return day >= staleSince ? { stale: true, staleSince, confirmedOn } : { stale: false, staleSince: null, confirmedOn };
}

// Private:

function addDays(isoDate: string, days: number): string {
  const at = Date.parse(`${isoDate}T00:00:00Z`);
  return new Date(at + days * 86_400_000).toISOString().slice(0, 10);
}
