// One lint configuration for every package.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/target/**', 'data/**', 'test-results/**', '.venv/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  { files: ['designer/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // Engine modules talk through each other's services, never each other's Mongoose models
  // (types are fine). The demo seed writes the models it seeds; shared/ is everyone's.
  {
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/demo/**', 'engine/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.model.js', '!../shared/*', '!../auth/user.model.js'],
              allowTypeImports: true,
              message: "Use the other module's service, not its Mongoose model.",
            },
          ],
        },
      ],
    },
  },
  // Only the identity modules (auth, users) share the user model.
  {
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/auth/**', 'engine/src/users/**', 'engine/src/demo/**', 'engine/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*.model.js', '!../shared/*'], allowTypeImports: true, message: "Use the other module's service, not its Mongoose model." }] },
      ],
    },
  },
);
