"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ActivityDay {
  day: string;
  signIns: number;
  failedSignIns: number;
  throttles: number;
}

const series = [
  { key: "signIns", name: "Sign-ins", color: "#1f4fd1" },
  { key: "failedSignIns", name: "Failed sign-ins", color: "#b91c1c" },
  { key: "throttles", name: "Throttles", color: "#b45309" },
] as const;

/**
 * Sign-ins, failed sign-ins and throttles per day (30 days). The chart is drawn in the browser
 * with recharts (no outside requests); the same numbers are in a table for screen readers and
 * for anyone who prefers reading them.
 */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  return (
    <figure className="flex flex-col gap-3">
      <div className="h-72 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 12, fill: "#475569" }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} width={40} />
            <Tooltip />
            <Legend />
            <Bar dataKey="signIns" name="Sign-ins" fill="#1f4fd1" isAnimationActive={false} />
            <Line dataKey="failedSignIns" name="Failed sign-ins" stroke="#b91c1c" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line
              dataKey="throttles"
              name="Throttles"
              stroke="#b45309"
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-600">
        Per day (UTC), the last 30 days. Bars: sign-ins; lines: failed sign-ins and throttles.
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand">Show the numbers</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">Sign-ins, failed sign-ins and throttles per day</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-1 pr-4">
                Day
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="py-1 pr-4 text-right">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {d.day}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="py-1 pr-4 text-right tabular-nums">
                    {d[s.key]}
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
