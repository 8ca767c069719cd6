export const MY_AVAILABILITY_PATH = '/me/availability';

export function timeFinderPath(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}/time-finder`;
}

export function pollsPath(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}/polls`;
}
