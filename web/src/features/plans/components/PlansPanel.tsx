import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Field } from '@/components/Field';
import { Loading } from '@/components/Loading';
import { useCategories } from '@/hooks/useCategories';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { isApiError } from '@/lib/apiError';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { applyPlan, PLANS_KEY, readPlan, savePlan, usePlanComparison, usePlanEvaluation, usePlans, type PlanComparisonData, type PlanEvaluationData } from '../api/plans';
import { describeChange, draftFromSaved, draftLabels, EMPTY_DRAFT, removeChange, type DraftPlan } from '../model/draftPlan';

export interface PlansPanelProps {
  draft: DraftPlan;
  onDraftChange: (draft: DraftPlan) => void;
  /** An ADMIN may apply a plan (turn its records into real ones). */
  canApply: boolean;
  /** A record's name on the map (for describing changes that name existing records). */
  labelOf: (id: string) => string;
}

/**
 * Saved plans on the map page (issue 12 item 3): the draft's changes with a
 * name and a note, saved as a plan; the saved plans, reopened, evaluated
 * (villages newly covered per category, single points of failure removed)
 * optionally as of a date, compared side by side; an ADMIN applies one.
 */
export function PlansPanel(props: PlansPanelProps) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState('');
  const [evaluating, setEvaluating] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ a: string; b: string }>({ a: '', b: '' });
  const [comparing, setComparing] = useState<{ a: string; b: string } | null>(null);
  const plans = usePlans();
  const reopen = async (id: string) => {
    const plan = await readPlan(id);
    if (plan) props.onDraftChange(draftFromSaved(plan));
    setEvaluating(id);
  };
  return (
    <section className="plans-panel" data-testid={sel.plans.panel} aria-labelledby="plans-title">
      <h2 id="plans-title">{t('plans.title')}</h2>
      <DraftEditor {...props} />
      <div className="plans-columns">
        <div>
          <h3>{t('plans.saved')}</h3>
          <Field label={t('plans.asOf')} hint={t('plans.asOfHint')}>
            {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid={sel.plans.asOf} />}
          </Field>
          {plans.error ? <ErrorNotice error={plans.error} onRetry={() => void plans.refetch()} /> : null}
          {!plans.data && !plans.error ? <Loading /> : null}
          {plans.data ? (
            plans.data.nodes.length === 0 ? (
              <p>{t('plans.none')}</p>
            ) : (
              <ul className="plans-list" data-testid={sel.plans.list}>
                {plans.data.nodes.map((plan) => (
                  <li key={plan.id} data-testid={sel.plans.item(plan.id)} className={props.draft.id === plan.id ? 'active' : ''}>
                    <strong>{plan.name}</strong> <span data-testid={sel.plans.status(plan.id)}>{t(`plans.status.${plan.status}`)}</span>
                    <br />
                    <small>
                      {t('plans.byline', { author: plan.author.displayName ?? plan.author.id, date: plan.updatedAt.slice(0, 10), count: plan.changes.length })}
                    </small>
                    {plan.note ? <p className="plans-note">{plan.note}</p> : null}
                    <div className="form-actions">
                      <button type="button" className="button" data-testid={sel.plans.reopen(plan.id)} onClick={() => void reopen(plan.id)}>
                        {t('plans.reopen')}
                      </button>
                      <button type="button" className="button" data-testid={sel.plans.evaluate(plan.id)} onClick={() => setEvaluating(plan.id)}>
                        {t('plans.evaluate')}
                      </button>
                      {props.canApply && plan.status === 'DRAFT' ? <ApplyButton id={plan.id} /> : null}
                    </div>
                  </li>
                ))}
              </ul>
            )
          ) : null}
          {plans.data && plans.data.nodes.length >= 2 ? (
            <fieldset className="plans-compare">
              <legend>{t('plans.compareTitle')}</legend>
              {(['a', 'b'] as const).map((side) => (
                <Field key={side} label={t(`plans.compare${side.toUpperCase()}`)}>
                  {(p) => (
                    <select {...p} value={compare[side]} onChange={(e) => setCompare((c) => ({ ...c, [side]: e.target.value }))} data-testid={side === 'a' ? sel.plans.compareA : sel.plans.compareB}>
                      <option value="">{t('common.choose')}</option>
                      {plans.data.nodes.map((plan) => (
                        <option key={plan.id} value={plan.id}>
                          {plan.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
              <button type="button" className="button" disabled={!compare.a || !compare.b || compare.a === compare.b} data-testid={sel.plans.compare} onClick={() => setComparing({ ...compare })}>
                {t('plans.compare')}
              </button>
            </fieldset>
          ) : null}
        </div>
        <div>
          {evaluating ? <Evaluation id={evaluating} asOf={asOf || null} /> : null}
          {comparing ? <Comparison ids={comparing} asOf={asOf || null} /> : null}
        </div>
      </div>
    </section>
  );
}

interface DraftValues {
  name: string;
  note: string;
}

function DraftEditor({ draft, onDraftChange, labelOf }: PlansPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const translate = useFieldErrorTranslator('plan');
  const form = useForm<DraftValues>({ defaultValues: { name: draft.name, note: draft.note } });
  const [saved, setSaved] = useState<string | null>(null);
  // A reopened plan (another id) brings its own name and note.
  useEffect(() => form.reset({ name: draft.name, note: draft.note }), [draft.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const submission = useSubmission((v: DraftValues) => savePlan({ ...(draft.id ? { id: draft.id } : {}), name: v.name.trim(), note: v.note.trim() || null, changes: draft.changes }), {
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      onDraftChange({ ...draft, id: plan.id, name: plan.name, note: plan.note ?? '' });
      setSaved(t('plans.savedNotice', { name: plan.name }));
    },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(null);
    try {
      await submission.submit(values);
    } catch (error) {
      if (isApiError(error)) applyServerErrors(error, form.setError, ['name', 'note'], { translate });
    }
  });
  const labels = draftLabels(draft.changes);
  const label = (id: string) => labels.get(id) ?? labelOf(id);
  const e = form.formState.errors;
  return (
    <form className="card form-grid plans-draft" onSubmit={(event) => void onSubmit(event)} noValidate data-testid={sel.plans.draft}>
      <h3 className="full">{draft.id ? t('plans.editing', { name: draft.name }) : t('plans.draft')}</h3>
      {draft.changes.length === 0 ? (
        <p className="full">{t('plans.emptyDraft')}</p>
      ) : (
        <ol className="full plans-changes">
          {draft.changes.map((change, index) => {
            const d = describeChange(change, label);
            return (
              <li key={`${index}-${String(change.id ?? change.kind)}`} data-testid={sel.plans.draftChange(index)}>
                {t(`plans.change.${d.kind}`, { ...d.values, status: d.values['status'] ? t(`enums.RelationshipStatus.${d.values['status']}`) : '' })}{' '}
                <button type="button" className="link" aria-label={t('plans.removeChange')} data-testid={sel.plans.removeChange(index)} onClick={() => onDraftChange(removeChange(draft, index))}>
                  {t('plans.removeChange')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <Field label={t('plans.name')} error={e.name?.message} errorTestId={sel.plans.fieldError('name')}>
        {(p) => <input {...p} {...form.register('name', { validate: (v) => v.trim() !== '' || t('plans.nameRequired') })} data-testid={sel.plans.field('name')} />}
      </Field>
      <Field label={t('plans.note')} error={e.note?.message} errorTestId={sel.plans.fieldError('note')}>
        {(p) => <textarea {...p} rows={2} {...form.register('note')} data-testid={sel.plans.field('note')} />}
      </Field>
      {e.root?.['serverError']?.message ? (
        <p className="field-error full" role="alert">
          {e.root['serverError'].message}
        </p>
      ) : null}
      {submission.error && (!isApiError(submission.error) || submission.error.fieldIssues.length === 0) ? (
        <div className="full">
          <ErrorNotice error={submission.error} onRetry={() => void submission.retry()} />
        </div>
      ) : null}
      {saved ? (
        <p className="full notice" role="status" data-testid={sel.plans.saved}>
          {saved}
        </p>
      ) : null}
      <div className="form-actions full">
        <button type="submit" className="button button-primary" disabled={submission.pending || draft.changes.length === 0} data-testid={sel.plans.save}>
          {draft.id ? t('plans.saveChanges') : t('plans.save')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          data-testid={sel.plans.newDraft}
          onClick={() => {
            onDraftChange(EMPTY_DRAFT);
            form.reset({ name: '', note: '' });
            setSaved(null);
          }}
        >
          {t('plans.newDraft')}
        </button>
      </div>
    </form>
  );
}

function ApplyButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmission(() => applyPlan(id), { invalidate: [PLANS_KEY, ['network-map']] });
  if (!confirming)
    return (
      <button type="button" className="button" data-testid={sel.plans.apply(id)} onClick={() => setConfirming(true)}>
        {t('plans.apply')}
      </button>
    );
  return (
    <span role="group" aria-label={t('plans.apply')}>
      {t('plans.applyConfirm')}{' '}
      <button type="button" className="button button-primary" disabled={submission.pending} data-testid={`${sel.plans.apply(id)}-confirm`} onClick={() => void submission.submit(undefined).catch(() => undefined)}>
        {t('plans.applyYes')}
      </button>{' '}
      <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
      {submission.error ? <ErrorNotice error={submission.error} onRetry={() => void submission.retry()} /> : null}
    </span>
  );
}

function Evaluation({ id, asOf }: { id: string; asOf: string | null }) {
  const { t } = useTranslation();
  const evaluation = usePlanEvaluation(id, asOf);
  if (evaluation.error) return <ErrorNotice error={evaluation.error} onRetry={() => void evaluation.refetch()} />;
  if (!evaluation.data) return <Loading />;
  return <EvaluationView data={evaluation.data} title={t('plans.evaluationTitle', { name: evaluation.data.plan.name, date: evaluation.data.asOf })} />;
}

function EvaluationView({ data, title }: { data: PlanEvaluationData; title: string }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const rows = data.result.byCategory.filter((c) => c.newlyCovered.length > 0 || c.noLongerCovered.length > 0);
  return (
    <div className="plans-evaluation card" data-testid={sel.plans.evaluation} data-as-of={data.asOf}>
      <h3>{title}</h3>
      <p>{t('plans.newlyCovered', { count: data.result.newlyCoveredVillages.length })}</p>
      <h4>{t('plans.byCategoryTitle')}</h4>
      {rows.length === 0 ? (
        <p>{t('plans.noCoverageChange')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('plans.category')}</th>
                <th>{t('plans.before')}</th>
                <th>{t('plans.after')}</th>
                <th>{t('plans.newVillages')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.category} data-testid={sel.plans.evaluationCategory(row.category)} data-newly-covered={row.newlyCovered.length}>
                  <td>{categories.label(row.category)}</td>
                  <td>{row.villagesBefore}</td>
                  <td>{row.villagesAfter}</td>
                  <td>{row.newlyCovered.map((v) => v.villageName).join('、') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div data-testid={sel.plans.spofsRemoved} data-count={data.spofsRemoved.length}>
        <h4>{t('plans.spofsRemoved', { count: data.spofsRemoved.length })}</h4>
        {data.spofsRemoved.length > 0 ? <p>{data.spofsRemoved.map((s) => s.label).join('、')}</p> : null}
        {data.spofsAdded.length > 0 ? <p>{t('plans.spofsAdded', { count: data.spofsAdded.length, names: data.spofsAdded.map((s) => s.label).join('、') })}</p> : null}
      </div>
    </div>
  );
}

function Comparison({ ids, asOf }: { ids: { a: string; b: string }; asOf: string | null }) {
  const comparison = usePlanComparison(ids, asOf);
  if (comparison.error) return <ErrorNotice error={comparison.error} onRetry={() => void comparison.refetch()} />;
  if (!comparison.data) return <Loading />;
  return <ComparisonView data={comparison.data} />;
}

function ComparisonView({ data }: { data: PlanComparisonData }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const names = (list: readonly { villageName: string }[]) => list.map((v) => v.villageName).join('、') || '—';
  return (
    <div className="plans-comparison card" data-testid={sel.plans.comparison} data-as-of={data.asOf}>
      <h3>{t('plans.comparisonTitle', { a: data.a.plan.name, b: data.b.plan.name, date: data.asOf })}</h3>
      <p className="map-precision-note">{t('plans.comparisonNote')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('plans.category')}</th>
              <th title={data.a.plan.name}>{t('plans.compareA')}</th>
              <th title={data.b.plan.name}>{t('plans.compareB')}</th>
              <th>{t('plans.onlyIn', { name: t('plans.compareA') })}</th>
              <th>{t('plans.onlyIn', { name: t('plans.compareB') })}</th>
              <th>{t('plans.both')}</th>
            </tr>
          </thead>
          <tbody>
            {data.byCategory.map((row) => (
              <tr key={row.category} data-testid={sel.plans.comparisonCategory(row.category)} data-a={row.newlyCoveredA} data-b={row.newlyCoveredB}>
                <td>{categories.label(row.category)}</td>
                <td>{row.newlyCoveredA}</td>
                <td>{row.newlyCoveredB}</td>
                <td>{names(row.onlyA)}</td>
                <td>{names(row.onlyB)}</td>
                <td>{names(row.both)}</td>
              </tr>
            ))}
            <tr>
              <td>{t('plans.spofsRemovedShort')}</td>
              <td>{data.a.spofsRemoved.length}</td>
              <td>{data.b.spofsRemoved.length}</td>
              <td colSpan={3}>{[...data.a.spofsRemoved, ...data.b.spofsRemoved].map((s) => s.label).filter((v, i, all) => all.indexOf(v) === i).join('、') || '—'}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
