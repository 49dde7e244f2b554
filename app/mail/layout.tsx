import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Language } from "../i18n/config";

export interface MailFrame {
  lang: Language;
  /** The app's name as the recipient reads it. */
  appName: string;
  /** The app's public origin (APP_URL), for links and the footer. */
  origin: string;
}

/**
 * The frame every email shares: the app's name, the message, and a footer with the app's address
 * and, for notices, how to stop them. No remote images or fonts: nothing loads from elsewhere.
 */
export function MailLayout(props: MailFrame & { preview: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Html lang={props.lang} dir="ltr">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={brand}>{props.appName}</Text>
          <Section>{props.children}</Section>
          <Hr style={rule} />
          <Text style={footer}>
            <Link href={props.origin} style={footerLink}>
              {props.origin.replace(/^https?:\/\//, "")}
            </Link>
          </Text>
          {props.footer ? <Text style={footer}>{props.footer}</Text> : null}
        </Container>
      </Body>
    </Html>
  );
}

const body = { backgroundColor: "#f6f7f9", fontFamily: "Arial, Helvetica, sans-serif", color: "#1b1f24" };
const container = { backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" };
const brand = { fontSize: "18px", fontWeight: "bold", color: "#0b5394", margin: "0 0 16px" };
const rule = { borderColor: "#d0d5dc", margin: "24px 0 12px" };
const footer = { fontSize: "12px", color: "#4a525c", margin: "4px 0" };
const footerLink = { color: "#4a525c" };

/** Shared styles for the message itself, so every template reads alike. */
export const mailStyles = {
  heading: { fontSize: "20px", margin: "0 0 12px" },
  text: { fontSize: "15px", lineHeight: "22px", margin: "0 0 12px" },
  button: {
    backgroundColor: "#0b5394",
    color: "#ffffff",
    padding: "10px 18px",
    borderRadius: "4px",
    textDecoration: "none",
    display: "inline-block",
  },
  small: { fontSize: "13px", color: "#4a525c", lineHeight: "19px" },
} as const;
