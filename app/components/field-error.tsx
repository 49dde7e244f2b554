import { useTranslation } from "../i18n/translation";
import type { FieldMessage } from "../lib/forms";

export function FieldError({ id, error }: { id: string; error?: FieldMessage }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      {t(error.key, error.values)}
    </p>
  );
}
