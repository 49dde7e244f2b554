import type { FormErrors } from "../lib/forms";

/** Someone saved the record since the editor loaded it; `current` is what is saved now. */
export class ConflictError extends Error {
  constructor(public current: unknown) {
    super("The record was changed by someone else.");
  }
}

/** A write that breaks a rule of the records: the field it concerns and an i18n key. */
export class RuleError extends Error {
  constructor(
    public field: string,
    public key: string,
    public values?: Record<string, string | number>,
  ) {
    super(key);
  }

  /** The message beside its field, for the form. */
  get errors(): FormErrors {
    return { [this.field]: { key: this.key, values: this.values } };
  }
}
