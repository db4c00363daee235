import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Field } from '@/components/Field';
import type { OrganizationKind, RelationshipType, WhatIfChange } from '@/gql/graphql';
import { useCategories } from '@/hooks/useCategories';
import { useFieldErrorTranslator } from '@/hooks/useFieldErrorTranslator';
import { usePlaces } from '@/hooks/usePlaces';
import { ApiError, isApiError } from '@/lib/apiError';
import { applyServerErrors } from '@/lib/applyServerErrors';
import { useSubmission } from '@/lib/useSubmission';
import { sel } from '@/testing/selectors';
import { addOrganization, addService, checkDraft, linkStakeholders } from '../api/designerWrites';
import type { MapGraph } from '../model/buildMapGraph';
import {
  CHANGE_FIELD_ALIASES,
  PLAN_LINK_STATUSES,
  linkWriteProblems,
  serviceWriteProblems,
  draftRecordId,
  draftRecords,
  issuesOfChange,
  linkChange,
  linkInput,
  linkProblems,
  organizationChange,
  organizationInput,
  serviceChange,
  serviceInput,
  serviceProblems,
  type LinkValues,
  type OrganizationValues,
  type ServiceValues,
} from '../model/designerChanges';

const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['NGO', 'SOCIAL_WORK_STATION', 'GOVERNMENT_BUREAU', 'INCUBATED_ENTERPRISE', 'CREDIT_COMPANY', 'CARE_INSTITUTION', 'ENTERPRISE', 'ASSOCIATION', 'OTHER'];
const RELATIONSHIP_TYPES: readonly RelationshipType[] = ['PARTNER', 'WORKS_WITH', 'REFERS_TO', 'SERVES', 'FUNDS', 'INCUBATED_BY', 'SUPERVISES', 'MEMBER_OF', 'KNOWS'];

type FormName = 'organization' | 'service' | 'link';
type Mode = 'draft' | 'write';

export interface DesignerFormsProps {
  graph: MapGraph;
  draftChanges: readonly WhatIfChange[];
  onAddToDraft: (change: WhatIfChange) => void;
}

/**
 * The designer's three forms on the map page (issue 12 item 3): a
 * PROSPECTIVE organisation, a PLANNED service, a BUILDING or PROSPECTIVE
 * link. Each either writes now (the API's designer mutations) or adds the
 * change to the draft plan, checked first by whatIf; the API's field errors
 * land beside their field either way. Enter submits "add to the draft plan".
 */
export function DesignerForms(props: DesignerFormsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<FormName>('organization');
  return (
    <section className="map-designer" aria-labelledby="map-designer-title">
      <h2 id="map-designer-title">{t('networkMap.designer.title')}</h2>
      <p className="map-precision-note">{t('networkMap.designer.intro')}</p>
      <div className="map-tabs" role="tablist">
        {(['organization', 'service', 'link'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={open === name} className={open === name ? 'active' : ''} data-testid={sel.map.designer.tab(name)} onClick={() => setOpen(name)}>
            {t(`networkMap.designer.${name}.title`)}
          </button>
        ))}
      </div>
      {open === 'organization' ? <OrganizationForm {...props} /> : null}
      {open === 'service' ? <ServiceForm {...props} /> : null}
      {open === 'link' ? <LinkForm {...props} /> : null}
    </section>
  );
}

