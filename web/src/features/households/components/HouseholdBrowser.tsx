import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import { Pager } from '@/components/Pager';
import type { AgeBand, HouseholdFilter, Marker } from '@/gql/graphql';
import { placesInScope } from '@/hooks/placesInScope';
import { usePlaces } from '@/hooks/usePlaces';
import { useAccount } from '@/lib/session';
import { AGE_BANDS, MARKERS } from '@/lib/enums';
import type { Capabilities } from '@/lib/permissions';
import { usePager } from '@/lib/usePager';
import { sel } from '@/testing/selectors';
import { useHouseholds } from '../api/useHouseholds';
import { useHouseholdSearch } from '../api/useHouseholdSearch';
import { HouseholdTable } from './HouseholdTable';

type FilterKey = 'township' | 'village' | 'marker' | 'ageBand';

/**
 * The household list: filters kept in the URL (shareable, back button works),
 * only the filters the role may use, Relay-cursor pages; and the search box
 * (searchHouseholds), which replaces the list while it has text.
 */
export function HouseholdBrowser({ caps }: { caps: Capabilities }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const account = useAccount();
  const allPlaces = usePlaces();
  const places = { data: allPlaces.data ? placesInScope(account, allPlaces.data) : undefined };
  const pager = usePager();
  const searchPager = usePager();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const [debounced, setDebounced] = useState(query);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 250);
    return () => clearTimeout(timer);
  }, [query]);

  const filter = useMemo<HouseholdFilter>(() => {
    const f: HouseholdFilter = {};
    const township = params.get('township');
    const village = params.get('village');
    const marker = params.get('marker');
    const ageBand = params.get('ageBand');
    if (caps.filters.township && township) f.townshipId = township;
    if (caps.filters.village && village) f.villageId = village;
    if (caps.filters.marker && marker && (MARKERS as readonly string[]).includes(marker)) f.marker = marker as Marker;
    if (caps.filters.ageBand && ageBand && (AGE_BANDS as readonly string[]).includes(ageBand)) f.ageBand = ageBand as AgeBand;
    return f;
  }, [params, caps]);

  const { reset } = pager;
  useEffect(() => reset(), [filter, reset]);
  const resetSearch = searchPager.reset;
  useEffect(() => resetSearch(), [debounced, resetSearch]);

  const searching = caps.householdSearch && debounced.trim().length > 0;
  const list = useHouseholds(caps, filter, pager.after);
  const search = useHouseholdSearch(caps, debounced, searchPager.after);
  const active = searching ? search : list;
  const activePager = searching ? searchPager : pager;

  const setFilter = (key: FilterKey, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'township') next.delete('village');
    setParams(next, { replace: true });
  };
  const townshipId = params.get('township') ?? '';
  const villages = (places.data?.villages ?? []).filter((v) => !townshipId || v.townshipId === townshipId);

  return (
    <section className="stack">
      {caps.householdSearch ? (
        <div className="search-box">
          <Field label={t('households.search')} hint={t('households.searchHint')}>
            {(p) => (
              <input
                {...p}
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder={t('households.searchPlaceholder')}
                data-testid={sel.households.search}
              />
            )}
          </Field>
        </div>
      ) : null}
      {!searching ? (
        <div className="filters" role="group" aria-label={t('households.filters')}>
          {caps.filters.township ? (
            <Field label={t('households.township')}>
              {(p) => (
                <select {...p} value={townshipId} onChange={(e) => setFilter('township', e.target.value)} data-testid={sel.households.filterTownship}>
                  <option value="">{t('common.all')}</option>
                  {(places.data?.townships ?? []).map((tw) => (
                    <option key={tw.id} value={tw.id}>
                      {tw.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {caps.filters.village ? (
            <Field label={t('households.village')}>
              {(p) => (
                <select {...p} value={params.get('village') ?? ''} onChange={(e) => setFilter('village', e.target.value)} data-testid={sel.households.filterVillage}>
                  <option value="">{t('common.all')}</option>
                  {villages.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.displayName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {caps.filters.marker ? (
            <Field label={t('households.marker')}>
              {(p) => (
                <select {...p} value={params.get('marker') ?? ''} onChange={(e) => setFilter('marker', e.target.value)} data-testid={sel.households.filterMarker}>
                  <option value="">{t('common.all')}</option>
                  {MARKERS.map((m) => (
                    <option key={m} value={m}>
                      {t(`enums.Marker.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {caps.filters.ageBand ? (
            <Field label={t('households.ageBand')}>
              {(p) => (
                <select {...p} value={params.get('ageBand') ?? ''} onChange={(e) => setFilter('ageBand', e.target.value)} data-testid={sel.households.filterAgeBand}>
                  <option value="">{t('common.all')}</option>
                  {AGE_BANDS.map((b) => (
                    <option key={b} value={b}>
                      {t(`enums.AgeBand.${b}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <button type="button" className="button button-quiet" onClick={() => setParams(new URLSearchParams(), { replace: true })} data-testid={sel.households.filterReset}>
            {t('households.resetFilters')}
          </button>
        </div>
      ) : null}
      <ErrorNotice error={active.error} onRetry={() => void active.refetch()} />
      {active.isPending ? (
        <Loading />
      ) : active.data ? (
        <>
          <p className="muted" data-testid={sel.households.total}>
            {searching ? t('households.found', { count: active.data.totalCount }) : t('households.total', { count: active.data.totalCount })}
          </p>
          <HouseholdTable rows={active.data.nodes} caps={caps} testId={searching ? sel.households.searchResults : sel.households.list} />
          <Pager page={activePager.page} hasNextPage={active.data.pageInfo.hasNextPage} onNext={() => activePager.next(active.data?.pageInfo.endCursor)} onPrevious={activePager.previous} />
        </>
      ) : null}
    </section>
  );
}
