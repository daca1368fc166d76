export * from './events.js';
export * from './runtime-event.schema.js';
export * from './user-task.dto.js';
export * from './auth.dto.js';
export * from './circuit.dto.js';
export * from './topics.js';
export * from './mail.schema.js';
export * from './registry.dto.js';
