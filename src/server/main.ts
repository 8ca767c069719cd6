import path from 'node:path';
import { appUrlOf, buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { migrateToLatest, openDatabase } from './platform/db/database.ts';
import { describeDemo, loadDemo } from './demo/demo-loader.ts';
import { systemClock } from './platform/clock.ts';
import { startInboundServer, type InboundServer } from './platform/mail/inbound-server.ts';

function open(config: Config) {
  return openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'entraide.sqlite') });
}

async function serve(config: Config): Promise<void> {
  const database = open(config);
  await migrateToLatest(database);
  const { app, jobs, inboundMail } = await buildApp(config, database);
  let inbound: InboundServer | null = null;
  const stop = async () => {
    // Mail in first: a message being received still reaches a working app and database.
    await inbound?.close();
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  jobs.start();
  if (config.inboundSmtpPort !== null) {
    inbound = await startInboundServer({
      port: config.inboundSmtpPort,
      host: config.inboundSmtpHost,
      maxBytes: config.inboundMaxBytes,
      domain: config.mailDomain,
      ...inboundMail,
      log: app.log,
    });
  }
  app.log.info(`Entraide is ready at ${appUrlOf(config)} (${database.dialect})`);
}

async function migrate(config: Config): Promise<void> {
  const database = open(config);
  await migrateToLatest(database);
  await database.destroy();
  console.log(`Database is up to date (${database.dialect}).`);
}

/** Loads the demo data set (people, groups, sessions, discussions) unless it is already there. */
async function demo(config: Config): Promise<void> {
  const database = open(config);
  await migrateToLatest(database);
  // Dozens of sign-ups from one place, and mail that must never leave for example.org.
  const clock = systemClock;
  const { app } = await buildApp({ ...config, rateLimits: false, smtpUrl: null, logLevel: 'warn' }, database, { clock });
  try {
    const summary = await loadDemo(app, { now: clock.now().getTime() });
    console.log(describeDemo(summary, appUrlOf(config)));
  } finally {
    await app.close();
    await database.destroy();
  }
}

const commands: Record<string, (config: Config) => Promise<void>> = { serve, migrate, demo };

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'serve';
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}`);
    process.exit(2);
  }
  await command(loadConfig());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
