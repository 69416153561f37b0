import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "Account security: sign-in, two-factor authentication, sessions and recovery.",
  // public/favicon.ico: the default brand's logo (scripts/brand-images.ts renders it)
  icons: { icon: "/favicon.ico" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce from proxy.ts
  // needs: a page prerendered at build time would carry no nonce and its scripts would not run.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
