import { Heading, Text } from "@react-email/components";
import type { Language } from "../../i18n/config";
import { translatorFor } from "../../i18n/i18n.server";
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
  const { t } = translatorFor(props.lang);
  const app = t("app.name");
  return (
    <MailLayout
      lang={props.lang}
      appName={app}
      origin={props.origin}
      preview={t("access.mail.invitationPreview", { inviter: props.inviter, app })}
    >
      <Heading as="h1" style={mailStyles.heading}>
        {t("access.mail.invitationSubject", { app })}
      </Heading>
      <Text style={mailStyles.text}>{t("access.mail.greeting", { name: props.name })}</Text>
      <Text style={mailStyles.text}>
        {t("access.mail.invitationText", { inviter: props.inviter, app, role: t(`roles.${props.role}`) })}
      </Text>
      <LinkAction href={props.link} label={t("access.mail.invitationAction")} copyHint={t("access.mail.copyLink")} />
      <Text style={mailStyles.text}>{t("access.mail.invitationExpiry", { inviter: props.inviter })}</Text>
      <Text style={mailStyles.small}>{t("access.mail.invitationIgnore")}</Text>
    </MailLayout>
  );
}

/** The invitation as it is queued: subject and body in the invitee's language. */
export function invitationMail(props: Invitation) {
  const { t } = translatorFor(props.lang);
  return renderMail(t("access.mail.invitationSubject", { app: t("app.name") }), <InvitationMail {...props} />);
}
