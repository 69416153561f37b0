import { useTranslations } from "next-intl";

/**
 * Where the person is in a wizard: a finished step has a check mark, the current one is marked
 * (aria-current), and screen readers hear which are completed. `current` past the last step:
 * every one is finished.
 */
export function WizardSteps({ steps, current }: { steps: string[]; current: number }) {
  const t = useTranslations("WizardSteps");
  return (
    <ol aria-label={t("label")} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 print:hidden">
      {steps.map((label, i) => (
        <li
          key={label}
          aria-current={i === current ? "step" : undefined}
          className="flex items-center gap-1.5 aria-[current=step]:font-semibold aria-[current=step]:text-brand"
        >
          <span
            aria-hidden="true"
            className={`inline-flex size-5 items-center justify-center rounded-full border text-[0.7rem] ${
              i < current ? "border-green-700 bg-green-700 text-white" : i === current ? "border-brand text-brand" : "border-slate-400"
            }`}
          >
            {i < current ? "✓" : i + 1}
          </span>
          {label}
          {i < current && <span className="sr-only"> {t("completed")}</span>}
        </li>
      ))}
    </ol>
  );
}
