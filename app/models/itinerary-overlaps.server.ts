// Which members of a visit are due at two items at once: a pure function over the items' times.

/** An item as the overlap check sees it: when it happens and who attends. */
export interface OverlapItem {
  id: number;
  startsAt: Date;
  endsAt: Date;
  /** True: every member of the delegation attends; false: those in `memberIds`. */
  allMembers: boolean;
  memberIds: readonly number[];
}

/** Two items at the same time for the same people. */
export interface Overlap {
  itemId: number;
  otherId: number;
  /** The members due at both, in the order the delegation lists them. */
  memberIds: number[];
  /** Both items are for the whole delegation (so it clashes even before members are named). */
  everyone: boolean;
}

/**
 * Every pair of items that overlap in time (one ending as the next starts does not) and share an
 * attendee, once per pair, the earlier item first. `delegation` lists the members "every member"
 * means, in order.
 */
export function findOverlaps(items: readonly OverlapItem[], delegation: readonly number[]): Overlap[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  const attendees = (item: OverlapItem) => new Set(item.allMembers ? delegation : item.memberIds);
  const order = new Map(delegation.map((id, i) => [id, i]));
  const rank = (id: number) => order.get(id) ?? delegation.length + id;
  const overlaps: Overlap[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i]!;
    const mine = attendees(item);
    for (let j = i + 1; j < sorted.length; j++) {
      const other = sorted[j]!;
      // Sorted by start: once one starts after this one ends, so do the rest.
      if (other.startsAt.getTime() >= item.endsAt.getTime()) break;
      const everyone = item.allMembers && other.allMembers;
      const shared = [...attendees(other)].filter((id) => mine.has(id)).sort((a, b) => rank(a) - rank(b));
      if (everyone || shared.length) overlaps.push({ itemId: item.id, otherId: other.id, memberIds: shared, everyone });
    }
  }
  return overlaps;
}
