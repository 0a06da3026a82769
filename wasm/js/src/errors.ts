// Errors thrown by the package: the core's, with their codes, and the package's own.

/** Bad input, with `code` naming the core's error variant (see `errorCodes`). */
export class LayoutError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'LayoutError';
    this.code = code;
  }
}

export function rethrow(e: unknown): never {
  if (e instanceof Error && typeof (e as { code?: unknown }).code === 'string') {
    throw new LayoutError((e as unknown as { code: string }).code, e.message);
  }
  throw e;
}

