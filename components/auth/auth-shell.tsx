import { BrandMark } from "@/components/brand/brand-mark";
import { LanguagePicker } from "@/components/i18n/language-picker";

// Top-aligned, not centred in the window: centred, every message that appears in the card (a
// wrong code, a field's error) moved the whole card, its buttons too, by half its height.
export function AuthShell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-md flex-col px-4 pt-12 pb-10 sm:pt-20">
      <p className="mb-6 flex justify-center text-lg">
        <BrandMark />
      </p>
      <div className="rounded-lg border border-slate-200 bg-surface p-6 shadow-sm sm:p-8">
        <h1 className="mb-6 text-2xl font-semibold">{title}</h1>
        {children}
      </div>
      <footer className="mt-6 flex justify-center">
        <LanguagePicker saveTo="browser" />
      </footer>
    </main>
  );
}
