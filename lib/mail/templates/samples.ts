import type { TemplateData } from "../types";

// Data that fills every template (each takes the keys it knows): the development mailbox's
// previews and the template tests render with it. The link is the brand's portal page a real
// mail would carry; none of it is anyone's.
export const sampleData = (portalUrl: string): TemplateData => ({
  code: "493817",
  link: `${portalUrl}/reset-password?token=sample-token`,
  minutes: 60,
  newEmail: "new.address@example.com",
  oldEmail: "old.address@example.com",
  method: "totp",
  passkeyName: "Work laptop",
  oldPasskeyName: "MacBook",
  remaining: 7,
  device: "Firefox/Windows",
  ip: "203.0.113.7",
  time: "2026-12-01T10:30:00.000Z",
});
