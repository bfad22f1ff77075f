/**
 * Why training has the threads it has. A host that sends COOP/COEP headers makes the page
 * cross-origin isolated, which gives it SharedArrayBuffer and so the threaded WebAssembly
 * backend; any other static host gets the same backend on one thread.
 */
export function isolationNote(): string {
  const cores = navigator.hardwareConcurrency;
  return crossOriginIsolated
    ? `Cross-origin isolated: training can use ${cores} thread${cores === 1 ? '' : 's'}.`
    : 'Not cross-origin isolated (the host sends no COOP/COEP headers): training uses 1 thread.';
}
