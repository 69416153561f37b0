// How a catalogue differs from the reference one (English): keys it lacks, keys only it has, and
// messages whose ICU arguments ({brand}, {count, plural, …}) are not the reference's.

export type MessageTree = { [key: string]: string | MessageTree };

export interface CatalogueDiff {
  missing: string[];
  extra: string[];
  /** keys whose message is empty or names other arguments than the reference's */
  mismatched: string[];
}

/** Every message of a catalogue by its dotted key ("Shell.signOut"). */
export function flatten(tree: MessageTree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") flat.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

/** The names of a message's top-level ICU arguments, sorted. */
export const argumentsOf = (message: string) => [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]))].sort();

export function diffCatalogue(reference: MessageTree, other: MessageTree): CatalogueDiff {
  const [ref, oth] = [flatten(reference), flatten(other)];
  return {
    missing: [...ref.keys()].filter((k) => !oth.has(k)),
    extra: [...oth.keys()].filter((k) => !ref.has(k)),
    mismatched: [...oth]
      .filter(([k, message]) => {
        const expected = ref.get(k);
        return expected !== undefined && (!message.trim() || argumentsOf(message).join() !== argumentsOf(expected).join());
      })
      .map(([k]) => k),
  };
}
