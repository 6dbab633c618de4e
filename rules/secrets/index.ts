import type { SecretBaselineRule, SecretContentRule, SecretPathRule, SecretRule } from '../../src/checks/secrets/rule-context.ts';
import { adyenKey } from './adyen-key/rule.ts';
import { aiProviderKey } from './ai-provider-key/rule.ts';
import { anthropicKey } from './anthropic-key/rule.ts';
import { awsAccessKey } from './aws-access-key/rule.ts';
import { awsSecretKey } from './aws-secret-key/rule.ts';
import { awsSessionToken } from './aws-session-token/rule.ts';
import { azureClientSecret } from './azure-client-secret/rule.ts';
import { azureStorageKey } from './azure-storage-key/rule.ts';
import { basicAuthUrl } from './basic-auth-url/rule.ts';
import { bitbucketToken } from './bitbucket-token/rule.ts';
import { blockedFile } from './blocked-file/rule.ts';
import { databaseUrl } from './database-url/rule.ts';
import { datadogKey } from './datadog-key/rule.ts';
import { digitaloceanToken } from './digitalocean-token/rule.ts';
import { dockerhubToken } from './dockerhub-token/rule.ts';
import { exchangeApiKey } from './exchange-api-key/rule.ts';
import { gcpApiKey } from './gcp-api-key/rule.ts';
import { gcpServiceAccount } from './gcp-service-account/rule.ts';
import { genericSecret } from './generic-secret/rule.ts';
import { githubToken } from './github-token/rule.ts';
import { gitlabToken } from './gitlab-token/rule.ts';
import { herokuKey } from './heroku-key/rule.ts';
import { jwt } from './jwt/rule.ts';
import { mailgunKey } from './mailgun-key/rule.ts';
import { npmToken } from './npm-token/rule.ts';
import { openaiKey } from './openai-key/rule.ts';
import { paypalBraintree } from './paypal-braintree/rule.ts';
import { plaidToken } from './plaid-token/rule.ts';
import { privateKey } from './private-key/rule.ts';
import { pypiToken } from './pypi-token/rule.ts';
import { sendgridKey } from './sendgrid-key/rule.ts';
import { shopifyToken } from './shopify-token/rule.ts';
import { slackToken } from './slack-token/rule.ts';
import { slackWebhook } from './slack-webhook/rule.ts';
import { squareToken } from './square-token/rule.ts';
import { staleBaselineEntry } from './stale-baseline-entry/rule.ts';
import { stripeKey } from './stripe-key/rule.ts';
import { twilioKey } from './twilio-key/rule.ts';

/** Rules that read file content, most specific first; secrets/generic-secret comes last. */
export const SECRET_CONTENT_RULES: readonly SecretContentRule[] = [
  privateKey,
  gcpServiceAccount,
  awsAccessKey,
  awsSecretKey,
  awsSessionToken,
  gcpApiKey,
  azureStorageKey,
  azureClientSecret,
  githubToken,
  gitlabToken,
  bitbucketToken,
  stripeKey,
  paypalBraintree,
  squareToken,
  adyenKey,
  plaidToken,
  slackToken,
  slackWebhook,
  twilioKey,
  sendgridKey,
  mailgunKey,
  openaiKey,
  anthropicKey,
  aiProviderKey,
  npmToken,
  pypiToken,
  dockerhubToken,
  herokuKey,
  digitaloceanToken,
  shopifyToken,
  datadogKey,
  jwt,
  databaseUrl,
  basicAuthUrl,
  exchangeApiKey,
  genericSecret,
];

export const SECRET_PATH_RULES: readonly SecretPathRule[] = [blockedFile];
export const SECRET_BASELINE_RULE: SecretBaselineRule = staleBaselineEntry;

/** Every secrets rule, for the catalog (SARIF metadata, docs tests). */
export const SECRET_RULES: readonly SecretRule[] = [...SECRET_CONTENT_RULES, ...SECRET_PATH_RULES, SECRET_BASELINE_RULE];
