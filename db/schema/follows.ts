import { index, integer, pgEnum, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";
import { followSubjects } from "../../app/lib/enums";
import { users } from "./users";

export const followSubject = pgEnum("follow_subject", followSubjects);

/** What a user follows for the weekly digest: an agreement, a commitment or an activity. */
export const follows = pgTable(
  "follows",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subjectType: followSubject("subject_type").notNull(),
    /** The followed row's id; no foreign key, since it points into one of three tables. */
    subjectId: integer("subject_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.subjectType, t.subjectId] }),
    index("follows_subject_idx").on(t.subjectType, t.subjectId),
  ],
);
