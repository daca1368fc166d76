import { z } from 'zod';
import { dashboardQuerySchema } from '@diwan/contracts';
import { monthlyReportQuerySchema } from '@diwan/contracts';
import { circuitDefaultsSchema, circuitStatsQuerySchema, loginRequestSchema, mailQuerySchema, mailTypeSchema, mailTypeUpdateSchema, registerMailSchema } from '@diwan/contracts';
import { startCircuitSchema } from '../circuits/circuit.routes.js';
import { issueReceiptSchema } from '../receipts/receipt.routes.js';
import { bulkUserTaskSchema, completeUserTaskSchema, delegateUserTaskSchema, userTaskQuerySchema } from '../tasks/user-task.service.js';
import { circuitEventSchema } from '../circuits/circuit-event.routes.js';
import { createDraftSchema, deployDraftSchema, saveDraftSchema, versionSchema } from '../circuits/circuit-draft.routes.js';
import { cancelInstanceSchema, migrationExecuteSchema, migrationPlanSchema, moveInstanceSchema, reassignTasksSchema, retryIncidentsSchema } from '@diwan/contracts';
import { incidentQuerySchema } from '../operations/operations.routes.js';
import { absenceQuerySchema, declareAbsenceSchema, substituteQuerySchema } from '@diwan/contracts';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } });
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
});
const ok = (description: string) => ({ description });
const tooMany = (description: string) => ({ ...errorResponse(description), headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } });
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
        post: {
          summary: 'Log in with a username and password; failed attempts are throttled per user and per address (back-off up to 15 min)',
          requestBody: json(loginRequestSchema),
          responses: { '200': ok('A token and the user'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong credentials'), '429': tooMany('Too many failed logins') },
        },
      },
      '/api/auth/logout': {
        post: { summary: 'Log out: the token is revoked (refused from now on) and its sockets are dropped', security: secured, responses: { '204': ok('Logged out'), '401': errorResponse('Not logged in') } },
      },
      '/api/auth/me': { get: { summary: 'The logged-in user', security: secured, responses: { '200': ok('The user'), '401': errorResponse('Not logged in') } } },
      '/api/circuits': {
        get: { summary: 'Deployed circuits (latest versions)', security: secured, responses: { '200': ok('Circuits'), ...standardErrors } },
        post: {
          summary: 'Deploy .bpmn and .form files (admin); every BPMN passes the deployment policy',
          security: secured,
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
          responses: { '201': ok('Deployed: deploymentId and circuits'), '415': errorResponse('Not a .bpmn or .form file'), '422': errorResponse('Refused by the policy: details.violations lists file, elementId, rule and message'), ...standardErrors },
        },
      },
      '/api/circuits/{id}/stats': {
        get: { summary: 'Live view and heatmap of a deployed circuit, per step: running instances, incidents (live), passes, finished, canceled (runtime history statistics) and average time of the latest completed passes; ?period=all|30d|7d (admin, supervisor)', security: secured, parameters: [pathParam('id'), ...queryParams(circuitStatsQuerySchema)], responses: { '200': ok('CircuitStatsDto'), '404': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/circuit-drafts': {
        get: { summary: 'Circuit drafts, last changed first; ?q= searches name and process id (admin)', security: secured, parameters: [{ name: 'q', in: 'query', required: false, schema: { type: 'string' } }], responses: { '200': ok('Draft summaries'), ...standardErrors } },
        post: { summary: 'Create a draft, blank or from an imported .bpmn, with forms and .dmn decisions (admin); several drafts may hold one process', security: secured, requestBody: json(createDraftSchema), responses: { '201': ok('The draft'), '422': errorResponse('No executable process, or a bad form or decision file'), ...standardErrors } },
      },
      '/api/circuit-drafts/from-circuit/{processDefinitionId}': {
        post: { summary: "Open a deployed circuit in the modeler: its draft, or a new one with the deployed XML and forms (admin)", security: secured, parameters: [pathParam('processDefinitionId')], responses: { '201': ok('The draft'), '404': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/circuit-drafts/{id}': {
        get: { summary: 'A draft with its XML, forms and versions (admin)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('The draft'), '404': errorResponse('Unknown draft'), ...standardErrors } },
        put: { summary: 'Save the working copy: BPMN, forms, decisions (automatic save); revision guards lost updates (admin)', security: secured, parameters: [pathParam('id')], requestBody: json(saveDraftSchema), responses: { '200': ok('Saved, with the next revision'), '409': errorResponse('Saved by someone else meanwhile'), ...standardErrors } },
        delete: { summary: 'Delete a draft; what it deployed stays deployed; audited (admin)', security: secured, parameters: [pathParam('id')], responses: { '204': ok('Deleted'), '404': errorResponse('Unknown draft'), ...standardErrors } },
      },
      '/api/circuit-drafts/{id}/versions': {
        post: { summary: 'Name a version of the working copy (admin)', security: secured, parameters: [pathParam('id')], requestBody: json(versionSchema), responses: { '201': ok('The version'), ...standardErrors } },
      },
      '/api/circuit-drafts/{id}/versions/{number}': {
        get: { summary: 'A named version: XML and forms (admin)', security: secured, parameters: [pathParam('id'), pathParam('number')], responses: { '200': ok('The version'), '404': errorResponse('Unknown version'), ...standardErrors } },
      },
      '/api/circuit-drafts/{id}/validate': {
        post: { summary: 'Check the working copy against the deployment policy (admin)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('violations (empty when deployable)'), ...standardErrors } },
      },
      '/api/circuit-drafts/{id}/deploy': {
        post: { summary: 'Deploy a named version, or the working copy, with its forms and decisions (admin)', security: secured, parameters: [pathParam('id')], requestBody: json(deployDraftSchema), responses: { '201': ok('deploymentId, processDefinitionId, version'), '422': errorResponse('Refused by the policy'), ...standardErrors } },
      },
      '/api/circuits/{id}/xml': {
        get: { summary: 'The BPMN XML of a deployed circuit', security: secured, parameters: [pathParam('id')], responses: { '200': ok('BPMN XML'), '404': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/circuits/{key}/instances': {
        post: {
          summary: 'Start a circuit deployed through Diwan for a mail the caller may see that runs no circuit (admin, registrar); the mail records it',
          security: secured,
          parameters: [pathParam('key')],
          requestBody: json(startCircuitSchema),
          responses: { '201': ok('Started'), '404': errorResponse('Unknown circuit or mail'), '409': errorResponse('The mail runs a circuit'), ...standardErrors },
        },
      },
      '/api/mail-types': {
        get: {
          summary: 'Mail types: labels, direction, days to answer, circuit',
          security: secured,
          parameters: ['direction', 'circuitKey', 'active'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
          responses: { '200': ok('Mail types'), ...standardErrors },
        },
        post: { summary: 'Create a mail type (admin); its circuit must be deployed', security: secured, requestBody: json(mailTypeSchema), responses: { '201': ok('The mail type'), '409': errorResponse('The code exists'), '422': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/mail-types/{code}': {
        get: { summary: 'One mail type', security: secured, parameters: [pathParam('code')], responses: { '200': ok('The mail type'), '404': errorResponse('Unknown mail type'), ...standardErrors } },
        put: { summary: 'Change a mail type (admin)', security: secured, parameters: [pathParam('code')], requestBody: json(mailTypeUpdateSchema), responses: { '200': ok('The mail type'), '404': errorResponse('Unknown mail type'), '422': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/circuit-defaults': {
        get: { summary: 'The circuit each direction runs when the mail type names none', security: secured, responses: { '200': ok('{ incoming, outgoing, internal }'), ...standardErrors } },
        put: { summary: 'Choose the default circuit of each direction (admin)', security: secured, requestBody: json(circuitDefaultsSchema), responses: { '200': ok('The defaults'), '422': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/user-tasks': {
        get: {
          summary: "The caller's inbox: open user tasks it may see",
          security: secured,
          parameters: queryParams(userTaskQuerySchema),
          responses: {
            '200': {
              description: 'One page of user tasks',
              headers: {
                'X-Total-Count': { description: 'How many tasks match, over all pages', schema: { type: 'integer' } },
                Link: { description: 'RFC 8288 links to the next and previous pages (rel="next", rel="prev"), when there are', schema: { type: 'string' } },
              },
            },
            ...standardErrors,
          },
        },
      },
      '/api/user-tasks/{id}': { get: { summary: 'One user task', security: secured, parameters: [pathParam('id')], responses: { '200': ok('The task'), '404': errorResponse('Not in your inbox'), ...standardErrors } } },
      '/api/user-tasks/{id}/complete': {
        post: { summary: 'Complete a user task (claims it first if unassigned)', security: secured, parameters: [pathParam('id')], requestBody: json(completeUserTaskSchema), responses: { '204': ok('Completed'), '404': errorResponse('Not in your inbox'), '409': errorResponse('Already done'), ...standardErrors } },
      },
      '/api/user-tasks/counts': { get: { summary: 'Inbox counts: mine, my groups (unclaimed), overdue', security: secured, responses: { '200': ok('{ mine, groups, overdue }'), ...standardErrors } } },
      '/api/user-tasks/{id}/form': { get: { summary: "The task's Camunda Form in the caller's language (Accept-Language) with its pickers filled, the variables it shows, the mail's facts the caller may see, and earlier steps' results", security: secured, parameters: [pathParam('id')], responses: { '200': ok('{ schema, data, earlierResults }'), '404': errorResponse('Not in your inbox'), ...standardErrors } } },
      '/api/user-tasks/{id}/claim': { post: { summary: 'Claim a group task (a candidate)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('The task'), '404': errorResponse('Not in your inbox'), '409': errorResponse('Already done'), ...standardErrors } } },
      '/api/user-tasks/{id}/unclaim': { post: { summary: 'Give a task back to its groups (assignee, head of its department, supervisor)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('The task'), '404': errorResponse('Not in your inbox'), ...standardErrors } } },
      '/api/user-tasks/{id}/delegate': { post: { summary: 'Reassign to a colleague who is a candidate (assignee, head of its department, supervisor)', security: secured, parameters: [pathParam('id')], requestBody: json(delegateUserTaskSchema), responses: { '200': ok('The task'), ...standardErrors } } },
      '/api/user-tasks/bulk': { post: { summary: 'Claim or assign many tasks; one result per id', security: secured, requestBody: json(bulkUserTaskSchema), responses: { '200': ok('{ results: [{ id, ok, error? }] }'), ...standardErrors } } },
      '/api/internal/circuit-events': { post: { summary: 'Workers record a deadline reminder or escalation on the mail (internal)', security: [{ serviceToken: [] }], requestBody: json(circuitEventSchema), responses: { '204': ok('Recorded'), '400': errorResponse('Bad event'), '401': errorResponse('Wrong token') } } },
      '/api/runtime-events': {
        post: { summary: "The runtime's event bridge (internal)", security: [{ serviceToken: [] }], responses: { '200': ok('Applied and duplicate counts'), '400': errorResponse('Bad batch'), '401': errorResponse('Wrong token') } },
      },
      '/api/mails': {
        post: {
          summary: 'Register a mail (registrar, admin): takes the next chrono number, stores the files, starts the circuit (incoming)',
          security: secured,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 200 }, description: 'Same key and body: the same mail (200, Idempotent-Replayed: true); other body: 409' }],
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['mail'],
                  properties: {
                    mail: { type: 'string', description: 'The mail as JSON', contentMediaType: 'application/json', contentSchema: z.toJSONSchema(registerMailSchema, { io: 'input' }) },
                    attachments: { type: 'array', maxItems: 10, items: { type: 'string', format: 'binary' }, description: 'PDF, PNG, JPEG, TIFF, DOCX, ODT; 20 MB each, 50 MB in all; content must match the name' },
                  },
                },
              },
              ...json(registerMailSchema).content,
            },
          },
          responses: {
            '201': ok('The MailDto (status registered, processInstanceId null until the circuit started)'),
            '200': ok('A replay of the same Idempotency-Key and body'),
            '409': errorResponse('Idempotency-Key reused with another body'),
            '413': errorResponse('A file or the upload is too large, or too many files'),
            '415': errorResponse('A file type is not accepted or its content does not match its name'),
            '422': errorResponse('An unknown department, user, correspondent, linked mail or mail type (fields named)'),
            ...standardErrors,
          },
        },
        get: {
          summary: "The registry: the caller's visible mails, searched (Arabic and French normalised), filtered, sorted, paged; format=csv exports all matches (UTF-8 BOM, at most 10 000 rows)",
          security: secured,
          parameters: queryParams(mailQuerySchema),
          responses: { '200': ok('A MailPage, or text/csv'), ...standardErrors },
        },
      },
      '/api/mails/duplicates': {
        get: {
          summary: 'Visible mails with the same correspondent (id or name) and letter reference: the duplicate hint',
          security: secured,
          parameters: ['correspondentId', 'correspondentName', 'letterReference'].map((name) => ({ name, in: 'query', required: name === 'letterReference', schema: { type: 'string' } })),
          responses: { '200': ok('MailDto[]'), ...standardErrors },
        },
      },
      '/api/mails/{id}': {
        get: { summary: 'One mail with its attachments and timeline (from the audit log)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('MailDto'), '404': errorResponse('Unknown or not visible'), ...standardErrors } },
      },
      '/api/mails/{id}/progress': {
        get: { summary: "Where the mail stands in its circuit: active and completed activities, incidents", security: secured, parameters: [pathParam('id')], responses: { '200': ok('MailProgressDto'), '404': errorResponse('Unknown or not visible'), ...standardErrors } },
      },
      '/api/admin/mails/reconcile': {
        post: {
          summary: 'Record as void the chrono numbers a counter issued without a mail (admin)',
          security: secured,
          parameters: [{ name: 'graceMs', in: 'query', required: false, schema: { type: 'integer', minimum: 0, maximum: 60000, default: 10000 } }],
          responses: { '200': ok('{ voided: chronoNumber[] }'), ...standardErrors },
        },
      },
      '/api/dashboard': {
        get: {
          summary: 'Supervision figures from read models: received, open work (overdue, at risk), step durations, deadline compliance, live feed; labels in Accept-Language (admin, supervisor; a head for his departments)',
          security: secured,
          parameters: Object.entries((z.toJSONSchema(dashboardQuerySchema, { io: 'input' }) as { properties: Record<string, object> }).properties).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
          responses: { '200': ok('DashboardDto'), ...standardErrors },
        },
      },
      '/api/reports/monthly': {
        get: {
          summary: "A department's monthly report (the dashboard's figures over the month): PDF, CSV (UTF-8 BOM) or JSON (MonthlyReportDto), in Accept-Language; audited as report.generated (admin, supervisor: any department or none for the whole administration; a head: his departments)",
          security: secured,
          parameters: queryParams(monthlyReportQuerySchema).map((p) => ({ ...p, required: p.name === 'month' })),
          responses: { '200': { description: 'application/pdf, text/csv or MonthlyReportDto' }, '404': errorResponse('Unknown department'), ...standardErrors },
        },
      },
      '/api/admin/dashboard/rebuild': {
        post: { summary: 'Recompute the dashboard read models from the mails and user tasks; audited as readModel.reconciled (admin)', security: secured, responses: { '200': ok('{ mails, userTasks, tookMs }'), ...standardErrors } },
      },
      '/api/admin/dead-letters': {
        get: { summary: "Runtime events the engine could not apply, with their reasons (admin, supervisor)", security: secured, responses: { '200': ok('Dead letters'), ...standardErrors } },
      },
      '/api/operations/incidents': {
        get: { summary: 'Open incidents of failing steps, newest first: cause, circuit, step (in the caller\'s language), the mail (chrono number only); ?circuit= one circuit (admin, supervisor)', security: secured, parameters: queryParams(incidentQuerySchema), responses: { '200': ok('IncidentDto[]'), ...standardErrors } },
      },
      '/api/operations/incidents/retry': {
        post: { summary: 'Retry incidents: the failed external task or job gets its retries back; audited once per instance with the reason (admin, supervisor)', security: secured, requestBody: json(retryIncidentsSchema), responses: { '200': ok('BulkResultDto'), ...standardErrors } },
      },
      '/api/operations/tasks/reassign': {
        post: { summary: "Move the open user tasks of `from` (all, or `taskIds`) to `to`, who must be an active candidate for each; audited per task (admin, supervisor)", security: secured, requestBody: json(reassignTasksSchema), responses: { '200': ok('BulkResultDto'), ...standardErrors } },
      },
      '/api/operations/instances/{id}': {
        get: { summary: 'A running instance: its mail, active steps and the steps it may be moved to (admin, supervisor)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('InstanceOperationsDto'), '404': errorResponse('No running instance'), ...standardErrors } },
      },
      '/api/operations/instances/{id}/cancel': {
        post: { summary: 'Cancel a running instance (its listeners run; the mail is not started again); audited with the reason (admin, supervisor)', security: secured, parameters: [pathParam('id')], requestBody: json(cancelInstanceSchema), responses: { '204': ok('Cancelled'), '404': errorResponse('No running instance'), '409': errorResponse('Changed meanwhile'), ...standardErrors } },
      },
      '/api/operations/instances/{id}/move': {
        post: { summary: 'Move a running instance to another step of its circuit version: every active step is cancelled; audited with the reason (admin, supervisor)', security: secured, parameters: [pathParam('id')], requestBody: json(moveInstanceSchema), responses: { '200': ok('InstanceOperationsDto after the move'), '404': errorResponse('No running instance'), '409': errorResponse('Changed meanwhile'), '422': errorResponse('Refused by the runtime'), ...standardErrors } },
      },
      '/api/operations/circuits/{key}/versions': {
        get: { summary: 'The deployed versions of a circuit, newest first, with their running instances (admin, supervisor)', security: secured, parameters: [pathParam('key')], responses: { '200': ok('{ id, key, version, name, instances }[]'), '404': errorResponse('Unknown circuit'), ...standardErrors } },
      },
      '/api/operations/migrations/preview': {
        post: { summary: "What maps where between two versions of one circuit, with running instances per step and the instances that can't move (admin, supervisor)", security: secured, requestBody: json(migrationPlanSchema), responses: { '200': ok('MigrationPreviewDto'), '404': errorResponse('Unknown version'), ...standardErrors } },
      },
      '/api/operations/migrations': {
        post: { summary: 'Migrate running instances (all of the source version, or processInstanceIds) to another version deployed through Diwan; their mails record it; audited per instance (admin, supervisor)', security: secured, requestBody: json(migrationExecuteSchema), responses: { '200': ok('BulkResultDto'), '404': errorResponse('Unknown version'), ...standardErrors } },
      },
      '/api/absences': {
        get: { summary: "Absences the caller may see, latest first: their own and those where they substitute; a head's departments'; all for admins and supervisors. ?username=, ?substitute= ('me' for the caller), ?status=upcoming|current|ended", security: secured, parameters: queryParams(absenceQuerySchema), responses: { '200': ok('AbsenceDto[]'), ...standardErrors } },
        post: { summary: "Declare an absence (from/to: wall-clock date-times in the administration's time zone, or instants with an offset) with a substitute sharing a department; for oneself, or (head, admin) for someone of one's department; audited as absence.declared. The absent person's tasks go to the substitute during the period and back afterwards", security: secured, requestBody: json(declareAbsenceSchema), responses: { '201': ok('AbsenceDto'), '409': errorResponse('Overlaps another absence of the person, an absence of the substitute, or one where the person substitutes'), ...standardErrors } },
      },
      '/api/absences/substitutes': {
        get: { summary: 'Who may replace a person (the caller when ?for= is left out): the active users of their departments', security: secured, parameters: queryParams(substituteQuerySchema), responses: { '200': ok('SubstituteDto[]'), ...standardErrors } },
      },
      '/api/absences/{id}': {
        delete: { summary: 'End an absence now, or cancel it before it starts (the absent person, whoever declared it, their head, an admin); the moved tasks still open go back; audited as absence.ended', security: secured, parameters: [pathParam('id')], responses: { '204': ok('Ended'), '404': errorResponse('Unknown or not visible'), '409': errorResponse('Already over'), ...standardErrors } },
      },
      '/api/absences/{id}/end': {
        post: { summary: 'The same as DELETE /api/absences/{id}, answering the ended absence', security: secured, parameters: [pathParam('id')], responses: { '200': ok('AbsenceDto'), '404': errorResponse('Unknown or not visible'), '409': errorResponse('Already over'), ...standardErrors } },
      },
      '/api/attachments/{id}': {
        get: { summary: 'An attachment, streamed inline (rights checked through its mail)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('The file'), '404': errorResponse('Unknown or not visible'), ...standardErrors } },
      },
      '/api/correspondents': {
        get: { summary: 'Correspondent autocomplete, at most 20 (registrar, admin)', security: secured, parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': ok('CorrespondentDto[]'), ...standardErrors } },
      },
      '/api/departments': { get: { summary: 'The department tree, flat with parentCode', security: secured, responses: { '200': ok('DepartmentDto[]'), ...standardErrors } } },
      '/api/users': {
        get: { summary: 'Active users for pickers, optionally of one department', security: secured, parameters: [{ name: 'department', in: 'query', required: false, schema: { type: 'string' } }], responses: { '200': ok('UserSummaryDto[]'), ...standardErrors } },
      },
      '/api/audit/verify': { get: { summary: "Recomputes the audit log's hash chain (admin, supervisor)", security: secured, responses: { '200': ok('{ ok, entries, brokenAt? }'), ...standardErrors } } },
      '/api/public/track/{code}': {
        get: { summary: 'Public tracking by code (no login, rate-limited): number, status, dates, receipt number only', parameters: [pathParam('code')], responses: { '200': ok('MailTrackingDto'), '404': errorResponse('Unknown code'), '429': tooMany('Too many requests') } },
      },
      '/api/internal/mails/{id}': {
        get: { summary: 'A mail for the workers', security: [{ serviceToken: [] }], parameters: [pathParam('id')], responses: { '200': ok('MailDto'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail') } },
      },
      '/api/internal/mails/{id}/status': {
        post: {
          summary: 'Move a mail forward (workers); audited, pushes mail.updated',
          security: [{ serviceToken: [] }],
          parameters: [pathParam('id')],
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['status', 'actor'], properties: { status: { type: 'string' }, actor: { type: 'string' } } } } } },
          responses: { '200': ok('MailDto'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail'), '409': errorResponse('Would move back') },
        },
      },
      '/api/internal/mails/{id}/attachments': {
        post: {
          summary: 'Attach a file made by a worker (role receipt or reply), idempotent per mail, role and content',
          security: [{ serviceToken: [] }],
          parameters: [pathParam('id')],
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', required: ['file', 'role'], properties: { file: { type: 'string', format: 'binary' }, role: { type: 'string', enum: ['receipt', 'reply'] }, actor: { type: 'string' } } } } } },
          responses: { '201': ok('MailDto, file added'), '200': ok('MailDto, file was already there'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail') },
        },
      },
      '/api/internal/receipts': {
        post: { summary: 'Issue the receipt of a correspondence, idempotently (workers)', security: [{ serviceToken: [] }], requestBody: json(issueReceiptSchema), responses: { '201': ok('The receipt'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong token') } },
      },
    },
  };
}

function queryParams(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, unknown> };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

function pathParam(name: string) {
  return { name, in: 'path', required: true, schema: { type: 'string' } };
}
