import en from '../../../web/src/locales/en.json';
import zhCN from '../../../web/src/locales/zh-CN.json';

/**
 * The console's own message catalogues, so assertions on words follow the
 * catalogue instead of copying it: `message('zh-CN', 'enums.ReferralStatus.RESOLVED')`.
 * Interpolation ({{x}}) is left in place; use it for plain messages.
 */
const catalogues = { 'zh-CN': zhCN, en } as const;

export function message(language: keyof typeof catalogues, key: string): string {
  let node: unknown = catalogues[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`message catalogue ${language} has no message ${key}`);
  return node;
}
