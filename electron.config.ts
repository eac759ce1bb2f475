import type { Configuration } from 'electron-builder';

/**
 * electron-builder configuration (`npm run dist:win`, `npm run dist:linux`; see README).
 *
 * Offline builds: electron-builder normally downloads Electron and its helper tools. Point
 * NIANBAO_ELECTRON_DIST at an unpacked Electron 45 for the target platform (the folder holding
 * electron / electron.exe) to use it instead, or set ELECTRON_MIRROR (and
 * ELECTRON_BUILDER_BINARIES_MIRROR for NSIS/AppImage tools) to a local mirror.
 */
const electronDist = process.env.NIANBAO_ELECTRON_DIST?.trim() || undefined;

/**
 * Packages only the renderer uses: Vite has already bundled them into dist/renderer, so the
 * installer leaves them out (≈ 135 MB). tests/electron/bundles.test.ts checks that the main
 * process and the CLI never import them.
 */
export const RENDERER_ONLY_PACKAGES = ['react', 'react-dom', 'scheduler', 'antd', '@ant-design', '@rc-component', 'dayjs'];

/**
 * pdf.js's optional canvas (a native module, 32 MB, for the build machine's platform only):
 * the importer reads text and positions, never renders, and pdf.js only warns without it.
 * Leaving it out keeps a Windows or arm64 package built on an x64 Linux machine free of a
 * foreign binary.
 */
const NOT_SHIPPED = [...RENDERER_ONLY_PACKAGES, '@napi-rs'];

const config: Configuration = {
  appId: 'cn.nianbao.desktop',
  productName: '年报助手',
  executableName: 'nianbao',
  copyright: 'MIT License',
  directories: { output: 'release', buildResources: 'assets' },
  // Only the built app and its assets (icons, fonts); the sources and tests stay out.
  files: ['dist/**/*', 'assets/**/*', 'package.json', '!dist/**/*.map', '!dist/electronegativity.csv', ...NOT_SHIPPED.map((p) => `!node_modules/${p}/**`)],
  asar: true,
  // No native modules: nothing to rebuild, so packaging needs no compiler.
  npmRebuild: false,
  nodeGypRebuild: false,
  ...(electronDist ? { electronDist } : {}),
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The app is served from app://, never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'assets/icon.png',
  },
  nsis: {
    // Per-user install into %LOCALAPPDATA%: no administrator needed in a township office.
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_CN'],
    language: '2052',
    unicode: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '年报助手',
    uninstallDisplayName: '年报助手',
    deleteAppDataOnUninstall: false,
    artifactName: 'nianbao-${version}-setup-${arch}.${ext}',
  },
  portable: {
    artifactName: 'nianbao-${version}-portable-${arch}.${ext}',
  },
  linux: {
    // UOS and Kylin run on x64 and on arm64 (Phytium, Kunpeng).
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    icon: 'assets/icon.png',
    executableName: 'nianbao',
    maintainer: 'Nianbao <nianbao@localhost>',
    synopsis: '政府信息公开工作年度报告的编写、校验、打印与报送',
    description: '年报助手：乡镇政府信息公开工作年度报告的编写、校验、打印与报送，完全离线运行。',
    desktop: {
      entry: {
        Name: '年报助手',
        'Name[zh_CN]': '年报助手',
        Comment: '政府信息公开工作年度报告',
        Keywords: 'nianbao;年报;政府信息公开;',
      },
    },
    artifactName: 'nianbao-${version}-${arch}.${ext}',
  },
  deb: {
    packageName: 'nianbao',
  },
};

export default config;
