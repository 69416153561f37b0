// Where a brand's images are served: files under public/brands/, rendered from its logoSvg by
// scripts/brand-images.ts. Apart from ./index.ts so the mail templates can link the logo without
// importing the rest of lib/brands (which imports lib/mail).

/** Its logo, a 256×256 PNG. */
export const brandLogo = (brand: { id: string }) => `/brands/${brand.id}.png`;
/** Its favicon (16, 32 and 48 px). */
export const brandIcon = (brand: { id: string }) => `/brands/${brand.id}.ico`;
