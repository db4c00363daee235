import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import type { ServiceStatus } from '@/gql/graphql';
import { useCategories } from '@/hooks/useCategories';
import { isApiError } from '@/lib/apiError';
import { useAccount } from '@/lib/session';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { maintainableServices } from '../api/maintainable';
import { updateService, useOwnServices } from '../api/services';

type Service = NonNullable<ReturnType<typeof useOwnServices>['data']>[number];
const STATUSES: ServiceStatus[] = ['ACTIVE', 'SUSPENDED', 'PLANNED'];

/** An organisation's own services, kept current: status, capacity, hours, contact, the date the details were confirmed. */
export function ServiceList({ organizationId }: { organizationId: string | null }) {
  const { t } = useTranslation();
  const account = useAccount();
  const services = useOwnServices(organizationId);
  if (services.isPending) return <Loading />;
  if (services.error) return <ErrorNotice error={services.error} onRetry={() => void services.refetch()} />;
  const kept = maintainableServices(account, services.data);
  if (kept.length === 0) return <p className="muted">{t('services.none')}</p>;
  return (
    <ul className="cards" data-testid={sel.services.list}>
      {kept.map((s) => (
        <ServiceCard key={s.id} service={s} />
      ))}
    </ul>
  );
}

interface ServiceValues {
  status: ServiceStatus;
  capacity: string;
  hours: string;
  contact: string;
  confirmedOn: string;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function ServiceCard({ service: s }: { service: Service }) {
  const { t } = useTranslation();
  const serverFieldError = useFieldErrorTranslator('service');
  const categories = useCategories();
  const form = useForm<ServiceValues>({
    defaultValues: { status: s.status, capacity: s.capacity == null ? '' : String(s.capacity), hours: s.hours ?? '', contact: s.contact ?? '', confirmedOn: s.confirmedOn ?? '' },
  });
  const save = useSubmission(
    (v: ServiceValues) =>
      updateService(s.id, {
        status: v.status,
        capacity: v.capacity.trim() === '' ? null : Number(v.capacity),
        hours: v.hours.trim() || null,
        contact: v.contact.trim() || null,
        confirmedOn: v.confirmedOn || today(),
      }),
    { invalidate: [['services']] },
  );
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await save.submit(values);
    } catch (error) {
      if (isApiError(error)) applyServerErrors(error, form.setError, ['status', 'capacity', 'hours', 'contact', 'confirmedOn'], { translate: serverFieldError });
    }
  });
  const e = form.formState.errors;
  return (
    <li className="card stack" data-testid={sel.services.row(s.id)}>
      <header>
        <h2>{s.name}</h2>
        <p className="muted">
          {s.organization.name} · {s.categories.map((c) => categories.label(c)).join('、')} · {t('services.activeCount', { count: s.activeReferrals })}
        </p>
      </header>
      <form className="form-grid" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label={t('services.status')} error={e.status?.message}>
          {(p) => (
            <select {...p} {...form.register('status')} data-testid={sel.services.status(s.id)}>
              {STATUSES.map((x) => (
                <option key={x} value={x}>
                  {t(`enums.ServiceStatus.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('services.capacity')} hint={t('services.capacityHint')} error={e.capacity?.message}>
          {(p) => <input {...p} inputMode="numeric" {...form.register('capacity')} data-testid={sel.services.capacity(s.id)} />}
        </Field>
        <Field label={t('services.hours')} error={e.hours?.message}>
          {(p) => <input {...p} {...form.register('hours')} placeholder={t('services.hoursPlaceholder')} data-testid={sel.services.hours(s.id)} />}
        </Field>
        <Field label={t('services.contact')} error={e.contact?.message}>
          {(p) => <input {...p} {...form.register('contact')} data-testid={sel.services.contact(s.id)} />}
        </Field>
        <Field label={t('services.confirmedOn')} hint={t('services.confirmedOnHint')} error={e.confirmedOn?.message}>
          {(p) => <input {...p} type="date" {...form.register('confirmedOn')} data-testid={sel.services.confirmedOn(s.id)} />}
        </Field>
        <div className="full">
          <ErrorNotice error={save.error && (!isApiError(save.error) || save.error.fieldIssues.length === 0) ? save.error : null} onRetry={() => void save.retry()} />
        </div>
        <div className="form-actions full">
          <button type="submit" className="button button-primary" disabled={save.pending} data-testid={sel.services.save(s.id)}>
            {save.pending ? t('common.saving') : t('services.saveConfirm')}
          </button>
        </div>
      </form>
    </li>
  );
}
