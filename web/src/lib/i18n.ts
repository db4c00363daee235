import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

/**
 * Message catalogues, imported statically (bundled: works offline). zh-CN
 * first; English on request. The chosen language is a preference, not user
 * data: it stays in localStorage across sign-out.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'huzhu:lang';
/** The browser suite listens for this on the console (test/browser/support/PageGuard.ts). */
export const MISSING_KEY_MARKER = 'i18n: missing message key';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // preference only
  }
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function initI18n(): typeof i18n {
  const lng = storedLanguage();
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    // A key missing from a catalogue is reported (the browser suite fails on this marker) instead of passing silently.
    saveMissing: true,
    missingKeyHandler: (languages, namespace, key) => console.error(`${MISSING_KEY_MARKER}: ${[...languages].join(',')} ${namespace}:${key}`),
  });
  document.documentElement.lang = lng;
  return i18n;
}
