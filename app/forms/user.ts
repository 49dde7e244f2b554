// The forms of the users page (an administrator's) and of a user's own account: browser-safe schemas.
import { z } from "zod";
import { supportedLanguages } from "../i18n/config";
import { roles } from "../lib/enums";
import { idField, optionalId } from "../lib/form-schema";
import { isTimeZone } from "../lib/format";
import { blankAsMissing } from "../lib/forms";

/** A new user, as an administrator adds one. */
export const newUserForm = z.object({
  intent: z.literal("create"),
  email: z.preprocess(blankAsMissing, z.email().max(254)),
  name: z.preprocess(blankAsMissing, z.string().trim().min(2).max(120)),
  role: z.enum(roles),
  password: z.preprocess(blankAsMissing, z.string().min(12).max(1024)),
  timeZone: z.string().refine(isTimeZone, "validation.invalidChoice"),
  organizationId: optionalId,
});

/** A user's role, organization and access, changed from their row of the users table. */
export const userAccessForm = z.object({
  intent: z.literal("update"),
  id: idField,
  version: idField,
  role: z.enum(roles),
  organizationId: optionalId,
  disabled: z.enum(["on"]).optional(),
});

/** A new password an administrator gives a user. */
export const userPasswordForm = z.object({
  intent: z.literal("setPassword"),
  id: idField,
  version: idField,
  password: z.preprocess(blankAsMissing, z.string().min(12, "users.passwordTooShort").max(1024)),
});

/** A user's own preferences on the account page. */
export const preferencesForm = z.object({
  intent: z.literal("preferences"),
  version: idField,
  timeZone: z.string().refine(isTimeZone, "validation.invalidChoice"),
  locale: z.enum(["", ...supportedLanguages]).transform((v) => v || null),
});

/** A user's own new password, with the current one. */
export const passwordChangeForm = z
  .object({
    intent: z.literal("changePassword"),
    currentPassword: z.preprocess(blankAsMissing, z.string().max(1024)),
    newPassword: z.preprocess(blankAsMissing, z.string().min(12).max(1024)),
    confirmPassword: z.preprocess(blankAsMissing, z.string().max(1024)),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "account.passwordMismatch",
    path: ["confirmPassword"],
  });

/** The sign-in form. */
export const signInForm = z.object({
  email: z.preprocess(blankAsMissing, z.string().trim().max(254)),
  password: z.preprocess(blankAsMissing, z.string().max(1024)),
  redirectTo: z.string().optional(),
});
