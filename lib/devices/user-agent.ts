// The device behind a User-Agent header, as a person would name it: the browser (or client) and
// the operating system, families only. Enough to recognise "my laptop's Firefox"; not a
// fingerprint, and a browser update stays the same device. Names are proper names (never
// translated); how a page or a mail words them is theirs to say.

export interface Device {
  browser: string | null;
  system: string | null;
}

// first match wins: Edge and Opera also say "Chrome", Chrome also says "Safari"
const browsers: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\//, "Firefox"],
  [/HeadlessChrome|Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//i, "curl"],
  [/node|undici/i, "Node.js"],
  [/python/i, "Python"],
];
const systems: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** Clients that are programs rather than browsers: a page says "a script (Node.js)". */
export const scriptClients: ReadonlySet<string> = new Set(["Node.js", "Python"]);

export function parseUserAgent(userAgent: string | null | undefined): Device {
  if (!userAgent) return { browser: null, system: null };
  return {
    browser: browsers.find(([re]) => re.test(userAgent))?.[1] ?? null,
    system: systems.find(([re]) => re.test(userAgent))?.[1] ?? null,
  };
}

const UNKNOWN = "?";
const byName = (list: [RegExp, string][], name: string) => (list.some(([, known]) => known === name) ? name : null);

/**
 * The device as one short string, "Firefox/Windows" ("?" for a part that could not be read):
 * what lib/devices stores per account. A header nobody can read is one device of its own, so
 * leaving the header out does not hide a sign-in.
 */
export function deviceKey(userAgent: string | null | undefined): string {
  const { browser, system } = parseUserAgent(userAgent);
  return `${browser ?? UNKNOWN}/${system ?? UNKNOWN}`;
}

/** The device a key names; anything that is not a key reads as an unknown device. */
export function parseDeviceKey(key: string): Device {
  const [browser = "", system = "", ...rest] = key.split("/");
  if (rest.length > 0) return { browser: null, system: null };
  return { browser: byName(browsers, browser), system: byName(systems, system) };
}
