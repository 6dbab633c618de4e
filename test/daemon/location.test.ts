import { describe, expect, it } from 'vitest';
import { nameHash, socketPath } from '../../src/daemon/location.ts';

describe('daemon socket names', () => {
  it('are stable for a git directory, distinct between directories, and short', () => {
    const dirs = Array.from({ length: 2000 }, (_, i) => `/home/dev/work/repo-${i}/.git`);
    const names = new Set(dirs.map((d) => nameHash(d)));
    expect(names.size).toBe(dirs.length);
    expect(nameHash('/a/.git')).toBe(nameHash('/a/.git'));
    expect(nameHash('/a/.git')).toMatch(/^[0-9a-f]{16}$/);
    expect(socketPath('/a/.git')).toBe(socketPath('/a/.git'));
    expect(socketPath('/a/.git')).not.toBe(socketPath('/b/.git'));
    // sun_path holds 108 bytes on Linux, 104 on macOS
    expect(Buffer.byteLength(socketPath('/a/.git'))).toBeLessThan(104);
  });
});
