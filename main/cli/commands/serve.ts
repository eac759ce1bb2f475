import type { CliCommand } from '../command.js';

// TODO(serve): replace with the real implementation.
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '（尚未完成）',
  usage: 'nianbao serve',
  async run(_argv, io) {
    io.stderr('此命令尚未完成\n');
    return 2;
  },
};
