// @ts-check
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// The site is static. SITE_URL and BASE_PATH set where it is published
// (GitHub Pages: https://<owner>.github.io and /<repo>/).
export default defineConfig({
  site: process.env.SITE_URL || 'https://sovereigncloudstack.github.io',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  integrations: [react()],
  devToolbar: { enabled: false },
  build: { format: 'directory' },
});
