export * from './job-registry';
export * from './job-producer';
export * from './queue.module';
