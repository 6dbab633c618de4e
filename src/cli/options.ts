import { Option } from 'commander';
import { SEVERITIES, type Severity } from '../findings/finding.ts';
import { FORMATS, type Format } from '../reporters/reporter.ts';

/** Options every reporting command shares. */
export interface OutputOptions {
  config?: string;
  format: Format;
  output?: string;
  failOn?: Severity;
  timings: boolean;
  cwd: string;
}

export function outputOptions(): Option[] {
  return [
    new Option('-c, --config <file>', 'config file (default: search tollgate.config.* / package.json "tollgate" up to the repository root)'),
    new Option('-f, --format <format>', 'output format')
      .choices(FORMATS)
      .default(process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text', 'github inside GitHub Actions, else text'),
    new Option('-o, --output <file>', 'write the report to a file instead of stdout (github format: the SARIF file)'),
    new Option('--fail-on <severity>', 'lowest severity that fails the run (default: config failOn, else error)').choices(SEVERITIES),
    new Option('--timings', 'print how long each check took').default(false),
    new Option('-C, --cwd <dir>', 'run as if started in <dir>').default(process.cwd(), 'the current directory'),
  ];
}
