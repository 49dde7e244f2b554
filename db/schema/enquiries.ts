import { index, integer, pgEnum, pgTable, serial, text } from "drizzle-orm/pg-core";
import { enquiryStatuses } from "../../app/lib/enums";
import { activities } from "./activities";
import { cases } from "./cases";
import { editable } from "./columns";
import { users } from "./users";

export const enquiryStatus = pgEnum("enquiry_status", enquiryStatuses);

/** A partner's request, sent without an account from a case page, for a knowledge-sharing session. */
export const enquiries = pgTable(
  "enquiries",
  {
    id: serial("id").primaryKey(),
    caseId: integer("case_id").references(() => cases.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    organization: text("organization").notNull(),
    country: text("country").notNull(),
    email: text("email").notNull(),
    message: text("message").notNull(),
    /** The page's language when it was sent: the acknowledgement is written in it. */
    language: text("language").notNull(),
    status: enquiryStatus("status").notNull().default("new"),
    /** The planned activity an editor made of it. */
    activityId: integer("activity_id").references(() => activities.id, { onDelete: "set null" }),
    handledBy: integer("handled_by").references(() => users.id, { onDelete: "set null" }),
    ...editable(),
  },
  (t) => [index("enquiries_status_idx").on(t.status, t.createdAt), index("enquiries_case_idx").on(t.caseId)],
);

export type Enquiry = typeof enquiries.$inferSelect;
