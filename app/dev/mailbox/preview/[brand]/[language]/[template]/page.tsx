import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { MailboxHeader, MessageView } from "@/components/dev/mailbox";
import { PreviewPicker } from "@/components/dev/mail-previews";
import { listMailConfigurations } from "@/lib/mail";
import { mayReadDevMailbox } from "@/lib/mail/dev-mailbox-access";
import { previewMail } from "@/lib/mail/mailbox";

// One template as a brand sends it in one language, with sample data: the mailbox's previews, for
// the same readers as the mailbox (lib/mail/dev-mailbox-access.ts); everyone else gets the 404 page.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mail previews (development)", robots: { index: false, follow: false } };

type Params = Promise<{ brand: string; language: string; template: string }>;

export default async function DevMailPreviewPage({ params }: { params: Params }) {
  if (!(await mayReadDevMailbox(await headers()))) notFound();
  const { brand: brandId, language, template } = await params;
  const preview = await previewMail(brandId, language, template);
  if (!preview) notFound();
  const { brand, mail } = preview;
  const rows: [string, React.ReactNode][] = [
    ["From", brand.sender],
    ["Subject", mail.subject],
    ["Template", `${preview.template} (${brand.id}, ${mail.language})`],
    ["Data", "sample data, not a real account's"],
  ];
  return (
    <div className="min-h-screen">
      <MailboxHeader view="previews" summary="Every template in every brand and language, with sample data" />
      <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <PreviewPicker
          brands={listMailConfigurations()}
          current={{ brand: brand.id, language: mail.language, template: preview.template }}
        />
        <MessageView subject={mail.subject} rows={rows} html={mail.html} text={mail.text} />
      </main>
    </div>
  );
}
