/**
 * Which GitHub the web editor talks to: github.com, or a GitHub Enterprise server (or a stand-in
 * in tests) named by CMS_GITHUB_API_URL when the site is built. The editor's configuration
 * (Decap's `api_root`) and its Content-Security-Policy both come from here.
 */
export const githubComApi = 'https://api.github.com';

/** The REST API's root, e.g. https://ghe.example.org/api/v3; github.com's without a setting. */
export function githubApiUrl(value = process.env.CMS_GITHUB_API_URL): string {
  return (value?.trim() || githubComApi).replace(/\/+$/, '');
}

/**
 * Where the editors' avatars come from: GitHub's CDN, or on Enterprise the server itself and,
 * with subdomain isolation, its avatars host.
 */
export function githubAvatarOrigins(apiUrl: string): string[] {
  const api = new URL(apiUrl);
  if (api.origin === githubComApi) return ['https://avatars.githubusercontent.com'];
  return [api.origin, `${api.protocol}//avatars.${api.host}`];
}
