import tseslint from 'typescript-eslint'

// Module boundary rules (docs/architecture.md): the platform never imports modules, and a module
// reaches another module only through that module's index.ts.
export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'test-output/**', '**/*.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**', '../../modules/*'], message: 'platform/ must not import modules/' }] }],
    },
  },
  {
    files: ['src/modules/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+',
              message: 'Import another module only through its index.ts (../other/index.js)',
            },
          ],
        },
      ],
    },
  },
)
