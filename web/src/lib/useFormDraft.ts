import { useCallback, useEffect, useMemo } from 'react';
import { useLocation } from 'react-router';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { clearDraft, draftKey, loadDraft, saveDraft } from './drafts';
import { useAccount } from './session';

/**
 * Keeps a form's typed values in sessionStorage under the current route, for
 * this account only, so an expired session does not lose them: restored on
 * mount, saved on every change, removed by the returned `clear()` after a
 * successful submit (and all drafts on sign-out).
 */
export function useFormDraft<T extends FieldValues>(form: UseFormReturn<T>, formName: string): { clear: () => void } {
  const location = useLocation();
  const account = useAccount();
  const key = useMemo(() => draftKey(location.pathname, formName), [location.pathname, formName]);

  useEffect(() => {
    const draft = loadDraft<T>(key, account.id);
    if (draft) form.reset({ ...form.getValues(), ...draft }, { keepDefaultValues: true });
    const subscription = form.watch((values) => saveDraft(key, account.id, values));
    return () => subscription.unsubscribe();
    // The form object is stable for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, account.id]);

  const clear = useCallback(() => clearDraft(key), [key]);
  return { clear };
}
