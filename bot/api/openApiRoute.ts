import type { RequestHandler } from 'express';
import openApiDocument from './openapi.json';

/** GET /openapi.json: the API's own description, for developers and client generators. */
export const getOpenApiDocument: RequestHandler = (_req, res) => {
  res.json(openApiDocument);
};
