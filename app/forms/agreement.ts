// The agreement form's fields and rules: no server code, so the browser can check them too.
import { z } from "zod";
import { agreementKinds, agreementStatuses } from "../lib/enums";
import { asList, idField, optionalDate, optionalId, optionalText, requiredText } from "../lib/form-schema";

const agreementFields = {
  kind: z.enum(agreementKinds),
  titleEn: requiredText(3, 300),
  titleId: optionalText(300),
  titleAz: optionalText(300),
  summaryEn: requiredText(10, 5000),
  summaryId: optionalText(5000),
  summaryAz: optionalText(5000),
  signedOn: optionalDate,
  signedCity: optionalText(120),
  inForceFrom: optionalDate,
  inForceUntil: optionalDate,
  /** A ticked checkbox posts "on"; an unticked one posts nothing. */
  inForceUntilInferred: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
  status: z.enum(agreementStatuses),
  parentId: optionalId,
  signatoryIds: z.preprocess(asList, z.array(idField).max(20)),
};

type Period = { inForceFrom?: unknown; inForceUntil?: unknown };
const isDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

// Checked even while other fields are wrong, so every error shows on the first try.
const periodCheck = (v: Period) => !isDate(v.inForceFrom) || !isDate(v.inForceUntil) || v.inForceUntil >= v.inForceFrom;
const periodParams = {
  message: "agreements.untilBeforeFrom",
  path: ["inForceUntil"],
  when: (p: { value: unknown }) => {
    const v = p.value as Period | undefined;
    return isDate(v?.inForceFrom) && isDate(v?.inForceUntil);
  },
};

type Kinded = { kind?: unknown; parentId?: unknown };
const renewalCheck = (v: Kinded) => v.kind !== "renewal" || !!v.parentId;
const renewalParams = {
  message: "agreements.renewalNeedsParent",
  path: ["parentId"],
  when: (p: { value: unknown }) => (p.value as Kinded | undefined)?.kind === "renewal",
};

export const newAgreementForm = z
  .object({ ...agreementFields, partnershipId: idField })
  .refine(periodCheck, periodParams)
  .refine(renewalCheck, renewalParams);

export const editAgreementForm = z
  .object({ ...agreementFields, version: idField })
  .refine(periodCheck, periodParams)
  .refine(renewalCheck, renewalParams);
