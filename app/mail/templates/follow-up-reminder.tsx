import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "../../i18n/translator";
import type { MailKey } from "../translator.server";
import { createFormatter } from "../../lib/format";
import { MailLayout, mailStyles, type MailFrame } from "../layout";
import { NoticeFooter, shortText } from "./notice-footer";

export interface FollowUpReminder {
  title: string;
  visit: string;
  /** A calendar date, the same day in every zone. */
  dueOn: string;
  url: string;
}

/** A reminder to a follow-up's owner: due in a few days, or past its due date. */
export function followUpReminderMail(
  frame: MailFrame & { t: TFunction<MailKey>; unsubscribeUrl: string },
  f: FollowUpReminder,
  kind: "due" | "overdue",
) {
  const { t } = frame;
  const date = createFormatter(frame.lang, "UTC").day(f.dueOn);
  const heading = t(kind === "due" ? "followUps.email.dueHeading" : "followUps.email.overdueHeading", { date });
  const footer = (
    <NoticeFooter
      t={t}
      why={`${t("followUps.email.why")} ${t("email.notices.why", { what: t("notices.kinds.followups") })}`}
      unsubscribeUrl={frame.unsubscribeUrl}
    />
  );
  const element = (
    <MailLayout {...frame} preview={heading} footer={footer}>
      <Heading as="h1" style={mailStyles.heading}>
        {heading}
      </Heading>
      <Text style={mailStyles.text}>{f.title}</Text>
      <Text style={mailStyles.text}>{t("followUps.email.visit", { visit: f.visit })}</Text>
      <Button href={f.url} style={mailStyles.button}>
        {t("followUps.email.open")}
      </Button>
    </MailLayout>
  );
  const subject = t(kind === "due" ? "followUps.email.dueSubject" : "followUps.email.overdueSubject", {
    date,
    title: shortText(f.title),
  });
  return { subject, element };
}
