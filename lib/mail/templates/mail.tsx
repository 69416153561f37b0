import { Button, Heading, Link, Text } from "@react-email/components";
import type { MailConfiguration } from "../configurations";
import { REDACTED_LINK } from "./catalog";
import { MailLayout } from "./layout";
import type { MailTheme } from "./theme";

// Every template in one component: the catalogue (./catalog.ts) says which parts a template has,
// ./render.ts puts them into words, and this lays them out.

export interface MailContent {
  language: string;
  subject: string;
  heading: string;
  /** the greeting, then the body */
  paragraphs: string[];
  code?: { value: string; note: string };
  /** href null: the link was redacted (the mail log's copy) */
  action?: { label: string; href: string | null; notes: string[]; fallback: string };
  closing?: string;
  footer: { reason: string; automated: string };
}

export function TemplateMail({ brand, theme, content }: { brand: MailConfiguration; theme: MailTheme; content: MailContent }) {
  const { styles } = theme;
  const { code, action } = content;
  return (
    <MailLayout brand={brand} theme={theme} language={content.language} subject={content.subject} footer={content.footer}>
      <Heading style={styles.heading}>{content.heading}</Heading>
      {content.paragraphs.map((paragraph, i) => (
        <Text key={i} style={styles.paragraph}>
          {paragraph}
        </Text>
      ))}
      {code && (
        <>
          <Text style={styles.code}>{code.value}</Text>
          <Text style={styles.small}>{code.note}</Text>
        </>
      )}
      {action && (
        <>
          {action.href ? (
            <Text style={{ margin: "8px 0 24px" }}>
              <Button href={action.href} style={styles.button} data-action="true">
                {action.label}
              </Button>
            </Text>
          ) : (
            <Text style={{ margin: "8px 0 24px" }}>
              <span style={styles.button}>{action.label}</span> <span style={{ color: theme.colors.muted }}>{REDACTED_LINK}</span>
            </Text>
          )}
          {action.notes.map((note, i) => (
            <Text key={i} style={styles.small}>
              {note}
            </Text>
          ))}
          {action.href && (
            // the text part has the address beside the label already
            <Text style={styles.small} data-skip-in-text="true">
              {action.fallback}
              <br />
              <Link href={action.href} style={styles.link}>
                {action.href}
              </Link>
            </Text>
          )}
        </>
      )}
      {content.closing && <Text style={{ ...styles.paragraph, marginTop: "16px" }}>{content.closing}</Text>}
    </MailLayout>
  );
}
