import { badRequest } from "../errors";
import { ADMIN_PAGE_SIZE, encodeCursor, type Cursor } from "./schemas";

// Keyset ("seek") pagination for the admin lists: each page starts strictly after (or before) the
// sort key of a row of the previous page, so page 4,000 costs what page 1 costs, on SQLite and
// PostgreSQL alike. The id breaks ties of non-unique keys (createdAt). The total is a separate count.

export type SortDirection = "asc" | "desc";

export interface KeysetOrder {
  /** the name a cursor carries, so it is never applied to another order */
  name: string;
  field: string;
  dir: SortDirection;
  kind: "string" | "date";
}

export interface KeysetPage<Row> {
  rows: Row[];
  total: number;
  from: number;
  to: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

type Where = Record<string, unknown>;
type OrderBy = Record<string, SortDirection>[];

const flip = (dir: SortDirection): SortDirection => (dir === "asc" ? "desc" : "asc");

function keyValue(order: KeysetOrder, key: string): string | Date {
  if (order.kind === "string") return key;
  const date = new Date(key);
  if (Number.isNaN(date.getTime())) throw badRequest("cursor is not a cursor from a previous page", "cursor");
  return date;
}

/** The rows strictly past the cursor's row, in reading direction `forward` (after) or backward (before). */
function seekWhere(order: KeysetOrder, cursor: Cursor, forward: boolean): Where {
  const op = (order.dir === "asc") === forward ? "gt" : "lt";
  const key = keyValue(order, cursor.k);
  return { OR: [{ [order.field]: { [op]: key } }, { [order.field]: key, id: { [op]: cursor.id } }] };
}

const orderBy = (order: KeysetOrder, forward: boolean): OrderBy => {
  const dir = forward ? order.dir : flip(order.dir);
  return [{ [order.field]: dir }, { id: dir }];
};

/**
 * For few matches among many rows (e.g. the 5 administrators among 100,000 accounts), SQLite walks
 * the sort order's index and checks every row: it has no statistics on skewed values (no
 * sqlite_stat4), so it cannot know the filter's index would find 5 rows at once. Given the count,
 * a small match set is instead read whole without ORDER BY (the planner then uses the filter's
 * index), sorted here in the same binary order as the database, and cut into the page.
 */
export interface SmallSetStrategy<Key extends { id: number | string }> {
  /** at most this many matches take the small-set path */
  threshold: number;
  /** every matching row's id and sort key, in any order (called only when count ≤ threshold) */
  keys: (where: Where, take: number) => Promise<Key[]>;
}

const compareKeys = (kind: KeysetOrder["kind"], a: string, b: string) =>
  kind === "string" ? Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")) : new Date(a).getTime() - new Date(b).getTime();
const compareIds = (a: number | string, b: number | string) =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;

export async function keysetPage<Row extends { id: number | string }, Key extends { id: number | string } = Row>(options: {
  order: KeysetOrder;
  where: Where;
  cursor?: Cursor;
  count: () => Promise<number>;
  find: (args: { where: Where; orderBy: OrderBy; take: number }) => Promise<Row[]>;
  keyOf: (row: Row | Key) => string;
  /** the rows with these ids (any order); needed with `smallSet` */
  byIds?: (ids: Row["id"][]) => Promise<Row[]>;
  smallSet?: SmallSetStrategy<Key>;
  pageSize?: number;
}): Promise<KeysetPage<Row>> {
  const { order, where, cursor, keyOf } = options;
  const size = options.pageSize ?? ADMIN_PAGE_SIZE;
  if (cursor && cursor.s !== order.name) throw badRequest("cursor belongs to another sort order or list", "cursor");
  if (cursor) keyValue(order, cursor.k);
  if (options.smallSet && options.byIds) {
    const total = await options.count();
    if (total <= options.smallSet.threshold) {
      const page = await smallSetPage(options as Required<typeof options>, size);
      if (page) return page;
    }
  }
  const forward = !cursor || cursor.d === "a";
  const seek = cursor ? { AND: [where, seekWhere(order, cursor, forward)] } : where;

  const [found, total] = await Promise.all([
    options.find({ where: seek, orderBy: orderBy(order, forward), take: size + 1 }),
    options.count(),
  ]);
  const more = found.length > size;
  let rows = found.slice(0, size);
  if (!forward) rows = rows.reverse();

  const at = (row: Row, d: "a" | "b", o: number) => encodeCursor({ s: order.name, k: keyOf(row), id: row.id, d, o: Math.max(0, o) });
  let offset: number;
  let hasBefore: boolean;
  let hasAfter: boolean;
  if (!cursor) {
    offset = 0;
    hasBefore = false;
    hasAfter = more;
  } else if (forward) {
    offset = cursor.o;
    hasBefore = true;
    hasAfter = more;
  } else {
    hasBefore = more;
    offset = more ? Math.max(1, cursor.o) : 0;
    hasAfter = true;
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    total,
    from: rows.length ? offset + 1 : 0,
    to: offset + rows.length,
    nextCursor: hasAfter && last ? at(last, "a", offset + rows.length) : null,
    prevCursor: hasBefore && first ? at(first, "b", offset - size) : null,
  };
}

async function smallSetPage<Row extends { id: number | string }, Key extends { id: number | string }>(
  options: {
    order: KeysetOrder;
    where: Where;
    cursor?: Cursor;
    keyOf: (row: Row | Key) => string;
    byIds: (ids: Row["id"][]) => Promise<Row[]>;
    smallSet: SmallSetStrategy<Key>;
  },
  size: number,
): Promise<KeysetPage<Row> | null> {
  const { order, cursor, keyOf } = options;
  const cap = options.smallSet.threshold * 2;
  const keys = await options.smallSet.keys(options.where, cap + 1);
  if (keys.length > cap) return null; // grew meanwhile: take the ordinary path
  const sign = order.dir === "asc" ? 1 : -1;
  const compare = (a: { k: string; id: number | string }, b: { k: string; id: number | string }) =>
    sign * (compareKeys(order.kind, a.k, b.k) || compareIds(a.id, b.id));
  const sorted = keys.map((row) => ({ k: keyOf(row), id: row.id })).sort(compare);
  let start = 0;
  if (cursor) {
    const at = { k: cursor.k, id: cursor.id };
    if (cursor.d === "a") {
      start = sorted.findIndex((row) => compare(row, at) > 0);
      if (start < 0) start = sorted.length;
    } else {
      let end = sorted.findIndex((row) => compare(row, at) >= 0);
      if (end < 0) end = sorted.length;
      start = Math.max(0, end - size);
    }
  }
  const slice = sorted.slice(start, start + size);
  const found = new Map((await options.byIds(slice.map((row) => row.id as Row["id"]))).map((row) => [row.id, row]));
  const rows = slice.map((row) => found.get(row.id)).filter((row): row is Row => !!row);
  const encode = (row: { k: string; id: number | string }, d: "a" | "b", o: number) =>
    encodeCursor({ s: order.name, k: row.k, id: row.id, d, o: Math.max(0, o) });
  const first = slice[0];
  const last = slice[slice.length - 1];
  return {
    rows,
    total: sorted.length,
    from: rows.length ? start + 1 : 0,
    to: start + rows.length,
    nextCursor: last && start + slice.length < sorted.length ? encode(last, "a", start + slice.length) : null,
    prevCursor: first && start > 0 ? encode(first, "b", start - size) : null,
  };
}
