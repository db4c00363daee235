import { DEFAULT_STALE_AFTER_DAYS, serviceFreshness } from '../../../src/domain/serviceFreshness';

/** The freshness rule with an injected clock (issue 14 item 4). */
const day = (iso: string) => new Date(`${iso}T08:00:00Z`);

describe('serviceFreshness', () => {
  it('is fresh through confirmedOn + 179 days and stale from confirmedOn + 180 (the default)', () => {
    expect(DEFAULT_STALE_AFTER_DAYS).toBe(180);
    const confirmed = { confirmedOn: '2026-01-01' };
    expect(serviceFreshness(confirmed, day('2026-06-29'), 180)).toEqual({ stale: false, staleSince: null, confirmedOn: '2026-01-01' });
    expect(serviceFreshness(confirmed, day('2026-06-30'), 180)).toEqual({ stale: true, staleSince: '2026-06-30', confirmedOn: '2026-01-01' });
    expect(serviceFreshness(confirmed, day('2026-12-01'), 180).stale).toBe(true);
  });

  it('follows a configured period', () => {
    expect(serviceFreshness({ confirmedOn: '2026-11-01' }, day('2026-11-30'), 30).stale).toBe(false);
    expect(serviceFreshness({ confirmedOn: '2026-11-01' }, day('2026-12-01'), 30)).toMatchObject({ stale: true, staleSince: '2026-12-01' });
  });

  it('calls a service never confirmed stale, since an unknown day', () => {
    expect(serviceFreshness({}, day('2026-12-01'), 180)).toEqual({ stale: true, staleSince: null, confirmedOn: null });
  });

  it('refuses a period that is not a whole number of days ≥ 1', () => {
    expect(() => serviceFreshness({ confirmedOn: '2026-01-01' }, day('2026-12-01'), 0)).toThrow(/staleAfterDays/);
  });
});
