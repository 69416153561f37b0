import { describe, expect, it } from "vitest";
import { deviceKey, parseDeviceKey, parseUserAgent } from "./user-agent";

const agents = {
  chromeLinux: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  chromeLinuxNewer: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  headless: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
};

describe("the device behind a User-Agent header (browser and OS family)", () => {
  it("names the browser and the system, not their versions", () => {
    expect(parseUserAgent(agents.chromeLinux)).toEqual({ browser: "Chrome", system: "Linux" });
    expect(parseUserAgent(agents.headless)).toEqual({ browser: "Chrome", system: "Linux" });
    expect(parseUserAgent(agents.firefoxWindows)).toEqual({ browser: "Firefox", system: "Windows" });
    expect(parseUserAgent(agents.edgeWindows)).toEqual({ browser: "Edge", system: "Windows" });
    expect(parseUserAgent(agents.safariMac)).toEqual({ browser: "Safari", system: "macOS" });
    expect(parseUserAgent(agents.safariIphone)).toEqual({ browser: "Safari", system: "iOS" });
    expect(parseUserAgent(agents.chromeAndroid)).toEqual({ browser: "Chrome", system: "Android" });
    expect(parseUserAgent("curl/8.5.0")).toEqual({ browser: "curl", system: null });
    expect(parseUserAgent("node")).toEqual({ browser: "Node.js", system: null });
    expect(parseUserAgent(null)).toEqual({ browser: null, system: null });
    expect(parseUserAgent("")).toEqual({ browser: null, system: null });
  });

  it("a browser update is the same device; another browser or system is another one", () => {
    expect(deviceKey(agents.chromeLinux)).toBe(deviceKey(agents.chromeLinuxNewer));
    expect(deviceKey(agents.chromeLinux)).not.toBe(deviceKey(agents.firefoxWindows));
    expect(deviceKey(agents.chromeLinux)).not.toBe(deviceKey(agents.chromeAndroid));
    expect(deviceKey(agents.edgeWindows)).not.toBe(deviceKey(agents.firefoxWindows));
  });

  it("a missing or unreadable header is one device of its own, never none", () => {
    expect(deviceKey(null)).toBe(deviceKey(""));
    expect(deviceKey(null)).toBe(deviceKey("something nobody knows"));
    expect(deviceKey(null)).not.toBe(deviceKey(agents.chromeLinux));
  });

  it("a key reads back as the device it names", () => {
    for (const agent of [...Object.values(agents), null, "curl/8.5.0"])
      expect(parseDeviceKey(deviceKey(agent))).toEqual(parseUserAgent(agent));
    expect(parseDeviceKey("not a key")).toEqual({ browser: null, system: null });
  });
});
