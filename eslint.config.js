// One lint configuration for every package.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const featuresDir = fileURLToPath(new URL('./designer/src/features', import.meta.url));

/**
 * Designer features never import each other: what two features share lives in designer/src/shared.
 * One block per folder of designer/src/features (nested ones too, read from disk), so `../x` means
 * the right thing at each depth: a file may not reach a sibling feature (`../<other>/…` from a
 * feature's root, `../../<other>/…` one folder down) nor climb back in through `features/`.
 * Static imports, re-exports and dynamic import() alike.
 */
function designerFeatureBoundaries() {
  const features = fs.readdirSync(featuresDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return features.flatMap((feature) => {
    const root = path.join(featuresDir, feature);
    const nested = fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep));
    const others = features.filter((name) => name !== feature).map((name) => name.replaceAll('.', '\\.'));
    return [[], ...nested].map((folder) => {
      const up = '\\.\\./'.repeat(folder.length + 1);
      const sibling = `^${up}(${others.join('|')})(/|$)`;
      const reentry = '^(\\.\\./)+features(/|$)';
      const message = `Designer features don't import each other (${feature} is one): move what they share to designer/src/shared.`;
      return {
        files: [['designer/src/features', feature, ...folder, '*.{ts,tsx}'].join('/')],
        rules: {
          'no-restricted-imports': ['error', { patterns: [{ regex: sibling, message }, { regex: reentry, message }] }],
          'no-restricted-syntax': [
            'error',
            ...[sibling, reentry].map((regex) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`, message })),
          ],
        },
      };
    });
  });
}

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
  ...designerFeatureBoundaries(),
);
