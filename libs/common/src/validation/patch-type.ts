import type { Type } from '@nestjs/common';
import { DECORATORS, PartialType } from '@nestjs/swagger';

/**
 * A PATCH body made from a create body: every field optional, `null` refused where the field is not nullable (so
 * `{ "title": null }` is refused, not stored), and no field's `default`: a field left out of an update stays as it is,
 * it is not reset to what a create would have given it, and the OpenAPI document must not say otherwise.
 */
export function PatchType<T>(classRef: Type<T>): Type<Partial<T>> {
  const patch = PartialType(classRef, { skipNullProperties: false });
  const keys =
    (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, patch.prototype as object) as string[] | undefined) ??
    [];
  for (const key of keys.map((name) => name.slice(1))) {
    const metadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, patch.prototype as object, key) as
      Record<string, unknown> | undefined;
    if (metadata && 'default' in metadata) {
      const { default: _createDefault, ...rest } = metadata;
      Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, rest, patch.prototype as object, key);
    }
  }
  return patch;
}
