import { Body, Column, Container, Head, Hr, Html, Img, Link, Row, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { MailConfiguration } from "../configurations";
import type { MailTheme } from "./theme";

// The frame around every mail: the brand's header (logo and name), the card, and the footer.
// Inline styles only (./theme.ts), readable with images blocked. data-skip-in-text keeps an
// element out of the plain-text part, data-signature puts "-- " before it (./plain-text.ts).

export interface LayoutProps {
  brand: MailConfiguration;
  theme: MailTheme;
  language: string;
  subject: string;
  /** why the reader gets this mail, and that replies are not read */
  footer: { reason: string; automated: string };
  children: ReactNode;
}

export function MailLayout({ brand, theme, language, subject, footer, children }: LayoutProps) {
  const { styles } = theme;
  return (
    <Html lang={language} dir="ltr">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{subject}</title>
      </Head>
      <Body style={styles.page}>
        <div role="article" aria-roledescription="email" aria-label={subject} lang={language}>
          <Container style={styles.card}>
            <Row>
              <Column style={{ width: "40px" }}>
                <Img src={theme.logoUrl} alt={brand.displayName} width={40} height={40} style={{ borderRadius: "8px" }} />
              </Column>
              {/* the alt text names the brand where images are blocked; the text part has only this name */}
              <Column>
                <Text style={styles.brandName}>{brand.displayName}</Text>
              </Column>
            </Row>
            {children}
            <Hr style={styles.rule} data-skip-in-text="true" />
            <Text style={styles.small} data-signature="true">
              {footer.reason}
              <br />
              <Link href={brand.portalUrl} style={styles.link}>
                {brand.portalUrl}
              </Link>
            </Text>
            <Text style={styles.small}>{footer.automated}</Text>
          </Container>
        </div>
      </Body>
    </Html>
  );
}
