"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/admin", label: "overview", exact: true },
  { href: "/admin/users", label: "accounts", exact: false },
  { href: "/admin/mail", label: "mailLog", exact: false },
] as const;

export function AdminNav() {
  const pathname = usePathname();
  const t = useTranslations("AdminNav");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => {
          const current = link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-brand text-on-brand" : "text-slate-700 hover:bg-slate-100"}`}
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
