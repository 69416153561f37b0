import { useSyncExternalStore } from "react";

/** useSyncExternalStore's subscription for a value fixed for the page's life in the browser (hydration, the browser's zone). */
export const noChanges = () => () => {};

/**
 * False in the server's HTML and while React takes it over, true from then on. A control whose
 * work is done in JavaScript (a select that saves on change) stays disabled until then: a choice
 * made before would reach no handler, or be put back to the rendered value and saved as that.
 */
export const useHydrated = (): boolean =>
  useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
