"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

/** Open modals, innermost last: only the innermost one answers Escape and keeps Tab inside. */
const openModals: symbol[] = [];

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

/**
 * An accessible modal dialog: role="dialog" + aria-modal, labelled by its title (and described by
 * `description`), focus moved inside on open (to `initialFocus`, else the first field or button),
 * Tab and Shift+Tab kept inside, Escape closes, and focus returns to what had it before.
 * The page behind is inert while it is open. Dialogs may stack (a form, then the step-up on top).
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  initialFocus,
  closeLabel,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  initialFocus?: React.RefObject<HTMLElement | null>;
  /** the ✕ button's name; "Close" in the page's language unless told otherwise */
  closeLabel?: string;
  testId?: string;
}) {
  const t = useTranslations("Modal");
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    if (!open) return;
    const self = Symbol("modal");
    openModals.push(self);
    const previous = document.activeElement as HTMLElement | null;
    const siblings = Array.from(document.body.children).filter((el) => el !== panel.current?.closest("[data-modal-root]")) as HTMLElement[];
    const wasInert = siblings.map((el) => el.inert);
    siblings.forEach((el) => (el.inert = true));
    const focusFirst = () => {
      const target =
        initialFocus?.current ??
        panel.current?.querySelector<HTMLElement>("input, select, textarea") ??
        panel.current?.querySelector<HTMLElement>(FOCUSABLE) ??
        panel.current;
      target?.focus();
    };
    const frame = requestAnimationFrame(focusFirst);
    const onKeyDown = (event: KeyboardEvent) => {
      if (openModals[openModals.length - 1] !== self) return; // a dialog opened on top of this one
      if (event.key === "Escape") {
        event.preventDefault();
        onCloseRef.current();
        return;
      }
      if (event.key !== "Tab" || !panel.current) return;
      const items = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (el) => el.offsetParent !== null || el === document.activeElement,
      );
      if (items.length === 0) {
        event.preventDefault();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !panel.current.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !panel.current.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("keydown", onKeyDown, true);
      openModals.splice(openModals.indexOf(self), 1);
      siblings.forEach((el, i) => (el.inert = wasInert[i]));
      if (previous && document.contains(previous)) previous.focus();
    };
  }, [open, initialFocus]);

  if (!open || typeof document === "undefined") return null;
  return createPortal(
    <div data-modal-root="" className="fixed inset-0 z-50 flex items-end justify-center bg-slate-900/50 p-4 sm:items-center">
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        data-testid={testId}
        className="max-h-[90vh] w-full max-w-md overflow-y-auto rounded-lg bg-white p-6 shadow-xl"
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
            aria-label={closeLabel ?? t("close")}
          >
            ✕
          </button>
        </div>
        {description && (
          <div id={descriptionId} className="mb-4 text-sm text-slate-700">
            {description}
          </div>
        )}
        {children}
      </div>
    </div>,
    document.body,
  );
}
