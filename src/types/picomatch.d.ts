// The part of picomatch (a dependency of tinyglobby, used directly for memo globs) that eis uses.
declare module 'picomatch' {
  interface PicomatchOptions {
    dot?: boolean;
    nocase?: boolean;
  }
  interface ScanResult {
    /** The part of the glob before its first wildcard, without a trailing slash. */
    base: string;
    glob: string;
    isGlob: boolean;
    negated: boolean;
  }
  interface Picomatch {
    (glob: string | string[], options?: PicomatchOptions): (path: string) => boolean;
    scan(glob: string, options?: PicomatchOptions): ScanResult;
  }
  const picomatch: Picomatch;
  export default picomatch;
}
