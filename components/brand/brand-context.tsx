"use client";

import { createContext, useContext } from "react";

/** What the page's parts need of the brand of its host (app/layout.tsx provides it from lib/brands). */
export interface PageBrand {
  id: string;
  name: string;
  /** the logo's path under public/ */
  logo: string;
  /** the languages it offers, its default first */
  languages: readonly string[];
}

const BrandContext = createContext<PageBrand | null>(null);

export function BrandProvider({ brand, children }: { brand: PageBrand; children: React.ReactNode }) {
  return <BrandContext value={brand}>{children}</BrandContext>;
}

export function useBrand(): PageBrand {
  const brand = useContext(BrandContext);
  if (!brand) throw new Error("useBrand() outside BrandProvider (app/layout.tsx)");
  return brand;
}
