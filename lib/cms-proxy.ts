/** Where `npm run edit` runs Decap CMS's local proxy (decap-server); the editor talks to it there. */
export const cmsProxyPort = Number(process.env.CMS_PROXY_PORT ?? 8081);
