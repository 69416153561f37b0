import type { MailConfiguration } from "../configurations";
import { escapeHtml } from "../html";
import { REDACTED_LINK } from "./catalog";

// The frame around every mail: one HTML layout (inline styles, no tables, readable without
// images) and one plain-text layout. Everything passed in `html*` fields is already escaped.

export interface LayoutInput {
  brand: MailConfiguration;
  language: string;
  subject: string;
  heading: string;
  /** each paragraph as escaped HTML and as plain text */
  paragraphs: { html: string; text: string }[];
  code?: string;
  /** under the code */
  codeNote?: { html: string; text: string };
  /** href null: the link was redacted (mail log copy) */
  button?: { label: string; href: string | null; fallbackLabel: string; notes: { html: string; text: string }[] };
  closing?: { html: string; text: string };
  footer: { html: string; text: string };
  automated: { html: string; text: string };
}

const font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";

export function layoutHtml(input: LayoutInput): string {
  const { brand, language } = input;
  const c = brand.colors;
  const p = `margin:0 0 16px;font-size:16px;line-height:1.5;color:${c.text};`;
  const small = `margin:0 0 8px;font-size:13px;line-height:1.5;color:${c.muted};`;
  const parts: string[] = [];
  parts.push(`<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${c.text};">${escapeHtml(input.heading)}</h1>`);
  for (const para of input.paragraphs) parts.push(`<p style="${p}">${para.html}</p>`);
  if (input.code !== undefined) {
    parts.push(
      `<p style="margin:0 0 16px;padding:16px;border:1px solid ${c.primary};border-radius:6px;background:${c.background};text-align:center;` +
        `font-family:'SFMono-Regular',Consolas,'Liberation Mono',Menlo,monospace;font-size:32px;font-weight:700;letter-spacing:6px;color:${c.text};">` +
        `${escapeHtml(input.code)}</p>`,
    );
    if (input.codeNote) parts.push(`<p style="${small}">${input.codeNote.html}</p>`);
  }
  if (input.button) {
    const b = input.button;
    const style = `display:inline-block;padding:12px 20px;border-radius:6px;background:${c.primary};color:${c.onPrimary};font-weight:600;font-size:16px;text-decoration:none;`;
    parts.push(
      b.href
        ? `<p style="margin:8px 0 24px;"><a href="${escapeHtml(b.href)}" style="${style}">${escapeHtml(b.label)}</a></p>`
        : `<p style="margin:8px 0 24px;"><span style="${style}">${escapeHtml(b.label)}</span> <span style="color:${c.muted};">${escapeHtml(REDACTED_LINK)}</span></p>`,
    );
    for (const note of b.notes) parts.push(`<p style="${small}">${note.html}</p>`);
    if (b.href)
      parts.push(
        `<p style="${small}">${escapeHtml(b.fallbackLabel)}<br><a href="${escapeHtml(b.href)}" style="color:${c.primary};word-break:break-all;">${escapeHtml(b.href)}</a></p>`,
      );
  }
  if (input.closing) parts.push(`<p style="${p}margin-top:16px;">${input.closing.html}</p>`);

  return `<!doctype html>
<html lang="${escapeHtml(language)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(input.subject)}</title>
</head>
<body style="margin:0;padding:0;background:${c.background};">
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(input.subject)}" lang="${escapeHtml(language)}" style="${font};background:${c.background};padding:24px 12px;">
<div style="max-width:560px;margin:0 auto;background:${c.surface};border-top:4px solid ${c.primary};border-radius:8px;padding:28px 24px;">
<p style="margin:0 0 24px;"><img src="${escapeHtml(brand.logo)}" alt="" width="40" height="40" style="display:inline-block;vertical-align:middle;border:0;"><span style="display:inline-block;vertical-align:middle;margin-left:10px;font-size:18px;font-weight:700;color:${c.primary};">${escapeHtml(brand.displayName)}</span></p>
${parts.join("\n")}
<hr style="border:0;border-top:1px solid ${c.background};margin:24px 0 16px;">
<p style="${small}">${input.footer.html}<br><a href="${escapeHtml(brand.portalUrl)}" style="color:${c.primary};">${escapeHtml(brand.portalUrl)}</a></p>
<p style="${small}">${input.automated.html}</p>
</div>
</div>
</body>
</html>
`;
}

export function layoutText(input: LayoutInput): string {
  const blocks: string[] = [input.brand.displayName, input.heading];
  for (const para of input.paragraphs) blocks.push(para.text);
  if (input.code !== undefined) {
    blocks.push(`    ${input.code}`);
    if (input.codeNote) blocks.push(input.codeNote.text);
  }
  if (input.button) {
    const b = input.button;
    blocks.push(`${b.label}:\n${b.href ?? REDACTED_LINK}`);
    for (const note of b.notes) blocks.push(note.text);
  }
  if (input.closing) blocks.push(input.closing.text);
  blocks.push(`-- \n${input.footer.text}\n${input.brand.portalUrl}\n${input.automated.text}`);
  return blocks.join("\n\n") + "\n";
}
