import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Loading } from '@/components/Loading';
import { Pager } from '@/components/Pager';
import type { WorkloadRole } from '@/gql/graphql';
import { usePager } from '@/lib/usePager';
import { sel } from '@/testing/selectors';
import { useDevelopmentOfficers, useWorkload } from '../api/credit';
import { Figure } from './Figure';

/**
 * For coordinators and admins: liaisons' and volunteers' workload (households, open needs, referrals per person;
 * need and referral counts of 1–4 families come back suppressed for a coordinator) and the community development
 * officers' training and assignment against the target of 20.
 */
export function WorkloadView() {
  const { t } = useTranslation();
  const [role, setRole] = useState<WorkloadRole | null>(null);
  const pager = usePager();
  const workload = useWorkload(role, pager.after);
  return (
    <div className="stack" data-testid={sel.workload.screen}>
      <section className="card stack" aria-labelledby="workload-title">
        <h2 id="workload-title">{t('credit.workload.title')}</h2>
        <label>
          {t('credit.workload.role')}{' '}
          <select
            value={role ?? ''}
            onChange={(e) => {
              setRole(e.target.value === '' ? null : (e.target.value as WorkloadRole));
              pager.reset();
            }}
            data-testid={sel.workload.role}
          >
            <option value="">{t('credit.workload.allRoles')}</option>
            <option value="LIAISON">{t('credit.workload.roles.LIAISON')}</option>
            <option value="VOLUNTEER">{t('credit.workload.roles.VOLUNTEER')}</option>
          </select>
        </label>
        <ErrorNotice error={workload.error} onRetry={() => void workload.refetch()} />
        {workload.isPending ? <Loading /> : null}
        {workload.data ? (
          <>
            <p>{t('credit.workload.total', { count: workload.data.totalCount })}</p>
            <div className="table-wrap">
              <table className="table table-cards" data-testid={sel.workload.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('credit.workload.person')}</th>
                    <th scope="col">{t('credit.workload.role')}</th>
                    <th scope="col">{t('credit.workload.villages')}</th>
                    <th scope="col">{t('credit.workload.households')}</th>
                    <th scope="col">{t('credit.workload.openNeeds')}</th>
                    <th scope="col">{t('credit.workload.referrals')}</th>
                  </tr>
                </thead>
                <tbody>
                  {workload.data.nodes.map((row) => (
                    <tr key={row.person.id} data-testid={sel.workload.row(row.person.id)}>
                      <td data-label={t('credit.workload.person')}>{row.person.name}</td>
                      <td data-label={t('credit.workload.role')}>{t(`credit.workload.roles.${row.role}`)}</td>
                      <td data-label={t('credit.workload.villages')}>{row.villages.map((v) => v.displayName).join('、')}</td>
                      <td data-label={t('credit.workload.households')}>
                        <Figure value={row.households} />
                      </td>
                      <td data-label={t('credit.workload.openNeeds')}>
                        <Figure value={row.openNeeds} />
                      </td>
                      <td data-label={t('credit.workload.referrals')}>
                        <Figure value={row.referrals} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={pager.page} hasNextPage={workload.data.pageInfo.hasNextPage} onNext={() => pager.next(workload.data?.pageInfo.endCursor)} onPrevious={pager.previous} />
            <p className="muted">{t('credit.workload.note')}</p>
          </>
        ) : null}
      </section>
      <DevelopmentOfficers />
    </div>
  );
}

function DevelopmentOfficers() {
  const { t } = useTranslation();
  const report = useDevelopmentOfficers();
  return (
    <section className="card stack" aria-labelledby="development-officers-title" data-testid={sel.workload.officers}>
      <h2 id="development-officers-title">{t('credit.developmentOfficers.title')}</h2>
      <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />
      {report.isPending ? <Loading /> : null}
      {report.data ? (
        <>
          <p data-testid={sel.workload.officersSummary}>
            {t('credit.developmentOfficers.summary', { trained: report.data.trained, target: report.data.target, inTraining: report.data.inTraining })}
          </p>
          <div className="table-wrap">
            <table className="table table-cards">
              <thead>
                <tr>
                  <th scope="col">{t('credit.developmentOfficers.officer')}</th>
                  <th scope="col">{t('credit.developmentOfficers.status')}</th>
                  <th scope="col">{t('credit.developmentOfficers.courses')}</th>
                  <th scope="col">{t('credit.developmentOfficers.assignment')}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.officers.map((o) => (
                  <tr key={o.person.id} data-testid={sel.workload.officer(o.person.id)}>
                    <td data-label={t('credit.developmentOfficers.officer')}>{o.person.name}</td>
                    <td data-label={t('credit.developmentOfficers.status')}>
                      {o.trained ? (
                        <span className="badge badge-ok">{t('credit.developmentOfficers.trainedOn', { date: o.trainedOn ?? '—' })}</span>
                      ) : (
                        <span className="badge badge-muted">{t('credit.developmentOfficers.inTraining')}</span>
                      )}
                    </td>
                    <td data-label={t('credit.developmentOfficers.courses')}>
                      {o.trainings
                        .map((c) => `${c.course} · ${c.date} · ${c.completed ? t('credit.developmentOfficers.completed') : t('credit.developmentOfficers.enrolled')}`)
                        .join('；')}
                    </td>
                    <td data-label={t('credit.developmentOfficers.assignment')}>
                      {[...o.townships.map((tw) => tw.name), ...o.villages.map((v) => v.displayName)].join(' · ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('credit.developmentOfficers.definition')}</p>
        </>
      ) : null}
    </section>
  );
}
