import { useTranslation } from "../i18n/translation";
import { Form, Link } from "react-router";
import { listOf, valueOf } from "../lib/forms";
import { localized } from "../lib/localized";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import type { ActivityFormValues } from "../models/activity-form.server";
import type { ActivityFormOptions } from "../models/activity.server";

export interface ActivityConflictData {
  /** What the editor submitted, normalized like the stored version so the two compare fairly. */
  yours: ActivityFormValues;
  /** The activity as saved now. */
  theirs: ActivityFormValues;
  /** The version saved now: the form goes back with it, so the next save overwrites deliberately. */
  version: number;
  savedBy: { name: string | null; label: string | null; at: Date } | null;
}

type Row = {
  key: string;
  label: string;
  show: (v: ActivityFormValues) => string[];
  compare?: (v: ActivityFormValues) => string;
};

/**
 * Someone saved the activity between loading the form and submitting it: both versions side by
 * side, and a choice between taking one's changes back to the form or opening the current version.
 */
export function ActivityConflict({
  activityId,
  conflict,
  submitted,
  options,
}: {
  activityId: number;
  conflict: ActivityConflictData;
  /** The fields exactly as typed, to put back into the form. */
  submitted: ActivityFormValues;
  options: ActivityFormOptions;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();

  const names =
    <T extends { id: number }>(list: T[], name: (item: T) => string) =>
    (v: ActivityFormValues, field: string) => {
      const chosen = new Set(listOf(v, field));
      return list.filter((item) => chosen.has(String(item.id))).map(name);
    };
  const commitmentNames = names(options.commitments, (c) => localized(c.text, lang));
  const organizationNames = names(
    options.organizations,
    (o) => localized(o.name, lang) + (o.acronym ? ` (${o.acronym})` : ""),
  );
  const personNames = names(options.people, (p) => p.name);
  const text = (field: string) => (v: ActivityFormValues) => {
    const s = valueOf(v, field);
    return s ? [s] : [];
  };
  const moment = (date: string, time: string) => (date ? `${format.day(date)}${time ? ` ${time}` : ""}` : "");
  const sortedIds = (field: string) => (v: ActivityFormValues) => [...listOf(v, field)].sort().join(",");

  const rows: Row[] = [
    { key: "titleEn", label: t("activities.fields.titleEn"), show: text("titleEn") },
    { key: "titleId", label: t("activities.fields.titleId"), show: text("titleId") },
    { key: "type", label: t("activities.fields.type"), show: (v) => [t(`activityType.${valueOf(v, "type")}`)] },
    { key: "status", label: t("activities.fields.status"), show: (v) => [t(`activityStatus.${valueOf(v, "status")}`)] },
    { key: "mode", label: t("activities.fields.mode"), show: (v) => [t(`activityMode.${valueOf(v, "mode")}`)] },
    {
      key: "when",
      label: t("activities.fields.when"),
      show: (v) => {
        const start = moment(valueOf(v, "startsOn"), valueOf(v, "startTime"));
        const end = moment(valueOf(v, "endsOn") || valueOf(v, "startsOn"), valueOf(v, "endTime"));
        const range = end && end !== start ? t("activities.range", { start, end }) : start;
        return [valueOf(v, "startTime") ? range : `${range} (${t("activities.allDay")})`];
      },
      compare: (v) => ["startsOn", "startTime", "endsOn", "endTime"].map((f) => valueOf(v, f)).join("|"),
    },
    { key: "city", label: t("activities.fields.city"), show: text("city") },
    {
      key: "countryCode",
      label: t("activities.fields.countryCode"),
      show: (v) => {
        const c = options.countries.find((c) => c.code === valueOf(v, "countryCode"));
        return c ? [localized(c.name, lang)] : [];
      },
    },
    {
      key: "agreementId",
      label: t("activities.fields.agreementId"),
      show: (v) => {
        const a = options.agreements.find((a) => String(a.id) === valueOf(v, "agreementId"));
        return a ? [localized(a.title, lang)] : [];
      },
    },
    {
      key: "commitmentIds",
      label: t("activities.fields.commitmentIds"),
      show: (v) => commitmentNames(v, "commitmentIds"),
      compare: sortedIds("commitmentIds"),
    },
    {
      key: "organizerIds",
      label: t("activities.fields.organizerIds"),
      show: (v) => organizationNames(v, "organizerIds"),
      compare: sortedIds("organizerIds"),
    },
    {
      key: "participantIds",
      label: t("activities.fields.participantIds"),
      show: (v) => personNames(v, "participantIds"),
      compare: sortedIds("participantIds"),
    },
    { key: "descriptionEn", label: t("activities.fields.descriptionEn"), show: text("descriptionEn") },
    { key: "descriptionId", label: t("activities.fields.descriptionId"), show: text("descriptionId") },
    { key: "outputsEn", label: t("activities.fields.outputsEn"), show: text("outputsEn") },
    { key: "outputsId", label: t("activities.fields.outputsId"), show: text("outputsId") },
    { key: "lessons", label: t("activities.fields.lessons"), show: text("lessonsText") },
  ];

  const who = conflict.savedBy
    ? (conflict.savedBy.name ??
      t(`activities.history.${conflict.savedBy.label ?? "unknown"}`, { defaultValue: conflict.savedBy.label ?? "" }))
    : null;

  // Everything typed goes back through the form (the lessons' plain text too, for the textarea
  // shown until or unless the editor loads), except the intent and the version, set here.
  const carried = Object.entries(submitted).filter(([name]) => name !== "intent" && name !== "version");

  return (
    <section className="activity-conflict" aria-labelledby="conflict-title">
      <div role="alert" className="alert">
        <h2 id="conflict-title">{t("activities.conflict.title")}</h2>
        <p>{t("activities.conflict.intro")}</p>
        {who && conflict.savedBy ? (
          <p>{t("activities.conflict.savedBy", { name: who, when: format.dateTime(conflict.savedBy.at) })}</p>
        ) : null}
      </div>
      <table className="table activity-conflict__table" aria-labelledby="conflict-title">
        <thead>
          <tr>
            <th scope="col">{t("activities.conflict.field")}</th>
            <th scope="col">{t("activities.conflict.yours")}</th>
            <th scope="col">{t("activities.conflict.theirs")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("activities.conflict.differs")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = row.compare ?? ((v: ActivityFormValues) => row.show(v).join("\n"));
            const differs = key(conflict.yours) !== key(conflict.theirs);
            return (
              <tr key={row.key} className={differs ? "activity-conflict__differs" : undefined} data-field={row.key}>
                <th scope="row">{row.label}</th>
                <td>
                  <Shown lines={row.show(conflict.yours)} />
                </td>
                <td>
                  <Shown lines={row.show(conflict.theirs)} />
                </td>
                <td>
                  {differs ? (
                    <strong className="badge activity-conflict__badge">{t("activities.conflict.differs")}</strong>
                  ) : (
                    <span className="muted">{t("activities.conflict.same")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="activity-conflict__choices">
        <Form method="post" className="activity-conflict__choice">
          <input type="hidden" name="intent" value="revise" />
          <input type="hidden" name="version" value={conflict.version} />
          {carried.flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((v, i) => (
              <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
            )),
          )}
          <button type="submit" className="button" aria-describedby="keep-mine-hint">
            {t("activities.conflict.keepMine")}
          </button>
          <p id="keep-mine-hint" className="hint">
            {t("activities.conflict.keepMineHint")}
          </p>
        </Form>
        <p className="activity-conflict__choice">
          <Link to={`/activities/${activityId}/edit`} className="button button--secondary">
            {t("activities.conflict.discard")}
          </Link>
        </p>
      </div>
    </section>
  );
}

function Shown({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  if (!lines.length) return <span className="muted">{t("activities.conflict.empty")}</span>;
  if (lines.length === 1) return <span className="activity-conflict__text">{lines[0]}</span>;
  return (
    <ul className="plain">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
