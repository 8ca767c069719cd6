import path from 'node:path';
import { appUrlOf, buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { migrateToLatest, openDatabase } from './platform/db/database.ts';

function open(config: Config) {
  return openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'entraide.sqlite') });
}

async function serve(config: Config): Promise<void> {
  const database = open(config);
  await migrateToLatest(database);
  const { app, jobs } = await buildApp(config, database);
  const stop = async () => {
    await app.close();
    await database.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  jobs.start();
  app.log.info(`Entraide is ready at ${appUrlOf(config)} (${database.dialect})`);
}

async function migrate(config: Config): Promise<void> {
  const database = open(config);
  await migrateToLatest(database);
  await database.destroy();
  console.log(`Database is up to date (${database.dialect}).`);
}

const commands: Record<string, (config: Config) => Promise<void>> = { serve, migrate };

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
