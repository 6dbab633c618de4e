/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and says where the time went: self time by owner
 * (Node internals, tollgate, each package) and inclusive time under named functions.
 */
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time per owner, largest first. */
  byOwner: { owner: string; ms: number }[];
  /** Inclusive time under the first frame matching each probe (nested matches not double-counted). */
  probes: { probe: string; ms: number }[];
}

/** Who a frame belongs to: a package name, `tollgate`, `node:` internals, or a V8 pseudo-frame. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: internals';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const rest = url.slice(inModules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? url);
  }
  if (/\/(build\/)?(src|rules|bin)\//.test(url)) return 'tollgate';
  return 'other (repository files, config)';
}

/**
 * Time per sample comes from timeDeltas (the delta before sample i belongs to sample i's node;
 * this is how Chrome DevTools attributes it).
 */
export function summariseProfile(profile: CpuProfile, probes: readonly { name: string; match: (fn: string, url: string) => boolean }[]): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const owners = new Map<string, number>();
  const probeUs = probes.map(() => 0);
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const owner = ownerOf(node.callFrame.url, node.callFrame.functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    // Walk up the stack once; the outermost frame matching a probe gets the time.
    const hit = probes.map(() => false);
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      probes.forEach((p, k) => {
        if (p.match(frame.functionName, frame.url)) hit[k] = true;
      });
    }
    hit.forEach((h, k) => {
      if (h) probeUs[k]! += us;
    });
  }
  const ms = (us: number) => us / 1000;
  return {
    totalMs: ms(profile.endTime - profile.startTime),
    byOwner: [...owners].map(([owner, us]) => ({ owner, ms: ms(us) })).sort((a, b) => b.ms - a.ms),
    probes: probes.map((p, k) => ({ probe: p.name, ms: ms(probeUs[k]!) })),
  };
}

export async function readProfile(file: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
}
