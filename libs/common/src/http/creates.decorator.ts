import {
  applyDecorators,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ApplicationConfig, Reflector } from '@nestjs/core';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { map } from 'rxjs';

const LOCATION_PATH = 'samla:location-path';

/**
 * Marks a handler that creates a resource: documents its 201 with the body's type and a `Location` header, and
 * answers every 201 with `Location: /<global prefix>/<path>`, where `path` is the resource's GET URL and each `:field`
 * in it is filled from the created body (`funding/:id` → `/api/v1/funding/0b7d…`). A handler that may also replace
 * (a PUT answering 200) gets no Location on its 200.
 */
export function Creates(type: Type<unknown>, path: string, description = 'Created; `Location` is its URL') {
  return applyDecorators(
    SetMetadata(LOCATION_PATH, path),
    UseInterceptors(LocationInterceptor),
    ApiCreatedResponse({
      type,
      description,
      headers: {
        Location: {
          description: 'Where the created resource is read',
          schema: { type: 'string', example: `/api/v1/${path}` },
        },
      },
    }),
  );
}

@Injectable()
export class LocationInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly app: ApplicationConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const path = this.reflector.get<string>(LOCATION_PATH, context.getHandler());
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: Record<string, unknown>) => {
        if (response.statusCode === (HttpStatus.CREATED as number))
          response.setHeader('Location', locationOf(this.app.getGlobalPrefix(), path, body));
        return body;
      }),
    );
  }
}

/** `/<prefix>/<path>` with each `:field` of `path` replaced by the body's value of it, URL-encoded. */
export function locationOf(prefix: string, path: string, body: Record<string, unknown>): string {
  const filled = path.replace(/:(\w+)/g, (_, field: string) => {
    const value = body[field];
    // A template naming a field the body lacks is a mistake in the decorator, found by the endpoint's first test.
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`@Creates('${path}'): the created body has no ${field}`);
    return encodeURIComponent(value);
  });
  return `/${[prefix, filled].filter(Boolean).join('/')}`;
}
