/** One `nianbao` subcommand. Exit codes: 0 ok, 1 findings/errors reported, 2 cannot read input / bad usage. */
export interface CliCommand {
  name: string;
  /** One line, Chinese, shown by `nianbao help`. */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}
