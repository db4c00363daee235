// @ts-check
const tseslint = require('typescript-eslint');
const js = require('@eslint/js');

/**
 * Layers (ARCHITECTURE.md; each src/ folder's README states what it may import — these rules enforce it):
 * domain and graph are pure; services reach the store through its port only; the store never reaches up;
 * the API never reaches an adapter or a driver; config and errors stand alone.
 */
const DRIVERS = ['neo4j-driver', '@apollo/*', 'pino'];
const ADAPTERS = ['**/store/memory/**', '**/store/neo4j/**', '**/store/createStore', 'neo4j-driver'];
const layer = (message, group) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });
const LAYER_RULES = [
  {
    files: ['src/domain/**/*.ts'],
    rules: layer('src/domain imports only zod, pinyin-pro, Node built-ins and other domain files (src/domain/README.md).', [
      '**/store/**', '**/store', '**/api/**', '**/services/**', '**/graph/**', '**/graph', '**/seed/**', '**/cli/**', '**/config/**', '**/hsds/**', '**/importing/**', 'graphology*', ...DRIVERS,
    ]),
  },
  {
    files: ['src/graph/**/*.ts'],
    rules: layer('src/graph may import src/domain and graphology only (src/graph/README.md).', [
      '**/store/**', '**/store', '**/api/**', '**/services/**', '**/seed/**', '**/cli/**', '**/config/**', '**/hsds/**', '**/importing/**', ...DRIVERS,
    ]),
  },
  {
    files: ['src/services/**/*.ts'],
    rules: layer('src/services may import domain, graph, the store port and errors; never the API, an adapter or a driver (src/services/README.md).', [
      '**/api/**', '**/api', '**/cli/**', ...ADAPTERS, '@apollo/*',
    ]),
  },
  {
    files: ['src/store/**/*.ts'],
    rules: layer('src/store may import domain, errors, config and drivers; never services, the API or graph (src/store/README.md).', [
      '**/services/**', '**/services', '**/api/**', '**/api', '**/graph/**', '**/graph', '**/cli/**', '**/hsds/**', '**/importing/**', '@apollo/*',
    ]),
  },
  {
    files: ['src/api/**/*.ts'],
    rules: layer('src/api may import services, domain, store types, errors and config; never an adapter or a driver (src/api/README.md).', [
      '**/store/memory/**', '**/store/neo4j/**', 'neo4j-driver', '**/cli/**',
    ]),
  },
  {
    files: ['src/config/**/*.ts', 'src/errors/**/*.ts'],
    rules: layer('src/config and src/errors import only zod (their READMEs).', [
      '**/store/**', '**/api/**', '**/services/**', '**/graph/**', '**/domain/**', '**/seed/**', '**/cli/**', ...DRIVERS,
    ]),
  },
  {
    files: ['src/importing/**/*.ts'],
    rules: layer('src/importing may import domain, errors and seed/parseCsv only: no store, clock or I/O (src/importing/README.md).', [
      '**/store/**', '**/store', '**/api/**', '**/services/**', '**/graph/**', '**/cli/**', '**/config/**', '**/hsds/**', '**/seed/*', '!**/seed/parseCsv', ...DRIVERS,
    ]),
  },
  {
    files: ['src/seed/**/*.ts'],
    rules: layer('src/seed may import domain and the store port only; never an adapter, the API or a driver (src/seed/README.md).', [
      '**/api/**', '**/services/**', '**/cli/**', ...ADAPTERS, '@apollo/*',
    ]),
  },
];

const reactHooks = require('eslint-plugin-react-hooks');
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

/**
 * The console (web/): imports flow one way, shared (components, hooks, lib, testing) → features → app,
 * and features never import each other (bulletproof-react); screens combining features live in app/.
 */
const webFeaturesDir = path.join(__dirname, 'web/src/features');
const webFeatures = existsSync(webFeaturesDir) ? readdirSync(webFeaturesDir) : [];
const webShared = {
  patterns: [{ group: ['@/features/*', '@/app/*', '**/features/**', '**/app/**'], message: 'web/: shared code (components, hooks, lib, testing) may not import features or app (imports flow shared → features → app).' }],
};
const webFeature = (name) => ({
  patterns: [
    { group: ['@/features/*', `!@/features/${name}`, '@/app/*'], message: `web/: the ${name} feature may not import another feature or app/: compose features in web/src/app (bulletproof-react).` },
    { group: ['../../*', '../../../*'], message: 'web/: reach shared code with @/… and stay inside the feature with ./ or ../' },
  ],
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tools/**', '.data/**', '*.js', '*.mjs', 'web/dist/**', 'web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...LAYER_RULES,
  {
    // The product code is held to the unsafe-any rules (CONVENTIONS.md); tests, bench and the console's
    // generated client keep them off, since they poke at raw JSON answers on purpose.
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx', 'web/**/*.mts'],
    languageOptions: { parserOptions: { projectService: false, project: ['web/tsconfig.json', 'web/tsconfig.node.json'], tsconfigRootDir: __dirname } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['web/src/components/**', 'web/src/hooks/**', 'web/src/lib/**', 'web/src/testing/**'], rules: { 'no-restricted-imports': ['error', webShared] } },
  ...webFeatures.map((name) => ({ files: [`web/src/features/${name}/**`], rules: { 'no-restricted-imports': ['error', webFeature(name)] } })),
);
