export const DIRECTORY_PATH = '/groups';
export const IMPORT_PATH = '/admin/imports';

/** The directory page for some words (the home page's search box). */
export function directorySearchPath(q: string): string {
  const words = q.trim();
  return words ? `${DIRECTORY_PATH}?${new URLSearchParams({ q: words }).toString()}` : DIRECTORY_PATH;
}
