/**
 * An address as the sign-in's second step shows it before the person has proved anything
 * (`u•••@example.com`): enough to tell which mailbox to open, not enough to read someone's
 * address off a shared screen. Undefined for what is no address: the form then says "your email
 * address" in the page's language.
 */
export function maskEmail(email: string): string | undefined {
  const at = email.lastIndexOf("@");
  if (at < 1) return undefined;
  return `${email[0]}•••${email.slice(at)}`;
}
