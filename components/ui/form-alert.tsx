/** A form-level message; polite live region so screen readers hear it without losing focus. */
export function FormAlert({ message, tone = "error" }: { message: string | null; tone?: "error" | "info" | "success" }) {
  const colours = { error: "border-red-300 bg-red-50 text-red-800", info: "border-slate-300 bg-slate-50 text-slate-800", success: "border-green-300 bg-green-50 text-green-900" };
  return (
    <div aria-live="polite" className="min-h-0">
      {message && (
        <p role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${colours[tone]}`}>
          {message}
        </p>
      )}
    </div>
  );
}
