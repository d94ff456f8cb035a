import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '#common';

/** One mail as the outbox holds it. */
export type OutgoingMail = { id: string; noticeKey: string; recipient: string; subject: string; body: string };

/**
 * Sends mail over SMTP (SMTP_URL, pooled connections) or, where none is configured (development, the demo), writes
 * each mail as `<notice id>.eml` to MAIL_DROP_DIR, where any mail client opens it. Timeouts are short so a hung
 * server fails a send, which the outbox retries, rather than holding a job.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly from: string;
  private readonly dropDir: string | null;

  constructor(config: ConfigService<AppConfig, true>) {
    const url = config.get('SMTP_URL', { infer: true });
    this.from = config.get('MAIL_FROM', { infer: true });
    this.dropDir = url ? null : config.get('MAIL_DROP_DIR', { infer: true });
    this.transporter = url
      ? createTransport({ url, pool: true, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 })
      : createTransport({ streamTransport: true, buffer: true });
    if (this.dropDir) this.logger.log(`No SMTP_URL: mails are written to ${this.dropDir}`);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.body,
      // Lets a mail system (and the tests) tell one notice from another.
      headers: { 'X-Samla-Notice': mail.noticeKey },
    });
    if (this.dropDir) {
      await mkdir(this.dropDir, { recursive: true });
      await writeFile(join(this.dropDir, `${mail.id}.eml`), info.message as Buffer);
    }
  }

  onModuleDestroy() {
    this.transporter.close();
  }
}
