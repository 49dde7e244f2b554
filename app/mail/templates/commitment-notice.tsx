import { Button, Heading, Text } from "@react-email/components";
import type { TFunction } from "../../i18n/translator";
import type { MailKey } from "../translator.server";
import { createFormatter } from "../../lib/format";
import type { CommitmentStatus } from "../../lib/enums";
import { MailLayout, mailStyles, type MailFrame } from "../layout";
import { NoticeFooter, shortText } from "./notice-footer";

export interface CommitmentNotice {
  text: string;
  /** A calendar date, the same day in every zone. */
  dueOn: string;
  status: CommitmentStatus;
  url: string;
}

export type CommitmentMailFrame = MailFrame & { t: TFunction<MailKey>; unsubscribeUrl: string };

/** The footer of both commitment notices. */
export function commitmentFooter(frame: CommitmentMailFrame) {
  const { t } = frame;
  return (
    <NoticeFooter
      t={t}
      why={`${t("email.notices.commitmentDue.why")} ${t("email.notices.why", { what: t("notices.kinds.commitments") })}`}
      unsubscribeUrl={frame.unsubscribeUrl}
    />
  );
}

/**
 * A commitment whose focal point works for the recipient's organization: due within 14 days, or
 * past its due date. One template, the two differing only in their words.
 */
export function commitmentNoticeMail(frame: CommitmentMailFrame, c: CommitmentNotice, kind: "due" | "overdue") {
  const { t } = frame;
  const date = createFormatter(frame.lang, "UTC").day(c.dueOn);
  const status = t(`commitmentStatus.${c.status}`);
  const words = kind === "due" ? "commitmentDue" : "commitmentOverdue";
  const heading = t(`email.notices.${words}.heading`, { date });
  const element = (
    <MailLayout {...frame} preview={heading} footer={commitmentFooter(frame)}>
      <Heading as="h1" style={mailStyles.heading}>
        {heading}
      </Heading>
      <Text style={mailStyles.text}>{c.text}</Text>
      <Text style={mailStyles.text}>{t(`email.notices.${words}.text`, { date, status })}</Text>
      <Button href={c.url} style={mailStyles.button}>
        {t("email.notices.open")}
      </Button>
    </MailLayout>
  );
  return { subject: t(`email.notices.${words}.subject`, { date, text: shortText(c.text) }), element };
}
