import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/docs/api-reference";
import { currentBrand } from "@/lib/brands/current";

export async function generateMetadata(): Promise<Metadata> {
  const [brand, t] = await Promise.all([currentBrand(), getTranslations("DocsPage")]);
  return { title: t("title"), description: t("description", { brand: brand.displayName }) };
}

const links = [
  { href: "/api/openapi.json", label: "openapi" },
  { href: "/.well-known/openid-configuration", label: "discovery" },
  { href: "/.well-known/jwks.json", label: "jwks" },
] as const;

// The page's main landmark is the reference's own (Swagger UI renders the operations in a <main>):
// the page's title and links are its header.
export default async function DocsPage() {
  const [brand, t] = await Promise.all([currentBrand(), getTranslations("DocsPage")]);
  return (
    <div className="mx-auto max-w-6xl px-4 pb-8">
      <header className="mb-4 border-b border-slate-200 pt-4 pb-4">
        {/* the way back to the portal (signed out, /account leads on to the sign-in page); a plain link, which the reference's page does not prefetch */}
        <a href="/account" className="text-sm font-medium text-brand hover:underline">
          <span aria-hidden="true">← </span>
          {t("back")}
        </a>
        <h1 className="mt-4 text-2xl font-semibold">{t("heading", { brand: brand.displayName })}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
        <nav aria-label={t("documents")} className="mt-3">
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {links.map((link) => (
              <li key={link.href}>
                <a className="text-brand underline hover:text-brand-dark" href={link.href}>
                  {t(`links.${link.label}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <ApiReference url="/api/openapi.json" />
    </div>
  );
}
