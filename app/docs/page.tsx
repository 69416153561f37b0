import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "The Gatehouse API (Eniris authentication API): every operation, its tokens, schemas and errors.",
};

const links = [
  { href: "/api/openapi.json", label: "OpenAPI 3.1 document" },
  { href: "/.well-known/openid-configuration", label: "Discovery document" },
  { href: "/.well-known/jwks.json", label: "Signing keys (JWKS)" },
];

// The page's main landmark is the reference's own (Swagger UI renders the operations in a <main>):
// the page's title and links are its header.
export default function DocsPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 pb-8">
      <header className="mb-4 border-b border-slate-200 pt-4 pb-4">
        {/* the way back to the portal (signed out, /account leads on to the sign-in page); a plain link, which the reference's page does not prefetch */}
        <a href="/account" className="text-sm font-medium text-brand hover:underline">
          <span aria-hidden="true">← </span>Your account
        </a>
        <h1 className="mt-4 text-2xl font-semibold">Gatehouse API reference</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          The Eniris authentication API as this server implements it. Every operation answers at the path shown and under <code>/api</code>.
          Use “Authorize” to paste a token, then “Try it out” to call this server.
        </p>
        <nav aria-label="Machine-readable documents" className="mt-3">
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {links.map((link) => (
              <li key={link.href}>
                <a className="text-brand underline hover:text-brand-dark" href={link.href}>
                  {link.label}
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
