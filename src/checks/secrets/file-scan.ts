/**
 * What the secrets check finds in one file's content: blocked-file rules, then (unless the path
 * is allowlisted, the file too large or binary) the detector. The same function runs in the
 * check's thread and in the scan workers, so a verdict never depends on where a file was read.
 */
import { SECRET_CONTENT_RULES, SECRET_PATH_RULES } from '../../../rules/secrets/index.ts';
import { looksBinary } from '../../git/binary.ts';
import type { SecretsOptions } from './config.ts';
import type { DetectedSecret, SecretDetector } from './detector.ts';
import type { FileReader } from './file-reader.ts';

export interface BlockedFile {
  /** Index into SECRET_PATH_RULES. */
  rule: number;
  message: string;
}

export interface FileScan {
  path: string;
  blocked: BlockedFile[];
  secrets: DetectedSecret[];
  /** Why the content was not scanned (blocked-file rules still ran). */
  skipped?: 'binary' | 'large';
}

/** A FileScan as it crosses a thread boundary: rules by index, since rules hold functions. */
export interface WireFileScan extends Omit<FileScan, 'secrets'> {
  secrets: (Omit<DetectedSecret, 'rule'> & { rule: number })[];
}

export interface ContentInput {
  path: string;
  /** The content, or only its start when `size` says the file is larger than the scan limit. */
  content: Buffer;
  /** The file's full size, when `content` holds only its start. */
  size?: number;
  /** Only secrets on lines (1-based) this accepts are reported. */
  lineFilter?: (line: number) => boolean;
  /** Run only the blocked-file rules (a staged rename that adds no lines). */
  blockedOnly?: boolean;
}

export function scanContent(input: ContentInput, detector: SecretDetector, options: SecretsOptions): FileScan {
  const { path, content } = input;
  const scan: FileScan = { path, blocked: [], secrets: [] };
  SECRET_PATH_RULES.forEach((rule, index) => {
    rule.create({ path, content, options, report: (r) => scan.blocked.push({ rule: index, message: r.message }) });
  });
  if (input.blockedOnly || detector.allowlist.pathAllowed(path)) return scan;
  if ((input.size ?? content.length) > options.maxFileSizeKb * 1024) return { ...scan, skipped: 'large' };
  if (looksBinary(content)) return { ...scan, skipped: 'binary' };
  scan.secrets = detector.scan({ path, text: content, ...(input.lineFilter ? { lineFilter: input.lineFilter } : {}) });
  return scan;
}

/** Reads a working-tree file and scans it, on whichever thread holds the reader; undefined when it cannot be read. */
export function scanFromDisk(file: { path: string; absPath: string }, reader: FileReader, detector: SecretDetector, options: SecretsOptions): FileScan | undefined {
  const read = reader.read(file.absPath);
  return read && scanContent({ path: file.path, content: read.content, size: read.size }, detector, options);
}

export function toWire(scan: FileScan): WireFileScan {
  return { ...scan, secrets: scan.secrets.map((s) => ({ ...s, rule: SECRET_CONTENT_RULES.indexOf(s.rule) })) };
}

export function fromWire(wire: WireFileScan): FileScan {
  return { ...wire, secrets: wire.secrets.map((s) => ({ ...s, rule: SECRET_CONTENT_RULES[s.rule]! })) };
}
