// Modules the bundle script provides (scripts/bundle.mjs).
declare module 'virtual:cmaps' {
  /** Adobe's predefined CMaps for Chinese (GB) text, `.bcmap` bytes in base64, by name. */
  const cmaps: Readonly<Record<string, string>>;
  export default cmaps;
}
declare module 'virtual:worker-source' {
  /** The Web Worker's bundled code, started from a blob URL (works from file://). */
  const source: string;
  export default source;
}
