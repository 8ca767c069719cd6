import type { Clock } from './clock.ts';
import type { Db, Dialect } from './db/database.ts';
import type { EventBus } from './events.ts';
import type { Mailer } from './mail/mailer.ts';

/** What every service is built with. Services never see the HTTP request. */
export interface ServiceDeps {
  db: Db;
  dialect: Dialect;
  mailer: Mailer;
  /** Base URL for links in e-mails, e.g. `http://127.0.0.1:3000`. */
  appUrl: string;
  /** Emitted after a transaction commits; see events.ts. */
  events: EventBus;
  /** The time; never `new Date()` in a service (see clock.ts). */
  clock: Clock;
}
