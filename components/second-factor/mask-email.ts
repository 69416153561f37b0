/**
 * An address as the sign-in's second step shows it before the person has proved anything
 * (`u•••@example.com`): enough to tell which mailbox to open, not enough to read someone's
 * address off a shared screen.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "your email address";
  return `${email[0]}•••${email.slice(at)}`;
}
