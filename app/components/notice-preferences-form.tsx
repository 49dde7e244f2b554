import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import type { z } from "zod";
import type { ActionResult } from "../forms/result";
import { noticePreferencesForm } from "../forms/notice-preferences";
import { useTranslation } from "../i18n/translation";
import { textOf } from "./form-field";
import { useRecordForm } from "./use-record-form";

const allNotices = [
  "remindActivities",
  "remindCommitments",
  "remindFollowUps",
  "weeklyDigest",
  "notifyEnquiries",
] as const;

/** The account page's email notices, each on until the user turns it off; library requests for editors and admins. */
export function NoticePreferencesForm({
  preferences,
  handlesEnquiries,
  version,
  result,
}: {
  preferences: Record<(typeof allNotices)[number], boolean>;
  handlesEnquiries: boolean;
  version: number;
  result?: ActionResult;
}) {
  const notices = handlesEnquiries ? allNotices : allNotices.filter((n) => n !== "notifyEnquiries");
  const { t } = useTranslation();
  const [form, fields] = useRecordForm<keyof z.input<typeof noticePreferencesForm>>({
    id: "notices",
    result,
    defaultValue: Object.fromEntries(notices.map((n) => [n, preferences[n] ? "on" : ""])),
    schema: noticePreferencesForm,
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="notices" />
      <input type="hidden" name="version" value={version} />
      <fieldset className="notice-preferences">
        <legend>{t("notices.preferences.intro")}</legend>
        {notices.map((name) => (
          <div className="field" key={name}>
            <label>
              <input
                type="checkbox"
                name={name}
                id={`notices-${name}`}
                defaultChecked={textOf(fields[name]) === "on"}
                aria-describedby={`notices-${name}-hint`}
              />{" "}
              {t(`notices.preferences.${name}`)}
            </label>
            <p id={`notices-${name}-hint`} className="hint">
              {t(`notices.preferences.${name}Hint`)}
            </p>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button">
        {t("notices.preferences.save")}
      </button>
    </Form>
  );
}
