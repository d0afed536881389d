import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Each folder under src/features is one page's feature; none may import another. */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'postcss.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    // One HttpClient per app: the factories close over it, and it is no part of what a query asks for.
    rules: { '@tanstack/query/exhaustive-deps': ['error', { allowlist: { types: ['HttpClient'] } }] },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // The layers of src/ (docs/architecture.md): paths.ts, then config, api and ui, then auth,
    // then each feature on its own, then app. An import against that order fails the lint.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src', from: './emulator', message: 'src/ must not import the emulator; talk to it over HTTP.' },
            { target: './src/paths.ts', from: './src', except: ['./paths.ts'], message: 'paths.ts is the bottom layer: it imports nothing of ours.' },
            { target: './src/config', from: ['./src/api', './src/journal', './src/ui', './src/auth', './src/features', './src/app'], message: 'config/ sits below api, ui, auth, features and app.' },
            { target: './src/journal', from: ['./src/config', './src/api', './src/jobs', './src/ui', './src/auth', './src/features', './src/app'], message: 'journal/ (browser storage) imports nothing of ours but paths.' },
            { target: './src/api', from: ['./src/journal', './src/jobs', './src/ui', './src/auth', './src/features', './src/app'], message: 'api/ sits below jobs, ui, auth, features and app.' },
            { target: './src/jobs', from: ['./src/config', './src/journal', './src/ui', './src/auth', './src/features', './src/app'], message: 'jobs/ (long work, no React pages) uses api/ only; pages come to it.' },
            { target: './src/ui', from: ['./src/journal', './src/jobs', './src/auth', './src/features', './src/app'], message: 'ui/ sits below auth, features and app.' },
            { target: './src/auth', from: ['./src/features', './src/app'], message: 'auth/ sits below the features and app.' },
            { target: './src/boot', from: ['./src/journal', './src/jobs'], message: 'boot/ runs before the bundle has arrived: no React, no pages, no storage layers.' },
            { target: './src/boot', from: './src/app', message: 'boot/ runs before the bundle has arrived: no React, no pages, no storage layers.' },
            // The first look draws a page's heading with the page's own classes, and words it as the page does.
            {
              target: './src/boot',
              from: './src/ui',
              except: ['./pageLook.ts', './formatRelative.ts', './headingClasses.ts'],
              message: 'boot/ runs before the bundle has arrived: of ui/, only the plain modules a first look needs.',
            },
            {
              target: './src/boot',
              from: './src/api',
              except: ['./requests.ts', './earlyReads.ts', './models.ts', './clock.ts'],
              message: "boot/ runs before the bundle has arrived: of api/, only the plain requests, models and clock.",
            },
            { target: './src/boot', from: './src/auth', except: ['./session.ts', './oauthResponse.ts'], message: 'boot/ runs before the bundle has arrived: of auth/, only the session store and the OAuth response check.' },
            {
              target: './src/boot',
              from: './src/features',
              except: ['./token/look.ts', './users/look.ts', './idle-timeout/look.ts', './users/userId.ts'],
              message: "boot/ runs before the bundle has arrived: of the pages, only their look functions and the user-id check.",
            },
            {
              target: ['./src/api', './src/auth', './src/config', './src/features', './src/journal', './src/jobs', './src/ui', './src/paths.ts'],
              from: './src/boot',
              message: 'Only main.tsx (and app/) take what boot/ started.',
            },
            ...FEATURES.map((feature) => ({
              target: `./src/features/${feature}`,
              from: ['./src/features', './src/app'],
              except: [`./${feature}`],
              message: 'A feature never imports another feature or app/: move what they share down into api/ or ui/.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**'], message: 'The emulator follows the Genesys contract, not the app.' }] }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
