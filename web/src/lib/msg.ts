/**
 * Marks a message key that is stored now and translated later (a zod
 * message, a nav label): the i18n checker (web/scripts/checkI18n.ts) counts
 * msg('key') as a use, exactly like t('key').
 */
export const msg = <K extends string>(key: K): K => key;
