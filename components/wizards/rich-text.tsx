import type { ReactNode } from "react";

// The tags the wizards' messages mark their emphasis with (t.rich): an address or a count the
// sentence is about, bold, and free to break anywhere (a long address must not overflow the card).

export const strong = (chunks: ReactNode) => <strong className="break-all">{chunks}</strong>;
