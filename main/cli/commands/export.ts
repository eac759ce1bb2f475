import type { CliCommand } from '../command.js';

// TODO(export): replace with the real implementation.
export const exportCommand: CliCommand = {
  name: 'export',
  summary: '（尚未完成）',
  usage: 'nianbao export',
  async run(_argv, io) {
    io.stderr('此命令尚未完成\n');
    return 2;
  },
};
