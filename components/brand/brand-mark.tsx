"use client";

import Image from "next/image";
import { useBrand } from "./brand-context";

/** The brand's logo and name, as the headers show them; `area` names a part of the site ("admin"). */
export function BrandMark({ area }: { area?: string }) {
  const brand = useBrand();
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-brand" data-testid="brand-mark">
      {/* the name beside it says what the logo shows */}
      <Image src={brand.logo} alt="" width={28} height={28} unoptimized className="size-7 rounded" />
      <span>{brand.name}</span>
      {area && <span className="font-normal text-slate-600">{area}</span>}
    </span>
  );
}
