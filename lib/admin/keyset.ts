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
  if (Number.isNaN(date.getTime())) throw badRequest("cursor is not a cursor from a previous page");
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

export async function keysetPage<Row extends { id: number | string }>(options: {
  order: KeysetOrder;
  where: Where;
  cursor?: Cursor;
  count: () => Promise<number>;
  find: (args: { where: Where; orderBy: OrderBy; take: number }) => Promise<Row[]>;
  keyOf: (row: Row) => string;
  pageSize?: number;
}): Promise<KeysetPage<Row>> {
  const { order, where, cursor, keyOf } = options;
  const size = options.pageSize ?? ADMIN_PAGE_SIZE;
  if (cursor && cursor.s !== order.name) throw badRequest("cursor belongs to another sort order or list");
  const forward = !cursor || cursor.d === "a";
  const seek = cursor ? { AND: [where, seekWhere(order, cursor, forward)] } : where;

  const [found, total] = await Promise.all([options.find({ where: seek, orderBy: orderBy(order, forward), take: size + 1 }), options.count()]);
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
