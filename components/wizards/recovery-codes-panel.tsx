"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { formatRecoveryCode } from "@/lib/two-factor/schemas";
import { useRecoveryCodesSheet } from "./recovery-codes-sheet";

/**
 * A fresh set of recovery codes, shown once: copy, download as .txt, print; the file and the
 * printout say whose codes they are and for which site (recovery-codes-sheet.ts). The person cannot
 * move on until they tick that the codes are saved: "Done" waits for the box, closing or reloading
 * the tab asks first (beforeunload), and so does following a link inside the portal. "Done" leads
 * back to the account overview, fetched again so it shows what changed.
 */
export function RecoveryCodesPanel({
  codes,
  status,
}: {
  codes: string[];
  /** what just changed ("Email codes are on."), said above the codes */ status?: React.ReactNode;
}) {
  const t = useTranslations("RecoveryCodesPanel");
  const leaveWarning = t("leaveWarning");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const checkboxId = useId();
  const [created] = useState(() => new Date());
  const sheet = useRecoveryCodesSheet(codes, created);
  const { text } = sheet;

  useEffect(() => heading.current?.focus(), []);

  // printed (the Print button or the browser's own menu), the page's title is the sheet's: browsers print it in the header
  useEffect(() => {
    let screenTitle = document.title;
    const beforePrint = () => {
      screenTitle = document.title;
      document.title = sheet.title;
    };
    const afterPrint = () => {
      document.title = screenTitle;
    };
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    return () => {
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
    };
  }, [sheet.title]);

  useEffect(() => {
    if (saved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    // client-side navigation does not fire beforeunload: ask on links, capture phase, before Next's router
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || link.getAttribute("download") !== null) return;
      if (!window.confirm(leaveWarning)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // and on forms that leave the page (the header's "Sign out")
    const onSubmit = (event: SubmitEvent) => {
      if (!window.confirm(leaveWarning)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [saved, leaveWarning]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t("copied"));
    } catch {
      setCopied(t("copyBlocked"));
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = sheet.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const done = () => {
    router.push("/account");
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      {status && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 print:hidden">
          {status}
        </p>
      )}
      <section aria-labelledby={`${checkboxId}-heading`} className="flex flex-col gap-4" data-testid="recovery-codes-panel">
        <h2 ref={heading} id={`${checkboxId}-heading`} tabIndex={-1} className="text-lg font-semibold outline-none print:hidden">
          {t("heading")}
        </h2>
        <div className="hidden flex-col gap-1 print:flex" data-testid="recovery-codes-print-heading">
          <h2 className="text-xl font-semibold">{sheet.title}</h2>
          {sheet.about.map((line) => (
            <p key={line} className="text-sm">
              {line}
            </p>
          ))}
        </div>
        <p className="text-sm text-slate-700 print:hidden">{t("explanation")}</p>
        <ol
          aria-label={t("listLabel")}
          className="grid grid-cols-1 gap-2 rounded-md border border-slate-300 bg-slate-50 p-4 font-mono text-base sm:grid-cols-2"
          data-testid="recovery-codes"
        >
          {codes.map((code) => (
            <li key={code} className="tracking-wider select-all">
              {formatRecoveryCode(code)}
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2 print:hidden">
          <Button type="button" variant="secondary" onClick={() => void copy()}>
            {t("copy")}
          </Button>
          <Button type="button" variant="secondary" onClick={download}>
            {t("download")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => window.print()}>
            {t("print")}
          </Button>
        </div>
        <div className="min-h-11 print:hidden">
          <FormAlert message={copied} tone="info" />
        </div>
        <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 print:hidden">
          <label htmlFor={checkboxId} className="flex items-start gap-2 text-sm font-medium text-slate-900">
            <input id={checkboxId} type="checkbox" className="mt-0.5 size-4" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
            {t("savedConfirmation")}
          </label>
          <Button type="button" className="self-start" disabled={!saved} onClick={done}>
            {t("done")}
          </Button>
        </div>
      </section>
    </div>
  );
}
