// The person form's fields, checked with zod: the same schema on the server and in the browser.
import { z } from "zod";
import { asList, isCalendarDate, optionalId, optionalText, singleLine } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";

/** A repeated row's column: one string per row, the rows' order kept (blank cells included). */
const column = (max: number) => z.preprocess(asList, z.array(z.string().trim().max(max)));

/** The columns of the positions' rows. */
export const positionColumns = [
  "positionTitleEn",
  "positionTitleId",
  "positionTitleAz",
  "positionOrganizationId",
  "positionStartsOn",
  "positionEndsOn",
] as const;

/** A language code as BCP 47 writes it: "id", "en", "az", "pt-BR". */
export const languageCode = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** The languages as typed: codes separated by commas or spaces. */
export const languageList = (text: string | undefined) =>
  [...new Set((text ?? "").split(/[\s,;]+/).filter(Boolean))].map((code) =>
    code.replace(/^[A-Z]+/, (c) => c.toLowerCase()),
  );

export const personFormSchema = z
  .object({
    version: optionalId,
    name: singleLine(1, 200),
    organizationId: optionalId,
    email: z.preprocess(blankAsMissing, z.string().trim().max(254).pipe(z.email()).optional()),
    phone: optionalText(50).refine((v) => !v || /^[+0-9 ()\-.]+$/.test(v), "people.phoneInvalid"),
    languages: optionalText(200).refine(
      (v) => languageList(v).every((c) => languageCode.test(c)),
      "people.languagesInvalid",
    ),
    userId: optionalId,
    positionTitleEn: column(300),
    positionTitleId: column(300),
    positionTitleAz: column(300),
    positionOrganizationId: column(12),
    positionStartsOn: column(10),
    positionEndsOn: column(10),
  })
  .superRefine((v, ctx) => {
    const issue = (field: string, message: string, index: number) =>
      ctx.addIssue({ code: "custom", path: [field, index], message });
    for (let i = 0; i < positionRowCount(v); i++) {
      if (!positionRowTyped(v, i)) continue;
      if (!v.positionTitleEn[i] && !v.positionTitleId[i] && !v.positionTitleAz[i])
        issue("positionTitleEn", "validation.required", i);
      const org = v.positionOrganizationId[i];
      if (org && !/^\d{1,10}$/.test(org)) issue("positionOrganizationId", "validation.invalidChoice", i);
      const from = v.positionStartsOn[i];
      const until = v.positionEndsOn[i];
      if (from && !isCalendarDate(from)) issue("positionStartsOn", "validation.dateRange", i);
      if (until && !isCalendarDate(until)) issue("positionEndsOn", "validation.dateRange", i);
      if (from && until && isCalendarDate(from) && isCalendarDate(until) && until < from)
        issue("positionEndsOn", "people.endsBeforeStarts", i);
    }
  });

type Rows = { [K in (typeof positionColumns)[number]]: string[] };

/** How many rows the columns hold (the longest column). */
export const positionRowCount = (v: Partial<Rows>) => Math.max(0, ...positionColumns.map((c) => v[c]?.length ?? 0));

/** Whether row `i` has anything typed (a blank row is no row: that is how one is removed). */
export const positionRowTyped = (v: Partial<Rows>, i: number) => positionColumns.some((c) => (v[c]?.[i] ?? "") !== "");

export type PersonFormData = z.output<typeof personFormSchema>;
export type PersonField = keyof z.input<typeof personFormSchema>;

/** The fields in the order the page shows them: the error summary lists problems in this order. */
export const personFieldOrder = [
  "name",
  "organizationId",
  "email",
  "phone",
  "languages",
  "userId",
  "positions",
] as const;
