/**
 * A small, strict option parser shared by every subcommand, so that every command speaks the
 * same Chinese to a clerk who mistypes an option. (node:util parseArgs answers in English.)
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export type ParsedOptions<S extends OptionSpec> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean;
};

export interface ParsedArgv<S extends OptionSpec> {
  options: ParsedOptions<S>;
  positionals: string[];
}

/**
 * Parses `--name value`, `--name=value`, `-x value` and boolean `--flag`. Everything after `--`
 * is positional. Unknown options and missing values are UsageErrors (exit code 2).
 */
export function parseArgv<S extends OptionSpec>(argv: readonly string[], spec: S): ParsedArgv<S> {
  const options: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, o] of Object.entries(spec)) if (o.short) byShort.set(o.short, name);

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      inline = eq >= 0 ? a.slice(eq + 1) : undefined;
    } else if (a.length === 2 && a.startsWith('-') && a !== '-') {
      name = byShort.get(a[1]);
      if (!name) throw new UsageError(`不认识的选项 ${a}。`);
    } else {
      positionals.push(a);
      continue;
    }
    const o = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!o) throw new UsageError(`不认识的选项 ${a.split('=')[0]}。`);
    if (o.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`选项 --${name} 不带值，请去掉“=${inline}”。`);
      options[name] = true;
    } else {
      const v = inline ?? argv[i + 1];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`选项 --${name} 需要一个值。`);
      if (inline === undefined) i++;
      options[name] = v;
    }
  }
  return { options: options as ParsedOptions<S>, positionals };
}

/** A whole number in [min, max], or a UsageError naming the option. */
export function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`选项 --${name} 应为 ${min} 到 ${max} 之间的整数，而不是“${value}”。`);
  }
  return Number(value);
}
