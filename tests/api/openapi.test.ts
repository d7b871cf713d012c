import { z } from 'zod';
import { contractRegistry } from '../../bot/api/contract';
import openApiDocument from '../../bot/api/openapi.json';
import { createApiRouter, type ApiDependencies } from '../../bot/api/router';
import { startApiTestApp, type ApiTestApp } from './apiTestApp';

/** "GET /me" for every method a route answers, read from the real router's stack. */
function routesOfRouter(deps: ApiDependencies): string[] {
  const router = createApiRouter(deps);
  return router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route) return [];
    // Layers without a method are the `.all()` that answers 405 for everything else.
    const methods = route.stack.map((l) => l.method).filter((m): m is string => Boolean(m));
    return [...new Set(methods)].map((method) => `${method.toUpperCase()} ${route.path}`);
  });
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function routesOfDocument(): string[] {
  return Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

describe('the OpenAPI document bot/api/openapi.json', () => {
  let app: ApiTestApp;
  beforeAll(async () => {
    app = await startApiTestApp();
  });
  afterAll(() => app.close());

  it('when a route is in the router, then it is in the document, and vice versa', () => {
    const inRouter = routesOfRouter(app.deps);

    expect(inRouter.length).toBeGreaterThan(0);
    expect([...inRouter].sort()).toEqual([...routesOfDocument()].sort());
  });

  it('when the contract schemas change, then the document carries the same JSON Schema', () => {
    const { schemas } = z.toJSONSchema(contractRegistry, {
      uri: (id) => `#/components/schemas/${id}`,
    }) as { schemas: Record<string, Record<string, unknown>> };
    const expected = Object.fromEntries(
      Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
    );

    // On a mismatch, paste `expected` into components.schemas of openapi.json.
    expect(openApiDocument.components.schemas).toEqual(expected);
  });

  it('when an operation refers to a schema, then the schema exists', () => {
    const refs = JSON.stringify(openApiDocument.paths).match(/#\/components\/schemas\/\w+/g) ?? [];
    const known = Object.keys(openApiDocument.components.schemas);

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(known).toContain(ref.split('/').pop());
  });

  it('when the document is asked for, then the API serves it as OpenAPI 3.1', async () => {
    const response = await app.api('/openapi.json');
    expect(response.status).toBe(200);
    const served = (await response.json()) as typeof openApiDocument;
    expect(served).toEqual(openApiDocument);
    expect(served.openapi).toMatch(/^3\.1\./);
  });
});
