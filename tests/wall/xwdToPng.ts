import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * The whole X screen as a PNG: Xvfb started with `-fbdir DIR` keeps its framebuffer in
 * DIR/Xvfb_screen0 as an XWD image (X Window Dump). Playwright sees only its own pages, so this
 * is how the test pictures every window of the wall at once. `scale` 2 halves each side.
 */
export function screenToPng(xwdFile: string, pngFile: string, scale = 2): { width: number; height: number } {
  const xwd = fs.readFileSync(xwdFile);
  const field = (index: number) => xwd.readUInt32BE(index * 4);
  const headerSize = field(0);
  const width = field(4);
  const height = field(5);
  const byteOrder = field(7);
  const bitsPerPixel = field(11);
  const bytesPerLine = field(12);
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  const colours = field(19);
  if (field(1) !== 7 || (bitsPerPixel !== 32 && bitsPerPixel !== 24)) throw new Error(`not a 24/32-bit XWD image: version ${field(1)}, ${bitsPerPixel} bits per pixel`);
  const data = headerSize + colours * 12;
  const shift = (mask: number) => 31 - Math.clz32(mask & -mask);
  const outWidth = Math.floor(width / scale);
  const outHeight = Math.floor(height / scale);
  const rows = Buffer.alloc(outHeight * (1 + outWidth * 3));
  const bytes = bitsPerPixel / 8;
  for (let y = 0; y < outHeight; y++) {
    const rowStart = y * (1 + outWidth * 3);
    rows[rowStart] = 0; // PNG filter: none
    for (let x = 0; x < outWidth; x++) {
      const at = data + y * scale * bytesPerLine + x * scale * bytes;
      const pixel = bytes === 4 ? (byteOrder === 0 ? xwd.readUInt32LE(at) : xwd.readUInt32BE(at)) : (byteOrder === 0 ? xwd.readUIntLE(at, 3) : xwd.readUIntBE(at, 3));
      const out = rowStart + 1 + x * 3;
      rows[out] = (pixel & redMask) >>> shift(redMask);
      rows[out + 1] = (pixel & greenMask) >>> shift(greenMask);
      rows[out + 2] = (pixel & blueMask) >>> shift(blueMask);
    }
  }
  fs.writeFileSync(pngFile, png(outWidth, outHeight, zlib.deflateSync(rows, { level: 6 })));
  return { width: outWidth, height: outHeight };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
function png(width: number, height: number, idat: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
