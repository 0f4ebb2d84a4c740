import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Architecture boundaries, enforced: shared/ is pure, domain folders never see electron, the
// renderer never imports main-process code.
const noElectron = {
  paths: [
    { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
  ],
  patterns: [
    {
      group: ['**/electron/main/**', '**/electron/preload/**'],
      message: 'The Electron shell is not a library.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      // Installers and unpacked apps from npm run dist.
      'dist/**',
      'node_modules/**',
      'bench/out/**',
      'test-results/**',
      'playwright-report/**',
      // Local experiments (git-ignored).
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is imported by every process: no electron.' },
            { name: 'react', message: 'shared/ holds no UI code.' },
            { name: 'better-sqlite3', message: 'shared/ holds no database code.' },
            { name: 'kysely', message: 'shared/ holds no database code.' },
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', 'node:*'],
              message: 'shared/ imports nothing from electron/, renderer/ or Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['migrations/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to the backend only through the API client.',
            },
          ],
          patterns: [
            {
              group: ['**/electron/**', 'better-sqlite3', 'kysely', 'node:*'],
              message: 'The renderer imports no main-process code.',
            },
          ],
        },
      ],
    },
  },
);
