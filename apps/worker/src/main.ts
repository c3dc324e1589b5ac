import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadEnvironmentOrExit, preflightOrExit, runMain } from '@vankien/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

runMain('worker', async () => {
  const environment = loadEnvironmentOrExit('worker');
  await preflightOrExit('worker', environment);
  // an application context, not an HTTP app: the worker listens on no port
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // exit 0 after a clean shutdown (by default Nest re-raises the signal, and the exit looks like a kill)
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  await app.init();
});
