import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { msg } from '@/lib/msg';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { Field, FieldSet } from '@/components/Field';
import { placesInScope } from '@/hooks/placesInScope';
import { usePlaces, type Places } from '@/hooks/usePlaces';
import { Loading } from '@/components/Loading';
import { useAccount } from '@/lib/session';
import { isApiError } from '@/lib/apiError';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { AGE_BANDS, MARKERS } from '@/lib/enums';
import { useFormDraft } from '@/lib/useFormDraft';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import type { HouseholdDetail } from '../api/useHousehold';
import { registerHousehold, updateHousehold } from '../api/saveHousehold';

/**
 * Client-side checks are only what a form must have before it is sent;
 * the API validates the rest and its field paths (input.head.phone) land
 * beside the fields through applyServerErrors.
 */
const Intake = z.object({
  villageId: z.string().min(1, msg('intake.required')),
  householdCode: z.string(),
  size: z.string().regex(/^\d{1,2}$/, msg('intake.sizeWhole')),
  head: z.object({ name: z.string().trim().min(1, msg('intake.required')), phone: z.string(), idNumber: z.string() }),
  memberAgeBands: z.array(z.string()),
  markers: z.array(z.string()),
  disabilityGrade: z.string(),
});
type Intake = z.infer<typeof Intake>;

const FIELDS = ['villageId', 'householdCode', 'size', 'head.name', 'head.phone', 'head.idNumber', 'head', 'memberAgeBands', 'markers', 'disabilityGrade'] as const;

function blank(): Intake {
  return { villageId: '', householdCode: '', size: '', head: { name: '', phone: '', idNumber: '' }, memberAgeBands: [], markers: [], disabilityGrade: '' };
}

