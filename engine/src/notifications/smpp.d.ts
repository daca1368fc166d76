// The `smpp` package (node-smpp) ships no types: the part Diwan uses.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  export interface Pdu {
    command: string;
    command_status: number;
    sequence_number: number;
    message_id?: string;
    receipted_message_id?: string;
    message_state?: number;
    esm_class?: number;
    short_message?: { message?: string | Buffer } | string | Buffer;
    message_payload?: { message?: string | Buffer } | string | Buffer;
    [param: string]: unknown;
    response(options?: Record<string, unknown>): Pdu;
    isResponse(): boolean;
  }
  export class Session extends EventEmitter {
    send(pdu: Pdu, responseCallback?: (pdu: Pdu) => void, sendCallback?: () => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    bind_transceiver(options: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    submit_sm(options: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    deliver_sm(options: Record<string, unknown>, callback?: (pdu: Pdu) => void): void;
    unbind(options?: Record<string, unknown>, callback?: (pdu: Pdu) => void): void;
  }
  export function connect(options: { url: string; auto_enquire_link_period?: number; connectTimeout?: number }, listener?: () => void): Session;
  export function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): import('node:net').Server;
  export const ESME_ROK: number;
  export const ESME_RBINDFAIL: number;
  const smpp: { connect: typeof connect; createServer: typeof createServer; ESME_ROK: number; ESME_RBINDFAIL: number };
  export default smpp;
}
