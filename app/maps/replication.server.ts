// What a case page reads for its replication section: the chain through published cases, and its map.
import type { Database } from "../../db/client";
import type { ReplicationChain, ReplicationMap } from "../lib/replication";
import { getReplicationChain } from "../models/case-links-chain.server";
import { replicationMap } from "./replication-map.server";

/** The chain around a published case and the map the server drew of it; null when the case has none. */
export async function replicationFor(
  db: Database,
  caseId: number,
): Promise<{ chain: ReplicationChain; map: ReplicationMap | null } | null> {
  const chain = await getReplicationChain(db, caseId);
  return chain ? { chain, map: replicationMap(chain) } : null;
}
