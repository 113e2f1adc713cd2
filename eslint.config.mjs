// ESLint flat config. `npm run lint` must pass (CI runs it). Formatting is Prettier's job (`npm run format`), so no
// stylistic rules here.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * A plugin's public surface is its entry point, `plugins/<name>/index.ts`: the app, the tests outside a plugin's
 * own unit tests and the other plugins import from there only, so a plugin's internals can move without breaking
 * anyone. (Payload's generated admin import map loads admin components by path: it is generated, not linted.)
 */
const pluginInternals = {
  regex: String.raw`(^|/)(plugins/)?(house-style|editorial-workflow|distribution)/src(/|$)`,
  message: 'Import a plugin through its entry point (plugins/<name>/index.ts): export what you need from there.',
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'dist/',
      'data/',
      'tests/artifacts/',
      'migrations/',
      // Vendored schemas and corpora: not our code.
      'tests/fixtures/',
      'src/app/(payload)/admin/importMap.js',
      'src/payload-types.ts',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-imports': ['error', { patterns: [pluginInternals] }],
      // Chinese copy quoted in comments and strings uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true, skipRegExps: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // A plugin's own unit tests exercise its internals directly.
    files: ['tests/unit/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read untyped JSON answers (REST, GraphQL, webhook bodies) and poke at them.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
