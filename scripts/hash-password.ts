import { createInterface } from 'node:readline';
import { hashPassword } from '../server/passwords.ts';

/** `npm run hash-password`: reads a password from stdin (or the first argument) and prints its hash. */
async function readPassword(): Promise<string> {
  if (process.argv[2]) return process.argv[2];
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

const password = await readPassword();
if (!password) {
  console.error('usage: npm run hash-password -- <password>   (or type it on stdin)');
  process.exit(1);
}
console.log(hashPassword(password));
