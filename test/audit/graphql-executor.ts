import { schema as githubSchema } from '@octokit/graphql-schema';
import { buildClientSchema, graphql, type GraphQLSchema } from 'graphql';
import type { Reply } from '../helpers/github-server.ts';

/**
 * GitHub's GraphQL API for the test server: the request's query runs against GitHub's
 * published schema (@octokit/graphql-schema) over a plain object model, so every answer has
 * exactly the shape GitHub's schema gives that query, and a query GitHub would reject is
 * rejected here too. Errors carry GitHub's `type` (FORBIDDEN, NOT_FOUND) beside the standard
 * message, path and locations.
 */

let schema: GraphQLSchema | undefined;

function loadSchema(): GraphQLSchema {
  // The published schema trips graphql 17's stricter schema validation (deprecations on
  // interface fields); the documents themselves are still validated against it.
  schema ??= buildClientSchema(githubSchema.json as Parameters<typeof buildClientSchema>[0], { assumeValid: true });
  return schema;
}

/** Thrown from a model field: becomes an error entry with GitHub's `type`, and null at that path. */
export class GitHubGraphqlError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

/** "Resource not accessible by integration", as GitHub answers an installation or Actions token. */
export function forbiddenForIntegration(): never {
  throw new GitHubGraphqlError('FORBIDDEN', 'Resource not accessible by integration');
}

/** Runs a POST /graphql body against the schema and the model (fields may be functions of their arguments). */
export async function executeGraphql(body: unknown, rootValue: Record<string, unknown>): Promise<Reply> {
  const { query, variables } = (body ?? {}) as { query?: string; variables?: Record<string, unknown> };
  if (typeof query !== 'string') return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } };
  const result = await graphql({ schema: loadSchema(), source: query, variableValues: variables ?? null, rootValue });
  const errors = result.errors?.map((e) => ({
    ...(e.originalError instanceof GitHubGraphqlError ? { type: e.originalError.type } : {}),
    ...(e.path ? { path: e.path } : {}),
    ...(e.locations ? { locations: e.locations } : {}),
    message: e.message,
  }));
  return { status: 200, body: errors ? { data: result.data ?? null, errors } : { data: result.data } };
}
