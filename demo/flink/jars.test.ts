import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemo, type TestDemo } from './test-helpers.ts';

/** A minimal jar: a zip with a deflated META-INF/MANIFEST.MF. */
function jarWithMainClass(mainClass: string): Buffer {
  const name = Buffer.from('META-INF/MANIFEST.MF');
  const content = Buffer.from(`Manifest-Version: 1.0\r\nMain-Class: ${mainClass}\r\n\r\n`);
  const data = deflateRawSync(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

let demo: TestDemo;
beforeAll(async () => {
  demo = await startTestDemo();
});
afterAll(() => demo.close());

type JarList = { address: string; files: { id: string; name: string; entry: { name: string }[] }[] };

describe('jars', () => {
  it('uploads a jar, lists its entry class, runs it as a new job and deletes it', async () => {
    const form = new FormData();
    form.append(
      'jarfile',
      new Blob([new Uint8Array(jarWithMainClass('com.example.ClickCounter'))], {
        type: 'application/x-java-archive',
      }),
      'click-counter.jar',
    );
    const up = await demo.send<{ filename: string; status: string }>('POST', '/jars/upload', form);
    expect(up.status).toBe(200);
    expect(up.body.status).toBe('success');
    expect(up.body.filename).toMatch(/flink-web-upload\/[0-9a-f-]{36}_click-counter\.jar$/);
    const list = (await demo.get<JarList>('/jars')).body;
    const jar = list.files.find((f) => f.name === 'click-counter.jar');
    expect(jar?.entry).toEqual([{ name: 'com.example.ClickCounter', description: null }]);
    expect(list.address).toBe(demo.url);

    const plan = await demo.send<{ plan: { nodes: unknown[] } }>('POST', `/jars/${jar?.id}/plan`, {
      parallelism: 2,
    });
    expect(plan.body.plan.nodes.length).toBeGreaterThan(1);
    const run = await demo.send<{ jobid: string }>('POST', `/jars/${jar?.id}/run`, { parallelism: 2 });
    expect(run.status).toBe(200);
    expect(run.body.jobid).toMatch(/^[0-9a-f]{32}$/);
    demo.advance(3000);
    const job = (await demo.get<{ state: string; name: string }>(`/jobs/${run.body.jobid}`)).body;
    expect(job.state).toBe('RUNNING');

    expect((await demo.send('DELETE', `/jars/${jar?.id}`)).status).toBe(200);
    expect((await demo.get<JarList>('/jars')).body.files.some((f) => f.id === jar?.id)).toBe(false);
    expect((await demo.send('DELETE', `/jars/${jar?.id}`)).status).toBe(400);
  });

  it('rejects files that are not jars', async () => {
    const form = new FormData();
    form.append('jarfile', new Blob(['hello']), 'notes.txt');
    const res = await demo.send<{ errors: string[] }>('POST', '/jars/upload', form);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toContain('Only Jar files are allowed.');
  });
});
