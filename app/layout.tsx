import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { BrandProvider } from "@/components/brand/brand-context";
import { brandIcon, brandLogo, brandStyle } from "@/lib/brands";
import { currentBrand } from "@/lib/brands/current";
import "./globals.css";

// Every page wears the brand of its host (lib/brands) and speaks the language i18n/request.ts
// chose for the request: the title, favicon and colours here, <html lang>, and both for the
// client components through their providers.

export async function generateMetadata(): Promise<Metadata> {
  const [brand, t] = await Promise.all([currentBrand(), getTranslations("Metadata")]);
  return {
    title: { default: brand.displayName, template: `%s · ${brand.displayName}` },
    description: t("description"),
    // public/brands/<id>.ico: scripts/brand-images.ts renders it from the brand's logo
    icons: { icon: brandIcon(brand) },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce from proxy.ts
  // needs: a page prerendered at build time would carry no nonce and its scripts would not run.
  await headers();
  const [brand, locale] = await Promise.all([currentBrand(), getLocale()]);
  return (
    <html lang={locale} data-brand={brand.id} style={brandStyle(brand)}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider>
          <BrandProvider brand={{ id: brand.id, name: brand.displayName, logo: brandLogo(brand), languages: brand.languages }}>
            {children}
          </BrandProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
