import { describe, expect, it } from "vitest";
import brands from "@/lib/mail/configurations.json";
import { baseUrl } from "../helpers";

// public/: the favicon every browser asks for, and one PNG logo and one favicon per brand (docs/brands.md).

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function file(path: string) {
  const response = await fetch(baseUrl() + path);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** An ICO file of PNG images, the way scripts/brand-images.ts writes them. */
async function expectIcon(path: string) {
  const { response, bytes } = await file(path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // ICONDIR: reserved 0, type 1 (icon)
  const count = bytes.readUInt16LE(4);
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const offset = bytes.readUInt32LE(6 + 16 * i + 12);
    expect(bytes.subarray(offset, offset + 8), `image ${i} is a PNG`).toEqual(PNG_SIGNATURE);
  }
  return bytes;
}

describe("GET /favicon.ico", () => {
  it("answers an icon file, not the 404 page: the default brand's favicon", async () => {
    const bytes = await expectIcon("/favicon.ico");
    expect(bytes).toEqual((await file(`/brands/${brands.defaultConfiguration}.ico`)).bytes);
  });

  it("is not the icon the pages link to: each links its brand's (tests/api/page-brand-language.test.ts)", async () => {
    const html = await (await fetch(baseUrl() + "/login")).text();
    expect(html).toMatch(new RegExp(`<link rel="icon" href="/brands/${brands.defaultConfiguration}.ico"`));
  });
});

describe("GET /brands/<id>.ico", () => {
  it.each(brands.configurations.map((b) => b.id))("answers the %s favicon", async (id) => {
    await expectIcon(`/brands/${id}.ico`);
  });
});

describe("GET /brands/<id>.png", () => {
  it.each(brands.configurations.map((b) => b.id))("answers the %s logo, a 256×256 PNG", async (id) => {
    const { response, bytes } = await file(`/brands/${id}.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^image\/png/);
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(bytes)).toEqual({ width: 256, height: 256 });
    expect(bytes.length).toBeLessThan(32 * 1024);
  });
});
