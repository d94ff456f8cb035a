import { Module } from '@nestjs/common';
import { KoladaImportService } from './kolada-import.service.js';
import { KoladaClient } from './kolada.client.js';

/** The worker's side of results: the `kolada-import` job. */
@Module({
  providers: [KoladaClient, KoladaImportService],
  exports: [KoladaImportService],
})
export class KoladaImportModule {}
