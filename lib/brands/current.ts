import { headers } from "next/headers";
import { cache } from "react";
import { brandForHost, type Brand } from ".";

/**
 * The brand of the page being rendered, from its Host header (a proxy in front must pass the
 * browser's Host on). A map lookup, once per request however many parts of the page ask.
 */
export const currentBrand = cache(async (): Promise<Brand> => brandForHost((await headers()).get("host")));
