import type { CliCommand } from '../command.js';

// TODO(check): replace with the real implementation.
export const checkCommand: CliCommand = {
  name: 'check',
  summary: '（尚未完成）',
  usage: 'nianbao check',
  async run(_argv, io) {
    io.stderr('此命令尚未完成\n');
    return 2;
  },
};
