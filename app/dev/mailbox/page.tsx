import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { MailboxHeader, MailList, MailViewer } from "@/components/dev/mailbox";
import { mayReadDevMailbox } from "@/lib/mail/dev-mailbox-access";
import { getMailMessage, imagesFromHere, listMailMessages } from "@/lib/mail/mailbox";

// Development mailbox: what the outbox (and every other transport) recorded. It shows codes and
// links, so lib/mail/dev-mailbox-access.ts decides who may see it; everyone else gets the 404 page.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mailbox (development)", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function DevMailboxPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await mayReadDevMailbox(await headers()))) notFound();
  const params = await searchParams;
  const to = first(params.to)?.toLowerCase();
  const id = first(params.id);
  const [messages, selected] = await Promise.all([listMailMessages({ limit: 100, to }), id ? getMailMessage(id) : null]);
  return (
    <div className="min-h-screen">
      <MailboxHeader
        view="messages"
        summary={`${messages.length === 100 ? "The newest 100 messages" : `${messages.length} messages`}, newest first`}
      />
      <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <MailList messages={messages} selectedId={selected?.id} to={to} />
        {selected ? (
          <MailViewer message={{ ...selected, html: imagesFromHere(selected.html) }} />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600">
            {id ? "That message does not exist." : "Choose a message to read it."}
          </p>
        )}
      </main>
    </div>
  );
}
