// /encrypt-config: ConfigShadeUtils.encryptConfig on the body. A recorded real
// response keeps the request's key order, so we do too.
import { illegalArgument } from './engine-error.ts';
import { asText, JsonObject, type Json } from './json-text.ts';

const DEFAULT_SENSITIVE = ['password', 'username', 'auth', 'token', 'access_key', 'secret_key'];

export function encryptConfig(config: JsonObject): JsonObject {
  const env = config.get('env');
  const envObj = env instanceof JsonObject ? env : undefined;
  // Without shade.identifier the engine uses its "default" shade, which changes nothing.
  const identifier = asText(envObj?.get('shade.identifier')) ?? 'default';
  if (identifier !== 'default' && identifier !== 'base64') {
    throw illegalArgument(`Could not find any ConfigShade for identifier '${identifier}'`);
  }
  const extra = envObj?.get('shade.sensitive.keywords');
  const sensitive = new Set([
    ...DEFAULT_SENSITIVE,
    ...(Array.isArray(extra) ? extra.map(asText).filter((s): s is string => s !== undefined) : []),
  ]);
  const out = new JsonObject(config.entries.map(([k, v]) => [k, v]));
  if (identifier === 'base64') {
    for (const section of ['source', 'sink']) {
      const plugins = out.get(section);
      if (!Array.isArray(plugins)) continue;
      out.set(
        section,
        plugins.map((p) =>
          p instanceof JsonObject
            ? new JsonObject(
                p.entries.map(([k, v]): [string, Json] => [
                  k,
                  sensitive.has(k) && typeof v === 'string' ? Buffer.from(v, 'utf8').toString('base64') : v,
                ]),
              )
            : p,
        ),
      );
    }
  }
  return out;
}
