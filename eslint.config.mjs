// `npm run lint`: typescript-eslint's type-aware recommended rules on the TypeScript sources and
// tests. The plain JS of media/webview is type-checked by media/webview/tsconfig.json instead.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'bench/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'test/golden/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // tsc reports unused locals and parameters (noUnusedLocals/noUnusedParameters): one check, not two.
      '@typescript-eslint/no-unused-vars': 'off',
      // An async function without await still returns a promise and rejects instead of throwing,
      // which callers rely on; removing `async` to satisfy the rule would change that.
      '@typescript-eslint/require-await': 'off',
      // Template literals call toString(); the values we print (errors, URIs, unknown catch values)
      // have a useful one, and no-base-to-string catches the "[object Object]" case.
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Matching control characters is the point of the sanitisers of hostile input.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read parsed JSON and YAML output (CLI reports, SARIF, snapshots) loosely on purpose:
    // typing every parsed document would add casts, not checks.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
);
