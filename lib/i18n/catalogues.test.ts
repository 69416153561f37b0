import { describe, expect, it } from "vitest";
import { diffCatalogue, type MessageTree } from "./catalogue-diff";
import { catalogues } from "./catalogues";
import { LANGUAGES } from "./languages";

// Every catalogue says everything English says, no more, with the same placeholders: a page never
// shows a key instead of a sentence, and a translated sentence never drops a value.

const english = catalogues.en as MessageTree;

describe("the message catalogues", () => {
  it.each(LANGUAGES)("%s has exactly English's keys, each message filled in with English's placeholders", (language) => {
    expect(diffCatalogue(english, catalogues[language] as MessageTree)).toEqual({ missing: [], extra: [], mismatched: [] });
  });

  it("tells a missing key, an extra key, an empty message and a dropped placeholder", () => {
    const broken = structuredClone(catalogues.nl) as unknown as { [k: string]: { [k: string]: string } };
    delete broken.Shell.signOut;
    broken.Shell.logOut = "Afmelden";
    broken.Shell.homeLink = "Uw account";
    broken.NotFound.title = " ";
    expect(diffCatalogue(english, broken)).toEqual({
      missing: ["Shell.signOut"],
      extra: ["Shell.logOut"],
      mismatched: ["Shell.homeLink", "NotFound.title"],
    });
  });
});
