import type { FieldMessage, FormErrors } from "../lib/forms";

/**
 * A write the records refuse for a reason the editor can act on. Every such refusal is one of
 * these: the form's save helper answers each with its status and its messages beside the fields
 * (the field "" is the form as a whole), and anything else is a fault.
 */
export class RecordError extends Error {
  constructor(
    /** Messages by field, as i18n keys and their values. */
    public errors: FormErrors,
    public status = 400,
  ) {
    super(Object.values(errors)[0]?.key ?? "refused");
  }
}

/** A write that breaks a rule of the records: the field it concerns and an i18n key. */
export class RuleError extends RecordError {
  constructor(
    public field: string,
    public key: FieldMessage["key"],
    public values?: Record<string, string | number>,
    status = 400,
  ) {
    super({ [field === "form" ? "" : field]: { key, values } }, status);
  }
}

/** The user may not make this change (for instance, confirm for another country's side). */
export class NotAllowedError extends RuleError {
  constructor(field: string, key: FieldMessage["key"]) {
    super(field, key, undefined, 403);
  }
}

/** A value that must be unique is taken (a user's email address). */
export class DuplicateError extends RecordError {
  constructor(field = "", key: FieldMessage["key"] = "validation.invalid") {
    super({ [field]: { key } }, 409);
  }
}

/** Someone saved the record since the editor loaded it; `current` is what is saved now. */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(public current: unknown) {
    super("The record was changed by someone else.");
  }
}
