import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The message-catalogue check (after Gephi Lite's scripts/i18n-checker.ts):
 * walks web/src for t('key') calls (and `i18nKey`), and reports keys used
 * but missing from a catalogue, keys in a catalogue but never used, and keys
 * present in one language only. A template key `enums.Marker.${m}` counts
 * every key under `enums.Marker.` as used, and needs at least one there.
 * Run by the web jest project (web/src/lib/checkI18n.test.ts) and by
 * `npm run i18n:check`.
 */
export interface I18nReport {
  missing: { language: string; key: string; file: string }[];
  unused: { language: string; key: string }[];
  onlyIn: { language: string; key: string }[];
  dynamicPrefixes: string[];
}

type Catalogue = Record<string, unknown>;

export function flatten(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? flatten(v as Catalogue, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** i18next plural forms: count-suffixed keys answer for their base key. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

export function collectKeys(files: readonly string[]): { keys: Map<string, string>; prefixes: Map<string, string> } {
  const keys = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        const first = node.arguments[0];
        if ((name === 't' || name === 'msg') && first) record(first, file);
      }
      if (ts.isJsxAttribute(node) && node.name.getText() === 'i18nKey' && node.initializer && ts.isStringLiteral(node.initializer)) keys.set(node.initializer.text, file);
      ts.forEachChild(node, visit);
    };
    const record = (arg: ts.Expression, where: string) => {
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) keys.set(arg.text, where);
      else if (ts.isTemplateExpression(arg)) prefixes.set(arg.head.text, where);
      else if (ts.isConditionalExpression(arg)) {
        record(arg.whenTrue, where);
        record(arg.whenFalse, where);
      }
    };
    visit(source);
  }
  return { keys, prefixes };
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'gql' || name === 'locales' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

export function checkI18n(srcDir: string, catalogues: Readonly<Record<string, Catalogue>>, extraUsedKeys: readonly string[] = []): I18nReport {
  const { keys, prefixes } = collectKeys(sourceFiles(srcDir));
  for (const k of extraUsedKeys) keys.set(k, '(runtime)');
  const report: I18nReport = { missing: [], unused: [], onlyIn: [], dynamicPrefixes: [...prefixes.keys()].sort() };
  const flat = Object.fromEntries(Object.entries(catalogues).map(([lang, c]) => [lang, new Set(flatten(c))]));
  const base = (key: string) => key.replace(PLURAL, '');
  for (const [language, present] of Object.entries(flat)) {
    const bases = new Set([...present].map(base));
    for (const [key, file] of keys) if (!present.has(key) && !bases.has(key)) report.missing.push({ language, key, file: path.relative(srcDir, file) });
    for (const [prefix, file] of prefixes) if (![...present].some((k) => k.startsWith(prefix))) report.missing.push({ language, key: `${prefix}*`, file: path.relative(srcDir, file) });
    for (const key of present) {
      const used = keys.has(key) || keys.has(base(key)) || [...prefixes.keys()].some((p) => key.startsWith(p));
      if (!used) report.unused.push({ language, key });
    }
    // Plural forms differ by language (zh: _other only; en: _one and _other): compare base keys.
    for (const [other, otherKeys] of Object.entries(flat)) {
      if (other === language) continue;
      const otherBases = new Set([...otherKeys].map(base));
      for (const key of present) if (!otherBases.has(base(key))) report.onlyIn.push({ language, key });
    }
  }
  return report;
}

/** Keys reached only at run time from data (the error codes of lib/apiError.ts, through `errors.${code}`) are covered by prefixes. */
function main(): void {
  const web = path.resolve(__dirname, '..');
  const read = (lang: string) => JSON.parse(readFileSync(path.join(web, 'src/locales', `${lang}.json`), 'utf8')) as Catalogue;
  const report = checkI18n(path.join(web, 'src'), { 'zh-CN': read('zh-CN'), en: read('en') });
  for (const m of report.missing) console.log(`missing  ${m.language}  ${m.key}  (${m.file})`);
  for (const u of report.unused) console.log(`unused   ${u.language}  ${u.key}`);
  for (const o of report.onlyIn) console.log(`only-in  ${o.language}  ${o.key}`);
  const problems = report.missing.length + report.unused.length + report.onlyIn.length;
  console.log(problems === 0 ? 'i18n: every key used is in both catalogues, and every key in them is used' : `i18n: ${problems} problem(s)`);
  process.exitCode = problems === 0 ? 0 : 1;
}

if (require.main === module) main();
