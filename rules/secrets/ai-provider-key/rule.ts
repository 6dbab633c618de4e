import { END_DASH, START_DASH } from '../../../src/checks/secrets/pattern-parts.ts';
import { run, type FormatPart } from '../../../src/checks/secrets/token-format.ts';
import { defineTokenRule, type TokenPattern } from '../../../src/checks/secrets/token-rule.ts';

const prefixed = (label: string, prefix: string, body: string, env: string, format: FormatPart[]): TokenPattern => ({
  label,
  regex: new RegExp(`${START_DASH}(${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${body})${END_DASH}`),
  group: 1,
  minEntropy: 3.8,
  sample: { before: `${env}=`, secret: [prefix, ...format] },
});

export const aiProviderKey = defineTokenRule({
  meta: {
    id: 'secrets/ai-provider-key',
    description: 'API keys of other AI providers with documented prefixes: Hugging Face (hf_), Groq (gsk_), Replicate (r8_), Perplexity (pplx-), xAI (xai-), OpenRouter (sk-or-v1-).',
    severity: 'error',
    fixable: false,
    fixHint: "Revoke the key in the provider's console, create a new one, and read it from the environment.",
  },
  keywords: ['hf_', 'gsk_', 'r8_', 'pplx-', 'xai-', 'sk-or-v1-'],
  window: 120,
  patterns: [
    prefixed('Hugging Face access token', 'hf_', '[A-Za-z]{34}', 'HF_TOKEN', [run('alpha', 34)]),
    prefixed('Groq API key', 'gsk_', '[A-Za-z0-9]{52}', 'GROQ_API_KEY', [run('alnum', 52)]),
    prefixed('Replicate API token', 'r8_', '[A-Za-z0-9]{37}', 'REPLICATE_API_TOKEN', [run('alnum', 37)]),
    prefixed('Perplexity API key', 'pplx-', '[A-Za-z0-9]{48}', 'PERPLEXITY_API_KEY', [run('alnum', 48)]),
    prefixed('xAI API key', 'xai-', '[A-Za-z0-9]{80}', 'XAI_API_KEY', [run('alnum', 80)]),
    prefixed('OpenRouter API key', 'sk-or-v1-', '[a-f0-9]{64}', 'OPENROUTER_API_KEY', [run('hex', 64)]),
  ],
  docs: {
    why: 'AI provider keys are spent by whoever holds them, and several also reach private models, datasets or conversation logs.',
    good: 'HF_TOKEN=${{ secrets.HF_TOKEN }}',
  },
});
