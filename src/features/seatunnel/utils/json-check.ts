/*
 * A strict JSON syntax check that says where the first mistake is (line and column, 1-based),
 * which JSON.parse does not do the same way in every browser. It only checks; values are read
 * afterwards with the lossless parser so 64-bit integers stay exact.
 */

export interface JsonProblem {
  message: string;
  /** 0-based offset into the text. */
  offset: number;
  line: number;
  column: number;
}

class Problem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const describe = (ch: string | undefined) =>
  ch === undefined ? 'the end of the text' : ch === '\n' ? 'a line break' : `“${ch}”`;

/** null when the text is one valid JSON value, else the first problem. */
export function checkJson(text: string): JsonProblem | null {
  let i = 0;
  const n = text.length;

  const ws = () => {
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };
  const fail = (message: string, at = i): never => {
    throw new Problem(message, at);
  };
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) fail(`expected ${what}, found ${describe(text[i])}`);
    i++;
  };

  const string = () => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('bad \\u escape: four hex digits expected', i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape \\${e ?? ''} in a string`, i);
        continue;
      }
      if (c === '\n') fail('a string must end on its own line (missing closing quote?)', start);
      if (c.charCodeAt(0) < 0x20) fail('control character in a string', i);
      i++;
    }
    fail('missing closing quote of this string', start);
  };

  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail(`unexpected ${describe(text[i])}`);
    i += (m as RegExpExecArray)[0].length;
    if (text[i] !== undefined && /[0-9.eE]/.test(text[i] as string)) fail('malformed number');
  };

  const value = (depth: number): void => {
    if (depth > 500) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') return object(depth);
    if (c === '[') return array(depth);
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c === "'") fail('JSON strings use double quotes, not single quotes');
    if (c === undefined) return fail('unexpected end of the text: a value is missing');
    if (/[A-Za-z_]/.test(c)) {
      const word = /^[\w.$-]+/.exec(text.slice(i))?.[0] ?? c;
      fail(`unexpected ${describe(word)}: text must be in double quotes`);
    }
    fail(`unexpected ${describe(c)}`);
  };

  const object = (depth: number) => {
    i++; // {
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === '}') fail('trailing comma before “}”');
      if (text[i] !== '"') {
        if (text[i] !== undefined && /[A-Za-z_$]/.test(text[i] as string))
          fail('keys must be in double quotes');
        fail(`expected a key in double quotes, found ${describe(text[i])}`);
      }
      string();
      ws();
      expect(':', '“:” after the key');
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`expected “,” or “}”, found ${describe(text[i])}`);
    }
  };

  const array = (depth: number) => {
    i++; // [
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (text[i] === ']') fail('trailing comma before “]”');
      value(depth + 1);
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`expected “,” or “]”, found ${describe(text[i])}`);
    }
  };

  try {
    ws();
    if (i >= n) fail('the text is empty');
    value(0);
    ws();
    if (i < n) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    const offset = Math.min(e.offset, n);
    return { message: e.message, offset, ...lineColumn(text, offset) };
  }
}
