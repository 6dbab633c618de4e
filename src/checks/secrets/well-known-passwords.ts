/**
 * Passwords that tutorials, docker-compose files and local setups use on purpose. A URL with
 * one of these is a local default, not a leak.
 */
export const WELL_KNOWN_PASSWORDS =
  /^(?:password|passwd|pass|pwd|pw|secret|postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|rabbitmq|guest|root|admin|administrator|test|testing|tester|dev|development|local|localhost|user|username|changeme|changeit|default|demo|example|sample|qwerty|letmein|welcome|123456|12345678|123456789|foobar|foo|bar|token|apikey|api_key|x-oauth-basic)$/i;
