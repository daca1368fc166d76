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
import { letterCompareQuerySchema, letterFromTemplateSchema, letterTemplateSchema, letterTemplateUpdateSchema, saveLetterSchema } from '@diwan/contracts';
import { letterTemplateQuerySchema } from '../letters/letter-template.routes.js';
import { exchangePeerInputSchema, exchangePeerUpdateSchema, exchangeSendSchema, signedAcknowledgmentSchema } from '@diwan/contracts';
import { dispatchClaimSchema, dispatchPostedSchema, dispatchRecordSchema } from '@diwan/contracts';
import { deadlineNotificationSchema, notificationQuerySchema, notificationRequestSchema } from '@diwan/contracts';

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
            '409': errorResponse('Idempotency-Key reused with another body (conflict), or its first request still at work (in_progress: try again shortly)'),
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
      '/api/mails/drafts': {
        post: {
          summary: 'Draft an outgoing letter (staff of a department): status draft, no chrono number until its circuit registers it; replyTo links the incoming mail it answers',
          security: secured,
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['subject', 'language', 'correspondent'], properties: { subject: { type: 'string' }, language: { type: 'string', enum: ['ar', 'fr', 'en'] }, correspondent: { type: 'object' }, mailType: { type: 'string' }, priority: { type: 'string' }, dueDate: { type: 'string', format: 'date' }, replyTo: { type: 'string' }, summary: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } } } } },
          responses: { '201': ok('MailDto'), '422': errorResponse('Unknown correspondent, mail type or reply target'), ...standardErrors },
        },
      },
      '/api/mails/{id}/document/sign': {
        post: {
          summary: "Sign the letter's current PDF (PAdES) in the signature step the caller holds: multipart p12 + password (never stored), or JSON { seal: true } when the step allows the seal; P.O. when replacing an absent person",
          security: secured,
          parameters: [pathParam('id')],
          requestBody: {
            content: {
              'multipart/form-data': { schema: { type: 'object', required: ['p12', 'password'], properties: { p12: { type: 'string', format: 'binary' }, password: { type: 'string' } } } },
              'application/json': { schema: { type: 'object', required: ['seal'], properties: { seal: { type: 'boolean', enum: [true] } } } },
            },
          },
          responses: { '201': ok('{ fieldName, level }'), ...standardErrors, '403': errorResponse('No open signature step of yours, or the seal is not allowed'), '404': errorResponse('Unknown or not visible'), '503': errorResponse('No seal configured') },
        },
      },
      '/api/mails/{id}/document/signing': {
        get: { summary: 'The open signature step the caller holds on this mail (task, seal allowed, already signed), or null', security: secured, parameters: [pathParam('id')], responses: { '200': ok('SigningStepDto'), '404': errorResponse('Unknown or not visible'), ...standardErrors } },
      },
      '/api/mails/{id}/document/signatures': {
        get: { summary: "The letter's signatures as its PDF proves them (signer, time, intact, modified after) with what Diwan knows of each", security: secured, parameters: [pathParam('id')], responses: { '200': ok('LetterSignaturesDto'), '404': errorResponse('Unknown, not visible, or no letter'), ...standardErrors } },
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
      '/api/admin/reconcile': {
        get: { summary: "The reconciler's last report, or null before its first pass (admin, supervisor)", security: secured, responses: { '200': ok('ReconcileReport | null'), ...standardErrors } },
        post: {
          summary: 'Run the reconciler now, in full: numbers without a mail voided, circuits the runtime lost started again, missing audit entries recovered, ghost and missing tasks repaired, pending notifications without their delivery entry requeued; audited as readModel.reconciled (admin)',
          security: secured,
          responses: { '200': ok('ReconcileReport: { at, by, full, voidedNumbers, mails: { circuitsRestarted, auditRecovered }, userTasks: { ghosts, missing }, notificationsRequeued }'), ...standardErrors },
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
      '/api/letter-templates': {
        get: { summary: 'Letter templates (any member of staff), ?language=ar|fr', security: secured, parameters: queryParams(letterTemplateQuerySchema), responses: { '200': ok('LetterTemplateDto[]'), ...standardErrors } },
        post: { summary: 'Create a letter template: code, labels ar/fr/en, language, body (HTML subset with merge fields, sanitized), signatory title (admin); audited', security: secured, requestBody: json(letterTemplateSchema), responses: { '201': ok('LetterTemplateDto'), '409': errorResponse('The code exists'), ...standardErrors } },
      },
      '/api/letter-templates/{code}': {
        get: { summary: 'One letter template', security: secured, parameters: [pathParam('code')], responses: { '200': ok('LetterTemplateDto'), '404': errorResponse('Unknown template'), ...standardErrors } },
        put: { summary: 'Change a letter template, a standard one included (admin); audited', security: secured, parameters: [pathParam('code')], requestBody: json(letterTemplateUpdateSchema), responses: { '200': ok('LetterTemplateDto'), '404': errorResponse('Unknown template'), ...standardErrors } },
        delete: { summary: 'Delete a letter template (admin); a standard one comes back at the next start; audited', security: secured, parameters: [pathParam('code')], responses: { '204': ok('Deleted'), '404': errorResponse('Unknown template'), ...standardErrors } },
      },
      '/api/mails/{id}/letter': {
        get: { summary: "The mail's letter (whoever may see the mail): current html, language, signatory, merge fields' values, versions, whether the caller may edit it", security: secured, parameters: [pathParam('id')], responses: { '200': ok('LetterDto'), '404': errorResponse('Unknown or not visible'), ...standardErrors } },
        put: { summary: "Save a new version (html sanitized to the letter's subset) from `revision`; the mail's drafter or whoever holds an open task on it, outgoing or internal mail, not signed; audited as letter.saved", security: secured, parameters: [pathParam('id')], requestBody: json(saveLetterSchema), responses: { '200': ok('LetterDto'), '404': errorResponse('Unknown or not visible'), '409': errorResponse('Lost update (a newer revision), or signed'), ...standardErrors } },
      },
      '/api/mails/{id}/letter/from-template': {
        post: { summary: 'Start the letter (a new version) from a template: its body, language and signatory title', security: secured, parameters: [pathParam('id')], requestBody: json(letterFromTemplateSchema), responses: { '200': ok('LetterDto'), '404': errorResponse('Unknown mail or template'), '409': errorResponse('Lost update, or signed'), ...standardErrors } },
      },
      '/api/mails/{id}/letter/annexes': {
        post: {
          summary: 'Attach documents to the letter (annexes, sent with it): whoever may still change the letter, before it is signed; files sniffed and limited like registration',
          security: secured,
          parameters: [pathParam('id')],
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
          responses: { '201': ok('MailDto'), '404': errorResponse('Unknown or not visible'), '409': errorResponse('The letter is signed'), '413': errorResponse('Too large'), '415': errorResponse('Unsupported type'), ...standardErrors },
        },
      },
      '/api/mails/{id}/letter/versions/{n}': {
        get: { summary: "One version of the letter, with its html", security: secured, parameters: [pathParam('id'), pathParam('n')], responses: { '200': ok('LetterVersionContentDto'), '404': errorResponse('Unknown version or mail'), ...standardErrors } },
      },
      '/api/mails/{id}/letter/compare': {
        get: { summary: 'Word-level comparison of two versions (?from=&to=) as same / inserted / removed segments', security: secured, parameters: [pathParam('id'), ...queryParams(letterCompareQuerySchema)], responses: { '200': ok('LetterCompareDto'), '404': errorResponse('Unknown version or mail'), ...standardErrors } },
      },
      '/api/mails/{id}/document': {
        get: { summary: "The letter's current PDF/A (whoever may see the mail); once signed, the signed bytes as stored", security: secured, parameters: [pathParam('id')], responses: { '200': { description: 'application/pdf' }, '404': errorResponse('Unknown or not visible, or no letter yet'), ...standardErrors } },
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
        get: {
          summary: 'Public tracking by code (no login, rate-limited): number, status, dates, receipt number, the stage and timeline in plain words, the department, what is asked of the citizen, whether the answer is ready',
          parameters: [pathParam('code')],
          responses: { '200': ok('MailTrackingDto'), '404': errorResponse('Unknown code'), '429': tooMany('Too many requests') },
        },
      },
      '/api/public/track/{code}/answers': {
        post: {
          summary: "The citizen's answer to what the circuit asks (no login, rate-limited per address and per mail): text and up to 5 files (10 MB each, 20 MB in all, sniffed); correlated once to the waiting step (Idempotency-Key replays)",
          parameters: [pathParam('code'), { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' } }],
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 5000 }, files: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
          responses: {
            '201': ok('CitizenAnswerDto'),
            '200': ok('CitizenAnswerDto (replayed for the same Idempotency-Key)'),
            '400': errorResponse('No text, or a bad key'),
            '404': errorResponse('Unknown code'),
            '409': errorResponse('Nothing is asked, or this request was answered already'),
            '413': errorResponse('Too large'),
            '415': errorResponse('A file of a type not accepted, or not what its name says'),
            '429': tooMany('Too many answers'),
          },
        },
      },
      '/api/public/track/{code}/answer': {
        get: {
          summary: 'The answer document (no login, rate-limited), as a download, once the mail is closed',
          parameters: [pathParam('code')],
          responses: { '200': { description: 'The file' }, '404': errorResponse('Unknown code, or no answer document'), '409': errorResponse('Not closed yet'), '429': tooMany('Too many requests') },
        },
      },
      '/api/public/portal/options': {
        get: { summary: 'The deposit form\'s choices (no login): departments and active incoming mail types by name only, and the upload limits', responses: { '200': ok('PortalOptionsDto') } },
      },
      '/api/public/deposits/challenge': {
        get: { summary: 'A proof of work to solve before depositing (no login, rate-limited): sha256(challenge:nonce) must start with `bits` zero bits; single use, 10 minutes', responses: { '200': ok('PortalChallengeDto'), '429': tooMany('Too many requests') } },
      },
      '/api/public/deposits': {
        post: {
          summary: 'A deposit on the public portal (no login; rate-limited per address and per phone): field `deposit` = JSON (identity, subject, text, department, mailType, language, channel, challenge, nonce, empty honeypot `website`) plus up to 5 `files` (5 MB each, 10 MB in all, sniffed). Held until confirmed; a 6-digit code goes by SMS or e-mail. Never answers the code',
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', required: ['deposit'], properties: { deposit: { type: 'string', description: 'PortalDepositInput as JSON' }, files: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
          responses: { '201': ok('PortalDepositCreatedDto { id, channel, expiresAt }'), '400': errorResponse('Bad JSON, invalid field, bad or used proof of work, honeypot filled'), '413': errorResponse('Too large'), '415': errorResponse('A file of a type not accepted, or not what its name says'), '422': errorResponse('Unknown department or mail type'), '429': tooMany('Too many deposits from this address or for this phone') },
        },
      },
      '/api/public/deposits/{id}/confirm': {
        post: {
          summary: 'Confirms a deposit with its code (5 tries, 10 minutes): registers it once as incoming mail (channel portal, its type\'s circuit), seals its receipt, notifies the tracking code by SMS and e-mail. A second confirmation with the code answers the same',
          parameters: [pathParam('id')],
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } } } } } },
          responses: { '200': ok('PortalConfirmedDto { chronoNumber, trackingCode, receiptUrl }'), '400': errorResponse('Wrong code (tries left in details)'), '404': errorResponse('Unknown deposit'), '409': errorResponse('Locked after 5 wrong codes, or the code expired'), '429': tooMany('Too many requests') },
        },
      },
      '/api/public/deposits/{id}/resend': {
        post: { summary: 'A new code for a pending deposit (at most 3, 60 s apart; the old code stops working)', parameters: [pathParam('id')], responses: { '200': ok('PortalDepositCreatedDto'), '404': errorResponse('Unknown deposit'), '409': errorResponse('Not pending'), '429': tooMany('Too soon, or no more codes') } },
      },
      '/api/public/receipts/verify': {
        post: {
          summary: 'Says whether a receipt PDF is authentic (no login, rate-limited): signed by our seal (PAdES) or our Ed25519 key, untouched, and exactly the receipt recorded for its tracking code',
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', required: ['receipt'], properties: { receipt: { type: 'string', format: 'binary' } } } } } },
          responses: { '200': ok('PortalReceiptVerificationDto { authentic, problem, facts }'), '413': errorResponse('Over 2 MB'), '429': tooMany('Too many requests') },
        },
      },
      '/api/public/receipts/{code}': {
        get: { summary: 'Whether a receipt exists for a tracking code (where its QR code leads), with its facts', parameters: [pathParam('code')], responses: { '200': ok('PortalReceiptFactsDto'), '404': errorResponse('No such receipt'), '429': tooMany('Too many requests') } },
      },
      '/api/public/receipts/{code}/pdf': {
        get: { summary: 'The signed receipt PDF of a tracking code (the code is the capability: 80 random bits)', parameters: [pathParam('code')], responses: { '200': { description: 'The PDF' }, '404': errorResponse('No such receipt'), '429': tooMany('Too many requests') } },
      },
      '/api/public/stats': {
        get: {
          summary: 'Public statistics of a month (no login, numbers only, cached a minute): portal deposits, closed and on time, average handling time per department, from the dashboard read models',
          parameters: [{ name: 'month', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } }],
          responses: { '200': ok('PublicStatsDto'), '400': errorResponse('Not one of the last 12 months'), '429': tooMany('Too many requests') },
        },
      },
      '/api/mails/{id}/answer-document': {
        get: {
          summary: 'The answer to the citizen (the newest reply attachment) and whether the caller may attach one (holds an open task on the mail)',
          security: secured,
          parameters: [pathParam('id')],
          responses: { '200': ok('AnswerDocumentDto'), '404': errorResponse('Unknown or not visible'), ...standardErrors },
        },
        post: {
          summary: "Attach the answer to the citizen (role reply; one file in `file`): whoever sees the mail and holds an open task on it",
          security: secured,
          parameters: [pathParam('id')],
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } },
          responses: { '201': ok('MailDto'), '200': ok('MailDto (the same file was attached already)'), '404': errorResponse('Unknown or not visible'), '413': errorResponse('Too large'), '415': errorResponse('Type not accepted'), ...standardErrors },
        },
      },
      '/api/internal/mails/{id}': {
        get: { summary: 'A mail for the workers', security: [{ serviceToken: [] }], parameters: [pathParam('id')], responses: { '200': ok('MailDto'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail') } },
      },
      '/api/internal/mails/{id}/register': {
        post: {
          summary: 'The outgoing register step (workers, topic mail.register): the next D number, gapless and idempotent, then the registration stamp (seal) on the letter',
          security: [{ serviceToken: [] }],
          parameters: [pathParam('id')],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { actor: { type: 'string' } } } } } },
          responses: { '200': ok('MailDto'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail'), '409': errorResponse('Not an outgoing mail'), '503': errorResponse('No seal configured') },
        },
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
      '/api/exchange/identity': {
        get: { summary: "This administration in exchanges (no login): its id, name (ar, fr) and Ed25519 public key (base64 SPKI), to give to the peers' admins", responses: { '200': ok('ExchangeIdentityDto'), '503': errorResponse('No exchange key configured') } },
      },
      '/api/exchange/packages': {
        post: {
          summary: "Receive a package from another administration (no login: the signature authenticates it; rate-limited; 10 files, 20 MB each, 50 MB in all; files sniffed). The sender must be in the directory, the Ed25519 signature over the manifest's exact bytes valid with its key, the recipient us, signedAt within 10 minutes, every file's sha256 and size as listed. Registered once as incoming mail (channel administration); the signed acknowledgment is answered, and delivered to the sender's /api/exchange/acknowledgments by an outbox",
          requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', required: ['manifest', 'signature'], properties: { manifest: { type: 'string', description: 'canonical JSON (ExchangeManifest)' }, signature: { type: 'string', description: 'base64 Ed25519 signature of the manifest bytes' }, file: { type: 'array', items: { type: 'string', format: 'binary' } } } } } } },
          responses: { '201': ok('Registered: the signed acknowledgment'), '200': ok('Received before: the same acknowledgment'), '400': errorResponse('Malformed, not addressed to us, or a file that does not match its hash'), '401': errorResponse('Unknown sender, bad signature, or stale'), '409': errorResponse('That package id holds other content (conflict), or its first delivery is still being registered (in_progress: send it again shortly)'), '413': errorResponse('Too large'), '415': errorResponse('A file type not accepted'), '429': tooMany('Too many packages') },
        },
      },
      '/api/exchange/acknowledgments': {
        post: { summary: 'Receive the acknowledgment of a package we sent (no login: signed by the receiver with the key of our directory); recorded once on the outgoing mail', requestBody: json(signedAcknowledgmentSchema), responses: { '200': ok('{ packageId, recorded }'), '400': errorResponse('Malformed or not addressed to us'), '401': errorResponse('Unknown sender or bad signature'), '404': errorResponse('No such package sent to that administration'), '429': tooMany('Too many acknowledgments'), '503': errorResponse('The sending is not recorded yet: try again') } },
      },
      '/api/exchange/peers': {
        get: { summary: 'The directory of administrations we exchange with (everyone logged in)', security: secured, responses: { '200': ok('ExchangePeerDto[]'), ...standardErrors } },
        post: { summary: 'Add an administration to the directory: id, name ar/fr, URL, Ed25519 public key (admin); audited as exchangePeer.saved', security: secured, requestBody: json(exchangePeerInputSchema), responses: { '201': ok('ExchangePeerDto'), '409': errorResponse('Already in the directory'), ...standardErrors } },
      },
      '/api/exchange/peers/{id}': {
        get: { summary: 'One administration of the directory', security: secured, parameters: [pathParam('id')], responses: { '200': ok('ExchangePeerDto'), '404': errorResponse('Not in the directory'), ...standardErrors } },
        put: { summary: 'Change its name, URL or key (admin); audited as exchangePeer.saved', security: secured, parameters: [pathParam('id')], requestBody: json(exchangePeerUpdateSchema), responses: { '200': ok('ExchangePeerDto'), '404': errorResponse('Not in the directory'), ...standardErrors } },
        delete: { summary: 'Remove it (admin): it may no longer send to us, nor we to it; audited as exchangePeer.deleted', security: secured, parameters: [pathParam('id')], responses: { '204': ok('Removed'), '404': errorResponse('Not in the directory'), ...standardErrors } },
      },
      '/api/internal/exchange/send': {
        post: { summary: 'Send an outgoing mail to an administration of the directory (dispatch worker): the same package on every retry; audited as exchange.sent', security: [{ serviceToken: [] }], requestBody: json(exchangeSendSchema), responses: { '200': ok("The mail's exchange record"), '400': errorResponse('Bad input'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail or administration'), '409': errorResponse('Not a registered outgoing mail, sent to another administration, or the id holds other content there'), '422': errorResponse('The peer refused the package'), '503': errorResponse('The peer could not be reached: retry') } },
      },
      '/api/notifications': {
        get: { summary: 'The notifications (SMS, e-mail, in-app), newest first, with their text and delivery status: pending, sent, delivered (receipt), failed; attempts, last error, provider id (admin). Paged; X-Total-Count', security: secured, parameters: queryParams(notificationQuerySchema), responses: { '200': ok('{ items: NotificationDto[], total, page, pageSize }'), ...standardErrors } },
      },
      '/api/notifications/mine': {
        get: { summary: "The caller's bell: their latest in-app notifications (a sentence in ar, fr, en each) and how many are unread (everyone logged in); new ones come live as notification.created", security: secured, responses: { '200': ok('MyNotificationsDto'), ...standardErrors } },
      },
      '/api/notifications/mine/read': {
        post: { summary: "Marks the caller's bell read (everyone logged in)", security: secured, responses: { '200': ok('MyNotificationsDto'), ...standardErrors } },
      },
      '/api/internal/notifications': {
        post: { summary: 'Hand a notification to the outbox (workers: notify.sms, notify.email): stored under its dedupe key, so the same key twice is one notification, sent once; answers the stored one', security: [{ serviceToken: [] }], requestBody: json(notificationRequestSchema), responses: { '200': ok('NotificationDto'), '400': errorResponse('Bad input, or no address for the channel'), '401': errorResponse('Wrong token') } },
      },
      '/api/internal/notifications/deadline': {
        post: { summary: "A deadline reminder or escalation (workers: deadline.remind, deadline.escalate): in-app to the late step's holders (and supervisors on an escalation), e-mail to the deadline desk; once per dedupe key", security: [{ serviceToken: [] }], requestBody: json(deadlineNotificationSchema), responses: { '200': ok('NotificationDto[]'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail') } },
      },
      '/api/internal/receipts': {
        post: { summary: 'Issue the receipt of a correspondence, idempotently (workers)', security: [{ serviceToken: [] }], requestBody: json(issueReceiptSchema), responses: { '201': ok('The receipt { number, businessKey, issuedAt, mail }: mail is the MailDto it was recorded on, null for a business key that is no mail'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong token') } },
      },
      '/api/internal/mails/{id}/dispatch/letter': {
        get: { summary: 'The letter that leaves, as PDF: the current letter (signed once signed), else the latest reply PDF (workers)', security: [{ serviceToken: [] }], parameters: [pathParam('id')], responses: { '200': ok('application/pdf'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail, or no letter') } },
      },
      '/api/internal/mails/{id}/dispatch/claim': {
        post: { summary: 'Claim the sending of an outgoing mail before sending (workers): claimed (send), done (already sent) or busy (another worker holds a live claim)', security: [{ serviceToken: [] }], parameters: [pathParam('id')], requestBody: json(dispatchClaimSchema), responses: { '200': ok('DispatchClaimAnswer'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail'), '409': errorResponse('Not a registered outgoing mail') } },
      },
      '/api/internal/mails/{id}/dispatch/record': {
        post: { summary: 'Record the dispatch (sent, or awaiting post) once; audited as mail.dispatched, pushes mail.updated (workers)', security: [{ serviceToken: [] }], parameters: [pathParam('id')], requestBody: json(dispatchRecordSchema), responses: { '200': ok('MailDispatchDto'), '400': errorResponse('Bad input'), '401': errorResponse('Wrong token'), '404': errorResponse('Unknown mail'), '409': errorResponse('Not a registered outgoing mail') } },
      },
      '/api/mails/{id}/dispatch': {
        get: { summary: "The outgoing mail's dispatch (means, state, when, recipient, reference), or null (whoever may see the mail)", security: secured, parameters: [pathParam('id')], responses: { '200': ok('{ dispatch: MailDispatchDto | null }'), '404': errorResponse('Unknown or not visible'), ...standardErrors } },
      },
      '/api/mails/{id}/dispatch/slip.pdf': {
        get: { summary: 'The printable dispatch slip (bordereau d\'envoi · جدول الإرسال) of a registered outgoing mail, signed by the caller as registry clerk (whoever may see the mail)', security: secured, parameters: [pathParam('id')], responses: { '200': ok('application/pdf'), '404': errorResponse('Unknown or not visible'), '409': errorResponse('Not a registered outgoing mail with a recipient'), ...standardErrors } },
      },
      '/api/mails/{id}/dispatch/envelope.pdf': {
        get: { summary: 'The printable envelope (DL or C5, ?size=) with the recipient\'s address, Arabic right to left (whoever may see the mail)', security: secured, parameters: [pathParam('id'), { name: 'size', in: 'query', required: false, schema: { type: 'string', enum: ['DL', 'C5'] } }], responses: { '200': ok('application/pdf'), '404': errorResponse('Unknown or not visible'), '409': errorResponse('Not a registered outgoing mail with a recipient'), ...standardErrors } },
      },
      '/api/mails/{id}/dispatch/posted': {
        post: { summary: 'The registry clerk confirms that the mail went to the post (registrar, admin; who may see the mail); audited as mail.dispatched', security: secured, parameters: [pathParam('id')], requestBody: json(dispatchPostedSchema), responses: { '200': ok('{ dispatch: MailDispatchDto }'), '404': errorResponse('Unknown or not visible'), '409': errorResponse('Not waiting to be posted'), ...standardErrors } },
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
