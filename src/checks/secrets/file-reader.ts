/**
 * Reads working-tree files for a scan, synchronously, into one buffer reused from file to file:
 * a fresh buffer per file costs more in page faults and garbage collection than the copy itself.
 * Each read's content is valid only until the next read (scanContent is synchronous and returns
 * strings, so nothing keeps it). Used by the scan workers and by the check's own thread when it
 * scans beside them.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Of a file over the scan limit only this much is read: enough for the blocked-file rules (.npmrc). */
const LARGE_FILE_HEAD = 64 * 1024;

export class FileReader {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private readonly maxBytes: number;

  /** `maxBytes`: files larger than this are read only as far as LARGE_FILE_HEAD. */
  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** The content (or the head of a large file) and the file's size; undefined when it cannot be read (gone since it was listed). */
  read(absPath: string): { content: Buffer; size: number } | undefined {
    let fd: number;
    try {
      fd = openSync(absPath, 'r');
    } catch {
      return undefined;
    }
    try {
      const size = fstatSync(fd).size;
      const wanted = size > this.maxBytes ? LARGE_FILE_HEAD : size;
      if (wanted > this.buffer.length) this.buffer = Buffer.allocUnsafe(wanted);
      let filled = 0;
      while (filled < wanted) {
        const read = readSync(fd, this.buffer, filled, wanted - filled, filled);
        if (read === 0) break;
        filled += read;
      }
      return { content: this.buffer.subarray(0, filled), size };
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  }
}
