import { z } from 'zod';
import { loginRequestSchema } from '@diwan/contracts';
import { startCircuitSchema } from '../circuits/circuit.routes.js';
import { issueReceiptSchema } from '../receipts/receipt.routes.js';
import { completeUserTaskSchema } from '../tasks/user-task.service.js';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});
const ok = (description: string) => ({ description });
const secured = [{ bearer: [] }];
const standardErrors = { '400': errorResponse('Bad input'), '401': errorResponse('Not logged in'), '403': errorResponse('Not allowed') };

/** The OpenAPI document of every public and internal route. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Diwan engine API', version: '0.1.0', description: "Digital bureau d'ordre and administrative circuits" },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        serviceToken: { type: 'http', scheme: 'bearer', description: 'Shared secret of the runtime bridge or the workers' },
      },
      schemas: {
        ApiError: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } },
          },
        },
      },
    },
    paths: {
      '/api/health': { get: { summary: 'Engine, runtime and database states', responses: { '200': ok('All up'), '503': ok('Something is down') } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1') } } },
      '/api/auth/login': {
        post: { summary: 'Log in with a username and password', requestBody: json(loginRequestSchema), responses: { '200': ok('A token and the user'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong credentials') } },
      },
      '/api/auth/me': { get: { summary: 'The logged-in user', security: secured, responses: { '200': ok('The user'), '401': errorResponse('Not logged in') } } },
      '/api/circuits': { get: { summary: 'Deployed circuits (latest versions)', security: secured, responses: { '200': ok('Circuits'), ...standardErrors } } },
      '/api/circuits/{id}/xml': {
        get: { summary: 'The BPMN XML of a deployed circuit', security: secured, parameters: [pathParam('id')], responses: { '200': ok('BPMN XML'), '404': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/circuits/{key}/instances': {
        post: { summary: 'Start a circuit (admin, registrar)', security: secured, parameters: [pathParam('key')], requestBody: json(startCircuitSchema), responses: { '201': ok('Started'), '404': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/user-tasks': {
        get: {
          summary: "The caller's inbox: open user tasks it may see",
          security: secured,
          parameters: ['assignee', 'candidateGroup', 'businessKey', 'processInstanceId'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
          responses: { '200': ok('User tasks'), ...standardErrors },
        },
      },
      '/api/user-tasks/{id}': { get: { summary: 'One user task', security: secured, parameters: [pathParam('id')], responses: { '200': ok('The task'), '404': errorResponse('Not in your inbox'), ...standardErrors } } },
      '/api/user-tasks/{id}/complete': {
        post: { summary: 'Complete a user task (claims it first if unassigned)', security: secured, parameters: [pathParam('id')], requestBody: json(completeUserTaskSchema), responses: { '204': ok('Completed'), '404': errorResponse('Not in your inbox'), '409': errorResponse('Already done'), ...standardErrors } },
      },
      '/api/runtime-events': {
        post: { summary: "The runtime's event bridge (internal)", security: [{ serviceToken: [] }], responses: { '200': ok('Applied and duplicate counts'), '400': errorResponse('Bad batch'), '401': errorResponse('Wrong token') } },
      },
      '/api/internal/receipts': {
        post: { summary: 'Issue the receipt of a correspondence, idempotently (workers)', security: [{ serviceToken: [] }], requestBody: json(issueReceiptSchema), responses: { '201': ok('The receipt'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong token') } },
      },
    },
  };
}

function pathParam(name: string) {
  return { name, in: 'path', required: true, schema: { type: 'string' } };
}
