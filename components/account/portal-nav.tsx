"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/account", label: "overview" },
  { href: "/account/sessions", label: "sessions" },
  { href: "/account/activity", label: "activity" },
] as const;

/** The portal's sections; the current one is marked for screen readers (aria-current). */
export function PortalNav() {
  const pathname = usePathname();
  const t = useTranslations("PortalNav");
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200 bg-white print:hidden">
      <ul className="mx-auto flex max-w-4xl gap-1 overflow-x-auto px-4">
        {links.map((link) => {
          const current = link.href === "/account" ? pathname === "/account" : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className="inline-block border-b-2 border-transparent px-3 py-2.5 text-sm font-medium text-slate-700 hover:text-slate-950 aria-[current=page]:border-brand aria-[current=page]:text-brand"
              >
                {t(link.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
