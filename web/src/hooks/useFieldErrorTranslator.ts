import { useTranslation } from 'react-i18next';
import { serverFieldTranslator } from '@/lib/fieldErrorMessage';

/**
 * applyServerErrors' `translate` for one form: each API field issue as a
 * sentence from `fieldErrors.<form>.<field>.<reason>` (or the general one
 * for the reason) in the user's language, never the server's English.
 */
export function useFieldErrorTranslator(form: string) {
  const { t, i18n } = useTranslation();
  return serverFieldTranslator({ t: (key, options) => t(key, options ?? {}), exists: (key) => i18n.exists(key) }, form);
}
