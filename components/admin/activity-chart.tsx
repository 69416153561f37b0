"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatDay } from "./date-time";

export interface ActivityDay {
  day: string;
  signIns: number;
  failedSignIns: number;
  throttles: number;
}

const series = ["signIns", "failedSignIns", "throttles"] as const;

/**
 * Sign-ins, failed sign-ins and throttles per day (30 days). The chart is drawn in the browser
 * with recharts (no outside requests); the same numbers are in a table for screen readers and
 * for anyone who prefers reading them.
 */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const t = useTranslations("ActivityChart");
  const formatDay = useFormatDay();
  const format = useFormatter();
  return (
    <figure className="flex flex-col gap-3">
      <div className="h-72 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="day"
              tickFormatter={(d: string) => formatDay(d, "short")}
              tick={{ fontSize: 12, fill: "#475569" }}
              minTickGap={16}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(n: number) => format.number(n)}
              tick={{ fontSize: 12, fill: "#475569" }}
              width={40}
            />
            <Tooltip
              labelFormatter={(d) => (typeof d === "string" ? formatDay(d) : d)}
              formatter={(value) => (typeof value === "number" ? format.number(value) : value)}
            />
            <Legend />
            <Bar dataKey="signIns" name={t("series.signIns")} fill="#1f4fd1" isAnimationActive={false} />
            <Line
              dataKey="failedSignIns"
              name={t("series.failedSignIns")}
              stroke="#b91c1c"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="throttles"
              name={t("series.throttles")}
              stroke="#b45309"
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-600">{t("caption")}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand">{t("showNumbers")}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-4">
                {t("day")}
              </th>
              {series.map((key) => (
                <th key={key} scope="col" className="py-1 pr-4 text-right">
                  {t(`series.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {formatDay(d.day)}
                </th>
                {series.map((key) => (
                  <td key={key} className="py-1 pr-4 text-right tabular-nums">
                    {format.number(d[key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
