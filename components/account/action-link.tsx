import Link from "next/link";

/** A link styled as a button: the overview's way into each wizard. */
export function ActionLink({
  href,
  children,
  variant = "secondary",
  ...rest
}: { href: string; children: React.ReactNode; variant?: "primary" | "secondary" | "danger" } & React.AriaAttributes) {
  const styles = {
    primary: "bg-brand text-white hover:bg-brand-dark",
    secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
    danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  };
  return (
    <Link
      href={href}
      {...rest}
      className={`inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium ${styles[variant]}`}
    >
      {children}
    </Link>
  );
}
