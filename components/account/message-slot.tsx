import type { ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";

/**
 * A form-level message in a slot that keeps its height whether or not there is a message, so a
 * failure appearing after submit does not push the form around (no layout shift).
 */
export function MessageSlot({ message, tone = "error" }: { message: ReactNode; tone?: "error" | "info" | "success" }) {
  return (
    <div className="min-h-11">
      <FormAlert message={message} tone={tone} />
    </div>
  );
}
