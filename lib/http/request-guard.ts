/** The methods pages answer; every other one gets 405 with this list in `Allow`. */
export const allowedMethods = ['GET', 'HEAD'] as const;

export const maxPathLength = 1024;

/**
 * Whether a raw (still percent-encoded) request path is malformed: too long, not decodable as
 * UTF-8, or, once decoded, containing control characters, backslashes or `.`/`..` segments
 * (encoded slashes count as separators, so `..%2f..%2fpackage.json` is traversal too).
 */
export function isMalformedPath(rawPath: string): boolean {
  if (rawPath.length > maxPathLength) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return true;
  return decoded.split('/').some((segment) => segment === '.' || segment === '..');
}
