import { existsSync } from "node:fs";

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser if installed. */
export async function findChromium(): Promise<string> {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {}
  throw new Error(
    "No Chromium found for the browser tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH to a Chromium/Chrome binary.",
  );
}
