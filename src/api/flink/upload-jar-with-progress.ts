import { useMutation, useQueryClient } from '@tanstack/react-query';
import { validate } from '../http';
import {
  errorMessagesFromBody,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from '../errors';
import { jarIdFromUpload } from './client-jars';
import { base } from './client-shared';
import { flinkKeys } from './keys';
import { jarUploadSchema, type JarUpload } from './schemas';

/*
 * POST /jars/upload with upload progress. `fetch` cannot report how much of a request body was
 * sent, so this one call uses XMLHttpRequest; it fails with the same typed errors as `request()`
 * (HttpError with Flink's messages, NetworkError, TimeoutError, InvalidResponseError).
 */

const ENDPOINT = 'POST /jars/upload';
/** Same budget as `jarsApi.uploadJar`: uploads take as long as the file needs. */
export const UPLOAD_TIMEOUT_MS = 10 * 60_000;

export interface UploadProgress {
  loaded: number;
  /** Undefined when the browser cannot tell the total size. */
  total: number | undefined;
}

export interface UploadJarOptions {
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

export type UploadedJar = JarUpload & { jarId: string };

/** Uploads `file` as multipart field `jarfile` (typed application/x-java-archive, as Flink wants). */
export function uploadJarWithProgress(
  c: string,
  file: Blob,
  fileName: string,
  o: UploadJarOptions = {},
): Promise<UploadedJar> {
  return new Promise<UploadedJar>((resolve, reject) => {
    if (o.signal?.aborted) {
      reject(o.signal.reason);
      return;
    }
    const form = new FormData();
    form.append('jarfile', new Blob([file], { type: 'application/x-java-archive' }), fileName);
    const xhr = new XMLHttpRequest();
    const timeoutMs = o.timeoutMs ?? UPLOAD_TIMEOUT_MS;
    const onAbort = () => xhr.abort();
    const cleanup = () => o.signal?.removeEventListener('abort', onAbort);

    xhr.open('POST', `${base(c)}/jars/upload`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.timeout = timeoutMs;
    xhr.upload.onprogress = (e) =>
      o.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : undefined });
    xhr.onerror = () => {
      cleanup();
      reject(new NetworkError(ENDPOINT, new Error('the upload could not be sent')));
    };
    xhr.ontimeout = () => {
      cleanup();
      reject(new TimeoutError(ENDPOINT, timeoutMs));
    };
    xhr.onabort = () => {
      cleanup();
      reject(o.signal?.reason ?? new DOMException('The upload was cancelled.', 'AbortError'));
    };
    xhr.onload = () => {
      cleanup();
      const text = xhr.responseText;
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(new HttpError(ENDPOINT, xhr.status, errorMessagesFromBody(text)));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        const html = /^\s*</.test(text);
        reject(
          new InvalidResponseError(
            ENDPOINT,
            '',
            html ? 'the server answered with an HTML page instead of JSON' : 'the answer is not valid JSON',
          ),
        );
        return;
      }
      try {
        const res = validate(ENDPOINT, jarUploadSchema, json);
        resolve({ ...res, jarId: jarIdFromUpload(res.filename) });
      } catch (e) {
        reject(e);
      }
    };
    o.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}

export interface UploadJarVariables {
  file: File;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

/** `useUploadJar` with progress and cancellation. Not retried: a resend would store the jar twice. */
export function useUploadJarWithProgress(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.jars(c), 'upload'],
    mutationFn: ({ file, onProgress, signal }: UploadJarVariables) =>
      uploadJarWithProgress(c, file, file.name, { onProgress, signal }),
    onSettled: () => qc.invalidateQueries({ queryKey: flinkKeys.jars(c) }),
  });
}
