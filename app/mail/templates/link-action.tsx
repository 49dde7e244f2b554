import { Button, Link, Text } from "@react-email/components";
import { mailStyles } from "../layout";

/**
 * The link a message is for: a button, and the address itself for a client that shows no buttons
 * (and for the plain-text part, which keeps the words and the address).
 */
export function LinkAction({ href, label, copyHint }: { href: string; label: string; copyHint: string }) {
  return (
    <>
      <Text style={mailStyles.text}>
        <Button href={href} style={mailStyles.button}>
          {label}
        </Button>
      </Text>
      <Text style={mailStyles.small}>
        {copyHint}
        <br />
        <Link href={href}>{href}</Link>
      </Text>
    </>
  );
}
