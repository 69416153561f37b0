// Renders each brand's logo (its `logoSvg` in lib/mail/configurations.json) to
// public/brands/<id>.png and its favicon to public/brands/<id>.ico (the pages on the brand's host
// link it), and the default brand's favicon to public/favicon.ico as well (for clients that ask
// for that path), with the Chromium the browser tests use. Run it after adding or changing a
// brand: `npx tsx scripts/brand-images.ts`. The images are committed; nothing renders them at
// build or run time.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { findChromium } from "./lib/chromium";

const LOGO_SIZE = 256;
/** The sizes browsers and operating systems pick from for a favicon. */
const FAVICON_SIZES = [16, 32, 48];

interface BrandFile {
  defaultConfiguration: string;
  configurations: { id: string; logoSvg: string }[];
}

async function render(page: Page, svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: Math.max(size, 64), height: Math.max(size, 64) });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style></head><body>${svg}</body></html>`,
  );
  return page.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true, type: "png" });
}

/** An ICO file holding PNG images (accepted by every current browser and by Windows Vista on). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 = 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  const brands = JSON.parse(readFileSync("lib/mail/configurations.json", "utf8")) as BrandFile;
  const browser = await chromium.launch({ executablePath: await findChromium() });
  try {
    const page = await browser.newPage();
    mkdirSync("public/brands", { recursive: true });
    const favicons = new Map<string, Buffer>();
    for (const brand of brands.configurations) {
      writeFileSync(`public/brands/${brand.id}.png`, await render(page, brand.logoSvg, LOGO_SIZE));
      const icons = [];
      for (const size of FAVICON_SIZES) icons.push({ size, png: await render(page, brand.logoSvg, size) });
      favicons.set(brand.id, ico(icons));
      writeFileSync(`public/brands/${brand.id}.ico`, favicons.get(brand.id)!);
      console.log(`wrote public/brands/${brand.id}.png and .ico (${FAVICON_SIZES.join("/")} px)`);
    }
    writeFileSync("public/favicon.ico", favicons.get(brands.defaultConfiguration)!);
    console.log(`wrote public/favicon.ico (${brands.defaultConfiguration})`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
