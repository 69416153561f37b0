// Two declarations need something lib/api must not import:
// - GET /openapi.json serves the document lib/openapi generates from this registry, so importing
//   lib/openapi here would close a cycle;
// - GET /portal/token reads the browser session, and next-auth loads only inside Next, while
//   scripts, the OpenAPI document and the tests read the registry outside it.
// Their route files, which import both sides, supply it when Next loads them (before any
// request); a declaration asked to run without it fails loudly (a logged 500).

export interface Supplied<T> {
  supply(value: T): void;
  get(): T;
}

export function supplied<T>(what: string): Supplied<T> {
  let value: T | undefined;
  return {
    supply(given) {
      value = given;
    },
    get() {
      if (value === undefined) throw new Error(`${what} was not supplied: the endpoint's route file supplies it`);
      return value;
    },
  };
}
