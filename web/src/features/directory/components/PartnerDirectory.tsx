import { StaleBadge } from '@/components/StaleBadge';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { sel } from '@/testing/selectors';
import { useDirectoryOrganizations, useDirectoryRelationships, useDirectorySearch, type DirectoryRelationship } from '../api/directory';

type End = DirectoryRelationship['from'];
const endName = (end: End): string => ('name' in end ? end.name : 'displayName' in end ? end.displayName : '');
const endId = (end: End): string | null => ('id' in end ? end.id : null);

/** Organisations, their services, areas, status and public contacts, and who links to whom; searchable (searchDirectory). */
export function PartnerDirectory() {
  const { t } = useTranslation();
  const orgs = useDirectoryOrganizations();
  const relationships = useDirectoryRelationships();
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const search = useDirectorySearch(query);
  const matching = useMemo(() => {
    if (!orgs.data) return [];
    if (query.trim() === '' || !search.data) return orgs.data;
    const ids = new Set<string>();
    const townships = new Set<string>();
    for (const hit of search.data) {
      if (hit.kind === 'ORGANIZATION') ids.add(hit.id);
      if (hit.node && 'organization' in hit.node && hit.node.organization) ids.add(hit.node.organization.id);
      if (hit.kind === 'TOWNSHIP') townships.add(hit.id);
      if (hit.node && 'township' in hit.node && hit.node.township) townships.add(hit.node.township.id);
    }
    return orgs.data.filter((o) => ids.has(o.id) || (o.township && townships.has(o.township.id)) || o.services.nodes.some((s) => s.area.townships?.some((tw) => townships.has(tw.id))));
  }, [orgs.data, search.data, query]);
  if (orgs.error) return <ErrorNotice error={orgs.error} onRetry={() => void orgs.refetch()} />;
  if (!orgs.data) return <Loading />;
  const open = orgs.data.find((o) => o.id === openId) ?? null;
  return (
    <div className="directory" data-testid={sel.directory.screen}>
      <label className="directory-search">
        {t('directory.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('directory.searchPlaceholder')} data-testid={sel.directory.search} />
      </label>
      <p>{t('directory.count', { count: matching.length })}</p>
      <div className="directory-body">
        <ul className="directory-list" data-testid={sel.directory.list}>
          {matching.map((o) => (
            <li key={o.id}>
              <button type="button" className={o.id === openId ? 'link active' : 'link'} onClick={() => setOpenId(o.id)} data-testid={sel.directory.org(o.id)}>
                {o.name}
              </button>{' '}
              · {t(`directory.orgKind.${o.kind}`)}
              {o.township ? ` · ${o.township.name}` : ''}
              {o.networkStatus ? ` · ${t(`enums.RelationshipStatus.${o.networkStatus}`)}` : ''}
            </li>
          ))}
        </ul>
        {open ? (
          <article className="directory-detail" data-testid={sel.directory.detail}>
            <h2>{open.name}</h2>
            {open.description ? <p>{open.description}</p> : null}
            <h3>{t('directory.services')}</h3>
            <ul>
              {open.services.nodes.map((s) => (
                <li key={s.id}>
                  <strong>{s.name}</strong> · {t(`networkMap.serviceStatus.${s.status}`)}{' '}
                  {s.stale ? <StaleBadge confirmedOn={s.confirmedOn} testId={sel.staleServices.directoryFlag(s.id)} /> : null}
                  <br />
                  {t('directory.area')}: {s.online ? t('directory.online') : t(`directory.areaKind.${s.area.kind}`)}
                  {s.area.townships?.length ? ` (${s.area.townships.map((tw) => tw.name).join('、')})` : ''}
                  {s.area.villages?.length ? ` (${s.area.villages.map((v) => v.displayName).join('、')})` : ''}
                  {s.area.km ? ` ${s.area.km} km` : ''}
                  <br />
                  {t('directory.contact')}: {s.contact ?? t('directory.none')} · {t('directory.hours')}: {s.hours ?? t('directory.none')}
                </li>
              ))}
              {open.services.nodes.length === 0 ? <li>{t('directory.none')}</li> : null}
            </ul>
            <h3>{t('directory.links')}</h3>
            <ul>
              {(relationships.data ?? []).filter((r) => endId(r.from) === open.id || endId(r.to) === open.id).map((r) => {
                const other = endId(r.from) === open.id ? r.to : r.from;
                const otherId = endId(other);
                return (
                  <li key={r.id}>
                    {t(`networkMap.relType.${r.type}`)} ·{' '}
                    {otherId && orgs.data.some((o) => o.id === otherId) ? (
                      <button type="button" className="link" onClick={() => setOpenId(otherId)}>
                        {endName(other)}
                      </button>
                    ) : (
                      endName(other) || t('directory.person')
                    )}{' '}
                    · {t(`enums.RelationshipStatus.${r.status}`)}
                  </li>
                );
              })}
            </ul>
          </article>
        ) : null}
      </div>
    </div>
  );
}
