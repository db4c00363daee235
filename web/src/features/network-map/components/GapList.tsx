import { useTranslation } from 'react-i18next';
import { sel } from '@/testing/selectors';
import type { MapCoverageData } from '../api/networkMap';

/** The ranked coverage gaps (most vulnerable households affected first, as the API ranks them). */
export function GapList({ coverage, onSelect }: { coverage: MapCoverageData; onSelect: (villageId: string) => void }) {
  const { t, i18n } = useTranslation();
  const name = (code: string) => {
    const c = coverage.categories.find((x) => x.code === code);
    return c ? (i18n.language.startsWith('en') ? c.nameEn : c.nameZh) : code;
  };
  return (
    <section className="map-panel" data-testid={sel.map.gaps}>
      <h2>{t('networkMap.gaps.title', { count: coverage.coverage.gapCount })}</h2>
      <ol>
        {coverage.coverage.gaps.map((g) => (
          <li key={`${g.villageId}-${g.category}`}>
            <button type="button" className="link" onClick={() => onSelect(g.villageId)}>
              {g.townshipName} {g.villageName}
            </button>{' '}
            · {name(g.category)} · {t(`networkMap.gaps.kind.${g.kind}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