function fromHousehold(h: HouseholdDetail): Intake {
  return {
    villageId: h.village.id,
    householdCode: h.householdCode ?? '',
    size: String(h.size),
    head: { name: h.head?.name ?? '', phone: h.head?.phone ?? '', idNumber: h.head?.idNumber ?? '' },
    memberAgeBands: [...(h.memberAgeBands ?? [])],
    markers: [...(h.markers ?? [])],
    disabilityGrade: h.disabilityGrade == null ? '' : String(h.disabilityGrade),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * Register a household, or edit one (expectedVersion refuses a stale edit).
 * The form mounts once the village list is there, so a restored draft's village is selectable.
 */
export function HouseholdForm(props: { household?: HouseholdDetail; onSaved: (id: string) => void }) {
  const account = useAccount();
  const allPlaces = usePlaces();
  if (allPlaces.error) return <ErrorNotice error={allPlaces.error} onRetry={() => void allPlaces.refetch()} />;
  if (!allPlaces.data) return <Loading />;
  return <HouseholdFormLoaded {...props} places={placesInScope(account, allPlaces.data)} />;
}

function HouseholdFormLoaded({ household, onSaved, places: scoped }: { household?: HouseholdDetail | undefined; onSaved: (id: string) => void; places: Places }) {
  const { t } = useTranslation();
  const serverFieldError = useFieldErrorTranslator('intake');
  const places = { data: scoped };
  const form = useForm<Intake>({ resolver: zodResolver(Intake), defaultValues: household ? fromHousehold(household) : blank() });
  const draft = useFormDraft(form, household ? 'household-edit' : 'household-register');
  const errors = form.formState.errors;
  const bands = useWatch({ control: form.control, name: 'memberAgeBands' });

  const submission = useSubmission(
    (values: Intake, idempotencyKey: string) => {
      const common = {
        villageId: values.villageId,
        householdCode: orNull(values.householdCode),
        size: Number(values.size),
        memberAgeBands: values.memberAgeBands as (typeof AGE_BANDS)[number][],
        markers: values.markers as (typeof MARKERS)[number][],
        disabilityGrade: values.disabilityGrade === '' ? null : Number(values.disabilityGrade),
        head: { name: values.head.name.trim(), phone: orNull(values.head.phone), idNumber: orNull(values.head.idNumber) },
      };
      return household ? updateHousehold(household.id, common, household.version) : registerHousehold({ ...common, idempotencyKey });
    },
    {
      invalidate: [['households']],
      onSuccess: (id) => {
        draft.clear();
        onSaved(id);
      },
    },
  );

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await submission.submit(values);
    } catch (error) {
      if (isApiError(error)) applyServerErrors(error, form.setError, FIELDS, { translate: serverFieldError });
    }
  });

  const message = (m: string | undefined) => (m ? (m.startsWith('intake.') ? t(m) : m) : undefined);
  const fieldError = (name: (typeof FIELDS)[number]) => {
    const parts = name.split('.');
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return message((node as { message?: string } | undefined)?.message);
  };
  const villages = places.data?.villages ?? [];
  const townships = new Map((places.data?.townships ?? []).map((tw) => [tw.id, tw.name]));
  const hasChildren = bands.some((b) => ['AGE_0_3', 'AGE_4_6', 'AGE_7_17'].includes(b));

  return (
    <form className="card form-grid" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={sel.intake.form}>
      <Field label={t('intake.village')} error={fieldError('villageId')} errorTestId={sel.intake.fieldError('villageId')}>
        {(p) => (
          <select {...p} {...form.register('villageId')} data-testid={sel.intake.field('villageId')}>
            <option value="">{t('common.choose')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {townships.get(v.townshipId) ?? ''} · {v.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('intake.headName')} error={fieldError('head.name')} errorTestId={sel.intake.fieldError('head.name')}>
        {(p) => <input {...p} {...form.register('head.name')} autoComplete="off" data-testid={sel.intake.field('head.name')} />}
      </Field>
      <Field label={t('intake.headPhone')} error={fieldError('head.phone')} hint={t('intake.headPhoneHint')} errorTestId={sel.intake.fieldError('head.phone')}>
        {(p) => <input {...p} {...form.register('head.phone')} type="tel" inputMode="tel" autoComplete="off" data-testid={sel.intake.field('head.phone')} />}
      </Field>
      <Field label={t('intake.headIdNumber')} error={fieldError('head.idNumber')} errorTestId={sel.intake.fieldError('head.idNumber')}>
        {(p) => <input {...p} {...form.register('head.idNumber')} autoComplete="off" data-testid={sel.intake.field('head.idNumber')} />}
      </Field>
      <Field label={t('intake.householdCode')} error={fieldError('householdCode')} errorTestId={sel.intake.fieldError('householdCode')}>
        {(p) => <input {...p} {...form.register('householdCode')} autoComplete="off" data-testid={sel.intake.field('householdCode')} />}
      </Field>
      <Field label={t('intake.size')} error={fieldError('size')} errorTestId={sel.intake.fieldError('size')}>
        {(p) => <input {...p} {...form.register('size')} inputMode="numeric" data-testid={sel.intake.field('size')} />}
      </Field>
      <FieldSet legend={t('intake.ageBands')} error={fieldError('memberAgeBands')} errorTestId={sel.intake.fieldError('memberAgeBands')}>
        {AGE_BANDS.map((band) => (
          <label key={band} className="choice">
            <input type="checkbox" value={band} {...form.register('memberAgeBands')} data-testid={sel.intake.ageBand(band)} />
            {t(`enums.AgeBand.${band}`)}
          </label>
        ))}
      </FieldSet>
      {hasChildren ? <p className="notice notice-info full">{t('intake.childrenNote')}</p> : null}
      <FieldSet legend={t('intake.markers')} error={fieldError('markers')} errorTestId={sel.intake.fieldError('markers')}>
        {MARKERS.map((marker) => (
          <label key={marker} className="choice">
            <input type="checkbox" value={marker} {...form.register('markers')} data-testid={sel.intake.marker(marker)} />
            {t(`enums.Marker.${marker}`)}
          </label>
        ))}
      </FieldSet>
      <Field label={t('intake.disabilityGrade')} error={fieldError('disabilityGrade')} errorTestId={sel.intake.fieldError('disabilityGrade')}>
        {(p) => (
          <select {...p} {...form.register('disabilityGrade')} data-testid={sel.intake.field('disabilityGrade')}>
            <option value="">{t('intake.noGrade')}</option>
            {[1, 2, 3, 4].map((g) => (
              <option key={g} value={String(g)}>
                {t('intake.grade', { grade: g })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {errors.root?.serverError ? (
        <div className="full" data-testid={sel.intake.formError}>
          <ErrorNotice error={submission.error} onRetry={() => void submission.retry()} />
        </div>
      ) : submission.error && isApiError(submission.error) && submission.error.fieldIssues.length === 0 ? (
        <div className="full" data-testid={sel.intake.formError}>
          <ErrorNotice error={submission.error} onRetry={() => void submission.retry()} />
        </div>
      ) : null}
      <div className="form-actions full">
        <button type="submit" className="button button-primary" disabled={submission.pending} data-testid={sel.intake.submit}>
          {submission.pending ? t('common.saving') : household ? t('intake.saveChanges') : t('intake.register')}
        </button>
      </div>
    </form>
  );
}
