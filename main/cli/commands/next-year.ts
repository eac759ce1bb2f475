import type { CliCommand } from '../command.js';

// TODO(next-year): replace with the real implementation.
export const nextYearCommand: CliCommand = {
  name: 'next-year',
  summary: '（尚未完成）',
  usage: 'nianbao next-year',
  async run(_argv, io) {
    io.stderr('此命令尚未完成\n');
    return 2;
  },
};
