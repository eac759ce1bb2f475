import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../context.js';
import type { RunningServer } from '../../server/http-server.js';
import { UsageError, intOption, parseArgv } from '../argv.js';
import type { CliCommand } from '../command.js';
import { DATA_DIR_OPTION, cliDataDir } from '../data-dir.js';

/** Ctrl+C, kill, and the terminal window being closed. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const USAGE = 'nianbao serve [--port 端口] [--data-dir 数据文件夹] [--no-open]';

/**
 * Browser mode: the built renderer and the API on 127.0.0.1. Holds the data folder's writer lock
 * for its whole life; stops on Ctrl+C (SIGINT) or SIGTERM and releases the lock.
 */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '浏览器模式：在本机启动年报助手，用浏览器打开（不能运行桌面版时使用）',
  usage: USAGE,
  async run(argv, io) {
    const { options, positionals } = parseArgv(argv, { port: { type: 'string', short: 'p' }, 'no-open': { type: 'boolean' }, ...DATA_DIR_OPTION });
    if (positionals.length) throw new UsageError(`多余的参数：${positionals.join(' ')}`);
    const port = intOption('port', options.port, 0, 65535) ?? 0;
    const dataDir = cliDataDir(options['data-dir'], io);

    // Loaded here, not at the top: `nianbao help` should not load the store, importers and exporters.
    const [{ acquireWriterLock }, { openStore }, { createHandlers }, { startServer }, { newToken }, { openBrowser }, { appRoot, appVersion, rendererDir }] = await Promise.all([
      import('../../store/lock.js'),
      import('../../store/index.js'),
      import('../../api/handlers.js'),
      import('../../server/http-server.js'),
      import('../../server/guard.js'),
      import('../../server/open-browser.js'),
      import('../../server/app-root.js'),
    ]);

    const lock = await acquireWriterLock(dataDir);
    let store: AppContext['store'] | undefined;
    let server: RunningServer | undefined;
    const cleanup = async () => {
      await server?.close().catch(() => undefined);
      await store?.close().catch(() => undefined);
      await lock.release();
    };
    try {
      const opened = await openStore(dataDir);
      store = opened;
      const ctx: AppContext = { store: opened, host: { kind: 'browser' }, version: appVersion(), notices: opened.notices };
      const token = newToken();
      const staticDir = rendererDir(io.env);
      server = await startServer({ handlers: createHandlers(ctx), token, port, staticDir, favicon: join(appRoot(), 'assets', 'icon.png') });
      const url = `${server.url}?token=${token}`;
      io.stdout(`Nianbao: ${url}\n`);
      io.stdout(`数据文件夹：${dataDir}\n请在浏览器中打开上面的地址。按 Ctrl+C 停止。\n`);
      // A damaged file moved aside at open: say so where the clerk is looking.
      for (const n of opened.notices) io.stderr(`注意：${n.message}\n`);
      if (!existsSync(join(staticDir, 'index.html'))) io.stderr(`注意：界面尚未构建（${staticDir} 中没有 index.html）。请先在项目文件夹中运行 npm run build。\n`);
      if (!options['no-open']) openBrowser(url);
    } catch (e) {
      await cleanup();
      if (e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === 'EADDRINUSE') {
        io.stderr(`端口 ${port} 已被占用。请换一个端口（--port），或不指定端口由系统分配。\n`);
        return 1;
      }
      throw e;
    }

    await new Promise<void>((resolve) => {
      const stop = () => {
        for (const sig of STOP_SIGNALS) process.off(sig, stop);
        resolve();
      };
      for (const sig of STOP_SIGNALS) process.on(sig, stop);
    });
    io.stdout('正在停止…\n');
    await cleanup();
    return 0;
  },
};
