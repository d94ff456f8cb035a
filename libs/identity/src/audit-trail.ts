import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuditService } from '#audit';

/**
 * Identity's way to the audit trail. Audit's controller needs identity's decorators while it loads, so naming
 * AuditService in a constructor here (whose parameter types are read when the class is declared) would make each
 * library need the other half-loaded; the service is looked up when a change is recorded instead.
 */
@Injectable()
export class AuditTrail {
  private service?: AuditService;

  constructor(private readonly moduleRef: ModuleRef) {}

  record(...args: Parameters<AuditService['record']>): Promise<void> {
    this.service ??= this.moduleRef.get(AuditService, { strict: false });
    return this.service.record(...args);
  }
}
