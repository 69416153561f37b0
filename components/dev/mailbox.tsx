import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { MailSummary } from "@/lib/mail/mailbox";

// The development mailbox: the mail log as a list, and one message in a sandboxed frame
// (./mail-previews.tsx: every template, rendered with sample data).

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function When({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{timeFormat.format(date)} UTC</time>;
}

export function StatusBadge({ status }: { status: string }) {
  const tone = status === "sent" ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-800";
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${tone}`}>{status}</span>;
}

function mailboxHref(params: { id?: string; to?: string }) {
  const search = new URLSearchParams();
  if (params.to) search.set("to", params.to);
  if (params.id) search.set("id", params.id);
  const query = search.toString();
  return query ? `/dev/mailbox?${query}` : "/dev/mailbox";
}

export function MailList({ messages, selectedId, to }: { messages: MailSummary[]; selectedId?: string; to?: string }) {
  return (
    <section aria-label="Messages" className="min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <form method="get" action="/dev/mailbox" className="flex flex-wrap items-end gap-2 border-b border-slate-200 p-4">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="mailbox-to" className="text-sm font-medium text-slate-800">
            Recipient
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="email"
            defaultValue={to}
            placeholder="all recipients"
            className="min-h-10 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <button type="submit" className="min-h-10 rounded-md bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
          Filter
        </button>
        <Link
          href={mailboxHref({ to })}
          className="min-h-10 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          Refresh
        </Link>
      </form>
      {messages.length === 0 ? (
        <p className="p-4 text-sm text-slate-600">No messages yet.</p>
      ) : (
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">Stored messages, newest first</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">
                Message
              </th>
              <th scope="col" className="w-20 px-4 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => {
              const selected = m.id === selectedId;
              return (
                <tr
                  key={m.id}
                  className={`border-t border-slate-200 ${selected ? "bg-blue-50" : "hover:bg-slate-50"}`}
                  data-testid="mailbox-row"
                >
                  <td className="px-4 py-2">
                    <Link href={mailboxHref({ id: m.id, to })} aria-current={selected ? "true" : undefined} className="block min-w-0">
                      <span className="block truncate font-medium text-brand">{m.subject}</span>
                      <span className="block truncate text-slate-700">{m.toAddress}</span>
                      <span className="block text-xs text-slate-600">
                        <When date={m.createdAt} /> · {m.template} · {m.origin}/{m.language}
                      </span>
                    </Link>
                  </td>
                  <td className="px-4 py-2 align-top">
                    <StatusBadge status={m.status} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface MailDetail extends MailSummary {
  fromAddress: string;
  html: string;
  text: string;
  error: string | null;
}

export function MailViewer({ message }: { message: MailDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["From", message.fromAddress],
    ["To", message.toAddress],
    ["Subject", message.subject],
    ["Time", <When key="t" date={message.createdAt} />],
    ["Status", <StatusBadge key="s" status={message.status} />],
    ["Transport", message.transport],
    ["Template", `${message.template} (${message.origin}, ${message.language})`],
  ];
  if (message.error) rows.push(["Error", message.error]);
  return <MessageView subject={message.subject} rows={rows} html={message.html} text={message.text} />;
}

/** One message: its headers, its HTML part in a sandboxed frame, its text part. */
export function MessageView({
  subject,
  rows,
  html,
  text,
}: {
  subject: string;
  rows: [string, React.ReactNode][];
  html: string;
  text: string;
}) {
  return (
    <Card className="min-w-0">
      <h2 className="mb-4 text-lg font-semibold break-words">{subject}</h2>
      <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mb-2 text-sm font-semibold">HTML version</h3>
      {/* sandbox="" : no scripts, forms, navigation or same-origin access for the message. */}
      <iframe
        title={`HTML version of “${subject}”`}
        sandbox=""
        srcDoc={html}
        className="mb-6 h-[36rem] w-full rounded-md border border-slate-300 bg-white"
      />
      <h3 className="mb-2 text-sm font-semibold">Text version</h3>
      <pre
        className="max-h-[30rem] overflow-auto rounded-md border border-slate-300 bg-slate-50 p-4 text-sm whitespace-pre-wrap break-words"
        data-testid="mailbox-text"
      >
        {text}
      </pre>
    </Card>
  );
}

/** The development mailbox's header: what it is, its two views, and a line about what is shown. */
export function MailboxHeader({ view, summary }: { view: "messages" | "previews"; summary: string }) {
  const tabs = [
    ["messages", "/dev/mailbox", "Messages"],
    ["previews", "/dev/mailbox/preview", "Previews"],
  ] as const;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-baseline justify-between gap-3 px-4 py-3">
        <h1 className="font-semibold text-brand">Gatehouse · development mailbox</h1>
        <nav aria-label="Mailbox views" className="flex gap-4 text-sm">
          {tabs.map(([key, href, label]) => (
            <Link
              key={key}
              href={href}
              aria-current={view === key ? "page" : undefined}
              className={view === key ? "font-semibold text-brand underline" : "text-slate-700 hover:underline"}
            >
              {label}
            </Link>
          ))}
        </nav>
        <p className="text-sm text-slate-600">{summary}</p>
      </div>
    </header>
  );
}
