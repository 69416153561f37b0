import { useFormatter, useTranslations } from "next-intl";
import { useSignedInAccount } from "@/components/account/signed-in-account";
import { useReaderTimeZone } from "@/components/activity/local-time";
import { formatRecoveryCode } from "@/lib/two-factor/schemas";

// What a saved set of recovery codes says about itself, on paper and in a file: whose codes they
// are and for which site (a person with two accounts, or two sites, can tell their sets apart),
// and how to use them, in the page's language. One place for the texts, the download's name and
// the printout's title.

/** A name's letters and digits, the rest as dashes: "Gatehouse" → "gatehouse". */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** An address as a file name may hold it on every system: anything but letters, digits and . _ @ + - becomes a dash. */
const safeForFileName = (email: string) => email.replace(/[^A-Za-z0-9._@+-]/g, "-");

/** The sheet of the signed-in account's new codes, made at `created`. */
export function useRecoveryCodesSheet(codes: string[], created: Date) {
  const t = useTranslations("RecoveryCodesSheet");
  const format = useFormatter();
  const timeZone = useReaderTimeZone();
  const { email, site } = useSignedInAccount();
  const title = t("title", { email, site: site.name });
  const about = [t("use", { url: site.url }), t("created", { date: format.dateTime(created, { dateStyle: "long", timeZone }) })];
  return {
    /** the document's title while printing: browsers print it in the page's header */
    title,
    /** the lines under the title */
    about,
    fileName: t("fileName", { site: slug(site.name) || "site", email: safeForFileName(email) }),
    /** the download and what "Copy codes" copies */
    text: [title, ...about, "", ...codes.map(formatRecoveryCode), ""].join("\n"),
  };
}
