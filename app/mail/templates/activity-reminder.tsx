import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "../../i18n/translator";
import type { MailKey } from "../translator.server";
import { createFormatter } from "../../lib/format";
import { MailLayout, mailStyles, type MailFrame } from "../layout";
import { NoticeFooter, shortText } from "./notice-footer";

export interface ActivityReminder {
  title: string;
  startsAt: Date;
  allDay: boolean;
  /** "Baku, Azerbaijan", or empty. */
  place: string;
  online: boolean;
  url: string;
  /** Which reminder: a week ahead, or the last day. */
  lead: "7d" | "1d";
}

/** A reminder of an activity the recipient's organization organizes or takes part in. */
export function activityReminderMail(
  frame: MailFrame & { t: TFunction<MailKey>; timeZone: string; unsubscribeUrl: string },
  a: ActivityReminder,
) {
  const { t } = frame;
  const format = createFormatter(frame.lang, frame.timeZone);
  // All-day activities are dates, the same everywhere; a time is the recipient's, zone named.
  const when = a.allDay ? format.when(a.startsAt, true) : `${format.when(a.startsAt, false)} (${frame.timeZone})`;
  const subject = t(
    a.lead === "1d" ? "email.notices.activityReminder.subjectDay" : "email.notices.activityReminder.subjectWeek",
    {
      title: shortText(a.title),
    },
  );
  const place = a.online ? [t("email.notices.activityReminder.online"), a.place].filter(Boolean).join(" · ") : a.place;
  const element = (
    <MailLayout
      {...frame}
      preview={t("email.notices.activityReminder.when", { when })}
      footer={
        <NoticeFooter
          t={t}
          why={t("email.notices.why", { what: t("notices.kinds.activities") })}
          unsubscribeUrl={frame.unsubscribeUrl}
        />
      }
    >
      <Heading as="h1" style={mailStyles.heading}>
        {a.title}
      </Heading>
      <Text style={mailStyles.text}>{t("email.notices.activityReminder.when", { when })}</Text>
      {place ? <Text style={mailStyles.text}>{t("email.notices.activityReminder.where", { place })}</Text> : null}
      <Text style={mailStyles.small}>{t("email.notices.activityReminder.why")}</Text>
      <Button href={a.url} style={mailStyles.button}>
        {t("email.notices.open")}
      </Button>
    </MailLayout>
  );
  return { subject, element };
}
