"use client";

import { useTranslations } from "next-intl";
import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from "react";
import { TextField } from "./text-field";

type Props = Omit<ComponentPropsWithoutRef<typeof TextField>, "type" | "end">;

/**
 * A password field with a "Show password" button inside it, at its end: a plain button (it never
 * submits the form) after the field in the tab order, whose name says what it will do. The field
 * keeps its autocomplete while shown, never spell-checks (a spell checker may send what it reads
 * away), and is hidden again when its form is sent, so the browser still offers to save it.
 */
export const PasswordField = forwardRef<HTMLInputElement, Props>(function PasswordField({ id, ...props }, ref) {
  const t = useTranslations("PasswordField");
  const generated = useId();
  const inputId = id ?? generated;
  const input = useRef<HTMLInputElement | null>(null);
  const [visible, setVisible] = useState(false);
  const [said, setSaid] = useState("");

  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const hide = () => setVisible(false);
    form.addEventListener("submit", hide);
    return () => form.removeEventListener("submit", hide);
  }, []);

  const toggle = () => {
    setVisible(!visible);
    setSaid(visible ? t("hidden") : t("shown"));
  };

  return (
    <TextField
      {...props}
      id={inputId}
      ref={(element) => {
        input.current = element;
        if (typeof ref === "function") ref(element);
        else if (ref) ref.current = element;
      }}
      type={visible ? "text" : "password"}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      className="pr-20"
      end={
        <>
          <button
            type="button"
            aria-controls={inputId}
            onClick={toggle}
            className="mr-1 min-h-8 rounded px-3 text-sm font-medium text-brand hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand"
          >
            {/* the visible word, and for screen readers what it shows ("Show password") */}
            {t.rich(visible ? "hide" : "show", { hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
          </button>
          <span aria-live="polite" className="sr-only">
            {said}
          </span>
        </>
      }
    />
  );
});
