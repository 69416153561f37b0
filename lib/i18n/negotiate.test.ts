import { describe, expect, it } from "vitest";
import { acceptedLanguages, negotiateLanguage } from "./negotiate";

const gatehouse = { defaultLanguage: "en", languages: ["en", "nl", "fr", "de"] };
const dutchFirst = { defaultLanguage: "nl", languages: ["nl", "en"] };

describe("acceptedLanguages", () => {
  it("orders the primary subtags by weight, keeping the header's order among equals", () => {
    expect(acceptedLanguages("fr-BE,fr;q=0.9,en;q=0.5")).toEqual(["fr", "en"]);
    expect(acceptedLanguages("de;q=0.5, nl, en-GB;q=0.8")).toEqual(["nl", "en", "de"]);
    expect(acceptedLanguages("en, fr")).toEqual(["en", "fr"]);
  });

  it("drops q=0, the wildcard and what is not a language range", () => {
    expect(acceptedLanguages("fr;q=0, *;q=0.5, 12, ;;;q=x, de;q=oops, nl")).toEqual(["nl"]);
    expect(acceptedLanguages("")).toEqual([]);
    expect(acceptedLanguages(null)).toEqual([]);
  });

  it("reads only the start of a huge header", () => {
    const huge = `${"xx;q=0.1,".repeat(10_000)}fr`;
    expect(acceptedLanguages(huge)).toEqual(["xx"]);
  });
});

describe("negotiateLanguage", () => {
  it("takes the saved choice, then the cookie, then Accept-Language, then the brand's default", () => {
    const all = { saved: "de", cookie: "fr", acceptLanguage: "nl" };
    expect(negotiateLanguage(all, gatehouse)).toBe("de");
    expect(negotiateLanguage({ ...all, saved: null }, gatehouse)).toBe("fr");
    expect(negotiateLanguage({ acceptLanguage: "nl" }, gatehouse)).toBe("nl");
    expect(negotiateLanguage({}, gatehouse)).toBe("en");
    expect(negotiateLanguage({}, dutchFirst)).toBe("nl");
  });

  it("skips a source that names a language the brand does not offer, or none of ours", () => {
    expect(negotiateLanguage({ saved: "fr", cookie: "de", acceptLanguage: "es, en;q=0.2" }, dutchFirst)).toBe("en");
    expect(negotiateLanguage({ cookie: "xx", acceptLanguage: "es" }, dutchFirst)).toBe("nl");
    expect(negotiateLanguage({ cookie: "EN" }, gatehouse)).toBe("en");
  });
});
