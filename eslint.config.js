// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports point one way: runtime ← connectors ← generator ← cli (sandbox and testing sit beside). */
const layers = {
  'src/runtime/**': [
    '**/connectors/**',
    '**/generator/**',
    '**/cli/**',
    '**/sandbox/**',
    '**/testing/**',
  ],
  'src/connectors/**': ['**/generator/**', '**/cli/**', '**/testing/**'],
  'src/sandbox/**': ['**/connectors/**', '**/generator/**', '**/cli/**', '**/testing/**'],
  'src/testing/**': ['**/generator/**', '**/cli/**'],
  'src/generator/**': ['**/cli/**'],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'generated-samples/**',
      'templates/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        AbortSignal: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  ...Object.entries(layers).map(([files, forbidden]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: forbidden,
              message: 'Imports point one way: runtime ← connectors ← generator ← cli.',
            },
          ],
        },
      ],
    },
  })),
);
