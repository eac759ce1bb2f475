import type { CliCommand } from '../command.js';

// TODO(import): replace with the real implementation.
export const importCommand: CliCommand = {
  name: 'import',
  summary: '（尚未完成）',
  usage: 'nianbao import',
  async run(_argv, io) {
    io.stderr('此命令尚未完成\n');
    return 2;
  },
};
