import { forwardRef, useId, type InputHTMLAttributes } from "react";

interface Props extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string;
  hint?: React.ReactNode;
  /**
   * The id of a message outside the field that says what is wrong with it (a server's answer,
   * shown below the form's buttons so that it moves nothing): the field is then invalid, and
   * described by that message.
   */
  invalidBecause?: string;
  /** inside the field, at its end: a control that acts on it (PasswordField's "Show") */
  end?: React.ReactNode;
}

/** A labelled input whose error is tied to it (aria-describedby) and announced. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField(
  { label, error, hint, invalidBecause, end, id, className = "", ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, invalidBecause ?? null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="relative">
        <input
          ref={ref}
          id={inputId}
          aria-invalid={error || invalidBecause ? true : undefined}
          aria-describedby={describedBy}
          className={`min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600 ${className}`}
          {...props}
        />
        {end && <div className="absolute inset-y-0 right-0 flex items-center">{end}</div>}
      </div>
      {hint && (
        <div id={hintId} className="text-xs text-slate-600">
          {hint}
        </div>
      )}
      <p id={errorId} role={error ? "alert" : undefined} className="min-h-5 text-sm text-red-700">
        {error ?? ""}
      </p>
    </div>
  );
});
