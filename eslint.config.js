// ESLint (flat config): TypeScript's recommended rules plus the rules that keep the process
// boundaries — shared/ is pure, the renderer never reaches Node or Electron, main never reaches
// into the renderer, and raw ipcMain/ipcRenderer live only in the typed IPC wrappers.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/^node:/, '')))];
const nodePaths = nodeBuiltins.map((name) => ({ name, message: '这里不能使用 Node 内置模块（进程边界）。' }));
const nodePatterns = [
  { group: ['node:*'], message: '这里不能使用 Node 内置模块（进程边界）。' },
  { group: nodeBuiltins.map((m) => `${m}/*`), message: '这里不能使用 Node 内置模块（进程边界）。' },
];
const IPC_WRAPPERS = ['main/ipc/register.ts', 'main/ipc/expose.ts'];
const rawIpc = {
  name: 'electron',
  // 'default' too: `import electron from 'electron'` would reach electron.ipcMain unseen.
  importNames: ['ipcMain', 'ipcRenderer', 'default'],
  message: '只有 main/ipc/register.ts 与 main/ipc/expose.ts 可以直接使用 ipcMain/ipcRenderer；请通过类型化的 API 调用（从 electron 具名导入所需的模块）。',
};
// lowdb's presets switch to an in-memory adapter when NODE_ENV=test, and its JSONFile writer
// never fsyncs: the store uses Low with main/store/durable-file.ts instead.
const lowdbPresets = {
  name: 'lowdb/node',
  message: '请使用 main/store/durable-file.ts 的 DurableJsonFile：lowdb/node 的写入不做 fsync，且在 NODE_ENV=test 时只写内存。',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'release/**', 'coverage/**', 'test-results/**', '.cache/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Stripping control characters from file names and imported text is deliberate here.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and benches poke at untyped JSON and library internals.
    files: ['tests/**/*.{ts,mts}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodePaths,
            ...['react', 'react-dom', 'antd', 'electron', '@ant-design/icons'].map((name) => ({ name, message: 'shared/ 只放纯数据与纯函数：不能依赖 React、Ant Design 或 Electron。' })),
          ],
          patterns: [
            ...nodePatterns,
            { group: ['react-dom/*', 'antd/*', '@ant-design/*', 'electron/*'], message: 'shared/ 不能依赖界面或 Electron。' },
            { regex: '^(\\.\\./)+(main|renderer)/', message: 'shared/ 不能引用 main/ 或 renderer/。' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodePaths, { name: 'electron', message: '界面不能直接使用 Electron：请通过 renderer/src/api/client.ts 调用。' }],
          patterns: [
            ...nodePatterns,
            { group: ['electron/*'], message: '界面不能直接使用 Electron。' },
            { regex: '^(\\.\\./)+main/', message: '界面不能引用 main/ 的代码：请通过 API 调用。' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: IPC_WRAPPERS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [rawIpc, lowdbPresets],
          patterns: [{ regex: '^(\\.\\./)+renderer/', message: 'main/ 不能引用 renderer/ 的代码。' }],
        },
      ],
    },
  },
  {
    files: IPC_WRAPPERS,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+renderer/', message: 'main/ 不能引用 renderer/ 的代码。' }] }],
    },
  },
  {
    // Tests, scripts and benches may use anything, but not raw IPC either.
    files: ['tests/**/*.{ts,mts}', 'scripts/**/*.{ts,mjs,js}', 'bench/**/*.ts', 'bin/**/*.mjs', '*.config.{ts,js}'],
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc] }] },
  },
);
