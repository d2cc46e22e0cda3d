import { useRef, useState, type DragEvent } from 'react';
import { useUploadJarWithProgress, type UploadProgress } from '@/api/flink/upload-jar-with-progress';
import { QueryError } from '@/components/query-state';
import { formatBytes } from '@/lib/format';

/**
 * Upload a jar (button or drag and drop) with a progress bar and a Cancel button. The upload
 * starts as soon as a file is chosen; on failure the file stays chosen for another try.
 */
export function UploadCard({
  clusterId,
  onUploaded,
}: {
  clusterId: string;
  onUploaded: (jarId: string) => void;
}) {
  const upload = useUploadJarWithProgress(clusterId);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [dragging, setDragging] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const start = (f: File) => {
    setFile(f);
    setDone(null);
    setProgress({ loaded: 0, total: f.size });
    const controller = new AbortController();
    abort.current = controller;
    upload.mutate(
      { file: f, onProgress: setProgress, signal: controller.signal },
      {
        onSuccess: (res) => {
          setDone(f.name);
          setFile(null);
          onUploaded(res.jarId);
        },
        onSettled: () => {
          abort.current = null;
          if (input.current) input.current.value = '';
        },
      },
    );
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f && !upload.isPending) start(f);
  };

  const total = progress?.total ?? file?.size;
  const share = progress && total ? Math.min(1, progress.loaded / total) : 0;
  const cancelled = upload.error instanceof DOMException && upload.error.name === 'AbortError';
  const notJar = file !== null && !/\.jar$/i.test(file.name);

  return (
    <section
      aria-label="Upload a jar"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={`rounded-lg border-2 border-dashed p-4 transition-colors ${
        dragging
          ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/40'
          : 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900'
      }`}
      data-testid="upload-card"
    >
      <div className="flex flex-wrap items-center gap-3">
        <label
          className={`cursor-pointer rounded bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 ${upload.isPending ? 'pointer-events-none opacity-50' : ''}`}
        >
          Upload a jar…
          <input
            ref={input}
            type="file"
            accept=".jar,application/java-archive,application/x-java-archive"
            className="sr-only"
            disabled={upload.isPending}
            data-testid="jar-upload-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) start(f);
            }}
          />
        </label>
        <span className="text-sm text-slate-500">
          or drop a .jar file here. It goes to the cluster’s web upload directory.
        </span>
      </div>

      {upload.isPending && file ? (
        <div className="mt-3" data-testid="upload-progress">
          <div className="flex items-center gap-3 text-sm">
            <span className="truncate font-mono text-xs">{file.name}</span>
            <span className="tabular-nums text-xs text-slate-500">
              {formatBytes(progress?.loaded ?? 0)} of {formatBytes(total)} · {Math.round(share * 100)} %
              {share >= 1 ? ' · the cluster is checking the jar…' : ''}
            </span>
            <button
              type="button"
              className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              onClick={() => abort.current?.abort()}
            >
              Cancel
            </button>
          </div>
          <div
            role="progressbar"
            aria-label={`Uploading ${file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
            className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
          >
            <div className="h-full bg-sky-500 transition-[width]" style={{ width: `${share * 100}%` }} />
          </div>
        </div>
      ) : null}

      {upload.isError && file ? (
        <div className="mt-3 space-y-2" data-testid="upload-error">
          {cancelled ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">Upload of {file.name} cancelled.</p>
          ) : (
            <>
              <QueryError error={upload.error} compact />
              {notJar ? (
                <p className="text-xs text-slate-500">Flink accepts only files ending in .jar.</p>
              ) : null}
            </>
          )}
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            onClick={() => start(file)}
          >
            Try {file.name} again
          </button>
        </div>
      ) : null}

      {done && !upload.isPending ? (
        <p
          role="status"
          className="mt-3 text-sm text-emerald-700 dark:text-emerald-400"
          data-testid="upload-done"
        >
          Uploaded {done}.
        </p>
      ) : null}
    </section>
  );
}
