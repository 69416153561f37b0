import { useTranslations } from "next-intl";
import { parseUserAgent, scriptClients, type Device } from "@/lib/devices/user-agent";

// A short, readable name for a User-Agent header ("Chrome on Linux"); the parse is lib/devices'
// (the server names devices in mails too), the words are the catalogue's (Devices).

/** The Devices messages: useTranslations("Devices") in a component, await getTranslations("Devices") in an async one. */
export type DeviceWords = ReturnType<typeof useTranslations<"Devices">>;

function describeDevice({ browser, system }: Device, t: DeviceWords): string {
  const client = browser && scriptClients.has(browser) ? t("script", { language: browser }) : browser;
  if (client && system) return t("on", { browser: client, system });
  return client ?? system ?? t("unknown");
}

export const nameDevice = (userAgent: string | null, t: DeviceWords): string => describeDevice(parseUserAgent(userAgent), t);

/** Names devices in the page's language. */
export function useDeviceName(): (userAgent: string | null) => string {
  const t = useTranslations("Devices");
  return (userAgent) => nameDevice(userAgent, t);
}