/** The part every form shares: write now or add to the draft, errors beside the fields, a line saying what happened. */
function useDesignerSubmit<V extends FieldValues, R>(
  formName: FormName,
  form: UseFormReturn<V>,
  fields: readonly string[],
  props: DesignerFormsProps,
  build: { write: (v: V) => Promise<R>; change: (v: V) => WhatIfChange; describe: (v: V) => string; writeProblems?: (v: V) => Partial<Record<string, string>> },
) {
  const { t } = useTranslation();
  const translate = useFieldErrorTranslator(`map${formName[0]!.toUpperCase()}${formName.slice(1)}`);
  const mode = useRef<Mode>('draft');
  const [done, setDone] = useState<string | null>(null);
  const write = useSubmission((v: V) => build.write(v), { invalidate: [['network-map'], ['organizations']] });
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  const place = (error: ApiError) => applyServerErrors(error, form.setError, fields, { aliases: CHANGE_FIELD_ALIASES, translate });

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    setCheckError(null);
    if (mode.current === 'write') {
      const problems = Object.entries(build.writeProblems?.(values) ?? {});
      for (const [field, key] of problems) form.setError(field as Path<V>, { type: 'write', message: t(key ?? '') }, { shouldFocus: true });
      if (problems.length > 0) return;
      try {
        await write.submit(values);
        setDone(t('networkMap.designer.written', { name: build.describe(values) }));
      } catch (error) {
        if (isApiError(error)) place(error);
      }
      return;
    }
    const change = build.change(values);
    setChecking(true);
    try {
      const newlyCovered = await checkDraft([...props.draftChanges, change]);
      props.onAddToDraft(change);
      setDone(t('networkMap.designer.drafted', { name: build.describe(values), count: newlyCovered }));
    } catch (error) {
      if (isApiError(error)) {
        const own = issuesOfChange(error.issues, props.draftChanges.length);
        if (own.length > 0) place(new ApiError({ code: error.code, message: error.message, issues: own }));
        else setCheckError(error);
      } else setCheckError(error);
    } finally {
      setChecking(false);
    }
  });

  const shownError = (write.error && (!isApiError(write.error) || write.error.fieldIssues.length === 0) ? write.error : null) ?? checkError;
  const footer = (
    <>
      {form.formState.errors.root?.['serverError']?.message ? (
        <p className="field-error full" role="alert">
          {form.formState.errors.root['serverError'].message}
        </p>
      ) : null}
      {shownError ? (
        <div className="full">
          <ErrorNotice error={shownError} onRetry={() => void write.retry()} />
        </div>
      ) : null}
      {done ? (
        <p className="full notice" role="status" data-testid={sel.map.designer.notice(formName)}>
          {done}
        </p>
      ) : null}
      <div className="form-actions full">
        <button type="submit" className="button button-primary" disabled={checking || write.pending} data-testid={sel.map.designer.draft(formName)} onClick={() => (mode.current = 'draft')}>
          {t('networkMap.designer.addToDraft')}
        </button>
        <button type="submit" className="button" disabled={checking || write.pending} data-testid={sel.map.designer.write(formName)} onClick={() => (mode.current = 'write')}>
          {t('networkMap.designer.writeNow')}
        </button>
      </div>
    </>
  );
  return { onSubmit: (event: FormEvent) => void onSubmit(event), footer };
}

const ORG_FIELDS = ['name', 'organizationKind', 'townshipId', 'villageId'];

