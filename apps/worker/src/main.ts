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
  app.enableShutdownHooks();
  await app.init();
});
