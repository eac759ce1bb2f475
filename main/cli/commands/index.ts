import type { CliCommand } from '../command.js';
import { checkCommand } from './check.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { listCommand } from './list.js';
import { nextYearCommand } from './next-year.js';
import { serveCommand } from './serve.js';

export const COMMANDS: CliCommand[] = [serveCommand, listCommand, importCommand, checkCommand, exportCommand, nextYearCommand];
