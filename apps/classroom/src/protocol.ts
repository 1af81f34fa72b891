/**
 * The classroom protocol: every message a client may send, as a valibot schema (validated at the
 * server's edge: protocol-messages.ts), and every event and reply the server sends, as a type
 * (protocol-events.ts). Shared by the server and the client module; imports nothing from Node so
 * it runs in browsers too. docs/classroom.md is the prose version.
 */
export * from './protocol-events.ts';
export * from './protocol-messages.ts';
