import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkI18n } from '../../scripts/checkI18n';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import { KNOWN_CODES } from './apiError';

describe('message catalogues', () => {
  it('have every key the console uses, in both languages, and no unused key', () => {
    const report = checkI18n(path.resolve(__dirname, '..'), { 'zh-CN': zhCN, en });
    expect(report.missing).toEqual([]);
    expect(report.unused).toEqual([]);
    expect(report.onlyIn).toEqual([]);
  });

  it('have a sentence for every error code the console can meet (reached at run time through errors.${code})', () => {
    for (const catalogue of [zhCN, en] as { errors: Record<string, string> }[]) {
      for (const code of KNOWN_CODES) expect(typeof catalogue.errors[code]).toBe('string');
    }
  });
});

describe('the key checker itself', () => {
  function project(source: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'i18n-check-'));
    writeFileSync(path.join(dir, 'screen.tsx'), source);
    return dir;
  }

  it('reports a missing key, an unused key and a key in one language only', () => {
    const dir = project("export const A = () => t('a.used') + t('a.missing') + msg('a.marked');");
    const report = checkI18n(dir, { 'zh-CN': { a: { used: '用', marked: '标', unused: '未' } }, en: { a: { used: 'u', marked: 'm' } } });
    expect(report.missing).toEqual([
      { language: 'zh-CN', key: 'a.missing', file: 'screen.tsx' },
      { language: 'en', key: 'a.missing', file: 'screen.tsx' },
    ]);
    expect(report.unused).toEqual([{ language: 'zh-CN', key: 'a.unused' }]);
    expect(report.onlyIn).toEqual([{ language: 'zh-CN', key: 'a.unused' }]);
  });

  it('counts template keys as uses of their prefix, and plural forms as their base key', () => {
    const dir = project('export const B = (m: string) => t(`enums.Marker.${m}`) + t("n.count", { count: 2 });');
    const report = checkI18n(dir, { 'zh-CN': { enums: { Marker: { DIBAO: '低保' } }, n: { count_other: '{{count}}' } }, en: { enums: { Marker: { DIBAO: 'Dibao' } }, n: { count_one: 'one', count_other: 'many' } } });
    expect(report).toMatchObject({ missing: [], unused: [], onlyIn: [], dynamicPrefixes: ['enums.Marker.'] });
  });

  it('reports a template prefix with no key under it', () => {
    const dir = project('export const C = (m: string) => t(`enums.Nothing.${m}`);');
    expect(checkI18n(dir, { en: {} }).missing).toEqual([{ language: 'en', key: 'enums.Nothing.*', file: 'screen.tsx' }]);
  });
});
