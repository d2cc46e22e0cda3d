// Jars uploaded through /jars/upload, kept in memory with the names Flink gives them.
import { jarEntryClasses } from '../util/jar-manifest.ts';
import { Rng, hashString } from '../util/rng.ts';

export interface JarFile {
  id: string;
  name: string;
  uploaded: number;
  entry: { name: string; description: string | null }[];
}

export class JarStore {
  /** web.upload.dir as Flink lays it out. */
  readonly dir: string;
  private readonly jars: JarFile[] = [];
  private readonly rng: Rng;

  constructor(seed: number, startedAt: number) {
    this.rng = new Rng(hashString(`${seed}:jars`));
    this.dir = `/tmp/flink-web-${this.uuid()}/flink-web-upload`;
    this.jars.push({
      id: `${this.uuid()}_TopSpeedWindowing.jar`,
      name: 'TopSpeedWindowing.jar',
      uploaded: startedAt - 47 * 60_000,
      entry: [{ name: 'org.apache.flink.streaming.examples.windowing.TopSpeedWindowing', description: null }],
    });
  }

  private uuid(): string {
    const h = this.rng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  upload(fileName: string, bytes: Buffer, now: number): JarFile {
    const name = fileName.split(/[\\/]/).pop() ?? fileName;
    const jar: JarFile = {
      id: `${this.uuid()}_${name}`,
      name,
      uploaded: now,
      entry: jarEntryClasses(bytes).map((c) => ({ name: c, description: null })),
    };
    this.jars.push(jar);
    return jar;
  }

  /** Newest first, like the file listing Flink returns. */
  list(): JarFile[] {
    return [...this.jars].sort((a, b) => b.uploaded - a.uploaded);
  }

  get(id: string): JarFile | undefined {
    return this.jars.find((j) => j.id === id);
  }

  delete(id: string): boolean {
    const i = this.jars.findIndex((j) => j.id === id);
    if (i < 0) return false;
    this.jars.splice(i, 1);
    return true;
  }
}
