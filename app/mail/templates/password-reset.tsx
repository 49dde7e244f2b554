import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { translatorFor } from "../../i18n/i18n.server";
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
  const { t } = translatorFor(props.lang);
  const app = t("app.name");
  return (
    <MailLayout lang={props.lang} appName={app} origin={props.origin} preview={t("access.mail.resetPreview")}>
      <Heading as="h1" style={mailStyles.heading}>
        {t("access.mail.resetSubject", { app })}
      </Heading>
      <Text style={mailStyles.text}>{t("access.mail.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>{t("access.mail.resetText", { app, email: props.email })}</Text>
      <LinkAction href={props.link} label={t("access.mail.resetAction")} copyHint={t("access.mail.copyLink")} />
      <Text style={mailStyles.text}>{t("access.mail.resetExpiry")}</Text>
      <Text style={mailStyles.small}>{t("access.mail.resetIgnore")}</Text>
    </MailLayout>
  );
}

/** The reset link as it is queued: subject and body in the user's language. */
export function passwordResetMail(props: PasswordReset) {
  const { t } = translatorFor(props.lang);
  return renderMail(t("access.mail.resetSubject", { app: t("app.name") }), <PasswordResetMail {...props} />);
}
