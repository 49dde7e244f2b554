import { useTranslation } from "../i18n/translation";
import { useFormatter } from "../lib/use-formatter";

interface AuditHistoryEntry {
  id: number;
  at: Date | string;
  action: string;
  actorName: string | null;
  actorLabel: string | null;
  fields: string[];
}

/** A record's audit trail, newest first: when, who, what, and which fields changed. */
export function AuditHistory({
  entries,
  fieldLabel,
  headingId = "history-title",
}: {
  entries: AuditHistoryEntry[];
  /** The reader's name for a changed field. */
  fieldLabel: (field: string) => string;
  headingId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormatter();
  return (
    <section aria-labelledby={headingId} className="audit-history">
      <h2 id={headingId}>{t("history.title")}</h2>
      {entries.length ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("history.when")}</th>
              <th scope="col">{t("history.who")}</th>
              <th scope="col">{t("history.action")}</th>
              <th scope="col">{t("history.fields")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <time dateTime={new Date(e.at).toISOString()}>{format.dateTime(e.at)}</time>
                </th>
                <td>
                  {e.actorName ??
                    (e.actorLabel
                      ? t(`history.${e.actorLabel}`, { defaultValue: e.actorLabel })
                      : t("history.unknown"))}
                </td>
                <td>{t(`history.actions.${e.action}`, { defaultValue: e.action })}</td>
                <td>{e.fields.map(fieldLabel).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("history.none")}</p>
      )}
    </section>
  );
}
