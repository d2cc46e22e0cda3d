// A tiny JSON model that keeps what JS numbers and objects would lose:
// numbers stay as their source digits (64-bit job ids) and objects keep key
// order exactly (JS objects hoist integer-like keys such as pipeline "1").

export class JsonNumber {
  constructor(readonly raw: string) {}
}

export class JsonObject {
  readonly entries: Array<[string, Json]> = [];

  constructor(entries: Array<[string, Json]> = []) {
    for (const [k, v] of entries) this.set(k, v);
  }

  /** Replaces an existing key in place, like Jackson/Hazelcast do. */
  set(key: string, value: Json): this {
    const at = this.entries.findIndex(([k]) => k === key);
    if (at >= 0) this.entries[at] = [key, value];
    else this.entries.push([key, value]);
    return this;
  }

  get(key: string): Json | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }

  has(key: string): boolean {
    return this.entries.some(([k]) => k === key);
  }

  keys(): string[] {
    return this.entries.map(([k]) => k);
  }
}

/** `number` is only for small safe integers we produce ourselves. */
export type Json = null | boolean | string | number | JsonNumber | Json[] | JsonObject;

export function obj(entries: Array<[string, Json]> = []): JsonObject {
  return new JsonObject(entries);
}

export function stringifyJson(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('non-finite number in JSON output');
    return String(value);
  }
  if (value instanceof JsonNumber) return value.raw;
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(',')}]`;
  return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`).join(',')}}`;
}

export class JsonSyntaxError extends Error {}

/** Parses JSON text without ever turning a number into a JS number. */
export function parseJson(text: string): Json {
  const p = new Parser(text);
  p.ws();
  const value = p.value();
  p.ws();
  if (p.pos !== text.length) p.fail('trailing characters');
  return value;
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(what: string): never {
    throw new JsonSyntaxError(`${what} at position ${this.pos}`);
  }

  ws(): void {
    while (this.pos < this.s.length && ' \t\n\r'.includes(this.s.charAt(this.pos))) this.pos++;
  }

  value(): Json {
    const c = this.s.charAt(this.pos);
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.fail('unexpected character');
  }

  object(): JsonObject {
    const o = new JsonObject();
    this.pos++;
    this.ws();
    if (this.s.charAt(this.pos) === '}') {
      this.pos++;
      return o;
    }
    for (;;) {
      this.ws();
      if (this.s.charAt(this.pos) !== '"') this.fail('expected key');
      const key = this.string();
      this.ws();
      if (this.s.charAt(this.pos) !== ':') this.fail('expected colon');
      this.pos++;
      this.ws();
      o.set(key, this.value());
      this.ws();
      const c = this.s.charAt(this.pos++);
      if (c === '}') return o;
      if (c !== ',') this.fail('expected comma or }');
    }
  }

  array(): Json[] {
    const a: Json[] = [];
    this.pos++;
    this.ws();
    if (this.s.charAt(this.pos) === ']') {
      this.pos++;
      return a;
    }
    for (;;) {
      this.ws();
      a.push(this.value());
      this.ws();
      const c = this.s.charAt(this.pos++);
      if (c === ']') return a;
      if (c !== ',') this.fail('expected comma or ]');
    }
  }

  string(): string {
    // Find the closing quote, then let JSON.parse validate escapes and control characters.
    let end = this.pos + 1;
    while (end < this.s.length && this.s.charAt(end) !== '"') end += this.s.charAt(end) === '\\' ? 2 : 1;
    if (end >= this.s.length) this.fail('unterminated string');
    const literal = this.s.slice(this.pos, end + 1);
    let value: unknown;
    try {
      value = JSON.parse(literal);
    } catch {
      this.fail('bad string');
    }
    this.pos = end + 1;
    return value as string;
  }

  number(): JsonNumber {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.pos));
    if (!m) return this.fail('bad number');
    this.pos += m[0].length;
    return new JsonNumber(m[0]);
  }
}

/** Plain-JS view for values where precision does not matter (config display). */
export function asText(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof JsonNumber) return value.raw;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return undefined;
}
