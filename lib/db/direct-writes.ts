import { directDriver, type Statement } from "./direct";

// The writes every login makes, straight through the driver (./direct.ts explains why; ./index.ts
// lists them). Each is built as a `Statement` by the module that owns its table
// (lib/throttle, lib/sessions, lib/events, lib/two-factor) and run here, alone or several in one
// transaction: a login's outcome (the throttle reset, the session, the event) is written wholly
// or not at all, just as a Prisma transaction would, at a fraction of the cost.
export { NothingChanged, sql, type Statement } from "./direct";

/** A date for a DateTime column, written as Prisma writes it. */
export const sqlDate = (value: Date) => directDriver().date(value);

/** In `writeTogether`: unless it changes exactly one row, the whole transaction is undone (NothingChanged). */
export const mustChangeOne = (statement: Statement): Statement => ({ ...statement, mustChangeOne: true });

/** Runs one statement; answers how many rows it changed. */
export async function writeOne(statement: Statement): Promise<number> {
  return (await directDriver().write([statement]))[0];
}

/** Runs the statements in order in one transaction; answers how many rows each changed. */
export async function writeTogether(statements: Statement[]): Promise<number[]> {
  return statements.length === 0 ? [] : directDriver().write(statements);
}
