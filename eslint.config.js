// Lint: typescript-eslint plus the layering of DESIGN.md as errors. The folder decides what a file
// may import: shared/ nothing of the others and no Node or Electron; renderer/ only shared/ and no
// Node; electron/ and server/ shared/ but never each other; 'electron' only in the shell.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnlyPackages = [
  'better-sqlite3-multiple-ciphers', 'pg', '@electric-sql/pglite', 'fastify', 'pino', 'ws', 'exceljs', 'docx',
  'electron-updater', 'drizzle-kit',
];
const notIn = (packages) => packages.map((source) => ({ module: { origin: 'external', source } }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '**/dist/**', 'e2e/output/**', 'bench/results/**', '.cache/**', '**/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true, project: './tsconfig.json' } },
      // Build configuration runs in Node, whatever folder it sits in.
      'boundaries/ignore': ['renderer/vite.config.ts'],
      'boundaries/include': ['shared/**', 'electron/**', 'renderer/**', 'server/**', 'e2e/**', 'bench/**', 'build/**', 'scripts/**'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared' },
        { type: 'shell', pattern: 'electron/shell' },
        { type: 'electron', pattern: 'electron' },
        { type: 'renderer', pattern: 'renderer' },
        { type: 'server', pattern: 'server' },
        { type: 'tooling', pattern: ['e2e', 'bench', 'build', 'scripts'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            {
              from: { element: { type: 'shared' } },
              disallow: {
                to: [
                  { element: { types: { anyOf: ['shell', 'electron', 'renderer', 'server', 'tooling'] } } },
                  { module: { origin: 'core' } },
                  ...notIn(['electron', 'react', 'react-dom', ...nodeOnlyPackages]),
                ],
              },
            },
            {
              from: { element: { type: 'renderer' } },
              disallow: {
                to: [
                  { element: { types: { anyOf: ['shell', 'electron', 'server', 'tooling'] } } },
                  { module: { origin: 'core' } },
                  ...notIn(['electron', ...nodeOnlyPackages, 'libsodium-wrappers-sumo', 'drizzle-orm']),
                ],
              },
            },
            {
              from: { element: { type: 'electron' } },
              disallow: {
                to: [{ element: { types: { anyOf: ['renderer', 'server', 'tooling'] } } }],
              },
            },
            {
              from: { element: { type: 'shell' } },
              disallow: { to: [{ element: { types: { anyOf: ['renderer', 'server', 'tooling'] } } }] },
            },
            {
              from: { element: { type: 'server' } },
              disallow: {
                to: [{ element: { types: { anyOf: ['shell', 'electron', 'renderer', 'tooling'] } } }, ...notIn(['electron'])],
              },
            },
          ],
        },
      ],
    },
  },
  {
    // 'electron' itself: only the thin shell. Files, not folders, so a plain import rule does it.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: "Only electron/main.ts, electron/preload.ts and electron/shell/ may import 'electron'." },
            // It needs Electron at run time; its checks live in electron/update/ and are testable in Node.
            { name: 'electron-updater', message: "Only electron/shell/ may import 'electron-updater'." },
          ],
        },
      ],
    },
  },
);
