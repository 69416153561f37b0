import { db } from "../db";
import { chartKinds, OVERVIEW_DAYS, type Overview } from "./schemas";
import { countPasskeyAccounts, countPasskeyOnlyAccounts } from "./users";

// GET /admin/overview: accounts, 2FA adoption, locked accounts, and sign-ins / failed sign-ins /
// throttles per day. Every figure is a count in the database (no rows are loaded), and the chart
// is one grouped count per UTC day over the (kind, createdAt) index: 30 bounded queries that read
// the same on SQLite and PostgreSQL, whatever the number of events.

const DAY_MS = 24 * 60 * 60 * 1000;

const startOfUtcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

export async function adminOverview(now = new Date()): Promise<Overview> {
  const active = { activatedAt: { not: null } };
  const firstDay = startOfUtcDay(new Date(now.getTime() - (OVERVIEW_DAYS - 1) * DAY_MS));
  const days = Array.from({ length: OVERVIEW_DAYS }, (_, i) => new Date(firstDay.getTime() + i * DAY_MS));

  const [accounts, admins, locked, totp, emailOtp, both, passkeyOnly, passkey, perDay] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: "admin" } }),
    db.user.count({ where: { lockedAt: { not: null } } }),
    db.totpFactor.count({ where: active }),
    db.emailOtpFactor.count({ where: active }),
    db.totpFactor.count({ where: { ...active, user: { emailOtp: { is: active } } } }),
    countPasskeyOnlyAccounts(),
    countPasskeyAccounts(),
    Promise.all(
      days.map((day) =>
        db.securityEvent.groupBy({
          by: ["kind"],
          where: { kind: { in: [...chartKinds] }, createdAt: { gte: day, lt: new Date(day.getTime() + DAY_MS) } },
          _count: { _all: true },
        }),
      ),
    ),
  ]);

  return {
    accounts,
    admins,
    locked,
    twoFactor: { any: totp + emailOtp - both + passkeyOnly, totp, emailOtp, both, passkey },
    days: days.map((day, i) => {
      const count = (kind: (typeof chartKinds)[number]) => perDay[i].find((g) => g.kind === kind)?._count._all ?? 0;
      return {
        day: day.toISOString().slice(0, 10),
        signIns: count("login.success"),
        failedSignIns: count("login.failure"),
        throttles: count("throttle.triggered"),
      };
    }),
  };
}
