import { describe, expect, it } from "vitest";
import file from "@/lib/mail/configurations.json";
import { loadMailConfigurations } from "@/lib/mail/configurations";
import { hostMatcher } from "./hosts";

// The brand a page wears is the brand whose portalUrl has the request's host (the contract's §10).

const { all, fallback } = loadMailConfigurations(file, "http://127.0.0.1:3000");
const brandForHost = hostMatcher(all, fallback);
const id = (host: string | null | undefined) => brandForHost(host).id;

describe("hostMatcher", () => {
  it("picks the brand whose portal has the host, in any case, with or without the scheme's default port", () => {
    expect(id("portal.smartgridone.example")).toBe("smartgridone");
    expect(id("PORTAL.SmartgridOne.example")).toBe("smartgridone");
    expect(id("portal.smartgridone.example.")).toBe("smartgridone");
    expect(id("portal.sofar.example:443")).toBe("sofar");
    expect(id("portal.sofar.example:80")).toBe("sofar");
    expect(id("127.0.0.1:3000")).toBe("gatehouse"); // the default brand's portal is APP_URL
  });

  it("takes another port when no other brand's portal shares the hostname", () => {
    expect(id("portal.smartgridone.example:3362")).toBe("smartgridone");
    const shared = hostMatcher(
      [
        { id: "a", portalUrl: "http://localhost:3001" },
        { id: "b", portalUrl: "http://localhost:3002" },
      ],
      { id: "default", portalUrl: "http://127.0.0.1" },
    );
    expect([shared("localhost:3001").id, shared("localhost:3002").id, shared("localhost:3003").id]).toEqual(["a", "b", "default"]);
  });

  it("gives the default brand to every other host, and to what is no host at all", () => {
    const others = [
      null,
      undefined,
      "",
      "evil.example",
      "smartgridone",
      "sofar.example",
      "portal.sofar.example.evil",
      "a b",
      "x/y",
      "u@portal.sofar.example",
      "[::1",
    ];
    for (const host of others) expect(id(host), String(host)).toBe("gatehouse");
  });
});
