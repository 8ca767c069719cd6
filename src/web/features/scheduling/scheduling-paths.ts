export function timeFinderPath(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}/time-finder`;
}

export function pollsPath(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}/polls`;
}
