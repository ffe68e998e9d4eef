import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import papershelf from './tests/lint/layers.js';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
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
    files: ['tests/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
