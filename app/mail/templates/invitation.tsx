import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { mailTranslator } from "../translator.server";
import type { Role } from "../../lib/enums";
import { MailLayout, mailStyles } from "../layout";
import { renderMail } from "../render.server";
import { LinkAction } from "./link-action";

interface Invitation {
  lang: Language;
  origin: string;
  /** The page where the invitee chooses a password, with the token. */
  link: string;
  name: string;
  role: Role;
  inviter: string;
}

export function InvitationMail(props: Invitation) {
  const { t } = mailTranslator(props.lang);
  const app = t("app.name");
  return (
    <MailLayout
      lang={props.lang}
      appName={app}
      origin={props.origin}
      preview={t("email.access.invitationPreview", { inviter: props.inviter, app })}
    >
      <Heading as="h1" style={mailStyles.heading}>
        {t("email.access.invitationSubject", { app })}
      </Heading>
      <Text style={mailStyles.text}>{t("email.access.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>
        {t("email.access.invitationText", { inviter: props.inviter, app, role: t(`roles.${props.role}`) })}
      </Text>
      <LinkAction href={props.link} label={t("email.access.invitationAction")} copyHint={t("email.access.copyLink")} />
      <Text style={mailStyles.text}>{t("email.access.invitationExpiry", { inviter: props.inviter })}</Text>
      <Text style={mailStyles.small}>{t("email.access.invitationIgnore")}</Text>
    </MailLayout>
  );
}

/** The invitation as it is queued: subject and body in the invitee's language. */
export function invitationMail(props: Invitation) {
  const { t } = mailTranslator(props.lang);
  return renderMail(t("email.access.invitationSubject", { app: t("app.name") }), <InvitationMail {...props} />);
}
