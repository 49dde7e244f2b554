// The forms of getting in: an administrator's invitation, and a password set through an emailed link.
import { z } from "zod";
import { supportedLanguages } from "../i18n/config";
import { roles } from "../lib/enums";
import { emailAddress, idField, optionalId, singleLine } from "../lib/form-schema";
import { blankAsMissing } from "../lib/forms";

/** An invitation, as an administrator sends one from the users page. */
export const invitationForm = z.object({
  intent: z.literal("invite"),
  email: emailAddress,
  name: singleLine(2, 120),
  role: z.enum(roles),
  organizationId: optionalId,
  language: z.enum(supportedLanguages),
});

/** Sending a pending invitation again, or withdrawing it, from its row: the invitee at a version. */
export const pendingInvitationForm = z.object({
  intent: z.enum(["resendInvitation", "revokeInvitation"]),
  id: idField,
  version: idField,
});

/** "Forgot password": the address to send a link to. */
export const forgotPasswordForm = z.object({
  email: emailAddress,
});

/** A password chosen through a link (an invitation, a reset): the link's token and the password twice. */
export const tokenPasswordForm = z
  .object({
    token: z.string().max(100),
    password: z.preprocess(blankAsMissing, z.string().min(12).max(1024)),
    confirmPassword: z.preprocess(blankAsMissing, z.string().max(1024)),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "access.passwordMismatch",
    path: ["confirmPassword"],
  });
