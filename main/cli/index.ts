import { ApiError } from '../../shared/api.js';
import { appVersion } from '../server/app-root.js';
import { UsageError } from './argv.js';
import type { CliCommand, CliIO } from './command.js';
import { COMMANDS } from './commands/index.js';

/**
 * `nianbao <command> [options]`: finds the subcommand and runs it. Exit codes: 0 ok, 1 errors or
 * findings reported, 2 bad usage or unreadable input (a UsageError from any command).
 */

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    '年报助手 Nianbao — 政府信息公开工作年度报告的编写、校验、打印与报送',
    '',
    '用法：nianbao <命令> [选项]',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  显示帮助；nianbao help <命令> 显示该命令的用法`,
    '',
    '数据文件夹：默认与桌面版相同；可用 --data-dir 文件夹 或环境变量 NIANBAO_DATA_DIR 指定。',
  ];
  return lines.join('\n') + '\n';
}

function commandHelp(c: CliCommand): string {
  return `${c.summary}\n\n用法：${c.usage}\n`;
}

export async function runCli(argv: readonly string[], io: CliIO, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(helpText(commands));
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    if (rest[0] === undefined) {
      io.stdout(helpText(commands));
      return 0;
    }
    const c = commands.find((x) => x.name === rest[0]);
    if (!c) {
      io.stderr(`没有名为“${rest[0]}”的命令。运行 nianbao help 查看全部命令。\n`);
      return 2;
    }
    io.stdout(commandHelp(c));
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${appVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`没有名为“${name}”的命令。运行 nianbao help 查看全部命令。\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n用法：${command.usage}\n运行 nianbao help ${command.name} 查看说明。\n`);
      return 2;
    }
    if (e instanceof ApiError) {
      io.stderr(`${e.message}\n`);
      return e.code === 'invalid_argument' ? 2 : 1;
    }
    io.stderr(`发生了意外错误：${e instanceof Error ? e.message : String(e)}\n请重试；如果问题仍然存在，请把以下信息告诉技术支持：\n${e instanceof Error ? (e.stack ?? '') : ''}\n`);
    return 1;
  }
}

/** The process entry used by bin/nianbao.mjs (built bundle or through tsx). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const io: CliIO = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
  };
  process.exitCode = await runCli(argv, io);
}
