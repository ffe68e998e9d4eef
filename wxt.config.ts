import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Papershelf',
    description: 'Save the papers you meet while browsing — arXiv, Hugging Face, OpenReview, Scholar and more. Tags, notes, BibTeX. All local.',
    permissions: ['storage', 'unlimitedStorage'],
    action: { default_title: 'Papershelf' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  },
});
