import type { BrowserContext } from 'playwright-core';

/**
 * How many pixels of a PNG differ from white, decoded by the browser's own canvas in a blank
 * page (the report's CSP rightly forbids data: images).
 */
export async function inkedPixels(context: BrowserContext, png: Buffer): Promise<number> {
  const page = await context.newPage();
  try {
    return await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const { data } = g.getImageData(0, 0, image.width, image.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 245) inked++;
      return inked;
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}
