import { formatRecoveryCode } from "@/lib/two-factor/schemas";
import type { SignedInAccount } from "@/components/account/signed-in-account";

// What a saved set of recovery codes says about itself, on paper and in a file: whose codes they
// are and for which site (a person with two accounts, or two sites, can tell their sets apart),
// and how to use them. One place for the texts, the download's name and the printout's title.

const texts = {
  title: (email: string, site: string) => `Recovery codes for ${email} — ${site}`,
  use: (url: string) => `For signing in at ${url} when your second step is not at hand.`,
  created: (date: string) => `Created ${date}. Each code works once. Keep them somewhere safe.`,
  fileName: (site: string, email: string) => `${site}-recovery-codes-${email}.txt`,
};

/** A name's letters and digits, the rest as dashes: "Gatehouse" → "gatehouse". */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** An address as a file name may hold it on every system: anything but letters, digits and . _ @ + - becomes a dash. */
const safeForFileName = (email: string) => email.replace(/[^A-Za-z0-9._@+-]/g, "-");

export function recoveryCodesSheet(codes: string[], { email, site }: SignedInAccount, created: Date) {
  const title = texts.title(email, site.name);
  const about = [texts.use(site.url), texts.created(created.toISOString().slice(0, 10))];
  return {
    /** the document's title while printing: browsers print it in the page's header */
    title,
    /** the lines under the title */
    about,
    fileName: texts.fileName(slug(site.name) || "site", safeForFileName(email)),
    /** the download and what "Copy codes" copies */
    text: [title, ...about, "", ...codes.map(formatRecoveryCode), ""].join("\n"),
  };
}
