import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ name: 'diwan-engine', level, redact: ['req.headers.authorization', 'password', 'token'] });
}
