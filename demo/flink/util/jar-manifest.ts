// Reads the entry class of an uploaded jar from its META-INF/MANIFEST.MF, as Flink's
// JarListHandler does ("program-class" first, then "Main-Class").
import { inflateRawSync } from 'node:zlib';

function findManifest(zip: Buffer): Buffer | undefined {
  // End of central directory record: scan backwards for its signature
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && p + 46 <= zip.length; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === 'META-INF/MANIFEST.MF') {
      const lNameLen = zip.readUInt16LE(localOffset + 26);
      const lExtraLen = zip.readUInt16LE(localOffset + 28);
      const start = localOffset + 30 + lNameLen + lExtraLen;
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      return undefined;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

/** Entry classes declared by the jar's manifest; [] when there is none or it is not a jar. */
export function jarEntryClasses(jar: Buffer): string[] {
  let manifest: Buffer | undefined;
  try {
    manifest = findManifest(jar);
  } catch {
    return [];
  }
  if (!manifest) return [];
  // manifest lines wrap at 72 bytes; continuation lines start with a space
  const text = manifest.toString('utf8').replace(/\r?\n /g, '');
  const attr = (key: string) => {
    const m = new RegExp(`^${key}:\\s*(.+)$`, 'im').exec(text);
    return m?.[1]?.trim();
  };
  const cls = attr('program-class') ?? attr('Main-Class');
  return cls
    ? cls
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
    : [];
}
