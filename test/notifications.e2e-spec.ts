import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { AlertNoticesService, AlertScansService } from '#alerts';
import { CommonModule } from '#common';
import { DatabaseModule } from '#database';
import { ENTITIES } from '#schema';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import type { DepartmentEntity } from '#reference-data';
import { SCAN_PORTFOLIO } from '#jobs';
import { QUEUES } from '#queue';
import { enqueueNotices, NotificationsModule, NotificationsService } from '#notifications';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';
import { api, createTestApp, type TestApp } from './support/test-app.js';

type Received = { key: string; to: string[]; subject: string; body: string };

/** A real SMTP server on loopback that keeps what it receives, or refuses every recipient while `refuse` is set. */
async function startSmtpListener() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse)
        return callback(Object.assign(new Error('Mailbox unavailable, try later'), { responseCode: 450 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Just enough MIME to read what a person would: unfolded headers, encoded words, quoted-printable or base64 text. */
function parseMail(raw: string, to: string[]): Received {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const decodeWords = (text: string) =>
    text
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')),
      );
  const content = raw.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(content, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(content.replace(/=\r\n/g, ''))
        : content;
  return {
    key: header('X-Samla-Notice'),
    to,
    subject: decodeWords(header('Subject')),
    body: body.replace(/\r\n/g, '\n'),
  };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** ISO 8601 week of a calendar date, as `YYYY-Www`, computed here independently of the SQL that keys the digest. */
function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  // The week belongs to the year of its Thursday, and is numbered from that year's first Thursday.
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const LEADERSHIP = ['ledning.ett@example.se', 'ledning.tva@example.se'];
const QUEUE_PREFIX = `samla-test-notices-${randomUUID().slice(0, 8)}`;
// The grant in each test ends 2026-06-30: these days put it on each rung of the default ladder (365 / 182 / 91).
const INFO_DAY = '2025-09-01';
const WARNING_DAY = '2026-01-15';
const CRITICAL_DAY = '2026-04-15';

describe('Notifications', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    t = await createTestApp({
      env: { QUEUE_PREFIX, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, LEADERSHIP_EMAILS: LEADERSHIP.join(',') },
      withWorker: true,
    });
    worker = t.worker!;
  });

  afterAll(async () => {
    // The worker first: its pooled SMTP connections would keep the listener from closing.
    await t.close();
    await smtp.close();
  });

  beforeEach(async () => {
    await t.dataSource.query('TRUNCATE alerts, notifications, initiatives CASCADE');
    smtp.received.length = 0;
    smtp.state.refuse = false;
  });

  afterEach(() => {
    // Whatever a test did, no notice reached the listener twice.
    const keys = smtp.received.map((m) => m.key);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  async function runJob(name: string, asOf?: string) {
    const res = await t.admin.post(api(`/jobs/${name}/runs`)).send(asOf ? { asOf } : {});
    expect(res.status).toBe(202);
    return waitForRun(res.body.id, 1);
  }

  async function waitForRun(id: string, attempts: number) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [run] = await t.dataSource.query(`SELECT id, status, counts, attempts, error FROM job_runs WHERE id = $1`, [
        id,
      ]);
      if (run && ['completed', 'failed'].includes(run.status) && run.attempts >= attempts) return run;
      if (Date.now() > deadline) throw new Error(`Run ${id} did not finish: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  let ownerCount = 0;
  /**
   * An active initiative with a grant ending 2026-06-30, its owner and its lead department's head named as given (or
   * led by the department given).
   */
  async function givenGrantEnding(
    people: { owner?: string | null; head?: string | null; department?: DepartmentEntity } = {},
  ) {
    ownerCount += 1;
    const owner = people.owner === undefined ? `Agare.${ownerCount}@Example.se` : people.owner;
    const department =
      people.department ??
      (await givenDepartment(t.dataSource, {
        name: 'Arbetsmarknads- och socialförvaltningen',
        headEmail: people.head === undefined ? `chef.${ownerCount}@example.se` : people.head,
      }));
    const initiative = await givenInitiative(t.dataSource, {
      status: 'active',
      title: 'Fältarbetare i Kronogården',
      leadDepartmentId: department.id,
      processOwner: owner === null ? null : { name: 'Processägare', title: 'Samordnare', email: owner },
    });
    const line = await givenFundingLine(t.dataSource, initiative.id, {
      periodStart: '2024-01-01',
      periodEnd: '2026-06-30',
    });
    const alertId = async (): Promise<string> =>
      (await t.dataSource.query(`SELECT id FROM alerts WHERE funding_id = $1`, [line.id]))[0].id;
    return { initiative, department, line, owner: owner?.toLowerCase() ?? null, head: department.headEmail, alertId };
  }

  /** Who received a mail telling them of the alert at this severity. */
  const recipientsOf = async (alertId: string, severity: string) => {
    const rows: { notice_key: string }[] = await t.dataSource.query(
      `SELECT notice_key FROM alert_notices WHERE alert_id = $1 AND severity = $2`,
      [alertId, severity],
    );
    const keys = rows.map((r) => r.notice_key);
    return smtp.received
      .filter((m) => keys.includes(m.key))
      .flatMap((m) => m.to)
      .sort();
  };
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  describe('the alert ladder', () => {
    it('should mail the process owner once, in Swedish, when a scan raises an info alert', async () => {
      const g = await givenGrantEnding();

      const run = await runJob(SCAN_PORTFOLIO, INFO_DAY);

      const alertId = await g.alertId();
      expect(run.counts).toEqual({ raised: 1, escalated: 0, resolved: 0, notified: 1 });
      expect(smtp.received).toEqual([
        {
          key: `alerts:${run.id}:${g.owner}`,
          to: [g.owner],
          subject: expect.stringMatching(/^\[Samla\] Information: Statsbidraget från/),
          body: expect.any(String),
        },
      ]);
      expect(await recipientsOf(alertId, 'info')).toEqual([g.owner]);
      const [mail] = smtp.received;
      expect(mail.body).toContain(`Insats: Fältarbetare i Kronogården (${g.initiative.code})`);
      expect(mail.body).toContain(
        `eftersom du är processägare för insatsen ${g.initiative.code} och larmet har nivån information`,
      );
      expect(mail.body).toContain('upphör om 302 dagar');
      const [row] = await t.dataSource.query(`SELECT status, attempts, sent_at FROM notifications`);
      expect(row).toEqual({ status: 'sent', attempts: 1, sent_at: expect.any(Date) });
    });

    it('should send nothing more when the same scan runs again, as a new run or as the same job replayed', async () => {
      await givenGrantEnding();
      const first = await runJob(SCAN_PORTFOLIO, INFO_DAY);

      const again = await runJob(SCAN_PORTFOLIO, INFO_DAY);
      const queue = worker.get<Queue>(getQueueToken(QUEUES.portfolioScans), { strict: false });
      await queue.add(SCAN_PORTFOLIO, { runId: first.id, asOf: INFO_DAY }, { jobId: `replay-${first.id}` });
      const replayed = await waitForRun(first.id, 2);

      expect(again.counts).toEqual({ raised: 0, escalated: 0, resolved: 0, notified: 0 });
      expect(replayed).toEqual(
        expect.objectContaining({
          status: 'completed',
          attempts: 2,
          counts: { raised: 0, escalated: 0, resolved: 0, notified: 0 },
        }),
      );
      expect(smtp.received).toHaveLength(1);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications`)).toEqual([{ n: 1 }]);
    });

    it('should tell the owner and the head at warning, and add the leadership group at critical', async () => {
      const g = await givenGrantEnding();

      await runJob(SCAN_PORTFOLIO, INFO_DAY);
      const warning = await runJob(SCAN_PORTFOLIO, WARNING_DAY);
      const critical = await runJob(SCAN_PORTFOLIO, CRITICAL_DAY);

      const alertId = await g.alertId();
      expect(warning.counts).toEqual({ raised: 0, escalated: 1, resolved: 0, notified: 2 });
      expect(critical.counts).toEqual({ raised: 0, escalated: 1, resolved: 0, notified: 4 });
      expect(await recipientsOf(alertId, 'info')).toEqual([g.owner]);
      expect(await recipientsOf(alertId, 'warning')).toEqual([g.head, g.owner].sort());
      expect(await recipientsOf(alertId, 'critical')).toEqual([g.head, g.owner, ...LEADERSHIP].sort());
      const toLeadership = smtp.received.find((m) => m.key === `alerts:${critical.id}:${LEADERSHIP[0]}`);
      expect(toLeadership?.subject).toMatch(/^\[Samla\] Kritiskt: /);
      expect(toLeadership?.body).toContain(
        `eftersom du ingår i ledningsgruppen och larmet för insatsen ${g.initiative.code} är kritiskt`,
      );
      const toHead = smtp.received.find((m) => m.key === `alerts:${warning.id}:${g.head}`);
      expect(toHead?.body).toContain(
        `eftersom du är chef för den förvaltning som leder insatsen ${g.initiative.code} och larmet har nått nivån varning`,
      );
      const toOwner = smtp.received.find((m) => m.key === `alerts:${critical.id}:${g.owner}`);
      expect(toOwner?.body).toContain('Kritiskt (eskalerat): Statsbidraget från');
    });

    it('should send one mail to someone who is both process owner and head, and skip whoever has no address', async () => {
      const both = await givenGrantEnding({ owner: 'samma.person@example.se', head: 'samma.person@example.se' });
      const nobody = await givenGrantEnding({ owner: null, head: null });

      const run = await runJob(SCAN_PORTFOLIO, WARNING_DAY);

      expect(run.counts).toEqual({ raised: 2, escalated: 0, resolved: 0, notified: 1 });
      expect(await recipientsOf(await both.alertId(), 'warning')).toEqual(['samma.person@example.se']);
      expect(smtp.received[0].body).toContain('eftersom du är processägare');
      expect(await recipientsOf(await nobody.alertId(), 'warning')).toEqual([]);
    });

    it('should mail nobody about a dismissed or acknowledged alert until its severity rises', async () => {
      const dismissed = await givenGrantEnding();
      const acknowledged = await givenGrantEnding();
      await worker.get(AlertScansService).runAll(INFO_DAY);
      expect(
        (
          await t.admin
            .post(api(`/alerts/${await dismissed.alertId()}/dismiss`))
            .send({ reason: 'Beslut om ramfinansiering tas i budgeten.' })
        ).status,
      ).toBe(200);
      expect((await t.admin.post(api(`/alerts/${await acknowledged.alertId()}/acknowledge`))).status).toBe(200);

      const quiet = await runJob(SCAN_PORTFOLIO, INFO_DAY);
      const sentQuiet = smtp.received.length;
      await runJob(SCAN_PORTFOLIO, WARNING_DAY);

      expect(quiet.counts).toEqual({ raised: 0, escalated: 0, resolved: 0, notified: 0 });
      expect(sentQuiet).toBe(0);
      expect(await recipientsOf(await dismissed.alertId(), 'warning')).toEqual(
        [dismissed.head, dismissed.owner].sort(),
      );
      expect(await recipientsOf(await acknowledged.alertId(), 'warning')).toEqual(
        [acknowledged.head, acknowledged.owner].sort(),
      );
    });
  });

  describe('one notice per recipient and scan run', () => {
    it('should send a department head one mail listing every alert new to them when a scan raises several', async () => {
      const department = await givenDepartment(t.dataSource, {
        name: 'Arbetsmarknads- och socialförvaltningen',
        headEmail: 'chef.samlad@example.se',
      });
      const grants = [
        await givenGrantEnding({ department }),
        await givenGrantEnding({ department }),
        await givenGrantEnding({ department }),
      ];

      const run = await runJob(SCAN_PORTFOLIO, WARNING_DAY);

      // The head and each of the three process owners: one mail each.
      expect(run.counts).toEqual({ raised: 3, escalated: 0, resolved: 0, notified: 4 });
      const rows = await t.dataSource.query(
        `SELECT notice_key, alert_id FROM notifications WHERE recipient = 'chef.samlad@example.se'`,
      );
      expect(rows).toEqual([{ notice_key: `alerts:${run.id}:chef.samlad@example.se`, alert_id: null }]);
      const [mail] = mailTo('chef.samlad@example.se');
      expect(mailTo('chef.samlad@example.se')).toHaveLength(1);
      expect(mail.subject).toBe('[Samla] 3 nya eller eskalerade larm');
      expect(mail.body).toContain(
        'Samlas genomgång har hittat 3 larm som är nya för dig eller har eskalerats sedan du fick höra om dem',
      );
      for (const g of grants) expect(mail.body).toContain(`Insats: Fältarbetare i Kronogården (${g.initiative.code})`);
      expect(mail.body.match(/^Varning: Statsbidraget från/gm)).toHaveLength(3);
      for (const g of grants) expect(mailTo(g.owner!)).toHaveLength(1);
    });

    it('should write no notice when a second scan finds nothing new', async () => {
      const department = await givenDepartment(t.dataSource, { headEmail: 'chef.lugn@example.se' });
      await givenGrantEnding({ department });
      await givenGrantEnding({ department });
      await runJob(SCAN_PORTFOLIO, WARNING_DAY);
      const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications`);

      const second = await runJob(SCAN_PORTFOLIO, '2026-01-16');

      expect(second.counts).toEqual({ raised: 0, escalated: 0, resolved: 0, notified: 0 });
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications`)).toEqual([{ n: before }]);
    });

    it("should list only what climbed, marked as escalated, when one of a head's alerts becomes critical", async () => {
      const department = await givenDepartment(t.dataSource, { headEmail: 'chef.stege@example.se' });
      const soon = await givenGrantEnding({ department });
      const later = await givenGrantEnding({ department });
      // A warning on both days (182 and 92 days ahead): nothing new about it to tell.
      await t.dataSource.query(`UPDATE funding_lines SET period_end = '2026-07-16' WHERE id = $1`, [later.line.id]);
      await runJob(SCAN_PORTFOLIO, WARNING_DAY);

      const run = await runJob(SCAN_PORTFOLIO, CRITICAL_DAY);

      const [mail] = smtp.received.filter((m) => m.key === `alerts:${run.id}:chef.stege@example.se`);
      expect(mail.subject).toMatch(/^\[Samla\] Kritiskt: Statsbidraget från .* upphör 2026-06-30/);
      expect(mail.body).toContain(`(${soon.initiative.code})`);
      expect(mail.body).not.toContain(`(${later.initiative.code})`);
      expect(mail.body).toContain('Kritiskt (eskalerat): ');
    });

    it('should tell a recipient of an alert once when two runs plan their notices at once', async () => {
      const g = await givenGrantEnding();
      await worker.get(AlertScansService).runAll(WARNING_DAY);
      const notices = worker.get(AlertNoticesService);

      const planned = await Promise.all([
        notices.planAlertNotices(randomUUID()),
        notices.planAlertNotices(randomUUID()),
      ]);

      expect(planned.sort()).toEqual([0, 2]);
      expect(
        await t.dataSource.query(`SELECT recipient FROM alert_notices WHERE alert_id = $1 ORDER BY recipient`, [
          await g.alertId(),
        ]),
      ).toEqual([g.head, g.owner].sort().map((recipient) => ({ recipient })));
    });

    it('should mail nobody when a funding gap falls and climbs back to a level they heard of', async () => {
      const department = await givenDepartment(t.dataSource, { headEmail: 'chef.gap@example.se' });
      const initiative = await givenInitiative(t.dataSource, {
        status: 'active',
        leadDepartmentId: department.id,
        annualCostSek: 1_200_000,
        processOwner: null,
      });
      // 2027 unpaid: a critical gap for the head and the leadership group.
      await runJob('funding_gap', '2026-12-01');
      const frame = await givenFundingLine(t.dataSource, initiative.id, {
        sourceType: 'ordinary_budget',
        amountSek: 1_080_000,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
      });
      const fell = await runJob('funding_gap', '2026-12-01');
      await t.dataSource.query(`UPDATE funding_lines SET amount_sek = 0 WHERE id = $1`, [frame.id]);
      const climbedBack = await runJob('funding_gap', '2026-12-01');

      expect(fell.counts.notified).toBe(0);
      expect(climbedBack.counts).toEqual({ raised: 0, escalated: 1, resolved: 0, notified: 0 });
      expect(mailTo('chef.gap@example.se')).toHaveLength(1);
    });
  });

  describe('when the mail server fails', () => {
    it('should keep the notice pending with the error and send it once on a later run', async () => {
      const g = await givenGrantEnding();
      smtp.state.refuse = true;

      const failed = await runJob(SCAN_PORTFOLIO, INFO_DAY);
      const [pending] = await t.dataSource.query(`SELECT status, attempts, last_error, sent_at FROM notifications`);
      smtp.state.refuse = false;
      const later = await runJob(SCAN_PORTFOLIO, INFO_DAY);

      expect(failed).toEqual(
        expect.objectContaining({ status: 'completed', counts: { raised: 1, escalated: 0, resolved: 0, notified: 0 } }),
      );
      expect(pending).toEqual({
        status: 'pending',
        attempts: 1,
        last_error: expect.stringMatching(/450|Mailbox unavailable|recipients were rejected/),
        sent_at: null,
      });
      expect(later.counts).toEqual({ raised: 0, escalated: 0, resolved: 0, notified: 1 });
      expect(smtp.received.map((m) => m.to)).toEqual([[g.owner]]);
      expect(await t.dataSource.query(`SELECT status, attempts, last_error FROM notifications`)).toEqual([
        { status: 'sent', attempts: 2, last_error: null },
      ]);
    });

    it('should give a notice up as failed on its fifth refused send', async () => {
      await givenGrantEnding();
      smtp.state.refuse = true;
      await runJob(SCAN_PORTFOLIO, INFO_DAY);
      await t.dataSource.query(`UPDATE notifications SET attempts = 4`);

      const counts = await worker.get(NotificationsService).sendPending();
      smtp.state.refuse = false;
      const afterwards = await worker.get(NotificationsService).sendPending();

      expect(counts).toEqual({ sent: 0, retrying: 0, failed: 1, abandoned: 0 });
      expect(afterwards.sent).toBe(0);
      expect(await t.dataSource.query(`SELECT status, attempts FROM notifications`)).toEqual([
        { status: 'failed', attempts: 5 },
      ]);
      expect(smtp.received).toEqual([]);
    });

    it('should never send again a notice whose sender stopped between claiming and recording it, and count it', async () => {
      await givenGrantEnding();
      await worker.get(AlertScansService).runAll(INFO_DAY);
      await worker.get(AlertNoticesService).planAlertNotices(randomUUID());
      // What a worker killed mid-send leaves: the row claimed, the outcome never recorded.
      await t.dataSource.query(
        `UPDATE notifications SET status = 'sending', attempts = 1, claimed_at = now() - interval '2 hours'`,
      );

      const run = await runJob(SCAN_PORTFOLIO, INFO_DAY);
      const counts = await worker.get(NotificationsService).sendPending();

      expect(run.counts.notified).toBe(0);
      expect(counts).toEqual({ sent: 0, retrying: 0, failed: 0, abandoned: 1 });
      expect(smtp.received).toEqual([]);
      expect(await t.dataSource.query(`SELECT status, attempts FROM notifications`)).toEqual([
        { status: 'sending', attempts: 1 },
      ]);
    });
  });

  describe('the weekly digest', () => {
    it('should mail each leadership address once a week, in Swedish, listing new, escalated and unresolved critical alerts', async () => {
      const fresh = await givenGrantEnding();
      const escalated = await givenGrantEnding();
      const critical = await givenGrantEnding();
      const dismissed = await givenGrantEnding();
      const scans = worker.get(AlertScansService);
      await scans.runAll(WARNING_DAY);
      // Raised a month ago; `escalated` climbed yesterday, `critical` long ago and is still critical.
      await t.dataSource.query(
        `UPDATE alerts SET first_raised_at = now() - interval '30 days' WHERE funding_id <> $1`,
        [fresh.line.id],
      );
      await t.dataSource.query(
        `UPDATE alerts SET severity = 'critical', escalated_at = now() - interval '1 day' WHERE funding_id = $1`,
        [escalated.line.id],
      );
      await t.dataSource.query(
        `UPDATE alerts SET severity = 'critical', escalated_at = now() - interval '20 days' WHERE funding_id = $1`,
        [critical.line.id],
      );
      await t.dataSource.query(
        `UPDATE alerts SET severity = 'critical', status = 'dismissed', first_raised_at = now() WHERE funding_id = $1`,
        [dismissed.line.id],
      );

      const run = await runJob('weekly-digest');
      const again = await runJob('weekly-digest');

      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
      const digests = smtp.received
        .filter((m) => m.key.startsWith('digest:'))
        .sort((a, b) => a.key.localeCompare(b.key));
      expect(run.counts).toEqual({ raised: 0, escalated: 0, resolved: 0, notified: 2 });
      expect(again.counts.notified).toBe(0);
      expect(digests.map((m) => [m.key, m.to])).toEqual(
        LEADERSHIP.map((address) => [`digest:${isoWeek(today)}:${address}`, [address]]),
      );
      const [{ subject, body }] = digests;
      expect(subject).toBe(
        `[Samla] Veckans larm, vecka ${Number(isoWeek(today).slice(6))} ${isoWeek(today).slice(0, 4)}`,
      );
      const section = (heading: string) => body.split('\n\n').find((part) => part.startsWith(heading)) ?? '';
      const listed = (text: string) =>
        [fresh, escalated, critical, dismissed]
          .filter((g) => text.includes(`(${g.initiative.code})`))
          .map((g) => g.initiative.code);
      expect(body).toContain(`Här är veckans sammanfattning av larmen i Samla, till och med ${today}.`);
      expect(section('Nya larm de senaste sju dagarna (1)')).toContain(
        '- Varning: Statsbidraget från Länsstyrelsen Västra Götaland upphör 2026-06-30',
      );
      expect(listed(section('Nya larm de senaste sju dagarna'))).toEqual([fresh.initiative.code]);
      expect(listed(section('Larm som har eskalerats de senaste sju dagarna (1)'))).toEqual([
        escalated.initiative.code,
      ]);
      expect(listed(section('Olösta kritiska larm (2)'))).toEqual([
        escalated.initiative.code,
        critical.initiative.code,
      ]);
      expect(section('Olösta kritiska larm')).toContain('- Kritiskt: ');
      expect(body).toContain('eftersom du ingår i ledningsgruppen');
    });

    it('should say that there is nothing when no alert is open, keyed by the ISO week across a year end', async () => {
      await runJob('weekly-digest', '2021-01-03');

      expect(smtp.received.map((m) => m.key).sort()).toEqual(LEADERSHIP.map((address) => `digest:2020-W53:${address}`));
      expect(smtp.received[0].subject).toBe('[Samla] Veckans larm, vecka 53 2020');
      expect(smtp.received[0].body).toContain('Nya larm de senaste sju dagarna (0)\nInga.');
      expect(smtp.received[0].body).toContain('Olösta kritiska larm (0)\nInga.');
    });
  });
});

