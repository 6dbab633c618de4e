import { END, START } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const shopifyToken = defineTokenRule({
  meta: {
    id: 'secrets/shopify-token',
    description: 'Shopify access tokens (shpat_, shpca_, shppa_) and shared secrets (shpss_).',
    severity: 'error',
    fixable: false,
    fixHint: 'Uninstall and reinstall the app or rotate its credentials in the Shopify admin / Partner dashboard, then read them from the environment.',
  },
  keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  window: 60,
  patterns: [
    {
      label: 'Shopify access token',
      regex: new RegExp(`${START}(shp(?:at|ca|pa)_[a-fA-F0-9]{32})${END}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'SHOPIFY_ACCESS_TOKEN=', secret: ['shpat_', run('hex', 32)] },
    },
    {
      label: 'Shopify shared secret',
      regex: new RegExp(`${START}(shpss_[a-fA-F0-9]{32})${END}`),
      group: 1,
      minEntropy: 3,
      sample: { before: 'SHOPIFY_API_SECRET=', secret: ['shpss_', run('hex', 32)] },
    },
  ],
  docs: {
    why: "A Shopify admin token reads and changes the store's orders, customers and products; the shared secret forges webhook signatures.",
    good: 'const token = process.env.SHOPIFY_ACCESS_TOKEN;',
  },
});
