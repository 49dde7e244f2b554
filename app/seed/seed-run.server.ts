import type { Database } from "../../db/client";
import type { Actor } from "../models/audit.server";

/** Every change the seed makes is recorded as the seed's: no user acted. */
export const seedActor: Actor = { label: "seed" };

/** A record of content/ the seed did not bring in line, because someone changed it in the app. */
export interface LeftAlone {
  kind: string;
  /** The record's slug (a country's code, an account's email). */
  key: string;
  title: string;
  /** "changed": edited since the seed last wrote it; "deleted": removed in the app, so not created again. */
  reason: "changed" | "deleted";
}

/** What a run of the seed did: counts of records (and link sets), and the records it left alone. */
export interface SeedStats {
  created: number;
  updated: number;
  unchanged: number;
  leftAlone: LeftAlone[];
}

type Kind = "source" | "partnership" | "organization" | "person" | "agreement" | "commitment";

/** One run: its transaction, the database ids of the slugs resolved so far, and its tally. */
export class SeedRun {
  readonly stats: SeedStats = { created: 0, updated: 0, unchanged: 0, leftAlone: [] };
  private readonly ids = new Map<string, number>();

  constructor(readonly tx: Database) {}

  count(outcome: "created" | "updated" | "unchanged") {
    this.stats[outcome]++;
  }

  leave(kind: string, key: string, title: string, reason: LeftAlone["reason"]) {
    this.stats.leftAlone.push({ kind, key, title, reason });
  }

  remember(kind: Kind, slug: string, id: number) {
    this.ids.set(`${kind}:${slug}`, id);
  }

  /** The id of a record content/ refers to; content.server.ts has checked that it exists in content/. */
  id(kind: Kind, slug: string): number {
    const id = this.ids.get(`${kind}:${slug}`);
    if (id === undefined) throw new Error(`The seed has no ${kind} "${slug}" to refer to.`);
    return id;
  }

  optionalId(kind: Kind, slug: string | undefined): number | null {
    return slug === undefined ? null : this.id(kind, slug);
  }

  /** Runs a model's write for one record of content/, naming the record when a rule refuses it. */
  async write<T>(kind: string, key: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`content/ ${kind} "${key}" was refused: ${reason}`, { cause: error });
    }
  }
}
