import { Button, Heading, Text } from "@react-email/components";
import { createFormatter } from "../../lib/format";
import { MailLayout, mailStyles } from "../layout";
import { commitmentFooter, type CommitmentMailFrame, type CommitmentNotice } from "./commitment-due";
import { shortText } from "./notice-footer";

/** A commitment whose focal point works for the recipient's organization has passed its due date. */
export function commitmentOverdueMail(frame: CommitmentMailFrame, c: CommitmentNotice) {
  const { t } = frame;
  const date = createFormatter(frame.lang, "UTC").day(c.dueOn);
  const status = t(`commitmentStatus.${c.status}`);
  const heading = t("email.notices.commitmentOverdue.heading");
  const element = (
    <MailLayout {...frame} preview={heading} footer={commitmentFooter(frame)}>
      <Heading as="h1" style={mailStyles.heading}>
        {heading}
      </Heading>
      <Text style={mailStyles.text}>{c.text}</Text>
      <Text style={mailStyles.text}>{t("email.notices.commitmentOverdue.text", { date, status })}</Text>
      <Button href={c.url} style={mailStyles.button}>
        {t("email.notices.open")}
      </Button>
    </MailLayout>
  );
  return { subject: t("email.notices.commitmentOverdue.subject", { date, text: shortText(c.text) }), element };
}
