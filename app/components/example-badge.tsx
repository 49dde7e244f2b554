import { useTranslation } from "../i18n/translation";

/**
 * Marks a record of the demo's example scenario wherever it is shown, so no one takes it for the
 * sourced record. Renders nothing for any other record.
 */
export function ExampleBadge({ example }: { example: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (!example) return null;
  return (
    <span className="badge badge--example" title={t("app.exampleHint")}>
      {t("app.example")}
    </span>
  );
}
