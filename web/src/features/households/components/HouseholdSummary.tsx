import { useTranslation } from 'react-i18next';
import type { Capabilities } from '@/lib/permissions';
import { sel } from '@/testing/selectors';
import type { HouseholdDetail } from '../api/useHousehold';

/** A household's facts, only those the role may read (the rest were never requested). */
export function HouseholdSummary({ household: h, caps }: { household: HouseholdDetail; caps: Capabilities }) {
  const { t } = useTranslation();
  return (
    <dl className="card facts" data-testid={sel.households.detail}>
      {caps.see.identity ? (
        <>
          <dt>{t('intake.headName')}</dt>
          <dd data-testid={sel.households.headName}>{h.head?.name ?? '—'}</dd>
          <dt>{t('intake.headPhone')}</dt>
          <dd>{h.head?.phone ?? '—'}</dd>
        </>
      ) : null}
      {caps.see.officialId ? (
        <>
          <dt>{t('intake.headIdNumber')}</dt>
          <dd>{h.head?.idNumber ?? '—'}</dd>
          <dt>{t('intake.householdCode')}</dt>
          <dd>{h.householdCode ?? '—'}</dd>
        </>
      ) : null}
      <dt>{t('intake.village')}</dt>
      <dd>
        {h.village.township.name} · {h.village.displayName}
      </dd>
      <dt>{t('intake.size')}</dt>
      <dd>{h.size}</dd>
      {caps.see.children ? (
        <>
          <dt>{t('intake.ageBands')}</dt>
          <dd>{(h.memberAgeBands ?? []).map((b) => t(`enums.AgeBand.${b}`)).join('、') || '—'}</dd>
        </>
      ) : null}
      {caps.see.socialAssistance ? (
        <>
          <dt>{t('intake.markers')}</dt>
          <dd>{(h.markers ?? []).map((m) => t(`enums.Marker.${m}`)).join('、') || '—'}</dd>
          <dt>{t('households.score')}</dt>
          <dd>{h.vulnerabilityScore == null ? '—' : h.vulnerabilityScore.toFixed(1)}</dd>
        </>
      ) : null}
      {caps.see.disability ? (
        <>
          <dt>{t('intake.disabilityGrade')}</dt>
          <dd>{h.disabilityGrade == null ? t('intake.noGrade') : t('intake.grade', { grade: h.disabilityGrade })}</dd>
        </>
      ) : null}
      {h.synthetic ? (
        <>
          <dt>{t('common.data')}</dt>
          <dd>
            <span className="badge badge-muted">{t('common.synthetic')}</span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
