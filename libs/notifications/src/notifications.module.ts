import { Module } from '@nestjs/common';
import { MailTransport } from './mail-transport.js';
import { NotificationsService } from './notifications.service.js';

/** The outbox's sender, for the worker. Contexts write notices with enqueueNotices in their own statements. */
@Module({
  providers: [MailTransport, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
