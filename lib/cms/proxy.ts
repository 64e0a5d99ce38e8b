/** Where `npm run edit` runs Decap CMS's local proxy (decap-server); the editor talks to it there. */
// Not decap-server's own 8081: that is the front's warm-up port (deploy/nginx.conf).
export const cmsProxyPort = Number(process.env.CMS_PROXY_PORT ?? 8085);
