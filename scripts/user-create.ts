import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { roles } from "../app/lib/enums";
import { organizationIdBySlug } from "../app/models/organization.server";
import { createUser, DuplicateError } from "../app/models/user.server";
import { isTimeZone } from "../app/lib/format";
import { withDatabase } from "./db";

// npm run user:create -- --email a@b.org --role admin [--name "A B"] [--password …] [--time-zone Asia/Baku]
//   [--organization kemenpanrb]
// Without --password a strong one is generated and printed once. The organization (its slug in
// content/organizations.yaml) makes the user staff of that organization's side of a partnership.
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string", default: "viewer" },
    name: { type: "string" },
    password: { type: "string" },
    "time-zone": { type: "string", default: "Asia/Jakarta" },
    organization: { type: "string" },
  },
});

const input = z
  .object({
    email: z.email(),
    role: z.enum(roles),
    name: z.string().min(1),
    password: z.string().min(12, "the password needs at least 12 characters"),
    timeZone: z.string().refine(isTimeZone, "unknown time zone"),
  })
  .safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email?.split("@")[0],
    password: values.password ?? randomBytes(12).toString("base64url"),
    timeZone: values["time-zone"],
  });

if (!input.success) {
  console.error(z.prettifyError(input.error));
  process.exit(1);
}

await withDatabase(async (handle) => {
  await handle.migrate();
  const organizationId = values.organization ? await organizationIdBySlug(handle.db, values.organization) : null;
  if (organizationId === undefined) {
    console.error(`No organization has the slug ${values.organization}.`);
    process.exitCode = 1;
    return;
  }
  try {
    const user = await createUser(handle.db, { label: "cli" }, { ...input.data, organizationId });
    console.log(`Created ${user.role} ${user.email}.`);
    if (!values.password) console.log(`Initial password (shown once): ${input.data.password}`);
  } catch (error) {
    if (error instanceof DuplicateError) {
      console.error(`A user with the email ${input.data.email} already exists.`);
      process.exitCode = 1;
    } else throw error;
  }
});
