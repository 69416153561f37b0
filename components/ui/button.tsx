import type { ButtonHTMLAttributes, MouseEvent } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const styles: Record<Variant, string> = {
  primary: "bg-brand text-on-brand hover:bg-brand-dark disabled:bg-brand/60 aria-busy:bg-brand/60",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-400 aria-busy:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-700/60 aria-busy:bg-red-700/60",
  ghost: "text-brand hover:underline",
};

const ignoreClick = (event: MouseEvent<HTMLButtonElement>) => event.preventDefault();

/**
 * A button. While `pending` it stays focusable (aria-disabled, not disabled): a disabled button
 * drops the keyboard focus to <body>, so after a failed try or a closed dialog the person would
 * have to find their place again. Clicks while pending do nothing.
 */
export function Button({
  variant = "primary",
  pending = false,
  className = "",
  children,
  onClick,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pending?: boolean }) {
  return (
    <button
      {...props}
      // only a client component passes `pending` or `onClick`: a server one renders no handler at all
      onClick={pending ? ignoreClick : onClick}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      className={`inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed aria-busy:cursor-wait ${styles[variant]} ${className}`}
    >
      {children}
    </button>
  );
}
