/**
 * Reasons for `tidemark_rejected_requests_total{reason}` of requests fastify refuses before a handler runs:
 * schema violations (`invalid`), unparsable JSON (`invalid_json`), bodies over `limits.maxBodyBytes`
 * (`too_large`) and unsupported content types. Server faults (5xx) are not rejections and get no reason.
 */
import type { FastifyError } from 'fastify';

export function rejectionReason(err: FastifyError): string | undefined {
  if (err.validation) {
    return 'invalid';
  }
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.name === 'SyntaxError') {
    return 'invalid_json';
  }
  switch (err.statusCode) {
    case 413:
      return 'too_large';
    case 415:
      return 'unsupported_media_type';
    default:
      return err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? 'invalid' : undefined;
  }
}
