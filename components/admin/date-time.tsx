import { LocalTime } from "@/components/activity/local-time";

/** A time in the dashboard, in the reader's time zone (components/activity/local-time.tsx); "—" for none. */
export function DateTime({ iso }: { iso: string | null | undefined }) {
  if (!iso || Number.isNaN(new Date(iso).getTime())) return <>—</>;
  return <LocalTime date={iso} />;
}
