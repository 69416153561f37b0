import { useTranslations } from "next-intl";
import Link from "next/link";

const linkStyle = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100";

/**
 * The links under a keyset-paged table: the API answers a cursor to the page before and to the
 * page after (null at either end), and `href` turns one into a link that keeps the filters.
 * Labels differ by list: a log reads newer / older, a sorted directory previous / next.
 */
export function Pager({
  prevCursor,
  nextCursor,
  href,
  order,
}: {
  prevCursor: string | null;
  nextCursor: string | null;
  href: (cursor: string) => string;
  order: "directory" | "log";
}) {
  const t = useTranslations("Pager");
  return (
    <nav aria-label={t("label")} className="flex justify-between gap-3">
      {/* the empty span keeps "next" on the right on the first page */}
      {prevCursor ? (
        <Link href={href(prevCursor)} rel="prev" className={linkStyle}>
          ← {t(`${order}.prev`)}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor && (
        <Link href={href(nextCursor)} rel="next" className={linkStyle}>
          {t(`${order}.next`)} →
        </Link>
      )}
    </nav>
  );
}
