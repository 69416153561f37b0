// docs/api.md §2.
export const TOKEN_LIFETIME_SECONDS = {
  access: 5 * 60,
  sudo: 5 * 60,
  partial: 5 * 60,
  refresh: 14 * 24 * 60 * 60,
  /** the longest-lived signed token: how long a retired signing key stays published */
  max: 5 * 60,
} as const;
