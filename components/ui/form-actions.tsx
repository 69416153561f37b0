import type { ReactNode } from "react";
import { FormAlert } from "./form-alert";

/**
 * A form's buttons, and below them its message (a failure, a throttle's wait, a notice). Below,
 * a message that appears moves none of the buttons, and no empty space waits above them for a
 * message that is mostly not there. A field the message is about points at it with
 * `invalidBecause={messageId}` (TextField).
 */
export function FormActions({
  message,
  tone = "error",
  messageId,
  className = "",
  children,
}: {
  message: ReactNode;
  tone?: "error" | "info" | "success";
  messageId?: string;
  /** for the row of buttons */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3">
      <div className={`flex flex-wrap gap-2 ${className}`}>{children}</div>
      <FormAlert message={message} tone={tone} id={messageId} />
    </div>
  );
}
