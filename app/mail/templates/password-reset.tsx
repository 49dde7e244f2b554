import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { mailTranslator } from "../translator.server";
import { MailLayout, mailStyles } from "../layout";
import { renderMail } from "../render.server";
import { LinkAction } from "./link-action";

interface PasswordReset {
  lang: Language;
  origin: string;
  /** The page where the user chooses a new password, with the token. */
  link: string;
  name: string;
  email: string;
}

export function PasswordResetMail(props: PasswordReset) {
  const { t } = mailTranslator(props.lang);
  const app = t("app.name");
  return (
    <MailLayout lang={props.lang} appName={app} origin={props.origin} preview={t("email.access.resetPreview")}>
      <Heading as="h1" style={mailStyles.heading}>
        {t("email.access.resetSubject", { app })}
      </Heading>
      <Text style={mailStyles.text}>{t("email.access.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>{t("email.access.resetText", { app, email: props.email })}</Text>
      <LinkAction href={props.link} label={t("email.access.resetAction")} copyHint={t("email.access.copyLink")} />
      <Text style={mailStyles.text}>{t("email.access.resetExpiry")}</Text>
      <Text style={mailStyles.small}>{t("email.access.resetIgnore")}</Text>
    </MailLayout>
  );
}

/** The reset link as it is queued: subject and body in the user's language. */
export function passwordResetMail(props: PasswordReset) {
  const { t } = mailTranslator(props.lang);
  return renderMail(t("email.access.resetSubject", { app: t("app.name") }), <PasswordResetMail {...props} />);
}
