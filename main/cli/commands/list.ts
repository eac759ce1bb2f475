import type { CliCommand } from '../command.js';

// TODO(list): replace with the real implementation.
export const listCommand: CliCommand = {
  name: 'list',
  summary: '（尚未完成）',
  usage: 'nianbao list',
  async run(_argv, io) {
    io.stderr('此命令尚未完成\n');
    return 2;
  },
};
