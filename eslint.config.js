import tseslint from 'typescript-eslint'

// Code style and hygiene. Module boundaries are checked by dependency-cruiser on resolved
// paths (.dependency-cruiser.cjs, run by `npm test`), which also sees dynamic imports.
export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'test-output/**', '**/*.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Permissions are declared by declaration merging: `interface PermissionNames extends PermissionsOf<…> {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      'no-console': 'off',
    },
  }
)
