"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/users", label: "Accounts" },
  { href: "/admin/mail", label: "Mail log" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration">
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => {
          const current = link.exact ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-brand text-white" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
