import type { Request } from 'express';
import { parseMultipart, type UploadLimits } from '../attachments/attachment.upload.js';
import { BadInputError, UnsupportedMediaTypeError } from '../shared/errors.js';
import type { DeploymentFile } from '../runtime/runtime.types.js';

const LIMITS: UploadLimits = { maxFiles: 30, maxFileBytes: 5 * 1024 * 1024, maxTotalBytes: 20 * 1024 * 1024 };

/** BPMN and DMN are XML and a Camunda Form is JSON: a file must be text that starts like one. */
function checkCircuitFile(filename: string, _declared: string, head: Buffer): string {
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if ((filename.endsWith('.bpmn') || filename.endsWith('.dmn')) && text.startsWith('<')) return 'application/xml';
  if (filename.endsWith('.form') && text.startsWith('{')) return 'application/json';
  throw new UnsupportedMediaTypeError(`"${filename}" is not a .bpmn or .dmn (XML) or .form (JSON) file`, { file: filename });
}

/** Reads `POST /api/circuits`: multipart field `files`, one or more .bpmn with their .dmn and .form files. */
export async function readCircuitUpload(req: Request): Promise<DeploymentFile[]> {
  const { files } = await parseMultipart(req, 'files', LIMITS, checkCircuitFile);
  if (!files.some((f) => f.filename.endsWith('.bpmn'))) throw new BadInputError('Send at least one .bpmn file in the multipart field "files"');
  return files.map((f) => ({ name: f.filename, content: f.data.toString('utf8') }));
}