function OrganizationForm(props: DesignerFormsProps) {
  const { t } = useTranslation();
  const places = usePlaces();
  const form = useForm<OrganizationValues>({ defaultValues: { name: '', organizationKind: 'NGO', townshipId: '', villageId: '' } });
  const townshipId = form.watch('townshipId');
  const { onSubmit, footer } = useDesignerSubmit('organization', form, ORG_FIELDS, props, {
    write: (v) => addOrganization(organizationInput(v)),
    change: (v) => organizationChange(v, draftRecordId('org')),
    describe: (v) => v.name.trim(),
  });
  const e = form.formState.errors;
  const f = (name: string) => sel.map.designer.field('organization', name);
  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate data-testid={sel.map.designer.form('organization')}>
      <Field label={t('networkMap.designer.organization.name')} error={e.name?.message} errorTestId={sel.map.designer.fieldError('organization', 'name')}>
        {(p) => <input {...p} {...form.register('name', { validate: (v) => v.trim() !== '' || t('networkMap.designer.required') })} data-testid={f('name')} />}
      </Field>
      <Field label={t('networkMap.designer.organization.kind')} error={e.organizationKind?.message} errorTestId={sel.map.designer.fieldError('organization', 'organizationKind')}>
        {(p) => (
          <select {...p} {...form.register('organizationKind')} data-testid={f('organizationKind')}>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`directory.orgKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('networkMap.designer.organization.township')} error={e.townshipId?.message} errorTestId={sel.map.designer.fieldError('organization', 'townshipId')}>
        {(p) => (
          <select {...p} {...form.register('townshipId')} data-testid={f('townshipId')}>
            <option value="">{t('common.choose')}</option>
            {(places.data?.townships ?? []).map((tw) => (
              <option key={tw.id} value={tw.id}>
                {tw.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('networkMap.designer.organization.village')} error={e.villageId?.message} errorTestId={sel.map.designer.fieldError('organization', 'villageId')}>
        {(p) => (
          <select {...p} {...form.register('villageId')} data-testid={f('villageId')}>
            <option value="">{t('common.choose')}</option>
            {(places.data?.villages ?? [])
              .filter((v) => !townshipId || v.townshipId === townshipId)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.displayName}
                </option>
              ))}
          </select>
        )}
      </Field>
      {footer}
    </form>
  );
}

const SERVICE_FIELDS = ['organizationId', 'name', 'categories', 'areaKind', 'areaTownshipIds', 'areaVillageIds', 'capacity', 'assumeActive'];

function ServiceForm(props: DesignerFormsProps) {
  const { t } = useTranslation();
  const places = usePlaces();
  const categories = useCategories();
  const organizations = useMemo(() => {
    const drafted = draftRecords(props.draftChanges).filter((r) => r.kind === 'organization');
    const mapped = props.graph.filterNodes((_id, a) => a.kind === 'organization').map((id) => ({ id, label: props.graph.getNodeAttribute(id, 'label') }));
    return { drafted, mapped };
  }, [props.graph, props.draftChanges]);
  const form = useForm<ServiceValues>({
    defaultValues: { organizationId: organizations.drafted.at(-1)?.id ?? '', name: '', categories: [], areaKind: 'TOWNSHIPS', areaTownshipIds: [], areaVillageIds: [], capacity: '', assumeActive: false },
  });
  const areaKind = form.watch('areaKind');
  const { onSubmit, footer } = useDesignerSubmit('service', form, SERVICE_FIELDS, props, {
    write: (v) => addService(serviceInput(v)),
    change: (v) => serviceChange(v, draftRecordId('svc')),
    describe: (v) => v.name.trim(),
    writeProblems: serviceWriteProblems,
  });
  const check = (name: keyof ServiceValues) => () => {
    const key = serviceProblems(form.getValues())[name];
    return key ? t(key) : true;
  };
  const e = form.formState.errors;
  const f = (name: string) => sel.map.designer.field('service', name);
  const fe = (name: string) => sel.map.designer.fieldError('service', name);
  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate data-testid={sel.map.designer.form('service')}>
      <Field label={t('networkMap.designer.service.organization')} error={e.organizationId?.message} errorTestId={fe('organizationId')}>
        {(p) => (
          <select {...p} {...form.register('organizationId', { validate: check('organizationId') })} data-testid={f('organizationId')}>
            <option value="">{t('common.choose')}</option>
            {organizations.drafted.length > 0 ? (
              <optgroup label={t('networkMap.designer.inDraft')}>
                {organizations.drafted.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t('networkMap.designer.onMap')}>
              {organizations.mapped.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <Field label={t('networkMap.designer.service.name')} error={e.name?.message} errorTestId={fe('name')}>
        {(p) => <input {...p} {...form.register('name', { validate: check('name') })} data-testid={f('name')} />}
      </Field>
      <Field label={t('networkMap.designer.service.categories')} error={e.categories?.message} errorTestId={fe('categories')}>
        {(p) => (
          <select {...p} multiple size={4} {...form.register('categories', { validate: check('categories') })} data-testid={f('categories')}>
            {(categories.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {categories.label(c.code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('networkMap.designer.service.areaKind')} error={e.areaKind?.message} errorTestId={fe('areaKind')}>
        {(p) => (
          <select {...p} {...form.register('areaKind')} data-testid={f('areaKind')}>
            {(['COUNTY', 'TOWNSHIPS', 'VILLAGES'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`directory.areaKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {areaKind === 'TOWNSHIPS' ? (
        <Field label={t('networkMap.designer.service.townships')} error={e.areaTownshipIds?.message} errorTestId={fe('areaTownshipIds')}>
          {(p) => (
            <select {...p} multiple size={4} {...form.register('areaTownshipIds', { validate: check('areaTownshipIds') })} data-testid={f('areaTownshipIds')}>
              {(places.data?.townships ?? []).map((tw) => (
                <option key={tw.id} value={tw.id}>
                  {tw.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {areaKind === 'VILLAGES' ? (
        <Field label={t('networkMap.designer.service.villages')} error={e.areaVillageIds?.message} errorTestId={fe('areaVillageIds')}>
          {(p) => (
            <select {...p} multiple size={6} {...form.register('areaVillageIds', { validate: check('areaVillageIds') })} data-testid={f('areaVillageIds')}>
              {(places.data?.villages ?? []).map((v) => (
                <option key={v.id} value={v.id}>
                  {v.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('networkMap.designer.service.capacity')} hint={t('networkMap.designer.service.capacityHint')} error={e.capacity?.message} errorTestId={fe('capacity')}>
        {(p) => <input {...p} inputMode="numeric" {...form.register('capacity', { validate: check('capacity') })} data-testid={f('capacity')} />}
      </Field>
      <div className={e.assumeActive ? 'field field-invalid full' : 'field full'}>
        <label>
          <input type="checkbox" {...form.register('assumeActive')} aria-invalid={Boolean(e.assumeActive)} data-testid={f('assumeActive')} /> {t('networkMap.designer.service.assumeActive')}
        </label>
        {e.assumeActive?.message ? (
          <small className="field-error" role="alert" data-testid={fe('assumeActive')}>
            {e.assumeActive.message}
          </small>
        ) : null}
      </div>
      <p className="map-precision-note full">{t('networkMap.designer.service.plannedNote')}</p>
      {footer}
    </form>
  );
}

const LINK_FIELDS = ['fromId', 'toId', 'type', 'status', 'since', 'until'];

function LinkForm(props: DesignerFormsProps) {
  const { t } = useTranslation();
  const groups = useMemo(() => {
    const drafted = draftRecords(props.draftChanges);
    const byKind = (kind: string) =>
      props.graph
        .filterNodes((_id, a) => a.kind === kind)
        .map((id) => ({ id, label: props.graph.getNodeAttribute(id, 'label') }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
    return [
      { name: 'inDraft', items: drafted.map((d) => ({ id: d.id, label: d.label })) },
      { name: 'organization', items: byKind('organization') },
      { name: 'person', items: byKind('person') },
      { name: 'township', items: byKind('township') },
      { name: 'village', items: byKind('village') },
    ].filter((g) => g.items.length > 0);
  }, [props.graph, props.draftChanges]);
  const lastDrafted = draftRecords(props.draftChanges).filter((r) => r.kind === 'organization').at(-1)?.id ?? '';
  const form = useForm<LinkValues>({ defaultValues: { fromId: lastDrafted, toId: '', type: 'PARTNER', status: 'BUILDING', since: '', until: '' } });
  const { onSubmit, footer } = useDesignerSubmit('link', form, LINK_FIELDS, props, {
    write: (v) => linkStakeholders(linkInput(v)),
    change: (v) => linkChange(v, draftRecordId('rel')),
    writeProblems: linkWriteProblems,
    describe: (v) => `${labelOf(groups, v.fromId)} → ${labelOf(groups, v.toId)}`,
  });
  const check = (name: keyof LinkValues) => () => {
    const key = linkProblems(form.getValues())[name];
    return key ? t(key) : true;
  };
  const e = form.formState.errors;
  const f = (name: string) => sel.map.designer.field('link', name);
  const fe = (name: string) => sel.map.designer.fieldError('link', name);
  const picker = (name: 'fromId' | 'toId') => (p: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => (
    <select {...p} {...form.register(name, { validate: check(name) })} data-testid={f(name)}>
      <option value="">{t('common.choose')}</option>
      {groups.map((g) => (
        <optgroup key={g.name} label={g.name === 'inDraft' ? t('networkMap.designer.inDraft') : t(`networkMap.kind.${g.name}`)}>
          {g.items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate data-testid={sel.map.designer.form('link')}>
      <Field label={t('networkMap.designer.link.from')} error={e.fromId?.message} errorTestId={fe('fromId')}>
        {picker('fromId')}
      </Field>
      <Field label={t('networkMap.designer.link.to')} error={e.toId?.message} errorTestId={fe('toId')}>
        {picker('toId')}
      </Field>
      <Field label={t('networkMap.designer.link.type')} error={e.type?.message} errorTestId={fe('type')}>
        {(p) => (
          <select {...p} {...form.register('type')} data-testid={f('type')}>
            {RELATIONSHIP_TYPES.map((r) => (
              <option key={r} value={r}>
                {t(`networkMap.relType.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('networkMap.designer.link.status')} error={e.status?.message} errorTestId={fe('status')}>
        {(p) => (
          <select {...p} {...form.register('status')} data-testid={f('status')}>
            {PLAN_LINK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'ESTABLISHED' ? t('networkMap.designer.link.establishedInPlan') : t(`enums.RelationshipStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('networkMap.designer.link.since')} error={e.since?.message} errorTestId={fe('since')}>
        {(p) => <input {...p} type="date" {...form.register('since')} data-testid={f('since')} />}
      </Field>
      <Field label={t('networkMap.designer.link.until')} error={e.until?.message} errorTestId={fe('until')}>
        {(p) => <input {...p} type="date" {...form.register('until', { validate: check('until') })} data-testid={f('until')} />}
      </Field>
      {footer}
    </form>
  );
}

function labelOf(groups: readonly { items: readonly { id: string; label: string }[] }[], id: string): string {
  for (const g of groups) for (const item of g.items) if (item.id === id) return item.label;
  return id;
}
