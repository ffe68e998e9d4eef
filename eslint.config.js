import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import papershelf from './tests/lint/layers.js';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/bench/out/'] },
  js.configs.recommended,
  // Type-aware: a promise nobody awaits (a lost write, an unhandled rejection) fails the lint.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Props and env objects declare callbacks in method syntax and are destructured; no code relies on `this`.
      '@typescript-eslint/unbound-method': 'off',
      // An async function without await implements a Promise-returning interface (exporters, fakes).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Imports run downward only; lib/db is internal to lib/library (tests/lint/layers.js).
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { papershelf },
    rules: { 'papershelf/layers': 'error' },
  },
  {
    // Adapters and formats are pure: they get `doc`/`url`/records as parameters.
    files: ['lib/detect/**/*.ts', 'lib/formats/**/*.ts', 'lib/paper/**/*.ts', 'lib/search/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'Use the doc parameter instead.' },
        { name: 'window', message: 'Adapters are pure: take what you need as a parameter.' },
        { name: 'location', message: 'Use the url parameter instead.' },
        { name: 'chrome', message: 'No browser APIs in pure modules.' },
        { name: 'browser', message: 'No browser APIs in pure modules.' },
      ],
    },
  },
  {
    // Tests reject with what IndexedDB and AbortSignal give (request.error, signal.reason), as production sees it.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/prefer-promise-reject-errors': 'off' },
  },
  // Plain JavaScript (scripts, this file) is outside the TypeScript project.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['tests/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
