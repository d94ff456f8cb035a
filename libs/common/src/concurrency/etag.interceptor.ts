import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map } from 'rxjs';
import { etagFor } from './if-match.js';

/**
 * A single resource answers with its version as a strong ETag, which is what `If-Match` must send back. Lists and
 * other answers without a version carry none (Express's body-hash ETag is off, see configureApp).
 */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number' && !response.headersSent) response.setHeader('ETag', etagFor(version));
        return body;
      }),
    );
  }
}
