import { defineEndpoint } from "../http/endpoint";
import { getPreferences, preferencesBody, preferencesResponse, savePreferences } from "../preferences";
import { nullResponse } from "./common";

// The person's language and time zone (ours, the contract's §10).

export const getMyPreferences = defineEndpoint({
  method: "GET",
  path: "/user/preferences",
  auth: "access",
  summary: "My language and time zone (ours)",
  description:
    "The language the pages are shown in and every mail for the account is written in when the call that sends it names no `language`, " +
    "and the time zone times are shown in. `null`: not chosen (pages then follow the browser and the brand).",
  tags: ["Preferences"],
  success: { schema: preferencesResponse, description: "The saved choices." },
  async handle({ principal }) {
    return getPreferences(principal.userId);
  },
});

export const setMyPreferences = defineEndpoint({
  method: "PUT",
  path: "/user/preferences",
  auth: "access",
  body: preferencesBody,
  emptyBodyIsObject: true,
  summary: "Save my language and time zone (ours)",
  description:
    "Saves the keys the body has; `null` clears one, a key left out stays as it is. An unknown language or time zone answers 400 and saves nothing. " +
    "A time zone is stored under its canonical IANA name (`europe/brussels` → `Europe/Brussels`).",
  tags: ["Preferences"],
  success: { schema: nullResponse, description: "Saved." },
  async handle({ body, principal }) {
    await savePreferences(principal.userId, body);
    return null;
  },
});
