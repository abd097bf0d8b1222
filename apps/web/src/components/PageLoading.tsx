/**
 * The fallback while a lazy route chunk loads: plain markup, so the entry chunk carries no UI library
 * (the phone's first load stays light — issue 4 bundle budget).
 */
export function PageLoading() {
  return (
    <div role="progressbar" aria-busy="true" className="page-loading" data-testid="page-loading">
      <span className="page-loading-dot" />
    </div>
  );
}
