import type { CSSProperties } from "react";
import { brandLogo } from "../../brands/images";
import type { MailConfiguration } from "../configurations";

// A brand's look in a mail: the colours of its configuration (the values the pages turn into CSS
// variables, lib/brands), written inline, since mail clients know no custom properties, and its
// logo as the PNG its portal serves. Nothing here names a brand: a new one needs no code.

export interface MailTheme {
  colors: MailConfiguration["colors"];
  /** absolute: a mail has no base URL */
  logoUrl: string;
  styles: Record<"page" | "card" | "brandName" | "heading" | "paragraph" | "small" | "code" | "button" | "link" | "rule", CSSProperties>;
}

const font = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";
const mono = "'SFMono-Regular',Consolas,'Liberation Mono',Menlo,monospace";

export function mailTheme(brand: MailConfiguration): MailTheme {
  const c = brand.colors;
  const paragraph: CSSProperties = { margin: "0 0 16px", fontSize: "16px", lineHeight: "1.5", color: c.text };
  return {
    colors: c,
    logoUrl: `${brand.portalUrl}${brandLogo(brand)}`,
    styles: {
      page: { backgroundColor: c.background, fontFamily: font, padding: "24px 12px" },
      card: {
        maxWidth: "560px",
        backgroundColor: c.surface,
        borderTop: `4px solid ${c.primary}`,
        borderRadius: "8px",
        padding: "28px 24px",
      },
      brandName: { margin: "0 0 0 10px", fontSize: "18px", lineHeight: "1.3", fontWeight: 700, color: c.primary },
      heading: { margin: "24px 0 16px", fontSize: "22px", lineHeight: "1.3", color: c.text },
      paragraph,
      small: { margin: "0 0 8px", fontSize: "13px", lineHeight: "1.5", color: c.muted },
      code: {
        ...paragraph,
        padding: "16px",
        border: `1px solid ${c.primary}`,
        borderRadius: "6px",
        backgroundColor: c.background,
        textAlign: "center",
        fontFamily: mono,
        fontSize: "32px",
        fontWeight: 700,
        letterSpacing: "6px",
      },
      button: {
        display: "inline-block",
        padding: "12px 20px",
        borderRadius: "6px",
        backgroundColor: c.primary,
        color: c.onPrimary,
        fontWeight: 600,
        fontSize: "16px",
        textDecoration: "none",
      },
      link: { color: c.primary, textDecoration: "underline", wordBreak: "break-all" },
      rule: { borderTop: `1px solid ${c.background}`, margin: "24px 0 16px" },
    },
  };
}
