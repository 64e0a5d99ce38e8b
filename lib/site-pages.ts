/** The site's own pages, linked from every page's footer and listed in the sitemap. */
export const sitePageNames = ['accessibility', 'imprint', 'privacy'] as const;
export type SitePageName = (typeof sitePageNames)[number];
