import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { previewHref } from "@/components/dev/mail-previews";
import { defaultMailConfiguration, templateNames } from "@/lib/mail";
import { mayReadDevMailbox } from "@/lib/mail/dev-mailbox-access";

// The previews start at the default brand's first template, in its default language.
export const dynamic = "force-dynamic";

export default async function DevMailboxPreviewsPage() {
  if (!(await mayReadDevMailbox(await headers()))) notFound();
  const brand = defaultMailConfiguration();
  redirect(previewHref({ brand: brand.id, language: brand.defaultLanguage, template: templateNames[0] }));
}
