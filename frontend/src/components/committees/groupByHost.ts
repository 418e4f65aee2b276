interface Hosted {
  host: { id: string; name: string } | null;
}

export interface HostGroup<T> {
  /** Null for committees whose host the viewer cannot see. */
  host: { id: string; name: string } | null;
  committees: T[];
}

/** Committees grouped under their host organisations, hosts in alphabetical order, unseen hosts last. */
export function groupByHost<T extends Hosted>(committees: readonly T[]): HostGroup<T>[] {
  const groups = new Map<string, HostGroup<T>>();
  for (const committee of committees) {
    const key = committee.host?.id ?? '';
    const group = groups.get(key) ?? { host: committee.host, committees: [] };
    group.committees.push(committee);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.host || !b.host) return a.host ? -1 : b.host ? 1 : 0;
    return a.host.name.localeCompare(b.host.name);
  });
}
