import { parseUserAgent, scriptClients, type Device } from "@/lib/devices/user-agent";

// A short, readable name for a User-Agent header ("Chrome on Linux"); the parse is lib/devices'
// (the server names devices in mails too), the words are here.
const words = {
  unknown: "Unknown device",
  on: (browser: string, system: string) => `${browser} on ${system}`,
  script: (language: string) => `a script (${language})`,
};

function describeDevice({ browser, system }: Device): string {
  const client = browser && scriptClients.has(browser) ? words.script(browser) : browser;
  if (client && system) return words.on(client, system);
  return client ?? system ?? words.unknown;
}

export const describeUserAgent = (userAgent: string | null): string => describeDevice(parseUserAgent(userAgent));
