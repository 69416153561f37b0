import Link from "next/link";
import { codeTemplates, linkTemplates, noticeTemplates, type MailConfiguration, type TemplateName } from "@/lib/mail";

// The mailbox's previews: every template in every brand and language, rendered with sample data
// (lib/mail/templates/samples.ts). This picks one; ./mailbox.tsx's MessageView shows it.

export interface PreviewChoice {
  brand: string;
  language: string;
  template: TemplateName;
}

export const previewHref = ({ brand, language, template }: PreviewChoice) => `/dev/mailbox/preview/${brand}/${language}/${template}`;

const groups: [string, readonly TemplateName[]][] = [
  ["Codes", codeTemplates],
  ["Links", linkTemplates],
  ["Notices", noticeTemplates],
];

function Choice({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`block rounded px-2 py-1 ${current ? "bg-blue-50 font-semibold text-brand" : "text-slate-800 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}

export function PreviewPicker({ brands, current }: { brands: readonly MailConfiguration[]; current: PreviewChoice }) {
  const brand = brands.find((b) => b.id === current.brand)!;
  return (
    <nav aria-label="Templates" className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <section aria-labelledby="preview-brands">
        <h2 id="preview-brands" className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          Brand
        </h2>
        <ul className="flex flex-wrap gap-1">
          {brands.map((b) => (
            <li key={b.id}>
              <Choice
                href={previewHref({
                  ...current,
                  brand: b.id,
                  language: b.languages.includes(current.language) ? current.language : b.defaultLanguage,
                })}
                current={b.id === brand.id}
              >
                {b.displayName}
              </Choice>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="preview-languages">
        <h2 id="preview-languages" className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          Language
        </h2>
        <ul className="flex flex-wrap gap-1">
          {brand.languages.map((language) => (
            <li key={language}>
              <Choice href={previewHref({ ...current, language })} current={language === current.language}>
                {language}
              </Choice>
            </li>
          ))}
        </ul>
      </section>
      {groups.map(([label, templates]) => (
        <section key={label} aria-labelledby={`preview-${label}`}>
          <h2 id={`preview-${label}`} className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {label}
          </h2>
          <ul>
            {templates.map((template) => (
              <li key={template}>
                <Choice href={previewHref({ ...current, template })} current={template === current.template}>
                  {template}
                </Choice>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
