import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Another module's repository: only its own module imports it ('./x.repository.ts'). */
const ownRepository = {
  // Up and out of the module into another one's repository, or into modules/ from elsewhere.
  regex: '^(\\.\\./|.*/modules/).*\\.repository\\.ts$',
  message: "Another module's repository: use its service or its *.hooks.ts.",
};

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Control characters are exactly what our input checks look for.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The web takes only the types of the API's zod schemas, so zod never reaches the browser.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'zod stays on the server: use the types of src/shared/api/*.schemas.ts.' }],
          patterns: [
            { group: ['**/shared/api/*'], allowTypeImports: true, message: 'Only `import type` from shared/api: its schemas would bring zod into the bundle.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // User text reaches a page only as text: HTML is built by the server's sanitizer
      // (markdown.ts) and handed to React in one place (PostBody.tsx, which says why).
      'no-restricted-syntax': [
        'error',
        { selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]', message: 'No innerHTML: render text, or go through the sanitizer.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML outside PostBody.tsx.' },
      ],
    },
  },
  {
    // Time is injected (platform/clock.ts): the server reads it from deps.clock, so tests set it.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/**/*.test-support.ts', 'src/server/platform/clock.ts', 'src/server/demo/**', 'src/server/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]', message: 'No innerHTML: render text, or go through the sanitizer.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from deps.clock (platform/clock.ts), not new Date().' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time from deps.clock (platform/clock.ts), not Date.now().',
        },
      ],
    },
  },
  // Layering (import cycles are checked by scripts/check-imports.ts, run by `npm run lint`).
  // Flat config keeps the last matching setting of a rule, so each block repeats the rule
  // that a repository is its own module's (from inside the module it is './x.repository.ts').
  { files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [ownRepository] }] } },
  {
    files: ['src/server/platform/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [ownRepository, { group: ['**/modules/**'], message: 'The platform never imports modules/: take what it needs as an option.' }] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [ownRepository, { group: ['**/server/**', '**/web/**'], message: 'src/shared is used by the server and the web and imports neither.' }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [ownRepository, { group: ['**/server/**'], message: 'The web reaches the server through the API; shared code lives in src/shared.' }] },
      ],
    },
  },
  // One exception to the platform rule: the typed message catalogue composes each module's
  // sentences (data-only *.messages.ts files that import nothing), so translate() knows every key.
  {
    files: ['src/server/platform/i18n/messages.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [ownRepository, { regex: '/modules/(?!\\w[\\w-]*/[\\w-]+\\.messages\\.ts$)', message: "Only modules' *.messages.ts files." }] },
      ],
    },
  },
  // Test worlds are set up straight in the tables (as Immich's medium factories do): the
  // shared test support and the app-level matrix may use any module's repository.
  { files: ['tests/support/**/*.ts', 'src/server/*.int.test.ts'], rules: { 'no-restricted-imports': 'off' } },
);