describe('Notifications without a mail server', () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let dropDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dropDir = await mkdtemp(join(tmpdir(), 'samla-mail-'));
    delete process.env.SMTP_URL;
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      MAIL_DROP_DIR: join(dropDir, 'mail'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    });
    moduleRef = await Test.createTestingModule({
      imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), NotificationsModule],
    }).compile();
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef.close();
    await database.drop();
    await rm(dropDir, { recursive: true, force: true });
  });

  it('should write each mail as <notice id>.eml to MAIL_DROP_DIR', async () => {
    const ds = moduleRef.get(DataSource);
    await enqueueNotices(ds, {
      sql: `SELECT 'test:drop' AS notice_key, NULL::uuid AS alert_id, 'mottagare@example.se' AS recipient, 'Larm om statsbidrag' AS subject, 'Hej! Ett bidrag upphör snart.' AS body`,
      params: [],
    });

    const counts = await moduleRef.get(NotificationsService).sendPending();

    const [{ id }] = await ds.query(`SELECT id FROM notifications WHERE notice_key = 'test:drop' AND status = 'sent'`);
    expect(counts).toEqual({ sent: 1, retrying: 0, failed: 0, abandoned: 0 });
    expect(await readdir(join(dropDir, 'mail'))).toEqual([`${id}.eml`]);
    const mail = parseMail(await readFile(join(dropDir, 'mail', `${id}.eml`), 'utf8'), []);
    expect(mail).toEqual({
      key: 'test:drop',
      to: [],
      subject: 'Larm om statsbidrag',
      body: expect.stringContaining('Hej! Ett bidrag upphör snart.'),
    });
  });
});
