import { END, START } from '../../../src/checks/secrets/pattern-parts.ts';
import { run } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule } from '../../../src/checks/secrets/token-rule.ts';

export const stripeKey = defineTokenRule({
  meta: {
    id: 'secrets/stripe-key',
    description: 'Stripe secret and restricted API keys (live and test) and webhook signing secrets.',
    severity: 'error',
    fixable: false,
    fixHint: 'Roll the key in the Stripe dashboard (Developers → API keys, or the webhook endpoint), then read it from the environment. Publishable keys (pk_) are safe to ship.',
  },
  keywords: ['sk_live_', 'rk_live_', 'sk_test_', 'rk_test_', 'whsec_'],
  window: 260,
  patterns: [
    {
      label: 'Stripe live secret key',
      regex: new RegExp(`${START}(sk_live_[A-Za-z0-9]{24,247})${END}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'STRIPE_SECRET_KEY=', secret: ['sk_live_', run('alnum', 99)] },
    },
    {
      label: 'Stripe live restricted key',
      regex: new RegExp(`${START}(rk_live_[A-Za-z0-9]{24,247})${END}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: "const stripe = new Stripe('", secret: ['rk_live_', run('alnum', 99)], after: "');" },
    },
    {
      label: 'Stripe test secret key',
      regex: new RegExp(`${START}((?:sk|rk)_test_[A-Za-z0-9]{24,247})${END}`),
      group: 1,
      minEntropy: 3.5,
      severity: 'warning',
      sample: { before: 'stripeKey: "', secret: ['sk_test_', run('alnum', 99)], after: '",' },
    },
    {
      label: 'Stripe webhook signing secret',
      regex: new RegExp(`${START}(whsec_[A-Za-z0-9]{32,64})${END}`),
      group: 1,
      minEntropy: 3.5,
      sample: { before: 'STRIPE_WEBHOOK_SECRET=', secret: ['whsec_', run('alnum', 32)] },
    },
  ],
  docs: {
    why: 'A live secret key moves money: it can create charges, issue refunds and payouts, and read every customer record. A webhook signing secret lets anyone forge Stripe events to your endpoint. Test keys (`sk_test_`) cannot move real money, so they are reported as warnings; they still expose your test data.',
    good: "const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!); // pk_live_… publishable keys are fine",
  },
});
